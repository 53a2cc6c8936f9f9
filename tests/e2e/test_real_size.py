"""The first minutes on a real folder, at real size, as a new user meets them.

The app is opened on folders that were never indexed (a copy of the 2,225 BBC articles from
`../shared/data`, and a generated folder of 500 that is always there) and builds the index
itself, with its worker processes, while the user searches: results come from what is indexed
so far, an article opens, the app quits mid-build and the next open carries on; the palette
rebuilds; 100 files written while the app runs are found; a folder another Broadsheet is
indexing is shown as it grows. Every test here once failed on the real thing: the app could
not start its workers at all ("bad value(s) in fds_to_keep").
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import time
from collections.abc import Callable
from pathlib import Path

import e2e_flows as flows
import pytest
from e2e_corpus import COMMON, generated_unique, write_generated
from e2e_harness import (
    TIMEOUT,
    Isolation,
    PtyApp,
    Tmux,
    broadsheet_exe,
    descendants_of,
    pid_alive,
    run_cli,
    wait_until,
)

BBC = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "bbc"
SO_FAR = re.compile(r"\d[\d,]* results? · by relevance · searching [\d,]+ of [\d,]+ articles")
RESULTS = re.compile(r"\b[1-9][\d,]* results? · by relevance")
BUILD = TIMEOUT * 8
"""A whole first build on a loaded two-core machine: minutes, not the usual wait."""


def bbc_copy(tmp_path: Path) -> Path:
    if not (BBC / "business").is_dir():
        pytest.skip(f"the BBC data set is not at {BBC} (../shared/data/bbc)")
    dest = tmp_path / "bbc"
    shutil.copytree(BBC, dest)
    return dest


def files_in(corpus: Path) -> int:
    """Article files: the data set's README.TXT is skipped as not an article."""
    return sum(1 for p in corpus.rglob("*") if p.is_file() and p.stem.lower() != "readme")


def index_done(count: int) -> re.Pattern[str]:
    """The status line once the whole first build is in: every file an article."""
    return re.compile(rf"\b{count:,} articles · ")


def open_search_at_launch(t: Tmux, query: str) -> str:
    """`/` and a query typed as the app starts, before any index exists."""
    t.keys("/")
    t.wait_for(flows.INPUT_FOCUSED, what="the search field focused at launch")
    t.type(query)
    return t.wait_for(RESULTS, timeout=BUILD, what=f"first results for {query!r}")


def test_bbc_never_indexed_search_while_it_builds_open_quit_reopen(
    tmux: Callable[..., Tmux], exe: str, tmp_path: Path
) -> None:
    corpus = bbc_copy(tmp_path)
    total = files_in(corpus)
    t = tmux([exe, str(corpus)], 120, 40)
    open_search_at_launch(t, "china")
    # The answer came from the part indexed so far, and says so.
    screen = t.wait_for(SO_FAR, what="'searching N of M articles so far' while it builds")
    assert "indexing failed" not in screen and "fds_to_keep" not in screen, screen
    # Open the first result: the reader shows it with the hits marked.
    t.keys("Enter")
    t.wait_for(flows.LIST_FOOTER, what="the focus back on the results")
    t.keys("Enter")
    t.wait_for(flows.READER_OPEN, what="an article open with its hits")
    # Results refresh as the index grows, and the build ends with every file in.
    t.wait_for(index_done(total), timeout=BUILD, what=f"all {total:,} files indexed")
    t.keys("Q")  # from the reader
    assert t.wait_exit() == 0, t.describe()

    again = tmux([exe, str(corpus)], 120, 40)
    screen = again.wait_for(index_done(total), what="the complete index at the next open")
    assert "up to date" in screen, screen
    again.keys("q")
    assert again.wait_exit() == 0, again.describe()


def test_quit_mid_build_returns_at_once_and_the_next_open_resumes(
    tmux: Callable[..., Tmux], exe: str, tmp_path: Path, iso: Isolation
) -> None:
    corpus = write_generated(tmp_path / "gen", 2000)
    t = tmux([exe, str(corpus)], 120, 40)
    open_search_at_launch(t, COMMON)
    t.wait_for(SO_FAR, what="results from the first commits")
    t.keys("Enter")
    t.wait_for(flows.LIST_FOOTER, what="the list focused")
    workers = descendants_of(t.app_pid())
    assert workers, "the build runs on worker processes"
    started = time.monotonic()
    t.keys("q")
    assert t.wait_exit() == 0, t.describe()
    print(f"quit during the first build took {time.monotonic() - started:.2f} s")
    # No worker process outlives the app.
    wait_until(
        lambda: not [p for p in workers if pid_alive(p)] or None,
        "the build's worker processes to end with the app",
        TIMEOUT,
    )

    # What was committed is kept: searchable as it is, and the next open carries on.
    out = run_cli(iso, "search", str(corpus), COMMON, "--json", "--limit", "5000", "--no-update")
    kept = len(out.stdout.splitlines())
    assert 0 < kept < 2000, kept
    done = run_cli(iso, "index", str(corpus), check=True, timeout=BUILD)
    report = done.stdout.decode() + done.stderr.decode()
    assert "resumed an interrupted first build" in report, report
    assert re.search(rf"\b{kept} unchanged", report), report  # as `describe` writes counts


