"""Companies whose names look like anyone's: web addresses, and a company's own first word.

"Booking.com" is found by its shape. "Ford" after "Ford Motor Company" is the company, even in
an article that also names Henry Ford: without this pass the article-wide step that gives a
surname its full name (`coref`) would make every bare "Ford" the man. A title ("Mr Ford") still
says the person.
"""

from __future__ import annotations

import re

from tui.nlp.coref import ORG, PERSON, PLACE, Mention
from tui.nlp.cues import word_set

DOMAIN = re.compile(r"\.(?:com|net|org|io|ai|co\.uk|co|cn|in|de|fr|jp|tv)(?![\w.-]|\.\w)")
"""What ends a company's name written as its web address: "Booking.com", "Hotels.com"."""

_NAMED_AFTER_PEOPLE = word_set(
    """
    foundation institute center centre trust library museum school college university
    hospital prize award awards administration government memorial stadium society fund
    cabinet campaign team family estate house hall trophy cup lecture scholarship
    """
)
"""Last words of organisations that are often named after a person ("Clinton Foundation",
"Bush administration", "Nobel Prize"): their first word is not the organisation's short name."""


def web_name(text: str, start: int, end: int) -> Mention | None:
    """A one-word name followed by a web domain ("Booking" + ".com"), as one organisation."""
    match = DOMAIN.match(text, end)
    if match is None:
        return None
    m = Mention(start, match.end(), text[start : match.end()])
    m.add_prior(ORG, 3.0)
    return m


def mark_company_words(mentions: list[Mention]) -> None:
    """Give a one-word name that opens an organisation's longer name in the article evidence
    for the organisation ("Real" after "Real Madrid", "Jones" after "Jones Medical Industries
    Inc"). Where a person's full name also holds the word ("Henry Ford"), only a name that is
    itself known as an organisation's ("Ford") is marked, strongly enough to stay one: the
    article then says which it means by the title a person gets ("Mr Ford")."""
    firsts: set[str] = set()
    person_parts: set[str] = set()
    for m in mentions:
        if m.kind != "text" or " " not in m.text:
            continue
        words = m.key.split()
        org = m.prior.get(ORG, 0.0)
        if org >= 3.0 and org >= max(m.prior.values()) and words[-1] not in _NAMED_AFTER_PEOPLE:
            firsts.add(words[0])
        elif m.prior.get(PERSON, 0.0) >= 2.0 or m.context.get(PERSON, 0.0) >= 2.0:
            person_parts.add(words[0])
            person_parts.add(words[-1])
    if not firsts:
        return
    for m in mentions:
        if m.key not in firsts or " " in m.text or m.kind != "text":
            continue
        if m.context.get(PERSON, 0.0) >= 2.0 or m.prior.get(PLACE, 0.0) >= 2.0:
            continue  # "Mr Ford"; "Israel" beside "Israel Radio"
        if m.key not in person_parts:
            m.add(ORG, 1.5)
        elif m.prior.get(ORG, 0.0) >= 1.5:
            m.add(ORG, 3.0)
