"""The review store's server goes away while the app is open: a mark is not saved and the app
says so in one line (nothing queued, nothing shown as saved); when the server is back, the next
mark is saved. A real PostgreSQL server (tests/test_review_store_pg.py) stopped and restarted."""

from __future__ import annotations

from test_app_support import AppFactory, settle, wait_for
from test_review_store_pg import cluster

from tui.review import ReviewStore

pytest_plugins = ["test_app_support"]


async def test_a_mark_made_while_the_server_is_down_is_not_shown_as_saved(
    make_app: AppFactory,
) -> None:
    server = cluster()
    url = server.new_database()
    app = make_app()
    assert app.store is not None
    app.store.close()
    store = ReviewStore(url, reviewer="ana")
    app.store = store
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            hit = app.results_list.current_hit
            assert hit is not None
            server.stop()
            try:
                await pilot.press("f")
                await settle(pilot)
                assert app.is_running
                messages = [n.message for n in app._notifications]
                assert any("not saved" in m.lower() for m in messages), messages
                assert not any(m == "Flagged" for m in messages)
                assert not app._marks.get(hit.id) or not app._marks[hit.id].flagged
                status = str(app.status.query_one("#store-status").render())
                assert "marks not saved" in status  # stays until a mark is saved again
            finally:
                server.start()
            await pilot.press("f")
            await wait_for(pilot, lambda: any(n.message == "Flagged" for n in app._notifications))
            assert store.get(hit.id).flagged and store.get(hit.id).flagged_by == "ana"
            assert "marks not saved" not in str(app.status.query_one("#store-status").render())
    finally:
        store.close()
