"""Captions and photo credits are read, never reported from: no entity comes from them."""

from __future__ import annotations

from tui.model import Span
from tui.nlp.rules import RulesExtractor

TEXT = (
    "The port opened a new berth on Monday, officials in Port City said.\n\n"
    "Workers at the new berth in Port City. (Photo/Knight Frank)\n\n"
    'John Smith, the harbour master, said: "The berth will change this town."\n\n'
    "A crane at the dock at dawn. Photo: MARY JONES/HARBOUR DAILY\n\n"
    "Smith said the first ship was due on Friday."
)


def caption(line: str) -> Span:
    start = TEXT.index(line)
    return Span(start=start, end=start + len(line))


def test_no_entity_comes_from_a_caption_or_a_credit() -> None:
    captions = [
        caption("Workers at the new berth in Port City. (Photo/Knight Frank)"),
        caption("A crane at the dock at dawn. Photo: MARY JONES/HARBOUR DAILY"),
    ]
    ann = RulesExtractor().annotate(TEXT, captions=captions)
    inside = [e.text for e in ann.entities if any(c.start <= e.start < c.end for c in captions)]
    assert inside == []
    found = {(e.text, e.label) for e in ann.entities}
    assert ("Knight Frank", "PERSON") not in found
    assert not {e.text for e in ann.entities} & {"MARY JONES", "HARBOUR DAILY", "Knight Frank"}
    # The body keeps its entities, and the quote its speaker.
    assert ("John Smith", "PERSON") in found and ("Port City", "PLACE") in found
    assert ("Monday", "DATE") in found and ("Friday", "DATE") in found
    assert [q.speaker for q in ann.quotes if q.kind == "direct"] == ["John Smith"]


def test_a_credit_outside_a_marked_caption_is_not_an_entity_either() -> None:
    """Scraped pages do not always mark their captions; a credit has a shape of its own."""
    ann = RulesExtractor().annotate(TEXT)  # no caption spans given
    assert not {e.text for e in ann.entities} & {"MARY JONES", "HARBOUR DAILY", "Knight Frank"}
    assert "John Smith" in {e.text for e in ann.entities}
