"""A baseline for indexing speed: stock Whoosh, two processes, no Broadsheet machinery.

Why it exists: the machine the benchmarks run on is small and shared, so an absolute indexing
time says little. This script indexes the same files as Broadsheet (found with Broadsheet's own
`discover`, read with plain `open()`) with the same analyser Broadsheet uses for title and body
text (`tui.search.schema.TEXT_ANALYZER`: its token pattern, stop list, minimum length and Porter
stemming), and nothing else: no annotation, no entity, quote or name fields, no stored article
text, no manifest. `app_bench.py --cold` runs it in the same session as the app and prints
Broadsheet's whole-index time divided by this one.

    python benchmarks/bare_whoosh.py CORPUS [--index-dir DIR] [--mode mp-segments]

A file is one document: its first line the title, the rest the body (a `.jsonl` file is one
document a line, its "title" and "text" keys, so the generated corpora count the same documents
as Broadsheet). The schema: path (ID, stored, unique), title (TEXT, stored, phrase), body (TEXT,
phrase). The timed span starts before the folder is walked and ends after the commit.

Two processes (--mode):
  mp-segments  the default: `ix.writer(procs=2, limitmb=..., multisegment=True)`, Whoosh's own
               MpWriter. This process reads the files and hands batches of 100 documents to two
               writer subprocesses; each analyses and writes its own segment, and the commit
               keeps both (no merge), the same shape as Broadsheet's index (one segment per
               worker). The fastest and simplest: on the shared 2-core machine, 6 interleaved
               BBC runs took 4.0-8.5 s (median ~7.5 s) against 5.5-13.7 s (median ~8.6 s) for
               `split`, 11-15 s for `mp-merge` and 7.9-9.4 s for `single`.
  split        two processes each read every other file and write a segment (a SegmentWriter
               without the lock, as MpWriter's workers use); one commit lists both segments.
  mp-merge     as mp-segments, but the commit merges the two segments into one (Whoosh's
               default for procs > 1).
  single       one process (`ix.writer()`), for reference.
`--limitmb` is each writer's memory for postings before it flushes a run to disk (default 256).
Without `--index-dir` a temporary folder is used and removed.

What the comparison holds equal, and what not. Equal: the files (Broadsheet's `discover`), one
document per article, the analyser of the title and body text, two processes that analyse and
write segments, no merge at the end, and (in `app_bench.py`) the whole process from interpreter
start to exit, run right after Broadsheet's build on the same machine. Not equal, by design:
Broadsheet also annotates every article (people, places, organisations, quotes), indexes those
in eight more fields, stores the text and annotations compressed, hashes each file, keeps a
manifest and commits as it goes so the app can search early. Not equal, in the baseline's
favour: its writers are forked from a process that has imported only Whoosh (Broadsheet's
workers are spawned fresh: about 0.3 s of CPU each to load the annotation engine), and its
feeding process does the reading. On a busy shared machine the ratio tends to the ratio of the
CPU time both need (a build of BBC: Broadsheet's app and workers together about 15-19 s, bare
Whoosh about 6-7 s), since every busy process gets its share of the two cores.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from whoosh import fields, index  # noqa: E402
from whoosh.writing import SegmentWriter  # noqa: E402

from tui.ingest.discover import discover  # noqa: E402
from tui.search.schema import TEXT_ANALYZER  # noqa: E402

MODES = ("mp-segments", "split", "mp-merge", "single")
LIMIT_MB = 256


def bare_schema() -> fields.Schema:
    return fields.Schema(
        path=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=TEXT_ANALYZER, stored=True, phrase=True),
        body=fields.TEXT(analyzer=TEXT_ANALYZER, phrase=True),
    )


def documents(paths: Iterable[Path]) -> Iterator[tuple[str, str, str]]:
    """(path, title, body) for each document of these files, read with plain open()."""
    for path in paths:
        name = str(path)
        with open(path, encoding="utf-8", errors="replace") as fh:
            if path.suffix.lower() == ".jsonl":
                for n, line in enumerate(fh):
                    if not line.strip():
                        continue
                    try:
                        item = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(item, dict):
                        yield (
                            f"{name}#{n}",
                            str(item.get("title", "")),
                            str(item.get("text", item.get("body", ""))),
                        )
                continue
            text = fh.read()
        title, _, body = text.partition("\n")
        yield name, title, body


def build(
    corpus: Path,
    index_dir: Path | None = None,
    mode: str = "mp-segments",
    limitmb: int = LIMIT_MB,
) -> tuple[float, int]:
    """Index `corpus` into a new index in `index_dir` (emptied first; a temporary folder if
    None); returns (seconds from the start of the walk to the end of the commit, documents)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    temp = None
    if index_dir is None:
        temp = tempfile.mkdtemp(prefix="bare-whoosh-")
        index_dir = Path(temp)
    try:
        if index_dir.exists():
            if any(index_dir.iterdir()) and not any(index_dir.glob("_MAIN_*.toc")):
                raise SystemExit(f"{index_dir} holds something other than a Whoosh index")
            shutil.rmtree(index_dir)
        index_dir.mkdir(parents=True)
        started = time.perf_counter()
        ix = index.create_in(str(index_dir), bare_schema())
        if mode == "split":
            count = _build_split(ix, index_dir, list(discover(corpus)), limitmb)
            took = time.perf_counter() - started
            ix.close()
            return took, count
        if mode == "single":
            writer = ix.writer(limitmb=limitmb)
        else:
            writer = ix.writer(procs=2, limitmb=limitmb, multisegment=mode == "mp-segments")
        count = 0
        for path, title, body in documents(discover(corpus)):
            writer.add_document(path=path, title=title, body=body)
            count += 1
        writer.commit()
        took = time.perf_counter() - started
        ix.close()
        return took, count
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


