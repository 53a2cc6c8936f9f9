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
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cached_property
from itertools import pairwise
from pickle import dumps
from typing import Any

from whoosh import columns, fields
from whoosh.analysis import StemFilter, StopFilter, Token, Tokenizer
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.porter import stem as porter_stem

SCHEMA_VERSION = 5
"""Bumped whenever fields or analysis change; an index of another version is rebuilt."""

TOKEN_PATTERN = r"\w+(?:\.?\w+)*"
"""Words, with inner dots kept ("U.S", "3.5"). Unlike Whoosh's default, `*` is not a word
character: it is a wildcard in queries, and in article text (Markdown emphasis) it is noise."""

MIN_SIZE = 2
STOPS: frozenset[str] = frozenset(STOP_WORDS)
NAME_GAP = 100
"""Position gap between two names in a name field, so `person:"doe john"` cannot match across
"Jane Doe" and "John Smith" (a phrase only matches consecutive positions)."""

CJK = (
    "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003134f"
)
"""Han, Hiragana, Katakana and Hangul: scripts written without spaces between words, indexed as
overlapping bigrams (as Lucene's CJK analyzer does) so a word is found inside a longer run."""
MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
"""Combining accents, which Python's `\\w` does not match: without them a decomposed
"Montréal" (e + U+0301) would split in two."""
_WORD = f"(?:[^\\W{CJK}][{MARKS}]*)+"


class _WidePatterns:
    """The regexes over the CJK and accent classes, compiled on first use: about 8 ms at
    import (a third of a one-shot `broadsheet search`) that text in plain ASCII never needs."""

    @cached_property
    def wide(self) -> re.Pattern[str]:
        """The token regex for text that is not pure ASCII: the same words as
        `TOKEN_PATTERN` (it matches the same on ASCII), accents kept inside their word, and
        CJK runs apart from other scripts ("東京Tower" is a run and a word)."""
        return re.compile(f"(?P<cjk>[{CJK}]+)|{_WORD}(?:\\.?{_WORD})*")

    @cached_property
    def wide_word(self) -> re.Pattern[str]:
        return re.compile(f"{_WORD}(?:\\.?{_WORD})*")

    @cached_property
    def is_cjk(self) -> re.Pattern[str]:
        return re.compile(f"[{CJK}]")


_WIDE = _WidePatterns()
_FOLDS: dict[str, str] = {}
_NOT_PLAIN = re.compile(f"[^\\x00-\\x7f\\W]|[{MARKS}]")
_MARK = re.compile(f"[{MARKS}]")
_NON_ASCII = re.compile("[^\\x00-\\x7f]")
_KANA_MARKS = "\u3099\u309a"
_UNITS = re.compile(f"[^{_KANA_MARKS}][{_KANA_MARKS}]*|[{_KANA_MARKS}]")
_HAS_KANA_MARK = re.compile(f"[{_KANA_MARKS}]")


def plain(text: str) -> bool:
    """Whether every word of `text` is ASCII, so it analyses as plain lower-cased ASCII: true
    of most news even with a "£" or curly quotes in it; such text skips folding entirely.
    Only the non-ASCII characters are judged, found by a one-class regex scan (the fastest)."""
    if text.isascii():
        return True
    search = _NON_ASCII.search
    is_word = _NOT_PLAIN.match
    m = search(text)
    while m is not None:
        if is_word(m.group()):
            return False
        m = search(text, m.end())
    return True


def fold(word: str) -> str:
    """The indexed form of a (non-CJK) word: case-folded, accents removed, NFC, so `cafe`,
    `Café` and a decomposed "Cafe" + U+0301 are one term. The article text itself is never
    changed: the reader shows it as written and highlights map back to its characters."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def _bigrams(run: str, start: int) -> Iterator[tuple[str, int, int]]:
    """Overlapping bigrams of a CJK run, a lone character as itself. A decomposed kana (base
    plus a combining voicing mark) counts as one character, and terms are NFC."""
    if _HAS_KANA_MARK.search(run):
        units = [(m.group(), start + m.start()) for m in _UNITS.finditer(run)]
    else:
        units = [(c, start + i) for i, c in enumerate(run)]
    if len(units) == 1:
        unit, at = units[0]
        yield unicodedata.normalize("NFC", unit), at, at + len(unit)
        return
    for (a, at), (b, bt) in pairwise(units):
        yield unicodedata.normalize("NFC", a + b), at, bt + len(b)


def raw_tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """(term, start, end) for every token of `text` before stop words and stemming: folded
    words and CJK bigrams, with offsets into `text` as given."""
    if plain(text):
        low = text.lower()
        for m in TOKEN_RE.finditer(low):
            yield m.group(), m.start(), m.end()
        return
    for m in _WIDE.wide.finditer(text):
        if m.group("cjk") is not None:
            yield from _bigrams(m.group(), m.start())
        else:
            word = fold(m.group())
            if word:
                yield word, m.start(), m.end()


def raw_terms(text: str) -> list[str]:
    """The terms of `raw_tokens`, without offsets: what index-time analysis needs. ASCII text
    (most news) is a single C-speed regex pass over the lower-cased text; text with a stray
    "£" or "é" but no CJK folds only its non-ASCII words, each once (`_FOLDS`)."""
    if plain(text):
        return TOKEN_RE.findall(text.lower())
    if _WIDE.is_cjk.search(text) is None:
        folds = _FOLDS
        if len(folds) >= _STEM_CACHE_MAX:
            folds.clear()
        out: list[str] = []
        append = out.append
        if "\u0130" in text or _MARK.search(text) is not None:
            words = _WIDE.wide_word.findall(text)
        else:  # no accent apart from its letter: the faster regex, one lower() for all
            words = TOKEN_RE.findall(text.lower())
        for word in words:
            if word.isascii():
                append(word.lower())
            else:
                got = folds.get(word)
                if got is None:
                    got = folds[word] = fold(word)
                if got:
                    append(got)
        return out
    terms: list[str] = []
    for m in _WIDE.wide.finditer(text):
        run = m.group("cjk")
        if run is None:
            word = fold(m.group())
            if word:
                terms.append(word)
        elif len(run) == 1:
            terms.append(unicodedata.normalize("NFC", run))
        elif unicodedata.is_normalized("NFC", run) and not _HAS_KANA_MARK.search(run):
            # The common case: every pair is already an NFC term, no mark to keep with its kana.
            terms.extend([run[i : i + 2] for i in range(len(run) - 1)])
        else:
            terms.extend(t for t, _, _ in _bigrams(run, 0))
    return terms


def is_cjk(term: str) -> bool:
    return _WIDE.is_cjk.match(term) is not None


def kept(term: str) -> bool:
    """Whether a prose field indexes a term: not a stop word, and two characters or more
    unless a lone CJK character (a whole word in those scripts)."""
    return (len(term) >= MIN_SIZE or (not term.isascii() and is_cjk(term))) and term not in STOPS


class WorldTokenizer(Tokenizer):
    """Whoosh's view of `raw_tokens`, so queries and the highlighter analyse as the index."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Any]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:  # prefix, wildcard and fuzzy text: folded, never split
            pieces: Iterable[tuple[str, int, int]] = [(fold(value), 0, len(value))]
        else:
            pieces = raw_tokens(value)
        for pos, (term, start, end) in enumerate(pieces, start_pos):
            t.text = term
            t.boost = 1.0
            if keeporiginal:
                t.original = value[start:end]
            t.stopped = False
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + end
            yield t


