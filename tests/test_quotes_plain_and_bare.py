"""Claims read by shapes added for the last stretch of PolNeAR recall: plain present verbs with
"that" after people in the plural ("Critics fear that ...", "Analysts agree that ..."), a doubt
voiced as a question ("questioned whether ..."), a verdict with no article ("called the
charges unsubstantiated"), an object with no determiner ("criticized long-standing trade
deals", "is proposing marquee projects like ..."), a rough count opening a claim ("has said
about 20 people ..."), an organisation's name holding "of" ("the Association of Flight
Attendants called ..."), and agreements that are not deals ("agreed to clean up the mines").

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest
from reported_support import INTRO
from reported_support import only_reported as _one
from reported_support import reported as _reported


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "claim"),
    [
        (
            "Critics fear that the new harbour wall could flood the fish market.",
            "Critics",
            "fear",
            "the new harbour wall could flood the fish market",
        ),
        (
            "Some councillors now worry that the ferry fares will double by the summer.",
            "Some councillors",
            "worry",
            "the ferry fares will double by the summer",
        ),
        (
            "Analysts agree that the harbour trust cannot pay for the wall on its own.",
            "Analysts",
            "agree",
            "the harbour trust cannot pay for the wall on its own",
        ),
    ],
)
def test_a_plain_present_verb_after_people_in_the_plural(
    sentence: str, speaker: str, cue: str, claim: str
) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.cue, q.text, q.kind) == (speaker, cue, claim, "indirect")


@pytest.mark.parametrize(
    "sentence",
    [
        # An infinitive or a wish: no one admitted or suggested anything.
        "Many in Bayfield would prefer the trust to admit that the wall was a mistake.",
        "How dare people suggest we are lazy for taking these jobs at the harbour?",
        # A noun after a determiner, no verb: "the fear that ..." is no one's words here.
        "Workers at the harbour share the fear that the wall will fail.",
    ],
)
def test_no_claim_from_a_plain_verb_after_to_or_dare(sentence: str) -> None:
    assert _reported(INTRO + sentence) == []


def test_a_doubt_voiced_as_a_question() -> None:
    q = _one(INTRO + "Cole questioned whether the council could pay for the new sea wall.")
    assert (q.speaker, q.cue, q.kind) == ("Hannah Cole", "questioned", "indirect")
    assert q.text == "whether the council could pay for the new sea wall"


def test_a_doubt_voiced_by_people_described() -> None:
    q = _one(
        INTRO + "Delegates questioned how the trust could turn back on its pledge to the town."
    )
    assert (q.speaker, q.cue, q.kind) == ("Delegates", "questioned", "indirect")
    assert q.text == "how the trust could turn back on its pledge to the town"


@pytest.mark.parametrize(
    "sentence",
    [
        "Police questioned the harbour master on Monday.",
        # "groups" is the head of the subject, not a verb: no speaker 'Fishing' to show.
        "Fishing groups welcomed the plan but questioned how quickly the money would come.",
    ],
)
def test_no_doubt_voiced_here(sentence: str) -> None:
    assert _reported(INTRO + sentence) == []


def test_a_verdict_with_no_article() -> None:
    q = _one(INTRO + "Cole called the charges unsubstantiated and fabricated by former employees.")
    assert (q.speaker, q.cue, q.kind) == ("Hannah Cole", "called", "indirect")
    assert q.text == "the charges unsubstantiated and fabricated by former employees"


@pytest.mark.parametrize(
    "sentence",
    [
        "Cole called the harbour trust on Monday to ask about the wall.",
        "Cole called the meeting to order at nine in the harbour office.",
    ],
)
def test_a_call_is_no_verdict(sentence: str) -> None:
    assert _reported(INTRO + sentence) == []


def test_a_judgement_of_an_object_with_no_determiner() -> None:
    q = _one(
        INTRO + "Cole has sharply criticized long-standing ferry contracts such as the one "
        "with Norcape Lines."
    )
    assert (q.speaker, q.cue, q.kind) == ("Hannah Cole", "criticized", "indirect")
    assert q.text == "long-standing ferry contracts such as the one with Norcape Lines"


def test_a_proposal_with_no_determiner() -> None:
    q = _one(INTRO + "She is proposing marquee projects like a new ferry pier and a fish market.")
    assert (q.speaker, q.cue, q.kind) == ("Hannah Cole", "proposing", "indirect")
    assert q.text == "marquee projects like a new ferry pier and a fish market"


def test_praise_with_an_adverb_is_no_bare_object() -> None:
    assert _reported(INTRO + "The coach praised highly the fans.") == []


def test_a_rough_count_opens_a_claim() -> None:
    q = _one(INTRO + "Cole has said about 20 people have asked for a berth in the new harbour.")
    assert (q.speaker, q.cue, q.kind) == ("Hannah Cole", "said", "indirect")
    assert q.text == "about 20 people have asked for a berth in the new harbour"


def test_an_organisation_named_with_of_is_its_own_speaker() -> None:
    q = _one(
        "In a statement announcing the pick, the Association of Harbour Pilots called Cole "
        "a champion for its members."
    )
    assert (q.speaker, q.cue, q.kind) == ("Association of Harbour Pilots", "called", "indirect")
    assert q.text == "Cole a champion for its members"


def test_an_agreement_that_is_no_deal() -> None:
    q = _one(INTRO + "Cole agreed to clean up the old quarry and reclaim the land around it.")
    assert (q.speaker, q.cue, q.kind) == ("Hannah Cole", "agreed", "indirect")
    assert q.text == "to clean up the old quarry and reclaim the land around it"
