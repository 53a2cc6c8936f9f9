"""Quote recall, precision and speaker accuracy on PolNeAR, through the `annotate --json` contract.

Why a script of its own rather than `broadsheet annotate --plain --json`: it measures the NLP
engine alone, so the figures do not move when ingest or the CLI change, and it can also run the
quote finder with no entities at all (the entity engine is built in parallel and must never be a
prerequisite for good quotes). Each text file is read exactly as it is (UTF-8, newlines kept), so
offsets are offsets into the file, as the scorer expects.

    python benchmarks/eval_polnear.py                 # dev split, with and without entities
    python benchmarks/eval_polnear.py --split train --mode entities --out /tmp/train.jsonl

Prints the scorer's line for each mode, with the pronoun figure (`--resolved`) where the split
has its `speakers_resolved.jsonl`. Tune on train and dev only: the test split is held out.
"""

from __future__ import annotations

import argparse
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

from tui.nlp import get_extractor  # noqa: E402
from tui.nlp.quotes import find_quotes  # noqa: E402


def annotate_split(split_dir: Path, use_entities: bool) -> list[dict[str, object]]:
    """One `annotate --plain --json` record per text file of the split, in name order."""
    extractor = get_extractor("rules")
    records: list[dict[str, object]] = []
    for path in sorted((split_dir / "text").glob("*.txt")):
        with path.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        if use_entities:
            ann = extractor.annotate(text)
            entities = [e.model_dump() for e in ann.entities]
            quotes = [q.model_dump() for q in ann.quotes]
        else:
            entities = []
            quotes = [q.model_dump() for q in find_quotes(text, [])]
        records.append({"path": str(path), "text": text, "entities": entities, "quotes": quotes})
    return records


def main(argv: list[str] | None = None) -> int:
    """Annotate, write the JSONL, run the shared scorer and echo its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", default="dev", help="dev, train, or a split folder")
    parser.add_argument("--mode", choices=("both", "entities", "empty"), default="both")
    parser.add_argument("--out", type=Path, help="where to write the JSONL (one mode only)")
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
        records = annotate_split(split_dir, use_entities=mode == "entities")
        elapsed = time.perf_counter() - t0
        with out.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        label = "with entities" if mode == "entities" else "EMPTY entities"
        print(f"[{label}] {len(records)} files annotated in {elapsed:.2f}s -> {out}")
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
