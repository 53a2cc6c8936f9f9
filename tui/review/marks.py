"""What a review mark is, apart from where it is stored: the same model comes out of SQLite and
PostgreSQL, so the app, `export` and the query language need not know which store they use."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

MarkKind = Literal["reviewed", "flagged", "tagged", "noted", "any"]
"""What a reviewer did, for filters such as `flagged-by:ana` (`any`: anything at all)."""

UNKNOWN_REVIEWER = "unknown"
"""`by` of marks made before stores recorded reviewers, when the owner cannot be named."""


class ReviewStoreError(RuntimeError):
    """The review store cannot be opened, read or written; the message is one line for the user
    (the app's status line, a command's error), never a traceback."""


class StoreUnavailableError(ReviewStoreError):
    """The store's server is unreachable, refused the credentials, or dropped the connection.

    Nothing is queued: the mark this call was making is not stored (the message says so). The
    next call connects again, so the app can stay read-only for marks until one succeeds."""


class Stamp(BaseModel, frozen=True):
    """Who made a mark and when (ISO 8601 UTC with milliseconds, e.g. 2025-01-31T09:00:00.000Z).

    Times come from the store itself (the database server's clock for PostgreSQL), so marks
    from several machines sort in the order they were made even if the machines' clocks drift.
    """

    by: str
    at: str


class Mark(BaseModel):
    """What reviewers recorded about one article, with who did what.

    `reviewed` is per reviewer (each person says "I have read this"): it is true when anyone
    has, and `reviews` says who and when. The flag and the note are one per article: `flagged_by`
    and `note_by` name whoever last set or cleared them. Each tag keeps who added it.
    """

    id: str
    reviewed: bool = False
    flagged: bool = False
    tags: list[str] = Field(default_factory=list)
    note: str = ""
    updated_at: str | None = None
    """Time of the last change; None for an article never marked."""
    updated_by: str | None = None
    reviews: list[Stamp] = Field(default_factory=list)
    """Everyone who marked the article reviewed, earliest first."""
    flagged_by: str | None = None
    flagged_at: str | None = None
    note_by: str | None = None
    note_at: str | None = None
    tag_stamps: dict[str, Stamp] = Field(default_factory=dict)
    """Who added each tag (keyed by the tag as spelt in `tags`)."""
    content_hash: str | None = None
    """`Article.content_hash` of the article when it was last marked (None: not known), so
    marks can follow a moved corpus only to articles that are still the same."""

    @property
    def is_empty(self) -> bool:
        """True when nothing is recorded (never marked, or every mark since undone)."""
        return not (self.reviewed or self.flagged or self.tags or self.note)

    @property
    def reviewed_by(self) -> list[str]:
        """Names of everyone who marked it reviewed, earliest first."""
        return [stamp.by for stamp in self.reviews]

    def is_reviewed_by(self, name: str) -> bool:
        return any(stamp.by == name for stamp in self.reviews)

    def is_marked_by(self, name: str, kind: MarkKind = "any") -> bool:
        """Whether `name` made a mark of this kind that still stands (a cleared flag does not
        count as flagged by whoever cleared it)."""
        checks = {
            "reviewed": self.is_reviewed_by(name),
            "flagged": self.flagged and self.flagged_by == name,
            "tagged": any(stamp.by == name for stamp in self.tag_stamps.values()),
            "noted": bool(self.note) and self.note_by == name,
        }
        return any(checks.values()) if kind == "any" else checks[kind]


def normalize_tags(tags: list[str] | tuple[str, ...]) -> list[str]:
    """Tags trimmed, without blanks or repeats (first spelling wins, compared case-blind)."""
    seen: set[str] = set()
    out: list[str] = []
    for raw in tags:
        tag = " ".join(str(raw).split())
        key = tag.casefold()
        if tag and key not in seen:
            seen.add(key)
            out.append(tag)
    return out


def tag_key(tag: str) -> str:
    """The form tags are compared in: trimmed and case-folded (in Python, so that both stores
    fold every script the same way; SQLite's lower() only folds ASCII)."""
    return " ".join(tag.split()).casefold()


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def one_line(text: object) -> str:
    """Text fit for a status line: control characters (a terminal escape in an article id, a
    server's tab-indented hint) become spaces, and runs of space become one."""
    return " ".join(_CONTROL.sub(" ", str(text)).split())


NOTE_SEPARATOR = "\n---\n"


def merge_note(opened: str, theirs: str, mine: str) -> tuple[str, bool]:
    """The note to store when this dialog opened on `opened` and the store now holds `theirs`:
    when someone else changed it meanwhile, neither text is lost (theirs, a separator line, then
    mine). True when their text was kept that way."""
    if theirs in (opened, mine) or mine == opened:
        # Nobody else changed it, they made the same change, or this dialog changed nothing.
        return (mine if theirs == opened else theirs), False
    if not mine or not theirs:
        # Emptied here while they wrote (their text stays), or they removed it while this
        # dialog changed it (this text stays).
        return theirs or mine, bool(theirs)
    return f"{theirs}{NOTE_SEPARATOR}{mine}", True
