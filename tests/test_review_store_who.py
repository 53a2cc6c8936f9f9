"""Who did what: every mark carries its reviewer and time, and marks can be filtered by them.

Each shape runs on SQLite and on PostgreSQL (a server the run starts: `test_review_store_pg`).
"""

from __future__ import annotations

import json
import os
import pwd
import sqlite3
from pathlib import Path

import pytest
from test_review_store_pg import cluster

from tui.review import ReviewStore, ReviewStoreError, Stamp
from tui.review.schema import SCHEMA_VERSION


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same shapes on both kinds of store."""
    if request.param == "sqlite":
        return str(tmp_path / "team.sqlite")
    return cluster().new_database()


def test_each_mark_records_who_and_when(db: str) -> None:
    with ReviewStore(db, reviewer="ana") as ana, ReviewStore(db, reviewer="bob") as bob:
        ana.set_flagged("a.txt")
        bob.set_note("a.txt", "check the figures")
        bob.add_tag("a.txt", "budget")
        ana.add_tag("a.txt", "ports")
        bob.set_reviewed("a.txt")
        mark = ana.get("a.txt")
    assert (mark.flagged_by, mark.note_by) == ("ana", "bob")
    assert mark.reviewed_by == ["bob"]
    assert {t: s.by for t, s in mark.tag_stamps.items()} == {"budget": "bob", "ports": "ana"}
    assert mark.updated_by == "bob"
    stamps = [mark.flagged_at, mark.note_at, mark.updated_at, *(r.at for r in mark.reviews)]
    for at in stamps:
        assert at is not None and at.endswith("Z") and len(at) == len("2025-01-01T00:00:00.000Z")
    assert mark.flagged_at is not None and mark.note_at is not None
    assert mark.flagged_at <= mark.note_at <= mark.reviews[0].at == mark.updated_at


def test_reviewed_is_per_reviewer(db: str) -> None:
    """Bob un-reviewing does not undo Ana's review; the article stays reviewed by her."""
    with ReviewStore(db, reviewer="ana") as ana, ReviewStore(db, reviewer="bob") as bob:
        ana.toggle_reviewed("a.txt")
        assert bob.toggle_reviewed("a.txt").reviewed_by == ["ana", "bob"]
        mark = bob.toggle_reviewed("a.txt")
        assert mark.reviewed and mark.reviewed_by == ["ana"]
        mark = ana.set_reviewed("a.txt", False)
        assert not mark.reviewed and mark.reviews == []


def test_repeating_a_mark_keeps_its_author(db: str) -> None:
    with ReviewStore(db, reviewer="ana") as ana, ReviewStore(db, reviewer="bob") as bob:
        first = ana.set_flagged("a.txt")
        again = bob.set_flagged("a.txt")  # already flagged: nothing to change
        assert again.flagged_by == "ana" and again.flagged_at == first.flagged_at
        assert bob.add_tag("a.txt", "Trade").tags == ["Trade"]
        assert ana.add_tag("a.txt", "trade").tag_stamps == {
            "Trade": bob.get("a.txt").tag_stamps["Trade"]
        }
        cleared = bob.set_flagged("a.txt", False)
        assert (cleared.flagged, cleared.flagged_by) == (False, "bob")


def test_an_unchanged_mark_on_a_new_article_stays_unmarked(db: str) -> None:
    with ReviewStore(db, reviewer="ana") as store:
        assert store.set_flagged("new.txt", False).updated_at is None
        assert store.all_marks() == {}


def test_filters_by_reviewer(db: str) -> None:
    with ReviewStore(db, reviewer="ana") as ana, ReviewStore(db, reviewer="bob") as bob:
        ana.set_flagged("a.txt")
        ana.set_reviewed("b.txt")
        bob.set_reviewed("a.txt")
        bob.add_tag("c.txt", "ports")
        bob.set_note("d.txt", "call back")
        bob.set_flagged("e.txt")
        bob.set_flagged("e.txt", False)  # a cleared flag is not "flagged by bob"
        assert ana.ids_marked_by("ana", "flagged") == ["a.txt"]
        assert ana.ids_marked_by("bob", "flagged") == []
        assert ana.ids_marked_by("bob", "reviewed") == ["a.txt"]
        assert ana.ids_marked_by("ana", "reviewed") == ["b.txt"]
        assert ana.ids_marked_by("bob", "tagged") == ["c.txt"]
        assert ana.ids_marked_by("bob", "noted") == ["d.txt"]
        assert ana.ids_marked_by("bob") == ["a.txt", "c.txt", "d.txt"]
        assert ana.ids_marked_by("carol") == []
        assert ana.reviewers() == ["ana", "bob"]
        mark = ana.get("a.txt")
        assert mark.is_marked_by("ana", "flagged") and not mark.is_marked_by("ana", "reviewed")


