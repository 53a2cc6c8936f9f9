"""A team, country or party before a role ("The Wexford coach said", "the Harlow manager
said") describes a person: the speaker is the person the article names in that role, or, if
it names no one so, the description itself; never the team.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

from tui.model import Quote
from tui.nlp.rules import RulesExtractor


def _quotes(text: str) -> list[Quote]:
    return RulesExtractor().annotate(text).quotes


def test_the_team_coach_is_the_coach_named_earlier() -> None:
    text = (
        "Wexford coach Dermot Ablewhite has said Callum Ferris will start on Saturday.\n\n"
        '"Ferris will probably start the game," said Ablewhite. The Wexford coach said that '
        "he had been impressed by Ferris' form for his club this season. "
        '"He deserves his chance," he added.'
    )
    found = _quotes(text)
    said = [q for q in found if q.cue == "said"]
    assert said and {q.speaker for q in said} == {"Dermot Ablewhite"}
    assert all(q.speaker != "Wexford" for q in found)
    added = [q for q in found if q.cue == "added"]
    assert [q.speaker for q in added] == ["Dermot Ablewhite"]


def test_the_team_manager_no_one_is_named_as_stays_a_description() -> None:
    text = (
        "Harlow Rovers lost again on Saturday. The Harlow manager said the team had let the "
        "supporters down badly in the second half."
    )
    found = [q for q in _quotes(text) if q.kind == "indirect"]
    assert [q.speaker for q in found] == ["The Harlow manager"]
    assert not found[0].speaker_sure
