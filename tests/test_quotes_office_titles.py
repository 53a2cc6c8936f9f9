"""An office as the subject ("the prime minister said", "the foreign secretary insisted") is
the person the article names in that very office, not someone whose title only shares its
last word ("Deputy Prime Minister", "Home Secretary"); when the article names no one in it,
the speaker is a guess (never sure) among the people not named in another office.

Seen in BBC politics: "the prime minister" went, sure, to "Deputy Prime Minister John
Prescott", "the foreign secretary" to "Home Secretary Charles Clarke", "Later the prime
minister" was a speaker, and "According to Mr Peston the prime minister said" gave Peston.
Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

from tui.model import Quote
from tui.nlp.rules import RulesExtractor


def _quotes(text: str) -> list[Quote]:
    return RulesExtractor().annotate(text).quotes


def _cued(text: str, cue: str) -> list[Quote]:
    return [q for q in _quotes(text) if q.cue == cue]


def test_the_prime_minister_is_not_the_deputy_prime_minister() -> None:
    text = (
        "Tony Marsh has dismissed reports of a deal over the leadership.\n\n"
        "At a dinner hosted by Deputy Prime Minister Alan Reeve, the two men talked until "
        "late. The prime minister insisted he had made no promise to anyone."
    )
    found = _cued(text, "insisted")
    assert found and found[0].speaker != "Alan Reeve"
    assert found[0].speaker == "Tony Marsh" and not found[0].speaker_sure


def test_the_foreign_secretary_is_the_one_named_so_not_the_home_secretary() -> None:
    text = (
        "Foreign Secretary Jane Holt met Home Secretary Carl Dunn on Monday to discuss the "
        "new powers. The foreign secretary said talks with the other governments would resume "
        "in March."
    )
    found = _cued(text, "said")
    assert [q.speaker for q in found] == ["Jane Holt"]
    assert found[0].speaker_sure


def test_an_office_nobody_holds_in_the_article_skips_people_in_other_offices() -> None:
    text = (
        "Chancellor Peter Lyle presented his budget on Wednesday. Opposition leader Ruth Gale "
        "called it a gamble.\n\n"
        "The prime minister said the budget would help families across the country."
    )
    found = _cued(text, "said")
    assert found and found[0].speaker not in ("Peter Lyle", "Ruth Gale")
    assert not found[0].speaker_sure


def test_an_adverb_before_the_office_is_not_part_of_the_speaker() -> None:
    text = (
        "Prime Minister Tony Marsh visited the school in the morning.\n\n"
        'Later the prime minister said: "We will build more schools like this one."'
    )
    found = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in found] == ["Tony Marsh"]


def test_according_to_someone_the_office_speaks_not_the_source() -> None:
    text = (
        "Prime Minister Tony Marsh is said to have promised to step down, a new book claims. "
        "Its author, Ben Pike, spoke to dozens of ministers.\n\n"
        'According to Mr Pike the prime minister said: "Help me through the year and I will '
        'go."'
    )
    found = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in found] == ["Tony Marsh"]


def test_following_at_a_sentence_start_is_never_a_speaker() -> None:
    text = (
        "The minister refused to comment on the operation. Following claims that soldiers had "
        "crossed the border, Mr Hale was asked whether special forces were involved."
    )
    assert all(q.speaker != "Following" for q in _quotes(text))


def test_a_narrative_sentence_after_a_question_ends_the_exchange() -> None:
    """An answer's "he" skips the one who asked (an interview's turns), but not once the
    article has moved on: here the mayor speaks again, days later, to reporters."""
    text = (
        "London mayor Neil Oakes was recorded talking to reporter Sam Pell outside the hall.\n\n"
        'Mr Pell says: "I am only doing my job." Mr Oakes then says: "Well, you are paid to, '
        "aren't you?\" At his weekly press conference on Tuesday, Mr Oakes said his comments "
        'were not meant to offend and refused to apologise. "If you think they are offensive, '
        'I think you are wrong," he told reporters.'
    )
    found = [q for q in _quotes(text) if q.text.startswith('"If you think')]
    assert [q.speaker for q in found] == ["Neil Oakes"]


def test_an_answer_straight_after_a_question_is_not_the_askers() -> None:
    """The exchange itself: the question's attribution is all that stands between."""
    text = (
        "Reporter Sam Pell spoke to London mayor Neil Oakes outside the hall.\n\n"
        '"I did nothing wrong," Mr Oakes said. "Will you apologise?" Mr Pell asked. '
        '"No, I will not," he said.'
    )
    found = [q for q in _quotes(text) if q.text.startswith('"No')]
    assert [q.speaker for q in found] == ["Neil Oakes"]


def test_sir_with_a_given_name_is_the_knight_named_in_full() -> None:
    """British knights go by title and given name: "Sir Alan" is Sir Alan Trent, not a new
    person called "Alan"; "Mr Howard" is still a surname."""
    text = (
        "Metropolitan Police Commissioner Sir Alan Trent warned of new threats on Monday.\n\n"
        "Sir Alan told a meeting of the police authority it would be unwise to speculate. "
        'But he said: "Terrorists have long memories."'
    )
    found = [q for q in _quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in found] == ["Alan Trent"]


def test_a_peer_speaks_under_the_name_he_goes_by() -> None:
    """ "Lord Carlile" is how a peer is named; "Carlile" alone is no one's name. And the "He"
    after a peer brought in with his role ("Liberal Democrat peer Lord Ames, the government's
    reviewer, said") is the peer, not the minister quoted before him."""
    text = (
        'Jack Straw said the ruling was wrong. "The law lords are simply wrong," he told the '
        "programme. But Liberal Democrat peer Lord Ames, the government's independent reviewer "
        "of the laws, said some of the detainees could now be released. He said the ruling was "
        'an "embarrassment" for the government.'
    )
    found = {q.text: q.speaker for q in _quotes(text)}
    assert found['"embarrassment"'] == "Lord Ames"
    assert found["some of the detainees could now be released"] == "Lord Ames"


def test_letters_after_a_name_are_not_part_of_it() -> None:
    text = (
        "Former welfare minister Frank Tolley MP said the prime minister should sack his "
        "chancellor. The Salford MP told the committee the threat was real."
    )
    speakers = [q.speaker for q in _quotes(text)]
    assert speakers[0] == "Frank Tolley"
    assert "Salford" not in speakers
