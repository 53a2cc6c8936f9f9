"""Saved web pages: trafilatura's extraction, and the plain fallback when it finds nothing."""

from __future__ import annotations

from pathlib import Path

from tui.ingest import read_file
from tui.model import ReadResult

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def write(tmp_path: Path, name: str, content: bytes) -> ReadResult:
    path = tmp_path / name
    path.write_bytes(content)
    return read_file(path, tmp_path)


def test_article_page_with_metadata() -> None:
    result = read_file(FIXTURES / "page.html", FIXTURES)
    assert result.problems == []
    [a] = result.articles
    assert a.title == "Bridge reopens after repairs"
    assert a.date == "2020-02-14"
    assert a.author == "Tom Baker"
    assert a.source == "City Chronicle"
    assert a.url == "https://chronicle.example/bridge"
    paras = a.text.split("\n\n")
    assert paras[0].startswith("The Old Town bridge reopened")
    assert paras[-1].startswith('"It is good to have our bridge back,"')
    assert "Home" not in a.text and "All rights reserved" not in a.text
    assert a.title not in a.text


def test_tiny_page_falls_back_to_visible_text(tmp_path: Path) -> None:
    html = (
        b"<html><head><title>Short note</title><style>p{}</style></head><body>"
        b"<p>One line.</p><script>alert(1)</script><p>Two.</p></body></html>"
    )
    result = write(tmp_path, "n.htm", html)
    [a] = result.articles
    assert a.title == "Short note"
    assert a.text == "One line.\n\nTwo."


def test_declared_charset_used_when_not_utf8(tmp_path: Path) -> None:
    body = "<p>Caf\u00e9 prices rose \u20ac2 in Z\u00fcrich, owners said on Monday.</p>" * 3
    head = '<meta charset="windows-1252"><title>Caf\u00e9</title>'
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    result = write(tmp_path, "c.html", html.encode("cp1252"))
    [a] = result.articles
    assert "Café prices rose €2 in Zürich" in a.text


def test_page_without_text_is_a_problem(tmp_path: Path) -> None:
    result = write(tmp_path, "e.html", b"<html><body><script>x()</script></body></html>")
    assert result.articles == []
    assert [p.reason for p in result.problems] == ["no text"]


def test_xml_declaration_and_garbage_markup(tmp_path: Path) -> None:
    page = (
        b'<?xml version="1.0" encoding="utf-8"?>'
        b"<html><body><p>Text survives <b>bad <i>nesting</b></p></body>"
    )
    result = write(tmp_path, "x.html", page)
    assert result.problems == []
    assert "Text survives" in result.articles[0].text


def test_escapes_in_page_are_cleaned(tmp_path: Path) -> None:
    page = (
        "<html><head><title>T\x1b]0;x\x07itle</title></head>"
        "<body><p>A \x1b[31mred\x1b[0m word.</p></body></html>"
    )
    [a] = write(tmp_path, "esc.html", page.encode()).articles
    assert "\x1b" not in a.text and "\x1b" not in (a.title or "")
    assert "red" in a.text


def _page(body: str) -> bytes:
    return (
        "<html><head><title>Tram line opens | City Chronicle</title>"
        '<meta property="og:title" content="Tram line opens to the airport">'
        '<meta property="og:site_name" content="City Chronicle"></head><body><article>'
        f"{body}</article></body></html>"
    ).encode()


_STORY = (
    "<p>The new tram line to the airport opened on Monday after four years of building work, "
    "carrying more than twelve thousand passengers on its first day of service.</p>"
    "<p>Officials said trams would run every six minutes at peak times and every ten minutes "
    "in the evening, with later services at weekends from next month.</p>"
)


def test_breadcrumb_and_headline_above_the_story_are_not_body_text(tmp_path: Path) -> None:
    html = _page(f"<p>Transport / Trams</p><h1>Tram line opens to the airport</h1>{_STORY}")
    [a] = write(tmp_path, "t.html", html).articles
    assert a.title == "Tram line opens to the airport"
    assert a.text.startswith("The new tram line to the airport opened on Monday")
    assert "Transport / Trams" not in a.text


def test_a_first_sentence_is_kept_even_before_the_headline(tmp_path: Path) -> None:
    lead = "<p>Commuters have waited for this day for a long time, and it finally came.</p>"
    html = _page(f"{lead}<h1>Tram line opens to the airport</h1>{_STORY}")
    [a] = write(tmp_path, "t.html", html).articles
    assert a.text.startswith("Commuters have waited")
