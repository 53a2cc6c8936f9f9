"""The one interface every annotation engine answers to."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the index reads ENGINE_VERSIONS at every search, which needs no pydantic
    from tui.model import Annotations, Span

ENGINES: tuple[str, ...] = ("rules", "spacy")
ENGINE_VERSIONS: dict[str, int] = {"rules": 21, "spacy": 22}
"""Bumped whenever an engine's output changes (new cues, speaker rules...): an index holds
annotations, so one made by an older version is rebuilt rather than shown stale."""


class EngineUnavailable(RuntimeError):
    """The engine cannot run here (a missing optional package); the message says how to fix it."""


class Extractor(Protocol):
    """Turns an article's cleaned text into entities and quotes.

    Offsets in the result index into `text`. `title` and `captions` are context only: the title
    can confirm a name used in the body, captions are part of the text but read differently.
    """

    name: str

    def annotate(
        self, text: str, title: str | None = None, captions: Sequence[Span] = ()
    ) -> Annotations: ...


def get_extractor(name: str = "rules") -> Extractor:
    """Build the named engine; raises `EngineUnavailable` or `ValueError` for an unknown name."""
    if name == "rules":
        from tui.nlp.rules import RulesExtractor

        return RulesExtractor()
    if name == "spacy":
        from tui.nlp.spacy_engine import SpacyExtractor

        return SpacyExtractor()
    raise ValueError(f"unknown engine {name!r} (choose from: {', '.join(ENGINES)})")
