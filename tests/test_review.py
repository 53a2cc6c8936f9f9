"""Review marks on a real SQLite file: every change durable at once, two processes at a time."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tui.review import Mark, ReviewStore, ReviewStoreError, normalize_tags

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "reviews" / "corpus.sqlite"


def test_unmarked_article_reads_as_empty_mark(db: Path) -> None:
    with ReviewStore(db) as store:
        mark = store.get("a.txt")
    assert mark == Mark(id="a.txt")
    assert mark.is_empty
    assert mark.updated_at is None


def test_setters_store_and_return_the_mark(db: Path) -> None:
    with ReviewStore(db) as store:
        assert store.set_reviewed("a.txt").reviewed
        assert store.set_flagged("a.txt").flagged
        mark = store.set_tags("a.txt", [" budget ", "Ports", "ports", "", "budget"])
        assert mark.tags == ["budget", "Ports"]
        mark = store.set_note("a.txt", "  check the figures  ")
        assert mark.note == "check the figures"
        assert mark.reviewed and mark.flagged
        assert mark.updated_at is not None and mark.updated_at.endswith("Z")
        assert store.get("a.txt") == mark


def test_toggles_flip_and_keep_other_marks(db: Path) -> None:
    with ReviewStore(db) as store:
        store.set_note("a.txt", "keep me")
        assert store.toggle_reviewed("a.txt").reviewed is True
        assert store.toggle_reviewed("a.txt").reviewed is False
        assert store.toggle_flagged("a.txt").flagged is True
        mark = store.get("a.txt")
        assert (mark.reviewed, mark.flagged, mark.note) == (False, True, "keep me")


def test_add_and_remove_tag(db: Path) -> None:
    with ReviewStore(db) as store:
        store.add_tag("a.txt", "trade")
        store.add_tag("a.txt", "Trade")
        store.add_tag("a.txt", "ports")
        assert store.get("a.txt").tags == ["trade", "ports"]
        assert store.remove_tag("a.txt", "TRADE").tags == ["ports"]


def test_all_marks_and_ids_with_tag(db: Path) -> None:
    with ReviewStore(db) as store:
        store.set_tags("b.txt", ["trade", "follow-up"])
        store.set_tags("a.txt", ["Trade"])
        store.set_tags("c.json#2", ["ports"])
        store.set_tags("d.txt", ["Économie"])
        assert list(store.all_marks()) == ["a.txt", "b.txt", "c.json#2", "d.txt"]
        assert store.ids_with_tag("trade") == ["a.txt", "b.txt"]
        assert store.ids_with_tag(" TRADE ") == ["a.txt", "b.txt"]
        assert store.ids_with_tag("économie") == ["d.txt"]
        assert store.ids_with_tag("nothing") == []
        assert store.all_tags() == ["Trade", "follow-up", "ports", "trade", "Économie"]


def test_file_is_wal_with_full_sync_and_reopens(db: Path) -> None:
    with ReviewStore(db) as store:
        store.set_flagged("a.txt")
        mode = store._db.execute("PRAGMA journal_mode").fetchone()[0]
        sync = store._db.execute("PRAGMA synchronous").fetchone()[0]
    assert mode == "wal"
    assert sync == 2  # FULL
    with ReviewStore(db) as again:
        assert again.get("a.txt").flagged


def test_mark_survives_kill_9(db: Path) -> None:
    """A mark is committed before the setter returns: killing the process cannot lose it."""
    code = textwrap.dedent(
        f"""
        import os, signal
        from tui.review import ReviewStore
        store = ReviewStore({str(db)!r})
        store.set_flagged("killed.txt")
        store.set_note("killed.txt", "written just before the kill")
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    with ReviewStore(db) as store:
        mark = store.get("killed.txt")
    assert mark.flagged
    assert mark.note == "written just before the kill"


def test_two_processes_toggle_without_losing_updates(db: Path) -> None:
    """Read-modify-write is one transaction: 2 x 50 toggles by two processes leave it unset."""
    ReviewStore(db).close()
    code = textwrap.dedent(
        f"""
        from tui.review import ReviewStore
        store = ReviewStore({str(db)!r})
        for _ in range(50):
            store.toggle_reviewed("shared.txt")
            store.add_tag("shared.txt", "p" + str(__import__("os").getpid()))
        store.close()
        """
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode()
    with ReviewStore(db) as store:
        mark = store.get("shared.txt")
    assert mark.reviewed is False  # 100 toggles
    assert len(mark.tags) == 2  # one tag from each process


def test_second_process_sees_marks_of_the_first(db: Path) -> None:
    with ReviewStore(db) as first, ReviewStore(db) as second:
        first.set_flagged("a.txt")
        assert second.get("a.txt").flagged
        second.set_reviewed("a.txt")
        assert first.get("a.txt").reviewed


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ReviewStoreError, match=r"bad\.sqlite"):
        ReviewStore(bad)


def test_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReviewStoreError):
        ReviewStore(blocker / "sub" / "reviews.sqlite")


def test_newer_schema_is_refused(db: Path) -> None:
    ReviewStore(db).close()
    with sqlite3.connect(db) as raw:
        raw.execute("PRAGMA user_version = 99")
    with pytest.raises(ReviewStoreError, match="newer"):
        ReviewStore(db)


