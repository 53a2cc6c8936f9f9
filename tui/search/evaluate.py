"""Ranking a query over Whoosh's postings a block at a time.

Why not `searcher.search()`: Whoosh walks its matcher tree one document at a time in Python,
with a method call or three per posting per query term, and scores each document by reading
its field length through a column reader. On 100,000 articles a common word has 15,000
postings and a phrase twice that, so a query costs 60-300 ms before any snippet is made.

Here the same postings are read whole blocks at a time (ids and weights arrive as arrays from
one unpickle per 128 postings), field lengths are read once per searcher as one byte string,
and the query tree is evaluated set-wise with dicts: And is an intersection, Or a union, Not a
difference. Scores are Whoosh's own BM25F (same idf, average length, quantised field length,
B and K1), so the ranking is the one `searcher.search()` gives, ties broken the same way (lower
document number first); a test compares both on the sample corpus.

Phrases are the costly part of Whoosh's matching (positions decoded for every candidate). A
phrase's score is the sum of its words' scores, so candidates are ranked on that first and
positions are checked lazily, best first, only until the page is full; the total is then
extrapolated from the share of candidates checked (and marked inexact), like the counting in
`engine.py`. Positions come from the same posting blocks, already in memory.

Anything this evaluator does not know (spans, numeric ranges, `*` mixed with words, Or with a
minimum match, other weightings) raises `Unsupported`, and the caller falls back to Whoosh.
"""

from __future__ import annotations

import bisect
import heapq
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

CHECK_LIMIT = 4000
"""Candidates whose phrase positions are checked, at most (past the page, to make the total
exact when that is cheap; about 15 ms). A count, not a time: the same query on the same index
must report the same total on every run, whatever else the machine is doing."""


KEEP_MATCHES = 4
"""Queries whose matches are kept for paging (each costs a dict of its matching documents)."""


def forget_kept(evaluator: Evaluator) -> None:
    """Drop the kept matches (benchmarks time every search from the postings up)."""
    evaluator._kept.clear()


class Unsupported(Exception):
    """A query shape this evaluator leaves to Whoosh."""


Check = Callable[[int], bool]
Within = list[int] | None


@dataclass
class Matches:
    """Documents a query matches, with their scores; `checks` are conditions (phrase
    positions) still to verify on each of them, deferred because verifying is the costly
    part and only the best few may ever be looked at."""

    scores: dict[int, float]
    checks: list[Check] = field(default_factory=list)

    def resolved(self) -> dict[int, float]:
        """Only the documents passing every check (all of them verified now)."""
        if not self.checks:
            return self.scores
        checks = self.checks
        return {d: s for d, s in self.scores.items() if all(c(d) for c in checks)}


@dataclass
class Ranked:
    top: list[tuple[float, int]]
    """(score, document number), best first."""
    total: int
    exact: bool
    matched: Collection[int] = ()
    """Documents known to match: all of them when `exact`, else those verified so far (a
    sample, in rank order); facets are counted over these."""


