"""How the app feels: time to first screen, keypress latency, scrolling at scale, peak memory.

Drives the real app headless (`run_test`) and prints figures; it asserts nothing.

    python benchmarks/app_bench.py                       # the bundled sample corpus
    python benchmarks/app_bench.py /work/bench/big --index-dir /work/bench/big-index

With a corpus of your own, index it first (`broadsheet index CORPUS --index-dir DIR`) unless
you want the first-screen figure to include a full indexing run. The 100,000-row list and the
50-page article are also measured on synthetic data, so those figures exist on any machine.

Keypress latency is the time from a key to the app being idle again with the screen redrawn
(`Pilot.press` returns then), i.e. what a user waits for, measured in the headless driver.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402
from textual.pilot import Pilot  # noqa: E402

from tui.app.app import BroadsheetApp  # noqa: E402
from tui.app.article_list import ArticleList  # noqa: E402
from tui.app.reader import Reader  # noqa: E402
from tui.config import Settings, review_db_for  # noqa: E402
from tui.model import Annotations, Article, Entity, Quote  # noqa: E402
from tui.review import ReviewStore  # noqa: E402
from tui.search import open_engine  # noqa: E402
from tui.search.api import Hit  # noqa: E402

SIZE = (120, 40)
CSS = str(ROOT / "tui" / "app" / "broadsheet.tcss")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def report(name: str, samples: list[float]) -> None:
    samples = sorted(samples)
    p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
    print(
        f"  {name:<34} p50 {ms(statistics.median(samples))}  p95 {ms(p95)}"
        f"  max {ms(samples[-1])}  (n={len(samples)})"
    )


async def timed_keys(pilot: Pilot[Any], keys: list[str]) -> list[float]:
    out = []
    for key in keys:
        started = time.perf_counter()
        await pilot.press(key)
        out.append(time.perf_counter() - started)
    return out


async def until(pilot: Pilot[Any], condition: Callable[[], object], limit: float = 600) -> None:
    deadline = time.perf_counter() + limit
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await pilot.pause(0.005)


# -- the real app on a corpus ----------------------------------------------------------------


def partial_shown(app: BroadsheetApp, typed: str) -> Callable[[], bool]:
    """True once the results (or a "did you mean") for `typed` are on screen."""

    def check() -> bool:
        results = app.results
        answered = results is not None and (
            results.query == typed or app.search_bar.suggestion is not None
        )
        return answered and not app.busy

    return check


async def bench_corpus(corpus: Path, index_dir: Path, root: Path, query: str) -> None:
    settings = Settings(data_dir=root / "data", cache_dir=root / "cache")
    engine = open_engine(corpus, index_dir=index_dir)
    store = ReviewStore(review_db_for(corpus, settings))
    app = BroadsheetApp(corpus, engine, store, settings, export_dir=root)
    started = time.perf_counter()
    try:
        async with app.run_test(size=SIZE) as pilot:
            first = time.perf_counter() - started  # mounted and drawn
            await until(pilot, lambda: app.results_list.total > 0)
            first_results = time.perf_counter() - started
            await until(pilot, lambda: not app.indexing)
            indexed = time.perf_counter() - started
            await until(pilot, lambda: not app.busy)
            print(f"corpus {corpus}: {engine.count():,} articles")
            print(f"  first screen (app up, keys work)   {ms(first)}")
            print(f"  first results listed               {ms(first_results)}")
            print(f"  index up to date (in a worker)     {ms(indexed)}")

            report("list j (move down)", await timed_keys(pilot, ["j"] * 40))
            report("list pagedown", await timed_keys(pilot, ["pagedown"] * 20))
            g_times = await timed_keys(pilot, ["G", "g"] * 5)
            report("list G / g (ends of the list)", g_times)

            # search as you type: keystroke to results on screen
            await pilot.press("slash")
            typed: list[float] = []
            for end in range(1, len(query) + 1):
                key_started = time.perf_counter()
                await pilot.press(query[end - 1])
                await until(pilot, partial_shown(app, query[:end]))
                typed.append(time.perf_counter() - key_started)
            report("typing a query (key to results)", typed)
            await pilot.press("enter")
            open_started = time.perf_counter()
            await pilot.press("enter")
            await until(pilot, lambda: app.focused is app.reader and not app.busy)
            print(f"  open article (Enter to text)       {ms(time.perf_counter() - open_started)}")
            report("reader j (scroll)", await timed_keys(pilot, ["j"] * 40))
            report("reader n (next hit)", await timed_keys(pilot, ["n"] * 10))
            report("reader ] (next quote)", await timed_keys(pilot, ["right_square_bracket"] * 10))
            report("review mark r", await timed_keys(pilot, ["r", "r"] * 5))
    finally:
        engine.close()
        store.close()


# -- synthetic scale ----------------------------------------------------------------------------


class ListApp(App[None]):
    CSS_PATH = CSS
    PAGE = 50

    def __init__(self, total: int) -> None:
        super().__init__()
        self.total = total

    def page(self, number: int) -> list[Hit]:
        first = (number - 1) * self.PAGE
        return [
            Hit(
                id=f"a{i}",
                path=f"a{i}.md",
                title=f"Synthetic article number {i} about ports and trade",
                date="2024-05-01",
                source="Bench Daily",
                snippet="… the port authority said exports of timber rose …",
            )
            for i in range(first, min(first + self.PAGE, self.total))
        ]

    def compose(self) -> ComposeResult:
        yield ArticleList(page_size=self.PAGE, id="results")

    def on_mount(self) -> None:
        results = self.query_one(ArticleList)
        results.styles.width = "100%"
        results.show_results(self.page(1), self.total, generation=1)
        results.focus()

    def on_article_list_page_wanted(self, message: ArticleList.PageWanted) -> None:
        self.query_one(ArticleList).add_page(message.page, self.page(message.page), 1)


async def bench_list(total: int) -> None:
    app = ListApp(total)
    started = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        print(f"synthetic list of {total:,} rows")
        print(f"  first screen                       {ms(time.perf_counter() - started)}")
        report("j", await timed_keys(pilot, ["j"] * 50))
        report("pagedown", await timed_keys(pilot, ["pagedown"] * 50))
        report("G / g", await timed_keys(pilot, ["G", "g"] * 10))


class ReaderApp(App[None]):
    CSS_PATH = CSS

    def compose(self) -> ComposeResult:
        yield Reader(id="reader")


def long_article(pages: int) -> tuple[Article, Annotations]:
    paragraph = (
        "Rosalind Okafor told the Northern Trade Summit in Port Ellis that exports rose 2.3% "
        'to $4.2bn last year. "We are ready," she said, while Meridian Freight Group '
        "promised new berths by 2026. "
    ) * 3
    text = "\n\n".join(paragraph for _ in range(pages * 6))
    entities: list[Entity] = []
    quotes: list[Quote] = []
    for label, needle in (("PERSON", "Rosalind Okafor"), ("ORG", "Meridian Freight Group")):
        start = text.find(needle)
        while start != -1:
            entities.append(
                Entity(
                    start=start, end=start + len(needle), label=label, text=needle, canonical=needle
                )
            )
            start = text.find(needle, start + 1)
    start = text.find('"We')
    while start != -1:
        end = text.index('"', start + 1) + 1
        quotes.append(
            Quote(
                start=start, end=end, text=text[start:end], kind="direct", speaker="Rosalind Okafor"
            )
        )
        start = text.find('"We', end)
    entities.sort(key=lambda e: e.start)
    article = Article(id="long", path="long.md", title="A very long article", text=text)
    return article, Annotations(entities=entities, quotes=quotes)


async def bench_reader(pages: int) -> None:
    article, annotations = long_article(pages)
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.query_one(Reader)
        reader.focus()
        started = time.perf_counter()
        reader.show(article, annotations, [])
        await pilot.pause()
        shown = time.perf_counter() - started
        print(
            f"synthetic article: {pages} pages, {len(article.text):,} characters, "
            f"{len(annotations.entities):,} entities, {len(annotations.quotes):,} quotes"
        )
        print(f"  lay out and first screen           {ms(shown)}")
        report("j", await timed_keys(pilot, ["j"] * 50))
        report("space (page down)", await timed_keys(pilot, ["space"] * 50))
        report("] (next quote)", await timed_keys(pilot, ["right_square_bracket"] * 30))
        report("G / g", await timed_keys(pilot, ["G", "g"] * 5))


async def main(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="broadsheet-bench-") as tmp:
        root = Path(tmp)
        for name in ("DATA", "CACHE"):
            os.environ[f"BROADSHEET_{name}_DIR"] = str(root / name.lower())
        os.environ["BROADSHEET_CONFIG"] = str(root / "config.toml")
        index_dir = args.index_dir or root / "index"
        await bench_corpus(args.corpus, index_dir, root, args.query)
        await bench_list(args.rows)
        await bench_reader(args.pages)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory (max RSS)                {peak / 1024:8.1f} MB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=ROOT / "corpus")
    parser.add_argument("--index-dir", type=Path, default=None, help="an existing index to use")
    parser.add_argument("--query", default="export", help="typed one key at a time")
    parser.add_argument("--rows", type=int, default=100_000, help="rows in the synthetic list")
    parser.add_argument("--pages", type=int, default=50, help="pages in the synthetic article")
    asyncio.run(main(parser.parse_args()))
