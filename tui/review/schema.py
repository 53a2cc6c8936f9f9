"""The review store's tables, written once for both SQLite and PostgreSQL.

Only types and syntax both accept are used (TEXT, INTEGER, BIGINT, ON CONFLICT), times are
ISO 8601 text so they compare and copy the same everywhere, and every statement uses `?`
placeholders (the PostgreSQL store turns them into `%s`). A store written by one Broadsheet can
then be copied to the other kind without conversion (`broadsheet review-store migrate`).

Version 1 (SQLite only, before reviewers were recorded) kept one row per article with the tags
as a JSON list. Version 2 records who did what: a row per reviewer for "reviewed", a row per
tag, `_by`/`_at` for the flag and the note, and a change counter (`rev`) that orders every
write so a watcher can ask "what changed after the last change I saw" without trusting clocks.
Version 3 lets marks follow a corpus that was moved or renamed (`moved`): each mark keeps the
content hash of its article when it was last marked (`marks.content_hash`), and `info` holds
text facts about the store, such as the corpus folder a private store belongs to.
Version 4 keeps the saved searches (`searches`, one per name in any case, with who saved them),
so a shared store shares them too; before, they were a JSON file beside a private store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

SCHEMA_VERSION = 4

TABLES = """
CREATE TABLE IF NOT EXISTS marks (
    id         TEXT PRIMARY KEY,
    flagged    INTEGER NOT NULL DEFAULT 0,
    flagged_by TEXT,
    flagged_at TEXT,
    note       TEXT NOT NULL DEFAULT '',
    note_by    TEXT,
    note_at    TEXT,
    updated_at TEXT NOT NULL,
    updated_by TEXT,
    rev        BIGINT NOT NULL DEFAULT 0,
    content_hash TEXT
);
CREATE INDEX IF NOT EXISTS marks_rev ON marks(rev);
CREATE INDEX IF NOT EXISTS marks_updated_at ON marks(updated_at);
CREATE TABLE IF NOT EXISTS reviews (
    id       TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (id, reviewer)
);
CREATE INDEX IF NOT EXISTS reviews_reviewer ON reviews(reviewer);
CREATE TABLE IF NOT EXISTS tags (
    id       TEXT NOT NULL,
    key      TEXT NOT NULL,
    tag      TEXT NOT NULL,
    pos      BIGINT NOT NULL,
    reviewer TEXT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (id, key)
);
CREATE INDEX IF NOT EXISTS tags_key ON tags(key);
CREATE INDEX IF NOT EXISTS tags_reviewer ON tags(reviewer);
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('rev', 0) ON CONFLICT (key) DO NOTHING;
CREATE TABLE IF NOT EXISTS info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS searches (
    key      TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    query    TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    saved_by TEXT
)
"""
INFO_CORPUS = "corpus"
"""`info` key: the absolute path of the corpus folder a private store belongs to."""
INFO_MOVED_FROM = "moved_from"
"""`info` key: the corpus whose marks were moved into this store (`broadsheet marks move`)."""
INFO_MOVED_TO = "moved_to"
"""`info` key: the corpus this store's marks were moved to; such a store is not offered again."""

Run = Callable[[str, Sequence[object]], list[tuple[Any, ...]]]
"""Runs one statement inside the caller's transaction and returns its rows."""


def statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def create(run: Run) -> None:
    """Create the current tables (idempotent)."""
    for statement in statements(TABLES):
        run(statement, ())


def upgrade_from_v2(run: Run) -> None:
    """Version 2 to 3 in the caller's transaction: marks made so far have no content hash
    (NULL: unknown, never matched blindly), and the store does not yet know its corpus."""
    run("ALTER TABLE marks ADD COLUMN content_hash TEXT", ())
    create(run)


def millis(stamp: str | None) -> str | None:
    """A version-1 stamp (`...T09:00:00Z`, one-second steps) in today's form
    (`...T09:00:00.000Z`), so old and new stamps still sort as text."""
    if not stamp:
        return stamp
    if stamp.endswith("Z") and "." not in stamp:
        return stamp[:-1] + ".000Z"
    return stamp


def upgrade_from_v1(run: Run, owner: str) -> None:
    """Version 1 to 2 in the caller's transaction: every existing mark is kept and attributed
    to `owner` (the login that owned the private store), at the time of its last change."""
    rows = run("SELECT id, reviewed, flagged, tags, note, updated_at FROM marks", ())
    run("ALTER TABLE marks RENAME TO marks_v1", ())
    create(run)
    for id_, reviewed, flagged, tags_json, note, updated_at in rows:
        at = millis(updated_at) or "1970-01-01T00:00:00.000Z"
        run(
            "INSERT INTO marks (id, flagged, flagged_by, flagged_at, note, note_by, note_at, "
            "updated_at, updated_by, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            (
                id_,
                int(bool(flagged)),
                owner if flagged else None,
                at if flagged else None,
                note or "",
                owner if note else None,
                at if note else None,
                at,
                owner,
            ),
        )
        if reviewed:
            run("INSERT INTO reviews (id, reviewer, at) VALUES (?, ?, ?)", (id_, owner, at))
        for pos, tag in enumerate(_v1_tags(tags_json), start=1):
            run(
                "INSERT INTO tags (id, key, tag, pos, reviewer, at) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id, key) DO NOTHING",
                (id_, " ".join(tag.split()).casefold(), tag, pos, owner, at),
            )
    run("DROP TABLE marks_v1", ())


def _v1_tags(raw: str | None) -> list[str]:
    try:
        parsed = json.loads(raw or "[]")
    except ValueError:
        return []
    if not isinstance(parsed, list):
        return []
    return [" ".join(str(t).split()) for t in parsed if str(t).strip()]
