"""Who speaks a quotation that a colon introduces: "..., as the host Mara Venn cut him off:
'Nothing?'" is the host's, though the sentence's cue ("Okafor said") is someone else's; "A
lesson from Loretta Lynch: '...'" is the one person the clause names.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.nlp.capital_runs import name_runs
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.naming import name_phrase
from tui.nlp.quotes.tokens import Attr, Tok
from tui.nlp.quotes.words import DETERMINERS, PERSON_NOUNS
from tui.nlp.speaker_words import PERSON_TITLES, STOP_CAPS, wordset

CLAUSE_OPENERS = wordset("as but when while before after until")
"""Conjunctions that open a clause with a subject of its own ("and" is left out: "Okafor and
Venn wrote:" is one subject)."""


def colon_clause_subject(art: ArticleText, toks: Sequence[Tok]) -> Attr | None:
    """The speaker of a quotation after "..., as the host Mara Venn cut him off:": the person
    named as the subject of the last clause before the colon (after its last comma), with a
    verb after the name. None when the words end in no colon, hold no comma, or that clause
    opens with no person."""
    if not toks or toks[-1].text != ":":
        return None
    c = next(
        (
            x
            for x in range(len(toks) - 2, -1, -1)
            if toks[x].text in ",;" or _opens_clause(art, toks, x)
        ),
        -1,
    )
    if c < 0:
        return None  # one clause: its subject is the sentence's, read by the cues
    i = c + 1
    while i < len(toks) - 1 and (
        toks[i].text in "\"“”’'"
        or toks[i].low in CLAUSE_OPENERS
        or toks[i].low in DETERMINERS
        or toks[i].low in PERSON_NOUNS
        or toks[i].low in PERSON_TITLES
        or toks[i].low in STOP_CAPS
    ):
        i += 1
    if i >= len(toks) - 1 or not toks[i].text[:1].isupper():
        return None
    runs = name_runs(art.text, toks[i].start, toks[-1].start)
    if not runs or runs[0][0] != toks[i].start:
        return None
    after = art.text[runs[0][1] : toks[-1].start].split()
    if not after or not after[0][:1].islower():
        return None  # no verb after the name: "..., the host Mara Venn:" is a label's job
    name, g, sure = name_phrase(art, runs[0][0], runs[0][1], toks[i].start)
    if not name or name not in art.reg.people:
        return None
    return Attr(name, None, 2, g, sure)


def _opens_clause(art: ArticleText, toks: Sequence[Tok], x: int) -> bool:
    """Whether token x is a conjunction opening a clause that follows the main one ("... on
    Fox’s “Sunday” as the host ...": the comma may sit inside a title's marks, dropped from
    `toks`). A clause the sentence opens with ("As Mitchell tried ..., Sanders replied:") is
    not the speaker's: its subject is someone else's."""
    if toks[x].low not in CLAUSE_OPENERS:
        return False
    if x > 0:
        return True
    before = art.text[max(0, toks[x].start - 3) : toks[x].start].rstrip()
    return before.endswith(("”", '"', "’", ","))
