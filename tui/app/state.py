"""What every part of the app shares: its state, its widgets, and a few helpers.

`BroadsheetApp` (app.py) is composed of parts named for what they do (indexing, searching,
navigation, review actions, external tools); each is a mixin on `AppState`, so each reads the
same attributes and widgets. Where one part calls another, the method is declared here for the
type checker only (under TYPE_CHECKING), so at run time the part that defines it answers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App, ScreenStackError
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.widget import Widget

from tui.app.article_list import ArticleList
from tui.app.find_bar import FindBar
from tui.app.history import History
from tui.app.idle_gc import IdleCollector
from tui.app.reader import Reader
from tui.app.search_bar import SearchBar
from tui.app.side_panel import SidePanel
from tui.app.status_line import StatusLine
from tui.config import Settings, history_file, review_db_for
from tui.model import Problem
from tui.review import Mark, ReviewStore, ReviewStoreError
from tui.review.saved import SavedSearches, searches_file
from tui.review.watch import Subscription
from tui.search.api import Hit, SearchEngine, SearchResults, Sort

FIELD_FOR_LABEL = {"PERSON": "person", "ORG": "org", "PLACE": "place"}
BROWSE_QUERY = "*"
"""What an empty search bar asks the engine for: every article."""
PAGE_SIZE = 50
WIDE_FROM = 81
"""Columns from which the list, the reader and the side panel show side by side."""


def field_query(field: str | None, value: str) -> str:
    """`field:"value"` (or a plain phrase), with quotes in the value dropped."""
    phrase = '"' + " ".join(value.replace('"', " ").split()) + '"'
    return f"{field}:{phrase}" if field else phrase


M = TypeVar("M")


def while_shown(handler: Callable[[Any, M], None]) -> Callable[[Any, M], None]:
    """For handlers of answers from workers (a search, a page, an article, index progress):
    one may land while the app quits, when its widgets are already gone; it is then dropped
    rather than failing the exit with a traceback (its widgets gone, or its screen: "No screens
    on stack" from a list highlight posted as the test or the user quit)."""

    @wraps(handler)
    def guarded(self: Any, message: M) -> None:
        try:
            handler(self, message)
        except (NoMatches, ScreenStackError):
            # Textual clears `_running` as its shutdown starts; a missing widget at any other
            # time is a bug and is raised as one.
            if getattr(self, "_running", True):
                raise

    return guarded


def open_saved_searches(store: ReviewStore | None, private_db: Path) -> SavedSearches | None:
    """The store's saved searches; ones a private store kept in a file beside it (before the
    store held them) are brought in on the way. An error here must not stop the app opening:
    the searches are then unavailable and the file is read again next time."""
    if store is None:
        return None
    try:
        return SavedSearches(store, searches_file(private_db))
    except ReviewStoreError:
        return SavedSearches(store)


class AppState(App[int]):
    """The state and widgets of a `BroadsheetApp`, shared by its parts."""

    def __init__(
        self,
        corpus: Path,
        search: SearchEngine,
        store: ReviewStore | None,
        settings: Settings,
        *,
        index_on_start: bool = True,
        follow_changes: bool = True,
        idle_gc: bool = False,
        export_dir: Path | None = None,
        store_error: str | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.engine = search
        self.store = store
        self.settings = settings
        self.index_on_start = index_on_start
        self.follow_changes = follow_changes
        self.collector = IdleCollector(self) if idle_gc else None
        """Full garbage collections only while no key comes (the command-line app only)."""
        self.export_dir = export_dir or Path.home()
        """Where exports go unless told otherwise: the home folder, easy to find again (the
        folder the app was started from may be anywhere, or the read-only corpus)."""
        self.store_error = store_error
        self.history = History(history_file(settings), settings.history_size)
        self.saved_searches = open_saved_searches(store, review_db_for(corpus, settings))
        """The saved searches live in the review store (None when it could not be opened)."""
        self.sort: Sort = "relevance"
        self.results: SearchResults | None = None
        self.outlets: dict[str, str] = {}
        """The name to show for each outlet the corpus spells in several ways."""
        self.query_text = ""
        self.problems: list[Problem] = []
        self.indexing = False
        self._generation = 0
        self._awaiting: int | None = None
        """The search whose results the list is waiting for, if any."""
        self._last_live_refresh = 0.0
        self._marks: dict[str, Mark] = {}
        self.preview = settings.preview
        self._subscription: Subscription | None = None
        """The store's watcher of marks made elsewhere, while the app runs."""
        self._preview: Timer | None = None
        self._shown_query = ""
        self._reading = False
        self._background_started = False
        self._watcher: Any = None
        self._watch_lock = threading.Lock()
        self._closing = False
        self._last_watch_error = ""
        self._early: int | None = None
        """The list generation of articles read ahead of a first index, while it is shown."""
        self._files_indexed = 0
        """Files the running index update has done (written by its thread)."""
        self._told_early = False
        self._undo: list[Mark] = []
        """Marks as they were before the last change (what `u` puts back)."""
        self._opening: str | None = None
        """The article J/K (or a jump) is opening: the list's preview leaves it alone."""
        self.keymap_warnings: list[str] = []
        """What was wrong with the config's [keymap] (clashes, unknown ids, no key): said at
        start, and kept at the top of the help screen, where the user looks for keys."""
        self._requested: tuple[str, str] | None = None
        """The article (and query) last asked of the loader: only its answer is shown."""

    @property
    def busy(self) -> bool:
        """True while anything is still to come: indexing, a search, an article, a preview."""
        return (
            self.indexing
            or self._preview is not None
            or any(worker.is_running for worker in self.workers)
        )

    @property
    def results_list(self) -> ArticleList:
        return self.query_one("#results", ArticleList)

    @property
    def reader(self) -> Reader:
        return self.query_one("#reader", Reader)

    @property
    def side_panel(self) -> SidePanel:
        return self.query_one("#side-panel", SidePanel)

    @property
    def find_bar(self) -> FindBar:
        return self.query_one("#find-bar", FindBar)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one("#search-bar", SearchBar)

    @property
    def status(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    @staticmethod
    def _is_within(widget: Widget, ids: tuple[str, ...]) -> bool:
        return any(node.id in ids for node in widget.ancestors_with_self)

    def _key_for(self, binding_id: str) -> str:
        """How the key bound to `binding_id` is shown (after any remap)."""
        keys = self._keymap.get(binding_id)
        if keys:
            return self.get_key_display(Binding(keys.split(",")[0], ""))
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.id == binding_id:
                return self.get_key_display(Binding(binding.key.split(",")[0], ""))
        return binding_id

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """As `App.notify`, but plain text unless asked: messages here quote corpus text."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    if TYPE_CHECKING:
        # Defined by the parts (see the module docstring); declared for the type checker.
        def start_search(self, query: str, keep_cursor: bool = False) -> None: ...
        def open_article(
            self, hit: Hit, query: str, focus: bool = True, early: bool = False
        ) -> object: ...
        def index_corpus(self, rebuild: bool = False, watch_first: bool = False) -> object: ...
        def start_watching(self) -> object: ...
        def _show_list(self) -> None: ...
        def _focus_reader(self) -> None: ...
        def _start_background(self) -> None: ...
        def _show_marks_in_reader(self) -> None: ...
        def _current(self) -> tuple[str, str] | None: ...
        def action_find(self) -> None: ...
