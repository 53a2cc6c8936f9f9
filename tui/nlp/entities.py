"""Entity finding for the rules engine: patterns for numbers and dates, cues for names.

`find_entities` is what `RulesExtractor` calls. Money, percentages and dates are found first by
their shape (`patterns`); capitalised spans that do not overlap them are scored by `names`;
`coref.resolve` then reads the article as a whole (one label per string, surnames linked to full
names, acronyms to their expansions) and the two lists are merged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.model import Entity, Span
from tui.nlp.coref import make_entity, resolve
from tui.nlp.cues import word_set
from tui.nlp.gazetteer import fold, gazetteer
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
    names = _fix_shapes(text, resolve(text, mentions))
    numbers = [
        make_entity(
            {
                "start": f.start,
                "end": f.end,
                "label": f.label,
                "text": text[f.start : f.end],
                "canonical": text[f.start : f.end],
            }
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


_HYPHEN_TAIL = re.compile(r"-[a-z]{2,5}\b(?![-’'])")
"""A syllable in small letters after a hyphen: "Ki-moon", "Geun-hye", "Jong-un"."""

_COMPASS = word_set(
    """north south east west northeast northwest southeast southwest northern southern
    eastern western central"""
)
_PLACE_ABBREVIATIONS = frozenset(("D.C.", "N.Y.", "N.J.", "Calif.", "Mass.", "Fla."))


def _fix_shapes(text: str, names: list[Entity]) -> list[Entity]:
    """Shapes of names the scoring of runs reads wrong, put right once the labels are known.

    - A Korean given name in two syllables, the second in small letters ("Ban Ki-moon"): the
      run stops at the hyphen, so the person's name is extended, and every mention whose
      canonical is the cut form points to the whole name.
    - A compass word before a country ("Northeast China") or a state's abbreviation after a
      city ("Washington D.C.") makes a place, whatever the run looked like.
    """
    renamed: dict[str, str] = {}
    out: list[Entity] = []
    for e in names:
        words = e.text.split()
        if e.label == "PERSON" and 2 <= len(words[-1]) <= 5 and e.canonical == e.text:
            tail = _HYPHEN_TAIL.match(text, e.end)
            if tail is not None:
                end = tail.end()
                whole = text[e.start : end]
                renamed[e.canonical] = whole
                e = e.model_copy(update={"end": end, "text": whole, "canonical": whole})
        if (
            e.label != "PLACE"
            and len(words) >= 2
            and (
                words[-1] in _PLACE_ABBREVIATIONS
                or (
                    words[0].lower() in _COMPASS and fold(" ".join(words[1:])) in gazetteer().places
                )
            )
        ):
            e = e.model_copy(update={"label": "PLACE"})
        out.append(e)
    if renamed:
        out = [
            e.model_copy(update={"canonical": renamed[e.canonical]})
            if e.canonical in renamed
            else e
            for e in out
        ]
    return out
