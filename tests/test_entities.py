"""The rules engine's entities on real sentences of the kinds news prints.

Each test names the cue it relies on (a currency sign, a title, an acronym defined in brackets,
a surname used after the full name, a photo credit, an all-caps headline) so that a failure says
which reading broke.
"""

from __future__ import annotations

import pytest

from tui.model import Entity, Span
from tui.nlp.entities import find_entities


def ents(text: str, captions: tuple[Span, ...] = ()) -> list[Entity]:
    found = find_entities(text, captions=captions)
    check_invariants(text, found)
    return found


def check_invariants(text: str, found: list[Entity]) -> None:
    """Offsets point at the text, entities are sorted and never overlap."""
    last_end = -1
    for e in found:
        assert text[e.start : e.end] == e.text, e
        assert e.start >= last_end, (e, found)
        assert e.end > e.start
        assert e.canonical
        last_end = e.end


def labelled(text: str, label: str) -> list[str]:
    return [e.text for e in ents(text) if e.label == label]


def find(found: list[Entity], text: str) -> Entity:
    matches = [e for e in found if e.text == text]
    assert matches, (text, [(e.text, e.label) for e in found])
    return matches[0]


# Money, percentages and dates -------------------------------------------------------------


@pytest.mark.parametrize(
    "amount",
    [
        "$4.2bn",
        "£350m",
        "NZ$12 million",
        "€1.5 billion",
        "500 euros",
        "US$3",
        "$1,250,000",
        "¥300 billion",
        "2 million marks",
        "HK$5.6 million",
        "50p",
        "five million dollars",
        "USD 40m",
    ],
)
def test_money_forms(amount: str) -> None:
    text = f"The council said the plan would cost {amount} over three years."
    assert labelled(text, "MONEY") == [amount]


@pytest.mark.parametrize(
    "share", ["3.5%", "12 per cent", "12 percent", "0.25 percentage points", "five per cent"]
)
def test_percent_forms(share: str) -> None:
    text = f"Exports fell {share} in the year, the statistics office said."
    assert labelled(text, "PERCENT") == [share]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("The deal was signed on March 4, 2025, in Oslo.", "March 4, 2025"),
        ("The deal was signed on 4 March in Oslo.", "4 March"),
        ("Sales peaked in 2024 before falling.", "2024"),
        ("He resigned last Tuesday after the vote.", "last Tuesday"),
        ("Prices have fallen since mid-2023, traders said.", "mid-2023"),
        ("BRUSSELS 1996-08-30", "1996-08-30"),
        ("Unemployment was higher in the 1990s than now.", "the 1990s"),
        ("The plant will close by the end of 2019, it said.", "the end of 2019"),
        ("Profit rose in the third quarter of 2024.", "the third quarter of 2024"),
        ("The vote is on Tuesday, March 4, 2025.", "Tuesday, March 4, 2025"),
        ("The bank cut rates two years ago.", "two years ago"),
    ],
)
def test_date_forms(sentence: str, date: str) -> None:
    assert date in labelled(sentence, "DATE")


def test_numbers_that_are_not_dates_or_money() -> None:
    text = "About 2000 people marched, and May could not stop them."
    found = ents(text)
    assert [e.text for e in found if e.label in ("DATE", "MONEY", "PERCENT")] == []


def test_may_is_a_month_only_where_a_month_fits() -> None:
    assert labelled("The law takes effect in May.", "DATE") == ["May"]
    assert "May" not in labelled("Theresa May said she would stay.", "DATE")


# Names from context cues -----------------------------------------------------------------


def test_titles_mark_people_and_are_left_out_of_the_name() -> None:
    found = ents("President Bill Clinton met Foreign Minister Yevgeny Primakov in Moscow.")
    assert find(found, "Bill Clinton").label == "PERSON"
    assert find(found, "Yevgeny Primakov").label == "PERSON"
    assert find(found, "Moscow").label == "PLACE"
    assert not any("President" in e.text or "Minister" in e.text for e in found)


def test_role_words_before_a_name() -> None:
    found = ents("The goal came from striker Alan Shearer, and coach Fabio Capello was pleased.")
    assert find(found, "Alan Shearer").label == "PERSON"
    assert find(found, "Fabio Capello").label == "PERSON"


def test_a_name_inside_a_longer_title_run_is_split_out() -> None:
    found = ents("EU Farm Commissioner Franz Fischler proposed the ban on Friday.")
    assert find(found, "EU").label == "ORG"
    assert find(found, "Franz Fischler").label == "PERSON"


