"""Search over the world's text: CJK words inside longer runs, accents and case folded.

Chinese, Japanese and Korean are written without spaces, so a word is only ever a part of a
longer run; the index holds overlapping bigrams and a query is cut the same way. Accents and
case fold for matching, while the reader shows (and marks) the text as written.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_search_helpers import engine, ids, write_md
from whoosh import query as wq

from tui.search import WhooshSearchEngine
from tui.search.query import make_parser
from tui.search.schema import build_schema, text_positions

DECOMPOSED_MONTREAL = "Montre\u0301al"
DECOMPOSED_GAS = "\u30ab\u3099\u30b9"  # ガス with the voicing mark as a separate character

FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # one emoji: three people joined
WAVE = "\U0001f44b\U0001f3fd"  # a waving hand with a skin tone
FLAG = "\U0001f1ec\U0001f1e7"  # two regional indicators: one flag
PERSIAN = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # a word held by a ZWNJ

ARTICLES = {
    "zh1.md": ("股市新闻", "东京股市周一大幅上涨，投资者对央行政策感到乐观。"),
    "zh2.md": ("上海消息", "上海的股价昨天下跌了百分之三，交易员表示担忧。"),
    "zh3.md": ("宠物", "Tom 的 猫 很 可爱"),
    "ja1.md": ("市場", "東京の株式市場は月曜日に大きく上昇した。"),
    "ja2.md": ("料金", f"大阪では{DECOMPOSED_GAS}料金が来月から値上がりする。"),
    "ko1.md": ("증시", "서울 주식시장이 월요일에 크게 올랐다."),
    "fr1.md": ("Reopening", f"The old café in {DECOMPOSED_MONTREAL} reopened on Sunday."),
    "de1.md": ("Verkehr", "Die STRASSE nach Köln bleibt gesperrt."),
    "en1.md": ("Plain", "A plain cafe with no accents at all."),
    "emoji.md": (
        f"Family {FAMILY} day",
        f"The picnic {FAMILY} drew crowds, {WAVE} said the mayor; {FLAG} flags flew.",
    ),
    "fa1.md": ("Tehran", f"Reporters in Tehran wrote {PERSIAN} on Monday."),
}


@pytest.fixture(scope="module")
def eng(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WhooshSearchEngine]:
    root = tmp_path_factory.mktemp("corpus")
    for rel, (title, body) in ARTICLES.items():
        write_md(root, rel, title=title, body=body)
    e = engine(root, tmp_path_factory.mktemp("index"))
    e.update()
    yield e
    e.close()


def found(e: WhooshSearchEngine, q: str) -> set[str]:
    r = e.search(q, limit=50)
    assert r.error is None, (q, r.error)
    return ids(r)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("东京", {"zh1.md"}),  # a word inside a longer run
        ("股价", {"zh2.md"}),
        ("东京股市", {"zh1.md"}),  # a longer query: the phrase of its bigrams
        ("股市东京", set()),  # same bigram count, wrong order
        ("上海 股价", {"zh2.md"}),
        ("猫", {"zh3.md"}),  # a lone character stays a unigram
        ("東京", {"ja1.md"}),
        ("株式市場", {"ja1.md"}),
        ("ガス", {"ja2.md"}),  # composed query, decomposed text
        ("料金", {"ja2.md"}),
        ("주식", {"ko1.md"}),
        ("주식시장", {"ko1.md"}),
        ("서울", {"ko1.md"}),
        ("cafe", {"fr1.md", "en1.md"}),
        ("CAFÉ", {"fr1.md", "en1.md"}),
        ("Montréal", {"fr1.md"}),  # composed query, decomposed text
        ("montreal", {"fr1.md"}),
        ("strasse", {"de1.md"}),
        ("straße", {"de1.md"}),  # casefold: ß is ss
        ("koln", {"de1.md"}),
        ('"old café"', {"fr1.md"}),
    ],
)
def test_world_text_queries(eng: WhooshSearchEngine, query: str, expected: set[str]) -> None:
    assert found(eng, query) == expected


@pytest.mark.parametrize(
    ("article_id", "query", "marked"),
    [
        ("zh1.md", "东京", ["东京"]),
        ("zh1.md", "东京股市", ["东京股市"]),  # overlapping bigrams marked once, as one run
        ("ja2.md", "ガス", [DECOMPOSED_GAS]),
        ("fr1.md", "Montréal", [DECOMPOSED_MONTREAL]),
        ("fr1.md", "cafe", ["café"]),
        ("ko1.md", "주식", ["주식"]),
    ],
)
def test_reader_marks_the_original_characters(
    eng: WhooshSearchEngine, article_id: str, query: str, marked: list[str]
) -> None:
    article = eng.article(article_id)
    assert article is not None
    spans = eng.hit_spans(query, article)
    assert [article.text[s.start : s.end] for s in spans] == marked


def test_reader_text_is_shown_as_written(eng: WhooshSearchEngine) -> None:
    article = eng.article("fr1.md")
    assert article is not None and DECOMPOSED_MONTREAL in article.text


def test_snippet_marks_a_cjk_match(eng: WhooshSearchEngine) -> None:
    hit = eng.search("股价").hits[0]
    assert [hit.snippet[m.start : m.end] for m in hit.snippet_marks] == ["股价"]


def test_a_cjk_word_query_parses_as_a_phrase_of_bigrams() -> None:
    q = make_parser(build_schema()).parse("东京股市")
    assert isinstance(q, wq.Phrase)
    assert list(q.words) == ["东京", "京股", "股市"]


def test_a_split_latin_word_stays_and() -> None:
    q = make_parser(build_schema()).parse("long-term")
    assert not isinstance(q, wq.Phrase)


def test_ascii_and_folded_text_index_alike() -> None:
    assert text_positions("Café in Montre\u0301al") == text_positions("cafe in montreal")


@pytest.mark.parametrize("query", ["picnic", "tehran"])
def test_snippets_keep_emoji_sequences_and_joined_words_whole(
    eng: WhooshSearchEngine, query: str
) -> None:
    """A snippet is the text on one line: joiners inside an emoji sequence or a Persian word
    are part of it, never turned into spaces (which splits one emoji into three)."""
    (hit,) = eng.search(query).hits
    article = eng.article(hit.id)
    assert article is not None
    for whole in (FAMILY, WAVE, FLAG, PERSIAN):
        if whole in article.text:
            assert whole in hit.snippet, hit.snippet
    assert hit.title is not None and (FAMILY in hit.title or query == "tehran")
