"""Objects with no determiner: "criticized long-standing free-trade deals such as NAFTA", "is
proposing marquee projects like installing solar panels". A judgement in words or a proposal
whose object is a plural noun phrase, with no "the" or name to open it.

Why a reader of its own: the object readers of `reported_stance` and `reported_position` open
an object only at a determiner, a pronoun or a name, as a bare word after these verbs is as
often a particle or an adverb ("praised highly", "proposed instead"). A bare object is taken
only as a short run of words in small letters ending at a plural noun ("long-standing
free-trade deals"), none of them a function word, an adverb in -ly or a verb form in -ing.
"""

from __future__ import annotations

from tui.nlp.quotes.tokens import Tok
from tui.nlp.quotes.words import BOUNDARY, DETERMINERS
from tui.nlp.speaker_words import wordset

HEAD_WITHIN = 4
"""The plural head of a bare object stands within this many words of its start."""

NOT_IN_BARE = wordset(
    """to on in at for from by with about after before during back off up out over into
    upon against instead also again still even just only this these those his her its
    their our my your him them us me it itself himself herself themselves is was has
    does less more much many most some any all such other others yes no not news""",
)
"""Words that open no bare object: particles, pronouns, quantifiers (read elsewhere)."""


def bare_object(toks: list[Tok], x: int) -> bool:
    """Whether a bare object opens at token x: words in small letters up to a plural head."""
    for y in range(x, min(len(toks) - 1, x + HEAD_WITHIN)):
        t = toks[y]
        w = t.low
        if not (t.text.islower() and w.replace("-", "").isalpha()):
            return False
        if w in NOT_IN_BARE or w in BOUNDARY or w in DETERMINERS:
            return False
        if y == x and (w.endswith("ly") or (w.endswith("ing") and "-" not in w)):
            return False  # "praised highly", "proposed using": no object here
        if (_plural(w) and y > x) or (_plural(w) and toks[y + 1].low in AFTER_HEAD):
            return True
    return False


def _plural(w: str) -> bool:
    """A plural noun's shape: an -s not of "-ss", "-us" or "-is"."""
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s"))


AFTER_HEAD = wordset("like such that which for to of in on")
"""Words after a one-word plural object that show it is one ("projects like ...")."""
