"""Names that look like a person's but are a company's or a show's: a run opened by a verb or a
possessive ("Ask ...", "My ...") names a brand, not someone, and a name between a broadcaster's
possessive and "show" or "programme" is the show's title. Real people whose first names are
common words stay people.

Every text here is written for the test, in the style of news.
"""

from __future__ import annotations

import pytest

from tui.model import Entity
from tui.nlp.entities import find_entities
from tui.nlp.rules import RulesExtractor

COMPANY = (
    "Ask Marlowe joins news reader market\n\n"
    "Ask Marlowe has bought the Feedhub website to improve the way it handles web journals.\n\n"
    "Ask Marlowe said it was not planning to change Feedhub but would use its archive to "
    "round out its own index. How much Ask Marlowe paid for Feedhub was not revealed. "
    "Dana Ocampo, head of search at Ask Marlowe in the US, said the deal would sit well with "
    "the firm's My Marlowe service. He said Ask Marlowe was far more interested in helping "
    "people find things than in helping them write."
)


def _mentions(text: str, name: str) -> list[Entity]:
    return [e for e in find_entities(text) if e.canonical == name or e.text == name]


def test_a_company_named_with_a_verb_first_is_an_organisation() -> None:
    found = _mentions(COMPANY, "Ask Marlowe")
    assert len(found) >= 5  # the sentence-opening mentions keep their first word
    assert {e.label for e in found} == {"ORG"}
    assert all(e.text == "Ask Marlowe" for e in found)


def test_a_service_named_with_a_possessive_first_is_no_person() -> None:
    labels = {e.text: e.label for e in find_entities(COMPANY)}
    assert labels.get("My Marlowe") != "PERSON"
    assert labels.get("Dana Ocampo") == "PERSON"


def test_the_company_speaks_its_reported_words() -> None:
    quotes = [q for q in RulesExtractor().annotate(COMPANY).quotes if q.kind == "indirect"]
    mine = [q for q in quotes if q.text.startswith("it was not planning")]
    assert [q.speaker for q in mine] == ["Ask Marlowe"]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("On Monday, Will Carling said the England side had lost its way.", "Will Carling"),
        ("Mark Ocampo has bought a stake in the club, his spokesman said.", "Mark Ocampo"),
        ("Bill Hardy said it was too early to judge the plan.", "Bill Hardy"),
    ],
)
def test_people_whose_first_names_are_common_words_stay_people(text: str, person: str) -> None:
    assert {e.text: e.label for e in find_entities(text)}.get(person) == "PERSON"


@pytest.mark.parametrize("noun", ["show", "programme"])
def test_a_name_before_show_after_a_broadcaster_is_a_title(noun: str) -> None:
    text = (
        "Prime Minister Tobias Lund spoke in Leeds. "
        f'Mr Lund told Channel Nine\'s Hardy Hour {noun}: "We should all move on."'
    )
    labels = {e.text: e.label for e in find_entities(text)}
    assert labels.get("Hardy Hour") != "PERSON"
    assert labels.get("Tobias Lund") == "PERSON"


def test_letters_after_a_name_are_no_part_of_it() -> None:
    """ "Frank Field MP" is Frank Field (it was "Frank": the letters broke the run apart), "Guy
    Mansfield QC" Guy Mansfield; "the Ealing North MP" opens with no given name and is left
    alone. Seen in BBC politics."""
    from tui.nlp.entities import find_entities

    text = (
        "Former welfare minister Frank Field MP said the plan would fail. Guy Mansfield QC has "
        "warned against it, and the Ealing North MP agreed."
    )
    people = [e.text for e in find_entities(text) if e.label == "PERSON"]
    assert "Frank Field" in people and "Guy Mansfield" in people
    assert not any(p.endswith((" MP", " QC")) or p == "Frank" for p in people)
    assert "Ealing North" not in people
