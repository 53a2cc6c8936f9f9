"""The command palette (ctrl+p): commands that fit what is on screen now.

The app lists them (`BroadsheetApp.palette_commands`): sorting, highlight toggles, exports,
narrowing the results by a facet of the current search, review marks of the current article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from tui.app.app import BroadsheetApp


@dataclass(frozen=True)
class PaletteCommand:
    title: str
    help: str
    callback: Callable[[], object]


class BroadsheetCommands(Provider):
    def _commands(self) -> list[PaletteCommand]:
        return cast("BroadsheetApp", self.app).palette_commands()

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(command.title), command.callback, help=command.help
                )
