"""Snapshots of the main screens at 80x24 and 120x40, with and without NO_COLOR.

Update after an intended change with `pytest tests/test_snapshots.py --snapshot-update` and
look at the report before committing. The data, cache and config directories live in a
temporary folder and the index is the session's copy, so nothing from the machine leaks in.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from test_app_support import (
    AppFactory,
    settle,
    wait_for,
)
from textual.pilot import Pilot
from textual.widgets import Input

from tui.app.app import BroadsheetApp

pytest_plugins = ["test_app_support"]  # the shared fixtures: make_app, built_index
OKAFOR_ID = "trade/okafor-unveils-export-plan-at-northern-trade-summit.txt"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
COLOUR = [pytest.param(False, id="colour"), pytest.param(True, id="no_color")]

Step = Callable[[Pilot[Any]], Awaitable[None]]


def steps(*actions: Step) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Run `actions` on a settled app, then make the screen still: no blink, no toasts."""

    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, BroadsheetApp)
        for node in app.query(Input):
            node.cursor_blink = False
        await settle(pilot)
        for action in actions:
            await action(pilot)
            await settle(pilot)
        app.clear_notifications()
        await pilot.pause()

    return run_before


async def search_okafor(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, BroadsheetApp)
    await pilot.press("slash", *"okafor")
    await wait_for(pilot, lambda: app.results is not None and app.results.query == "okafor")
    await settle(pilot)
    await pilot.press("enter")


async def open_okafor(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, BroadsheetApp)
    await search_okafor(pilot)
    await settle(pilot)
    ids = [hit.id for hit in app.results_list.loaded_hits]
    for _ in range(ids.index(OKAFOR_ID)):
        await pilot.press("j")
    await pilot.press("enter")
    await wait_for(
        pilot, lambda: app.reader.article is not None and app.reader.article.id == OKAFOR_ID
    )
    await settle(pilot)
    await pilot.press("right_square_bracket", "n")


async def help_screen(pilot: Pilot[Any]) -> None:
    await pilot.press("question_mark")


@pytest.fixture(params=COLOUR)
def colour(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    no_color = bool(request.param)
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    return no_color


@pytest.mark.parametrize("size", SIZES)
def test_results_with_snippets(
    snap_compare: Callable[..., bool], make_app: AppFactory, size: tuple[int, int], colour: bool
) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=steps(search_okafor))


@pytest.mark.parametrize("size", SIZES)
def test_article_with_entities_and_quotes(
    snap_compare: Callable[..., bool], make_app: AppFactory, size: tuple[int, int], colour: bool
) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=steps(open_okafor))


@pytest.mark.parametrize("size", SIZES)
def test_help(
    snap_compare: Callable[..., bool], make_app: AppFactory, size: tuple[int, int], colour: bool
) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=steps(help_screen))
