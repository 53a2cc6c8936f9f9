"""Two reviewers, two real apps, one shared review store: a SQLite file both configs name, or
a PostgreSQL database on a real server the run starts (see tests/test_review_store_pg.py).

Each app runs in its own terminal (tmux) with its own HOME, config and index, as two colleagues
on one server would. What one marks, the other sees on screen without doing anything; both
names are kept; the export names both; a colleague's app killed mid-marking loses nothing the
other saved and leaves the file whole.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import e2e_flows as flows
import pytest
from e2e_corpus import DREDGING, SEARCH_TERM
from e2e_harness import (
    Isolation,
    Tmux,
    kill_quietly,
    pid_alive,
    require_tool,
    wait_until,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the PostgreSQL server helper
from test_review_store_pg import cluster

WIDE = (150, 40)  # wide enough for the reader's title line with both names


def reviewer(tmp_path: Path, name: str, store: Path | str) -> Isolation:
    iso = Isolation(tmp_path / name)
    iso.config.write_text(f'reviewer = "{name}"\nreview_store = "{store}"\n', encoding="utf-8")
    return iso


def start_app(tmp_path: Path, iso: Isolation, exe: str, corpus: Path) -> Tmux:
    require_tool("tmux")
    t = Tmux(tmp_path, iso.env(term="tmux-256color"))
    t.start([exe, str(corpus)], *WIDE)
    flows.wait_ready(t)
    return t


def open_dredging(t: Tmux) -> None:
    flows.search(t, SEARCH_TERM)
    flows.wait_listed(t, DREDGING)
    flows.open_selected(t)
    t.wait_stable(quiet=0.3, timeout=10)


def shared_store(tmp_path: Path, kind: str) -> Path | str:
    if kind == "postgresql":
        return cluster().new_database()
    store = tmp_path / "shared" / "review.sqlite"
    store.parent.mkdir()
    return store


@contextmanager
def two_reviewers(
    tmp_path: Path, exe: str, corpus: Path, store: Path | str
) -> Iterator[tuple[Isolation, Tmux, Tmux]]:
    """Ana's and Bob's apps on one store, each with the same article open; both terminals
    closed afterwards."""
    ana_iso = reviewer(tmp_path, "ana", store)
    ana = start_app(tmp_path, ana_iso, exe, corpus)
    bob = start_app(tmp_path, reviewer(tmp_path, "bob", store), exe, corpus)
    try:
        open_dredging(ana)
        open_dredging(bob)
        yield ana_iso, ana, bob
    finally:
        ana.kill()
        bob.kill()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_two_reviewers_see_each_others_marks_and_export_names_both(
    tmp_path: Path, exe: str, corpus: Path, kind: str
) -> None:
    store = shared_store(tmp_path, kind)
    with two_reviewers(tmp_path, exe, corpus, store) as (ana_iso, ana, bob):
        # Ana flags and marks reviewed; her reader says "you".
        ana.keys("f")
        ana.wait_for("⚑ flagged by you", what="ana's own flag in her reader")
        ana.keys("r")
        ana.wait_for("✓ reviewed by you", what="ana's own review in her reader")

        # Bob's app shows it with no key pressed: the store tells it.
        bob.wait_for("✓ reviewed by ana", what="ana's review arriving in bob's app")
        bob.wait_for("⚑ flagged by ana", what="ana's flag arriving in bob's app")

        # Bob reviews too: both names, in both apps.
        bob.keys("r")
        bob.wait_for(
            re.compile(r"✓ reviewed by (ana, you|you, ana)"), what="both reviews in bob's app"
        )
        ana.wait_for(
            re.compile(r"✓ reviewed by (you, bob|bob, you)"), what="bob's review in ana's app"
        )
        assert ana.exit_status() is None and bob.exit_status() is None

        # A search ana saves is in bob's list of saved searches, with her name.
        ana.keys("q")  # back to the list (`/` in the reader finds in the article)
        ana.wait_for(flows.LIST_FOOTER, what="the list after q")
        flows.search(ana, "glacier")
        ana.keys("S")
        ana.wait_for("A name for it", what="the save-search dialog")
        ana.type("ice watch")
        ana.keys("Enter")
        ana.wait_for("Saved as ice watch", what="the search saved")
        bob.keys("L")
        bob.wait_for(re.compile(r"ice watch\s+glacier\s+\(\d+\)\s+by ana"), what="ana's search")

    # The export (as either of them) names both reviewers and who flagged.
    mark = flows.exported_marks(ana_iso, corpus)[flows.story_id(DREDGING)]
    assert sorted(mark["reviewed_by"]) == ["ana", "bob"]
    assert mark["flagged"] is True and mark["flagged_by"] == "ana"


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_colleague_killed_mid_marking_loses_nothing_already_saved(
    tmp_path: Path, exe: str, corpus: Path, kind: str
) -> None:
    store = shared_store(tmp_path, kind)
    with two_reviewers(tmp_path, exe, corpus, store) as (ana_iso, ana, bob):
        ana.keys("f")
        ana.wait_for("⚑ flagged by you", what="ana's flag saved")
        bob.wait_for("⚑ flagged by ana", what="ana's flag in bob's app")
        # Bob marks reviewed and is killed at once (kill -9): no clean shutdown.
        bob.keys("r")
        kill_quietly(bob.app_pid())
        wait_until(lambda: bob.dead() or None, "bob's app to be gone", describe=bob.describe)
        # Ana goes on marking; her app and the file are unharmed.
        ana.keys("r")
        ana.wait_for("✓ reviewed by", what="ana's review saved after bob's app died")
        assert ana.exit_status() is None, ana.describe()
        ana_pid = ana.app_pid()
    # Her terminal closed (SIGHUP): her app ends too, instead of living on without one.
    wait_until(lambda: not pid_alive(ana_pid), "ana's app to end after its terminal closed")
    if isinstance(store, Path):
        assert flows.integrity(store) == "ok"
    mark = flows.exported_marks(ana_iso, corpus)[flows.story_id(DREDGING)]
    assert mark["flagged"] is True and mark["flagged_by"] == "ana"
    assert "ana" in mark["reviewed_by"]


def test_a_database_restart_mid_session_is_survived_by_both_apps(
    tmp_path: Path, exe: str, corpus: Path
) -> None:
    """PostgreSQL restarted under two open apps: the next mark reconnects, and the other app
    hears of it again (its listening connection comes back too)."""
    server = cluster()
    store = server.new_database()
    with two_reviewers(tmp_path, exe, corpus, store) as (_, ana, bob):
        ana.keys("f")
        bob.wait_for("⚑ flagged by ana", what="ana's flag before the restart")
        server.restart()
        ana.keys("r")
        ana.wait_for("✓ reviewed by you", what="ana's review saved after the restart")
        bob.wait_for("✓ reviewed by ana", what="ana's review arriving after the restart")
        bob.keys("r")
        ana.wait_for(re.compile(r"✓ reviewed by (you, bob|bob, you)"), what="bob's review")
        assert ana.exit_status() is None and bob.exit_status() is None
