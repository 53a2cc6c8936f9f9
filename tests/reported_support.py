"""What the tests of reported speech share: an opening paragraph that names the speaker, and
the reported quotations of a text, found by the rules engine as the app would."""

from __future__ import annotations

from tui.model import Quote
from tui.nlp.rules import RulesExtractor

INTRO = "Hannah Cole, the harbour master, spoke to workers in Bayfield on Friday.\n\n"
"""A first paragraph naming the speaker, as a news story does before "she" or "Cole"."""


def reported(text: str) -> list[Quote]:
    """The reported speech the engine finds in `text` (its direct quotations left out)."""
    return [q for q in RulesExtractor().annotate(text).quotes if q.kind == "indirect"]


def only_reported(text: str) -> Quote:
    """The one piece of reported speech in `text`; failing, with what was found, if not one."""
    found = reported(text)
    assert len(found) == 1, [(q.text, q.speaker) for q in found]
    return found[0]
