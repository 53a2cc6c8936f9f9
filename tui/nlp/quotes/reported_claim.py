"""Where what was said begins and ends in a sentence of reported speech, and the indirect
`Quote` made of it: past a joining "But", up to a second speaker's "and Democrats accused",
within a subordinate clause ("While his aides have suggested ..., Obama is ..."), on past an
inner attribution ("..., he said, and the wrangling could ..."). Split from `reported`, which
reads the sentence shapes and hands the bounds here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence

from tui.model import Quote
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.certainty import speaker_sure
from tui.nlp.quotes.clauses import ANONYMOUS, has_verb, opens_clause
from tui.nlp.quotes.described import describe, reported
from tui.nlp.quotes.tokens import Tok, _tokens
from tui.nlp.quotes.words import (
    ASKS,
    DEMANDS,
    IMPERSONAL,
    REPORTING,
    THAT_VERBS,
    _words,
    has_words,
)
from tui.nlp.speaker_words import wordset


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink a span past spaces and punctuation at both ends."""
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?—–-"):
        e -= 1
    return s, e


def scare_quotes_only(art: ArticleText, ss: int, se: int) -> bool:
    """Whether every quoted stretch in text[ss:se] is a closed pair of a few words: a scare
    quote or a phrase taken up ('take "robust steps"'), not someone's words run on."""
    i = bisect.bisect_left(art.frag_starts, ss)
    seen = False
    while i < len(art.frags) and art.frags[i].start < se:
        f = art.frags[i]
        if not f.closed or f.end > se or len(_words(art.text[f.start : f.end])) > SCARE_WORDS:
            return False
        seen = True
        i += 1
    return seen


SCARE_WORDS = 6
"""At most this many words in quotation marks make a scare quote inside reported speech."""


def end_past_quotations(art: ArticleText, end: re.Pattern[str], cs: int) -> int:
    """Where a claim starting at `cs` ends: at the first match of `end`, read on past the
    quotations the claim holds ('arguing that he will bring a "common-sense" approach to the
    job'). A closed pair of marks opening on the claim's own words (a word before it, no comma
    or colon introducing it) is a phrase the speaker is quoted on, part of what was said; a
    quotation that closes its sentence closes the claim with it ('she knows that "LeBron will
    always be the king."'), and so does one a comma follows. Any other mark ends the claim:
    the words after it are a quotation of their own, found by the quotation finder."""
    text = art.text
    pos = cs
    while True:
        m = end.search(text, pos)
        if m is None:
            return len(text)
        at = m.start()
        if text[at] not in '"“”':
            return at
        f = art.frag_at(at)
        before = text[cs:at].rstrip()
        if (
            f is None
            or f.start != at
            or not f.closed
            or f.paragraphs > 1
            or not before
            or not (before[-1].isalnum() or before[-1] in "’'")
        ):
            return at
        if art.ends_sentence(f) or text.startswith(",", f.end):
            return f.end  # 'his admission that he "guessed it", will do little to ...'
        pos = f.end


def _end_with_its_clause(art: ArticleText, toks: Sequence[Tok], q: Quote) -> None:
    """'While his advisers have suggested CONTENT, Mr. Obama is determined to ...': what was
    said ends where the subordinate clause holding it does, at its last comma before a main
    clause with a subject of its own."""
    if any(t.text == "," for t in toks if t.start < q.start):
        return  # the cue stands after the subordinate clause, in the main one
    commas = [t for t in toks if t.text == "," and q.start < t.start < q.end]
    if not commas:
        return
    after = [t for t in toks if t.start > commas[-1].start]
    if len(after) < 3 or not opens_clause(after[0]) or not has_verb(after[1:]):
        return
    s, e = _trim(art.text, q.start, commas[-1].start)
    if len(_words(art.text[s:e])) >= 4:
        q.end = e
        q.text = art.text[s:e]


URGES = wordset("urged urges urging") | ASKS
"""Demands whose content is a person and what they should do ("urged Republicans to join",
"asked voters to reject")."""


def _object_then_to(toks: Sequence[Tok], j: int) -> bool:
    """Whether tokens from j are a short object and then "to" and a verb ("Republicans to
    join", "the president to act"): what someone was urged to do."""
    for x in range(j + 1, min(len(toks) - 1, j + 5)):
        if toks[x].low == "to":
            return toks[x + 1].text.isalpha() and toks[x + 1].text.islower()
        if not toks[x].text[:1].isalnum():
            return False
    return False


