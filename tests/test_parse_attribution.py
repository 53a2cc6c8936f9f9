"""Reported speech read off spaCy's dependency parse: each shape on sentences of our own.

The shape tests read one parsed sentence with `read_doc` (the real model, nothing faked), so
each checks the parse reading itself, whatever the rules engine would have found first; the
engine tests check what a user sees from `annotate`: the quote, its speaker, whether it is
sure. All skip when spaCy or its small English model is not installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tui.model import Quote
from tui.nlp import EngineUnavailable
from tui.nlp.parse_attribution import Reading, read_doc

if TYPE_CHECKING:
    from tui.nlp.spacy_engine import SpacyExtractor


pytest_plugins = ["parse_support"]  # the `engine` fixture


def readings(engine: SpacyExtractor, sentence: str) -> list[tuple[str, str, str]]:
    """(claim, subject, cue) of every reading of one sentence, outermost first."""
    (doc,) = engine.parse([sentence])
    out: list[Reading] = read_doc(doc, 0)
    return [(sentence[r.start : r.end], sentence[slice(*r.subject)], r.cue) for r in out]


def indirect(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind == "indirect"]


# -- shapes of one sentence ------------------------------------------------------------------


def test_subject_verb_that_clause(engine: SpacyExtractor) -> None:
    got = readings(engine, "Councillor Amara Okafor suggested that the ferry be sold off.")
    assert got[0] == ("the ferry be sold off", "Councillor Amara Okafor", "suggested")


def test_clause_before_the_speaker(engine: SpacyExtractor) -> None:
    got = readings(engine, "The ferry will be sold off next spring, the councillor suggested.")
    assert got[0] == ("The ferry will be sold off next spring", "the councillor", "suggested")


def test_attribution_set_inside_the_claim(engine: SpacyExtractor) -> None:
    sentence = "The new bridge, Okafor insisted, would open well before the elections."
    claim, subject, cue = readings(engine, sentence)[0]
    assert (subject, cue) == ("Okafor", "insisted")
    assert claim.startswith("The new bridge") and claim.endswith("before the elections")


def test_aim_after_to(engine: SpacyExtractor) -> None:
    got = readings(engine, "Mayor Lena Brandt wants to close the harbour road for a month.")
    assert got[0] == ("to close the harbour road for a month", "Mayor Lena Brandt", "wants")


def test_stance_as_object(engine: SpacyExtractor) -> None:
    got = readings(engine, "Senator Tomas Reyes criticized the decision to cut rural clinics.")
    assert got[0] == ("the decision to cut rural clinics", "Senator Tomas Reyes", "criticized")


def test_stance_after_a_preposition(engine: SpacyExtractor) -> None:
    got = readings(engine, "Union leader Dara Kim called for an inquiry into the port closures.")
    assert got[0] == ("an inquiry into the port closures", "Union leader Dara Kim", "called")


def test_according_to(engine: SpacyExtractor) -> None:
    got = readings(engine, "According to the harbour authority, cargo fell by a third last year.")
    assert got[0] == ("cargo fell by a third last year", "the harbour authority", "according to")


def test_claim_noun_with_a_possessor(engine: SpacyExtractor) -> None:
    got = readings(engine, "Okafor's claim that the ferry lost money was disputed by auditors.")
    assert any(subject == "Okafor" and cue == "claim" for _, subject, cue in got)
    assert any(claim.startswith("the ferry lost money") for claim, _, _ in got)


def test_relative_clause_speaks_for_its_antecedent(engine: SpacyExtractor) -> None:
    sentence = "The plan was backed by Jonas Weir, who suggested that fares be frozen."
    assert ("fares be frozen", "Jonas Weir", "suggested") in readings(engine, sentence)
    # A subject borrowed from afar makes the speaker a guess, shown as one.
    (doc,) = engine.parse([sentence])
    assert [r.borrowed for r in read_doc(doc, 0) if r.cue == "suggested"] == [True]


def test_role_gives_way_to_the_name_in_apposition(engine: SpacyExtractor) -> None:
    sentence = "Okafor's deputy, Jonas Weir, wants to scrap the ferry levy next year."
    assert readings(engine, sentence)[0][1:] == ("Jonas Weir", "wants")


def test_passive_subject_is_not_the_speaker(engine: SpacyExtractor) -> None:
    assert readings(engine, "Amara Okafor was told that the ferry would close in spring.") == []


def test_finding_oneself_somewhere_is_no_claim(engine: SpacyExtractor) -> None:
    sentence = "Amara Okafor found herself defending the ferry timetable to an angry crowd."
    assert [cue for _, _, cue in readings(engine, sentence) if cue == "found"] == []
    assert indirect(engine.annotate(sentence).quotes) == []


def test_no_reading_without_a_speaking_subject(engine: SpacyExtractor) -> None:
    assert readings(engine, "Everything the mayor says is checked by the clerk twice.") == []
    assert readings(engine, "Which suggests that the ferry is losing money.") == []


# -- what annotate gives ---------------------------------------------------------------------


def test_engine_adds_reported_speech_with_its_speaker(engine: SpacyExtractor) -> None:
    text = "Councillor Amara Okafor suggested that the ferry timetable be rewritten before winter."
    (q,) = indirect(engine.annotate(text).quotes)
    assert q.text == "the ferry timetable be rewritten before winter"
    assert text[q.start : q.end] == q.text
    assert (q.speaker, q.cue, q.speaker_sure) == ("Amara Okafor", "suggested", True)


def test_two_claims_in_one_sentence(engine: SpacyExtractor) -> None:
    text = "Amara Okafor wants to sell the old ferry, and Jonas Weir wants to close the harbour."
    got = [(q.text, q.speaker) for q in indirect(engine.annotate(text).quotes)]
    assert got == [
        ("to sell the old ferry", "Amara Okafor"),
        ("to close the harbour", "Jonas Weir"),
    ]


def test_claim_inside_a_claim_is_not_a_second_quote(engine: SpacyExtractor) -> None:
    text = "Amara Okafor said she hopes to sell the old ferry before the winter storms."
    got = [q.text for q in indirect(engine.annotate(text).quotes)]
    assert got == ["she hopes to sell the old ferry before the winter storms"]


def test_pronoun_subject_resolved_to_the_person(engine: SpacyExtractor) -> None:
    text = (
        "Amara Okafor runs the ferry board. She suggested that the timetable be rewritten "
        "before winter."
    )
    (q,) = indirect(engine.annotate(text).quotes)
    assert q.speaker == "Amara Okafor"
    assert q.text == "the timetable be rewritten before winter"


def test_direct_quotation_is_kept_as_the_rules_found_it(engine: SpacyExtractor) -> None:
    text = '"We will rebuild the pier," said Amara Okafor, the ferry board chair.'
    from tui.nlp.rules import RulesExtractor

    rules = RulesExtractor().annotate(text).quotes
    assert engine.annotate(text).quotes == rules
    assert [(q.kind, q.speaker) for q in rules] == [("direct", "Amara Okafor")]


def test_subject_that_names_no_one_gives_no_quote(engine: SpacyExtractor) -> None:
    text = "This suggests that the ferry has been losing money for several years now."
    assert indirect(engine.annotate(text).quotes) == []


def test_full_spacy_engine_also_reads_the_parse() -> None:
    pytest.importorskip("spacy")
    from tui.nlp import get_extractor

    try:
        full = get_extractor("spacy")
    except EngineUnavailable as exc:
        pytest.skip(str(exc))
    text = "Mayor Lena Brandt wants to close the harbour road for three months."
    (q,) = indirect(full.annotate(text).quotes)
    assert (q.speaker, q.text) == ("Lena Brandt", "to close the harbour road for three months")
