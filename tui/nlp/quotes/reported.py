"""Reported speech: sentences that say what someone said without quoting them ("X said that
...", "..., X said.", "according to X, ..."). A speaker must be found: an indirect quote
without one is more likely a misreading than news.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from tui.model import Quote
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.attribution import _sentence_subject, speaker_after, subject_before
from tui.nlp.quotes.certainty import speaker_sure
from tui.nlp.quotes.naming import name_phrase
from tui.nlp.quotes.tokens import Tok, _tokens
from tui.nlp.quotes.words import (
    ADJUNCTS,
    CLAUSE_OPENERS,
    DEMANDS,
    PARTICIPLE_CUES,
    PERSON_NOUNS,
    REPORTED_CUE,
    REPORTING,
    _words,
)
from tui.nlp.speakers import wordset


def _sentences(art: ArticleText, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of one paragraph as (start, end), quotations kept whole."""
    pos = start
    while pos < end:
        e = art.sentence_end(pos, end)
        if e <= pos:
            break
        yield pos, e
        pos = e
        while pos < end and art.text[pos].isspace():
            pos += 1


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink a span past spaces and punctuation at both ends."""
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?—–-"):
        e -= 1
    return s, e


def find_reported(art: ArticleText, direct: Sequence[Quote]) -> list[Quote]:
    """Reported speech the rules are sure of: "X said that ...", "..., X said.",
    "according to X, ...". Sentences holding a direct quotation are left alone, and a speaker
    must be found: an indirect quote without one is more likely a misreading than news."""
    spans = sorted((q.start, q.end) for q in direct)
    starts = [sp[0] for sp in spans]
    out: list[Quote] = []

    def quoted(s: int, e: int) -> int:
        """How much of text[s:e] direct quotations cover; all of it if one opens it."""
        i = bisect.bisect_left(starts, e) - 1
        covered = 0
        while i >= 0 and spans[i][1] > s:
            if spans[i][0] <= s + 2:
                return e - s
            covered += min(e, spans[i][1]) - max(s, spans[i][0])
            i -= 1
        return covered

    low = art._lower()
    for ps, pe in art.paras:
        # Where a reporting word is spelt in the paragraph: most paragraphs have none, and are
        # not split into sentences; a sentence that holds none is not looked at further.
        cues = [m.span() for m in REPORTED_CUE.finditer(low, ps, pe)] if low else None
        if cues == []:
            continue
        cue_ends = [e for _, e in cues] if cues else []
        for ss, se in _sentences(art, ps, pe):
            inside = quoted(ss, se)
            if se - ss < 25 or inside * 2 > se - ss:
                continue  # a sentence that is mostly someone's own words is theirs
            if cues and not _cue_within(cues, cue_ends, low, ss, se, pe):
                continue
            if not art.may_be_reported(ss, se):
                continue
            q = _reported_in(art, ss, se, mixed=inside > 0)
            if q is not None:
                out.append(q)
                if q.speaker and q.speaker not in art.reg.people:
                    # An organisation's words: "it" in a later sentence may be it.
                    art.last_speaker.append((art.para_of(ss), q.speaker, None, q.start))
    return out


def _cue_within(
    cues: list[tuple[int, int]], cue_ends: list[int], low: str, ss: int, se: int, pe: int
) -> bool:
    """Whether the sentence low[ss:se] of a paragraph ending at `pe` may hold a reporting word,
    given where the paragraph's own search found them (`cues`, and their ends): when none of
    those overlaps the sentence, a search of the sentence alone finds none either. Unless the
    sentence was cut inside a word (a very long one): the word's start may then read as one."""
    if se < pe and low[se - 1].isalpha():
        return True
    i = bisect.bisect_right(cue_ends, ss)
    return i < len(cues) and cues[i][0] < se


def _reported_in(art: ArticleText, ss: int, se: int, mixed: bool = False) -> Quote | None:
    """One reported-speech quote in the sentence text[ss:se], or None.

    `mixed`: the sentence holds a short direct quotation ('Clinton says it means Trump "may
    not have paid a dime" in taxes'); then only a speaker and verb before what they said will
    do, and both must stand outside the quotation marks."""
    text = art.text
    marks = any(mark in text[ss:se] for mark in '"“”')
    if marks and not mixed:
        return None  # quotation marks no quotation was made of: too unsure to read
    toks = _tokens(text, ss, se)
    n = len(toks)
    if n < 6:
        return None
    if marks:
        return _speaker_first(art, text, toks, ss, se, mixed=True)
    return _speaker_first(art, text, toks, ss, se) or _speaker_last(art, text, toks, ss, se)


