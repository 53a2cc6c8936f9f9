"""Pair quotation marks into quoted fragments, in one linear pass per paragraph.

Real articles mix straight and curly marks ("more hours”), use `''` for double quotes (old NYT
archives), open a quote with `”`, drop closing marks, and carry one quotation over several
paragraphs (no closing mark at the end of a paragraph, an opening mark at the start of the next).
So a mark's role is read from what is around it rather than from its glyph alone, the way
Markdown reads emphasis: a mark followed by a word and preceded by space opens, a mark preceded
by a word and followed by space or punctuation closes. Every decision looks at a bounded window,
so unbalanced marks in a megabyte of text cost one scan and never a search.

Single marks (‘…’, '…') are paired only outside double quotes (inside they are nested quotes and
already covered), and only with care: `’` is also the apostrophe.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

DOUBLE_MARKS = re.compile(r"[\"“”„«»'](?:(?<=')'|(?<!'))")
"""A double mark, or two apostrophes standing for one (''); that is `''|["“”„«»]`, written to
start with one character class, which the regex engine looks for in its own quick loop (an
alternation whose branches do not all start with a plain character is tried at every
position): after an apostrophe a second one must follow."""
SINGLE_MARKS = re.compile(r"[‘’']")
PARAGRAPH = re.compile(r"[^\n]+")
TRANSCRIPT_LABEL = re.compile(r"[A-Z][A-Z.’' -]{1,40}:\s")

OPEN, CLOSE, EITHER = 1, 2, 3

MAX_UNCLOSED = 1500
"""An opening mark never closed is a quote to the end of its paragraph only if that is this near:
further than that it is far likelier to be a stray mark than a quotation."""

MAX_SINGLE = 600
"""How far a single-mark quotation may run; single marks are rare and ambiguous."""

_OPENING_CONTEXT = set(" \t\u00a0([{—–-/\n")
_CLOSING_CONTEXT = set(" \t\u00a0.,;:!?)]}—–-…\n")
_ELISIONS = re.compile(r"(?:em|til|cause|n|tis|twas|s|d|ll|re|ve|m)\b|\d", re.IGNORECASE)


class Fragment(NamedTuple):
    """One quoted stretch: `start`/`end` include the marks, `closed` says a closing mark was seen.

    `label_end` is set when a transcript line opens with a speaker label ("PENCE: ..."): the label
    names the speaker and is not part of what was said. A tuple: a page can hold a hundred
    thousand of these, and the garbage collector stops tracking tuples of plain values.
    """

    start: int
    end: int
    double: bool = True
    closed: bool = True
    paragraphs: int = 1
    label_start: int = -1
    label_end: int = -1


def _role(text: str, start: int, end: int, glyph: str) -> int:
    """Whether a double mark at text[start:end] opens, closes or could do either."""
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    left = not after.isspace() and (before in _OPENING_CONTEXT or before.isspace())
    right = not before.isspace() and (after in _CLOSING_CONTEXT or after.isspace())
    if glyph in "“„«":
        if before.isspace() and after.isspace() and start > 0 and text[start - 2] in "—–-,.?!":
            # 'from nothing — “ Okafor said': a closing mark typed as an opening one. Nothing
            # is quoted after a space, so it may close the quotation it ends.
            return EITHER
        return OPEN if left or not right else EITHER
    if glyph in "”»":
        if right:
            return CLOSE
        return OPEN if left else EITHER
    if left and not right:
        return OPEN
    if right and not left:
        return CLOSE
    return EITHER


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end), trailing spaces trimmed: our unit of paragraph."""
    out = []
    for m in PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in " \t\r\u00a0":
            e -= 1
        while s < e and text[s] in " \t\u00a0":
            s += 1
        if e > s:
            out.append((s, e))
    return out


def _label_end(text: str, pos: int, limit: int) -> int:
    """End of a transcript speaker label ("WALLACE: ") starting at `pos`, or -1."""
    if pos >= limit or not "A" <= text[pos] <= "Z":
        return -1  # a label opens with a capital: most quotes do not
    m = TRANSCRIPT_LABEL.match(text, pos, min(limit, pos + 44))
    return m.end() if m else -1


def _family(glyph: str) -> str:
    """Which set of marks a glyph belongs to: a quote opened with one closes with the same set,
    and an opener of another set inside it is a nested quote."""
    if glyph == '"':
        return "straight"
    if glyph == "''":
        return "apos"
    if glyph in "«»":
        return "guillemet"
    return "curly"


