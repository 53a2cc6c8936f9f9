"""Organisations as speakers: "the company said", "It said that", "X of Y said".

A definite description ("the company", "the firm") or "it" stands for an organisation the
article has already named; never for one it names only later. Each case is read both by the
quote finder alone (no entities: the article's own capitalised runs) and by the rules engine
(with its entities), and keeps the offset contract text[start:end] == quote.text.
"""

from __future__ import annotations

import pytest

from tui.model import Quote
from tui.nlp.quotes import find_quotes
from tui.nlp.rules import RulesExtractor

BREACH = (
    "PORT ELLIS, March 18 (Harbour Wire) - Quillon Labs, the Calder company whose software "
    "schedules ships at Port Ellis, said on Wednesday that hackers had accessed commercially "
    "sensitive shipping data.\n\n"
    "The company said that an unauthorised party had used stolen login details belonging to a "
    "contractor. It said that no personal data of the public had been taken and that ship "
    "scheduling had not been disrupted.\n\n"
    "Analysts said the breach was unlikely to threaten its contracts. Olivia Brandt of Ashgrove "
    'Capital said the company would need "a very clean report" from investigators to win new '
    "customers in Europe this year."
)


def engine_quotes(text: str, entities: bool) -> list[Quote]:
    found = RulesExtractor().annotate(text).quotes if entities else find_quotes(text, [])
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def said(quotes: list[Quote], opening: str) -> Quote:
    (q,) = [q for q in quotes if q.text.startswith(opening)]
    return q


@pytest.mark.parametrize("entities", [True, False])
def test_the_company_is_the_company_named_before(entities: bool) -> None:
    q = said(engine_quotes(BREACH, entities), "an unauthorised party")
    assert (q.speaker, q.cue, q.kind) == ("Quillon Labs", "said", "indirect")


@pytest.mark.parametrize("entities", [True, False])
def test_it_said_that_after_an_organisation_subject(entities: bool) -> None:
    q = said(engine_quotes(BREACH, entities), "no personal data")
    assert (q.speaker, q.cue) == ("Quillon Labs", "said")


@pytest.mark.parametrize("entities", [True, False])
def test_a_person_of_an_organisation_speaks_for_herself(entities: bool) -> None:
    q = said(engine_quotes(BREACH, entities), '"a very clean report"')
    assert (q.speaker, q.cue, q.kind) == ("Olivia Brandt", "said", "direct")


@pytest.mark.parametrize("entities", [True, False])
def test_it_never_stands_for_an_organisation_named_only_later(entities: bool) -> None:
    text = (
        "Shares fell sharply on Monday after the outage.\n\n"
        "It said that the systems had been restored by the evening and that no data had been "
        "lost.\n\n"
        '"We are watching closely," said a spokesman for Meridian Freight Holdings.'
    )
    quotes = engine_quotes(text, entities)
    assert not [q for q in quotes if q.text.startswith("the systems")]


def test_it_said_after_a_sentence_opened_by_the_organisation() -> None:
    text = (
        "Meridian Freight Holdings cut its forecast on Tuesday, blaming weaker demand.\n\n"
        "It said that volumes had fallen by a tenth in the quarter and would recover slowly."
    )
    q = said(engine_quotes(text, True), "volumes had fallen")
    assert q.speaker == "Meridian Freight Holdings"


@pytest.mark.parametrize("entities", [True, False])
def test_the_firm_skips_a_public_body_named_in_between(entities: bool) -> None:
    text = (
        "Harbour Logistics Group was fined by the Calder Privacy Commission on Friday.\n\n"
        "The firm said that it would appeal against the decision and that it had done nothing "
        "wrong."
    )
    q = said(engine_quotes(text, entities), "it would appeal")
    assert q.speaker == "Harbour Logistics Group"


@pytest.mark.parametrize("entities", [True, False])
def test_the_ministry_is_the_ministry_named_before(entities: bool) -> None:
    text = (
        "The Ministry of Health published its winter plan on Friday, after talks with "
        "Meridian Freight Holdings about deliveries.\n\n"
        "The ministry said that hospitals had opened extra beds earlier than planned this year."
    )
    q = said(engine_quotes(text, entities), "hospitals had opened")
    assert q.speaker == "Ministry of Health"


@pytest.mark.parametrize("entities", [True, False])
def test_the_company_with_no_company_named_stays_unnamed(entities: bool) -> None:
    text = (
        "Ferry services were cut on Monday.\n\n"
        "The company said that the storm had damaged two of its berths and the ramp."
    )
    quotes = engine_quotes(text, entities)
    assert all(q.speaker in (None, "The company") for q in quotes)


@pytest.mark.parametrize("entities", [True, False])
def test_she_never_stands_for_a_woman_named_only_later(entities: bool) -> None:
    text = (
        "The plan was published on Monday.\n\n"
        "She said that the tunnel would cost more than expected and take two years longer.\n\n"
        '"We will see what the council decides," said Maria Lopez, who chairs the committee.'
    )
    quotes = engine_quotes(text, entities)
    assert [q.speaker for q in quotes if q.text.startswith("the tunnel")] in ([], [None])
    assert said(quotes, '"We will see').speaker == "Maria Lopez"


@pytest.mark.parametrize("entities", [True, False])
def test_she_added_is_the_woman_who_spoke_before(entities: bool) -> None:
    text = (
        '"Two of our five largest export categories are named in this bill," said Jacky Chung, '
        "chief economist at the Harbour Trade Council.\n\n"
        "She added that the proposal still had to pass both houses of Congress.\n\n"
        '"We are watching it closely," said Alana Quist, who runs Kauri Ridge Timber.'
    )
    quotes = engine_quotes(text, entities)
    assert said(quotes, "the proposal").speaker == "Jacky Chung"
