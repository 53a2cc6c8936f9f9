"""Reported stances and aims: what someone said they want, will do or think of someone,
without a clause of speech ("vowed to reopen", "criticized X for Y", "called X a disgrace"),
and the subjects, claims and evidence the readers of reported speech learned to read with them.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest
from reported_support import INTRO
from reported_support import only_reported as _one
from reported_support import reported as _reported

from tui.nlp.rules import RulesExtractor


@pytest.mark.parametrize(
    ("sentence", "cue", "claim"),
    [
        (
            "Cole vowed to reopen the harbour baths before the summer.",
            "vowed",
            "to reopen the harbour baths before the summer",
        ),
        (
            "Cole has also pledged to hold a public inquiry into the collapse.",
            "pledged",
            "to hold a public inquiry into the collapse",
        ),
        (
            "Cole wants the council to publish its accounts every month.",
            "wants",
            "the council to publish its accounts every month",
        ),
    ],
)
def test_an_aim_the_speaker_stated(sentence: str, cue: str, claim: str) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.cue, q.text) == ("Hannah Cole", cue, claim)


@pytest.mark.parametrize(
    "sentence",
    [
        "Cole refused to be drawn on the question of the budget.",
        "Mr. Pike's plans to attend the regatta were cancelled by the rain.",
        "Cole called the police after the break-in at the harbour office.",
        "Cole called the council in a bid to stop the closure of the baths.",
        "Senator Cole questioned the chief executive of the harbour board for four hours.",
    ],
)
def test_no_stance_is_read_into_narrative(sentence: str) -> None:
    assert _reported(INTRO + sentence) == []


@pytest.mark.parametrize(
    ("sentence", "cue", "claim"),
    [
        (
            "Cole criticized the council for its handling of the winter floods.",
            "criticized",
            "the council for its handling of the winter floods",
        ),
        (
            "Cole condemned the council's decision to close the town library.",
            "condemned",
            "the council's decision to close the town library",
        ),
        (
            "Cole is once again disputing the figures in the council's accounts.",
            "disputing",
            "the figures in the council's accounts",
        ),
        (
            "Cole called the new parking rules a disgrace for the whole town.",
            "called",
            "the new parking rules a disgrace for the whole town",
        ),
        (
            "Cole blasted the new parking plan as a disgrace after the council voted "
            "to close the baths.",
            "blasted",
            "the new parking plan as a disgrace",
        ),
    ],
)
def test_a_judgement_of_someone(sentence: str, cue: str, claim: str) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.cue, q.text) == ("Hannah Cole", cue, claim)


def test_a_verdict_in_quotation_marks_is_part_of_the_claim() -> None:
    text = INTRO + "Cole called the council's new parking rules “a disgrace” for the town."
    quotes = RulesExtractor().annotate(text).quotes
    claim = next(q for q in quotes if q.kind == "indirect")
    assert claim.speaker == "Hannah Cole"
    assert claim.text == "the council's new parking rules “a disgrace” for the town"
    assert any(q.kind == "direct" and q.text == "“a disgrace”" for q in quotes)


def test_a_participle_after_the_sentence_reports_its_subject() -> None:
    text = INTRO + "Cole toured the flooded sheds on Friday, promising to rebuild them by June."
    q = _one(text)
    assert (q.speaker, q.cue, q.text) == ("Hannah Cole", "promising", "to rebuild them by June")


def test_an_opening_participle_is_not_the_speaker() -> None:
    text = INTRO + "Chastened by the vote, Cole changed her plan, promising to consult the town."
    assert all(q.speaker == "Hannah Cole" for q in _reported(text))


def test_a_question_asked() -> None:
    q = _one(INTRO + "Cole asked the minister whether the harbour would reopen this summer.")
    assert (q.speaker, q.cue, q.text) == (
        "Hannah Cole",
        "asked",
        "whether the harbour would reopen this summer",
    )


def test_a_finding_with_that_is_its_makers_claim() -> None:
    text = "The Bayfield Gazette found that one in four shops on the front had closed since 2019."
    q = _one(text)
    assert q.speaker is not None and "Bayfield Gazette" in q.speaker
    assert q.text == "one in four shops on the front had closed since 2019"


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "A new poll shows Cole leading Tom Pike by five points in the harbour ward.",
            "Cole leading Tom Pike by five points in the harbour ward",
        ),
        (
            "The Gazette/Marrowby poll showed Cole doing better than in other polls.",
            "Cole doing better than in other polls",
        ),
    ],
)
def test_what_a_poll_shows_without_a_verb(sentence: str, claim: str) -> None:
    assert _one(INTRO + sentence).text == claim


@pytest.mark.parametrize(
    ("sentence", "group"),
    [
        (
            "Local business owners say the new parking rules will hurt trade on the front.",
            "Local business owners",
        ),
        (
            "But several harbour pilots said the new moorings would be unsafe in a gale.",
            "several harbour pilots",
        ),
    ],
)
def test_people_named_by_a_plural_noun_speak_as_written(sentence: str, group: str) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.speaker_sure) == (group, False)


def test_a_verb_before_a_plural_is_no_group() -> None:
    text = INTRO + "And Marrowby finds states shifting toward the coast party this spring."
    assert all(not (q.speaker or "").endswith("finds") for q in _reported(text))


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "Officials said they welcome the national attention to the town.",
            "they welcome the national attention to the town",
        ),
        (
            "Cole said her neighbours feel the same way about the closure.",
            "her neighbours feel the same way about the closure",
        ),
    ],
)
def test_a_claim_whose_verb_is_in_its_plain_form(sentence: str, claim: str) -> None:
    assert _one(INTRO + sentence).text == claim


def test_two_claims_in_one_sentence() -> None:
    text = INTRO + (
        "Cole said the season would be harder this year — and she noted that any change "
        "to the moorings would come later."
    )
    found = _reported(text)
    assert [q.text for q in found] == [
        "the season would be harder this year",
        "any change to the moorings would come later",
    ]
    assert all(q.speaker == "Hannah Cole" for q in found)


def test_a_stance_taken_for_someone_is_not_theirs() -> None:
    text = "A spokesman for Mayor Tom Pike defended the new timetable for the harbour ferries."
    assert all(q.speaker != "Tom Pike" for q in _reported(text))


@pytest.mark.parametrize(
    ("sentence", "speaker", "claim"),
    [
        (
            "The terminal receives, according to one report, $20 million a year from the port.",
            "one report",
            "The terminal receives, according to one report, $20 million a year from the port",
        ),
        (
            "Cole leads Tom Pike 46 percent to 39 percent according to a Gazette poll.",
            "Gazette",
            "Cole leads Tom Pike 46 percent to 39 percent",
        ),
    ],
)
def test_according_to_inside_or_after_the_claim(
    sentence: str, speaker: str | None, claim: str
) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.cue, q.text) == (speaker, "according to", claim)


def test_a_closing_told_with_whom_it_was_told_to() -> None:
    q = _one(INTRO + "The old cranes were never safe, Cole told the Bayfield Gazette.")
    assert (q.speaker, q.cue, q.text) == ("Hannah Cole", "told", "The old cranes were never safe")


def test_told_with_an_order_is_no_closing_attribution() -> None:
    assert (
        _reported(INTRO + "The dock was flooded by noon, Cole told workers to leave at once.") == []
    )


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "Others say this is just a rough patch for the harbour.",
            "this is just a rough patch for the harbour",
        ),
        (
            "Cole politely suggested that the plan might be seen as condescending.",
            "the plan might be seen as condescending",
        ),
        (
            "And Cole vows not to take the council's calls until it changes course.",
            "not to take the council's calls until it changes course",
        ),
        (
            "Cole says praise from Marrowby helps the harbour in the end.",
            "praise from Marrowby helps the harbour in the end",
        ),
        (
            "The poll shows both Cole and Pike beating Reyes by ten points.",
            "both Cole and Pike beating Reyes by ten points",
        ),
    ],
)
def test_subjects_and_claims_the_readers_missed(sentence: str, claim: str) -> None:
    assert _one(INTRO + sentence).text == claim


def test_people_they_stand_for_unnamed_still_spoke() -> None:
    text = (
        "The harbour pilots met in Bayfield on Friday.\n\n"
        "The new moorings, they said, were unsafe in a gale and should be moved."
    )
    q = _one(text)
    assert q.speaker is None
    assert q.text == "The new moorings, they said, were unsafe in a gale and should be moved"


def test_the_one_scan_finds_every_reporting_word_the_old_scan_did() -> None:
    """`find_reported` reads each paragraph once for reporting and stance verbs together; the
    words it treats as reporting ones must be exactly those `REPORTED_WORD` finds."""
    from tui.nlp.quotes.reported_clause import CUE_OR_STANCE, CUE_WORDS
    from tui.nlp.quotes.words import REPORTED_WORD

    text = " ".join(sorted(CUE_WORDS))
    assert {m.group() for m in REPORTED_WORD.finditer(text)} == CUE_WORDS
    assert {m.group() for m in CUE_OR_STANCE.finditer(text)} >= CUE_WORDS


def test_where_it_was_said_may_hold_commas_before_that() -> None:
    text = INTRO + "Cole said at a meeting in Marrowby, Kent, that the harbour would never close."
    q = _one(text)
    assert (q.speaker, q.text) == ("Hannah Cole", "the harbour would never close")


def test_a_clause_between_the_cue_and_that_is_not_a_setting() -> None:
    text = INTRO + "Cole said on Monday, when the talks ended, that the harbour would stay open."
    assert all(q.text != "the harbour would stay open" for q in _reported(text))


def test_an_apposed_name_takes_the_stance() -> None:
    text = (
        "Hannah Cole, a senior adviser to the harbour board, criticized the council for its delays."
    )
    q = _one(text)
    assert (q.speaker, q.text) == ("Hannah Cole", "the council for its delays")


def test_an_opening_adverbial_is_no_subject() -> None:
    text = INTRO + (
        "Under Mr Pike's tenure at the board, which began in 2003, plans to cut the workforce "
        "by a third were announced."
    )
    assert _reported(text) == []


def test_according_to_a_rule_is_no_source() -> None:
    text = INTRO + "The berths will be shared out according to each boat's length and tonnage."
    assert _reported(text) == []
