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


def captions(a: Article) -> list[str]:
    return [a.text[s.start : s.end] for s in a.captions]


def test_photo_captions_are_marked_shown_once_and_never_the_lead() -> None:
    a = article("captions.html")
    # By their credit line, and by the caption cell of the markup (no credit there).
    assert captions(a) == [
        "Workers clear the old rail yard in Kestrel Bay on Thursday. (Photo/Knight Frank)",
        "The site plan as approved by the council on Thursday night",
        "A tram passes the northern gate of the site. (Graphics/ANNA LEE)",
    ]
    assert paragraphs(a)[0].startswith("The council approved plans for 800 homes")
    assert paragraphs(a)[1] == captions(a)[0]  # the photo stays, after the lead
    assert a.text.count("Workers clear the old rail yard") == 1  # the repeat is gone
    assert paragraphs(a)[-1].startswith("Councillors will review the traffic plan")
    assert read("captions.html").problems == []


def test_a_caption_split_from_its_credit_is_marked_whole(tmp_path: Path) -> None:
    body = "".join(
        f"<p>{s}</p>"
        for s in (
            "The ferry pier reopened on Monday after six months of repairs to its timber deck.",
            "About 3,000 passengers a day use the pier, the harbour authority said on Monday.",
            "The authority said the next repairs would start on the northern jetty in May.",
        )
    )
    figure = (
        '<div class="photo"><img src="pier.jpg" alt=""><p>Passengers board the first ferry '
        'from the repaired pier.<br><span class="photo-credit">Sam Ortiz</span></p></div>'
    )
    page = tmp_path / "pier.html"
    page.write_text(
        f"<html><head><title>Ferry pier reopens</title></head><body><article>"
        f"<h1>Ferry pier reopens</h1>{figure}{body}</article></body></html>",
        encoding="utf-8",
    )
    [a] = read_file(page, tmp_path).articles
    assert a.text.startswith("The ferry pier reopened on Monday")
    # The extractor keeps the caption and its credit as two lines: both are the caption.
    assert captions(a) == ["Passengers board the first ferry from the repaired pier.", "Sam Ortiz"]
    assert paragraphs(a)[1:3] == captions(a)


def test_a_numeric_date_line_of_unknown_order_is_not_text(tmp_path: Path) -> None:
    page = tmp_path / "clinic.html"
    page.write_text(
        "<html><head><title>Clinic extends its hours</title></head><body><article>"
        "<h1>Clinic extends its hours</h1>"
        "<p>05/10/2018 - Posted by: Clara Borba - Category: Health</p>"
        "<p>The district clinic will open until 9pm on weekdays from next month, its director "
        "said on Friday, after a year of queues at the door each morning.</p>"
        "<p>Two more doctors and four nurses have been hired for the evening shifts.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    [a] = read_file(page, tmp_path).articles
    assert a.text.startswith("The district clinic will open")
    assert "Posted by" not in a.text


def test_lines_recurring_on_pages_of_one_site_are_furniture_in_html() -> None:
    site = FIXTURES / "site"
    for name in ("k1.html", "k2.html", "k3.html", "k4.html"):
        [a] = read_file(site / name, site).articles
        assert a.source == "Harbour Daily"
        assert "brings you the delta's news first" not in a.text, name
        assert len(paragraphs(a)) == 3 + (name == "k3.html"), name
    # A short line on one page only is that page's own text.
    [a] = read_file(site / "k3.html", site).articles
    assert paragraphs(a)[-1] == "Beaches open on May 1"


def test_one_page_of_a_site_teaches_nothing(tmp_path: Path) -> None:
    src = FIXTURES / "site" / "k1.html"
    (tmp_path / "k1.html").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    [a] = read_file(tmp_path / "k1.html", tmp_path).articles
    assert "Harbour Daily brings you the delta's news first" in paragraphs(a)
