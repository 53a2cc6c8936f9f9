"""Saved searches: named queries kept with the review data of a corpus.

A JSON file beside the review database, so it lives (and is backed up, shared or deleted) with
the marks it helps to make, and `broadsheet export --searches` can write it out. Written whole
through a temporary file and a rename: a crash leaves the old list or the new, never half.
"""

from __future__ import annotations

import json
import os
import threading
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

SUFFIX = ".searches.json"


class SavedSearch(BaseModel):
    name: str
    query: str
    saved_at: str
    """ISO 8601 UTC time it was saved (or last changed)."""


def searches_file(review_db: Path) -> Path:
    """Where the saved searches of the corpus whose marks are in `review_db` live."""
    return review_db.with_name(review_db.name + SUFFIX)


class SavedSearches:
    """The saved searches in one file; read again on every call (another process may write)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def all(self) -> list[SavedSearch]:
        """Every saved search, in the order saved."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        out = []
        for item in raw if isinstance(raw, list) else []:
            try:
                out.append(SavedSearch.model_validate(item))
            except ValueError:
                continue  # a hand-edited entry that makes no sense: skipped, not fatal
        return out

    def save(self, name: str, query: str) -> SavedSearch:
        """Save `query` as `name` (a search of that name is replaced)."""
        name, query = " ".join(name.split()), query.strip()
        if not name or not query:
            raise ValueError("a saved search needs a name and a query")
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        saved = SavedSearch(name=name, query=query, saved_at=stamp)
        with self._lock:
            searches = [s for s in self.all() if s.name.casefold() != name.casefold()]
            self._write([*searches, saved])
        return saved

    def delete(self, name: str) -> bool:
        with self._lock:
            searches = self.all()
            kept = [s for s in searches if s.name != name]
            if len(kept) == len(searches):
                return False
            self._write(kept)
            return True

    def _write(self, searches: list[SavedSearch]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        data = [s.model_dump() for s in searches]
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)
