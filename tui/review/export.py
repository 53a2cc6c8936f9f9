"""Review marks joined with article metadata: the records `broadsheet export` writes.

Used by `broadsheet export` and by the app's export command, which do the writing. Metadata
comes from whatever the caller can give cheaply (the search engine's stored fields for the hits
of a query) and otherwise from reading the article's file again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from tui.review.store import Mark, ReviewStore

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
)
META_FIELDS: tuple[str, ...] = ("path", "title", "date", "author", "source")

Metadata = dict[str, str | None]
MetadataLookup = Callable[[str], Metadata | None]


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
            }
        )
    return out
