"""Marking many articles at once (space, v range) and undoing the last change of marks (u)."""

from __future__ import annotations

from test_app_support import AppFactory, settle, wait_for
from textual.widgets import Input

from tui.app.dialogs import TagsDialog

pytest_plugins = ["test_app_support"]  # the shared fixtures: make_app, built_index


async def test_space_picks_rows_and_f_flags_them_all_then_u_undoes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        store = app.store
        assert store is not None
        ids = [hit.id for hit in app.results_list.loaded_hits]
        await pilot.press("space", "j", "j", "space")  # rows 0 and 2
        assert app.results_list.selected_ids() == [ids[0], ids[2]]
        await pilot.press("f")
        assert [store.get(i).flagged for i in ids[:3]] == [True, False, True]
        assert app.results_list.selected_ids() == []  # the choice is used up
        await pilot.press("u")
        assert [store.get(i).flagged for i in ids[:3]] == [False, False, False]
        await pilot.press("u")  # u again puts the change back
        assert [store.get(i).flagged for i in ids[:3]] == [True, False, True]


async def test_v_range_marks_reviewed_and_tags_every_row(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        store = app.store
        assert store is not None
        ids = [hit.id for hit in app.results_list.loaded_hits]
        store.set_tags(ids[2], ["kept"])
        await pilot.press("j", "v", "j", "j", "j")  # rows 1..4, range still open
        assert app.results_list.selected_ids() == ids[1:5]
        await pilot.press("r")
        assert [store.get(i).reviewed for i in ids[:6]] == [False, True, True, True, True, False]
        await pilot.press("k", "v", "j", "v")  # rows 3..4 picked as a range
        assert app.results_list.selected_ids() == ids[3:5]
        await pilot.press("escape")  # Esc drops the choice
        assert app.results_list.selected_ids() == []
        await pilot.press("g", "j", "v", "j", "v", "t")  # rows 1..2, then tags
        assert isinstance(app.screen, TagsDialog)
        app.screen.query_one(Input).value = "budget"
        await pilot.press("enter")
        await settle(pilot)
        assert store.get(ids[1]).tags == ["budget"]
        assert store.get(ids[2]).tags == ["kept", "budget"]
        await pilot.press("u")
        assert store.get(ids[2]).tags == ["kept"] and store.get(ids[1]).tags == []


async def test_undo_of_a_single_mark_and_with_nothing_to_undo(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        store = app.store
        assert store is not None
        hit = app.results_list.current_hit
        assert hit is not None
        await pilot.press("u")
        await wait_for(
            pilot, lambda: any("Nothing to undo" in n.message for n in app._notifications)
        )
        await pilot.press("r")
        assert store.get(hit.id).reviewed
        await pilot.press("u")
        assert not store.get(hit.id).reviewed
        assert "✓" not in app.results_list.render_line(0).text
