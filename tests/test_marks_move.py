"""A renamed or moved corpus keeps its review marks.

Marks are kept by corpus-relative path, in a private store keyed by the corpus's absolute path,
so a renamed folder opens with none. Each store records the corpus it belongs to and the content
hash of every article when it was marked; a corpus whose store is empty finds the store of a
corpus that is gone, carries the marks over when every marked article is unchanged, and
otherwise says where they are and how to move them (`broadsheet marks move OLD NEW`).

Real folders, real SQLite files, the real command line.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tui.ingest import read_file
from tui.review import Mark, ReviewStore
from tui.review.location import open_review_store
from tui.review.moved import find_moved, moved_notice
from tui.settings import Settings

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = {
    "trade/ports.txt": "Ports reopen\n\nThe ports of the north coast reopened on Monday.\n",
    "trade/tariffs.txt": "Tariffs rise\n\nNew tariffs on steel take effect next month.\n",
    "sport/final.txt": "Cup final\n\nThe final ended in a draw after extra time.\n",
}


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's own data folder, as the command line and the app see it."""
    for key, value in _env(tmp_path).items():
        monkeypatch.setenv(key, value)
    return tmp_path


def _env(tmp_path: Path, reviewer: str = "ana") -> dict[str, str]:
    return {
        "BROADSHEET_CONFIG": str(tmp_path / "no-config.toml"),
        "BROADSHEET_DATA_DIR": str(tmp_path / "data"),
        "BROADSHEET_CACHE_DIR": str(tmp_path / "cache"),
        "BROADSHEET_REVIEWER": reviewer,
    }


def _settings(tmp_path: Path, reviewer: str = "ana") -> Settings:
    return Settings(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache", reviewer=reviewer)


def _corpus(where: Path) -> Path:
    for rel, text in ARTICLES.items():
        path = where / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return where


def _mark_everything(corpus: Path, settings: Settings) -> dict[str, Mark]:
    """Ana marks every article of the corpus, each in a different way, as the app does."""
    with open_review_store(corpus, settings) as store:
        store.set_flagged("trade/ports.txt")
        store.add_tag("trade/ports.txt", "shipping")
        store.set_note("trade/tariffs.txt", "check the steel figures")
        store.set_reviewed("sport/final.txt")
        return store.all_marks()


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **_env(tmp_path)},
        timeout=120,
    )


def _export(tmp_path: Path, corpus: Path) -> tuple[list[dict[str, object]], str, int]:
    done = _cli(tmp_path, "export", str(corpus), "--format", "jsonl")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    return records, done.stderr, done.returncode


def _who_and_when(mark: Mark) -> tuple[object, ...]:
    return (
        mark.reviews,
        (mark.flagged, mark.flagged_by, mark.flagged_at),
        (mark.note, mark.note_by, mark.note_at),
        sorted(mark.tag_stamps.items()),
    )


def test_a_mark_records_the_corpus_and_the_article_content(home: Path) -> None:
    corpus = _corpus(home / "news")
    settings = _settings(home)
    marks = _mark_everything(corpus, settings)
    for id_, mark in marks.items():
        (article,) = read_file(corpus / id_, corpus).articles
        assert mark.content_hash == article.content_hash, id_
    with ReviewStore(home / "data" / "reviews" / next(iter(_stores(home)))) as store:
        assert store.corpus_path() == str(corpus.resolve())


def _stores(home: Path) -> list[str]:
    return sorted(p.name for p in (home / "data" / "reviews").glob("*.sqlite"))


def test_renamed_corpus_carries_its_marks_when_every_article_is_unchanged(home: Path) -> None:
    old = _corpus(home / "news")
    before = _mark_everything(old, _settings(home))
    new = old.rename(home / "news-2024")

    line = moved_notice(new, _settings(home))  # what `export` and the app call on opening

    assert line is not None and "\n" not in line
    assert line.startswith(f"3 review marks carried over from {old} (moved or renamed")
    records, err, status = _export(home, new)
    assert (status, err) == (0, "")
    assert sorted(r["id"] for r in records) == sorted(ARTICLES)
    assert {r["id"]: r["flagged"] for r in records}["trade/ports.txt"] is True
    with open_review_store(new, _settings(home)) as store:
        after = store.all_marks()
        assert store.corpus_path() == str(new.resolve())
    for id_ in ARTICLES:
        assert _who_and_when(after[id_]) == _who_and_when(before[id_]), id_
    assert after["trade/ports.txt"].flagged_by == "ana"
    assert moved_notice(new, _settings(home)) is None  # carried once: nothing more to say


