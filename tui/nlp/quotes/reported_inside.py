"""Reported speech with its attribution set inside the claim: "Too often, Mr. Clarke said, the
debate turns ...", "..., she said on Monday, ..." (the claim is the whole sentence); and speech
reported inside reported speech ("Johnston says that last year, Trump said ..."). Split from
`reported`, which tries these readers among its sentence shapes.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.model import Quote
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.attribution import subject_before
from tui.nlp.quotes.clauses import CLAUSE_STARTS, has_verb
from tui.nlp.quotes.described import describe
from tui.nlp.quotes.naming import name_phrase
from tui.nlp.quotes.reported_claim import _claim_goes_on, _make, _trim
from tui.nlp.quotes.reported_subject import SUBJECT_PRONOUNS
from tui.nlp.quotes.tokens import Tok
from tui.nlp.quotes.words import ADJUNCTS, BOUNDARY, REPORTING
from tui.nlp.speaker_words import wordset


def speaker_inside(art: ArticleText, text: str, toks: list[Tok], ss: int, se: int) -> Quote | None:
    """'CLAIM, SUBJECT CUE [on Monday], CLAIM.': the attribution set inside what was said
    ("Too often, Mr. Clarke said, the debate turns ..."). The claim is the whole sentence."""
    n = len(toks)
    for c in range(1, n - 5):
        if toks[c].text != ",":
            continue  # "Otherwise, she said, ...": one word of the claim may open it
        m = next((x for x in range(c + 2, min(n, c + 10)) if toks[x].text in ",;:()"), -1)
        if m < 0 or toks[m].text != "," or n - m < 5:
            continue
        k = next((x for x in range(c + 2, m) if toks[x].low in REPORTING), -1)
        if k < 0 or not toks[k].text.islower():
            continue
        tail = toks[k + 1 : m]
        if tail and toks[k].low in ("told", "tells") and tail[0].low in LISTENERS:
            tail = tail[1:]  # "he told me on Friday": who was told, then when
        if not _setting_only(tail):
            continue  # "..., she said on Monday, ...": no object after the verb
        subject = subject_before(art, toks, k, c + 1, anchored=True)
        if subject is not None and subject[0] != toks[c + 1].start:
            whole = (toks[c + 1].start, subject[1])  # "labor-policy experts say"
            subject = whole if describe(art, *whole) is not None else subject
        if subject is None or subject[0] != toks[c + 1].start:
            continue
        if toks[m + 1].low in BOUNDARY and not _claim_goes_on(toks, m + 1):
            continue  # "..., Cole said, and then left": the rest is narrative
        name, _, sure = name_phrase(art, subject[0], subject[1], toks[k].start)
        cs, ce = _trim(text, ss, se)
        return _make(art, cs, ce, name, toks[k].low, sure, subject)
    return None


def _setting_only(tail: Sequence[Tok]) -> bool:
    """Whether the words after a cue set inside a claim only say when, where or in what it was
    said: "on Monday", "in a June report", "at a rally in Tulsa"; not what of ("said of the
    plan") nor a clause ("in a statement she wrote")."""
    if len(tail) <= 3 and all(t.low in ADJUNCTS or t.text[:1].isdigit() for t in tail):
        return True
    return (
        2 <= len(tail) <= 5
        and tail[0].low in SETTING_WORDS
        and all(t.text[:1].isalnum() for t in tail[1:])
        and not any(
            t.low in REPORTING or t.low in BOUNDARY or t.low in SUBJECT_PRONOUNS for t in tail
        )
    )


LISTENERS = wordset("me us him her them reporters")
"""Who was told, between "told" and when ("he told me on Friday")."""

SETTING_WORDS = wordset("in at during")
"""Prepositions opening where or in what something was said ("in a statement", "at a rally")."""


def nested(art: ArticleText, text: str, toks: list[Tok], j: int, se: int) -> Quote | None:
    """Speech reported inside reported speech: in 'Johnston says that last year, Trump said
    his net worth was ...' the claim is Trump's, as the inner cue says; Johnston reports it.
    `j` is where the outer clause starts; its opening words (a time, a comma) may come first."""
    n = len(toks)
    for k in range(j + 1, min(n - 4, j + 10)):
        w = toks[k]
        if w.low not in INNER_CUES:
            continue
        a = k
        while a > j and toks[a - 1].text[:1].isupper():
            a -= 1
        if a == k or (a > j and toks[a - 1].text != ","):
            return None  # no name right before the verb, or one inside a longer phrase
        span = (toks[a].start, toks[k - 1].end)
        name, _, sure = name_phrase(art, *span, toks[0].start)
        if not name:
            return None
        c = k + 1
        if toks[c].low == "that":
            c += 1
        elif toks[c].low not in CLAUSE_STARTS or not has_verb(toks[c + 1 :]):
            return None  # 'policies that Trump argues allowed ...': no clause of its own
        cs, ce = _trim(text, toks[c].start, se)
        return _make(art, cs, ce, name, w.low, sure, span)
    return None


INNER_CUES = frozenset(("said", "says", "claimed", "claims", "insisted", "insists", "stated"))
"""Verbs that report words inside someone else's report ("X says that Trump said ...")."""
