"""The person in a role speaks, not the organisation named in the role; and words passed on by
an office belong to the person quoted.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest

from tui.nlp.rules import RulesExtractor


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"Demand is falling in every region we serve," Zhang Wei, sales director of '
            "Sinotrans, said on Monday.",
            "Zhang Wei",
        ),
        (
            '"Factories are running out of orders," said EEF chief economist Steve Radley.',
            "Steve Radley",
        ),
        ('"Orders are drying up," said Steve Radley, chief economist at EEF.', "Steve Radley"),
        (
            "Zhang Wei, sales director of Sinotrans, said that freight volumes would recover "
            "by the spring.",
            "Zhang Wei",
        ),
        (
            'Mark Ellis, 54, is accused of taking bribes. "I never took a cent from anyone," '
            "Ellis wrote in a letter to the judge, the prosecutor's office said.",
            "Mark Ellis",
        ),
        (
            'Mark Ellis, 54, is accused of taking bribes.\n\n"I never took a cent from anyone," '
            "the prosecutor's office quoted Ellis as saying.",
            "Mark Ellis",
        ),
    ],
)
def test_the_person_in_the_role_speaks(text: str, speaker: str) -> None:
    quotes = RulesExtractor().annotate(text).quotes
    assert [q.speaker for q in quotes] == [speaker]
