"""What the search engine promises its callers (the app, the command line, benchmarks).

The Whoosh implementation lives beside this file; nothing outside `tui.search` imports Whoosh,
so these types are all a caller sees. They are plain dataclasses, not pydantic models: the
engine builds them from its own index, never from outside input, and a one-shot `broadsheet
search` should not pay for importing pydantic (see `tui.model`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from tui.model import Problem, Span

if TYPE_CHECKING:
    from tui.model import Annotations, Article

Sort = Literal["relevance", "date"]
Progress = Callable[[int, int], None]
"""Called with (files done, files total) while indexing; must be cheap and thread-safe."""


@dataclass(kw_only=True)
class Hit:
    id: str
    path: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    author: str | None = None
    score: float = 0.0
    snippet: str = ""
    snippet_marks: list[Span] = field(default_factory=list)
    """Offsets into `snippet` of the matched terms."""


@dataclass(kw_only=True)
class QueryError:
    message: str
    position: int | None = None
    in_index: bool = False
    """The index failed the search (damaged files, a bug), not the query: not "bad query"."""


@dataclass(kw_only=True)
class Facet:
    value: str
    count: int


@dataclass(kw_only=True)
class SearchResults:
    query: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    error: QueryError | None = None
    suggestion: str | None = None
    """A corrected query ("did you mean") when some terms are unknown to the index."""
    sources: list[Facet] = field(default_factory=list)
    people: list[Facet] = field(default_factory=list)
    orgs: list[Facet] = field(default_factory=list)
    facets_exact: bool = True
    """False when the facet counts were made from an even sample of the matches and scaled
    (queries matching thousands of articles); show them as approximate."""
    elapsed_ms: float = 0.0
    building: tuple[int, int] | None = None
    """(articles searched, files to index) when the answer comes from a first index still
    being built: only part of the corpus was searched."""
    total_exact: bool = True
    """False when `total` is an estimate: counting every match of a very common query would
    cost more than the search itself, so the count stops after a few milliseconds and
    extrapolates (show it as "about N")."""


@dataclass(kw_only=True)
class IndexSummary:
    """Counts are of files (a .jsonl file holding 50 articles counts once). A file that gives
    no article (binary, empty, unreadable) is not added or updated but listed in `skipped`; one
    that had articles and now gives none counts as removed."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[Problem] = field(default_factory=list)
    """Every problem currently known in the corpus (files skipped or read only in part), not
    only those met in this run, so the list is the same however the index was brought up to
    date."""
    rebuilt: bool = False
    reason: str | None = None
    """Why a full rebuild happened (damaged index, engine changed...), if it did."""
    seconds: float = 0.0
    renamed: int = 0
    """Files moved or renamed: re-added from the index under their new name, not re-read."""
    articles: int = 0
    """Articles in the index after the update."""
    readonly: bool = False
    """True when nothing was written: the index is locked by another process or was opened
    read-only; `reason` says which."""
    busy: bool = False
    """Nothing was written because another process (another Broadsheet, or `broadsheet index`)
    is updating this index now; searches use what it has committed so far."""
    resumed: bool = False
    """A first build that had been stopped (killed, crashed, app quit) was carried on from its
    last commit instead of starting again."""


class IndexingStopped(RuntimeError):
    """An update was asked to stop (`stop_indexing`, the app quitting) and did, between two
    files: what it committed stays, and a first build carries on from there next time."""


class CorpusMissing(RuntimeError):
    """The corpus folder is gone (deleted, moved, an unmounted disk). Nothing is removed from
    the index for it: files that vanish with their folder were not deleted one by one, and the
    marks and index are wanted again when the folder comes back."""


class SearchEngine(Protocol):
    corpus: Path
    index_dir: Path

    def update(self, progress: Progress | None = None, rebuild: bool = False) -> IndexSummary:
        """Bring the index up to date with the corpus folder (incremental)."""
        ...

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        page: int = 1,
        sort: Sort = "relevance",
        facets: bool = True,
    ) -> SearchResults:
        """Never raises for a bad query: `error` says what is wrong and where. `facets=False`
        leaves `sources`, `people` and `orgs` empty (half the time of a common query)."""
        ...

    def count(self) -> int: ...

    def article(self, article_id: str) -> Article | None:
        """The article as read from the corpus now (None if it has gone)."""
        ...

    def annotations(self, article_id: str) -> Annotations:
        """The stored annotation of an article, made at index time."""
        ...

    def outlet_names(self) -> dict[str, str]:
        """Outlets spelt in several ways in the corpus, by outlet key, with the name to show."""
        ...

    def hit_spans(self, query: str, article: Article) -> list[Span]:
        """Offsets into `article.text` of every term the query matches, for the reader."""
        ...

    def set_tags(self, article_id: str, tags: list[str]) -> None:
        """Make review tags searchable with `tag:`."""
        ...

    # Added with the Whoosh engine (extras; the methods above are the original contract).

    def replace_tags(self, mapping: dict[str, list[str]]) -> None:
        """Set every article's review tags at once (from the review store, on start)."""
        ...

    def update_paths(self, paths: Iterable[Path], progress: Progress | None = None) -> IndexSummary:
        """Apply changes to just these files (what a file watcher reports)."""
        ...

    def watch(
        self,
        callback: Callable[[IndexSummary], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Any:
        """Keep the index current in a background thread; returns an object with `stop()`."""
        ...

    def problems(self) -> list[Problem]:
        """Files skipped or read only in part, with reasons, as of the last update."""
        ...

    def indexed_article(self, article_id: str) -> Article | None:
        """The article as indexed (no file read; matches `annotations()` offsets)."""
        ...

    def close(self) -> None: ...
