"""`broadsheet index CORPUS`: build or update the search index, with a progress bar."""

from __future__ import annotations

import argparse
import errno
import importlib.util
import os
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.commands import CommandError

if TYPE_CHECKING:  # imported where used: `broadsheet --help` and a search need none of them
    from rich.console import Console

    from tui.search.api import IndexSummary

INDEX_LOCK_WAIT = 30.0
"""Seconds `index` waits for another process's update before giving up."""


def mount_point(path: Path) -> Path:
    """The mount point holding `path`: the device a user must free space on."""
    path = Path(os.path.abspath(path))
    while not path.exists() and path != path.parent:
        path = path.parent
    while not os.path.ismount(path) and path != path.parent:
        path = path.parent
    return path


def resolve_corpus(given: str) -> Path:
    corpus = Path(given).expanduser()
    if not corpus.exists():
        raise CommandError(f"{given}: no such folder")
    if not corpus.is_dir():
        raise CommandError(f"{given}: not a folder")
    return corpus.resolve()


def choose_engine(requested: str | None, err: Console) -> str:
    """The annotation engine to index with; spaCy falls back to rules when not installed."""
    if requested:
        name = requested
    else:
        from tui.config import load_settings

        name = load_settings().engine
    if name == "spacy" and importlib.util.find_spec("spacy") is None:
        from rich.text import Text

        err.print(
            Text(
                "broadsheet: spaCy engine needs: pip install 'broadsheet[spacy]'; "
                "using the rules engine"
            )
        )
        return "rules"
    return name


def open_engine_for(args: argparse.Namespace, engine: str | None, lock_timeout: float) -> Any:
    from tui.search import open_engine

    corpus = resolve_corpus(args.corpus)
    index_dir = Path(args.index_dir).expanduser() if args.index_dir else None
    try:
        return open_engine(corpus, index_dir, engine, lock_timeout=lock_timeout)
    except OSError as exc:
        raise CommandError(f"cannot open the index: {exc.strerror or exc}") from exc


class Bar:
    """A Rich progress bar on stderr fed by the engine's (done, total) callback."""

    def __init__(self, console: Console, label: str) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self.task = self.progress.add_task(label, total=None)

    def __call__(self, done: int, total: int) -> None:
        # Every file read is not the end: the writer still merges and commits, which takes a
        # while on a large corpus (half a minute at 100,000 articles). Say so.
        label = "writing the index" if total and done >= total else "indexing"
        self.progress.update(self.task, completed=done, total=total or None, description=label)

    def __enter__(self) -> Bar:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


def run_update(engine: Any, rebuild: bool, err: Console, show: bool) -> IndexSummary:
    """engine.update() with a progress bar, turning expected failures into `CommandError`."""
    from tui.search import IndexLocked

    bar: AbstractContextManager[Any] = Bar(err, "indexing") if show else nullcontext(None)
    try:
        with bar as progress:
            summary: IndexSummary = engine.update(progress=progress, rebuild=rebuild)
            return summary
    except IndexLocked as exc:
        raise CommandError(str(exc)) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise CommandError(
                f"no space left on {mount_point(engine.index_dir)} while writing the index "
                "(what was committed is kept: the next run carries on from it)"
            ) from exc
        raise CommandError(f"cannot write the index: {exc.strerror or exc}") from exc
    except RuntimeError as exc:  # engine unavailable, a worker process died
        raise CommandError(f"indexing failed: {exc}") from exc


def describe(summary: IndexSummary) -> str:
    parts = [
        f"{summary.added} added",
        f"{summary.updated} updated",
        f"{summary.removed} removed",
    ]
    if summary.renamed:
        parts.append(f"{summary.renamed} renamed")
    parts += [f"{summary.unchanged} unchanged", f"{len(summary.skipped)} skipped"]
    line = f"{', '.join(parts)}; {summary.articles} articles in the index ({summary.seconds:.1f} s)"
    if summary.rebuilt:
        line += f"; rebuilt: {summary.reason or 'requested'}"
    if summary.resumed:
        line += "; resumed an interrupted first build from its last commit"
    return line


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.text import Text

    from tui.ingest import safe_text

    err = Console(stderr=True, highlight=False)
    out = Console(highlight=False)
    engine = choose_engine(args.engine, err)
    search = open_engine_for(args, engine, INDEX_LOCK_WAIT)
    from tui.commands import freshness

    snap = freshness.snapshot(search.corpus)  # the files this update will have seen at least
    try:
        summary = run_update(search, args.rebuild, err, show=True)
    finally:
        search.close()
    if summary.readonly:
        raise CommandError(summary.reason or "index is locked by another process")
    # The next `broadsheet search` need not walk and update again for what was just indexed.
    freshness.record(search.index_dir, search.corpus, snap)
    out.print(Text(describe(summary)))
    for problem in summary.skipped:
        out.print(Text(f"  skipped {safe_text(str(problem))}"))
    return 0


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "index",
        help="build or update the search index of a corpus",
        description="Build or update the search index of CORPUS (only changed files are read).",
    )
    p.add_argument("corpus", metavar="CORPUS", help="folder of articles")
    p.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")
    p.add_argument(
        "--engine",
        choices=("rules", "spacy"),
        default=None,
        help="annotation engine (default: from settings, 'rules')",
    )
    p.add_argument(
        "--index-dir", metavar="DIR", help="where the index lives (default: the user cache folder)"
    )
    p.set_defaults(handler=run)
