"""Saved searches: S names the current query, L lists them with their counts now, Enter runs one."""

from __future__ import annotations

from test_app import search
from test_app_support import AppFactory, settle, wait_for
from textual.widgets import Input, OptionList

from tui.app.saved_searches import SavedSearchesScreen, SaveSearchDialog
from tui.config import review_db_for
from tui.review import ReviewStore
from tui.review.saved import SavedSearches

pytest_plugins = ["test_app_support"]  # the shared fixtures: make_app, built_index


async def test_save_list_run_and_delete_a_search(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await search(pilot, "okafor")
        assert app.results is not None
        found = app.results.total
        await pilot.press("enter", "S")
        assert isinstance(app.screen, SaveSearchDialog)
        app.screen.query_one(Input).value = "the minister"
        await pilot.press("enter")
        app = await search(pilot, "harbour")
        await pilot.press("enter", "L")
        await wait_for(pilot, lambda: isinstance(app.screen, SavedSearchesScreen))
        screen = app.screen
        assert isinstance(screen, SavedSearchesScreen)
        line = str(screen.query_one(OptionList).get_option_at_index(0).prompt)
        assert "the minister" in line and "okafor" in line and f"({found:,})" in line
        await pilot.press("enter")  # runs it
        await wait_for(pilot, lambda: app.results is not None and app.results.query == "okafor")
        await settle(pilot)
        assert app.search_bar.value == "okafor"
        assert app.focused is app.results_list
        await pilot.press("L")
        await wait_for(pilot, lambda: isinstance(app.screen, SavedSearchesScreen))
        await pilot.press("d", "escape")
        await settle(pilot)
    settings = make_app.settings()
    with ReviewStore(review_db_for(make_app.corpus, settings)) as store:  # what the app left
        assert SavedSearches(store).all() == []


async def test_saving_needs_a_search(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("S")
        assert not isinstance(app.screen, SaveSearchDialog)
        assert any("Type a search first" in n.message for n in app._notifications)
