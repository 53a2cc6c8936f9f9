"""Find in the open article (ctrl+f, or `/` while reading, as in less).

A one-line field under the reader. Enter marks the matches in the reader in place of the corpus
search's hits, and `n`/`N` then step through them; Esc in the field closes it, and Esc (or `q`)
in the reader goes back to the corpus search's hits. The corpus search itself is left as it was.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from tui.app.typing_input import TypingInput


class FindBar(TypingInput):
    """The find field; hidden until asked for."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not priority bindings: `TypingInput` runs them in the order the keys came, so Enter
        # finds what was typed before it even when the keys arrive together.
        Binding("enter", "app.find_submit", "Find", show=False),
        Binding("escape", "app.find_cancel", "Cancel find", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Find in this article (Enter finds, Esc cancels)", id=id)

    def open(self) -> None:
        self.add_class("-shown")
        self.screen.set_focus(self)

    def close(self) -> None:
        self.remove_class("-shown")
