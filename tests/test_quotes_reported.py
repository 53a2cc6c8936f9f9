"""Reported speech (kind "indirect"): what someone said, not in their words.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest

from tui.model import Quote
from tui.nlp.rules import RulesExtractor


def _reported(text: str) -> list[Quote]:
    return [q for q in RulesExtractor().annotate(text).quotes if q.kind == "indirect"]


CLAIM = "the central bank will raise rates again in March"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (f"Economist Hannah Cole noted that {CLAIM}.", "noted"),
        (f"Hannah Cole predicts {CLAIM}.", "predicts"),
        (f"Hannah Cole believes {CLAIM}.", "believes"),
        (f"According to Hannah Cole, {CLAIM}.", "according to"),
        (f"Hannah Cole told reporters {CLAIM}.", "told"),
        (f"Hannah Cole told the Harbour Times on Monday that {CLAIM}.", "told"),
        (f"Hannah Cole said on Tuesday {CLAIM}.", "said"),
    ],
)
def test_the_speaker_comes_first(text: str, cue: str) -> None:
    found = _reported(text)
    assert len(found) == 1
    q = found[0]
    assert (q.speaker, q.cue, q.text) == ("Hannah Cole", cue, CLAIM)


def test_the_attribution_comes_last_with_an_apposition() -> None:
    text = "Prices have risen for six months in a row, observed Hannah Cole, an economist."
    found = _reported(text)
    assert [(q.speaker, q.cue, q.text) for q in found] == [
        ("Hannah Cole", "observed", "Prices have risen for six months in a row")
    ]


def test_a_person_in_apposition_speaks_not_their_company() -> None:
    text = "Zhang Wei, sales director of Sinotrans, said that freight volumes would recover soon."
    assert [q.speaker for q in _reported(text)] == ["Zhang Wei"]


def test_reported_speech_is_never_a_noun_after_said() -> None:
    # "said" followed by no clause is not reported speech: nothing to report.
    assert _reported("The company said in its annual report on Monday.") == []
    assert _reported("Officials who said nothing at the meeting left early on Monday.") == []


def test_a_pronoun_subject_is_resolved() -> None:
    text = (
        "Hannah Cole spoke at the bank's conference on Monday. "
        "She said rates would rise before the summer."
    )
    found = _reported(text)
    assert [(q.speaker, q.text) for q in found] == [
        ("Hannah Cole", "rates would rise before the summer")
    ]


def test_people_the_article_does_not_name_speak_as_described() -> None:
    found = _reported(f"Experts say {CLAIM}.")
    assert [(q.speaker, q.cue, q.text) for q in found] == [("Experts", "say", CLAIM)]
    assert _reported(f"The weather says {CLAIM}.") == []