class Evaluator:
    """Evaluates queries against one Whoosh searcher; keep one per searcher (it caches field
    lengths, which are read once: a byte per document per field)."""

    def __init__(self, searcher: Any) -> None:
        weighting = searcher.weighting
        if type(weighting) is not BM25F:
            raise Unsupported("only BM25F scoring is evaluated here")
        self.searcher = searcher
        self.schema = searcher.schema
        self.reader = searcher.reader()
        self.doc_count = searcher.doc_count_all()
        self.b = weighting.B
        self.b_for = dict(weighting._field_B)
        self.k1 = weighting.K1
        self.leaves: list[tuple[Any, int]] = [
            (sub.reader(), offset) for sub, offset in searcher.leaf_searchers()
        ]
        self._lengths: dict[tuple[int, str], bytes] = {}
        self._kept: OrderedDict[str, Matches] = OrderedDict()
        self._deleted = [
            frozenset(r.deleted_docs_set or ()) if r.has_deletions() else frozenset()
            for r, _ in self.leaves
        ]

    # public

    def rank(
        self,
        q: Any,
        limit: int,
        allow: set[int] | None = None,
        order: Sequence[int] | None = None,
        key: str | None = None,
    ) -> Ranked:
        """The best `limit` matches of `q` (by score, or by `order[docnum]` ascending when
        given), the number of matches, and whether that number is exact.

        With a `key` (the query as the user wrote it), the matches are kept for the next few
        calls with the same key: turning to page 2, or re-sorting by date, then only orders
        what was already found."""
        kept = self._kept.get(key) if key is not None else None
        if kept is not None:
            self._kept.move_to_end(key)  # type: ignore[arg-type]
            found = kept
        else:
            found = self.run(q, sorted(allow) if allow is not None else None)
            if allow is not None:
                found = Matches({d: s for d, s in found.scores.items() if d in allow}, found.checks)
            if key is not None:
                self._kept[key] = found
                while len(self._kept) > KEEP_MATCHES:
                    self._kept.popitem(last=False)
        scores = found.scores
        if order is None:
            ordered = _best_first([(-s, d) for d, s in scores.items()])
        else:
            ordered = _best_first([(order[d], d) for d in scores])
        if not found.checks:
            top = [(scores[d], d) for _, d in zip(range(limit), ordered, strict=False)]
            return Ranked(top, len(scores), True, scores.keys())
        # Phrases: verify best first until the page is full, then keep verifying for a
        # moment to count; extrapolate what is left.
        checks = found.checks
        top = []
        matched: list[int] = []
        checked = passed = 0
        for d in ordered:
            checked += 1
            if all(c(d) for c in checks):
                passed += 1
                matched.append(d)
                if len(top) < limit:
                    top.append((scores[d], d))
            if len(top) >= limit and checked >= CHECK_LIMIT:
                break
        if checked == len(scores):
            return Ranked(top, passed, True, matched)
        estimate = round(passed * len(scores) / checked)
        return Ranked(top, max(estimate, len(top)), False, matched)

    def run(self, q: Any, within: Within = None) -> Matches:
        """Every match of `q` with its score; raises `Unsupported` for shapes left to Whoosh.

        `within` (sorted document numbers) says only those documents matter to the caller (an
        intersection is coming): posting blocks holding none of them are not decoded, so the
        result may leave out documents outside it."""
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return Matches({})
        kind = type(q)
        if kind is wq.Term:
            return Matches(self._term(q.fieldname, q.text, q.boost, within))
        if kind is wq.And:
            return self._and(q, within)
        if kind is wq.Or:
            if getattr(q, "minmatch", 0) or getattr(q, "scale", None):
                raise Unsupported("Or with minmatch or scale")
            parts = [self.run(c, within).resolved() for c in q.subqueries]
            return Matches(self._or(parts, q.boost))
        if kind is wq.AndNot:
            a = self.run(q.a, within)
            drop = self.run(q.b, _sorted(a.scores)).resolved()
            return Matches({d: s for d, s in a.scores.items() if d not in drop}, a.checks)
        if kind is wq.AndMaybe:
            a = self.run(q.a, within)
            b = self.run(q.b, _sorted(a.scores)).resolved()
            return Matches({d: s + b.get(d, 0.0) for d, s in a.scores.items()}, a.checks)
        if kind is wq.Phrase:
            return self._phrase(q, within)
        if kind in (wq.FuzzyTerm, wq.Prefix, wq.Wildcard):
            words = [w for w in q._btexts(self.reader) if w]
            parts = [self._term(q.fieldname, w, 1.0, within) for w in words]
            return Matches(self._or(parts, q.boost))
        raise Unsupported(kind.__name__)

    def _size(self, q: Any) -> int:
        """A cheap guess of how many documents `q` matches, to evaluate the rarest first."""
        kind = type(q)
        try:
            if kind is wq.Term:
                return int(self.reader.doc_frequency(q.fieldname, q.text))
            if kind is wq.Phrase:
                return min(
                    (int(self.reader.doc_frequency(q.fieldname, w)) for w in q.words),
                    default=0,
                )
            if kind is wq.And:
                return min((self._size(c) for c in q.subqueries), default=0)
        except Exception:  # an odd term: no guess
            pass
        return self.doc_count

    # parts

    def _and(self, q: Any, within: Within) -> Matches:
        positive = [c for c in q.subqueries if not isinstance(c, wq.Not)]
        nots = [c for c in q.subqueries if isinstance(c, wq.Not)]
        negative = [c.query for c in nots]
        # Whoosh scores a Not inside an And as a match of constant weight (its boost).
        extra = sum(c.boost for c in nots)
        if not positive:
            raise Unsupported("And of only negations")
        parts: list[Matches] = []
        for child in sorted(positive, key=self._size):
            got = self.run(child, within)
            parts.append(got)
            if not got.scores:
                return Matches({})
            if within is None or len(got.scores) < len(within):
                within = _sorted(got.scores)
        out = _intersect([p.scores for p in parts], extra, q.boost)
        for neg in negative:
            drop = self.run(neg, _sorted(out)).resolved()
            out = {d: s for d, s in out.items() if d not in drop}
        return Matches(out, [c for p in parts for c in p.checks])

    @staticmethod
    def _or(parts: list[dict[int, float]], boost: float) -> dict[int, float]:
        if not parts:
            return {}
        parts.sort(key=len, reverse=True)
        out = dict(parts[0])
        for part in parts[1:]:
            for d, s in part.items():
                out[d] = out.get(d, 0.0) + s
        if boost != 1.0:
            out = {d: s * boost for d, s in out.items()}
        return out

    def _phrase(self, q: Any, within: Within) -> Matches:
        if q.slop != 1:
            raise Unsupported("phrase with slop")
        fieldname = q.fieldname
        if fieldname not in self.schema or not q.words:
            return Matches({})
        fieldobj = self.schema[fieldname]
        if not fieldobj.format or not fieldobj.format.supports("positions"):
            raise Unsupported("phrase on a field without positions")
        words = [fieldobj.to_bytes(w) for w in q.words]
        refs: list[dict[int, tuple[Sequence[bytes], int]]] = [{} for _ in words]
        scores: list[dict[int, float]] = [{} for _ in words]
        reader = self.reader
        for i in sorted(range(len(words)), key=lambda i: reader.doc_frequency(fieldname, words[i])):
            scores[i] = self._term(fieldname, words[i], 1.0, within, refs[i])
            if not scores[i]:
                return Matches({})
            if within is None or len(scores[i]) < len(within):
                within = _sorted(scores[i])
        if len(words) == 1:
            return Matches({d: s * q.boost for d, s in scores[0].items()})
        out = _intersect(scores, 0.0, q.boost)
        decode = fieldobj.format.decode_positions

        def positions(i: int, d: int) -> list[int]:
            values, at = refs[i][d]
            return decode(values[at])

        def check(d: int) -> bool:
            starts = set(positions(0, d))
            for i in range(1, len(words)):
                starts &= {p - i for p in positions(i, d)}
                if not starts:
                    return False
            return True

        return Matches(out, [check])

    def _term(
        self,
        fieldname: str,
        text: Any,
        boost: float,
        within: Within = None,
        value_refs: dict[int, tuple[Sequence[bytes], int]] | None = None,
    ) -> dict[int, float]:
        """BM25F scores of one term, as Whoosh's `BM25FScorer` computes them."""
        schema = self.schema
        if fieldname not in schema:
            return {}
        fieldobj = schema[fieldname]
        try:
            btext = fieldobj.to_bytes(text)
        except ValueError:
            return {}
        if (fieldname, btext) not in self.reader:
            return {}
        scorable = fieldobj.scorable
        out: dict[int, float] = {}
        if scorable:
            idf = self.searcher.idf(fieldname, btext)
            avgfl = self.searcher.avg_field_length(fieldname) or 1
            b = self.b_for.get(fieldname, self.b)
            k1 = self.k1
            # Whoosh: idf * tf * (k1 + 1) / (tf + k1 * ((1 - b) + b * length / avgfl))
            norms = [k1 * ((1 - b) + b * byte_to_length(i) / avgfl) for i in range(256)]
            factor = idf * (k1 + 1) * boost
        for leaf, (reader, offset) in enumerate(self.leaves):
            try:
                m = reader.postings(fieldname, btext)
            except TermNotFound:
                continue
            deleted = self._deleted[leaf]
            if isinstance(m, FilterMatcher):
                m = m.child
            lengths = self._field_lengths(leaf, fieldname) if scorable else b""
            wanted = None
            if within is not None:
                lo = bisect.bisect_left(within, offset)
                hi = bisect.bisect_left(within, offset + reader.doc_count_all())
                if lo == hi:
                    continue
                wanted = [d - offset for d in within[lo:hi]]
            for ids, weights, values in _blocks(m, value_refs is not None, wanted):
                if scorable:
                    for d, w in zip(ids, weights, strict=False):
                        out[d + offset] = factor * w / (w + norms[lengths[d]])
                else:
                    for d, w in zip(ids, weights, strict=False):
                        out[d + offset] = w * boost
                if value_refs is not None:
                    for i, d in enumerate(ids):
                        value_refs[d + offset] = (values, i)
            if deleted:
                for d in deleted:
                    out.pop(d + offset, None)
                    if value_refs is not None:
                        value_refs.pop(d + offset, None)
        return out

    def _field_lengths(self, leaf: int, fieldname: str) -> bytes:
        """One byte per document of the leaf: Whoosh's quantised length of the field."""
        key = (leaf, fieldname)
        got = self._lengths.get(key)
        if got is not None:
            return got
        reader, _ = self.leaves[leaf]
        count = reader.doc_count_all()
        data = b""
        perdoc = getattr(reader, "_perdoc", None)
        column = None
        if perdoc is not None:
            column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
        if column is not None and hasattr(column, "_dbfile") and column._fixedlen == 1:
            data = bytes(column._dbfile.get(column._basepos, column._count))
        elif column is not None:
            data = bytes(int(v) for v in column)
        else:  # no length column: ask per document (slow, but correct)
            from whoosh.util.numeric import length_to_byte

            data = bytes(
                length_to_byte(reader.doc_field_length(d, fieldname, 0) or 0) for d in range(count)
            )
        if len(data) < count:
            data += bytes(count - len(data))
        self._lengths[key] = data
        return data