def _marks_by_paragraph(
    marks: re.Pattern[str], text: str, paras: list[tuple[int, int]]
) -> list[list[re.Match[str]]] | None:
    """The matches of `marks` in each paragraph, from one scan of the whole text; None when
    there are none at all (most articles have no quotation in single marks, some none at all).

    Outside paragraphs there is only white space, so a mark found in the whole text lies wholly
    inside one paragraph, exactly as a scan of each paragraph would find it.
    """
    found = list(marks.finditer(text))
    if not found:
        return None
    starts = [m.start() for m in found]
    return [found[bisect_left(starts, ps) : bisect_left(starts, pe)] for ps, pe in paras]


def double_fragments(text: str, paras: list[tuple[int, int]] | None = None) -> list[Fragment]:
    """Quoted stretches delimited by double marks, multi-paragraph quotations joined.

    A stack of depth two tells a nested quote ('"... what he calls “hell” ..."') from a stray
    opener: an opener inside an open quote is nested, and if the paragraph then ends with the
    outer quote still open, the outer one runs to the paragraph end (or on into the next).
    `paras` are `_paragraphs(text)` when the caller has them already.
    """
    if paras is None:
        paras = _paragraphs(text)
    by_para = _marks_by_paragraph(DOUBLE_MARKS, text, paras)
    if by_para is None:
        return []
    frags: list[Fragment] = []
    open_at = -1  # position of the pending opening mark
    fam = ""
    nested = False
    open_paras = 0
    label = (-1, -1)
    for idx, (ps, pe) in enumerate(paras):
        marks = by_para[idx]
        first = 0
        if open_at >= 0:
            # A quotation carried over from the previous paragraph: this paragraph's first mark
            # re-opens it (already checked), unless this line is a new transcript turn.
            lab = _label_end(text, marks[0].end(), pe) if marks else -1
            if lab >= 0:
                frags.append(_unclosed(text, open_at, paras[idx - 1][1], open_paras, label))
                open_at, label = marks[0].start(), (marks[0].end(), lab)
                open_paras = 1
            else:
                open_paras += 1
            first = 1
        for m in marks[first:]:
            glyph = m.group()
            start, end = m.span()
            role = _role(text, start, end, glyph)
            if open_at < 0:
                if role != CLOSE:
                    open_at, open_paras, fam, nested = start, 1, _family(glyph), False
                    lab = _label_end(text, end, pe)
                    label = (end, lab) if lab >= 0 else (-1, -1)
                continue
            if nested:
                if role != OPEN:
                    nested = False
                continue
            if role == OPEN and _after_sentence(text, start) and _family(glyph) == fam:
                # '"We have the money. The leader disagreed. "It is a fantasy," he said': a
                # quotation does not open inside another right after a full stop; the first
                # one lost its closing mark, and ends with its first sentence.
                end_at = _speech_end(text, max(open_at, ps), start)
                frags.append(_unclosed(text, open_at, end_at, open_paras, label))
                open_at, open_paras, fam, nested = start, 1, _family(glyph), False
                lab = _label_end(text, end, pe)
                label = (end, lab) if lab >= 0 else (-1, -1)
                continue
            if role == OPEN:
                nested = True
                continue
            if role == EITHER and _family(glyph) != fam and fam != "straight":
                # A straight mark inside a curly quote with words on both sides: nested.
                nested = True
                continue
            frags.append(Fragment(open_at, end, True, True, open_paras, label[0], label[1]))
            open_at, label = -1, (-1, -1)
        if open_at >= 0:
            nxt = paras[idx + 1] if idx + 1 < len(paras) else None
            again = DOUBLE_MARKS.match(text, nxt[0]) if nxt is not None else None
            continues = (
                again is not None
                and _role(text, again.start(), again.end(), again.group()) != CLOSE
                and _family(again.group()) == fam
            )
            nested = False
            if not continues:
                if pe - open_at <= MAX_UNCLOSED * open_paras or open_paras > 1:
                    end_at = _speech_end(text, max(open_at, ps), pe)
                    frags.append(_unclosed(text, open_at, end_at, open_paras, label))
                open_at, label = -1, (-1, -1)
    return frags


SENTENCE_END = re.compile(r"[.!?][\"”’']?(?=\s)")


def _after_sentence(text: str, pos: int) -> bool:
    """Whether the mark at `pos` follows a sentence's final stop and a space ('. "')."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    return i < pos and i > 0 and text[i - 1] in ".!?"


def _first_sentence_end(text: str, start: int, limit: int) -> int:
    """The end of the first sentence after `start` (before `limit`), or `limit`."""
    m = SENTENCE_END.search(text, start + 1, limit)
    return m.end() if m else limit


NARRATIVE_CUE = re.compile(
    r"\b(?:said|says|told|tells|added|adds|explained|insisted|argued|warned|claimed|disagreed|"
    r"replied|responded|stated|declared|noted|continued|asked|asks)\b"
)
"""A reporting verb that, with no first or second person beside it, marks a sentence as the
writer's: "Most studios said they were hiring"."""

