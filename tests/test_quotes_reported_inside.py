"""An attribution set inside what was said, with where or in what it was said: "..., the agency
said in a June report, and ...", "..., Cole said at a rally on Monday, ...". The claim is
the whole sentence, as for "..., Cole said on Monday, ...". An object after the verb ("said of
the plan") or a second clause is not a setting, and the claim is not read across it.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest

from tui.model import Quote
from tui.nlp.rules import RulesExtractor


def _reported(text: str) -> list[Quote]:
    return [q for q in RulesExtractor().annotate(text).quotes if q.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The middle fifth paid 8.9 percent of all harbour taxes, the agency said in a June "
            "report, and the bottom fifth paid 0.8 percent.",
            "the agency",
        ),
        (
            "The harbour tax, Hannah Cole said at a rally on Monday, would drive the fishing "
            "crews away.",
            "Hannah Cole",
        ),
        (
            "The harbour tax, Mayor Hannah Cole said in a statement, would drive the fishing "
            "crews away.",
            "Hannah Cole",
        ),
    ],
)
def test_an_attribution_inside_the_claim_with_its_setting(text: str, speaker: str) -> None:
    found = _reported(text)
    assert [(q.speaker, q.cue, q.text) for q in found] == [(speaker, "said", text[:-1])]


@pytest.mark.parametrize(
    "text",
    [
        # What comes after the verb is what she spoke of, not where.
        "The harbour tax, Mayor Hannah Cole said of the plan that fell through, was dead.",
        # A second verb: the words between the commas are a clause of their own.
        "The harbour tax, Mayor Hannah Cole said in a statement she wrote, was dead on arrival.",
    ],
)
def test_what_is_no_setting_of_an_attribution_inside(text: str) -> None:
    assert not any(q.text == text[:-1] for q in _reported(text))
