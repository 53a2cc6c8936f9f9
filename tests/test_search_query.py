"""Queries return exactly the expected articles of a small corpus written by the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_search_helpers import engine, ids, write_md, write_txt

from tui.search import WhooshSearchEngine
from tui.search.indexer import INLINE_MAX
from tui.search.query import check, date_span

ARTICLES = {
    "a1.md": dict(
        title="Harbour council approves budget",
        body="The harbour council approved its budget for the coming year. Officials said "
        "the port would hire more pilots.",
        date="2021-01-15",
        author="Maria Novak",
        source="Harbour Times",
        tags=["budget"],
    ),
    "a2.md": dict(
        title="Exports fall as demand cools",
        body="Exports fell sharply in the second quarter, according to the statistics office. "
        "Economists blamed weaker demand from China.",
        date="2021-06-30T23:00",
        source="Market Wire",
    ),
    "a3.md": dict(
        title="Election campaign opens",
        body="Jane Doe, the leader of the Civic Party, opened her election campaign on Monday. "
        '"We will win this election," Doe told supporters in Port Ellis.',
        date="2021-07-01",
        source="Harbour Times",
    ),
    "a4.md": dict(
        title="Central bank raises rates",
        body="The Reserve Bank raised interest rates by half a point, its third increase this "
        "year, to cool inflation.",
        date="2022-03-10T08:30",
        source="Market Wire",
    ),
    "a5.md": dict(
        title="Year ends with record freight volumes",
        body="Freight volumes reached a record in December as shipping companies added routes.",
        date="2022-12-31T23:59:59",
        source="Daily Ledger",
    ),
    "a6.md": dict(
        title="New year, new port fees",
        body="Port fees rose on the first day of the year, angering shipping companies.",
        date="2023-01-01",
        source="Daily Ledger",
    ),
    "sub/a7.md": dict(
        title="Government publishes housing report",
        body="The government published its long-awaited housing report. Ministers promised "
        "thousands of new homes; critics said the plans lacked funding.",
        date="2023-08-20",
        author="Omar Haddad",
        source="The Civic Record",
    ),
}
UNDATED = "b1.txt"


@pytest.fixture(scope="module")
def eng(tmp_path_factory: pytest.TempPathFactory) -> WhooshSearchEngine:
    root = tmp_path_factory.mktemp("corpus")
    for rel, a in ARTICLES.items():
        write_md(root, rel, **a)  # type: ignore[arg-type]
    write_txt(
        root,
        UNDATED,
        "Undated note on harbour dredging",
        "Dredging of the harbour channel will begin after the storm season, the port said.",
    )
    e = engine(root, tmp_path_factory.mktemp("index"))
    e.update()
    yield e
    e.close()


def found(e: WhooshSearchEngine, q: str, **kw: object) -> set[str]:
    r = e.search(q, limit=50, **kw)  # type: ignore[arg-type]
    assert r.error is None, (q, r.error)
    assert r.total == len(r.hits)
    return ids(r)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("harbour", {"a1.md", "b1.txt"}),
        ("HARBOUR council", {"a1.md"}),
        ("elections", {"a3.md"}),  # stemming: election(s)
        ('"shipping companies"', {"a5.md", "a6.md"}),
        ('"companies shipping"', set()),
        ("exports OR inflation", {"a2.md", "a4.md"}),
        ("port NOT fees", {"a1.md", "a3.md", "b1.txt"}),
        ("title:budget", {"a1.md"}),
        ("body:budget", {"a1.md"}),
        ("title:report", {"sub/a7.md"}),
        ("source:wire", {"a2.md", "a4.md"}),
        ('source:"harbour times"', {"a1.md", "a3.md"}),
        ("author:novak", {"a1.md"}),
        ('author:"Omar Haddad"', {"sub/a7.md"}),
        ("tag:budget", {"a1.md"}),
        ("freigt~", {"a5.md"}),  # fuzzy
        ("govern*", {"sub/a7.md"}),
        ("id:sub/a7.md", {"sub/a7.md"}),
    ],
)
def test_text_and_field_queries(eng: WhooshSearchEngine, query: str, expected: set[str]) -> None:
    assert found(eng, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:2021", {"a1.md", "a2.md", "a3.md"}),
        ("date:2022", {"a4.md", "a5.md"}),
        ("date:2021-06", {"a2.md"}),
        ("date:2021-07-01", {"a3.md"}),
        ("date:[2021-01 to 2021-06]", {"a1.md", "a2.md"}),
        ("date:[2021-02 to 2022-03]", {"a2.md", "a3.md", "a4.md"}),
        ("date:>2022", {"a6.md", "sub/a7.md"}),
        ("date:>=2022", {"a4.md", "a5.md", "a6.md", "sub/a7.md"}),
        ("date:<2022", {"a1.md", "a2.md", "a3.md"}),
        ("date:<=2021-06", {"a1.md", "a2.md"}),
        ("date:[2023 to]", {"a6.md", "sub/a7.md"}),
        ("date:{2021-01-15 to 2021-07-01}", {"a2.md"}),
        ("port date:2023", {"a6.md"}),
    ],
)
def test_date_queries(eng: WhooshSearchEngine, query: str, expected: set[str]) -> None:
    assert found(eng, query) == expected


def test_canonical_names_in_person_and_speaker_fields(eng: WhooshSearchEngine) -> None:
    # The article calls her "Doe" in the quote; the index holds her full name.
    assert found(eng, 'person:"Jane Doe"') == {"a3.md"}
    assert found(eng, "speaker:doe") == {"a3.md"}
    assert found(eng, 'person:"Doe Jane"') == set()


def test_date_sort_is_newest_first_with_undated_last(eng: WhooshSearchEngine) -> None:
    r = eng.search("port OR harbour OR freight OR exports", sort="date", limit=50)
    dates = [h.date for h in r.hits]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)
    assert dates[-1] is None


def test_relevance_prefers_title_matches(eng: WhooshSearchEngine) -> None:
    r = eng.search("budget")
    assert r.hits[0].id == "a1.md"
    assert r.hits[0].score > 0


def test_snippets_mark_matched_words(eng: WhooshSearchEngine) -> None:
    r = eng.search("elections campaign")
    hit = r.hits[0]
    marked = [hit.snippet[m.start : m.end].lower() for m in hit.snippet_marks]
    assert "election" in marked and "campaign" in marked
    assert all(w in ("election", "campaign") for w in marked)


def test_hit_spans_cover_every_match(eng: WhooshSearchEngine) -> None:
    article = eng.article("a3.md")
    assert article is not None
    spans = eng.hit_spans("election", article)
    assert [article.text[s.start : s.end].lower() for s in spans] == ["election", "election"]
    assert eng.hit_spans("title:(", article) == []
    assert eng.hit_spans("NOT election", article) == []


def test_facets_count_sources_and_people(eng: WhooshSearchEngine) -> None:
    r = eng.search("port OR harbour OR exports OR rates")
    sources = {f.value: f.count for f in r.sources}
    assert sources["Harbour Times"] == 2
    assert sources["Market Wire"] == 2
    assert any(f.value == "Jane Doe" for f in r.people)


def test_did_you_mean(eng: WhooshSearchEngine) -> None:
    r = eng.search("goverment housing")
    assert r.suggestion == "government housing"
    assert eng.search("government housing").suggestion is None


def test_review_tags_are_searchable_at_once(eng: WhooshSearchEngine) -> None:
    assert found(eng, "tag:urgent") == set()
    eng.set_tags("a4.md", ["urgent", "follow up"])
    eng.set_tags("a2.md", ["urgent"])
    assert found(eng, "tag:urgent") == {"a2.md", "a4.md"}
    assert found(eng, 'tag:"follow up"') == {"a4.md"}
    assert found(eng, "tag:urg*") == {"a2.md", "a4.md"}
    assert found(eng, "tag:urgent AND rates") == {"a4.md"}
    assert found(eng, "tag:budget") == {"a1.md"}  # tags from front matter still work
    eng.set_tags("a4.md", [])
    assert found(eng, "tag:urgent") == {"a2.md"}
    eng.replace_tags({})
    assert found(eng, "tag:urgent") == set()


def test_paging(eng: WhooshSearchEngine) -> None:
    everything = found(eng, "port OR harbour OR freight OR exports OR rates OR report OR election")
    first = eng.search(
        "port OR harbour OR freight OR exports OR rates OR report OR election", limit=3, page=1
    )
    second = eng.search(
        "port OR harbour OR freight OR exports OR rates OR report OR election", limit=3, page=2
    )
    assert first.total == second.total == len(everything)
    assert len(first.hits) == 3 and not ids(first) & ids(second)


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ('"unclosed phrase', "quote", 0),
        ("(harbour OR port", "parenthesis", 0),
        ("harbour)", "unmatched", 7),
        ("nosuch:word", "unknown field", 0),
        ("port title:", "needs a value", 5),
        ("date:2021-13", "no such date", 5),
        ("date:yesterday", "cannot read date", 5),
        ("date:[2022 to 2021]", "ends before", 5),
        ("date:[2021 to 2022", "bracket", 5),
        ("NOT NOT harbour", "two operators", 0),
        ("port AND OR harbour", "two operators", 5),
        ("<2021", "needs a field", 0),
    ],
)
def test_syntax_errors_have_message_and_position(
    eng: WhooshSearchEngine, query: str, message: str, position: int
) -> None:
    r = eng.search(query)
    assert r.error is not None and message in r.error.message
    assert r.error.position == position
    assert r.hits == []


def test_odd_fuzzy_terms_are_clamped(eng: WhooshSearchEngine) -> None:
    assert found(eng, "fre~2/9") == set()  # prefix longer than the word
    assert found(eng, "freigt~9") == {"a5.md"}  # at most two edits


def test_date_span_edges() -> None:
    start, end = date_span("2024-02")
    assert (start.day, end.day) == (1, 29)
    assert check("10:30 meeting") is None  # a time is not a field


QUERY_CHARS = st.sampled_from(
    [
        *"abc xyz\"()[]{}:~*?^<>=-+/\\'!&|",
        "AND ",
        "OR ",
        "NOT ",
        "title:",
        "date:",
        "person:",
        "tag:",
        "2021",
        "2021-06",
        " to ",
        "é",
        "\u202e",
        "\x00",
        "TO",
        "~2",
        "^3",
    ]
)


@settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(QUERY_CHARS, max_size=20).map("".join) | st.text(max_size=30))
def test_no_query_raises(eng: WhooshSearchEngine, query: str) -> None:
    r = eng.search(query)
    if r.error is not None:
        assert r.error.message
        # A bad query is the user's mistake; an exception inside the engine is ours.
        assert not r.error.message.startswith(("search failed", "the index looks damaged"))
        assert r.error.position is None or 0 <= r.error.position <= len(query)
        assert r.hits == []
    article = eng.article("a1.md")
    assert article is not None
    for span in eng.hit_spans(query, article):
        assert 0 <= span.start < span.end <= len(article.text)


def test_empty_query_and_unknown_ids(eng: WhooshSearchEngine, tmp_path: Path) -> None:
    r = eng.search("   ")
    assert r.error is None and r.hits == [] and r.total == 0
    assert eng.article("nope.md") is None
    assert eng.annotations("nope.md").entities == []


def test_star_lists_every_article_newest_first(eng: WhooshSearchEngine) -> None:
    r = eng.search("*", limit=50)
    assert r.error is None and r.total == len(ARTICLES) + 1 == len(r.hits)
    dates = [h.date for h in r.hits]
    assert [d for d in dates if d] == sorted([d for d in dates if d], reverse=True)
    assert dates[-1] is None
    page2 = eng.search("*", limit=3, page=2)
    assert [h.id for h in page2.hits] == [h.id for h in r.hits[3:6]]
    assert found(eng, "* NOT harbour") == set(ids(r)) - {"a1.md", "b1.txt"}


def test_title_words_rank_higher_but_stay_out_of_phrases(eng: WhooshSearchEngine) -> None:
    # "budget" is in a1's title and body: it outranks an article with the word in the body.
    assert eng.search("budget").hits[0].id == "a1.md"
    # The title and the first words of the body are not one phrase.
    assert found(eng, '"harbour council approves"') == {"a1.md"}
    assert found(eng, '"approves budget the harbour"') == set()


def test_a_corpus_without_any_dates_is_listed_whole(tmp_path: Path) -> None:
    """Plain text files carry no dates; browsing and date order must still list them all
    (a segment without dates stores no date column at all)."""
    root = tmp_path / "c"
    for i in range(INLINE_MAX + 20):  # enough for a build by two workers: two segments
        write_txt(root, f"n{i:02d}.txt", f"Note {i}", f"Harbour report number {i}.")
    e = engine(root, tmp_path / "ix", workers=2)
    e.update()
    n = INLINE_MAX + 20
    try:
        assert len(e._current_searcher().leaf_searchers()) >= 2
        assert e.search("*").total == n
        assert len(e.search("*", limit=100).hits) == n
        assert e.search("harbour", sort="date").total == n
        assert e.search("date:2021").total == 0
    finally:
        e.close()


def test_dates_stay_with_their_articles_when_a_segment_has_none(tmp_path: Path) -> None:
    root = tmp_path / "c"
    for i in range(30):  # first segment: undated
        write_txt(root, f"old/n{i:02d}.txt", f"Note {i}", f"Harbour report number {i}.")
    e = engine(root, tmp_path / "ix")
    e.update()
    for i in range(5):  # second segment: dated
        write_md(root, f"new/d{i}.md", f"Dated {i}", "Harbour news.", date=f"2021-0{i + 1}-10")
    e.update()
    try:
        searcher = e._current_searcher()
        assert len(searcher.leaf_searchers()) >= 2, "the test needs two segments"
        assert {h.id for h in e.search("date:2021", limit=50).hits} == {
            f"new/d{i}.md" for i in range(5)
        }
        listed = [h.id for h in e.search("*", limit=50).hits]
        assert listed[:5] == [f"new/d{i}.md" for i in (4, 3, 2, 1, 0)]  # newest first
        assert len(listed) == 35
    finally:
        e.close()


def test_a_pasted_huge_word_is_refused_in_one_line_not_searched_for_seconds(
    eng: WhooshSearchEngine,
) -> None:
    huge = eng.search("harbour" * 800)  # 5,600 letters: seconds of parsing and fuzzy matching
    assert huge.error is not None and huge.hits == []
    assert huge.error.message == "query too long (5,600 characters; at most 1,000)"
    long_word = "zq" * 30  # 60 letters: searched, but no "did you mean" is looked for
    r = eng.search(long_word)
    assert r.error is None and r.total == 0 and r.suggestion is None
    assert eng.search(long_word + "~").error is None
    assert eng.search("harbuor").suggestion == "harbour"  # short typos still get one


def test_sure_speaker_leaves_out_the_engines_guesses(tmp_path: Path) -> None:
    """`speaker:` finds every quotation given to a person, guesses included (the reader shows
    those with a "?"); `sure_speaker:` only the ones the engine is sure of."""
    corpus = tmp_path / "c"
    write_md(
        corpus,
        "named.md",
        "Adler on the summit",
        "Ruth Adler opened the summit on Monday.\n\n"
        '"We agreed on more than we expected," Adler said.',
    )
    write_md(
        corpus,
        "guess.md",
        "Two leaders meet",
        "Ruth Adler met Paula Grant at the summit. Both women spoke to reporters later.\n\n"
        '"We agreed on more than we expected," she said.',
    )
    eng = engine(corpus, tmp_path / "ix")
    eng.update()
    guess = eng.annotations("guess.md").quotes
    assert [(q.speaker, q.speaker_sure) for q in guess] == [("Ruth Adler", False)]
    assert ids(eng.search("speaker:adler")) == {"named.md", "guess.md"}
    assert ids(eng.search("sure_speaker:adler")) == {"named.md"}
    assert ids(eng.search("speaker:adler NOT sure_speaker:adler")) == {"guess.md"}
    assert check("sure_speaker:adler") is None