def test_export_on_the_new_name_says_where_the_marks_are(home: Path) -> None:
    old = _corpus(home / "news")
    _mark_everything(old, _settings(home))
    new = old.rename(home / "archive")
    (new / "sport/final.txt").unlink()  # not every article is here: no automatic move
    records, err, status = _export(home, new)
    assert (records, status) == ([], 0)
    assert f"broadsheet marks move {old} {new}" in err.splitlines()[0]


def test_changed_articles_are_reported_not_carried(home: Path) -> None:
    old = _corpus(home / "news")
    before = _mark_everything(old, _settings(home))
    new = old.rename(home / "archive")
    (new / "trade/tariffs.txt").write_text("Tariffs rise\n\nRewritten since.\n", encoding="utf-8")
    (new / "sport/final.txt").unlink()

    line = moved_notice(new, _settings(home))
    assert line is not None and "\n" not in line
    assert str(old) in line
    assert f"broadsheet marks move {old} {new}" in line
    assert "1 of 3" in line
    records, _, status = _export(home, new)  # not carried automatically
    assert (records, status) == ([], 0)

    done = _cli(home, "marks", "move", str(old), str(new))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("1 of 3 review marks moved")
    assert "trade/tariffs.txt: the article changed since it was marked" in done.stdout
    assert "sport/final.txt: no such article here" in done.stdout
    records, _, status = _export(home, new)
    assert status == 0
    assert [r["id"] for r in records] == ["trade/ports.txt"]
    assert records[0]["flagged"] is True and records[0]["tags"] == ["shipping"]
    with open_review_store(new, _settings(home)) as store:
        moved = store.get("trade/ports.txt")
        assert store.moved_from() == str(old.resolve())
    assert _who_and_when(moved) == _who_and_when(before["trade/ports.txt"])
    assert moved.flagged_by == "ana" and moved.tag_stamps["shipping"].by == "ana"

    again = _cli(home, "marks", "move", str(old), str(new))  # idempotent
    assert again.returncode == 0
    assert again.stdout.splitlines()[0].startswith("1 of 3 review marks moved")
    assert "(1 already there)" in again.stdout.splitlines()[0]
    assert moved_notice(new, _settings(home)) is None  # the new store has marks now


def test_by_path_carries_changed_articles_too(home: Path) -> None:
    old = _corpus(home / "news")
    _mark_everything(old, _settings(home))
    new = old.rename(home / "archive")
    (new / "trade/tariffs.txt").write_text("Tariffs rise\n\nRewritten since.\n", encoding="utf-8")

    done = _cli(home, "marks", "move", str(old), str(new), "--by-path")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("3 of 3 review marks moved")
    records, _, _ = _export(home, new)
    assert sorted(r["id"] for r in records) == sorted(ARTICLES)


def test_marks_without_a_recorded_hash_are_not_carried_blindly(home: Path) -> None:
    """Marks made before hashes were recorded (or by a tool that did not give one) cannot be
    matched by content: the notice offers the move, it does not make it."""
    old = _corpus(home / "news")
    settings = _settings(home)
    with open_review_store(old, settings) as store:
        store.hash_of = None
        store.set_flagged("trade/ports.txt")
    new = old.rename(home / "archive")
    line = moved_notice(new, settings)
    assert line is not None and f"broadsheet marks move {old} {new}" in line
    with open_review_store(new, settings) as store:
        assert store.all_marks() == {}
    done = _cli(home, "marks", "move", str(old), str(new))
    assert "trade/ports.txt: no content hash was recorded" in done.stdout
    assert done.stdout.startswith("0 of 1 review mark moved")


def test_only_gone_corpora_with_matching_articles_are_offered(home: Path) -> None:
    settings = _settings(home)
    kept = _corpus(home / "kept")  # still there: its marks are its own
    _mark_everything(kept, settings)
    elsewhere = home / "other"
    (elsewhere / "misc").mkdir(parents=True)
    (elsewhere / "misc/x.txt").write_text("X\n\nUnrelated.\n", encoding="utf-8")
    with open_review_store(elsewhere, settings) as store:
        store.set_flagged("misc/x.txt")
    elsewhere.rename(home / "gone")  # gone, but none of its articles are in the new corpus

    fresh = _corpus(home / "fresh")
    assert find_moved(fresh, settings) == []
    assert moved_notice(fresh, settings) is None
    assert moved_notice(kept, settings) is None  # a corpus with marks of its own


