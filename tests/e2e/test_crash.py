"""kill -9 at the worst moments: while review marks are being written, and while indexing.

A mark the screen has confirmed must survive the process being killed straight after, the review
database must pass SQLite's integrity check every time, and an index left half-written by a kill
must be brought back to complete and correct by the next `broadsheet index`.
"""

from __future__ import annotations

import json
import os
import re
import signal
import time
from collections.abc import Callable
from pathlib import Path

import e2e_flows as flows
from e2e_corpus import COMMON, STORIES, generated_unique, write_generated
from e2e_harness import (
    TIMEOUT,
    Isolation,
    PtyApp,
    Tmux,
    broadsheet_exe,
    run_cli,
    wait_until,
)

ROUNDS = 20
GENERATED = 2000

Field = tuple[str, str]  # (article id, "flagged" | "reviewed")


def test_kill_9_right_after_marking_20_times(
    tmux: Callable[..., Tmux], exe: str, corpus: Path, iso: Isolation
) -> None:
    # (The first start indexes the corpus; the later ones find the index up to date.)
    # What the screen confirmed, per article and mark; None when a write was cut off unconfirmed.
    confirmed: dict[Field, bool | None] = {}
    kills = 0
    checked = 0
    landed = 0  # unconfirmed writes in flight at the kill that made it to the file
    for n in range(ROUNDS):
        story = STORIES[n % len(STORIES)]
        key, field = ("f", "flagged") if (n // len(STORIES)) % 2 == 0 else ("r", "reviewed")
        other_key, other = ("r", "reviewed") if key == "f" else ("f", "flagged")
        sid = flows.story_id(story)

        t = tmux([exe, str(corpus)], 80, 24)
        flows.wait_ready(t)
        flows.search(t, story.unique)
        shown = flows.row_marks(t.wait_for(flows.row_showing(story)), story)
        assert shown is not None
        # After a restart the screen shows what was stored; it must agree with what was confirmed.
        for f, value in (("flagged", shown.flagged), ("reviewed", shown.reviewed)):
            if confirmed.get((sid, f)) is not None:
                assert confirmed[(sid, f)] == value, f"round {n}: {sid} {f} lost after kill -9"
            confirmed[(sid, f)] = value

        # One mark, confirmed on screen...
        want = not getattr(shown, field)
        t.keys(key)
        t.wait_for(
            flows.row_showing(story, **{field: want}),
            what=f"round {n}: the {field} mark on {story.title!r}",
        )
        confirmed[(sid, field)] = want
        # ...then another in flight, and the kill lands while it is being written.
        t.keys(other_key)
        os.kill(t.app_pid(), signal.SIGKILL)
        kills += 1
        confirmed[(sid, other)] = None
        assert t.wait_exit() == 128 + signal.SIGKILL, t.describe()
        t.kill()

        db = flows.review_db(iso)
        assert flows.integrity(db) == "ok", f"round {n}: review database damaged"
        stored = flows.stored_marks(db)
        for (aid, f), value in confirmed.items():
            if value is None:
                continue
            checked += 1
            got = bool(stored.get(aid, {}).get(f, False))
            assert got == value, f"round {n}: {aid} {f} is {got}, the screen confirmed {value}"
        # The write cut off by the kill either landed or not; from now on the file says which.
        before = shown.reviewed if other == "reviewed" else shown.flagged
        after = bool(stored.get(sid, {}).get(other, False))
        landed += after != before
        confirmed[(sid, other)] = after

    assert kills == ROUNDS
    assert checked >= ROUNDS
    print(f"{kills} kills, {checked} confirmed marks checked, {landed} in-flight writes landed")
    # The command-line view of the same store agrees once the dust settles.
    exported = flows.exported_marks(iso, corpus)
    for (aid, f), value in confirmed.items():
        if value:
            assert exported[aid][f] is True, (aid, f, exported.get(aid))


def _index_progress(app: PtyApp) -> int:
    """Articles done so far, from the progress the index command draws on its terminal."""
    import re

    found = re.findall(r"(\d[\d,]*)\s*/\s*" + f"{GENERATED:,}".replace(",", ",?"), app.text())
    return max((int(x.replace(",", "")) for x in found), default=0)


def _kill_index_midway(iso: Isolation, corpus: Path, at_least: int) -> int:
    """Start `broadsheet index` on a terminal, kill -9 once it reports `at_least` articles done.

    Returns how far it had got. Fails if it finished first (then the corpus is too small to
    prove anything about a kill mid-index).
    """
    app = PtyApp([broadsheet_exe(), "index", str(corpus)], iso.env(), 100, 30, cwd=iso.root)
    try:
        started = time.monotonic()

        def progressed() -> int | None:
            done = _index_progress(app)
            if done >= at_least:
                return done
            assert app.alive(), (
                f"`broadsheet index` ended (status {app.proc.returncode}) before reaching "
                f"{at_least} articles; output:\n{app.text()[-2000:]}"
            )
            return None

        done = wait_until(
            progressed, f"index progress to reach {at_least}", TIMEOUT * 4, app.describe
        )
        app.kill(signal.SIGKILL)
        assert app.wait_exit() == -signal.SIGKILL
        assert time.monotonic() - started > 0
        return done
    finally:
        app.close()


def search_json(
    iso: Isolation, corpus: Path, query: str, limit: int, *extra: str
) -> list[dict[str, object]]:
    out = run_cli(
        iso, "search", str(corpus), query, "--json", "--limit", str(limit), *extra, check=True
    )
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines() if line.strip()]


