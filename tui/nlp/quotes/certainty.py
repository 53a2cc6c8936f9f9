"""How sure the engine is of a quotation's speaker, the last stage before a `Quote` is made.

The best guess is always kept in `speaker`; `speaker_sure` tells a reader whether to trust it
or to check. Two things make a guess: a pronoun that another person could stand for, or that
is far from its person (`pronouns` says so through `Named.sure`), and a speaker the article
never shows to be someone - a lone capitalised word that is neither a person of the article
nor an organisation it names ("Related", "Having": a sentence's first word, not a name), a
description left as written ("The paper") and a place (a place does not speak; "China said"
may mean its government, but that is for a reader to judge).
"""

from __future__ import annotations

from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.words import PERSON_NOUNS
from tui.nlp.speaker_words import wordset


def speaker_sure(art: ArticleText, speaker: str | None, reading_sure: bool) -> bool:
    """Whether `speaker` may be shown as certain; always true when there is no speaker."""
    if not speaker:
        return True
    if not reading_sure:
        return False
    return not (_unknown_word(art, speaker) or _description(speaker) or speaker in art.place_names)


def _description(speaker: str) -> bool:
    """A speaker that is a description left as it was written ("The paper", "the
    company"): the engine did not find whom it stands for."""
    words = speaker.split()
    return (
        len(words) >= 2
        and words[0].lower() in ("the", "a", "an", "this", "that")
        and all(w[:1].islower() for w in words[1:])
    )


def _unknown_word(art: ArticleText, speaker: str) -> bool:
    """A one-word speaker that is no person, no group and no entity of the article."""
    if " " in speaker.strip() or speaker in art.reg.people or speaker.lower() in GROUPS:
        return False
    return speaker not in art.entity_names


GROUPS = PERSON_NOUNS | wordset(
    """police republicans democrats conservatives liberals authorities demonstrators
    protesters prosecutors investigators regulators lawmakers legislators democrats
    residents critics supporters opponents scientists researchers doctors"""
)
"""Words for groups of people, who may well be the ones speaking ("Police said ...")."""
