"""The second hostile round, where a real terminal is the judge (tmux).

The other cases of that round are tested where their code lives (see the note on issue 14):
repetitive files (test_index_repetitive), a damaged review file (test_review_store_damaged), a
full disk (test_full_disk), a corpus deleted while open (test_index_corpus_gone), a moved corpus
(test_marks_move), two apps editing one note (test_app_team), kill -TERM/-HUP
(test_real_size), a damaged index segment (test_index_recovery), CJK and accents
(test_search_unicode), umask and non-terminal stdin/stdout (test_cli).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import e2e_flows as flows
from e2e_harness import Isolation, Tmux

FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # one emoji: three people joined
WAVE = "\U0001f44b\U0001f3fd"  # a waving hand with a skin tone
FLAG = "\U0001f1ec\U0001f1e7"


def emoji_corpus(root: Path) -> Path:
    root.mkdir(parents=True)
    titles = {
        "a.md": f"Picnic {FAMILY} draws families to the harbour",
        "b.md": f"Mayor {WAVE} greets the crowd at the pier",
        "c.md": f"Flags {FLAG} fly over the town hall",
        "d.md": "Plain title without any emoji at all",
    }
    for n, (name, title) in enumerate(titles.items(), start=1):
        (root / name).write_text(
            f'---\ntitle: "{title}"\ndate: 2025-01-0{n}\n---\n\n'
            f"The harbour board met on a sunny day. {title}.\n",
            encoding="utf-8",
        )
    return root


def pane_rows(screen: str, rows: list[str]) -> list[str]:
    """The screen lines that show one of `rows`' words (a list row, the reader's title...)."""
    return [line for line in screen.splitlines() if any(word in line for word in rows)]


def border_columns(lines: list[str]) -> set[tuple[int, ...]]:
    """Where the panes' bars stand on each line, in cells as Rich counts them.

    A row that the terminal drew wider than Rich measured it (tmux 3.3 gives "👋🏽" four cells,
    Rich two) pushes the bars after it to the right, and one of them falls off the line: the
    number of bars changes, or their columns do.
    """
    from rich.cells import cell_len

    return {
        tuple(cell_len(line[:at]) for at, char in enumerate(line) if char == "│") for line in lines
    }


def test_emoji_titles_keep_their_letters_and_the_borders_straight(
    tmux: Callable[..., Tmux], exe: str, tmp_path: Path
) -> None:
    corpus = emoji_corpus(tmp_path / "emoji")
    t = tmux([exe, str(corpus)], 120, 30)
    flows.wait_ready(t)
    screen = t.wait_for("Plain title", what="the list")
    # The hand stays; its skin tone, whose width terminals disagree on, is not drawn (the article
    # keeps it: tests/test_app_widgets.py).
    for whole in (FAMILY, FLAG, "Mayor \U0001f44b"):
        assert whole in screen, f"{whole!r} lost or split on screen:\n{screen}"
    rows = pane_rows(screen, ["Picnic", "Mayor", "Flags", "Plain title"])
    assert len(rows) == 4 + 1, screen  # four rows, and the reader's title beside the first
    columns = border_columns(rows)
    assert len(columns) == 1, f"the panes' borders move between rows: {columns}\n{screen}"
    t.keys("Down", "Down")  # the Mayor's article in the reader
    screen = t.wait_for(re.compile(r"Reader.*\n.*Mayor"), what="the Mayor's article in the reader")
    rows = pane_rows(screen, ["Picnic", "Mayor", "Flags", "Plain title", "harbour board"])
    columns = border_columns(rows)
    assert len(columns) == 1, f"the panes' borders move between rows: {columns}\n{screen}"


def test_a_keymap_clash_is_said_at_start_and_in_the_help_screen(
    tmux: Callable[..., Tmux], iso: Isolation, exe: str, corpus: Path
) -> None:
    iso.config.write_text('[keymap]\nflag = "r"\ndown = "pgdown"\n', encoding="utf-8")
    t = tmux([exe, str(corpus)], 120, 40)
    flows.wait_ready(t)
    t.wait_for("clashes with reviewed", what="the clash said at start")
    t.keys("?")
    t.wait_for("Keys —", what="the help screen")
    help_screen = t.wait_for(
        re.compile(r"⚠ \[keymap\] flag = 'r' clashes"), what="the clash in the help screen"
    )
    assert "'pgdown' is not a key" in help_screen, help_screen
    t.keys("Escape")
    t.wait_gone("Keys —")
    t.keys("r")  # r still marks reviewed, and f still flags
    t.wait_for(re.compile(r"▌✓ "), what="the reviewed mark (not a flag) on the current row")
    t.keys("f")
    t.wait_for(re.compile(r"▌✓⚑"), what="the flag from f")
