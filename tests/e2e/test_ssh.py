"""The app over a real SSH connection to loopback (`ssh -tt`, the client inside tmux).

The reading flow works the same as in a local terminal; and when the connection is cut in the
middle of a session (the client killed with SIGKILL, as when a laptop lid closes), every review
mark made before is kept and nothing is left running on the server.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import e2e_flows as flows
from e2e_corpus import DREDGING, FORECAST, PARKING, Story
from e2e_harness import (
    Isolation,
    Sshd,
    Tmux,
    broadsheet_exe,
    cmdline,
    pid_alive,
    remote_app_command,
    wait_until,
)


def start_over_ssh(
    sshd: Sshd,
    tmux: Callable[..., Tmux],
    iso: Isolation,
    corpus: Path,
    pidfile: Path,
    size: tuple[int, int] = (80, 24),
) -> Tmux:
    remote = remote_app_command(iso, [broadsheet_exe(), str(corpus)], pidfile)
    return tmux(sshd.ssh_argv(remote), *size)


def remote_pid(pidfile: Path) -> int:
    def probe() -> int | None:
        try:
            text = pidfile.read_text(encoding="ascii").strip()
        except OSError:
            return None
        return int(text) if text.isdigit() else None

    return wait_until(probe, f"the remote app to write its pid to {pidfile}")


def test_reading_flow_over_ssh(
    sshd: Sshd, tmux: Callable[..., Tmux], iso: Isolation, corpus: Path, tmp_path: Path
) -> None:
    t = start_over_ssh(sshd, tmux, iso, corpus, tmp_path / "app.pid")
    flows.wait_ready(t)
    flows.search_open_read_flag(t)
    t.keys("Q")  # from the reader
    assert t.wait_exit() == 0, t.describe()
    marks = flows.exported_marks(iso, corpus)
    assert marks[flows.story_id(DREDGING)]["flagged"] is True, marks


def mark_in_list(
    t: Tmux, story: Story, key: str, *, flagged: bool | None = None, reviewed: bool | None = None
) -> None:
    """Search for the story's own word, press a mark key on its row, wait until it shows."""
    flows.search(t, story.unique)
    t.wait_for(flows.row_showing(story), what=f"{story.title!r} listed")
    t.keys(key)
    t.wait_for(
        flows.row_showing(story, flagged=flagged, reviewed=reviewed),
        what=f"the {key!r} mark on {story.title!r}",
    )


def test_cut_connection_keeps_marks_and_leaves_nothing_running(
    sshd: Sshd, tmux: Callable[..., Tmux], iso: Isolation, corpus: Path, tmp_path: Path
) -> None:
    pidfile = tmp_path / "app.pid"
    t = start_over_ssh(sshd, tmux, iso, corpus, pidfile)
    flows.wait_ready(t)
    app = remote_pid(pidfile)
    assert "broadsheet" in cmdline(app), cmdline(app)
    sessions = wait_until(sshd.session_pids, "the sshd session processes")

    # Marks confirmed on screen before the cut.
    mark_in_list(t, PARKING, "f", flagged=True)
    mark_in_list(t, PARKING, "r", flagged=True, reviewed=True)
    mark_in_list(t, FORECAST, "r", reviewed=True)

    # The cut: the ssh client dies at once, without a goodbye to the server.
    client = t.app_pid()
    assert "ssh" in cmdline(client), cmdline(client)
    os.kill(client, signal.SIGKILL)
    cut = time.monotonic()

    wait_until(
        lambda: not pid_alive(app),
        f"the remote app (pid {app}) to exit after the connection was cut",
        describe=lambda: f"still running: {cmdline(app)}",
    )
    wait_until(
        lambda: not any(pid_alive(p) for p in sessions),
        f"the sshd session processes {sessions} to exit",
        describe=lambda: "\n".join(f"{p}: {cmdline(p)}" for p in sessions if pid_alive(p)),
    )
    left = [p for p in sshd.session_pids() if pid_alive(p)]
    assert not left, [f"{p}: {cmdline(p)}" for p in left]
    print(f"remote app {app} and sessions {sessions} gone {time.monotonic() - cut:.2f}s after cut")

    db = flows.review_db(iso)
    assert flows.integrity(db) == "ok"
    marks = flows.exported_marks(iso, corpus)
    parking = marks[flows.story_id(PARKING)]
    forecast = marks[flows.story_id(FORECAST)]
    assert parking["flagged"] is True and parking["reviewed"] is True, parking
    assert forecast["reviewed"] is True and forecast["flagged"] is False, forecast
    assert parking["title"] == PARKING.title
