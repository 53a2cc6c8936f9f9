"""A quotation split by its attribution is one quotation in parts, with one speaker.

The quote's span covers the whole utterance (as the PolNeAR gold and the `annotate --json`
contract have it) and its `parts` say which stretches are the speaker's words: the reader
highlights only those and the side panel shows only them, never the narrative between the
parts ("said Jacky Chung, chief economist ..."). Tests here compare the parts, each as a quote
of its own. Every text is written for the test, in the style of news.
"""

from __future__ import annotations

from tui.model import Quote
from tui.nlp.quotes import find_quotes
from tui.nlp.rules import RulesExtractor


def pieces(text: str, quotes: list[Quote]) -> list[Quote]:
    """Each part of each quotation as a quote of its own (a quote in one piece as it is)."""
    out = []
    for q in quotes:
        assert text[q.start : q.end] == q.text
        spans = q.parts or [q]
        for p in spans:
            out.append(
                q.model_copy(update={"start": p.start, "end": p.end, "text": text[p.start : p.end]})
            )
    return out


def direct(text: str) -> list[Quote]:
    return pieces(text, [q for q in find_quotes(text, []) if q.kind == "direct"])


def test_a_quotation_split_by_its_cue_is_two_quotes_with_one_speaker() -> None:
    text = (
        '"The money is welcome," said Jacky Chung, chief economist at the Harbour Trade '
        'Council (HTC), "but the detail will matter more than the headline."'
    )
    first, second = direct(text)
    assert first.text == '"The money is welcome,"'
    assert second.text == '"but the detail will matter more than the headline."'
    assert (first.speaker, first.cue, first.speaker_sure) == ("Jacky Chung", "said", True)
    assert (second.speaker, second.cue, second.speaker_sure) == ("Jacky Chung", "said", True)


def test_no_part_of_a_split_quotation_holds_its_attribution() -> None:
    text = (
        "The ferry service resumed on Tuesday. "
        "“We lost three weeks,” the operator’s manager, Ines Duarte, told reporters. "
        "“Nobody here will forget this winter.”"
    )
    quotes = direct(text)
    assert [q.text for q in quotes] == [
        "“We lost three weeks,”",
        "“Nobody here will forget this winter.”",
    ]
    assert {q.speaker for q in quotes} == {"Ines Duarte"}
    assert all("Duarte" not in q.text and "told" not in q.text for q in quotes)


def test_a_pronoun_cue_between_parts_gives_both_parts_the_speaker() -> None:
    text = (
        "Lena Okafor runs the night shelter on Dock Street. "
        '"We turn people away every night," she said, "and the cold has barely started."'
    )
    quotes = pieces(text, RulesExtractor().annotate(text).quotes)
    assert len(quotes) == 2
    assert [q.speaker for q in quotes] == ["Lena Okafor", "Lena Okafor"]
    assert [q.cue for q in quotes] == ["said", "said"]


def test_annotate_reports_each_part_of_a_split_quotation() -> None:
    text = (
        '"Rates will fall," said Priya Raman of the Coastal Bank, '
        '"though not before the summer is out."'
    )
    (whole,) = RulesExtractor().annotate(text).quotes
    assert whole.spoken() == '"Rates will fall," … "though not before the summer is out."'
    quotes = pieces(text, [whole])
    assert [text[q.start : q.end] for q in quotes] == [
        '"Rates will fall,"',
        '"though not before the summer is out."',
    ]
    assert [q.speaker for q in quotes] == ["Priya Raman", "Priya Raman"]


def test_two_quoted_phrases_joined_by_and_are_two_quotes() -> None:
    text = (
        'Senator Amos Hale called the bill "a gift to landlords" and '
        '"an insult to every renter in the state."'
    )
    quotes = direct(text)
    assert [q.text for q in quotes] == [
        '"a gift to landlords"',
        '"an insult to every renter in the state."',
    ]
    assert all(q.speaker == "Amos Hale" for q in quotes)


def test_a_programme_named_between_the_parts_is_no_quotation() -> None:
    text = (
        '"The port is open," Minister Dara Quinn said on Channel Nine\'s "Morning Tide." '
        '"Ships are already coming in."'
    )
    quotes = direct(text)
    assert [q.text for q in quotes] == ['"The port is open,"', '"Ships are already coming in."']
    assert all(q.speaker == "Dara Quinn" for q in quotes)


