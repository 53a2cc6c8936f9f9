"""Where a quotation starts and stops, and what is not a quotation at all.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

from tui.nlp.quotes import find_quotes
from tui.nlp.quotes.marks import find_fragments
from tui.nlp.rules import RulesExtractor


def test_a_quotation_over_paragraphs_stops_before_the_next_speaker() -> None:
    text = (
        '"We will rebuild the bridge," said Mayor Ruth Adler. "It will take two years.\n\n'
        '"We have the money. The opposition leader, Paul Grant, disagreed. "It is a fantasy," '
        "he said."
    )
    quotes = RulesExtractor().annotate(text).quotes
    assert [(q.speaker, q.text.split()[-1]) for q in quotes] == [
        ("Ruth Adler", "money."),
        ("Paul Grant", 'fantasy,"'),
    ]
    assert "said Mayor" not in quotes[0].spoken()
    assert all("Grant" not in q.text for q in quotes if q.speaker == "Ruth Adler")


def test_a_quotation_over_paragraphs_that_is_closed_is_kept_whole() -> None:
    text = '"We will rebuild it," she said. "It will take two years.\n\n"The money is there."'
    frags = find_fragments(text)
    assert frags[-1].end == len(text) and frags[-1].paragraphs == 2


def test_a_related_link_headline_is_no_quotation() -> None:
    text = (
        "Mayor Ruth Adler visited the flood scheme on Monday.\n\n"
        'RELATED: "A Test For Every City": How Rotterdam Keeps Dry\n\n'
        "'We Are Ready': Port City Spends Millions On Flood Walls\n\n"
        "The council will vote on Friday."
    )
    assert RulesExtractor().annotate(text).quotes == []


def test_a_headline_that_names_its_speaker_is_kept() -> None:
    # "Speaker: 'words'" is how a headline quotes someone verbatim.
    text = (
        "Warren Grills Bank Chief: 'You Should Be Investigated'\n\n"
        "Senator Elizabeth Warren questioned the chief executive for four hours."
    )
    assert len(find_quotes(text, [])) == 1


def test_a_headline_quoting_no_one_is_no_quotation() -> None:
    # 'Firms "face tough future"': the headline writer's paraphrase, not words said.
    body = (
        "Senator Elizabeth Warren questioned the chief executive for four hours on Tuesday, "
        "and the bank's shares fell by a tenth before the hearing was over. The committee "
        "will publish its report in the spring, after a second round of hearings."
    )
    for title in (
        "Ferry firms 'face a hard winter'",
        "Bank chief 'should be investigated'; \nSenators say the bank misled its customers.",
        "Parents Rally Nationwide To 'Save Our Libraries.'",
    ):
        found = find_quotes(title + "\n\n" + body, [])
        assert [q for q in found if q.kind == "direct"] == [], title
        assert all(q.start > title.find("\n") for q in found), title


def test_a_first_paragraph_with_a_cue_is_no_title() -> None:
    text = (
        '"We will rebuild the pier," said Mayor Ruth Adler.\n\n'
        "The council approved the plan on Monday after a long debate about its cost."
    )
    (q,) = find_quotes(text, [])
    assert q.speaker == "Ruth Adler"


def test_a_reopened_quotation_keeps_the_speakers_next_sentences() -> None:
    # Paragraph breaks lost in the text: the speaker's words reopen with a mark, never closed.
    text = (
        'Nadia Ferrante, head of the Lakeside studio, said: "We are buying better tools. We '
        'are buying them now so we never need huge teams. "Small teams ship faster." '
        "The studio employs forty people."
    )
    quotes = RulesExtractor().annotate(text).quotes
    assert [q.text for q in quotes] == [
        '"We are buying better tools. We are buying them now so we never need huge teams.',
        '"Small teams ship faster."',
    ]
    assert {q.speaker for q in quotes} == {"Nadia Ferrante"}


def test_a_reopened_quotation_stops_where_the_narrative_starts() -> None:
    text = (
        "Oskar Lind, the studio's founder, added: \"We have lived through four new consoles. "
        '"Each one has cost some of us our jobs. Most studios said they were hiring '
        "contractors to keep their payrolls small.\n\nThe trade body meets in March."
    )
    quotes = RulesExtractor().annotate(text).quotes
    # The narrative after the quotation may hold reported speech of its own (the studios'),
    # never more of Lind's quotation.
    assert [q.text for q in quotes if q.kind == "direct"] == [
        '"We have lived through four new consoles.',
        '"Each one has cost some of us our jobs.',
    ]
    assert all("studios said" not in q.text for q in quotes)
    assert all(q.speaker != "Oskar Lind" for q in quotes if q.kind == "indirect")


def test_a_quotation_carried_into_a_new_paragraph_stops_before_the_narrative() -> None:
    text = (
        '"The harbour will be dredged by May," said Port Director Hal Brenner.\n\n'
        '"After that the big ships can dock again. The unions said they would fight any '
        "job cuts at the terminal.\n\nThe work starts next week."
    )
    quotes = RulesExtractor().annotate(text).quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text for q in direct] == [
        '"The harbour will be dredged by May,"',
        '"After that the big ships can dock again.',
    ]
    assert {q.speaker for q in direct} == {"Hal Brenner"}
    assert all(q.speaker != "Hal Brenner" for q in quotes if q.kind == "indirect")


def test_a_short_first_paragraph_that_is_a_sentence_keeps_its_quotation() -> None:
    # The reader passes the title apart: the body's first paragraph is the story's lede.
    text = (
        'Councillor Hal Brenner has a "plan for every renter in the city" at last.\n\n'
        "The council approved the plan after a long debate about its cost, and the vote "
        "was close: eleven to ten, with two members absent and one abstaining."
    )
    (q,) = [q for q in find_quotes(text, []) if q.kind == "direct"]
    assert q.text == '"plan for every renter in the city"'
