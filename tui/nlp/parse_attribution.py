"""Reported speech read from a dependency parse, added to what the rules engine found.

Why a parse: the rules read reported speech by word order around a known verb ("X said that
..."), and most reported attributions in news use a verb or a shape seen once or twice ("is
endorsing", "pointed to", "whose claim that"). A parse names a verb's subject and complement
whatever lies between them, so one reading covers them all: the subject of a verb of saying,
thinking or wanting is the speaker, its complement (a clause, a "to ..." aim, an object, a
prepositional stance) is what they said.

The parser is the costly part (tens of times the rules' cost per word), so it runs only where it
pays: the sentences `parse_sentences.candidates` picks, which spell a cue verb and leave room
for a claim the rules did not quote. Direct quotations and the rules' reported speech are kept
as they are; the parse adds reported speech beside them (a second claim in the sentence, or
reported speech around a short quoted fragment, the fragment kept too), never over their words.
Each sentence may give several claims, side by side, not one inside another. Speakers go
through the rules' own `name_phrase`, so "he" is resolved as the rest of the article's
pronouns are.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from tui.model import Entity, Quote
from tui.nlp.parse_sentences import QuoteIndex, candidates
from tui.nlp.parse_words import (
    CLAIM_NOUNS,
    CLAUSE_LEMMAS,
    INFINITIVE_VERBS,
    LEMMA,
    NAMING_VERBS,
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

MIN_OUTSIDE = 2
"""Words a claim holding a quotation needs outside it, to be more than the quotation again."""

SPEAKER_PRONOUNS = frozenset(("he", "she", "they", "i", "we", "it"))

UNNAMED_PRONOUNS = frozenset(("they", "we", "i"))

RELATIVES = frozenset(("which", "who", "whom", "whose"))

SUBJECT_DEPS = frozenset(("nsubj",))
REASONS = frozenset(("for", "of", "as"))
"""Prepositions after a stance's object that give its reason or its charge ("blamed X for Y",
"accused X of Y", "described X as Y")."""

QUALIFIER_PREPS = frozenset(("for", "by", "at", "of", "from", "in", "with"))
MAX_QUALIFIER = 10
"""Words at most in a described speaker's qualifier ("for Mayor Frank G. Jackson")."""

REFLEXIVES = frozenset(
    ("himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself")
)

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
    cue_at: int = -1  # where the cue word starts
    qualifier: tuple[int, int] | None = None  # "for Mayor X" of "A spokesman for Mayor X"


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
    index = QuoteIndex(quotes)
    for (ss, se), doc in zip(sentences, docs, strict=True):
        near = index.within(ss, se)
        mine: list[Quote] = []
        for found in read_doc(doc, ss):
            if any(found.start < q.end and q.start < found.end for q in mine):
                continue  # a claim inside one already read ("X said she hopes to ...")
            reading = _beside(art, found, near)
            if reading is None:
                continue
            q = _quote(art, reading)
            if q is not None:
                mine.append(q)  # outermost first; another claim beside it may follow
        added.extend(mine)
    quotes.extend(added)
    quotes.sort(key=lambda q: q.start)
    return quotes


def _beside(art: ArticleText, r: Reading, near: Sequence[Quote]) -> Reading | None:
    """The reading as it stands beside the quotations of its sentence, or None when it reads
    their words: a cue or subject inside quotation marks is the quoted person's own words ('"You
    said ..."'), and a claim may hold a quotation whole (reported speech around a fragment,
    closing mark included) but never cut into one or into another reported quote."""
    if art.frag_at(r.cue_at) is not None or art.frag_at(r.subject[0]) is not None:
        return None
    start, end = r.start, r.end
    held: list[tuple[int, int]] = []
    blocks = [(q.start, q.end, q.kind == "direct") for q in near]
    i = max(bisect.bisect_right(art.frag_starts, start) - 1, 0)
    while i < len(art.frags) and art.frags[i].start < end:
        blocks.append((art.frags[i].start, art.frags[i].end, True))
        i += 1
    text = art.text
    for qs, qe, direct in sorted(blocks):
        if qe <= start or qs >= end:
            continue
        if not direct:
            return None
        if qs < start:
            if start - qs > 3 or text[qs:start].strip("“‘\"'"):
                return None
            start = qs  # the claim opens with the quotation: its opening mark too
        if qe > end:
            if qe - end > 3 or text[end:qe].strip(".,;:!?”’\"'"):
                return None
            end = qe  # the claim ends with the quotation: its closing mark too
        held.append((qs, qe))
    if not held:
        return r
    inside = 0
    reach = start
    for a, b in sorted(held):  # a quote and its quotation marks' fragment may both be held
        if b > reach:
            inside += len(text[max(a, reach) : b].split())
            reach = b
    outside = len(text[start:end].split()) - inside
    if outside < MIN_OUTSIDE:
        return None  # the quotation itself, already quoted
    return replace(r, start=start, end=end)


