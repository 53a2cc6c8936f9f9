"""Entity F1 of an annotation engine on a CoNLL-2003 split, through the shared scorer.

Does what DESIGN.md's recipe does with `broadsheet annotate --plain --json`, without needing the
ingest layer: each prepared document is read as plain text exactly as it is in the file, the
engine annotates it, and one `annotate --json` record per file goes to a JSONL file that
`../shared/eval/score_conll.py score` reads.

    python benchmarks/eval_conll.py                       # rules engine, dev split
    python benchmarks/eval_conll.py --engine spacy-ner --split train   # spaCy's own entities
    python benchmarks/eval_conll.py --keep /tmp/conll     # keep documents and JSONL
    python benchmarks/eval_conll.py --errors 200          # also list errors to read by eye

`--errors` lists wrong and missed spans with their line, counted the way the scorer counts
them (exact spans over PER, ORG and LOC; anything touching a MISC span left out), grouped by
kind ("PER as ORG", "missed LOC", "spurious PER") with the biggest kinds first, so that the
fixes go where most of the errors are.

The test split is deliberately not in ../shared/data: tune on train and dev only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score_conll.py"

sys.path.insert(0, str(ROOT))

from tui.nlp import Extractor, get_extractor  # noqa: E402


def annotate_folder(folder: Path, engine: str, out: Path) -> tuple[int, int, float]:
    """Annotate every doc_*.txt in `folder` into `out`; return documents, words and seconds."""
    if engine == "spacy-ner":  # spaCy's own recogniser, for comparison
        from tui.nlp.spacy_engine import SpacyExtractor

        extractor: Extractor = SpacyExtractor(ner=True)
    else:
        extractor = get_extractor(engine)
    docs = sorted(folder.glob("doc_*.txt"))
    words = 0
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for path in docs:
            text = path.read_text(encoding="utf-8")
            words += len(text.split())
            ann = extractor.annotate(text)
            record = {
                "path": str(path),
                "title": None,
                "date": None,
                "author": None,
                "source": None,
                "section": None,
                "text": text,
                "entities": [e.model_dump() for e in ann.entities],
                "quotes": [q.model_dump() for q in ann.quotes],
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(docs), words, time.perf_counter() - started


_LABEL = {"PERSON": "PER", "ORG": "ORG", "PLACE": "LOC"}


def _show(text: str, name: str, tokens: list[tuple[int, int]], span: tuple[int, int]) -> str:
    """One error: the span's text, its document and its line with the span in [[brackets]]."""
    if span[0] >= 0:
        a, b = tokens[span[0]][0], tokens[span[1] - 1][1]
    else:
        a, b = -1 - span[0], -1 - span[1]
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    before, after = line[: a - line_start], line[b - line_start :][:80]
    return f"{text[a:b]!r:32} {name}: {before}[[{text[a:b]}]]{after}"


def list_errors(folder: Path, jsonl: Path, limit: int) -> None:
    """Print the errors of the annotations in `jsonl`, up to `limit` examples per kind."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    kinds: dict[str, list[str]] = defaultdict(list)
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        name = Path(record["path"]).name
        text: str = record["text"]
        tokens = [(t[0], t[1]) for t in gold[name]["tokens"]]
        starts = {a: i for i, (a, _) in enumerate(tokens)}
        ends = {b: i for i, (_, b) in enumerate(tokens)}
        want = {(s, e): t for s, e, t in gold[name]["spans"] if t in ("PER", "ORG", "LOC")}
        misc = [(s, e) for s, e, t in gold[name]["spans"] if t not in ("PER", "ORG", "LOC")]
        got: dict[tuple[int, int], str] = {}
        for ent in record["entities"]:
            label = _LABEL.get(ent["label"])
            if label is None:
                continue
            a, b = ent["start"], ent["end"]
            span = (starts[a], ends[b] + 1) if a in starts and b in ends else (-1, -1)
            if span == (-1, -1):
                span = (-1 - a, -1 - b)  # off the token grid: never equal to a gold span
            if any(not (span[1] <= ms or span[0] >= me) for ms, me in misc) and span[0] >= 0:
                continue
            got[span] = label

        for span, label in got.items():
            gold_label = want.get(span)
            if gold_label == label:
                continue
            kind = f"{gold_label} as {label}" if gold_label else f"spurious {label}"
            kinds[kind].append(_show(text, name, tokens, span))
        for span, label in want.items():
            if span not in got:
                overlap = [s for s in got if s[0] < span[1] and span[0] < s[1]]
                kind = f"missed {label}" + (" (other span)" if overlap else "")
                kinds[kind].append(_show(text, name, tokens, span))
    counts = Counter({kind: len(items) for kind, items in kinds.items()})
    for kind, count in counts.most_common():
        print(f"\n== {kind}: {count}")
        words = Counter(item.split(" ", 1)[0] for item in kinds[kind])
        print("   most often: " + ", ".join(f"{w} {n}" for w, n in words.most_common(12)))
        for item in kinds[kind][:limit]:
            print("   " + item)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="rules", choices=("rules", "spacy", "spacy-ner"))
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--keep", type=Path, help="folder to keep documents and JSONL in")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="list up to N errors of each kind"
    )
    args = parser.parse_args(argv)

    conll = SHARED / "data" / "conll2003" / f"{args.split}.txt"
    if not conll.is_file() or not SCORER.is_file():
        print(f"skipped: {conll} or {SCORER} is missing", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        folder = base / f"conll_{args.split}"
        if not (folder / "gold.json").is_file():
            subprocess.run(
                [sys.executable, str(SCORER), "prepare", str(conll), str(folder)], check=True
            )
        jsonl = base / f"conll_{args.split}_{args.engine}.jsonl"
        n, words, seconds = annotate_folder(folder, args.engine, jsonl)
        print(
            f"{args.engine}: annotated {n} documents, {words} words in {seconds:.2f} s "
            f"({words / max(seconds, 1e-9):,.0f} words/s)"
        )
        done = subprocess.run([sys.executable, str(SCORER), "score", str(folder), str(jsonl)])
        if args.errors:
            list_errors(folder, jsonl, args.errors)
        return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
