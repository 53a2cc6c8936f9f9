"""The quote finder's quick paths agree with the plain readings they stand in for.

Sentence bounds are found a stretch between quotations at a time (and over runs of quotations
in one leap) rather than a character at a time; the words a speaker needs are looked for before
anything is tokenised. Both are checked against the character-by-character reading on generated
text, and a page of a hundred thousand bare quotes is read in full.
"""

from __future__ import annotations

import re
from string import ascii_letters
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.nlp import capital_runs
from tui.nlp.quotes import ArticleText, find_quotes, reported, subject_company, words
from tui.nlp.quotes.direct import ADDRESSED, _addressed
from tui.nlp.quotes.marks import DOUBLE_MARKS, SINGLE_MARKS, _marks_by_paragraph, _paragraphs
from tui.nlp.quotes.tokens import _tokens, within
from tui.nlp.quotes.words import (
    ABBREV,
    CUE_WORD,
    REPORTED_CUE,
    REPORTED_WORD,
    STRONG_CUE,
    WEAK_NEEDS,
)

PIECES = [
    '"',
    "“",
    "”",
    "'",
    "‘",
    "’",
    "We are ready",
    " a b c ",
    ". ",
    "! ",
    "? ",
    "Mr. ",
    "U.S. ",
    " said Jane Doe",
    " according to",
    ", ",
    ": ",
    " — ",
    "\n\n",
    "The",
    " the port",
    "saidx",
    "unsaid",
    "-said",
    "’said",
    " says",
    "İ",
]
texts = st.lists(st.sampled_from(PIECES), max_size=50).map("".join)


def _start_by_hand(art: ArticleText, pos: int, floor: int) -> int:
    """`sentence_start` read backwards one character at a time."""
    text = art.text
    lo = max(floor, pos - art.reach)
    i = pos - 1
    while i >= lo:
        f = art.frag_at(i)
        if f is not None and f.start < i:
            if art.ends_sentence(f) and f.end < pos:
                j = f.end
                while j < pos and text[j].isspace():
                    j += 1
                if j <= pos and j < len(text) and text[j].isupper():
                    return j  # the sentence may open at `pos` itself
            i = f.start - 1
            continue
        if (
            text[i] in ".!?"
            and (i + 1 >= len(text) or text[i + 1].isspace())
            and not ABBREV.search(text, max(lo, i - 12), i + 1)
        ):
            j = i + 1
            while j < pos and text[j].isspace():
                j += 1
            return j
        i -= 1
    return lo


