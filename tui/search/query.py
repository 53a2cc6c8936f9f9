"""Reading the user's query: Whoosh's language, checked first so mistakes get a clear message.

Whoosh's parser never fails: an unclosed quote silently becomes two words, `foo:bar` with an
unknown field searches for "foo" and "bar", and its English date parser reads
`date:[2021-01 to 2021-06]` as the whole of 2021. A reader deserves better, so `check()` finds
the mistakes Whoosh would paper over (unbalanced quotes, parentheses and brackets, unknown or
empty fields) and reports them with a position; dates are read by `DatePlugin` below, which
knows ISO dates and ranges and reports anything else as an error.

Dates: `date:2021`, `date:2021-05`, `date:2021-05-03` each mean that whole period;
`date:[2021-01 to 2021-06]` runs from the start of January to the end of June;
`date:>2022` means after 2022 (from 2023), `date:>=2022` from 2022, `date:<2022` before 2022,
`date:<=2022-03` to the end of March 2022. Times are UTC, like the index.
"""

from __future__ import annotations

import calendar
import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

from whoosh import qparser
from whoosh import query as wq
from whoosh.qparser import syntax
from whoosh.support.levenshtein import distance

from tui.search.api import QueryError
from tui.search.marks import MARK_FIELDS, MarksPlugin
from tui.search.schema import (
    DEFAULT_FIELD,
    NAME_FIELDS,
    QUERY_FIELDS,
    TEXT_FIELDS,
    is_cjk,
    kept,
    stem,
)

_DATE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?)?)?$"
)
_FIELD_AT = re.compile(r"(\w+):")
_OPERATORS = ("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE")
_WORD_AT = re.compile(r"[^\s()]+")
MAX_FUZZ = 2


class DateError(ValueError):
    pass


