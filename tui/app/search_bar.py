"""The search bar: a query runs as you type, its problems and "did you mean" show underneath."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Static

from tui.app.history import History
from tui.app.text import one_line
from tui.app.typing_input import TypingInput

PLACEHOLDER = 'Search: words, "a phrase", person:"Jane Doe", source:bbc, date:2021, NOT …'


class QueryInput(TypingInput):
    """The query field: up/down walk the history, Tab takes the suggested spelling."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history_previous", "Previous query", show=False, id="history-previous"),
        Binding("down", "history_next", "Next query", show=False, id="history-next"),
        Binding("tab", "accept_suggestion", "Use suggestion", id="accept-suggestion"),
        # Priority: run as the key arrives, before the keys typed after it are passed on
        # (to the field, which still has the focus then, instead of the list).
        Binding("enter", "app.submit_search", "Go to results", show=False, priority=True),
        Binding("escape", "app.go_back", "Back to the list", show=False, priority=True),
    ]

    def __init__(self, bar: SearchBar, *, id: str | None = None) -> None:
        # `/` selects the old query, so typing replaces it and an arrow key keeps it
        super().__init__(placeholder=PLACEHOLDER, id=id, select_on_focus=True)
        self.bar = bar

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept_suggestion":
            # Without a suggestion Tab keeps its usual meaning (next pane).
            return self.bar.suggestion is not None
        return True

    def action_history_previous(self) -> None:
        entry = self.bar.history.previous(self.value)
        if entry is not None:
            self.bar.set_query(entry)

    def action_history_next(self) -> None:
        entry = self.bar.history.next()
        if entry is not None:
            self.bar.set_query(entry)

    def action_accept_suggestion(self) -> None:
        if self.bar.suggestion is not None:
            self.bar.set_query(self.bar.suggestion)


class SearchBar(Vertical):
    """Query input and a message line; posts `Changed` after a pause. Enter is the app's
    (`submit_search`, a priority binding of the field), which calls `submit`."""

    class Changed(Message):
        def __init__(self, query: str) -> None:
            self.query = query
            super().__init__()

    def __init__(self, history: History, debounce: float = 0.15, *, id: str | None = None):
        super().__init__(id=id)
        self.history = history
        self.debounce = max(0.0, debounce)
        self.suggestion: str | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield QueryInput(self, id="query")
        yield Static(id="search-message")

    @property
    def input(self) -> QueryInput:
        return self.query_one(QueryInput)

    @property
    def value(self) -> str:
        return self.input.value

    def set_query(self, query: str, run_now: bool = False) -> None:
        """Put `query` in the field (cursor at the end); it runs like typed text."""
        field = self.input
        with field.prevent(Input.Changed):
            field.value = query
        field.cursor_position = len(query)
        self._schedule(0.0 if run_now else self.debounce)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.history.reset()
        self._schedule(self.debounce)

    def submit(self) -> None:
        """Enter: the query is final (kept in the history, no search pending from typing)."""
        self._cancel()
        self.history.add(self.value)

    def _schedule(self, delay: float) -> None:
        self._cancel()
        if delay > 0:
            self._timer = self.set_timer(delay, self._fire)
        else:
            self._fire()

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _fire(self) -> None:
        self._timer = None
        self.post_message(self.Changed(self.value))

    # -- the message line ---------------------------------------------------------------------

    def show_error(self, message: str, position: int | None = None) -> None:
        self.suggestion = None
        text = Text("✗ ", style="bold")
        text.append(one_line(message))
        if position is not None:
            text.append(f" (at character {position + 1})", style="dim")
        self._message(text, "-error")

    def show_suggestion(self, suggestion: str) -> None:
        self.suggestion = suggestion
        text = Text("Did you mean ")
        text.append(one_line(suggestion), style="bold underline")
        text.append("?  Tab to use it", style="dim")
        self._message(text, "-suggestion")
        self.input.refresh_bindings()

    def clear_message(self) -> None:
        self.suggestion = None
        self._message(Text(""), None)

    def _message(self, text: Text, kind: str | None) -> None:
        line = self.query_one("#search-message", Static)
        line.update(text)
        line.set_class(kind == "-error", "-error")
        line.set_class(kind == "-suggestion", "-suggestion")
        line.set_class(kind is not None, "-shown")
