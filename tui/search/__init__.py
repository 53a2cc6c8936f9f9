"""Full-text search over a corpus; Whoosh stays behind this package's own interface.

`open_engine(corpus)` gives a `SearchEngine` (see `api.py`); nothing outside this package
imports Whoosh.

The engine module (Whoosh's query parser, the highlighter, the indexer) is imported on first
use, not with the package: every indexing worker process imports this package on its way to
`tui.search.worker`, and needs none of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.search.api import (
    CorpusMissing,
    Facet,
    Hit,
    IndexingStopped,
    IndexSummary,
    Progress,
    QueryError,
    SearchEngine,
    SearchResults,
    Sort,
)


def open_engine(
    corpus: Path,
    index_dir: Path | None = None,
    engine: str | None = "rules",
    readonly: bool = False,
    *,
    workers: int | None = None,
    lock_timeout: float = 10.0,
) -> WhooshSearchEngine:
    """The search engine for `corpus` (index under the user cache unless `index_dir`).

    Opening does no indexing: the last complete index answers at once; call `update()`.
    `engine=None` keeps the engine the existing index was built with (rules for a new one).
    """
    from tui.search.engine import WhooshSearchEngine

    return WhooshSearchEngine(
        corpus, index_dir, engine, readonly, workers=workers, lock_timeout=lock_timeout
    )


if TYPE_CHECKING:
    from tui.search.engine import IndexLocked, WhooshSearchEngine


def __getattr__(name: str) -> Any:
    if name in ("IndexLocked", "WhooshSearchEngine"):
        from tui.search import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CorpusMissing",
    "Facet",
    "Hit",
    "IndexLocked",
    "IndexSummary",
    "IndexingStopped",
    "Progress",
    "QueryError",
    "SearchEngine",
    "SearchResults",
    "Sort",
    "WhooshSearchEngine",
    "open_engine",
]
