"""Reported speech read from a dependency parse, added to what the rules engine found.

Why a parse: the rules read reported speech by word order around a known verb ("X said that
..."), and most reported attributions in news use a verb or a shape seen once or twice ("is
endorsing", "pointed to", "whose claim that"). A parse names a verb's subject and complement
whatever lies between them, so one reading covers them all: the subject of a verb of saying,
thinking or wanting is the speaker, its complement (a clause, a "to ..." aim, an object, a
prepositional stance) is what they said.

The parser is the costly part (tens of times the rules' cost per word), so it runs only where it
pays: sentences that spell a cue word (`parse_words.CANDIDATE`) and that no quotation of the
rules engine already covers. Direct quotations and the rules' reported speech are kept as they
are; the parse adds reported speech in the sentences left over. Speakers go through the rules'
own `name_phrase`, so "he" is resolved as the rest of the article's pronouns are.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from tui.model import Entity, Quote
from tui.nlp.parse_words import (
    CANDIDATE,
    CLAIM_NOUNS,
    CLAUSE_LEMMAS,
    INFINITIVE_VERBS,
    LEMMA,
    OBJECT_VERBS,
    PREPOSITION_VERBS,
)
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.certainty import speaker_sure
from tui.nlp.quotes.clauses import ANONYMOUS
from tui.nlp.quotes.described import describe, reported
from tui.nlp.quotes.direct import find_direct
from tui.nlp.quotes.naming import name_phrase
from tui.nlp.quotes.reported import find_reported
from tui.nlp.quotes.words import DOCUMENTS, PRONOUNS

Parse = Callable[[list[str]], Iterable[Any]]
"""Sentences in, one parsed spaCy `Doc` per sentence out (in order)."""

MIN_WORDS = 4
"""A complement of fewer words is a name or a topic ("attacked Machado"), not a claim."""

MIN_SENTENCE = 25
"""Sentences shorter than this many characters are not parsed."""

SPEAKER_PRONOUNS = frozenset(("he", "she", "they", "i", "we", "it"))

RELATIVES = frozenset(("which", "who", "whom", "whose"))

SUBJECT_DEPS = frozenset(("nsubj",))
JOINED_DEPS = frozenset(("conj", "advcl", "xcomp"))
"""A verb with no subject of its own borrows its head's: "X arrived and said ...", "X spoke,
saying ..."."""


@dataclass(frozen=True)
class Reading:
    """One attribution read off a parse, in offsets of the article."""

    start: int
    end: int
    subject: tuple[int, int]
    cue: str
    named_by_cue: bool = False  # "according to X": the source is named by the cue itself
    borrowed: bool = False  # the subject is another verb's or a relative clause's antecedent


def find_quotes_parsed(text: str, entities: list[Entity], parse: Parse) -> list[Quote]:
    """The rules engine's quotations, plus reported speech the parse finds in sentences the
    rules left without any; sorted by start."""
    if not text:
        return []
    art = ArticleText(text, entities)
    quotes = find_direct(art)
    quotes.extend(find_reported(art, quotes))
    quotes.sort(key=lambda q: q.start)
    sentences = candidates(art, quotes)
    if not sentences:
        return quotes
    docs = parse([text[s:e] for s, e in sentences])
    added: list[Quote] = []
    for (ss, _), doc in zip(sentences, docs, strict=True):
        for reading in read_doc(doc, ss):
            q = _quote(art, reading)
            if q is not None:
                added.append(q)
                break  # one attribution per sentence: the outermost
    quotes.extend(added)
    quotes.sort(key=lambda q: q.start)
    return quotes