def _intersect(parts: list[dict[int, float]], extra: float, boost: float) -> dict[int, float]:
    """Documents in every part, scored by the sum of their scores (plus `extra`) times
    `boost`, as Whoosh's intersection matcher scores them; walks the smallest part."""
    parts = sorted(parts, key=len)
    first, rest = parts[0], parts[1:]
    out: dict[int, float] = {}
    for d, s in first.items():
        total = s + extra
        for other in rest:
            score = other.get(d)
            if score is None:
                break
            total += score
        else:
            out[d] = total * boost
    return out


def _sorted(docs: dict[int, float]) -> list[int]:
    return sorted(docs)


def _best_first(keyed: list[tuple[Any, int]]) -> Iterator[int]:
    """Document numbers by ascending key (ties: lower number first), produced lazily: a
    heap costs O(n) to build and O(log n) a document, and usually only a page is taken."""
    heapq.heapify(keyed)
    pop = heapq.heappop
    while keyed:
        yield pop(keyed)[1]


def _blocks(
    m: Any, with_values: bool, wanted: list[int] | None = None
) -> Iterator[tuple[Sequence[int], Sequence[float], Any]]:
    """(ids, weights, values) of each posting block. Whoosh 2.7's block reader decodes a
    whole block in one go; its per-posting interface is what this module avoids. With
    `wanted` (sorted, leaf-local document numbers), a block whose id range holds none of them
    is passed over on its header alone, without decompressing it."""
    if isinstance(m, W3LeafMatcher):
        last = -1  # highest id of the previous block
        while m.is_active():
            top = m._maxid
            if wanted is not None:
                at = bisect.bisect_right(wanted, last)
                if at >= len(wanted):
                    return
                if wanted[at] > top:
                    last = top
                    m._next_block()
                    continue
            m._read_data()
            block_ids = m._data[0]
            if not m._byteids:
                block_ids = list(accumulate(block_ids))
            m._ids = block_ids
            m._read_weights()
            if with_values:
                m._read_values()
            yield block_ids, m._weights, m._values
            last = top
            m._next_block()
        return
    ids: list[int] = []
    weights: list[float] = []
    values: list[Any] = []
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        if with_values:
            values.append(m.value())
        m.next()
    yield ids, weights, values
