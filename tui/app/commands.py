"""The command palette (ctrl+p): commands that fit what is on screen now.

`palette_commands` lists them: sorting, highlight toggles, exports, saved searches, narrowing
the results by a facet of the current search, review marks of the current article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.app.text import one_line
from tui.model import LABELS
from tui.review import ReviewStoreError

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


def palette_commands(app: BroadsheetApp) -> list[PaletteCommand]:
    """The commands that fit what is on screen now."""
    commands: list[PaletteCommand] = []
    other = "date" if app.sort == "relevance" else "relevance"
    commands.append(
        PaletteCommand(f"Sort by {other}", "Order the results differently", app.action_toggle_sort)
    )
    for what, title in (
        ("all", "Export all review marks"),
        ("flagged", "Export flagged articles"),
        ("reviewed", "Export reviewed articles"),
    ):
        commands.append(
            PaletteCommand(title, "JSON lines or CSV", partial(app.action_export, what))
        )
    if app.query_text.strip():
        commands.append(
            PaletteCommand(
                "Export marks in these results",
                f"Marked articles matching {app.query_text}",
                partial(app.action_export, "results"),
            )
        )
    if app.query_text.strip():
        commands.append(
            PaletteCommand("Save this search", f"Name {app.query_text} (S)", app.action_save_search)
        )
    commands.append(
        PaletteCommand("Saved searches", "With their counts now (L)", app.action_saved_searches)
    )
    try:
        saved_searches = app.saved_searches.all() if app.saved_searches is not None else []
    except ReviewStoreError:
        saved_searches = []  # the palette still opens; `L` says what is wrong
    for saved in saved_searches:
        commands.append(
            PaletteCommand(
                f"Run saved search: {one_line(saved.name)}",
                one_line(saved.query),
                partial(app.run_saved_search, saved.query),
            )
        )
    results = app.results
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
                        partial(app.narrow, field, facet.value),
                    )
                )
    commands.append(
        PaletteCommand(
            f"Turn preview {'off' if app.preview else 'on'}",
            "The reader following the list cursor on wide screens (off saves bandwidth)",
            app.action_toggle_preview,
        )
    )
    if app.reader.article is not None:
        for label in LABELS:
            state = "Show" if label in app.reader.hidden_labels else "Hide"
            commands.append(
                PaletteCommand(
                    f"{state} {label} highlights",
                    "In the reader",
                    partial(app.reader.action_toggle_label, label),
                )
            )
        commands.append(
            PaletteCommand("Copy path", "Path of the open article", app.action_copy_path)
        )
        commands += [
            PaletteCommand("Copy the whole article", "Clean text (Y)", app.action_copy_article),
            PaletteCommand("Find in the article", "ctrl+f, or / while reading", app.action_find),
            PaletteCommand("Pipe the article to a command", "Its clean text (|)", app.action_pipe),
            PaletteCommand(
                "Open the file in $PAGER", "The app comes back after (P)", app.action_open_pager
            ),
            PaletteCommand(
                "Open the file in $EDITOR", "The app comes back after (E)", app.action_open_editor
            ),
        ]
        if app.reader.quote is not None:
            commands.append(PaletteCommand("Copy quote", "With its speaker", app.action_copy_quote))
    if app._current() is not None and app.store is not None:
        commands += [
            PaletteCommand("Toggle reviewed", "Review mark", app.action_toggle_reviewed),
            PaletteCommand("Toggle flag", "Review mark", app.action_toggle_flagged),
            PaletteCommand("Edit tags", "Review mark", app.action_edit_tags),
            PaletteCommand("Edit note", "Review mark", app.action_edit_note),
        ]
    commands.append(
        PaletteCommand(
            f"Show problems ({len(app.problems)})",
            "Files skipped while indexing",
            app.action_problems,
        )
    )
    commands.append(
        PaletteCommand("Toggle side panel", "Entities and quotes", app.action_toggle_panel)
    )
    commands.append(PaletteCommand("Reindex corpus", "Pick up changed files", app._reindex))
    commands.append(
        PaletteCommand(
            "Rebuild index from scratch",
            "Read every file again; the current index answers until the new one is done",
            partial(app._reindex, True),
        )
    )
    return commands
