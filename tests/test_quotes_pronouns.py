"""Pronoun speakers ("he said", "she said"): the person the sentences before are about, and
`speaker_sure` false where a reader would have to look twice.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest

from tui.model import Quote
from tui.nlp.quotes import ArticleText, find_quotes
from tui.nlp.quotes.pronouns import resolve_pronoun
from tui.nlp.rules import RulesExtractor


def _quotes(text: str) -> list[Quote]:
    return RulesExtractor().annotate(text).quotes


def _direct(text: str) -> Quote:
    found = [q for q in _quotes(text) if q.kind == "direct"]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The interviewer is named last, the person answering is the subject.
        (
            "In an interview with radio host Daniel Price on Tuesday, Senator Maria Lopez "
            'defended the budget.\n\n"We balanced it without cutting a single school," she said.',
            "Maria Lopez",
        ),
        (
            "Asked by reporter Tom Briggs whether the plant would close, Governor Alan Marsh "
            'shook his head.\n\n"Not while I am in office," he said.',
            "Alan Marsh",
        ),
        # A relative named after the subject does not take her words.
        (
            "Grace Okoye spoke about her late husband, Samuel Okoye, at the memorial on "
            'Friday.\n\n"He built this school with his hands," she said.',
            "Grace Okoye",
        ),
        # A name used to qualify a role is not the subject: the person with the role is.
        (
            "Campaign manager Rhys Vaughan said the senator was tired. Lopez aide Carla Mendes "
            'said the schedule would not change.\n\n"We are on the road until May," she said.',
            "Carla Mendes",
        ),
        # "Mr. Obama" with no first name anywhere is still someone "he" can stand for.
        (
            "Bombs are not falling. What Mr. Haddad has seen instead are charts of a warming "
            'sea.\n\n"And they are terrifying," he said in an interview.',
            "Haddad",
        ),
        # After an opening phrase and a comma the name is still the subject.
        (
            "Looking ahead to the vote in the spring, Ingrid Solberg explained why she backs "
            'the mayor over Paul Grant.\n\n"This city needs a steady hand," she said.',
            "Ingrid Solberg",
        ),
        # A speaker introduced with a role at the end of a paragraph speaks in the next one.
        (
            "The mayor has had little support in the north of the city, which worries Henry "
            'Crespo, chairman of the Northside Traders.\n\n"Nobody here trusts the plan," he said.',
            "Henry Crespo",
        ),
    ],
)
def test_pronoun_goes_to_the_person_the_story_is_about(text: str, speaker: str) -> None:
    assert _direct(text).speaker == speaker


def test_a_place_is_never_the_speaker() -> None:
    text = (
        "Li Na, a nurse, moved to Shanghai in 2015 to work at a private clinic.\n\n"
        '"The pay was better but the hours were brutal," she said.'
    )
    q = _direct(text)
    assert q.speaker == "Li Na"


def test_the_title_before_a_surname_tells_the_gender() -> None:
    # "Mrs. Lund" is the subject, but "he" cannot be her: the man named after her is meant.
    text = (
        "Arne Lund and Karin Lund run the ferry company together.\n\n"
        "Mrs. Lund will face the same questions Mr. Berg has. He noted that fuel prices had "
        "doubled since March and that the company had cut two routes."
    )
    reported = [q for q in find_quotes(text, []) if q.kind == "indirect"]
    assert reported and reported[0].speaker == "Berg"


def test_two_people_who_fit_leave_the_speaker_unsure() -> None:
    text = (
        "Ruth Adler met Paula Grant at the summit. Both women spoke to reporters later.\n\n"
        '"We agreed on more than we expected," she said.'
    )
    q = _direct(text)
    assert q.speaker == "Ruth Adler"  # the best guess is still given
    assert q.speaker_sure is False


def test_one_person_who_fits_is_sure() -> None:
    text = (
        "Maria Lopez, the state senator, toured the flooded valley on Monday.\n\n"
        '"I have never seen water this high," she said.'
    )
    q = _direct(text)
    assert (q.speaker, q.speaker_sure) == ("Maria Lopez", True)


def test_a_named_speaker_is_sure_and_no_speaker_is_not_a_guess() -> None:
    named = _direct('"We are ready," said Tomas Berg, the harbour master.')
    assert (named.speaker, named.speaker_sure) == ("Tomas Berg", True)
    bare = [q for q in find_quotes('The banner read "We are ready for the storm tonight."', [])]
    assert all(q.speaker is None and q.speaker_sure for q in bare)


def test_a_speaker_whose_given_name_says_otherwise_keeps_talking() -> None:
    # The name lists call "Terry" a man's name; the article has just quoted her.
    text = (
        '"The rules do not hold. They are wrong," said campaigner Terry Strada.\n\n'
        'She continued, "We have waited fifteen years for this."'
    )
    quotes = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in quotes] == ["Terry Strada", "Terry Strada"]
    assert quotes[1].speaker_sure is False


def test_resolve_pronoun_reads_plain_article_text() -> None:
    text = "Maria Lopez toured the valley. She said the water was high."
    art = ArticleText(text, [])
    named = resolve_pronoun(art, "she", text.index("She said"))
    assert (named.name, named.gender, named.sure) == ("Maria Lopez", "f", True)
    assert resolve_pronoun(art, "we", 0).name is None


def test_quoted_words_running_into_the_sentence_keep_their_pronoun() -> None:
    text = (
        "A clerk who takes $20 is fired, Senator Maria Lopez said. Bank chiefs are not.\n\n"
        '"The only way this changes is if executives face jail" for their part in it, she said.'
    )
    q = _direct(text)
    assert q.speaker == "Maria Lopez"


def test_a_description_of_someone_named_before_is_them_but_not_for_sure() -> None:
    text = (
        "Donald Harlan toured the shipyard on Monday with two union leaders.\n\n"
        "The Ohio businessman says the yard will hire 300 welders before the summer."
    )
    reported = [q for q in _quotes(text) if q.kind == "indirect"]
    assert [(q.speaker, q.speaker_sure) for q in reported] == [("Donald Harlan", False)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The sentence before is about an unnamed spokesman: "he" is him, not the man named
        # before him (nor the one whose spokesman he is).
        (
            "Gordon Hale faces a test of trust. On Monday, a government spokesman declined to "
            'say whether the premier backed the plans. He said: "What matters is the process."',
            "a government spokesman",
        ),
        (
            "Gordon Hale faces a test of trust. On Monday, Gordon Hale's official spokesman "
            'declined to comment. He said: "What matters is the process."',
            "Gordon Hale's official spokesman",
        ),
        (
            "Mr Vance said the drilling showed promise. However, a spokeswoman for the Harbour "
            'Board declined to give figures. She added: "It is too early to say."',
            "a spokeswoman for the Harbour Board",
        ),
    ],
)
def test_he_after_a_sentence_about_an_unnamed_spokesman_is_the_spokesman(
    text: str, speaker: str
) -> None:
    quote = _direct(text)
    assert quote.speaker == speaker
    assert not quote.speaker_sure  # a description, and "he" could still be someone else


def test_a_named_spokesman_or_the_spokesman_named_before_keeps_the_name() -> None:
    named = _direct(
        "Gordon Hale faces a test. A spokesman, Tom Reddy, declined to comment. "
        'He said: "It is over."'
    )
    assert named.speaker == "Tom Reddy"
    definite = _direct(
        "Lawyer Nikos Petrou represents the sprinter. The lawyer declined to comment further. "
        'He said: "We will appeal."'
    )
    assert definite.speaker == "Nikos Petrou"  # "The lawyer" is the lawyer named before


@pytest.mark.parametrize("who", ["A Port Authority spokesman", "A spokesman"])
def test_he_added_after_an_unnamed_spokesmans_quotation_stays_with_him(who: str) -> None:
    """'A US Embassy spokesman said: "..." "...," he added.' was given, sure, to the man quoted
    before the spokesman."""
    quotes = _quotes(
        f'"It matters," added Mr Okafor. {who} said: "We are aware of the delays." '
        '"We will do our best," he added.'
    )
    assert len(quotes) == 3 and quotes[0].speaker == "Okafor"
    assert quotes[1].speaker == quotes[2].speaker != "Okafor"
    assert quotes[1].speaker in who


def test_they_a_paragraph_after_an_organisation_spoke_is_not_sure() -> None:
    """'The ONS said ...' then, a paragraph on, 'Many had expected ... , they say': "they" may
    be the analysts the article turned to; it was given, sure, to the statistics office."""
    quotes = _quotes(
        "The Harbour Statistics Office said retail sales rose 0.6% on the month.\n\n"
        "The data confounded analysts. Many had expected sales to fall slightly. However, "
        "discounts may be behind the unexpected rise, they say."
    )
    theirs = [q for q in quotes if "discounts" in q.text]
    assert len(theirs) == 1, quotes
    assert not theirs[0].speaker_sure


def test_they_after_people_the_article_describes_is_them_and_never_a_place() -> None:
    """Seen on BBC: "Analysts say that ... As a result, they say, ..." had no speaker, and
    "Critics argue ... Without growth, they say, ..." went to Italy, a place, which had "plans"
    a sentence before. "They" is the people who spoke; a guess, as no name says so."""
    quotes = _quotes(
        "Analysts say that hiring and firing staff is still too hard for small firms. As a "
        "result, they say, the country is filled with small companies that never grow.\n\n"
        "Portugal plans to raise as much as 25bn euros from selling state firms in 2005. "
        "Critics argue these moves do not go far enough and could make its problems worse. "
        "Without a pick up in growth, they say, the money could eventually run out."
    )
    first = next(q for q in quotes if "filled with" in q.text)
    assert first.speaker == "Analysts" and not first.speaker_sure
    last = next(q for q in quotes if "run out" in q.text)
    assert last.speaker == "Critics" and not last.speaker_sure


def test_he_after_a_subject_with_a_lower_case_portfolio_before_his_name_is_him() -> None:
    """'Shadow home secretary David Davis echoed ... "...," he said': "home" before the office
    hid the subject, and "he" went to the spokesman quoted before."""
    quotes = _quotes(
        'A spokesman for the Home Office defended the plans. He said: "We stand by it."\n\n'
        "Shadow home secretary Dafydd Rowe echoed criticisms of the way Mr Hale introduced "
        'the rules. "There is genuine concern," he said.'
    )
    assert quotes[-1].speaker == "Dafydd Rowe"


@pytest.mark.parametrize(
    ("sentence", "pronoun", "speaker"),
    [
        ("A minister said an aide had resigned.", "He", "Gordon Hale"),  # a clause, not one
        (
            "A spokeswoman for Marks and Spencer declined to comment.",
            "She",
            "A spokeswoman for Marks and Spencer",
        ),
        ("A retired official declined to comment.", "He", "A retired official"),
    ],
)
def test_only_a_whole_description_before_its_verb_stands_for_he(
    sentence: str, pronoun: str, speaker: str
) -> None:
    quote = _direct(f'Gordon Hale spoke on Monday. {sentence} {pronoun} said: "It is over."')
    assert quote.speaker == speaker


def test_he_after_a_person_named_by_surname_only_is_that_person() -> None:
    """Seen on AP copy: "Assad told the AP that ... He cited ..." went, sure, to the other man
    named before by his full name: a person the article names by surname only was no one "he"
    could stand for."""
    quotes = _quotes(
        "John Kerry met Lavrov in Geneva on Monday. Assad told reporters in Damascus that the "
        "United States was to blame. He cited the failure of the US to rein in armed groups."
    )
    cited = next(q for q in quotes if "rein in" in q.text)
    assert cited.speaker == "Assad"


def test_she_said_after_a_sentence_opening_with_she_continues_that_she() -> None:
    """Seen on AFP copy: "She appeared to imply that ... than Clinton, the former secretary of
    state. "...," she said." went to Clinton, the woman named inside that sentence; a reader
    follows the "She" it opens with back to the actress."""
    quotes = _quotes(
        "Actress Susan Whitlow is not sure she can vote for Hillary Carver over Donald Grant, "
        "the frontrunner.\n\n"
        "The actress campaigns for Senator Bernie Holt, who faces a hard task in taking the "
        "nomination from Carver.\n\n"
        "\u201cThat is a fair worry,\u201d Whitlow, 69, told the network on Monday.\n\n"
        "Asked about her own vote if Carver faces Grant, she replied: "
        "\u201cI don\u2019t know.\u201d\n\nThe actress said she was tired of the status quo.\n\n"
        "She appeared to imply that Grant could lead to more upheaval than Carver, the "
        "68-year-old former governor bidding to make history.\n\n"
        "\u201cSome people feel Grant will bring a revolution,\u201d she said."
    )
    last = next(q for q in quotes if "revolution" in q.text)
    assert last.speaker == "Susan Whitlow"


def test_he_in_a_sentence_with_its_own_subject_does_not_go_back_a_sentence() -> None:
    quotes = _quotes(
        "Tony Blair met the press. He argued that Ariel Sharon wanted peace. Earlier, Mr Sharon "
        'again said he had not seen "the slightest step" towards it, though he acknowledged '
        "the election."
    )
    step = next(q for q in quotes if "slightest step" in q.text)
    assert step.speaker == "Ariel Sharon"