def candidates(art: ArticleText, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Sentences worth parsing: they spell a cue word and no quotation overlaps them."""
    text = art.text
    low = text.lower()
    if len(low) != len(text):
        low = ""  # offsets would not line up; every sentence is then looked at
    spans = sorted((q.start, q.end) for q in quotes)
    starts = [s for s, _ in spans]
    ends_max: list[int] = []
    m = -1
    for _, e in spans:
        m = max(m, e)
        ends_max.append(m)

    def covered(s: int, e: int) -> bool:
        i = bisect.bisect_left(starts, e) - 1
        return i >= 0 and ends_max[i] > s

    out: list[tuple[int, int]] = []
    for ps, pe in art.paras:
        if low and CANDIDATE.search(low, ps, pe) is None:
            continue
        for ss, se in _sentences(art, ps, pe):
            if se - ss < MIN_SENTENCE or covered(ss, se):
                continue
            if low and CANDIDATE.search(low, ss, se) is None:
                continue
            if art.frag_at(ss) is not None:
                continue  # opens inside a quotation: someone's own words
            if _shouted(text, ss, se):
                continue  # a headline or sub-heading in capitals: the model reads it badly
            out.append((ss, se))
    return out


def _shouted(text: str, start: int, end: int) -> bool:
    """Whether most letters of text[start:end] are capitals."""
    upper = lower = 0
    for ch in text[start:end]:
        if ch.isupper():
            upper += 1
        elif ch.islower():
            lower += 1
    return upper > lower


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


def read_doc(doc: Any, offset: int) -> list[Reading]:
    """Attributions in one parsed sentence, outermost first (nearest the root)."""
    out: list[Reading] = []
    for tok in sorted(doc, key=_depth):
        reading = _according(tok, offset) or _verb(tok, offset) or _claim_noun(tok, offset)
        if reading is not None:
            out.append(reading)
    return out


def _depth(tok: Any) -> int:
    d = 0
    while tok.head.i != tok.i and d < 64:
        tok = tok.head
        d += 1
    return d


def _according(tok: Any, offset: int) -> Reading | None:
    """'According to X, CLAIM.' / 'CLAIM, according to X.'"""
    if tok.lower_ != "according" or tok.dep_ != "prep":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if obj is None:
        return None
    head = tok.head
    lo, hi = tok.left_edge.i, tok.right_edge.i
    left = [t for t in head.subtree if t.i < lo and not t.is_punct]
    right = [t for t in head.subtree if t.i > hi and not t.is_punct]
    part = right if len(right) >= len(left) else left
    if not part:
        return None
    return Reading(
        offset + part[0].idx,
        offset + part[-1].idx + len(part[-1]),
        _span(obj, offset),
        "according to",
        named_by_cue=True,
    )


def _verb(tok: Any, offset: int) -> Reading | None:
    """SUBJECT VERB COMPLEMENT, in any order the parse allows."""
    lemma = LEMMA.get(tok.lower_)
    if lemma is None or tok.dep_ in ("amod", "compound", "nsubj", "dobj", "pobj"):
        return None
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return None  # "was told that ...": the speaker is not the subject
    found = _subject(tok)
    if found is None:
        return None
    subject, borrowed = found
    content = _complement(tok, lemma)
    if content is None:
        return None
    first, last = content
    cue = tok.lower_
    particle = next((c for c in tok.children if c.dep_ == "prt"), None)
    if particle is not None:
        cue = f"{cue} {particle.lower_}"
    return Reading(
        offset + first.idx,
        offset + last.idx + len(last),
        _span(_named_apposition(subject), offset, head_only=True),
        cue,
        borrowed=borrowed,
    )


def _subject(tok: Any) -> tuple[Any, bool] | None:
    """The verb's subject, or its head's when it has none ("X arrived and said"); and whether
    it was borrowed so (a longer reach, so a less sure reading)."""
    for hop in range(3):
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            if tok.dep_ == "relcl":
                # "Smith, who said ...": Smith. "Everything Trump says is ...": no claim here.
                return (tok.head, True) if subj.lower_ in ("who", "that") else None
            if subj.lower_ in ("which", "this", "that", "what", "there"):
                return None
            return subj, hop > 0
        if tok.dep_ not in JOINED_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _named_apposition(head: Any) -> Any:
    """The name in apposition to a role ("Trump's running mate, Indiana Gov. Mike Pence,"):
    the person named speaks, not the one the role is described by."""
    if head.text[:1].isupper():
        return head
    for child in head.children:
        if child.dep_ == "appos" and child.text[:1].isupper():
            return child
    return head


def _complement(tok: Any, lemma: str) -> tuple[Any, Any] | None:
    """First and last token of what the verb reports, or None."""
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is not None and lemma in CLAUSE_LEMMAS:
        return _edges(comp)
    if tok.dep_ == "parataxis" and lemma in CLAUSE_LEMMAS:
        # "The plan, Jones argued, was wrong": the sentence around the verb is the claim.
        head = tok.head
        lo, hi = tok.left_edge.i, tok.right_edge.i
        words = [t for t in head.subtree if not lo <= t.i <= hi and not t.is_punct]
        return (words[0], words[-1]) if words else None
    if lemma in INFINITIVE_VERBS:
        comp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if comp is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
            return _edges(comp)
    if lemma in OBJECT_VERBS:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return _edges(obj)
    preps = PREPOSITION_VERBS.get(lemma)
    if preps:
        prep = next(
            (c for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ in preps), None
        )
        if prep is not None:
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return _edges(obj)
            if prep.dep_ == "prt":
                comp = next((c for c in tok.children if c.dep_ in ("ccomp", "dobj")), None)
                if comp is not None:
                    return _edges(comp)
    return None


def _claim_noun(tok: Any, offset: int) -> Reading | None:
    """ "X's claim that CLAIM": a possessor, and a "that" clause on the noun."""
    if tok.lower_ not in CLAIM_NOUNS:
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp")), None)
    if owner is None or clause is None:
        return None
    if not any(c.lower_ == "that" and c.dep_ == "mark" for c in clause.children):
        return None
    first, last = _edges(clause)
    return Reading(
        offset + first.idx, offset + last.idx + len(last), _span(owner, offset, True), tok.lower_
    )


def _edges(tok: Any) -> tuple[Any, Any]:
    """First and last word of a subtree, without edge punctuation or a leading "that"."""
    words = list(tok.subtree)
    while words and (words[0].is_punct or words[0].is_space):
        words.pop(0)
    if words and words[0].lower_ == "that" and words[0].dep_ == "mark":
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    if not words:
        return tok, tok
    return words[0], words[-1]


def _span(tok: Any, offset: int, head_only: bool = False) -> tuple[int, int]:
    """The subject phrase: the head with the words before it ("the finance minister"), without
    relative clauses or appositions after it when `head_only`."""
    if head_only:
        first = tok.left_edge
        words = [t for t in tok.subtree if first.i <= t.i <= tok.i]
        # The words after the head that are part of the name ("Smith Jr.") are rare; an
        # apposition ("Smith, the mayor,") is cut off.
        if words:
            return offset + words[0].idx, offset + tok.idx + len(tok)
    first, last = tok.left_edge, tok.right_edge
    return offset + first.idx, offset + last.idx + len(last)


def _quote(art: ArticleText, r: Reading) -> Quote | None:
    """An indirect quote from a reading, if its subject names someone (or people left unnamed,
    or the cue names a source itself) and what they said is long enough to be a claim."""
    text = art.text
    cs, ce = r.start, r.end
    words = text[cs:ce].split()
    if len(words) < MIN_WORDS or words[0].lower() in RELATIVES:
        return None  # a name or topic, or a relative clause the parse took for the claim
    ss, se = r.subject
    phrase = text[ss:se].strip()
    low = phrase.lower()
    head = low.split()[-1] if low.split() else ""
    named = name_phrase(art, ss, se, ss)
    if not named.name:
        described = describe(art, ss, se)
        if described is not None:
            # "Foreign policy analysts said ...": the description as written is the speaker.
            art.described.add(described[0])
            # A record's subject in a parse often stops before its maker ("a 2014 study" of
            # "a 2014 study by ..."), and a bare noun ("sources") may be the wrong one of two
            # subjects: shown, not sure.
            sure = (
                described[1]
                and not r.borrowed
                and " " in described[0]
                and not DOCUMENTS & set(low.split())
            )
            return reported(art, cs, ce, described[0], r.cue, sure)
        if r.named_by_cue or head in ANONYMOUS:
            named = named._replace(name=None)
        else:
            return None
    elif low in PRONOUNS and low not in SPEAKER_PRONOUNS:
        return None  # "you", "it" read as no one in particular
    if named.name and not r.named_by_cue and not _names_someone(phrase, low):
        return None
    sure = speaker_sure(art, named.name, named.sure and not r.borrowed)
    return reported(art, cs, ce, named.name, r.cue, sure)


def _names_someone(phrase: str, low: str) -> bool:
    """A subject that can speak: a pronoun, a capitalised name, or a person noun."""
    if low in SPEAKER_PRONOUNS:
        return True
    words = phrase.split()
    if any(w[:1].isupper() for w in words):
        return True
    return bool(words) and words[-1].lower() in ANONYMOUS
