"""An office as the subject of speech: "the prime minister said", "the foreign secretary
insisted", "the chancellor told MPs".

Why not the last person whose title ends in the same word: "Deputy Prime Minister John
Prescott" is not "the prime minister", nor is "Home Secretary Charles Clarke" "the foreign
secretary" (BBC politics gave both, sure). News names the holder once in the office's own words
("Foreign Secretary Jack Straw", "Tory leader Michael Howard") and then writes the office; when
the article does, the speaker is that holder, sure when it names only one. When it names no one
so, the office is a description like any other (`pronouns.resolve_description`): a guess among
the people the article does not name in another office, never sure.
"""

from __future__ import annotations

import bisect
import re

from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.team_roles import TEAM_ROLES
from tui.nlp.quotes.tokens import Named
from tui.nlp.speaker_words import HONORIFICS, PERSON_TITLES, STOP_CAPS, wordset
from tui.nlp.speakers import Person

QUALIFIERS = wordset("deputy vice shadow former then assistant junior acting ex")
"""Words that make another office of the one they qualify: the deputy prime minister is not
the prime minister, the shadow chancellor (or "the then chancellor") not the chancellor."""

COMPOUND = wordset("minister secretary")
"""Offices whose kind is in the words before them: a prime minister, a foreign secretary."""

GENERIC = wordset("minister secretary official officer spokesman spokeswoman spokesperson")
"""Offices many hold at once: "the minister" may be an education secretary, so people named in
other offices are not ruled out for it."""

_ROLE_WORDS = sorted(
    {w for w in (PERSON_TITLES | TEAM_ROLES) - HONORIFICS if w.isalpha()}, key=len, reverse=True
)
_LOWER_OFFICE = re.compile(
    r"(?<![\w-])((?:[A-Za-z][\w-]*\s+)?(?:" + "|".join(_ROLE_WORDS) + r"))\s+$"
)
"""A role written in lower case straight before a name, with the word before it: "Tory leader
Michael Howard", "prime minister Tony Blair"."""

_OFFICE_TAIL = re.compile(r"\s(the\s+(?:[a-z-]+\s+){0,2}([a-z-]+))$")
"""An office at the end of a subject phrase that starts with other words: "Later the prime
minister", "According to Mr Pike the prime minister"."""


def holds(written: str, office: str) -> bool:
    """Whether a person named in the office `written` is the one "the <office>" stands for.

    A deputy, former or shadow holder is not the holder. Ministers and secretaries come in
    many kinds at once, so "the prime minister" and "the foreign secretary" must match as
    written ("deputy prime minister", "home secretary" do not), while "the minister" is any
    of them. Other offices are compared by their last word: "the Democrat senator" is "New
    York Senator Charles Schumer", "the French president" one of the presidents named."""
    w, o = written.split(), office.split()
    if w and _qualified(w[0]):
        if not (o and _qualified(o[0])):
            return False
        w = w[1:]
    if o and _qualified(o[0]):  # "the former cabinet secretary": "cabinet secretary Lord Butler"
        o = o[1:]
    if not w or not o or w[-1] != o[-1]:
        return False
    if o[-1] in COMPOUND and len(o) > 1:
        return w == o
    return True


def _qualified(word: str) -> bool:
    return word in QUALIFIERS or word.startswith("ex-")


def _office(words: list[str]) -> str:
    """An office as written before a name, without the sentence words that opened the run
    ("And Home Secretary", "the Tory leader") but with its qualifiers ("former chancellor")."""
    k = 0
    while k < len(words) - 1 and (words[k] in STOP_CAPS or words[k] in ("a", "an")):
        if _qualified(words[k]):
            break
        k += 1
    return " ".join(words[k:])


def office_tail(phrase: str) -> int | None:
    """Where an office starts in a subject phrase that opens with a sentence adverb or
    "according to" ("Later the prime minister": the office speaks, "Later" is no name), else
    None. An apposition ("Tony Blair, the prime minister") is left whole: the name speaks."""
    low = phrase.lower()
    first = low.split(" ", 1)[0]
    if first not in STOP_CAPS and not low.startswith("according to "):
        return None
    tail = _OFFICE_TAIL.search(phrase)
    if tail is None or tail.group(2) not in PERSON_TITLES:
        return None
    return tail.start(1)


def _offices(art: ArticleText, person: Person) -> set[str]:
    """The offices the article names the person in: as a title ("Foreign Secretary Jack
    Straw", kept by the registry) or in lower case before the name ("Tory leader Michael
    Howard", "London mayor Mr Livingstone")."""
    found = {_office(o.split()) for o in person.offices}
    if " " in person.name:
        # Each place the article writes the name (whole, or "Mr Surname"), and the words just
        # before it: one small search per person, the role pattern compiled once.
        last = re.escape(person.name.rsplit(" ", 1)[1])
        who = rf"\b(?:{re.escape(person.name)}|(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady)\.?\s+{last})\b"
        for m in re.finditer(who, art.text):
            before = _LOWER_OFFICE.search(art.text, max(0, m.start() - 60), m.start())
            if before is not None:
                found.add(_office(before.group(1).lower().split()))
    return found


def office_table(art: ArticleText) -> dict[str, set[str]]:
    """Every person of the article with the offices it names them in, read once per article
    (a description with no holder asks twice: who holds it, who holds another)."""
    if art.office_memo is None:
        people = {id(p): p for p in art.reg.people.values()}.values()
        art.office_memo = {p.name: _offices(art, p) for p in people}
    return art.office_memo


def office_holder(art: ArticleText, office: str, pos: int) -> Named | None:
    """The person the article names in `office` ("prime minister"), the one mentioned last
    before `pos` if several; sure when only one is; None when no one is named so."""
    table = office_table(art)
    holders = {name for name, held in table.items() if any(holds(o, office) for o in held)}
    if not holders:
        return None
    reg = art.reg
    name = min(holders)
    i = bisect.bisect_left(reg._mention_pos, pos) - 1
    while i >= 0:
        if reg.mentions[i][1] in holders:
            name = reg.mentions[i][1]
            break
        i -= 1
    return Named(name, reg.gender_of(name), len(holders) == 1)


def in_other_offices(art: ArticleText, office: str) -> frozenset[str]:
    """People the article names only in offices other than `office`: "the prime minister" is
    none of them (nobody is ruled out for a generic office: "the minister")."""
    if office in GENERIC:
        return frozenset()
    out = set()
    for name, held in office_table(art).items():
        if held and not any(holds(o, office) for o in held):
            out.add(name)
    return frozenset(out)
