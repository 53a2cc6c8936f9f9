"""Reported speech in a headline: "Trey Gowdy: Benghazi Inquiry Helped Reveal Email Scandal",
"Obama Says Museum Will Tell of Suffering", "Union endorses Clinton".

Why a reader of its own: a headline is written in a code of its own, in Title Case with no
final verb phrase ("Says" capitalised, so the sentence readers take it for a name), with a
colon for "said" and no "that", and with objects as short as a single name. A plain-text
article keeps its headline as its first line, and the headline is where a reader first meets
who said what, so it is read here, by its own two shapes, after the sentence readers found
nothing in it: "SPEAKER: CLAIM" and "SPEAKER VERB CLAIM". The speaker must be a person or an
organisation the article names (a label such as "Analysis:" or a place is no one), so a
headline that merely opens with a topic ("Stealth Over Health: ...") is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.model import Quote
from tui.nlp.cues import word_pattern
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.certainty import speaker_sure
from tui.nlp.quotes.described import describe, reported
from tui.nlp.quotes.naming import name_phrase
from tui.nlp.quotes.tokens import Tok, _tokens
from tui.nlp.quotes.words import DOCUMENTS
from tui.nlp.speaker_words import wordset

HEADLINE_VERBS = wordset(
    """says say calls call urges urge vows vow pledges pledge promises promise endorses
    endorse backs back slams slam blasts blast rips rip warns warn claims claim insists
    insist denies deny admits admit rejects reject questions question seeks seek wants want
    praises praise criticizes criticises criticize criticise attacks attack accuses accuse
    defends defend dismisses dismiss demands demand asks ask predicts predict suggests
    suggest argues argue denounces denounce condemns condemn opposes oppose supports support
    announces announce touts tout mocks mock trashes trash thinks think believes believe""",
)
"""Verbs by which a headline reports what its subject said or stands for, in the present as
headlines write them ("Obama Says", "union endorses"); not verbs of deeds ("Storm Hits")."""

_CAPITALISED = r"[A-Z][\w’'.\-]*\s+"
COLON_LINE = re.compile(r"(?:" + _CAPITALISED + r"){0,5}[A-Z][\w’'.\-]*:")
"""A line opening with a few capitalised words and a colon ("Trey Gowdy: ...")."""

VERB_LINE = re.compile(
    r"(?:"
    + _CAPITALISED
    + r"){1,6}(?:(?:just|now|also|still|again|finally)\s+)?(?i:"
    + word_pattern(HEADLINE_VERBS)
    + r")\b"
)
"""A line opening with a few capitalised words and a headline verb ("Obama Says ...")."""

LEADING = wordset("just now also still again finally")
"""Adverbs a headline sets between its subject and verb ("Panel Just Dismissed")."""

MAX_WORDS = 25
"""A first line of more words than this is a sentence of the story, not a headline."""

MAX_CHARS = 160
"""A first line longer than this is a paragraph of the story."""

VERB_LINE_WORDS = 16
"""A headline read by its verb is short: a longer first line is the story's first sentence."""

SUBJECT_WORDS = 6
"""At most this many words name the speaker before the colon or the verb."""


