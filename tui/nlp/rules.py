"""The default engine: patterns, cues and gazetteers, no model download."""

from __future__ import annotations

from collections.abc import Sequence

from tui.model import Annotations, Span
from tui.nlp.entities import find_entities
from tui.nlp.quotes import find_quotes


class RulesExtractor:
    name = "rules"

    def annotate(
        self, text: str, title: str | None = None, captions: Sequence[Span] = ()
    ) -> Annotations:
        entities = find_entities(text, title=title, captions=captions)
        quotes = find_quotes(text, entities)
        return Annotations(entities=entities, quotes=quotes)
