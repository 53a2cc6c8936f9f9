"""The footer of key hints, rebuilt only when the hints it shows change.

Textual's `Footer` recomposes (removes and mounts a widget per key) whenever the screen says its
bindings may have changed, which it does on every focus change: moving between the list, the
reader and the search bar would rebuild identical hints each time. `KeyFooter` compares what it
would show with what it shows and skips the rebuild when they are the same.

Textual's footer also lets its last keys run under the palette key when they do not all fit
(at 80 columns "o Not" of "o Note"): `KeyFooter` shows as many keys as fit, each whole, and
hides the rest (the help lists every key).
"""

from __future__ import annotations

from collections import OrderedDict

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.compose import compose
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

Hints = tuple[tuple[str, str, str, bool, str], ...]
PALETTE_EXTRA = 2
"""Cells the palette key takes besides its text (its border and padding)."""


def key_cells(key: Widget) -> int:
    """Cells a footer key takes: " key " then "description " (Textual's footer padding)."""
    shown = cell_len(str(getattr(key, "key_display", ""))) + 2
    description = str(getattr(key, "description", ""))
    return shown + (cell_len(description) + 1 if description else 0)


def shown_hints(screen: Screen[object], palette_binding: str | None) -> Hints:
    """(key, key as shown, description, enabled, tooltip) of every binding the footer shows."""
    app = screen.app
    hints = []
    for name, (_, binding, enabled, tooltip) in screen.active_bindings.items():
        if binding.show or name == palette_binding:
            hints.append(
                (
                    binding.key,
                    app.get_key_display(binding),
                    binding.description,
                    enabled,
                    tooltip or binding.tooltip,
                )
            )
    return tuple(hints)


class KeyFooter(Footer):
    """A `Footer` that keeps its keys while the bindings it shows stay the same."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: Hints | None = None
        self._width = 0
        self._left_out = 0
        self.hidden_keys = 0
        """Keys left out because they did not fit (whole) in the width."""
        self.rebuilds = 0
        """Times the hints were rebuilt (for tests: a focus change alone should not)."""
        self._kept: OrderedDict[Hints | None, tuple[list[Widget], int]] = OrderedDict()
        """The keys made for each set of hints lately shown, newest last; all but the shown
        set are hidden. Opening an article and going back swaps two sets of hints: making a
        dozen key widgets anew each time cost about 20 ms of every open."""

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            palette = (
                screen.app.COMMAND_PALETTE_BINDING
                if self.show_command_palette and screen.app.ENABLE_COMMAND_PALETTE
                else None
            )
            hints = shown_hints(screen, palette)
            if hints == self._shown:
                return
            self._shown = hints
            self.rebuilds += 1
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        """Textual's keys, less those that would not fit whole (judged from their text, so
        the footer is drawn right the first time; `_fit` checks it once laid out)."""
        keys = list(super().compose())
        room = self._width = self.size.width or self.app.size.width
        for key in keys:
            if key.has_class("-command-palette"):
                room -= key_cells(key) + PALETTE_EXTRA
        self._left_out = 0
        for key in keys:
            if not key.has_class("-command-palette"):
                room -= key_cells(key)
                if room < 0:
                    self._left_out += 1
                    continue
            yield key

    KEPT = 4
    """Sets of hints whose keys are kept (list, reader, search bar, one more)."""

    async def recompose(self) -> None:
        if not self.is_attached or self._pruning:
            return
        hints = self._shown
        if hints in self._kept:
            self._kept.move_to_end(hints)
            self._show_set(hints)
            return
        async with self.batch():
            kept = {id(key) for keys, _ in self._kept.values() for key in keys}
            stray = [child for child in self.children if id(child) not in kept]
            if stray:  # the keys of the first compose, or of another width
                await self.remove_children(stray)
            self._show_set(None)
            keys = list(compose(self))
            await self.mount_all(keys)
            self._kept[hints] = (keys, self._left_out)
            while len(self._kept) > self.KEPT:
                _, (old, _) = self._kept.popitem(last=False)
                await self.remove_children(old)
        self.call_after_refresh(self._fit)

    def _show_set(self, hints: Hints | None) -> None:
        """Show the keys of `hints` (none if not kept), less those `_fit` cut for the width."""
        for shown, (keys, left_out) in self._kept.items():
            for key in keys:
                key.display = shown == hints and not key.has_class("-cut")
            if shown == hints:
                self._left_out = left_out
                self.hidden_keys = sum(1 for key in keys if key.has_class("-cut")) + left_out

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._width:  # other keys fit now: choose them again
            self._width = event.size.width
            self._kept.clear()
            self.refresh(recompose=True)
            self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Hide the keys that would be cut (by the palette key or the edge), and every key
        after the first one hidden, so the keys shown keep their order."""
        if not self.is_attached:
            return
        keys = [key for key in self._kept.get(self._shown, ([], 0))[0] if key.is_attached]
        palette = [key for key in keys if key.has_class("-command-palette")]
        limit = self.region.right
        if palette and palette[0].display:
            limit = min(limit, palette[0].region.x)
        cut = False
        for key in keys:
            if key in palette:
                continue
            cut = cut or key.region.right > limit
            if cut and key.display:
                key.display = False
                key.add_class("-cut")
        self.hidden_keys = sum(1 for key in keys if not key.display) + self._left_out
