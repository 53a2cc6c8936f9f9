"""Content hashes of a corpus's articles, read from its files, for marks to be matched by.

A mark is kept by article id (the corpus-relative path, `#N` for a record of a multi-article
file). The path alone cannot tell whether the article a mark was made on is still the article
at that path after a corpus was moved or copied: the content hash (`Article.content_hash`, the
same one the index keeps) can.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path


class CorpusHashes:
    """`hashes(article_id)`: the content hash of an article as its file holds it now, or None
    (no such file, outside the corpus, no such record). Each file is read once while its size
    and modification time stay the same, so marking ten records of one file reads it once."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus.expanduser().resolve()
        self._cache: dict[str, tuple[tuple[int, int], dict[str, str]]] = {}
        self._lock = threading.Lock()

    def __call__(self, article_id: str) -> str | None:
        return self._file(article_id.split("#", 1)[0]).get(article_id)

    def many(self, article_ids: Iterable[str]) -> dict[str, str | None]:
        """The hash of each article (None where there is none)."""
        return {article_id: self(article_id) for article_id in article_ids}

    def exists(self, article_id: str) -> bool:
        """Whether the article's file is in the corpus (without reading it)."""
        path = self._path(article_id.split("#", 1)[0])
        return path is not None and path.is_file()

    def _path(self, relpath: str) -> Path | None:
        if not relpath or "\x00" in relpath:
            return None
        path = self.corpus / relpath
        try:
            inside = path.resolve().is_relative_to(self.corpus)
        except (OSError, RuntimeError):  # a symlink loop
            return None
        return path if inside else None

    def _file(self, relpath: str) -> dict[str, str]:
        path = self._path(relpath)
        if path is None:
            return {}
        try:
            stat = path.stat()
        except OSError:
            return {}
        signature = (stat.st_size, stat.st_mtime_ns)
        with self._lock:
            cached = self._cache.get(relpath)
        if cached is not None and cached[0] == signature:
            return cached[1]
        from tui.ingest import read_file

        found = {a.id: a.content_hash for a in read_file(path, self.corpus).articles}
        with self._lock:
            self._cache[relpath] = (signature, found)
        return found
