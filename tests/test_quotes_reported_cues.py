"""Reported speech in the further shapes news writes it: a cue after an auxiliary ("is
warning voters that", "has long said"), a time between subject and cue, a described source
closing the sentence ("..., one slide says.", "..., said one source in the room."), groups and
shares of people ("Federal and state officials", "Another 19 percent"), a demand with its
object ("urged lawmakers to ..."), a short quotation inside the claim, a contracted verb.
And what is not reported speech although a cue word is there.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest

from tui.model import Quote
from tui.nlp.rules import RulesExtractor


def _reported(text: str) -> list[Quote]:
    return [q for q in RulesExtractor().annotate(text).quotes if q.kind == "indirect"]


CLAIM = "the harbour tax would drive fishing crews out of Port Ellis"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        (f"Mayor Hannah Cole is warning voters that {CLAIM}.", "Hannah Cole", "warning"),
        (f"Mayor Hannah Cole is stressing that {CLAIM}.", "Hannah Cole", "stressing"),
        (f"Mayor Hannah Cole now says {CLAIM}.", "Hannah Cole", "says"),
        (f"Mayor Hannah Cole has long said that {CLAIM}.", "Hannah Cole", "said"),
        (f"The Bayfield Gazette on Saturday wrote that {CLAIM}.", "Bayfield Gazette", "wrote"),
        (f"Federal and state officials said {CLAIM}.", "Federal and state officials", "said"),
        (f"Another 19 percent said {CLAIM}.", "Another 19 percent", "said"),
    ],
)
def test_a_cue_after_its_subject_in_more_shapes(text: str, speaker: str, cue: str) -> None:
    found = _reported(text)
    assert [(q.speaker, q.cue, q.text) for q in found] == [(speaker, cue, CLAIM)]


def test_a_group_after_an_opening_clause() -> None:
    text = (
        "Although Hannah Cole lacks a signature policy win, elected officials from both "
        "parties say she has forged a reputation as a builder of deals."
    )
    found = _reported(text)
    assert [q.speaker for q in found] == ["elected officials from both parties"]
    assert found[0].text.startswith("she has forged")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Six million jobs in the region also depend on the harbour, one slide says.",
            "one slide",
        ),
        (
            "The talks over the harbour tax broke down late on Monday night, said one "
            "council source in the room.",
            "one council source in the room",
        ),
        (
            "But the new harbour plan is still tilted toward the largest fleets, the "
            "Bayfield Budget Office said.",
            "Bayfield Budget Office",
        ),
    ],
)
def test_a_source_closing_the_sentence(text: str, speaker: str) -> None:
    assert [q.speaker for q in _reported(text)] == [speaker]


def test_according_to_with_a_title_in_quotation_marks() -> None:
    text = (
        "As the host of “Harbour Lights,” Tom Reyes repeatedly mocked the fishing crews, "
        "according to show insiders."
    )
    found = _reported(text)
    assert [(q.speaker, q.cue) for q in found] == [("show insiders", "according to")]


def test_a_closing_cue_after_a_short_quotation_in_the_claim() -> None:
    text = 'A deckhand who "takes a crate of fish" is fined at once, Hannah Cole said.'
    found = _reported(text)
    assert [(q.speaker, q.cue) for q in found] == [("Hannah Cole", "said")]


def test_a_name_and_its_verb_inside_the_claim() -> None:
    text = 'Hannah Cole said Councillor Tom Reyes favors a "strongman approach" to the port.'
    found = _reported(text)
    assert [(q.speaker, q.cue) for q in found] == [("Hannah Cole", "said")]


@pytest.mark.parametrize(
    "text",
    [
        "Hannah Cole said Tom Reyes doesn’t show any concern for the fishing crews.",
        "It is an unlikely outcome; Hannah Cole’s team says she’ll fight the tax in court.",
    ],
)
def test_a_clause_whose_verb_is_contracted(text: str) -> None:
    assert len(_reported(text)) == 1


def test_analysts_agreed_with_a_clause_of_its_own() -> None:
    text = "Tom Reyes dropped the fee, but analysts agreed it was still a plan for the rich."
    found = _reported(text)
    assert [(q.speaker, q.cue, q.text) for q in found] == [
        ("analysts", "agreed", "it was still a plan for the rich")
    ]


def test_a_demand_with_its_object() -> None:
    text = "In his speech, Tom Reyes urged the council to scrap the harbour tax before May."
    found = _reported(text)
    assert [(q.speaker, q.cue) for q in found] == [("Tom Reyes", "urged")]
    assert found[0].text == "the council to scrap the harbour tax before May"
    text = "Tom Reyes called for an inquiry into the harbour accounts and the missing fees."
    assert [(q.speaker, q.cue) for q in _reported(text)] == [("Tom Reyes", "called for")]


def test_he_after_and_is_the_sentence_subject() -> None:
    text = (
        "Mayor Hannah Cole met Tom Reyes on Monday. Chief Inspector Colin Marsh said the "
        "port would work with other agencies to take steps, and he urged the ferry companies "
        "to resume the night crossings."
    )
    urged = [q for q in _reported(text) if q.cue == "urged"]
    assert [q.speaker for q in urged] == ["Colin Marsh"]


@pytest.mark.parametrize(
    "text",
    [
        "Investors piled into Cairn after the company announced significant oil finds in India.",
        "Everything Tom Reyes says is a lie unless proven otherwise by the harbour records.",
        "The Bayfield Centre maintains a program to develop young political leaders in Burma.",
    ],
)
def test_a_cue_word_with_no_claim_after_it(text: str) -> None:
    assert _reported(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "It would take weeks to convene the board, Hannah Cole said, and the wrangling could "
        "paralyse the port.",
        "The cannery was a juggernaut, Tom Reyes said, until it went bankrupt in 1999.",
    ],
)
def test_a_cue_inside_a_claim_that_goes_on(text: str) -> None:
    found = _reported(text)
    assert len(found) == 1
    assert found[0].text.startswith(("It would", "The cannery"))
    assert found[0].text.endswith(("the port", "in 1999"))


def test_a_cue_inside_a_sentence_whose_speaker_then_acts() -> None:
    text = "The vote was lost by two, Hannah Cole said, and then left the hall in silence."
    assert all(q.text.startswith("The vote") is False for q in _reported(text))


def test_the_claim_ends_with_its_subordinate_clause() -> None:
    text = (
        "While his aides have suggested the harbour tax is a trap for small crews, Tom "
        "Reyes is determined to vote for it in May."
    )
    found = _reported(text)
    assert [(q.speaker, q.text) for q in found] == [
        ("his aides", "the harbour tax is a trap for small crews")
    ]


def test_a_second_speaker_joined_by_and_is_not_in_the_first_claim() -> None:
    text = (
        "Councillors said they are convinced the port mishandled the fees and Tom Reyes "
        "accused the board of hiding the accounts."
    )
    found = _reported(text)
    assert [q.text for q in found] == ["they are convinced the port mishandled the fees"]


def test_a_poll_that_found_what_voters_said_speaks() -> None:
    text = (
        "A Bayfield College poll released in August found that 74 percent of likely voters "
        "said the harbour tax should be dropped."
    )
    assert [q.speaker for q in _reported(text)] == ["Bayfield College"]


def test_someones_lawyer_is_not_that_someone() -> None:
    text = (
        "Tom Reyes refused to answer questions last year. Reyes's lawyer said his client "
        "would refuse again at the next hearing."
    )
    assert [q.speaker for q in _reported(text)] == ["Reyes's lawyer"]


def test_insisting_on_being_oneself_reports_nothing() -> None:
    text = "No matter the setting or the stakes, Tom Reyes will insist on being Tom Reyes."
    assert _reported(text) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (f"Mayor Hannah Cole pointed out that {CLAIM}.", "pointed"),
        (f"Mayor Hannah Cole responded that {CLAIM}.", "responded"),
        (f"Mayor Hannah Cole is promising that {CLAIM}.", "promising"),
        (f"Mayor Hannah Cole told the forum she was sure {CLAIM}.", "told"),
    ],
)
def test_more_verbs_that_report_a_clause(text: str, cue: str) -> None:
    assert [(q.speaker, q.cue) for q in _reported(text)] == [("Hannah Cole", cue)]


def test_an_opening_adverb_before_a_share_of_people() -> None:
    text = 'However, 63 percent said the mayor was "justified" in keeping the harbour shut.'
    assert [q.speaker for q in _reported(text)] == ["63 percent"]


def test_a_described_group_set_inside_the_claim() -> None:
    text = (
        "The harbour plan is vague about who would pay, labour-policy experts say, including "
        "a fee that would fall only on small crews."
    )
    assert [q.speaker for q in _reported(text)] == ["labour-policy experts"]


@pytest.mark.parametrize(
    "text",
    [
        f"Rosalind Okafor opened the summit, promising delegates from 23 countries that {CLAIM}.",
        f"Mayor Hannah Cole assured the fishing crews that {CLAIM}.",
        f"Mayor Hannah Cole warned voters on Monday that {CLAIM}.",
    ],
)
def test_who_was_told_is_not_part_of_what_was_said(text: str) -> None:
    """A cue's first object is the person addressed; the claim starts after "that"."""
    found = _reported(text)
    assert [q.text for q in found] == [CLAIM]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            'Mr Clarke said he recognised the concerns about the costume but argued: "He has '
            'apologised and I think we should leave the matter there."',
            "he recognised the concerns about the costume",
        ),
        (
            "Birth Lopez told reporters that his clients are lawfully present, claiming that "
            "“they are among the best and brightest in the state and have shown it.”",
            "his clients are lawfully present",
        ),
    ],
)
def test_a_paraphrase_ends_where_a_quotation_it_introduces_begins(text: str, claim: str) -> None:
    """The quotation is a direct quote of its own: the reported claim never holds it."""
    assert [q.text for q in _reported(text)] == [claim]
    direct = [q for q in RulesExtractor().annotate(text).quotes if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].speaker in ("Clarke", "Birth Lopez")
