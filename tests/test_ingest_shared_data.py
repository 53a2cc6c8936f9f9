"""Real corpora: every BBC article and every BuzzFeed record with text reads with a title.

The data sets live beside the project in ../shared/data (research licences: never copied into
the repository); the tests skip when that folder is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.ingest import read_corpus, read_file
from tui.ingest.paragraphs import same_text

DATA = Path(__file__).parents[1].parent / "shared" / "data"
BBC = DATA / "bbc"
BUZZFEED = DATA / "buzzfeed" / "articles.jsonl"
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")


@pytest.mark.skipif(not BBC.is_dir(), reason=f"BBC corpus not found at {BBC}")
def test_every_bbc_article_reads_with_title_and_text() -> None:
    articles = {}
    for result in read_corpus(BBC):
        # The data set's README.TXT is the one file skipped, and it is said to be.
        assert all(p.path == "README.TXT" and "not an article" in p.reason for p in result.problems)
        for a in result.articles:
            articles[a.id] = a
    ids = sorted(i for i in articles if i.split("/")[0] in CATEGORIES)
    assert len(ids) == 2225
    for i in ids:
        a = articles[i]
        assert a.title and a.text, i
        assert not same_text(a.text.split("\n\n")[0], a.title), i
        assert (a.date, a.author, a.source, a.section) == (None, None, None, None), i
        assert a.captions == [] or all(a.text[s.start : s.end] for s in a.captions)


@pytest.mark.skipif(not BBC.is_dir(), reason=f"BBC corpus not found at {BBC}")
def test_bbc_latin1_byte_is_read_as_pound_sign() -> None:
    [a] = read_file(BBC / "sport" / "199.txt", BBC).articles
    assert a.title == "Chelsea sack Mutu"
    assert "a £15.8m signing from Parma" in a.text


@pytest.mark.skipif(not BBC.is_dir(), reason=f"BBC corpus not found at {BBC}")
def test_bbc_first_lines_become_title_and_body() -> None:
    path = BBC / "business" / "001.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    [a] = read_file(path, BBC).articles
    assert a.title == lines[0]
    assert a.text.startswith(lines[2].strip())


@pytest.mark.skipif(not BUZZFEED.is_file(), reason=f"BuzzFeed corpus not found at {BUZZFEED}")
def test_every_buzzfeed_record_reads_or_is_reported() -> None:
    """Records with text become articles with a title (derived from the text when the record
    has none); the records whose text is empty (23 of 1,627) are reported as "no text"."""
    raw = BUZZFEED.read_text(encoding="utf-8").split("\n")
    records = {n: json.loads(line) for n, line in enumerate(raw, start=1) if line.strip()}
    assert len(records) == 1627
    result = read_file(BUZZFEED, BUZZFEED.parent)
    articles = {a.id: a for a in result.articles}
    problems = {p.line: p.reason for p in result.problems}
    with_text = {n for n, r in records.items() if r["text"].strip()}
    assert set(articles) == {f"articles.jsonl#{n}" for n in with_text}
    assert problems == {n: "no text" for n in records if n not in with_text}
    for n in with_text:
        a = articles[f"articles.jsonl#{n}"]
        assert a.title and a.text, n
        assert a.source == records[n]["source"]
        if not records[n]["title"].strip():
            assert a.text.startswith(a.title.rstrip("…")), n
    untitled = [n for n in with_text if not records[n]["title"].strip()]
    assert untitled  # the corpus really has such records: the derivation is exercised
    assert "\u00e2\u0080" not in "".join(a.title or "" for a in result.articles)  # mojibake fixed
