"""Review marks (reviewed, flagged, tags, notes) with who made them and when, in a SQLite file
(private, or shared by a Unix group) or a PostgreSQL database (shared across machines)."""

from tui.review.marks import (
    Mark,
    MarkKind,
    ReviewStoreError,
    Stamp,
    StoreUnavailableError,
    normalize_tags,
)
from tui.review.store import ReviewStore

__all__ = [
    "Mark",
    "MarkKind",
    "ReviewStore",
    "ReviewStoreError",
    "Stamp",
    "StoreUnavailableError",
    "normalize_tags",
]
