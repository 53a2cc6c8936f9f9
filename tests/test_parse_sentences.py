"""Which sentences the parse reads (`parse_sentences.candidates`): every rule on sentences of
our own. No model needed: these check the choice made before the parser runs, which is what
decides the parse's cost.
"""

from __future__ import annotations

from tui.model import Quote
from tui.nlp.parse_sentences import candidates
from tui.nlp.parse_words import CANDIDATE, forms
from tui.nlp.quotes.article import ArticleText


def test_sentences_parsed_only_for_a_cue_and_no_quote() -> None:
    text = (
        'The ferry left at dawn and docked at noon. "We are late," said Amara Okafor. '
        "Okafor suggested that the timetable be rewritten before winter. "
        "HARBOUR CHIEF SUGGESTS A NEW TIMETABLE FOR THE WINTER"
    )
    art = ArticleText(text, [])
    quote = Quote(start=46, end=59, text=text[46:59], kind="direct", speaker="Amara Okafor")
    got = [text[s:e] for s, e in candidates(art, [quote])]
    assert got == ["Okafor suggested that the timetable be rewritten before winter."]


def test_cue_words_used_as_nouns_are_not_parsed_for() -> None:
    # "the support", "under attack", "a call centre": a noun, not someone's stance, and
    # parsing is the costly step.
    text = (
        "The new pier has the support of the harbour board and most of the town. "
        "Ferry services came under attack from rival operators along the whole coast. "
        "The company will open a call centre in the old harbour office next spring. "
        "The harbour board will support the plan for a second ferry next spring."
    )
    got = [text[s:e] for s, e in candidates(ArticleText(text, []), [])]
    assert got == ["The harbour board will support the plan for a second ferry next spring."]


def test_quotation_then_speaker_with_a_long_title_is_not_parsed() -> None:
    text = (
        "“The pier is safe,” said Amara Okafor, the chief harbour board spokeswoman. "
        "Amara Okafor called the new timetable “a shambles” at the harbour board meeting."
    )
    art = ArticleText(text, [])
    first = Quote(start=0, end=20, text=text[0:20], kind="direct", speaker="Amara Okafor")
    first = first.model_copy(update={"cue": "said"})
    s2 = text.index("“a shambles”")
    second = Quote(start=s2, end=s2 + 12, text=text[s2 : s2 + 12], kind="direct", cue="called")
    got = [text[s:e] for s, e in candidates(art, [first, second])]
    assert got == [text[text.index("Amara Okafor called") :]]


def test_cue_that_ends_the_sentence_is_not_parsed_for() -> None:
    # "CLAIM, X said." is the rules' own shape: when they found no quote there, the parse
    # seldom does (its speaker is read the same way), so the sentence is not worth its cost.
    text = (
        "The ferry will be sold off before next spring, the harbour board chairman said. "
        "The harbour board chairman said the ferry will be sold off before next spring."
    )
    got = [text[s:e] for s, e in candidates(ArticleText(text, []), [])]
    assert got == ["The harbour board chairman said the ferry will be sold off before next spring."]


def test_sentences_inside_a_long_reported_quote_are_not_parsed() -> None:
    # One reported quote over many sentences (longer than the index's near walk) still
    # covers each of them; a short quote over the first sentence's cue covers that one only.
    sentence = "Okafor suggested that the ferry timetable be rewritten before the winter. "
    text = sentence * 60
    whole = Quote(start=0, end=len(text) - 1, text=text[:-1], kind="indirect", cue="said")
    assert candidates(ArticleText(text, []), [whole]) == []
    first = Quote(start=0, end=16, text=text[:16], kind="indirect", cue="suggested")
    assert len(candidates(ArticleText(text, []), [first])) == 59


def test_opening_quotation_is_left_out_of_the_parse() -> None:
    # Its words are someone's own, already quoted; parsing them costs and reads nothing.
    text = (
        "“The pier is falling apart and nobody will pay to mend it,” Amara Okafor said, "
        "citing three reports from the harbour engineers."
    )
    end = text.index("” Amara")
    quote = Quote(start=0, end=end + 1, text=text[: end + 1], kind="direct", cue="said")
    got = [text[s:e] for s, e in candidates(ArticleText(text, []), [quote])]
    assert got == ["Amara Okafor said, citing three reports from the harbour engineers."]


def test_cue_verbs_in_the_passive_are_not_parsed_for() -> None:
    # The parse never reads a passive cue ("was asked", "were told": the subject is not the
    # speaker), so a sentence whose only cue is one is not worth its cost.
    text = (
        "The ferry chief was asked by the board to resign before the end of the year. "
        "Passengers were told to wait on the quay until the storm had passed. "
        "The ferry chief is asking the board for another year in the job."
    )
    got = [text[s:e] for s, e in candidates(ArticleText(text, []), [])]
    assert got == ["The ferry chief is asking the board for another year in the job."]


def test_someones_claim_is_parsed_for_but_not_a_bare_claim() -> None:
    # "Okafor's claim that ..." carries her words; "claims of fraud" is a topic.
    text = (
        "Okafor’s claim that the ferry lost money was disputed by the auditors. "
        "Claims of fraud at the harbour office have been investigated for a year."
    )
    got = [text[s:e] for s, e in candidates(ArticleText(text, []), [])]
    assert got == ["Okafor’s claim that the ferry lost money was disputed by the auditors."]


def test_verb_forms_are_spelt_out() -> None:
    assert {"admit", "admits", "admitted", "admitting"} <= forms("admit")
    assert {"say", "says", "said", "saying"} <= forms("say") and "sayed" not in forms("say")
    assert {"criticizes", "criticized", "criticizing"} <= forms("criticize")
    assert {"worries", "worried", "worrying"} <= forms("worry")
    assert CANDIDATE.search("she suggested it") and not CANDIDATE.search("suggestedly so")
