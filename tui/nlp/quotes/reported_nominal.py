"""Reported speech carried by a noun: "Trump's claim that the election is rigged", "her promise
to cut taxes", "the mayor's call for an inquiry". The verb of saying has become a noun whose
owner is the speaker, and what follows "that", "to" or "for" is what they said.

Why a scan of its own: no reporting verb stands in such a sentence, so the sentence readers
never look at it; the noun, its owner and its complement make a short, fixed pattern that a
regex over the article finds at once. The owner must be a name before "'s" or a possessive
pronoun that stands for someone; "the claim that" with no owner says whose it is nowhere.
"""

from __future__ import annotations

import re

from tui.model import Quote
from tui.nlp.cues import word_pattern
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.certainty import speaker_sure
from tui.nlp.quotes.clauses import has_verb, opens_clause
from tui.nlp.quotes.described import reported
from tui.nlp.quotes.naming import name_phrase
from tui.nlp.quotes.pronouns import resolve_pronoun
from tui.nlp.quotes.reported_claim import end_past_quotations
from tui.nlp.quotes.tokens import _tokens
from tui.nlp.speaker_words import wordset

THAT_NOUNS = wordset(
    """claim claims assertion argument arguments warning warnings insistence belief view
    contention allegation allegations accusation suggestion prediction acknowledgment
    acknowledgement admission denial statement announcement conclusion promise pledge vow
    threat hope hopes fear fears""",
)
"""Nouns of saying or believing whose "that" clause is what was said ("his claim that")."""

TO_NOUNS = wordset(
    """promise pledge vow threat call calls demand demands""",
)
"""Nouns of an aim whose "to ..." is what was stated ("her pledge to cut taxes"); "call",
"demand" and "support" also take "for" ("his call for an inquiry"). Not "plans", "bid",
"decision" or "proposal": anyone's arrangements or deeds ("Mr Pike's plans to attend were
cancelled", "For his proposal to succeed"), not what they said."""

FOR_NOUNS = wordset("call calls demand demands support plea appeal")
"""Nouns whose "for ..." is what was asked for or stood for."""

NOMINAL_NOUNS = THAT_NOUNS | TO_NOUNS | FOR_NOUNS
"""Every noun this module reads by, looked for by the paragraph scan of `reported`."""

NOUN_LINK = re.compile(r"(" + word_pattern(NOMINAL_NOUNS) + r") (that|to|for) ")
"""A noun of saying and the word that opens what was said, in lower-cased text."""

OWNED = re.compile(r"(?:['’]s|(?<![\w’'])(?:his|her|their))\s+(?:[a-z][\w\-]*\s+){0,2}$")
"""The owner's mark before the noun ("Trump's", "her", "his repeated"), read backwards."""

OWNER_WORDS = 5
"""At most this many capitalised words name the owner before "'s"."""

MAIN_VERBS = wordset(
    """was were is are has have had will would could may might went came drew fell met won
    lost made got""",
)
"""Verbs that, after the claim's first words, belong to the sentence the noun is subject of
("Clinton's pledge to cut taxes was welcomed"); a "that" clause has verbs of its own."""

NOT_AIMED = wordset("be the a an his her their its this that these those")
"""Words after "to" that make it a preposition, not an aim ("her promise to the voters")."""


def nominal_claims(art: ArticleText, nouns: list[int]) -> list[Quote]:
    """Every "OWNER's NOUN that/to/for CLAIM" in the article whose owner is someone, its noun
    at one of the offsets `nouns` (where the paragraph scan found one)."""
    low = art._lower()
    out: list[Quote] = []
    for at in nouns:
        m = NOUN_LINK.match(low, at)
        if m is None:
            continue
        noun, link = m.group(1), m.group(2)
        if not _fits(noun, link):
            continue
        o = OWNED.search(low, max(0, m.start() - 40), m.start())
        if o is None:
            continue
        owner = _owner(art, o.start())
        if owner is None:
            continue
        q = _claim(art, m.start(2) if link == "to" else m.end(), link, owner, noun)
        if q is not None:
            out.append(q)
    return out


def _fits(noun: str, link: str) -> bool:
    """Whether the noun takes what follows it by this word ("claim that", "call for")."""
    if link == "that":
        return noun in THAT_NOUNS
    if link == "to":
        return noun in TO_NOUNS
    return noun in FOR_NOUNS


def _owner(art: ArticleText, at: int) -> tuple[str, bool, int] | None:
    """Who owns the noun: the name before "'s" ending at `at`, or whom "his", "her", "their"
    at `at` stands for; with whether it is sure and where the owner starts."""
    text = art.text
    if text[at] in "'’":
        words = list(re.finditer(r"[A-Z][\w.\-]*", text[max(0, at - 60) : at]))
        base = max(0, at - 60)
        start = at
        for w in reversed(words):
            if base + w.end() != start and text[base + w.end() : start].strip():
                break
            start = base + w.start()
            if at - start > 60 or len(text[start:at].split()) >= OWNER_WORDS:
                break
        if start == at:
            return None
        named = name_phrase(art, start, at, start)
    else:
        pron = POSSESSIVES[text[at : at + 5].split(None, 1)[0].lower()]
        named = resolve_pronoun(art, pron, at)
        if not named.name or named.name in art.place_names:
            return None
        if pron != "they" and named.name not in art.reg.people:
            return None  # "his" stands for a person, never an organisation
        return named.name, False, at  # "his claim": whose is a reading, shown as a guess
    if not named.name or named.name in art.place_names:
        return None
    return named.name, named.sure, start


CLAIM_END = re.compile(r"[.!?;](?=[\"”’']?(?:\s|$))|[;—–\"“”(]|\s--\s|\n")
"""Where a claim after its noun ends: the sentence's end, a dash, a bracket or a quotation
mark (read past a quoted phrase of the claim's own, `end_past_quotations`)."""


POSSESSIVES = {"his": "he", "her": "she", "their": "they"}
"""The subject pronoun each possessive stands in for when its owner is looked for."""


def _claim(
    art: ArticleText, cs: int, link: str, owner: tuple[str, bool, int], noun: str
) -> Quote | None:
    """The claim from `cs` to the end of its clause, if it reads as one."""
    text = art.text
    ce = end_past_quotations(art, CLAIM_END, cs)
    while ce > cs and text[ce - 1] in " ,:":
        ce -= 1
    toks = _tokens(text, cs, ce)
    verb = next((x for x, t in enumerate(toks) if x > 1 and t.low in MAIN_VERBS), -1)
    if verb > 0 and link != "that":
        # "her pledge to cut taxes was criticised": the sentence's own verb ends the claim.
        toks = toks[:verb]
        ce = toks[-1].end
    if link == "to":  # the aim reads with its "to" ("to cut taxes")
        if len(toks) < 2 or not toks[1].text.isalpha() or not toks[1].text.islower():
            return None  # "his threat to Eastern Europe": a place, not an aim
        if toks[1].low in NOT_AIMED:
            return None
    elif link == "that" and (len(toks) < 3 or not opens_clause(toks[0]) or not has_verb(toks)):
        return None  # "his claim that year": no clause follows
    if len(toks) < 2:
        return None
    name, sure, _ = owner
    return reported(art, cs, ce, name, noun, speaker_sure(art, name, sure))
