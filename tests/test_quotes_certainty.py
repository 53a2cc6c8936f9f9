"""`speaker_sure`: the last stage, which says whether a speaker is a reading or a guess."""

from __future__ import annotations

from tui.model import Entity
from tui.nlp.quotes import ArticleText
from tui.nlp.quotes.certainty import speaker_sure
from tui.nlp.rules import RulesExtractor

TEXT = (
    "Following the vote, Maria Lopez thanked the Harbour Council. Police said the square "
    "would stay closed until Monday."
)
COUNCIL = Entity(
    start=TEXT.index("Harbour"),
    end=TEXT.index(". Police"),
    label="ORG",
    text="Harbour Council",
    canonical="Harbour Council",
)


def test_a_named_person_a_group_and_an_entity_are_sure() -> None:
    art = ArticleText(TEXT, [COUNCIL])
    assert speaker_sure(art, "Maria Lopez", True)
    assert speaker_sure(art, "Police", True)
    assert speaker_sure(art, "Harbour Council", True)


def test_a_stray_capitalised_word_is_a_guess() -> None:
    assert not speaker_sure(ArticleText(TEXT, [COUNCIL]), "Following", True)


def test_an_unsure_reading_stays_unsure_and_no_speaker_is_no_guess() -> None:
    art = ArticleText(TEXT, [COUNCIL])
    assert not speaker_sure(art, "Maria Lopez", False)
    assert speaker_sure(art, None, False)


def test_a_quotation_that_carries_on_without_a_cue_is_a_guess() -> None:
    text = (
        '"The harbour will reopen in spring," Maria Lopez said on Monday.\n\n'
        '"Every boat owner will be told before then."\n\n'
        "Work on the pier began in March."
    )
    quotes = [q for q in RulesExtractor().annotate(text).quotes if q.kind == "direct"]
    assert [(q.speaker, q.speaker_sure) for q in quotes] == [
        ("Maria Lopez", True),
        ("Maria Lopez", False),
    ]