def test_organisation_suffixes_and_heads() -> None:
    text = (
        "Shares in Acme Widgets Ltd rose after the Bank of England and the Ministry of Trade "
        "and Industry backed Meridian Freight Group, while the Harbour Workers' Union objected."
    )
    found = ents(text)
    for name in (
        "Acme Widgets Ltd",
        "Bank of England",
        "Ministry of Trade and Industry",
        "Meridian Freight Group",
        "Harbour Workers' Union",
    ):
        assert find(found, name).label == "ORG", name


def test_places_from_gazetteer_and_prepositions() -> None:
    text = "Officials from New Zealand flew to Wellington and then to the United States."
    found = ents(text)
    for name in ("New Zealand", "Wellington", "United States"):
        assert find(found, name).label == "PLACE", name


def test_an_unknown_town_after_in_is_a_place() -> None:
    found = ents("Fighting broke out in Tavildara, a small town in the east, officials said.")
    assert find(found, "Tavildara").label == "PLACE"


def test_and_between_two_places_makes_two_entities() -> None:
    found = ents("Britain and France signed the treaty.")
    assert [(e.text, e.label) for e in found] == [("Britain", "PLACE"), ("France", "PLACE")]


def test_descriptor_before_a_company_name() -> None:
    found = ents("Italian tyre and cables giant Pirelli on Friday announced a new venture.")
    assert find(found, "Pirelli").label == "ORG"


def test_events() -> None:
    text = "After World War II the Olympic Games returned, and Storm Iona hit the coast."
    found = ents(text)
    for name in ("World War II", "Olympic Games", "Storm Iona"):
        assert find(found, name).label == "EVENT", name


# Sentence openers, demonyms, hyphens and possessives -------------------------------------


def test_sentence_initial_common_words_are_not_names() -> None:
    text = (
        "Police said the road was closed. But the council disagreed. Monday's meeting was "
        "cancelled. The European Commission said it would look again. Leading scorers were "
        "named."
    )
    found = ents(text)
    names = [e.text for e in found if e.label in ("PERSON", "ORG", "PLACE", "EVENT")]
    assert names == ["European Commission"]


def test_demonyms_are_not_entities_but_names_built_on_them_are() -> None:
    text = "Indian officials and British diplomats flew British Airways to the Indian Ocean."
    found = ents(text)
    assert "Indian" not in [e.text for e in found]
    assert "British" not in [e.text for e in found]
    assert find(found, "British Airways").label == "ORG"
    assert find(found, "Indian Ocean").label == "PLACE"


def test_hyphenated_and_possessive_names() -> None:
    text = (
        "Talks on Nagorno-Karabakh resumed. Jacky Chung's team met Ata-ur-Rehman, who said "
        "little. "
        "A Tokyo-based firm bought a stake in computer maker Hewlett-Packard."
    )
    found = ents(text)
    assert find(found, "Nagorno-Karabakh").label == "PLACE"
    assert find(found, "Jacky Chung").label == "PERSON"  # without the "'s"
    assert find(found, "Ata-ur-Rehman").text == "Ata-ur-Rehman"
    assert find(found, "Tokyo").label == "PLACE"
    assert find(found, "Hewlett-Packard").label == "ORG"


# Document-level steps ----------------------------------------------------------------------


def test_surname_and_title_link_to_the_full_name() -> None:
    text = (
        "“The money is welcome,” said Jacky Chung, chief economist at the council. "
        "Chung said exporters had waited months. Mr Chung, 58, later told reporters more."
    )
    found = ents(text)
    people = [e for e in found if e.label == "PERSON"]
    assert [e.text for e in people] == ["Jacky Chung", "Chung", "Chung"]
    assert {e.canonical for e in people} == {"Jacky Chung"}


def test_acronym_defined_in_brackets_takes_the_expansion() -> None:
    text = (
        "The Harbour Trade Council (HTC) published its figures. According to the HTC, exports fell."
    )
    found = ents(text)
    htc = [e for e in found if e.text == "HTC"]
    assert len(htc) == 2
    assert all(e.label == "ORG" and e.canonical == "Harbour Trade Council" for e in htc)


def test_acronym_defined_before_its_expansion() -> None:
    text = "The DHWU (Dock and Harbour Workers' Union) called a strike. The DHWU said it would."
    found = ents(text)
    assert all(e.canonical == "Dock and Harbour Workers' Union" for e in found if e.text == "DHWU")


def test_undefined_acronym_matching_initials_links_to_the_organisation() -> None:
    text = "The Trade Council met on Friday. A TC spokesman later said the talks had failed."
    found = ents(text)
    tc = find(found, "TC")
    assert (tc.label, tc.canonical) == ("ORG", "Trade Council")


