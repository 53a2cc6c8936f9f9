"""Drivers for the end-to-end suite: a real terminal (tmux), a raw pty, and a private sshd.

Nothing here installs anything. The tools the suite drives (tmux, ssh, sshd, ssh-keygen) are
guaranteed by `.ci/run`; when one is missing the test fails and says which and how to get it.
`BROADSHEET_E2E=0` is the explicit way to skip the whole suite on a machine without them.

Every wait polls with a generous deadline (the CI machine is small and shared) and returns as
soon as the condition holds, so a healthy run is fast. A timeout fails with what was on screen.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import os
import re
import shlex
import shutil
import signal
import socket
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")

TIMEOUT = float(os.environ.get("BROADSHEET_E2E_TIMEOUT", "30"))
"""Seconds any single wait may take before the test fails (override for very slow machines)."""

POLL = 0.05

HOW_TO_GET_TOOLS = (
    "`.ci/run` installs it; on Debian: apt-get install -y tmux openssh-server openssh-client. "
    "Set BROADSHEET_E2E=0 to skip the end-to-end suite explicitly."
)


# -- tools ------------------------------------------------------------------------------------


def require_tool(name: str, *candidates: str) -> str:
    """Absolute path of a tool the suite drives, or a failed test saying how to get it."""
    found = shutil.which(name)
    if found:
        return found
    for candidate in candidates:
        if os.access(candidate, os.X_OK):
            return candidate
    pytest.fail(f"end-to-end tests need `{name}`, which is not installed. {HOW_TO_GET_TOOLS}")


def broadsheet_exe() -> str:
    """The installed `broadsheet` command of the interpreter running the tests (the venv's)."""
    beside = Path(sys.executable).parent / "broadsheet"
    if os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("broadsheet")
    if found:
        return str(Path(found).resolve())
    pytest.fail(
        "the `broadsheet` command is not installed next to this Python "
        f"({sys.executable}); run `pip install -e .` in the venv first"
    )


# -- isolation --------------------------------------------------------------------------------


@dataclass
class Isolation:
    """A private HOME, data, cache and config, so a run never reads or writes the user's own."""

    root: Path

    def __post_init__(self) -> None:
        for d in (self.home, self.data_dir, self.cache_dir, self.config.parent):
            d.mkdir(parents=True, exist_ok=True)
        if not self.config.exists():
            self.config.write_text("# broadsheet e2e: defaults\n", encoding="utf-8")

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def cache_dir(self) -> Path:
        return self.root / "cache"

    @property
    def config(self) -> Path:
        return self.root / "config" / "config.toml"

    def vars(self) -> dict[str, str]:
        """Only the variables that isolate a run (also passed through SSH in the command)."""
        return {
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "BROADSHEET_DATA_DIR": str(self.data_dir),
            "BROADSHEET_CACHE_DIR": str(self.cache_dir),
            "BROADSHEET_CONFIG": str(self.config),
        }

    def env(self, term: str = "xterm-256color", **extra: str) -> dict[str, str]:
        """A full environment for a child process: ours, minus terminal/tmux leftovers."""
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("BROADSHEET_", "TMUX", "XDG_", "COLUMNS", "LINES"))
            and k not in ("NO_COLOR", "FORCE_COLOR", "TEXTUAL", "COLORTERM")
        }
        env.update(self.vars())
        env["TERM"] = term
        env["LANG"] = env.get("LANG") or "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.update(extra)
        return env

    def review_dbs(self) -> list[Path]:
        return sorted((self.data_dir / "reviews").glob("*.sqlite"))


def run_cli(
    iso: Isolation, *args: str, timeout: float = 120, check: bool = False
) -> subprocess.CompletedProcess[bytes]:
    """`broadsheet ARGS` as a script runs it: no terminal, output captured as bytes."""
    out = subprocess.run(
        [broadsheet_exe(), *args],
        env=iso.env(term="dumb"),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,
        cwd=iso.root,
    )
    if check and out.returncode != 0:
        pytest.fail(
            f"broadsheet {' '.join(args)} exited {out.returncode}:\n"
            + out.stderr.decode("utf-8", "replace")[-3000:]
        )
    return out


