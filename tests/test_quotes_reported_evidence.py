"""Evidence that speaks in the further places news puts it: a study or an analysis named at
the end of the sentence ("..., a Gazette analysis of the accounts shows.", "..., other studies
have shown.") and after an opening clause ("While the plan cuts taxes, one study found the
middle class would pay more."). What the evidence says is reported, never quoted; and a
finding made by people, or a document that is only the object, reports nothing.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest

from tui.model import Quote
from tui.nlp.rules import RulesExtractor


def _reported(text: str) -> list[Quote]:
    return [q for q in RulesExtractor().annotate(text).quotes if q.kind == "indirect"]


CLAIM = "Donations to harbour campaigns hit nearly $4 million through the end of August"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (
            f"{CLAIM}, a Bayfield Gazette analysis of newly filed campaign reports shows.",
            "Bayfield Gazette",
            "shows",
        ),
        (f"{CLAIM}, other studies have shown.", "other studies", "shown"),
        (f"{CLAIM}, a 2015 survey by Marrowby College found.", "Marrowby College", "found"),
    ],
)
def test_evidence_named_at_the_end_of_the_sentence(text: str, speaker: str, cue: str) -> None:
    found = _reported(text)
    assert [(q.speaker, q.cue, q.text) for q in found] == [(speaker, cue, CLAIM)]


def test_evidence_after_an_opening_clause() -> None:
    text = (
        "While the harbour plan would cut taxes by $4 million, one study found the plan would "
        "raise taxes on 8,000 fishing families."
    )
    found = _reported(text)
    assert [(q.speaker, q.cue, q.text) for q in found] == [
        ("one study", "found", "the plan would raise taxes on 8,000 fishing families")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # People who find something report nothing by it.
        "Harbour traffic fell sharply in August, the inspectors found.",
        # The document is the object, not the subject.
        "Harbour traffic fell sharply in August, as the mayor read in the report she showed.",
        # The evidence word names no document.
        "Harbour traffic fell sharply in August, which the new figures show.",
        # An opening clause that never closes leaves no subject for the finding.
        "If the harbour plan passes one study found the plan would raise taxes on families.",
    ],
)
def test_what_is_no_evidence_speaking(text: str) -> None:
    assert _reported(text) == []


def test_what_evidence_found_may_open_with_where() -> None:
    text = (
        "A Bayfield College study found that in the town's three largest wards, voters have "
        "been taken off the rolls at twice the usual rate."
    )
    found = _reported(text)
    assert [(q.speaker, q.cue) for q in found] == [("Bayfield College", "found")]
    assert found[0].text.startswith("in the town's three largest wards")