class WorldStopFilter(StopFilter):
    """Whoosh's stop filter (same renumbering), keeping lone CJK characters (`kept`)."""

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        pos = None
        for t in tokens:
            if kept(t.text):
                if t.positions:
                    if pos is None:
                        pos = t.pos
                    else:
                        pos += 1
                        t.pos = pos
                t.stopped = False
                yield t
            elif not t.removestops:
                t.stopped = True
                yield t


TEXT_ANALYZER = WorldTokenizer() | WorldStopFilter(stoplist=STOPS, minsize=MIN_SIZE) | StemFilter()
NAME_ANALYZER = WorldTokenizer()


TEXT_FIELDS = ("title", "body", "quote")
"""Stemmed prose fields."""
NAME_FIELDS = (
    "author",
    "source",
    "section",
    "person",
    "org",
    "place",
    "speaker",
    "sure_speaker",
    "tag",
)
"""Fields holding names: lower-cased words, no stemming and no stop words, so
`person:"Bank of England"`-style phrases match exactly. `speaker` holds every quotation's
speaker, best guesses included; `sure_speaker` only those the engine is sure of, so a user
can leave the guesses out (`sure_speaker:blair`) or find only them (`speaker:blair NOT
sure_speaker:blair`)."""
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
        # The source exactly as the page spells it, one term per article: its lexicon counts
        # every spelling of every outlet in the corpus, so the app can show each outlet by
        # its most used name without reading every document (`facets.outlet_names`).
        outlet=fields.ID(),
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
    kept token takes the next number, so stop words leave no holes. ASCII text (most news)
    takes the plain path: one lower() and one regex pass; only other text pays for folding
    and CJK bigrams.
    """
    stops = STOPS
    cache_get = _STEMS.get
    if plain(text):  # the hot path, as before folding and bigrams existed
        words = TOKEN_RE.findall(text.lower())
        first = next((i for i, w in enumerate(words) if len(w) >= MIN_SIZE and w not in stops), -1)
        if first < 0:
            return {}
        terms = [cache_get(w) or stem(w) for w in words if len(w) >= MIN_SIZE and w not in stops]
    else:
        words = raw_terms(text)
        kept_words = [w for w in words if kept(w)]
        if not kept_words:
            return {}
        first = words.index(kept_words[0])
        terms = [cache_get(w) or stem(w) for w in kept_words]
    # Kept words are numbered consecutively from the raw position of the first one.
    out: dict[str, list[int]] = {}
    get = out.get
    for pos, term in enumerate(terms, first + start_pos):
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
        for i, word in enumerate(raw_terms(name)):
            last = base + i
            out.setdefault(word, []).append(last)
        base = max(base, last + 1) + NAME_GAP
    return out


def text_tokens(text: str, limit: int | None = None) -> Iterator[tuple[str, int, int]]:
    """(stemmed term, start, end) for each indexed word of `text`, for highlighting.

    `limit` bounds the characters scanned, so a snippet of a 1 MB article costs the same as one
    of a short article.
    """
    cache = _STEMS
    source = text if limit is None else text[:limit]
    for word, start, end in raw_tokens(source):
        if kept(word):
            yield cache.get(word) or stem(word), start, end


def name_tokens(text: str, limit: int | None = None) -> Iterator[tuple[str, int, int]]:
    """(folded word or CJK bigram, start, end) for each token of `text`, as the name fields
    index them."""
    return raw_tokens(text if limit is None else text[:limit])