# -- waiting ----------------------------------------------------------------------------------


def wait_until(
    probe: Callable[[], T | None],
    what: str,
    timeout: float = TIMEOUT,
    describe: Callable[[], str] | None = None,
) -> T:
    """Call `probe` until it returns something truthy; fail after `timeout` with a description."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            detail = describe() if describe else ""
            pytest.fail(f"timed out after {timeout:.0f}s waiting for {what}\n{detail}")
        time.sleep(POLL)


def matches(pattern: str | re.Pattern[str], text: str) -> bool:
    if isinstance(pattern, re.Pattern):
        return pattern.search(text) is not None
    return pattern in text


# -- processes --------------------------------------------------------------------------------


def pid_alive(pid: int) -> bool:
    """True while `pid` exists and is not a zombie."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            stat = fh.read()
    except OSError:
        return False
    state = stat.rsplit(")", 1)[-1].split()[0]
    return state not in ("Z", "X")


def children_of(pid: int) -> list[int]:
    """Direct children of a process, from /proc."""
    kids: list[int] = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 1 and fields[1] == str(pid):
            kids.append(int(entry))
    return kids


def descendants_of(pid: int) -> list[int]:
    out: list[int] = []
    todo = [pid]
    while todo:
        for kid in children_of(todo.pop()):
            out.append(kid)
            todo.append(kid)
    return out


def cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\x00", b" ").decode("utf-8", "replace").strip()
    except OSError:
        return ""


def kill_quietly(pid: int, sig: int = signal.SIGKILL) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, sig)


# -- a real terminal: tmux --------------------------------------------------------------------

_counter = itertools.count()

_SGR = re.compile(r"\x1b\[([0-9;:]*)m")
_OTHER_ESC = re.compile(
    r"\x1b(?:\][^\x07\x1b]*(?:\x07|\x1b\\)|\[[0-9;:?]*[A-Za-z]|[()][0-9A-Za-z]|.)"
)


@dataclass
class Cell:
    char: str
    style: tuple[str, ...]


def parse_styled(screen: str) -> list[list[Cell]]:
    """`capture-pane -e` output as rows of cells, each with the SGR state it was drawn in.

    The style is the list of SGR parameters in force (reset by 0); it is enough to tell a
    highlighted run from plain text without knowing which colour the theme picked.
    """
    rows: list[list[Cell]] = []
    style: list[str] = []
    for line in screen.split("\n"):
        row: list[Cell] = []
        pos = 0
        while pos < len(line):
            m = _SGR.match(line, pos)
            if m:
                params = m.group(1).split(";") if m.group(1) else ["0"]
                for p in _group_sgr(params):
                    if p in ("0", "00", ""):
                        style = []
                        continue
                    slot = _sgr_slot(p)
                    style = [s for s in style if _sgr_slot(s) != slot]
                    if p not in _SGR_OFF:
                        style.append(p)
                pos = m.end()
                continue
            m = _OTHER_ESC.match(line, pos)
            if m:
                pos = m.end()
                continue
            row.append(Cell(line[pos], tuple(sorted(style))))
            pos += 1
        rows.append(row)
    return rows


def _group_sgr(params: list[str]) -> list[str]:
    """Keep extended colours (38;5;N, 38;2;R;G;B, and the 48/58 forms) as one parameter."""
    out: list[str] = []
    i = 0
    while i < len(params):
        p = params[i]
        if p in ("38", "48", "58") and i + 1 < len(params):
            n = 3 if params[i + 1] == "5" else 5 if params[i + 1] == "2" else 1
            out.append(";".join(params[i : i + n]))
            i += n
            continue
        out.append(p)
        i += 1
    return out


_SGR_OFF = {"22", "23", "24", "25", "27", "28", "29", "39", "49", "59"}


