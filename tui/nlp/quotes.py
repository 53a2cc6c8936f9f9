"""Quote finding and speaker attribution (being built)."""

from __future__ import annotations

from tui.model import Entity, Quote


def find_quotes(text: str, entities: list[Entity]) -> list[Quote]:
    return []
