"""Entity F1 of an annotation engine on a CoNLL-2003 split, through the shared scorer.

Does what DESIGN.md's recipe does with `broadsheet annotate --plain --json`, without needing the
ingest layer: each prepared document is read as plain text exactly as it is in the file, the
engine annotates it, and one `annotate --json` record per file goes to a JSONL file that
`../shared/eval/score_conll.py score` reads.

    python benchmarks/eval_conll.py                       # rules engine, dev split
    python benchmarks/eval_conll.py --engine spacy --split train
    python benchmarks/eval_conll.py --keep /tmp/conll     # keep documents and JSONL

The test split is deliberately not in ../shared/data: tune on train and dev only.
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
SCORER = SHARED / "eval" / "score_conll.py"

sys.path.insert(0, str(ROOT))

from tui.nlp import get_extractor  # noqa: E402


def annotate_folder(folder: Path, engine: str, out: Path) -> tuple[int, int, float]:
    """Annotate every doc_*.txt in `folder` into `out`; return documents, words and seconds."""
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="rules", choices=("rules", "spacy"))
    parser.add_argument("--split", default="dev", choices=("train", "dev"))
    parser.add_argument("--keep", type=Path, help="folder to keep documents and JSONL in")
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
        return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
