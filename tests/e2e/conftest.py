"""Fixtures for the end-to-end suite: the installed command in real terminals and over SSH.

Each test gets its own HOME, data, cache and config folders and its own corpus, a private tmux
server, raw ptys and, for the SSH tests, a private sshd on loopback. Everything started here is
stopped here, by process id.

`BROADSHEET_E2E=0` skips the suite explicitly (a machine without tmux or sshd). Otherwise a
missing tool fails the test with a message, because `.ci/run` guarantees the tools.
`BROADSHEET_E2E_TIMEOUT` (seconds, default 30) is the longest any single wait may take.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from e2e_corpus import write_newsroom
from e2e_harness import (
    Isolation,
    PtyApp,
    Sshd,
    Tmux,
    broadsheet_exe,
    require_tool,
)

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("BROADSHEET_E2E", "").strip().lower() not in ("0", "no", "false", "off"):
        return
    skip = pytest.mark.skip(reason="BROADSHEET_E2E=0: end-to-end suite skipped on request")
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(skip)


@pytest.fixture
def iso(tmp_path: Path) -> Isolation:
    """Private HOME / data / cache / config for this test."""
    return Isolation(tmp_path / "iso")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A small newsroom corpus written by the test (see e2e_corpus.STORIES)."""
    return write_newsroom(tmp_path / "newsroom")


@pytest.fixture
def exe() -> str:
    """Absolute path of the installed `broadsheet` command."""
    return broadsheet_exe()


@pytest.fixture
def tmux(tmp_path: Path, iso: Isolation) -> Iterator[Callable[..., Tmux]]:
    """Start `argv` in a detached tmux session of a given size: `tmux(argv, width, height)`."""
    require_tool("tmux")
    made: list[Tmux] = []

    def start(argv: list[str], width: int = 80, height: int = 24) -> Tmux:
        t = Tmux(tmp_path, iso.env(term="tmux-256color"))
        made.append(t)
        t.start(argv, width, height)
        return t

    yield start
    for t in made:
        t.kill()


@pytest.fixture
def pty_app(iso: Isolation) -> Iterator[Callable[..., PtyApp]]:
    """Run argv on a pty we own: `pty_app(argv, cols=80, rows=24)`; every byte is recorded."""
    made: list[PtyApp] = []

    def start(argv: list[str], cols: int = 80, rows: int = 24, **env: str) -> PtyApp:
        app = PtyApp(argv, iso.env(term="xterm-256color", **env), cols, rows, cwd=iso.root)
        made.append(app)
        return app

    yield start
    for app in made:
        app.close()


@pytest.fixture
def sshd(tmp_path: Path) -> Iterator[Sshd]:
    """A private sshd on 127.0.0.1 (throwaway keys and config), stopped after the test."""
    server = Sshd(tmp_path / "sshd")
    server.start()
    yield server
    server.stop()
