"""Snippets with marked terms, and the offsets of every match for the reader.

Both work on the stored article text with `schema.text_tokens` (the index's own analysis), so a
word is marked exactly when the index matched it: "elections" is marked for a query `election`,
"the" never is. Whoosh's highlighter is not used: it re-runs the full analyzer chain per hit
and stops at 32K characters unless told otherwise; here a snippet scans at most
`SNIPPET_SCAN` characters (bounded cost for a 1 MB article) and `spans()` scans all of it.
"""

from __future__ import annotations

import re

from tui.model import Span
from tui.search.query import TermMatcher
from tui.search.schema import TOKEN_RE, plain, raw_tokens

SNIPPET_CHARS = 220
SNIPPET_SCAN = 100_000
_UNPRINTABLE = re.compile(
    r"[\s\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
"""Made spaces in a one-line snippet. Not the zero-width joiners (U+200C/D): they are part of
the text, holding emoji sequences (a family, a skin tone) and Persian or Indic words together."""
_BREAK_BACK = 50
_WORD_CHAR = re.compile(r"\w")


def spans(text: str, m: TermMatcher, limit: int | None = None) -> list[Span]:
    """Offsets of every word of `text` the query matched, in order.

    The distinct words of the text are listed by the token regex at C speed and each is judged
    once per query (`m.memo`: stemmed for prose fields, as is for name fields); then only the
    matching words are located, each occurrence checked to be a whole token as the index's
    tokenizer would cut it. A long article costs little more than one regex pass.
    """
    if m.empty or not text:
        return []
    source = text if limit is None else text[:limit]
    if not plain(source):  # folding and CJK bigrams: judge token by token
        return _spans_slow(source, m)
    low = source.lower()
    memo = m.memo
    judge = m.word_matches
    matched = []
    for word in set(TOKEN_RE.findall(low)):
        hit = memo.get(word)
        if hit is None:
            hit = memo[word] = judge(word)
        if hit:
            matched.append(word)
    if not matched:
        return []
    found: list[tuple[int, int]] = []
    match_token = TOKEN_RE.match
    for word in matched:
        size = len(word)
        start = low.find(word)
        while start >= 0:
            end = start + size
            if _token_start(low, start):
                got = match_token(low, start)
                if got is not None and got.end() == end:
                    found.append((start, end))
            start = low.find(word, start + 1)
    found.sort()
    return [Span(start=s, end=e) for s, e in found]


def _token_start(low: str, at: int) -> bool:
    """Whether a token of the index's tokenizer can begin at `at` (not inside a word, nor
    after "word." since "U.S" style tokens run across a single inner dot)."""
    if at == 0:
        return True
    before = low[at - 1]
    if _WORD_CHAR.match(before):
        return False
    return not (before == "." and at >= 2 and _WORD_CHAR.match(low[at - 2]))


def _spans_slow(source: str, m: TermMatcher) -> list[Span]:
    """Token by token, with the index's folding: the span is the original characters ("Café",
    a decomposed "Montre\u0301al"). CJK bigrams overlap, so the matched bigrams of one run
    merge into one span: a phrase "东京股市" marks its four characters once."""
    memo = m.memo
    found: list[Span] = []
    for term, start, end in raw_tokens(source):
        hit = memo.get(term)
        if hit is None:
            hit = memo[term] = m.word_matches(term)
        if not hit:
            continue
        if found and start < found[-1].end:
            found[-1] = Span(start=found[-1].start, end=max(end, found[-1].end))
        else:
            found.append(Span(start=start, end=end))
    return found


def snippet(text: str, m: TermMatcher, width: int = SNIPPET_CHARS) -> tuple[str, list[Span]]:
    """The passage of about `width` characters with the most distinct matched terms.

    Whitespace and invisible characters become single spaces one for one, so offsets into the
    snippet stay exact; "…" marks a cut at either end.
    """
    hits = spans(text, m, SNIPPET_SCAN)
    if not hits:
        return _lead(text, width), []
    best_key: tuple[int, int] | None = None
    best_i = 0
    j = 0
    for i in range(len(hits)):
        j = max(j, i)
        while j + 1 < len(hits) and hits[j + 1].end - hits[i].start <= width:
            j += 1
        key = (len({text[h.start : h.end].lower() for h in hits[i : j + 1]}), j - i + 1)
        if best_key is None or key > best_key:
            best_key, best_i = key, i
    first = hits[best_i]
    used = [h for h in hits[best_i:] if h.end - first.start <= width]
    room = width - (used[-1].end - first.start)
    # Some context before the first match: from the start of its sentence when that is near,
    # else from a word boundary.
    start = max(0, first.start - min(room // 3, 60))
    sentence = text.rfind(". ", max(0, first.start - _BREAK_BACK), first.start)
    if sentence >= 0 and first.start - (sentence + 2) <= room:
        start = sentence + 2
    elif start > 0:
        space = text.rfind(" ", max(0, start - 20), start)
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", end - 25, end)
        if space > used[-1].end:
            end = space
    end = max(end, used[-1].end)
    body = _UNPRINTABLE.sub(" ", text[start:end])
    lead = "…" if start > 0 else ""
    trail = "…" if end < len(text) else ""
    shift = len(lead) - start
    marks = [
        Span(start=h.start + shift, end=h.end + shift)
        for h in hits
        if h.start >= start and h.end <= end
    ]
    return lead + body + trail, marks


def _lead(text: str, width: int) -> str:
    if len(text) <= width:
        return _UNPRINTABLE.sub(" ", text).strip()
    cut = text.rfind(" ", width - 30, width)
    cut = cut if cut > 0 else width
    return _UNPRINTABLE.sub(" ", text[:cut]).rstrip() + "…"
