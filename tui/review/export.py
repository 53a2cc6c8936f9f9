"""Review marks joined with article metadata: the records `broadsheet export` writes.

Here in the core, not in the command line, because both the `broadsheet export` command and
the app's export write the same records: neither has to import the other. Metadata comes from
whatever the caller can give cheaply (the search engine's stored fields for the hits of a query)
and otherwise from reading the article's file again.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from tui.review.saved import SavedSearch
from tui.review.store import Mark, ReviewStore

if TYPE_CHECKING:
    from tui.model import Article
    from tui.search.api import SearchEngine

FIELDS: tuple[str, ...] = (
    "id",
    "path",
    "title",
    "date",
    "author",
    "source",
    "reviewed",
    "flagged",
    "tags",
    "note",
    "reviewed_by",
    "flagged_by",
    "flagged_at",
    "note_by",
    "note_at",
    "tagged_by",
)
"""The fields of a record, in order. The `_by`/`_at` fields came later (issue 16) and follow the
original ones, so a script reading columns by position keeps working."""
WHO_FIELDS: tuple[str, ...] = ("reviewed_by", "tagged_by")
"""Fields holding several names: a list (`reviewed_by`, earliest first) and a mapping of tag to
who added it (`tagged_by`); CSV writes them as "ana; bob" and "budget=ana; ports=bob"."""
META_FIELDS: tuple[str, ...] = ("path", "title", "date", "author", "source")

Metadata = dict[str, str | None]
MetadataLookup = Callable[[str], Metadata | None]
Format = Literal["jsonl", "csv"]
FORMATS: tuple[str, ...] = ("jsonl", "csv")
PAGE = 500
"""Hits asked of the engine at a time while collecting the articles a query matches."""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet run a cell as a formula (OWASP's list for CSV injection)."""

