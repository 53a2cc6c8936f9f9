"""An index damaged or left half-written (even by kill -9) is detected and never trusted."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_search_helpers import add_bulk_words, bump_mtime, engine, ids, write_md

from tui.search import WhooshSearchEngine

REPO = Path(__file__).resolve().parents[1]

CHILD = """
import sys
from pathlib import Path
from tui.search import open_engine
corpus, index_dir, mode, workers = sys.argv[1:5]
e = open_engine(Path(corpus), Path(index_dir), "rules", workers=int(workers))
def progress(done, total):
    print(f"P {done} {total}", flush=True)
e.update(progress=progress, rebuild=(mode == "rebuild"))
print("DONE", flush=True)
"""


def small_corpus(root: Path) -> None:
    write_md(root, "a.md", "Harbour budget approved", "The harbour budget was approved.")
    write_md(root, "b.md", "Market falls", "The market fell on Monday.")
    write_md(root, "c.md", "Election called", "An election was called for May.")


def gen_dir(e: WhooshSearchEngine) -> Path:
    gen = e.layout.current()
    assert gen is not None
    return gen


def segment_file(gen: Path) -> Path:
    """The postings file of a segment (the biggest part of an index)."""
    segs = sorted(gen.glob("*.pst"))
    assert segs, list(gen.iterdir())
    return segs[0]


def _delete_segment(gen: Path) -> None:
    segment_file(gen).unlink()


def _truncate_segment(gen: Path) -> None:
    seg = segment_file(gen)
    with open(seg, "r+b") as fh:
        fh.truncate(seg.stat().st_size // 2)


def _delete_toc(gen: Path) -> None:
    for toc in gen.glob("*.toc"):
        toc.unlink()


def _delete_manifest(gen: Path) -> None:
    (gen / "manifest.sqlite").unlink()


def _garbage_manifest(gen: Path) -> None:
    (gen / "manifest.sqlite").write_bytes(b"this is not a database" * 100)


def _garbage_current(gen: Path) -> None:
    (gen.parent / "CURRENT").write_text("../../etc\n")


def _delete_generation(gen: Path) -> None:
    shutil.rmtree(gen)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (_delete_segment, "missing"),
        (_truncate_segment, "changed size"),
        (_delete_toc, "table of contents"),
        (_delete_manifest, "no manifest"),
        (_garbage_manifest, "manifest unreadable"),
        (_garbage_current, "CURRENT"),
        (_delete_generation, "no manifest"),
    ],
)
def test_damaged_index_is_detected_and_rebuilt(
    tmp_path: Path, damage: Callable[[Path], None], reason: str
) -> None:
    corpus = tmp_path / "corpus"
    small_corpus(corpus)
    e = engine(corpus, tmp_path / "index")
    e.update()
    gen = gen_dir(e)
    e.close()
    damage(gen)
    e2 = engine(corpus, tmp_path / "index")
    # Not trusted: no answer from the damaged index passed off as whole.
    r = e2.search("harbour")
    assert r.hits == [] and r.error is not None
    s = e2.update()
    assert s.rebuilt and reason in (s.reason or ""), s.reason
    assert ids(e2.search("harbour")) == {"a.md"}
    assert e2.count() == 3
    e2.close()


def scramble_postings(corpus: Path, index: Path) -> None:
    """Build the index, then scramble the middle half of its postings file: the same size, so
    nothing looks wrong from outside until a search reads the bytes."""
    e = engine(corpus, index)
    e.update()
    seg = segment_file(gen_dir(e))
    e.close()
    size = seg.stat().st_size
    with open(seg, "r+b") as fh:
        fh.seek(size // 4)
        fh.write(os.urandom(size // 2))


def test_search_never_raises_on_a_corrupted_segment(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    small_corpus(corpus)
    scramble_postings(corpus, tmp_path / "index")
    e2 = engine(corpus, tmp_path / "index")
    for q in ("harbour", "market OR election", '"budget approved"', "date:2021"):
        e2.search(q)  # must not raise, whatever it finds
    e2.update(rebuild=True)
    assert ids(e2.search("harbour")) == {"a.md"}
    e2.close()


def test_interrupted_update_is_repaired(tmp_path: Path) -> None:
    """Whoosh committed but the manifest did not (a crash between the two): the next update
    re-applies the changes idempotently, with no duplicate and nothing lost."""
    corpus = tmp_path / "corpus"
    small_corpus(corpus)
    e = engine(corpus, tmp_path / "index")
    e.update()
    gen = gen_dir(e)
    e.close()
    saved = sqlite3.connect(":memory:")
    with sqlite3.connect(gen / "manifest.sqlite") as live:
        live.backup(saved)

    write_md(corpus, "d.md", "New bridge opens", "A new bridge opened downtown.")
    bump_mtime(write_md(corpus, "b.md", "Market rises", "The market rose on Tuesday."))
    (corpus / "c.md").unlink()
    os.rename(corpus / "a.md", corpus / "a2.md")
    e = engine(corpus, tmp_path / "index")
    e.update()
    e.close()
    with sqlite3.connect(gen / "manifest.sqlite") as live:
        saved.backup(live)  # the manifest's last commit is "lost"

    e = engine(corpus, tmp_path / "index")
    insp = e.layout.inspect(e.fingerprint)
    assert insp.usable and insp.behind
    s = e.update()
    assert not s.rebuilt
    assert e.count() == 3
    assert ids(e.search("bridge")) == {"d.md"}
    assert ids(e.search("market")) == {"b.md"}
    assert ids(e.search("tuesday")) == {"b.md"}
    assert ids(e.search("monday OR election")) == set()
    assert ids(e.search("harbour")) == {"a2.md"}
    again = e.update()
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 3)
    assert not e.layout.inspect(e.fingerprint).behind
    e.close()


def run_child(corpus: Path, index_dir: Path, mode: str, workers: int) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(corpus), str(index_dir), mode, str(workers)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its worker processes die with it
    )


def kill_when(proc: subprocess.Popen[str], at: Callable[[int, int], bool], delay: float) -> bool:
    """SIGKILL the child (and its workers) once its progress satisfies `at`, after `delay`.
    Returns False if it finished first."""
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("P "):
            done, total = map(int, line.split()[1:3])
            if total and at(done, total):
                time.sleep(delay)
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                return True
        if line.startswith("DONE"):
            break
    proc.wait()
    return False


@pytest.mark.parametrize("delay", [0.0, 0.5])
def test_kill_9_during_update_commit(tmp_path: Path, delay: float) -> None:
    corpus = tmp_path / "corpus"
    small_corpus(corpus)
    index_dir = tmp_path / "index"
    e = engine(corpus, index_dir)
    e.update()
    e.close()
    add_bulk_words(corpus, 100)
    # One process, no workers: once every file is read the writer goes straight to commit.
    proc = run_child(corpus, index_dir, "update", workers=1)
    killed = kill_when(proc, lambda d, t: d == t, delay)

    e = engine(corpus, index_dir)
    # Either the old index or the new one, never a part of the new files.
    n = len(ids(e.search("zebraword", limit=1000)))
    assert n in (0, 100), n
    assert e.count() in (3, 103)
    s = e.update()
    assert e.count() == 103
    assert len(ids(e.search("zebraword", limit=1000))) == 100
    assert ids(e.search("item42")) == {"bulk/0042.md"}
    again = e.update()
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 103)
    e.close()
    print(f"killed={killed} delay={delay} then: {s.added} added, rebuilt={s.rebuilt}")


def test_kill_9_during_full_build_keeps_the_old_index(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    small_corpus(corpus)
    index_dir = tmp_path / "index"
    e = engine(corpus, index_dir)
    e.update()
    old_gen = gen_dir(e)
    e.close()
    add_bulk_words(corpus, 120)
    proc = run_child(corpus, index_dir, "rebuild", workers=2)
    assert kill_when(proc, lambda d, t: d >= t // 2, 0.0), "child finished before the kill"

    orphans = [p for p in index_dir.iterdir() if p.name.startswith("ix-") and p != old_gen]
    assert orphans, "the killed build left its folder"
    e = engine(corpus, index_dir)
    assert e.layout.current() == old_gen
    assert ids(e.search("harbour")) == {"a.md"}
    assert e.search("zebraword").hits == []
    s = e.update()
    assert s.added == 120 and not s.rebuilt
    assert not any(p.exists() for p in orphans), "orphaned build folders are removed"
    assert e.count() == 123
    e.close()


def test_kill_9_during_first_build(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    add_bulk_words(corpus, 120)
    index_dir = tmp_path / "index"
    proc = run_child(corpus, index_dir, "update", workers=2)
    assert kill_when(proc, lambda d, t: d >= 100, 0.0), "child finished before the kill"
    e = engine(corpus, index_dir)
    # A first build commits as it goes: what it committed is searchable after the kill...
    kept = len(ids(e.search("zebraword", limit=500)))
    assert 0 < kept < 120
    assert e.partial() == (kept, 120)
    # ...and the next update carries on from there, reading only what was not committed.
    s = e.update()
    assert s.resumed and not s.rebuilt
    assert (s.added, s.unchanged) == (120 - kept, kept)
    assert len(ids(e.search("zebraword", limit=500))) == 120
    assert e.partial() is None
    e.close()


def test_damage_a_search_met_is_rebuilt_by_the_next_update_in_another_process(
    tmp_path: Path,
) -> None:
    """A search that meets scrambled postings says the index will be rebuilt; the rebuild must
    then happen in the next `broadsheet index`, a process that never saw the error (the sizes
    still look right), instead of reporting every file unchanged."""
    corpus = tmp_path / "corpus"
    small_corpus(corpus)
    scramble_postings(corpus, tmp_path / "index")
    searching = engine(corpus, tmp_path / "index")
    errors = [
        r.error.message
        for q in ("harbour", "market OR election", '"budget approved"', "council", "exports")
        if (r := searching.search(q)).error is not None
    ]
    searching.close()
    assert errors, "the scrambled postings went unnoticed by every query (pick other words)"
    assert all("damaged" in m and "rebuilt" in m for m in errors), errors
    fresh = engine(corpus, tmp_path / "index")  # as `broadsheet index` in a new process
    summary = fresh.update()
    assert summary.rebuilt and "error while searching" in (summary.reason or ""), summary
    assert ids(fresh.search("harbour")) == {"a.md"}
    assert fresh.search("council").error is None
    fresh.close()
