"""Reported speech or thought opened by any verb and "that": "The court ruled that the ban was
unlawful", "Stumpf conceded that no one had been held to account", "Senator Holt has been
demanding that police release the video". English marks a clause of what someone said,
decided or believes by a verb followed straight by "that" and a clause; the lists of
reporting verbs the sentence readers use cannot hold every such verb, so this reader takes any
verb in "-ed" (and a few others: "thought", "felt", "wrote", "admits") right before "that",
with a named subject right before it.

Why a scan of its own over the article, read after the sentence readers: sentences holding
none of the listed reporting words are never tokenised by them (most sentences, which keeps
the engine quick), and a look at the word before each " that " finds the few there are. The
guards are the sentence readers' own: a named subject (a person or an organisation, never
"it" of "it emerged that", "Rumours", nor a place), no passive ("it was decided that"), no
degree ("so tired that"), and a clause after "that" (not "noticed that car").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.model import Quote
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.clauses import CLAUSE_STARTS, has_verb, opens_clause, third_person
from tui.nlp.quotes.reported_claim import _make, _trim, scare_quotes_only
from tui.nlp.quotes.reported_position import org_pronoun
from tui.nlp.quotes.reported_subject import SUBORDINATORS, _subject
from tui.nlp.quotes.tokens import _tokens
from tui.nlp.quotes.words import REPORTING, THAT_VERBS
from tui.nlp.speaker_words import wordset

VERB_BEFORE = re.compile(r"(\S+) ([a-z]{3,}) $")
"""The lower-cased word right before a " that ", and the word before it."""

IRREGULAR = wordset(
    """thought felt wrote swore knew admits feels swears argue acknowledge admit
    realises realizes emphasises emphasizes stresses concedes recognises recognizes""",
)
"""Verbs of saying or believing before "that" that do not end in "-ed"; words in "-es" are
listed, as most of them are plural nouns ("devices that", "issues that")."""

NOT_SAYING = wordset(
    """meant means ensured ensures proved proves happened emerged emerges appeared appears
    seemed seems turned turns provided provides included includes stated opened opens
    noted using making seeing doing having saying adding taking getting during including
    according regarding considering assuming given things notes times places charges
    issues rules names sales series""",
)
"""Words in "-ed", "-es" or "-ing" before "that" that report nothing: what a thing means or
ensures, what emerged, a noun in "-es" ("sales that"), or a verb the sentence readers take."""

NOT_BEFORE = wordset(
    """so such too was were is are be been being it that this which there what""",
)
"""Words before the verb that make it no verb of saying: a degree ("so tired that"), a
passive ("was decided that"), a subject no one names ("it emerged that")."""

SUPPOSING = wordset("suppose supposing imagine if unless")
"""Words opening a sentence whose verb is supposed, not reported."""

PROGRESSIVE = wordset("is are was were been")

SUBJECT_ENDS = wordset("has have had is are was were been he she they also who")
"""Words other than a name or an adverb that may stand right before the verb: an
auxiliary ("has been demanding"), a pronoun or "who", "also"."""
"""Auxiliaries that may stand before a verb in "-ing" ("has been demanding that")."""


def verb_that_claims(art: ArticleText, taken: Sequence[Quote]) -> list[Quote]:
    """Every "SUBJECT VERB-ed that CLAIM" in the article no other reader took."""
    low = art._lower()
    out: list[Quote] = []
    i = low.find(" that ")
    while i >= 0:
        at, i = i, low.find(" that ", i + 6)
        m = VERB_BEFORE.search(low, max(0, at - 40), at + 1)
        if m is None:
            continue
        verb = m.group(2)
        if not (verb.endswith(("ed", "ing")) or verb in IRREGULAR):
            continue
        if verb in NOT_SAYING or verb in REPORTING or verb in THAT_VERBS:
            continue
        before = art.text[m.start(1) : m.end(1)]
        if not (before[:1].isupper() or before.lower() in SUBJECT_ENDS or before.endswith("ly")):
            continue  # the subject's name, or a word that may stand between it and the verb
        q = _claim_at(art, m.start(2), verb, taken)
        if q is not None and not any(o.start < q.end and q.start < o.end for o in out):
            out.append(q)
    return out


def _claim_at(art: ArticleText, at: int, verb: str, taken: Sequence[Quote]) -> Quote | None:
    """The claim of the verb at `at`, read in its sentence, or None when the sentence holds
    a quotation or a claim already found."""
    p = art.para_of(at)
    ps, pe = art.paras[p]
    for ss, se in art.sentences(ps, pe):
        if ss <= at < se:
            break
    else:
        return None
    phrases = any(mark in art.text[ss:se] for mark in '"“”')
    if phrases and not scare_quotes_only(art, ss, se):
        return None  # a sentence with a quotation is the quotation finder's
    if any(q.start < se and ss < q.end and not (phrases and q.kind == "direct") for q in taken):
        return None  # the sentence readers read it already (a quoted phrase in it is the claim's)
    toks = _tokens(art.text, ss, se)
    if toks and (toks[0].low in SUPPOSING or toks[0].low in SUBORDINATORS):
        return None  # "Suppose Bayfield demanded that ...", "When Patriot signaled that ..."
    k = next((x for x, t in enumerate(toks) if t.start == at), -1)
    if k < 1 or k + 4 >= len(toks) or not toks[k].text.islower():
        return None
    before = toks[k - 1].low
    if verb.endswith("ing"):
        if before not in PROGRESSIVE or k < 2 or toks[k - 2].low in NOT_BEFORE:
            return None  # "demanding that" only as a verb: "has been demanding that"
        a = k - 1
        while a > 1 and toks[a - 1].low in ("has", "have", "had", "is", "are", "was", "were"):
            a -= 1
    else:
        if before in NOT_BEFORE:
            return None
        a = k
    first = k + 2 if toks[k + 2].text == "," else k + 1
    if first + 1 >= len(toks) or not opens_clause(toks[first + 1]):
        return None
    clause = toks[first + 1 :]
    if not (has_verb(clause) or clause[0].text[:1].isupper() or third_person(toks, first + 1)):
        return None
    if (
        clause[0].text.islower()
        and clause[0].low not in CLAUSE_STARTS
        and not has_verb(clause[1:2])
    ):
        return None  # "compared that new cost", "rejected that idea": "that" points, no clause
    found = _subject(art, toks, a)
    if found is None:
        return None
    subject, named = found
    if not named.name or named.name in art.place_names or org_pronoun(art.text, subject):
        # A place says nothing; "Rumours circulated that" names no one; which court or firm
        # "They ruled that" stands for is a loose reading.
        return None
    known = named.name in art.reg.people or named.name in art.entity_names
    if " " not in named.name and not known:
        return None  # "Rumours", "Critics": a capitalised first word, no one named
    cs, ce = _trim(art.text, toks[first + 1].start, se)
    return _make(art, cs, ce, named.name, verb, named.sure, subject)