_TERMINAL_ACTIVE = re.compile("[\u0080-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
"""Characters JSON leaves raw with ensure_ascii=False that a terminal would act on (C1
controls, bidi overrides, lone surrogates): escaped, so `cat marks.jsonl` is safe too."""


class ExportError(Exception):
    """An export that cannot be done as asked (a bad query, no index for one), with a message
    meant for the user: the command line prints it as one line, the app as a notice."""


def select_marks(
    store: ReviewStore,
    *,
    flagged: bool = False,
    reviewed: bool = False,
    ids: Iterable[str] | None = None,
) -> list[Mark]:
    """Marks that record something, narrowed by each filter given (filters combine with AND)."""
    wanted = set(ids) if ids is not None else None
    out: list[Mark] = []
    for mark in store.all_marks().values():
        if mark.is_empty:
            continue
        if flagged and not mark.flagged:
            continue
        if reviewed and not mark.reviewed:
            continue
        if wanted is not None and mark.id not in wanted:
            continue
        out.append(mark)
    return out


class FileMetadata:
    """Metadata of articles by id, read from the corpus files (each file read at most once)."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus
        self._cache: dict[str, dict[str, Metadata]] = {}

    def __call__(self, article_id: str) -> Metadata | None:
        relpath = article_id.split("#", 1)[0]
        if relpath not in self._cache:
            self._cache[relpath] = self._read(relpath)
        return self._cache[relpath].get(article_id)

    def _read(self, relpath: str) -> dict[str, Metadata]:
        from tui.ingest import read_file

        path = self.corpus / relpath
        try:
            inside = path.resolve().is_relative_to(self.corpus.resolve())
        except OSError:
            inside = False
        if not inside or not path.is_file():
            return {}
        try:
            result = read_file(path, self.corpus)
        except Exception:  # ingest promises not to raise; an export must not die if it does
            return {}
        return {
            article.id: {field: getattr(article, field) for field in META_FIELDS}
            for article in result.articles
        }


def rows(
    marks: Iterable[Mark],
    lookups: Iterable[MetadataLookup | Mapping[str, Metadata]] = (),
) -> list[dict[str, Any]]:
    """One export record per mark; metadata from the first lookup that knows the article."""
    sources = list(lookups)
    out: list[dict[str, Any]] = []
    for mark in marks:
        meta: Metadata | None = None
        for source in sources:
            meta = source.get(mark.id) if isinstance(source, Mapping) else source(mark.id)
            if meta is not None:
                break
        meta = meta or {}
        out.append(
            {
                "id": mark.id,
                "path": meta.get("path") or mark.id.split("#", 1)[0],
                "title": meta.get("title"),
                "date": meta.get("date"),
                "author": meta.get("author"),
                "source": meta.get("source"),
                "reviewed": mark.reviewed,
                "flagged": mark.flagged,
                "tags": list(mark.tags),
                "note": mark.note,
                "reviewed_by": mark.reviewed_by,
                # Who cleared a flag or a note is not who flagged or wrote it: null then.
                "flagged_by": mark.flagged_by if mark.flagged else None,
                "flagged_at": mark.flagged_at if mark.flagged else None,
                "note_by": mark.note_by if mark.note else None,
                "note_at": mark.note_at if mark.note else None,
                "tagged_by": {
                    tag: stamp.by for tag, stamp in mark.tag_stamps.items() if tag in mark.tags
                },
            }
        )
    return out


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
    stored: dict[str, Metadata] = {}
    if query:
        if engine is None:
            raise ExportError("--query needs the search index")
        stored = query_metadata(engine, query)
    marks = select_marks(store, flagged=flagged, reviewed=reviewed, ids=stored if query else None)
    lookups: list[MetadataLookup | dict[str, Metadata]] = [stored]
    if engine is not None:
        lookups.append(engine_metadata(engine))
    lookups.append(FileMetadata(corpus))
    return rows(marks, lookups)


def query_metadata(engine: SearchEngine, query: str) -> dict[str, Metadata]:
    """Stored metadata of every article the query matches, by id; a bad query is an error."""
    found: dict[str, Metadata] = {}
    page = 1
    while True:
        results = engine.search(query, limit=PAGE, page=page)
        if results.error is not None:
            raise ExportError(f"bad query: {results.error.message}")
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


def engine_metadata(engine: SearchEngine) -> MetadataLookup:
    """Metadata from the index's stored fields, when the engine can give them by id."""
    indexed = getattr(engine, "indexed_article", None)  # an optional engine extra

    def lookup(article_id: str) -> Metadata | None:
        if indexed is None:
            return None
        article: Article | None = indexed(article_id)
        if article is None:
            return None
        return {field: getattr(article, field) for field in META_FIELDS}

    return lookup


def write(records: list[dict[str, Any]], fmt: Format, out: TextIO) -> None:
    """JSON lines (the record as is) or CSV (tags joined with "; ", booleans true/false)."""
    if fmt == "jsonl":
        for record in records:
            out.write(json_record(record) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=list(FIELDS), lineterminator="\n")
    writer.writeheader()
    for record in records:
        flat = dict(record)
        flat["tags"] = "; ".join(record["tags"])
        flat["reviewed_by"] = "; ".join(record["reviewed_by"])
        flat["tagged_by"] = "; ".join(f"{tag}={by}" for tag, by in record["tagged_by"].items())
        flat["reviewed"] = "true" if record["reviewed"] else "false"
        flat["flagged"] = "true" if record["flagged"] else "false"
        writer.writerow({k: "" if v is None else csv_cell(v) for k, v in flat.items()})


SEARCH_FIELDS: tuple[str, ...] = ("name", "query", "saved_at", "count", "saved_by")


def search_records(
    searches: Iterable[SavedSearch], engine: SearchEngine | None
) -> list[dict[str, Any]]:
    """One record per saved search, with its count now (None without an index)."""
    out = []
    for saved in searches:
        count = None
        if engine is not None:
            results = engine.search(saved.query, limit=1)
            count = None if results.error is not None else results.total
        out.append({**saved.model_dump(), "count": count})
    return out


def write_searches(records: list[dict[str, Any]], fmt: Format, out: TextIO) -> None:
    if fmt == "jsonl":
        for record in records:
            out.write(json_record(record) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=list(SEARCH_FIELDS), lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: "" if v is None else csv_cell(v) for k, v in record.items()})


def json_record(record: Mapping[str, Any]) -> str:
    """One record on one line: readable UTF-8, terminal-active characters escaped."""
    raw = json.dumps(record, ensure_ascii=False)
    return _TERMINAL_ACTIVE.sub(lambda m: f"\\u{ord(m.group()):04x}", raw)


def csv_cell(value: object) -> object:
    """A cell a spreadsheet will show, not run: text starting like a formula (a title
    `=HYPERLINK(...)`, a tag `@SUM(...)`, a note `+1+1`) gets a leading apostrophe, as OWASP
    advises. Only CSV: JSON lines keep every value exactly."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_file(records: list[dict[str, Any]], path: Path) -> Format:
    """Write `records` to `path`, CSV if its name ends in .csv, else JSON lines (folders made
    as needed); returns the format written."""
    fmt: Format = "csv" if path.suffix.lower() == ".csv" else "jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="" if fmt == "csv" else None) as out:
        write(records, fmt, out)
    return fmt