def _end_by_hand(art: ArticleText, pos: int, ceil: int) -> int:
    """`sentence_end` read forwards one character at a time."""
    text = art.text
    hi = min(ceil, pos + art.reach)
    i = pos
    while i < hi:
        f = art.frag_at(i)
        if f is not None:
            if art.ends_sentence(f) and f.start >= pos:  # one opening the sentence too
                j = f.end
                while j < hi and text[j].isspace():
                    j += 1
                if j < hi and text[j].isupper():
                    return f.end
            i = f.end
            continue
        if (
            text[i] in ".!?"
            and (i + 1 >= len(text) or text[i + 1].isspace())
            and not ABBREV.search(text, max(0, i - 12), i + 1)
        ):
            return i + 1
        i += 1
    return hi


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([80, 400]))
def test_sentence_bounds_match_a_character_by_character_reading(text: str, reach: int) -> None:
    art = ArticleText(text, [])
    art.reach = reach
    for pos in range(len(text) + 1):
        for floor in (0, pos // 2):
            assert art.sentence_start(pos, floor) == _start_by_hand(art, pos, floor)
        for ceil in (len(text), min(len(text), pos + 5)):
            assert art.sentence_end(pos, ceil) == _end_by_hand(art, pos, ceil)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_word_checks_never_miss_a_token(text: str) -> None:
    art = ArticleText(text, [])
    low = art._lower()  # "" where lower-casing moves offsets: nothing is skipped then
    for start in range(0, len(text) + 1, 3):
        for end in range(start, len(text) + 1, 4):
            lows = [t.low for t in _tokens(text, start, end)]
            if any(REPORTED_CUE.fullmatch(w) for w in lows):
                assert art.may_report(start, end)
            for tok in _tokens(text, start, end):
                if low and REPORTED_CUE.fullmatch(tok.low) and (tok.start > start or start == 0):
                    # A token after the first starts a word: the quick scan finds it.
                    found = REPORTED_WORD.search(low, tok.start, end)
                    assert found is not None and found.start() == tok.start
            if any(CUE_WORD.fullmatch(w) for w in lows):
                assert art.may_cue(start, end)
                assert art.first_cue_from(start) < end


def test_a_page_of_bare_quotes_is_read_whole() -> None:
    text = '"a b c" ' * 100_000
    found = find_quotes(text, [])
    assert len(found) == 100_000
    assert all(q.text == '"a b c"' and q.speaker is None for q in found)


def test_a_page_of_quotes_with_a_speaker_now_and_then() -> None:
    text = ('"a b c" ' * 9 + '"we are ready," said Jane Doe. ') * 2_000
    found = find_quotes(text, [])
    # The attributed quote joins the bare one after it (bar the last, with none after it): one
    # utterance split by "said Jane Doe".
    spoken = [q for q in found if q.text.startswith('"we are ready,"')]
    assert len(spoken) == 2_000
    assert all(q.speaker == "Jane Doe" for q in spoken)
    assert sum(q.text.endswith('Doe. "a b c"') for q in spoken) == 1_999
    assert all(q.speaker is None for q in found if q.text == '"a b c"')
    assert len(found) == 2_000 + 2_000 * 8 + 1


@settings(max_examples=300, deadline=None)
@given(texts)
def test_marks_found_in_one_scan_are_those_of_each_paragraph(text: str) -> None:
    paras = _paragraphs(text)
    for marks in (DOUBLE_MARKS, SINGLE_MARKS):
        by_para = _marks_by_paragraph(marks, text, paras)
        each = [[m.span() for m in marks.finditer(text, ps, pe)] for ps, pe in paras]
        if by_para is None:
            assert not any(each)
        else:
            assert [[m.span() for m in found] for found in by_para] == each


def _every_sentence_searched(low: str, _cues: object, _cue_ends: object, ss: int, se: int) -> bool:
    """The plain reading `reported._may_report` stands in for: each sentence searched on its
    own for a reporting word spelt anywhere, even at the end of a longer word."""
    if REPORTED_CUE.search(low, ss, se) is None:
        return False
    return bool(STRONG_CUE.search(low, ss, se) or WEAK_NEEDS.search(low, ss, se))


def _found_both_ways(text: str) -> None:
    quick = find_quotes(text, [])
    original = reported._may_report
    try:
        reported._may_report = _every_sentence_searched
        assert find_quotes(text, []) == quick
    finally:
        reported._may_report = original


@settings(max_examples=300, deadline=None)
@given(texts)
def test_reported_speech_found_with_the_paragraph_cue_check_as_without(text: str) -> None:
    # `_may_report` reads which sentences hold a reporting word off the paragraph's one scan
    # for words at a word's start; searching every sentence for the words anywhere instead
    # must find the same quotes.
    _found_both_ways(text)


def test_reported_speech_in_a_sentence_cut_inside_a_word() -> None:
    # A sentence longer than the reach is cut, possibly inside a word: the cut word's start
    # ("say" of "saying") must still count, as a search of the sentence alone would find it.
    long = "Officials from the ministry " + "and the agency " * 30
    _found_both_ways(f"{long}says that the port will reopen next week after the storm.\n")


def test_reported_speech_in_a_sentence_that_starts_inside_a_word() -> None:
    # The cut can also fall inside a word: the next sentence then starts with what a search
    # of it alone reads as a reporting word ("according" of "xxaccording"), and is read so.
    for cut in range(395, 405):
        text = "x" * cut + "according to the ministry, the port will reopen next week.\n"
        _found_both_ways(text)
    assert find_quotes("x" * 400 + "according to the ministry, the port will reopen.\n", [])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["'", "''", "'''", '"', "“", "”", "„", "«", "»", "’", "a", " "]),
        max_size=30,
    ).map("".join)
)
def test_double_marks_are_those_of_the_plain_alternation(text: str) -> None:
    plain = re.compile(r"''|[\"“”„«»]")
    assert [m.span() for m in DOUBLE_MARKS.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
    for pos in range(len(text)):
        found, expected = DOUBLE_MARKS.match(text, pos), plain.match(text, pos)
        assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Mr", "Mrs", "Sen", "Sens", "St", "S", "J", ".", " ", "a", "'", "x"]),
        max_size=30,
    ).map("".join)
)
def test_tokens_with_an_abbreviation_trie_are_those_of_the_plain_alternation(text: str) -> None:
    plain = re.compile(
        rf"(?:{words.TOKEN_ABBREVIATIONS})\.|(?:[A-Z]\.){{2,}}|[A-Z]\.(?=\s)|[\w][\w’'\-]*|[^\w\s]"
    )
    expected = [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in words.TOKEN.finditer(text)] == expected