def date_span(text: str) -> tuple[datetime, datetime]:
    """The first and last instant a partial ISO date denotes ("2021-05" is all of May)."""
    m = _DATE.match(text.strip())
    if not m:
        raise DateError(f"cannot read date {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    y = int(m["y"])
    try:
        if m["m"] is None:
            return datetime(y, 1, 1), datetime(y, 12, 31, 23, 59, 59, 999999)
        mo = int(m["m"])
        if m["d"] is None:
            last = calendar.monthrange(y, mo)[1] if 1 <= mo <= 12 else 0
            return datetime(y, mo, 1), datetime(y, mo, last, 23, 59, 59, 999999)
        d = int(m["d"])
        if m["H"] is None:
            return datetime(y, mo, d), datetime(y, mo, d, 23, 59, 59, 999999)
        hh, mm = int(m["H"]), int(m["M"])
        if m["S"] is None:
            start = datetime(y, mo, d, hh, mm)
            return start, start + timedelta(minutes=1) - timedelta(microseconds=1)
        start = datetime(y, mo, d, hh, mm, int(m["S"]))
        return start, start + timedelta(seconds=1) - timedelta(microseconds=1)
    except ValueError:
        raise DateError(f"no such date {text!r}") from None


class _DateNode(syntax.SyntaxNode):
    has_fieldname = True
    has_boost = True

    def __init__(
        self,
        fieldname: str,
        start: datetime | None,
        end: datetime | None,
        startexcl: bool = False,
        endexcl: bool = False,
    ) -> None:
        self.fieldname = fieldname
        self.start = start
        self.end = end
        self.startexcl = startexcl
        self.endexcl = endexcl
        self.boost = 1.0

    def r(self) -> str:
        return f"date {self.start!r}..{self.end!r}"

    def query(self, parser: Any) -> Any:
        q = wq.DateRange(
            self.fieldname or parser.fieldname,
            self.start,
            self.end,
            startexcl=self.startexcl,
            endexcl=self.endexcl,
        )
        return syntax.attach(q, self)


class _DateError(syntax.SyntaxNode):
    """An unreadable date: becomes a null query carrying the message and position."""

    def __init__(self, message: str, start: int | None, end: int | None) -> None:
        self.message = message
        self.startchar = start
        self.endchar = end

    def r(self) -> str:
        return f"ERR {self.message}"

    def query(self, parser: Any) -> Any:
        q = wq.error_query(self.message)
        q.startchar = self.startchar
        return q


class DatePlugin(qparser.Plugin):
    """ISO dates and ranges for DATETIME fields (replaces Whoosh's English date parser)."""

    def filters(self, parser: Any) -> list[tuple[Callable[..., Any], int]]:
        # After FieldsPlugin (100) has given nodes their field, and GtLtPlugin (99) has turned
        # `>2022` into a range.
        return [(self._dates, 110)]

    def _dates(self, parser: Any, group: Any) -> Any:
        from whoosh.fields import DATETIME

        schema = parser.schema
        for i, node in enumerate(group):
            if isinstance(node, syntax.GroupNode):
                group[i] = self._dates(parser, node)
                continue
            fname = getattr(node, "fieldname", None) if node.has_fieldname else None
            if not fname or fname not in schema or not isinstance(schema[fname], DATETIME):
                continue
            group[i] = self._convert(fname, node)
        return group

    def _convert(self, fname: str, node: Any) -> Any:
        start, end = node.startchar, node.endchar
        try:
            if isinstance(node, syntax.RangeNode):
                lo = hi = None
                if node.start:
                    a, b = date_span(node.start)
                    # `>2022` (exclusive) starts after the end of 2022.
                    lo = b if node.startexcl else a
                if node.end:
                    a, b = date_span(node.end)
                    # `<2022` (exclusive) ends before its start.
                    hi = a if node.endexcl else b
                if lo is not None and hi is not None and lo > hi:
                    raise DateError("date range ends before it starts")
                new = _DateNode(fname, lo, hi, node.startexcl, node.endexcl)
            elif node.has_text:
                a, b = date_span(node.text)
                new = _DateNode(fname, a, b)
            else:
                raise DateError("date: needs a date such as 2021, 2021-05 or 2021-05-03")
        except DateError as exc:
            return _DateError(str(exc), start, end)
        new.startchar, new.endchar = start, end
        return new


class FuzzyPlugin(qparser.FuzzyTermPlugin):
    """`word~` and `word~2` keep the first letter (`word~2/3` sets the prefix as usual).

    Misspellings rarely get the first letter wrong, and with no prefix Whoosh must test every
    term in the index (hundreds of milliseconds at 100,000 articles) instead of one letter's.
    """

    def create(self, parser: Any, match: Any) -> Any:
        maxdist = int(match.group("maxdist")) if match.group("maxdist") else 1
        prefix = int(match.group("prefix")) if match.group("prefix") else 1
        return self.FuzzinessNode(maxdist, prefix, match.group(0))


class _Parser(qparser.QueryParser):
    """Whoosh's parser, except that a word the analyzer splits into CJK bigrams becomes a
    phrase of them: "东京股市" must find that run, not any article holding 东京, 京股 and 股市
    apart. Other split words ("long-term") keep the default AND."""

    def multitoken_query(
        self, spec: str, texts: list[str], fieldname: str, termclass: Any, boost: float
    ) -> Any:
        if any(is_cjk(t) for t in texts):
            spec = "phrase"
        return super().multitoken_query(spec, texts, fieldname, termclass, boost)


def make_parser(schema: Any) -> Any:
    parser = _Parser(DEFAULT_FIELD, schema)
    parser.add_plugin(FuzzyPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(DatePlugin())
    parser.add_plugin(MarksPlugin())
    return parser


def check(text: str) -> QueryError | None:
    """Mistakes Whoosh would silently reinterpret, with the position where each starts."""
    stack: list[tuple[str, int]] = []
    i = 0
    n = len(text)
    token_start = True
    while i < n:
        c = text[i]
        if c == '"':
            close = text.find('"', i + 1)
            if close < 0:
                return QueryError(message='missing closing quote "', position=i)
            i = close + 1
            token_start = False
            continue
        if c in "[{" and (token_start or (i > 0 and text[i - 1] == ":")):
            close = min((j for j in (text.find("]", i), text.find("}", i)) if j >= 0), default=-1)
            if close < 0:
                return QueryError(message=f"missing closing bracket for {c}", position=i)
            i = close + 1
            token_start = False
            continue
        if c == "(":
            stack.append((c, i))
            i += 1
            token_start = True
            continue
        if c == ")":
            if not stack:
                return QueryError(message="unmatched )", position=i)
            stack.pop()
            i += 1
            token_start = False
            continue
        if c.isspace():
            i += 1
            token_start = True
            continue
        if token_start and (c in "<>" or text.startswith(("=<", "=>"), i)):
            return QueryError(
                message="a comparison needs a field before it, as in date:>2021", position=i
            )
        if token_start:
            m = _FIELD_AT.match(text, i)
            if m and not m.group(1).isdigit():
                name = m.group(1)
                after = m.end()
                if name not in QUERY_FIELDS and name not in MARK_FIELDS:
                    known = ", ".join(QUERY_FIELDS)
                    return QueryError(
                        message=f"unknown field {name!r} (fields: {known})", position=i
                    )
                if after >= n or text[after].isspace() or text[after] == ")":
                    return QueryError(message=f"{name}: needs a value", position=i)
                i = after
                token_start = text[after] == "(" if after < n else True
                continue
        token_start = False
        i += 1
    if stack:
        return QueryError(message="missing closing parenthesis", position=stack[-1][1])
    words = list(_WORD_AT.finditer(_blank_quotes(text)))
    for a, b in pairwise(words):
        first, second = a.group(), b.group()
        if first not in _OPERATORS or second not in _OPERATORS:
            continue
        if second == "NOT" and first != "NOT":
            continue  # "x AND NOT y", "x OR NOT y"
        return QueryError(message=f"two operators in a row ({first} {second})", position=a.start())
    return None


def _blank_quotes(text: str) -> str:
    """`text` with quoted phrases blanked out (same length), so their words are not read
    as operators."""
    return re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), text)


