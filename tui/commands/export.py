"""`broadsheet export [CORPUS]`: review marks with article metadata, as JSON lines or CSV.

The records and their writing live in the core (`tui.review.export`), shared with the app; this
module only reads the arguments, opens what the export needs and says what happened.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from tui.commands import CommandError
from tui.review.export import (
    FORMATS,
    ExportError,
    Format,
    collect,
    query_metadata,
    search_records,
    write,
    write_searches,
)

if TYPE_CHECKING:  # imported where used, so other commands and --help do not load them
    from tui.config import Settings
    from tui.search.api import SearchEngine


@contextmanager
def _output(target: str | None, fmt: Format) -> Iterator[TextIO]:
    if target in (None, "-"):
        yield sys.stdout
        return
    assert target is not None
    path = Path(target).expanduser()
    try:
        handle = path.open("w", encoding="utf-8", newline="" if fmt == "csv" else None)
    except OSError as exc:
        raise CommandError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    with handle:
        yield handle


def run(args: argparse.Namespace) -> int:
    from tui.commands.open_app import resolve_corpus
    from tui.config import index_dir_for, load_settings, review_db_for
    from tui.review import ReviewStoreError
    from tui.review.location import PRIVATE, open_review_store
    from tui.review.moved import moved_notice

    corpus = resolve_corpus(args.corpus)  # no CORPUS: the bundled sample, as the app opens
    settings = load_settings()
    db = review_db_for(corpus, settings)
    private = (settings.review_store.strip() or PRIVATE) == PRIVATE
    if private:
        try:
            notice = moved_notice(corpus, settings)
        except ReviewStoreError as exc:
            notice = str(exc)
        if notice:
            sys.stderr.write(f"broadsheet: {notice}\n")
    has_store = db.exists() or not private  # a shared store may hold marks made elsewhere
    index_dir = Path(args.index_dir).expanduser() if args.index_dir else index_dir_for(corpus)
    if args.searches:
        return export_searches(args, corpus, settings, index_dir)
    engine: SearchEngine | None = None
    records: list[dict[str, Any]] = []
    try:
        if args.query:
            engine = open_engine(corpus, index_dir, update=True)
        elif has_store and index_dir.exists():
            engine = open_engine(corpus, index_dir, update=False)  # stored metadata only
        if has_store:
            try:
                store = open_review_store(corpus, settings)
            except ReviewStoreError as exc:
                raise CommandError(str(exc)) from exc
            if store.recovered:
                sys.stderr.write(f"broadsheet: {store.recovered}\n")
            with store:
                records = collect(
                    corpus,
                    store,
                    flagged=args.flagged,
                    reviewed=args.reviewed,
                    query=args.query,
                    engine=engine,
                )
        elif engine is not None and args.query:
            query_metadata(engine, args.query)  # nothing marked, but a bad query is an error
    except ExportError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        if engine is not None:
            engine.close()
    with _output(args.output, args.format) as out:
        write(records, args.format, out)
    if not records:
        # An empty file or no output at all reads like a failure: say why there is nothing.
        what = "marks" if not (args.flagged or args.reviewed or args.query) else "marks like that"
        sys.stderr.write(f"broadsheet: no review {what} for {corpus}\n")
    return 0


def export_searches(
    args: argparse.Namespace, corpus: Path, settings: Settings, index_dir: Path
) -> int:
    """`--searches`: the saved searches, each with how many articles it finds now."""
    from tui.config import review_db_for
    from tui.review import ReviewStoreError
    from tui.review.location import PRIVATE, open_review_store
    from tui.review.saved import SavedSearches, searches_file

    private_db = review_db_for(corpus, settings)
    old_file = searches_file(private_db)
    searches = []
    if (
        private_db.exists()
        or old_file.exists()
        or (settings.review_store.strip() or PRIVATE) != PRIVATE
    ):
        try:
            with open_review_store(corpus, settings) as store:
                searches = SavedSearches(store, old_file).all()
        except ReviewStoreError as exc:
            raise CommandError(str(exc)) from exc
    engine = (
        open_engine(corpus, index_dir, update=False) if searches and index_dir.exists() else None
    )
    try:
        records = search_records(searches, engine)
    finally:
        if engine is not None:
            engine.close()
    with _output(args.output, args.format) as out:
        write_searches(records, args.format, out)
    if not records:
        sys.stderr.write(f"broadsheet: no saved searches for {corpus}\n")
    return 0


def open_engine(corpus: Path, index_dir: Path, update: bool) -> SearchEngine:
    """The corpus's search engine (its index brought up to date if asked), or a one-line error.

    Without `update` nothing is indexed: the engine only answers with metadata it already has.
    """
    from tui.search import open_engine as open_search

    try:
        engine: SearchEngine = open_search(corpus, index_dir=index_dir)
        if update:
            engine.update()
    except (OSError, RuntimeError) as exc:
        raise CommandError(f"cannot open the index: {exc}") from exc
    return engine


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "export",
        help="write review marks with article metadata",
        description="Write review marks (reviewed, flagged, tags, note) with each article's "
        "metadata, one record per marked article. Filters combine: --flagged --reviewed "
        "keeps articles that are both.",
    )
    p.add_argument(
        "corpus",
        metavar="CORPUS",
        nargs="?",
        help="folder of articles (default: the bundled sample corpus, as the app)",
    )
    p.add_argument("--flagged", action="store_true", help="only flagged articles")
    p.add_argument("--reviewed", action="store_true", help="only reviewed articles")
    p.add_argument("--query", metavar="Q", help="only articles this search query matches")
    p.add_argument(
        "--searches",
        action="store_true",
        help="write the saved searches (name, query, saved_at, count) instead of the marks",
    )
    p.add_argument("--format", choices=FORMATS, required=True, help="jsonl or csv")
    p.add_argument("--index-dir", help="where the index lives (default: user cache dir)")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(handler=run)
