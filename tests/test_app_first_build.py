"""A first index built by worker processes while the app is open: the query typed at launch is
answered from each commit as it comes, and the cursor stays on the article it was on."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_support import isolate, settle, wait_for
from textual.message import Message

from tui.app.app import BroadsheetApp
from tui.app.messages import SearchDone
from tui.config import Settings, review_db_for
from tui.review import ReviewStore
from tui.search import open_engine
from tui.search.api import SearchResults
from tui.search.layout import Layout

FILES = 1500
"""Enough files for a two-worker build to commit several times, seconds apart, before it is
complete (each worker commits after 32, 160 and 544 files)."""
EVERY = 40
"""Every EVERY-th file mentions the lighthouse: all the matches fit the list's first page."""
MATCHES = len(range(0, FILES, EVERY))


def write_corpus(folder: Path) -> None:
    """Articles of a few paragraphs, so the build takes seconds, as a real folder's does."""
    folder.mkdir()
    for n in range(FILES):
        extra = " The lighthouse keeper spoke to the board." if n % EVERY == 0 else ""
        body = "\n\n".join(
            f'"Berth {n} needs dredging," said Jane Okafor, who chairs the board. '
            f"The Port of Northam spent {k} million pounds on repairs in {1990 + k}."
            for k in range(12)
        )
        (folder / f"report-{n:04}.txt").write_text(
            f"Harbour report {n:04}\n\nThe harbour board met about berth {n}.{extra}\n\n{body}\n"
        )


async def test_a_query_typed_at_launch_is_answered_from_each_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate(tmp_path, monkeypatch)
    corpus = tmp_path / "harbour"
    write_corpus(corpus)
    settings = Settings(
        data_dir=tmp_path / "data", cache_dir=tmp_path / "cache", search_debounce_ms=60
    )
    index_dir = tmp_path / "index"
    # Another Broadsheet holds the index until the query is typed: the build then starts with
    # the query in place, as when a user types at launch into a big folder. (Without it a
    # quiet machine could finish these 1,500 files before the app had read the keys.)
    other = Layout(index_dir).lock
    assert other.acquire(0)
    engine = open_engine(corpus, index_dir=index_dir, workers=2, lock_timeout=120)
    store = ReviewStore(review_db_for(corpus, settings))
    app = BroadsheetApp(corpus, engine, store, settings, export_dir=tmp_path / "exports")
    answers: list[SearchResults] = []

    def record(message: Message) -> None:
        """Every answer to the query, as it reaches the app: on a loaded machine a partial
        answer and the complete one can both arrive between two looks at the screen."""
        if isinstance(message, SearchDone) and message.results.query == "lighthouse":
            answers.append(message.results)

    try:
        async with app.run_test(size=(120, 40), message_hook=record) as pilot:
            await pilot.press("slash", *"lighthouse")
            await wait_for(pilot, lambda: bool(answers), timeout=60)  # asked before any commit
            other.release()
            # The first results come from what is committed so far, and say so.
            await wait_for(pilot, lambda: any(r.total > 0 for r in answers), timeout=60)
            first = next(r for r in answers if r.total > 0)
            assert first.building is not None, "the first results were not from a partial index"
            assert 0 < first.total < MATCHES
            if app.results is first:  # still on screen (no later commit has landed yet)
                status = str(app.status.query_one("#result-status").render())
                assert "articles so far" in status
            await pilot.press("enter", "j")  # to the list, one row down
            chosen = app.results_list.current_hit
            assert chosen is not None
            # A later commit refreshes the results without being asked (while the build goes on,
            # or, on a machine fast enough to finish between two looks, with the last commit).
            await wait_for(
                pilot,
                lambda: app.results is not None and app.results.total > first.total,
                timeout=60,
            )
            current = app.results_list.current_hit
            assert current is not None and current.id == chosen.id  # the cursor stayed on it
            await settle(pilot)
            assert not app.indexing
            assert app.results is not None and app.results.total == MATCHES
            assert app.results.building is None
            current = app.results_list.current_hit
            assert current is not None and current.id == chosen.id  # the cursor stayed on it
    finally:
        other.release()
        engine.close()
        store.close()
