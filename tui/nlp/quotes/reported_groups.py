"""People a sentence leaves unnamed as the subject of its reporting verb, in the shapes the
other subject readers miss: a share after an opening phrase ("Among Trump voters, 74 percent
said ..."), a quantity of people ("Many in the crowd said", "Most of those polled say"), the
people a survey asked ("those surveyed said", "Those over 60 say"), and a plural noun with what
qualifies it ("Proponents of the new bill, however, say", "Her campaign workers here said").

Why shown at all: polls and crowds are much of what political news reports, and "74 percent"
answers "who says so?" better than nothing. Never sure and never a name: the phrase is shown as
written, and recorded in `art.described`, so no "they" later stands for it as a person.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.described import describe
from tui.nlp.quotes.tokens import Named, Tok
from tui.nlp.quotes.words import RELATIVE_ADVERBS, REPORTING, TENSE_AUX, THAT_VERBS
from tui.nlp.speaker_words import wordset

QUANTITIES = wordset("many most some few half all several none majority minority plurality")
"""Words that count people before "in"/"of" ("Many in the crowd", "Most of those polled")."""

ASKED = wordset("surveyed polled questioned interviewed asked sampled")
"""Participles after "those" naming the people a survey asked ("those surveyed")."""

TRAILING = wordset("here there also too now still however though instead meanwhile")
"""Words between the subject and its verb that belong to neither ("workers here said")."""

OPENERS = wordset(
    """among again in on at for after before overall nationally nationwide statewide still
    however meanwhile also yet separately elsewhere today"""
)
"""Words opening a phrase before the subject ("Among Trump voters,", "Again,")."""

OPENING_WORDS = 6
"""At most this many words in a phrase opening the sentence before its subject ("Among
Trump voters,")."""

GROUP_WORDS = 7
"""At most this many words in the subject."""

NOT_HEADS = wordset(
    """results numbers figures data ratings records documents reports polls surveys studies
    papers emails filings minutes things times news years days months weeks always perhaps
    sometimes its this was has does goes remarks comments words statements findings"""
)
"""Plurals that are no people ("The results show", "Polls say": evidence, read elsewhere)."""

NOT_FIRST = wordset(
    """when what where there here if as while because since after before in among on at
    for with by to whether although though unless"""
)
"""Words that open no subject: a clause, a question, a place or a time."""

NOT_IN_GROUP = wordset("suggest suggests means meant mean show shows showed found find finds")
"""Verbs that show the words before the cue are a clause, not a group ("papers suggest")."""

LINKS = wordset("of from in at")
"""Words after a group's head that open what qualifies it ("Proponents of the bill")."""

DETERMINERS = wordset("the a an his her their its our my your other another these those")


def unnamed_group(
    art: ArticleText, toks: Sequence[Tok], k: int
) -> tuple[tuple[int, int], Named] | None:
    """The unnamed people who are the subject of the cue at token k, shown as written."""
    f = _subject_start(toks, k)
    e = k
    while e > f and (toks[e - 1].low in TENSE_AUX or toks[e - 1].low in TRAILING):
        e -= 1
    while e > f and toks[e - 1].text == ",":
        e -= 1  # "Proponents of the new bill, however, say"
        while e > f and toks[e - 1].low in TRAILING:
            e -= 1
    words = toks[f:e]
    if not 1 <= len(words) <= GROUP_WORDS or not all(_plain(t) for t in words):
        return None
    first = words[0].low
    if first in NOT_FIRST or (first.endswith("ly") and first != "only"):
        return None  # "When ministers ...", "What this means ...", "Privately ministers ..."
    if not _people(words):
        return None
    span = (words[0].start, words[-1].end)
    phrase = " ".join(art.text[span[0] : span[1]].split())
    if any(name in phrase for name in art.reg.people):
        return None  # "spokesman David Willetts": a person, whom the name readers read
    art.described.add(phrase)
    return span, Named(phrase, None, False)


def _subject_start(toks: Sequence[Tok], k: int) -> int:
    """Where the subject of the cue at k starts: past a joining word and a short opening
    phrase closed by a comma ("Again,", "Among Trump voters,")."""
    f = 1 if toks and toks[0].low in ("but", "and", "yet", "so") else 0
    c = next((x for x in range(f, min(k, f + OPENING_WORDS + 1)) if toks[x].text == ","), -1)
    if c > f and toks[f].low in OPENERS and all(t.text[:1].isalnum() for t in toks[f:c]):
        f = c + 1 if c + 1 < k else f
    return f


def _plain(tok: Tok) -> bool:
    """A word that may be part of a group's description: no verb of saying, no pronoun
    subject, no clause word, no mark but a hyphen or a possessive."""
    if tok.low in REPORTING or tok.low in THAT_VERBS:
        return False
    if tok.low in ("he", "she", "it", "they", "we", "i", "you", "who", "which", "that"):
        return False
    if tok.low in TENSE_AUX or tok.low in NOT_IN_GROUP:
        return False  # "There were also other deals", "The papers suggest ministers"
    return tok.text[:1].isalnum() or tok.text in ("-", "’s", "'s", "%")


def _people(words: Sequence[Tok]) -> bool:
    """Whether the words describe people: a share, a quantity of people, those a survey asked,
    or a plural noun at the head (first noun) of the phrase."""
    lows = [t.low for t in words]
    if "percent" in lows or "%" in lows:
        lead = lows[1] if lows[0] == "only" and len(lows) > 1 else lows[0]
        return lead[:1].isdigit() or lead in ("another", "about", "nearly", "just")
    if lows[0] in QUANTITIES and len(lows) > 2 and lows[1] in ("in", "of"):
        return True  # "Many in the crowd", "Most of those polled"
    if lows[0] == "those":
        return len(lows) > 1 and (lows[1] in ASKED or lows[1] in ("over", "under", "aged"))
    # The head is the last word before "of"/"from"/"in"/"at", or the last word.
    cut = next((x for x, w in enumerate(lows) if x > 0 and w in LINKS), len(lows))
    head = words[cut - 1]
    if head.text[:1].isupper() and cut > 1:
        return False  # "the Tories" at the head: a name-like group, read by the name readers
    if not _plural(head.low) or head.low in NOT_HEADS:
        return False
    return all(
        t.low in DETERMINERS or t.text.isalpha() or t.text in ("-", "’s", "'s")
        for t in words[: cut - 1]
    )


def _plural(w: str) -> bool:
    return len(w) > 3 and w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is"))


RELATIVE_GROUP_ADVERBS = RELATIVE_ADVERBS | wordset("still often")
"""Adverbs between a relative "who" and its verb, as `RELATIVE_ADVERBS`, and "who still say",
"who often say" (a group's habit)."""


def relative_group(
    art: ArticleText, toks: Sequence[Tok], k: int
) -> tuple[tuple[int, int], Named] | None:
    """People left unnamed whom a relative "who" before the cue at k stands for: "Republicans
    who say the law is a money pit", "critics who say he should ...", "a young child, who said
    ...". A plural noun, or a person described ("a young child"), right before "who"."""
    a = k - 1
    while a > 1 and (toks[a].low in TENSE_AUX or toks[a].low in RELATIVE_GROUP_ADVERBS):
        a -= 1
    if a < 1 or toks[a].low != "who":
        return None
    end = a - 1 if toks[a - 1].text == "," else a
    if end < 1:
        return None
    start = end
    while start > 0 and end - start < RELATIVE_WORDS and _group_word(toks[start - 1]):
        start -= 1
        if toks[start].low in DETERMINERS:
            break
    words = toks[start:end]
    if not words or words[-1].low in NOT_HEADS or start == 0:
        # Opening the sentence ("The man who says he ... has been shut out"), the relative
        # clause ends where the sentence's own verb comes, which a claim would run into.
        return None
    head = words[-1]
    span = (words[0].start, head.end)
    phrase = " ".join(art.text[span[0] : span[1]].split())
    if not (_plural(head.low) and head.text.islower()) and describe(art, *span) is None:
        return None  # "the plan, who ...": no people
    if any(name in phrase for name in art.reg.people):
        return None  # a person named: the name readers read them
    art.described.add(phrase)
    return span, Named(phrase, None, False)


RELATIVE_WORDS = 4
"""At most this many words in the people a relative "who" stands for ("many Republican
voters")."""


def _group_word(tok: Tok) -> bool:
    """A word of a short noun phrase before "who": a determiner, an adjective or a noun."""
    if tok.low in DETERMINERS:
        return True
    w = tok.low
    return (
        tok.text.isalpha()
        and w not in NOT_FIRST
        and w not in TENSE_AUX
        and w not in ("of", "to", "from", "and", "or", "but")
        and not w.endswith(("ed", "ly"))
    )
