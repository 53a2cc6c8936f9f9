"""Author names in natural case.

Scraped bylines shout ("By JANE DOE"); the reader and the search facets should say "Jane Doe".
Names already in mixed case were typed by a person and are trusted as they are ("Jane McDonald",
"DeShawn"), except that a run of two or more shouting words inside them, left by a byline that
joined several authors ("Tom Llamas JOHN SANTUCCI"), is brought to natural case too.
"""

from __future__ import annotations

import re

from tui.ingest.clean import one_line

_BY = re.compile(
    r"^(?:(?:written|posted|story|words|reporting|report)\s+by|by)\s*[:\-–]?\s+", re.IGNORECASE
)
_WORD = re.compile(r"\S+")
# Lower-case name particles, when not the first word ("Ludwig van Beethoven").
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn"}
)
# Words that join names in a byline and stay lower case ("Jane Doe and John Roe").
_JOINERS = frozenset({"and", "of", "the", "for", "in", "at", "with"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof"})
_ROMAN = re.compile(r"(?i)^(?:ii|iii|iv|vi|vii|viii|ix)$")
# Agencies and outlets that appear in bylines and are acronyms, not names.
_ACRONYMS = frozenset(
    {"AP", "AFP", "UPI", "ABC", "NBC", "CBS", "BBC", "CNN", "NPR", "PA", "USA", "UK", "US", "EU"}
    | {"ITV", "RTE", "CBC", "SBS", "NHK", "DPA", "ANSA", "TV", "FM", "NZ"}
)
_VOWELS = frozenset("AEIOUYaeiouy")


def person_name(value: str | None) -> str | None:
    """A byline or author field as a clean name: "By JANE DOE" → "Jane Doe".

    All-caps and all-lower-case names are put in natural case ("O'BRIEN" → "O'Brien",
    "MCDONALD" → "McDonald", "JEAN-LUC PICARD" → "Jean-Luc Picard", initials and acronyms kept:
    "J.J.", "CNN"). Mixed-case names are left alone, except for runs of two or more all-caps
    words inside them, which come from joined bylines. A leading "By" is removed. Returns None
    when nothing name-like is left.
    """
    if not value:
        return None
    name = one_line(value, limit=300)
    name = _BY.sub("", name).strip(" ,;:|-–—")
    if not any(c.isalpha() for c in name):
        return None
    has_lower = any(c.islower() for c in name)
    has_upper = any(c.isupper() for c in name)
    if not has_lower or not has_upper:
        return _case_words(name.split(" "))
    return _case_shouting_runs(name)


def outlet_name(value: str | None) -> str | None:
    """A source's name as the list and the facets show it: a masthead scraped in capitals
    ("KESTREL BAY GAZETTE") in natural case, so it counts as the same source as the pages
    that spell it "Kestrel Bay Gazette"; acronyms stay ("BBC NEWS" → "BBC News", "CNN")."""
    if not value:
        return value
    letters = [c for c in value if c.isalpha()]
    if any(c.islower() for c in letters):
        return value  # typed by a person: trusted as it is
    words = value.split(" ")
    if len(words) == 1 and len(letters) <= 4:
        return value  # "CNN", "NPR": an acronym
    return _case_words(words)


def _case_shouting_runs(name: str) -> str:
    words = name.split(" ")
    out: list[str] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and _is_shouting(words[j]):
            j += 1
        if j - i >= 2:
            out.extend(_case_words(words[i:j], first_index=i).split(" "))
            i = j
        else:
            out.append(words[i])
            i += 1
    return " ".join(out)


def _is_shouting(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _case_words(words: list[str], first_index: int = 0) -> str:
    return " ".join(_case_word(w, first_index + k == 0) for k, w in enumerate(words))


def _case_word(word: str, first: bool) -> str:
    bare = word.strip(",;:()\"'")
    low = bare.lower()
    if not first and (low in _PARTICLES or low in _JOINERS):
        return word.lower()
    if bare.upper() in _ACRONYMS or _ROMAN.match(bare):
        return word.upper()
    if low.rstrip(".") in _HONORIFICS:
        return word[:1].upper() + word[1:].lower()
    letters = [c for c in bare if c.isalpha()]
    if "." in bare and all(len(p) <= 1 for p in bare.split(".")):
        return word.upper()  # initials: "J.J." "A."
    if 0 < len(letters) <= 2 and not _VOWELS.intersection(letters):
        return word.upper()  # "JJ", "LZ": initials written without dots
    return "-".join(_case_part(p) for p in word.split("-"))


def _case_part(part: str) -> str:
    for apostrophe in ("'", "’"):
        head, sep, tail = part.partition(apostrophe)
        if sep and len(head.strip('("')) == 1 and tail:
            return head.upper() + sep + _capitalise(tail)  # O'Brien, D'Angelo
    return _capitalise(part)


def _capitalise(part: str) -> str:
    low = part.lower()
    lead = len(low) - len(low.lstrip("(\"'"))
    core = low[lead:]
    if core.startswith("mc") and len(core) > 3:
        return low[:lead] + "Mc" + core[2:3].upper() + core[3:]
    return low[:lead] + core[:1].upper() + core[1:]


_SITE_PARTS = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")
_MASTHEAD_WORDS = re.compile(
    r"\s+(?:title|home|homepage|home\s+page|menu|main\s+menu|navigation|search|logo|online)$",
    re.IGNORECASE,
)
_NOT_A_SITE = re.compile(
    r"^(?:copyright|©|\(c\)|all rights reserved|home|index|untitled|none|null)\b|^\d", re.I
)


def site_name(value: str | None) -> str | None:
    """A site's name as pages give it, cut to the outlet's name: "Autoracing | F1 | Indy" →
    "Autoracing", "Remember 80/90 - Memorabilia anni 80/90" → "Remember 80/90" (a tagline
    after the name), "Harbour Daily Title" → "Harbour Daily" (a masthead scraped with the
    word of the link or image it sat in). Copyright lines and numbers are no name."""
    if not value:
        return None
    name = one_line(value, limit=200)
    name = _SITE_PARTS.split(name, maxsplit=1)[0].strip()
    name = _MASTHEAD_WORDS.sub("", name).strip()
    if not name or _NOT_A_SITE.search(name):
        return None
    return outlet_name(name)
