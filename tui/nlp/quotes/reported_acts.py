"""Acts of saying told by their object, read by `reported_stance` like its other stances: a
label given ("described the plan as reckless"), a question explained or wondered about
("explained why she backs the plan", "has yet to explain why ..."), a reason cited ("...,
citing the cost of repairs") and a stance refused ("refused to release the report",
"declined to threaten Moscow").

Why a module of its own: each verb here narrates as often as it reports ("described the
scene", "explained the rules", "citing" a source in passing, "refused to leave"), so each is
read only with the words that make it someone's words: "as" and a verdict after the object of
"described", a question word after "explained" or "wondered", a comma before "citing" (the
sentence's subject gives the reason), a verb of a stance after "refused to" (not "comment",
"leave" or "attend"). The
subject is read as for any stance, past a verb chain when the act is an infinitive ("has yet
to explain", "could not explain"): whoever cannot or will not explain is who was asked.

Here too is who a subject's second verb belongs to ("The council ... and pledged to ...",
"... but has said she will ..."), read by the stances and by `reported` alike: the subject
heading the sentence, only when no clause of another subject opens before the verb.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.attribution import _sentence_subject
from tui.nlp.quotes.clauses import QUOTE_MARKS
from tui.nlp.quotes.naming import ROLE_HEADS, name_phrase
from tui.nlp.quotes.reported_stance_objects import QUESTION_WORDS, _asked, _object_opens
from tui.nlp.quotes.tokens import Tok
from tui.nlp.quotes.words import PERSON_NOUNS, REPORTING, THAT_VERBS
from tui.nlp.speaker_words import wordset

LABELS = wordset("described describes")
"""Verbs of a label given to their object, read only with "as" and the label after it
("described the showdown as ominous"); alone they tell what was seen ("described the scene")."""

QUESTIONS = wordset("explained explains explain wondered wonders")
"""Verbs whose words are a question, read from its question word ("explained why she backs
the plan", "wondered whether the moderators will be fair")."""

CITES = wordset("citing")
"""A participle giving the reason its sentence's subject stated (", citing the cost")."""

REFUSALS = wordset("refused refusing declined declining")
"""Verbs of a refusal, read with the act refused ("refused to disclose his medical records",
"declined to threaten Moscow", "refused to hold hearings"): PolNeAR's writers report such a
refusal as the stance it is. Never "declined to comment", whose claim says nothing, nor an
act of no stance (`NOT_REFUSED`); "refuses", in the present, is an aim."""

NOT_REFUSED = wordset(
    """comment answer name be leave attend go come take give stay sit stand accept""",
)
"""Verbs after "refused to" whose refusal tells what happened, no stance: "refused to
comment", "refused to answer questions", "refused to name a date", "refused to be drawn",
"refused to leave the office", "declined to attend"."""

ACTS = LABELS | QUESTIONS | CITES | REFUSALS
"""Every verb this module reads by."""

LABEL_WITHIN = 10
"""The "as" of a label stands within this many words of its verb."""

NOT_IN_LABEL = wordset("on in at to for from by with after before during when while")
"""Words that end a label's object with a time, a place or a clause ("described it on
Monday as ..." is read no further): the "as" must follow the object itself."""

CHAIN = wordset(
    """to not n't never yet could would will can cannot can't couldn't wouldn't won't did
    didn't does doesn't do don't should shouldn't might may must has have had is was are
    were been appeared appears seemed seems tried tries""",
)
"""Words of a verb chain between a subject and an act in the infinitive ("has yet to
explain", "could not explain", "appeared to explain")."""

INFINITIVE_LEADS = wordset("yet appeared appears seemed seems tried tries has have had")
"""Words before "to" that keep a chain's subject the act's own ("has yet to explain"): not a
noun ("a chance to explain", whose subject is no one's)."""


def may_act(low: str, end: int, w: str) -> bool:
    """Whether the act `w` ending at low[end] (the lower-cased text) may be read: a cheap look
    at the words after it before the sentence is tokenised."""
    ahead = low[end : end + LOOK_AHEAD]
    if w in LABELS:
        return " as " in ahead
    if w in QUESTIONS:
        return any(f" {x} " in ahead for x in QUESTION_WORDS)
    if w in REFUSALS:
        return ahead.startswith(" to ") and ahead[4:].split(" ", 1)[0] not in NOT_REFUSED
    return True  # "citing": its comma is read on the tokens


LOOK_AHEAD = 80
"""How many characters after an act its "as" or question word is looked for."""


def act_start(toks: list[Tok], k: int) -> int:
    """Where the words of the act at token k start, or -1: the labelled object, the question
    word, the reason cited after a comma, the "to" of a refusal."""
    w = toks[k].low
    if k + 2 >= len(toks):
        return -1
    if w in LABELS:
        return _labelled(toks, k)
    if w in QUESTIONS:
        return _asked(toks, k)
    if w in CITES:
        nxt = toks[k + 1]
        if toks[k - 1].text != "," or not _object_opens(nxt) or nxt.text in QUOTE_MARKS:
            return -1
        return k + 1
    if w in REFUSALS:
        verb = toks[k + 2]
        if toks[k + 1].low != "to" or k + 3 >= len(toks) or verb.low in NOT_REFUSED:
            return -1
        if not (verb.text.isalpha() and verb.text.islower()):
            return -1  # 'refused to "help"': a word quoted, no act

        return k + 1
    return -1


def _labelled(toks: list[Tok], k: int) -> int:
    """Where "OBJECT as LABEL" after a verb of labelling at k starts, or -1."""
    if not _object_opens(toks[k + 1]):
        return -1
    for x in range(k + 2, min(len(toks) - 1, k + LABEL_WITHIN)):
        t = toks[x]
        if t.low == "as":
            return k + 1
        if t.low in NOT_IN_LABEL or not (t.text[:1].isalnum() or t.text in ("’s", "'s")):
            return -1
    return -1


def chain_start(toks: list[Tok], a: int) -> int:
    """Where the verb chain before an act in the infinitive at token a starts ("she has yet
    to explain": at "has"), so the subject is read before it; `a` itself when none stands
    there or the chain is a noun's ("a chance to explain")."""
    b = a
    while b > 1 and toks[b - 1].low in CHAIN:
        if toks[b - 1].low == "to" and toks[b - 2].low not in INFINITIVE_LEADS:
            return a
        b -= 1
    return b


def subject_heads(toks: list[Tok], start: int) -> bool:
    """Whether the subject read for an act in a participle (", citing ...") starting at offset
    `start` heads its clause: the sentence's first word, or one after a comma, a quotation
    mark or "and", maybe after a possessive ("Britain's Rod Stewart"); not a name inside a
    clause ("after Mr Bashir, who interviewed Jackson, ..., citing": Jackson gave no reason)."""
    i = next((x for x, t in enumerate(toks) if t.start >= start), 0)
    if i == 0 or toks[i - 1].text in HEAD_MARKS or toks[i - 1].low in ("and", "but"):
        return True
    return toks[i - 1].low.endswith(("’s", "'s")) and subject_heads(toks, toks[i - 1].start)


HEAD_MARKS = frozenset((",", ";", ":", *QUOTE_MARKS))
"""Marks after which a subject heads its clause ('"...," McConnell said, citing')."""


def second_verb(toks: Sequence[Tok], k: int) -> bool:
    """Whether the verb at k is its subject's second, after "and" or "but" (perhaps with "has"
    or "also": "... and pledged to impose", "... but has said she will hold firm")."""
    b = k
    while b > 1 and toks[b - 1].low in SECOND_AUX:
        b -= 1
    if toks[k - 1].low in TENSE_AUX and toks[k].low.endswith("s"):
        return False  # "and have notes attached": after "have" a word in -s is a noun
    return b > 1 and toks[b - 1].low in ("and", "but")


SECOND_AUX = wordset("has have had is was also")
"""Words between "and" and a subject's second verb."""

TENSE_AUX = wordset("has have had is was are were")
"""Auxiliaries after which a word in -s is a noun, not a verb ("have notes")."""


def heading_subject(art: ArticleText, toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The subject heading the sentence of a second verb at k (a pronoun, or a name read as
    sure), or None. It must open the sentence (maybe after an opener set off by a comma or a
    title: "Democratic candidate Hillary Clinton") and be followed by its own verb or a comma;
    no clause may open between it and the verb ("when Mr Glazer went ahead and voted", "so we
    should do what we are good at and support": another subject's verbs), and never a name
    further in, an object ("Police arrested Smith and accused him"), nor one that owns or
    qualifies the subject ("Kenteris' lawyer", "Shadow home secretary David Davis")."""
    if toks[0].low.endswith(("ing", "ed")):
        return None  # "Realising his error, Mr Campbell ...": a participle, no subject
    span = _sentence_subject(art, toks, k)
    if span is None:
        return None
    i = next((x for x, t in enumerate(toks) if t.start >= span[0]), 0)
    e = next((x for x, t in enumerate(toks) if t.start >= span[1]), len(toks))
    if e >= k or not _heads(toks, i):
        return None
    later = _named_after_title(toks, e, k)
    if later is not None:
        # "Shadow home secretary David Davis", "Finnish security firm F-Secure": the words
        # read first qualify the name after them, which is the subject.
        e = later[1]
        span = (toks[later[0]].start, toks[e - 1].end)
    if not _own_verb(toks[e]):
        return None
    if any(t.low in CLAUSE_OPENERS for t in toks[e : k - 1] if t.text.islower()):
        return None
    if toks[i].low in PRONOUNS:
        return span
    return span if name_phrase(art, span[0], span[1], toks[0].start).sure else None


def _heads(toks: Sequence[Tok], i: int) -> bool:
    """Whether the subject at token i heads its sentence: first, after a comma, or after a
    title ("Democratic candidate"), a few words with no verb or link among them."""
    if i == 0 or toks[i - 1].text == ",":
        return True
    return i <= TITLE_WORDS and all(
        t.text.isalpha() and (t.text[:1].isupper() or t.low in PERSON_NOUNS or t.low in ROLE_HEADS)
        for t in toks[:i]
    )


def _named_after_title(toks: Sequence[Tok], e: int, k: int) -> tuple[int, int] | None:
    """The tokens [a, b) of a name right after the words in small letters that follow a first
    capitalised word ("Shadow home secretary David Davis", "Aid charity Actionaid", "group the
    Pro-Life Alliance"), before the verb at k; None if no name follows so."""
    x = e
    while x < k and x - e < TITLE_WORDS and toks[x].text.isalpha() and toks[x].text.islower():
        low = toks[x].low
        if (low in NOT_IN_TITLE and low != "the") or low in NOT_TITLE_WORDS:
            return None
        if low.endswith(("ed", "ly")):
            return None  # "Moya led Spain ...", "He thanked Eastwood": a verb, no title
        x += 1
    if x == e or x >= k or not toks[x].text[:1].isupper():
        return None
    b = x
    while b < k and (toks[b].text[:1].isupper() or toks[b].text in ("-", ".")):
        b += 1
    return x, b


def _own_verb(tok: Tok) -> bool:
    """Whether the token after a subject may start its predicate (or a comma before an
    apposition, or "on Friday"): not a link into a longer name ("The Votes at 16 alliance")."""
    return tok.text == "," or tok.low == "on" or tok.low not in NOT_IN_TITLE


TITLE_WORDS = 4
"""At most this many words of a title before the name heading a sentence."""

NOT_IN_TITLE = wordset("and or the a an of to in on at by for with from")
"""Words that join a name to more words of a longer name, or stand in no title."""

PRONOUNS = wordset("he she they it we i you")
"""Pronouns that may head a sentence as a second verb's subject."""

NOT_TITLE_WORDS = (
    wordset("has have had is are was were will would can could did does do should may might")
    | REPORTING
    | THAT_VERBS
)
"""Verbs, never words of a title between a first capitalised word and a name ("Nissan has
bought Toyota's ...", "The EC says the Council ...")."""

CLAUSE_OPENERS = wordset(
    """when while because if although though since so unless until whereas where who which
    whom whose what he she they we i"""
)
"""Words that open a clause with a subject of its own between a subject and its second verb
("when Mr Glazer went ahead and voted"): the verb is that clause's."""