def _sgr_slot(p: str) -> str:
    """Which attribute an SGR parameter sets, so a later one replaces it."""
    head = p.split(";", 1)[0].split(":", 1)[0]
    number = int(head) if head.isdigit() else -1
    if head in ("38", "39") or 30 <= number <= 37 or 90 <= number <= 97:
        return "fg"
    if head in ("48", "49") or 40 <= number <= 47 or 100 <= number <= 107:
        return "bg"
    if head in ("1", "2", "22"):
        return "intensity"
    off = {"23": "3", "24": "4", "25": "5", "27": "7", "28": "8", "29": "9", "59": "58"}
    return off.get(head, head)


def styles_of(rows: list[list[Cell]], text: str) -> list[set[tuple[str, ...]]]:
    """For every place `text` is drawn on screen, the set of styles its cells carry."""
    found: list[set[tuple[str, ...]]] = []
    for row in rows:
        line = "".join(c.char for c in row)
        start = line.find(text)
        while start != -1:
            found.append({c.style for c in row[start : start + len(text)]})
            start = line.find(text, start + 1)
    return found


class Tmux:
    """One detached tmux server on a private socket, one session, one pane running a command.

    The pane runs `sh -c 'CMD; echo $? > status'`: the command is the shell's foreground child
    on the pane's terminal (so `app_pid` is the command itself, for kill -9), and the exit status
    is read from a file because tmux's own `pane_dead_status` is sometimes left empty.
    """

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.exe = require_tool("tmux")
        self.socket = f"bs-e2e-{os.getpid()}-{next(_counter)}"
        self.root = root
        self.env = {k: v for k, v in env.items() if not k.startswith("TMUX")}
        self.conf = root / f"{self.socket}.conf"
        self.status_file = root / f"{self.socket}.status"
        self.conf.write_text(
            "set -g status off\n"  # the whole window is the app's: 80x24 means 80x24
            "set -g remain-on-exit on\n"  # a crashed app leaves its last words on screen
            "set -g default-terminal tmux-256color\n"
            "set -g history-limit 2000\n"
            "set -g escape-time 10\n",
            encoding="utf-8",
        )
        self.session = "e2e"
        self.started = False
        self._app_pid: int | None = None

    def tmux(self, *args: str, check: bool = True) -> str:
        out = subprocess.run(
            [self.exe, "-L", self.socket, "-f", str(self.conf), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            errors="replace",
        )
        if check and out.returncode != 0:
            pytest.fail(f"tmux {' '.join(args)} failed: {out.stderr.strip()}")
        return out.stdout

    def start(self, argv: Sequence[str], width: int = 80, height: int = 24) -> None:
        """Run argv (no shell parsing) in a new detached session of that size."""
        self.status_file.unlink(missing_ok=True)
        self._app_pid = None
        wrapper = f'"$@"; echo $? > {shlex.quote(str(self.status_file))}'
        self.tmux(
            "new-session",
            "-d",
            "-s",
            self.session,
            "-x",
            str(width),
            "-y",
            str(height),
            "/bin/sh",
            "-c",
            wrapper,
            "sh",
            *argv,
        )
        self.started = True
        size = self.tmux(
            "display-message", "-p", "-t", self.session, "#{pane_width}x#{pane_height}"
        )
        assert size.strip() == f"{width}x{height}", f"tmux pane is {size.strip()}"

    def app_pid(self) -> int:
        """The pid of the command (the pane shell's child) while it runs."""
        if self._app_pid is None:
            shell = int(self.tmux("display-message", "-p", "-t", self.session, "#{pane_pid}"))

            def probe() -> int | None:
                kids = children_of(shell)
                return kids[0] if kids else None

            self._app_pid = wait_until(probe, "the command to start", describe=self.describe)
        return self._app_pid

    # keys
    def keys(self, *keys: str) -> None:
        """tmux key names: 'Enter', 'Escape', 'Down', 'PageDown', '/', 'n', 'C-c'..."""
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        """Literal text, as if typed."""
        self.tmux("send-keys", "-t", self.session, "-l", text)

    # screen
    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session, check=False)

    def history(self) -> str:
        """Screen plus scrollback (tmux scrolls a dead pane to print its notice)."""
        return self.tmux("capture-pane", "-p", "-S", "-", "-t", self.session, check=False)

    def styled(self) -> str:
        return self.tmux("capture-pane", "-p", "-e", "-t", self.session, check=False)

    def cells(self) -> list[list[Cell]]:
        return parse_styled(self.styled())

    def exit_status(self) -> int | None:
        """The command's exit status once it has ended, else None."""
        try:
            text = self.status_file.read_text(encoding="ascii").strip()
        except OSError:
            return None
        return int(text) if text.lstrip("-").isdigit() else None

    def dead(self) -> bool:
        if self.exit_status() is not None:
            return True
        out = self.tmux("display-message", "-p", "-t", self.session, "#{pane_dead}", check=False)
        return out.strip() != "0"

    def describe(self) -> str:
        status = self.exit_status()
        state = "[running]" if status is None else f"[exited, status {status}]"
        screen = self.history() if status is not None else self.screen()
        return f"{state} screen:\n{screen.rstrip()}"

    def wait_for(
        self,
        pattern: str | re.Pattern[str],
        timeout: float = TIMEOUT,
        what: str | None = None,
    ) -> str:
        """The screen once it shows `pattern`; fails at once if the command exits first."""

        def probe() -> str | None:
            screen = self.screen()
            if matches(pattern, screen):
                return screen
            if self.dead():
                history = self.history()
                if matches(pattern, history):
                    return history
                pytest.fail(
                    f"the command exited (status {self.exit_status()}) before showing "
                    f"{what or pattern!r}:\n{history.rstrip()}"
                )
            return None

        return wait_until(probe, what or repr(pattern), timeout, self.describe)

    def wait_gone(self, pattern: str | re.Pattern[str], timeout: float = TIMEOUT) -> str:
        def probe() -> str | None:
            screen = self.screen()
            return None if matches(pattern, screen) else (screen or " ")

        return wait_until(probe, f"{pattern!r} to leave the screen", timeout, self.describe)

    def wait_change(self, before: str, timeout: float = TIMEOUT) -> str:
        def probe() -> str | None:
            screen = self.screen()
            return screen if screen != before else None

        return wait_until(probe, "the screen to change", timeout, self.describe)

    def wait_stable(self, quiet: float = 0.4, timeout: float = TIMEOUT) -> str:
        """The screen once it has not changed for `quiet` seconds."""
        last = self.screen()
        since = time.monotonic()
        deadline = since + timeout
        while time.monotonic() < deadline:
            time.sleep(POLL)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return now
        return last

    def wait_exit(self, timeout: float = TIMEOUT) -> int:
        """The command's exit status, once it has exited (128+N when killed by signal N)."""
        return (
            wait_until(
                lambda: (self.exit_status(),) if self.exit_status() is not None else None,
                "the command to exit",
                timeout,
                self.describe,
            )[0]
            or 0
        )

    def kill(self) -> None:
        if self.started:
            self.tmux("kill-server", check=False)
            self.started = False


