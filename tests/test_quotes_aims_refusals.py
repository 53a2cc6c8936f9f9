"""Aims pursued ("has sought to distance herself from
...", "is seeking to ...", "planned to rebuild ..."), and refusals of an act that is a stance
("declined to threaten the contractor", "refused to hold hearings"), read as someone's stated
aim or stance; "declined to comment", refusals of no stance ("refused to leave") and deals
("agreed to lend") are not.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest
from reported_support import INTRO
from reported_support import only_reported as _one
from reported_support import reported as _reported


@pytest.mark.parametrize(
    ("sentence", "cue", "claim"),
    [
        (
            "Cole planned to revitalize the old harbour front with a market and a ferry pier.",
            "planned",
            "to revitalize the old harbour front with a market and a ferry pier",
        ),
        (
            "Cole has sought to distance herself from the council's plan to sell the baths.",
            "sought",
            "to distance herself from the council's plan to sell the baths",
        ),
        (
            "Cole is seeking to contrast her record with the council's handling of the floods.",
            "seeking",
            "to contrast her record with the council's handling of the floods",
        ),
    ],
)
def test_an_aim_pursued_or_agreed_to(sentence: str, cue: str, claim: str) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.cue, q.text, q.kind) == ("Hannah Cole", cue, claim, "indirect")


@pytest.mark.parametrize(
    ("sentence", "cue", "claim"),
    [
        (
            "Cole declined to threaten the contractor with new fines over the delays.",
            "declined",
            "to threaten the contractor with new fines over the delays",
        ),
        (
            "Cole has refused to hold hearings on the council's pick for harbour master.",
            "refused",
            "to hold hearings on the council's pick for harbour master",
        ),
    ],
)
def test_a_refusal_of_a_stance(sentence: str, cue: str, claim: str) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.cue, q.text, q.kind) == ("Hannah Cole", cue, claim, "indirect")


@pytest.mark.parametrize(
    "sentence",
    [
        # Refusals that tell what happened, no stance: kept out as before.
        "Cole declined to comment on the closure of the harbour baths.",
        "Cole refused to attend the meeting of the harbour trust on Monday.",
        "Cole refused to stay in the harbour office after the vote.",
        # A noun, not a verb: "the plans to", "an agreed plan".
        "Bayfield Ferries agreed to lend the harbour trust $5 million for the new wall.",
        "The agreed plan to rebuild the sea wall was dropped in May.",
        "Its sought-after flats on the harbour front were sold within a week.",
    ],
)
def test_no_aim_or_refusal_read_here(sentence: str) -> None:
    assert _reported(INTRO + sentence) == []
