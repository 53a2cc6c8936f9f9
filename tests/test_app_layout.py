"""The layout at every size: 40x12 (and below), 80x24, 120x40, 250x70."""

from __future__ import annotations

from test_app import open_okafor, search
from test_app_support import AppFactory, settle, wait_for, widget_text

from tui.app.article_list import MIN_SNIPPET

pytest_plugins = ["test_app_support"]  # the shared fixtures: make_app, built_index


async def test_at_40x12_the_panes_keep_room_and_the_legend_steps_aside(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        assert app.results_list.scrollable_content_region.height >= 6  # three rows or more
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.reader.article is not None)
        await settle(pilot)
        assert app.reader.scrollable_content_region.height >= 4
        assert not app.query_one("#legend").region.height  # hidden when short
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.query_one("#legend").region.height == 1
        assert app.reader.scrollable_content_region.height > 10


async def test_the_cursor_stays_on_screen_after_a_resize(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        results = app.results_list
        for _ in range(16):
            await pilot.press("j")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await settle(pilot)
        top = results.scroll_offset.y
        height = results.scrollable_content_region.height
        assert top <= results.cursor * 2 < top + height  # its title line is on screen


async def test_at_120x40_the_second_line_of_a_result_is_readable(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await search(pilot, "okafor")
        lines = widget_text(app.results_list).splitlines()
        second = [line[5:] for line in lines[1::2] if line.strip()]
        assert second
        for line in second:
            # a snippet, when there is one, has room to be read: never a few letters
            snippet = line.split("  ", 1)[-1] if "  " in line else line
            assert len(snippet.strip()) >= MIN_SNIPPET or snippet.strip().startswith("20"), line


async def test_on_a_wide_terminal_the_reader_keeps_a_readable_measure(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(250, 70)) as pilot:
        app = await open_okafor(pilot)
        assert app.reader.scrollable_content_region.width > 120
        longest = max(len(line.rstrip()) for line in widget_text(app.reader).splitlines())
        assert 90 <= longest <= 100 + 2  # the gutter
    narrow = make_app(reader_width=60)
    async with narrow.run_test(size=(250, 70)) as pilot:
        narrow = await open_okafor(pilot)
        longest = max(len(line.rstrip()) for line in widget_text(narrow.reader).splitlines())
        assert longest <= 60 + 2
