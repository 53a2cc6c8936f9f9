"""Review tags made searchable with `tag:` without rewriting the index.

Why not `update_document`: a tag is added with one key press in the app, while the indexer may
hold the writer lock for minutes, and a Whoosh commit per tag would cost far more than the tag.
Instead tags live in a small JSON file beside the index (kept across rebuilds) and, when a
query mentions `tag:`, each tag sub-query is evaluated against a tiny in-memory Whoosh index of
the tags, with the same analyzer as the real `tag` field, so `tag:urgent`, `tag:"follow up"`,
`tag:urg*` and `tag:urgnet~` all behave as they would on indexed tags. The matching article ids
are OR-ed into the query (`query.rewrite_tags`).

The review store is the source of truth; the app calls `set_tags` on each change and may call
`replace_all` on start (for instance after the index folder was deleted).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from pathlib import Path
from typing import Any

from whoosh import fields
from whoosh.filedb.filestore import RamStorage

from tui.search.prepare import encode
from tui.search.schema import NAME_ANALYZER, PreparedText, name_positions


class TagStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._tags: dict[str, list[str]] = {}
        self._stamp: tuple[int, int] | None = None
        self._ix: Any = None

    def _stat(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def _load(self) -> None:
        """Re-read the file if another process (or we) changed it since the last look."""
        stamp = self._stat()
        if stamp == self._stamp:
            return
        self._stamp = stamp
        self._ix = None
        self._tags = {}
        if stamp is None:
            return
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(raw, dict):
            self._tags = {
                str(k): [str(t) for t in v if str(t).strip()]
                for k, v in raw.items()
                if isinstance(v, list) and v
            }

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps(self._tags, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)
        self._stamp = self._stat()
        self._ix = None

    def get(self, article_id: str) -> list[str]:
        with self._lock:
            self._load()
            return list(self._tags.get(article_id, []))

    def set(self, article_id: str, tags: list[str]) -> None:
        with self._lock:
            self._load()
            clean = [t.strip() for t in tags if t.strip()]
            if clean:
                self._tags[article_id] = clean
            else:
                self._tags.pop(article_id, None)
            self._save()

    def replace_all(self, mapping: dict[str, list[str]]) -> None:
        with self._lock:
            self._tags = {k: [t.strip() for t in v if t.strip()] for k, v in mapping.items()}
            self._tags = {k: v for k, v in self._tags.items() if v}
            self._save()

    def lookup(self, q: Any) -> list[str]:
        """Ids of articles whose review tags match the leaf query `q` (on field "tag")."""
        with self._lock:
            self._load()
            if not self._tags:
                return []
            if self._ix is None:
                self._ix = self._build()
            with contextlib.closing(self._ix.searcher()) as s:
                return [hit["id"] for hit in s.search(q, limit=None)]

    def _build(self) -> Any:
        schema = fields.Schema(
            id=fields.ID(stored=True), tag=PreparedText(analyzer=NAME_ANALYZER, phrase=True)
        )
        ix = RamStorage().create_index(schema)
        with ix.writer() as w:
            for article_id, tags in self._tags.items():
                w.add_document(id=article_id, tag=encode(name_positions(tags)))
        return ix
