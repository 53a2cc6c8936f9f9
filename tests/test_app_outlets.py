"""One outlet, one name: the list and the reader show an outlet the corpus spells in several
ways ("PolitiFact" on most pages, only its domain "politifact.com" on one) by its most used
name, as the source facets count it."""

from __future__ import annotations

from pathlib import Path

from test_app_support import AppFactory, cursor_to, settle, wait_for, widget_text
from test_search_helpers import write_md

pytest_plugins = ["test_app_support"]  # the shared fixtures: make_app, built_index


async def test_the_list_and_the_reader_name_an_outlet_one_way(
    make_app: AppFactory, tmp_path: Path
) -> None:
    corpus = tmp_path / "outlets"
    spellings = {"a1": "PolitiFact", "a2": "PolitiFact", "a3": "politifact.com", "a4": "Harbour"}
    for n, (name, source) in enumerate(spellings.items()):
        write_md(
            corpus,
            f"{name}.md",
            f"Claim number {n} checked",
            "The claim about the budget was checked.",
            date=f"2024-03-0{n + 1}",
            source=source,
        )
    factory = AppFactory(make_app.root / "outlets-app", make_app.root / "outlets-index", corpus)
    app = factory()
    try:
        async with app.run_test(size=(250, 40)) as pilot:
            await settle(pilot)
            await wait_for(pilot, lambda: app.results is not None and app.results.total == 4)
            shown = widget_text(app.results_list)
            assert "politifact.com" not in shown
            assert shown.count("PolitiFact") == 3
            assert "Harbour" in shown
            await cursor_to(pilot, "a3.md")  # the page that spells it by its domain
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.focused is app.reader)
            await settle(pilot)
            meta = widget_text(app.reader)
            assert "PolitiFact" in meta and "politifact.com" not in meta
    finally:
        factory.close()
