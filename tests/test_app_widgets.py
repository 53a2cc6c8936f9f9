"""The list and the reader at scale, and highlights that survive without colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text
from test_app_support import (
    AppFactory,
    settle,
    widget_text,
)
from textual.app import App, ComposeResult
from textual.strip import Strip

from tui.app.article_list import ROW_HEIGHT, ArticleList
from tui.app.document import LABEL_STYLES
from tui.app.reader import Reader
from tui.app.text import day, day_and_time, fit_pieces, text_strip
from tui.model import LABELS, Annotations, Article, Entity, Quote
from tui.search.api import Hit

pytest_plugins = ["test_app_support"]  # the shared fixtures: make_app, built_index

PAGE = 50
TOTAL = 100_000


def page_of(page: int) -> list[Hit]:
    first = (page - 1) * PAGE
    return [
        Hit(id=f"a{i}.txt", path=f"a{i}.txt", title=f"Article {i}", date="2024-01-01")
        for i in range(first, min(first + PAGE, TOTAL))
    ]


class ListApp(App[None]):
    """An article list over 100,000 made-up rows; pages are served when asked for, at once, or
    (with `serve=False`) only when the test hands them over with `serve_waiting`."""

    CSS_PATH = str(Path(__file__).resolve().parents[1] / "tui" / "app" / "broadsheet.tcss")

    def __init__(self, serve: bool = True, max_pages: int = 40) -> None:
        super().__init__()
        self.serve = serve
        self.max_pages = max_pages
        self.wanted: list[int] = []
        self.waiting: list[int] = []

    def compose(self) -> ComposeResult:
        yield ArticleList(page_size=PAGE, max_pages=self.max_pages, id="results")

    def on_mount(self) -> None:
        results = self.query_one(ArticleList)
        results.focus()
        results.show_results(page_of(1), TOTAL, generation=1)

    def on_article_list_page_wanted(self, message: ArticleList.PageWanted) -> None:
        self.wanted.append(message.page)
        if self.serve:
            self.query_one(ArticleList).add_page(message.page, page_of(message.page), 1)
        else:
            self.waiting.append(message.page)

    def serve_waiting(self) -> None:
        results = self.query_one(ArticleList)
        for page in self.waiting:
            results.add_page(page, page_of(page), 1)
        self.waiting.clear()


def rows_on_screen(results: ArticleList) -> range:
    top = results.scroll_offset.y // ROW_HEIGHT
    return range(top, min(results.total, top + results.size.height // ROW_HEIGHT + 1))


def page_of_row(row: int) -> int:
    return row // PAGE + 1


async def test_hundred_thousand_rows_render_only_what_is_on_screen() -> None:
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        results = app.query_one(ArticleList)
        assert results.virtual_size.height == TOTAL * ROW_HEIGHT
        await pilot.press("G")
        await pilot.pause()
        assert results.cursor == TOTAL - 1
        assert results.current_hit is not None
        assert results.current_hit.title == f"Article {TOTAL - 1}"
        # styled lines are cached for the screen only, never for the whole list
        assert len(results._cache) <= results.size.height * 2
        await pilot.press("g", "pagedown", "pagedown", "j")
        assert results.cursor > 10
        # only pages near where the list has been were fetched, never the whole list
        assert len(set(app.wanted)) <= 8
        assert len(app.wanted) == len(set(app.wanted))  # and each once


async def test_pages_are_fetched_before_the_keys_reach_them() -> None:
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        results = app.query_one(ArticleList)
        await pilot.pause()
        assert TOTAL // PAGE in app.wanted  # the last page, for End, before any key
        for key in ["pagedown"] * 12 + ["pageup"] * 4 + ["G"] + ["pageup"] * 6 + ["g"]:
            asked_before = {1, *app.wanted}  # the first page comes with the results
            await pilot.press(key)
            # every row the key brought on screen was on a page asked for before the key
            pages = {page_of_row(row) for row in rows_on_screen(results)}
            assert pages <= asked_before, (key, results.cursor, pages - asked_before)
            await pilot.pause()


async def test_a_page_still_loading_shows_placeholders_then_its_rows() -> None:
    app = ListApp(serve=False)
    async with app.run_test(size=(80, 24)) as pilot:
        results = app.query_one(ArticleList)
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        assert results.cursor == TOTAL - 1
        assert results.current_hit is None
        assert "Article" not in widget_text(results)
        assert "…" in widget_text(results)
        drawn = results.lines_drawn
        app.serve_waiting()
        await pilot.pause()
        # the page arrived: the lines on screen were repainted once, nothing more
        assert 0 < results.lines_drawn - drawn <= results.scrollable_content_region.height
        assert results.current_hit is not None
        assert f"Article {TOTAL - 1}" in widget_text(results)


async def test_loaded_pages_are_bounded_and_come_back_when_needed() -> None:
    app = ListApp(max_pages=6)
    async with app.run_test(size=(80, 24)) as pilot:
        results = app.query_one(ArticleList)
        await pilot.pause()
        for _ in range(40):
            await pilot.press("pagedown")
            await pilot.pause()
            assert len(results._pages) <= 6
        far = results.cursor
        await pilot.press("g")
        await pilot.pause()
        assert results.current_hit is not None and results.current_hit.title == "Article 0"
        for _ in range(far // results._rows_per_page()):
            await pilot.press("pagedown")
        await pilot.pause()
        assert results.cursor == far
        assert results.current_hit is not None and results.current_hit.title == f"Article {far}"
        assert app.wanted.count(page_of_row(far)) == 2  # dropped, then fetched again


def hits(*names: str) -> list[Hit]:
    return [Hit(id=f"{n}.txt", path=f"{n}.txt", title=n, date="2024-01-01") for n in names]


async def test_an_untouched_cursor_stays_on_the_first_row_while_the_index_grows() -> None:
    """During a first build each commit refreshes the list, newest first: newer articles come
    in above the first one shown. A cursor nobody moved stays at the top (it used to follow
    that article down the list); once moved, it stays on its article."""
    app = ListApp()
    async with app.run_test(size=(80, 30)) as pilot:
        results = app.query_one(ArticleList)
        results.show_results(hits("c", "d"), 2, generation=2)
        results.show_results(hits("a", "b", "c", "d"), 4, generation=3, keep_cursor=True)
        await pilot.pause()
        assert results.cursor == 0 and results.current_hit is not None
        assert results.current_hit.id == "a.txt"
        await pilot.press("j")  # on b now: the user's choice
        results.show_results(hits("n", "a", "b", "c", "d"), 5, generation=4, keep_cursor=True)
        await pilot.pause()
        assert results.current_hit is not None and results.current_hit.id == "b.txt"
        results.show_results(hits("x", "y"), 2, generation=5)  # a new search: top, untouched
        results.show_results(hits("w", "x", "y"), 3, generation=6, keep_cursor=True)
        await pilot.pause()
        assert results.cursor == 0


class ReaderApp(App[None]):
    CSS_PATH = ListApp.CSS_PATH

    def compose(self) -> ComposeResult:
        yield Reader(id="reader")


async def test_fifty_page_article_draws_a_screen_at_a_time() -> None:
    paragraph = "Okafor told the summit that the port would grow. " * 8
    text = "\n\n".join(paragraph for _ in range(1_500))  # ~600k characters, ~50 pages
    entities = []
    for start in range(0, len(text), 400):
        at = text.index("Okafor", start)
        entities.append(
            Entity(start=at, end=at + 6, label="PERSON", text="Okafor", canonical="Okafor")
        )
    app = ReaderApp()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.query_one(Reader)
        reader.show(
            Article(id="long", path="long.txt", title="Long", text=text),
            Annotations(entities=entities),
            [],
        )
        await pilot.pause()
        assert reader.wrapped is not None and len(reader.wrapped) > 8_000
        reader.focus()
        await pilot.press("G")
        await pilot.pause()
        assert reader.scroll_offset.y > 8_000
        # lines are styled as they come on screen (and while scrolling past), never all at once
        assert reader._cache.misses < len(reader.wrapped) // 4
        assert len(reader._cache) <= reader._cache.maxsize


async def test_highlights_differ_by_text_style_without_colour(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.no_color
        reader = app.reader

        def attrs(name: str) -> tuple[bool, bool, bool, bool]:
            style = reader.style_for(name)
            return (
                bool(style.bold),
                bool(style.italic),
                bool(style.underline),
                bool(style.reverse),
            )

        label_attrs = [attrs(LABEL_STYLES[label]) for label in LABELS]
        assert len(set(label_attrs)) == len(LABELS), label_attrs
        assert all(any(a) for a in label_attrs)
        assert attrs("reader--hit")[3]  # hits in reverse video
        assert attrs("reader--hit-current") != attrs("reader--hit")
        assert attrs("reader--speaker") != (False, False, False, False)


async def test_reader_keeps_its_place_when_the_terminal_is_resized() -> None:
    text = "\n\n".join(f"Paragraph {n}: " + "words and more words " * 12 for n in range(200))
    app = ReaderApp()
    async with app.run_test(size=(120, 30)) as pilot:
        reader = app.query_one(Reader)
        reader.show(Article(id="r", path="r.txt", title="Resize", text=text), Annotations(), [])
        reader.focus()
        await pilot.pause()
        for _ in range(30):
            await pilot.press("space")
        assert reader.wrapped is not None
        top = reader.wrapped.lines[reader.scroll_offset.y]
        paragraph = reader.doc.blocks[top.block].text.split(":")[0] if reader.doc else ""
        await pilot.resize_terminal(70, 30)
        await pilot.pause()
        now = reader.wrapped.lines[reader.scroll_offset.y]
        assert reader.doc is not None
        assert reader.doc.blocks[now.block].text.split(":")[0] == paragraph


async def test_gutter_mark_style_stays_in_the_gutter() -> None:
    text = 'Intro. "Quoted words here," she said plainly.'
    start, end = text.index('"'), text.index(",") + 2
    quote = Quote(start=start, end=end, text=text[start:end], kind="direct", speaker="Jo Bloggs")
    app = ReaderApp()
    async with app.run_test(size=(100, 20)) as pilot:
        reader = app.query_one(Reader)
        reader.show(
            Article(id="q", path="q.txt", title="Q", text=text), Annotations(quotes=[quote]), []
        )
        reader.jump_to_quote(0)
        await pilot.pause()
        assert reader.wrapped is not None and reader.doc is not None
        body = reader.wrapped.line_of(len(reader.doc.blocks) - 1, 0)
        strip = reader.render_line(body - reader.scroll_offset.y)
        segments = {seg.text.strip(): seg.style for seg in strip if seg.text.strip()}
        assert segments["┃"] is not None and segments["┃"].bold
        plain = next(style for text_, style in segments.items() if "plainly" in text_)
        assert plain is not None and not plain.bold


@pytest.mark.parametrize("width", [1, 2, 5, 9, 10, 11, 12, 20, 40])
def test_row_lines_cut_and_pad_like_rich_text(width: int) -> None:
    """`fit_pieces` (the list's fast path) gives the cells and styles Rich's own truncation
    with an ellipsis would. With wide characters the text is the same; the "…" keeps the style
    of the piece it cuts (Rich may give it the next piece's, counting characters, not cells)."""
    fill = Style(italic=True)
    bold, dim = fill + Style(bold=True), fill + Style(dim=True)  # as the list lays them
    for pieces in (
        [("▌", fill), ("abcd", bold), ("", dim), ("efgh", dim)],
        [("東京の記者", bold), (" · ", dim), ("報道", bold)],
        [("x" * 9, bold), ("y", dim)],
        [("x" * 10, bold)],
        [("é̃ combining", dim)],
    ):
        text = Text(no_wrap=True, end="", style=fill)
        for piece, style in pieces:
            text.append(piece, style)
        text.truncate(width, overflow="ellipsis")
        expected = text_strip(text, Console(), width, fill)
        got = fit_pieces(pieces, width, fill)
        assert got.cell_length == width
        assert got.text == expected.text, (pieces, width)
        if all(cell_len(piece) == len(piece) for piece, _ in pieces):
            assert cells(got) == cells(expected), (pieces, width)


def cells(strip: Strip) -> list[tuple[str, Style | None]]:
    """(character, style) for each character, the styles as they would be drawn."""
    out = []
    for segment in strip:
        for char in segment.text:
            out.append((char, segment.style))
    return [(char, Style.combine([style]) if style else None) for char, style in out]


async def test_a_short_article_after_a_long_one_wraps_to_the_full_width() -> None:
    long_text = "\n\n".join(f"Paragraph {n}: " + "words and more words " * 6 for n in range(80))
    short = "A short line of text that should use every column it has left."
    app = ReaderApp()
    async with app.run_test(size=(60, 20)) as pilot:
        reader = app.query_one(Reader)
        reader.show(Article(id="l", path="l.txt", title="Long", text=long_text), Annotations(), [])
        await pilot.pause()
        assert reader.wrapped is not None
        with_scrollbar = reader.wrapped.width
        reader.show(Article(id="s", path="s.txt", title="Short", text=short), Annotations(), [])
        await pilot.pause()
        await pilot.pause()
        # the scrollbar went with the long article: the text takes its columns back
        assert reader.wrapped is not None
        assert reader.wrapped.width == reader._text_width() > with_scrollbar


@pytest.mark.parametrize(
    ("raw", "listed", "read"),
    [
        ("2026-03-18T18:25:00", "2026-03-18", "2026-03-18 18:25"),
        ("2026-03-18T18:25:00+13:00", "2026-03-18", "2026-03-18 18:25 +13:00"),
        ("2026-03-18T18:25Z", "2026-03-18", "2026-03-18 18:25 UTC"),
        ("2025-10-08", "2025-10-08", "2025-10-08"),
        ("Spring 2020", "Spring 2020", "Spring 2020"),
        ("2026-03-18T18:25\x1b]0;owned\x07", "2026-03-18T18:25", "2026-03-18T18:25"),
    ],
)
def test_dates_shown_short_in_the_list_and_to_the_minute_in_the_reader(
    raw: str, listed: str, read: str
) -> None:
    assert day(raw) == listed
    assert day_and_time(raw) == read


async def test_status_line_says_when_files_are_read_and_the_index_is_being_written() -> None:
    from tui.app.status_line import StatusLine

    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield StatusLine()

    app = Host()
    async with app.run_test(size=(100, 3)) as pilot:
        status = app.query_one(StatusLine)
        status.indexing(40, 95)
        await pilot.pause()
        assert "Indexing 40/95" in str(status.query_one("#index-status").render())
        status.indexing(95, 95)
        await pilot.pause()
        shown = str(status.query_one("#index-status").render())
        assert "Writing the index (95 files read)" in shown
        status.indexed(120, "95 files added")
        await pilot.pause()
        assert str(status.query_one("#index-status").render()) == "120 articles · 95 files added"