def test_kill_9_during_index_then_index_again(iso: Isolation, tmp_path: Path) -> None:
    corpus = write_generated(tmp_path / "big", GENERATED)

    first = _kill_index_midway(iso, corpus, at_least=GENERATED // 2)
    assert first > 0
    # What the killed first build committed is searchable already...
    partial = search_json(iso, corpus, COMMON, GENERATED * 2, "--no-update")
    assert 0 < len(partial) < GENERATED, f"{len(partial)} articles searchable after the kill"

    # ...and the next run carries on from there instead of starting from zero.
    done = run_cli(iso, "index", str(corpus), timeout=TIMEOUT * 10)
    report = (done.stdout + done.stderr).decode("utf-8", "replace")
    assert done.returncode == 0, report
    assert "Traceback" not in report, report
    summary = " ".join(report.split()[-40:])
    assert "resumed an interrupted first build" in summary, summary
    added = int(re.search(r"([\d,]+) added", summary).group(1).replace(",", ""))  # type: ignore[union-attr]
    unchanged = int(re.search(r"([\d,]+) unchanged", summary).group(1).replace(",", ""))  # type: ignore[union-attr]
    # Nothing read twice, nothing lost. (A kill between a Whoosh commit and the manifest rows
    # it covers leaves a segment searchable whose files the manifest does not list yet: those
    # are taken out and read again, so `unchanged` may be below what was searchable.)
    assert unchanged <= len(partial) and added + unchanged == GENERATED, summary
    assert f"{GENERATED} articles in the index" in summary, summary
    print(f"index killed at {first}/{GENERATED} ({len(partial)} committed); next run: {summary}")

    # Every article is there exactly once: the common word finds all of them...
    hits = search_json(iso, corpus, COMMON, limit=GENERATED * 2)
    ids = [h["id"] for h in hits]
    assert len(ids) == GENERATED, f"{len(ids)} hits for {COMMON}, want {GENERATED}"
    assert len(set(ids)) == GENERATED, "an article is indexed twice"

    # ...and each unique word finds its own article, first and last alike.
    for n in (0, GENERATED // 2, GENERATED - 1):
        found = search_json(iso, corpus, generated_unique(n), limit=5)
        assert [h["path"] for h in found] == [f"batch{n // 250:02d}/article-{n:05d}.txt"], (
            n,
            found,
        )

    # A second update after the recovery finds nothing to do.
    again = run_cli(iso, "index", str(corpus), check=True)
    assert again.returncode == 0
