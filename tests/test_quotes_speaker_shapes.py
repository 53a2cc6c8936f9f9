"""Speaker shapes a careful reader gets right and the engine got wrong on real news (the audit
set's errors): the person answering rather than the interviewer, the speaker named after
"according to" an outlet, a quotation with no cue of its own, places, descriptions, photo
captions.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

from tui.model import Quote, Span
from tui.nlp.rules import RulesExtractor


def _quotes(text: str, captions: tuple[Span, ...] = ()) -> list[Quote]:
    return RulesExtractor().annotate(text, captions=captions).quotes


def _at(text: str, words: str, kind: str = "direct") -> Quote:
    """The quote of that kind that holds `words`."""
    pos = text.index(words)
    found = [q for q in _quotes(text) if q.kind == kind and q.start <= pos < q.end]
    assert len(found) == 1, found
    return found[0]


def test_the_addressee_of_told_is_not_the_speaker() -> None:
    text = (
        "Donald Trump spoke at a town hall in Austin on Wednesday.\n\n"
        "Host Sean Hannity asked Trump how high the wall would be.\n\n"
        '"I think the height could be 35 to 45 feet," he told Hannity.'
    )
    q = _at(text, "the height could be")
    assert q.speaker == "Donald Trump"


def test_the_answer_to_a_question_is_not_the_askers() -> None:
    text = (
        "Congressman Robert Pittenger spoke to CNN host Don Lemon on Thursday night. "
        '"It is the comment that they made," Pittenger responded. '
        '"You mean the protesters made them on air?" Lemon asked. '
        '"Yes sir. I was only trying to convey what they were saying," he said.'
    )
    q = _at(text, "only trying to convey")
    assert q.speaker == "Robert Pittenger"


def test_according_to_an_outlet_the_person_who_said_it_speaks() -> None:
    text = (
        "Joey Salceda, a congressman from Albay, filed the resolution on Monday.\n\n"
        'According to GMA News, Salceda said the "ugliness of utterances, largely unprompted '
        'and undeserved," stood in contrast to the welcome Trump had received.'
    )
    q = _at(text, "ugliness of utterances")
    assert q.speaker == "Joey Salceda"


def test_a_quote_that_closes_its_sentence_is_not_the_next_sentences_speech() -> None:
    text = (
        "Gary Dunn, of Climax, and Fred Hasson, of Tiga, spoke at the conference. "
        "Mr Dunn warned that companies could face a short supply of talent. "
        '"If companies are hiring bigger and bigger teams, the talent is going to run out." '
        "Mr Hasson said developers were beginning to realise they had to change."
    )
    q = _at(text, "bigger and bigger teams")
    assert q.speaker != "Fred Hasson"


def test_a_cue_that_introduces_the_next_quotation_is_not_this_ones() -> None:
    text = (
        "Shadow foreign secretary Michael Ancram said the bill had no chance of becoming law. "
        '"This is a cheap gesture to the lobby while he runs scared of a debate." '
        'Neil Brien, director of the group Vote No, said: "The reality is that they are '
        'frightened of the people."'
    )
    q = _at(text, "cheap gesture")
    assert q.speaker != "Neil Brien"


def test_a_place_is_never_the_speaker_of_he_said() -> None:
    text = (
        "William Makower, chief executive of Panlogic, has studied the market for years. "
        "For instance, said Mr Makower, credit cards are rare in China. "
        '"The most popular way to pay is cash on delivery," he said, "and that is quite '
        'a brake to the development of e-commerce."'
    )
    for q in _quotes(text):
        assert q.speaker != "China"
    q = _at(text, "a brake to the development")
    assert q.speaker == "William Makower"


def test_an_opening_phrase_naming_a_place_is_not_the_subject() -> None:
    text = (
        "Donald Trump has changed his tone on the war.\n\n"
        "Before the Paris terror attacks, Trump took a more hands-off approach to the "
        "Islamic State, suggesting the U.S. outsource the fight to Syria and Russia."
    )
    for q in _quotes(text):
        assert q.speaker != "Paris"


def test_she_continues_the_she_of_the_sentence_before() -> None:
    text = (
        "Susan Sarandon, the actress, said on Monday she would not vote for Hillary Clinton.\n\n"
        "She appeared to imply that Trump could lead to more upheaval than Clinton, the "
        "former secretary of state bidding to make history.\n\n"
        '"Some people feel Trump will bring revolution immediately," she said.'
    )
    q = _at(text, "bring revolution")
    assert q.speaker == "Susan Sarandon"


def test_a_quotation_after_its_speakers_cue_sentence_stays_theirs() -> None:
    text = (
        "It was a similar story at Bluewater. Spokesman Alan Jones said he expected 150,000 "
        'shoppers. "Our sales so far have been 2% up," he said. "We are very busy, and people '
        'will be shopping right up until Christmas."'
    )
    q = _at(text, "We are very busy")
    assert q.speaker == "Alan Jones"


def test_a_description_is_never_a_sure_speaker() -> None:
    text = (
        "In an interview with the Financial Times, Tony Blair refused to name a date. "
        'The paper said the prime minister "claimed ignorance" of the plans of others.'
    )
    q = _at(text, "claimed ignorance")
    assert q.speaker == "Financial Times" or not q.speaker_sure


def test_a_photo_caption_is_never_a_quotation_nor_a_speaker() -> None:
    caption = 'Coach Maria Vidal: "We will win the cup," she told fans in May.'
    text = (
        caption + "\n\n"
        "The club's director, Paul Hendry, spoke after the match on Sunday.\n\n"
        '"It was a hard game for all of us," she said.'
    )
    captions = (Span(start=0, end=len(caption)),)
    quotes = _quotes(text, captions)
    assert all(q.start >= len(caption) for q in quotes)
    assert all(q.speaker != "Maria Vidal" for q in quotes)


def test_insist_on_reports_no_speech_and_describe_as_a_label() -> None:
    """ "described X as Y" is no clause of speech, but a label its subject gave (read by
    `reported_acts`, as PolNeAR reads it): the object and the label, not what follows."""
    text = (
        "Republicans learned again on Monday that Donald Trump will insist on being himself "
        "whatever the stakes of the night.\n\n"
        "Governor Chris Christie described the Democratic nominee as a danger after she "
        "attacked the police in a speech on Tuesday."
    )
    found = [q for q in _quotes(text) if q.kind == "indirect"]
    assert all(q.cue != "insist" for q in found), found
    assert [(q.speaker, q.cue, q.text) for q in found if q.cue == "described"] == [
        ("Chris Christie", "described", "the Democratic nominee as a danger")
    ]


def test_as_x_said_after_a_quotation_names_its_speaker() -> None:
    text = (
        "Acts of protest, Mr. Obama said, are acts of patriotism, whether it was a sit-in "
        'or wearing a shirt with the words "I can\'t breathe," as Eric Garner, gasping on a '
        "sidewalk in Staten Island, said before he died."
    )
    q = _at(text, "I can't breathe")
    assert q.speaker == "Eric Garner"


def test_a_name_and_a_dash_before_a_quotation_name_its_speaker() -> None:
    text = (
        "A chorus of prominent Republicans has said the same thing, including the former "
        'candidate Mitt Romney -- "It is disqualifying for a nominee to refuse to release tax '
        'returns to the voters" -- and Fred Goldberg, a former commissioner.'
    )
    q = _at(text, "It is disqualifying")
    assert q.speaker == "Mitt Romney"


def test_a_name_after_a_preposition_and_a_dash_is_not_the_speaker() -> None:
    text = (
        "Larry King differentiated himself from Ed Schultz, who, Mr. King said, has recently "
        'seemed supportive of Donald Trump -- "a completely different Ed Schultz to me, which '
        'was a shock to me."'
    )
    q = _at(text, "a completely different")
    assert q.speaker != "Donald Trump"


def test_the_subject_right_after_a_quotation_is_the_next_he() -> None:
    text = (
        "Ronnie Corbett, who starred with Ronnie Barker for years, spoke to the paper. Actor "
        'David Jason agreed. "We have to be careful," he said. "They should not be sitting at '
        'home on the sofa." Corbett said he and Barker were always mindful of their audience. '
        '"Our material was good-natured," he said.'
    )
    q = _at(text, "good-natured")
    assert q.speaker == "Ronnie Corbett"


def test_a_cue_after_but_belongs_to_the_sentences_subject() -> None:
    """'Mr Clarke said he ... but argued: "..."': Clarke's words, not the last speaker's."""
    text = (
        "Dicky Arbiter said the prince should make a personal apology. Mr Clarke said he "
        'recognised the concerns about the costume but argued: "He has apologised and I think '
        'we should leave the matter there."'
    )
    (quote,) = [q for q in RulesExtractor().annotate(text).quotes if q.kind == "direct"]
    assert (quote.speaker, quote.cue, quote.speaker_sure) == ("Clarke", "argued", True)


def test_a_firm_of_two_names_before_a_possessive_is_not_the_speaker() -> None:
    """'..., added Ernst and Young's Sanjay Mehta': "and" joins the firm's two names; the
    person follows the possessive (the speaker was "Ernst")."""
    text = 'Investors welcomed it. "It could grow," added Barker and Lowe\'s Priya Raman.'
    quotes = RulesExtractor().annotate(text).quotes
    assert [q.speaker for q in quotes] == ["Priya Raman"]


def test_and_added_continues_the_speech_verb_before_it_not_the_sentence_opening() -> None:
    """'Customs claimed ... but his lawyer, Anton Greaves, told reporters ... and added: "..."'
    is the lawyer's (it was given, sure, to Customs, the sentence's first subject)."""
    text = (
        "Port Customs claimed Mr Dale led the group but his lawyer, Anton Greaves, told "
        'reporters it was a laughable suggestion and added: "He lived on welfare."'
    )
    quotes = RulesExtractor().annotate(text).quotes
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Anton Greaves"]


def test_dean_before_a_surname_alone_is_a_given_name() -> None:
    """'..., Dean Boyd, said': "Dean" is his given name, not a dean's title (the speaker was
    "Boyd"); a dean with a full name after the title keeps it off."""
    text = (
        "A spokesman for the harbour board, Dean Corlett, said the plan was sound. "
        "Dean Sarah Hill of the law school said the plan would fail."
    )
    quotes = RulesExtractor().annotate(text).quotes
    assert [q.speaker for q in quotes] == ["Dean Corlett", "Sarah Hill"]


def test_a_time_phrase_opening_the_sentence_is_not_part_of_the_speaker() -> None:
    # Seen on BBC: "Last month her lawyers said she had won back custody" was given to "Last
    # month her lawyers"; a reader sees the lawyers, and the time is when they said it.
    text = (
        "Last month her lawyers said she had won back custody of her young daughter.\n\n"
        'Yesterday police said: "He has fled the country with the money."\n\n'
        'Earlier this week the minister told reporters: "We will not change course."\n\n'
        "On Monday Mr Hughes said the factory would close within a year."
    )
    assert _at(text, "custody", "indirect").speaker == "her lawyers"
    assert _at(text, "fled the country").speaker == "police"
    assert _at(text, "change course").speaker == "the minister"
    assert _at(text, "factory would close", "indirect").speaker == "Hughes"


def test_a_listener_named_with_its_kind_is_not_part_of_what_was_said() -> None:
    # Seen on BBC: "told the Daily Record newspaper he wants a date to be set" was reported
    # speech starting at "newspaper"; what he said starts at "he".
    text = (
        "Dave Prentis, the leader of the union, told the Daily Record newspaper he wants a date "
        "to be set for the leadership vote.\n\n"
        "The chairman told the Evening Standard website the club would not be sold this year."
    )
    q = _at(text, "wants a date", "indirect")
    assert text[q.start : q.end].startswith("he wants a date")
    assert q.speaker == "Dave Prentis"
    q = _at(text, "not be sold", "indirect")
    assert text[q.start : q.end].startswith("the club would not")


def test_a_listener_kind_followed_by_its_title_is_not_part_of_what_was_said() -> None:
    text = (
        "Nicholas Negroponte is building a cheap laptop. "
        "He told the World Service programme Go Digital he hoped the laptop would reach "
        "schools in poor countries.\n\n"
        "However, the water company told the Argentine newspaper Clarin it would not accept "
        "any change to its legal structure."
    )
    q = _at(text, "he hoped", "indirect")
    assert text[q.start : q.end].startswith("he hoped the laptop")
    q = _at(text, "not accept", "indirect")
    assert text[q.start : q.end].startswith("it would not accept")


def test_an_organisation_inside_a_persons_apposition_is_not_the_speaker() -> None:
    # Seen on BBC: "Mary ..., founder of the Survivors Fund (SURF), one of the organisations
    # through which ..., said" was given, sure, to the fund.
    text = (
        "Martha Okafor, founder of the Harbour Trust (HT), one of the charities through which "
        "the money is paid, said it was a sign that the survivors came first.\n\n"
        "John Tanner, head of the Riverside Fund, one of the groups involved, said the money "
        "would help thousands of families."
    )
    assert _at(text, "survivors came first", "indirect").speaker == "Martha Okafor"
    assert _at(text, "help thousands", "indirect").speaker == "John Tanner"


def test_the_person_after_an_organisations_possessive_speaks() -> None:
    text = (
        "The Home Office refused to comment. Amnesty International's Jan Shaw said: "
        '"That the policy was run this way is bleakly ironic."'
    )
    assert _at(text, "bleakly ironic").speaker == "Jan Shaw"


def test_a_persons_role_at_an_organisation_and_more_apposition_keep_the_person() -> None:
    # Seen on BBC: "Mr Shin-Bae Kim, chief executive of SK Telecom, also at 3GSM, said:" was
    # given, sure, to SK Telecom.
    text = (
        "John Smith, chief executive of Harbour Telecom, also at the show, said: "
        '"We have plans to put television on every phone."'
    )
    assert _at(text, "television on every phone").speaker == "John Smith"


def test_an_impersonal_it_is_understood_names_no_speaker() -> None:
    # Seen on BBC: "The IPCL board met ... It is understood that the board ..." was given, sure,
    # to IPCL: "it" there stands for no one.
    text = (
        "The Harbour Steel board met in Mumbai to discuss the results. It is understood that "
        "the board also considered his resignation and asked him to think again."
    )
    q = _at(text, "considered his resignation", "indirect")
    assert q.speaker is None


def test_having_said_that_is_no_ones_claim() -> None:
    # Seen on BBC: "Having said that, Mark is looking in much better shape" was reported
    # speech by "Having".
    text = (
        "My view is that you go when the gun goes. Having said that, Mark is looking in much "
        "better shape this winter than last."
    )
    assert [q for q in _quotes(text) if "better shape" in q.text] == []


def test_a_plea_in_court_is_no_attribution() -> None:
    # Seen on a scraped news page: a police report's quotation followed by "Caldara has pleaded
    # not guilty." was given, sure, to Caldara.
    text = (
        'The police report stated that, according to the victim, "Reyes started the van and '
        'drove forward, bumping him with the front of it." Reyes has pleaded not guilty.'
    )
    q = _at(text, "started the van")
    assert q.speaker != "Reyes"


def test_someone_described_by_place_and_party_is_a_description_not_a_name() -> None:
    # Seen on POLITICO copy: '"...," said a New Hampshire Republican' gave, sure, a person
    # called "New Hampshire Republican".
    text = (
        '"He has the most to gain by looking calm," said a New Hampshire Republican.\n\n'
        "An Iowa Democrat said the race was tight and turnout would decide it."
    )
    assert _at(text, "most to gain").speaker == "a New Hampshire Republican"
    assert _at(text, "race was tight", "indirect").speaker == "An Iowa Democrat"


def test_names_inside_a_participle_phrase_are_not_the_speaker() -> None:
    # Seen on BBC: "Lady Hale, sitting with Lords Bingham, Steyn, Hope and Carswell, said"
    # gave the claim to "Steyn", a lord in the list.
    text = (
        "The law lords ruled on the case on Tuesday.\n\n"
        "Lady Hale, sitting with Lords Bingham, Steyn, Hope and Carswell, said the appeal "
        "must fail because the law was clear."
    )
    q = _at(text, "the appeal must fail", kind="indirect")
    assert q.speaker == "Lady Hale"
