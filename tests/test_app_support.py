"""Helpers shared by the app, snapshot and screenshot tests (no tests of its own).

Every app under test runs against the real search engine on a real on-disk index of the bundled
sample corpus, with data, cache and config directories in a temporary folder so nothing touches
the user's home. The index is built once per session and copied for each test, so each test gets
its own index without paying for indexing again.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.worker import WorkerCancelled, WorkerFailed

from tui.app.app import BroadsheetApp
from tui.config import Settings, review_db_for
from tui.review import ReviewStore
from tui.search.api import SearchEngine

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def open_test_engine(corpus: Path, index_dir: Path, lock_timeout: float = 10.0) -> SearchEngine:
    from tui.search import open_engine

    # One indexing worker: documents then enter the index in the same order every session,
    # so results that tie on score (and snapshots of them) come out the same each time.
    engine: SearchEngine = open_engine(
        corpus, index_dir=index_dir, workers=1, lock_timeout=lock_timeout
    )
    return engine


def isolate(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every Broadsheet directory and the config file into `root`."""
    monkeypatch.setenv("BROADSHEET_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(root / "cache"))
    monkeypatch.setenv("BROADSHEET_CONFIG", str(root / "config.toml"))


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus indexed once for the whole session (copied, never used directly)."""
    index_dir = tmp_path_factory.mktemp("sample-index") / "index"
    engine = open_test_engine(CORPUS, index_dir)
    try:
        engine.update()
    finally:
        engine.close()
    return index_dir


class AppFactory:
    """Builds apps on the sample corpus sharing one data dir (so marks survive a "restart")."""

    def __init__(
        self, root: Path, index_dir: Path, corpus: Path = CORPUS, lock_timeout: float = 10.0
    ) -> None:
        self.root = root
        self.index_dir = index_dir
        self.corpus = corpus
        self.lock_timeout = lock_timeout
        self._opened: list[tuple[SearchEngine, ReviewStore]] = []

    def settings(self, **overrides: object) -> Settings:
        return Settings(
            data_dir=self.root / "data",
            cache_dir=self.root / "cache",
            search_debounce_ms=60,
            **overrides,  # type: ignore[arg-type]
        )

    def __call__(self, *, idle_gc: bool = False, **overrides: object) -> BroadsheetApp:
        settings = self.settings(**overrides)
        engine = open_test_engine(self.corpus, self.index_dir, self.lock_timeout)
        store = ReviewStore(review_db_for(self.corpus, settings))
        self._opened.append((engine, store))
        return BroadsheetApp(
            self.corpus,
            engine,
            store,
            settings,
            export_dir=self.root / "exports",
            idle_gc=idle_gc,
        )

    def close(self) -> None:
        for engine, store in self._opened:
            engine.close()
            store.close()


@pytest.fixture
def make_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built_index: Path
) -> Iterator[AppFactory]:
    isolate(tmp_path, monkeypatch)
    index_dir = tmp_path / "index"
    shutil.copytree(built_index, index_dir)
    factory = AppFactory(tmp_path, index_dir)
    yield factory
    factory.close()


async def wait_for(
    pilot: Pilot[Any], condition: Callable[[], object], timeout: float = 15.0
) -> None:
    """Let the app run until `condition()` holds (workers post their results as messages)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        await pilot.pause(0.02)


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for indexing, searching and loading to finish and the screen to catch up."""
    app = pilot.app
    assert isinstance(app, BroadsheetApp)
    await wait_for(pilot, lambda: not app.indexing and app.results is not None)
    for _ in range(400):  # ~20 s at most
        for worker in list(app.workers):
            # a newer search may have replaced it; a failure is reported by the app itself
            with contextlib.suppress(WorkerCancelled, WorkerFailed):
                await worker.wait()
        await pilot.pause()
        if not app.busy:
            return
        await pilot.pause(0.05)
    raise AssertionError("the app stayed busy")


async def cursor_to(pilot: Pilot[Any], path: str) -> None:
    """Move the list's cursor down (j) to the article read from `path`."""
    app = pilot.app
    assert isinstance(app, BroadsheetApp)
    for _ in range(app.results_list.total):
        current = app.results_list.current_hit
        if current is not None and current.path == path:
            return
        await pilot.press("j")
    current = app.results_list.current_hit
    assert current is not None and current.path == path, f"{path} is not in the list"


def widget_text(widget: Widget) -> str:
    """What a line-API widget shows now, as plain text, one line per row."""
    lines = []
    for y in range(widget.scrollable_content_region.height):
        lines.append(widget.render_line(y).text.rstrip())  # type: ignore[attr-defined]
    return "\n".join(lines)
