"""Entity finding for the rules engine (being built)."""

from __future__ import annotations

from collections.abc import Sequence

from tui.model import Entity, Span


def find_entities(
    text: str, title: str | None = None, captions: Sequence[Span] = ()
) -> list[Entity]:
    return []