SPEAKER_PERSON = re.compile(r"\b(?:[Ii]|me|my|[Ww]e|us|[Oo]ur|[Yy]ou|[Yy]our)\b")
"""Words only someone speaking uses of themselves or their listener."""


def _speech_end(text: str, start: int, limit: int) -> int:
    """Where an unclosed quotation opened at `start` stops, at most `limit` (the next opening
    mark, or its paragraph's end): after its first sentence, each sentence is the speaker's
    until one reports someone's words in the writer's voice ("Most studios said they were
    ..."), where the narrative has taken over."""
    end = _first_sentence_end(text, start, limit)
    while end < limit:
        nxt = _first_sentence_end(text, end, limit)
        sentence = text[end:nxt]
        if NARRATIVE_CUE.search(sentence) and not SPEAKER_PERSON.search(sentence):
            return end
        end = nxt
    while end > start and text[end - 1] in " \t\u00a0\n":
        end -= 1
    return end


def _unclosed(text: str, start: int, end: int, paras: int, label: tuple[int, int]) -> Fragment:
    """A quotation whose closing mark never came: it runs to the end of its last paragraph."""
    return Fragment(start, end, True, False, paras, label[0], label[1])


def single_fragments(
    text: str, taken: list[Fragment], paras: list[tuple[int, int]] | None = None
) -> list[Fragment]:
    """Quotations in single marks, outside the double-quoted stretches in `taken`; `paras`
    are `_paragraphs(text)` when the caller has them already."""
    if paras is None:
        paras = _paragraphs(text)
    by_para = _marks_by_paragraph(SINGLE_MARKS, text, paras)
    if by_para is None:
        return []
    frags: list[Fragment] = []
    blocked = sorted((f.start, f.end) for f in taken)
    bi = 0
    for (ps, pe), marks in zip(paras, by_para, strict=True):
        if not marks:
            continue
        i = 0
        while i < len(marks):
            m = marks[i]
            pos = m.start()
            while bi < len(blocked) and blocked[bi][1] <= pos:
                bi += 1
            if bi < len(blocked) and blocked[bi][0] <= pos < blocked[bi][1]:
                i += 1
                continue
            if not _single_opens(text, pos, ps):
                i += 1
                continue
            # Closing candidates up to the next opener; prefer one with punctuation beside it.
            best = weak = -1
            j = i + 1
            while j < len(marks) and marks[j].start() - pos <= MAX_SINGLE:
                c = marks[j].start()
                if bi < len(blocked) and blocked[bi][0] <= c:
                    break
                if _single_opens(text, c, ps) and text[c] != "’":
                    break
                if _single_closes(text, c, pe):
                    before = text[c - 1]
                    after = text[c + 1] if c + 1 < pe else " "
                    if before in ".,!?…" or after in ",.;:!?)—–":
                        best = j
                        break
                    if weak < 0 and before not in "sS":
                        weak = j
                j += 1
            pick = best if best >= 0 else weak
            if pick < 0:
                i += 1
                continue
            frags.append(Fragment(pos, marks[pick].end(), double=False))
            i = pick + 1
    return frags


def _single_opens(text: str, pos: int, para_start: int) -> bool:
    """A single mark that starts a quotation: after space or start, before a word, no elision."""
    glyph = text[pos]
    before = text[pos - 1] if pos > para_start else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if not (before.isspace() or before in '([—–-:“"') or after.isspace():
        return False
    if glyph == "’":
        return False
    return not (glyph == "'" and _ELISIONS.match(text, pos + 1))


def _single_closes(text: str, pos: int, para_end: int) -> bool:
    """A single mark that ends a quotation: after a non-space, before space or punctuation."""
    if text[pos] == "‘":
        return False
    before = text[pos - 1]
    after = text[pos + 1] if pos + 1 < para_end else " "
    return not before.isspace() and (after.isspace() or after in _CLOSING_CONTEXT or after in '”"')


def find_fragments(text: str, paras: list[tuple[int, int]] | None = None) -> list[Fragment]:
    """All quoted fragments of `text`, double and single, sorted by position, not overlapping;
    `paras` are `_paragraphs(text)` when the caller has them already."""
    if paras is None:
        paras = _paragraphs(text)
    doubles = double_fragments(text, paras)
    singles = single_fragments(text, doubles, paras)
    if not singles:
        return doubles  # already in order
    return sorted(doubles + singles, key=lambda f: f.start)
