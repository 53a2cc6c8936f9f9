"""Capitalised word runs, the raw material of names: "Sen. Claire McCaskill", "Ministry of
Health". One compiled pattern finds them in a single linear scan; "of" joins a run only after
an organisation word or a title. Split from `speakers`, which reads the runs as people.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.nlp.cues import after_first_letter, word_pattern
from tui.nlp.speaker_words import ORG_WORDS, PERSON_TITLES

CACHE_SIZE = 16_384
"""Entries kept by each per-run cache here: runs repeat across a corpus ("Mr Blair", "The
government"), and this many stay within a few megabytes."""


@lru_cache(maxsize=CACHE_SIZE)
def norm_token(tok: str) -> str:
    """A token as compared: lower case, without dots and curly apostrophes."""
    return tok.lower().replace(".", "").replace("’", "'")


UPPER = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_ABBR_ALTERNATIVES = (
    "Mr|Mrs|Ms|Mx|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Prof|Rev|Hon|"
    "Jr|Sr|Supt|Det|Insp|Atty|Pres|Amb|Cllr|Fr|Sec|Del"
)
_ABBR = rf"{word_pattern(_ABBR_ALTERNATIVES.split('|'))}\."
_WORD_REST = rf"[\w]*(?:[’'][{UPPER}][\w]*|-[\w]+)*"
_WORD = rf"[{UPPER}]{_WORD_REST}"
_TOKEN = rf"(?:{_ABBR}|(?:[{UPPER}]\.){{1,3}}(?![\w])|{_WORD})"
_PARTICLES = "de|da|del|della|di|du|van|von|der|den|bin|ibn|al|la|le|dos|das|ter|of"
_PARTICLE = word_pattern(_PARTICLES.split("|"))
_ABBR_REST = after_first_letter(_ABBR_ALTERNATIVES.split("|"))
_ABBR_GUARD = rf"(?=[a-z]{{1,{max(len(w) for w in _ABBR_ALTERNATIVES.split('|')) - 1}}}\.)"
"""What follows the capital of every abbreviation (a few small letters, a full stop), looked at
before `_ABBR_REST` tries each one's first letter behind the capital in turn: one look rules
them all out after the capital of most words."""
_PARTICLE_GUARD = "(?=[" + "".join(sorted({w[0] for w in _PARTICLES.split("|")})) + "])"
_FIRST_TOKEN = (
    rf"[{UPPER}](?<![\w’'\-.].)"
    rf"(?:{_ABBR_GUARD}{_ABBR_REST}\.|\.(?:[{UPPER}]\.){{0,2}}(?![\w])|{_WORD_REST})"
)
"""`_TOKEN` not preceded by a word character, an apostrophe, a hyphen or a full stop, written
to start with a plain class of capitals: each alternative of `_TOKEN` goes on after the capital
(an abbreviation only after its own first letter), and the lookbehind looks at the character
before the capital. The regex engine passes over characters outside a leading class in its own
quick loop, so the scan is much quicker than with `(?=[A-Z...])(?<![...])_TOKEN` in front,
which matches the same runs."""
NAME_RUN = re.compile(
    rf"{_FIRST_TOKEN}(?:[ \u00a0](?:{_PARTICLE_GUARD}{_PARTICLE}[ \u00a0](?:the[ \u00a0])?)?"
    rf"(?=[{UPPER}]){_TOKEN})*"
)
"""A run of capitalised tokens ("Sen. Claire McCaskill", "Leonard E. Burman", "Ministry of
Health"). Each repetition starts with a capital after exactly one space, so there is nothing to
backtrack over. The abbreviations and particles are tries (`word_pattern`), tried a letter at a
time after every space of a run rather than word by word, and only after a look at the next
character says they may match (every token opens with a capital; the particles with one of a
few letters): a run mostly ends at a space before a word in small letters, which is then ruled
out at once. The same runs, found about a fifth quicker (`test_speakers_fast_paths` compares
them with the plain alternations)."""


_OF = re.compile(r"[ \u00a0]of[ \u00a0](?:the[ \u00a0])?")


def name_runs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Capitalised runs in text[start:end] as (start, end, run).

    "of" joins a run only after an organisation word or a title ("Ministry of Health",
    "Secretary of State"); "Smith of Texas" is two runs.
    """
    out: list[tuple[int, int, str]] = []
    stop = len(text) if end is None else end
    for m in NAME_RUN.finditer(text, start, stop):
        s, run = m.start(), m.group()
        if "of" not in run:
            out.append((s, m.end(), run))  # nothing to cut at
        else:
            out.extend(cut_at_of(s, run))
    return out


def name_run_at(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The first of `name_runs(text, start, end)` if it starts at `start`, else None.

    Reads one run instead of every run of the stretch: the leftmost match of `NAME_RUN` starts
    at `start` exactly when a match at `start` exists, and it is that match; cutting it at "of"
    keeps its first piece at its start (a run opens with a capital, never with " of ")."""
    m = NAME_RUN.match(text, start, end)
    if m is None:
        return None
    run = m.group()
    if "of" in run:
        return cut_at_of(start, run)[0]
    return start, m.end(), run


def cut_at_of(s: int, run: str) -> list[tuple[int, int, str]]:
    """A run that starts at `s` and holds "of", cut where "of" does not join it (`name_runs`)."""
    out: list[tuple[int, int, str]] = []
    pieces: list[tuple[int, int]] = []
    cur = 0
    for o in _OF.finditer(run):
        before = run[cur : o.start()].rsplit(" ", 1)[-1]
        n = norm_token(before)
        if n in ORG_WORDS or n in PERSON_TITLES:
            continue
        pieces.append((cur, o.start()))
        cur = o.end()
    pieces.append((cur, len(run)))
    for a, b in pieces:
        if b > a:
            out.append((s + a, s + b, run[a:b]))
    return out
