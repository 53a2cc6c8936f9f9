"""Review marks made searchable: `is:flagged`, `is:reviewed`, `is:unreviewed`, `has:note`,
`has:tag`, and who made them: `reviewed-by:ana`, `flagged-by:ana`, `tagged-by:`, `noted-by:`,
`is:unreviewed-by:me` (`me`: the current reviewer), combining with any query.

Done as `tag:` is (see `tags.py`) and for the same reason: a mark is one key press in the app,
while the indexer may hold the writer for minutes, so marks are never written into the index.
The app keeps a small JSON file beside the index up to date (id -> the marks it carries); when a
query has one of these terms, the term is replaced by the ids that carry the mark (or, for
`is:unreviewed`, by "not one of the reviewed ids") before the query runs. The review store is
the source of truth; the file only lets the engine answer without it.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from whoosh import query as wq
from whoosh.qparser import syntax
from whoosh.qparser.plugins import TaggingPlugin

BY_FIELDS: dict[str, str] = {
    "reviewed-by": "reviewed",
    "flagged-by": "flagged",
    "tagged-by": "tag",
    "noted-by": "note",
}
"""`KIND-by:NAME` terms and the mark each is about: an article carries `flagged-by:ana` (see
`by_mark`) when ana's flag on it stands."""
MARK_FIELDS = ("is", "has", *BY_FIELDS)
"""Field names a query may use for review marks (not fields of the index)."""
VALUES: dict[str, tuple[str, ...]] = {
    "is": ("flagged", "reviewed", "unreviewed", "unreviewed-by:NAME"),
    "has": ("note", "tag"),
}
UNREVIEWED_BY = "unreviewed-by:"
ME = "me"
"""The name that stands for the current reviewer in a query (`reviewed-by:me`)."""
FILE_NAME = "marks.json"


def by_mark(kind: str, name: str) -> str:
    """The mark an article carries for `name`'s mark of `kind` ("flagged", "reviewed", "tag",
    "note"): names are compared case-blind, as login names are typed in either case."""
    return f"{kind}-by:{name.casefold()}"


class MarkStore:
    """Which article carries which mark, in a JSON file other processes may read too."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._marks: dict[str, set[str]] = {}
        self._stamp: tuple[int, int] | None = None
        self.me: str | None = None
        """Who `me` is in queries (the app sets its store's reviewer; None: the login name)."""

    def _load(self) -> None:
        """Re-read the file if another process (or we) changed it since the last look."""
        try:
            st = self.path.stat()
            stamp: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = None
        if stamp == self._stamp:
            return
        self._stamp = stamp
        self._marks = {}
        if stamp is None:
            return
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(raw, dict):
            self._marks = {
                str(k): {str(m) for m in v} for k, v in raw.items() if isinstance(v, list)
            }

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        data = {k: sorted(v) for k, v in self._marks.items() if v}
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)
        st = self.path.stat()
        self._stamp = (st.st_mtime_ns, st.st_size)

    def set(self, article_id: str, marks: Iterable[str]) -> None:
        """The marks of one article now (an empty list: none)."""
        with self._lock:
            self._load()
            wanted = set(marks)
            if wanted:
                self._marks[article_id] = wanted
            else:
                self._marks.pop(article_id, None)
            self._save()

    def replace_all(self, mapping: Mapping[str, Iterable[str]]) -> None:
        with self._lock:
            self._marks = {k: set(v) for k, v in mapping.items() if v}
            self._save()

    def ids(self, mark: str) -> list[str]:
        """Ids of the articles carrying `mark` ("flagged", "reviewed", "note", "tag")."""
        with self._lock:
            self._load()
            return sorted(k for k, v in self._marks.items() if mark in v)

    def resolve(self, name: str) -> str:
        """A name from a query as reviewers are stored: `me` is the current reviewer."""
        if name.casefold() != ME:
            return name
        if self.me is None:
            from tui.review.store import default_reviewer

            self.me = default_reviewer()
        return self.me


