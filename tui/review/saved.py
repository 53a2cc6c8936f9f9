"""Saved searches: named queries kept in a corpus's review store, with who saved them and when.

They live with the marks they help to make: a shared store (a group's SQLite file, PostgreSQL)
shares them with the team like any mark, `review-store migrate` and `marks move` carry them, and
`broadsheet export --searches` writes them out. A name is one search per store (any case): a
colleague saving the same name replaces it, and the list says who saved each one.

Before version 4 of the store they were a JSON file beside the private review file
(`searches_file`); that file is read once into the store and renamed `*.imported`, so nothing a
user saved is lost and nothing is imported twice.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from tui.review.schema import Run

if TYPE_CHECKING:
    from tui.review.store import ReviewStore

SUFFIX = ".searches.json"


class SavedSearch(BaseModel):
    name: str
    query: str
    saved_at: str
    """ISO 8601 UTC time it was saved (or last changed)."""
    saved_by: str | None = None
    """The reviewer who saved it (None for one saved before stores recorded it)."""


def searches_file(review_db: Path) -> Path:
    """Where a private store kept its corpus's saved searches before version 4."""
    return review_db.with_name(review_db.name + SUFFIX)


def read_searches_file(path: Path) -> list[SavedSearch]:
    """The searches of an old JSON file; entries that make no sense are skipped, not fatal."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    out = []
    for item in raw if isinstance(raw, list) else []:
        try:
            out.append(SavedSearch.model_validate(item))
        except ValueError:
            continue
    return out


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class SavedSearches:
    """The saved searches of one review store; read again on every call (a colleague's app or
    another process may have saved one)."""

    def __init__(self, store: ReviewStore, legacy: Path | None = None) -> None:
        self.store = store
        if legacy is not None and legacy.is_file():
            self._import(legacy)

    def all(self) -> list[SavedSearch]:
        """Every saved search, oldest first."""
        rows = self.store.transaction(
            False,
            "cannot read saved searches",
            lambda run: run(
                "SELECT name, query, saved_at, saved_by FROM searches ORDER BY saved_at, key", ()
            ),
        )
        return [SavedSearch(name=n, query=q, saved_at=at, saved_by=by) for n, q, at, by in rows]

    def save(self, name: str, query: str) -> SavedSearch:
        """Save `query` as `name` (a search of that name, in any case, is replaced)."""
        name, query = " ".join(name.split()), query.strip()
        if not name or not query:
            raise ValueError("a saved search needs a name and a query")
        saved = SavedSearch(name=name, query=query, saved_at=_now(), saved_by=self.store.reviewer)
        self.store.transaction(True, "cannot save the search", lambda run: _put(run, saved))
        return saved

    def merge(self, saved: SavedSearch) -> bool:
        """Keep `saved` unless this store holds a later search of that name (copies between
        stores: run again, or the other way round, nothing is lost). True if it changed.

        Two saved in the same millisecond (the stamps' resolution) are told apart by who saved
        them and their words, the same way in both stores: else each store kept its own and
        copying both ways left them disagreeing."""

        def body(run: Run) -> bool:
            rows = run(
                "SELECT saved_at, saved_by, name, query FROM searches WHERE key = ?",
                (_key(saved.name),),
            )
            theirs = (saved.saved_at, saved.saved_by or "", saved.name, saved.query)
            if rows and tuple(str(v or "") for v in rows[0]) >= theirs:
                return False
            _put(run, saved)
            return True

        return self.store.transaction(True, "cannot save the search", body)

    def delete(self, name: str) -> bool:
        def body(run: Run) -> bool:
            found = run("SELECT key FROM searches WHERE key = ?", (_key(name),))
            if found:
                run("DELETE FROM searches WHERE key = ?", (_key(name),))
            return bool(found)

        return self.store.transaction(True, "cannot delete the search", body)

    def _import(self, legacy: Path) -> None:
        for saved in read_searches_file(legacy):
            self.merge(saved)
        with contextlib.suppress(OSError):  # read-only folder: merging again changes nothing
            os.replace(legacy, legacy.with_name(legacy.name + ".imported"))


def _put(run: Run, saved: SavedSearch) -> None:
    run(
        "INSERT INTO searches (key, name, query, saved_at, saved_by) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET name = excluded.name, query = excluded.query, "
        "saved_at = excluded.saved_at, saved_by = excluded.saved_by",
        (_key(saved.name), saved.name, saved.query, saved.saved_at, saved.saved_by),
    )
