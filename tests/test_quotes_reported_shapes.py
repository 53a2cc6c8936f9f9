"""Reported speech in the shapes news writes it beyond "X said that ...": a cue set inside the
claim, "according to" a long or unnamed source, evidence that "shows" or "found", groups and
pairs of people as subjects, a listener of several words, a scare quote inside the claim.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest

from tui.model import Quote
from tui.nlp.rules import RulesExtractor


def _reported(text: str) -> list[Quote]:
    return [q for q in RulesExtractor().annotate(text).quotes if q.kind == "indirect"]


CLAIM = "the central bank will raise rates again in March"


def test_a_cue_set_inside_the_claim() -> None:
    text = "Too often, Hannah Cole said, the debate over rates turns into a shouting match."
    found = _reported(text)
    assert [(q.speaker, q.cue) for q in found] == [("Hannah Cole", "said")]
    assert found[0].text.startswith("Too often") and found[0].text.endswith("shouting match")


def test_a_pronoun_cue_set_inside_the_claim() -> None:
    text = (
        "Hannah Cole spoke to the bank's staff on Monday. "
        "The next rise, she said, would come before the summer holidays."
    )
    assert [(q.speaker, q.cue) for q in _reported(text)] == [("Hannah Cole", "said")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Some families would see their taxes go up under the plan, according to an "
            "analysis by Hannah Cole, a former tax official now teaching at Bayfield College.",
            "Hannah Cole",
        ),
        (
            "The top earners paid a quarter of all taxes last year, according to the "
            "nonpartisan Bayfield Budget Office.",
            "Bayfield Budget Office",
        ),
        (
            "Rents rose faster than wages for a third year, according to federal statistics.",
            "federal statistics",
        ),
    ],
)
def test_according_to_a_long_or_unnamed_source(text: str, speaker: str) -> None:
    found = _reported(text)
    assert [(q.speaker, q.cue) for q in found] == [(speaker, "according to")]
    assert found[0].text.endswith(("the plan", "last year", "third year"))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (f"A new poll shows that {CLAIM}.", "shows"),
        ("A study by Bayfield College found that rents rose faster than wages.", "found"),
        ("The survey found most voters plan to watch the debate.", "found"),
    ],
)
def test_evidence_that_shows_or_finds(text: str, cue: str) -> None:
    found = _reported(text)
    assert [q.cue for q in found] == [cue]


def test_findings_of_people_or_things_are_not_evidence() -> None:
    assert _reported("Police found the missing car near the harbour on Monday night.") == []
    assert _reported("The band shows up at the harbour festival every single summer.") == []


def test_a_group_of_people_as_subject() -> None:
    found = _reported(f"Many lawmakers say {CLAIM}.")
    assert [(q.speaker, q.cue, q.text) for q in found] == [("Many lawmakers", "say", CLAIM)]
    found = _reported(f"Elected officials from both parties say {CLAIM}.")
    speaker = "Elected officials from both parties"
    assert [(q.speaker, q.cue, q.text) for q in found] == [(speaker, "say", CLAIM)]


def test_a_pair_of_people_as_subject() -> None:
    found = _reported(f"Mr. Grassley and Mr. Leahy said {CLAIM}.")
    assert len(found) == 1
    assert found[0].speaker is not None
    assert "Grassley" in found[0].speaker and "Leahy" in found[0].speaker


def test_a_listener_of_several_words() -> None:
    text = f"Hannah Cole told a meeting of regional bankers that {CLAIM}."
    assert [(q.speaker, q.cue, q.text) for q in _reported(text)] == [("Hannah Cole", "told", CLAIM)]


def test_an_opening_phrase_before_the_claim() -> None:
    text = (
        "After months of talks, the two sides are close to a deal on fishing rights, "
        "a senior official said."
    )
    found = _reported(text)
    assert [(q.speaker, q.cue) for q in found] == [("a senior official", "said")]
    assert found[0].text.startswith("After months")


def test_an_opening_clause_that_is_only_when_stays_unread() -> None:
    assert _reported("When the vote was over and the hall was empty, Hannah Cole said.") == []


def test_a_scare_quote_inside_the_claim() -> None:
    text = 'Hannah Cole said the bank would take "robust steps" to cool the housing market.'
    found = _reported(text)
    assert [(q.speaker, q.cue) for q in found] == [("Hannah Cole", "said")]
    assert found[0].text.endswith("housing market")


@pytest.mark.parametrize(
    "verb", ["agreed", "concluded", "confirmed", "estimated", "revealed", "announced"]
)
def test_verbs_that_report_with_that(verb: str) -> None:
    found = _reported(f"Hannah Cole {verb} that {CLAIM}.")
    assert [(q.speaker, q.cue, q.text) for q in found] == [("Hannah Cole", verb, CLAIM)]


def test_a_participle_after_a_place_reports_the_sentence_subject() -> None:
    text = (
        "Hannah Cole spoke at a vigil in Tulsa, Oklahoma, arguing that the city must "
        "review how its officers are trained."
    )
    assert [q.speaker for q in _reported(text)] == ["Hannah Cole"]


def test_a_capitalised_word_is_no_reporting_verb() -> None:
    text = "Suppose Bayfield demanded that the United States prove that every migrant was local."
    assert _reported(text) == []


def test_a_first_word_of_the_sentence_names_no_one() -> None:
    text = "Video of the incident shows him with his hands in the air before he was shot."
    assert [(q.speaker, q.cue) for q in _reported(text)] == [("Video of the incident", "shows")]


def test_a_long_source_names_its_maker_first() -> None:
    text = (
        "The goal is to curb investors focused on short-term results, according to a speech "
        "Hannah Cole delivered at Bayfield College."
    )
    assert [q.speaker for q in _reported(text)] == ["Hannah Cole"]


def test_a_cue_after_a_description_and_a_name_in_apposition() -> None:
    text = (
        "Police believe the driver acted alone, though it is possible that he had help, a "
        "spokesperson for the harbour police, Sgt. Lena Marsh, said in a briefing on Monday."
    )
    (q,) = _reported(text)
    assert q.speaker == "Lena Marsh"
    assert q.text == "Police believe the driver acted alone, though it is possible that he had help"
    assert q.cue == "said"


def test_a_cue_after_a_name_in_apposition_without_a_description() -> None:
    text = (
        "The ferry will resume service on Friday once the repairs are inspected, the "
        "operator's director, Tomas Ekberg, said."
    )
    (q,) = _reported(text)
    assert q.speaker == "Tomas Ekberg"
    assert q.text == "The ferry will resume service on Friday once the repairs are inspected"


def test_speech_reported_inside_reported_speech_is_the_inner_speakers() -> None:
    text = (
        "Analyst Vera Holm says that last year, Mayor Tom Reed said his budget would grow "
        "by a tenth every year until the end of the decade."
    )
    (q,) = _reported(text)
    assert q.speaker == "Tom Reed"
    assert q.text == "his budget would grow by a tenth every year until the end of the decade"