def test_for_corpus_uses_the_configured_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROADSHEET_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BROADSHEET_CONFIG", str(tmp_path / "none.toml"))
    corpus = tmp_path / "news"
    corpus.mkdir()
    with ReviewStore.for_corpus(corpus) as store:
        store.set_flagged("x.txt")
        assert store.path.is_relative_to(tmp_path / "data" / "reviews")
    assert os.path.exists(store.path)


def test_normalize_tags() -> None:
    assert normalize_tags(["  a  b ", "A B", "c", ""]) == ["a b", "c"]


def test_another_connection_committing_changes_the_data_version(db: Path) -> None:
    with ReviewStore(db) as mine, ReviewStore(db) as theirs:
        before = mine.data_version()
        mine.set_flagged("own.txt")
        assert mine.data_version() == before  # our own writes are known already
        stamp = mine.get("own.txt").updated_at
        assert stamp
        theirs.set_reviewed("a.txt")
        theirs.set_tags("b.txt", ["x"])
        assert mine.data_version() != before
        changed = {m.id: m for m in mine.changed_since(stamp)}
        assert changed["a.txt"].reviewed and changed["b.txt"].tags == ["x"]
        assert "own.txt" in changed  # same second: inclusive, never a mark missed
        assert mine.changed_since("9999") == []


def test_saved_searches_are_kept_in_the_review_store(tmp_path: Path) -> None:
    from tui.review.saved import SavedSearches

    db = tmp_path / "reviews" / "corpus.sqlite"
    with ReviewStore(db, reviewer="ana") as store:
        saved = SavedSearches(store)
        assert saved.all() == []
        saved.save("ports", "port OR harbour")
        saved.save("minister", "okafor")
        saved.save("Ports", "harbour")  # same name (any case): replaced, moved last
    with ReviewStore(db, reviewer="bob") as other:  # another process on the same store
        again = SavedSearches(other)
        listed = again.all()
        assert [(s.name, s.query, s.saved_by) for s in listed] == [
            ("minister", "okafor", "ana"),
            ("Ports", "harbour", "ana"),
        ]
        assert all(s.saved_at.endswith("Z") for s in listed)
        assert again.delete("MINISTER") and not again.delete("minister")
        assert [s.name for s in again.all()] == ["Ports"]
        with pytest.raises(ValueError):
            again.save("  ", "x")


def test_searches_saved_in_the_old_file_move_into_the_store_once(tmp_path: Path) -> None:
    """Before the store held them they were a JSON file beside a private store: they are read
    into the store (entries that make no sense skipped) and the file is set aside."""
    from tui.review.saved import SavedSearches, searches_file

    db = tmp_path / "reviews" / "corpus.sqlite"
    old = searches_file(db)
    old.parent.mkdir(parents=True)
    old.write_text(
        '[{"name": "ok", "query": "q", "saved_at": "2026-01-01T00:00:00+00:00"}, {"name": 3}]'
    )
    with ReviewStore(db, reviewer="ana") as store:
        first = SavedSearches(store, old)
        assert [(s.name, s.query, s.saved_by) for s in first.all()] == [("ok", "q", None)]
        assert not old.exists() and old.with_name(old.name + ".imported").is_file()
        first.delete("ok")
        assert SavedSearches(store, old).all() == []  # not brought back
    old.write_text("{not json")
    with ReviewStore(db, reviewer="ana") as store:
        assert SavedSearches(store, old).all() == []


def test_a_version_3_store_opens_and_gains_saved_searches(tmp_path: Path) -> None:
    from tui.review.saved import SavedSearches

    db = tmp_path / "old.sqlite"
    with ReviewStore(db, reviewer="ana") as store:
        store.set_flagged("a.txt")
    con = sqlite3.connect(db)
    con.execute("DROP TABLE searches")
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()
    with ReviewStore(db, reviewer="ana") as store:
        assert store.get("a.txt").flagged
        SavedSearches(store).save("flagged ports", "port is:flagged")
        assert [s.name for s in SavedSearches(store).all()] == ["flagged ports"]


def test_a_note_edited_meanwhile_is_merged_in_the_writing_transaction(tmp_path: Path) -> None:
    """Ana's editor opened on a note; Bob saved his before she saved hers: both texts are kept,
    decided when hers is written (no window between reading his and writing hers)."""
    from tui.review.marks import NOTE_SEPARATOR

    db = tmp_path / "shared.sqlite"
    with ReviewStore(db, reviewer="ana") as ana, ReviewStore(db, reviewer="bob") as bob:
        ana.set_note("x.txt", "first")
        opened = ana.get("x.txt").note
        bob.set_note("x.txt", "the ministry confirmed it")
        mark, kept_from = ana.set_note("x.txt", "check the figure", base=opened)
        assert mark.note == f"the ministry confirmed it{NOTE_SEPARATOR}check the figure"
        assert kept_from == "bob" and mark.note_by == "ana"
        mark, kept_from = ana.set_note("x.txt", "only mine now", base=mark.note)
        assert (mark.note, kept_from) == ("only mine now", None)
