"""The machinery itself: a real tmux terminal of the asked size, a raw pty, a loopback sshd.

These run without the app, so when an app test fails the harness is not the suspect.
"""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import e2e_flows as flows
import pytest
from e2e_corpus import PAYLOADS, hostile_escapes_text, terminal_leaks
from e2e_harness import (
    Isolation,
    PtyApp,
    Sshd,
    Tmux,
    parse_styled,
    pid_alive,
    styles_of,
    wait_until,
)

ECHO_SIZE = (
    "import os, sys, shutil\n"
    "size = shutil.get_terminal_size()\n"
    "print(f'SIZE {size.columns}x{size.lines} TERM={os.environ.get(\"TERM\")}', flush=True)\n"
    "print('\\x1b[1;31mRED\\x1b[0m plain', flush=True)\n"
    "line = sys.stdin.readline()\n"
    "print('GOT ' + line.strip(), flush=True)\n"
)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_tmux_gives_the_asked_size_and_styles(
    tmux: Callable[..., Tmux], size: tuple[int, int]
) -> None:
    w, h = size
    t = tmux([sys.executable, "-c", ECHO_SIZE], w, h)
    t.wait_for(f"SIZE {w}x{h} TERM=tmux-256color")
    cells = t.cells()
    red, plain = styles_of(cells, "RED"), styles_of(cells, "plain")
    assert red and plain and red[0] != plain[0], "capture-pane -e should show the SGR styling"
    t.type("hello there")
    t.keys("Enter")
    t.wait_for("GOT hello there")
    assert t.wait_exit() == 0


def test_pty_records_raw_bytes(pty_app: Callable[..., PtyApp]) -> None:
    app = pty_app([sys.executable, "-c", ECHO_SIZE], cols=100, rows=30)
    app.wait_for("SIZE 100x30 TERM=xterm-256color")
    assert b"\x1b[1;31mRED\x1b[0m" in app.output
    app.send("typed\r")
    app.wait_for("GOT typed")
    assert app.wait_exit() == 0


def test_styled_capture_parser_keeps_extended_colours() -> None:
    rows = parse_styled("a\x1b[38;5;199;1mB\x1b[22mC\x1b[0mD")
    styles = [c.style for c in rows[0]]
    assert styles[0] == ()
    assert styles[1] == ("1", "38;5;199")
    assert styles[2] == ("38;5;199",)
    assert styles[3] == ()


def test_ssh_loopback_gives_a_real_tty(
    sshd: Sshd, tmux: Callable[..., Tmux], iso: Isolation, tmp_path: Path
) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import os, sys, shutil\n"
        "s = shutil.get_terminal_size()\n"
        f"ok = os.environ.get('BROADSHEET_DATA_DIR') == {str(iso.data_dir)!r}\n"
        "print('REMOTE', os.isatty(0), s.columns, s.lines, ok, flush=True)\n",
        encoding="utf-8",
    )
    env = " ".join(f"{k}={v}" for k, v in iso.vars().items())
    t = tmux(sshd.ssh_argv(f"env {env} {sys.executable} {probe}"), 80, 24)
    t.wait_for("REMOTE True 80 24 True")
    assert t.wait_exit() == 0


def test_cutting_ssh_ends_the_remote_process(
    sshd: Sshd, tmux: Callable[..., Tmux], tmp_path: Path
) -> None:
    """kill -9 of the ssh client: sshd notices, the remote command gets SIGHUP and is gone."""
    pidfile = tmp_path / "remote.pid"
    t = tmux(sshd.ssh_argv(f"echo $$ > {pidfile}; echo READY; exec sleep 600"), 80, 24)
    t.wait_for("READY")
    remote = int(wait_until(lambda: pidfile.read_text().strip() or None, "the remote pid"))
    sessions = wait_until(sshd.session_pids, "the sshd session process")
    assert pid_alive(remote)
    client = t.app_pid()
    signal_sent = time.monotonic()
    import os

    os.kill(client, signal.SIGKILL)
    wait_until(lambda: not pid_alive(remote), f"remote pid {remote} to exit after the cut")
    wait_until(
        lambda: not any(pid_alive(p) for p in sessions),
        f"sshd session processes {sessions} to exit",
    )
    assert time.monotonic() - signal_sent < 30


def test_leak_detector_finds_every_payload_in_raw_corpus_bytes(tmp_path: Path) -> None:
    """The hostile checks would catch a leak: fed the corpus bytes as is, they find each one."""
    raw = hostile_escapes_text().encode("utf-8")
    found = "\n".join(terminal_leaks(raw))
    for p in PAYLOADS:
        assert p.name in found, f"{p.name} not detected"
    assert "raw 8-bit C1" in "\n".join(terminal_leaks(b"abc \x9b31m x"))
    assert not terminal_leaks("plain text, “quotes”, £48m, ⚑ ✓ ▌ ─".encode())


def test_pane_clipping_and_style_comparison() -> None:
    screen = (
        " dredging query\n"
        "╭─ List ─╮╭─ Reader ──────────────╮\n"
        "│dredging││plain overruling words │\n"
        "│        ││a \x1b[7mdredging\x1b[0m hit here    │\n"
        "╰────────╯╰───────────────────────╯\n"
    )
    reader = flows.pane_of(parse_styled(screen), "overruling")
    assert ["".join(c.char for c in row).strip() for row in reader] == [
        "plain overruling words",
        "a dredging hit here",
    ]
    assert flows.distinct_style(reader, "dredging", "overruling")
    unstyled = flows.pane_of(parse_styled(screen.replace("\x1b[7m", "")), "overruling")
    assert not flows.distinct_style(unstyled, "dredging", "overruling")
