"""The entity engine's quick scans find exactly what the plain definitions they replace find.

Each fast path (a scan anchored on a rare character, a regex read in reversed text, a word list
compiled as a trie) is checked against the straightforward version on generated text.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tui.nlp import coref, name_credits, name_doc, name_runs, name_sports, patterns, speakers
from tui.nlp.cues import word_pattern
from tui.nlp.gazetteer import gazetteer

PIECES = [
    "Photo",
    "Photos by",
    "Picture:",
    "Source/",
    "Credit: ",
    "MARA OSEI",
    "/HARBOUR POST",
    ":",
    "/",
    "(",
    ")",
    " (",
    "HTC",
    "Harbour Trade Council",
    " ",
    "\t",
    "\u00a0",
    "\n",
    ",",
    ".",
    "'",
    "’",
    "-",
    "_",
    "é",
    "2024",
    "March",
    "xMarch",
    "last",
    "per cent",
    "FY",
    "said",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_credits_are_found_as_by_a_full_scan(text: str) -> None:
    expected = [m.span() for m in name_credits._CREDIT.finditer(text)]
    assert [m.span() for m in name_credits._credit_matches(text)] == expected


@settings(max_examples=300, deadline=None)
@given(texts)
def test_parentheses_are_found_as_by_a_full_scan(text: str) -> None:
    expected = [m.span() for m in coref._PAREN.finditer(text)]
    assert [m.span() for m in coref._paren_matches(text)] == expected


def _prev_word_by_hand(text: str, pos: int) -> str:
    """The word before `pos`, read backwards a character at a time."""
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    k = j
    while k >= 0 and (text[k].isalnum() or text[k] in "'’-."):
        k -= 1
    if k == j and j >= 0:
        return text[j]
    return text[k + 1 : j + 1]


def _next_word_by_hand(text: str, pos: int) -> str:
    j = pos
    while j < len(text) and text[j] in " \t\u00a0":
        j += 1
    k = j
    while k < len(text) and (text[k].isalnum() or text[k] in "'’-"):
        k += 1
    if k == j and j < len(text):
        return text[j]
    return text[j:k]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_words_beside_a_position(text: str) -> None:
    doc = name_doc.Doc(text, gazetteer())
    for pos in range(-2, len(text) + 1):
        assert doc.prev_word(pos) == _prev_word_by_hand(text, pos)
    for pos in range(len(text) + 1):
        assert name_runs.next_word(text, pos) == _next_word_by_hand(text, pos)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_date_word_anchors_are_whole_words(text: str) -> None:
    plain = re.compile("(?:" + "|".join(patterns._WORD_ANCHOR_WORDS) + r")(?!\w)")
    expected = [
        m.start()
        for m in plain.finditer(text)
        if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")
    ]
    assert [m.start() for m in patterns._WORD_ANCHOR.finditer(text)] == expected


ANCHOR_PIECES = [
    *PIECES,
    "per",
    "percent",
    "perhaps",
    "this",
    "thistle",
    "May",
    "Mayor",
    "Jan",
    "January",
    "FY",
    "Today",
    "today",
    "ago",
    "1.5",
    "$",
    "£3",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ANCHOR_PIECES), max_size=40).map("".join))
def test_anchors_are_what_the_two_scans_find(text: str) -> None:
    expected = [m.span() for m in patterns._DIGIT_ANCHOR.finditer(text)]
    expected.extend(m.span() for m in patterns._WORD_ANCHOR.finditer(text))
    assert patterns._anchors(text) == sorted(expected)


DIGIT_PIECES = [
    "5",
    "1,000",
    "2.5",
    "٣",
    "５",
    "²",
    "Ⅻ",
    "$",
    "£",
    "€",
    "₩",
    "x",
    "é",
    " ",
    "’",
    ".",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DIGIT_PIECES), max_size=30).map("".join))
def test_digit_anchors_are_those_of_the_unicode_digit_class(text: str) -> None:
    # The scan looks first for plain ranges (ASCII digits, "$", anything else not ASCII) and
    # keeps a start only if it is a digit or a sign: Arabic-Indic and full-width digits are
    # digits, a superscript two or a Roman numeral is not.
    plain = re.compile(r"[\d$£€¥₹₩₽][\d,.]*")
    expected = [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in patterns._DIGIT_ANCHOR.finditer(text)] == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text("abs", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text("abs ,", max_size=30),
)
def test_a_word_trie_matches_what_the_alternation_matches(words: list[str], text: str) -> None:
    trie = re.compile(word_pattern(words) + r"(?!\w)")
    plain = re.compile("(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*PIECES, "the ", "mid-", "US$", "two years ", "Q", "Rs. "]), max_size=30
    )
)
def test_words_before_an_anchor_are_found_as_by_a_search(parts: list[str]) -> None:
    text = "".join(parts) + "2024"
    for p in range(len(text) + 1):
        left = patterns._LEFT.search(text, max(0, p - 40), p)
        assert patterns._left_start(text, p) == (left.start() if left else p)


MONEY_PIECES = [
    *PIECES,
    "5",
    "1,000",
    "3.5",
    "$",
    "£",
    "US$",
    "%",
    "p",
    "bn",
    " million",
    " dollars",
    " USD",
    " per cent",
    "pct",
    "Jan$",
    "two",
    " years ago",
    "the 1990s",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MONEY_PIECES), max_size=30).map("".join))
def test_patterns_tried_only_where_they_can_match_find_what_trying_all_finds(
    text: str,
) -> None:
    # `_candidates` leaves out patterns that cannot match at an anchor; trying all three at
    # every anchor must give the same money, percentages and dates.
    quick = patterns.find_patterns(text)
    original = patterns._candidates
    try:
        patterns._candidates = lambda _text, _start, _end: patterns._ALL_PATTERNS  # type: ignore[assignment]
        assert patterns.find_patterns(text) == quick
    finally:
        patterns._candidates = original


DIGIT_PIECES = [
    *MONEY_PIECES,
    "2024",
    "1996-08-30",
    "30/08/1996",
    "-97",
    "/25",
    "s",
    "4th",
    " of ",
    " March",
    "Tuesday",
    ", ",
    " days",
    " ago",
    "mid-",
    "the ",
    "pct",
    "-",
    "+",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DIGIT_PIECES), max_size=30).map("".join))
def test_at_a_digit_the_forms_that_open_with_one_match_as_the_whole_patterns(text: str) -> None:
    # Where a digit is, only the forms of money, percentages and dates that can open with one
    # are tried: what each whole pattern matches there, they match, and so do the results.
    for p, ch in enumerate(text):
        if ch.isdecimal():
            for (_, whole), (_, digit) in zip(
                patterns._PATTERNS, patterns._DIGIT_PATTERNS, strict=True
            ):
                got, want = digit.match(text, p), whole.match(text, p)
                assert (got and got.span()) == (want and want.span())
    quick = patterns.find_patterns(text)
    original = patterns._DIGIT_PATTERNS
    try:
        patterns._DIGIT_PATTERNS = patterns._PATTERNS  # type: ignore[assignment]
        assert patterns.find_patterns(text) == quick
    finally:
        patterns._DIGIT_PATTERNS = original


RUN_PIECES = [
    *PIECES,
    "Mr",
    "Mrs",
    "Corp",
    "Co",
    "Col",
    " of the ",
    " of ",
    " de ",
    " del ",
    " della ",
    " dos ",
    " & ",
    " and ",
    " upon ",
    "Bank",
    "England",
    "Della",
    "Ltd.",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(RUN_PIECES), max_size=30).map("".join))
def test_runs_with_trie_connectors_are_the_runs_of_the_word_lists(text: str) -> None:
    # The abbreviations and connectors of a run are tries; written as plain alternations
    # (as they once were) they must find the same runs.
    abbrev = rf"(?:{name_runs._ABBREV})\.(?![{name_runs._L}])"
    connector = (
        r"(?:of[ \t]the|of|for[ \t]the|for|de|del|della|der|den|van|von|da|di|du|dos|das|y|&|"
        r"and|bin|ibn|on|upon)"
    )
    up, letters = name_runs._UP, name_runs._L
    word = (
        rf"(?:(?:[{up}]\.){{2,4}}(?:[{up}](?![{letters}.]))?|{abbrev}"
        rf"|[{up}]\.(?=[ \t][{up}])|{name_runs._PLAIN})"
    )
    plain = re.compile(
        rf"(?=[{up}ae])(?<![\w'’\-]){word}(?:{name_runs._SEP}(?:{connector}{name_runs._SEP})?{word}){{0,12}}"
    )
    assert [m.span() for m in name_runs.RUN.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


AL_PIECES = [*RUN_PIECES, "al-", "el-", "as-", "ad-", "ar-", "a", "e", "l", "-", "Sadr", "É", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(AL_PIECES), max_size=30).map("".join))
def test_runs_scanned_from_capitals_are_the_runs_of_the_whole_pattern(text: str) -> None:
    # `runs` scans for capitals only unless an "al-" or "el-" name may be there: it must find
    # the runs the whole pattern finds, "al-Sadr" and "Ali el-Amin" included.
    assert [m.span() for m in name_runs.runs(text)] == [
        m.span() for m in name_runs.RUN.finditer(text)
    ]


SPORT_PIECES = [
    "goal",
    "goals",
    "goalkeeper",
    "half-time",
    "kick-off",
    "semi-final",
    "try",
    "country",
    "cup",
    "cupboard",
    "coach",
    "season",
    "_",
    "-",
    " ",
    ".",
    "2",
    "é",
    "League",
    "x" * 300,
]


def _sporty_by_regex(text: str) -> bool:
    if len(text) < 300:
        return False
    seen = {m.group() for m in name_sports._SPORTS_WORDS.finditer(text[:5000].lower())}
    return len(seen) >= 3


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SPORT_PIECES), max_size=40).map("".join))
def test_sports_words_are_counted_as_the_pattern_finds_them(text: str) -> None:
    assert name_sports.sporty(text) == _sporty_by_regex(text)


NAME_RUN_PIECES = [
    *RUN_PIECES,
    "J.",
    "J.R.",
    "Sen.",
    "Sens.",
    "Dr.",
    "Del",
    "O'Neil",
    "Smith-jones",
    " al ",
    " la ",
    " of the ",
    "e.g.",
    "x.Y",
    "Ölund",
    "élan",
    "al-Assad",
    "el-Sisi",
    "as-",
    "a",
    "e",
    "l-",
    "Bal-Kan",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NAME_RUN_PIECES), max_size=30).map("".join))
def test_speaker_runs_are_the_runs_of_the_plain_pattern(text: str) -> None:
    # The speaker registry's run pattern starts with a plain class of capitals (for a quick
    # scan); with a lookahead and a lookbehind in front, as it once was, it finds the same runs.
    up = speakers._UP
    plain = re.compile(
        rf"(?=[{up}])(?<![\w’'\-.]){speakers._TOKEN}"
        rf"(?:[ \u00a0](?:{speakers._PARTICLE}[ \u00a0](?:the[ \u00a0])?)?{speakers._TOKEN})*"
    )
    found = [m.span() for m in speakers.NAME_RUN.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NAME_RUN_PIECES), max_size=30).map("".join))
def test_runs_starting_with_a_class_are_the_runs_of_the_lookahead_pattern(text: str) -> None:
    # The name finder's run pattern starts with a plain class too; with the lookahead and the
    # lookbehind in front of `_WORD` it finds the same runs.
    lookahead = re.compile(
        rf"(?=[{name_runs._UP}ae])(?<![\w'’\-]){name_runs._WORD}"
        rf"(?:{name_runs._SEP}(?:{name_runs._CONNECTOR}{name_runs._SEP})?{name_runs._WORD}){{0,12}}"
    )
    found = [m.span() for m in name_runs.RUN.finditer(text)]
    assert found == [m.span() for m in lookahead.finditer(text)]


weights = st.dictionaries(
    st.sampled_from(["PERSON", "ORG", "PLACE", "MISC"]),
    st.sampled_from([-1.0, -0.5, 0.0, 0.5, 0.75, 1.0, 2.0, 2.5]),
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(weights, weights)
def test_top_weight_is_the_best_of_the_summed_scores(
    prior: dict[str, float], context: dict[str, float]
) -> None:
    m = coref.Mention(0, 4, "Name", dict(prior))
    for label, weight in context.items():
        m.add(label, weight)
    assert m.top_weight() == max(m.scores.values(), default=0.0)


SHAPE_PIECES = ["Tony", "Blair", "I", "War", "Inc.", "The", "But", "U.S.", "Bank", "England"]
SHAPE_PIECES += [" ", "  ", "\t", "\u00a0", " of ", " and ", " & ", " de ", "x", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SHAPE_PIECES), max_size=12).map("".join))
@example("Tony Blair I")
@example("World War I")
@example("Acme Inc. The Bank")
@example("Tony\u00a0 Blair\tBank")
@example("Tony\tBlair  Bank I")
def test_the_shape_of_a_run_is_what_its_tokens_and_segments_make(run: str) -> None:
    # `run_shape` cuts tokens with `str.split` and reads a run of words only as one segment
    # without `_segments`; the token pattern and the general `_segments` must agree.
    shape = name_runs.run_shape.__wrapped__(run)
    tokens = [(m.start(), m.end(), m.group()) for m in name_runs.TOKEN.finditer(run)]
    assert shape.words == tuple(t for t in tokens if name_runs.is_word(t[2]))
    expected = tuple(
        (tuple(w[2] for w in seg), tuple(w[0] for w in seg), tuple(w[1] for w in seg))
        for seg in name_runs._segments(gazetteer(), tokens)
    )
    assert shape.segments == (expected if shape.words else ())
