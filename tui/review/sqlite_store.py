"""Review marks in one SQLite file: a user's private store, or one a Unix group shares.

Durability: WAL mode with ``synchronous=FULL``. WAL alone already makes a committed mark survive
the process being killed (``kill -9``, a dropped SSH session): the commit is in the WAL file once
``COMMIT`` returns. ``NORMAL`` would only lose the latest commits on a power cut or an OS crash;
``FULL`` closes that gap too, at one fsync per change, which nobody notices at typing speed.

Concurrency: several processes (two terminals, two colleagues, the app and ``broadsheet
export``) may share the file. Readers never block in WAL mode; writers take the lock with
``BEGIN IMMEDIATE`` and wait up to ``timeout`` seconds for each other (SQLite's busy timeout).

Sharing: opened with ``shared=True`` (a `review_store` path in the settings), a new file is
created with group modes (`shared_file`), so every member of the folder's group can mark and
nobody else can read.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from tui.review import schema
from tui.review.marks import UNKNOWN_REVIEWER, ReviewStoreError, one_line
from tui.review.shared_file import create_shared, share_companions
from tui.review.store import ReviewStore
from tui.review.watch import PollingWaiter, Waiter

T = TypeVar("T")


def _owner_name(path: Path) -> str:
    """The login owning the file: the person a private store's old marks were made by."""
    try:
        import pwd

        return pwd.getpwuid(path.stat().st_uid).pw_name
    except (ImportError, KeyError, OSError):
        return UNKNOWN_REVIEWER


def _why_not(path: Path, exc: BaseException) -> str:
    """SQLite says "unable to open database file" for most refusals; say which it is."""
    if isinstance(exc, PermissionError) or not os.access(path.parent, os.X_OK):
        return "permission denied (is your login in the store's group?)"
    if os.access(path, os.F_OK):
        if not os.access(path, os.R_OK | os.W_OK):
            return "permission denied (is your login in the store's group?)"
    elif not os.access(path.parent, os.W_OK):
        return f"cannot create it in {path.parent} (permission denied)"
    return one_line(exc)


def _has_sqlite_header(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _set_aside(path: Path) -> str:
    """Rename a damaged store (with its journal files) out of the way, bytes untouched, and
    say where it went."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    path.rename(aside)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(aside.with_name(aside.name + suffix))
    return (
        f"the review marks at {path} were damaged: kept aside as {aside.name}, "
        "and a new, empty store was started"
    )


class SqliteReviewStore(ReviewStore):
    """Review marks in one SQLite file (see the module notes)."""

    _now_sql = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

    def __init__(
        self,
        path: Path | str,
        *,
        reviewer: str | None = None,
        timeout: float = 10.0,
        shared: bool = False,
    ) -> None:
        super().__init__(path, reviewer=reviewer)
        self.path = Path(path)
        self.shared = shared
        self._timeout = timeout
        try:
            if shared:
                create_shared(self.path)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._connect()
            if not self._intact():
                self._db.close()
                self.recovered = _set_aside(self.path)
                self._db = self._connect()
        except (OSError, sqlite3.Error) as exc:
            raise ReviewStoreError(
                f"cannot open review marks at {self.path}: {_why_not(self.path, exc)}"
            ) from exc
        try:
            mode = self._db.execute("PRAGMA journal_mode = WAL").fetchone()
            if mode is None or str(mode[0]).lower() != "wal":
                # A file system without shared memory (some network mounts) refuses WAL; the
                # default rollback journal is still crash-safe, only less concurrent.
                self._db.execute("PRAGMA journal_mode = DELETE")
            self._db.execute("PRAGMA synchronous = FULL")
            self._seen_rev = self._run(True, "cannot set up review marks", self._set_up)
        except sqlite3.Error as exc:
            self._db.close()
            raise ReviewStoreError(
                f"cannot use review marks at {self.path}: {_why_not(self.path, exc)}"
            ) from exc
        except ReviewStoreError:
            self._db.close()
            raise
        if shared:
            share_companions(self.path)

    def _intact(self) -> bool:
        """SQLite's `quick_check` of an existing file. A store whose pages are damaged (a disk
        fault, a copy cut short) would fail on some later read, in the middle of someone's
        work; finding it at open lets the user start afresh with the damage kept aside."""
        try:
            rows = self._db.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError:  # "file is not a database", "disk image is malformed"
            # A file that is not SQLite at all (a setting pointing at the wrong file) is
            # refused by the usual error below, never renamed.
            return not _has_sqlite_header(self.path)
        return [tuple(r) for r in rows] == [("ok",)]

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(
            self.path, timeout=self._timeout, isolation_level=None, check_same_thread=False
        )
        db.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")
        return db

    def _set_up(self, run: schema.Run) -> int:
        """Create or upgrade the tables; the change number to watch from."""
        version = int(run("PRAGMA user_version", ())[0][0])
        if version > schema.SCHEMA_VERSION:
            raise ReviewStoreError(
                f"{self.path} was written by a newer Broadsheet (schema {version})"
            )
        if version == 1:
            schema.upgrade_from_v1(run, _owner_name(self.path))
        elif version == 2:
            schema.upgrade_from_v2(run)
        elif version < schema.SCHEMA_VERSION:
            schema.create(run)
        if version != schema.SCHEMA_VERSION:
            run(f"PRAGMA user_version = {schema.SCHEMA_VERSION}", ())
        return int(run("SELECT value FROM meta WHERE key = 'rev'", ())[0][0])

    def _execute(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        return self._db.execute(sql, tuple(params)).fetchall()

    def _run(self, write: bool, what: str, body: Callable[[schema.Run], T]) -> T:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            except sqlite3.Error as exc:
                raise ReviewStoreError(f"{what}: {one_line(exc)}") from exc
            try:
                result = body(self._execute)
                self._db.execute("COMMIT")
            except BaseException as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise ReviewStoreError(f"{what}: {one_line(exc)}") from exc
                raise
            return result

    def data_version(self) -> int:
        """Changes whenever another connection (another Broadsheet on the same store) commits;
        our own writes leave it as it is."""
        try:
            with self._lock:
                return int(self._db.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error as exc:
            raise ReviewStoreError(f"cannot read review marks: {one_line(exc)}") from exc

    def _open_waiter(self) -> Waiter:
        """SQLite cannot notify another process: a connection of its own asks the file's change
        counter, which costs no disk read, five times a second."""
        try:
            db = self._connect()
        except sqlite3.Error as exc:
            raise ReviewStoreError(f"cannot watch {self.path}: {one_line(exc)}") from exc
        lock = threading.Lock()

        def version() -> int:
            try:
                with lock:
                    return int(db.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error as exc:
                raise ReviewStoreError(f"cannot watch {self.path}: {one_line(exc)}") from exc

        def close() -> None:
            with lock:
                db.close()

        return PollingWaiter(version, close, interval=0.2)

    def close(self) -> None:
        with self._lock:
            self._db.close()
