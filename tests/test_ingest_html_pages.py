"""Real-page shapes of saved HTML: furniture inside the article, other posts nested in the post,
an article split around advertising slots, a printed publication date among many dates, and a
page whose text stops at a subscription prompt."""

from __future__ import annotations

from pathlib import Path

from tui.ingest import read_file
from tui.model import Article, ReadResult

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def read(name: str) -> ReadResult:
    return read_file(FIXTURES / name, FIXTURES)


def article(name: str) -> Article:
    result = read(name)
    assert len(result.articles) == 1, result.problems
    return result.articles[0]


def paragraphs(a: Article) -> list[str]:
    return a.text.split("\n\n")


def test_furniture_inside_the_article_is_not_text() -> None:
    a = article("furniture.html")
    text = a.text
    for furniture in (
        "FERRY OPERATORS WARN",  # a teaser link standing as a paragraph
        "Related:",
        "READ MORE",
        "DON'T MISS",
        "Minibus drivers threaten strike",
        "Typhoon shelter to get 200 new moorings",
        "newsletter",
        "Follow us",
        "Lam calls for review of port fees",  # a name card that opens on hover
    ):
        assert furniture not in text, furniture
    assert paragraphs(a)[0].startswith("Tolls for the cross-harbour tunnel will rise")
    assert "Legislator Ada Lam said drivers had been given too little notice" in text
    assert paragraphs(a)[-1].startswith("The department expects about 110,000 vehicles")
    assert len(paragraphs(a)) == 6


def test_page_metadata_is_clean() -> None:
    a = article("furniture.html")
    assert a.title == "Harbour tunnel tolls to rise in April"  # no " - Harbour Daily"
    assert a.author == "Mei Chan"  # the role and the outlet are not a person
    assert a.source == "Harbour Daily"
    assert a.date == "2024-03-05"  # the page's own day, 20 minutes after its midnight


def test_other_posts_nested_in_the_post_are_not_its_text() -> None:
    a = article("listing.html")
    assert a.title == "Cuidar de si"
    assert a.text.startswith("Cuidar de si não é egoísmo.")
    for teaser in ("Gratidão", "Coragem não é ausência de medo", "O que une uma família"):
        assert teaser not in a.text


def test_article_split_around_advertising_is_read_whole() -> None:
    result = read("chunked.html")
    [a] = result.articles
    assert len(paragraphs(a)) == 10
    assert paragraphs(a)[0].startswith("Startups that promise to fix banking")
    assert paragraphs(a)[3].startswith("The firms reply that they serve people")
    assert paragraphs(a)[-1].startswith("For customers, the advice from consumer groups")
    assert "Advertisement" not in a.text and "inbox" not in a.text
    assert a.title == "The banks that bet on your being broke"
    assert result.problems == []


def test_printed_publication_date_wins_over_dates_in_the_text() -> None:
    a = article("published_line.html")
    assert a.date == "2023-11-18"
    assert a.title == "Did the city really spend $2 million on a logo?"
    assert "Published:" not in a.text


def test_text_stopping_at_a_subscription_prompt_is_reported() -> None:
    result = read("paywall.html")
    [a] = result.articles
    assert "Subscribe" not in a.text
    assert a.text.startswith("Talks to end the strike")
    [problem] = result.problems
    assert problem.path == "paywall.html"
    assert problem.reason.startswith("text may be incomplete")
