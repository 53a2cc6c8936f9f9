""" ", X said, adding ..." : what is added is X's, not the sentence's subject's.

Seen on PolNeAR train (sure and wrong): "Mr. Trump intends to deliver a foreign policy address
this month, Mr. Manafort said, adding that he would also hold similar events" gave Trump;
"Ryan and Trump will meet next week, Spicer said, adding, "..."" gave Ryan. Every text here is
written for the test, in the style of news.
"""

from __future__ import annotations

from tui.model import Quote
from tui.nlp.rules import RulesExtractor


def _quotes(text: str) -> list[Quote]:
    return RulesExtractor().annotate(text).quotes


def test_adding_that_after_an_inverted_attribution_is_the_one_who_said() -> None:
    text = (
        "Mr. Okafor intends to open the new berth in the spring, Ms. Brandt said, adding that "
        "he would also visit the harbour towns before the vote."
    )
    added = [q for q in _quotes(text) if q.cue and q.cue.startswith("adding")]
    assert [q.speaker for q in added] == ["Brandt"] or [q.speaker for q in added] == ["Ms. Brandt"]


def test_adding_a_quotation_after_said_name_is_the_one_who_said() -> None:
    text = (
        "Tomas Reyes spoke to the union on Monday. Reyes and the board will meet next week, "
        'Olivia Brandt said, adding, "They need to sit down and talk."'
    )
    found = _quotes(text)
    direct = [q for q in found if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Olivia Brandt"]
    # the quotation is a direct quote once, not also a paraphrase of itself
    assert not [q for q in found if q.kind == "indirect" and q.text.startswith('"')]


def test_adding_after_said_name_inverted() -> None:
    text = (
        "The board will meet next week, said Olivia Brandt, adding that the talks would be "
        "held in public."
    )
    added = [q for q in _quotes(text) if q.cue and q.cue.startswith("adding")]
    assert [q.speaker for q in added] == ["Olivia Brandt"]


def test_adding_after_the_subject_still_goes_to_the_subject() -> None:
    text = (
        "Olivia Brandt said the board would meet next week, adding that the talks would be "
        "held in public."
    )
    added = [q for q in _quotes(text) if q.cue and q.cue.startswith("adding")]
    assert [q.speaker for q in added] == ["Olivia Brandt"]


def test_what_was_said_before_adding_is_kept_as_well() -> None:
    """'CONTENT, BMW said, adding that MORE': both are BMW's, and the attribution is in
    neither span."""
    text = (
        "The plant will be closed all next week. The stoppage will mean a loss of up to 3,600 "
        "vehicles, BMW said, adding that it was confident it could make up the numbers later."
    )
    found = [q for q in _quotes(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in found] == [
        ("The stoppage will mean a loss of up to 3,600 vehicles", "BMW"),
        ("it was confident it could make up the numbers later", "BMW"),
    ]


def test_he_after_what_was_said_is_not_the_one_named_in_it() -> None:
    """'Mr Okafor has failed to tackle these problems, he claimed': "he" is not Okafor (a
    writer meaning Okafor would have written "Mr Okafor claimed"); here it is the Tory leader
    the article is about."""
    text = (
        "Tory leader Michael Tarrant set out his party's plans in a speech on Monday.\n\n"
        "Mr Okafor has failed to tackle these problems, he claimed, saying he has the wrong "
        "answers to them. This is the record Mr Okafor will have to defend, he said."
    )
    found = [q for q in _quotes(text) if q.kind == "indirect"]
    assert found and all(q.speaker == "Michael Tarrant" for q in found)
