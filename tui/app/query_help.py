"""The query language as the help shows it: each kind of term with an example and what it finds.

Kept beside the help rather than generated from the parser: the examples are chosen to teach,
and each one is run against the sample corpus by the tests, so none goes stale.
"""

from __future__ import annotations

from typing import NamedTuple


class QueryTerm(NamedTuple):
    term: str
    example: str
    finds: str


QUERY_TERMS: tuple[QueryTerm, ...] = (
    QueryTerm("words", "harbour budget", "articles with both words (title or body)"),
    QueryTerm("phrase", '"trade summit"', "the words together, in this order"),
    QueryTerm("OR, NOT", "port OR harbour NOT storm", "either word; leave out a word"),
    QueryTerm("( )", "(port OR harbour) AND budget", "group terms"),
    QueryTerm("prefix", "govern*", "government, governor, governing…"),
    QueryTerm("fuzzy", "okafr~", "a word within one edit (okafor)"),
    QueryTerm("person:", 'person:"Rosalind Okafor"', "articles naming that person"),
    QueryTerm("org:, place:", "place:Calder", "articles naming that organisation or place"),
    QueryTerm("speaker:", "speaker:okafor", "articles where that person is quoted"),
    QueryTerm(
        "sure_speaker:", "sure_speaker:okafor", "only quotes the engine is sure are theirs (no ?)"
    ),
    QueryTerm("quote:", "quote:jobs", "words inside quotations"),
    QueryTerm("title:, source:", "source:harbour", "a field of the article"),
    QueryTerm("date:", "date:2025-11", "a year, month or day"),
    QueryTerm(
        "date range", "date:[2025-01 to 2025-06]", "from the start of one to the end of the other"
    ),
    QueryTerm("date:>", "date:>2025", "after (also <, >=, <=)"),
    QueryTerm("tag:", "tag:follow-up", "articles you tagged (t)"),
    QueryTerm("is:", "is:flagged", "your marks: is:flagged, is:reviewed, is:unreviewed"),
    QueryTerm("has:", "has:note", "articles with a note (o)"),
    QueryTerm(
        "reviewed-by:",
        "reviewed-by:me",
        "who marked it: flagged-by:ana, tagged-by:, noted-by:, is:unreviewed-by:me",
    ),
    QueryTerm("*", "*", "every article, newest first (also an empty search)"),
)
