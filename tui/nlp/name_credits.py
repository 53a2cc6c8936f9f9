"""Photo credits: the photographer is a real person, but never another mention's name."""

from __future__ import annotations

import re

from tui.nlp.coref import ORG, PERSON, Mention
from tui.nlp.gazetteer import fold
from tui.nlp.name_cues import KNOWN_ORG_KEYS, ORG_SUFFIX_KEYS

_CREDIT = re.compile(
    r"\b(?:Photo|Photos|Photograph|Picture|Pictures|Image|Images|Graphics?|Video|Illustration|"
    r"Credit|Source)s?[ \t]?(?:by[ \t])?[:/][ \t]?([^/\n()|,;]{2,60}?)(?:[ \t]?/[ \t]?"
    r"([^/\n()|,;]{2,60}?))?[ \t]?(?=\)|$|\n|\||;)",
    re.IGNORECASE | re.MULTILINE,
)


def find_credits(text: str) -> list[Mention]:
    """Photo credits: "Photo: MARA OSEI/HARBOUR POST", "(Photo/ORG)", "(Graphics/NAME)".

    The name is a real person (the photographer), so it is reported, but as kind "credit", so
    that it never becomes another mention's canonical name. What follows the slash is the
    outlet. Credits are recognised by their shape anywhere in the text, not only inside the
    caption spans ingest found: scraped pages repeat captions and not every one is marked.
    """
    out: list[Mention] = []
    for match in _credit_matches(text):
        first = match.span(1)
        second = match.span(2) if match.group(2) else None
        parts = [first] + ([second] if second else [])
        # "(Photo/ORG)": one part after a slash names the outlet; "Photo: NAME" a person.
        slash_form = match.start(1) > 0 and text[match.start(1) - 1] == "/"
        for index, (a, b) in enumerate(parts):
            a, b = _trim(text, a, b)
            if b <= a or not text[a].isupper():
                continue
            if second is not None:
                label = PERSON if index == 0 else ORG
            else:
                label = ORG if slash_form and _looks_like_org(text[a:b]) else PERSON
            m = Mention(a, b, text[a:b], kind="credit" if label == PERSON else "text")
            m.add(label, 4.0)
            if label == ORG and m.text.isupper():
                m.canonical = m.text.title()  # "HARBOUR POST" -> "Harbour Post"
            out.append(m)
    return out


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Where photo credits stand in `text` ("Photo: NAME/OUTLET", "(Photo/ORG)"), whole."""
    return [match.span() for match in _credit_matches(text)]


_CREDIT_MARK = re.compile(r"[:/]")
_CREDIT_REACH = 17
"""How far a credit's ":" or "/" can be from its start: "Illustrations by:" is the longest."""


_last_read: tuple[str, list[re.Match[str]]] = ("", [])
"""The last text `_credit_matches` read and what it found: the name finder and then the
caption filter ask about the same article, one straight after the other."""


def _credit_matches(text: str) -> list[re.Match[str]]:
    """What `_CREDIT.finditer(text)` finds, found by trying the pattern only just before each
    ":" and "/": a case-insensitive pattern cannot be scanned for quickly, the marks can.
    The same text asked again (the same object) is answered from `_last_read`; callers only
    read the list."""
    global _last_read
    last_text, last_found = _last_read  # one read of the pair: safe beside other threads
    if text is last_text:
        return last_found
    out: list[re.Match[str]] = []
    pos = 0  # where the next match may start: after the last one, as with finditer
    tried = -1  # starts up to here are already known not to match
    for mark in _CREDIT_MARK.finditer(text):
        p = mark.start()
        for a in range(max(pos, p - _CREDIT_REACH, tried + 1), p + 1):
            match = _CREDIT.match(text, a)
            if match is not None:
                out.append(match)
                pos = match.end()
                break
        tried = max(tried, p)
    _last_read = (text, out)
    return out


def _looks_like_org(name: str) -> bool:
    words = name.split()
    return (
        (len(words) == 1 and name.isupper())
        or fold(words[-1]) in ORG_SUFFIX_KEYS
        or fold(name) in KNOWN_ORG_KEYS
    )


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace()):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == "."):
        b -= 1
    return a, b