NAME_PIECES = [
    "Mr",
    "Mr.",
    "Jane",
    "Doe",
    "Ministry",
    "Health",
    "Smith",
    " of ",
    " of the ",
    " ",
    "a",
    "Texas",
    "de",
    "U.S.",
    "'",
    "’s",
    "\u00a0",
    ",",
    "\n",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(NAME_PIECES), max_size=20).map("".join),
    st.integers(0, 40),
    st.integers(0, 80),
)
def test_the_name_run_at_a_place_is_the_first_of_the_runs_there(
    text: str, start: int, width: int
) -> None:
    start = min(start, len(text))
    end = min(len(text), start + width)
    runs = capital_runs.name_runs(text, start, end)
    expected = runs[0] if runs and runs[0][0] == start else None
    assert capital_runs.name_run_at(text, start, end) == expected


WEAK_PIECES = [*PIECES, "Jane Doe", " expects", " found", " shows", " that", " a poll", " he"]
WEAK_PIECES += ["unfound", " the port will reopen next week", " she will win the vote"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WEAK_PIECES), max_size=50).map("".join))
def test_reported_speech_with_weak_cues_found_with_the_cue_check_as_without(text: str) -> None:
    # Whether a sentence holds a strong reporting word is read off the paragraph's cues; a
    # sentence with only weak ones ("expects", "found") needs "that" or a poll as well.
    _found_both_ways(text)


ABBREVIATION_PIECES = ["Mr", "Mrs", "approx", "Sept", "St", "etc", "U", "x", "ab", "abcdefg"]
ABBREVIATION_PIECES += ["é", "_", "5", ".", ". ", " ", "'", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ABBREVIATION_PIECES), max_size=30).map("".join))
def test_full_stops_are_those_the_abbreviation_search_finds(text: str) -> None:
    art = ArticleText(text, [])
    for c, ch in enumerate(text):
        if ch != ".":
            continue
        for floor in (0, max(0, c - 3)):
            expected = (
                c == 0
                or text[c - 1] not in ascii_letters
                or not ABBREV.search(text, max(floor, c - 12), c + 1)
            )
            assert art._full_stop(c, floor) == expected, (text, c, floor)