def test_a_corpus_with_marks_of_its_own_is_left_alone(home: Path) -> None:
    settings = _settings(home)
    old = _corpus(home / "news")
    _mark_everything(old, settings)
    new = old.rename(home / "renamed")
    with open_review_store(new, settings) as store:
        store.set_note("trade/ports.txt", "a new start")
    assert moved_notice(new, settings) is None
    with open_review_store(new, settings) as store:
        assert list(store.all_marks()) == ["trade/ports.txt"]


def test_a_foreign_store_is_read_without_being_changed(home: Path) -> None:
    """Looking for moved marks opens other corpora's stores read-only: a damaged or strange
    file is passed over, never rewritten or set aside."""
    settings = _settings(home)
    reviews = home / "data" / "reviews"
    reviews.mkdir(parents=True)
    junk = reviews / "junk-0123456789ab.sqlite"
    junk.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with sqlite3.connect(reviews / "empty-0123456789ab.sqlite") as raw:
        raw.execute("CREATE TABLE unrelated (x)")
    fresh = _corpus(home / "fresh")
    assert moved_notice(fresh, settings) is None
    assert junk.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 4000
    assert sorted(p.name for p in reviews.iterdir()) == [
        "empty-0123456789ab.sqlite",
        "junk-0123456789ab.sqlite",
    ]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("{tmp}/nowhere", "{tmp}/news"), "no review marks recorded for {tmp}/nowhere"),
        (("{tmp}/news", "{tmp}/missing"), "{tmp}/missing is not a folder"),
        (("{tmp}/news", "{tmp}/news"), "OLD and NEW are the same corpus"),
    ],
)
def test_move_errors_are_one_line(home: Path, args: tuple[str, str], expected: str) -> None:
    _corpus(home / "news")
    done = _cli(home, "marks", "move", *(a.format(tmp=home) for a in args))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f"broadsheet: marks: {expected.format(tmp=home)}\n"


def test_hostile_article_ids_are_reported_as_one_clean_line(home: Path) -> None:
    settings = _settings(home)
    old = _corpus(home / "news")
    with open_review_store(old, settings) as store:
        store.set_flagged("evil\x1b]0;pwned\x07.txt")
    new = old.rename(home / "archive")
    done = _cli(home, "marks", "move", str(old), str(new))
    assert done.returncode == 0
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert "evil ]0;pwned .txt: no such article here" in done.stdout


def _downgrade_to_version_2(where: str) -> None:
    """Make `where` a store as Broadsheet wrote it before content hashes (schema 2)."""
    if where.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(where, autocommit=True) as conn:
            conn.execute("ALTER TABLE marks DROP COLUMN content_hash")
            conn.execute("DROP TABLE info")
            conn.execute("UPDATE meta SET value = 2 WHERE key = 'schema'")
        return
    with sqlite3.connect(where) as raw:
        raw.execute("ALTER TABLE marks DROP COLUMN content_hash")
        raw.execute("DROP TABLE info")
        raw.execute("PRAGMA user_version = 2")


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_version_2_store_is_upgraded_and_hashes_travel(tmp_path: Path, kind: str) -> None:
    """Both kinds of store gain the content hash and the corpus record on opening, keep every
    mark, and `review-store migrate` (copy_marks) carries the hash along."""
    from test_review_store_pg import cluster

    from tui.review.migrate import copy_marks

    where = str(tmp_path / "v2.sqlite") if kind == "sqlite" else cluster().new_database()
    with ReviewStore(where, reviewer="ana") as store:
        store.set_flagged("a.txt")
    _downgrade_to_version_2(where)

    with ReviewStore(where, reviewer="bob") as store:
        old = store.get("a.txt")
        assert (old.flagged_by, old.content_hash) == ("ana", None)
        store.hash_of = {"b.txt": "0123abcd"}.get
        assert store.set_note("b.txt", "new").content_hash == "0123abcd"
        store.set_corpus_path("/srv/news")
        assert store.corpus_path() == "/srv/news"
        with ReviewStore(tmp_path / "copy.sqlite") as copy:
            assert copy_marks(store, copy).total == 2
            assert copy.get("b.txt").content_hash == "0123abcd"
            assert copy.get("a.txt").content_hash is None
    with ReviewStore(where) as again:  # upgraded once; reopening changes nothing
        assert again.get("a.txt") == old
        assert again.get("b.txt").note_by == "bob"
