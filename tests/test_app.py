"""The app driven with keys only, as a reader would, on the real engine and a real index."""

from __future__ import annotations

import asyncio
import gc
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from test_app_support import (
    CORPUS,
    AppFactory,
    cursor_to,
    settle,
    wait_for,
    widget_text,
)
from textual.pilot import Pilot
from textual.widgets import Input, Label, OptionList, ProgressBar

from tui.app.app import BroadsheetApp
from tui.app.article_list import ROW_HEIGHT, ArticleList
from tui.app.dialogs import ExportDialog, NoteDialog, ProblemsScreen, TagsDialog
from tui.app.footer import KeyFooter
from tui.app.help_screen import HelpScreen
from tui.app.history import History
from tui.app.idle_gc import NEVER
from tui.app.indexing import READ_AHEAD_FILES
from tui.config import history_file
from tui.search.layout import Layout

pytest_plugins = ["test_app_support"]  # the shared fixtures: make_app, built_index
OKAFOR_ID = "trade/okafor-unveils-export-plan-at-northern-trade-summit.txt"


async def type_query(pilot: Pilot[Any], text: str) -> None:
    await pilot.press("slash", *[_key(ch) for ch in text])


def _key(ch: str) -> str:
    return {" ": "space", '"': "quotation_mark", ":": "colon", "~": "tilde"}.get(ch, ch)


async def search(pilot: Pilot[Any], query: str) -> BroadsheetApp:
    app = pilot.app
    assert isinstance(app, BroadsheetApp)
    await settle(pilot)
    await type_query(pilot, query)
    await wait_for(pilot, lambda: app.results is not None and app.results.query == query)
    await settle(pilot)
    return app


async def open_okafor(pilot: Pilot[Any]) -> BroadsheetApp:
    app = await search(pilot, "okafor")
    await pilot.press("enter")  # to the results
    ids = [hit.id for hit in app.results_list.loaded_hits]
    for _ in range(ids.index(OKAFOR_ID)):
        await pilot.press("j")
    await pilot.press("enter")
    await wait_for(
        pilot, lambda: app.reader.article is not None and app.reader.article.id == OKAFOR_ID
    )
    await settle(pilot)
    return app


# -- opening and searching ------------------------------------------------------------------