def find_error(q: Any) -> QueryError | None:
    """The first error a parsed query carries (from `DatePlugin`), if any."""
    err = getattr(q, "error", None)
    if err:
        return QueryError(message=str(err), position=getattr(q, "startchar", None))
    for child in q.children() if q.is_leaf() is False else ():
        found = find_error(child)
        if found is not None:
            return found
    return None


def tidy(q: Any) -> Any:
    """Adjust a parsed query for cost and for corners where Whoosh would fail.

    `*` (and `field:*`) becomes "every article": Whoosh's `Every(field)` builds the set of
    documents holding any term of the field, a union of every posting list in the index,
    while plain `Every()` just lists the documents (every article has a body, so the two agree
    here). A fuzzy term keeps its prefix within the word (a longer one makes Whoosh fail) and
    at most `MAX_FUZZ` edits (each more multiplies the terms to test)."""

    def visit(node: Any) -> Any:
        if isinstance(node, wq.Every) and node.fieldname:
            return wq.Every(boost=node.boost)
        if isinstance(node, wq.FuzzyTerm):
            node.prefixlength = min(node.prefixlength, len(node.text))
            node.maxdist = min(node.maxdist, MAX_FUZZ)
        return node

    return q.accept(visit)


def split_dates(q: Any) -> tuple[list[Any], Any]:
    """The date ranges a query requires, and the rest of it (None if nothing else).

    Only ranges that every hit must satisfy are split off (the query itself, or children of
    a top-level AND); they are answered from the sorted date column instead of Whoosh's
    numeric-range terms, which union dozens of posting lists.
    """
    if isinstance(q, wq.DateRange) and q.fieldname == "date":
        return [q], None
    if isinstance(q, wq.And):
        dates = [c for c in q.subqueries if isinstance(c, wq.DateRange) and c.fieldname == "date"]
        if dates:
            rest = [c for c in q.subqueries if c not in dates]
            if not rest:
                return dates, None
            return dates, rest[0] if len(rest) == 1 else wq.And(rest, boost=q.boost)
    return [], q


def is_browse(q: Any) -> bool:
    """The query matches every article (`*`): listed in date order without scoring."""
    return isinstance(q, wq.Every)


def rewrite_tags(q: Any, lookup: Callable[[Any], list[str]]) -> Any:
    """Let `tag:` also match review tags: each tag query becomes "indexed tag OR one of the
    articles `lookup` says carry it"."""

    def visit(node: Any) -> Any:
        if node.is_leaf() and getattr(node, "fieldname", None) == "tag":
            ids = lookup(node)
            if ids:
                return wq.Or([node, *[wq.Term("id", i) for i in ids]])
        return node

    return q.accept(visit)


