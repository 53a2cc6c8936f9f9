"""Help for where you are: every key that works in the focused pane, read from the bindings.

Keys come from the live binding chain, so a remapped key (config `[keymap]`) shows as remapped,
and the binding ids to remap with are listed beside them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from tui.app.query_help import QUERY_TERMS

PLACES: dict[str, str] = {
    "BroadsheetApp": "Everywhere",
    "MainScreen": "Everywhere",
    "ArticleList": "Result list",
    "Reader": "Reader",
    "QueryInput": "Search bar",
    "SidePanel": "Side panel",
    "OptionList": "Side panel lists",
}

INTRO = (
    "q goes back one level (find, side panel, reader) and quits from the list; Q or ctrl+c "
    "quits from anywhere. Keys here first, then everywhere. Remap one in the config file by "
    'id: [keymap] flag = "x"'
)
HIDDEN_ACTIONS = {"scroll_left", "scroll_right", "page_left", "page_right", "screen.copy_text"}
"""Sideways scrolling (inherited by the panes, but nothing in them is wider than the pane), and
Textual's copy on ctrl+c, which quits here (as in any terminal program)."""


@dataclass
class HelpRow:
    place: str
    keys: str
    description: str
    binding_id: str


def help_rows(screen: Screen[object]) -> list[HelpRow]:
    """The keys active on `screen` for its focused widget, grouped by the pane that owns them."""
    app = screen.app
    # "down,j" is one binding per key in the map: gather the keys of each back into one row.
    keys_of: dict[tuple[int, str, str, str], list[str]] = {}
    places: dict[tuple[int, str, str, str], str] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not active.enabled or binding.action in HIDDEN_ACTIONS:
            continue
        description = binding.description or binding.tooltip or binding.action
        key = (id(active.node), binding.action, description, binding.id or "")
        keys_of.setdefault(key, []).append(app.get_key_display(binding))
        name = type(active.node).__name__
        places[key] = PLACES.get(name, name)
    rows = [
        HelpRow(places[key], " ".join(dict.fromkeys(keys)), key[2], key[3])
        for key, keys in keys_of.items()
    ]
    order = list(dict.fromkeys(row.place for row in rows))
    everywhere = [place for place in order if place == "Everywhere"]
    order = [place for place in order if place != "Everywhere"] + everywhere
    rows.sort(key=lambda row: order.index(row.place))
    return rows


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close help", id="help-close"),
    ]

    def __init__(self, rows: list[HelpRow], where: str, warnings: Sequence[str] = ()) -> None:
        super().__init__(classes="dialog-screen")
        self.rows = rows
        self.where = where
        self.warnings = list(warnings)
        """Problems with the config's [keymap]: a key that did not take is explained here."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="help"):
            yield Label(Text(f"Keys — {self.where}", style="bold"), classes="dialog-title")
            yield Label(Text(INTRO, style="dim"), classes="dialog-hint")
            for line in self.warnings:
                yield Label(Text(f"⚠ {line}", style="bold"), classes="dialog-hint keymap-warning")
            with VerticalScroll(id="help-scroll"):
                yield Static(self._table(), id="help-table")
                yield Label(Text("Search (/)", style="bold"), classes="dialog-title help-heading")
                yield Static(query_table(), id="query-help")
            yield Label(Text("Esc closes", style="dim"), classes="dialog-hint")

    def _table(self) -> Table:
        table = Table(box=None, expand=True, show_header=True, pad_edge=False)
        table.add_column(Text("Where"), style="dim", no_wrap=True)
        table.add_column(Text("Key"), style="bold", no_wrap=True)
        table.add_column(Text("Does"))
        table.add_column(Text("Id (for [keymap])"), style="dim", no_wrap=True)
        previous = None
        for row in self.rows:
            place = row.place if row.place != previous else ""
            previous = row.place
            table.add_row(Text(place), Text(row.keys), Text(row.description), Text(row.binding_id))
        return table

    def action_close(self) -> None:
        self.dismiss(None)


def query_table() -> Table:
    """The query language: each kind of term, an example, and what it finds."""
    table = Table(box=None, expand=True, show_header=True, pad_edge=False)
    table.add_column(Text("Term"), style="dim", no_wrap=True)
    table.add_column(Text("Example"), style="bold", no_wrap=True)
    table.add_column(Text("Finds"))
    for term in QUERY_TERMS:
        table.add_row(Text(term.term), Text(term.example), Text(term.finds))
    return table