_NAME = r"[^\s()\"]*"


class MarksPlugin(TaggingPlugin):
    """Reads `is:VALUE`, `has:VALUE` and `KIND-by:NAME` as mark terms before Whoosh's field
    syntax would drop the unknown field name (and search the words "is" and "flagged" instead,
    or read the "-" of "flagged-by" as NOT)."""

    expr = (
        rf"(?P<byfield>{'|'.join(BY_FIELDS)}):(?P<name>{_NAME})"
        rf"|(?P<field>is|has):(?P<value>{UNREVIEWED_BY}{_NAME}|[A-Za-z_-]*)"
    )
    priority = -1  # before the field tagger

    def create(self, parser: Any, match: Any) -> Any:
        start, end = match.start(), match.end()
        byfield = match.group("byfield")
        if byfield is not None:
            name = match.group("name")
            if not name:
                return MarkError(f"{byfield}: needs a reviewer's name (or me)", start, end)
            return _node(byfield, name, start, end)
        field, value = match.group("field"), match.group("value")
        if field == "is" and value.lower().startswith(UNREVIEWED_BY):
            name = value[len(UNREVIEWED_BY) :]
            if not name:
                return MarkError("is:unreviewed-by: needs a reviewer's name (or me)", start, end)
            return _node(field, UNREVIEWED_BY + name, start, end)
        value = value.lower()
        if value not in VALUES[field]:
            choices = ", ".join(f"{field}:{v}" for v in VALUES[field])
            return MarkError(f"{field}: takes {choices}", start, end)
        return _node(field, value, start, end)


def _node(field: str, value: str, start: int, end: int) -> MarkNode:
    node = MarkNode(field, value)
    node.startchar, node.endchar = start, end
    return node


class MarkNode(syntax.SyntaxNode):
    def __init__(self, field: str, value: str) -> None:
        self.field = field
        self.value = value

    def r(self) -> str:
        return f"{self.field}:{self.value}"

    def query(self, parser: Any) -> Any:
        # A term of a field the index does not have: it matches nothing until `rewrite_marks`
        # replaces it with the ids that carry the mark.
        return syntax.attach(wq.Term(self.field, self.value), self)


class MarkError(syntax.SyntaxNode):
    """An unknown mark: a null query carrying the message and position (see `find_error`)."""

    def __init__(self, message: str, start: int, end: int) -> None:
        self.message = message
        self.startchar = start
        self.endchar = end

    def r(self) -> str:
        return f"ERR {self.message}"

    def query(self, parser: Any) -> Any:
        q = wq.error_query(self.message)
        q.startchar = self.startchar
        return q


def is_mark_term(node: Any) -> bool:
    return isinstance(node, wq.Term) and node.fieldname in MARK_FIELDS


def uses_marks(q: Any) -> bool:
    return is_mark_term(q) or any(is_mark_term(leaf) for leaf in q.leaves())


def rewrite_marks(q: Any, store: MarkStore) -> Any:
    """Each mark term replaced by the articles that carry the mark (by id)."""

    def ids_query(mark: str) -> Any:
        ids = store.ids(mark)
        if not ids:
            return wq.NullQuery
        return wq.Or([wq.Term("id", i) for i in ids])

    def visit(node: Any) -> Any:
        if not is_mark_term(node):
            return node
        if node.fieldname in BY_FIELDS:
            return ids_query(by_mark(BY_FIELDS[node.fieldname], store.resolve(node.text)))
        if node.text == "unreviewed" or node.text.startswith(UNREVIEWED_BY):
            name = node.text[len(UNREVIEWED_BY) :] if node.text != "unreviewed" else None
            mark = "reviewed" if name is None else by_mark("reviewed", store.resolve(name))
            reviewed = ids_query(mark)
            if reviewed is wq.NullQuery:
                return wq.Every()
            return wq.And([wq.Every(), wq.Not(reviewed)])
        return ids_query(node.text)

    return q.accept(visit)
