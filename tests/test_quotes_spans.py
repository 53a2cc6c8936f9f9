"""Where a quotation starts and stops, and what is not a quotation at all.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

from tui.nlp.quotes import find_quotes
from tui.nlp.quotes.marks import find_fragments
from tui.nlp.rules import RulesExtractor


def test_a_quotation_over_paragraphs_stops_before_the_next_speaker() -> None:
    text = (
        '"We will rebuild the bridge," said Mayor Ruth Adler. "It will take two years.\n\n'
        '"We have the money. The opposition leader, Paul Grant, disagreed. "It is a fantasy," '
        "he said."
    )
    quotes = RulesExtractor().annotate(text).quotes
    assert [(q.speaker, q.text.split()[-1]) for q in quotes] == [
        ("Ruth Adler", "money."),
        ("Paul Grant", 'fantasy,"'),
    ]
    assert all("Grant" not in q.text for q in quotes if q.speaker == "Ruth Adler")


def test_a_quotation_over_paragraphs_that_is_closed_is_kept_whole() -> None:
    text = '"We will rebuild it," she said. "It will take two years.\n\n"The money is there."'
    frags = find_fragments(text)
    assert frags[-1].end == len(text) and frags[-1].paragraphs == 2


def test_a_related_link_headline_is_no_quotation() -> None:
    text = (
        "Mayor Ruth Adler backed the flood scheme on Monday.\n\n"
        'RELATED: "A Test For Every City": How Rotterdam Keeps Dry\n\n'
        "'We Are Ready': Port City Spends Millions On Flood Walls\n\n"
        "The council will vote on Friday."
    )
    assert RulesExtractor().annotate(text).quotes == []


def test_a_headline_that_names_its_speaker_is_kept() -> None:
    text = (
        "Warren Grills Bank Chief: 'You Should Be Investigated'\n\n"
        "Senator Elizabeth Warren questioned the chief executive for four hours."
    )
    assert len(find_quotes(text, [])) == 1