def _split_worker(
    index_dir: str, paths: list[Path], limitmb: int, results: multiprocessing.Queue
) -> None:
    """One of the two processes of `split`: its own files into its own segment, uncommitted."""
    ix = index.open_dir(index_dir)
    writer = SegmentWriter(ix, _lk=False, limitmb=limitmb)
    count = 0
    for path, title, body in documents(paths):
        writer.add_document(path=path, title=title, body=body)
        count += 1
    results.put((writer._finalize_segment(), count))


def _build_split(ix: index.Index, index_dir: Path, paths: list[Path], limitmb: int) -> int:
    """Two processes each index every other file into a segment; one commit lists both (what
    Whoosh's MpWriter does with multisegment=True, minus handing documents over through
    pickled batch files: each process reads its own files)."""
    writer = ix.writer()  # holds the lock; commits the table of contents at the end
    ctx = multiprocessing.get_context("fork")  # as Whoosh's own MpWriter (the default on Linux)
    results: multiprocessing.Queue = ctx.Queue()
    procs = [
        ctx.Process(target=_split_worker, args=(str(index_dir), paths[n::2], limitmb, results))
        for n in range(2)
    ]
    for proc in procs:
        proc.start()
    done = [results.get() for _ in procs]
    for proc in procs:
        proc.join()
        if proc.exitcode:
            raise RuntimeError(f"a worker exited {proc.exitcode}")
    writer._close_segment()
    writer._commit_toc([segment for segment, _ in done])
    writer._finish()
    return sum(count for _, count in done)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder of articles")
    parser.add_argument("--index-dir", type=Path, help="where to build (emptied first)")
    parser.add_argument("--mode", choices=MODES, default="mp-segments", help="see above")
    parser.add_argument("--limitmb", type=int, default=LIMIT_MB, help="per writer (256)")
    args = parser.parse_args(argv)
    seconds, docs = build(args.corpus, args.index_dir, args.mode, args.limitmb)
    print(f"{seconds:.2f} s, {docs} docs ({args.mode}, limitmb {args.limitmb})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
