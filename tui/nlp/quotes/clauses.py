"""What a clause of reported speech looks like: where it may start after its verb, whether it
holds a verb of its own, who may speak without a name, and the listener after "told".

Kept apart from `reported`, which reads sentences, so the tests of a clause can be read (and
extended) alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.nlp.quotes.tokens import Tok
from tui.nlp.quotes.words import (
    ADJUNCTS,
    DETERMINERS,
    DOCUMENTS,
    NOT_BEFORE_PLAIN,
    PERSON_NOUNS,
)
from tui.nlp.speaker_words import wordset

ANONYMOUS = PERSON_NOUNS | DOCUMENTS | wordset("experts sources officials")
"""Heads of a subject that speaks without a name ("experts say", "a source said")."""

QUOTE_MARKS = frozenset("\"“”‘’'„«»")
"""Tokens that are quotation marks."""

OBJECT_VERBS = frozenset(("told", "tells"))
"""Reporting verbs whose listener comes first ("told reporters the plan was dead")."""

WHEN_WORDS = ADJUNCTS - {"in", "at", "during"} | {
    "last",
    "week",
    "night",
    "morning",
    "afternoon",
    "evening",
}
"""Words of a time between a reporting verb and what was said ("said on Monday")."""

CLAUSE_STARTS = wordset(
    """he she they it we i you there this these those the a an his her their its our my
    some many most no all every each both several any"""
)
"""Words that open a clause of reported speech straight after its verb."""


NOT_CLAUSE = wordset(
    """to in on at for with from by about into of as than so nothing goodbye hello sorry thanks
    yes no not more less little much enough something anything everything what how why when
    where whether if who which"""
)
"""Words after a reporting verb that start no clause of reported speech ("said nothing")."""

FINITE = wordset(
    """is are was were will would can could should must may might shall has have had do does
    did isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't hasn't haven't
    hadn't doesn't didn't don't plans wants needs rose fell grew went came took made saw gave
    won lost began became kept left met paid ran sent spent stood thought knew brought bought
    built held led felt meant sold told got rises falls grows remains seems wants means plan
    want need think believe support oppose expect favor favour prefer fear"""
)
"""Words that show a clause has its verb ("the plan would fail", "rates rose")."""


def opens_clause(tok: Tok) -> bool:
    """Whether reported speech may start at this token: a pronoun, a determiner, a name, a
    number or a noun ("said she plans", "said the plan", "said Calder will", "said rates")."""
    if tok.low in CLAUSE_STARTS or tok.text[:1].isupper() or tok.text[:1].isdigit():
        return True
    return tok.text[:1].isalpha() and tok.low not in NOT_CLAUSE


def opens_count(toks: Sequence[Tok], j: int) -> bool:
    """Whether a claim opens at token j with a count made rough ("said about 20 people have
    ...", "said nearly half the staff will ..."): the word before the number is no topic
    ("said about the plan") but part of the claim's subject."""
    if toks[j].low not in ROUGHLY or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    return nxt.text[:1].isdigit() or nxt.low in COUNT_WORDS


ROUGHLY = wordset("about nearly almost around roughly some over")
"""Words that make a count rough before its number ("about 20 people")."""

COUNT_WORDS = wordset(
    """one two three four five six seven eight nine ten twenty thirty forty fifty hundred
    hundreds thousand thousands million millions half dozen dozens""",
)
"""Words of a count, after a rough count's first word ("nearly half", "about a dozen" is left
out: "a" may open a topic)."""


def has_verb(toks: Sequence[Tok]) -> bool:
    """Whether a clause seems to hold a finite verb among its first words."""
    if any(_finite(t.low.replace("’", "'")) for t in toks[:12]) or _verb_after_noun(toks):
        return True
    # A long subject ("Trump's tweets accusing Machado of having a criminal record and a sex
    # tape are ..."): further on, only an auxiliary or a modal shows the verb, and only before
    # any punctuation (past a comma or a dash, a word in "-ed" is as likely another clause's).
    for x, t in enumerate(toks[1:LONG_SUBJECT], 1):
        if t.start - toks[x - 1].end > 1 or not (t.text[:1].isalnum() or t.text in "’'"):
            return False  # a mark, or a dash the tokens leave out (a gap wider than a space)
        if x >= 12 and t.low in AUXILIARIES:
            return True
    return False


LONG_SUBJECT = 22
"""How many words a clause's subject may run to before its verb."""

AUXILIARIES = wordset(
    """is are was were will would can could should must may might has have had does
    isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't hasn't haven't
    hadn't doesn't"""
)
"""Verbs that show a clause has its verb wherever they stand in it."""


def _finite(w: str) -> bool:
    return w in FINITE or w.endswith(("ed", "'ll", "'d", "n't", "'re", "'ve"))


def _verb_after_noun(toks: Sequence[Tok]) -> bool:
    """'Mrs. Clinton's statistical advantage obscures concerns': a verb in -s after the noun
    that heads the clause's subject (not "the concerns", not "voters' concerns")."""
    for i in range(min(7, len(toks) - 1)):
        a, b = toks[i], toks[i + 1]
        if i + 2 >= len(toks) or not toks[i + 2].text.isalpha():
            continue  # "oil finds." ends the clause: a noun, nothing said of it
        if toks[i + 2].low in NOUN_FOLLOWERS:
            continue  # "oil finds in India": a noun and what qualifies it
        w = b.text
        if not (w.isalpha() and w.islower() and len(w) > 4 and w.endswith("s")):
            continue
        if w.endswith(("ss", "us", "is", "ous", "ics")):
            continue
        if (
            a.text.isalpha()
            and a.text.islower()
            and a.low not in NOT_SUBJECT_END
            and not a.low.endswith(ADJECTIVE_ENDS)
        ):
            return True
    return False


NOUN_FOLLOWERS = wordset("of in on at for with by from to and or but as than")
"""Words after an -s word that show it is a noun with a qualifier, not a verb."""

ADJECTIVE_ENDS = (
    "al", "ic", "ive", "ous", "ful", "ent", "ant", "ary", "ing", "ed", "ern", "ish", "less",
    "able", "ible", "y",
)  # fmt: skip
"""Endings of words that qualify a noun ("political leaders"), so the -s word is the noun."""


def contracted(tok: Tok) -> bool:
    """'she’ll', 'they’d', 'it’s': a pronoun and its verb in one token."""
    word = tok.low.replace("’", "'")
    head, _, tail = word.partition("'")
    return head in CLAUSE_STARTS and tail in ("ll", "d", "s", "re", "ve")


NOT_SUBJECT_END = wordset(
    """the a an his her their its our my your this that these those some many more most few
    of in on at for with by from to and or but as than all both such other new"""
)
"""Words a subject cannot end with, so an -s word after one is a noun ("the concerns")."""


def third_person(toks: Sequence[Tok], j: int) -> bool:
    """'Trump exaggerates', 'she knows': a name or a singular pronoun and a verb in -s."""
    while j + 2 < len(toks) and toks[j].text[:1].isupper() and toks[j + 1].text[:1].isupper():
        j += 1  # "Republican Donald Trump favors": the name's last word
    if j + 1 >= len(toks):
        return False
    head, verb = toks[j], toks[j + 1]
    singular = head.low in ("he", "she", "it", "this", "that") or head.text[:1].isupper()
    return singular and verb.text.islower() and verb.low.endswith("s") and len(verb.low) > 3


def after_object(toks: Sequence[Tok], j: int) -> int:
    """The token after the listener of "told" ("reporters", "CNN", "the Post", "him")."""
    if j < len(toks) and toks[j].low in ("him", "her", "them", "us", "me", "reporters"):
        return j + 1
    if j < len(toks) and toks[j].low in ("the", "a", "an"):
        j += 1
        noun = j + 1 < len(toks) and toks[j].text.isalpha() and toks[j].text.islower()
        if noun and toks[j + 1].low in ("he", "she", "they", "it", "we", "i"):
            return j + 1  # "told the forum he was against the war"
    k = j
    while k < len(toks) and k - j < 4 and toks[k].text[:1].isupper():
        k += 1
    if k == j and j < len(toks) and toks[j].low in PERSON_NOUNS | {"reporters", "journalists"}:
        return j + 1
    if k > j and k < len(toks) and toks[k].low in MEDIA_KINDS:
        k += 1  # "told the Daily Record newspaper he wants ...": the kind is the listener's
        title = k
        while title < len(toks) and title - k < 4 and toks[title].text[:1].isupper():
            title += 1
        if title > k and title < len(toks) and toks[title].low in CLAUSE_OPENERS:
            k = title  # "told the Argentine newspaper Clarin it would ...": its title too
    return k if k > j else len(toks)


CLAUSE_OPENERS = wordset("he she it they we i that")
"""Words that open what was told, after a listener's kind and title."""


MEDIA_KINDS = wordset("newspaper paper magazine programme program show website station channel")
"""Words after a listener's name that say what it is ("the Evening Standard website")."""


def plain_verb(toks: Sequence[Tok], k: int) -> bool:
    """Whether the plain form at token k is a verb of people in the plural: not after "to",
    a modal or "dare" (`NOT_BEFORE_PLAIN`), nor a noun after a determiner or a possessive
    ("the claim that", "Trump's hope that", "their fear that")."""
    if k == 0:
        return False
    before = toks[k - 1].low
    if before in DETERMINERS or before.endswith(("'s", "’s", "s'", "s’")) or before in OWNERS:
        return False
    return not any(t.low in NOT_BEFORE_PLAIN for t in toks[max(0, k - 2) : k])


OWNERS = wordset("his her its their our my your whose")
"""Possessive words before a noun ("their fear that ...")."""
