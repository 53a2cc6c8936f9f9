"""The footer of key hints, rebuilt only when the hints it shows change.

Textual's `Footer` recomposes (removes and mounts a widget per key) whenever the screen says its
bindings may have changed, which it does on every focus change: moving between the list, the
reader and the search bar would rebuild identical hints each time. `KeyFooter` compares what it
would show with what it shows and skips the rebuild when they are the same.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

Hints = tuple[tuple[str, str, str, bool, str], ...]


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
        self.rebuilds = 0
        """Times the hints were rebuilt (for tests: a focus change alone should not)."""

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
