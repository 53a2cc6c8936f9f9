"""What a person does in the app, written once for every terminal the suite drives.

All knowledge of the app's screens lives here (what "ready" looks like, how a review mark is
drawn), so a change to the interface is one edit, not one per test. The terminal is anything
with `keys`, `type`, `screen` and `wait_for` (tmux locally, or tmux running `ssh -tt`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from e2e_corpus import DREDGING, SEARCH_TERM, STORIES, Story
from e2e_harness import Cell, Isolation, PtyApp, Tmux, matches, run_cli, styles_of, wait_until

READY = re.compile(r"\b\d[\d,]* articles? · (?!by\b)\S")
"""The status line once the start-up index update is done ("6 articles · up to date")."""

TOP = r"\A(?:.*\n){0,2}.*"
"""The search field's rows: one at 80x24, three (with a border) on a taller terminal."""

EMPTY_QUERY = re.compile(TOP + r"Search: words")
"""The search field's placeholder: it shows only while the field is empty."""

INPUT_FOCUSED_FOOTER = "f1 Help"
LIST_FOOTER = "⏎ Open"
READER_OPEN = re.compile(r"─ hit \d[\d,]*|hit \d[\d,]* · quote \d")
"""The reader's border once an article with search hits is open."""

INPUT_FOCUSED = re.compile(r"/ Search\s+f1 Help")
"""The footer while the search field has the focus (no list or reader keys)."""

FLAG = "⚑"
REVIEWED = "✓"
# A list row: cursor bar, reviewed, flagged, tagged, noted, then the title.
ROW = re.compile(
    r"(?P<cursor>[▌ ])(?P<reviewed>[✓ ])(?P<flagged>[⚑ ])(?P<tagged>[# ])(?P<note>[✎ ])"
)


class Terminal(Protocol):
    def keys(self, *keys: str) -> None: ...
    def type(self, text: str) -> None: ...
    def screen(self) -> str: ...
    def wait_for(
        self, pattern: str | re.Pattern[str], timeout: float = ..., what: str | None = ...
    ) -> str: ...


def title_prefix(story: Story, width: int = 18) -> str:
    """The start of a title: short enough to survive a narrow list column."""
    return story.title[:width]


def wait_ready(t: Terminal) -> str:
    """The app has opened its index and lists articles."""
    return t.wait_for(READY, what="the status line to count the articles (app ready)")


def search(t: Terminal, query: str) -> None:
    """`/`, the query, Enter: results listed, focus back on the list.

    Each step waits for the screen to show it took effect: keys typed before the search field
    has the focus would go to the list (where `e`, `r`, `f`... are commands).
    """
    t.keys("/")
    t.wait_for(INPUT_FOCUSED, what="the search field focused after `/`")
    if not EMPTY_QUERY.search(t.screen()):
        # Clear the previous query, and wait until it is gone, so each step is seen to take
        # effect (keys arriving together are tested on their own: test_keys_typed_ahead_...).
        t.keys("C-u")
        t.wait_for(EMPTY_QUERY, what="the search field cleared by ctrl+u")
    t.type(query)
    t.wait_for(re.compile(TOP + re.escape(query)), what=f"{query!r} in the search field")
    t.keys("Enter")
    wait_until(
        lambda: not INPUT_FOCUSED.search(t.screen()),
        "the focus to leave the search field after Enter",
        describe=t.screen,
    )


def pty_search(app: PtyApp, query: str) -> None:
    """`search` for an app on a raw pty, where the only screen is the byte stream.

    Each step waits for the redraw that proves it took effect, in the output since the key.
    """
    mark = app.offset()
    app.keys("/")
    app.wait_for(INPUT_FOCUSED_FOOTER, mark, what="the search field focused after `/`")
    app.keys("C-u")
    app.wait_quiet(0.3, timeout=10)  # one step at a time (typed-ahead keys: test_terminal.py)
    mark = app.offset()
    app.send(query)
    app.wait_for(query, mark, what=f"{query!r} in the search field")
    mark = app.offset()
    app.keys("Enter")
    app.wait_for(LIST_FOOTER, mark, what="the focus back on the list after Enter")
    app.wait_quiet(0.3, timeout=10)


