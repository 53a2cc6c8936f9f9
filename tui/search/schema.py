"""The Whoosh schema, its analyzers, and a fast copy of the analysis for index time.

Why a copy: Whoosh analyses text through a chain of generators that pass one mutable Token
object along, which costs about a third of its indexing time. Index-time analysis runs in the
worker processes instead (see `prepare.py`), with the same regex, stop list, minimum length and
Porter stemmer in one tight loop; the writer process then only adds postings. The query parser
and the highlighter keep using the real Whoosh analyzers below, and a test checks that both
produce identical terms and positions, so a query always finds what was indexed.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pickle import dumps
from typing import Any

from whoosh import columns, fields
from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.porter import stem as porter_stem

SCHEMA_VERSION = 2
"""Bumped whenever fields or analysis change; an index of another version is rebuilt."""

TOKEN_PATTERN = r"\w+(?:\.?\w+)*"
"""Words, with inner dots kept ("U.S", "3.5"). Unlike Whoosh's default, `*` is not a word
character: it is a wildcard in queries, and in article text (Markdown emphasis) it is noise."""

MIN_SIZE = 2
STOPS: frozenset[str] = frozenset(STOP_WORDS)
NAME_GAP = 100
"""Position gap between two names in a name field, so `person:"doe john"` cannot match across
"Jane Doe" and "John Smith" (a phrase only matches consecutive positions)."""

TEXT_ANALYZER = StemmingAnalyzer(expression=TOKEN_PATTERN, stoplist=STOPS, minsize=MIN_SIZE)
NAME_ANALYZER = RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter()

TEXT_FIELDS = ("title", "body", "quote")
"""Stemmed prose fields."""
NAME_FIELDS = ("author", "source", "section", "person", "org", "place", "speaker", "tag")
"""Fields holding names: lower-cased words, no stemming and no stop words, so
`person:"Bank of England"`-style phrases match exactly."""
DEFAULT_FIELD = "body"
"""What a bare word searches. The body field also holds the title's words (before the text,
a phrase-proof gap apart, each occurrence weighing `TITLE_WEIGHT`), so a plain query is one
field to match instead of an OR of title and body for every word: half the matchers, the same
ranking idea (BM25F with title words counting more)."""
TITLE_WEIGHT = 3.0
TITLE_GAP = 100
QUERY_FIELDS = (*TEXT_FIELDS, *NAME_FIELDS, "date", "id", "path")
"""Field names a user may write in a query."""


_pack_uint = struct.Struct("!I").pack
_ONE = _pack_uint(1)
ONE_POSITION: dict[int, bytes] = {}
"""Encoded value of a one-position posting, by position: most terms occur once in a field."""


MAX_POSITIONS = 10_000
"""Positions kept for one term in one field of one document. A posting's value is at most
64 KB in the segment format, and a body of one word repeated 70,000 times would exceed it and
fail the whole build; 10,000 gaps pickle to under 50 KB whatever their size. The term's
frequency still counts every occurrence (scores are unchanged); only a phrase that occurs past
the 10,000th use of one of its words in that article is not found there."""


def position_bytes(poses: list[int]) -> bytes:
    """A posting's positions encoded byte for byte as Whoosh's `Positions` format does (count,
    then the pickled list of gaps), only faster."""
    if len(poses) > MAX_POSITIONS:
        poses = poses[:MAX_POSITIONS]
    if len(poses) == 1:
        p = poses[0]
        got = ONE_POSITION.get(p)
        if got is None:
            got = _ONE + dumps(poses, 2)
            if p < 65_536:
                ONE_POSITION[p] = got
        return got
    gaps = [poses[0]]
    gaps += [b - a for a, b in pairwise(poses)]
    return _pack_uint(len(poses)) + dumps(gaps, 2)


class Prepared:
    """One field of one document, analysed ahead of time in a worker process: each term's
    positions, and extra weight for some terms (a term's weight is its frequency plus its
    extra). `segment.FastWriter` turns this straight into postings; Whoosh's own writer gets
    them from `postings` through `PreparedText.index`.
    """

    __slots__ = ("extra", "positions")

    def __init__(
        self, positions: dict[str, list[int]], extra: dict[str, float] | None = None
    ) -> None:
        self.positions = positions
        self.extra = extra or None

    @property
    def postings(self) -> list[tuple[bytes, int, float, bytes]]:
        """(term bytes, frequency, weight, encoded positions) per distinct term, as Whoosh
        wants them."""
        extra = self.extra or {}
        return [
            (
                term.encode("utf-8", "surrogatepass"),
                len(poses),
                len(poses) + extra.get(term, 0.0),
                position_bytes(poses),
            )
            for term, poses in self.positions.items()
        ]

    def __getstate__(self) -> tuple[dict[str, list[int]], dict[str, float] | None]:
        return self.positions, self.extra

    def __setstate__(self, state: tuple[dict[str, list[int]], dict[str, float] | None]) -> None:
        self.positions, self.extra = state


class PreparedText(fields.TEXT):
    """A TEXT field that also accepts postings computed in a worker process.

    Whoosh calls `index()` with whatever value `add_document` was given; a `Prepared` value is
    passed through untouched, any other value (a string) is analysed as usual. The schema is
    pickled into the index, so this class must stay importable under this name.
    """

    def index(self, value: Any, **kwargs: Any) -> Any:
        if isinstance(value, Prepared):
            return iter(value.postings)
        return super().index(value, **kwargs)


def build_schema() -> fields.Schema:
    """The index schema. Stored fields are small (what a hit shows and facets count); the
    article text lives compressed in the `text` column (read for the hits on screen) and the
    annotations in the `blob` column (read by `annotations()`)."""
    text = {
        name: PreparedText(analyzer=TEXT_ANALYZER, stored=(name == "title"), phrase=True)
        for name in TEXT_FIELDS
    }
    names = {
        name: PreparedText(
            analyzer=NAME_ANALYZER, stored=name in ("author", "source", "section"), phrase=True
        )
        for name in NAME_FIELDS
    }
    # Whoosh gives a document without a date the largest value, so undated articles would
    # come first in newest-first order; make them the oldest instead.
    date = fields.DATETIME()
    date.default = 0
    date.set_sortable(True)
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        file=fields.ID(stored=True),
        path=fields.ID(stored=True),
        date=date,
        date_text=fields.STORED(),
        hash=fields.STORED(),
        people=fields.STORED(),
        orgs=fields.STORED(),
        text=fields.COLUMN(columns.VarBytesColumn()),
        blob=fields.COLUMN(columns.VarBytesColumn()),
        **text,
        **names,
    )


TOKEN_RE = re.compile(TOKEN_PATTERN)
SPLITS_ON_LOWER = "\u0130"


_STEMS: dict[str, str] = {}
_STEM_CACHE_MAX = 300_000


def stem(word: str) -> str:
    """Porter stem of a lower-cased word, cached: news vocabulary repeats heavily.

    A plain dict (cleared when full) is several times faster than `functools.lru_cache` here,
    and this runs once per word of every article.
    """
    got = _STEMS.get(word)
    if got is None:
        if len(_STEMS) >= _STEM_CACHE_MAX:
            _STEMS.clear()
        got = _STEMS[word] = porter_stem(word)
    return got


def text_positions(text: str, start_pos: int = 0) -> dict[str, list[int]]:
    """Stemmed term -> positions, exactly as `TEXT_ANALYZER` would number them.

    Whoosh's stop filter renumbers: the first kept token keeps its raw position and each later
    kept token takes the next number, so stop words leave no holes. The text is lower-cased in
    one go unless it holds "İ", the one character whose lower case (i plus a combining dot)
    splits a word differently; then word by word, as Whoosh does.
    """
    stops = STOPS
    whole = SPLITS_ON_LOWER not in text
    words = TOKEN_RE.findall(text.lower() if whole else text)
    if not whole:
        words = [word.lower() for word in words]
    # Kept words are numbered consecutively from the raw position of the first one.
    first = 0
    for word in words:
        if len(word) >= MIN_SIZE and word not in stops:
            break
        first += 1
    else:
        return {}
    cache_get = _STEMS.get
    kept = [cache_get(w) or stem(w) for w in words if len(w) >= MIN_SIZE and w not in stops]
    out: dict[str, list[int]] = {}
    get = out.get
    for pos, term in enumerate(kept, first + start_pos):
        got = get(term)
        if got is None:
            out[term] = [pos]
        else:
            got.append(pos)
    return out


def name_positions(names: Iterable[str]) -> dict[str, list[int]]:
    """Term -> positions for a list of names, each name starting `NAME_GAP` after the last."""
    out: dict[str, list[int]] = {}
    base = 0
    for name in names:
        last = base - 1
        for i, m in enumerate(TOKEN_RE.finditer(name)):
            last = base + i
            out.setdefault(m.group().lower(), []).append(last)
        base = max(base, last + 1) + NAME_GAP
    return out


def text_tokens(text: str, limit: int | None = None) -> Iterator[tuple[str, int, int]]:
    """(stemmed term, start, end) for each indexed word of `text`, for highlighting.

    `limit` bounds the characters scanned, so a snippet of a 1 MB article costs the same as one
    of a short article.
    """
    stops = STOPS
    cache = _STEMS
    source = text if limit is None else text[:limit]
    whole = SPLITS_ON_LOWER not in source
    if whole:  # same length, same offsets: one lower() for the whole text
        source = source.lower()
    for m in TOKEN_RE.finditer(source):
        word = m.group() if whole else m.group().lower()
        if len(word) < MIN_SIZE or word in stops:
            continue
        yield cache.get(word) or stem(word), m.start(), m.end()


def name_tokens(text: str, limit: int | None = None) -> Iterator[tuple[str, int, int]]:
    """(lower-cased word, start, end) for each word of `text`, as the name fields index them."""
    source = text if limit is None else text[:limit]
    for m in TOKEN_RE.finditer(source):
        yield m.group().lower(), m.start(), m.end()
