"""The side panel: this article's entities by label with mention counts, and its quotes by speaker.

Choosing an entity searches for it (`person:"Jane Doe"`); choosing a quote jumps the reader to it.
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.app.text import one_line, quoted, safe, speaker_label
from tui.model import LABELS, Entity, Quote

QUOTE_PREVIEW = 90


class SidePanel(Vertical):
    """Entities and quotes of the open article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor('down')", "Down", show=False, id="panel-down"),
        Binding("k", "cursor('up')", "Up", show=False, id="panel-up"),
        Binding("q", "app.back", "Back", id="panel-back"),
    ]

    class EntityChosen(Message):
        def __init__(self, label: str, name: str) -> None:
            self.label = label
            self.name = name
            super().__init__()

    class QuoteChosen(Message):
        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entities: dict[str, tuple[str, str]] = {}

    def compose(self) -> ComposeResult:
        yield Label(Text("Entities"), classes="panel-heading")
        yield OptionList(id="entities")
        yield Label(Text("Quotes"), classes="panel-heading")
        yield OptionList(id="quotes")

    def action_cursor(self, direction: str) -> None:
        focused = self.screen.focused
        if isinstance(focused, OptionList):
            if direction == "down":
                focused.action_cursor_down()
            else:
                focused.action_cursor_up()

    def show(self, entities: list[Entity], quotes: list[Quote]) -> None:
        """Fill both lists; `quotes` in the reader's order, so indexes match its jumps."""
        entity_list = self.query_one("#entities", OptionList)
        quote_list = self.query_one("#quotes", OptionList)
        entity_list.clear_options()
        quote_list.clear_options()
        self._entities = {}
        counts: dict[str, Counter[str]] = {}
        for entity in entities:
            counts.setdefault(entity.label, Counter())[entity.canonical or entity.text] += 1
        order = [label for label in LABELS if label in counts]
        order += sorted(label for label in counts if label not in LABELS)
        options: list[Option | None] = []
        for label in order:
            options.append(
                Option(
                    Text(f"{label} ({sum(counts[label].values())})", style="bold"), disabled=True
                )
            )
            for name, count in sorted(counts[label].items(), key=lambda kv: (-kv[1], kv[0])):
                key = f"e{len(self._entities)}"
                self._entities[key] = (label, name)
                prompt = Text("  ")
                prompt.append(one_line(name))
                prompt.append(f" ×{count}", style="dim")
                options.append(Option(prompt, id=key))
        if not options:
            options.append(Option(Text("none found", style="dim"), disabled=True))
        entity_list.add_options(options)

        by_speaker: dict[str, list[int]] = {}
        for index, quote in enumerate(quotes):
            by_speaker.setdefault(safe(speaker_label(quote)) or "unattributed", []).append(index)
        quote_options: list[Option | None] = []
        for speaker in sorted(by_speaker, key=lambda s: (s == "unattributed", s)):
            indexes = by_speaker[speaker]
            quote_options.append(
                Option(Text(f"{one_line(speaker)} ({len(indexes)})", style="bold"), disabled=True)
            )
            for index in indexes:
                quote = quotes[index]
                preview = " ".join(one_line(quote.spoken()).split())
                if len(preview) > QUOTE_PREVIEW:
                    preview = preview[: QUOTE_PREVIEW - 1].rstrip() + "…"
                if quote.kind == "indirect":  # a paraphrase: never in quotation marks
                    line = Text("  ").append("reported: ", style="italic").append(preview)
                else:
                    line = Text(f"  {quoted(preview)}")
                quote_options.append(Option(line, id=f"q{index}"))
        if not quote_options:
            quote_options.append(Option(Text("none found", style="dim"), disabled=True))
        quote_list.add_options(quote_options)
        for option_list in (entity_list, quote_list):
            first = next(
                (i for i, option in enumerate(option_list.options) if not option.disabled), None
            )
            option_list.highlighted = first

    def clear(self) -> None:
        self.show([], [])

    def highlight_quote(self, index: int | None) -> None:
        if index is None:
            return
        quote_list = self.query_one("#quotes", OptionList)
        try:
            quote_list.highlighted = quote_list.get_option_index(f"q{index}")
        except OptionDoesNotExist:  # the lists were refilled meanwhile
            return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id in self._entities:
            label, name = self._entities[option_id]
            self.post_message(self.EntityChosen(label, name))
        elif option_id.startswith("q"):
            self.post_message(self.QuoteChosen(int(option_id[1:])))
