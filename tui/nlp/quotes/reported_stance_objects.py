"""What a stance verb's words are, read off the tokens after it: the aim after "vowed to", the
verdict after "called the plan", the question after "asked whether", the object and reason of
a judgement ("blamed the board for ..."). Split from `reported_stance`, which finds the verb
and its subject; each reader here answers where the claim starts, or -1.
"""

from __future__ import annotations

from tui.nlp.quotes.clauses import QUOTE_MARKS
from tui.nlp.quotes.naming import ROLE_HEADS
from tui.nlp.quotes.tokens import Tok
from tui.nlp.quotes.words import BOUNDARY, DETERMINERS, PERSON_NOUNS
from tui.nlp.speaker_words import wordset

QUESTION_WORDS = wordset("whether if why how what when where who")
"""Words that open the question asked ("asked whether the pier would reopen")."""

VERDICT_OPENERS = wordset("a an")
"""Words that open the verdict after a named object ("called his vote an error")."""

REASONS = wordset("for of over as")
"""Words that open the reason of a judgement ("blamed the board for", "accused him of",
"blasted the plan as")."""

NOT_AIMED = wordset("be the a an his her their its this that these those")
"""Words after "to" that make it a preposition or a passive, not an aim ("proposed to the
board", "refused to be drawn")."""

REASON_WITHIN = 8
"""The reason of a judgement starts within this many words of its verb."""


def _aim(toks: list[Tok], k: int) -> int:
    """Where the aim after an aim verb at k starts ("to" and a verb), or -1; after "wants",
    what is wanted of someone too ("wants the party to take ...")."""
    if toks[k + 1].low == "not" and k + 3 < len(toks) and toks[k + 2].low == "to":
        return k + 1 if _aim(toks, k + 1) > 0 else -1  # "vows not to take his calls"
    if toks[k + 1].low != "to":
        if toks[k].low.startswith("want") and _object_opens(toks[k + 1]):
            x = next((x for x in range(k + 2, min(len(toks) - 1, k + 6)) if toks[x].low == "to"), 0)
            if x and all(t.text[:1].isalnum() or t.text in ("’s", "'s") for t in toks[k + 1 : x]):
                return k + 1 if _aim(toks, x - 1) > 0 else -1
        return -1
    verb = toks[k + 2]
    if not (verb.text.isalpha() and verb.text.islower()) or verb.low in NOT_AIMED:
        return -1
    return k + 1


def _object_opens(first: Tok) -> bool:
    """Whether an object may start at this token: a name, a determiner or a pronoun."""
    if not first.text[:1].isalpha() or first.low in BOUNDARY or first.low == "to":
        return False
    return first.text[:1].isupper() or first.low in DETERMINERS or first.low in OBJECTS


def _named(toks: list[Tok], k: int) -> int:
    """Where "OBJECT a VERDICT" after a naming verb at k starts ("called his vote in favour of
    the war a mistake", 'called the plan "reckless"'), or -1 ("called the police", "called
    him on Monday", "called the council in a bid to ...")."""
    first = toks[k + 1]
    if not first.text[:1].isalpha() or first.low in BOUNDARY or first.low in NOT_IN_OBJECT:
        return -1
    for x in range(k + 2, min(len(toks) - 1, k + NAMED_WITHIN)):
        t = toks[x]
        if t.low in VERDICT_OPENERS or t.text in QUOTE_MARKS:
            return k + 1 if toks[x - 1].low not in NOT_IN_OBJECT else -1
        if not t.text[:1].isalnum() and t.text not in ("’s", "'s"):
            return -1
        if t.low in BOUNDARY or (x == k + 2 and t.low in NOT_IN_OBJECT):
            return -1
    return -1


NAMED_WITHIN = 10
"""The verdict after a naming verb starts within this many words of it."""


NOT_IN_OBJECT = wordset("on in at to for from by with after before during back off up out")
"""Words that end an object with a time, a place or a particle ("called him on Monday")."""


def _doubted(toks: list[Tok], k: int) -> int:
    """Where "the QUALITY of SOMETHING" after a verb of doubt at k starts, or -1."""
    if toks[k + 1].low not in DETERMINERS:
        return -1
    for x in range(k + 2, min(len(toks) - 2, k + 6)):
        t = toks[x]
        if t.low in ("of", "for"):
            head = toks[x - 1].low
            return (
                k + 1 if x > k + 2 and head not in PERSON_NOUNS and head not in ROLE_HEADS else -1
            )
        if not (t.text.isalpha() and t.text.islower()):
            return -1
    return -1


def _asked(toks: list[Tok], k: int) -> int:
    """Where the question after "asked [someone]" starts, at its question word, or -1."""
    for x in range(k + 1, min(len(toks) - 3, k + 6)):
        if toks[x].low in QUESTION_WORDS:
            return x
        if not toks[x].text[:1].isalnum() or toks[x].low in NOT_IN_OBJECT:
            return -1
    return -1


def _judged(toks: list[Tok], k: int) -> int:
    """Where the object of a judgement at k starts, when a reason follows it, or -1."""
    if not _object_opens(toks[k + 1]):
        return -1
    for x in range(k + 2, min(len(toks) - 2, k + REASON_WITHIN)):
        if toks[x].low in REASONS:
            return k + 1
        if not toks[x].text[:1].isalnum() and toks[x].text not in ("’s", "'s", "’", "'"):
            return -1
    return -1


OBJECTS = wordset("him her them it us me")
"""Pronouns that may be the object of a judgement ("blamed him for")."""
