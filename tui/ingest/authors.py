"""Author fields as people's names: what pages and extractors put in a byline, cleaned.

A page's author metadata holds more than names: the outlet ("Condé Nast; Louise Matsakis",
"Sandee LaMotte; CNN"), a role ("Greg Beacham; AP Sports Writer", "CNN Editor-at-large"), the
date the byline sat next to ("Jeff Foust Monday; November"), the start of a bio ("Phil Helsel
is a reporter"), credentials ("Rachael Link, MS, RD") or a placeholder ("Admin"). The facets and
the reader want the people, each once. A wire agency that is the only byline ("Reuters",
"Associated Press") is kept: it is who wrote the story.
"""

from __future__ import annotations

import re

from .names import person_name
from .paragraphs import text_key

_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\||/|\n)\s*", re.I)
_PREFIX = re.compile(
    r"^(?:(?:an?\s+)?(?:analysis|opinion|commentary|review|interview|text|texto|words|story"
    r"|reporting|report|written|posted|photos?|edited)\s+by\b|by\b|текст|автор|por\b|von\b"
    r"|par\b|di\b)\s*[:\-–]?\s*",
    re.IGNORECASE,
)
# Where a name stops: a weekday or month, a digit, a bio ("is a", "was"), an "@" handle.
_STOP = re.compile(
    r"\s(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march"
    r"|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun"
    r"|jul|aug|sep|sept|oct|nov|dec|is|was|has|covers|writes|reports|for|at|from|on)\b.*$"
    r"|\s*\d.*$|\s*@.*$",
    re.IGNORECASE,
)
_ROLE_WORDS = frozenset(
    {
        "writer", "reporter", "editor", "correspondent", "columnist", "staff", "contributor",
        "bureau", "desk", "team", "editorial", "admin", "administrator", "webmaster", "author",
        "editor-at-large", "producer", "journalist", "press", "media", "news", "nast", "group",
        "inc", "ltd", "llc", "magazine", "network", "international", "service", "services",
        "agency", "newsroom", "redaction", "redação", "redacao", "redaktion", "redazione",
        "guest", "anonymous", "unknown", "user", "moderator", "ministries", "ministry",
        "department", "office", "com", "net", "org", "daily", "times", "post", "herald",
        "tribune", "gazette", "online", "digital", "partner", "sponsored", "content",
    }
)  # fmt: skip
_CREDENTIALS = frozenset(
    {"ms", "md", "rd", "phd", "mph", "rn", "mba", "ma", "msc", "bsc", "cpt", "do", "dds"}
)
# Wire agencies: an author when alone, an outlet when beside people.
_AGENCIES = {
    "reuters": "Reuters", "associatedpress": "Associated Press", "theassociatedpress":
    "Associated Press", "ap": "AP", "afp": "AFP", "agencefrancepresse": "AFP", "pti": "PTI",
    "ians": "IANS", "ani": "ANI", "upi": "UPI", "dpa": "dpa", "bloomberg": "Bloomberg",
    "xinhua": "Xinhua", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo", "yonhap": "Yonhap",
    "tass": "TASS", "pa": "PA",
}  # fmt: skip
_AGENCY_TAIL = re.compile(
    r"\s+(?:the\s+)?(?:associated\s+press|reuters|afp|ap|pti|bloomberg|cnn|bbc)$", re.I
)
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "del", "la", "le"})
_VOWELS = frozenset("aeiouyáéíóúàèìòùâêîôûãõäëïöüåæøаеёиоуыэюяаеиоу")
_HANDLE = re.compile(r"^\w+-\w$")
_MAX_NAME_WORDS = 5


def clean_authors(values: list[str], source: str | None = None) -> list[str]:
    """People's names from raw author values (each may hold several, see module doc)."""
    parts: list[str] = []
    for value in values:
        parts.extend(p for p in _SPLIT.split(value) if p.strip())
    source_key = text_key(source or "")
    names: list[str] = []
    agency: str | None = None
    for part in parts:
        key = text_key(part).removeprefix("the")
        if key in _AGENCIES:
            agency = agency or _AGENCIES[key]
            continue
        name = _name(part, source_key)
        if name and not _same_person(name, names):
            names.append(name)
    multi = [n for n in names if " " in n]
    if multi:
        names = multi  # a lone word beside full names is an outlet ("Futurism") or a handle
    if not names and agency:
        return [agency]
    return names


def _name(part: str, source_key: str) -> str | None:
    part = _PREFIX.sub("", part.strip(" .:-–—")).strip()
    part = _STOP.sub("", part).strip(" ,.;:-–—")
    part = _AGENCY_TAIL.sub("", part).strip()
    if source_key and len(source_key) >= 3:
        words = part.split()
        for i in range(1, len(words)):
            tail = text_key(" ".join(words[i:]))
            if tail and (source_key.startswith(tail) or tail.startswith(source_key)):
                part = " ".join(words[:i])  # "Finian Cunningham Sputnik" on Sputnik
                break
    words = part.split()
    if not words or len(words) > _MAX_NAME_WORDS or _HANDLE.match(part):
        return None
    low = [w.lower().strip(".,") for w in words]
    if any(w in _ROLE_WORDS for w in low) or all(w in _CREDENTIALS for w in low):
        return None
    if (
        len(words) == 1
        and part.isalpha()
        and (len(part) <= 2 or not _VOWELS.intersection(part.lower()))
    ):
        return None  # initials or a user name alone: "As", "Rmb"
    if low[0] == "the":
        return None  # "The Water Coolest", "The Russian ...": not a person
    if any(w[:1].islower() and w not in _PARTICLES for w in words[1:]):
        return None  # prose, not a name ("defense ministries")
    key = text_key(part)
    if source_key and (
        key in (source_key, source_key.removeprefix("the"))
        or (len(key) >= 4 and source_key.startswith(key))
    ):
        return None  # the site's own name ("Vortex" on vortexcannon.org)
    return person_name(part)


def _same_person(name: str, names: list[str]) -> bool:
    """Whether `name` is already listed, or is a listed name with a middle initial more or
    less ("Troy L. Smith" beside "Troy Smith")."""
    first_last = _first_last(name)
    return any(text_key(n) == text_key(name) or _first_last(n) == first_last for n in names)


def _first_last(name: str) -> tuple[str, str]:
    words = name.lower().split()
    return (words[0], words[-1]) if len(words) > 1 else (words[0], "")
