"""Who speaks in a parse's reading when the subject describes rather than names.

"A spokesman for Mayor Lena Brandt" speaks for the mayor but is not her: the speaker shown is
the description with what qualifies it, not the head word alone ("A spokesman", which tells the
reader nothing) and not the person it mentions. A record's maker ("a survey by the Harbour
Trust") is part of who says so. Sentences of our own; skips without spaCy's small model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.model import Quote

if TYPE_CHECKING:
    from tui.nlp.spacy_engine import SpacyExtractor


pytest_plugins = ["parse_support"]  # the `engine` fixture


def indirect(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind == "indirect"]


def test_described_speaker_keeps_whom_they_speak_for(engine: SpacyExtractor) -> None:
    text = "A spokesman for Mayor Lena Brandt defended the new timetable for the harbour ferries."
    (q,) = indirect(engine.annotate(text).quotes)
    assert q.text == "the new timetable for the harbour ferries"
    assert q.speaker == "A spokesman for Mayor Lena Brandt"


def test_record_keeps_its_maker(engine: SpacyExtractor) -> None:
    text = "A 2019 report by the Harbour Trust criticized the new timetable for the bay ferries."
    (q,) = indirect(engine.annotate(text).quotes)
    assert q.text == "the new timetable for the bay ferries"
    assert q.speaker == "A 2019 report by the Harbour Trust"
    assert not q.speaker_sure  # a record's maker is read off the parse: shown as a guess


def test_relative_clause_on_an_apposition_speaks_for_the_name(engine: SpacyExtractor) -> None:
    # "Weir, now the board's chairman, who said ...": "who" is the chairman, who is Weir.
    text = (
        "The mayor met Jonas Weir, now the Harbour Board chairman, who in 2010 said the "
        "board’s most important goal was to cut ferry fares."
    )
    (q,) = indirect(engine.annotate(text).quotes)
    assert q.text == "the board’s most important goal was to cut ferry fares"
    assert q.speaker == "Jonas Weir"


def test_share_of_a_poll_keeps_the_poll(engine: SpacyExtractor) -> None:
    text = (
        "Some 78 percent of voters in a recent Harbour Trust poll said they want a second "
        "ferry across the bay."
    )
    (q,) = indirect(engine.annotate(text).quotes)
    assert q.text == "they want a second ferry across the bay"
    assert q.speaker == "Some 78 percent of voters in a recent Harbour Trust poll"


def test_unresolved_they_keeps_the_claim_without_a_speaker(engine: SpacyExtractor) -> None:
    # "They" with no one for it to stand for: the claim is still reported speech, shown with
    # no speaker rather than dropped or pinned on someone.
    text = (
        "The harbour has been quiet all week. They insist the old ferry will be sold off "
        "before the winter storms arrive."
    )
    (q,) = indirect(engine.annotate(text).quotes)
    assert q.text == "the old ferry will be sold off before the winter storms arrive"
    assert q.speaker is None
