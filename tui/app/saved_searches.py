"""Saved searches in the app: `S` names the current query, `L` lists them with their current
counts, Enter runs one (`d` deletes it). Also in the command palette.

The searches live with the review data (`tui.review.saved`); counts are asked of the engine in
a worker when the list opens, so they are the corpus's numbers now, not when it was saved.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.app.dialogs import InputDialog
from tui.app.state import AppState
from tui.app.text import one_line
from tui.review import ReviewStoreError
from tui.review.saved import SavedSearch, SavedSearches


class SaveSearchDialog(InputDialog[str]):
    def __init__(self, query: str) -> None:
        super().__init__(
            f"Save the search: {one_line(query)}",
            "",
            "A name for it · Enter saves (a search of that name is replaced) · Esc cancels",
            placeholder="e.g. ports to check",
        )

    def result(self, value: str) -> str | None:
        return " ".join(value.split()) or None


class SavedSearchesScreen(ModalScreen[SavedSearch | None]):
    """The saved searches with their current counts; Enter runs one, d deletes one."""

    AUTO_FOCUS = "#saved-list"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="saved-close"),
        Binding("d", "delete", "Delete", id="saved-delete"),
    ]

    def __init__(
        self, searches: list[tuple[SavedSearch, int | None]], me: str | None = None
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.searches = searches
        self.me = me
        self.deleted: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(Text("Saved searches", style="bold"), classes="dialog-title")
            yield OptionList(*self._options(), id="saved-list")
            yield Label(
                Text("Enter runs · d deletes · Esc closes · S saves the current search", "dim"),
                classes="dialog-hint",
            )

    def _options(self) -> list[Option]:
        if not self.searches:
            return [Option(Text("None yet: S saves the current search.", style="dim"))]
        options = []
        for saved, count in self.searches:
            line = Text(one_line(saved.name), style="bold")
            line.append(f"  {one_line(saved.query)}", style="dim")
            line.append("  (?)" if count is None else f"  ({count:,})")
            if saved.saved_by:  # a shared store: whose search it is
                who = "you" if saved.saved_by == self.me else one_line(saved.saved_by)
                line.append(f"  by {who}", style="dim")
            options.append(Option(line, id=saved.name))
        return options

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = next((s for s, _ in self.searches if s.name == event.option.id), None)
        self.dismiss(chosen)

    def action_delete(self) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None or not self.searches:
            return
        saved, _ = self.searches.pop(index)
        self.deleted.append(saved.name)
        options.set_options(self._options())

    def action_close(self) -> None:
        self.dismiss(None)


class SavedSearchActions(AppState):
    """Saving, listing and running saved searches."""

    def action_save_search(self) -> None:
        query = self.query_text.strip()
        if not query:
            self.notify("Type a search first (/), then S saves it.", timeout=2)
            return

        saved_searches = self._saved_searches()
        if saved_searches is None:
            return

        def save(name: str | None) -> None:
            if not name:
                return
            try:
                saved_searches.save(name, query)
            except ReviewStoreError as exc:
                self.notify(f"Not saved: {one_line(exc)}", severity="error", timeout=6)
                return
            self.notify(f"Saved as {one_line(name)}: L lists saved searches", timeout=2)

        self.push_screen(SaveSearchDialog(query), callback=save)

    def _saved_searches(self) -> SavedSearches | None:
        if self.saved_searches is None:
            self.notify(
                "Saved searches live in the review store, which could not be opened.",
                severity="warning",
                timeout=4,
            )
        return self.saved_searches

    def action_saved_searches(self) -> None:
        if self._saved_searches() is not None:
            self.count_saved_searches()

    @work(thread=True, exclusive=True, group="saved", exit_on_error=False)
    def count_saved_searches(self) -> None:
        assert self.saved_searches is not None
        counted: list[tuple[SavedSearch, int | None]] = []
        try:
            searches = self.saved_searches.all()
        except ReviewStoreError as exc:
            message = f"Saved searches: {one_line(exc)}"
            self.call_from_thread(self.notify, message, severity="error", timeout=6)
            return
        for saved in searches:
            results = self.engine.search(saved.query, limit=1)
            counted.append((saved, None if results.error else results.total))
        self.call_from_thread(self._show_saved, counted)

    def _show_saved(self, counted: list[tuple[SavedSearch, int | None]]) -> None:
        screen = SavedSearchesScreen(counted, self.store.reviewer if self.store else None)

        def chosen(saved: SavedSearch | None) -> None:
            assert self.saved_searches is not None
            for name in screen.deleted:
                try:
                    self.saved_searches.delete(name)
                except ReviewStoreError as exc:
                    self.notify(f"Not deleted: {one_line(exc)}", severity="error", timeout=6)
                    break
            if saved is not None:
                self.run_saved_search(saved.query)

        self.push_screen(screen, callback=chosen)

    def run_saved_search(self, query: str) -> None:
        self.search_bar.set_query(query, run_now=True)
        self.history.add(query)
        self._show_list()
