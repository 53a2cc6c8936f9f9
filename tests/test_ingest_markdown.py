"""Markdown articles: YAML and TOML front matter, and the body kept as readable text."""

from __future__ import annotations

from pathlib import Path

from tui.ingest import read_file
from tui.model import Article, ReadResult

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def read_md(tmp_path: Path, text: str, name: str = "a.md") -> ReadResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_file(path, tmp_path)


def only(result: ReadResult) -> Article:
    assert result.problems == []
    assert len(result.articles) == 1
    return result.articles[0]


def test_yaml_front_matter() -> None:
    a = only(read_file(FIXTURES / "frontmatter_yaml.md", FIXTURES))
    assert a.title == "River clean-up draws hundreds"
    assert a.date == "2023-06-04"
    assert a.author == "Maria Gonzalez"
    assert a.source == "Valley Times"
    assert a.tags == ["environment", "volunteers"]
    assert a.url == "https://valleytimes.example/river"
    # The H1 repeating the title is not duplicated; markup is gone, words stay.
    assert a.text.split("\n\n") == [
        "More than 300 volunteers joined the annual clean-up of the Silver River on Saturday.",
        "Volunteers pull a shopping trolley from the river",
        "Organisers said they collected two tonnes of rubbish, mostly plastic bottles and bags.",
        "Next year",
        "The council promised to fund skips for 2024.",
    ]
    assert [a.text[s.start : s.end] for s in a.captions] == [
        "Volunteers pull a shopping trolley from the river"
    ]


def test_toml_front_matter() -> None:
    a = only(read_file(FIXTURES / "frontmatter_toml.md", FIXTURES))
    assert a.title == "New tram line opens"
    assert a.date == "2022-09-01T07:30:00"  # wall time of the +02:00 original
    assert a.author == "Lee Chan, Priya Nair"
    assert a.source == "Metro Daily"
    assert a.tags == ["transport"]
    assert a.text.startswith("The first trams ran")


def test_markdown_suffix_and_heading_as_title(tmp_path: Path) -> None:
    a = only(
        read_md(tmp_path, "# Floods hit valley\n\nRiver levels rose overnight.\n", "b.markdown")
    )
    assert a.title == "Floods hit valley"
    assert a.text == "River levels rose overnight."


def test_setext_heading_as_title(tmp_path: Path) -> None:
    a = only(read_md(tmp_path, "Floods hit valley\n=================\n\nRiver levels rose.\n"))
    assert (a.title, a.text) == ("Floods hit valley", "River levels rose.")


def test_no_heading_no_front_matter_title_derived(tmp_path: Path) -> None:
    a = only(read_md(tmp_path, "River levels rose overnight.\n\nRoads closed.\n"))
    assert a.title == "River levels rose overnight."
    assert a.text == "River levels rose overnight.\n\nRoads closed."


def test_front_matter_aliases(tmp_path: Path) -> None:
    text = (
        "---\nheadline: Roads closed\npublished: 2021-01-05 08:00\nbyline: [JANE DOE]\n"
        "site: Valley Times\ncategory: Weather\nkeywords: snow, roads\n---\nSnow fell.\n"
    )
    a = only(read_md(tmp_path, text))
    assert (a.title, a.date, a.author, a.source, a.section, a.tags) == (
        "Roads closed", "2021-01-05T08:00", "Jane Doe", "Valley Times", "Weather",
        ["snow", "roads"],
    )  # fmt: skip


def test_broken_yaml_front_matter_reported_and_body_still_read(tmp_path: Path) -> None:
    result = read_md(tmp_path, "---\ntitle: [unclosed\ndate: : :\n---\nThe body survives.\n")
    assert [p.reason.split(":")[0] for p in result.problems] == ["bad YAML front matter"]
    assert [a.text for a in result.articles] == ["The body survives."]


def test_broken_toml_front_matter_reported(tmp_path: Path) -> None:
    result = read_md(tmp_path, "+++\ntitle = \n+++\nBody.\n")
    assert result.problems[0].reason.startswith("bad TOML front matter")
    assert result.articles[0].text == "Body."


def test_rules_around_prose_are_not_front_matter(tmp_path: Path) -> None:
    a = only(read_md(tmp_path, "---\n\nJust a paragraph between rules.\n\n---\n\nMore text.\n"))
    assert a.text == "Just a paragraph between rules.\n\nMore text."


def test_paragraph_over_dashes_is_a_setext_heading(tmp_path: Path) -> None:
    a = only(read_md(tmp_path, "---\nA heading\n---\n\nMore text.\n"))
    assert (a.title, a.text) == ("A heading", "More text.")


def test_unclosed_front_matter_is_text(tmp_path: Path) -> None:
    a = only(read_md(tmp_path, "---\ntitle: x\n\nNo closing line.\n"))
    assert "No closing line." in a.text


def test_inline_markup_links_code_html(tmp_path: Path) -> None:
    text = (
        '# T\n\nSee [the report](https://x.example/r "Report") and ![chart](c.png) '
        "<https://y.example>, **bold** __strong__ *em* _em2_ ~~gone~~ `code` <b>tag</b> "
        "snake_case_name 2*3*4 \\*escaped\\*.\n\n[ref]: https://z.example\n\n---\n\n"
        "> quoted line\n> continues\n\n```\ncode  block\n  kept\n```\n"
    )
    a = only(read_md(tmp_path, text))
    assert a.text.split("\n\n") == [
        "See the report and https://y.example, bold strong em em2 gone code tag "
        "snake_case_name 2*3*4 *escaped*.",
        "quoted line continues",
        "code  block\n  kept",
    ]


def test_only_front_matter_is_no_text(tmp_path: Path) -> None:
    result = read_md(tmp_path, "---\ntitle: Empty\n---\n")
    assert result.articles == []
    assert [p.reason for p in result.problems] == ["no text"]


def test_heading_shortening_the_front_matter_title_is_not_body_text(tmp_path: Path) -> None:
    text = (
        '---\ntitle: "Pier 9, a year after the storm: inside the rebuilding"\n---\n\n'
        "# Pier 9, a year after the storm\n\nThe crane fell at night.\n"
    )
    a = only(read_md(tmp_path, text))
    assert a.title == "Pier 9, a year after the storm: inside the rebuilding"
    assert a.text == "The crane fell at night."


def test_short_heading_over_a_longer_title_stays(tmp_path: Path) -> None:
    text = '---\ntitle: "News of the week in the harbour"\n---\n\n# News\n\nShips came in.\n'
    a = only(read_md(tmp_path, text))
    assert a.text.startswith("News")