def test_palette_rebuild_and_100_files_written_while_it_runs(
    tmux: Callable[..., Tmux], exe: str, tmp_path: Path
) -> None:
    corpus = write_generated(tmp_path / "gen", 500)
    t = tmux([exe, str(corpus)], 120, 40)
    t.wait_for(index_done(500), timeout=BUILD, what="the first build of 500 files")

    # Ctrl+P rebuild: the app reads every file again with its workers.
    t.keys("C-p")
    t.wait_for("Search for commands", what="the command palette")
    t.type("Rebuild index")
    t.wait_for("Rebuild index from scratch", what="the rebuild command listed")
    t.keys("Enter")
    screen = t.wait_for(
        re.compile(r"500 articles · rebuilt"), timeout=BUILD, what="the rebuild done"
    )
    assert "failed" not in screen, screen

    # Watch mode: 100 new files (more than an update does in the app's own process).
    extra = tmp_path / "extra"
    write_generated(extra, 600)
    for n in range(500, 600):
        src = extra / f"batch{n // 250:02d}" / f"article-{n:05d}.txt"
        dest = corpus / "late" / src.name
        dest.parent.mkdir(exist_ok=True)
        shutil.copy(src, dest)
    t.wait_for(index_done(600), timeout=BUILD, what="the 100 new files indexed by the watcher")
    flows.search(t, generated_unique(577))
    screen = t.wait_for(re.compile(r"\b1 result\b"), what="the new file found")
    # Its row's snippet holds the word (besides the search field).
    assert screen.count(generated_unique(577)) >= 2, screen
    t.keys("q")
    assert t.wait_exit() == 0, t.describe()


def test_a_folder_another_broadsheet_is_indexing(
    tmux: Callable[..., Tmux], exe: str, tmp_path: Path, iso: Isolation
) -> None:
    corpus = write_generated(tmp_path / "gen", 5000)  # a build long enough to open beside
    indexer = PtyApp([broadsheet_exe(), "index", str(corpus)], iso.env(), 100, 30, cwd=iso.root)
    try:
        indexer.wait_for(re.compile(r"[1-9]\d*/5000"), what="the other process indexing")
        t = tmux([exe, str(corpus)], 120, 40)
        t.wait_for(
            re.compile(r"another Broadsheet is indexing|indexed by another Broadsheet"),
            timeout=BUILD,
            what="the app saying another Broadsheet indexes this folder",
        )
        screen = t.wait_for(
            re.compile(r"5,000 articles · indexed by another Broadsheet"),
            timeout=BUILD,
            what="the app taking up the other's finished index",
        )
        assert indexer.wait_exit(timeout=BUILD) == 0, indexer.describe()
        assert "failed" not in screen, screen
        t.keys("q")
        assert t.wait_exit() == 0, t.describe()
    finally:
        indexer.close()


def test_100_files_added_while_the_app_was_closed(
    tmux: Callable[..., Tmux], exe: str, tmp_path: Path, iso: Isolation
) -> None:
    """The start-up update reads more files than it does in its own process: on workers."""
    corpus = write_generated(tmp_path / "gen", 600)
    late = corpus / "batch02"
    held = tmp_path / "held"
    shutil.move(late, held)  # articles 500-599 arrive later
    run_cli(iso, "index", str(corpus), check=True, timeout=BUILD)
    shutil.move(held, late)
    t = tmux([exe, str(corpus)], 120, 40)
    screen = t.wait_for(
        re.compile(r"600 articles · 100 files added"), timeout=BUILD, what="the 100 files indexed"
    )
    assert "failed" not in screen, screen
    t.keys("q")
    assert t.wait_exit() == 0, t.describe()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["TERM", "HUP"])
def test_kill_restores_the_terminal_as_q_does(
    pty_app: Callable[..., PtyApp], exe: str, tmp_path: Path, sig: int
) -> None:
    """`kill` (or a closed terminal) once left the terminal on the alternate screen with mouse
    reporting on; now the app leaves it as `q` does."""
    corpus = write_generated(tmp_path / "gen", 20)
    app = pty_app([exe, str(corpus)], cols=100, rows=30)
    app.wait_for(flows.READY, what="the app ready")
    entered = app.output.rfind(b"\x1b[?1049h")
    assert entered >= 0, "the app uses the alternate screen"
    os.kill(app.proc.pid, sig)
    app.wait_exit()
    after = app.output[entered:]
    assert b"\x1b[?1049l" in after, "back on the main screen"
    assert b"\x1b[?1000l" in after, "mouse reporting switched off"
