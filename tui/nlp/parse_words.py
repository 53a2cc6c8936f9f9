"""The verbs the parse-based attribution reads by, grouped by what may follow them.

A dependency parse says which words are a verb's subject and which its complement; it does not
say whether the verb reports what someone said, thinks or wants. These lists do, by base form,
and `forms` spells out every inflection, so the parser runs without the tagger and lemmatizer
(which would double its cost).
"""

from __future__ import annotations

import re

from tui.nlp.cues import word_pattern


def _split(words: str) -> frozenset[str]:
    return frozenset(words.split())


CLAUSE_VERBS = _split(
    """say tell claim argue insist suggest predict warn note observe add explain state declare
    announce acknowledge admit concede confirm deny reveal report write tweet testify assert
    contend maintain stress emphasize emphasise reply respond answer recall remind assure
    believe think feel know hope fear expect worry doubt suspect assume estimate understand
    agree conclude decide allege charge complain boast caution speculate wonder indicate
    signal show find prove reckon guess realize realise recognize recognise learn hear
    read see acknowledge insinuate imply hint concede promise pledge vow threaten swear
    propose recommend demand urge ask advise order rule determine disclose mention"""
)
"""Verbs whose clausal complement is what was said or thought ("X argued that ...")."""

INFINITIVE_VERBS = _split(
    """want plan intend seek hope vow promise pledge threaten refuse decline agree urge ask
    call tell expect offer propose push press encourage"""
)
"""Verbs whose "to ..." complement is a stated aim or demand ("X wants to repeal ...")."""

OBJECT_VERBS = _split(
    """support oppose endorse back criticize criticise blame accuse praise condemn attack
    question dispute reject cite mention describe announce deny propose demand defend
    dismiss denounce applaud welcome slam blast rebuke challenge acknowledge promise pledge
    promote tout champion recommend predict discuss disclose reveal report"""
)
"""Verbs whose object is the stance itself ("X criticized the ruling")."""

NAMING_VERBS = _split("call label brand dub deem term")
"""Verbs that give their object a name or a verdict ("X called the plan 'reckless'")."""

PREPOSITION_VERBS = {
    "call": ("for", "on"),
    "point": ("to", "out"),
    "push": ("for",),
    "argue": ("for", "against"),
    "press": ("for",),
    "ask": ("for",),
    "advocate": ("for",),
    "warn": ("of", "against", "about"),
    "complain": ("about", "of"),
    "talk": ("about",),
    "speak": ("about", "of", "against"),
    "comment": ("on",),
    "insist": ("on",),
    "vote": ("for", "against"),
}
"""Verbs whose stance follows a preposition ("X called for a recount", "X pointed to ...")."""

CLAIM_NOUNS = _split(
    """claim claims assertion assertions argument arguments belief beliefs contention
    insistence suggestion warning warnings promise promises pledge pledges allegation
    allegations prediction predictions conclusion conclusions"""
)
"""Nouns that carry someone's words in a "that" clause ("X's claim that ...")."""

IRREGULAR = {
    "say": ("said",),
    "tell": ("told",),
    "think": ("thought",),
    "know": ("knew", "known"),
    "feel": ("felt",),
    "write": ("wrote", "written"),
    "find": ("found",),
    "understand": ("understood",),
    "seek": ("sought",),
    "swear": ("swore", "sworn"),
    "hear": ("heard",),
    "see": ("saw", "seen"),
    "read": (),
    "learn": ("learnt",),
}

DOUBLED = _split("admit commit plan regret refer prefer compel rebut")
"""Verbs that double their last consonant before "-ed" and "-ing"."""


def forms(base: str) -> set[str]:
    """Every spelling of a verb the cue lists name by its base form."""
    stem = base.split("_")[0]
    out = {stem}
    if stem.endswith(("s", "sh", "ch", "x", "z")):
        out.add(stem + "es")
    elif stem.endswith("y") and stem[-2:-1] not in "aeiou":
        out.add(stem[:-1] + "ies")
    else:
        out.add(stem + "s")
    if stem in DOUBLED:
        out |= {stem + stem[-1] + "ed", stem + stem[-1] + "ing"}
    elif stem.endswith("e"):
        out |= {stem + "d", stem[:-1] + "ing"}
    elif stem.endswith("y") and stem[-2:-1] not in "aeiou":
        out |= {stem[:-1] + "ied", stem + "ing"}
    else:
        out |= {stem + "ed", stem + "ing"}
    out.update(IRREGULAR.get(base, ()))
    if IRREGULAR.get(base):
        out.discard(stem + "ed")
        out.discard(stem + "d")
    return out


def _lemmas(bases: frozenset[str] | set[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for base in sorted(bases):
        for form in forms(base):
            out.setdefault(form, base.split("_")[0])
    return out


LEMMA: dict[str, str] = _lemmas(
    CLAUSE_VERBS | INFINITIVE_VERBS | OBJECT_VERBS | NAMING_VERBS | set(PREPOSITION_VERBS)
)
"""Spelling -> base form, for every verb above."""

CLAUSE_LEMMAS = frozenset(b.split("_")[0] for b in CLAUSE_VERBS)

PARSE_FOR = _split(
    """say tell explain acknowledge complain vow pledge promise insist note suggest find show
    reveal want refuse propose ask urge criticize criticise endorse praise condemn defend
    champion cite question describe discuss wonder recognize recognise support oppose mention
    attack declare dismiss blast denounce tout imply call think seek argue"""
)
"""The verbs a sentence is parsed for. Every verb above is read when a sentence is parsed, but
parsing costs some fifteen times the rest of the engine per word, so only these verbs, the
ones that most often carry reported speech the rules miss for the words they cost to parse
(counted on PolNeAR train and dev against the BBC corpus), make a sentence worth parsing.
Common verbs that rarely report ("expect", "back", "offer", "state", "report") cost the most.
A claim noun ("X's claim that ...") makes a sentence worth parsing only when someone owns it
(`OWNED_CLAIM`): alone it mostly heads a topic ("allegations of fraud"), not someone's words."""

CANDIDATE = re.compile(
    r"(?<![\w’'\-])"
    + word_pattern({form for form, base in LEMMA.items() if base in PARSE_FOR} | {"according"})
    + r"(?![\w’'\-])"
)
"""A sentence is worth parsing only when it spells one of these words (lower-cased)."""

OWNED_CLAIM = re.compile(
    r"(?:['’]s|\b(?:his|her|their|its))\s+" + word_pattern(set(CLAIM_NOUNS)) + r"(?![\w’'\-])"
)
"""A claim noun someone owns ("Okafor's claim", "their warnings"): worth parsing for, where a
bare claim noun ("claims of fraud") is mostly a topic."""
