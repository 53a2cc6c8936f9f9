"""Search history: queries the user ran, most recent last, kept in a small JSON file."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path


class History:
    """Up/down recall of past queries, like a shell; saved after each new entry."""

    def __init__(self, path: Path | None, size: int = 100) -> None:
        self.path = path
        self.size = max(1, size)
        self.entries: list[str] = self._load()
        self._position: int | None = None
        self._draft = ""

    def _load(self) -> list[str]:
        if self.path is None:
            return []
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(data, list):
            return []
        return [str(item) for item in data if isinstance(item, str) and item.strip()][-self.size :]

    def add(self, query: str) -> None:
        """Remember `query` as the newest entry (moving it if already known) and save."""
        query = query.strip()
        self._position = None
        if not query:
            return
        if self.entries and self.entries[-1] == query:
            return
        self.entries = [entry for entry in self.entries if entry != query]
        self.entries.append(query)
        del self.entries[: -self.size]
        self._save()

    def _save(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".history-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self.entries, handle, ensure_ascii=False)
            os.replace(tmp, self.path)
        except OSError:
            pass  # history is a convenience; a read-only home must not stop a search

    def previous(self, current: str) -> str | None:
        """The entry before the one shown (starting from the newest); None at the oldest."""
        if not self.entries:
            return None
        if self._position is None:
            self._draft = current
            self._position = len(self.entries)
        if self._position == 0:
            return None
        self._position -= 1
        return self.entries[self._position]

    def next(self) -> str | None:
        """The entry after the one shown; the unsent draft after the newest; None if not moving."""
        if self._position is None:
            return None
        self._position += 1
        if self._position >= len(self.entries):
            self._position = None
            return self._draft
        return self.entries[self._position]

    def reset(self) -> None:
        self._position = None
