"""Speaker shapes from the audit set's errors, session 7: namesakes (two people sharing a
surname), page furniture and headline words glued to a name, a closing mark typed as an
opening one.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

from tui.model import Quote
from tui.nlp.quotes.marks import find_fragments
from tui.nlp.rules import RulesExtractor


def _at(text: str, words: str, kind: str = "direct") -> Quote:
    """The quote of that kind that holds `words`."""
    pos = text.index(words)
    found = [
        q
        for q in RulesExtractor().annotate(text).quotes
        if q.kind == kind and q.start <= pos < q.end
    ]
    assert len(found) == 1, found
    return found[0]


def test_a_shared_surname_is_the_namesake_the_article_is_about() -> None:
    # The article is about the daughter; the father is named in full each time he comes up.
    text = (
        "For Tessa Marlowe, her father Gideon Marlowe is the best choice for the board.\n\n"
        "Marlowe said on Monday that the company needed “a steady hand” after a hard year.\n\n"
        "Gideon Marlowe did not comment. “He built this firm from nothing,” Marlowe said."
    )
    assert _at(text, "a steady hand").speaker == "Tessa Marlowe"
    assert _at(text, "He built this firm").speaker == "Tessa Marlowe"


def test_a_shared_surname_is_never_a_sure_speaker() -> None:
    text = (
        "Tessa Marlowe and her father Gideon Marlowe spoke at the dinner.\n\n"
        "“We are ready,” Marlowe said."
    )
    assert _at(text, "We are ready").speaker_sure is False


def test_page_furniture_before_a_surname_is_not_part_of_the_name() -> None:
    text = (
        "Senator Ilse Brandauer spoke on the radio on Friday. “We are not done,” she said. "
        "Story Continued Below Brandauer defended the bill. “It pays for itself,” "
        "Brandauer said."
    )
    assert _at(text, "It pays for itself").speaker == "Ilse Brandauer"


def test_headline_words_before_a_surname_are_not_a_first_name() -> None:
    text = (
        "Carver Just Gave A Blunt Response To Okafor.\n\n"
        "Daniel Okafor spoke first at the debate in Leeds on Tuesday.\n\n"
        "“The plan is sound,” Okafor said."
    )
    assert _at(text, "The plan is sound").speaker == "Daniel Okafor"


def test_an_opening_mark_between_spaces_closes_the_open_quotation() -> None:
    # The page typed “ where ” belongs: the quotation still ends there.
    text = (
        "“She went from nothing to the top — “ Okafor said on Friday, before the host cut in: "
        "“Nothing? She had a fortune.”"
    )
    frags = find_fragments(text)
    assert [text[f.start : f.end][-3:] for f in frags] == ["— “", "e.”"]


def test_a_shared_surname_right_after_the_other_namesake_is_that_one() -> None:
    # The article is about the son; the father is introduced in full and speaks next.
    text = (
        "Police named the driver as Tomas Okonjo, 28, on Sunday. Okonjo was held overnight "
        "and released without charge after two days of questions from detectives.\n\n"
        "The crash closed the ring road for most of the morning, and traffic backed up as far "
        "as the airport. Two other drivers were treated in hospital for minor injuries, and a "
        "cyclist was checked at the scene by paramedics and allowed to go home.\n\n"
        "His father, Samuel Okonjo, said his son had done nothing wrong. The elder Okonjo said "
        "the family would “fight this in court” if it had to."
    )
    assert _at(text, "fight this in court").speaker == "Samuel Okonjo"


def test_a_lone_surname_of_two_namesakes_is_unsure_after_a_modifier() -> None:
    text = (
        "Tomas Okonjo and his father Samuel Okonjo left the court together on Monday.\n\n"
        "The elder Okonjo said the family would “fight this all the way” if it had to."
    )
    assert _at(text, "fight this all the way").speaker_sure is False


def test_the_last_word_of_a_place_like_subject_is_no_speaker() -> None:
    text = (
        "The gunman, Karim Voss, was shot dead by police at the station on Saturday.\n\n"
        "The Islamic State has since claimed responsibility for the attack and called Voss "
        "“a fighter of the Islamic State” who “carried out the operation in response to the "
        "coalition.”"
    )
    assert _at(text, "a fighter of").speaker != "State"
    assert _at(text, "carried out the operation").speaker != "State"


def test_a_relative_named_by_possessive_is_not_the_person_it_belongs_to() -> None:
    text = (
        "The driver, Tomas Okonjo, was held overnight. His father, Samuel Okonjo, flew in from "
        "Lagos on Monday.\n\n"
        "The crash closed the ring road for most of the morning, and traffic backed up as far "
        "as the airport. Two other drivers were treated in hospital for minor injuries.\n\n"
        "Okonjo’s father, speaking through a lawyer, said his son “never drove fast” in his life."
    )
    assert _at(text, "never drove fast").speaker == "Samuel Okonjo"


def test_a_relative_of_someone_without_a_namesake_is_not_them() -> None:
    text = (
        "The driver, Tomas Okonjo, was held overnight in the city's central police station.\n\n"
        "Okonjo’s mother said her son “never drove fast” in his life."
    )
    assert _at(text, "never drove fast").speaker != "Tomas Okonjo"


def test_an_outlet_named_the_and_one_word_keeps_its_name() -> None:
    text = (
        "Mayor Ruth Adler spoke to donors in Leeds on Friday night.\n\n"
        "The Ledger reported that the mayor was most upset over the vote on the ring road."
    )
    quote = _at(text, "most upset over", kind="indirect")
    assert quote.speaker == "The Ledger"


def test_an_office_named_with_a_possessive_keeps_its_whole_name() -> None:
    text = (
        "Marcus Berry was found dead in his cell in April.\n\n"
        "In a press release, the Calder County Sheriff’s Office said it would not comment "
        "until all investigations had concluded."
    )
    quote = _at(text, "would not comment", kind="indirect")
    assert quote.speaker == "Calder County Sheriff’s Office"


def test_a_next_sentence_with_its_own_inverted_cue_is_not_the_quotations() -> None:
    text = (
        "Trade expert Hugh Padley said buyers in Vietnam prefer to pay cash. "
        '"The most popular way to pay is cash on delivery," he said, "and that is quite a '
        'brake on online shopping." The arrival of foreign banks in Vietnam, due in 2026, '
        "could mean greater use of credit cards but for the moment they are rare, said "
        "Mr Padley."
    )
    assert _at(text, "quite a brake").speaker == "Hugh Padley"


def test_the_paper_is_the_newspaper_named_before() -> None:
    text = (
        "In an interview with the Calder Herald, Mr Lund would not name a date for the vote. "
        'The paper said the minister "claimed ignorance" of when the others would vote.'
    )
    assert _at(text, "claimed ignorance").speaker == "Calder Herald"


def test_the_and_a_nationality_is_the_person_named_before() -> None:
    text = (
        'Manager Angus Fairlie said his side "will be ready" for Milan. His striker Ruud Mertens '
        "is fit again, but the Scot admitted he was unsure whether to start the Dutchman."
    )
    quote = _at(text, "he was unsure whether", kind="indirect")
    assert quote.speaker == "Angus Fairlie"
    assert quote.speaker_sure is False


def test_a_capitalised_cue_word_inside_a_name_run_is_no_cue() -> None:
    text = (
        "“She went from nothing to the top — “ Okafor said on Friday, as the host Mara Venn "
        "cut him off: “Nothing? She got a million bucks? Come on, Dan…” Story Continued Below "
        "Okafor defended his statement, saying his mother has “built an empire” from scratch."
    )
    assert _at(text, "Nothing? She got").cue != "continued"


def test_the_subject_of_the_clause_before_a_colon_speaks_the_quotation() -> None:
    text = (
        "Daniel Okafor was a guest on the morning show on Friday.\n\n"
        "“She went from nothing to the top — “ Okafor said, as the host Mara Venn cut him "
        "off: “Nothing? She got a million bucks? Come on, Dan…” Okafor defended the remark."
    )
    assert _at(text, "Nothing? She got").speaker == "Mara Venn"
    assert _at(text, "She went from nothing").speaker == "Daniel Okafor"


def test_a_clause_after_a_title_in_quotes_names_the_next_speaker() -> None:
    text = (
        "Daniel Okafor was a guest on the morning show on Friday.\n\n"
        "“She went from nothing to the top — “ Okafor said on Radio Calder’s “Breakfast,” as "
        "Democratic strategist Mara Venn cut him off: “Nothing? She got a million bucks?”"
    )
    assert _at(text, "Nothing? She got").speaker == "Mara Venn"


def test_a_name_takes_the_apostrophe_the_article_uses_most() -> None:
    text = (
        "Police Commissioner James O’Neill spoke at the scene on Sunday.\n\n"
        "O'Neill said officers were \"searching every block\" near the site. O'Neill added that "
        "the street would stay closed. Mayor Ruth Adler thanked O'Neill for his work."
    )
    assert _at(text, "searching every block").speaker == "James O'Neill"


def test_a_headline_glued_to_a_name_is_not_a_namesake() -> None:
    text = (
        "February 6, 2026 10:57PM Lund Hits Back On Parking Fees For Drivers Ruth Adler "
        "criticized Tobias Lund for backing the new parking fees in the city.\n\n"
        "Ruth Adler spoke again on Monday. "
        '"I am for fair fees, but this is a tax on nurses," Adler said.'
    )
    assert _at(text, "I am for fair fees").speaker == "Ruth Adler"
