"""Handing the article to other programs: $PAGER, $EDITOR, a pipe (|), the clipboard (Y).

Here the app runs headless, where it cannot give the terminal away: the programs run without
one, and a stub script records what it was given. The tmux tests (tests/e2e) check the real
suspend and resume of the terminal.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from test_app import OKAFOR_ID, open_okafor
from test_app_support import CORPUS, AppFactory, settle
from textual.widgets import Input

from tui.app.external import PipeDialog

pytest_plugins = ["test_app_support"]  # the shared fixtures: make_app, built_index


def stub(tmp_path: Path) -> tuple[Path, Path]:
    """A program that records its arguments and its input."""
    record = tmp_path / "record.txt"
    script = tmp_path / "stub-pager"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\ncat >> "{record}"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script, record


@pytest.mark.parametrize(("variable", "key"), [("PAGER", "P"), ("EDITOR", "E")])
async def test_pager_and_editor_get_the_article_file(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variable: str, key: str
) -> None:
    script, record = stub(tmp_path)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv(variable, f"{script} --flag")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert app.is_running and app.focused is app.reader
    lines = record.read_text().splitlines()
    assert lines[:2] == ["--flag", str(CORPUS / OKAFOR_ID)]


async def test_pipe_sends_the_clean_article_to_a_command(
    make_app: AppFactory, tmp_path: Path
) -> None:
    script, record = stub(tmp_path)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        article = app.reader.article
        assert article is not None
        await pilot.press("vertical_line")
        assert isinstance(app.screen, PipeDialog)
        app.screen.query_one(Input).value = f"{script} piped"
        await pilot.press("enter")
        await settle(pilot)
    lines = record.read_text().splitlines()
    assert lines[0] == "piped"
    assert lines[1] == article.title
    assert article.text.splitlines()[0] in lines
    assert "\x1b" not in record.read_text()


async def test_a_command_that_fails_is_reported(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        await pilot.press("vertical_line")
        app.screen.query_one(Input).value = "exit 3"
        await pilot.press("enter")
        await settle(pilot)
        assert any("status 3" in n.message for n in app._notifications)


async def test_shift_y_copies_the_whole_article(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        article = app.reader.article
        assert article is not None
        await pilot.press("Y")
        assert app.clipboard.startswith(article.title or "")
        assert article.text.strip() in app.clipboard


async def test_nothing_open_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:  # one pane: nothing previewed
        await settle(pilot)
        assert app.reader.article is None
        await pilot.press("P")
        assert any("Open an article first" in n.message for n in app._notifications)
