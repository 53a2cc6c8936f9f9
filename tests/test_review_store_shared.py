"""A SQLite store a team shares on one server: chosen by the settings, group-shareable modes,
two real processes writing at once, a kill -9 mid-marking, live updates to an open store."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from tui.config import SettingsError, load_settings
from tui.review import Mark, ReviewStore
from tui.review.location import CORPUS_STORE_NAME, open_review_store, open_store_at

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BROADSHEET_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("BROADSHEET_DATA_DIR", str(tmp_path / "data"))
    for name in ("BROADSHEET_REVIEW_STORE", "BROADSHEET_REVIEWER"):
        monkeypatch.delenv(name, raising=False)
    corpus = tmp_path / "news"
    corpus.mkdir()
    return corpus


def test_default_store_is_private_to_the_user(env: Path, tmp_path: Path) -> None:
    old = os.umask(0o077)  # as `broadsheet` runs
    try:
        with open_review_store(env) as store:
            store.set_flagged("a.txt")
            path = Path(store.location)
    finally:
        os.umask(old)
    assert path.is_relative_to(tmp_path / "data" / "reviews")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_corpus_setting_puts_a_group_store_beside_the_corpus(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROADSHEET_REVIEW_STORE", "corpus")
    monkeypatch.setenv("BROADSHEET_REVIEWER", "ana")
    old = os.umask(0o077)
    try:
        with open_review_store(env) as store:
            mark = store.set_flagged("a.txt")
            companions = [Path(f"{store.location}{s}") for s in ("-wal", "-shm")]
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in companions}
    finally:
        os.umask(old)
    path = env / CORPUS_STORE_NAME
    assert store.location == str(path.resolve())
    assert mark.flagged_by == "ana"
    assert stat.S_IMODE(path.stat().st_mode) == 0o660
    assert modes == {f"{CORPUS_STORE_NAME}-wal": 0o660, f"{CORPUS_STORE_NAME}-shm": 0o660}


def test_new_store_takes_its_setgid_folders_group(tmp_path: Path) -> None:
    groups = [g for g in os.getgroups() if g != os.getegid()]
    if os.geteuid() != 0 and not groups:
        pytest.skip("needs root or a second group to see a group handed down")
    group = 4242 if os.geteuid() == 0 else groups[0]  # root may give any gid
    team = tmp_path / "team"
    team.mkdir()
    os.chown(team, -1, group)
    os.chmod(team, 0o2770)
    old = os.umask(0o077)
    try:
        with open_store_at(str(team / "marks.sqlite"), reviewer="ana") as store:
            store.set_reviewed("a.txt")
            # While a store is open (after the last one closes SQLite removes the companions).
            seen = {f.name: f.stat() for f in team.iterdir()}
    finally:
        os.umask(old)
    assert sorted(seen) == ["marks.sqlite", "marks.sqlite-shm", "marks.sqlite-wal"]
    for name, info in seen.items():
        assert (info.st_gid, stat.S_IMODE(info.st_mode)) == (group, 0o660), name


def test_a_store_in_a_missing_folder_gets_a_group_folder(tmp_path: Path) -> None:
    with open_store_at(str(tmp_path / "srv" / "news" / "marks.sqlite")) as store:
        store.set_flagged("a.txt")
    folder = tmp_path / "srv" / "news"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o2770


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("relative/marks.sqlite", "absolute"),
        ("mysql://host/db", "postgresql://"),
        ("postgresql:host", "URL"),
    ],
)
def test_bad_store_setting_is_one_line(
    env: Path, monkeypatch: pytest.MonkeyPatch, value: str, fragment: str
) -> None:
    monkeypatch.setenv("BROADSHEET_REVIEW_STORE", value)
    with pytest.raises(SettingsError, match=fragment) as caught:
        load_settings()
    assert "BROADSHEET_REVIEW_STORE" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_reviewer_setting_names_the_marks(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROADSHEET_REVIEWER", "  Ana   Lima ")
    assert load_settings().reviewer == "Ana Lima"
    monkeypatch.setenv("BROADSHEET_REVIEWER", "ana\x1b[31m")
    with pytest.raises(SettingsError, match="printable"):
        load_settings()


def _python(code: str, *args: str) -> list[str]:
    return [sys.executable, "-c", textwrap.dedent(code), *args]


WRITER = """
    import sys
    from tui.review import ReviewStore
    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with ReviewStore(path, reviewer=name) as store:
        for i in range(count):
            store.add_tag("shared.txt", f"{name}-{i}")
            store.set_note(f"{name}/{i}.txt", f"note {i} by {name}")
            store.toggle_reviewed("shared.txt")
            print(i, flush=True)
"""


def test_two_writer_processes_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "team.sqlite"
    ReviewStore(db).close()
    procs = [
        subprocess.Popen(
            _python(WRITER, str(db), name, "60"),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("ana", "bob")
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert len(out.split()) == 60
    with ReviewStore(db) as store:
        shared = store.get("shared.txt")
        marks = store.all_marks()
    assert sorted(shared.tags) == sorted(f"{n}-{i}" for n in ("ana", "bob") for i in range(60))
    assert shared.reviews == []  # each reviewer toggled an even number of times
    for name in ("ana", "bob"):
        for i in range(60):
            mark = marks[f"{name}/{i}.txt"]
            assert (mark.note, mark.note_by) == (f"note {i} by {name}", name)


def test_kill_9_while_marking_loses_no_confirmed_mark(tmp_path: Path) -> None:
    db = tmp_path / "team.sqlite"
    proc = subprocess.Popen(
        _python(WRITER, str(db), "ana", "100000"),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    confirmed = [proc.stdout.readline() for _ in range(40)]
    os.kill(proc.pid, signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    done = [int(line) for line in [*confirmed, *rest.splitlines()] if line.strip()]
    with ReviewStore(db) as store:
        marks = store.all_marks()
    for i in done:
        assert marks[f"ana/{i}.txt"].note == f"note {i} by ana"
        assert f"ana-{i}" in marks["shared.txt"].tags


def test_open_store_hears_of_another_process_marks(tmp_path: Path) -> None:
    db = tmp_path / "team.sqlite"
    heard: list[Mark] = []
    arrived = threading.Event()

    def on_change(marks: list[Mark]) -> None:
        heard.extend(marks)
        if any(m.id == "bob/0.txt" for m in heard):
            arrived.set()

    with ReviewStore(db, reviewer="ana") as ana:
        subscription = ana.subscribe(on_change)
        try:
            ana.set_flagged("own.txt")
            subprocess.run(_python(WRITER, str(db), "bob", "1"), cwd=ROOT, check=True)
            assert arrived.wait(timeout=30), "no callback for bob's mark"
        finally:
            subscription.close()
    got = {m.id: m for m in heard}
    assert got["bob/0.txt"].note_by == "bob"
    assert "own.txt" not in got  # our own marks are known already


def test_changes_reports_only_other_stores_marks(tmp_path: Path) -> None:
    db = tmp_path / "team.sqlite"
    with ReviewStore(db, reviewer="ana") as ana, ReviewStore(db, reviewer="bob") as bob:
        ana.set_flagged("mine.txt")
        bob.set_note("theirs.txt", "hello")
        assert [(m.id, m.note_by) for m in ana.changes()] == [("theirs.txt", "bob")]
        assert ana.changes() == []
        assert [m.id for m in bob.changes()] == ["mine.txt"]
