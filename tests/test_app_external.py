"""Handing the article to other programs: $PAGER, $EDITOR, a pipe (|), the clipboard (Y).

Here the app runs headless, where it cannot give the terminal away: the programs run without
one, and a stub script records what it was given. The tmux tests (tests/e2e) check the real
suspend and resume of the terminal.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from test_app import OKAFOR_ID, open_okafor, search
from test_app_support import CORPUS, AppFactory, settle, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from tui.app.app import BroadsheetApp
from tui.app.document import link_target
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


FESTIVAL_ID = "culture/kestrel-bay-film-festival-opens.md"
FESTIVAL_URL = "https://www.kbgazette.example/arts/2025/08/01/salt-ledger-opens-festival"


async def open_festival(pilot: Pilot[object]) -> BroadsheetApp:
    """Open the article whose front matter gives a web address."""
    app = await search(pilot, "salt ledger festival")
    await pilot.press("enter")
    ids = [hit.id for hit in app.results_list.loaded_hits]
    for _ in range(ids.index(FESTIVAL_ID)):
        await pilot.press("j")
    await pilot.press("enter")
    await wait_for(
        pilot, lambda: app.reader.article is not None and app.reader.article.id == FESTIVAL_ID
    )
    await settle(pilot)
    return app


def no_desktop(monkeypatch: pytest.MonkeyPatch) -> None:
    """As over SSH: no graphical session for a desktop browser to open in."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)


async def test_without_a_desktop_the_address_goes_to_the_terminal_browser(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over SSH `O` hands the address to `$BROWSER` (w3m, lynx…), as a pager is handed a file."""
    script, record = stub(tmp_path)
    no_desktop(monkeypatch)
    monkeypatch.setenv("BROWSER", f"{script} --dump %s:/usr/bin/never-tried")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_festival(pilot)
        await pilot.press("O")
        await settle(pilot)
        assert app.is_running and app.focused is app.reader
    assert record.read_text().splitlines()[:2] == ["--dump", FESTIVAL_URL]


async def test_with_no_browser_at_all_the_user_is_told_what_to_do(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_desktop(monkeypatch)
    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no w3m, lynx or links here
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_festival(pilot)
        await pilot.press("O")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("No browser on this machine" in m and "ctrl+click" in m for m in messages)


async def test_the_address_under_the_title_is_a_terminal_hyperlink(make_app: AppFactory) -> None:
    """The reader's header carries the address as a link (OSC 8): a terminal on the user's side
    opens it on ctrl+click, even when the app runs on a server without a browser."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_festival(pilot)
        reader = app.reader
        lines = [reader.render_line(y) for y in range(8)]
        linked = [
            segment
            for strip in lines
            for segment in strip
            if segment.style is not None and segment.style.link
        ]
        assert linked, "no hyperlink in the reader's header"
        assert {segment.style.link for segment in linked if segment.style} == {FESTIVAL_URL}
        assert FESTIVAL_URL in "".join(segment.text for segment in linked)


async def test_an_article_without_an_address_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)  # a .txt without a web address
        await pilot.press("O")
        assert any("no web address" in n.message for n in app._notifications)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
        ("  http://example.org/x  ", "http://example.org/x"),
        ("https://example.org/caf\u00e9 menu", "https://example.org/caf%C3%A9%20menu"),
        ("https://example.org/\x1b]8;;evil\x07", "https://example.org/%1B]8;;evil%07"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("", None),
        (None, None),
        ("https://example.org/" + "a" * 5000, None),
    ],
)
def test_only_web_addresses_become_links_and_never_carry_control_bytes(
    url: str | None, expected: str | None
) -> None:
    assert link_target(url) == expected
