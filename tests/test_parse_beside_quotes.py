"""The parse in sentences the rules engine already quoted from: what it may add beside them.

A sentence with a quotation in it often carries a second attribution the rules do not read
('"...," Okafor said, citing three reports'), or is reported speech around a short quoted
fragment ('Okafor called the plans "reckless."', which the rules quote as the fragment alone).
The parse reads those; it must never take the quotation's own words for a new claim. Sentences
of our own; skips when spaCy or its small English model is not installed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.model import Quote

if TYPE_CHECKING:
    from tui.nlp.spacy_engine import SpacyExtractor


pytest_plugins = ["parse_support"]  # the `engine` fixture


def kinds(quotes: list[Quote]) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in quotes]


def test_second_attribution_after_a_direct_quotation(engine: SpacyExtractor) -> None:
    text = (
        "“The pier is falling apart,” Amara Okafor said, citing three reports from the "
        "harbour engineers."
    )
    assert kinds(engine.annotate(text).quotes) == [
        ("direct", "“The pier is falling apart,”", "Amara Okafor"),
        ("indirect", "three reports from the harbour engineers", "Amara Okafor"),
    ]


def test_reported_speech_around_a_quoted_fragment(engine: SpacyExtractor) -> None:
    text = (
        "Amara Okafor called the harbour board’s latest plans for the pier “reckless and unfunded.”"
    )
    got = kinds(engine.annotate(text).quotes)
    claim = "the harbour board’s latest plans for the pier “reckless and unfunded.”"
    assert ("indirect", claim, "Amara Okafor") in got
    assert ("direct", "“reckless and unfunded.”", "Amara Okafor") in got


def test_short_claim_around_a_long_fragment(engine: SpacyExtractor) -> None:
    # The quotation is both a quote the rules found and a quoted fragment: its words are
    # counted once when asking whether the claim says more than the quotation.
    text = "Councillor Amara Okafor called the new ferry timetable “a complete and utter shambles.”"
    got = kinds(engine.annotate(text).quotes)
    claim = "the new ferry timetable “a complete and utter shambles.”"
    assert ("indirect", claim, "Amara Okafor") in got


def test_stance_with_its_reason(engine: SpacyExtractor) -> None:
    text = "Councillor Amara Okafor blasted the harbour board for being “utterly careless.”"
    got = kinds(engine.annotate(text).quotes)
    claim = "the harbour board for being “utterly careless.”"
    assert ("indirect", claim, "Amara Okafor") in got


def test_quotation_is_not_read_again_as_a_claim(engine: SpacyExtractor) -> None:
    # The parse makes the quotation the complement of "said": the rules already have it.
    text = "“We will rebuild the pier before the winter storms,” Amara Okafor said on Monday."
    assert [q.kind for q in engine.annotate(text).quotes] == ["direct"]


def test_words_inside_a_quotation_are_not_a_new_speaker(engine: SpacyExtractor) -> None:
    text = (
        "Amara Okafor told the board: “You said the ferry would be fixed by June, and you "
        "said it again in July.” The board did not reply."
    )
    assert [q.speaker for q in engine.annotate(text).quotes if q.kind == "indirect"] == []


def test_claim_that_opens_with_a_quoted_word(engine: SpacyExtractor) -> None:
    text = (
        "Councillor Amara Okafor revealed “shocking” failures in the ferry inspection regime "
        "at the harbour board meeting."
    )
    got = kinds(engine.annotate(text).quotes)
    claim = "“shocking” failures in the ferry inspection regime"
    assert ("indirect", claim, "Amara Okafor") in got
