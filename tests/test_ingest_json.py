"""JSON and JSONL articles: field aliases, multi-record ids, broken records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.ingest import read_file
from tui.model import ReadResult


def write(tmp_path: Path, name: str, content: str) -> ReadResult:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return read_file(path, tmp_path)


def test_single_object(tmp_path: Path) -> None:
    record = {
        "title": "Budget passes",
        "text": "Parliament passed the budget.\n\nThe vote was 201 to 150.",
        "date": "2024-02-01T18:00:00Z",
        "author": "JANE DOE",
        "source": "Capital Wire",
        "url": "https://capital.example/budget",
        "section": "Politics",
        "tags": ["budget", "parliament"],
    }
    result = write(tmp_path, "one.json", json.dumps(record))
    assert result.problems == []
    [a] = result.articles
    assert a.id == "one.json"
    assert a.path == "one.json"
    assert (a.title, a.date, a.author, a.source, a.url, a.section, a.tags) == (
        "Budget passes", "2024-02-01T18:00:00", "Jane Doe", "Capital Wire",
        "https://capital.example/budget", "Politics", ["budget", "parliament"],
    )  # fmt: skip
    assert a.text == "Parliament passed the budget.\n\nThe vote was 201 to 150."


def test_list_ids_are_one_based_positions(tmp_path: Path) -> None:
    records = [{"title": "A", "text": "First."}, {"title": "B", "text": "Second."}]
    result = write(tmp_path, "many.json", json.dumps(records))
    assert [a.id for a in result.articles] == ["many.json#1", "many.json#2"]
    assert {a.path for a in result.articles} == {"many.json"}


def test_wrapped_list(tmp_path: Path) -> None:
    data = {"status": "ok", "articles": [{"title": "A", "content": "Text."}]}
    result = write(tmp_path, "feed.json", json.dumps(data))
    assert [(a.id, a.text) for a in result.articles] == [("feed.json#1", "Text.")]


@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        ({"body": "B."}, "text", "B."),
        ({"content": "C."}, "text", "C."),
        ({"text": ["Para one.", "Para two."]}, "text", "Para one.\n\nPara two."),
        ({"text": "x.", "published": "2020-01-02"}, "date", "2020-01-02"),
        ({"text": "x.", "publishedAt": "2020-01-02T03:04:05Z"}, "date", "2020-01-02T03:04:05"),
        ({"text": "x.", "byline": "By SAM CARTER"}, "author", "Sam Carter"),
        ({"text": "x.", "author": ["ANN LEE", "Bo Park"]}, "author", "Ann Lee, Bo Park"),
        ({"text": "x.", "authors": [{"name": "Ann Lee"}]}, "author", "Ann Lee"),
        ({"text": "x.", "site": "Site A"}, "source", "Site A"),
        ({"text": "x.", "portal": "Portal B"}, "source", "Portal B"),
        ({"text": "x.", "source": {"id": "c", "name": "Outlet C"}}, "source", "Outlet C"),
        ({"text": "x.", "Title": "Upper-case key"}, "title", "Upper-case key"),
        ({"text": "x.", "tags": "a, b"}, "tags", ["a", "b"]),
        ({"text": "x.", "link": "https://l.example"}, "url", "https://l.example"),
        ({"text": "x.", "url": "not a url with spaces"}, "url", None),
        ({"text": "x.", "category": ["World", "Asia"]}, "section", "World"),
        ({"text": "x.", "date": "not a date"}, "date", None),
        ({"text": "x.", "date": 1700000000}, "date", "2023-11-14T22:13:20"),
    ],
)
def test_field_aliases(
    tmp_path: Path, record: dict[str, object], field: str, expected: object
) -> None:
    result = write(tmp_path, "r.json", json.dumps(record))
    assert result.problems == []
    assert getattr(result.articles[0], field) == expected


def test_empty_title_derived_from_first_sentence(tmp_path: Path) -> None:
    text = (
        "Eric Trump spoke at a rally in Ohio on Monday, where he repeated claims about the vote. "
        * 3
    )
    result = write(tmp_path, "r.json", json.dumps({"title": "", "text": text}))
    assert result.articles[0].title == (
        "Eric Trump spoke at a rally in Ohio on Monday, where he repeated claims about the vote."
    )


def test_title_repeated_in_text_dropped(tmp_path: Path) -> None:
    result = write(
        tmp_path, "r.json", json.dumps({"title": "Budget", "text": "Budget\nIt passed."})
    )
    assert result.articles[0].text == "It passed."


def test_paragraph_offsets_split_text(tmp_path: Path) -> None:
    text = "First paragraph.   Second   paragraph. Third."
    record = {"title": "T", "text": text, "paragraphs": [[0, 16], [19, 38], [39, 45]]}
    result = write(tmp_path, "r.jsonl", json.dumps(record) + "\n")
    assert result.articles[0].text == "First paragraph.\n\nSecond paragraph.\n\nThird."


def test_bad_paragraph_offsets_ignored(tmp_path: Path) -> None:
    record = {"title": "T", "text": "Only text.", "paragraphs": [[0, 500], "x"]}
    result = write(tmp_path, "r.json", json.dumps(record))
    assert result.articles[0].text == "Only text."


def test_jsonl_broken_line_reported_with_line_number(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "A", "text": "First."}),
        "",
        '{"title": "broken", "text": ',
        json.dumps({"title": "C", "text": "Third."}),
        json.dumps({"title": "no text", "text": "   "}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"title": "E", "text": "Fifth."}),
    ]
    result = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    assert [a.id for a in result.articles] == ["feed.jsonl#1", "feed.jsonl#4", "feed.jsonl#7"]
    assert [(p.line, p.reason.split(":")[0]) for p in result.problems] == [
        (3, "invalid JSON"),
        (5, "no text"),
        (6, "not a JSON object"),
    ]
    assert str(result.problems[0]).startswith("feed.jsonl:3: invalid JSON")


def test_json_syntax_error_has_line_number(tmp_path: Path) -> None:
    result = write(tmp_path, "bad.json", '{\n  "title": "x",\n  "text": oops\n}')
    [p] = result.problems
    assert p.line == 3
    assert p.reason.startswith("invalid JSON")
    assert result.articles == []


def test_json_list_with_bad_records(tmp_path: Path) -> None:
    records = [{"title": "A", "text": "ok."}, 42, {"title": "no text"}]
    result = write(tmp_path, "l.json", json.dumps(records))
    assert [a.id for a in result.articles] == ["l.json#1"]
    assert [p.reason for p in result.problems] == [
        "record 2: not a JSON object",
        "record 3: no text",
    ]


@pytest.mark.parametrize("content", ["[]", "{}", "42", '"just a string"', "null"])
def test_json_without_articles(tmp_path: Path, content: str) -> None:
    result = write(tmp_path, "x.json", content)
    assert result.articles == []
    assert len(result.problems) == 1


def test_deeply_nested_json_does_not_crash(tmp_path: Path) -> None:
    deep = "[" * 200_000 + "]" * 200_000
    result = write(tmp_path, "deep.json", deep)
    assert result.articles == []
    assert "nested too deeply" in result.problems[0].reason
    nested_line = '{"title": "x", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    result = write(tmp_path, "deep.jsonl", nested_line + "\n" + json.dumps({"text": "ok."}))
    assert [a.id for a in result.articles] == ["deep.jsonl#2"]
    assert result.problems[0].line == 1


def test_escapes_in_json_strings_are_cleaned(tmp_path: Path) -> None:
    record = {
        "title": "\u001b]0;owned\u0007Title\u202e",
        "text": "Body \u001b[31mred\u001b[0m.",
        "author": "\ud800X",
    }
    result = write(tmp_path, "r.json", json.dumps(record))
    [a] = result.articles
    assert (a.title, a.text, a.author) == ("Title", "Body red.", "\ufffdX")
    a.model_dump_json()  # encodable


def test_unicode_line_separator_inside_jsonl_string(tmp_path: Path) -> None:
    line = '{"title": "A", "text": "one\u2028two"}'
    result = write(tmp_path, "u.jsonl", line + "\n")
    assert [a.id for a in result.articles] == ["u.jsonl#1"]
    assert result.articles[0].text == "one\n\ntwo"
