"""The installed `broadsheet` in a real terminal (tmux) at 80x24 and 120x40, driven by keys.

Search, open, read highlighted entities and attributed quotes, jump between hits and quotes,
flag, quit; then start again and find the flag where it was left.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import e2e_flows as flows
import pytest
from e2e_corpus import DREDGING, PARKING, SEARCH_TERM
from e2e_harness import Isolation, PtyApp, Tmux

SIZES = [(80, 24), (120, 40)]
IDS = ["80x24", "120x40"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_search_read_flag_quit_and_the_flag_is_still_there(
    tmux: Callable[..., Tmux],
    exe: str,
    corpus: Path,
    iso: Isolation,
    size: tuple[int, int],
) -> None:
    width, height = size
    t = tmux([exe, str(corpus)], width, height)
    flows.wait_ready(t)

    flows.search_open_read_flag(t)
    t.keys("Q")  # from the reader (q goes back to the list)
    assert t.wait_exit() == 0, t.describe()

    marks = flows.stored_marks(flows.review_db(iso))
    assert marks.get(flows.story_id(DREDGING), {}).get("flagged") is True, marks

    # Start again: the flag is in the list.
    t2 = tmux([exe, str(corpus)], width, height)
    flows.wait_ready(t2)
    flows.search(t2, DREDGING.unique)
    screen = t2.wait_for(
        flows.row_showing(DREDGING, flagged=True),
        what="the flag on the article's row after a restart",
    )
    row = flows.row_marks(screen, DREDGING)
    assert row is not None and row.flagged and not row.reviewed
    t2.keys("q")
    assert t2.wait_exit() == 0, t2.describe()


def test_highlights_show_without_colour(
    tmux: Callable[..., Tmux], exe: str, corpus: Path, iso: Isolation
) -> None:
    """NO_COLOR: entities and hits still stand out by bold, italic, underline or reverse."""
    t = tmux(["env", "NO_COLOR=1", exe, str(corpus)], 80, 24)
    flows.wait_ready(t)
    flows.search(t, SEARCH_TERM)
    flows.wait_listed(t, DREDGING)
    flows.open_selected(t)
    t.wait_for("overruling", what="the article body")
    t.wait_stable(quiet=0.3, timeout=10)
    reader = flows.without_colour(flows.pane_of(t.cells(), "overruling"))
    for word in ("£48m", "Authority", "Thursday"):  # MONEY, ORG, DATE
        assert flows.distinct_style(reader, word, "overruling"), f"{word} looks like plain text"
    assert flows.distinct_style(reader, SEARCH_TERM, "overruling", skip_rows_with="Severn dredging")
    # Quote lines carry a bar in the gutter (their text differs from plain by colour only).
    assert any("".join(c.char for c in row).startswith("│ [Marguerite") for row in reader), (
        t.screen()
    )
    t.keys("Q")
    assert t.wait_exit() == 0, t.describe()


@pytest.mark.parametrize("keys", ["qo"])
def test_keys_arriving_together_do_not_crash_the_app(
    pty_app: Callable[..., PtyApp], exe: str, corpus: Path, keys: str
) -> None:
    """Over SSH several keypresses often arrive in one read: quit then a dialog key."""
    app = pty_app([exe, str(corpus)], cols=80, rows=24)
    app.wait_for(flows.READY, what="the app ready")
    flows.pty_search(app, DREDGING.unique)
    mark = app.offset()
    app.send(keys)
    status = app.wait_exit()
    shown = app.text(mark)
    assert "Traceback" not in shown, shown[-3000:]
    assert status == 0, shown[-3000:]


def test_keys_typed_ahead_arrive_in_order(
    tmux: Callable[..., Tmux], exe: str, corpus: Path, iso: Isolation
) -> None:
    """A slow SSH link delivers what was typed in one packet: `/` then the query must all
    land in the search field (not on the list, where letters are commands), Backspace and
    Ctrl+U must act where they were typed, and a mark key typed before the new results show
    must not mark a row of the old ones."""
    t = tmux([exe, str(corpus)], 120, 40)
    flows.wait_ready(t)
    t.type("/wexcmbe")  # each `type` is one write
    t.wait_for("Did you mean wexcombe", what="the whole misspelt word in the field")
    t.type("\x15ashcx\x7fombe\r")  # ctrl+u, a typo and its backspace, Enter
    t.wait_for(PARKING.title[:30], what="the corrected query's result listed")
    t.wait_for(re.compile(r"\b1 result · by relevance"), what="only that result")
    t.type("/\x15wexcombe\rf")  # a new search, and f typed before its results may show
    t.wait_for(DREDGING.title[:30], what="the new result listed")
    found = flows.story_id(DREDGING)

    def settled() -> bool:
        refused = "Results are still coming" in t.screen()
        return refused or found in flows.stored_marks(flows.review_db(iso))

    # The f was read before the results showed (refused, with a notice) or after (it flags the
    # row the search found): how fast the search ran decides which, never a row of the old ones.
    flows.wait_until(settled, "the typed-ahead mark refused, or put on the new result")
    assert set(flows.stored_marks(flows.review_db(iso))) <= {found}, "a mark landed on an old row"
    if found not in flows.stored_marks(flows.review_db(iso)):
        t.keys("f")  # now the row on screen is the result
    flows.wait_until(
        lambda: flows.stored_marks(flows.review_db(iso)).get(found),
        "the flag stored on the article the search found",
    )
    t.keys("q")
    assert t.wait_exit() == 0, t.describe()
