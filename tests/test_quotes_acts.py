"""Acts and evaluations with an object, reported without a clause of speech: a label given
("described the plan as reckless"), a question explained or wondered about ("explained why
she backs the plan", "has yet to explain why ..."), a reason cited (", citing the cost of
..."), a disclosure refused ("refused to release the report"), and a judgement made by people
the article describes ("Some councillors praised the harbour master's work on the baths").

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
            "Cole described the council's handling of the floods as a disgrace.",
            "described",
            "the council's handling of the floods as a disgrace",
        ),
        (
            "And Cole afterwards described the new harbour wall as ominous for the fleet.",
            "described",
            "the new harbour wall as ominous for the fleet",
        ),
        (
            "Cole also described the new harbour wall as ominous for the fishing fleet.",
            "described",
            "the new harbour wall as ominous for the fishing fleet",
        ),
        (
            "Cole explained why she backs the plan to rebuild the harbour baths.",
            "explained",
            "why she backs the plan to rebuild the harbour baths",
        ),
        (
            "Cole has repeatedly wondered whether the council will pay for the new wall.",
            "wondered",
            "whether the council will pay for the new wall",
        ),
    ],
)
def test_a_label_or_a_question_with_its_object(sentence: str, cue: str, claim: str) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.cue, q.text, q.kind) == ("Hannah Cole", cue, claim, "indirect")


@pytest.mark.parametrize(
    ("sentence", "cue", "claim"),
    [
        (
            "At the very least, she has yet to explain why the harbour fees were doubled.",
            "explain",
            "why the harbour fees were doubled",
        ),
        (
            "However, she could not explain why the baths were closed for a month.",
            "explain",
            "why the baths were closed for a month",
        ),
    ],
)
def test_a_question_after_a_verb_chain(sentence: str, cue: str, claim: str) -> None:
    q = _one(INTRO + "Cole spoke for an hour.\n\n" + sentence)
    assert (q.speaker, q.cue, q.text, q.kind) == ("Hannah Cole", cue, claim, "indirect")


def test_a_reason_cited_after_a_comma() -> None:
    q = _one(
        INTRO + "The Bayfield Harbour Trust closed the baths on Monday, citing the cost of "
        "repairs to the sea wall."
    )
    assert (q.speaker, q.cue, q.kind) == ("Bayfield Harbour Trust", "citing", "indirect")
    assert q.text == "the cost of repairs to the sea wall"


def test_a_disclosure_refused() -> None:
    q = _one(INTRO + "Cole has steadfastly refused to release the report on the sea wall.")
    assert (q.speaker, q.cue, q.text, q.kind) == (
        "Hannah Cole",
        "refused",
        "to release the report on the sea wall",
        "indirect",
    )


def test_a_judgement_by_people_described() -> None:
    q = _one(INTRO + "Some council officials praised Cole's work preserving the harbour baths.")
    assert (q.speaker, q.cue, q.kind) == ("Some council officials", "praised", "indirect")
    assert q.text == "Cole's work preserving the harbour baths"
    assert not q.speaker_sure


@pytest.mark.parametrize(
    "sentence",
    [
        # A label given by others, or the words as a passive: no one's own label here.
        "The harbour wall was described as ominous by the engineers.",
        "What the engineers described as a disgrace was the state of the baths.",
        # A question word that opens no question of the speaker's own.
        "Cole explained to the children in the harbour office, where the regatta starts.",
        # A reason cited with no subject that spoke; a refusal of no words.
        "Citing the cost, the council closed the baths on Monday.",
        "Cole refused to comment on the closure of the harbour baths.",
        "Cole refused to be drawn on the question of the budget.",
        "Cole refused to leave the harbour office until the evening.",
        # Praise in sport, with a bare name for object: no claim.
        "The coach praised the fans after the match on Saturday.",
        "Some fans praised Cole.",
    ],
)
def test_no_act_is_read_into_narrative(sentence: str) -> None:
    assert _reported(INTRO + sentence) == []


def test_a_stance_before_a_participle_claim() -> None:
    found = _reported(
        INTRO + "Cole has rejected the council's request to close the harbour baths for the "
        "winter, saying the pools are safe to use."
    )
    assert [(q.speaker, q.cue, q.text, q.kind) for q in found] == [
        (
            "Hannah Cole",
            "rejected",
            "the council's request to close the harbour baths for the winter",
            "indirect",
        ),
        ("Hannah Cole", "saying", "the pools are safe to use", "indirect"),
    ]


def test_a_ruling_by_someone_described() -> None:
    q = _one(
        INTRO + "A county judge has dismissed an attempt by the harbour board to sell the baths."
    )
    assert (q.speaker, q.cue, q.kind, q.speaker_sure) == (
        "A county judge",
        "dismissed",
        "indirect",
        False,
    )
    assert q.text == "an attempt by the harbour board to sell the baths"


def test_no_reason_is_given_to_a_name_inside_a_clause() -> None:
    found = _reported(
        INTRO + "The lawyers protested after Mr Pike, who interviewed Cole for the radio, "
        "refused to answer their questions, citing a law that protects his sources."
    )
    assert all(q.speaker != "Hannah Cole" for q in found), [(q.speaker, q.text) for q in found]


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "claim"),
    [
        (
            "Yet, a 2014 study by Bayfield College found that poor children in the harbour "
            "district have the worst odds of any in the county.",
            "Bayfield College",
            "found",
            "poor children in the harbour district have the worst odds of any in the county",
        ),
        (
            "In 2013, research conducted by the Centre for Coastal and Harbour Studies found the "
            "council consistently rated its own projects higher.",
            "Centre for Coastal and Harbour Studies",
            "found",
            "the council consistently rated its own projects higher",
        ),
        (
            "The latest Bayfield Harbour Times opinion poll released on Friday shows that Cole "
            "leads the race for mayor by ten points.",
            "Bayfield Harbour Times",
            "shows",
            "Cole leads the race for mayor by ten points",
        ),
    ],
)
def test_evidence_after_an_opener_or_a_long_name(
    sentence: str, speaker: str, cue: str, claim: str
) -> None:
    q = _one(INTRO + sentence)
    assert (q.speaker, q.cue, q.text, q.kind) == (speaker, cue, claim, "indirect")


def test_no_evidence_is_read_after_a_clause() -> None:
    found = _reported(
        INTRO + "He apparently believed the unscientific Internet polls that showed him "
        "victorious in most of the debates and followed the same script."
    )
    assert all(q.cue != "showed" for q in found), [(q.speaker, q.text) for q in found]


@pytest.mark.parametrize(
    ("sentence", "cue", "claim"),
    [
        (
            "Cole has praised the volunteers' work on the sea wall but has said the harbour "
            "fees will rise next year.",
            "said",
            "the harbour fees will rise next year",
        ),
        (
            "The Bayfield Harbour Trust on Friday made a strong protest at the closure and "
            "pledged to reopen them before the summer season.",
            "pledged",
            "to reopen them before the summer season",
        ),
        (
            "Cole has attacked the fees that burden small boat owners, and has called for "
            "scrapping the mooring charge for fishing boats.",
            "called for",
            "scrapping the mooring charge for fishing boats",
        ),
    ],
)
def test_the_subjects_second_verb(sentence: str, cue: str, claim: str) -> None:
    found = [q for q in _reported(INTRO + sentence) if q.cue == cue]
    assert [(q.text, q.kind) for q in found] == [(claim, "indirect")]
    assert found[0].speaker in ("Hannah Cole", "Bayfield Harbour Trust")


def test_a_second_verb_takes_the_first_verbs_speaker() -> None:
    found = _reported(
        INTRO + "Shadow harbour secretary Tom Venn said the closure was a mistake and urged "
        "the council to reopen the baths before the summer."
    )
    assert [(q.speaker, q.cue) for q in found] == [("Tom Venn", "said"), ("Tom Venn", "urged")]


@pytest.mark.parametrize(
    "sentence",
    [
        # The second verb belongs to a clause's own subject, or the name first read is an
        # object or a participle, not the sentence's subject.
        "His former adviser, the Bayfield Trust, quit last year when Mr Pike went ahead and "
        "voted against the appointment of three new directors to the board.",
        "Realising his error, Mr Pike then wrote to the council, but suggesting the fees "
        "would have to rise anyway.",
        "Police arrested Mr Pike at the harbour office and accused him of stealing the fees.",
    ],
)
def test_no_second_verb_is_given_to_the_wrong_subject(sentence: str) -> None:
    found = _reported(INTRO + sentence)
    assert all(q.speaker not in ("Bayfield Trust", "Realising", "Pike") for q in found), [
        (q.speaker, q.text) for q in found
    ]


def test_an_office_of_two_words_joined_by_and_is_one_title() -> None:
    q = _one(
        "Trade and Industry Secretary Patricia Hewitt spoke on Monday.\n\n"
        "Trade and Industry Secretary Patricia Hewitt said workers would not be forced to "
        "work longer than they wanted."
    )
    assert (q.speaker, q.text) == (
        "Patricia Hewitt",
        "workers would not be forced to work longer than they wanted",
    )


def test_a_noun_after_have_is_no_second_verb() -> None:
    text = (
        INTRO + "Sites saved in this way can be arranged in folders and have notes attached "
        "to them to explain why they were saved."
    )
    assert _reported(text) == []
