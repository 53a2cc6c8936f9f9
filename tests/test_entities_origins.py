"""People whose names no gazetteer holds, found by the words around them (issue 12).

A name's origin must not decide whether it is seen: an unknown first and last name before a
verb, in an apposition with a role, before a speech verb, after a title or after a nationality
is a person's. Every sentence here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest

from tui.nlp.entities import find_entities


def people(text: str) -> list[str]:
    return [e.text for e in find_entities(text) if e.label == "PERSON"]


def labels(text: str) -> dict[str, str]:
    return {e.text: e.label for e in find_entities(text)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Huma Abedin used a laptop at home, investigators found.", "Huma Abedin"),
        ("Sajid Javid approved it on Tuesday.", "Sajid Javid"),
        ("Tolani Bakare has resigned from the board.", "Tolani Bakare"),
        ("Later that week Farzana Qadri visited the flooded villages.", "Farzana Qadri"),
        ("Ngozi Eze wrote to the council in March.", "Ngozi Eze"),
    ],
)
def test_an_unknown_first_and_last_name_before_a_verb_is_a_person(text: str, name: str) -> None:
    assert people(text) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zhang Wei, sales director of Sinotrans, said that costs would rise.", "Zhang Wei"),
        ("Chen Longde was beaten by guards, his lawyer said.", "Chen Longde"),
        ("The rules were drafted by Liu Yuqing and approved in May.", "Liu Yuqing"),
        ("Waqar Younis took four wickets before lunch.", "Waqar Younis"),
        ("Chaminda Vaas, the fast bowler, was rested.", "Chaminda Vaas"),
        ("The company was founded by Oluwaseun Adeyemi in 2009.", "Oluwaseun Adeyemi"),
        ("Muammar Gaddafi came to power in 1969.", "Muammar Gaddafi"),
        ("Thabo Mbeki declined to comment on the report.", "Thabo Mbeki"),
        ("Yekaterina Volkova finished second in the final.", "Yekaterina Volkova"),
    ],
)
def test_names_of_many_origins_written_in_english(text: str, name: str) -> None:
    assert name in people(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Abdelkader Tounsi, a spokesman for the ministry, denied the claim.", "Abdelkader Tounsi"),
        ("The plan was backed by Kwabena Ofori-Atta, the finance minister.", "Kwabena Ofori-Atta"),
        ("Marhaba Tursun, 34, was detained at the border.", "Marhaba Tursun"),
    ],
)
def test_a_name_in_an_apposition_with_a_role_is_a_person(text: str, name: str) -> None:
    assert people(text) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dr Olumide Bankole led the inquiry.", "Olumide Bankole"),
        ("Senator Mazie Hirono voted against the bill.", "Mazie Hirono"),
        ('"We are ready," said Tsakhia Elbegdorj.', "Tsakhia Elbegdorj"),
        ("Nerweyi said he did not know the size of the force.", "Nerweyi"),
    ],
)
def test_a_name_after_a_title_or_before_a_speech_verb_is_a_person(text: str, name: str) -> None:
    assert people(text) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("American Kevin King won the 400 metres.", "Kevin King"),
        ("The title went to Kenyan Tegla Loroupe by two seconds.", "Tegla Loroupe"),
        ("Pakistani Saqlain Mushtaq took five wickets.", "Saqlain Mushtaq"),
        ("He lost to fellow American James Heath in the seventh round.", "James Heath"),
        # Seen on BBC: two-word nationalities stayed in the name ("New Zealander Graham
        # Henry" x38), and "Sri", taken for one, was cut from "Sri Mulyani Indrawati".
        ("New Zealander Graham Henry named his squad on Monday.", "Graham Henry"),
        ("The final went to South Korean Hyung-Taik Lee in three sets.", "Hyung-Taik Lee"),
        ("Sri Lankan Muttiah Muralitharan took six wickets.", "Muttiah Muralitharan"),
        ("The minister, Sri Mulyani Indrawati, said prices would rise.", "Sri Mulyani Indrawati"),
    ],
)
def test_a_name_after_a_nationality_is_the_whole_name(text: str, name: str) -> None:
    assert people(text) == [name]


def test_a_nationality_before_a_company_does_not_make_a_person() -> None:
    found = labels("British Airways cut 300 jobs and American Express raised its fees.")
    assert found.get("British Airways") == "ORG"
    assert "Airways" not in found
    assert "Express" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Floods hit Northeast China, and Northeast China's farms were ruined.",
        "Officials in Washington D.C. sent aid; Washington D.C. said it would pay.",
        "Southwest China said the roads were closed.",
    ],
)
def test_regions_are_never_people(text: str) -> None:
    assert people(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Referee Jonathan Kaplan sent him off after ten minutes.", "Jonathan Kaplan"),
        ("Controversial DJ Howard Stern is moving to satellite radio.", "Howard Stern"),
    ],
)
def test_a_role_before_a_name_is_not_part_of_it(text: str, name: str) -> None:
    # Seen on BBC: "Referee Jonathan Kaplan" and "Controversial DJ Howard Stern" were whole
    # names in the reader's list of people.
    assert people(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The Hunting Act came into force in February.",
        "MPs passed the Finance Bill on Tuesday night.",
        "Finding Neverland won three prizes.",
    ],
)
def test_laws_and_titles_opening_with_a_verb_are_not_people(text: str) -> None:
    # Seen on BBC: "Hunting Act", "Finance Bill", "Finding Neverland" (x15) were people.
    assert people(text) == []


def test_a_given_name_in_ing_still_opens_a_persons_name() -> None:
    assert people("Irving Berlin wrote the song.") == ["Irving Berlin"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Secretary of State John Kerry flew to Geneva.", "John Kerry"),
        ("The Secretary of Energy Spencer Abraham opened the plant.", "Spencer Abraham"),
    ],
)
def test_the_end_of_an_office_before_of_is_not_part_of_the_name(text: str, name: str) -> None:
    # Seen on BBC and AP copy: "State John Bolton", "Energy Spencer Abraham" as names.
    assert name in people(text)
    assert not any(p.endswith(name) and p != name for p in people(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Singer Jennifer Lopez arrived late.", "Jennifer Lopez"),
        ("Welshman Jimmy Watkins won the title.", "Jimmy Watkins"),
        ("Cinematographer John Mathieson was nominated.", "John Mathieson"),
        ("Americans Andy Roddick and Mardy Fish lost.", "Andy Roddick"),
    ],
)
def test_what_someone_is_before_their_given_name_is_not_their_name(text: str, name: str) -> None:
    # Seen on BBC: "Singers Jennifer Lopez", "Welshman Jimmy Watkins" in the list of people.
    assert name in people(text)
    assert not any(p.endswith(name) and p != name for p in people(text))


def test_names_the_gazetteers_do_not_hold_and_bodies_keep_their_first_words() -> None:
    assert "Ruud van Nistelrooy" in people("Ruud van Nistelrooy scored twice.")
    assert labels("The National Council for Adoption said no.") == {
        "National Council for Adoption": "ORG"
    }
    found = labels(
        "EADS Philippe Camus said orders rose. ECB President Jean-Claude Trichet agreed."
    )
    assert found.get("Philippe Camus") == "PERSON"
    assert found.get("Jean-Claude Trichet") == "PERSON"
    assert found.get("ECB") == "ORG"


def test_a_month_that_is_a_given_name_before_a_surname_is_a_person() -> None:
    # Seen on BBC: "Amnesty International's Jan Shaw said" gave only "Shaw" (a place there):
    # "Jan" was read as a month opening the run.
    found = labels("Amnesty International's Jan Shaw said the ruling was a victory on Jan 5.")
    assert found.get("Jan Shaw") == "PERSON"
    assert found.get("Jan 5") == "DATE"
