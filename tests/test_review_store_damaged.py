"""A review store whose pages are damaged is found at open, kept aside untouched, and replaced.

Hostile round 2: such a file (header intact, pages garbled) crashed the app and `export` with a
traceback at the first read. Now `quick_check` runs when the store opens; a damaged file is
renamed (bytes untouched: someone may want to rescue notes from it) and a fresh store opens.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui.review import ReviewStore


def _store_with_marks(path: Path) -> None:
    store = ReviewStore(path)
    try:
        for i in range(300):
            store.set_note(f"news/{i:03d}.md", f"note {i} " + "context " * 40)
            store.set_flagged(f"news/{i:03d}.md")
    finally:
        store.close()
    for suffix in ("-wal", "-shm"):  # a closed WAL store checkpoints into the main file
        assert not path.with_name(path.name + suffix).exists()


def _damage(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    assert len(data) > 40_000
    for at in range(8192, len(data) - 4096, 4096):  # garble every other page, header intact
        data[at : at + 2048] = b"\xa5" * 2048
    path.write_bytes(bytes(data))
    return bytes(data)


def test_damaged_store_is_kept_aside_and_a_fresh_one_opens(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite"
    _store_with_marks(path)
    damaged = _damage(path)
    store = ReviewStore(path)
    try:
        assert store.recovered is not None
        assert "were damaged: kept aside as" in store.recovered
        assert "\n" not in store.recovered
        assert store.all_marks() == {}
        store.set_flagged("news/new.md")
        assert store.get("news/new.md").flagged
    finally:
        store.close()
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1
    assert aside[0].name in (store.recovered or "")
    assert aside[0].read_bytes() == damaged


def test_an_intact_store_opens_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite"
    _store_with_marks(path)
    store = ReviewStore(path)
    try:
        assert store.recovered is None
        assert len(store.all_marks()) == 300
    finally:
        store.close()


def test_export_of_a_damaged_store_says_so_without_a_traceback(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A title\n\nSome text.\n", encoding="utf-8")
    env_setup = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from tui.config import review_db_for\n"
        "print(review_db_for(Path(sys.argv[1]).resolve()))\n"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "BROADSHEET_CONFIG": str(tmp_path / "none.toml"),
        "BROADSHEET_DATA_DIR": str(tmp_path / "data"),
        "BROADSHEET_CACHE_DIR": str(tmp_path / "cache"),
    }
    where = subprocess.run(
        [sys.executable, "-c", env_setup, str(corpus)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.strip()
    path = Path(where)
    path.parent.mkdir(parents=True, exist_ok=True)
    _store_with_marks(path)
    _damage(path)
    got = subprocess.run(
        [sys.executable, "-m", "tui.cli", "export", str(corpus), "--format", "jsonl"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert "Traceback" not in got.stderr
    assert got.returncode == 0, got.stderr
    assert "were damaged: kept aside as" in got.stderr, got.stderr