async def test_opens_at_once_and_lists_the_corpus(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.results is not None
        assert app.results.total == app.engine.count() > 10
        assert app.focused is app.results_list
        assert "articles" in str(app.status.query_one("#index-status").render())
        assert app.results_list.total == app.results.total


async def test_indexes_a_new_corpus_in_a_worker_with_progress(
    make_app: AppFactory, tmp_path: Path
) -> None:
    corpus = tmp_path / "fresh"
    corpus.mkdir()
    for n in range(12):
        (corpus / f"story-{n:02}.txt").write_text(
            f"Story number {n}\n\nThe harbour board met on Tuesday to discuss berth {n}.\n"
        )
    factory = AppFactory(make_app.root / "fresh-app", make_app.root / "fresh-index", corpus)
    app = factory()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            bar = app.status.query_one(ProgressBar)
            assert bar.total is not None and bar.progress == bar.total
            assert not bar.display
            assert app.results is not None and app.results.total == 12
            assert "12 files added" in str(app.status.query_one("#index-status").render())
    finally:
        factory.close()


async def test_the_list_fills_while_a_first_index_is_built(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """Before the first index is complete the list shows articles read from the corpus, at
    the indexer's pace; they open (unannotated); the engine's list then takes over."""
    corpus = tmp_path / "first-run"
    corpus.mkdir()
    count = READ_AHEAD_FILES + 15
    for n in range(count):
        (corpus / f"story-{n:03}.txt").write_text(
            f"Story number {n:03}\n\nJane Okafor met the harbour board about berth {n}.\n"
        )
    index_dir = make_app.root / "first-index"
    # Another updater holds the index: the app's indexer waits at 0 files done, which holds
    # the list at what may be read ahead of it.
    other = Layout(index_dir).lock
    assert other.acquire(0)
    factory = AppFactory(make_app.root / "first-app", index_dir, corpus, lock_timeout=120)
    app = factory()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            results = app.results_list
            await wait_for(pilot, lambda: results.total >= READ_AHEAD_FILES)
            assert app.indexing and app.engine.count() == 0
            await pilot.pause(0.3)
            assert results.total == READ_AHEAD_FILES  # no further ahead of the indexer
            assert "Story number 000" in widget_text(results)
            status = str(app.status.query_one("#result-status").render())
            assert f"{READ_AHEAD_FILES} articles so far" in status
            await pilot.press("j", "enter")
            await wait_for(pilot, lambda: app.reader.article is not None)
            assert app.reader.article is not None
            assert app.reader.article.id == "story-001.txt"
            assert app.focused is app.reader
            assert not app.reader.annotations.entities  # not annotated before it is indexed
            other.release()  # the app's indexer goes ahead
            await settle(pilot)
            assert not app.indexing
            assert app.results is not None and app.results.total == count
            assert results.total == count
            assert "articles so far" not in str(app.status.query_one("#result-status").render())
            # the reader shows an indexed article now, with its highlights
            assert app.reader.article is not None
            assert app.reader.annotations.entities
    finally:
        other.release()
        factory.close()


def dated_reports(corpus: Path, count: int) -> Path:
    """`count` Markdown reports in file order oldest first, one a month from January 2000."""
    corpus.mkdir()
    for n in range(count):
        (corpus / f"a-{n:03}.md").write_text(
            f"---\ntitle: Report {n:03}\ndate: {2000 + n // 12}-{n % 12 + 1:02}-01\n---\n\n"
            f"The harbour board met about berth {n}.\n"
        )
    return corpus


async def test_after_a_first_index_an_unmoved_cursor_is_on_the_newest_article(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """The list read ahead during a first index is in file order (oldest first here); the
    index's list is newest first. Nobody moved the cursor: it stays at the top, on the newest
    article, instead of following the first file read to wherever it now sorts."""
    count = 50
    corpus = dated_reports(tmp_path / "first-run-dated", count)
    index_dir = make_app.root / "first-index-dated"
    other = Layout(index_dir).lock
    assert other.acquire(0)  # hold the app's indexer until the early list is on screen
    factory = AppFactory(make_app.root / "first-app-dated", index_dir, corpus, lock_timeout=120)
    app = factory()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            results = app.results_list
            await wait_for(pilot, lambda: results.total >= 10)
            current = results.current_hit
            assert current is not None and current.id == "a-000.md"  # the first file read
            other.release()
            await settle(pilot)
            assert app.results is not None and app.results.total == count
            assert results.cursor == 0
            newest = results.current_hit
            assert newest is not None and newest.id == "a-049.md"
            await wait_for(pilot, lambda: app.reader.article is not None)
            await settle(pilot)
            assert app.reader.article is not None and app.reader.article.id == "a-049.md"
    finally:
        other.release()
        factory.close()


async def test_after_a_first_index_a_cursor_moved_back_to_the_top_stays_on_its_article(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """A cursor the user moved during a first index stays on its article when the index's list
    (newest first) replaces the one read ahead (file order), even when it was moved back to
    the first row: the article it is on is the one the reader shows, and the user chose it."""
    count = 30
    corpus = dated_reports(tmp_path / "first-run-moved", count)
    index_dir = make_app.root / "first-index-moved"
    other = Layout(index_dir).lock
    assert other.acquire(0)  # hold the app's indexer until the early list is on screen
    factory = AppFactory(make_app.root / "first-app-moved", index_dir, corpus, lock_timeout=120)
    app = factory()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            results = app.results_list
            await wait_for(pilot, lambda: results.total >= 10)
            results.focus()
            await pilot.press("j", "j", "k", "k")
            await pilot.pause()
            current = results.current_hit
            assert results.cursor == 0 and current is not None and current.id == "a-000.md"
            other.release()
            await settle(pilot)
            await wait_for(pilot, lambda: app.results is not None and app.results.total == count)
            await settle(pilot)
            current = results.current_hit
            assert current is not None and current.id == "a-000.md"
            assert results.cursor == count - 1  # the oldest, last in the index's order
    finally:
        other.release()
        factory.close()


async def test_search_runs_as_you_type_and_enter_moves_to_results(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await search(pilot, "okafor")
        assert isinstance(app.focused, Input)
        assert app.results is not None and 0 < app.results.total < app.engine.count()
        assert OKAFOR_ID in [hit.id for hit in app.results_list.loaded_hits]
        assert any(hit.snippet for hit in app.results_list.loaded_hits)
        await pilot.press("enter")
        assert app.focused is app.results_list
        assert "okafor" in widget_text(app.results_list).lower()


async def test_open_article_shows_title_entities_and_quotes(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        assert app.focused is app.reader
        assert app.reader.article is not None and app.reader.article.id == OKAFOR_ID
        shown = widget_text(app.reader)
        assert "Okafor unveils" in shown
        assert app.reader.quote_count > 0
        entities = app.query_one("#entities", OptionList)
        assert entities.option_count > 1
        quotes = app.query_one("#quotes", OptionList)
        assert quotes.option_count > 1


async def test_invalid_query_shows_a_message_under_the_bar(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await type_query(pilot, 'title:"unclosed')
        message_line = app.search_bar.query_one("#search-message")
        await wait_for(pilot, lambda: message_line.has_class("-error"))
        await settle(pilot)
        assert str(message_line.render()).startswith("✗")
        # the list keeps the last results that worked
        assert app.results is not None and app.results.query != 'title:"unclosed'
        assert app.results_list.total == app.results.total


async def test_did_you_mean_is_one_key_away(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await search(pilot, "okafr")
        assert app.search_bar.suggestion is not None
        suggestion = app.search_bar.suggestion
        await pilot.press("tab")
        assert app.search_bar.value == suggestion
        await wait_for(pilot, lambda: app.results is not None and app.results.query == suggestion)
        assert app.results is not None and app.results.total > 0


async def test_tab_moves_on_when_there_is_no_suggestion(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await search(pilot, "okafor")
        assert app.search_bar.suggestion is None
        await pilot.press("tab")
        assert app.focused is app.results_list


async def test_history_is_recalled_with_up_and_persisted(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await search(pilot, "okafor")
        await pilot.press("enter")
        await pilot.press("slash", "ctrl+u", "p", "o", "r", "t", "enter")
    saved = History(history_file(make_app.settings())).entries
    assert saved[-2:] == ["okafor", "port"]
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "up")
        assert again.search_bar.value == "port"
        await pilot.press("up")
        assert again.search_bar.value == "okafor"
        await pilot.press("down", "down")
        assert again.search_bar.value == ""


# -- reading ----------------------------------------------------------------------------------


async def test_n_and_shift_n_jump_between_hits(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        reader = app.reader
        assert reader.hit_count >= 2
        await pilot.press("n")
        first = reader.current_hit
        await pilot.press("n")
        assert reader.current_hit == (first or 0) + 1
        await pilot.press("N")
        assert reader.current_hit == first
        assert "hit" in (reader.border_subtitle or "")


async def test_brackets_jump_between_quotes_and_copy_quote(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        reader = app.reader
        await pilot.press("right_square_bracket")
        assert reader.current_quote == 0
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert reader.current_quote == 2
        await pilot.press("left_square_bracket")
        assert reader.current_quote == 1
        quote = reader.quote
        assert quote is not None
        await pilot.press("c")
        # The speaker's own words: a quotation split by its attribution is copied without it.
        assert " ".join(quote.spoken().split()) in " ".join(app.clipboard.split())
        if quote.kind == "indirect":  # reported speech: said to be reported, never in marks
            assert app.clipboard.startswith(f"{quote.speaker or 'Unattributed'} (reported): ")
            assert not app.clipboard.startswith(("“", '"'))
        else:
            assert app.clipboard.startswith(("“", '"'))
            if quote.speaker:
                assert app.clipboard.endswith(f"— {quote.speaker}")
        # the side panel follows the reader
        quotes = app.query_one("#quotes", OptionList)
        assert quotes.highlighted_option is not None
        assert quotes.highlighted_option.id == "q1"


async def test_choosing_a_quote_in_the_panel_jumps_the_reader(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        await pilot.press("tab")  # reader -> entities
        await pilot.press("tab")  # entities -> quotes
        quotes = app.query_one("#quotes", OptionList)
        assert app.focused is quotes
        await pilot.press("down", "enter")
        assert app.reader.current_quote is not None
        assert quotes.highlighted_option is not None
        assert quotes.highlighted_option.id == f"q{app.reader.current_quote}"


async def test_footer_keys_follow_the_focus_and_are_rebuilt_only_when_they_change(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        footer = app.query_one(KeyFooter)

        def keys() -> str:  # the keys shown (those of other views are kept, hidden)
            return " ".join(str(key.render()) for key in footer.query("FooterKey") if key.display)

        assert "Next hit" in keys()
        await pilot.press("tab")  # reader -> entities
        await settle(pilot)
        assert "Next hit" not in keys()
        rebuilds, shown = footer.rebuilds, keys()
        await pilot.press("tab")  # entities -> quotes: the same keys apply
        await settle(pilot)
        assert app.focused is app.query_one("#quotes")
        assert footer.rebuilds == rebuilds
        assert keys() == shown
        await pilot.press("escape")  # back to the list: other keys
        await settle(pilot)
        assert app.focused is app.results_list
        assert footer.rebuilds > rebuilds
        assert "Open" in keys()


async def test_choosing_an_entity_searches_for_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        await pilot.press("tab")
        entities = app.query_one("#entities", OptionList)
        assert app.focused is entities
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.query_text.endswith('"'))
        await settle(pilot)
        field = app.query_text.partition(":")[0]
        assert field in {"person", "org", "place"} or app.query_text.startswith('"')
        assert app.focused is app.results_list
        assert app.results is not None and app.results.total >= 1


async def test_label_toggles_and_legend(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        assert app.reader.doc is not None
        styles = {span.style for block in app.reader.doc.blocks for span in block.spans}
        assert "reader--person" in styles
        await pilot.press("1")
        assert "PERSON" in app.reader.hidden_labels
        styles = {span.style for block in app.reader.doc.blocks for span in block.spans}
        assert "reader--person" not in styles
        await pilot.press("1")
        assert "PERSON" not in app.reader.hidden_labels


async def test_copy_path(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        await pilot.press("y")
        assert app.clipboard == str(CORPUS / OKAFOR_ID)


# -- review marks -----------------------------------------------------------------------------


async def test_marks_are_stored_at_once_and_survive_a_restart(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = app.results_list.current_hit
        assert first is not None
        await pilot.press("r", "f")
        assert app.store is not None
        mark = app.store.get(first.id)
        assert mark.reviewed and mark.flagged
        assert "✓⚑" in widget_text(app.results_list)
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.results_list.current_hit is not None
        assert again.results_list.current_hit.id == first.id
        assert "✓⚑" in widget_text(again.results_list)
        await pilot.press("r")
        assert again.store is not None
        assert again.store.get(first.id).reviewed is False


async def test_marks_made_by_another_process_show_while_the_app_is_open(
    make_app: AppFactory,
) -> None:
    """A colleague (or a second terminal) marking the same corpus: the list and the reader
    catch up within a second or two, without a restart."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = app.results_list.current_hit
        assert first is not None and app.store is not None
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.reader.article is not None)
        assert "⚑" not in widget_text(app.results_list)
        script = (
            "import sys\n"
            "from tui.review import ReviewStore\n"
            "with ReviewStore(sys.argv[1]) as s:\n"
            "    s.set_flagged(sys.argv[2])\n"
            "    s.set_tags(sys.argv[2], ['from-elsewhere'])\n"
        )
        subprocess.run(
            [sys.executable, "-c", script, str(app.store.path), first.id], check=True, timeout=60
        )
        await wait_for(pilot, lambda: "⚑" in widget_text(app.results_list), timeout=10)
        await wait_for(pilot, lambda: "#from-elsewhere" in str(app.reader.border_title))
        await pilot.press("r")  # and marking here still works on top of it
        mark = app.store.get(first.id)
        assert mark.reviewed and mark.flagged and mark.tags == ["from-elsewhere"]


async def test_tags_dialog_stores_tags_and_makes_them_searchable(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)
        await pilot.press("t")
        assert isinstance(app.screen, TagsDialog)
        await pilot.press(*"followup", "comma", "space", *"ports", "enter")
        assert app.store is not None
        assert app.store.get(OKAFOR_ID).tags == ["followup", "ports"]
        assert "#followup #ports" in str(app.reader.border_title)
        await settle(pilot)
        await pilot.press("escape")
        await type_query(pilot, "tag:followup")
        await wait_for(pilot, lambda: app.query_text == "tag:followup")
        await settle(pilot)
        assert [hit.id for hit in app.results_list.loaded_hits] == [OKAFOR_ID]


async def test_note_dialog(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        hit = app.results_list.current_hit
        assert hit is not None
        await pilot.press("o")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"check", "space", *"figures", "enter")
        assert app.store is not None
        assert app.store.get(hit.id).note == "check figures"
        assert "✎" in widget_text(app.results_list)
        await pilot.press("o")
        await pilot.press("escape")  # cancel keeps the note
        assert app.store.get(hit.id).note == "check figures"


async def test_export_from_the_app(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        hit = app.results_list.current_hit
        assert hit is not None
        await pilot.press("f", "e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        target = make_app.root / "exports" / "broadsheet-all.jsonl"
        await wait_for(pilot, target.exists)
        await settle(pilot)
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert [r["id"] for r in records] == [hit.id]
    assert records[0]["flagged"] is True
    assert records[0]["title"] == hit.title


# -- sorting, narrowing, palette, help, keymap ----------------------------------------------


async def test_s_toggles_relevance_and_date_order(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await search(pilot, "port")
        await pilot.press("enter", "s")
        await wait_for(pilot, lambda: app.sort == "date")
        await settle(pilot)
        dates = [hit.date for hit in app.results_list.loaded_hits if hit.date]
        assert dates == sorted(dates, reverse=True)
        assert "by date" in str(app.status.query_one("#result-status").render())
        await pilot.press("s")
        await settle(pilot)
        assert app.sort == "relevance"


async def test_narrow_results_by_source_from_the_palette(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await search(pilot, "port")
        await pilot.press("enter")
        assert app.results is not None and app.results.sources
        source = app.results.sources[0]
        await pilot.press("ctrl+p")
        await pilot.press(*"narrow to source", "space")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "source:" in app.query_text)
        await settle(pilot)
        assert app.results is not None
        hits = app.results_list.loaded_hits
        assert hits and all(hit.source == hits[0].source for hit in hits)
        assert app.results.total <= source.count or hits[0].source != source.value


async def test_palette_lists_commands_that_fit(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:  # narrow: no preview in the reader
        await settle(pilot)
        titles = [command.title for command in app.palette_commands()]
        assert "Sort by date" in titles
        assert not any(title.startswith("Hide PERSON") for title in titles)
        await pilot.press("s")
        await settle(pilot)
        app = await open_okafor(pilot)
        titles = [command.title for command in app.palette_commands()]
        assert "Sort by relevance" in titles
        assert "Hide PERSON highlights" in titles
        assert "Copy path" in titles


async def test_help_shows_keys_for_where_you_are(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        descriptions = {row.description for row in app.screen.rows}
        assert {"Open", "Reviewed", "Flag", "Search"} <= descriptions
        assert "Next hit" not in descriptions
        assert app.screen.where == "Result list"
        await pilot.press("escape")
        app = await open_okafor(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        rows = {row.description: row for row in app.screen.rows}
        assert rows["Next hit"].keys == "n"
        assert rows["Next hit"].binding_id == "next-hit"
        assert app.screen.where == "Reader"


async def test_user_keymap_remaps_keys(make_app: AppFactory) -> None:
    app = make_app(keymap={"flag": "x", "next-hit": "ctrl+n"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        hit = app.results_list.current_hit
        assert hit is not None
        assert app.store is not None
        await pilot.press("f")
        assert app.store.get(hit.id).flagged is False
        await pilot.press("x")
        assert app.store.get(hit.id).flagged is True
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {row.binding_id: row for row in app.screen.rows}
        assert rows["flag"].keys == "x"


async def test_unknown_keymap_id_is_reported(make_app: AppFactory) -> None:
    app = make_app(keymap={"no-such-binding": "z"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("no-such-binding" in message for message in messages)


async def test_a_keymap_clash_is_reported_and_the_default_kept(make_app: AppFactory) -> None:
    app = make_app(keymap={"flag": "r"})  # r is already "reviewed"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any("flag = 'r' clashes with reviewed" in m for m in messages), messages
        hit = app.results_list.current_hit
        assert hit is not None and app.store is not None
        await pilot.press("r")
        mark = app.store.get(hit.id)
        assert mark.reviewed and not mark.flagged  # r still means reviewed
        await pilot.press("f")
        assert app.store.get(hit.id).flagged  # and flag kept its own key
        await pilot.press("question_mark")  # the help screen says why f is still f
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        warning = app.screen.query_one(".keymap-warning", Label)
        assert "flag = 'r' clashes with reviewed" in str(warning.render())
        rows = {row.binding_id: row for row in app.screen.rows}
        assert rows["flag"].keys == "f"


def test_keymap_check_keeps_good_remaps_and_drops_unusable_ones() -> None:
    from textual.binding import Binding

    from tui.app.keymap_check import check_keymap

    app_keys = [Binding("r", "a", id="reviewed"), Binding("f", "b", id="flag")]
    reader = [Binding("n", "c", id="next-hit"), Binding("j", "d", id="down")]
    keymap = {"flag": "x", "next-hit": "j", "down": "page down", "reviewed": "ctrl+pgdn,z"}
    kept, warnings = check_keymap(keymap, [reader], app_keys)
    assert kept == {"flag": "x"}
    assert len(warnings) == 3
    assert any("down = 'page down': 'page down' is not a key" in w for w in warnings)
    assert any("reviewed = 'ctrl+pgdn,z': 'ctrl+pgdn' is not a key" in w for w in warnings)
    assert any("next-hit = 'j' clashes with down" in w for w in warnings)


@pytest.mark.parametrize(
    "key", ["x", "?", "question_mark", "slash", "f5", "pagedown", "ctrl+x", "shift+tab", "space"]
)
def test_keys_a_terminal_sends_are_keys(key: str) -> None:
    from tui.app.keymap_check import is_key

    assert is_key(key)


@pytest.mark.parametrize("key", ["pgdown", "ctrl+xyz", "page down", "f99x", "ctrl+"])
def test_typos_are_not_keys(key: str) -> None:
    from tui.app.keymap_check import is_key

    assert not is_key(key)


# -- layout, problems -----------------------------------------------------------------------


async def test_80x24_shows_one_pane_and_panel_behind_a_key(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        assert app.results_list.display and not app.side_panel.display
        app = await open_okafor(pilot)
        assert app.reader.region.width > 60
        assert not app.results_list.region.width
        await pilot.press("p")
        await pilot.pause()
        assert app.side_panel.region.width > 0
        assert app.focused is app.query_one("#entities")
        await pilot.press("p")
        await pilot.pause()
        assert app.side_panel.region.width == 0
        assert app.focused is app.reader
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.results_list
        assert app.results_list.region.width > 60


async def test_resizing_keeps_the_pane_being_read(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app = await open_okafor(pilot)  # wide: list, reader and panel side by side
        assert app.results_list.region.width and app.reader.region.width
        await pilot.resize_terminal(80, 24)  # narrow while reading: the reader stays
        await pilot.pause()
        assert app.reader.region.width > 60 and not app.results_list.region.width
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.results_list.region.width and app.reader.region.width
        await pilot.press("escape")  # back to the list, then narrow: the list shows
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.results_list.region.width > 60 and not app.reader.region.width


async def test_problems_view(make_app: AppFactory, tmp_path: Path) -> None:
    corpus = tmp_path / "messy"
    corpus.mkdir()
    (corpus / "good.txt").write_text("A good title\n\nPlenty of body text here.\n")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (corpus / "broken.jsonl").write_text('{"title": "ok", "text": "fine"}\n{broken\n')
    factory = AppFactory(make_app.root / "messy-app", make_app.root / "messy-index", corpus)
    app = factory()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert len(app.problems) >= 2
            assert "problems (!)" in str(app.status.query_one("#problem-status").render())
            await pilot.press("exclamation_mark")
            assert isinstance(app.screen, ProblemsScreen)
            listed = app.screen.query_one(OptionList)
            assert listed.option_count == len(app.problems)
            await pilot.press("escape")
            assert not isinstance(app.screen, ProblemsScreen)
    finally:
        factory.close()


async def test_a_page_whose_text_may_be_incomplete_says_so_in_the_reader(
    make_app: AppFactory, tmp_path: Path
) -> None:
    corpus = tmp_path / "pages"
    corpus.mkdir()
    fixtures = Path(__file__).parent / "fixtures"
    shutil.copy(fixtures / "html" / "paywall.html", corpus / "paywall.html")
    (corpus / "good.txt").write_text("A good title\n\nPlenty of body text here.\n")
    factory = AppFactory(make_app.root / "pages-app", make_app.root / "pages-index", corpus)
    app = factory()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            paywalled = [p for p in app.problems if p.path == "paywall.html"]
            assert paywalled and paywalled[0].reason.startswith("text may be incomplete")
            await cursor_to(pilot, "paywall.html")
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.reader.article is not None)
            assert app.reader.doc is not None
            meta = [b.text for b in app.reader.doc.blocks if b.kind == "meta"]
            assert any(line.startswith("⚠ text may be incomplete") for line in meta), meta
    finally:
        factory.close()


async def test_corpus_text_is_never_markup(make_app: AppFactory, tmp_path: Path) -> None:
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    (corpus / "markup.txt").write_text(
        "[bold red]Not bold[/] title\n\n"
        "Body with [link=http://x]markup[/link] and \x1b[31mescapes.\n"
    )
    factory = AppFactory(make_app.root / "hostile-app", make_app.root / "hostile-index", corpus)
    app = factory()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert "[bold red]Not bold[/] title" in widget_text(app.results_list)
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.focused is app.reader)
            await settle(pilot)
            shown = widget_text(app.reader)
            assert "[link=http://x]markup[/link]" in shown
            assert "\x1b" not in shown
    finally:
        factory.close()


async def test_wide_screen_previews_the_highlighted_article(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = app.results_list.current_hit
        assert first is not None
        assert app.reader.article is not None and app.reader.article.id == first.id
        await pilot.press("j")
        await settle(pilot)
        second = app.results_list.current_hit
        assert second is not None and app.reader.article.id == second.id
        assert app.focused is app.results_list  # a preview never takes the focus
        await pilot.press("enter")
        assert app.focused is app.reader


async def test_preview_off_keeps_the_reader_until_enter(make_app: AppFactory) -> None:
    """For slow links: with `preview = false` moving the cursor redraws two rows, not the
    reader; the palette turns it back on."""
    app = make_app(preview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.pause(0.3)  # past the preview delay
        second = app.results_list.current_hit
        assert second is not None
        assert app.reader.article is None or app.reader.article.id != second.id
        await pilot.press("enter")
        await settle(pilot)
        assert app.reader.article is not None and app.reader.article.id == second.id
        await pilot.press("escape", "ctrl+p")
        await pilot.press(*"turn preview on", "enter")
        await pilot.pause()
        assert app.preview
        await pilot.press("escape")
        app.results_list.focus()
        await pilot.press("j")
        await settle(pilot)
        third = app.results_list.current_hit
        assert third is not None and app.reader.article.id == third.id


# -- live updates ---------------------------------------------------------------------------


async def test_moving_the_cursor_repaints_only_the_two_rows_it_touches(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        results = app.results_list
        height = results.scrollable_content_region.height
        assert results.total * ROW_HEIGHT > height  # the list is longer than the screen
        before = [results.render_line(y) for y in range(height)]
        for row in (1, 2):  # j moves the cursor down a row, within the screen
            drawn = results.lines_drawn
            await pilot.press("j")
            await pilot.pause()
            assert results.cursor == row
            assert results.scroll_offset.y == 0
            # the row the cursor left and the row it entered, nothing else
            assert results.lines_drawn - drawn == 2 * ROW_HEIGHT
        after = [results.render_line(y) for y in range(height)]
        cursor_lines = range(2 * ROW_HEIGHT, 3 * ROW_HEIGHT)
        assert all(after[y].text.startswith("▌") for y in cursor_lines)
        assert not any(
            after[y].text.startswith("▌") for y in range(height) if y not in cursor_lines
        )
        # rows the cursor never touched kept their styled lines (cache not thrown away)
        for y in range(3 * ROW_HEIGHT, height):
            assert after[y] is before[y]
        # leaving the list still restyles the cursor row (it shows the list is not focused)
        focused_cursor = after[2 * ROW_HEIGHT]
        await pilot.press("slash")
        await pilot.pause()
        assert results.render_line(2 * ROW_HEIGHT) != focused_cursor


async def test_files_changed_on_disk_show_while_the_app_is_open(
    tmp_path: Path, make_app: AppFactory
) -> None:
    corpus = tmp_path / "live-corpus"
    shutil.copytree(CORPUS, corpus)
    factory = AppFactory(make_app.root / "live-app", make_app.root / "live-index", corpus)
    app = factory()
    new_file = corpus / "wire" / "zq-harbour-pilots.txt"
    loop = asyncio.get_running_loop()

    async def until_listed(count: int, title: str | None = None) -> float:
        started = loop.time()
        await wait_for(
            pilot,
            lambda: (
                app.results_list.total == count
                and (title is None or title in widget_text(app.results_list))
            ),
            timeout=10,
        )
        return loop.time() - started

    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            articles = app.engine.count()
            await search(pilot, "zqpilotage")
            assert app.results_list.total == 0
            watchers = [t for t in threading.enumerate() if t.name == "broadsheet-watch"]
            assert any(t.is_alive() for t in watchers)

            new_file.write_text(
                "Harbour pilots return\n\nThe zqpilotage crews went back to work on Monday.\n",
                encoding="utf-8",
            )
            await until_listed(1, "Harbour pilots return")
            assert app.engine.count() == articles + 1
            await wait_for(
                pilot,
                lambda: "1 file added" in str(app.status.query_one("#index-status").render()),
            )

            new_file.write_text(
                "Harbour pilots strike again\n\nThe zqpilotage crews walked out on Friday.\n",
                encoding="utf-8",
            )
            await until_listed(1, "Harbour pilots strike again")

            new_file.unlink()
            await until_listed(0)
            assert app.engine.count() == articles
        # quitting stops the watcher thread
        assert not any(t.is_alive() for t in watchers)
    finally:
        factory.close()


async def test_the_article_on_show_is_read_again_when_its_file_changes(
    tmp_path: Path, make_app: AppFactory
) -> None:
    """An article edited on disk while it is open (or annotated anew by a rebuild) shows as the
    index now has it: new text, new quotes and speakers, without the reader being sent back
    to the title. It used to keep the old text and highlights until opened again."""
    corpus = tmp_path / "live-corpus"
    shutil.copytree(CORPUS, corpus)
    factory = AppFactory(make_app.root / "live-app", make_app.root / "live-index", corpus)
    app = factory()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            app = await open_okafor(pilot)
            reader = app.reader
            assert reader.article is not None and reader.article.id == OKAFOR_ID
            await pilot.press("j", "j", "j")  # read on a little
            await pilot.pause()
            top = reader.scroll_offset.y
            assert top > 0
            path = corpus / OKAFOR_ID
            path.write_text(
                path.read_text(encoding="utf-8")
                + '\n"The harbour will be ready by spring," said Maren Tollefsen.\n',
                encoding="utf-8",
            )
            await wait_for(
                pilot,
                lambda: any(q.speaker == "Maren Tollefsen" for q in reader.annotations.quotes),
                timeout=15,
            )
            assert reader.article is not None and "Maren Tollefsen" in reader.article.text
            assert reader.scroll_offset.y == top  # still where the reader was
            quotes = app.side_panel.query_one("#quotes", OptionList)
            shown = [str(quotes.get_option_at_index(i).prompt) for i in range(quotes.option_count)]
            assert any("Maren Tollefsen" in line for line in shown), shown  # the panel too
            await settle(pilot)
    finally:
        factory.close()


async def test_a_list_move_that_lands_as_the_app_quits_is_dropped(make_app: AppFactory) -> None:
    """A list refresh (a file changed on disk) can post a cursor move that is handled after the
    app has closed its screens; reading `screen` then raised "No screens on stack" and the
    exit ended in a traceback (seen once in a fresh-clone run)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        hit = app.results_list.current_hit
        assert hit is not None
    assert not app.is_running and not app.screen_stack
    app._highlighted(ArticleList.Highlighted(0, hit))  # dropped, as at the end of a quit


async def test_full_garbage_collections_wait_for_a_pause_in_the_keys(make_app: AppFactory) -> None:
    saved = gc.get_threshold()
    app = make_app(idle_gc=True)
    collector = app.collector
    assert collector is not None
    collector.idle = 1.0  # far longer than a keypress takes, even on a slow machine
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert gc.get_threshold()[2] == NEVER  # no automatic full collection while it runs
        await pilot.press("j")  # the reader is at the keys from here on
        done = collector.collections
        for _ in range(6):  # keys keep coming: nothing is collected in between
            gc.collect(1)  # (something for a full collection to do)
            await pilot.press("j")
            assert collector.collections == done
        await wait_for(pilot, lambda: collector.collections > done, timeout=5)
        assert gc.get_freeze_count() > 0  # what survived the first one is left alone after
    assert gc.get_threshold() == saved
    assert gc.get_freeze_count() == 0
