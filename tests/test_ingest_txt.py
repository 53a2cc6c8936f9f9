"""Plain-text articles: the simple (BBC) shape and the scraped-page shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.ingest import read_file
from tui.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
NBSP = "\u00a0"


def read_one(path: Path, root: Path) -> Article:
    result = read_file(path, root)
    assert result.problems == []
    assert len(result.articles) == 1
    return result.articles[0]


def read_text(tmp_path: Path, text: str, name: str = "a.txt") -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_one(path, tmp_path)


def paragraphs(article: Article) -> list[str]:
    return article.text.split("\n\n")


def caption_texts(article: Article) -> list[str]:
    return [article.text[s.start : s.end] for s in article.captions]


def test_simple_shape() -> None:
    a = read_one(FIXTURES / "simple.txt", FIXTURES)
    assert a.id == "simple.txt"
    assert a.path == "simple.txt"
    assert a.title == "Farmers expect record grain harvest"
    assert paragraphs(a) == [
        "Farmers across the northern plains expect a record grain harvest this year after a "
        "wet spring, the Agriculture Ministry said on Thursday.",
        "The ministry forecast output of 31 million tonnes, up 8% on last year.",
        "Prices have already fallen.",
    ]
    assert (a.date, a.author, a.source, a.section) == (None, None, None, None)
    assert a.content_hash


def test_scraped_page_header_metadata() -> None:
    a = read_one(FIXTURES / "scraped_page.txt", FIXTURES)
    assert a.title == "Port authority approves new container terminal"  # " | Business" gone
    assert a.source == "Harbour Post"
    assert a.section == "Business / Markets"
    assert a.author == "Jane Doe"  # from "By JANE DOE|..."
    assert a.date == "2023-03-12T14:05"


def test_scraped_page_body_captions_and_chrome() -> None:
    a = read_one(FIXTURES / "scraped_page.txt", FIXTURES)
    paras = paragraphs(a)
    assert paras[0].startswith("The Harbour Port Authority on Tuesday")
    assert a.title and a.title not in a.text
    assert "What happens next" in paras  # a short sub-heading stays
    # The real last paragraph stays; every line of chrome after it goes.
    assert paras[-1] == (
        "Shipping lines welcomed the decision but warned that fees must stay competitive."
    )
    for chrome in ("Registration No", "Copyright", "I Agree", "cookie", "About Us", "Tel:",
                   "window on the waterfront"):  # fmt: skip
        assert chrome not in a.text
    # The repeated caption is kept once, and both captions are marked.
    assert a.text.count("Cranes stand idle") == 1
    assert caption_texts(a) == [
        "Cranes stand idle at the east quay on Monday. Photo: JOHN SMITH/Harbour Post",
        "The council said it expected freight volumes to grow 5% a year. (Graphics/ANNA LEE)",
    ]
    assert NBSP not in a.text
    assert "\n\n\n" not in a.text


def test_published_line_without_time() -> None:
    a = read_one(FIXTURES / "scraped_published.txt", FIXTURES)
    assert a.title == "Council delays vote on the new library"
    assert a.source == "Lakeside Ledger"
    assert a.date == "2022-05-04"
    assert caption_texts(a) == [
        "The new building would replace the 1960s library on Mill Road. (Photo/Lakeside Ledger)"
    ]
    assert paragraphs(a)[-1] == "The vote is now expected in July."
    assert "Facebook" not in a.text and "Privacy" not in a.text and "©" not in a.text


def test_published_line_with_time_and_section_path_first() -> None:
    a = read_one(FIXTURES / "scraped_published_time.txt", FIXTURES)
    assert a.title == "Minister resigns over procurement row"
    assert a.section == "National / Politics"
    assert a.date == "2021-11-30T09:15"
    assert a.author == "Sam Carter"
    assert a.source is None
    assert paragraphs(a)[-1] == "She denied any wrongdoing."  # short real ending kept


@pytest.mark.parametrize(
    ("byline", "author", "date"),
    [
        ("By JANE DOE|12 March 2023", "Jane Doe", "2023-03-12"),
        ("By JANE DOE | 12 March 2023 14:05", "Jane Doe", "2023-03-12T14:05"),
        ("By Jane Doe • March 12, 2023", "Jane Doe", "2023-03-12"),
        ("by JANE DOE", "Jane Doe", None),
        ("By: Conor O'BRIEN", "Conor O'BRIEN", None),
        ("By CONOR O'BRIEN", "Conor O'Brien", None),
        ("JANE DOE|2023-03-12", "Jane Doe", "2023-03-12"),
        # Day or month first? Nothing on the page or its site says: unknown, not a guess.
        ("By Jane Doe and John Roe|12/03/2023", "Jane Doe, John Roe", None),
        ("By JANE ROE|Mar 4,2024", "Jane Roe", "2024-03-04"),
        ("By Jane Roe | 13 Nov 2023 14:05 GMT+8", "Jane Roe", "2023-11-13T14:05"),
        ("By Jane Roe, Harbour Daily Sports Writer", "Jane Roe", None),
    ],
)
def test_byline_shapes(tmp_path: Path, byline: str, author: str, date: str | None) -> None:
    body = "All ferries were cancelled on Sunday as winds reached 100 km/h."
    text = f"Storm closes ferry routes\n{byline}\n{body}\n"
    a = read_text(tmp_path, text)
    assert a.title == "Storm closes ferry routes"
    assert a.author == author
    assert a.date == date
    assert a.text == "All ferries were cancelled on Sunday as winds reached 100 km/h."


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published: 12 March 2023", "2023-03-12"),
        ("Published: 12 March 2023 14:05", "2023-03-12T14:05"),
        ("Published: 2023-03-12T14:05:30+08:00", "2023-03-12T14:05:30"),
        ("Published on March 12, 2023, 9:30 am", "2023-03-12T09:30"),
        ("Posted: 12.03.2023", "2023-03-12"),  # dotted dates are day first
        ("12 March 2023", "2023-03-12"),
        ("Published: 3 hours ago", None),
    ],
)
def test_published_date_shapes(tmp_path: Path, line: str, date: str | None) -> None:
    text = f"Storm closes ferry routes\n{line}\nAll ferries were cancelled on Sunday.\n"
    a = read_text(tmp_path, text)
    assert a.title == "Storm closes ferry routes"
    assert a.date == date
    assert a.text == "All ferries were cancelled on Sunday."


def test_updated_date_does_not_override_published(tmp_path: Path) -> None:
    text = (
        "Storm closes ferry routes\nUpdated: 13 March 2023\nPublished: 12 March 2023\n"
        "All ferries were cancelled.\n"
    )
    assert read_text(tmp_path, text).date == "2023-03-12"


def test_pipe_section_suffix_and_site_suffix(tmp_path: Path) -> None:
    text = (
        "Harbour Post\nTide record broken | Weather | Harbour Post\nPublished: 1 June 2024\n"
        "The tide rose higher than ever.\n"
    )
    a = read_text(tmp_path, text)
    assert a.title == "Tide record broken"
    assert a.section == "Weather"
    assert a.source == "Harbour Post"


def test_pipe_in_title_alone_marks_scraped_shape(tmp_path: Path) -> None:
    text = "Tide record broken | Weather\nThe tide rose higher than ever.\nIt flooded the quay.\n"
    a = read_text(tmp_path, text)
    assert (a.title, a.section) == ("Tide record broken", "Weather")
    assert paragraphs(a) == ["The tide rose higher than ever.", "It flooded the quay."]


def test_long_pipe_suffix_is_part_of_the_title(tmp_path: Path) -> None:
    text = "Why we left | a story of three families who sold everything and moved\n\nBody.\n"
    assert (read_text(tmp_path, text).title or "").startswith("Why we left | a story")


def test_simple_shape_with_legal_footer_cut_but_short_ending_kept(tmp_path: Path) -> None:
    text = (
        "Bank raises rates\n\nThe central bank raised its main rate to 4%.\n\n"
        "Markets fell\n\nCopyright © 2023 Example News. All rights reserved.\n"
    )
    a = read_text(tmp_path, text)
    assert paragraphs(a) == ["The central bank raised its main rate to 4%.", "Markets fell"]


def test_simple_shape_keeps_short_unpunctuated_last_line(tmp_path: Path) -> None:
    a = read_text(tmp_path, "Bank raises rates\n\nThe bank raised rates.\n\nMore to follow\n")
    assert paragraphs(a) == ["The bank raised rates.", "More to follow"]


def test_scraped_shape_keeps_a_real_last_paragraph_before_chrome(tmp_path: Path) -> None:
    text = (
        "Harbour Post\nNEWS / LOCAL\nFire at warehouse\nBy ANNA LEE\n"
        "A fire destroyed a warehouse on Dock Road overnight.\n"
        "No one was hurt, police said.\n"
        "Contact Us\nAdvertise\nnews@harbourpost.example\n"
    )
    a = read_text(tmp_path, text)
    assert paragraphs(a) == [
        "A fire destroyed a warehouse on Dock Road overnight.",
        "No one was hurt, police said.",
    ]


def test_hard_wrapped_paragraphs_are_unwrapped(tmp_path: Path) -> None:
    text = (
        "A title\n\nThis paragraph was wrapped by an editor at about seventy\n"
        "characters, as plain-text news wires used to do it for\nteleprinters.\n\n"
        "- one item\n- another item\n"
    )
    assert paragraphs(read_text(tmp_path, text)) == [
        "This paragraph was wrapped by an editor at about seventy characters, as plain-text "
        "news wires used to do it for teleprinters.",
        "- one item\n- another item",
    ]


def test_one_paragraph_per_line_without_blank_lines(tmp_path: Path) -> None:
    a = read_text(tmp_path, "A title\nFirst paragraph here.\nSecond paragraph here.\n")
    assert a.title == "A title"
    assert paragraphs(a) == ["First paragraph here.", "Second paragraph here."]


def test_title_repeated_as_first_paragraph_not_duplicated(tmp_path: Path) -> None:
    a = read_text(
        tmp_path, "Harbour Post\nNEWS / LOCAL\nFire at warehouse\nFire at warehouse\nBody.\n"
    )
    assert a.title == "Fire at warehouse"
    assert a.text == "Body."


def test_nbsp_only_lines_and_spaces_inside_lines(tmp_path: Path) -> None:
    text = f"A title\n{NBSP}\nFirst{NBSP}paragraph   with    gaps.\n{NBSP}{NBSP}\n\t\nSecond.\n"
    a = read_text(tmp_path, text)
    assert paragraphs(a) == ["First paragraph with gaps.", "Second."]


def test_leading_navigation_and_cookie_banner_dropped(tmp_path: Path) -> None:
    text = (
        "Skip to content\nHome | News | Sport\nWe use cookies to improve your experience.\n"
        "Harbour Post\nNEWS / LOCAL\nFire at warehouse\nA fire destroyed a warehouse.\n"
    )
    a = read_text(tmp_path, text)
    assert (a.source, a.title, a.text) == (
        "Harbour Post",
        "Fire at warehouse",
        "A fire destroyed a warehouse.",
    )


def test_single_line_file_is_text_and_title(tmp_path: Path) -> None:
    a = read_text(tmp_path, "Just one line")
    assert (a.title, a.text) == ("Just one line", "Just one line")


def test_first_line_too_long_for_a_title(tmp_path: Path) -> None:
    body = "This is a long opening sentence that goes on. " * 10
    a = read_text(tmp_path, body + "\n\nSecond paragraph.\n")
    assert a.title == "This is a long opening sentence that goes on."
    assert a.text.startswith("This is a long opening")


def test_three_level_section_path_first_line(tmp_path: Path) -> None:
    a = read_text(
        tmp_path, "NEWS / LOCAL / CITY\nFire at warehouse\nBy ANNA LEE\nA fire broke out.\n"
    )
    assert (a.section, a.title, a.author) == (
        "News / Local / City",
        "Fire at warehouse",
        "Anna Lee",
    )


def test_scraped_tail_with_related_links_and_long_cookie_banner(tmp_path: Path) -> None:
    banner = (
        "This website uses cookies to ensure you get the best experience on our website, to "
        "analyse traffic and to personalise content and advertising. By clicking accept or "
        "continuing to browse you consent to the storage of cookies on your device as "
        "described in our cookie notice, which also explains how to withdraw consent at any "
        "time and how we share data with partners."
    )
    text = (
        "Harbour Post\nNEWS / LOCAL\nFerry fares to rise\nPublished: 2 July 2024\n"
        "Ferry fares will rise by 4% from August, the operator said.\n"
        "“We have no choice,” said operator spokesman Li Wei.\n"
        "Related articles\nNew ferry pier opens in Sai Kung\nBus routes to change next month\n"
        "Share this article\nFollow us on Twitter\n"
        f"{banner}\nAccept all\nManage preferences\n"
    )
    a = read_text(tmp_path, text)
    assert paragraphs(a) == [
        "Ferry fares will rise by 4% from August, the operator said.",
        "“We have no choice,” said operator spokesman Li Wei.",
    ]
