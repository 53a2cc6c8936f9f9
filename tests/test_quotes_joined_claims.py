"""Reported speech in a clause joined to the sentence's first ("X agreed ..., but said ...",
"... and has said ...", "began by saying ..."), in a relative clause after an apposition
("McConnell, now the majority leader, who in 2010 said ..."), and a claim the attribution
closes ("..., lawmakers said Friday afternoon, as ...").

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

from reported_support import INTRO
from reported_support import only_reported as _one
from reported_support import reported as _reported


def test_but_said_gives_the_speakers_second_claim_its_own_quote() -> None:
    found = _reported(
        INTRO + "Cole backed the ferry plan in principle, but said the fares were far too "
        "high for families."
    )
    assert [(q.speaker, q.text) for q in found][-1] == (
        "Hannah Cole",
        "the fares were far too high for families",
    )


def test_but_said_after_a_first_claim_splits_the_two() -> None:
    found = _reported(
        INTRO + "Cole said the harbour was ready for the season, but added that the "
        "ferry would start a week late."
    )
    assert [(q.speaker, q.text) for q in found] == [
        ("Hannah Cole", "the harbour was ready for the season"),
        ("Hannah Cole", "the ferry would start a week late"),
    ]


def test_but_has_said_reads_the_subject_that_opens_the_sentence() -> None:
    q = _one(
        INTRO + "Cole, like her deputy, has refused to name a date but has said she will "
        "hold firm on the new fees."
    )
    assert (q.speaker, q.text) == ("Hannah Cole", "she will hold firm on the new fees")


def test_and_has_said_after_a_place_is_not_the_next_name() -> None:
    found = _reported(
        INTRO + "Bayfield recently ousted its long-serving mayor Peter Lund and has said "
        "it wants closer links with the port."
    )
    assert all(q.speaker != "Peter Lund" for q in found)


def test_by_saying_reports_the_sentences_subject() -> None:
    q = _one(
        INTRO + "Cole responded to the fishermen on Friday night by saying her plan for the "
        "harbour was never about fees."
    )
    assert (q.speaker, q.text) == ("Hannah Cole", "her plan for the harbour was never about fees")


def test_who_said_after_an_apposition_and_a_year_is_the_name_before_it() -> None:
    text = (
        "Peter Lund spoke in Bayfield on Friday.\n\n"
        "The council has had a frosty relationship with Lund, now the port's chairman, "
        "who in 2010 said the harbour's most important goal was to stay open all year."
    )
    q = _one(text)
    assert q.speaker == "Peter Lund"
    assert q.text == "the harbour's most important goal was to stay open all year"


def test_told_after_but_leaves_the_listener_out() -> None:
    found = _reported(
        INTRO + "Cole described the ruling as unexpected but told BBC Sport she did not "
        "expect the council to act so quickly."
    )
    assert ("Hannah Cole", "she did not expect the council to act so quickly") in [
        (q.speaker, q.text) for q in found
    ]


def test_a_time_after_the_closing_attribution_is_not_a_claim() -> None:
    found = _reported(
        INTRO + "Lund's long obsession with the harbour fees is an insult to all families, "
        "top Democratic lawmakers said Friday afternoon, as they bristled at the continued "
        "questions."
    )
    assert all(not q.text.startswith("afternoon") for q in found)


def test_evidence_after_a_sentence_adverb_or_a_short_time_speaks() -> None:
    q = _one(
        INTRO + "Yet, a 2014 study by the Bayfield Institute found that poor children in the "
        "town have the worst odds of any in the region."
    )
    assert q.text == "poor children in the town have the worst odds of any in the region"
    q = _one(
        INTRO + "In 2013, research conducted by the Bayfield Institute found the harbour fees "
        "consistently favoured large trawlers."
    )
    assert q.text == "the harbour fees consistently favoured large trawlers"


def test_evidence_named_after_a_long_run_of_words_speaks() -> None:
    q = _one(
        INTRO + "The latest Bayfield Gazette/Marrow opinion poll released Friday shows that in "
        "a head-to-head contest, Cole leads Lund by 43 percent to 38 percent."
    )
    assert q.text == "in a head-to-head contest, Cole leads Lund by 43 percent to 38 percent"


def test_evidence_inside_what_someone_says_is_theirs() -> None:
    q = _one(
        INTRO + "The harbour commissioner says an internal review shows no one from the "
        "harbour office released the figures to the Gazette."
    )
    assert q.text.startswith("an internal review shows")


def test_a_participle_after_a_described_subject_reports_it() -> None:
    found = _reported(
        INTRO + "A Bayfield judge has rejected a request to open the harbour accounts, "
        "saying the courts have no business deciding what the town should see."
    )
    assert (
        "A Bayfield judge",
        "the courts have no business deciding what the town should see",
    ) in [(q.speaker, q.text) for q in found]


def test_emphasizing_after_a_comma_reports_like_stressing() -> None:
    q = _one(INTRO + "Cole spoke to the fishermen, emphasizing it was time to end the levy.")
    assert (q.speaker, q.text) == ("Hannah Cole", "it was time to end the levy")


def test_an_attribution_after_one_opening_word_sets_the_whole_sentence() -> None:
    q = _one(INTRO + "Otherwise, she said, the town may simply lose its ferry to the next port.")
    assert q.speaker == "Hannah Cole"
    assert q.text == "Otherwise, she said, the town may simply lose its ferry to the next port"


def test_told_me_inside_a_claim_is_an_attribution() -> None:
    q = _one(
        INTRO + "The difference now, she told me on Friday, is that the harbour pays its own way."
    )
    assert q.speaker == "Hannah Cole"
    assert q.text.endswith("the harbour pays its own way")
