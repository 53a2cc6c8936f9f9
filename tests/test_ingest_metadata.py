"""Metadata normalisers: dates to the contract's ISO form, bylines to natural-case names."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.ingest import parse_date, person_name, read_file
from tui.ingest.article import as_authors, as_tags, derive_title
from tui.ingest.names import outlet_name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-03-12", "2023-03-12"),
        ("2023-03-12T14:05", "2023-03-12T14:05"),
        ("2023-03-12T14:05:09", "2023-03-12T14:05:09"),
        ("2023-03-12 14:05:09.123+08:00", "2023-03-12T14:05:09"),  # wall time kept, tz dropped
        ("2023-03-12T23:30:00Z", "2023-03-12T23:30:00"),
        ("12 March 2023", "2023-03-12"),
        ("12 March 2023, 14:05", "2023-03-12T14:05"),
        ("Monday, 12 March 2023 14:05 BST", "2023-03-12T14:05"),
        ("March 12, 2023 at 2pm", "2023-03-12T14:00"),
        ("Sept 9, 2016", "2016-09-09"),
        ("Published: 4 May 2022", "2022-05-04"),
        ("Updated on 2022-05-04 10:00", "2022-05-04T10:00"),
        ("12 March 2023 | 14:05", "2023-03-12T14:05"),
        ("13/03/2023", "2023-03-13"),
        ("1678629900", "2023-03-12T14:05:00"),  # epoch seconds, as UTC
    ],
)
def test_parse_date(raw: str, expected: str) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["", "   ", "yesterday", "3 hours ago", "March 2023", "2023", "12 March", "garbage 99",
     "x" * 500, "31 February 2023", "0000-00-00", "9999-12-31", "Section 5"],
)  # fmt: skip
def test_parse_date_rejects_incomplete_or_garbage(raw: str) -> None:
    assert parse_date(raw) is None


def test_parse_date_objects_and_numbers() -> None:
    aware = datetime(2022, 9, 1, 7, 30, tzinfo=timezone(timedelta(hours=2)))
    assert parse_date(aware) == "2022-09-01T07:30:00"
    assert parse_date(date(2022, 9, 1)) == "2022-09-01"
    assert parse_date(1678629900000) == "2023-03-12T14:05:00"  # milliseconds
    assert parse_date(2023) is None  # a bare year is not a timestamp
    assert parse_date(True) is None
    assert parse_date(None) is None
    assert parse_date({"date": "2020-01-01"}) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("JANE DOE", "Jane Doe"),
        ("By JANE DOE", "Jane Doe"),
        ("by jane doe", "Jane Doe"),
        ("Written by: SAM CARTER", "Sam Carter"),
        ("MICHELE MCPHEE", "Michele McPhee"),
        ("CONOR O'BRIEN", "Conor O'Brien"),
        ("JEAN-LUC PICARD", "Jean-Luc Picard"),
        ("LUDWIG VAN BEETHOVEN", "Ludwig van Beethoven"),
        ("JOHN SMITH III", "John Smith III"),
        ("J.J. GALLAGHER", "J.J. Gallagher"),
        ("DR. JANE DOE", "Dr. Jane Doe"),
        ("CNN WIRE", "CNN Wire"),
        ("Jane McDonald", "Jane McDonald"),  # mixed case: trusted as typed
        ("danah Boyd", "danah Boyd"),
        ("Tom Llamas JOHN SANTUCCI Candace Smith", "Tom Llamas John Santucci Candace Smith"),
        ("Matthew Dowd LZ GRANDERSON", "Matthew Dowd LZ Granderson"),
        ("kyle potter and amy forliti, associated press",
         "Kyle Potter and Amy Forliti, Associated Press"),
        ("  Jane\n  Doe ", "Jane Doe"),
    ],
)  # fmt: skip
def test_person_name(raw: str, expected: str) -> None:
    assert person_name(raw) == expected


def test_person_name_empty() -> None:
    assert person_name(None) is None
    assert person_name("") is None
    assert person_name(" -- ") is None


def test_authors_from_lists_and_dicts() -> None:
    assert as_authors(["LEE CHAN", {"name": "Priya Nair"}, "LEE CHAN", 7]) == "Lee Chan, Priya Nair"
    assert as_authors({"name": "JANE DOE"}) == "Jane Doe"
    assert as_authors([]) is None


def test_tags_from_string_and_list() -> None:
    assert as_tags("politics, economy ,politics,,") == ["politics", "economy"]
    assert as_tags(["a", "b", "a", None, 3]) == ["a", "b", "3"]
    assert as_tags({"a": 1}) == []


def test_derive_title() -> None:
    assert derive_title("Short first line\n\nBody.") == "Short first line"
    long = "Eric Trump makes up one-half of the brains trust, the report said. " * 5
    assert (
        derive_title(long) == "Eric Trump makes up one-half of the brains trust, the report said."
    )
    words = "word " * 100
    title = derive_title(words)
    assert title.endswith("…")
    assert len(title) <= 121


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("KESTREL BAY GAZETTE", "Kestrel Bay Gazette"),  # a scraped masthead
        ("THE NEW YORK TIMES", "The New York Times"),
        ("BBC NEWS", "BBC News"),  # acronyms stay
        ("CNN", "CNN"),
        ("Harbour Post", "Harbour Post"),  # typed by a person: as it is
        ("eNCA", "eNCA"),
    ],
)
def test_outlet_names_in_capitals_are_put_in_natural_case(raw: str, expected: str) -> None:
    assert outlet_name(raw) == expected


def test_a_masthead_in_capitals_is_the_same_source_as_its_pages(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: One\nsource: Kestrel Bay Gazette\n---\n\nText one.\n", encoding="utf-8"
    )
    (tmp_path / "b.md").write_text(
        "---\ntitle: Two\nsource: KESTREL BAY GAZETTE\n---\n\nText two.\n", encoding="utf-8"
    )
    sources = {read_file(tmp_path / n, tmp_path).articles[0].source for n in ("a.md", "b.md")}
    assert sources == {"Kestrel Bay Gazette"}
