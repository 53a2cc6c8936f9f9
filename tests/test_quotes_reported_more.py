"""Reported speech in shapes with no clause of speech after a listed reporting verb: positions
("Cruz has endorsed Trump"), statements by their object ("announced the closure of ..."),
topics ("spoke about ..."), stances held ("is critical of ..."), aims ("hopes to ..."), any
verb with "that" ("ruled that ..."), nouns of saying ("her pledge to ..."), claims trailing a
quotation ('..., adding that ...') and headlines ("Mayor Says ...").

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest
from reported_support import INTRO
from reported_support import only_reported as _one
from reported_support import reported as _reported


@pytest.mark.parametrize(
    ("sentence", "cue", "claim"),
    [
        (
            "Cole strongly opposes the new runway at Bayfield airport.",
            "opposes",
            "the new runway at Bayfield airport",
        ),
    ],
)
def test_a_position_on_someone_or_something_is_reported(
    sentence: str, cue: str, claim: str
) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.cue, q.text) == ("Hannah Cole", cue, claim)


def test_a_position_and_a_claim_joined_by_but_are_both_reported() -> None:
    found = _reported(INTRO + "Cole backed the ferry plan but said the fares were too high.")
    assert [(q.speaker, q.cue, q.text) for q in found] == [
        ("Hannah Cole", "backed", "the ferry plan"),
        ("Hannah Cole", "said", "the fares were too high"),
    ]


def test_an_endorsement_names_its_maker() -> None:
    q = _one("Senator Ruth Adler has endorsed Marcus Webb for mayor.")
    assert (q.speaker, q.cue, q.text) == ("Ruth Adler", "endorsed", "Marcus Webb for mayor")


@pytest.mark.parametrize(
    "sentence",
    [
        "The council backed down after the protest outside the town hall.",
        "The new bridge is backed by a loan from the regional bank.",
        "The fund supports families in need across the county.",
        "Defender Tom Price denied Webb with a late tackle in the second half.",
    ],
)
def test_no_position_is_read_into_deeds(sentence: str) -> None:
    assert _reported(INTRO + sentence) == []


@pytest.mark.parametrize(
    ("sentence", "cue", "claim"),
    [
        (
            "Cole announced the closure of the harbour baths for the winter.",
            "announced",
            "the closure of the harbour baths for the winter",
        ),
        (
            "Cole has denied the charges brought against her by the council.",
            "denied",
            "the charges brought against her by the council",
        ),
    ],
)
def test_a_statement_is_read_by_its_object(sentence: str, cue: str, claim: str) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.cue, q.text) == ("Hannah Cole", cue, claim)


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "Cole spoke emotionally of the families who lost their homes in the flood.",
            "the families who lost their homes in the flood",
        ),
        ("Cole has campaigned for a new sea wall since the storm.", "a new sea wall"),
    ],
)
def test_a_topic_or_a_cause_is_what_was_said(sentence: str, claim: str) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.text) == ("Hannah Cole", claim)


def test_spoke_on_a_day_or_on_condition_is_no_topic() -> None:
    text = INTRO + "Cole spoke on condition of anonymity at the harbour office."
    assert _reported(text) == []


@pytest.mark.parametrize(
    ("sentence", "cue", "claim"),
    [
        ("Cole has been critical of the harbour board.", "critical", "the harbour board"),
        (
            "Cole is confident that the vote will pass next week.",
            "confident",
            "the vote will pass next week",
        ),
    ],
)
def test_a_stance_held_is_reported(sentence: str, cue: str, claim: str) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.cue, q.text) == ("Hannah Cole", cue, claim)


def test_an_aim_hoped_for_is_reported_but_a_deal_agreed_is_not() -> None:
    q = _one(INTRO + "Cole hopes to reopen the harbour baths before the summer.")
    assert (q.speaker, q.text) == ("Hannah Cole", "to reopen the harbour baths before the summer")
    assert _reported(INTRO + "Bayfield Ferries has agreed to buy two boats from Norway.") == []


def test_it_hopes_names_no_firm_for_sure() -> None:
    text = (
        "Bayfield Ferries and Norcape Lines both run boats to the islands.\n\n"
        "It hopes to add a third boat to the fleet next spring."
    )
    assert _reported(text) == []


@pytest.mark.parametrize(
    ("sentence", "cue", "claim"),
    [
        (
            "The Court of Appeal ruled that the harbour board could not sell the pier.",
            "ruled",
            "the harbour board could not sell the pier",
        ),
        (
            "Senator Ruth Adler joked that the ferry ran slower than the tide.",
            "joked",
            "the ferry ran slower than the tide",
        ),
    ],
)
def test_any_verb_with_that_reports_a_clause(sentence: str, cue: str, claim: str) -> None:
    q = _one(sentence)
    assert (q.cue, q.text) == (cue, claim)
    assert q.speaker in ("Court of Appeal", "Ruth Adler")


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr Webb was so tired that he fell asleep at the wheel on the coast road.",
        "Rumours circulated that the harbour board would sell the pier in spring.",
        "Suppose Bayfield demanded that every ferry stopped at the island twice a day.",
    ],
)
def test_no_verb_with_that_is_read_as_speech(sentence: str) -> None:
    assert _reported(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "cue", "claim"),
    [
        (
            "Marcus Webb repeated his claim that the vote had been rigged.",
            "claim",
            "the vote had been rigged",
        ),
        (
            "Marcus Webb's call for an inquiry into the flood went unanswered.",
            "call",
            "an inquiry into the flood",
        ),
        (
            "Marcus Webb's pledge to cut ferry fares was welcomed by the islanders.",
            "pledge",
            "to cut ferry fares",
        ),
    ],
)
def test_a_noun_of_saying_reports_its_owners_words(sentence: str, cue: str, claim: str) -> None:
    found = [q for q in _reported(sentence) if q.cue == cue]
    assert [(q.speaker, q.text) for q in found] == [("Marcus Webb", claim)]


def test_an_owners_plans_or_decision_are_no_words() -> None:
    text = "Mr Webb's decision to sell the pier and his plans to move abroad surprised no one."
    assert _reported(text) == []


def test_a_claim_trailing_a_quotation_is_its_speakers() -> None:
    text = (
        INTRO + '"The baths will not close," Cole told the meeting, adding that the council '
        "had found the money for repairs."
    )
    q = _one(text)
    assert (q.speaker, q.cue, q.text) == (
        "Hannah Cole",
        "adding",
        "the council had found the money for repairs",
    )


def test_a_relative_who_said_ends_at_its_comma() -> None:
    q = _one("Senator Ruth Adler, who said the plan was dead, left the meeting early.")
    assert (q.speaker, q.text) == ("Ruth Adler", "the plan was dead")


@pytest.mark.parametrize(
    ("headline", "cue", "claim"),
    [
        ("Ruth Adler Says Harbour Baths Will Reopen.", "says", "Harbour Baths Will Reopen"),
        ("Ruth Adler: Ferry Fares Are Too High.", ":", "Ferry Fares Are Too High"),
    ],
)
def test_a_headline_reports_its_speaker(headline: str, cue: str, claim: str) -> None:
    text = (
        headline + "\n\nSenator Ruth Adler spoke to reporters in Bayfield on Friday about "
        "the harbour, the ferries and the baths, which have been closed since the storm."
    )
    found = [q for q in _reported(text) if q.start < len(headline)]
    assert [(q.speaker, q.cue, q.text) for q in found] == [("Ruth Adler", cue, claim)]


@pytest.mark.parametrize(
    "first",
    [
        "Analysis: Why The Ferry Fares Keep Rising.",
        "Prime Minister Ruth Adler has arrived back from her visit to the islands.",
    ],
)
def test_no_headline_speech_from_a_label_or_a_story_sentence(first: str) -> None:
    text = (
        first + "\n\nSenator Ruth Adler spoke to reporters in Bayfield on Friday about the "
        "harbour, the ferries and the baths, which have been closed since the storm."
    )
    assert [q for q in _reported(text) if q.start < len(first)] == []


def test_a_long_object_is_never_cut_inside_its_clause() -> None:
    # Seen on BBC: "Hitachi recently announced a deal to buy ... from rival Fujitsu in an" as
    # the claim: a dozen words, then the cut fell inside the clause.
    text = (
        INTRO + "Harbour Steel recently announced a deal to buy plate-rolling technology from its "
        "rival Ashgrove Metals in an effort to strengthen its presence in the market."
    )
    q = _one(text)
    assert q.text.endswith("presence in the market")
