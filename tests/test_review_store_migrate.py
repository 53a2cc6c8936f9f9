"""`broadsheet review-store migrate FROM TO`: marks copied both ways, with who and when,
idempotently; bad input is one line."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_review_store_pg import cluster

from tui.review import Mark, ReviewStore
from tui.review.migrate import copy_marks
from tui.review.saved import SavedSearch, SavedSearches

ROOT = Path(__file__).resolve().parents[1]


def _work(mark: Mark) -> tuple[object, ...]:
    """What a reviewer sees of a mark, with who and when (not the store's own change time, and
    tags compared as a set: each store keeps its own order)."""
    return (
        mark.reviews,
        (mark.flagged, mark.flagged_by, mark.flagged_at),
        (mark.note, mark.note_by, mark.note_at),
        sorted(mark.tag_stamps.items()),
    )


def place(tmp_path: Path, kind: str, name: str) -> str:
    """A new, empty store of that kind: a SQLite file, or a database on the run's server."""
    return str(tmp_path / f"{name}.sqlite") if kind == "sqlite" else cluster().new_database()


@pytest.mark.parametrize("kinds", [("sqlite", "postgresql"), ("postgresql", "sqlite")])
def test_copy_both_ways_is_idempotent(tmp_path: Path, kinds: tuple[str, str]) -> None:
    one, two = place(tmp_path, kinds[0], "one"), place(tmp_path, kinds[1], "two")
    with ReviewStore(one, reviewer="ana") as a, ReviewStore(two, reviewer="bob") as b:
        a.set_flagged("a.txt")
        a.add_tag("a.txt", "trade")
        a.set_reviewed("a.txt")
        a.set_note("c.json#2", "first")
        b.set_note("a.txt", "bob's note")
        b.add_tag("a.txt", "Ports")
        b.add_tag("a.txt", "TRADE")
        b.set_reviewed("b.txt")
        b.set_note("c.json#2", "second, later")

        there = copy_marks(a, b)
        assert (there.total, there.changed) == (2, 1)  # bob's c.json#2 note is the later one
        back = copy_marks(b, a)
        assert (back.total, back.changed) == (3, 3)
        assert (copy_marks(a, b).changed, copy_marks(b, a).changed) == (0, 0)

        left, right = a.all_marks(), b.all_marks()
        assert list(left) == list(right) == ["a.txt", "b.txt", "c.json#2"]
        for key in left:
            assert _work(left[key]) == _work(right[key]), key
        mark = left["a.txt"]
        assert (mark.flagged_by, mark.note_by, mark.reviewed_by) == ("ana", "bob", ["ana"])
        assert sorted(mark.tags) == ["Ports", "trade"]  # ana tagged it "trade" before bob's "TRADE"
        assert {t: s.by for t, s in mark.tag_stamps.items()} == {"trade": "ana", "Ports": "bob"}
        assert left["c.json#2"].note == "second, later"  # the later note wins everywhere
        assert left["b.txt"].reviewed_by == ["bob"]


@pytest.mark.parametrize("kinds", [("sqlite", "postgresql"), ("postgresql", "sqlite")])
def test_saved_searches_travel_with_the_marks(tmp_path: Path, kinds: tuple[str, str]) -> None:
    one, two = place(tmp_path, kinds[0], "one"), place(tmp_path, kinds[1], "two")
    with ReviewStore(one, reviewer="ana") as a, ReviewStore(two, reviewer="bob") as b:
        SavedSearches(a).save("ports", "port OR harbour")
        SavedSearches(a).save("minister", "okafor")
        time.sleep(0.002)  # stamps have millisecond resolution: "later" must be later
        SavedSearches(b).save("Ports", "harbour master")  # bob's, saved later: it wins
        copy_marks(a, b)
        copy_marks(b, a)
        copy_marks(a, b)  # again: nothing changes
        for store in (a, b):
            listed = {(s.name, s.query, s.saved_by) for s in SavedSearches(store).all()}
            assert listed == {("minister", "okafor", "ana"), ("Ports", "harbour master", "bob")}


@pytest.mark.parametrize("kinds", [("sqlite", "postgresql"), ("postgresql", "sqlite")])
def test_searches_saved_in_the_same_millisecond_end_the_same_in_both_stores(
    tmp_path: Path, kinds: tuple[str, str]
) -> None:
    """Stamps have millisecond resolution: two searches of one name saved in the same
    millisecond (seen on a fast machine) were each kept by their own store, and copying both
    ways left the stores disagreeing."""
    one, two = place(tmp_path, kinds[0], "one"), place(tmp_path, kinds[1], "two")
    stamp = "2026-12-07T20:00:00.000Z"
    with ReviewStore(one, reviewer="ana") as a, ReviewStore(two, reviewer="bob") as b:
        SavedSearches(a).merge(
            SavedSearch(name="ports", query="port", saved_at=stamp, saved_by="ana")
        )
        SavedSearches(b).merge(
            SavedSearch(name="Ports", query="harbour", saved_at=stamp, saved_by="bob")
        )
        copy_marks(a, b)
        copy_marks(b, a)
        listed = [{(s.name, s.query) for s in SavedSearches(store).all()} for store in (a, b)]
        assert listed[0] == listed[1], listed
        assert (copy_marks(a, b).changed, copy_marks(b, a).changed) == (0, 0)


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", "review-store", "migrate", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_command_copies_a_private_store_beside_the_corpus(tmp_path: Path) -> None:
    env = {
        "BROADSHEET_CONFIG": str(tmp_path / "none.toml"),
        "BROADSHEET_DATA_DIR": str(tmp_path / "data"),
        "BROADSHEET_REVIEWER": "ana",
    }
    corpus = tmp_path / "news"
    corpus.mkdir()
    from tui.config import review_db_for
    from tui.settings import Settings

    private = review_db_for(corpus, Settings(data_dir=tmp_path / "data"))
    with ReviewStore(private, reviewer="ana") as store:
        store.set_flagged("a.txt")
        store.add_tag("b.txt", "trade")
    done = _cli("private", "corpus", "--corpus", str(corpus), env=env)
    assert done.returncode == 0, done.stderr
    shared = corpus / ".broadsheet-review.sqlite"
    assert done.stdout == f"2 of 2 marks copied from {private} to {shared} (0 already there)\n"
    again = _cli("private", str(shared), "--corpus", str(corpus), env=env)
    assert again.stdout.startswith("0 of 2 marks copied")
    with ReviewStore(shared) as store:
        assert store.get("a.txt").flagged_by == "ana"
        assert store.ids_with_tag("trade") == ["b.txt"]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("postgresql://ana:pw@127.0.0.1:1/marks", "{tmp}/x.sqlite", "is unavailable: "),
        ("{tmp}/x.sqlite", "{tmp}/x.sqlite", "FROM and TO are the same store"),
        ("private", "{tmp}/x.sqlite", "needs a corpus (--corpus)"),
        ("{tmp}/not-a-db", "{tmp}/x.sqlite", "cannot use review marks at"),
    ],
)
def test_command_errors_are_one_line(
    tmp_path: Path, source: str, target: str, expected: str
) -> None:
    (tmp_path / "not-a-db").write_bytes(b"not sqlite" * 200)
    done = _cli(source.format(tmp=tmp_path), target.format(tmp=tmp_path))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith("broadsheet: review-store: ")
    assert expected in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert ":pw@" not in done.stderr
