"""Scraped pages saved as .txt (DESIGN.md's scraped shape), in the forms real sites write them:
loose dates and zones, mastheads and breadcrumbs made of site furniture, furniture lines in and
after the article, captions, and text that stops before the article does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.ingest import read_file
from tui.model import Article, ReadResult

FIXTURES = Path(__file__).parent / "fixtures" / "scraped"


def read(name: str) -> ReadResult:
    return read_file(FIXTURES / name, FIXTURES)


def article(name: str) -> Article:
    result = read(name)
    assert len(result.articles) == 1, result.problems
    return result.articles[0]


def paragraphs(a: Article) -> list[str]:
    return a.text.split("\n\n")


def captions(a: Article) -> list[str]:
    return [a.text[s.start : s.end] for s in a.captions]


@pytest.mark.parametrize(
    ("name", "date", "source", "section", "author"),
    [
        ("masthead_title.txt", "2024-03-04", "Harbour Daily", "World", "Mei Chan"),
        ("updated_published.txt", "2023-11-13T14:05", "Kestrel Bay Gazette", "Business", None),
        ("zone_bjt.txt", "2023-11-13T14:05", "Northern Star News", "Tech / Companies", None),
        ("zone_gmt8.txt", "2023-11-13T21:40", "Northern Star News", "Sport", "Li Wei"),
        ("relative_crawled.txt", "2024-03-05T07:00", "Harbour Daily", "Local", None),
        ("relative_no_crawl.txt", None, "Harbour Daily", "Local", None),
        ("copyright_only.txt", None, "Kestrel Bay Gazette", "News / Local", None),
        ("caption_first.txt", "2024-02-02", "Kestrel Bay Gazette", "City / Housing", "Tom Bright"),
    ],
)
def test_header_fields(
    name: str, date: str | None, source: str, section: str, author: str | None
) -> None:
    a = article(name)
    assert (a.date, a.source, a.section, a.author) == (date, source, section, author)


def test_title_is_the_headline_not_a_header_line() -> None:
    assert article("masthead_title.txt").title == (
        "Typhoon Lan forces airport closure across the delta"
    )
    assert article("relative_crawled.txt").title == "Night market returns to the waterfront"
    assert article("zone_bjt.txt").title == "Chipmaker opens research centre in science park"


def test_furniture_lines_are_not_text() -> None:
    a = article("masthead_title.txt")
    assert paragraphs(a) == [
        "Flights were grounded across the delta on Monday as Typhoon Lan brought gusts of up to "
        "160 km/h, the airport authority said.",
        "More than 400 departures were cancelled and passengers were told not to travel to the "
        "terminal.",
        '"Safety comes first, and we will reopen as soon as the winds drop," said airport '
        "spokesman David Ho.",
        "The observatory expects the storm to weaken by Tuesday evening.",
    ]


def test_crawl_line_is_not_text() -> None:
    a = article("relative_crawled.txt")
    assert a.text.startswith("The waterfront night market reopened")
    assert "Crawled" not in a.text and "ago" not in a.text


def test_caption_opening_the_page_is_a_caption_not_the_lead() -> None:
    a = article("caption_first.txt")
    assert captions(a) == [
        "Workers clear the old rail yard in Kestrel Bay on Thursday. (Photo/Knight Frank)",
        "The site plan as approved by the council. (Graphics/ANNA LEE)",
    ]
    assert paragraphs(a)[0].startswith("The council approved plans for 800 homes")
    assert paragraphs(a)[1] == captions(a)[0]  # the photo stays, after the lead


def test_text_that_stops_short_is_reported() -> None:
    result = read("truncated.txt")
    [a] = result.articles
    assert "Subscribe" not in a.text
    assert a.text.endswith("its highest level since …")
    [problem] = result.problems
    assert problem.path == "truncated.txt"
    assert "may be incomplete" in problem.reason


def test_whole_text_has_no_problem() -> None:
    assert read("caption_first.txt").problems == []
    assert read("masthead_title.txt").problems == []


def test_lines_recurring_on_pages_of_one_site_are_furniture() -> None:
    site = FIXTURES / "site"
    for name in ("p1.txt", "p2.txt", "p3.txt", "p4.txt"):
        [a] = read_file(site / name, FIXTURES).articles
        assert a.source == "Harbour Daily"
        assert "brings you the delta's news first" not in a.text, name
        assert len(paragraphs(a)) >= 2
    [a] = read_file(site / "p1.txt", FIXTURES).articles
    assert paragraphs(a) == [
        "The east ferry pier reopened on Monday after six months of repairs to its pilings, "
        "the marine department said.",
        "Services to the outlying islands will run every 20 minutes at peak times.",
        "Passengers welcomed the return of the shorter route.",
    ]


def test_a_line_on_one_page_only_is_kept(tmp_path: Path) -> None:
    """The same folder with one more page whose own closing line appears nowhere else."""
    for src in (FIXTURES / "site").glob("*.txt"):
        (tmp_path / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "p5.txt").write_text(
        "Harbour Daily Title\nHOME / LOCAL\nNew lifeguards for summer\nBy MEI CHAN|8 March 2024\n"
        "The council will hire 60 more lifeguards for the summer season.\n"
        "Beaches open on May 1\n",
        encoding="utf-8",
    )
    [a] = read_file(tmp_path / "p5.txt", tmp_path).articles
    assert paragraphs(a) == [
        "The council will hire 60 more lifeguards for the summer season.",
        "Beaches open on May 1",
    ]


def test_furniture_is_learned_again_when_the_folder_changes(tmp_path: Path) -> None:
    """A long-running app reads one folder again and again: pages added since it first
    learned from the folder count (two pages teach nothing, four do)."""
    sources = sorted((FIXTURES / "site").glob("*.txt"))
    for src in sources[:2]:
        (tmp_path / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    slogan = "brings you the delta's news first"
    assert slogan in read_file(tmp_path / "p1.txt", tmp_path).articles[0].text
    before = tmp_path.stat().st_mtime_ns
    for src in sources[2:]:
        (tmp_path / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    os.utime(tmp_path, ns=(before + 10**9, before + 10**9))  # however coarse the clock
    assert slogan not in read_file(tmp_path / "p1.txt", tmp_path).articles[0].text
