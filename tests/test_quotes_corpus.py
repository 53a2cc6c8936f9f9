"""Quotes on the bundled sample corpus: scraped-shape articles with captions and site chrome.

Every quotation there has a named speaker, and nobody credited in a photo caption ("Photo:
MARA OSEI/HARBOUR POST", "(Graphics/LIN WEI)") becomes a speaker: credits sit next to quoted
text often enough to tempt a careless attribution rule.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.ingest import read_corpus
from tui.model import Article
from tui.nlp import get_extractor
from tui.nlp.quotes import find_quotes

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CREDIT = re.compile(r"(?:Photo|Graphics|Picture|Image)s?\s*[:/]\s*([^/()\n]+?)\s*(?:/|\))", re.I)


def _articles() -> list[Article]:
    if not CORPUS.is_dir():
        pytest.skip("bundled sample corpus not present")
    arts = [a for result in read_corpus(CORPUS) for a in result.articles]
    if not arts:
        pytest.skip("bundled sample corpus is empty")
    return arts


def _credits(article: Article) -> set[str]:
    names: set[str] = set()
    for span in article.captions:
        for m in CREDIT.finditer(article.text[span.start : span.end]):
            names.add(m.group(1).strip().lower())
    return names


@pytest.mark.parametrize("use_entities", [True, False], ids=["entities", "no-entities"])
def test_every_corpus_quote_has_a_speaker(use_entities: bool) -> None:
    extractor = get_extractor("rules")
    checked = 0
    for art in _articles():
        if use_entities:
            quotes = extractor.annotate(art.text, title=art.title, captions=art.captions).quotes
        else:
            quotes = find_quotes(art.text, [])
        for q in quotes:
            assert art.text[q.start : q.end] == q.text
            # Reported speech from people the article does not name ("according to council
            # officials") has no speaker to give, only its cue; everything else has a name.
            unnamed = q.kind == "indirect" and q.cue is not None
            assert q.speaker or unnamed, f"{art.path}: no speaker for {q.text[:60]!r}"
            assert (q.speaker or "").lower() not in {"he", "she", "they", "it"}
            checked += 1
    assert checked > 50


def test_caption_credits_never_become_speakers() -> None:
    extractor = get_extractor("rules")
    credited = 0
    for art in _articles():
        credits = _credits(art)
        credited += len(credits)
        speakers = {
            (q.speaker or "").lower()
            for q in extractor.annotate(art.text, title=art.title, captions=art.captions).quotes
        }
        speakers |= {(q.speaker or "").lower() for q in find_quotes(art.text, [])}
        for name in credits:
            assert not any(name in s or (s and s in name) for s in speakers), (art.path, name)
    assert credited > 0
