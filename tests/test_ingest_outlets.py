"""The outlet a web page comes from: the domain where a page names itself only by its stem or
its Twitter handle, or not at all; and one outlet is one source in the facets."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lxml_html
from test_search_helpers import engine, write_md

from tui.ingest.outlets import outlet, registered_domain
from tui.ingest.readers.html import read_html
from tui.search.facets import one_per_outlet, outlet_names, shown_source


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.nj.com/news/2019/11/a.html", "nj.com"),
        ("https://hosted.ap.org/citizensvoice/article/1", "ap.org"),
        ("http://www.autoracing.com.br/x/", "autoracing.com.br"),
        ("https://www.bbc.co.uk/news/uk-1", "bbc.co.uk"),
        ("https://sputniknews.com/columnists/1/", "sputniknews.com"),
        ("not a url", None),
        ("http://127.0.0.1/x", None),
        (None, None),
    ],
)
def test_registered_domain(url: str | None, domain: str | None) -> None:
    assert registered_domain(url) == domain


SPUTNIK = "https://sputniknews.com/columnists/1/"
GUARDIAN = "https://www.theguardian.com/world/1"


def page(*metas: tuple[str, str]) -> object:
    tags = "".join(f'<meta property="{k}" content="{v}">' for k, v in metas)
    return lxml_html.fromstring(f"<html><head>{tags}</head><body><p>x</p></body></html>")


@pytest.mark.parametrize(
    ("site", "metas", "url", "shown"),
    [
        # a stem in lower case, title-cased by the extractor: the domain
        ("Nj", [("og:site_name", "nj")], "https://www.nj.com/a", "nj.com"),
        ("Cleveland", [("og:site_name", "cleveland")], "https://cleveland.com/a", "cleveland.com"),
        # a subdomain's name is not the outlet
        ("Hosted", [("og:site_name", "Hosted")], "https://hosted.ap.org/a", "ap.org"),
        # no site name: the extractor's last resort is the Twitter handle
        ("SputnikInt", [("twitter:site", "@SputnikInt")], SPUTNIK, "sputniknews.com"),
        # a name the page writes as a name stays
        ("Reuters", [("og:site_name", "Reuters")], "https://www.reuters.com/a", "Reuters"),
        ("The Guardian", [("og:site_name", "The Guardian")], GUARDIAN, "The Guardian"),
        # nothing but the address: the domain; no address: what there is
        (None, [], "https://www.harbourpost.example/a", "harbourpost.example"),
        ("Harbour Post", [], None, "Harbour Post"),
    ],
)  # fmt: skip
def test_outlet(
    site: str | None, metas: list[tuple[str, str]], url: str | None, shown: str
) -> None:
    assert outlet(site, page(*metas), url) == shown


def test_a_page_that_names_itself_by_its_stem_shows_its_domain() -> None:
    raw = (
        "<html><head><title>Band to reunite for summer show - cleveland.com</title>"
        '<meta property="og:site_name" content="cleveland">'
        '<meta property="og:url" content="https://www.cleveland.com/ent/2019/11/band.html">'
        "</head><body><article><h1>Band to reunite for summer show</h1>"
        + "".join(
            f"<p>The band will play the lakeside stage in July, paragraph {n} says, and "
            "tickets go on sale on Friday at the box office downtown.</p>"
            for n in range(6)
        )
        + "</article></body></html>"
    )
    (article,) = read_html(raw, "band.html").articles
    assert article.source == "cleveland.com"


def test_one_outlet_is_one_source_in_the_facets() -> None:
    merged = one_per_outlet(
        Counter({"PolitiFact": 3, "politifact.com": 1, "The Guardian": 2, "Guardian": 1, "CNN": 4})
    )
    assert merged == Counter({"PolitiFact": 4, "The Guardian": 3, "CNN": 4})


def test_search_facets_count_an_outlet_once(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    for n, source in enumerate(["PolitiFact", "PolitiFact", "politifact.com", "Harbour Post"]):
        write_md(
            corpus, f"a{n}.md", f"Claim {n} checked", "The claim about the budget.", source=source
        )
    eng = engine(corpus, tmp_path / "ix")
    eng.update()
    facets = {f.value: f.count for f in eng.search("budget").sources}
    assert facets == {"PolitiFact": 3, "Harbour Post": 1}
    assert eng.search('source:"PolitiFact"').total == 3  # the filter finds every spelling
    eng.close()


def test_an_outlet_is_shown_by_the_name_the_corpus_mostly_gives_it(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    for n, source in enumerate(["PolitiFact", "PolitiFact", "politifact.com", "Harbour Post"]):
        write_md(corpus, f"a{n}.md", f"Claim {n}", "The claim about the budget.", source=source)
    eng = engine(corpus, tmp_path / "ix")
    eng.update()
    names = eng.outlet_names()
    assert names == {"politifact": "PolitiFact"}  # spelt one way: nothing to change
    assert shown_source("politifact.com", names) == "PolitiFact"
    assert shown_source("Harbour Post", names) == "Harbour Post"
    write_md(corpus, "a9.md", "Claim 9", "The claim.", source="politifact.com")
    write_md(corpus, "a8.md", "Claim 8", "The claim.", source="politifact.com")
    eng.update()  # now the domain is the more used spelling
    assert eng.outlet_names() == {"politifact": "politifact.com"}
    eng.close()


def test_outlet_names_prefer_a_written_name_on_a_tie() -> None:
    names = outlet_names(Counter({"politifact.com": 1, "PolitiFact": 1, "CNN": 3}))
    assert names == {"politifact": "PolitiFact"}
    assert shown_source(None, names) is None


SCRAPED = (
    "Council approves 800 homes on old rail yard\n"
    "By TOM BRIGHT|2 February 2024\n"
    "Workers clear the old rail yard in Kestrel Bay on Thursday. Photo: MARA OSEI/{credit}\n"
    "The council approved plans for 800 homes on the former rail yard on Thursday, a third "
    "of them for rent at below market prices.\n"
    "Building is expected to start in the autumn, the council said in a statement.\n"
    "Residents groups welcomed the affordable homes but raised concerns about traffic.\n"
)


@pytest.mark.parametrize(("credit", "source"), [("HD", "HD"), ("REUTERS", None), ("AFP", None)])
def test_a_page_without_a_masthead_takes_its_photographers_outlet(
    tmp_path: Path, credit: str, source: str | None
) -> None:
    """A staff photographer's credit ("Photo: NAME/HD") names the outlet; an agency's does
    not (the page may be anyone's)."""
    from tui.ingest import read_file

    page = tmp_path / "page.txt"
    page.write_text(SCRAPED.format(credit=credit), encoding="utf-8")
    (article,) = read_file(page, tmp_path).articles
    assert article.source == source
    assert article.author == "Tom Bright"