def read_doc(doc: Any, offset: int) -> list[Reading]:
    """Attributions in one parsed sentence, outermost first (nearest the root)."""
    out: list[Reading] = []
    cues = [tok for tok in doc if tok.lower_ in _CUE_WORDS]  # the rest can read nothing
    for tok in sorted(cues, key=_depth):
        reading = _according(tok, offset) or _verb(tok, offset) or _claim_noun(tok, offset)
        if reading is not None:
            out.append(reading)
    return out


_CUE_WORDS = frozenset(LEMMA) | CLAIM_NOUNS | {"according"}


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
        cue_at=offset + tok.idx,
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
    speaker = _named_apposition(subject)
    return Reading(
        offset + first.idx,
        offset + last.idx + len(last),
        _span(speaker, offset, head_only=True),
        cue,
        borrowed=borrowed,
        cue_at=offset + tok.idx,
        qualifier=_qualifier(speaker, offset),
    )


def _qualifier(head: Any, offset: int) -> tuple[int, int] | None:
    """The phrases after a described subject that say whose or of what it is ("A spokesman
    for Mayor X", "a survey by the Trust", "78 percent of voters in a Trust poll"), when they
    name someone, or None."""
    if head.text[:1].isupper():
        return None
    words: list[Any] = []
    nxt = head.i + 1
    for prep in head.children:
        if prep.i < nxt or prep.dep_ != "prep":
            continue
        if prep.i != nxt or prep.lower_ not in QUALIFIER_PREPS:
            break
        words.extend(prep.subtree)
        nxt = prep.right_edge.i + 1
    while words and words[-1].is_punct:
        words.pop()
    if not words or len(words) > MAX_QUALIFIER:
        return None
    if not any(t.text[:1].isupper() for t in words[1:]):
        return None
    last = words[-1]
    return offset + words[0].idx, offset + last.idx + len(last)


def _subject(tok: Any) -> tuple[Any, bool] | None:
    """The verb's subject, or its head's when it has none ("X arrived and said"); and whether
    it was borrowed so (a longer reach, so a less sure reading)."""
    for hop in range(3):
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            if tok.dep_ == "relcl":
                # "Smith, who said ...": Smith. "Everything Trump says is ...": no claim here.
                if subj.lower_ not in ("who", "that"):
                    return None
                antecedent = tok.head
                if antecedent.dep_ == "appos" and not antecedent.text[:1].isupper():
                    antecedent = antecedent.head  # "Weir, now the chairman, who ...": Weir
                return antecedent, True
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
    """First and last token of what the verb reports, or None ("found herself defending
    ...": a situation the subject is in, not a claim)."""
    edges = _reported(tok, lemma)
    if edges is None or (lemma == "find" and edges[0].lower_ in REFLEXIVES):
        return None  # but "described himself as ..." is a claim about himself
    return edges


def _reported(tok: Any, lemma: str) -> tuple[Any, Any] | None:
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
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is not None and lemma in NAMING_VERBS:
        # "X called the plan 'reckless'": whom or what they named, and the name given.
        named = next((c for c in tok.children if c.dep_ == "oprd" and c.i > obj.i), None)
        if named is None:  # the parse may hang the name on the object instead
            named = next((c for c in obj.children if c.dep_ == "appos" and c.i > obj.i), None)
        if named is not None:
            return _edges(obj)[0], _edges(named)[1]
    if obj is not None and lemma in OBJECT_VERBS:
        # "X blasted the board for being careless": the stance and its reason.
        reason = next(
            (c for c in tok.children if c.dep_ == "prep" and c.i > obj.i and c.lower_ in REASONS),
            None,
        )
        return _edges(obj)[0], _edges(reason if reason is not None else obj)[1]
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
        offset + first.idx,
        offset + last.idx + len(last),
        _span(owner, offset, True),
        tok.lower_,
        cue_at=offset + tok.idx,
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
        if described is not None and r.qualifier is not None:
            described = _qualified(art, described, r.qualifier)
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
        if r.named_by_cue or head in ANONYMOUS or low in UNNAMED_PRONOUNS:
            named = named._replace(name=None)
        else:
            return None
    elif low in PRONOUNS and low not in SPEAKER_PRONOUNS:
        return None  # "you", "it" read as no one in particular
    if named.name and not r.named_by_cue and not _names_someone(phrase, low):
        return None
    sure = speaker_sure(art, named.name, named.sure and not r.borrowed)
    return reported(art, cs, ce, named.name, r.cue, sure)


def _qualified(
    art: ArticleText, described: tuple[str, bool], qualifier: tuple[int, int]
) -> tuple[str, bool]:
    """A description with the phrase that says whose it is: "A spokesman for Mayor X" speaks
    for X without being X, and "a survey by the Trust" is the Trust's."""
    words = " ".join(art.text[qualifier[0] : qualifier[1]].split())
    return f"{described[0]} {words}", described[1]


def _names_someone(phrase: str, low: str) -> bool:
    """A subject that can speak: a pronoun, a capitalised name, or a person noun."""
    if low in SPEAKER_PRONOUNS:
        return True
    words = phrase.split()
    if any(w[:1].isupper() for w in words):
        return True
    return bool(words) and words[-1].lower() in ANONYMOUS
