"""Sports copy: telling a sports report by its words, and clubs named after places."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.nlp import cues
from tui.nlp.coref import ORG, PERSON, PLACE, Mention
from tui.nlp.cues import word_pattern
from tui.nlp.gazetteer import fold
from tui.nlp.name_cues import LOCATIVE

if TYPE_CHECKING:
    from tui.nlp.name_doc import Doc

SCORE_AFTER = re.compile(r"[ \t]{1,3}\(?\d")
_SPORTS_WORDS = re.compile(r"\b" + word_pattern(cues.SPORTS_WORDS) + r"\b")
SPORTS_SLUG = re.compile(r"\s*([A-Z][A-Z ]{1,30}?)\s+-\s")


def sporty(text: str) -> bool:
    """Whether an article reads as a sports report: several of the words only sport uses.

    Agency copy says so in its slug ("SOCCER - ..."); other sites do not, so the vocabulary
    of the first few thousand characters decides (three different sports words: on the BBC
    set this finds half the sport articles and six of the 1,714 others).
    """
    if len(text) < 300:
        return False
    low = text[:5000].lower()
    size = len(low)
    seen = 0
    # Each word is looked for with `str.find` (much quicker than one regex scan over the text)
    # and counted at its first use that stands as a whole word: what `_SPORTS_WORDS` finds.
    for word in _SPORTS_LIST:
        i = low.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not _word_char(low[i - 1])) and (j == size or not _word_char(low[j])):
                seen += 1
                if seen == 3:
                    return True  # no need to read on
                break
            i = low.find(word, i + 1)
    return False


_SPORTS_LIST = tuple(sorted(cues.SPORTS_WORDS))
"""The sports words, for `sporty`. None is part of another's match as `_SPORTS_WORDS` reads
them (the hyphenated ones, "half-time", "kick-off", hold none), so counting each word that
occurs as a whole word counts the different words the pattern finds."""


def _word_char(ch: str) -> bool:
    """Whether a regex `\\w` matches the character: what a `\\b` tells apart."""
    return ch.isalnum() or ch == "_"


def sports_evidence(doc: Doc, m: Mention, place_weight: float, prev: str, line_start: bool) -> None:
    """In sports copy a city or county named as a competitor is a club: "Bolton 2 Arsenal 1".

    Countries stay places (national sides are reported as the country), and so does a city
    named as a venue: after "in", "at", a comma or an opening bracket, or before a bracket.
    """
    text = doc.text
    after = text[m.end : m.end + 3].lstrip()
    if (place_weight or PLACE in m.prior) and (
        prev.casefold() in ("in", "at") or (line_start and after.startswith(":"))
    ):
        # The ground or town a match is played in: "In Seattle ,", "KANSAS CITY AT DETROIT",
        # "Hove : Sussex 363 ...". Strong, so that the club of the same name elsewhere in
        # the article does not outvote it.
        m.add(PLACE, max(0.0, 3.0 - m.context.get(PLACE, 0.0)))
        return
    venue = prev.casefold() in LOCATIVE or prev in ("(", ",") or after.startswith("(")
    if place_weight and m.key not in doc.gaz.countries and not venue:
        m.add(ORG, min(place_weight + 1.0, 2.5))
    elif PLACE in m.prior and m.prior[PLACE] < 2.0 and not venue:
        m.add(ORG, 2.0)  # a county side: "Derbyshire", "Leicestershire"
    elif " " in m.text and not place_weight and not venue:
        words = m.text.split()
        if any(fold(w) in doc.gaz.places for w in words):
            m.add(ORG, 1.5)  # "Hansa Rostock", "Gloria Bistrita"
    elif not m.prior and not m.context and (line_start or SCORE_AFTER.match(text, m.end)):
        m.add(ORG, 1.0)


_OWN_SCORE = re.compile(r"[ \t]{1,3}\d{1,3}(?![\d.,:/-])")
"""A side's score or first column straight after its name: "Bolton 2", "Leyton Orient 4 1 1",
but not a bowler's figures ("Fleming 8-1-26-3") or a time ("20.37")."""


def team_in_table(doc: Doc, m: Mention, place_weight: float, prev: str) -> bool:
    """A side in a results or standings row ("Bolton 2 Arsenal 1", "Leyton Orient 4 1 1 2 3 3
    4"): a name at the start of a line or after the score of the side before it, followed by
    its own score, in sports copy. It is a club even when a town of its name exists (Bolton);
    a country stays a place (national sides are reported as the country), and a name the
    gazetteers know as a person's (a golfer's scores) stays a person."""
    text = doc.text
    start = m.start
    if not _OWN_SCORE.match(text, m.end):
        return False
    if not (start == 0 or text[start - 1] == "\n" or prev.isdigit()):
        return False
    if m.key in doc.gaz.countries or m.prior.get(PERSON, 0.0) >= 2.0:
        return False
    m.add(ORG, max(place_weight + 1.5, 2.5))
    return True
