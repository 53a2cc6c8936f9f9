"""Entity finding for the rules engine: patterns for numbers and dates, cues for names.

`find_entities` is what `RulesExtractor` calls. Money, percentages and dates are found first by
their shape (`patterns`); capitalised spans that do not overlap them are scored by `names`;
`coref.resolve` then reads the article as a whole (one label per string, surnames linked to full
names, acronyms to their expansions) and the two lists are merged.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.model import Entity, Span
from tui.nlp.coref import resolve
from tui.nlp.names import find_name_mentions
from tui.nlp.patterns import find_patterns


def find_entities(
    text: str, title: str | None = None, captions: Sequence[Span] = ()
) -> list[Entity]:
    """Entities of an article's text, sorted by start, non-overlapping, offsets into `text`.

    `title` is context only (it is not part of `text`); `captions` mark caption spans, whose
    photo credits name photographers rather than people in the story.
    """
    del title  # reserved: the title could confirm a name; offsets never point into it
    found = find_patterns(text)
    mentions = find_name_mentions(text, [(f.start, f.end) for f in found], captions)
    names = resolve(text, mentions)
    numbers = [
        Entity(
            start=f.start,
            end=f.end,
            label=f.label,
            text=text[f.start : f.end],
            canonical=text[f.start : f.end],
        )
        for f in found
    ]
    merged = sorted(names + numbers, key=lambda e: (e.start, -e.end))
    out: list[Entity] = []
    last_end = -1
    for ent in merged:
        if ent.start >= last_end:
            out.append(ent)
            last_end = ent.end
    return out