def open_selected(t: Terminal) -> str:
    """Enter on the list: the reader shows the article (its border counts the hits)."""
    t.keys("Enter")
    return t.wait_for(READER_OPEN, what="the article open in the reader")


def wait_listed(t: Terminal, story: Story) -> str:
    return t.wait_for(title_prefix(story), what=f"{story.title!r} in the list")


@dataclass
class RowMarks:
    cursor: bool
    reviewed: bool
    flagged: bool
    tagged: bool
    noted: bool


def row_marks(screen: str, story: Story) -> RowMarks | None:
    """The review marks drawn on the list row of `story`, if the row is on screen."""
    prefix = re.escape(title_prefix(story))
    m = re.search(ROW.pattern + prefix, screen)
    if not m:
        return None
    return RowMarks(
        cursor=m["cursor"] == "▌",
        reviewed=m["reviewed"] == REVIEWED,
        flagged=m["flagged"] == FLAG,
        tagged=m["tagged"] == "#",
        noted=m["note"] == "✎",
    )


def row_showing(
    story: Story, *, flagged: bool | None = None, reviewed: bool | None = None
) -> re.Pattern[str]:
    """A pattern for the list row of `story` with the given marks (None: either)."""

    def cell(mark: str, want: bool | None) -> str:
        return f"[{mark} ]" if want is None else (mark if want else " ")

    return re.compile(
        f"[▌ ]{cell(REVIEWED, reviewed)}{cell(FLAG, flagged)}[# ][✎ ]"
        + re.escape(title_prefix(story))
    )


def cursor_story(screen: str) -> Story | None:
    """The article whose list row has the cursor."""
    for story in STORIES:
        marks = row_marks(screen, story)
        if marks and marks.cursor:
            return story
    return None


def story_id(story: Story) -> str:
    """Article ids are the path relative to the corpus (DESIGN.md)."""
    return story.file


# -- the reading flow -------------------------------------------------------------------------


def pane_of(cells: list[list[Cell]], anchor: str) -> list[list[Cell]]:
    """The cells inside the bordered pane where `anchor` is drawn (rows and columns clipped).

    Keeps checks on the reader from being satisfied by the search field, list or side panel.
    """
    for r, row in enumerate(cells):
        line = "".join(c.char for c in row)
        c0 = line.find(anchor)
        if c0 == -1:
            continue
        left = line.rfind("│", 0, c0)
        right = line.find("│", c0)
        right = len(line) if right == -1 else right
        top, bottom = r, r
        while top > 0 and left >= 0 and _char(cells, top - 1, left) not in "╭─┌":
            top -= 1
        while bottom < len(cells) - 1 and left >= 0 and _char(cells, bottom + 1, left) not in "╰─└":
            bottom += 1
        return [row[left + 1 : right] for row in cells[top : bottom + 1]]
    return []


def _char(cells: list[list[Cell]], r: int, c: int) -> str:
    row = cells[r]
    return row[c].char if c < len(row) else " "


def distinct_style(
    cells: list[list[Cell]], word: str, plain: str, skip_rows_with: str | None = None
) -> bool:
    """True when `word` is drawn somewhere in a style that `plain` text is not drawn in."""
    plain_found = styles_of(cells, plain)
    plain_styles = set().union(*plain_found) if plain_found else set()
    rows = [
        row
        for row in cells
        if skip_rows_with is None or skip_rows_with not in "".join(c.char for c in row)
    ]
    return any(styles - plain_styles for styles in styles_of(rows, word))


def without_colour(cells: list[list[Cell]]) -> list[list[Cell]]:
    """The same cells with colours dropped: what a monochrome terminal can still show."""

    def keep(p: str) -> bool:
        head = p.split(";", 1)[0].split(":", 1)[0]
        n = int(head) if head.isdigit() else -1
        return not (head in ("38", "48", "58") or 30 <= n <= 49 or 90 <= n <= 107)

    return [[Cell(c.char, tuple(p for p in c.style if keep(p))) for c in row] for row in cells]


