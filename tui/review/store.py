"""Review marks in SQLite: one row per article id, every change committed before returning.

Durability: the database runs in WAL mode with ``synchronous=FULL``. WAL alone already makes a
committed mark survive the process being killed (``kill -9``, a dropped SSH session): the commit
is in the WAL file once ``commit`` returns. ``NORMAL`` would only lose the most recent commits on a
power cut or an OS crash; ``FULL`` closes that gap too, at the price of one fsync per change. A
mark is one keypress of a person's work and changes arrive at typing speed, so the fsync costs
nothing anyone notices and the stronger guarantee is the right default.

Concurrency: two processes (two terminals on the same corpus, or the app and ``broadsheet
export``) may share the file. Readers never block in WAL mode; writers take the lock with
``BEGIN IMMEDIATE`` and wait up to ``timeout`` seconds for each other (SQLite's busy timeout), so
a read-modify-write such as a toggle is atomic across processes.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from pydantic import BaseModel, Field

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS marks (
    id         TEXT PRIMARY KEY,
    reviewed   INTEGER NOT NULL DEFAULT 0,
    flagged    INTEGER NOT NULL DEFAULT 0,
    tags       TEXT    NOT NULL DEFAULT '[]',
    note       TEXT    NOT NULL DEFAULT '',
    updated_at TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS marks_flagged ON marks(flagged) WHERE flagged;
CREATE INDEX IF NOT EXISTS marks_reviewed ON marks(reviewed) WHERE reviewed;
"""

_COLUMNS = "id, reviewed, flagged, tags, note, updated_at"


class ReviewStoreError(RuntimeError):
    """The review database cannot be opened or written; the message is meant for the user."""


class Mark(BaseModel):
    """What a reviewer recorded about one article."""

    id: str
    reviewed: bool = False
    flagged: bool = False
    tags: list[str] = Field(default_factory=list)
    note: str = ""
    updated_at: str | None = None
    """ISO 8601 UTC time of the last change; None for an article never marked."""

    @property
    def is_empty(self) -> bool:
        """True when nothing is recorded (never marked, or every mark since undone)."""
        return not (self.reviewed or self.flagged or self.tags or self.note)


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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _row_to_mark(row: tuple[str, int, int, str, str, str]) -> Mark:
    id_, reviewed, flagged, tags, note, updated_at = row
    try:
        parsed = json.loads(tags)
        tag_list = [str(t) for t in parsed] if isinstance(parsed, list) else []
    except ValueError:
        tag_list = []
    return Mark(
        id=id_,
        reviewed=bool(reviewed),
        flagged=bool(flagged),
        tags=tag_list,
        note=note,
        updated_at=updated_at,
    )