# -- a raw terminal: a pty we own -------------------------------------------------------------


def _make_controlling_tty() -> None:  # runs in the child between fork and exec
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def set_winsize(fd: int, cols: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


_ANY_ESC = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    rb"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS / SOS / PM / APC
    rb"|\x1b[ -/]*[0-~]"  # other ESC sequences
)


def strip_escapes(raw: bytes) -> str:
    """What a person could read in raw terminal output: escape sequences removed."""
    return _ANY_ESC.sub(b"", raw).decode("utf-8", "replace")


class PtyApp:
    """A command on a pty we own: every byte it writes to the terminal is kept, in order."""

    def __init__(
        self,
        argv: Sequence[str],
        env: dict[str, str],
        cols: int = 80,
        rows: int = 24,
        cwd: Path | None = None,
    ) -> None:
        self.argv = list(argv)
        master, slave = os.openpty()
        set_winsize(slave, cols, rows)
        attrs = termios.tcgetattr(slave)
        attrs[3] |= termios.ECHO | termios.ICANON | termios.ISIG  # a normal cooked tty
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        self.master = master
        self.proc = subprocess.Popen(
            self.argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=cwd,
            close_fds=True,
            preexec_fn=_make_controlling_tty,  # the app's session leader owns this tty
        )
        os.close(slave)
        self.pid = self.proc.pid
        self._buf = bytearray()
        self._lock = threading.Lock()
        self._eof = threading.Event()
        self._last_output = time.monotonic()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            with self._lock:
                self._buf += chunk
                self._last_output = time.monotonic()
        self._eof.set()

    # output
    @property
    def output(self) -> bytes:
        with self._lock:
            return bytes(self._buf)

    def offset(self) -> int:
        with self._lock:
            return len(self._buf)

    def since(self, offset: int) -> bytes:
        with self._lock:
            return bytes(self._buf[offset:])

    def text(self, offset: int = 0) -> str:
        return strip_escapes(self.since(offset))

    def describe(self) -> str:
        tail = self.output[-1500:]
        state = "running" if self.proc.poll() is None else f"exited {self.proc.returncode}"
        return f"[{state}] last output (escapes removed):\n{strip_escapes(tail)}"

    def wait_for(
        self,
        pattern: str | re.Pattern[str],
        offset: int = 0,
        timeout: float = TIMEOUT,
        what: str | None = None,
    ) -> str:
        """Readable output since `offset` once it contains `pattern`; fails if the app exits."""

        def probe() -> str | None:
            text = self.text(offset)
            if matches(pattern, text):
                return text
            if self._eof.is_set() or self.proc.poll() is not None:
                time.sleep(0.2)
                text = self.text(offset)
                if matches(pattern, text):
                    return text
                pytest.fail(
                    f"the app exited ({self.proc.poll()}) before showing {what or pattern!r}\n"
                    + self.describe()
                )
            return None

        return wait_until(probe, what or repr(pattern), timeout, self.describe)

    def wait_quiet(self, quiet: float = 0.3, timeout: float = TIMEOUT) -> bytes:
        """Wait until the app has written nothing for `quiet` seconds; returns all output."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                idle = time.monotonic() - self._last_output
            if idle >= quiet:
                break
            time.sleep(min(POLL, quiet / 4))
        return self.output

    def wait_output_after(self, offset: int, timeout: float = TIMEOUT) -> bytes:
        """Fail unless the app writes something after `offset` (it is alive and drawing)."""

        def probe() -> bytes | None:
            got = self.since(offset)
            return got or None

        return wait_until(probe, "the app to redraw", timeout, self.describe)

    # input
    def send(self, data: str | bytes) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        os.write(self.master, raw)

    def keys(self, *keys: str, gap: float = 0.05) -> None:
        for key in keys:
            self.send(KEYS.get(key, key))
            time.sleep(gap)

    # lifetime
    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self, sig: int = signal.SIGKILL) -> None:
        kill_quietly(self.pid, sig)

    def wait_exit(self, timeout: float = TIMEOUT) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the app did not exit within {timeout:.0f}s\n{self.describe()}")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.kill(signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(10)
        with contextlib.suppress(OSError):
            os.close(self.master)
        self._reader.join(timeout=5)


KEYS: dict[str, str] = {
    "Enter": "\r",
    "Escape": "\x1b",
    "Tab": "\t",
    "Up": "\x1b[A",
    "Down": "\x1b[B",
    "Right": "\x1b[C",
    "Left": "\x1b[D",
    "PageDown": "\x1b[6~",
    "PageUp": "\x1b[5~",
    "Home": "\x1b[H",
    "End": "\x1b[F",
    "BSpace": "\x7f",
    "C-u": "\x15",
}
"""tmux key names as the bytes an xterm sends, so pty and tmux tests read the same."""


# -- a real SSH server on loopback ------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Sshd:
    """A private sshd on 127.0.0.1 with throwaway keys and config; the machine's is untouched."""

    root: Path
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    seen_children: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.sshd = require_tool("sshd", "/usr/sbin/sshd")
        self.ssh = require_tool("ssh")
        self.keygen = require_tool("ssh-keygen")
        self.root.mkdir(parents=True, exist_ok=True)
        self.host_key = self.root / "host_ed25519"
        self.user_key = self.root / "user_ed25519"
        self.authorized = self.root / "authorized_keys"
        self.config = self.root / "sshd_config"
        self.pidfile = self.root / "sshd.pid"
        self.log = self.root / "sshd.log"
        import pwd

        self.user = pwd.getpwuid(os.getuid()).pw_name

    def start(self) -> None:
        if os.geteuid() == 0 and not Path("/run/sshd").is_dir():
            pytest.fail(
                "sshd (as root) needs its privilege separation directory /run/sshd, which the "
                "ssh service creates at boot and a container does not: `mkdir -p -m 0755 "
                "/run/sshd` (`.ci/run` should do it). " + HOW_TO_GET_TOOLS
            )
        for key in (self.host_key, self.user_key):
            if not key.exists():
                subprocess.run(
                    [
                        self.keygen,
                        "-q",
                        "-t",
                        "ed25519",
                        "-N",
                        "",
                        "-C",
                        "broadsheet-e2e",
                        "-f",
                        str(key),
                    ],
                    check=True,
                    capture_output=True,
                    timeout=TIMEOUT,
                )
        self.authorized.write_bytes(self.user_key.with_suffix(".pub").read_bytes())
        self.authorized.chmod(0o600)
        for attempt in range(5):
            self.port = free_port()
            self.config.write_text(
                "\n".join(
                    [
                        "ListenAddress 127.0.0.1",
                        f"Port {self.port}",
                        f"HostKey {self.host_key}",
                        f"AuthorizedKeysFile {self.authorized}",
                        f"PidFile {self.pidfile}",
                        "PubkeyAuthentication yes",
                        "PasswordAuthentication no",
                        "KbdInteractiveAuthentication no",
                        "UsePAM no",
                        "StrictModes no",
                        "PermitRootLogin prohibit-password",
                        f"AllowUsers {self.user}",
                        "PrintMotd no",
                        "PrintLastLog no",
                        "UseDNS no",
                        "Compression no",
                        "ClientAliveInterval 0",
                        "LogLevel VERBOSE",
                        "",
                    ]
                ),
                encoding="utf-8",
            )
            log = self.log.open("ab")
            self.proc = subprocess.Popen(
                [self.sshd, "-D", "-e", "-f", str(self.config)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
            log.close()
            if self._listening():
                return
            self.stop()
            if attempt == 4:
                break
        pytest.fail(f"the private sshd did not start:\n{self.log_text()}")

    def _listening(self) -> bool:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                return False
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                s.settimeout(1)
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return True
            time.sleep(POLL)
        return False

    def log_text(self) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]
        except OSError:
            return ""

    def ssh_argv(self, remote: Sequence[str] | str, tty: bool = True) -> list[str]:
        """An ssh client command running `remote` (argv, quoted for the remote shell)."""
        command = remote if isinstance(remote, str) else shlex.join(remote)
        return [
            self.ssh,
            *(["-tt"] if tty else ["-T"]),
            "-F",
            "/dev/null",
            "-i",
            str(self.user_key),
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
            "-o",
            "Compression=no",
            "-o",
            "ConnectTimeout=20",
            "-p",
            str(self.port),
            f"{self.user}@127.0.0.1",
            command,
        ]

    def session_pids(self) -> list[int]:
        """Per-connection sshd processes (and anything they started) alive right now."""
        if self.proc is None:
            return []
        found = descendants_of(self.proc.pid)
        self.seen_children.update(found)
        return found

    def stop(self) -> None:
        if self.proc is None:
            return
        self.session_pids()
        kill_quietly(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            kill_quietly(self.proc.pid)
            self.proc.wait(10)
        # Sessions outlive the listener; end the ones this fixture's server started.
        for pid in self.seen_children:
            if pid_alive(pid):
                kill_quietly(pid)
        self.proc = None


def remote_app_command(
    iso: Isolation, argv: Sequence[str], pidfile: Path, extra: Iterable[tuple[str, str]] = ()
) -> str:
    """A remote shell command: record the app's pid, then become the app with the test's env."""
    env = [f"{k}={v}" for k, v in [*iso.vars().items(), ("LC_ALL", "C.UTF-8"), *extra]]
    return (
        f"echo $$ > {shlex.quote(str(pidfile))} && exec env {shlex.join(env)} "
        f"{shlex.join(list(argv))}"
    )