def _speaker_first(
    art: ArticleText, text: str, toks: list[Tok], ss: int, se: int, mixed: bool = False
) -> Quote | None:
    """'According to X, CONTENT.', 'X said [that] CONTENT.', 'X told reporters CONTENT.'

    In a `mixed` sentence (one holding a short quotation) the verb must stand outside it."""
    n = len(toks)

    def quoted(k: int) -> bool:
        return mixed and art.frag_at(toks[k].start) is not None

    # "According to X, CONTENT." / "CONTENT, according to X."
    for k in range(n - 1):
        if toks[k].low != "according" or toks[k + 1].low != "to":
            continue
        if k == 0:
            c = next((x for x in range(2, n) if toks[x].text == ","), -1)
            if c < 0 or c > 10:
                return None
            source = (toks[2].start, toks[c - 1].end)
            name, _, sure = name_phrase(art, *source, toks[0].start)
            cs, ce = _trim(text, toks[c].end, se)
        elif toks[k - 1].text == "," and not mixed:
            tail = [t for t in toks[k + 2 :] if t.text not in ".!?"]
            if not tail or len(tail) > 10:
                return None
            source = (tail[0].start, tail[-1].end)
            name, _, sure = name_phrase(art, *source, toks[k].start)
            cs, ce = _trim(text, ss, toks[k - 1].start)
        else:
            return None
        return _make(art, cs, ce, name, "according to", sure, source)
    # "SUBJECT CUE [to OBJECT] that CONTENT."
    for k in range(n):
        w = toks[k].low
        if w not in REPORTING or quoted(k):
            continue
        t = next((x for x in range(k + 1, min(n, k + 7)) if toks[x].low == "that"), -1)
        if t < 0 or any(toks[x].text in ",;:()" for x in range(k + 1, t)):
            continue
        subject = subject_before(art, toks, k, 0)
        if subject is None:
            continue
        name, _, sure = name_phrase(art, subject[0], subject[1], toks[k].start)
        cs, ce = _trim(text, toks[t].end, se)
        return _make(art, cs, ce, name, toks[k].low, sure, (subject[0], subject[1]))
    # "SUBJECT ..., saying CONTENT.", "SUBJECT ... and said CONTENT.", "SUBJECT called for X."
    for k in range(2, n - 4):
        w = toks[k].low
        joined = toks[k - 1].text == "," and w in PARTICIPLE_CUES
        joined = joined or (toks[k - 1].low == "and" and w in REPORTING)
        if not (joined or (w in DEMANDS and toks[k + 1].low in ("for", "on"))) or quoted(k):
            continue
        j = k + 2 if w in DEMANDS else k + 1
        if j < n and toks[j].low == "that":
            j += 1
        if j >= n - 3 or (w not in DEMANDS and not _has_verb(toks[j:])):
            continue
        if w in DEMANDS and toks[k - 1].text != ",":
            span = subject_before(art, toks, k, 0)
        else:
            span = _sentence_subject(art, toks, k)
        if span is None:
            continue
        name, _, sure = name_phrase(art, span[0], span[1], toks[0].start)
        cs, ce = _trim(text, toks[j].start, se)
        return _make(
            art, cs, ce, name, " ".join(t.low for t in toks[k:j]), sure, (span[0], span[1])
        )
    # "SUBJECT CUE CONTENT." with no "that": "Stein said she plans to join the protest."
    for k in range(1, n - 4):
        w = toks[k].low
        if w not in REPORTING or not toks[k].text.islower() or quoted(k):
            continue  # "the United States" holds no verb
        j = k + 1
        if w in OBJECT_VERBS:
            j = _after_object(toks, j)  # "told reporters", "told CNN", "told him"
        while j < n and toks[j].low in WHEN_WORDS:
            j += 1  # "said Monday", "said on Tuesday"
        # 'claimed "Trump exaggerates" the level of ...': what was said may open with a quote.
        mark = int(mixed and j < n and toks[j].text in QUOTE_MARKS)
        if j + mark >= n - 3 or not _opens_clause(toks[j + mark]):
            continue
        if not _has_verb(toks[j + mark + 1 :]) and not _third_person(toks, j + mark):
            continue
        subject = subject_before(art, toks, k, 0)
        if subject is None:
            continue
        name, _, sure = name_phrase(art, subject[0], subject[1], toks[k].start)
        cs, ce = _trim(text, toks[j].start, se)
        return _make(art, cs, ce, name, w, sure, (subject[0], subject[1]))
    return None


def _speaker_last(art: ArticleText, text: str, toks: list[Tok], ss: int, se: int) -> Quote | None:
    """'CONTENT, SUBJECT CUE.', 'CONTENT, CUE SUBJECT[, apposition].'"""
    n = len(toks)
    commas = [x for x in range(n) if toks[x].text == ","]
    if not commas or commas[-1] < 4:
        return None
    c = commas[-1]
    for x in reversed(commas[:-1]):
        # "..., observed Hannah Cole, an economist at Bayfield Bank.": the apposition follows.
        if x >= 4 and toks[x + 1].low in REPORTING and x + 2 < n and toks[x + 2].text[:1].isupper():
            c = x
            break
    rest = [t for t in toks[c + 1 :] if t.text not in ".!?"]
    lead = toks[0].low
    if lead in CLAUSE_OPENERS or not rest:
        return None
    cue: str | None = None
    span: tuple[int, int] | None = None
    if rest[0].low in REPORTING:
        # "..., said Jane Doe." / "..., observed the minister."
        span = speaker_after(art, rest, 1)
        nxt = next((t for t in rest if span is not None and t.start >= span[1]), None)
        apposition = nxt is not None and nxt.text == "," and c != commas[-1]
        if span is not None and not apposition and (span[1] != rest[-1].end or len(rest) > 6):
            span = None
        cue = rest[0].low
    else:
        m = next((x for x in range(len(rest)) if rest[x].low in REPORTING), -1)
        after = rest[m + 1 :] if m >= 0 else []
        if 0 < m <= 8 and (not after or (after[0].low in ADJUNCTS and len(after) <= 5)):
            span = subject_before(art, rest, m, 0, anchored=True)
            cue = rest[m].low
    if span is None or cue is None:
        return None
    name, _, sure = name_phrase(art, span[0], span[1], toks[c].start)
    cs, ce = _trim(text, ss, toks[c].start)
    return _make(art, cs, ce, name, cue, sure, (span[0], span[1]))


