"""Speakers the article describes rather than names: "Foreign policy analysts said ...",
"Many lawmakers say ...", "Polls show ...". The description as written is the speaker, sure
when it is the subject of the cue; a name, where the article gives one, always wins.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest

from tui.model import Quote
from tui.nlp.rules import RulesExtractor

CLAIM = "the harbour tax will be dropped before the election"


def _quotes(text: str) -> list[Quote]:
    return RulesExtractor().annotate(text).quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"Foreign policy analysts said that {CLAIM}.", "Foreign policy analysts"),
        (f"Many lawmakers say {CLAIM}.", "Many lawmakers"),
        (
            f"Elected officials from both parties say {CLAIM}.",
            "Elected officials from both parties",
        ),
        (f"Polls show that {CLAIM}.", "Polls"),
        (f"Some experts argued that {CLAIM}.", "Some experts"),
    ],
)
def test_a_described_group_is_the_speaker(text: str, speaker: str) -> None:
    found = _quotes(text)
    assert [(q.kind, q.speaker, q.speaker_sure) for q in found] == [("indirect", speaker, True)]
    assert found[0].text == CLAIM


def test_a_described_source_after_the_claim() -> None:
    text = "The two parties are close to a deal on the harbour tax, a senior official said."
    found = _quotes(text)
    assert [(q.speaker, q.speaker_sure) for q in found] == [("a senior official", True)]


def test_a_possessive_description_is_shown_but_not_sure() -> None:
    text = f"Hannah Cole left the council in May. His aides say {CLAIM}."
    found = [q for q in _quotes(text) if q.kind == "indirect"]
    assert [(q.speaker, q.speaker_sure) for q in found] == [("His aides", False)]


def test_a_name_in_the_subject_wins_over_the_description() -> None:
    text = f"Harbour analyst Hannah Cole said that {CLAIM}."
    assert [q.speaker for q in _quotes(text)] == ["Hannah Cole"]


def test_a_role_standing_for_a_named_person_keeps_the_name() -> None:
    text = f"Mayor Hannah Cole opened the new pier on Monday. The mayor said that {CLAIM}."
    found = [q for q in _quotes(text) if q.kind == "indirect"]
    assert [q.speaker for q in found] == ["Hannah Cole"]


def test_a_description_is_not_what_a_later_pronoun_stands_for() -> None:
    text = (
        f"Hannah Cole spoke at the harbour on Monday. Many lawmakers say {CLAIM}. "
        '"We will see," she said.'
    )
    direct = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Hannah Cole"]


@pytest.mark.parametrize(
    ("text", "speaker", "sure"),
    [
        (
            '"We want the harbour open all winter," one council source said.',
            "one council source",
            True,
        ),
        ('"We will keep the harbour open," the spokesman said.', "the spokesman", False),
    ],
)
def test_a_described_speaker_of_a_direct_quotation(text: str, speaker: str, sure: bool) -> None:
    found = _quotes(text)
    assert [(q.kind, q.speaker, q.speaker_sure) for q in found] == [("direct", speaker, sure)]


def test_a_group_opening_the_sentence_chants_a_quotation() -> None:
    text = 'Protesters marching through the streets chanted "Open the harbour" as they passed.'
    found = _quotes(text)
    assert [(q.kind, q.speaker) for q in found] == [("direct", "Protesters")]
