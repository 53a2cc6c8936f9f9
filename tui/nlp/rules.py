"""The default engine: patterns, cues and gazetteers, no model download."""

from __future__ import annotations

import gc
from collections.abc import Sequence

from tui.model import Annotations, Span
from tui.nlp import names, speakers
from tui.nlp.captions import outside_captions
from tui.nlp.entities import find_entities
from tui.nlp.gazetteer import fold
from tui.nlp.quotes import find_quotes


class RulesExtractor:
    name = "rules"

    def annotate(
        self, text: str, title: str | None = None, captions: Sequence[Span] = ()
    ) -> Annotations:
        # Reading one article makes tens of thousands of short-lived objects (tokens, mentions,
        # candidate lists) and no garbage that only the cycle collector could free in time to
        # matter: left on, the collector runs every few hundred of them and takes some 5% of
        # the time. It is paused for the article (if on; a caller's choice to have it off is
        # kept) and resumed after, when anything cyclic left behind is collected as usual.
        paused = gc.isenabled()
        if paused:
            gc.disable()
        try:
            entities = find_entities(text, title=title, captions=captions)
            quotes = find_quotes(text, entities, captions)
            return Annotations(entities=outside_captions(text, entities, captions), quotes=quotes)
        finally:
            if paused:
                gc.enable()


def clear_caches() -> None:
    """Empty the engine's per-name caches, so that a benchmark's every run starts as the first
    pass over new articles does (the gazetteers stay loaded)."""
    fold.cache_clear()
    names.clear_caches()
    speakers.clear_caches()