def _make(
    art: ArticleText,
    cs: int,
    ce: int,
    speaker: str | None,
    cue: str | None,
    sure: bool,
    source: tuple[int, int],
) -> Quote | None:
    """An indirect Quote, if it has enough words to be a claim and a speaker: a name, or
    people the article does not name ("experts say", "officials said"; `source` is the
    subject's span), who are then no one's name."""
    text = art.text
    if len(_words(text[cs:ce])) < 4:
        return None
    if not speaker:
        words = _words(text[source[0] : source[1]].lower())
        if not words or words[-1] not in ANONYMOUS:
            return None
    return Quote(
        start=cs,
        end=ce,
        text=text[cs:ce],
        kind="indirect",
        speaker=speaker,
        cue=cue,
        speaker_sure=speaker_sure(art, speaker, sure),
    )


ANONYMOUS = PERSON_NOUNS | wordset("experts sources officials poll polls survey surveys study")
"""Heads of a subject that speaks without a name ("experts say", "a source said")."""

QUOTE_MARKS = frozenset("\"“”‘’'„«»")
"""Tokens that are quotation marks."""

OBJECT_VERBS = frozenset(("told", "tells"))
"""Reporting verbs whose listener comes first ("told reporters the plan was dead")."""

WHEN_WORDS = ADJUNCTS - {"in", "at", "during"} | {"last", "week", "night", "morning"}
"""Words of a time between a reporting verb and what was said ("said on Monday")."""

CLAUSE_STARTS = wordset(
    """he she they it we i you there this these those the a an his her their its our my
    some many most no all every each both several any"""
)
"""Words that open a clause of reported speech straight after its verb."""


NOT_CLAUSE = wordset(
    """to in on at for with from by about into of as than so nothing goodbye hello sorry thanks
    yes no not more less little much enough something anything everything what how why when
    where whether if who which"""
)
"""Words after a reporting verb that start no clause of reported speech ("said nothing")."""

FINITE = wordset(
    """is are was were will would can could should must may might shall has have had do does
    did isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't hasn't haven't
    hadn't doesn't didn't don't plans wants needs rose fell grew went came took made saw gave
    won lost began became kept left met paid ran sent spent stood thought knew brought bought
    built held led felt meant sold told got rises falls grows remains seems wants means"""
)
"""Words that show a clause has its verb ("the plan would fail", "rates rose")."""


def _opens_clause(tok: Tok) -> bool:
    """Whether reported speech may start at this token: a pronoun, a determiner, a name, a
    number or a noun ("said she plans", "said the plan", "said Calder will", "said rates")."""
    if tok.low in CLAUSE_STARTS or tok.text[:1].isupper() or tok.text[:1].isdigit():
        return True
    return tok.text[:1].isalpha() and tok.low not in NOT_CLAUSE


def _has_verb(toks: Sequence[Tok]) -> bool:
    """Whether a clause seems to hold a finite verb among its first words."""
    return any(t.low in FINITE or t.low.endswith("ed") for t in toks[:12])


def _third_person(toks: Sequence[Tok], j: int) -> bool:
    """'Trump exaggerates', 'she knows': a name or a singular pronoun and a verb in -s."""
    if j + 1 >= len(toks):
        return False
    head, verb = toks[j], toks[j + 1]
    singular = head.low in ("he", "she", "it", "this", "that") or head.text[:1].isupper()
    return singular and verb.text.islower() and verb.low.endswith("s") and len(verb.low) > 3


def _after_object(toks: Sequence[Tok], j: int) -> int:
    """The token after the listener of "told" ("reporters", "CNN", "the Post", "him")."""
    if j < len(toks) and toks[j].low in ("him", "her", "them", "us", "me", "reporters"):
        return j + 1
    if j < len(toks) and toks[j].low in ("the", "a", "an"):
        j += 1
    k = j
    while k < len(toks) and k - j < 4 and toks[k].text[:1].isupper():
        k += 1
    if k == j and j < len(toks) and toks[j].low in PERSON_NOUNS | {"reporters", "journalists"}:
        return j + 1
    return k if k > j else len(toks)
