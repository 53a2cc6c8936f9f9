"""`broadsheet export CORPUS`: review marks with article metadata, as JSON lines or CSV."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from tui.commands import CommandError
from tui.commands.output import json_line

if TYPE_CHECKING:  # imported where used, so other commands and --help do not load them
    from tui.model import Article
    from tui.review import ReviewStore
    from tui.review.export import Metadata, MetadataLookup
    from tui.search.api import SearchEngine

Format = Literal["jsonl", "csv"]
FORMATS: tuple[str, ...] = ("jsonl", "csv")
PAGE = 500


def write(records: list[dict[str, Any]], fmt: Format, out: TextIO) -> None:
    """JSON lines (the record as is) or CSV (tags joined with "; ", booleans true/false)."""
    from tui.review.export import FIELDS

    if fmt == "jsonl":
        for record in records:
            out.write(json_line(record) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=list(FIELDS), lineterminator="\n")
    writer.writeheader()
    for record in records:
        flat = dict(record)
        flat["tags"] = "; ".join(record["tags"])
        flat["reviewed"] = "true" if record["reviewed"] else "false"
        flat["flagged"] = "true" if record["flagged"] else "false"
        writer.writerow({k: "" if v is None else csv_cell(v) for k, v in flat.items()})


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet run a cell as a formula (OWASP's list for CSV injection)."""


def csv_cell(value: object) -> object:
    """A cell a spreadsheet will show, not run: text starting like a formula (a title
    `=HYPERLINK(...)`, a tag `@SUM(...)`, a note `+1+1`) gets a leading apostrophe, as OWASP
    advises. Only CSV: JSON lines keep every value exactly."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def query_metadata(engine: SearchEngine, query: str) -> dict[str, Metadata]:
    """Stored metadata of every article the query matches, by id; a bad query is an error."""
    found: dict[str, Metadata] = {}
    page = 1
    while True:
        results = engine.search(query, limit=PAGE, page=page)
        if results.error is not None:
            raise CommandError(f"bad query: {results.error.message}")
        for hit in results.hits:
            found[hit.id] = {
                "path": hit.path,
                "title": hit.title,
                "date": hit.date,
                "author": hit.author,
                "source": hit.source,
            }
        if not results.hits or len(found) >= results.total:
            return found
        page += 1


def collect(
    corpus: Path,
    store: ReviewStore,
    *,
    flagged: bool = False,
    reviewed: bool = False,
    query: str | None = None,
    engine: SearchEngine | None = None,
) -> list[dict[str, Any]]:
    """Export records of the marks that pass the filters, with the best metadata at hand."""
    from tui.review.export import FileMetadata, rows, select_marks

    stored: dict[str, Metadata] = {}
    if query:
        if engine is None:
            raise CommandError("--query needs the search index")
        stored = query_metadata(engine, query)
    marks = select_marks(store, flagged=flagged, reviewed=reviewed, ids=stored if query else None)
    lookups: list[MetadataLookup | dict[str, Metadata]] = [stored]
    if engine is not None:
        lookups.append(engine_metadata(engine))
    lookups.append(FileMetadata(corpus))
    return rows(marks, lookups)


def engine_metadata(engine: SearchEngine) -> MetadataLookup:
    """Metadata from the index's stored fields, when the engine can give them by id."""
    from tui.review.export import META_FIELDS

    indexed = getattr(engine, "indexed_article", None)  # an optional engine extra

    def lookup(article_id: str) -> Metadata | None:
        if indexed is None:
            return None
        article: Article | None = indexed(article_id)
        if article is None:
            return None
        return {field: getattr(article, field) for field in META_FIELDS}

    return lookup


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
    from tui.config import index_dir_for, review_db_for
    from tui.review import ReviewStore, ReviewStoreError

    corpus = resolve_corpus(args.corpus)
    db = review_db_for(corpus)
    index_dir = Path(args.index_dir).expanduser() if args.index_dir else index_dir_for(corpus)
    engine: SearchEngine | None = None
    records: list[dict[str, Any]] = []
    try:
        if args.query:
            engine = open_engine(corpus, index_dir, update=True)
        elif db.exists() and index_dir.exists():
            engine = open_engine(corpus, index_dir, update=False)  # stored metadata only
        if db.exists():
            try:
                store = ReviewStore(db)
            except ReviewStoreError as exc:
                raise CommandError(str(exc)) from exc
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
    finally:
        if engine is not None:
            engine.close()
    with _output(args.output, args.format) as out:
        write(records, args.format, out)
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
    p.add_argument("corpus", metavar="CORPUS", help="folder of articles")
    p.add_argument("--flagged", action="store_true", help="only flagged articles")
    p.add_argument("--reviewed", action="store_true", help="only reviewed articles")
    p.add_argument("--query", metavar="Q", help="only articles this search query matches")
    p.add_argument("--format", choices=FORMATS, required=True, help="jsonl or csv")
    p.add_argument("--index-dir", help="where the index lives (default: user cache dir)")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(handler=run)
