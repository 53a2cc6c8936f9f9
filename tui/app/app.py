"""BroadsheetApp: search bar, result list, reader, side panel, status line, footer.

The app owns the search engine and the review store. Anything that may take time (indexing,
searching, reading an article, writing tags to the index, exporting) runs in a thread worker and
comes back as a message; the handlers only update widgets. While the app is open the engine's
watcher applies files added, changed or removed in the corpus (its own thread) and says so with
a message, and the list and status line follow.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Callable
from functools import partial, wraps
from pathlib import Path
from time import monotonic, sleep
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual import events, on, work
from textual.actions import SkipAction
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input
from textual.worker import Worker, WorkerState, get_current_worker

from tui.app.article_list import ArticleList
from tui.app.commands import BroadsheetCommands, PaletteCommand
from tui.app.dialogs import (
    ExportDialog,
    InputDialog,
    NoteDialog,
    ProblemsScreen,
    TagsDialog,
)
from tui.app.footer import KeyFooter
from tui.app.help_screen import PLACES, HelpScreen, help_rows
from tui.app.history import History
from tui.app.idle_gc import IdleCollector
from tui.app.messages import (
    ArticleReady,
    ArticlesRead,
    CorpusChanged,
    IndexBusy,
    IndexDone,
    IndexProgress,
    PageDone,
    SearchDone,
    WatchFailed,
)
from tui.app.reader import Legend, Reader
from tui.app.search_bar import QueryInput, SearchBar
from tui.app.side_panel import SidePanel
from tui.app.status_line import StatusLine
from tui.app.text import one_line, quote_with_speaker
from tui.config import Settings, history_file
from tui.model import LABELS, Annotations, Article, Problem
from tui.review import Mark, ReviewStore, ReviewStoreError
from tui.search import IndexingStopped, IndexLocked
from tui.search.api import Hit, IndexSummary, SearchEngine, SearchResults, Sort

FIELD_FOR_LABEL = {"PERSON": "person", "ORG": "org", "PLACE": "place"}
BROWSE_QUERY = "*"
"""What an empty search bar asks the engine for: every article."""
PAGE_SIZE = 50
LIVE_REFRESH_SECONDS = 1.0
MARKS_POLL_SECONDS = 1.0
"""How often to look whether another process changed the review marks."""
WIDE_FROM = 81
"""Columns from which the list, the reader and the side panel show side by side."""
PREVIEW_DELAY = 0.2
"""Seconds the cursor rests on a row before the reader previews it (wide screens only)."""
READ_AHEAD_FILES = 60
"""While a first index is built the list shows articles read straight from the corpus, at
most this many files ahead of the indexer (a screenful at once, then at the indexer's pace)."""
EARLY_BATCH_SECONDS = 0.25
"""How often articles read ahead are handed to the list (bounds the messages and repaints)."""
EARLY_SNIPPET_CHARS = 200


def field_query(field: str | None, value: str) -> str:
    """`field:"value"` (or a plain phrase), with quotes in the value dropped."""
    phrase = '"' + " ".join(value.replace('"', " ").split()) + '"'
    return f"{field}:{phrase}" if field else phrase


M = TypeVar("M")


def while_shown(handler: Callable[[Any, M], None]) -> Callable[[Any, M], None]:
    """For handlers of answers from workers (a search, a page, an article, index progress):
    one may land while the app quits, when its widgets are already gone; it is then dropped
    rather than failing the exit with a traceback."""

    @wraps(handler)
    def guarded(self: Any, message: M) -> None:
        try:
            handler(self, message)
        except NoMatches:
            # Textual clears `_running` as its shutdown starts; a missing widget at any other
            # time is a bug and is raised as one.
            if getattr(self, "_running", True):
                raise

    return guarded


class BroadsheetApp(App[int]):
    """A keyboard-driven reader for one corpus."""

    TITLE = "Broadsheet"
    CSS_PATH = "broadsheet.tcss"
    AUTO_FOCUS = None
    """The list takes the focus in `on_mount` (not the search field, the first in the DOM)."""
    COMMANDS: ClassVar = App.COMMANDS | {BroadsheetCommands}
    # 80 columns or fewer: one pane at a time (see broadsheet.tcss)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE_FROM, "-wide")]  # noqa: RUF012 (Textual's type)
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding: handled as the key arrives, before the keys typed after it are
        # passed on, so none of them reaches the list (see `action_focus_search`).
        Binding("slash", "focus_search", "Search", id="search", priority=True),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("escape", "go_back", "Back", show=False, id="back"),
        Binding("r", "toggle_reviewed", "Reviewed", id="reviewed"),
        Binding("f", "toggle_flagged", "Flag", id="flag"),
        Binding("t", "edit_tags", "Tags", id="tag"),
        Binding("o", "edit_note", "Note", id="note"),
        Binding("s", "toggle_sort", "Sort", id="sort"),
        Binding("p", "toggle_panel", "Panel", id="panel"),
        Binding("c", "copy_quote", "Copy quote", show=False, id="copy-quote"),
        Binding("y", "copy_path", "Copy path", show=False, id="copy-path"),
        Binding("e", "export('all')", "Export marks", show=False, id="export"),
        Binding("exclamation_mark", "problems", "Problems", show=False, id="problems"),
    ]

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
        self.export_dir = export_dir or Path.cwd()
        self.store_error = store_error
        self.history = History(history_file(settings), settings.history_size)
        self.sort: Sort = "relevance"
        self.results: SearchResults | None = None
        self.query_text = ""
        self.problems: list[Problem] = []
        self.indexing = False
        self._generation = 0
        self._awaiting: int | None = None
        """The search whose results the list is waiting for, if any."""
        self._last_live_refresh = 0.0
        self._marks: dict[str, Mark] = {}
        self.preview = settings.preview
        self._marks_seen: tuple[int, str] = (0, "")
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

    @property
    def busy(self) -> bool:
        """True while anything is still to come: indexing, a search, an article, a preview."""
        return (
            self.indexing
            or self._preview is not None
            or any(worker.is_running for worker in self.workers)
        )

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield SearchBar(self.history, self.settings.search_debounce_ms / 1000, id="search-bar")
        with Horizontal(id="body"):
            yield ArticleList(page_size=PAGE_SIZE, id="results")
            with Vertical(id="reader-pane"):
                reader = Reader(id="reader")
                yield reader
                yield Legend(reader, id="legend")
            yield SidePanel(id="side-panel")
        yield StatusLine(id="status")
        yield KeyFooter()

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
    def search_bar(self) -> SearchBar:
        return self.query_one("#search-bar", SearchBar)

    @property
    def status(self) -> StatusLine:
        return self.query_one("#status", StatusLine)

    def on_mount(self) -> None:
        self._exit_on_signals()
        if self.collector is not None:
            self.collector.start()
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(f"Unknown theme {self.settings.theme!r}; using {self.theme}.")
        if self.settings.keymap:
            self._apply_keymap(self.settings.keymap)
        self.results_list.border_title = "Results"
        self.reader.border_title = "Reader"
        self.side_panel.clear()
        if self.store is not None:
            self._marks = self.store.all_marks()
            self.results_list.set_marks(self._marks)
            self._marks_seen = (self.store.data_version(), self._latest_stamp())
            self.set_interval(MARKS_POLL_SECONDS, self._poll_marks)
        elif self.store_error:
            self.notify(self.store_error, title="Review marks unavailable", severity="error")
        self.status.indexed(self.engine.count())
        known = getattr(self.engine, "problems", None)  # optional engine extra
        self.problems = list(known()) if callable(known) else []
        self.status.problems(len(self.problems), self._key_for("problems"))
        # At once, not `focus()` (queued): a "/" typed as the app starts must find the list
        # focused, not have the focus moved back to the list after it (taking the query).
        self.screen.set_focus(self.results_list)
        self.start_search("", keep_cursor=False)
        self.indexing = self.index_on_start  # started once the first results are in

    def _exit_on_signals(self) -> None:
        """`kill` (SIGTERM) or a closed terminal (SIGHUP) quit as `q` does: the terminal is
        restored (main screen, no mouse reporting) and marks are closed cleanly, where the
        default would end the process on the spot and leave the terminal in app mode."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self.exit)

    def _start_background(self) -> None:
        """Once the first results are on screen: watch the corpus, then bring the index up to
        date, in this order so no change is missed (the watcher sees what changes after it
        starts, the update what changed before). Not sooner: setting up the watches on a large
        corpus holds the interpreter for a few hundred milliseconds (watchfiles walks the
        tree), and the first screen would wait for it."""
        if self._background_started:
            return
        self._background_started = True
        if self.index_on_start:
            self.index_corpus(watch_first=self.follow_changes)
        elif self.follow_changes:
            self.start_watching()

    def _apply_keymap(self, keymap: dict[str, str]) -> None:
        known = self._binding_ids()
        unknown = sorted(set(keymap) - known)
        if unknown:
            self.notify(
                f"Unknown key binding id(s) in [keymap]: {', '.join(unknown)}",
                severity="warning",
            )
        self.set_keymap(keymap)

    def _binding_ids(self) -> set[str]:
        ids: set[str] = set()
        classes: list[type[object]] = [
            type(self),
            ArticleList,
            Reader,
            SidePanel,
            QueryInput,
            HelpScreen,
            InputDialog,
            ProblemsScreen,
        ]
        for cls in classes:
            for binding in getattr(cls, "BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
        return ids

    def _key_for(self, binding_id: str) -> str:
        """How the key bound to `binding_id` is shown (after any remap)."""
        keys = self._keymap.get(binding_id)
        if keys:
            return self.get_key_display(Binding(keys.split(",")[0], ""))
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.id == binding_id:
                return self.get_key_display(Binding(binding.key.split(",")[0], ""))
        return binding_id

    # -- indexing -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def index_corpus(self, rebuild: bool = False, watch_first: bool = False) -> None:
        """Bring the index up to date; the list refreshes as it fills (`on_index_progress`)."""
        if watch_first:
            self._start_watcher()
        self._sync_tags()
        last = 0.0
        self._files_indexed = 0
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            nonlocal last
            self._files_indexed = done
            now = monotonic()
            if done >= total or now - last >= 0.05:
                last = now
                self.post_message(IndexProgress(done, total))

        waited = False
        while True:
            try:
                summary = self.engine.update(progress=progress, rebuild=rebuild)
            except IndexLocked as exc:  # another process is building it and has no commit yet
                summary = IndexSummary(readonly=True, busy=True, reason=str(exc))
            except IndexingStopped:  # the app is quitting (`on_unmount`)
                return
            if not summary.busy or worker.is_cancelled or self._closing:
                break
            if not waited:
                waited = True
                self.post_message(IndexBusy(summary.reason or "another process is indexing"))
            rebuild = False  # the other process's fresh index is the one wanted
            sleep(0.5)
        if not (worker.is_cancelled or self._closing):
            self.post_message(IndexDone(summary, self.engine.count(), by_other=waited))

    def _sync_tags(self) -> None:
        """Give the engine every review tag, in case its index (and tag file) was rebuilt.

        The review store is the source of truth; `replace_tags` is an optional engine extra.
        """
        replace = getattr(self.engine, "replace_tags", None)
        if self.store is None or replace is None:
            return
        replace({mark.id: mark.tags for mark in self.store.all_marks().values() if mark.tags})

    @while_shown
    def on_index_progress(self, message: IndexProgress) -> None:
        self.status.indexing(message.done, message.total)
        now = monotonic()
        waiting = self.results is None or not self.results.hits or self._early is not None
        # Nothing to show yet: look again sooner, so the first commit's results come at once.
        every = LIVE_REFRESH_SECONDS / 4 if waiting else LIVE_REFRESH_SECONDS
        if now - self._last_live_refresh >= every:
            self._last_live_refresh = now
            self.start_search(self.query_text, keep_cursor=True)

    @while_shown
    def on_index_busy(self, message: IndexBusy) -> None:
        self.status.indexed(self.engine.count(), "another Broadsheet is indexing this folder")
        self.notify(
            one_line(message.reason)
            + ". Showing what it has indexed so far; the list updates as it goes.",
            title="Index in use",
            timeout=6,
        )

    @while_shown
    def on_index_done(self, message: IndexDone) -> None:
        self.indexing = False
        summary = message.summary
        note = describe_update(summary)
        if message.by_other:
            note = f"indexed by another Broadsheet; {note}"
            self.notify("The other Broadsheet finished indexing this folder.", timeout=4)
        self.status.indexed(message.count, note)
        self.problems = list(summary.skipped)
        self.status.problems(len(self.problems), self._key_for("problems"))
        self.start_search(self.query_text, keep_cursor=True)

    # -- the list before the first index is there ----------------------------------------------

    def _start_early_list(self) -> None:
        """Fill the list with articles read straight from the corpus while the first index is
        built (the index is searchable only once complete): the list fills as indexing goes."""
        self._generation += 1
        self._early = self._generation
        self.read_ahead(self._generation)

    def _early_wanted(self, generation: int) -> bool:
        return self._early == generation and self.indexing and not get_current_worker().is_cancelled

    @work(thread=True, exclusive=True, group="early-list", exit_on_error=False)
    def read_ahead(self, generation: int) -> None:
        """Read the corpus in order, keeping `READ_AHEAD_FILES` ahead of the indexer, and post
        what was read in batches."""
        from tui.ingest import discover, read_file

        batch: list[Hit] = []
        sent = monotonic()
        for files, path in enumerate(discover(self.corpus)):
            while files >= self._files_indexed + READ_AHEAD_FILES and self._early_wanted(
                generation
            ):
                if batch:
                    self.post_message(ArticlesRead(batch, generation))
                    batch, sent = [], monotonic()
                sleep(0.1)
            if not self._early_wanted(generation):
                return
            result = read_file(path, self.corpus)
            batch.extend(early_hit(article) for article in result.articles)
            if batch and monotonic() - sent >= EARLY_BATCH_SECONDS:
                self.post_message(ArticlesRead(batch, generation))
                batch, sent = [], monotonic()
            sleep(0)  # let the interface thread in between files
        if batch:
            self.post_message(ArticlesRead(batch, generation))

    @while_shown
    def on_articles_read(self, message: ArticlesRead) -> None:
        if message.generation != self._early:
            return  # the engine's list has taken over
        results_list = self.results_list
        results_list.append_rows(message.hits, message.generation)
        self.status.results(f"{results_list.total:,} articles so far")

    # -- watching the corpus ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def start_watching(self) -> None:
        self._start_watcher()

    def _start_watcher(self) -> None:
        """Start the engine's watcher (an optional engine extra), in a worker thread: starting
        waits until the watches are in place. The watcher then lives on its own thread and
        calls back from there, which only posts messages."""
        watch = getattr(self.engine, "watch", None)
        if watch is None:
            return

        def changed(summary: IndexSummary) -> None:
            self.post_message(CorpusChanged(summary, self.engine.count()))

        def failed(error: BaseException) -> None:
            self.post_message(WatchFailed(error))

        try:
            watcher = watch(changed, failed)
        except Exception as error:  # the app works without it; say so
            failed(error)
            return
        with self._watch_lock:
            if not self._closing:
                self._watcher = watcher
                return
        watcher.stop()  # the app closed while the watches were being set up

    def stop_watching(self) -> None:
        with self._watch_lock:
            self._closing = True
            watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.stop()

    def on_unmount(self) -> None:
        self.stop_watching()
        # A build in progress stops within a tenth of a second, its workers ended; what it
        # committed is kept and the next open carries on from there.
        stop = getattr(self.engine, "stop_indexing", None)  # optional engine extra
        if callable(stop):
            stop()
        if self.collector is not None:
            self.collector.stop()

    async def on_event(self, event: events.Event) -> None:
        if self.collector is not None and isinstance(event, (events.Key, events.MouseDown)):
            self.collector.saw_input()
        await super().on_event(event)

    @while_shown
    def on_corpus_changed(self, message: CorpusChanged) -> None:
        if not self.indexing:  # else the indexing progress owns the status line
            self.status.indexed(message.count, describe_update(message.summary))
        self.problems = list(message.summary.skipped)
        self.status.problems(len(self.problems), self._key_for("problems"))
        self.start_search(self.query_text, keep_cursor=True)

    def on_watch_failed(self, message: WatchFailed) -> None:
        error = one_line(f"{type(message.error).__name__}: {message.error}")
        if error != self._last_watch_error:  # the same failure on every change: say it once
            self._last_watch_error = error
            self.notify(error, title="Watching the corpus failed", severity="warning", timeout=6)

    # -- searching ----------------------------------------------------------------------------

    def start_search(self, query: str, keep_cursor: bool = False) -> None:
        self.query_text = query
        self._generation += 1
        self._awaiting = self._generation
        self.search_worker(query, self.sort, self._generation, keep_cursor)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def search_worker(self, query: str, sort: Sort, generation: int, keep_cursor: bool) -> None:
        results = self.engine.search(
            query.strip() or BROWSE_QUERY, limit=PAGE_SIZE, page=1, sort=sort
        )
        if not get_current_worker().is_cancelled:
            self.post_message(SearchDone(results, generation, keep_cursor))

    @work(thread=True, group="pages", exit_on_error=False)
    def page_worker(self, query: str, sort: Sort, page: int, generation: int) -> None:
        if generation != self._generation:
            return  # asked for by a list a newer search has since replaced
        results = self.engine.search(
            query.strip() or BROWSE_QUERY, limit=PAGE_SIZE, page=page, sort=sort
        )
        self.post_message(PageDone(results, generation))

    @while_shown
    def on_search_done(self, message: SearchDone) -> None:
        self._start_background()
        if message.generation != self._generation:
            return  # an older search finished after a newer one started
        self._awaiting = None
        results = message.results
        bar = self.search_bar
        if results.error is not None and not self.query_text.strip():
            # browsing with no index yet (first run): not the user's query at fault
            if self._early is not None:
                return  # the list shows the articles read so far
            self.results_list.empty_message = (
                "Indexing… articles appear as they are read."
                if self.indexing
                else one_line(results.error.message)
            )
            self.results_list.refresh()
            if self.indexing and self.engine.count() == 0:
                self._start_early_list()
            return
        if results.error is not None and self.indexing and self.engine.count() == 0:
            # A query typed before the first commit of a first index: nothing is wrong with it.
            self._early = None  # the list of files read so far is not an answer to it
            self.results_list.empty_message = "Indexing… results appear within seconds."
            self.results_list.show_results([], 0, message.generation, keep_cursor=False)
            self.status.results("waiting for the first articles to be indexed")
            return
        if results.error is not None:
            bar.show_error(results.error.message, results.error.position)
            self.status.results("query error")
            return
        self.results = results
        results_list = self.results_list
        keep_cursor = message.keep_cursor
        if self._early is not None:
            self._early = None  # the engine's list from now on
            focused = self.focused
            untouched = results_list.cursor == 0 and (
                focused is None or not self._is_within(focused, ("reader-pane", "side-panel"))
            )
            shown = self.reader.article
            if untouched:
                # The early list is in reading order, the index's newest first: a cursor
                # nobody moved stays at the top instead of following the first file read.
                keep_cursor = False
            elif shown is not None:  # read before it was indexed: now with its highlights
                self.open_article(early_hit(shown), self.query_text, focus=False)
        if results.suggestion:
            bar.show_suggestion(results.suggestion)
        else:
            bar.clear_message()
        if not results.hits and not self.query_text.strip():
            results_list.empty_message = (
                "Indexing… articles appear as they are read." if self.indexing else "No articles."
            )
        else:
            results_list.empty_message = "No matches."
        results_list.show_results(
            results.hits, results.total, message.generation, keep_cursor=keep_cursor
        )
        self._show_result_count()

    def _show_result_count(self) -> None:
        results = self.results
        if results is None:
            return
        if not self.query_text.strip():  # every article scores alike: listed newest first
            if results.building is not None:
                done, total = results.building
                self.status.results(f"newest first · {done:,} of {total:,} articles so far")
            else:
                self.status.results("all, newest first")
            self.results_list.border_title = "Articles · newest first"
            return
        about = "" if results.total_exact else "about "
        noun = "result" if results.total == 1 else "results"
        shown = f"{about}{results.total:,} {noun} · by {self.sort}"
        if results.building is not None:
            done, total = results.building
            shown += f" · searching {done:,} of {total:,} articles so far"
        self.status.results(shown)
        self.results_list.border_title = f"Results · by {self.sort}"

    @while_shown
    def on_page_done(self, message: PageDone) -> None:
        results = message.results
        if results.error is None:
            self.results_list.add_page(results.page, results.hits, message.generation)
        else:
            self.results_list.page_failed(results.page, message.generation)

    @on(ArticleList.PageWanted)
    def _page_wanted(self, message: ArticleList.PageWanted) -> None:
        if message.generation == self._generation:
            self.page_worker(self.query_text, self.sort, message.page, message.generation)

    @on(SearchBar.Changed)
    def _query_changed(self, message: SearchBar.Changed) -> None:
        if message.query != self.query_text:
            self.start_search(message.query)

    # -- opening ------------------------------------------------------------------------------

    @on(ArticleList.Opened)
    def _open(self, message: ArticleList.Opened) -> None:
        self._cancel_preview()
        self.history.add(self.query_text)
        shown = self.reader.article
        if (
            shown is not None
            and shown.id == message.hit.id
            and self._shown_query == self.query_text
        ):
            self._focus_reader()  # already previewed: keep the place
        else:
            self.open_article(message.hit, self.query_text, early=self._early is not None)

    @on(ArticleList.Highlighted)
    def _highlighted(self, message: ArticleList.Highlighted) -> None:
        """On a wide screen the reader previews the highlighted article (after a pause)."""
        self._cancel_preview()
        hit = message.hit
        if hit is None or not self.preview or not self.screen.has_class("-wide"):
            return
        shown = self.reader.article
        if shown is not None and shown.id == hit.id:
            return
        self._preview = self.set_timer(
            PREVIEW_DELAY, partial(self._run_preview, hit, self.query_text)
        )

    def action_toggle_preview(self) -> None:
        self.preview = not self.preview
        if not self.preview:
            self._cancel_preview()
        self.notify(f"Preview {'on' if self.preview else 'off'}", timeout=1.5)

    def _run_preview(self, hit: Hit, query: str) -> None:
        self._preview = None
        self.open_article(hit, query, focus=False, early=self._early is not None)

    def _cancel_preview(self) -> None:
        if self._preview is not None:
            self._preview.stop()
            self._preview = None

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def open_article(self, hit: Hit, query: str, focus: bool = True, early: bool = False) -> None:
        article = self.engine.article(hit.id)
        if article is None and early:
            # read ahead of the first index: straight from the corpus, not annotated yet
            from tui.ingest import read_file

            result = read_file(self.corpus / hit.path, self.corpus)
            article = next((a for a in result.articles if a.id == hit.id), None)
            if article is not None:
                self.post_message(ArticleReady(hit, article, Annotations(), [], query, focus))
                return
        if article is None:
            self.post_message(ArticleReady(hit, None, Annotations(), [], query, focus))
            return
        annotations = self.engine.annotations(hit.id)
        spans = self.engine.hit_spans(query, article) if query.strip() else []
        if not get_current_worker().is_cancelled:
            self.post_message(ArticleReady(hit, article, annotations, spans, query, focus))

    @while_shown
    def on_article_ready(self, message: ArticleReady) -> None:
        if message.article is None:
            if message.focus:
                self.notify(
                    f"{one_line(message.hit.path)} is no longer in the corpus.",
                    severity="warning",
                )
            return
        if self._early is not None and message.focus and not self._told_early:
            self._told_early = True
            self.notify("Highlights, quotes and search come once indexing is done.", timeout=4)
        reader = self.reader
        reader.show(message.article, message.annotations, message.hit_spans)
        self._shown_query = message.query
        quotes = [quote for _, quote in reader.doc.quotes] if reader.doc else []
        self.side_panel.show(message.annotations.entities, quotes)
        self._show_marks_in_reader()
        if message.focus:
            self._focus_reader()

    def _focus_reader(self) -> None:
        self._set_reading(True)
        self.reader.focus()

    def _set_reading(self, reading: bool) -> None:
        self._reading = reading
        self._show_reading(self.size.width)

    def _show_reading(self, width: int) -> None:
        """Narrow screens show the list or the reader: `-reading` on #body picks the reader.

        A class change restyles every widget below it (about 15 ms for #body), so the class is
        only there while narrow; wide screens show both panes anyway.
        """
        for body in self.query("#body"):  # none yet while the app starts
            body.set_class(self._reading and width < WIDE_FROM, "-reading")

    def on_resize(self, event: events.Resize) -> None:
        self._show_reading(event.size.width)

    def on_reader_moved(self, message: Reader.Moved) -> None:
        reader = message.reader
        parts = []
        if reader.hit_count:
            at = f"{reader.current_hit + 1}/" if reader.current_hit is not None else ""
            parts.append(f"hit {at}{reader.hit_count}")
        if reader.quote_count:
            at = f"{reader.current_quote + 1}/" if reader.current_quote is not None else ""
            parts.append(f"quote {at}{reader.quote_count}")
        reader.border_subtitle = " · ".join(parts)
        self.side_panel.highlight_quote(reader.current_quote)

    @on(SidePanel.QuoteChosen)
    def _quote_chosen(self, message: SidePanel.QuoteChosen) -> None:
        self.reader.jump_to_quote(message.index)

    @on(SidePanel.EntityChosen)
    def _entity_chosen(self, message: SidePanel.EntityChosen) -> None:
        query = field_query(FIELD_FOR_LABEL.get(message.label), message.name)
        self.search_bar.set_query(query, run_now=True)
        self.history.add(query)
        self._show_list()

    # -- the current article ------------------------------------------------------------------

    def _current(self) -> tuple[str, str] | None:
        """(id, title) of the article the review keys act on: the open one when reading."""
        focused = self.focused
        reading = focused is not None and self._is_within(focused, ("reader-pane", "side-panel"))
        article = self.reader.article
        if reading and article is not None:
            return article.id, article.title or article.path
        hit = self.results_list.current_hit
        if hit is not None:
            if self._awaiting is not None:
                # The rows on screen answer an older query ("okafor⏎f" typed ahead: the flag
                # is meant for what the new search lists, which is not there yet).
                self.notify("Results are still coming: press it again when they show.")
                return None
            return hit.id, hit.title or hit.path
        if article is not None:
            return article.id, article.title or article.path
        return None

    @staticmethod
    def _is_within(widget: Widget, ids: tuple[str, ...]) -> bool:
        return any(node.id in ids for node in widget.ancestors_with_self)

    def _require_store(self) -> ReviewStore | None:
        if self.store is None:
            self.notify(
                self.store_error or "Review marks are unavailable.", severity="error", timeout=4
            )
        return self.store

    def _latest_stamp(self) -> str:
        return max((m.updated_at or "" for m in self._marks.values()), default="")

    def _poll_marks(self) -> None:
        """Show marks another Broadsheet on the same corpus made (a colleague, or a second
        terminal over SSH): SQLite says cheaply whether anyone else committed, and only
        then are the marks written since the last look read."""
        store = self.store
        if store is None:
            return
        try:
            version = store.data_version()
            if version == self._marks_seen[0]:
                return
            changed = store.changed_since(self._marks_seen[1])
        except ReviewStoreError:
            return  # the next look will tell; a write meanwhile reports its own error
        stamp = self._marks_seen[1]
        for mark in changed:
            if self._marks.get(mark.id) != mark:
                self._mark_changed(mark)
            stamp = max(stamp, mark.updated_at or "")
        self._marks_seen = (version, stamp)

    def _mark_changed(self, mark: Mark) -> None:
        self._marks[mark.id] = mark
        self.results_list.set_mark(mark)
        self._show_marks_in_reader()

    def _show_marks_in_reader(self) -> None:
        reader = self.reader
        if reader.article is None:
            return
        described = describe_mark(self._marks.get(reader.article.id))
        reader.border_title = Text(f"Reader · {described}" if described else "Reader")

    def action_toggle_reviewed(self) -> None:
        current, store = self._current(), self._require_store()
        if current is None or store is None:
            return
        mark = store.toggle_reviewed(current[0])
        self._mark_changed(mark)
        self.notify("Reviewed" if mark.reviewed else "Not reviewed", timeout=1.5)

    def action_toggle_flagged(self) -> None:
        current, store = self._current(), self._require_store()
        if current is None or store is None:
            return
        mark = store.toggle_flagged(current[0])
        self._mark_changed(mark)
        self.notify("Flagged" if mark.flagged else "Flag removed", timeout=1.5)

    def action_edit_tags(self) -> None:
        current, store = self._current(), self._require_store()
        if current is None or store is None:
            return
        article_id, title = current

        def save(tags: list[str] | None) -> None:
            if tags is None:
                return
            mark = store.set_tags(article_id, tags)
            self._mark_changed(mark)
            self.index_tags(article_id, mark.tags)

        self.push_screen(
            TagsDialog(title, store.get(article_id).tags, store.all_tags()), callback=save
        )

    @work(thread=True, group="tags", exit_on_error=False)
    def index_tags(self, article_id: str, tags: list[str]) -> None:
        self.engine.set_tags(article_id, tags)

    def action_edit_note(self) -> None:
        current, store = self._current(), self._require_store()
        if current is None or store is None:
            return
        article_id, title = current

        def save(note: str | None) -> None:
            if note is not None:
                self._mark_changed(store.set_note(article_id, note))

        self.push_screen(NoteDialog(title, store.get(article_id).note), callback=save)

    # -- navigation ---------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        # At once, not `focus()` (which waits its turn in the queue): keys typed right after
        # `/` - a fast typist, or a slow SSH link delivering "/okafor" in one packet - arrive
        # together, and would otherwise be passed to the list before the focus moved (and be
        # lost, or taken as its keys: "o" a note, "f" a flag).
        field = self.search_bar.input
        if self.focused is field and not field.value and len(self.screen_stack) == 1:
            # Already there (the field has the focus at launch, until the list takes it): a
            # "/" typed as the app starts opens the search; no query starts with one.
            return
        if isinstance(self.focused, Input) or len(self.screen_stack) > 1:
            raise SkipAction()  # "/" typed in a query, a tag or a note; or a dialog is open
        self.screen.set_focus(self.search_bar.input)

    def _show_list(self) -> None:
        self._set_reading(False)
        # At once rather than `focus()`, which waits its turn: keys that arrived with the one
        # that led here (Esc or Enter in the search field) are for the list.
        self.results_list.screen.set_focus(self.results_list)

    def action_submit_search(self) -> None:
        """Enter in the search field, taken as the key arrives (a priority binding of the
        field): the focus moves to the results before the keys typed after Enter are passed
        on."""
        bar = self.search_bar
        bar.submit()
        self.start_search(bar.value)  # now, so a mark key typed ahead knows it is early
        self._show_list()

    def action_go_back(self) -> None:
        focused = self.focused
        if focused is None or not self._is_within(focused, ("results",)):
            self._show_list()

    def action_toggle_sort(self) -> None:
        self.sort = "date" if self.sort == "relevance" else "relevance"
        self.notify(f"Sorted by {self.sort}", timeout=1.5)
        self.start_search(self.query_text)

    def action_toggle_panel(self) -> None:
        screen = self.screen
        screen.toggle_class("-panel-toggled")
        narrow = screen.has_class("-narrow")
        shown = screen.has_class("-panel-toggled") == narrow
        focused = self.focused
        if shown and narrow:
            self.call_after_refresh(self.query_one("#entities").focus)
        elif not shown and focused is not None and self._is_within(focused, ("side-panel",)):
            self.reader.focus()

    def action_help(self) -> None:
        focused = self.focused
        where = "Everywhere"
        if focused is not None:
            for node in focused.ancestors_with_self:
                name = type(node).__name__
                if name in PLACES:
                    where = PLACES[name]
                    break
        self.push_screen(HelpScreen(help_rows(self.screen), where))

    def action_problems(self) -> None:
        self.push_screen(ProblemsScreen(self.problems))

    def action_copy_path(self) -> None:
        current = self._current()
        if current is None:
            return
        article = self.reader.article
        path = article.path if article is not None and article.id == current[0] else None
        if path is None:
            hit = self.results_list.current_hit
            path = hit.path if hit is not None else current[0].split("#", 1)[0]
        full = Path(path) if Path(path).is_absolute() else self.corpus / path
        self.copy_to_clipboard(str(full))
        self.notify(f"Copied {one_line(str(full))}", timeout=2)

    def action_copy_quote(self) -> None:
        quote = self.reader.quote
        if quote is None:
            self.notify("No quote to copy: open an article and pick one with ] or [", timeout=2)
            return
        self.copy_to_clipboard(quote_with_speaker(quote))
        self.notify("Quote copied", timeout=2)

    # -- facets, export -----------------------------------------------------------------------

    def narrow(self, field: str, value: str) -> None:
        """Keep only results whose `field` is `value` (added to the query, so it shows)."""
        condition = field_query(field, value)
        current = self.search_bar.value.strip()
        query = f"({current}) AND {condition}" if current else condition
        self.search_bar.set_query(query, run_now=True)
        self._show_list()

    def action_export(self, what: str = "all") -> None:
        if self._require_store() is None:
            return
        labels = {
            "all": "all marks",
            "flagged": "flagged articles",
            "reviewed": "reviewed articles",
            "results": "marks in these results",
        }
        default = self.export_dir / f"broadsheet-{what}.jsonl"

        def go(path: Path | None) -> None:
            if path is not None:
                self.export_worker(what, path, self.query_text)

        self.push_screen(ExportDialog(labels.get(what, what), default), callback=go)

    @work(thread=True, group="export", exit_on_error=False)
    def export_worker(self, what: str, path: Path, query: str) -> None:
        from tui.commands.export import Format, collect, write

        assert self.store is not None
        records = collect(
            self.corpus,
            self.store,
            flagged=what == "flagged",
            reviewed=what == "reviewed",
            query=query if what == "results" and query.strip() else None,
            engine=self.engine,
        )
        fmt: Format = "csv" if path.suffix.lower() == ".csv" else "jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="" if fmt == "csv" else None) as out:
            write(records, fmt, out)
        self.call_from_thread(
            self.notify, f"Exported {len(records)} marks to {one_line(str(path))}", timeout=4
        )

    def palette_commands(self) -> list[PaletteCommand]:
        commands: list[PaletteCommand] = []
        other = "date" if self.sort == "relevance" else "relevance"
        commands.append(
            PaletteCommand(
                f"Sort by {other}", "Order the results differently", self.action_toggle_sort
            )
        )
        for what, title in (
            ("all", "Export all review marks"),
            ("flagged", "Export flagged articles"),
            ("reviewed", "Export reviewed articles"),
        ):
            commands.append(
                PaletteCommand(title, "JSON lines or CSV", partial(self.action_export, what))
            )
        if self.query_text.strip():
            commands.append(
                PaletteCommand(
                    "Export marks in these results",
                    f"Marked articles matching {self.query_text}",
                    partial(self.action_export, "results"),
                )
            )
        results = self.results
        if results is not None:
            for field, facets, noun in (
                ("source", results.sources, "source"),
                ("person", results.people, "person"),
                ("org", results.orgs, "organisation"),
            ):
                about = "" if results.facets_exact else "about "
                for facet in facets[:15]:
                    commands.append(
                        PaletteCommand(
                            f"Narrow to {noun}: {one_line(facet.value)} ({about}{facet.count:,})",
                            f'Add {field}:"…" to the query',
                            partial(self.narrow, field, facet.value),
                        )
                    )
        commands.append(
            PaletteCommand(
                f"Turn preview {'off' if self.preview else 'on'}",
                "The reader following the list cursor on wide screens (off saves bandwidth)",
                self.action_toggle_preview,
            )
        )
        if self.reader.article is not None:
            for label in LABELS:
                state = "Show" if label in self.reader.hidden_labels else "Hide"
                commands.append(
                    PaletteCommand(
                        f"{state} {label} highlights",
                        "In the reader",
                        partial(self.reader.action_toggle_label, label),
                    )
                )
            commands.append(
                PaletteCommand("Copy path", "Path of the open article", self.action_copy_path)
            )
            if self.reader.quote is not None:
                commands.append(
                    PaletteCommand("Copy quote", "With its speaker", self.action_copy_quote)
                )
        if self._current() is not None and self.store is not None:
            commands += [
                PaletteCommand("Toggle reviewed", "Review mark", self.action_toggle_reviewed),
                PaletteCommand("Toggle flag", "Review mark", self.action_toggle_flagged),
                PaletteCommand("Edit tags", "Review mark", self.action_edit_tags),
                PaletteCommand("Edit note", "Review mark", self.action_edit_note),
            ]
        commands.append(
            PaletteCommand(
                f"Show problems ({len(self.problems)})",
                "Files skipped while indexing",
                self.action_problems,
            )
        )
        commands.append(
            PaletteCommand("Toggle side panel", "Entities and quotes", self.action_toggle_panel)
        )
        commands.append(PaletteCommand("Reindex corpus", "Pick up changed files", self._reindex))
        commands.append(
            PaletteCommand(
                "Rebuild index from scratch",
                "Read every file again; the current index answers until the new one is done",
                partial(self._reindex, True),
            )
        )
        return commands

    def _reindex(self, rebuild: bool = False) -> None:
        self.indexing = True
        self.index_corpus(rebuild=rebuild)

    # -- errors -------------------------------------------------------------------------------

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

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            name = event.worker.group or event.worker.name
            if event.worker.group == "search":
                self._awaiting = None
                self._start_background()
            if event.worker.group == "index":
                self.indexing = False
                self.status.indexed(self.engine.count(), "indexing failed")
                self.results_list.empty_message = "No index: " + one_line(str(error))
                self.results_list.refresh()
            self.notify(
                one_line(f"{type(error).__name__}: {error}"),
                title=f"{name} failed",
                severity="error",
                timeout=6,
            )


def early_hit(article: Article) -> Hit:
    """A list row for an article read before the index has it."""
    return Hit(
        id=article.id,
        path=article.path,
        title=article.title,
        date=article.date,
        source=article.source,
        author=article.author,
        snippet=article.text[:EARLY_SNIPPET_CHARS],
    )


def describe_update(summary: IndexSummary) -> str:
    """What an index update did, in a few words for the status line (counts are of files)."""
    if summary.readonly:
        return f"read-only: {one_line(summary.reason or 'index in use elsewhere')}"
    counts = [
        (n, what)
        for what, n in (
            ("added", summary.added),
            ("updated", summary.updated),
            ("renamed", summary.renamed),
            ("removed", summary.removed),
        )
        if n
    ]
    changes = [f"{n:,} {what}" for n, what in counts]
    if counts:  # "12 files added, 1 removed"
        n, what = counts[0]
        changes[0] = f"{n:,} {'file' if n == 1 else 'files'} {what}"
    note = ", ".join(changes) if changes else "up to date"
    if summary.rebuilt and summary.reason and "no index" not in summary.reason:
        note = f"rebuilt ({one_line(summary.reason)}); {note}"
    return note


def describe_mark(mark: Mark | None) -> str:
    """A short, colour-free description of a mark: "✓ reviewed · ⚑ flagged · #a #b · ✎"."""
    if mark is None:
        return ""
    parts = []
    if mark.reviewed:
        parts.append("✓ reviewed")
    if mark.flagged:
        parts.append("⚑ flagged")
    if mark.tags:
        parts.append(" ".join(f"#{one_line(tag)}" for tag in mark.tags))
    if mark.note:
        parts.append("✎ note")
    return " · ".join(parts)
