"""Reported speech where "that" after the cue is the claim's own subject, not a conjunction:
"a spokesman said that would be impossible" reports "that would be impossible"; dropping
"that" leaves words no one said ("would be impossible").

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

from tui.model import Quote
from tui.nlp.rules import RulesExtractor


def _reported(text: str) -> list[Quote]:
    return [q for q in RulesExtractor().annotate(text).quotes if q.kind == "indirect"]


def test_that_as_the_subject_of_the_claim_is_kept() -> None:
    text = (
        "Mr Dorran said on Monday he hoped to lead the party by the spring. But party "
        "spokesman Nigel Arbuth said that would be impossible under the rules of the party."
    )
    found = [q for q in _reported(text) if q.speaker == "Nigel Arbuth"]
    assert len(found) == 1
    assert found[0].text == "that would be impossible under the rules of the party"


def test_that_as_a_conjunction_is_still_left_out() -> None:
    text = "Nigel Arbuth said that the plan would be impossible under the rules of the party."
    found = _reported(text)
    assert [q.speaker for q in found] == ["Nigel Arbuth"]
    assert found[0].text == "the plan would be impossible under the rules of the party"
