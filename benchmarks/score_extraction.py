"""Body extraction on real news pages, end to end: unpack, `broadsheet annotate --json`, score.

Usage: python benchmarks/score_extraction.py [SPLIT_DIR] [--keep DIR]
  SPLIT_DIR (default ../shared/data/extraction) holds html/<key>.html.gz and ground-truth.json.
  The pages are unpacked as <key>.html into a temporary folder (or DIR with --keep, which is
  left in place to look at), annotated with the installed command's code, and scored by
  ../shared/eval/score_extraction.py --anchor (the benchmark's own metric, plain trafilatura
  scored beside it). Prints the scorer's lines; the last one is the summary.

The pages are public benchmark data under their own licence: they are only read from the
shared folder, never copied into the project.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"


def unpack(split: Path, into: Path) -> list[Path]:
    """Every page of the split as <key>.html under `into`."""
    pages = []
    for packed in sorted((split / "html").glob("*.html.gz")):
        page = into / packed.name.removesuffix(".gz")
        page.write_bytes(gzip.decompress(packed.read_bytes()))
        pages.append(page)
    return pages


def annotate(pages: list[Path], out: Path) -> None:
    """`broadsheet annotate --json` over the pages, one JSON line per page, into `out`."""
    command = [sys.executable, "-m", "tui.cli", "annotate", "--json", *map(str, pages)]
    with out.open("w", encoding="utf-8") as sink:
        subprocess.run(command, stdout=sink, check=True, cwd=HERE.parent)


def main(argv: list[str]) -> int:
    args = argv[1:]
    keep = None
    if "--keep" in args:
        i = args.index("--keep")
        keep = Path(args[i + 1])
        del args[i : i + 2]
    split = Path(args[0]) if args else SHARED / "data" / "extraction"
    scorer = SHARED / "eval" / "score_extraction.py"
    if not (split / "ground-truth.json").is_file() or not scorer.is_file():
        print(f"benchmark data or scorer not found under {split} / {scorer}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        pages = unpack(split, folder)
        out = folder / "annotations.jsonl"
        annotate(pages, out)
        score = [sys.executable, str(scorer), str(split), str(out), "--anchor"]
        return subprocess.run(score).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