ADDRESS_PIECES = ["told ", "asked ", "Bash", "Jane ", " ", "he ", "x", "\n"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(ADDRESS_PIECES), max_size=30).map("".join),
    st.integers(0, 40),
    st.integers(0, 60),
)
def test_a_quotation_told_to_someone_is_found_as_by_the_search_alone(
    text: str, start: int, end: int
) -> None:
    end = min(end, len(text))
    for speaker in ("Bash", "Jane Bash"):
        last = speaker.split()[-1]
        expected = any(
            text.startswith(last, m.end()) or text.startswith(speaker, m.end())
            for m in ADDRESSED.finditer(text, max(start, end - 400), end)
        )
        assert _addressed(text, start, end, speaker) == expected


class _Forgetful(dict[tuple[int, int], tuple[int, bool, str | None, bool]]):
    """A memo that keeps nothing: every look-up works the answer out afresh."""

    def __setitem__(self, key: tuple[int, int], value: tuple[int, bool, str | None, bool]) -> None:
        pass


PRONOUN_PIECES = ['"We are ready," he said. ', '"No," she said. ', "Jane Doe ", "Mr. Smith "]
PRONOUN_PIECES += ["said ", "told Bash. ", "\n\n", "The mayor, Ann Lee, ", "spoke. ", '"a b" ']


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PRONOUN_PIECES), max_size=30).map("".join))
def test_pronouns_resolved_with_the_memo_of_names_as_without(text: str) -> None:
    # What each name before a pronoun says is read once per article and reach; reading it
    # again for every pronoun must give the same speakers.
    remembered = find_quotes(text, [])
    init = ArticleText.__init__

    def forgetful_init(self: ArticleText, *args: Any) -> None:
        init(self, *args)
        self.candidate_memo = _Forgetful()

    try:
        ArticleText.__init__ = forgetful_init  # type: ignore[method-assign]
        assert find_quotes(text, []) == remembered
    finally:
        ArticleText.__init__ = init  # type: ignore[method-assign]


def _every_word(text: str) -> frozenset[str]:
    """A word list holding every token any window of `text` can make (every stretch without a
    space: a window may start or end inside "U.S."), so `_speaker_first` tries each token as
    its verb. A frozenset, as the module's own list is: compiled by mypyc, `reported` refuses
    a global of another type (and would not call another type's `__contains__`)."""
    runs = text.lower().split()
    return frozenset(r[i:j] for r in runs for i in range(len(r)) for j in range(i + 1, len(r) + 1))


FIRST_PIECES = [*PIECES, "Jane Doe", " said", " that", " according to", " told reporters"]
FIRST_PIECES += [", saying", " and said", " called for", " urged", " is stressing", " agreed it"]
FIRST_PIECES += [" the port will reopen next week", " she will win the vote", ", ", ". "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FIRST_PIECES), max_size=40).map("".join))
def test_reported_speech_found_with_the_verb_list_as_trying_every_word(text: str) -> None:
    # `_speaker_first` visits only the tokens that are one of its loops' verbs; visiting every
    # token, as its loops once did, must find the same quotes.
    quick = find_quotes(text, [])
    original = reported.FIRST_VERBS
    try:
        reported.FIRST_VERBS = _every_word(text)
        assert find_quotes(text, []) == quick
    finally:
        reported.FIRST_VERBS = original


NAMED_PIECES = ["Ask Jeeves", "Ask Jeevesy", "-", "_", " ", "é", "x", ".", "Ask", " Jeeves"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NAMED_PIECES), max_size=30).map("".join))
def test_a_company_is_counted_as_the_pattern_counts_it(text: str) -> None:
    pattern = r"(?<![\w-])" + re.escape("Ask Jeeves") + r"(?![\w-])"
    assert subject_company._times_named(text, "Ask Jeeves") == len(re.findall(pattern, text))


@given(
    st.lists(st.integers(0, 30), unique=True).map(sorted), st.integers(0, 30), st.integers(0, 30)
)
def test_indexes_within_bounds_are_those_a_range_reaches(
    indexes: list[int], lo: int, hi: int
) -> None:
    assert within(indexes, lo, hi) == [i for i in range(lo, hi) if i in indexes]
