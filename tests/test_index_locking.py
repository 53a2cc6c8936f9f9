"""Two processes on one corpus: the second waits (bounded) or reads, never hits LockError."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_search_helpers import add_bulk_words, engine, ids, write_md

from tui.search import IndexLocked

REPO = Path(__file__).resolve().parents[1]

UPDATER = """
import sys
from pathlib import Path
from tui.search import open_engine
e = open_engine(Path(sys.argv[1]), Path(sys.argv[2]), "rules", workers=1)
e.update(progress=lambda d, t: print(f"P {d} {t}", flush=True))
print("DONE", flush=True)
"""

HOLDER = """
import sys, time
from pathlib import Path
from tui.search.layout import Layout
lock = Layout(Path(sys.argv[1])).lock
assert lock.acquire(0)
print("LOCKED", flush=True)
sys.stdin.read()  # hold until the test closes our stdin
"""


def spawn(code: str, *args: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )


def wait_for(proc: subprocess.Popen[str], prefix: str) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(prefix):
            return
    raise AssertionError(
        f"child ended without {prefix!r}: {proc.stderr.read() if proc.stderr else ''}"
    )


def test_second_process_reads_while_first_updates(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_md(corpus, "a.md", "Harbour budget approved", "The harbour budget was approved.")
    index_dir = tmp_path / "index"
    first = engine(corpus, index_dir)
    first.update()
    first.close()
    add_bulk_words(corpus, 80)
    child = spawn(UPDATER, corpus, index_dir)
    try:
        wait_for(child, "P ")
        other = engine(corpus, index_dir, lock_timeout=0.2)
        s = other.update()
        assert s.readonly and "another process" in (s.reason or "")
        # Searching meanwhile works, on a whole index: the old one or the new one.
        assert ids(other.search("harbour")) == {"a.md"}
        assert len(ids(other.search("zebraword", limit=500))) in (0, 80)
        other.close()
        # A patient second process waits for the first, then finds nothing left to do.
        patient = engine(corpus, index_dir, lock_timeout=120)
        s = patient.update()
        assert not s.readonly and s.added == 0 and s.unchanged == 81
        assert len(ids(patient.search("zebraword", limit=500))) == 80
        patient.close()
    finally:
        child.wait(timeout=120)
    assert child.returncode == 0, child.stderr.read() if child.stderr else ""


def test_locked_with_no_index_fails_cleanly(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_md(corpus, "a.md", "Harbour budget approved", "The harbour budget was approved.")
    index_dir = tmp_path / "index"
    holder = spawn(HOLDER, index_dir)
    try:
        wait_for(holder, "LOCKED")
        e = engine(corpus, index_dir, lock_timeout=0.2)
        with pytest.raises(IndexLocked, match=f"pid {holder.pid}"):
            e.update()
        assert e.search("harbour").error is not None  # no index: an error, not an exception
        e.close()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    # Once the holder is gone (its lock released by the OS), indexing proceeds.
    e = engine(corpus, index_dir, lock_timeout=0.2)
    assert e.update().added == 1
    e.close()


def test_lock_of_a_killed_process_is_not_stale(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_md(corpus, "a.md", "Harbour budget approved", "The harbour budget was approved.")
    index_dir = tmp_path / "index"
    holder = spawn(HOLDER, index_dir)
    wait_for(holder, "LOCKED")
    holder.kill()
    holder.wait()
    assert (index_dir / "writer.lock").exists()
    e = engine(corpus, index_dir, lock_timeout=0.2)
    assert e.update().added == 1
    e.close()
