"""The rules engine over whole corpora and hostile inputs: offsets always hold.

Every article of the bundled sample corpus and of the BBC set (../shared/data, skipped when
absent) is annotated, and every entity and quote must point at its own text. A megabyte on one
line must come back with the right answer (toolong #55: regexes that go quadratic on long lines
stall an interface); the suite checks results, never time, and benchmarks/nlp_speed.py reports
the speed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tui.ingest import read_corpus
from tui.model import Annotations, Article
from tui.nlp.entities import find_entities
from tui.nlp.rules import RulesExtractor

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
DATA = ROOT.parent / "shared" / "data"
BBC = DATA / "bbc"
CONLL_DEV = DATA / "conll2003" / "dev.txt"
SCORER = ROOT.parent / "shared" / "eval" / "score_conll.py"
MEGABYTE = 1_000_000


def check(text: str, ann: Annotations) -> None:
    last_end = -1
    for e in ann.entities:
        assert text[e.start : e.end] == e.text, e
        assert e.start >= last_end, e
        assert e.canonical
        last_end = e.end
    for q in ann.quotes:
        assert text[q.start : q.end] == q.text, q


def sample_articles() -> list[Article]:
    if not CORPUS.is_dir():
        pytest.skip("bundled sample corpus not present")
    articles = [a for result in read_corpus(CORPUS) for a in result.articles]
    if not articles:
        pytest.skip("bundled sample corpus is empty")
    return articles


def test_every_sample_article_has_consistent_offsets() -> None:
    extractor = RulesExtractor()
    articles = sample_articles()
    for article in articles:
        ann = extractor.annotate(article.text, title=article.title, captions=article.captions)
        check(article.text, ann)
    assert len(articles) >= 10


def test_sample_corpus_names_and_acronyms() -> None:
    """Spot checks on the sample corpus: the names a reader of it would look for."""
    by_label: dict[tuple[str, str], set[str]] = {}
    for article in sample_articles():
        for e in find_entities(article.text, article.title, article.captions):
            by_label.setdefault((e.label, e.canonical), set()).add(e.text)
    assert ("PERSON", "Jacky Chung") in by_label
    assert "Chung" in by_label[("PERSON", "Jacky Chung")]
    assert "HTC" in by_label.get(("ORG", "Harbour Trade Council"), set())
    assert ("PLACE", "Port Ellis") in by_label


@pytest.mark.skipif(not BBC.is_dir(), reason=f"BBC corpus not found at {BBC}")
def test_every_bbc_article_has_consistent_offsets() -> None:
    extractor = RulesExtractor()
    count = 0
    for result in read_corpus(BBC):
        for article in result.articles:
            check(article.text, extractor.annotate(article.text, title=article.title))
            count += 1
    assert count >= 2225


@pytest.mark.skipif(
    not (CONLL_DEV.is_file() and SCORER.is_file()), reason="CoNLL-2003 dev or scorer not found"
)
def test_conll_dev_f1_stays_above_the_floor(tmp_path: Path) -> None:
    """Quality floor on CoNLL-2003 dev (exact-match PER/ORG/LOC; the target is 0.70).

    benchmarks/eval_conll.py prints the full figures; this only guards against a regression.
    """
    sys.path.insert(0, str(SCORER.parent))
    try:
        import score_conll
    finally:
        sys.path.pop(0)
    score_conll.prepare(str(CONLL_DEV), str(tmp_path / "dev"))
    jsonl = tmp_path / "dev.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for path in sorted((tmp_path / "dev").glob("doc_*.txt")):
            text = path.read_text(encoding="utf-8")
            found = find_entities(text)
            record = {"path": str(path), "entities": [e.model_dump() for e in found]}
            fh.write(json.dumps(record) + "\n")
    assert score_conll.score(str(tmp_path / "dev"), str(jsonl), min_f1=0.80)


# A megabyte on one line -------------------------------------------------------------------


SENTENCE = (
    "The Harbour Trade Council (HTC) said on March 4, 2025 that Jacky Chung had raised "
    "$4.2bn, or 12 per cent more, in Wellington. "
)


def test_megabyte_single_line_of_prose() -> None:
    repeats = MEGABYTE // len(SENTENCE) + 1
    text = SENTENCE * repeats
    assert "\n" not in text and len(text) > MEGABYTE
    ann = RulesExtractor().annotate(text)
    check(text, ann)
    labels = [e.label for e in ann.entities]
    assert labels.count("MONEY") == repeats
    assert labels.count("PERCENT") == repeats
    assert labels.count("DATE") == repeats
    assert labels.count("PERSON") == repeats
    assert labels.count("PLACE") == repeats
    assert labels.count("ORG") == 2 * repeats
    assert {e.canonical for e in ann.entities if e.text == "HTC"} == {"Harbour Trade Council"}


@pytest.mark.parametrize(
    "unit",
    [
        "1,",  # digits and separators: the money and date patterns' home ground
        "Aa ",  # one endless run of capitalised words
        "ABC ",  # an endless all-caps "headline"
        "((''\"\"",  # brackets and quotation marks with nothing inside
        "of ",  # connectors with no names to join
        "$1.",  # currency signs before numbers that never end
        "Mr ",  # titles with no name after them
        "-A",  # hyphen-joined capitals
    ],
)
def test_megabyte_single_line_of_noise(unit: str) -> None:
    text = unit * (MEGABYTE // len(unit))
    ann = RulesExtractor().annotate(text)
    check(text, ann)
