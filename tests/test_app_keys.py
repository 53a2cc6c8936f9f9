"""Keys that terminal users already know (less, mutt, tig, lazygit), driven as a user would.

`q` backs out one level and quits from the list, `J`/`K` step articles from the reader, `>`/`<`
find the next article not yet reviewed, ctrl+f (or `/` while reading) finds in the article,
paging keys move by half and whole screens, sorting keeps the cursor on its article, and the
footer shows whole keys only.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from rich.console import Console
from test_app import open_okafor, search
from test_app_support import AppFactory, settle, wait_for
from textual.pilot import Pilot
from textual.widgets import Static

from tui.app.app import BroadsheetApp
from tui.app.dialogs import ExportDialog
from tui.app.footer import KeyFooter
from tui.app.help_screen import HelpScreen
from tui.app.query_help import QUERY_TERMS

pytest_plugins = ["test_app_support"]  # the shared fixtures: make_app, built_index


def subtitle(app: BroadsheetApp) -> str:
    return str(app.reader.border_subtitle or "")


async def open_first(pilot: Pilot[Any]) -> BroadsheetApp:
    app = pilot.app
    assert isinstance(app, BroadsheetApp)
    await settle(pilot)
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.reader.article is not None)
    await settle(pilot)
    return app


# -- q levels -------------------------------------------------------------------------------


async def test_q_backs_out_of_the_reader_and_quits_from_the_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        assert app.focused is app.reader
        await pilot.press("tab")  # into the side panel
        assert app.focused is not None and app._is_within(app.focused, ("side-panel",))
        await pilot.press("q")  # side panel -> reader
        assert app.focused is app.reader
        await pilot.press("q")  # reader -> list
        assert app.focused is app.results_list
        assert app.is_running
        await pilot.press("q")  # list -> quit
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_q_in_the_narrow_reader_shows_the_list_again(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app = await open_okafor(pilot)
        assert not app.results_list.region.width
        await pilot.press("q")
        await pilot.pause()
        assert app.focused is app.results_list
        assert app.results_list.region.width > 60
        assert app.is_running


async def test_shift_q_quits_from_the_reader_and_ctrl_c_from_the_search_bar(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        await pilot.press("Q")
        await pilot.pause()
        assert not app.is_running
    second = make_app()
    async with second.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q")  # a q typed in the search bar is a letter
        assert second.search_bar.value == "q" and second.is_running
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not second.is_running


# -- J/K, next unreviewed -------------------------------------------------------------------


async def test_shift_j_and_k_step_articles_from_the_reader_keeping_hits(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app = await search(pilot, "harbour")
        await pilot.press("enter", "enter")  # to the list, open the first
        await wait_for(pilot, lambda: app.reader.article is not None)
        await settle(pilot)
        ids = [hit.id for hit in app.results_list.loaded_hits]
        assert app.reader.article is not None and app.reader.article.id == ids[0]
        await pilot.press("J")
        await wait_for(
            pilot, lambda: app.reader.article is not None and app.reader.article.id == ids[1]
        )
        await settle(pilot)
        assert app.focused is app.reader  # still reading, not back on the list
        assert app.reader.hit_count > 0 and subtitle(app).startswith("hit 1/")
        await pilot.press("J", "K")
        await wait_for(
            pilot, lambda: app.reader.article is not None and app.reader.article.id == ids[1]
        )
        await settle(pilot)
        assert app.results_list.cursor == 1
        await pilot.press("K", "K")  # past the first: stays, says so
        await settle(pilot)
        assert app.reader.article is not None and app.reader.article.id == ids[0]


async def test_next_unreviewed_skips_reviewed_articles(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        ids = [hit.id for hit in app.results_list.loaded_hits]
        await pilot.press("j", "r", "j", "r", "k", "k")  # rows 1 and 2 reviewed; back on 0
        assert app.results_list.cursor == 0
        await pilot.press("greater_than_sign")
        assert app.results_list.cursor == 3
        await pilot.press("less_than_sign")
        assert app.results_list.cursor == 0
        assert app.store is not None
        assert app.store.get(ids[1]).reviewed and app.store.get(ids[2]).reviewed
        # from the reader, the next unreviewed article opens there
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.reader.article is not None)
        await settle(pilot)
        await pilot.press("greater_than_sign")
        await wait_for(
            pilot, lambda: app.reader.article is not None and app.reader.article.id == ids[3]
        )
        assert app.focused is app.reader


# -- counts, sorting, paging ----------------------------------------------------------------


async def test_counts_show_position_of_total_from_the_moment_an_article_opens(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        reader = app.reader
        assert reader.hit_count and reader.quote_count
        assert subtitle(app) == f"hit 1/{reader.hit_count} · quote 1/{reader.quote_count}"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert f"quote 2/{reader.quote_count}" in subtitle(app)


async def test_sorting_keeps_the_cursor_on_its_article(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await search(pilot, "port")
        await pilot.press("enter")
        for _ in range(5):
            await pilot.press("j")
        hit = app.results_list.current_hit
        assert hit is not None
        await pilot.press("s")
        await wait_for(pilot, lambda: app.sort == "date")
        await settle(pilot)
        after = app.results_list.current_hit
        assert after is not None and after.id == hit.id
        order = [h.id for h in app.results_list.loaded_hits]
        assert order.index(hit.id) == app.results_list.cursor


async def test_paging_keys_in_the_list_and_the_reader(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        results = app.results_list
        rows = results.scrollable_content_region.height // 2
        await pilot.press("ctrl+d")
        assert results.cursor == rows // 2
        await pilot.press("ctrl+u")
        assert results.cursor == 0
        await pilot.press("ctrl+f")
        assert results.cursor == rows
        await pilot.press("b")
        assert results.cursor == 0
        await pilot.press("G")
        assert results.cursor == results.total - 1
        await pilot.press("g", "g")
        assert results.cursor == 0
        app = await open_okafor(pilot)
        reader = app.reader
        assert reader.max_scroll_y > 0
        await pilot.press("ctrl+d")
        half = reader.scroll_offset.y
        assert half == reader.scrollable_content_region.height // 2
        await pilot.press("ctrl+u")
        assert reader.scroll_offset.y == 0
        await pilot.press("space")  # as less: space and b page the article
        assert reader.scroll_offset.y > half
        await pilot.press("b")
        assert reader.scroll_offset.y == 0
        await pilot.press("G")
        assert reader.scroll_offset.y == reader.max_scroll_y
        await pilot.press("g", "g")
        assert reader.scroll_offset.y == 0


# -- footer ---------------------------------------------------------------------------------


async def test_footer_never_cuts_a_key_at_80_or_100_columns(make_app: AppFactory) -> None:
    for width in (80, 100):
        app = make_app()
        async with app.run_test(size=(width, 24)) as pilot:
            await settle(pilot)
            for step in ("list", "reader"):
                if step == "reader":
                    app = await open_okafor(pilot)
                await pilot.pause(0.1)
                footer = app.query_one(KeyFooter)
                keys = [key for key in footer.query("FooterKey") if key.display]
                palette = [key for key in keys if key.has_class("-command-palette")]
                edge = palette[0].region.x if palette else footer.region.right
                shown = [key for key in keys if key not in palette]
                assert shown, f"no keys at {width} ({step})"
                for key in shown:
                    assert key.region.right <= edge, (width, step, key.render())
                    # drawn whole: its label is all there
                    assert str(key.render()).strip().endswith(key.description)
                assert footer.hidden_keys > 0 or width > 80


# -- find in the article --------------------------------------------------------------------


async def test_find_in_the_article_then_back_to_the_search_hits(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        reader = app.reader
        corpus_hits = reader.hit_count
        assert app.reader.article is not None
        text = app.reader.article.text.casefold()
        await pilot.press("ctrl+f", *"port", "enter")
        assert app.focused is reader
        assert reader.finding == "port"
        assert reader.hit_count == text.count("port") != corpus_hits
        assert subtitle(app).startswith(f"find 'port' 1/{text.count('port')}")
        await pilot.press("n")
        assert subtitle(app).startswith(f"find 'port' 2/{text.count('port')}")
        assert app.search_bar.value == "okafor"  # the corpus search is as it was
        await pilot.press("escape")  # back to the corpus search's hits, still reading
        assert reader.finding is None and reader.hit_count == corpus_hits
        assert app.focused is reader
        assert subtitle(app).startswith(f"hit 1/{corpus_hits}")
        # `/` while reading finds too (as less); Esc in the field cancels it
        await pilot.press("slash", *"tariff", "escape")
        assert reader.finding is None and app.focused is reader
        await pilot.press("slash", *"zzqx", "enter")
        assert reader.finding == "zzqx" and reader.hit_count == 0
        await pilot.press("q")  # q: out of the find first
        assert reader.finding is None and app.focused is reader


# -- help, marks in queries, empty folder, export -------------------------------------------


async def test_help_shows_the_query_language_with_an_example_each(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#query-help", Static).content
        console = Console(width=120, record=True, file=io.StringIO())
        console.print(table)
        shown = console.export_text()
        for term in QUERY_TERMS:
            assert term.example in shown
        assert "Q or ctrl+c" in str(app.screen.query_one(".dialog-hint").render())
        terms = {term.term for term in QUERY_TERMS}
        assert {"person:", "speaker:", "quote:", "tag:", "is:", "fuzzy", "prefix"} <= terms
    for term in QUERY_TERMS:  # each example is a query the engine reads
        results = app.engine.search(term.example, limit=5)
        assert results.error is None, term
        if not term.term.startswith(("tag", "is", "has", "reviewed-by")):
            assert results.total > 0, term


async def test_marks_are_query_terms(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        ids = [hit.id for hit in app.results_list.loaded_hits]
        await pilot.press("f", "j", "r", "j", "o", *"call back", "enter")
        await settle(pilot)
        app = await search(pilot, "is:flagged")
        assert app.results is not None
        assert [hit.id for hit in app.results.hits] == [ids[0]]
        await pilot.press("enter")
        app = await search(pilot, "is:reviewed")
        assert app.results is not None and [hit.id for hit in app.results.hits] == [ids[1]]
        await pilot.press("enter")
        app = await search(pilot, "has:note")
        assert app.results is not None and [hit.id for hit in app.results.hits] == [ids[2]]
        await pilot.press("enter")
        app = await search(pilot, "is:unreviewed")
        assert app.results is not None
        assert app.results.total == app.engine.count() - 1
        assert ids[1] not in {hit.id for hit in app.results.hits}
        await pilot.press("enter")
        app = await search(pilot, "okafor OR is:flagged")
        assert app.results is not None and ids[0] in {hit.id for hit in app.results.hits}
        await pilot.press("enter", "slash", *"is:flagd")  # a mistake says what is allowed
        message = app.search_bar.query_one("#search-message", Static)
        await wait_for(pilot, lambda: "is:flagged" in str(message.render()))


async def test_an_empty_folder_says_so(make_app: AppFactory, tmp_path: Path) -> None:
    corpus = tmp_path / "empty"
    corpus.mkdir()
    factory = AppFactory(make_app.root / "empty-app", make_app.root / "empty-index", corpus)
    app = factory()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert app.results_list.empty_message == f"No articles in {corpus}"
            app = await search(pilot, "harbour")
            assert app.results_list.empty_message == f"No articles in {corpus}"
            message = str(app.search_bar.query_one("#search-message").render())
            assert "not built" not in message
    finally:
        factory.close()


async def test_in_app_export_defaults_outside_the_current_folder_and_says_the_full_path(
    make_app: AppFactory, monkeypatch: Any, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    settings = make_app.settings()
    engine_app = make_app()  # for its engine and store
    app = BroadsheetApp(make_app.corpus, engine_app.engine, engine_app.store, settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f", "e")
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.value == str(home / "broadsheet-all.jsonl")
        field = app.screen.query_one("#dialog-input")
        field.value = "mine.jsonl"  # type: ignore[attr-defined]  # a bare name
        await pilot.press("enter")
        target = home / "mine.jsonl"
        await wait_for(pilot, target.exists)
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any(str(target) in m for m in messages), messages
    assert [json.loads(line)["id"] for line in target.read_text().splitlines()] != []
    assert not (tmp_path / "mine.jsonl").exists()