def test_a_show_named_after_a_possessive_with_a_comma_is_no_quotation() -> None:
    text = (
        'Speaking on Harbour FM\'s "Morning Tide," Councillor Oren Voss said the council '
        'had "no intention of backing down" over the new berth.'
    )
    quotes = direct(text)
    assert [q.text for q in quotes] == ['"no intention of backing down"']
    assert quotes[0].speaker == "Oren Voss"


def test_a_quoted_word_used_as_a_modifier_after_the_cue_is_no_quotation() -> None:
    text = (
        '"The union is stronger together," said Councillor Nadia Brandt, who along with the '
        'rest of the council will back a "yes" vote next month.'
    )
    quotes = direct(text)
    assert [q.text for q in quotes] == ['"The union is stronger together,"']
    assert quotes[0].speaker == "Nadia Brandt"


def test_a_nickname_someone_has_been_called_is_no_quotation() -> None:
    text = (
        'Governor Ana Ruiz, who has been called the "Iron Lady of the Valley" for her budget '
        'cuts, said on Monday: "We will not raise taxes this year."'
    )
    quotes = direct(text)
    assert [q.text for q in quotes] == ['"We will not raise taxes this year."']
    assert quotes[0].speaker == "Ana Ruiz"


def test_a_title_after_a_word_for_a_work_is_no_quotation_even_with_a_comma() -> None:
    text = (
        'Actor Milo Grant, star of the cult classic "Harbour Lights," said he would back '
        'the strike. "Nobody should work for nothing," he said.'
    )
    quotes = [q for q in RulesExtractor().annotate(text).quotes if q.kind == "direct"]
    assert [q.text for q in quotes] == ['"Nobody should work for nothing,"']
    assert quotes[0].speaker == "Milo Grant"


def test_a_quoted_phrase_used_as_an_adjective_is_no_quotation() -> None:
    text = (
        'After the vote, Mayor Ruth Adler made several desperate "one last try" phone calls '
        'to the council. "We tried everything," she said.'
    )
    quotes = [q for q in RulesExtractor().annotate(text).quotes if q.kind == "direct"]
    assert [q.text for q in quotes] == ['"We tried everything,"']
    assert quotes[0].speaker == "Ruth Adler"


def test_a_word_the_speaker_called_something_stays_a_quotation() -> None:
    text = (
        'Councillor Hal Brenner said he opposed the plan, branding it a "regressive" step '
        "that would hurt the poorest families in the town."
    )
    (q,) = direct(text)
    assert q.text == '"regressive"'
    assert q.speaker == "Hal Brenner"


def test_names_in_a_related_link_inside_a_paragraph_are_not_who_he_is() -> None:
    text = (
        "Senator Paul Grant said the hearing had gone well. RELATED: Mayor Sam Ortiz wins a "
        'second term in Bayfield "I just think it was a very good day," he told reporters.'
    )
    quotes = [q for q in RulesExtractor().annotate(text).quotes if q.kind == "direct"]
    assert [q.speaker for q in quotes] == ["Paul Grant"]


def test_names_in_an_unlabelled_related_headline_are_not_who_he_is() -> None:
    # Seen on a scraped CNN page: a related link's headline, "Name: words" with no full stop,
    # left between two sentences; "he said" after it went, sure, to the headline's name.
    text = (
        "Rep. Dan Whitcombe, a Republican, spoke on Thursday about the protests. Whitcombe "
        "stressed that people come to the country for work, not handouts. Obama: Looting "
        'will not fix policing "This is a land of opportunity and of liberty," he said. '
        '"It did not get that way because of a government that gave everyone everything."\n\n'
        "President Barack Obama spoke about the unrest on Friday."
    )
    quotes = [q for q in RulesExtractor().annotate(text).quotes if q.kind == "direct"]
    assert quotes
    assert {q.speaker for q in quotes} == {"Dan Whitcombe"}


def test_he_after_the_interviewers_turn_is_the_one_interviewed() -> None:
    text = (
        'Senator Paul Grant spoke to the host, Dana Reyes, on Sunday. "I think the debate went '
        'very well," Grant told Reyes. "You have not seen a real poll yet," Reyes said. '
        '"Well, the online polls were fantastic," he said.'
    )
    quotes = [q for q in RulesExtractor().annotate(text).quotes if q.kind == "direct"]
    assert [q.speaker for q in quotes] == ["Paul Grant", "Dana Reyes", "Paul Grant"]
