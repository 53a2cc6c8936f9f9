"""The fast index-time analysis must agree exactly with the Whoosh analyzers queries use."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import formats

from tui.search.prepare import encode, to_utc_naive
from tui.search.schema import (
    NAME_ANALYZER,
    TEXT_ANALYZER,
    name_positions,
    name_tokens,
    text_positions,
    text_tokens,
)

WORDS = st.sampled_from(
    [
        "the",
        "The",
        "Bank",
        "of",
        "England",
        "U.S.",
        "3.5",
        "İstanbul",
        "straße",
        "a",
        "I",
        "running",
        "elections",
        "don't",
        "e-mail",
        "naïve",
        "ÉCOLE",
        "x_y",
        "**bold**",
        "«quote»",
        "\u00a0",
        "\n\n",
        "—",
        "1,200",
        "ǅemal",
        "ﬁnance",
        "Σίσυφος",
        "日本語",
        "东京股市",
        "股价",
        "猫",
        "とうきょう",
        "カ\u3099ス",
        "서울의",
        "東京Tower",
        "Montre\u0301al",
        "café",
        "CAFÉ",
        "Ａｂｃ",
    ]
)
TEXT = st.one_of(
    st.lists(WORDS, max_size=40).map(" ".join),
    st.text(max_size=200),
)


def whoosh_positions(analyzer: object, text: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for t in analyzer(text, positions=True, mode="index"):  # type: ignore[operator]
        out.setdefault(t.text, []).append(t.pos)
    return out


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_text_positions_match_whoosh(text: str) -> None:
    assert text_positions(text) == whoosh_positions(TEXT_ANALYZER, text)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_highlight_tokens_match_whoosh_offsets(text: str) -> None:
    expected = [(t.text, t.startchar, t.endchar) for t in TEXT_ANALYZER(text, chars=True)]
    assert list(text_tokens(text)) == expected
    names = [(t.text, t.startchar, t.endchar) for t in NAME_ANALYZER(text, chars=True)]
    assert list(name_tokens(text)) == names


def test_name_positions_keep_names_apart() -> None:
    got = name_positions(["Jane Doe", "John Smith"])
    assert got["jane"] == [0] and got["doe"] == [1]
    assert got["john"][0] - got["doe"][0] > 1  # "doe john" is not a phrase


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_encoded_positions_are_whoosh_bytes(text: str) -> None:
    positions = text_positions(text)
    fmt = formats.Positions()
    for term, freq, weight, value in encode(positions).postings:
        poses = positions[term.decode("utf-8", "surrogatepass")]
        assert freq == len(poses) and weight == float(len(poses))
        assert value == fmt.encode(poses)
        assert fmt.decode_positions(value) == poses


def test_dates_become_naive_utc() -> None:
    assert to_utc_naive("2021-12-31T23:30:00-05:00") == datetime(2022, 1, 1, 4, 30)
    assert to_utc_naive("2021-06-30T23:00") == datetime(2021, 6, 30, 23, 0)
    assert to_utc_naive("2022-12-31T23:59:59Z") == datetime(2022, 12, 31, 23, 59, 59)
    assert to_utc_naive("2021-03-03") == datetime(2021, 3, 3)
    assert to_utc_naive("not a date") is None
    assert to_utc_naive(None) is None


@settings(max_examples=300, deadline=None)
@given(TEXT, st.lists(WORDS, min_size=1, max_size=3))
def test_highlight_spans_are_the_index_tokens(text: str, query_words: list[str]) -> None:
    """`highlight.spans` (fast path) marks exactly the tokens whose term the query holds."""
    from tui.search.highlight import spans
    from tui.search.query import TermMatcher

    terms = {t for w in query_words for t, _, _ in text_tokens(w)}
    names = {w for q in query_words for w, _, _ in name_tokens(q)}
    m = TermMatcher(text_terms=terms, name_terms=names)
    tokens = sorted(
        {(s, e) for t, s, e in text_tokens(text) if t in terms}
        | {(s, e) for w, s, e in name_tokens(text) if w in names}
    )
    expected: list[tuple[int, int]] = []
    for s, e in tokens:  # overlapping CJK bigrams are marked as one run
        if expected and s < expected[-1][1]:
            expected[-1] = (expected[-1][0], max(e, expected[-1][1]))
        else:
            expected.append((s, e))
    assert [(s.start, s.end) for s in spans(text, m)] == expected
