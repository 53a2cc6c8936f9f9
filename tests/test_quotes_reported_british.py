"""Reported speech in shapes British news writes: a sentence of reported speech straight after
a quotation that closes its own sentence, a participle clause or a relative clause between the
speaker and the verb, "insisted on Wednesday" with no "that", an organisation as the speaker.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

from tui.model import Quote
from tui.nlp.rules import RulesExtractor


def _reported(text: str) -> list[Quote]:
    return [q for q in RulesExtractor().annotate(text).quotes if q.kind == "indirect"]


def test_reported_speech_right_after_a_closed_quotation() -> None:
    # The quotation ends its sentence ('..." Opposition leader ...'): what follows is a
    # sentence of its own, not part of the quotation's.
    text = (
        'Hannah Cole spoke in Leeds. "We should all stay calm," she said. "Let us just move '
        'on - that is the sensible thing." Opposition leader Tobias Lund, asked about the row '
        "by journalists, said it was vital for ministers to choose their words with care."
    )
    found = _reported(text)
    assert [(q.speaker, q.cue) for q in found] == [("Tobias Lund", "said")]
    assert found[0].text == "it was vital for ministers to choose their words with care"


def test_a_participle_clause_between_the_speaker_and_the_verb() -> None:
    text = (
        "Opposition leader Tobias Lund, asked about the minister's outburst by journalists, "
        "said it was vital for ministers to choose their words with care."
    )
    found = _reported(text)
    assert [(q.speaker, q.cue) for q in found] == [("Tobias Lund", "said")]
    assert found[0].text.startswith("it was vital")


def test_a_relative_clause_then_insisted_on_a_weekday() -> None:
    text = (
        "Prime Minister Tobias Lund spoke in Leeds on Monday. Mr Lund, who was key in "
        "bringing Ms Cole back into the party, insisted on Tuesday it was time for the city's "
        "mayor to apologise."
    )
    found = _reported(text)
    assert [(q.speaker, q.cue) for q in found] == [("Tobias Lund", "insisted")]
    assert found[0].text == "it was time for the city's mayor to apologise"


def test_insisting_on_a_thing_is_still_no_speech() -> None:
    text = "Tobias Lund insisted on a recount of the votes cast in the northern wards."
    assert _reported(text) == []


def test_a_relative_clause_holding_a_list_of_names() -> None:
    # The last name of the list sits right before the cue's comma; the one before "which" spoke.
    text = (
        "The Small Shops Alliance, which includes the Grocers' Guild, Fair Rents, Bookfront "
        "and the National Tailors Society, said the new rules had to be made clearer."
    )
    assert [q.speaker for q in _reported(text)] == ["Small Shops Alliance"]


def test_adding_a_quotation_ends_the_reported_words() -> None:
    text = (
        'Hannah Cole spoke on Monday. "We like music," she said. Cole said there was a general '
        '"hostility" towards jazz, adding: "Very little is done to break that hostility."'
    )
    ann = RulesExtractor().annotate(text)
    reported = [(q.speaker, q.text) for q in ann.quotes if q.kind == "indirect"]
    assert reported == [("Hannah Cole", 'there was a general "hostility" towards jazz')]
    direct = [q.text for q in ann.quotes if q.kind == "direct"]
    assert direct[-1] == '"Very little is done to break that hostility."'


def test_a_warning_against_something_is_no_reported_clause() -> None:
    text = (
        'Hannah Cole spoke on Monday. "We like music," she said. "It matters to everyone." '
        "Cole warned musicians against being tied to any one party, however."
    )
    assert _reported(text) == []


def test_the_company_is_not_the_analyst_s_employer() -> None:
    text = (
        "Hoxton Foods is to merge its two boards after weak results. "
        '"We are moving to a simpler structure," Mr Burr said. '
        '"It is the best part of the news," said Arjan Smit, an analyst at Petercam. '
        "The company said the changes would speed up its decisions."
    )
    assert [q.speaker for q in _reported(text)] == ["Hoxton Foods"]
