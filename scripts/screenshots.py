"""Remake every screenshot in screenshots/ with one command: `python scripts/screenshots.py`.

Drives the real app headless (`App.run_test`) on the bundled sample corpus, with its index,
review marks and config in a temporary folder, and saves SVGs with `App.save_screenshot`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
OUT = ROOT / "screenshots"
ARTICLE = "trade/okafor-unveils-export-plan-at-northern-trade-summit.txt"

sys.path.insert(0, str(ROOT))

from textual.pilot import Pilot  # noqa: E402
from textual.widgets import Input  # noqa: E402

from tui.app.app import BroadsheetApp  # noqa: E402
from tui.config import Settings, review_db_for  # noqa: E402
from tui.review import ReviewStore  # noqa: E402
from tui.search import open_engine  # noqa: E402

Scene = Callable[[Pilot[Any], BroadsheetApp], Awaitable[None]]


async def idle(pilot: Pilot[Any], app: BroadsheetApp) -> None:
    """Until indexing, searching and loading are done."""
    for _ in range(500):
        if app.results is not None and not app.busy:
            break
        await pilot.pause(0.02)
    await pilot.pause()


async def search(pilot: Pilot[Any], app: BroadsheetApp, query: str) -> None:
    await pilot.press("slash", *query)
    for _ in range(500):
        if app.results is not None and app.results.query == query:
            break
        await pilot.pause(0.02)
    await idle(pilot, app)


async def open_article(pilot: Pilot[Any], app: BroadsheetApp) -> None:
    await search(pilot, app, "okafor")
    await pilot.press("enter")
    ids = [hit.id for hit in app.results_list.loaded_hits]
    for _ in range(ids.index(ARTICLE)):
        await pilot.press("j")
    await pilot.press("enter")
    for _ in range(500):
        if app.reader.article is not None and app.reader.article.id == ARTICLE:
            break
        await pilot.pause(0.02)
    await idle(pilot, app)


async def results(pilot: Pilot[Any], app: BroadsheetApp) -> None:
    await search(pilot, app, "okafor")
    await pilot.press("enter", "f", "j", "r")  # a flag and a review mark show in the list
    await pilot.press("k")


async def article(pilot: Pilot[Any], app: BroadsheetApp) -> None:
    await open_article(pilot, app)
    await pilot.press("right_square_bracket", "n")


async def side_panel(pilot: Pilot[Any], app: BroadsheetApp) -> None:
    await open_article(pilot, app)
    await pilot.press("tab", "tab", "down", "down", "enter")


async def help_screen(pilot: Pilot[Any], app: BroadsheetApp) -> None:
    await open_article(pilot, app)
    await pilot.press("question_mark")


async def narrow(pilot: Pilot[Any], app: BroadsheetApp) -> None:
    await open_article(pilot, app)
    await pilot.press("right_square_bracket", "right_square_bracket")


SCENES: list[tuple[str, tuple[int, int], Scene]] = [
    ("results", (120, 40), results),
    ("article", (120, 40), article),
    ("side-panel", (120, 40), side_panel),
    ("help", (120, 40), help_screen),
    ("article-80x24", (80, 24), narrow),
]


async def shoot(root: Path, name: str, size: tuple[int, int], scene: Scene, out: Path) -> Path:
    settings = Settings(data_dir=root / "data", cache_dir=root / "cache", search_debounce_ms=0)
    engine = open_engine(CORPUS, index_dir=root / "index", workers=1)
    store = ReviewStore(review_db_for(CORPUS, settings).with_name(f"{name}.sqlite"))
    app = BroadsheetApp(CORPUS, engine, store, settings, export_dir=root)
    try:
        async with app.run_test(size=size) as pilot:
            for field in app.query(Input):
                field.cursor_blink = False
            await idle(pilot, app)
            await scene(pilot, app)
            await idle(pilot, app)
            app.clear_notifications()
            await pilot.pause()
            return Path(app.save_screenshot(f"{name}.svg", str(out)))
    finally:
        engine.close()
        store.close()


async def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="broadsheet-shots-") as tmp:
        root = Path(tmp)
        os.environ["BROADSHEET_DATA_DIR"] = str(root / "data")
        os.environ["BROADSHEET_CACHE_DIR"] = str(root / "cache")
        os.environ["BROADSHEET_CONFIG"] = str(root / "config.toml")
        engine = open_engine(CORPUS, index_dir=root / "index", workers=1)
        try:
            engine.update()
        finally:
            engine.close()
        for name, size, scene in SCENES:
            path = await shoot(root, name, size, scene, out)
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the SVGs")
    asyncio.run(main(parser.parse_args().out))
