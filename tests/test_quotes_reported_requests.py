"""A request reported as speech: "asked voters to reject the tax", "asked for an inquiry", as
"urged" and "called for" already are. What someone is asked to do, or asked on a day, or being
asked oneself, is not.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest

from tui.model import Quote
from tui.nlp.rules import RulesExtractor


def _reported(text: str) -> list[Quote]:
    return [q for q in RulesExtractor().annotate(text).quotes if q.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "cue", "claim"),
    [
        (
            "Mayor Hannah Cole asked voters to reject the harbour tax at the next election.",
            "asked",
            "voters to reject the harbour tax at the next election",
        ),
        (
            "Mayor Hannah Cole asked for a full inquiry into the harbour accounts.",
            "asked for",
            "a full inquiry into the harbour accounts",
        ),
        (
            "Mayor Hannah Cole spoke at the harbour on Monday, asking the fishing crews to "
            "back the new tax.",
            "asking",
            "the fishing crews to back the new tax",
        ),
    ],
)
def test_a_request_is_reported_speech(text: str, cue: str, claim: str) -> None:
    found = _reported(text)
    assert [(q.speaker, q.cue, q.text) for q in found] == [("Hannah Cole", cue, claim)]


@pytest.mark.parametrize(
    "text",
    [
        "Hannah Cole was asked to leave the harbour meeting early on Monday night.",
        "Asked to explain the harbour accounts, the mayor left the room without a word.",
    ],
)
def test_being_asked_is_no_request_made(text: str) -> None:
    assert _reported(text) == []


def test_asked_on_a_day_is_no_request_for_it() -> None:
    text = "Mayor Hannah Cole asked on Monday whether the harbour tax would pass this year."
    assert not any(q.text.startswith("Monday") for q in _reported(text))


def test_asked_in_what_someone_said_is_theirs_to_report() -> None:
    text = (
        "Mayor Hannah Cole said she was asked to give a talk to the fishing crews about the "
        "harbour tax."
    )
    assert [(q.speaker, q.cue) for q in _reported(text)] == [("Hannah Cole", "said")]


def test_a_request_that_only_sets_the_scene_is_not_the_claim() -> None:
    text = (
        "When Hannah Cole asked supporters to run for the harbour board, at least 200 said "
        "they would stand at the next election."
    )
    assert not any(q.cue == "asked" for q in _reported(text))


def test_a_request_someone_reports_stays_their_report() -> None:
    text = (
        "Hannah Cole claims Tom Reyes asked her to hide the harbour accounts from the "
        "auditors last year."
    )
    assert [(q.speaker, q.cue) for q in _reported(text)] == [("Hannah Cole", "claims")]
