"""Whether the words after a reporting verb make a clause of what was said, where `has_verb`
cannot tell: a verb in its plain form ("they welcome", "his friends feel"), a verb in -s after a
name further on ("praise from Putin helps"), a claim going on after an inserted "according to
X", a listener after "told"; and the words that let `reported` pass over sentences cheaply
(`CUE_OR_STANCE`) or read where a claim was said. Split from `reported`, which reads the
sentence shapes.
"""

from __future__ import annotations

import bisect
import re

from tui.nlp.cues import word_pattern
from tui.nlp.quotes.clauses import ANONYMOUS, has_verb, third_person
from tui.nlp.quotes.reported_nominal import NOMINAL_NOUNS
from tui.nlp.quotes.reported_stance import STANCE_VERBS
from tui.nlp.quotes.tokens import Tok
from tui.nlp.quotes.words import (
    BOUNDARY,
    DEMANDS,
    DETERMINERS,
    EVIDENCE_VERBS,
    PARTICIPLE_CUES,
    PERSON_NOUNS,
    REPORTING,
    THAT_VERBS,
)
from tui.nlp.speaker_words import wordset


def plain_clause(toks: list[Tok], j: int) -> bool:
    """Whether the clause from token j holds a verb `has_verb` misses (see the module)."""
    return _plural_then_verb(toks, j) or _plain_verb(toks, j) or _name_then_verb(toks, j)


def _plural_then_verb(toks: list[Tok], j: int) -> bool:
    """Whether the clause from token j opens with "they", "we" or "I" and a word in small
    letters: a verb ("they welcome", "we already have"), whose plain form `has_verb` cannot
    tell from a noun, but after such a pronoun nothing else stands."""
    return (
        toks[j].low in PLAIN_VERB_SUBJECTS
        and j + 1 < len(toks)
        and toks[j + 1].text.isalpha()
        and toks[j + 1].text.islower()
        and toks[j + 1].low not in NOT_A_VERB
    )


def _plain_verb(toks: list[Tok], j: int) -> bool:
    """Whether a plural noun among the clause's first words is followed by a verb in its plain
    form ("his friends feel the same", "the trees make the air cleaner"), which `has_verb`
    cannot tell from a noun: only the commonest such verbs are read so."""
    for x in range(j + 1, min(len(toks), j + 12)):
        t = toks[x]
        if t.low in PLAIN_VERBS and t.text.islower():
            before = toks[x - 1].low
            return before.endswith("s") and before.isalpha() and len(before) > 3
        if t.text in ",;:()" or t.low in BOUNDARY:
            return False
    return False


def _name_then_verb(toks: list[Tok], j: int) -> bool:
    """Whether a name among the clause's first words is followed by a verb in -s ("praise
    from Putin helps the country"), which `has_verb` reads only right after the clause's
    first noun."""
    for x in range(j + 1, min(len(toks), j + 8)):
        t, before = toks[x], toks[x - 1]
        if t.text in ",;:()" or t.low in BOUNDARY:
            return False
        if (
            before.text[:1].isupper()
            and t.text.isalpha()
            and t.text.islower()
            and len(t.low) > 3
            and t.low.endswith("s")
            and not t.low.endswith(("ss", "us", "is"))
        ):
            return True
    return False


PLAIN_VERBS = wordset(
    """feel make deserve like know see agree understand care get keep look work live pay go
    come take give hold face cost lack remain stay believe"""
)
"""Verbs in their plain form that follow a plural subject ("voters deserve better")."""

PLAIN_VERB_SUBJECTS = wordset("they we i you")
"""Pronouns whose verb takes its plain form ("they support", "we need")."""

NOT_A_VERB = wordset("all both themselves ourselves alone who which that")
"""Words after "they" that are no verb ("they all", "they themselves")."""


def claim_resumes(toks: list[Tok], c: int) -> bool:
    """Whether the claim goes on after the comma at token c that closes an inserted "according
    to X": several more words, not an apposition describing the source ("X, a former aide")."""
    if c >= len(toks) or toks[c].text != ",":
        return False
    rest = [t for t in toks[c + 1 :] if t.text not in ".!?"]
    if len(rest) < 4 or rest[0].low in DETERMINERS or rest[0].low in ("who", "which"):
        return False
    return has_verb(rest) or third_person(toks, c + 1) or rest[0].text[:1] in "$£€0123456789"


def claim_source(tail: list[Tok]) -> bool:
    """Whether the words after "according to" with no comma before it name a source: a name
    ("according to Gartner"), or a record or people ("according to a Gazette poll released
    Monday"); not a rule kept to ("ranks countries according to their debt")."""
    return tail[-1].text[:1].isupper() or any(t.low in ANONYMOUS for t in tail)


SOURCE_AFTER = 4
"""'CLAIM according to X' with no comma before "according": at least this many words of claim."""


DEICTIC = wordset("this that last next")
"""Words of a time ("said this week") that may open the claim instead ("said this is ...")."""

TIME_NOUNS = wordset(
    """week weekend month year morning afternoon evening night time spring summer autumn
    fall winter season""",
)
"""Nouns after "this", "last" or "next" that make them a time."""


def listener(tok: Tok) -> bool:
    """Whether a word after "told" opens whom it was told to: a name, a pronoun, "the" or
    "a", people ("reporters", "officials")."""
    return tok.text[:1].isupper() or tok.low in LISTENERS or tok.low in PERSON_NOUNS


LISTENERS = wordset("him her them us me reporters journalists the a an")
"""Words after "told" that open whom it was told to."""


CUE_WORDS = REPORTING | PARTICIPLE_CUES | DEMANDS | THAT_VERBS | EVIDENCE_VERBS | {"according"}
"""The words `REPORTED_WORD` finds: a sentence of reported speech holds one."""

CUE_OR_STANCE = re.compile(
    r"(?<!\w)" + word_pattern(CUE_WORDS | STANCE_VERBS | NOMINAL_NOUNS) + r"(?![\w’'\-])"
)
"""`REPORTED_WORD`, `STANCE_WORD` and the nouns of `reported_nominal` in one scan: each
paragraph's text is read once."""


def holds(positions: list[int], ss: int, se: int) -> bool:
    """Whether one of the sorted `positions` lies in [ss, se)."""
    i = bisect.bisect_left(positions, ss)
    return i < len(positions) and positions[i] < se


SETTING_OPENERS = wordset("in at during on")
"""Words after a cue that open where or when it was said, commas and all, before "that"."""

SETTING_REACH = 16
""""that" comes within this many words of a cue whose setting follows it."""

NUMBERS = wordset("two three four five six seven eight nine ten eleven twelve a an")
"""Words after "conceded" that count goals or points, not an admission."""
