"""The list and the reader at scale, and highlights that survive without colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_support import (
    AppFactory,
    settle,
    wait_for,
)
from textual.app import App, ComposeResult

from tui.app.article_list import ROW_HEIGHT, ArticleList
from tui.app.document import LABEL_STYLES
from tui.app.reader import Reader
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
    CSS_PATH = str(Path(__file__).resolve().parents[1] / "tui" / "app" / "broadsheet.tcss")

    def __init__(self) -> None:
        super().__init__()
        self.wanted: list[int] = []

    def compose(self) -> ComposeResult:
        yield ArticleList(page_size=PAGE, id="results")

    def on_mount(self) -> None:
        results = self.query_one(ArticleList)
        results.show_results(page_of(1), TOTAL, generation=1)
        results.focus()

    def on_article_list_page_wanted(self, message: ArticleList.PageWanted) -> None:
        self.wanted.append(message.page)
        self.query_one(ArticleList).add_page(message.page, page_of(message.page), 1)


async def test_hundred_thousand_rows_render_only_what_is_on_screen() -> None:
    app = ListApp()
    async with app.run_test(size=(80, 24)) as pilot:
        results = app.query_one(ArticleList)
        assert results.virtual_size.height == TOTAL * ROW_HEIGHT
        await pilot.press("G")
        await wait_for(pilot, lambda: app.wanted)
        assert results.cursor == TOTAL - 1
        assert app.wanted == [TOTAL // PAGE]  # only the last page was fetched
        await pilot.pause()
        assert results.current_hit is not None
        assert results.current_hit.title == f"Article {TOTAL - 1}"
        # styled lines are cached for the screen only, never for the whole list
        assert len(results._cache) <= results.size.height * 2
        await pilot.press("g", "pagedown", "pagedown", "j")
        assert results.cursor > 10
        assert set(app.wanted) <= {1, 2, TOTAL // PAGE}


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
