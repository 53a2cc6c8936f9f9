"""Reported speech whose speakers are people the article leaves unnamed: a share of those
polled, a quantity of people, those a survey asked, a plural noun with what qualifies it.
Shown as written, never sure, never taken for a name.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest
from reported_support import INTRO
from reported_support import only_reported as _one
from reported_support import reported as _reported


@pytest.mark.parametrize(
    ("sentence", "speaker", "claim"),
    [
        (
            "Among ferry users, 74 percent said they would pay the new fare.",
            "74 percent",
            "they would pay the new fare",
        ),
        (
            "Again, those surveyed said the harbour was the town's biggest asset.",
            "those surveyed",
            "the harbour was the town's biggest asset",
        ),
        (
            "Many in the crowd said the harbour master was the only official they trusted.",
            "Many in the crowd",
            "the harbour master was the only official they trusted",
        ),
        (
            "Her campaign workers here said they have been working the docks since spring.",
            "Her campaign workers",
            "they have been working the docks since spring",
        ),
        (
            "Proponents of the new levy, however, say it would keep the harbour open.",
            "Proponents of the new levy",
            "it would keep the harbour open",
        ),
        (
            "Only 18% of ferry users said they knew the timetable had changed.",
            "Only 18% of ferry users",
            "they knew the timetable had changed",
        ),
    ],
)
def test_unnamed_people_are_shown_as_written_and_unsure(
    sentence: str, speaker: str, claim: str
) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.text, q.speaker_sure) == (speaker, claim, False)


@pytest.mark.parametrize(
    "sentence",
    [
        "When ministers announced the harbour plan they said little about the fees.",
        "Privately ministers believe the harbour plan will be the less painful option.",
        "There were also other deals that said nothing about the harbour fees at all.",
    ],
)
def test_a_clause_or_an_adverb_before_the_verb_is_no_group(sentence: str) -> None:
    assert all(
        not (q.speaker or "").startswith(("When", "Privately", "There"))
        for q in _reported(INTRO + sentence)
    )


def test_a_share_after_an_opening_phrase_ends_where_a_second_share_speaks() -> None:
    found = _reported(
        INTRO + "Among ferry users, 74 percent said they would pay the new fare, while 22 "
        "percent said they might stop using the ferry."
    )
    assert found[0].text == "they would pay the new fare"


def test_people_a_relative_who_stands_for_are_the_speakers() -> None:
    q = _one(INTRO + "The plan gave fresh hope to dock workers who say the harbour is too costly.")
    assert (q.speaker, q.text, q.speaker_sure) == (
        "dock workers",
        "the harbour is too costly",
        False,
    )


def test_a_relative_opening_the_sentence_is_left_alone() -> None:
    found = _reported(
        INTRO + "The man who says he built the harbour wall and signed up the crews has been "
        "left off the council's list."
    )
    assert all(q.speaker != "The man" for q in found)
