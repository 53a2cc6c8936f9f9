"""Captions are read, never reported from.

A photo caption repeats what the article says about someone, or names the photographer and the
agency ("Photo: MARA OSEI/HARBOUR POST", "(Photo/Knight Frank)"). Listed beside the article, its
names either say again what the body says or are page furniture taken for people (a firm in a
credit becomes a PERSON). So the entities an engine found inside a caption, or in a photo
credit wherever one stands, are not reported: captions stay searchable as text, and the
engine still reads them as context (a credit never names a body mention, a caption never
speaks).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from tui.model import Entity, Span
from tui.nlp.name_credits import credit_spans


def outside_captions(
    text: str, entities: Sequence[Entity], captions: Sequence[Span]
) -> list[Entity]:
    """`entities` without those inside a caption span or a photo credit."""
    spans = sorted([(c.start, c.end) for c in captions] + credit_spans(text))
    if not spans:
        return list(entities)
    starts = [start for start, _ in spans]
    # Spans may nest (a credit inside a caption): the farthest end reached by any span that
    # starts at or before an entity says whether it is covered.
    reach = list(accumulate((end for _, end in spans), max))

    def covered(e: Entity) -> bool:
        i = bisect_right(starts, e.start) - 1
        return i >= 0 and reach[i] >= e.end

    return [e for e in entities if not covered(e)]
