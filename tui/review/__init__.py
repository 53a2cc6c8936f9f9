"""Review marks (reviewed, flagged, tags, notes) in a SQLite file outside the corpus."""

from tui.review.store import Mark, ReviewStore, ReviewStoreError, normalize_tags

__all__ = ["Mark", "ReviewStore", "ReviewStoreError", "normalize_tags"]
