"""Keys terminal users know, in a real terminal (tmux): `q` levels, J/K, find in the article,
the next unreviewed article, and handing the article to `$PAGER` or a pipe (the app suspends,
the program has the terminal, the app comes back)."""

from __future__ import annotations

import re
import stat
from collections.abc import Callable
from pathlib import Path

import e2e_flows as flows
import pytest
from e2e_corpus import DREDGING, GLACIER, SEARCH_TERM
from e2e_harness import Isolation, Tmux

SIZES = [(40, 12), (80, 24), (120, 40), (250, 70)]
IDS = ["40x12", "80x24", "120x40", "250x70"]


def open_dredging(t: Tmux) -> None:
    flows.search(t, SEARCH_TERM)
    flows.wait_listed(t, DREDGING)
    flows.open_selected(t)
    t.wait_for("overruling", what="the article body")


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_q_goes_back_from_the_reader_and_quits_from_the_list(
    tmux: Callable[..., Tmux], exe: str, corpus: Path, size: tuple[int, int]
) -> None:
    width, height = size
    t = tmux([exe, str(corpus)], width, height)
    flows.wait_ready(t)
    flows.search(t, SEARCH_TERM)
    flows.wait_listed(t, DREDGING)
    flows.open_selected(t)
    t.wait_stable(quiet=0.3, timeout=10)
    t.keys("q")
    t.wait_for(flows.LIST_FOOTER, what="the list again after q in the reader")
    assert t.exit_status() is None, t.describe()
    t.keys("q")
    assert t.wait_exit() == 0, t.describe()


def test_capital_q_quits_from_the_reader(tmux: Callable[..., Tmux], exe: str, corpus: Path) -> None:
    t = tmux([exe, str(corpus)], 80, 24)
    flows.wait_ready(t)
    open_dredging(t)
    t.keys("Q")
    assert t.wait_exit() == 0, t.describe()


def test_shift_j_and_k_step_articles_without_leaving_the_reader(
    tmux: Callable[..., Tmux], exe: str, corpus: Path
) -> None:
    t = tmux([exe, str(corpus)], 80, 24)  # one pane: the list is not on screen while reading
    flows.wait_ready(t)
    open_dredging(t)
    t.keys("J")
    screen = t.wait_for(GLACIER.title[:20], what="the next result open in the reader")
    assert flows.READER_OPEN.search(screen), "the search hits are still counted"
    assert flows.LIST_FOOTER not in screen, "still reading, not back on the list"
    t.keys("K")
    t.wait_for("overruling", what="the first result open again")
    t.keys("Q")
    assert t.wait_exit() == 0, t.describe()


def test_find_in_the_article_and_escape_back_to_the_search_hits(
    tmux: Callable[..., Tmux], exe: str, corpus: Path
) -> None:
    t = tmux([exe, str(corpus)], 120, 40)
    flows.wait_ready(t)
    open_dredging(t)
    before = t.wait_for(re.compile(r"hit 1/(\d+)"), what="the search hits counted")
    hits = re.search(r"hit 1/(\d+)", before)
    assert hits is not None
    t.keys("/")  # while reading, `/` finds in the article (as less)
    t.wait_for("Find in this article", what="the find field")
    t.type("Hollis")
    t.keys("Enter")
    t.wait_for(re.compile(r"find 'Hollis' 1/\d"), what="the matches counted")
    t.keys("n")
    t.wait_for(re.compile(r"find 'Hollis' 2/\d"), what="n steps the matches")
    t.keys("Escape")
    t.wait_for(f"hit 1/{hits.group(1)}", what="the corpus search's hits again")
    assert re.search(flows.TOP + SEARCH_TERM, t.screen()), "the corpus search is as it was"
    t.keys("Q")
    assert t.wait_exit() == 0, t.describe()


def test_next_unreviewed_skips_a_reviewed_row(
    tmux: Callable[..., Tmux], exe: str, corpus: Path
) -> None:
    t = tmux([exe, str(corpus)], 120, 40)
    flows.wait_ready(t)
    screen = t.wait_stable(quiet=0.3, timeout=10)
    first = flows.cursor_story(screen)
    assert first is not None, screen
    t.keys("j", "r", "k")  # the second row reviewed, the cursor back on the first
    t.wait_for(re.compile(flows.REVIEWED), what="the reviewed mark")
    t.wait_stable(quiet=0.3, timeout=10)
    t.type(">")
    screen = t.wait_change(t.screen())
    third = flows.cursor_story(screen)
    assert third is not None and third != first, screen
    marks = flows.row_marks(screen, third)
    assert marks is not None and not marks.reviewed, screen
    t.keys("q")
    assert t.wait_exit() == 0, t.describe()


def stub(tmp_path: Path, name: str) -> tuple[Path, Path]:
    """A program that records its arguments and its input, says it is running, and waits for
    Enter (as a pager does) before it exits."""
    record = tmp_path / f"{name}.record"
    script = tmp_path / name
    script.write_text(
        "#!/bin/sh\n"
        f'printf "%s\\n" "$@" > "{record}"\n'
        f'[ -t 0 ] || cat >> "{record}"\n'
        f'echo "STUB {name} RUNNING"\n'
        "read answer < /dev/tty\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, record


def test_pager_has_the_terminal_and_the_app_comes_back(
    tmux: Callable[..., Tmux], exe: str, corpus: Path, tmp_path: Path
) -> None:
    pager, record = stub(tmp_path, "pager")
    t = tmux(["env", f"PAGER={pager}", exe, str(corpus)], 80, 24)
    flows.wait_ready(t)
    open_dredging(t)
    t.keys("P")
    screen = t.wait_for("STUB pager RUNNING", what="the pager on the terminal")
    assert "overruling" not in screen, "the app still drew while the pager ran"
    assert record.read_text().splitlines() == [str(corpus / DREDGING.file)]
    t.keys("Enter")  # the pager ends
    t.wait_for("overruling", what="the app back, the article as it was")
    t.wait_for(flows.READER_OPEN, what="the reader's counts redrawn")
    t.keys("Q")
    assert t.wait_exit() == 0, t.describe()


def test_pipe_sends_the_article_and_waits_for_enter(
    tmux: Callable[..., Tmux], exe: str, corpus: Path, tmp_path: Path, iso: Isolation
) -> None:
    command, record = stub(tmp_path, "pipe")
    t = tmux([exe, str(corpus)], 80, 24)
    flows.wait_ready(t)
    open_dredging(t)
    t.type("|")
    t.wait_for("Pipe to a command", what="the pipe dialog")
    t.type(f"{command} --words")
    t.keys("Enter")
    t.wait_for("STUB pipe RUNNING", what="the command's output on the terminal")
    got = record.read_text()
    assert got.startswith("--words\n" + DREDGING.title), got[:200]
    assert "overruling" in got
    t.keys("Enter")  # the command ends; the app asks for Enter before it comes back
    t.wait_for("press Enter to return", what="the output kept until Enter")
    t.keys("Enter")
    t.wait_for("overruling", what="the app back")
    t.keys("Q")
    assert t.wait_exit() == 0, t.describe()