def test_one_label_per_string_unless_context_differs() -> None:
    text = (
        "Michael Jordan scored 40 points. Jordan said the team played well. Later Jordan "
        "thanked the fans. The team flew to Amman in Jordan on Monday."
    )
    found = ents(text)
    jordans = [e for e in found if e.text == "Jordan"]
    assert [e.label for e in jordans] == ["PERSON", "PERSON", "PLACE"]
    assert jordans[0].canonical == "Michael Jordan"


def test_photo_credit_is_a_person_but_never_a_canonical_for_others() -> None:
    text = (
        "Workers on the quay at dawn. Photo: MARA OSEI/HARBOUR POST\n\n"
        "Kwame Osei, the harbour master, said the berth would reopen. Osei said repairs "
        "had cost $2m."
    )
    caption = Span(start=0, end=text.index("\n"))
    found = ents(text, captions=(caption,))
    credit = find(found, "MARA OSEI")
    assert credit.label == "PERSON"
    assert find(found, "HARBOUR POST").label == "ORG"
    later = [e for e in found if e.text == "Osei"]
    assert later and all(e.canonical == "Kwame Osei" for e in later)


def test_credit_alone_does_not_name_a_body_mention() -> None:
    text = "Photo: MARA OSEI/HARBOUR POST\n\nOsei, a local resident, said the quay was flooded."
    found = ents(text)
    assert all(e.canonical != "Mara Osei" for e in found if e.text == "Osei")


def test_slash_credit_forms() -> None:
    text = "The new terminal. (Photo/Harbour Post)\n\nA chart of exports. (Graphics/LIN WEI)"
    found = ents(text)
    assert find(found, "Harbour Post").label == "ORG"
    assert find(found, "LIN WEI").label == "PERSON"


def test_all_caps_headline_and_dateline() -> None:
    text = (
        "SOCCER - ROMANIA BEAT LITHUANIA IN UNDER-21 MATCH .\n"
        "BUCHAREST 1996-08-30\n"
        "Romania beat Lithuania 2-1 in their European under-21 soccer match on Friday .\n"
    )
    found = ents(text)
    head = [(e.text, e.label) for e in found if e.end <= text.index("\n")]
    assert head == [("ROMANIA", "PLACE"), ("LITHUANIA", "PLACE")]
    assert find(found, "BUCHAREST").label == "PLACE"
    assert find(found, "Romania").label == "PLACE"


def test_all_caps_headline_takes_labels_from_the_body() -> None:
    text = (
        "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .\n"
        "LONDON 1996-08-30\n"
        "Leicestershire beat Somerset by an innings and 39 runs to take over at the top .\n"
    )
    found = ents(text)
    assert find(found, "LEICESTERSHIRE").label == "ORG"
    assert find(found, "Leicestershire").label == "ORG"
    assert find(found, "LONDON").label == "PLACE"
    words = {e.text for e in found}
    assert not words & {"CRICKET", "TAKE", "OVER", "TOP", "INNINGS", "VICTORY"}


def test_all_caps_line_without_support_yields_no_names() -> None:
    text = "BREAKING NEWS: MARKETS RALLY AS RATES HOLD\nShares rose on Friday."
    found = ents(text)
    assert [e for e in found if e.label in ("PERSON", "ORG", "PLACE")] == []


def test_empty_and_blank_texts() -> None:
    assert find_entities("") == []
    assert find_entities("   \n\n  ") == []
    assert find_entities("no capitals here at all.") == []


def test_all_caps_line_names_a_person_named_in_the_body() -> None:
    text = "OKAFOR UNVEILS EXPORT PLAN\nRosalind Okafor, the trade minister, spoke on Tuesday."
    found = ents(text)
    okafor = find(found, "OKAFOR")
    assert (okafor.label, okafor.canonical) == ("PERSON", "Rosalind Okafor")
    assert not {e.text for e in found} & {"UNVEILS", "EXPORT", "PLAN"}


def test_windows_line_ends_and_non_breaking_spaces() -> None:
    text = (
        "Visitors at the quay.\r\nPhoto: MARA OSEI/HARBOUR POST\r\n\r\n"
        "The Harbour Trade Council\u00a0(HTC) said Jacky\u00a0Chung’s plan was approved in "
        "Port\u00a0Ellis."
    )
    found = ents(text)
    assert find(found, "HARBOUR POST").label == "ORG"
    assert find(found, "HTC").canonical == "Harbour Trade Council"
    assert find(found, "Jacky\u00a0Chung").canonical == "Jacky Chung"
    assert find(found, "Port\u00a0Ellis").canonical == "Port Ellis"