def _opener_closed(toks: Sequence[Tok], commas: list[int], c: int) -> bool:
    """Whether a sentence that opens with an adverbial ("After months of talks, ...") closes it
    with a comma and then says something of its own before the attribution at comma `c`:
    "When the vote was over, Cole said." holds no claim, "After months of talks, the two sides
    are close to a deal, an official said." does."""
    first = commas[0]
    return first < c and first <= OPENER_WORDS and c - first > 4


COORDINATORS = wordset("but and so yet")
"""A sentence's first word that joins it to the last one: the claim starts after it."""

OPENER_WORDS = 12
"""At most this many words in an opening adverbial before the claim."""


def _claim_goes_on(toks: Sequence[Tok], b: int) -> bool:
    """Whether the words from token b, after an attribution set inside a claim, still belong
    to it: "..., he said, and intense wrangling could be paralyzing", "..., Clarke said,
    until it went bankrupt"; not "..., Cole said, and then left" (her doing, not her words)."""
    if toks[b].low in GOES_ON:
        return True
    if toks[b].low not in ("and", "but") or b + 2 >= len(toks):
        return False
    nxt = toks[b + 1]
    if nxt.low in NOT_A_SUBJECT or nxt.low.endswith("ed") or not opens_clause(nxt):
        return False
    return has_verb(toks[b + 2 :])


GOES_ON = wordset("since until because although though")
"""Words after an inner attribution that carry the claim on ("..., she said, because ...")."""

NOT_A_SUBJECT = wordset(
    """then left went came added said says walked smiled laughed paused also later again
    urged called asked told""",
)
"""Words after "and" that make what follows the speaker's doing, not more of the claim."""


CONTRASTS = wordset("but while although though whereas")
"""Words that join a second claim to a sentence, perhaps someone else's."""


_INTRODUCED_QUOTE = re.compile(
    r"""(?:,?\s+(?:but|and)\s+\w+)?\s*:\s*["“]|,\s+\w+ing(?:\s+that|\s*:)?\s+["“]"""
)
"""A quotation inside the claim with the words that introduce it: "... but argued: \"...\"",
"..., claiming that \"...\"", "..., adding: \"...\"". It is a direct quote of its own; the
paraphrase ends before."""


def _clip_at_next_speaker(text: str, cs: int, ce: int) -> int:
    """Where what was said ends, when a second subject and its own cue join the sentence:
    "Republicans said they are convinced ... and Democrats accused the GOP of ..." ends
    before "and Democrats"; or at a quotation a colon introduces ("... but argued: \"...\"",
    a direct quote of its own)."""
    # The pattern ends at an opening mark: a claim without one (most) is not searched, as
    # the pattern's optional start would be tried at each of its characters.
    has_mark = text.find('"', cs, ce) >= 0 or text.find("“", cs, ce) >= 0
    quoted = _INTRODUCED_QUOTE.search(text, cs, ce) if has_mark else None
    if quoted is not None and quoted.start() > cs:
        ce = _trim(text, cs, quoted.start())[1]
    for at, after in _joining_words(text, cs, ce):
        rest = _tokens(text, after, min(ce, after + 60))
        if len(rest) < 2 or not _second_subject(rest[0]):
            continue
        head = next((x for x in range(min(len(rest), 4)) if rest[x].low in SECOND_CUES), -1)
        if head > 0 and all(_second_subject(t) for t in rest[:head]):
            return _trim(text, cs, at)[1]
    return ce


def _second_subject(tok: Tok) -> bool:
    """A word of a second speaker's subject: a name, people left unnamed, a share ("while 22
    percent said ...")."""
    return tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.low in SECOND_SUBJECTS


SECOND_SUBJECTS = ANONYMOUS | wordset("percent")


_JOINING_WORD = re.compile(r"(?:and|but|while|whereas)(?![\w’'\-])", re.IGNORECASE)


