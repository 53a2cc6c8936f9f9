"""Marks put into words for the reader's title: what was done, by whom, how long ago
("⚑ flagged by ana, 2 h ago · ✓ reviewed by ana, bob")."""

from __future__ import annotations

from datetime import UTC, datetime

from tui.app.text import one_line
from tui.review import Mark

_UNITS = ((86400, "d"), (3600, "h"), (60, "min"))


def ago(stamp: str | None, now: datetime | None = None) -> str:
    """How long ago a store time (ISO 8601 UTC) was, the way people say it: "just now",
    "5 min ago", "2 h ago", "3 d ago", and the date itself past a month. Empty if unknown."""
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = ((now or datetime.now(UTC)) - when).total_seconds()
    if seconds < 60:
        return "just now"  # also a colleague's clock a little ahead of ours
    if seconds >= 30 * 86400:
        return when.date().isoformat()
    for size, unit in _UNITS:
        if seconds >= size:
            return f"{int(seconds // size)} {unit} ago"
    return "just now"


def _names(names: list[str], me: str | None) -> str:
    return ", ".join("you" if name == me else one_line(name) for name in names)


def describe_mark(mark: Mark | None, me: str | None = None, now: datetime | None = None) -> str:
    """A short, colour-free description of a mark with who made it:
    "✓ reviewed by ana, bob · ⚑ flagged by ana, 2 h ago · #a #b · ✎ note by bob, 1 d ago".
    `me` (the current reviewer) is named "you". A mark from before stores recorded who made it
    is described without a name."""
    if mark is None:
        return ""
    parts = []
    if mark.reviewed:
        names = mark.reviewed_by
        parts.append(f"✓ reviewed by {_names(names, me)}" if names else "✓ reviewed")
    if mark.flagged:
        parts.append(_stamped("⚑ flagged", mark.flagged_by, mark.flagged_at, me, now))
    if mark.tags:
        parts.append(" ".join(f"#{one_line(tag)}" for tag in mark.tags))
    if mark.note:
        parts.append(_stamped("✎ note", mark.note_by, mark.note_at, me, now))
    return " · ".join(parts)


def _stamped(
    what: str, by: str | None, at: str | None, me: str | None, now: datetime | None
) -> str:
    when = ago(at, now)
    who = f" by {_names([by], me)}" if by else ""
    return f"{what}{who}, {when}" if when else f"{what}{who}"
