"""Speakers the article describes instead of naming: "Foreign policy analysts said ...", "Many
lawmakers say ...", "Polls show ...", "a senior official said".

Why a speaker at all: a reader asking "who says so?" is answered by the article's own words, and
"Many lawmakers" is a better answer than none. The description is kept as written (determiners
included: "Some experts" and "Many lawmakers" do not claim the same thing), up to its head word
or the few words qualifying it ("Experts on North Korea"). It never replaces a name: callers ask
for a description only where no person or organisation was found in the subject.
"""

from __future__ import annotations

from tui.model import Quote
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.clauses import ANONYMOUS
from tui.nlp.quotes.naming import ROLE_HEADS, name_phrase
from tui.nlp.quotes.tokens import Named
from tui.nlp.quotes.words import _words
from tui.nlp.speaker_words import wordset


def describe(
    art: ArticleText, start: int, end: int, subject: bool = True
) -> tuple[str, bool] | None:
    """The description a subject phrase text[start:end] gives of who spoke, and whether it may
    be shown as sure, or None when the phrase describes no people, group or record.

    Sure when the phrase is the grammatical `subject` of the cue and stands for people left
    unnamed ("analysts", "a source", "Polls"); not when it is definite and singular ("the
    spokesman", "the report"): that one is someone or something the article may name elsewhere.
    """
    text = art.text
    while start < end and (text[start].isspace() or text[start] in ",;:—–-(\"“”'‘’"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-.\"“”'‘’"):
        end -= 1
    phrase = text[start:end]
    words = _words(phrase.lower())
    if not words or len(words) > MAX_WORDS:
        return None
    head = next((i for i, w in enumerate(words) if w in HEADS), -1)
    if head < 0 or head >= HEAD_WITHIN:
        return None
    if head + 1 < len(words) and words[head + 1] not in QUALIFIERS:
        return None  # "officials' report", "sources close": not a phrase that ends in people
    if any(w in CLAUSE_WORDS for w in words[head + 1 :]):
        return None  # "experts who studied it": a clause, not a description
    if words[0] in NOT_OPENING:
        return None
    definite = words[0] in DEFINITE and not words[head].endswith("s")
    whose = words[0] in POSSESSIVES  # "His aides": someone's, and whose is a guess
    return " ".join(phrase.split()), subject and not definite and not whose


def named_or_described(
    art: ArticleText, start: int, end: int, pos: int, quote_start: int | None = None
) -> Named:
    """The subject phrase text[start:end] of a cue as a speaker: its name (see `name_phrase`),
    else the people it describes as written ('"...," a senior official said'). A description
    is recorded in `art.described`, so no pronoun later stands for it."""
    named = name_phrase(art, start, end, pos, quote_start)
    if named.name:
        return named
    described = describe(art, start, end)
    if described is None:
        return named
    art.described.add(described[0])
    return Named(described[0], None, described[1])


HEADS = ANONYMOUS | ROLE_HEADS | wordset("percent")
"""Head words of a description of who spoke: people, a group, a record, a share of people, a
role ("the Republican nominee", when no one named before fits it)."""

MAX_WORDS = 9
"""At most this many words in a description shown as a speaker."""

HEAD_WITHIN = 5
"""The head word (people, a group, a record) comes among the first this many words."""

QUALIFIERS = wordset("from on in at of for to with close across")
"""Words that open what qualifies the head ("officials from both parties")."""

CLAUSE_WORDS = wordset("who whom which that said says say when while because if")
"""Words that show what follows the head is a clause of its own."""

DEFINITE = wordset("the this that")
"""Openers of a description of one someone the article may have named ("the spokesman")."""

NOT_OPENING = wordset("and but or nor he she it they we i you")
"""A phrase opening so is not a description of its own."""

POSSESSIVES = wordset("his her its their our my your")
"""Openers of a description whose owner is a pronoun ("His lawyer"): shown, never sure."""


def reported(
    art: ArticleText, start: int, end: int, speaker: str | None, cue: str | None, sure: bool
) -> Quote:
    """Reported speech over the article's text[start:end], whichever reader found it (the
    rules' claims, the parse's)."""
    return Quote(
        start=start,
        end=end,
        text=art.text[start:end],
        kind="indirect",
        speaker=speaker,
        cue=cue,
        speaker_sure=sure,
    )
