"""Shapes of names the run scorer reads wrong, put right after labelling (`entities`).

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

from tui.nlp.entities import find_entities


def _labels(text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label, e.canonical) for e in find_entities(text)]


def test_a_korean_given_name_keeps_its_second_syllable() -> None:
    text = "Secretary General Ban Ki-moon condemned the launch. Ban said it was reckless."
    found = _labels(text)
    assert ("Ban Ki-moon", "PERSON", "Ban Ki-moon") in found
    assert ("Ban", "PERSON", "Ban Ki-moon") in found


def test_a_compass_word_before_a_country_is_a_place() -> None:
    assert ("Northeast China", "PLACE", "Northeast China") in _labels(
        "Floods hit Northeast China on Monday."
    )


def test_a_city_with_its_state_abbreviation_is_a_place() -> None:
    assert ("Washington D.C.", "PLACE", "Washington D.C.") in _labels(
        "Officials in Washington D.C. sent aid on Monday."
    )
