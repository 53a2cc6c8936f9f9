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
import os
import signal
import threading
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.worker import Worker, WorkerState

from tui.app.article_list import ArticleList
from tui.app.commands import BroadsheetCommands, PaletteCommand, palette_commands
from tui.app.dialogs import (
    InputDialog,
    ProblemsScreen,
)
from tui.app.external import ExternalTools
from tui.app.find_bar import FindBar
from tui.app.footer import KeyFooter
from tui.app.help_screen import HelpScreen
from tui.app.indexing import Indexing
from tui.app.navigation import Navigation
from tui.app.reader import Legend, Reader
from tui.app.review_actions import ReviewActions
from tui.app.saved_searches import SavedSearchActions
from tui.app.search_bar import QueryInput, SearchBar
from tui.app.searching import Searching
from tui.app.side_panel import SidePanel
from tui.app.state import PAGE_SIZE, WIDE_FROM
from tui.app.status_line import StatusLine
from tui.app.text import one_line

SHORT_BELOW = 16
"""Terminal rows below which the legend is hidden, so the reader keeps lines to show."""


SIGNAL_GRACE = 3.0
"""Seconds a `kill` or a closed terminal leaves the app to quit cleanly before it ends anyway."""


class BroadsheetApp(
    Indexing, Searching, Navigation, ReviewActions, SavedSearchActions, ExternalTools
):
    """A keyboard-driven reader for one corpus."""

    TITLE = "Broadsheet"
    CSS_PATH = "broadsheet.tcss"
    AUTO_FOCUS = None
    """The list takes the focus in `on_mount` (not the search field, the first in the DOM)."""
    COMMANDS: ClassVar = App.COMMANDS | {BroadsheetCommands}
    # 80 columns or fewer: one pane at a time (see broadsheet.tcss)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE_FROM, "-wide")]  # noqa: RUF012 (Textual's type)
    # Fewer than 16 rows: the legend gives its lines to the article (see broadsheet.tcss)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT_BELOW, "-tall")]  # noqa: RUF012
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding: handled as the key arrives, before the keys typed after it are
        # passed on, so none of them reaches the list (see `action_focus_search`).
        Binding("slash", "focus_search", "Search", id="search", priority=True),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        Binding("Q,ctrl+c", "quit", "Quit", show=False, priority=True, id="quit-now"),
        Binding("J", "next_article", "Next article", show=False, id="next-article"),
        Binding("K", "previous_article", "Previous article", show=False, id="previous-article"),
        Binding(
            "greater_than_sign",
            "next_unreviewed",
            "Next unreviewed",
            show=False,
            id="next-unreviewed",
        ),
        Binding(
            "less_than_sign",
            "previous_unreviewed",
            "Previous unreviewed",
            show=False,
            id="previous-unreviewed",
        ),
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
        Binding("u", "undo", "Undo mark", show=False, id="undo"),
        Binding("S", "save_search", "Save search", show=False, id="save-search"),
        Binding("L", "saved_searches", "Saved searches", show=False, id="saved-searches"),
        Binding("Y", "copy_article", "Copy article", show=False, id="copy-article"),
        Binding("vertical_line", "pipe", "Pipe to a command", show=False, id="pipe"),
        Binding("P", "open_pager", "Open in $PAGER", show=False, id="pager"),
        Binding("E", "open_editor", "Open in $EDITOR", show=False, id="editor"),
        Binding("O", "open_url", "Open web address", show=False, id="browser"),
        Binding("exclamation_mark", "problems", "Problems", show=False, id="problems"),
    ]

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield SearchBar(self.history, self.settings.search_debounce_ms / 1000, id="search-bar")
        with Horizontal(id="body"):
            yield ArticleList(page_size=PAGE_SIZE, id="results")
            with Vertical(id="reader-pane"):
                reader = Reader(id="reader")
                yield reader
                yield FindBar(id="find-bar")
                yield Legend(reader, id="legend")
            yield SidePanel(id="side-panel")
        yield StatusLine(id="status")
        yield KeyFooter()

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
        self.reader.measure = self.settings.reader_width
        self.results_list.border_title = "Results"
        self.reader.border_title = "Reader"
        self.side_panel.clear()
        if self.store is not None:
            self._marks = self.store.all_marks()
            set_reviewer = getattr(self.engine, "set_reviewer", None)  # optional engine extra
            if set_reviewer is not None:
                set_reviewer(self.store.reviewer)
            self.results_list.set_marks(self._marks)
            self._watch_marks(self.store)
            if self.store_error:  # a notice about the store that opened (see `open_store`)
                self.notify(self.store_error, title="Review marks", timeout=10)
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
                loop.add_signal_handler(sig, self._exit_on_signal, sig)

    def _exit_on_signal(self, sig: int) -> None:
        """Quit as `q` does, but never outlive the grace period: with its terminal gone
        (SIGHUP), Textual's shutdown can wait forever on output nobody reads, leaving the app
        running (and spending CPU) with no one to use it. Marks are committed as they are
        made and the index keeps what it committed, so ending the process then loses nothing."""
        watchdog = threading.Timer(SIGNAL_GRACE, os._exit, args=(128 + sig,))
        watchdog.daemon = True
        watchdog.start()
        self.exit()

    def _apply_keymap(self, keymap: dict[str, str]) -> None:
        known = self._binding_ids()
        unknown = sorted(set(keymap) - known)
        if unknown:
            line = f"Unknown key binding id(s) in [keymap]: {', '.join(unknown)}"
            self.keymap_warnings.append(line)
            self.notify(line, severity="warning")
        from tui.app.keymap_check import check_keymap

        scopes = [getattr(cls, "BINDINGS", []) for cls in self._binding_classes()[1:]]
        keymap, clashes = check_keymap(keymap, scopes, getattr(type(self), "BINDINGS", []))
        for line in clashes:
            self.keymap_warnings.append(line)  # the help screen lists them too
            self.notify(line, severity="warning", timeout=10)
        self.set_keymap(keymap)

    def _binding_classes(self) -> list[type[object]]:
        """The app first, then every widget and screen whose keys a keymap may change."""
        return [
            type(self),
            ArticleList,
            Reader,
            SidePanel,
            QueryInput,
            HelpScreen,
            InputDialog,
            ProblemsScreen,
        ]

    def _binding_ids(self) -> set[str]:
        ids: set[str] = set()
        for cls in self._binding_classes():
            for binding in getattr(cls, "BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
        return ids

    def palette_commands(self) -> list[PaletteCommand]:
        return palette_commands(self)

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