def test_tags_edited_from_a_stale_list_merge_with_a_colleagues(db: str) -> None:
    """Ana's tag dialog opened on ["trade"]; Bob added "ports" meanwhile; Ana saves her list
    with "budget" added and "trade" removed: Bob's tag stays."""
    with ReviewStore(db, reviewer="ana") as ana, ReviewStore(db, reviewer="bob") as bob:
        ana.set_tags("a.txt", ["trade"])
        seen_by_ana = ana.get("a.txt").tags
        bob.add_tag("a.txt", "ports")
        mark = ana.set_tags("a.txt", ["budget"], base=seen_by_ana)
    assert mark.tags == ["ports", "budget"]
    assert {t: s.by for t, s in mark.tag_stamps.items()} == {"ports": "bob", "budget": "ana"}


def test_default_reviewer_is_the_login_name(tmp_path: Path) -> None:
    with ReviewStore(tmp_path / "team.sqlite") as store:
        mark = store.set_flagged("a.txt")
    assert mark.flagged_by == pwd.getpwuid(os.geteuid()).pw_name


def _version_1_store(path: Path) -> None:
    """A store as Broadsheet wrote it before reviewers were recorded (schema 1)."""
    with sqlite3.connect(path) as raw:
        raw.executescript(
            """
            CREATE TABLE marks (id TEXT PRIMARY KEY, reviewed INTEGER NOT NULL DEFAULT 0,
                flagged INTEGER NOT NULL DEFAULT 0, tags TEXT NOT NULL DEFAULT '[]',
                note TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL);
            CREATE INDEX marks_flagged ON marks(flagged) WHERE flagged;
            CREATE INDEX marks_reviewed ON marks(reviewed) WHERE reviewed;
            PRAGMA user_version = 1;
            """
        )
        raw.executemany(
            "INSERT INTO marks VALUES (?, ?, ?, ?, ?, ?)",
            [
                ("a.txt", 1, 1, json.dumps(["trade", "Ports"]), "old note", "2024-05-01T10:00:00Z"),
                ("b.json#2", 0, 0, "[]", "", "2024-05-02T11:00:00Z"),
                ("c.txt", 0, 1, "not json", "", "2024-05-03T12:00:00Z"),
            ],
        )


def test_version_1_store_keeps_every_mark_attributed_to_its_owner(tmp_path: Path) -> None:
    db = tmp_path / "team.sqlite"
    _version_1_store(db)
    owner = pwd.getpwuid(db.stat().st_uid).pw_name
    with ReviewStore(db, reviewer="someone-else") as store:
        marks = store.all_marks()
        assert list(marks) == ["a.txt", "b.json#2", "c.txt"]
        a = marks["a.txt"]
        assert (a.reviewed, a.flagged, a.tags, a.note) == (
            True,
            True,
            ["trade", "Ports"],
            "old note",
        )
        assert a.reviews == [Stamp(by=owner, at="2024-05-01T10:00:00.000Z")]
        assert (a.flagged_by, a.note_by, a.updated_by) == (owner, owner, owner)
        assert a.tag_stamps["Ports"] == Stamp(by=owner, at="2024-05-01T10:00:00.000Z")
        assert marks["b.json#2"].is_empty
        assert marks["c.txt"].flagged and marks["c.txt"].tags == []
        assert store.ids_with_tag("ports") == ["a.txt"]
        assert store.changed_since("2024-05-02T00:00:00.000Z")[0].id == "b.json#2"
        newer = store.add_tag("b.json#2", "new")
        assert newer.updated_at is not None and newer.updated_at > "2024-05-03"
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    with ReviewStore(db) as again:  # upgraded once; reopening changes nothing
        assert again.get("a.txt") == a


def test_error_about_a_hostile_article_id_is_one_clean_line(tmp_path: Path) -> None:
    store = ReviewStore(tmp_path / "team.sqlite", reviewer="ana")
    store.close()
    with pytest.raises(ReviewStoreError) as caught:
        store.set_flagged("evil\x1b]0;pwned\x07\nname.txt")
    message = str(caught.value)
    assert message.startswith("cannot save review mark for evil ]0;pwned name.txt: ")
    assert not any(ch in message for ch in "\x1b\x07\n")
