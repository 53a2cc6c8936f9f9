"""Quote recall, precision and speaker accuracy on PolNeAR, through the `annotate --json` contract.

Why a script of its own rather than `broadsheet annotate --plain --json`: it measures the NLP
engine alone, so the figures do not move when ingest or the CLI change, and it can also run the
quote finder with no entities at all (the entity engine is built in parallel and must never be a
prerequisite for good quotes). Each text file is read exactly as it is (UTF-8, newlines kept), so
offsets are offsets into the file, as the scorer expects.

    python benchmarks/eval_polnear.py                 # dev split, with and without entities
    python benchmarks/eval_polnear.py --split train --mode entities --out /tmp/train.jsonl
    python benchmarks/eval_polnear.py --engine spacy --mode entities

`--engine`: `rules` (the default), `spacy` (the rules engine's entities, spaCy's parse for
reported speech: what `--engine spacy` is in the app and the command line), or `spacy-ner`
(spaCy's own entities and the parse, for comparison). With `--mode empty` an engine that parses
is given no entities, like the rules engine.

Prints the scorer's line for each mode, with the pronoun figure (`--resolved`) where the split
has its `speakers_resolved.jsonl`, then the sure-but-wrong rate: of the found attributions whose
speaker can be judged and whose shown speaker is marked sure, the share that is wrong. Tune on
train and dev only: the test split is held out.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tui.nlp import Extractor, get_extractor  # noqa: E402
from tui.nlp.quotes import find_quotes  # noqa: E402

ENGINE_CHOICES = ("rules", "spacy", "spacy-ner")


def make_extractor(engine: str) -> Extractor:
    """The engine named on the command line; "spacy-ner" is the spaCy engine with spaCy's own
    entities (`--engine spacy` takes the rules engine's)."""
    if engine == "spacy-ner":
        from tui.nlp.spacy_engine import SpacyExtractor

        return SpacyExtractor(ner=True)
    return get_extractor(engine)


def annotate_split(
    split_dir: Path, use_entities: bool, engine: str = "rules"
) -> list[dict[str, object]]:
    """One `annotate --plain --json` record per text file of the split, in name order."""
    extractor = make_extractor(engine)
    records: list[dict[str, object]] = []
    for path in sorted((split_dir / "text").glob("*.txt")):
        with path.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        if use_entities:
            ann = extractor.annotate(text)
            entities = [e.model_dump() for e in ann.entities]
            quotes = [q.model_dump() for q in ann.quotes]
        elif engine == "rules":
            entities = []
            quotes = [q.model_dump() for q in find_quotes(text, [])]
        else:
            from tui.nlp.parse_attribution import find_quotes_parsed
            from tui.nlp.spacy_engine import SpacyExtractor

            assert isinstance(extractor, SpacyExtractor)
            entities = []
            quotes = [q.model_dump() for q in find_quotes_parsed(text, [], extractor.parse)]
        records.append({"path": str(path), "text": text, "entities": entities, "quotes": quotes})
    return records


def sure_but_wrong(
    split_dir: Path, records: list[dict[str, object]], scorer: Path
) -> tuple[int, int]:
    """(sure and wrong, quotes with a sure speaker) over found gold attributions whose
    speaker the scorer can judge (a named source, or a pronoun with its resolved name).

    Why here and not in the scorer: the shared scorer is read-only and judges every speaker
    alike; a wrong name shown as certain misleads a reader more than one shown as a guess, so
    the engine's `speaker_sure` is measured on its own, with the scorer's own matching and
    speaker tests (the first predicted quote covering half a gold Content is the one shown)."""
    spec = importlib.util.spec_from_file_location("score_polnear", scorer)
    if spec is None or spec.loader is None:
        return 0, 0
    sp = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sp)
    resolved: dict[tuple[str, int, int], dict[str, object]] = {}
    resolved_path = split_dir / "speakers_resolved.jsonl"
    if resolved_path.is_file():
        for line in resolved_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                g = json.loads(line)
                resolved[(g["article"], g["content_start"], g["content_end"])] = g
    by_name = {Path(str(r["path"])).name: r for r in records}
    first_ann: dict[str, Path] = {}
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        first_ann.setdefault(ann.name.rsplit("_", 1)[0] + ".txt", ann)
    wrong = sure = 0
    for name, ann in first_ann.items():
        quotes = by_name.get(name, {}).get("quotes", [])
        assert isinstance(quotes, list)
        for g in sp.parse_ann(ann):
            need = (g["end"] - g["start"]) / 2
            hits = [
                q for q in quotes if min(q["end"], g["end"]) - max(q["start"], g["start"]) >= need
            ]
            if not hits:
                continue
            gold_names = sp.caps(g["source"])
            r = resolved.get((name, g["start"], g["end"]))
            if gold_names:
                right = any(sp.caps(h.get("speaker")) & gold_names for h in hits)
            elif r is not None:
                right = any(sp.resolved_right(h.get("speaker"), r) for h in hits)
            else:
                continue
            shown = hits[0]
            if shown.get("speaker") and shown.get("speaker_sure", True):
                sure += 1
                wrong += not right
    return wrong, sure


def main(argv: list[str] | None = None) -> int:
    """Annotate, write the JSONL, run the shared scorer and echo its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", default="dev", help="dev, train, or a split folder")
    parser.add_argument("--mode", choices=("both", "entities", "empty"), default="both")
    parser.add_argument("--out", type=Path, help="where to write the JSONL (one mode only)")
    parser.add_argument("--engine", choices=ENGINE_CHOICES, default="rules")
    args = parser.parse_args(argv)

    split_dir = Path(args.split)
    if not split_dir.is_dir():
        split_dir = SHARED / "data" / "polnear" / args.split
    scorer = SHARED / "eval" / "score_polnear.py"
    if not split_dir.is_dir() or not scorer.is_file():
        print(
            f"skipped: PolNeAR split or scorer not found ({split_dir}, {scorer})", file=sys.stderr
        )
        return 0

    modes = ["entities", "empty"] if args.mode == "both" else [args.mode]
    tmp = Path(tempfile.mkdtemp(prefix="polnear-"))
    for mode in modes:
        out = args.out if args.out and len(modes) == 1 else tmp / f"polnear_{mode}.jsonl"
        t0 = time.perf_counter()
        records = annotate_split(split_dir, use_entities=mode == "entities", engine=args.engine)
        elapsed = time.perf_counter() - t0
        with out.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        label = "with entities" if mode == "entities" else "EMPTY entities"
        print(f"[{args.engine}, {label}] {len(records)} files annotated in {elapsed:.2f}s -> {out}")
        resolved = split_dir / "speakers_resolved.jsonl"
        extra = ["--resolved", str(resolved)] if resolved.is_file() else []
        result = subprocess.run(
            [sys.executable, str(scorer), str(split_dir), str(out), *extra],
            capture_output=True,
            text=True,
            check=False,
        )
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        wrong, sure = sure_but_wrong(split_dir, records, scorer)
        if sure:
            print(
                f"sure but wrong: {wrong}/{sure} quotes with a sure speaker "
                f"({wrong / sure:.3f}; target < 0.03)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
