"""Evidence that speaks: a poll, a study, figures or records said to show or find something
("A new poll shows that ...", "..., figures show.", "While the plan cuts taxes, one study found
..."). Whoever made the evidence, if a name says so, is the speaker; else the evidence itself,
as written. Split from `reported`, which reads people's reported speech and asks here last.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.model import Quote
from tui.nlp.capital_runs import name_runs
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.clauses import has_verb, opens_clause
from tui.nlp.quotes.naming import name_phrase
from tui.nlp.quotes.reported_claim import (
    COORDINATORS,
    OPENER_WORDS,
    _make,
    _opener_closed,
    _trim,
)
from tui.nlp.quotes.tokens import Named, Tok
from tui.nlp.quotes.words import (
    BOUNDARY,
    CLAUSE_OPENERS,
    DETERMINERS,
    DOCUMENTS,
    EVIDENCE_VERBS,
    REPORTING,
    THAT_VERBS,
)
from tui.nlp.speaker_words import wordset
from tui.nlp.speakers import split_run


def evidence_first(
    art: ArticleText, text: str, toks: list[Tok], se: int, quoted: Callable[[int], bool]
) -> Quote | None:
    """'A new poll shows that ...', 'A 2014 study by Bayfield College found ...': a poll, a
    study or a record speaks. Its subject opens the sentence, or follows a concessive clause
    ("While the plan cuts taxes, one study found ..."), and has a document for its head;
    whoever made it (a name in the subject) is the speaker, if named."""
    n = len(toks)
    o = _past_opener(toks)
    h = next((x for x in range(o, min(n, o + HEAD_REACH)) if toks[x].low in DOCUMENTS), -1)
    if n and toks[0].low in CONCESSIVES:
        # "Though a poll found ..., Y": the evidence speaks inside the opening clause, which
        # is not part of its name; else after it, "While X, one study found ...".
        o = 1
        if h < 0:
            o = next((x + 1 for x in range(1, min(n, OPENER_WORDS + 1)) if toks[x].text == ","), 0)
            if o == 0:
                return None  # the opening clause never closes: no subject of its own follows
            h = next((x for x in range(o, min(n, o + 6)) if toks[x].low in DOCUMENTS), -1)
    if h < 0 or any(not _modifier(t) or t.low in SAYING or t.low in BOUNDARY for t in toks[o:h]):
        return None  # "The commissioner says an internal review shows": the review is his
    if h - o >= FAR_HEAD and any(_verbal(t) for t in toks[o:h]):
        return None  # "He apparently believed the unscientific Internet polls that showed"
    for k in range(h + 1, min(n - 4, h + 16)):
        if toks[k].text in ",;:()" or quoted(k):
            return None
        if toks[k].low not in EVIDENCE_VERBS or not toks[k].text.islower():
            continue
        j = k + 1 + int(toks[k + 1].low == "that")
        # After "that" the claim may open with where or when ("found that in the three
        # largest counties, voters ..."): "that" has said a clause follows.
        opens = opens_clause(toks[j]) or (j > k + 1 and toks[j].low in CLAUSE_OPENERS)
        if j >= n - 3 or not opens:
            return None
        if j == k + 1 and not has_verb(toks[j + 1 :]) and not _small_clause(toks, j):
            return None  # "that" says a clause follows; without it, a verb must show one
        subject = (toks[o].start, toks[k - 1].end)
        named = _document_maker(art, subject, toks[k].start)
        cs, ce = _trim(text, toks[j].start, se)
        return _make(art, cs, ce, named.name, toks[k].low, named.sure, subject, unnamed=True)
    return None


SAYING = REPORTING | THAT_VERBS | EVIDENCE_VERBS
"""Verbs that never stand inside the name of a piece of evidence."""

HEAD_REACH = 8
"""A document's name stands within this many words of the subject's start ("The latest
Reuters/Ipsos opinion poll")."""

SENTENCE_ADVERBS = wordset("yet but and however meanwhile still also so")
"""Words opening a sentence before its subject ("Yet, a 2014 study by ... found")."""

TIME_OPENERS = wordset("in on at during last this earlier")
"""Words opening a short time before the subject ("In 2013, research by ... found")."""


def _past_opener(toks: list[Tok]) -> int:
    """Where the subject starts, past a sentence adverb ("Yet, a study found ...") or a short
    time closed by a comma ("In 2013, research by ... found ...")."""
    o = 0
    if toks and toks[0].low in SENTENCE_ADVERBS:
        o = 2 if len(toks) > 1 and toks[1].text == "," else 1
    if o < len(toks) and toks[o].low in TIME_OPENERS:
        c = next((x for x in range(o + 1, min(len(toks), o + 5)) if toks[x].text == ","), -1)
        if c > 0 and all(t.text[:1].isalnum() for t in toks[o + 1 : c]):
            o = c + 1
    return o


FAR_HEAD = 6
"""A document this many words or more into its subject has only names and adjectives before
it (`_verbal`): "The latest Reuters/Ipsos opinion poll", not "He believed the polls"."""


def _verbal(tok: Tok) -> bool:
    """A pronoun, an auxiliary, a joining word, an adverb or a verb in the past: the words
    before a far head are a clause."""
    low = tok.low
    if low in CLAUSE_WORDS or low in BOUNDARY:
        return True  # "If the harbour plan passes one study found": a clause opens first
    return tok.text.islower() and low.endswith(("ed", "ly"))


CLAUSE_WORDS = wordset("he she it they we i you is are was were be been has have had")
"""Pronouns and auxiliaries: before a far head they make a clause ("Alarm bells were rung by
a research note called ...")."""


CONCESSIVES = wordset("while although though whereas")
"""Openers of a clause granting something before the main one, whose subject may be evidence:
"While the plan cuts taxes, one study found ..." (what the study found is the claim)."""


def evidence_last(art: ArticleText, text: str, toks: list[Tok], ss: int) -> Quote | None:
    """'CONTENT, a Gazette analysis of the accounts shows.', 'CONTENT, other studies have
    shown.': the evidence named after what it shows, its verb closing the sentence. Its subject
    is a document (after words that may stand before one), maybe with who made it or what it
    covers after "of", "by" or the like; the verb is in small letters."""
    n = len(toks)
    end = n
    while end > 0 and toks[end - 1].text in ".!?":
        end -= 1
    if end < 6 or toks[end - 1].low not in EVIDENCE_VERBS or not toks[end - 1].text.islower():
        return None
    k = end - 1
    verb = k
    while k > 0 and toks[k - 1].low in ("has", "have", "had"):
        k -= 1  # "other studies have shown"
    commas = [x for x in range(k) if toks[x].text == ","]
    if not commas or commas[-1] < 4:
        return None
    c = commas[-1]
    first = 1 if toks[0].low in COORDINATORS else 0  # "But the plan is ..., a study shows."
    if toks[first].low in CLAUSE_OPENERS and not _opener_closed(toks, commas, c):
        return None
    subject = toks[c + 1 : k]
    h = next((x for x in range(min(len(subject), 6)) if subject[x].low in DOCUMENTS), -1)
    if h < 0 or len(subject) > 12 or any(not _modifier(t) for t in subject[:h]):
        return None
    tail = subject[h + 1 :]
    if tail and (tail[0].low not in DOCUMENT_LINKS or any(not t.text[:1].isalnum() for t in tail)):
        return None  # "which the new figures show", "the report she showed"
    span = (subject[0].start, subject[-1].end)
    named = _document_maker(art, span, toks[verb].start)
    cs, ce = _trim(text, ss, toks[c].start)
    return _make(art, cs, ce, named.name, toks[verb].low, named.sure, span, unnamed=True)


DOCUMENT_LINKS = wordset("of by from for on in")
"""Words after a document's name that say whose it is or what it covers ("an analysis of
newly filed reports", "a survey by Marrowby College")."""


def _document_maker(art: ArticleText, subject: tuple[int, int], pos: int) -> Named:
    """Who made the evidence a subject names: its last name ("a 2014 study by Bayfield
    College"), but never a lone capitalised first word ("Video of the incident")."""
    runs = [
        r
        for r in name_runs(art.text, *subject)
        if split_run(r[2])[0] and (r[0] > subject[0] or " " in r[2])
    ]
    if not runs:
        return Named(None, None)
    start, first_link = runs[-1][0], ""
    for prev in reversed(runs[:-1]):
        link = art.text[prev[1] : start].strip().lower()
        if link not in NAME_LINKS:
            break
        start, first_link = prev[0], link  # "the Center for Media and Public Affairs"
    if first_link == "and":
        start = runs[-1][0]  # "Earthlink and Webroot": two makers, the last read as before
    if start < runs[-1][0]:
        # A name of several runs is shown as written: its runs read one by one are other
        # names ("Public Affairs" a person's), and the whole is named nowhere else.
        return Named(" ".join(art.text[start : runs[-1][1]].split()), None, False)
    return name_phrase(art, start, runs[-1][1], pos)


NAME_LINKS = frozenset(("of", "for", "and", "at", "on"))
"""Small words that join the capitalised runs of one maker's name ("Center for Media and
Public Affairs", "University of California at Berkeley")."""


def _small_clause(toks: list[Tok], j: int) -> bool:
    """Whether the words from j are a name or a noun and a participle: "Clinton leading Trump
    by five points", "turnout falling": what a poll shows, with no finite verb."""
    for x in range(j + 1, min(len(toks) - 1, j + SMALL_CLAUSE_WORDS)):
        t = toks[x]
        if t.low.endswith("ing") and t.text.islower() and len(t.low) > 4:
            return True
        if not t.text[:1].isalnum() or (t.low in BOUNDARY and t.low != "and"):
            return False  # "both Trump and Carson beating Clinton": "and" joins the subject
    return False


SMALL_CLAUSE_WORDS = 8
"""The participle of what a poll shows comes within this many words ("his favourability
among Republicans falling")."""


def _modifier(tok: Tok) -> bool:
    """A word that may stand before a document's name ("A new", "The 2014", "USA TODAY",
    "the Reuters/Ipsos")."""
    return (
        tok.text in ("/", "-", "&")
        or tok.low in DETERMINERS
        or tok.text[:1].isupper()
        or tok.text[:1].isdigit()
        or (tok.text.isalpha() and tok.text.islower() and tok.low not in BOUNDARY)
    )
