"""What a candidate name's own words say, the same at every mention of it.

Gazetteers (places, given names, surnames), suffixes ("Ltd", "Ministry"), prefixes ("Storm",
"Real"), endings ("-shire", "-enko") and shapes (acronyms, camel case, initials) give each label
a prior weight; worked out once per name and process, as names repeat.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.nlp import cues
from tui.nlp.coref import EVENT, ORG, PERSON, PLACE
from tui.nlp.gazetteer import BIG_CITY, COUNTRY, Gazetteer, fold
from tui.nlp.name_cues import (
    DATE_WORDS,
    DEMONYM_KEYS,
    EVENT_PREFIX_KEYS,
    EVENT_SUFFIX_KEYS,
    GENERIC_KEYS,
    KNOWN_ORG_KEYS,
    KNOWN_ORGS_EXACT,
    NOT_FIRST_NAMES,
    ORG_HEAD_KEYS,
    ORG_SUFFIX_KEYS,
    PLACE_PREFIX_KEYS,
    PLACE_SUFFIX_KEYS,
)
from tui.nlp.name_lists import CHINESE_SURNAMES, pinyin_word
from tui.nlp.name_runs import is_word
from tui.nlp.speaker_words import wordset


class _Facts(NamedTuple):
    """What a candidate name's own text says, the same at every mention of it (given whether
    it opens a sentence): worked out once per name and process, as names repeat."""

    drop: bool
    """Never a name on its own: a date word, a demonym, a plural demonym, a verb opening a
    sentence ("Leading")."""
    drop_alone: bool
    """Not a name unless a title before it says it is a person's: a generic word alone
    ("Division"), a group of people ("West Indian")."""
    sentence_word: bool
    """One word opening a sentence that may be an ordinary word capitalised ("Police"): it is,
    if `common` or if the article writes it in small letters elsewhere (and, for a place, only
    then)."""
    common: bool
    """A common word or a usual sentence opener."""
    n: int
    """How many capitalised words it has."""
    place_weight: float
    prior: dict[str, float]
    """`_prior`: never to be changed, it is shared (copy it)."""


FACTS_CACHE: tuple[dict[str, _Facts], dict[str, _Facts]] = ({}, {})
"""`name_facts` of names seen so far: not opening a sentence, then opening one. Two dicts keyed
by the name, rather than one keyed by (name, initial), so that a lookup builds no tuple."""


def name_facts(gaz: Gazetteer, name: str, initial: bool) -> _Facts:
    """`_Facts` of a name, cached (see `clear_caches`)."""
    cache = FACTS_CACHE[initial]
    cached = cache.get(name)
    if cached is not None:
        return cached
    # Every name of a new article misses here once; most are one word, whose first and last
    # words are the same and need reading only once.
    names = [w for w in name.split() if is_word(w)]
    n = len(names)
    first = names[0]
    key = fold(name)
    first_key = fold(first.rstrip("."))
    last_key = first_key if n == 1 else fold(names[-1].rstrip("."))
    place_weight = gaz.places.get(key, 0.0)
    prior = _prior(gaz, name, initial, names, key, first_key, last_key, place_weight)
    drop = drop_alone = sentence_word = common = False
    if n == 1:
        drop = (
            key in DATE_WORDS
            or key in DEMONYM_KEYS
            or (key.endswith("s") and key[:-1] in DEMONYM_KEYS)
        )
        drop_alone = key in GENERIC_KEYS or (
            initial
            and key.endswith(("ing", "ed"))
            and not place_weight
            and key not in gaz.surnames  # "Lebed", "Redding"
        )
        sentence_word = place_weight < COUNTRY and name not in KNOWN_ORGS_EXACT
        common = key in gaz.common_words or name in cues.COMMON_INITIAL
    else:
        # "Hunting Act", "Finding Neverland": no one's name, and nothing else known of it.
        drop = not prior and _no_persons_name(gaz, first_key, last_key)
        drop_alone = (
            (first in cues.DEMONYMS or first_key in DEMONYM_KEYS)
            and last_key not in ORG_SUFFIX_KEYS
            and last_key not in PLACE_SUFFIX_KEYS
            and last_key not in EVENT_SUFFIX_KEYS
            and key not in gaz.places
        )
    facts = _Facts(drop, drop_alone, sentence_word, common, n, place_weight, prior)
    if len(cache) > 50_000:
        cache.clear()
    cache[name] = facts
    return facts


def _prior(
    gaz: Gazetteer,
    name: str,
    initial: bool,
    names: list[str],
    key: str,
    first_key: str,
    last_key: str,
    place_weight: float,
) -> dict[str, float]:
    """What a name's own words say; the same for every mention of it, so `name_facts` keeps it.

    `names` are its capitalised words, `key`, `first_key` and `last_key` the `fold` of it and
    of its first and last word (without a final full stop), `place_weight` its gazetteer
    weight as a place: `name_facts` has them already."""
    prior: dict[str, float] = {}

    def add(label: str, weight: float) -> None:
        if weight > prior.get(label, 0.0):
            prior[label] = weight

    n = len(names)

    # Gazetteers.
    if place_weight:
        add(PLACE, place_weight + (1.0 if n > 1 else 0.0))
    if name in KNOWN_ORGS_EXACT or (key in KNOWN_ORG_KEYS and not initial):
        add(ORG, 3.0)

    # The words of the name.
    if n > 1:
        if last_key in ("centre", "center") and any(fold(w) in VENUE_WORDS for w in names):
            add(PLACE, 3.0)  # "Port Ellis Convention Centre": a venue, where things happen
        elif last_key in ORG_SUFFIX_KEYS and not place_weight:
            add(ORG, 3.0)
        if " of " in name or " for " in name:
            head = fold(re.split(r" (?:of|for) ", name, maxsplit=1)[0].rsplit(" ", 1)[-1])
            if head in ORG_HEAD_KEYS or head in ORG_SUFFIX_KEYS or first_key in ORG_HEAD_KEYS:
                add(ORG, 3.0)  # "Bank of England", "Insurance Council of Calder"
            elif head in PLACE_PREFIX_KEYS or head in PLACE_SUFFIX_KEYS:
                add(PLACE, 2.5)  # "Republic of Ireland", "Gulf of Mexico"
        if last_key in PLACE_SUFFIX_KEYS and last_key not in ORG_SUFFIX_KEYS:
            add(PLACE, 2.0)
        if first_key in PLACE_PREFIX_KEYS:
            add(PLACE, 1.5 if " of " in name else 1.0)
        if last_key in EVENT_SUFFIX_KEYS or _is_war(names):
            add(EVENT, 2.5)
        if names[0] in cues.ORG_PREFIXES:
            add(ORG, 3.0)  # "Real Madrid", "Deutsche Boerse"
        elif (
            names[0] in KNOWN_ORGS_EXACT
            and not place_weight
            and (names[0].isupper() or _brand_and_product(gaz, names, first_key, last_key))
        ):
            # "BBC Five Live", "CNN International": a known body's own name; "Apple Mac",
            # "Sony Ericsson": a company's product or venture.
            add(ORG, 2.0)
        elif first_key in NOT_FIRST_NAMES and not prior:
            # "Ask Jeeves", "My Jeeves": a brand's or a title's name, not a person's; as
            # unsure as the default for a person, so the article's words must confirm it.
            add(ORG, 0.75)
        elif n == 2 and _chinese_name(gaz, names, first_key, last_key):
            add(PERSON, 2.5)  # "Zhang Wei", "Chen Longde", "Wei Zhang"
        elif first_key in gaz.given_names and not place_weight:
            if last_key not in ORG_SUFFIX_KEYS:
                add(PERSON, 3.0 if last_key in gaz.surnames else 2.0)
        elif (len(names[0]) == 2 and names[0].endswith(".")) or _initials_word(names[0]):
            add(PERSON, 2.5)
        elif last_key in gaz.surnames and n <= 3 and not place_weight:
            add(PERSON, 1.0)
        if (
            not place_weight
            and not prior
            and gaz.places.get(last_key, 0) >= BIG_CITY
            and last_key not in PLACE_SUFFIX_KEYS
        ):
            add(ORG, 1.5)  # "Air France", "Real Madrid", "Dynamo Moscow"
        if first_key in EVENT_PREFIX_KEYS:
            add(EVENT, 3.0)  # "Storm Iona", "Hurricane Katrina", "Operation Desert Storm"
        if n <= 3 and not prior and not _no_persons_name(gaz, first_key, last_key):
            add(PERSON, 0.75)  # two or three unknown capitalised words: often a person
    else:
        if _acronym(name):
            if not place_weight and name not in cues.NOT_ORG_ACRONYMS:
                add(ORG, 1.5)
        elif _camel_case(name):
            add(ORG, 1.5)  # "NationsBank", "KeyCorp"
        elif key.endswith(_PLACE_ENDINGS) and not place_weight:
            add(PLACE, 1.5)  # "Derbyshire", "Tajikistan", "Volgograd"
        elif key.endswith(_SURNAME_ENDINGS) and not place_weight:
            add(PERSON, 1.0)  # "Lukashenko", "Maskhadov"
        elif key in gaz.surnames and not place_weight:
            add(PERSON, 0.75)
        elif key in gaz.given_names and not place_weight:
            add(PERSON, 0.5)

    return prior


VENUE_WORDS = frozenset(
    ("convention", "conference", "exhibition", "shopping", "leisure", "sports", "civic", "trade")
)
"""Words that make a "Centre" a venue (a place) rather than a body ("Foreign Policy Centre")."""


def _no_persons_name(gaz: Gazetteer, first_key: str, last_key: str) -> bool:
    """Whether unknown capitalised words cannot be a person's name by their form: a law
    ("Hunting Act", "Finance Bill") or a title opening with a verb in -ing ("Finding
    Neverland", "Being Julia"; not "Irving Berlin", whose first word is a given name)."""
    if last_key in LAW_WORDS:
        return True
    return (
        len(first_key) > 5
        and first_key.endswith("ing")
        and first_key not in gaz.given_names
        and first_key not in gaz.surnames
        and first_key not in gaz.places  # "Nanjing Auto", "Reading Festival"
    )


LAW_WORDS = frozenset(("act", "acts", "bill", "bills", "directive", "treaty"))
"""Last words of a law's or a treaty's name, which no person's name ends with."""

_PLACE_ENDINGS = ("shire", "stan", "grad", "abad", "pur", "ville")
_SURNAME_ENDINGS = (
    "ov",
    "ev",
    "ova",
    "eva",
    "sky",
    "ski",
    "skiy",
    "enko",
    "vich",
    "vic",
    "dze",
    "shvili",
    "yan",
    "oglu",
    "escu",
    "poulos",
    "akis",
    "ovski",
    "inen",
    "ainen",
    "sson",
)


def _chinese_name(gaz: Gazetteer, names: list[str], first_key: str, last_key: str) -> bool:
    """A Chinese surname and a given name spelt in pinyin, in either order; neither an
    English word ("He Can" in a headline is not a name)."""
    if first_key in gaz.common_words or last_key in gaz.common_words:
        return False
    if names[0] in cues.COMMON_INITIAL or names[1] in cues.COMMON_INITIAL:
        return False
    return (first_key in CHINESE_SURNAMES and pinyin_word(names[1])) or (
        last_key in CHINESE_SURNAMES and pinyin_word(names[0])
    )


def _camel_case(word: str) -> bool:
    """A capital after small letters inside one word, as in company names ("NationsBank").

    Names with a prefix that is itself capitalised ("McDonald", "MacLeod", "DeLuca", "LaRue",
    "O'Brien") do not count.
    """
    if len(word) < 5 or word[1:].lower() == word[1:]:
        return False
    for i in range(2, len(word)):
        if word[i].isupper() and word[i - 1].islower():
            prefix = word[:i]
            return prefix not in ("Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von", "Fitz")
    return False


def _is_war(names: list[str]) -> bool:
    return len(names) >= 2 and names[-2] == "War" and names[-1] in ("I", "II", "One", "Two")


def _initials_word(word: str) -> bool:
    """ "J.R." or "J." (an initial before a surname)."""
    return (
        len(word) >= 2
        and word.endswith(".")
        and all(part.isupper() and len(part) == 1 for part in word[:-1].split("."))
    )


def _acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def _brand_and_product(gaz: Gazetteer, names: list[str], first_key: str, last_key: str) -> bool:
    """Whether a known company's name and one more word name its product or venture ("Apple
    Mac", "Sony Ericsson"): not a person's first name ("Mercedes Ruehl"), not a party's people
    ("Labour MPs"), not a law, an event or a place ("Parliament Act", "Uefa Cup")."""
    return (
        len(names) == 2
        and first_key not in gaz.given_names
        and first_key not in NOT_BRANDS
        and last_key not in NOT_PRODUCTS
        and last_key not in EVENT_SUFFIX_KEYS
        and last_key not in PLACE_SUFFIX_KEYS
    )


NOT_BRANDS = wordset(
    """labour conservative tory liberal democrat democratic republican green parliament
    channel uefa fifa nato congress senate"""
)
"""Known bodies whose name before another word is no brand ("Labour MPs", "Channel Tunnel")."""

NOT_PRODUCTS = wordset("act acts bill cup mp mps msp msps mep meps am ams")
"""Words after a known body's name that make a law, a trophy or people, not a product."""