def _joining_words(text: str, cs: int, ce: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each token "and" or "but" (any case) of text[cs:ce] but the first, as
    `_tokens(text, cs, ce)` would cut them: found by a search instead of making a token of
    every word of the claim, which most claims never need. A match is a token unless it ends
    a longer word: a word character before it, maybe past apostrophes and hyphens ("rock-and",
    "Bob'but"), joins it to that word."""
    for m in _JOINING_WORD.finditer(text, cs + 1, ce):
        k = m.start()
        while k > cs and text[k - 1] in "’'-":
            k -= 1
        if k > cs and (text[k - 1].isalnum() or text[k - 1] == "_"):
            continue
        yield m.start(), m.end()


SECOND_CUES = REPORTING | THAT_VERBS | DEMANDS | wordset("accused accuses")
"""Cues that show a joined clause is a second speaker's ("and Democrats accused ...")."""


_TAKES_AN_OBJECT = wordset(
    """
    told tell tells telling promised promise promises promising assured assure assures
    assuring warned warn warns warning reminded remind reminds reminding informed inform
    informs informing convinced reassured reassure reassures reassuring persuaded notified
    """
)
"""Cues whose first object is the person addressed, not the claim ("told reporters that")."""
_OBJECT_THEN_THAT = re.compile(r"(?:[^\s,;:.\"“”]+\s+){1,8}?that\s+", re.IGNORECASE)
"""A short object with no punctuation in it, then "that"."""


_PASSIVE_AFTER = re.compile(r"\s+(?:is|was|has been|had been)\s")


def _make(
    art: ArticleText,
    cs: int,
    ce: int,
    speaker: str | None,
    cue: str | None,
    sure: bool,
    source: tuple[int, int],
    unnamed: bool = False,
) -> Quote | None:
    """An indirect Quote, if it has enough words to be a claim and a speaker: a name, or
    people the article does not name ("experts say", "officials said"; `source` is the
    subject's span), who are then no one's name. `unnamed`: the cue itself marks a source
    ("according to federal statistics", "a poll shows"), so none need be named."""
    text = art.text
    ce = _clip_at_next_speaker(text, cs, ce)
    if _WHO_AFTER.match(text, source[1]) and cs > source[1]:
        # "Holt, who said the plan was dead, left early": the relative ends at its comma.
        m = _RESUMES.search(text, cs, ce)
        if m is not None:
            ce = m.start()
    after_that = text[max(0, cs - 6) : cs].rstrip().lower().endswith("that")
    if cue and not after_that and cue.lower().split()[-1] in _TAKES_AN_OBJECT:
        # "promising delegates from 23 countries that the country would ...": who was told
        # is not what was said; the claim starts after "that".
        told = _OBJECT_THEN_THAT.match(text, cs, ce)
        if told is not None:
            cs = told.end()
    if not has_words(text, cs, ce, 4):
        return None
    if not speaker:
        described = describe(art, *source)
        if described is not None:
            # People, a group or a record the article leaves unnamed: its words are the speaker
            # (never what "it" or "they" later stands for: that is a name's place).
            art.described.add(described[0])
            return reported(art, cs, ce, described[0], cue, described[1])
        words = _words(text[source[0] : source[1]].lower())
        # "It is understood that ...": a claim the article gives no speaker ("it said" is not).
        impersonal = (
            words == ["it"]
            and (cue or "") in IMPERSONAL
            and _PASSIVE_AFTER.match(text, source[1]) is not None
        )
        if (
            not unnamed
            and not impersonal
            and (not words or words[-1] not in ANONYMOUS)
            and words != ["they"]
        ):
            return None  # "they said", no one they stand for: people unnamed still spoke
    return reported(art, cs, ce, speaker, cue, speaker_sure(art, speaker, sure))


_WHO_AFTER = re.compile(r",\s+who\b")
"""A relative clause opening right after the speaker's name: what they said ends with it."""

_RESUMES = re.compile(r",\s+(?:[a-z]+ed|is|was|has|had|will|would|can|could|left|went|took|won)\b")
"""The comma after which the sentence's own verb resumes ("Holt, who said ..., left early")."""


def said_before_added(
    art: ArticleText, ss: int, added: Quote, read: Callable[[ArticleText, int, int], Quote | None]
) -> Quote | None:
    """The first claim of "CONTENT, BMW said, adding that MORE", when `added` is MORE: the
    sentence holds two things said by one speaker, and the sentence reader finds one. `read`
    reads the words before ", adding" as a sentence of their own; what it finds is kept only
    when the same speaker said it ("..., Mr. Manafort said": Manafort's words too)."""
    participle = (added.cue or "").split(" ", 1)[0]
    if not participle.endswith("ing") or not added.speaker:
        return None
    at = art.text.rfind(", " + participle, ss, added.start)
    if at <= ss:
        return None
    first = read(art, ss, at)
    return first if first is not None and first.speaker == added.speaker else None