def uses_field(q: Any, name: str) -> bool:
    return any(getattr(leaf, "fieldname", None) == name for leaf in q.leaves()) or (
        q.is_leaf() and getattr(q, "fieldname", None) == name
    )


@dataclass
class TermMatcher:
    """Decides which words of an article a query matched, for snippets and the reader's n/N.

    Works per article from the query alone (no index look-up): exact terms by set membership,
    and prefix, wildcard and fuzzy terms by testing each word, so a `govern*` query costs no
    expansion over the index vocabulary.
    """

    text_terms: set[str] = field(default_factory=set)
    name_terms: set[str] = field(default_factory=set)
    text_tests: list[Callable[[str], bool]] = field(default_factory=list)
    name_tests: list[Callable[[str], bool]] = field(default_factory=list)
    memo: dict[str, bool] = field(default_factory=dict)
    """Lower-cased word -> matched, filled as articles are scanned (words repeat a lot)."""

    @property
    def empty(self) -> bool:
        return not (self.text_terms or self.name_terms or self.text_tests or self.name_tests)

    def text_match(self, term: str) -> bool:
        return term in self.text_terms or any(t(term) for t in self.text_tests)

    def name_match(self, word: str) -> bool:
        return word in self.name_terms or any(t(word) for t in self.name_tests)

    def word_matches(self, word: str) -> bool:
        """Whether a lower-cased word of an article is one the query matched: by its stem for
        prose fields (unless a stop word or too short, as the index has it), as it is for
        name fields."""
        prose = self.text_terms or self.text_tests
        if prose and kept(word) and self.text_match(stem(word)):
            return True
        return bool(self.name_terms or self.name_tests) and self.name_match(word)


def matcher_for(q: Any) -> TermMatcher:
    m = TermMatcher()
    _collect(q, m)
    return m


def _collect(q: Any, m: TermMatcher) -> None:
    if isinstance(q, wq.Not):
        return
    if isinstance(q, wq.AndNot):
        _collect(q.a, m)
        return
    if not q.is_leaf():
        for child in q.children():
            _collect(child, m)
        return
    fname = getattr(q, "fieldname", None)
    if fname in TEXT_FIELDS:
        terms, tests = m.text_terms, m.text_tests
    elif fname in NAME_FIELDS:
        terms, tests = m.name_terms, m.name_tests
    else:
        return
    if isinstance(q, wq.Phrase):
        terms.update(str(w) for w in q.words)
    elif isinstance(q, wq.FuzzyTerm):
        tests.append(_fuzzy(str(q.text), int(q.maxdist), int(q.prefixlength)))
    elif isinstance(q, wq.Prefix):
        tests.append(_prefix(str(q.text)))
    elif isinstance(q, wq.Wildcard):
        tests.append(_wildcard(str(q.text)))
    elif isinstance(q, wq.Term):
        text = q.text.decode("utf-8") if isinstance(q.text, bytes) else str(q.text)
        terms.add(text)


def _fuzzy(text: str, maxdist: int, prefix: int) -> Callable[[str], bool]:
    def test(word: str) -> bool:
        return (
            word[:prefix] == text[:prefix]
            and abs(len(word) - len(text)) <= maxdist
            and distance(word, text) <= maxdist
        )

    return test


def _prefix(text: str) -> Callable[[str], bool]:
    return lambda word: word.startswith(text)


def _wildcard(pattern: str) -> Callable[[str], bool]:
    rx = re.compile(fnmatch.translate(pattern))
    return lambda word: rx.match(word) is not None


def unknown_terms(q: Any) -> list[Any]:
    """Plain terms of the default fields, candidates for "did you mean"."""
    out = []
    for leaf in q.leaves() if not q.is_leaf() else [q]:
        if isinstance(leaf, wq.Term) and type(leaf) is wq.Term and leaf.fieldname in TEXT_FIELDS:
            out.append(leaf)
    return out


def is_operator(word: str) -> bool:
    return word in _OPERATORS
