"""Verdicts given with no article: "The Trump campaign called the charges unsubstantiated",
"Sanders calls Clinton unqualified", "Ryan called the remarks racist". The verdict is an
adjective right after a short object; `reported_stance` reads "called X a Y" and
'called X "Y"' itself, and this module only adds the adjective.

Why a module of its own, and why so narrow: "called" mostly narrates ("called the police",
"called the meeting to order", "called him back", "called the election early"), so the
verdict must look like an adjective of judgement (`VERDICTS`, or one of the endings in
`VERDICT_ENDINGS`), stand within a few words of the verb, follow an object that is a name, a
pronoun or a determiner's noun phrase with no clause word in it, and end its clause or go on
with what the verdict governs ("unfit to serve", "unsubstantiated and fabricated by ...").
"""

from __future__ import annotations

import re

from tui.nlp.quotes.tokens import Tok
from tui.nlp.quotes.words import BOUNDARY
from tui.nlp.speaker_words import wordset

VERDICTS = wordset(
    """racist crazy wrong false absurd ridiculous unfair unacceptable unfit untrue
    dishonest dangerous reckless irresponsible outrageous disgraceful shameful offensive
    baseless meritless groundless ludicrous laughable pathetic illegal unlawful lawful
    unconstitutional unqualified unsubstantiated inappropriate un-american bigoted
    sexist hateful incompetent corrupt fraudulent misleading inaccurate unprecedented
    historic important critical essential necessary helpful productive positive constructive
    excellent great good terrific fantastic wonderful remarkable disappointing troubling
    disturbing alarming appalling deplorable despicable abhorrent unconscionable
    irrelevant premature naive foolish stupid silly weak strong""",
)
"""Adjectives of a verdict after a naming verb's object ("called the charges baseless")."""

VERDICT_ENDINGS = re.compile(
    r"^(un|in|ir|il|dis|non)[a-z\-]+(ed|ful|ous|able|ible|ic|ical|ive|ent|ant|ate)$"
)
"""The shape of a verdict's negative adjective ("unsubstantiated", "irresponsible",
"inappropriate", "dishonest" is listed): a prefix of negation and an adjective's ending."""

OBJECT_WORDS = 5
"""The object of a bare verdict is at most this many words ("the charges", "Mr. Trump's
remarks on immigration" is already too long to be sure)."""

NOT_OBJECT = wordset(
    """on in at to for from by with after before during back off up out upon into over
    it's""",
)
"""Words that end an object with a time, a place or a particle ("called him on Monday")."""

AFTER_VERDICT = wordset("and to but because as in for")
"""Words that may follow a verdict ("unsubstantiated and fabricated", "unfit to serve")."""


def is_verdict(tok: Tok) -> bool:
    """Whether the token reads as an adjective of judgement."""
    w = tok.low
    if not tok.text.islower() or (not w.isalpha() and "-" not in w):
        return False
    return w in VERDICTS or bool(VERDICT_ENDINGS.match(w))


def may_verdict(low: str, end: int) -> bool:
    """A cheap look, before the sentence is cut into tokens, for a verdict word within the
    few words after a naming verb ending at low[end]."""
    words = low[end : end + 60].split()[: OBJECT_WORDS + 1]
    return any(w.strip(".,;:") in VERDICTS or VERDICT_ENDINGS.match(w.strip(".,;:")) for w in words)


def bare_verdict(toks: list[Tok], k: int) -> int:
    """Where "OBJECT VERDICT" after a naming verb at k starts, or -1."""
    n = len(toks)
    first = toks[k + 1]
    if not first.text[:1].isalpha() or first.low in BOUNDARY or first.low in NOT_OBJECT:
        return -1
    for x in range(k + 2, min(n, k + 2 + OBJECT_WORDS)):
        t = toks[x]
        if is_verdict(t):
            nxt = toks[x + 1] if x + 1 < n else None
            if nxt is not None and nxt.text[:1].isalnum() and nxt.low not in AFTER_VERDICT:
                return -1  # "called the plan historic moves": a noun phrase, no verdict
            return k + 1
        if not (t.text[:1].isalnum() or t.text in ("’s", "'s", ".")):
            return -1
        if t.low in BOUNDARY or t.low in NOT_OBJECT:
            return -1
    return -1
