"""All-numeric dates ("05/03/2024"): read in the day/month order the site's pages show, and
left unknown, never guessed, when nothing shows it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.ingest import parse_date, read_file
from tui.ingest.site_dates import forget

BODY = "The harbour ferry will run every 20 minutes from Monday, the operator said.\n"


@pytest.fixture(autouse=True)
def fresh() -> None:
    forget()  # what one test's folder taught must not leak into another's


def page(folder: Path, name: str, date_line: str, site: str = "Harbour Daily") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        f"{site}\nNEWS / LOCAL\nFerry timetable changes from Monday\n{date_line}\n{BODY}",
        encoding="utf-8",
    )
    return path


def date_of(path: Path) -> str | None:
    [a] = read_file(path, path.parent).articles
    assert a.title == "Ferry timetable changes from Monday"
    assert a.text == BODY.strip()  # the date line is never text, read or not
    return a.date


def test_ambiguous_date_alone_is_unknown() -> None:
    assert parse_date("05/03/2024") is None
    assert parse_date("Published: 05/03/2024 14:05") is None


def test_dates_that_say_their_order_are_read() -> None:
    assert parse_date("13/03/2023") == "2023-03-13"
    assert parse_date("11/13/2023") == "2023-11-13"
    assert parse_date("05/05/2024") == "2024-05-05"  # same day either way
    assert parse_date("12.03.2023") == "2023-03-12"  # dotted: day first


def test_day_first_learned_from_another_page_of_the_site(tmp_path: Path) -> None:
    page(tmp_path, "a.txt", "Published: 13/11/2023")
    b = page(tmp_path, "b.txt", "Published: 05/03/2024 14:05")
    c = page(tmp_path, "c.txt", "By MEI CHAN|05/03/2024")
    assert date_of(b) == "2024-03-05T14:05"
    assert date_of(c) == "2024-03-05"


def test_month_first_learned_from_another_page_of_the_site(tmp_path: Path) -> None:
    page(tmp_path, "a.txt", "11/13/2023")
    b = page(tmp_path, "b.txt", "05/03/2024")
    assert date_of(b) == "2024-05-03"


def test_no_evidence_leaves_the_date_unknown(tmp_path: Path) -> None:
    a = page(tmp_path, "a.txt", "05/03/2024")
    page(tmp_path, "b.txt", "Published: 4 March 2024")
    assert date_of(a) is None


def test_sites_that_disagree_settle_nothing(tmp_path: Path) -> None:
    page(tmp_path, "a.txt", "Published: 13/11/2023")
    page(tmp_path, "b.txt", "Published: 11/14/2023", site="Kestrel Bay Gazette")
    c = page(tmp_path, "c.txt", "Published: 05/03/2024")
    assert date_of(c) is None


def test_numbers_in_the_body_are_no_evidence(tmp_path: Path) -> None:
    line = "of the story, which is long enough to be a paragraph."
    body = "\n".join(f"Line {i} {line}" for i in range(25))
    (tmp_path / "a.txt").write_text(
        f"Harbour Daily\nNEWS / LOCAL\nHelpline now open 24/7\nPublished: 4 March 2024\n{body}\n"
        "The line, open since 14/2/2019, takes 300 calls a day.\n",
        encoding="utf-8",
    )
    b = page(tmp_path, "b.txt", "Published: 05/03/2024")
    assert date_of(b) is None


def test_folders_learn_separately(tmp_path: Path) -> None:
    page(tmp_path / "uk", "a.txt", "13/11/2023")
    page(tmp_path / "us", "a.txt", "11/13/2023")
    assert date_of(page(tmp_path / "uk", "b.txt", "05/03/2024")) == "2024-03-05"
    assert date_of(page(tmp_path / "us", "b.txt", "05/03/2024")) == "2024-05-03"


def test_a_page_added_later_is_learned_from(tmp_path: Path) -> None:
    """A long-running app reads the folder again after a page arrives: what it learned before
    the page came is not kept for ever."""
    b = page(tmp_path, "b.txt", "Published: 05/03/2024")
    assert date_of(b) is None
    before = tmp_path.stat().st_mtime_ns
    page(tmp_path, "a.txt", "Published: 13/11/2023")
    os.utime(tmp_path, ns=(before + 10**9, before + 10**9))  # however coarse the clock
    assert date_of(b) == "2024-03-05"
