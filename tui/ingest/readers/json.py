"""JSON articles: ``.json`` (one object, a list, or {"articles": [...]}) and ``.jsonl``.

A multi-article file is read record by record: a broken line or a record without text is
reported (with its line number for JSONL) and the others are still read. Record ids are
``path#N`` with N the 1-based line number (JSONL) or 1-based position in the list (JSON).
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from tui.model import Article, ReadResult

from .. import fields
from ..article import as_text, make_article
from ..clean import collapse_spaces, tidy
from ..paragraphs import join_paragraphs, same_text, split_paragraphs
from .common import problem

Outcome = Article | str  # an article, or the reason a record gave none


def read_json(raw: str, rel: str) -> ReadResult:
    """Read a ``.json`` file: one article object, a list of them, or a wrapper holding a list."""
    try:
        data = json.loads(raw)
    except RecursionError:
        return ReadResult(problems=[problem(rel, "invalid JSON: nested too deeply")])
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        return ReadResult(problems=[problem(rel, f"invalid JSON: {_message(exc)}", line)])

    records = _as_list(data)
    if records is None:
        if not isinstance(data, dict):
            return ReadResult(problems=[problem(rel, "JSON holds no article object")])
        outcome = _record(data, rel, None)
        if isinstance(outcome, str):
            return ReadResult(problems=[problem(rel, outcome)])
        return ReadResult(articles=[outcome])

    result = ReadResult()
    if not records:
        result.problems.append(problem(rel, "no articles (empty list)"))
    for n, item in enumerate(records, start=1):
        outcome = _record(item, rel, n)
        if isinstance(outcome, str):
            result.problems.append(problem(rel, f"record {n}: {outcome}"))
        else:
            result.articles.append(outcome)
    return result


def read_jsonl(raw: str, rel: str) -> ReadResult:
    """Read a ``.jsonl`` file, one article object per line; blank lines are ignored."""
    result = ReadResult()
    # Split on "\n" only: str.splitlines would also split on U+2028, which JSON allows raw
    # inside strings.
    for n, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except RecursionError:
            result.problems.append(problem(rel, "invalid JSON: nested too deeply", n))
            continue
        except ValueError as exc:
            result.problems.append(problem(rel, f"invalid JSON: {_message(exc)}", n))
            continue
        outcome = _record(item, rel, n)
        if isinstance(outcome, str):
            result.problems.append(problem(rel, outcome, n))
        else:
            result.articles.append(outcome)
    if not result.articles and not result.problems:
        result.problems.append(problem(rel, "no text"))
    return result


def _message(exc: ValueError) -> str:
    msg = getattr(exc, "msg", None) or str(exc)
    col = getattr(exc, "colno", None)
    return f"{msg} (column {col})" if col else msg


def _as_list(data: object) -> list[object] | None:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        keyed = fields.normalise_keys(data)
        if fields.pick(keyed, fields.TEXT) is None:
            for key in fields.WRAPPERS:
                value = keyed.get(key)
                if isinstance(value, list):
                    return value
    return None


def _record(item: object, rel: str, n: int | None) -> Outcome:
    if not isinstance(item, dict):
        return "not a JSON object"
    keyed = fields.normalise_keys(item)
    paragraphs = _paragraphs(keyed)
    title = fields.pick(keyed, fields.TITLE)
    title_text = as_text(title)
    if paragraphs and title_text and same_text(paragraphs[0], tidy(title_text)):
        paragraphs = paragraphs[1:]
    if not paragraphs:
        return "no text"
    text, _ = join_paragraphs(paragraphs)
    return make_article(
        rel,
        n,
        text=text,
        title=title,
        date=fields.pick(keyed, fields.DATE),
        author=fields.pick(keyed, fields.AUTHOR),
        source=fields.pick(keyed, fields.SOURCE),
        section=fields.pick(keyed, fields.SECTION),
        url=fields.pick(keyed, fields.URL),
        tags=fields.pick(keyed, fields.TAGS),
    )


def _paragraphs(keyed: Mapping[str, object]) -> list[str]:
    """The record's text as paragraphs.

    The text field may be a string or a list of paragraph strings. A "paragraphs" field of
    [start, end] offsets into the text (the BuzzFeed-Webis corpus has one) is used to split a
    text that has lost its line breaks; a list of strings there is used when there is no text.
    """
    value = fields.pick(keyed, fields.TEXT)
    marks = fields.pick(keyed, fields.PARAGRAPHS)
    if isinstance(value, str):
        spans = _offsets(marks, len(value))
        if spans:
            pieces = (collapse_spaces(tidy(value[a:b]).replace("\n", " ")) for a, b in spans)
            return [p for p in pieces if p]
        return split_paragraphs(tidy(value))
    if value is None and isinstance(marks, list):
        value = marks
    if isinstance(value, list):
        out: list[str] = []
        for piece in value:
            if isinstance(piece, str):
                out.extend(split_paragraphs(tidy(piece)))
        return out
    return []


def _offsets(marks: object, length: int) -> list[tuple[int, int]]:
    """Valid, ordered [start, end] pairs within the text, or [] if `marks` is not that."""
    if not isinstance(marks, list) or not marks:
        return []
    spans: list[tuple[int, int]] = []
    last = 0
    for mark in marks:
        if not (isinstance(mark, list | tuple) and len(mark) == 2):
            return []
        a, b = mark
        if not (isinstance(a, int) and isinstance(b, int)) or isinstance(a, bool):
            return []
        if not last <= a <= b <= length:
            return []
        spans.append((a, b))
        last = b
    return spans
