"""A review store whose pages are damaged is found at open, kept aside untouched, and replaced.

Hostile round 2: such a file (header intact, pages garbled) crashed the app and `export` with a
traceback at the first read. Now `quick_check` runs when the store opens; a damaged file is
renamed (bytes untouched: someone may want to rescue notes from it) and a fresh store opens.
"""

from __future__ import annotations

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
