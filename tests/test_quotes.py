"""Quote finding and speaker attribution (`tui.nlp.quotes.find_quotes`).

Hand-written newspaper sentences, one pattern per test, run with no entities at all: the quote
finder must stand on its own while the entity engine is built. Every test also checks the
offset contract: text[start:end] == quote.text.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.model import Entity, Quote
from tui.nlp.quotes import find_quotes


def quotes_of(text: str, entities: list[Entity] | None = None) -> list[Quote]:
    found = find_quotes(text, entities or [])
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.kind in ("direct", "indirect")
    return found


def direct(text: str) -> list[Quote]:
    return [q for q in quotes_of(text) if q.kind == "direct"]


def indirect(text: str) -> list[Quote]:
    return [q for q in quotes_of(text) if q.kind == "indirect"]


# -- direct quotes and their marks --------------------------------------------------------------


def test_straight_quote_with_speaker_after() -> None:
    text = (
        "The port reopened on Tuesday after a two-day closure.\n\n"
        '"We lost two days of exports and we will not get them back," Jacky Chung said.'
    )
    (q,) = direct(text)
    assert q.text.startswith('"We lost') and q.text.endswith('back,"')
    assert (q.speaker, q.cue) == ("Jacky Chung", "said")


def test_curly_quote_with_inverted_attribution() -> None:
    text = (
        "“The numbers are worse than anyone expected,” said Priya Raman, "
        "chief economist at the Harbour Trade Council."
    )
    (q,) = direct(text)
    assert q.text == "“The numbers are worse than anyone expected,”"
    assert (q.speaker, q.cue) == ("Priya Raman", "said")


def test_speaker_before_the_quote_with_colon() -> None:
    text = "Minister Rosalind Okafor told reporters: “Nobody in this government wants a strike.”"
    (q,) = direct(text)
    assert q.speaker == "Rosalind Okafor"
    assert q.cue == "told"


def test_mixed_straight_and_curly_marks_pair_up() -> None:
    text = 'The mayor said it would take "several more hours” before the road reopened to traffic.'
    (q,) = [x for x in quotes_of(text) if x.kind == "direct"]  # the sentence is reported too
    assert q.text == '"several more hours”'
    assert q.kind == "direct" and q.cue == "said"


def test_the_mayor_is_the_person_titled_mayor() -> None:
    text = (
        "Mayor Imogen Tully opened the new bridge on Saturday.\n\n"
        '"We are nearly there, and the buses will follow in June," the mayor said.'
    )
    (q,) = direct(text)
    assert q.speaker == "Imogen Tully"


def test_double_apostrophes_are_quote_marks() -> None:
    text = "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist in Washington."
    (q,) = direct(text)
    assert q.text == "''This isn't tax reform,''"
    assert q.speaker == "Douglas Holtz-Eakin"


def test_single_curly_quotes_used_as_quotation_marks() -> None:
    text = "‘We are not giving up a working port,’ said Anika Rasmussen, chief executive of PEPA."
    (q,) = direct(text)
    assert q.text == "‘We are not giving up a working port,’"
    assert q.speaker == "Anika Rasmussen"


def test_apostrophes_inside_single_quotes_do_not_end_them() -> None:
    text = "‘It’s the council’s decision, not ours,’ the harbourmaster, Tom Vance, said."
    (q,) = direct(text)
    assert q.text == "‘It’s the council’s decision, not ours,’"
    assert q.speaker == "Tom Vance"


def test_split_quote_is_one_quote_in_parts_with_the_speaker() -> None:
    text = '"We are ready," said Anika Rasmussen, chief executive of PEPA, "but the port is not."'
    (q,) = direct(text)
    assert q.start == 0 and q.end == len(text)
    assert q.speaker == "Anika Rasmussen"
    assert [text[p.start : p.end] for p in q.parts] == ['"We are ready,"', '"but the port is not."']
    assert q.spoken() == '"We are ready," … "but the port is not."'


def test_split_quote_across_sentences() -> None:
    text = (
        "“This is in their heads,” said Caddell. "
        "“It is one of the things worrying them, and it will not go away.”"
    )
    (q,) = direct(text)
    assert q.text == text
    assert q.speaker == "Caddell"
    assert "Caddell" not in q.spoken()


def test_next_quote_with_its_own_speaker_stays_separate() -> None:
    text = (
        "“It’s a dog whistle,” Rep. Gwen Moore said Friday. "
        "“It is an insult to a whole community,” added Rep. Jim Clyburn."
    )
    first, second = direct(text)
    assert first.speaker == "Gwen Moore"
    assert second.speaker == "Jim Clyburn"
    assert second.cue == "added"


def test_quote_continued_over_paragraphs() -> None:
    text = (
        "Tomas Ekberg, the chief executive, was blunt.\n\n"
        '"We have waited four years for these berths. Every month of delay costs us ships.\n\n'
        '"If the council wants the jobs, it has to build the quay," Ekberg said.\n\n'
        "The council meets on Monday."
    )
    (q,) = direct(text)
    assert q.text.startswith('"We have waited') and q.text.endswith('quay,"')
    assert "\n\n" in q.text
    assert q.speaker == "Tomas Ekberg"


def test_transcript_lines_name_their_speaker() -> None:
    text = (
        "Partial transcript as follows:\n\n"
        '"WALLACE: Will Gennifer Flowers be at the debate tomorrow night?\n\n'
        '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n\n'
        "Governor Mike Pence spoke from Indianapolis."
    )
    quotes = direct(text)
    assert [q.speaker for q in quotes] == ["Wallace", "Mike Pence"]


def test_nested_quote_inside_a_quote() -> None:
    text = (
        "“I’d rather live in what he calls “hell” than in a world where he is president,” "
        "said Adriana Rodarte."
    )
    (q,) = direct(text)
    assert q.text.endswith("president,”")
    assert q.speaker == "Adriana Rodarte"


# -- speakers -------------------------------------------------------------------------------------


def test_pronoun_resolves_to_most_recent_fitting_person() -> None:
    text = (
        "Maria Lopez, who chairs the finance committee, met Tom Bright on Monday.\n\n"
        "“The budget does not add up,” she said."
    )
    (q,) = direct(text)
    assert q.speaker == "Maria Lopez"
    assert q.cue == "said"


def test_pronoun_skips_a_person_of_the_other_gender() -> None:
    text = (
        "Mr Harlan Voss spent the morning with Mrs Clara Dunn at the depot.\n\n"
        "“We will keep every bus running through the winter,” he said."
    )
    (q,) = direct(text)
    assert q.speaker == "Harlan Voss"


def test_surname_and_title_resolve_to_the_full_name() -> None:
    text = (
        "Jacky Chung, chief economist at the Harbour Trade Council, expects a slowdown.\n\n"
        "“The second half will be harder,” Chung said.\n\n"
        "“Wine is only a signal,” Mr Chung added."
    )
    first, second = direct(text)
    assert first.speaker == "Jacky Chung"
    assert (second.speaker, second.cue) == ("Jacky Chung", "added")


def test_speaker_with_apposition_before_the_cue() -> None:
    text = (
        "“The design will move the water somewhere else,” Ewan Pryce, a director at the "
        "Marrow River Trust, said on Tuesday."
    )
    (q,) = direct(text)
    assert (q.speaker, q.cue) == ("Ewan Pryce", "said")


def test_role_then_name_in_apposition() -> None:
    text = (
        "“Subpoenas are not optional,” the committee chairman, Jason Chaffetz, said after "
        "the hearing."
    )
    (q,) = direct(text)
    assert q.speaker == "Jason Chaffetz"


def test_told_the_paper_and_in_a_statement() -> None:
    text = (
        "“We did not set out to replace anyone,” Marisol Ferrante told the Harbour Post.\n\n"
        "“We are sorry,” Quillon Labs said in a statement."
    )
    first, second = direct(text)
    assert (first.speaker, first.cue) == ("Marisol Ferrante", "told")
    assert (second.speaker, second.cue) == ("Quillon Labs", "said")


def test_organisation_as_speaker_is_named_in_full() -> None:
    text = (
        "The Ministry of Health published its winter plan on Friday.\n\n"
        "“Hospitals have opened extra beds earlier than planned,” the ministry said."
    )
    (q,) = direct(text)
    assert q.speaker == "Ministry of Health"


def test_spokeswoman_speaks_for_her_organisation() -> None:
    text = "“We are reviewing the contract,” an Intel spokeswoman said."
    (q,) = direct(text)
    assert q.speaker == "Intel"


def test_unnamed_source_is_described_not_named() -> None:
    text = "“The talks are close to collapse,” a senior Cruz adviser said on Sunday."
    (q,) = direct(text)
    assert q.speaker == "a senior Cruz adviser"  # as written: the adviser, never Cruz
    assert q.cue == "said"


def test_quote_only_paragraph_continues_previous_speaker() -> None:
    text = (
        "“We had four months of double shifts,” said Fergus Mulcahy, the union's secretary.\n\n"
        "“Our members were exhausted and nobody asked them what they thought of the cranes.”"
    )
    first, second = direct(text)
    assert first.speaker == second.speaker == "Fergus Mulcahy"


def test_entities_canonical_names_are_used() -> None:
    text = "“The deal is generous,” Chung said, “and it is conditional.”"
    at = text.index("Chung")
    chung = Entity(start=at, end=at + 5, label="PERSON", text="Chung", canonical="Jacky Chung")
    (q,) = quotes_of(text, [chung])
    assert q.speaker == "Jacky Chung"


# -- reported speech ------------------------------------------------------------------------------


def test_said_that_is_indirect_speech() -> None:
    text = "Rosalind Okafor said that the government would challenge the tariff at the WTO."
    (q,) = indirect(text)
    assert q.text == "the government would challenge the tariff at the WTO"
    assert (q.speaker, q.cue) == ("Rosalind Okafor", "said")


def test_warned_that_with_a_pronoun_speaker() -> None:
    text = (
        "Dr Samuel Oduya runs the Calder Health Agency.\n\n"
        "He warned that the flu season had started six weeks early this year."
    )
    (q,) = indirect(text)
    assert (q.speaker, q.cue) == ("Samuel Oduya", "warned")


def test_closing_attribution_observed_x() -> None:
    text = (
        "Waiting times for container ships have fallen by a quarter since March, "
        "observed Anika Rasmussen."
    )
    (q,) = indirect(text)
    assert q.text.startswith("Waiting times") and q.text.endswith("since March")
    assert (q.speaker, q.cue) == ("Anika Rasmussen", "observed")


def test_according_to_x() -> None:
    text = "According to the National Statistics Office, exports fell 2.3% in the year to June."
    (q,) = indirect(text)
    assert q.text == "exports fell 2.3% in the year to June"
    assert (q.speaker, q.cue) == ("National Statistics Office", "according to")


def test_sentence_without_a_speaker_is_not_reported_speech() -> None:
    text = "The ferry said to be the oldest on the coast was finally retired in May this year."
    assert indirect(text) == []


# -- what is not a quotation ----------------------------------------------------------------------


def test_scare_quotes_are_not_quotations() -> None:
    text = (
        "The so-called 'reform' was announced on Monday as a \"historic\" deal for the region, "
        "although few of the growers had seen the text."
    )
    assert direct(text) == []


def test_titles_of_works_are_not_quotations() -> None:
    text = (
        "Mereana Hollis spent six years adapting the novel for the film "
        "“The Long Night Shift” before it opened the festival."
    )
    assert direct(text) == []


def test_short_quote_with_its_own_cue_is_kept() -> None:
    text = "“Finally,” said Mayor Colin Arbuthnot of Marrowby."
    (q,) = direct(text)
    assert q.speaker == "Colin Arbuthnot"


# -- robustness -----------------------------------------------------------------------------------


def test_unbalanced_marks_in_a_megabyte_single_line() -> None:
    chunk = 'the council "voted again on the quay and “then the mayor said ‘no and '
    text = chunk * (1_000_000 // len(chunk))
    found = quotes_of(text)
    # No closing marks anywhere: nothing here is a quotation, and nothing hangs.
    assert all(q.end - q.start < 2000 for q in found)
    assert [q for q in found if q.kind == "direct"] == []


def test_unclosed_quote_at_paragraph_end_runs_to_the_paragraph_end() -> None:
    text = (
        "“We will not sign anything until the safety study is published, said Hannah Ruiz.\n\n"
        "The association meets again in March."
    )
    (q,) = direct(text)
    assert q.end == text.index("\n")


def test_empty_and_quote_free_text() -> None:
    assert quotes_of("") == []
    assert quotes_of("The council met on Tuesday. It adjourned at noon.") == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                '"',
                "“",
                "”",
                "‘",
                "’",
                "'",
                "''",
                " said Jane Doe",
                " he said",
                ", ",
                ". ",
                "\n\n",
                "We are ready",
                " the port",
                " Mr Doe",
                " according to Jane Doe",
            ]
        ),
        max_size=60,
    )
)
def test_offsets_always_match_the_text(parts: list[str]) -> None:
    text = "".join(parts)
    quotes_of(text)


def test_many_quotes_on_one_line_stay_separate() -> None:
    text = '"We are ready," he said. ' * 2000
    found = direct(text)
    assert len(found) == 2000
    assert all(q.text == '"We are ready,"' for q in found)


def test_dense_scare_quotes_on_one_line_are_all_ignored() -> None:
    assert direct('the "so-called" plan ' * 5000) == []


def _annotated_quotes(text: str) -> list[Quote]:
    from tui.nlp import get_extractor

    found = get_extractor("rules").annotate(text).quotes
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def test_participle_after_a_pronoun_subject_is_said_by_that_pronoun() -> None:
    # "He said Mr Blair had ..., adding:" - the one adding is he (Conlon), not Mr Blair, who
    # is the person named nearest the cue.
    text = (
        "Tony Blair apologised to the families on Wednesday. Gerry Conlon said the families "
        'were delighted. He said Mr Blair had spoken with "such sincerity", adding: "He went '
        'beyond what we thought he would, he took time to listen to everyone."'
    )
    quotes = {q.text[:12]: q.speaker for q in _annotated_quotes(text)}
    assert quotes['"He went bey'] == "Gerry Conlon"


def test_relative_clause_left_open_does_not_make_its_object_the_speaker() -> None:
    text = (
        "Anne Robinson met the Tory leader last year. Ms Robinson, who presents The Weakest "
        "Link tells Cockerell that she despaired at his hardline image as home secretary."
    )
    (q,) = _annotated_quotes(text)
    assert (q.kind, q.speaker, q.cue) == ("indirect", "Anne Robinson", "tells")


def test_club_role_and_name_before_a_colon_name_the_person() -> None:
    text = (
        ' - Manchester City boss Kevin Keegan: "We had a great chance to take the lead and the '
        'first goal was always going to be crucial."'
    )
    (q,) = _annotated_quotes(text)
    assert q.speaker == "Kevin Keegan"


def test_she_prefers_a_woman_named_earlier_over_a_man_named_since() -> None:
    # Neither given name is in the engine's own short lists; the name lists of many
    # languages say Anton is a man's name and Alicia a woman's.
    text = (
        "Alicia Markova spent the war in the United States. In 1950, back in England, she and "
        'Anton Dolin established the Festival Ballet. She retired in 1963, an "instant '
        'decision" she said, "largely because of a leg injury".'
    )
    (q,) = _annotated_quotes(text)
    assert q.spoken() == '"instant decision" … "largely because of a leg injury"'
    assert q.speaker == "Alicia Markova"


def test_an_organisation_the_entities_name_is_never_registered_as_a_person() -> None:
    from tui.nlp.speakers import Registry

    text = "Festival Ballet said it would tour. Alicia Markova said she would dance."
    org = Entity(start=0, end=15, label="ORG", text="Festival Ballet", canonical="Festival Ballet")
    assert "Festival Ballet" in Registry.build(text, []).people  # a two-word run that speaks
    reg = Registry.build(text, [org])
    assert "Festival Ballet" not in reg.people
    assert "Alicia Markova" in reg.people


def test_a_quote_a_colon_introduces_belongs_to_the_colon_not_the_next_sentence() -> None:
    text = (
        "The SEC had accused Titan of paying $2.1m to an agent. Prosecuting attorney Carol Lam "
        'said: "All US companies should take note that attempting to bribe foreign officials '
        'is criminal conduct." The company says it no longer tolerates such practices.'
    )
    direct = [q for q in _annotated_quotes(text) if q.kind == "direct"]
    assert [(q.speaker, q.cue) for q in direct] == [("Carol Lam", "said")]


def test_he_after_a_quote_is_not_the_person_the_quote_is_about() -> None:
    # 'Mr Sullivan "made accounting decisions," he told the court': the quote is Ebbers's
    # words about Sullivan; had Sullivan said it, the paper would not have named him first.
    text = (
        "Former WorldCom chief Bernie Ebbers has denied the claims. Speaking in court, Mr "
        "Ebbers rejected allegations he pressured ex-chief financial officer Scott Sullivan to "
        'falsify statements. Mr Sullivan "made accounting decisions," he told the federal '
        'court, saying his finance chief had "a keen command of the numbers".'
    )
    direct = [q for q in _annotated_quotes(text) if q.kind == "direct"]
    assert direct and all(q.speaker == "Bernie Ebbers" for q in direct), direct
