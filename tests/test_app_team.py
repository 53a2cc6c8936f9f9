"""Two reviewers on one store (issue 16): dialogs that merge a colleague's edit made while they
were open, the reader naming who marked what, and queries by who marked it."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import Any

from test_app import OKAFOR_ID, open_okafor
from test_app_support import AppFactory, settle, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from tui.app.app import BroadsheetApp
from tui.app.dialogs import NoteDialog, TagsDialog
from tui.app.mark_text import ago, describe_mark
from tui.review import Mark, ReviewStore, Stamp
from tui.review.marks import NOTE_SEPARATOR, merge_note

pytest_plugins = ["test_app_support"]  # the shared fixtures: make_app, built_index


def colleague(app: BroadsheetApp, name: str = "bob") -> ReviewStore:
    """A second store on the app's review file, as another reviewer's app opens it."""
    assert app.store is not None
    return ReviewStore(app.store.location, reviewer=name)


async def query(pilot: Pilot[Any], text: str) -> list[str]:
    """Ids the app lists for `text` typed into the search bar."""
    app = pilot.app
    assert isinstance(app, BroadsheetApp)
    await settle(pilot)
    keys = {" ": "space", ":": "colon", "-": "minus"}
    await pilot.press("slash", *[keys.get(ch, ch) for ch in text])
    await wait_for(pilot, lambda: app.query_text == text)
    await settle(pilot)
    assert app.results is not None and app.results.error is None, app.results
    ids = [hit.id for hit in app.results.hits]
    await pilot.press("enter")
    return ids


async def test_tags_added_by_a_colleague_while_the_dialog_is_open_are_kept(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        assert app.store is not None
        app.store.set_tags(OKAFOR_ID, ["trade"])
        await pilot.press("t")
        assert isinstance(app.screen, TagsDialog)
        with colleague(app) as bob:
            bob.add_tag(OKAFOR_ID, "ports")  # while this dialog is open
        app.screen.query_one(Input).value = "trade, budget"
        await pilot.press("enter")
        await settle(pilot)
        assert app.store.get(OKAFOR_ID).tags == ["trade", "ports", "budget"]
        assert any("#ports" in n.message for n in app._notifications)
        # Removing a tag in the dialog still removes it.
        await pilot.press("t")
        app.screen.query_one(Input).value = "ports, budget"
        await pilot.press("enter")
        await settle(pilot)
        assert app.store.get(OKAFOR_ID).tags == ["ports", "budget"]


async def test_a_note_changed_by_a_colleague_meanwhile_keeps_both_texts(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        assert app.store is not None
        app.store.set_note(OKAFOR_ID, "first draft")
        await pilot.press("o")
        assert isinstance(app.screen, NoteDialog)
        with colleague(app) as bob:
            bob.set_note(OKAFOR_ID, "ministry confirmed the figure")
        app.screen.query_one(Input).value = "check the figure"
        await pilot.press("enter")
        await settle(pilot)
        note = app.store.get(OKAFOR_ID).note
        assert note == f"ministry confirmed the figure{NOTE_SEPARATOR}check the figure"
        assert any("bob changed this note" in n.message for n in app._notifications)
        # With nobody else writing, an edit replaces the note as before.
        await pilot.press("o")
        app.screen.query_one(Input).value = "settled"
        await pilot.press("enter")
        await settle(pilot)
        assert app.store.get(OKAFOR_ID).note == "settled"


def test_merge_note_keeps_whatever_someone_else_wrote() -> None:
    assert merge_note("a", "a", "b") == ("b", False)  # nobody else: this edit
    assert merge_note("a", "c", "a") == ("c", False)  # unchanged here: theirs
    assert merge_note("a", "b", "b") == ("b", False)  # the same change
    assert merge_note("a", "c", "b") == (f"c{NOTE_SEPARATOR}b", True)
    assert merge_note("", "c", "b") == (f"c{NOTE_SEPARATOR}b", True)  # both wrote a first note
    assert merge_note("a", "c", "") == ("c", True)  # emptied here: their new text stays
    assert merge_note("a", "", "b") == ("b", False)  # removed there, rewritten here


async def test_the_reader_names_who_marked_the_article(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        with colleague(app, "ana") as ana, colleague(app, "bob") as bob:
            ana.set_flagged(OKAFOR_ID)
            ana.set_reviewed(OKAFOR_ID)
            bob.set_reviewed(OKAFOR_ID)
            bob.set_note(OKAFOR_ID, "call them")
        await wait_for(pilot, lambda: "note by bob" in str(app.reader.border_title))
        title = str(app.reader.border_title)
        assert "⚑ flagged by ana, just now" in title
        assert "✓ reviewed by ana, bob" in title
        assert "✎ note by bob" in title
        await pilot.press("r")  # this app's own review is "you"
        assert "✓ reviewed by ana, bob, you" in str(app.reader.border_title)
    watchers = [t for t in threading.enumerate() if t.name == "review-marks-watch"]
    assert not watchers  # quitting stopped the store's watcher thread


def test_describe_mark_says_how_long_ago() -> None:
    now = datetime(2026, 1, 2, 12, 0, tzinfo=UTC)
    assert ago("2026-01-02T11:59:30.000Z", now) == "just now"
    assert ago("2026-01-02T11:55:00.000Z", now) == "5 min ago"
    assert ago("2026-01-02T10:00:00.000Z", now) == "2 h ago"
    assert ago("2025-12-30T12:00:00.000Z", now) == "3 d ago"
    assert ago("2025-10-01T12:00:00.000Z", now) == "2025-10-01"
    assert ago(None, now) == "" and ago("garbled", now) == ""
    old = Mark(id="x", flagged=True, reviewed=True)  # made before stores recorded who
    assert describe_mark(old) == "✓ reviewed · ⚑ flagged"
    stamped = Mark(
        id="x",
        flagged=True,
        flagged_by="ana",
        flagged_at="2026-01-02T10:00:00.000Z",
        reviewed=True,
        reviews=[Stamp(by="ana", at="2026-01-01T00:00:00.000Z")],
    )
    assert describe_mark(stamped, now=now) == "✓ reviewed by ana · ⚑ flagged by ana, 2 h ago"


async def test_queries_by_who_marked_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.store is not None
        ids = [hit.id for hit in app.results_list.loaded_hits]
        with colleague(app, "ana") as ana:
            ana.set_flagged(ids[0])
            ana.set_reviewed(ids[1])
            ana.add_tag(ids[3], "ports")
        await pilot.press("j", "j", "r")  # this app (me) reviews ids[2]
        await wait_for(pilot, lambda: app._marks.get(ids[3], Mark(id="")).tags == ["ports"])
        await settle(pilot)
        assert await query(pilot, "flagged-by:ana") == [ids[0]]
        assert await query(pilot, "flagged-by:ANA") == [ids[0]]  # names are case-blind
        assert await query(pilot, "reviewed-by:ana") == [ids[1]]
        assert await query(pilot, "reviewed-by:me") == [ids[2]]
        assert await query(pilot, "tagged-by:ana") == [ids[3]]
        assert await query(pilot, "flagged-by:nobody") == []
        unreviewed = await query(pilot, "is:unreviewed-by:me")
        assert ids[2] not in unreviewed and ids[1] in unreviewed
        assert len(unreviewed) == app.engine.count() - 1
        both = await query(pilot, "reviewed-by:ana OR reviewed-by:me")
        assert sorted(both) == sorted(ids[1:3])
