"""Reported speech that trails a quotation: '"It was personal," he said, adding he would never
vote for her.' The sentence is mostly the speaker's own words, so the sentence readers leave
it to the quotation finder; what follows the participle is said by the same speaker, in the
writer's words, and is found here from the quotation and its attribution.

Why from the quotation and not from the sentence: the quotation already has its speaker,
read with everything the quotation finder knows (the turns of an interview, who "he" is), and
the participle after its attribution ("adding", "saying", "noting") has no subject of its own.
"""

from __future__ import annotations

import re

from tui.model import Quote
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.clauses import has_verb, opens_clause
from tui.nlp.quotes.described import reported
from tui.nlp.quotes.reported_claim import end_past_quotations
from tui.nlp.quotes.tokens import _tokens
from tui.nlp.quotes.words import CUES, _words

TRAIL = re.compile(
    r",\s+(adding|saying|noting|explaining|insisting|arguing|warning|stressing|"
    r"suggesting|claiming|acknowledging|predicting)\s+(?:that\s+)?"
)
"""The participle after a quotation's attribution that carries on with its speaker's words."""

ATTRIBUTION_REACH = 70
"""At most this many characters of attribution between the quotation's end and the comma
before the participle ('," the mayor told reporters on Monday, adding')."""

END = re.compile(r"[.!?](?=[\"”’']?(?:\s|$))|[\"“”]")
"""Where the trailing claim stops: the sentence's end, or a quotation mark that opens no
phrase of the claim's own (`end_past_quotations`)."""


def trailing_claim(art: ArticleText, q: Quote) -> Quote | None:
    """What the speaker of the direct quotation `q` added after its attribution, in the
    writer's words: ', adding [that] CLAIM.' within the same sentence."""
    if q.kind != "direct" or not q.speaker:
        return None
    text = art.text
    reach = text[q.end : q.end + ATTRIBUTION_REACH + 30]
    m = TRAIL.search(reach)
    if m is None or m.start() > ATTRIBUTION_REACH:
        return None
    between = reach[: m.start()]
    if any(ch in between for ch in '.!?"“”\n'):
        return None  # not one attribution: another sentence, or another quotation
    words = _words(between.lower())
    if words and not any(w in CUES for w in words):
        # '"...in France." Other analysts were less optimistic, predicting ...': a new
        # sentence, no attribution; 'Peabody said: "...," adding that ...' has none between.
        return None
    cs = q.end + m.end()
    ce = end_past_quotations(art, END, cs)
    nl = text.find("\n", cs, ce)
    if nl >= 0:
        ce = nl
    while ce > cs and text[ce - 1] in " ,;:—–-":
        ce -= 1
    toks = _tokens(text, cs, ce)
    if len(toks) < 4 or not opens_clause(toks[0]) or not has_verb(toks[1:]):
        return None
    return reported(art, cs, ce, q.speaker, m.group(1), q.speaker_sure)
