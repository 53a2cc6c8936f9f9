"""`broadsheet review-store migrate FROM TO`: copy marks between stores of any kind.

A copy is a merge (`ReviewStore.merge`): reviews and tags are united, the flag and the note
take whichever was set last, who and when travel with each mark, and nothing is deleted. So
the copy can be run again, or the other way round, and a team can move from a private file to
a shared one, or to PostgreSQL and back, without losing anyone's work.
"""

from __future__ import annotations

import sys
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tui.review.location import open_store_at, store_location
from tui.review.marks import ReviewStoreError
from tui.review.saved import SavedSearches
from tui.review.store import ReviewStore


@dataclass(frozen=True)
class CopyReport:
    total: int
    """Marks read from the source."""
    changed: int
    """Marks the target did not have as they were (0 when the copy is repeated)."""


def copy_marks(
    source: ReviewStore, target: ReviewStore, only: Collection[str] | None = None
) -> CopyReport:
    """Merge every mark of `source` (or those of the articles in `only`) into `target` (each
    mark one transaction in the target, so an interrupted copy keeps what it copied and a
    second run finishes it)."""
    marks = [
        mark
        for mark in source.all_marks().values()
        if not mark.is_empty and (only is None or mark.id in only)
    ]
    changed = sum(1 for mark in marks if target.merge(mark))
    if only is None:  # a whole store: its saved searches too (the later of a name wins)
        kept = SavedSearches(target)
        for saved in SavedSearches(source).all():
            kept.merge(saved)
    return CopyReport(total=len(marks), changed=changed)


def migrate(
    source: str,
    target: str,
    corpus: Path | None = None,
    *,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """The command: open both stores (`private`, `corpus`, a path or a URL), copy, say what
    happened in one line. Errors are one line too; the exit status is 1."""
    try:
        if store_location(source, corpus) == store_location(target, corpus):
            raise ReviewStoreError("FROM and TO are the same store")
        with open_store_at(source, corpus) as src, open_store_at(target, corpus) as dst:
            report = copy_marks(src, dst)
            out.write(
                f"{report.changed} of {report.total} marks copied from {src.location} "
                f"to {dst.location} ({report.total - report.changed} already there)\n"
            )
    except ReviewStoreError as exc:
        err.write(f"broadsheet: review-store: {exc}\n")
        return 1
    return 0
