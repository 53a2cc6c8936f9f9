"""Messages that workers post back to the app (workers never touch widgets themselves)."""

from __future__ import annotations

from textual.message import Message

from tui.model import Annotations, Article, Span
from tui.review import Mark
from tui.search.api import Hit, IndexSummary, SearchResults


class IndexProgress(Message):
    """Files done of total while indexing; a burst of these collapses into the latest."""

    def __init__(self, done: int, total: int) -> None:
        self.done = done
        self.total = total
        super().__init__()

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


class ArticlesRead(Message):
    """Articles read from the corpus while a first index is built, for the list to show."""

    def __init__(self, hits: list[Hit], generation: int) -> None:
        self.hits = hits
        self.generation = generation
        super().__init__()


class IndexDone(Message):
    def __init__(self, summary: IndexSummary, count: int, by_other: bool = False) -> None:
        self.summary = summary
        self.count = count
        self.by_other = by_other
        """Another process was indexing this corpus when the app opened; it has finished."""
        super().__init__()


class IndexBusy(Message):
    """Another process is indexing this corpus: the app shows what it commits and waits."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__()


class CorpusChanged(Message):
    """The watcher applied files added, changed or removed in the corpus while the app runs."""

    def __init__(self, summary: IndexSummary, count: int) -> None:
        self.summary = summary
        self.count = count
        super().__init__()


class WatchFailed(Message):
    """Watching the corpus, or applying one batch of changes, failed."""

    def __init__(self, error: BaseException) -> None:
        self.error = error
        super().__init__()


class SearchDone(Message):
    """The first page of a search; `generation` tells a stale answer from the latest one."""

    def __init__(
        self,
        results: SearchResults,
        generation: int,
        keep_cursor: bool,
        pages: dict[int, list[Hit]] | None = None,
        cursor_at: int | None = None,
        outlets: dict[str, str] | None = None,
    ) -> None:
        self.results = results
        self.generation = generation
        self.keep_cursor = keep_cursor
        self.outlets = outlets or {}
        """Outlets spelt in several ways, with the name to show (`engine.outlet_names`)."""
        self.pages = pages or {}
        """Later pages fetched with the first, to find the article the cursor stays on."""
        self.cursor_at = cursor_at
        """Row of that article in the new order, when it was found."""
        super().__init__()


class PageDone(Message):
    def __init__(self, results: SearchResults, generation: int) -> None:
        self.results = results
        self.generation = generation
        super().__init__()


class ArticleRefreshed(Message):
    """The article on show, as the index now has it (its file changed, or the index was
    rebuilt with new annotation rules)."""

    def __init__(self, article: Article, annotations: Annotations, hit_spans: list[Span]) -> None:
        self.article = article
        self.annotations = annotations
        self.hit_spans = hit_spans
        super().__init__()


class ArticleReady(Message):
    def __init__(
        self,
        hit: Hit,
        article: Article | None,
        annotations: Annotations,
        hit_spans: list[Span],
        query: str,
        focus: bool,
    ) -> None:
        self.hit = hit
        self.query = query
        self.article = article
        self.annotations = annotations
        self.hit_spans = hit_spans
        self.focus = focus
        super().__init__()


class MarksChanged(Message):
    """Marks another process (a colleague, another terminal) changed, from the store's watcher
    thread."""

    def __init__(self, marks: list[Mark]) -> None:
        self.marks = marks
        super().__init__()


class MarksWatchFailed(Message):
    """The watcher lost the store (a dropped connection); `error` is one line for the user."""

    def __init__(self, error: str) -> None:
        self.error = error
        super().__init__()
