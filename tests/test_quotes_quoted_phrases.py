"""Reported speech that holds a phrase in quotation marks: 'she argued that the port will take
a "common-sense" approach to ...'. The claim reads on past the quoted phrase to its clause's
end; the phrase stays a quotation of its own, inside the claim, and is the claim's speaker's.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

from reported_support import INTRO
from reported_support import only_reported as _one
from reported_support import reported as _reported

from tui.nlp.rules import RulesExtractor


def _direct(text: str) -> list[tuple[str, str | None, bool]]:
    return [
        (q.text, q.speaker, q.speaker_sure)
        for q in RulesExtractor().annotate(text).quotes
        if q.kind == "direct"
    ]


def test_a_claim_after_a_participle_reads_past_a_quoted_phrase() -> None:
    text = INTRO + (
        '"We need change," Cole said, arguing that she will bring a '
        '"common-sense" approach to the running of the port.'
    )
    q = _one(text)
    assert q.speaker == "Hannah Cole"
    assert q.text == ('she will bring a "common-sense" approach to the running of the port')


def test_a_claim_after_a_noun_of_saying_reads_past_a_quoted_phrase() -> None:
    text = INTRO + (
        "Reporters looked into Cole's claim that there have been "
        "\u201cthousands of delays\u201d at the harbour this year."
    )
    q = _one(text)
    assert q.speaker == "Hannah Cole"
    assert q.text == "there have been \u201cthousands of delays\u201d at the harbour this year"


def test_a_quoted_phrase_a_comma_follows_ends_the_claim() -> None:
    text = INTRO + (
        'But her admission that she "saw the storm coming on Friday", will do little '
        "to quiet her critics."
    )
    q = _one(text)
    assert q.text == 'she "saw the storm coming on Friday"'


def test_a_phrase_quoted_inside_a_claim_is_its_speakers_shown_as_a_guess() -> None:
    text = INTRO + (
        "Reporters looked into Cole's claim that there have been "
        "\u201cthousands of delays\u201d at the harbour this year."
    )
    assert _direct(text) == [("\u201cthousands of delays\u201d", "Hannah Cole", False)]


def test_a_quotation_is_never_also_given_as_a_claim_inside_itself() -> None:
    text = INTRO + (
        "Cole says she hopes to see the port reopened, but she knows that "
        "\u201cthe sea will always be the boss.\u201d"
    )
    q = _one(text)
    assert q.text == "she hopes to see the port reopened"
    assert _direct(text) == [("\u201cthe sea will always be the boss.\u201d", "Hannah Cole", True)]


def test_telling_someone_that_reports_what_was_told() -> None:
    q = _one(INTRO + "Cole is telling a meeting of fishermen that the harbour will reopen in May.")
    assert (q.speaker, q.text) == ("Hannah Cole", "the harbour will reopen in May")


def test_who_was_told_is_not_part_of_what_was_said() -> None:
    q = _one(
        INTRO + "Cole rejected the council's figures, telling Radio Bayfield's morning "
        "programme that the port was not closing."
    )
    assert (q.speaker, q.text) == ("Hannah Cole", "the port was not closing")
    q = _one(
        INTRO + 'Cole rejected the council\'s figures, telling the BBC "the port is not closing".'
    )
    assert q.speaker == "Hannah Cole"
    assert not q.text.startswith("the BBC")


def test_a_claim_with_a_long_subject_before_its_verb_is_read() -> None:
    q = _one(
        INTRO + "Cole says the council's designs for the old harbour wall and the new ferry "
        "terminal at the north end of the bay are \u201ca waste of money.\u201d"
    )
    assert q.speaker == "Hannah Cole"
    assert q.text.startswith("the council's designs for the old harbour wall")
    assert q.text.endswith("\u201ca waste of money.\u201d")


def test_a_verb_past_a_dash_is_no_verb_of_a_long_subject() -> None:
    text = INTRO + (
        "Cole added the harbour cup to her long list of sailing prizes from many "
        "years - but not before she was given a test by the visitors."
    )
    assert _reported(text) == []
