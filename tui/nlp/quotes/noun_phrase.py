"""The noun phrase before a cue: read back from the verb to a clause boundary, and past a
relative clause to the one it is about ("Mr Blair, who was instrumental in ..., insisted";
"The Alliance, which includes A, B and C, said"). Split from `attribution`, which reads
the cue shapes; this module reads only the phrase.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.tokens import Tok
from tui.nlp.quotes.words import (
    BOUNDARY,
    CUES,
    DESCRIPTIONS,
    DETERMINERS,
    ORG_HEADS,
    PERSON_NOUNS,
    PRONOUNS,
)
from tui.nlp.speaker_words import PERSON_TITLES, wordset

NOT_BEFORE_SUBJECT = wordset(
    """the a an of with in at by for to from on about into over under after before during
    than against"""
)
"""Words that make the name after them an object, not the sentence's subject."""


def _relative_clause_subject(
    art: ArticleText, toks: Sequence[Tok], j: int, floor: int
) -> tuple[int, int] | None:
    """'The Alliance, which includes the Guild, Age Concern and Mencap, said': the one named
    before a relative clause that runs up to the comma at `j` before the cue, commas and
    names inside it or not (the last name of its list did not speak)."""
    c = j - 1
    while c > floor + 1 and j - c < 45:
        t = toks[c]
        if t.text in '.!?;:"“”()':
            return None
        if t.low in RELATIVES and toks[c - 1].text == ",":
            if not toks[c - 2].text[:1].isupper():
                return None  # "the plan, which ...": no name to speak
            span = _collect_back(art, toks, c - 2, floor)
            first = next((x for x in range(floor, c) if span and toks[x].start == span[0]), floor)
            if span is None or (first > floor and toks[first - 1].low in NOT_BEFORE_SUBJECT):
                return None
            return span
        c -= 1
    return None


RELATIVES = wordset("who which whose")


def _outside_relative_clause(
    art: ArticleText, toks: Sequence[Tok], span: tuple[int, int], floor: int
) -> tuple[int, int]:
    """The person a relative clause left unclosed belongs to: in "Ms Robinson, who presents
    The Weakest Link tells ..." the one who tells is Ms Robinson, not the show."""
    i = next((x for x in range(floor, len(toks)) if toks[x].start >= span[0]), None)
    if i is None:
        return span
    c = i - 1
    while c > floor and i - c <= 8 and toks[c].text not in ",;:":
        c -= 1
    if (
        c > floor
        and toks[c].text == ","
        and c + 1 < i
        and toks[c + 1].low in ("who", "whose")
        and toks[c - 1].text[:1].isupper()
    ):
        outer = _collect_back(art, toks, c - 1, floor)
        if outer is not None:
            return outer
    return span


def _collect_back(
    art: ArticleText, toks: Sequence[Tok], j: int, floor: int
) -> tuple[int, int] | None:
    """A noun phrase ending at token j: up to 8 words back to a clause boundary."""
    if toks[j].text == ")":
        while j >= floor and toks[j].text != "(":
            j -= 1
        j -= 1
    end_tok = j
    i = j
    while i >= floor and end_tok - i < 8:
        t = toks[i]
        if not (t.text[0].isalnum() or t.text in ("’", "'", "-", "&", ".")):
            break
        if t.low in BOUNDARY or (t.low in CUES and t.low not in ("reports", "states")):
            break
        i -= 1
    first = i + 1
    if first > end_tok:
        return None
    if i >= floor and toks[i].low in ("and", "or", "nor", "&"):
        return None  # "Hospitals in Port Ellis and Ashgrove said": only part of a subject
    # Keep the phrase from a determiner, a capital or a role noun onwards.
    while first <= end_tok:
        w = toks[first]
        if w.text[:1].isupper() or w.low in DETERMINERS or w.low in PERSON_NOUNS:
            break
        if w.low in ORG_HEADS:
            break
        first += 1
    if first > end_tok:
        return None
    first = _past_time_phrase(toks, first, end_tok)
    head = toks[end_tok]
    if not (
        head.text[:1].isupper()
        or head.low in PERSON_NOUNS
        or head.low in ORG_HEADS
        or head.low in PRONOUNS
        or head.text.endswith((")", "."))
        or head.low in PERSON_TITLES
        or head.low in DESCRIPTIONS
    ):
        return None
    return toks[first].start, head.end


def _past_time_phrase(toks: Sequence[Tok], first: int, end_tok: int) -> int:
    """Where the phrase starts once a time it opens with is left out: "Last month her lawyers
    said", "Earlier this week the minister told" are the lawyers and the minister speaking;
    the time says when. The phrase's last word is always kept."""
    i = first
    if toks[i].low in ("on", "by") and i < end_tok and toks[i + 1].low in TIME_NOUNS:
        i += 2  # "On Monday Mr Hughes said"
    elif toks[i].low in TIME_WORDS:
        i += 1  # "Yesterday police said"
    elif toks[i].low in TIME_OPENERS:
        j = i + 1
        if j < end_tok and toks[j].low in ("this", "last", "next"):
            j += 1  # "Earlier this week"
        if j <= end_tok and toks[j].low in TIME_NOUNS:
            i = j + 1
    return i if i <= end_tok else first


TIME_WORDS = wordset("yesterday today tonight recently")
"""Words that alone say when, at the head of a sentence before its subject."""

TIME_OPENERS = wordset("last next this earlier later early late")
"""Words that open a time ("Last month", "Earlier this week") before a sentence's subject."""

TIME_NOUNS = wordset(
    """week weekend month year night morning afternoon evening summer winter spring autumn
    season monday tuesday wednesday thursday friday saturday sunday january february march
    april june july august september october november december"""
)
"""What "Last", "Earlier this", "On" say the time of."""
