"""Data shared by every layer: what an article is once read, and what annotation finds in it.

These types are the `annotate --json` contract of DESIGN.md; changing a field name breaks
scripts that read our output, so fields are added, never renamed.

`Span` and `Problem`, which a search hands back (snippet marks, skipped files), are plain
dataclasses. The article and annotation models (`Article`, `Entity`, `Quote`, `Annotations`,
`ReadResult`) validate their input with pydantic and live in `tui.validated`; they are
importable from here as before, but load on first use, so a `broadsheet search` that only
reads the index never imports pydantic (some 70 ms of a whole search at 100,000 articles).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.validated import Annotations as Annotations
    from tui.validated import Article as Article
    from tui.validated import Entity as Entity
    from tui.validated import Quote as Quote
    from tui.validated import ReadResult as ReadResult

LABELS: tuple[str, ...] = ("PERSON", "ORG", "PLACE", "DATE", "MONEY", "PERCENT", "EVENT")
"""The seven labels whose meaning is fixed by the contract; engines may add others."""

_VALIDATED = frozenset({"Annotations", "Article", "Entity", "Quote", "ReadResult"})


def __getattr__(name: str) -> Any:
    """`from tui.model import Article` loads the pydantic models then (see the docstring)."""
    if name not in _VALIDATED:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from tui import validated

    value = getattr(validated, name)
    globals()[name] = value  # once loaded, an ordinary attribute
    return value


@dataclass(frozen=True, slots=True)
class Span:
    """A region of an article's cleaned text, end exclusive."""

    start: int
    end: int


@dataclass(slots=True)
class Problem:
    """Why a file (or one record of it) was skipped or only partly read.

    Ingest never raises for bad input; it reports one of these instead, and the `index`
    summary and the app's problems view list them.
    """

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


def content_hash(*parts: str) -> str:
    """A short, stable digest of an article's content, used to skip unchanged files."""
    h = hashlib.blake2b(digest_size=12)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def article_id(relpath: str, record: int | None = None) -> str:
    """Stable id: the POSIX path relative to the corpus root, with `#N` for the Nth record."""
    return relpath if record is None else f"{relpath}#{record}"
