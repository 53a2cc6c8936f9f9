"""The bundled sample corpus, indexed: expectations derived from ingest's own reading of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search_helpers import engine, ids

from tui.config import sample_corpus
from tui.ingest import read_corpus
from tui.model import Article
from tui.nlp import get_extractor
from tui.search import WhooshSearchEngine

CORPUS = sample_corpus()
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="no sample corpus")


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    return {a.id: a for result in read_corpus(CORPUS) for a in result.articles}


@pytest.fixture(scope="module")
def eng(tmp_path_factory: pytest.TempPathFactory) -> WhooshSearchEngine:
    e = engine(CORPUS, tmp_path_factory.mktemp("sample-index"))
    e.update()
    yield e
    e.close()


def every(e: WhooshSearchEngine, q: str) -> set[str]:
    r = e.search(q, limit=500)
    assert r.error is None, r.error
    return ids(r)


def test_every_article_is_indexed(eng: WhooshSearchEngine, articles: dict[str, Article]) -> None:
    assert eng.count() == len(articles)
    assert every(eng, "date:[1900 to 2100] OR NOT date:[1900 to 2100]") <= set(articles)


def test_source_and_date_fields(eng: WhooshSearchEngine, articles: dict[str, Article]) -> None:
    wire = {i for i, a in articles.items() if (a.source or "").lower() == "harbour wire"}
    assert wire and every(eng, 'source:"Harbour Wire"') == wire
    june = {i for i, a in articles.items() if (a.date or "").startswith("2025-06")}
    assert june and every(eng, "date:2025-06") == june
    later = {i for i, a in articles.items() if a.date and a.date[:4] > "2024"}
    assert every(eng, "date:>2024") == later


def test_each_title_finds_its_article(
    eng: WhooshSearchEngine, articles: dict[str, Article]
) -> None:
    for article in articles.values():
        words: list[str] = []
        for word in (article.title or "").split()[:4]:
            if not word.isalpha():
                break
            words.append(word)
        if len(words) < 2:
            continue
        r = eng.search(f'title:"{" ".join(words)}"')
        assert article.id in ids(r), (article.id, words)


def test_person_field_uses_full_names(eng: WhooshSearchEngine) -> None:
    found = every(eng, 'person:"Rosalind Okafor"')
    assert "trade/okafor-unveils-export-plan-at-northern-trade-summit.txt" in found
    assert found <= every(eng, "okafor")


def test_stored_annotations_are_the_engine_s(
    eng: WhooshSearchEngine, articles: dict[str, Article]
) -> None:
    extractor = get_extractor("rules")
    for article_id in list(articles)[:5]:
        article = eng.article(article_id)
        assert article is not None and article.text == articles[article_id].text
        stored = eng.annotations(article_id)
        fresh = extractor.annotate(article.text, title=article.title, captions=article.captions)
        assert stored == fresh
        for ent in stored.entities:
            assert article.text[ent.start : ent.end] == ent.text


def test_snippets_come_from_the_text(eng: WhooshSearchEngine, articles: dict[str, Article]) -> None:
    r = eng.search("harbour", limit=50)
    assert r.hits
    for hit in r.hits:
        for m in hit.snippet_marks:
            assert hit.snippet[m.start : m.end].lower().startswith("harbo")


def test_sample_corpus_path_is_absolute() -> None:
    assert Path(CORPUS).is_absolute()
