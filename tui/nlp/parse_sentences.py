"""Which sentences the parse reads: those worth what parsing costs.

The parser costs some fifteen times the rest of the engine per word, so a sentence is parsed
only where it may hold reported speech the rules engine left unquoted: it spells a cue verb
used as a verb (not "the support", "was asked", nor "CLAIM, X said." at its end, the rules'
own shape), and what the rules' quotes and the quotation marks leave of it is room for a
claim of its own. Counts behind each rule are on PolNeAR train and dev against the BBC corpus.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from tui.model import Quote
from tui.nlp.parse_words import CANDIDATE, OWNED_CLAIM
from tui.nlp.quotes.article import ArticleText
from tui.nlp.speaker_words import wordset

MIN_SENTENCE = 25
"""Sentences shorter than this many characters are not parsed."""

TAIL_WORDS = 4
"""A cue this close to the end of its sentence ("CLAIM, the chairman said.") is the rules'
own shape: where they found no quote, the parse (which reads the speaker the same way) finds
one for under a twentieth of what it costs to parse such sentences (PolNeAR train and dev
against the BBC corpus), so none is parsed for it."""

LONG_QUOTE = 2000
"""Characters beyond which a quote is long (see `QuoteIndex`)."""

MIN_FREE_WORDS = 7
"""A sentence with a quotation in it is parsed only when this many words lie outside it: '"...,"
said Amara Okafor.' leaves no room for a second claim."""


def candidates(art: ArticleText, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Sentences worth parsing: they spell a cue word outside any quotation, and what the
    quotations leave of them is long enough to hold a claim of its own."""
    text = art.text
    low = text.lower()
    if len(low) != len(text):
        low = ""  # offsets would not line up; every sentence is then looked at
    index = QuoteIndex(quotes)
    out: list[tuple[int, int]] = []
    for ps, pe in art.paras:
        if low and not _spells_cue(low, ps, pe):
            continue
        for ss, se in art.sentences(ps, pe):
            if se - ss < MIN_SENTENCE:
                continue
            if low and not _spells_cue(low, ss, se, room=True):
                continue
            frag = art.frag_at(ss)
            if frag is not None and frag.start < ss:
                continue  # opens inside a quotation: someone's own words
            if _shouted(text, ss, se):
                continue  # a headline or sub-heading in capitals: the model reads it badly
            near = index.within(ss, se)
            if (frag is not None or near) and not _room_left(art, low, ss, se, near):
                continue
            if frag is not None and frag.end < se:
                # '"...," X said, citing ...': the opening quotation is someone's own words,
                # already quoted; the parser, the costly step, reads only what follows it.
                ss = frag.end
                while ss < se and (text[ss].isspace() or text[ss] in ",;:-—–"):
                    ss += 1
                if se - ss < MIN_SENTENCE:
                    continue
            out.append((ss, se))
    return out


NOUN_BEFORE = wordset(
    """the a an this these those its their his her our your my of under with no any some every
    each such"""
)
"""Words after which a cue word is a noun or adjective ("the support", "under attack", "a
call centre", "the proposed levy"), not a verb: no sentence is parsed for it."""

PASSIVE_BEFORE = wordset("is are was were be been being")
"""Words after which a cue's past participle is passive ("was asked", "were told"): its
subject is not the speaker, and the parse reads no passive cue."""

_WORD_BEFORE = re.compile(r"([a-z]+)[^a-z]*$")


def _spells_cue(
    low: str,
    start: int,
    end: int,
    used: frozenset[str] | set[str] = frozenset(),
    room: bool = False,
) -> bool:
    """Whether low[start:end] spells a cue word used as a verb (and not among `used`), with
    more than `TAIL_WORDS` words after it when `room`."""
    if OWNED_CLAIM.search(low, start, end) is not None:
        return True
    for m in CANDIDATE.finditer(low, start, end):
        if m.group(0) in used:
            continue
        if room and len(low[m.end() : end].split()) <= TAIL_WORDS:
            continue
        if m.group(0).endswith("ing"):
            return True  # "for saying", "of calling": a verb after a preposition
        before = _WORD_BEFORE.search(low, max(start, m.start() - 24), m.start())
        if before is None:
            return True
        word = before.group(1)
        if word not in NOUN_BEFORE and word not in PASSIVE_BEFORE:
            return True
    return False


class QuoteIndex:
    """The quotes overlapping a stretch of text, found by bisection: a page can hold a hundred
    thousand quotes, and a scan of them all per sentence would be quadratic. Quotes longer
    than `LONG_QUOTE` characters (few on any page) are kept apart and checked one by one, so
    the walk back from a sentence over the others stops within that many characters."""

    def __init__(self, quotes: Sequence[Quote]) -> None:
        ordered = sorted(quotes, key=lambda q: q.start)
        self.long = [q for q in ordered if q.end - q.start > LONG_QUOTE]
        self.quotes = [q for q in ordered if q.end - q.start <= LONG_QUOTE]
        self.starts = [q.start for q in self.quotes]

    def within(self, start: int, end: int) -> list[Quote]:
        """The quotes overlapping text[start:end], in order of start."""
        out = [q for q in self.long if q.start < end and q.end > start]
        i = bisect.bisect_left(self.starts, end) - 1
        while i >= 0 and self.quotes[i].start > start - LONG_QUOTE:
            if self.quotes[i].end > start:
                out.append(self.quotes[i])
            i -= 1
        out.sort(key=lambda q: q.start)
        return out


def _room_left(art: ArticleText, low: str, start: int, end: int, near: Sequence[Quote]) -> bool:
    """Whether a sentence holding quotations may hold a claim the rules did not quote.

    Parsing is the costly step, and most such sentences hold nothing more ('"...," said X.'),
    so one is parsed only when the words outside its quotations are enough for a speaker, a
    cue and a claim, and either they spell a cue the quotes were not found by ('"...," X said,
    citing ...') or its quotations are fragments inside it, no longer than the words around
    them, with no reported quote around them ('X called the plan "reckless"'). A quotation
    that opens the sentence is not such a fragment: '"...," said X, the chief spokesman.'"""
    text = art.text
    taken = [(q.start, q.end) for q in near]
    i = max(bisect.bisect_right(art.frag_starts, start) - 1, 0)
    while i < len(art.frags) and art.frags[i].start < end:
        taken.append((art.frags[i].start, art.frags[i].end))
        i += 1
    gaps: list[tuple[int, int]] = []
    pos = start
    for s, e in sorted(taken):
        if s > pos:
            gaps.append((pos, min(s, end)))
        pos = max(pos, e)
    if pos < end:
        gaps.append((pos, end))
    free = sum(len(text[a:b].split()) for a, b in gaps)
    if free < MIN_FREE_WORDS:
        return False
    if not low:
        return True
    used = {w for q in near if q.cue for w in q.cue.lower().split()}
    for a, b in gaps:
        if _spells_cue(low, a, b, used):
            return True
    if any(q.kind != "direct" for q in near) or art.frag_at(start) is not None:
        return False  # reported already, or '"...," said X, the chief spokesman.'
    return sum(len(q.text.split()) for q in near) <= free


def _shouted(text: str, start: int, end: int) -> bool:
    """Whether most letters of text[start:end] are capitals."""
    piece = text[start:end]
    return sum(map(str.isupper, piece)) > sum(map(str.islower, piece))