def press_until(t: Tmux, key: str, pattern: str | re.Pattern[str], tries: int = 5) -> str:
    """Press `key` until `pattern` is on screen (each press waits for the screen to settle)."""
    for _ in range(tries):
        screen = t.wait_stable(quiet=0.3, timeout=5)
        if matches(pattern, screen):
            return screen
        t.keys(key)
    return t.wait_for(pattern, timeout=10, what=f"{pattern!r} after pressing {key!r}")


def search_open_read_flag(t: Tmux) -> None:
    """From a ready app: search, open, check highlights and speakers, jump, flag."""
    # `/` + a term + Enter: the article is listed.
    search(t, SEARCH_TERM)
    wait_listed(t, DREDGING)

    # Enter opens it; the quote carries its speaker's full name.
    t.keys("Enter")
    t.wait_for("Hollis]", what="the speaker tag [Marguerite Hollis] before the first quote")
    t.wait_stable(quiet=0.3, timeout=10)

    # Styles compared inside the reader pane only, against a plain body word.
    reader = pane_of(t.cells(), "overruling")
    assert reader, f"the reader body is not on screen:\n{t.screen()}"
    entities = ("£48m", "Thursday", "Authority", "Westbury", "Avonmouth")
    highlighted = [word for word in entities if distinct_style(reader, word, "overruling")]
    assert highlighted, (
        f"no entity of {entities} is drawn differently from plain text:\n{t.styled()}"
    )
    assert distinct_style(reader, "listened", "overruling"), "the quote is not highlighted"
    assert distinct_style(reader, SEARCH_TERM, "overruling", skip_rows_with="Severn dredging"), (
        "the search hit in the body is not marked"
    )

    # ] jumps to the next quote (Callum Price's, further down), n to the last hit.
    press_until(t, "]", "Price]")
    press_until(t, "n", "Wexcombe")

    # f flags it; the mark shows on screen.
    t.keys("f")
    t.wait_for(FLAG, what="the flag mark")


# -- what was stored --------------------------------------------------------------------------


def review_db(iso: Isolation) -> Path:
    dbs = iso.review_dbs()
    assert len(dbs) == 1, f"expected one review database under {iso.data_dir}, found {dbs}"
    return dbs[0]


def integrity(db: Path) -> str:
    """`PRAGMA integrity_check` of the file as the killed app left it (WAL and all)."""
    con = sqlite3.connect(db, timeout=30)
    try:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        con.close()


def stored_marks(db: Path) -> dict[str, dict[str, object]]:
    """The marks as committed in the file, read with plain SQL (not through the store, which
    could repair or upgrade what it opens): who reviewed, the flag, tags in order, the note."""
    con = sqlite3.connect(db, timeout=30)
    try:
        rows = con.execute("SELECT id, flagged, note FROM marks").fetchall()
        reviewed = {r[0] for r in con.execute("SELECT DISTINCT id FROM reviews")}
        tags: dict[str, list[str]] = {}
        for id_, tag in con.execute("SELECT id, tag FROM tags ORDER BY id, pos"):
            tags.setdefault(id_, []).append(tag)
    finally:
        con.close()
    marks = {
        r[0]: {
            "reviewed": r[0] in reviewed,
            "flagged": bool(r[1]),
            "tags": tags.get(r[0], []),
            "note": r[2],
        }
        for r in rows
    }
    for id_ in reviewed - marks.keys():
        marks[id_] = {"reviewed": True, "flagged": False, "tags": tags.get(id_, []), "note": ""}
    return marks


def exported_marks(iso: Isolation, corpus: Path) -> dict[str, dict[str, object]]:
    """`broadsheet export CORPUS --format jsonl`, by article id."""
    out = run_cli(iso, "export", str(corpus), "--format", "jsonl", check=True)
    records = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines() if line]
    return {r["id"]: r for r in records}
