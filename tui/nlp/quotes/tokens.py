"""Tokens of a window of text and the plain records passed between the stages: `Attr` (who
said it, with which cue, how sure) and `Unit` (the fragments of one quotation)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from tui.nlp.quotes.marks import Fragment
from tui.nlp.quotes.words import CUES, TOKEN


class Tok:
    """One token of a window of text, with its lower-case form ready: the attribution rules
    compare `low` against word lists many times per token."""

    __slots__ = ("end", "low", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = text.lower()

    def __repr__(self) -> str:
        return f"Tok({self.start}, {self.end}, {self.text!r})"


class Named(NamedTuple):
    """A speaker as a subject phrase names them: the fullest name (or None), a gender if the
    phrase tells one, and whether the reading is sure (a pronoun with two people it may stand
    for, or a long way from its person, is not)."""

    name: str | None
    gender: str | None
    sure: bool = True


@dataclass(slots=True)
class Attr:
    """An attribution: who, with which cue, and how sure (2 adjacent, 1 same sentence, 0 near)."""

    speaker: str | None
    cue: str | None
    strength: int
    gender: str | None = None
    sure: bool = True


@dataclass(slots=True)
class Unit:
    """A quotation being assembled: its fragments and, once known, its attribution."""

    frags: list[Fragment]
    para: int
    gap_attr: Attr | None = None
    gap_after: int = 0
    """The fragment (index) after which `gap_attr` was read."""
    start: int = field(init=False)
    end: int = field(init=False)

    def __post_init__(self) -> None:
        self.start = self.frags[0].start
        self.end = self.frags[-1].end

    def add(self, frag: Fragment) -> None:
        """Join the next fragment of the same utterance."""
        self.frags.append(frag)
        self.end = frag.end


class _MatchTok(Tok):
    """A `Tok` made straight from a `TOKEN` match: `_tokens` makes one per word of every window
    read (a hundred thousand over a few hundred articles), and `map` over this constructor
    costs about half the calls of reading the match's start, end and text one by one."""

    __slots__ = ()

    def __init__(self, match: re.Match[str]) -> None:
        self.start, self.end = match.span()
        self.text = text = match.group()
        self.low = text.lower()


def _tokens(text: str, start: int, end: int) -> list[Tok]:
    return list(map(_MatchTok, TOKEN.finditer(text, start, end)))


def within(indexes: list[int], lo: int, hi: int) -> list[int]:
    """The ascending `indexes` in [lo, hi): the tokens a loop over `range(lo, hi)` would reach
    that a caller listed beforehand (its candidate words), so that it visits only those."""
    if not indexes or (indexes[0] >= lo and indexes[-1] < hi):
        return indexes
    return indexes[bisect_left(indexes, lo) : bisect_left(indexes, hi)]


def _is_cue(toks: Sequence[Tok], i: int) -> str | None:
    """The cue starting at token i ("said", "according to", "pointed out"), or None."""
    w = toks[i].low
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if w == "according" and nxt == "to":
        return "according to"
    if w in ("pointed", "points") and nxt == "out":
        return f"{w} out"
    if w in ("went", "goes") and nxt == "on":
        return f"{w} on"
    if w in ("put", "puts") and nxt == "it":
        return f"{w} it"
    if w in CUES:
        if i > 0 and toks[i - 1].low == "story":
            return None  # page furniture ("Story Continued Below"): a story says nothing
        if w == "pleaded" and nxt in ("guilty", "not", "innocent", "no"):
            return None  # "Caldara has pleaded not guilty": a plea in court, no one's words
        # "told" as the cue needs an object or a colon after it; "said" always qualifies.
        return toks[i].text.lower()
    return None