def headline_quote(art: ArticleText, direct: Sequence[Quote]) -> Quote | None:
    """Reported speech in the article's first line, when it is a headline: a short line of
    its own before a blank line, read by "SPEAKER: CLAIM" or "SPEAKER VERB CLAIM"."""
    if not art.paras:
        return None
    ps, pe = art.paras[0]
    text = art.text
    line_end = text.find("\n", ps, pe)
    if line_end < 0:
        line_end = pe
    if line_end - ps > MAX_CHARS:
        return None  # a paragraph of the story, not a headline
    if text.count("\n", line_end + 1, pe) or "\n" not in text[line_end : pe + 2]:
        return None  # not a line (and perhaps a subtitle's) standing alone above the story
    if not (COLON_LINE.match(text, ps, line_end) or VERB_LINE.match(text, ps, line_end)):
        return None  # neither shape can be read: the line is not cut into words
    toks = _tokens(text, ps, line_end)
    words = [t for t in toks if t.text[:1].isalnum()]
    if not 3 <= len(words) <= MAX_WORDS:
        return None
    found = _colon(art, toks) or _verb(art, toks)
    if found is None:
        return None
    span, start, cue = found
    end = toks[-1].end
    while end > start and text[end - 1] in ".;:,!? ":
        end -= 1
    if end - start < 3 or any(_covers(q, start, end) for q in direct):
        return None  # 'Trump: "We are going to win"' is a quotation, found as one
    named = name_phrase(art, span[0], span[1], ps)
    name = named.name
    after = text[span[1] : line_end].split()[:1]
    if name and after and after[0] in name.split():
        # A Title Case line runs the capitals on ("Ruth Adler Says Baths Will Reopen"): the
        # name is the one the story gives the subject's words.
        name = _person(art, text[span[0] : span[1]])
    if name and name not in art.place_names and _someone(art, name):
        # "Former DNC chairman calls ...": a name read off a description is a guess.
        written = text[span[0] : span[1]]
        sure = named.sure and name.split()[-1] in written
        return reported(art, start, end, name, cue, speaker_sure(art, name, sure))
    described = describe(art, *span) if cue != ":" and not name else None
    if described is None:
        return None  # a label ("Analysis:"), a place, or a topic the line opens with
    # "Union endorses Clinton", "Lawmaker urges ...": people the line does not name.
    return reported(art, start, end, described[0], cue, False)


def _person(art: ArticleText, written: str) -> str | None:
    """The one person or entity of the article whose name is, or ends with, `written`."""
    last = written.split()[-1]
    found = {
        n for n in (*art.reg.people, *art.entity_names) if n == written or n.endswith(" " + last)
    }
    return found.pop() if len(found) == 1 else None


def _covers(q: Quote, start: int, end: int) -> bool:
    """Whether a direct quotation covers half of text[start:end] or more."""
    return 2 * (min(q.end, end) - max(q.start, start)) >= end - start


def _someone(art: ArticleText, name: str) -> bool:
    """Whether the article shows `name` to be a person or an organisation it names."""
    if name in art.reg.people:
        return True
    return any(e.label in ("PERSON", "ORG") and name in (e.text, e.canonical) for e in art.entities)


def _colon(art: ArticleText, toks: list[Tok]) -> tuple[tuple[int, int], int, str] | None:
    """'Trey Gowdy: CLAIM': a capitalised name of a few words, a colon, and a claim."""
    c = next((x for x, t in enumerate(toks) if t.text == ":"), -1)
    if c < 1 or c > SUBJECT_WORDS or c + 2 >= len(toks):
        return None
    head = toks[:c]
    if not all(t.text[:1].isupper() or t.text in ("’s", "'s") for t in head):
        return None
    if head[-1].low in DOCUMENTS:
        return None  # "Poll: ...": a record, which the line does not name
    return (head[0].start, head[-1].end), toks[c + 1].start, ":"


def _verb(art: ArticleText, toks: list[Tok]) -> tuple[tuple[int, int], int, str] | None:
    """'Obama Says CLAIM', 'Union endorses Clinton': the subject of a few words opening the
    line (no comma, no quotation), a headline verb and what follows it."""
    for k in range(1, min(len(toks) - 1, SUBJECT_WORDS + 1)):
        t = toks[k]
        if not t.text[:1].isalpha() and t.text not in ("’s", "'s"):
            return None
        if t.low not in HEADLINE_VERBS:
            if t.text.islower() and t.low not in LEADING:
                return None  # "Coach O'Sullivan heaped praise": the verb comes first
            continue
        a = k
        while a > 1 and toks[a - 1].low in LEADING:
            a -= 1
        head = toks[:a]
        if not all(t.text[:1].isupper() or t.text in ("’s", "'s") for t in head):
            return None  # "Blair has arrived back from ...": a sentence, the verb not first
        if head[-1].low in DOCUMENTS or len(toks) > VERB_LINE_WORDS:
            return None
        if toks[k + 1].low in ("by", "up", "off", "out", "down"):
            return None  # "Calls Up", "Backs Down": no claim follows
        return (head[0].start, head[-1].end), toks[k + 1].start, t.low
    return None