class ReviewStore:
    """Review marks of one corpus, in one SQLite file (see the module notes on durability).

    Safe to share between threads of one process (calls are serialised by a lock) and between
    processes (SQLite's own locking). Every setter returns the mark as stored afterwards.
    """

    def __init__(self, path: Path | str, *, timeout: float = 10.0) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as exc:
            raise ReviewStoreError(f"cannot open review marks at {self.path}: {exc}") from exc
        try:
            self._db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            mode = self._db.execute("PRAGMA journal_mode = WAL").fetchone()
            if mode is None or str(mode[0]).lower() != "wal":
                # A file system without shared memory (some network mounts) refuses WAL; the
                # default rollback journal is still crash-safe, only less concurrent.
                self._db.execute("PRAGMA journal_mode = DELETE")
            self._db.execute("PRAGMA synchronous = FULL")
            with self._write():
                version = self._db.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise ReviewStoreError(
                        f"{self.path} was written by a newer Broadsheet (schema {version})"
                    )
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.Error as exc:
            self._db.close()
            raise ReviewStoreError(f"cannot use review marks at {self.path}: {exc}") from exc
        except ReviewStoreError:
            self._db.close()
            raise

    @classmethod
    def for_corpus(cls, corpus: Path) -> ReviewStore:
        """The store for a corpus at its configured place (`config.review_db_for`)."""
        from tui.config import review_db_for

        return cls(review_db_for(corpus))

    # -- plumbing ---------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction, taken at once so a read-modify-write cannot interleave."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _get(self, article_id: str) -> Mark:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM marks WHERE id = ?", (article_id,)
        ).fetchone()
        return _row_to_mark(row) if row else Mark(id=article_id)

    def _put(self, mark: Mark) -> None:
        self._db.execute(
            f"INSERT INTO marks ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET reviewed = excluded.reviewed, "
            "flagged = excluded.flagged, tags = excluded.tags, note = excluded.note, "
            "updated_at = excluded.updated_at",
            (
                mark.id,
                int(mark.reviewed),
                int(mark.flagged),
                json.dumps(mark.tags, ensure_ascii=False),
                mark.note,
                mark.updated_at or _now(),
            ),
        )

    def _update(self, article_id: str, change: Callable[[Mark], Mark]) -> Mark:
        try:
            with self._write():
                mark = change(self._get(article_id))
                mark.updated_at = _now()
                self._put(mark)
                return mark
        except sqlite3.Error as exc:
            raise ReviewStoreError(f"cannot save review mark for {article_id}: {exc}") from exc

    # -- reading ----------------------------------------------------------------------------

    def get(self, article_id: str) -> Mark:
        """The mark of an article (an empty mark if it was never marked)."""
        with self._lock:
            return self._get(article_id)

    def all_marks(self) -> dict[str, Mark]:
        """Every stored mark by article id, including marks since undone."""
        with self._lock:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM marks ORDER BY id").fetchall()
        return {row[0]: _row_to_mark(row) for row in rows}

    def data_version(self) -> int:
        """A number that changes whenever another connection (another Broadsheet on the same
        corpus) commits: a question cheap enough to ask every second before reading marks."""
        try:
            with self._lock:
                return int(self._db.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as exc:
            raise ReviewStoreError(f"cannot read review marks: {exc}") from exc

    def changed_since(self, stamp: str) -> list[Mark]:
        """Marks written at or after `stamp` (an `updated_at` value), oldest first. Inclusive,
        as stamps have one-second steps: a mark written later in the same second still comes."""
        try:
            with self._lock:
                rows = self._db.execute(
                    f"SELECT {_COLUMNS} FROM marks WHERE updated_at >= ? ORDER BY updated_at, id",
                    (stamp,),
                ).fetchall()
        except sqlite3.Error as exc:
            raise ReviewStoreError(f"cannot read review marks: {exc}") from exc
        return [_row_to_mark(row) for row in rows]

    def ids_with_tag(self, tag: str) -> list[str]:
        """Ids of the articles carrying `tag` (compared case-blind), in id order."""
        wanted = " ".join(tag.split()).casefold()
        with self._lock:
            rows = self._db.execute(
                "SELECT DISTINCT marks.id FROM marks, json_each(marks.tags) "
                "WHERE lower(json_each.value) = ? ORDER BY marks.id",
                (wanted,),
            ).fetchall()
            if wanted.isascii():
                return [row[0] for row in rows]
            # SQLite's lower() only folds ASCII; fall back to Python for other scripts.
            found = [
                mark.id
                for mark in self.all_marks().values()
                if any(t.casefold() == wanted for t in mark.tags)
            ]
        return found

    def all_tags(self) -> list[str]:
        """Every tag in use, sorted, for completion."""
        with self._lock:
            rows = self._db.execute(
                "SELECT DISTINCT json_each.value FROM marks, json_each(marks.tags) ORDER BY 1"
            ).fetchall()
        return [str(row[0]) for row in rows]

    # -- writing ----------------------------------------------------------------------------

    def set_reviewed(self, article_id: str, reviewed: bool = True) -> Mark:
        return self._update(article_id, lambda m: m.model_copy(update={"reviewed": reviewed}))

    def set_flagged(self, article_id: str, flagged: bool = True) -> Mark:
        return self._update(article_id, lambda m: m.model_copy(update={"flagged": flagged}))

    def set_tags(self, article_id: str, tags: list[str]) -> Mark:
        clean = normalize_tags(tags)
        return self._update(article_id, lambda m: m.model_copy(update={"tags": clean}))

    def set_note(self, article_id: str, note: str) -> Mark:
        clean = note.strip()
        return self._update(article_id, lambda m: m.model_copy(update={"note": clean}))

    def toggle_reviewed(self, article_id: str) -> Mark:
        return self._update(article_id, lambda m: m.model_copy(update={"reviewed": not m.reviewed}))

    def toggle_flagged(self, article_id: str) -> Mark:
        return self._update(article_id, lambda m: m.model_copy(update={"flagged": not m.flagged}))

    def add_tag(self, article_id: str, tag: str) -> Mark:
        return self._update(
            article_id, lambda m: m.model_copy(update={"tags": normalize_tags([*m.tags, tag])})
        )

    def remove_tag(self, article_id: str, tag: str) -> Mark:
        gone = " ".join(tag.split()).casefold()
        return self._update(
            article_id,
            lambda m: m.model_copy(update={"tags": [t for t in m.tags if t.casefold() != gone]}),
        )

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
