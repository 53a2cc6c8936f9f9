"""Capitalised runs read as names of people: a run's tokens without the sentence words and
titles before them, the gender a title or a given name tells, and whether the run looks like an
organisation's name. Each is read from the run's text alone, once per distinct run (cached): an
article repeats its names, and a corpus its "Mr Blair". Split from `speakers`, whose `Registry`
reads every run of an article through `run_shape`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from tui.nlp.capital_runs import CACHE_SIZE
from tui.nlp.capital_runs import norm_token as _norm
from tui.nlp.gazetteer import fold, gazetteer
from tui.nlp.speaker_words import (
    FIRST_F,
    FIRST_M,
    GIVEN_TITLES,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_WORDS,
    STOP_CAPS,
    TITLES_F,
    TITLES_M,
)

POST_NOMINALS = frozenset(("MP", "MEP", "MSP", "QC", "KC", "MLA"))
"""Letters after a name that are no part of it ("Frank Field MP")."""
GIVEN = FIRST_M | FIRST_F

ACRONYM = re.compile(r"[A-Z0-9&.\-]{2,}")


@lru_cache(maxsize=CACHE_SIZE)
def split_run(run: str) -> tuple[tuple[str, ...], str | None, bool]:
    """Split a capitalised run into (name tokens, gender from a title, had a person title).

    Leading sentence words ("But", "Yesterday"), descriptors ("Republican") and titles ("Sen.",
    "White House Press Secretary") are dropped: the name is what follows the last title.
    Cached: the same runs come back in every article ("Mr Blair", "The government").
    """
    if " " not in run and "\u00a0" not in run:
        # One word, as most runs are ("The", "Blair"): no title to cut (one needs a name
        # after it), only a sentence word or a particle to drop.
        if _norm(run) in STOP_CAPS or run.lower() in _PARTICLES:
            return (), None, False
        return (run,), None, False
    toks = run.replace("\u00a0", " ").split(" ")
    gender: str | None = None
    titled = False
    cut = 0
    for i, tok in enumerate(toks):
        n = _norm(tok)
        if (
            n in PERSON_TITLES
            and i < len(toks) - 1
            and (n not in GIVEN_TITLES or i < len(toks) - 2)
        ):
            cut = i + 1
            titled = True
            if n in TITLES_M:
                gender = "m"
            elif n in TITLES_F:
                gender = "f"
    rest = toks[cut:]
    if titled and len(rest) > 2 and rest[0] == "of":
        # "Secretary of State John Kerry": the title's complement is not part of the name.
        rest = rest[3:] if rest[1] == "the" else rest[2:]
    while rest and (_norm(rest[0]) in STOP_CAPS or rest[0].lower() in _PARTICLES):
        rest = rest[1:]
    while rest and rest[-1].lower() in _PARTICLES:
        rest = rest[:-1]
    while len(rest) > 1 and rest[-1] in POST_NOMINALS and _norm(rest[0]) in GIVEN:
        rest = rest[:-1]  # "Frank Field MP" is Frank Field; "the Salford MP" stays a description
    if len(rest) > 1 and not titled:
        rest = _after_headline_words(rest)
    return tuple(rest), gender, titled


def _after_headline_words(toks: list[str]) -> list[str]:
    """A name run without the title-case words a page put before it: "Story Continued Below
    Trump" (page furniture glued to the next sentence) and "Response To Trump" (a headline) are
    Trump. A token before the last that is a common English word and no one's given name or
    surname ("Below", "To") cannot be part of a person's name; only the last word is kept,
    and only when that word directly follows such a token ("Sharpton Said Something About
    Donald Trump" is no one: whose name the headline meant is not in the run). Organisation
    names keep their words ("Music Managers Forum"): only runs with no organisation or place
    word are cut."""
    if len(toks) < 2:
        return toks
    # Only the token before the last decides whether the last directly follows such a word
    # (the others would only move the cut further left, which keeps the run whole).
    gaz = gazetteer()
    n = fold(toks[-2])
    if n not in gaz.common_words or n in gaz.given_names or n in gaz.surnames:
        return toks  # a headline's words before several capitalised ones: not one name
    if is_orgish(toks) or fold(toks[-1]) in gaz.common_words:
        return toks
    return toks[-1:]


_PARTICLES = {
    "de",
    "da",
    "del",
    "della",
    "di",
    "du",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "ibn",
    "al",
    "la",
    "le",
    "dos",
    "das",
    "ter",
    "of",
    "the",
}


def is_orgish(tokens: Sequence[str]) -> bool:
    """Whether a name looks like an organisation or place rather than a person."""
    for t in tokens:
        n = _norm(t)
        if n in ORG_WORDS or n in PLACE_WORDS:
            return True
    return len(tokens) == 1 and ACRONYM.fullmatch(tokens[0]) is not None and len(tokens[0]) <= 5


class RunShape(NamedTuple):
    """What a capitalised run says by itself, wherever it occurs; see `run_shape`."""

    toks: tuple[str, ...]
    gender: str | None
    titled: bool
    orgish: bool
    full_name: bool
    """Two to four tokens, no organisation word, no acronym: may be a person's full name."""
    first_gender: str | None
    last: str
    """The last name token as compared (`_norm`), "" without tokens."""


@lru_cache(maxsize=CACHE_SIZE)
def run_shape(run: str) -> RunShape:
    """`split_run` and the tests `Registry.build` makes of each run, done once per distinct run
    (an article repeats its names, and a corpus its "Mr Blair" and "The government").

    Every run of a new article is new to the cache, and most are one word ("Blair", "The"):
    those are read here directly, with one normalisation of the word, instead of through
    `split_run`, `is_orgish` and `first_name_gender`, which would each normalise it again
    (`test_speaker_runs` checks the two readings agree)."""
    if " " not in run and "\u00a0" not in run:
        return _one_word_shape(run)
    return _general_shape(run)


def _general_shape(run: str) -> RunShape:
    """`run_shape` of any run, read through `split_run`."""
    toks, gender, titled = split_run(run)
    orgish = bool(toks) and is_orgish(toks)
    full_name = (
        2 <= len(toks) <= 4
        and not orgish
        and not any(ACRONYM.fullmatch(t) and not t.endswith(".") for t in toks)
    )
    last = _norm(toks[-1]) if toks else ""
    return RunShape(toks, gender, titled, orgish, full_name, first_name_gender(toks), last)


_NO_NAME = RunShape((), None, False, False, False, None, "")


def _one_word_shape(word: str) -> RunShape:
    """`run_shape` of a run of one word: what `split_run` (a word with no title to cut; a
    sentence word or a particle drops out), `is_orgish` and `first_name_gender` say of it."""
    key = _norm(word)
    if key in STOP_CAPS or word.lower() in _PARTICLES:
        return _NO_NAME
    orgish = (
        key in ORG_WORDS
        or key in PLACE_WORDS
        or (ACRONYM.fullmatch(word) is not None and len(word) <= 5)
    )
    gender = "m" if key in FIRST_M else "f" if key in FIRST_F else None
    return RunShape((word,), None, False, orgish, False, gender, key)


def first_name_gender(tokens: Sequence[str]) -> str | None:
    """'m' or 'f' when the first token is a common given name, else None."""
    if not tokens:
        return None
    n = _norm(tokens[0])
    if n in FIRST_M:
        return "m"
    if n in FIRST_F:
        return "f"
    return None
