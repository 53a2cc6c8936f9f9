"""Review marks in PostgreSQL (psycopg 3), for teams on several machines.

Same tables and rules as the SQLite store (`schema`, `store`). What differs:

- writers are serialised by the row lock on the change counter that every write takes first;
  times come from the server's clock, so machines with drifting clocks still agree;
- each change sends a NOTIFY on commit; `subscribe` LISTENs on a connection of its own, so an
  open app hears of a colleague's mark at once instead of polling;
- the connection can fail. Unreachable server, refused credentials, a connection dropped: the
  call raises `StoreUnavailableError` (one line, password never shown) and keeps nothing to
  retry later. The next call connects again. A connection found dead *before* a change was
  committed (a server restart between two marks) is retried once on a fresh connection, which
  is safe: the server rolled that transaction back. A connection lost *while committing* is not
  retried, as the mark may or may not be stored; the error says so and the next read tells.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tui.review import schema
from tui.review.marks import ReviewStoreError, one_line
from tui.review.store import ReviewStore, unavailable
from tui.review.watch import Waiter

if TYPE_CHECKING:
    import psycopg

T = TypeVar("T")

CHANNEL = "broadsheet_marks"
_SETUP_LOCK = 0x6272_6F61_6473  # pg_advisory_xact_lock key: two first openers, one creator
_BYTE_ORDER_COLUMNS = (
    ("marks", "id"),
    ("marks", "updated_at"),
    ("reviews", "id"),
    ("reviews", "reviewer"),
    ("reviews", "at"),
    ("tags", "id"),
    ("tags", "key"),
    ("tags", "tag"),
    ("tags", "reviewer"),
    ("info", "key"),
    ("searches", "key"),
    ("searches", "saved_at"),
)
"""Compared and sorted by code point as in SQLite (a server's locale would ignore the
punctuation in times and sort ids differently)."""


def safe_url(url: str) -> str:
    """The URL without its password, fit for messages and the status line."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        user, _, host = netloc.rpartition("@")
        netloc = f"{user.split(':', 1)[0]}@{host}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise ReviewStoreError(
            "a postgresql:// review store needs psycopg: pip install 'psycopg[binary]'"
        ) from exc
    return psycopg


class PostgresReviewStore(ReviewStore):
    """Review marks in a PostgreSQL database (see the module notes)."""

    _now_sql = "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"

    def __init__(
        self, url: str, *, reviewer: str | None = None, connect_timeout: float = 5.0
    ) -> None:
        super().__init__(safe_url(url), reviewer=reviewer)
        self._url = url
        self._connect_timeout = connect_timeout
        self._pg = _psycopg()
        self._conn: psycopg.Connection[Any] | None = None
        self._seen_rev = self._run(True, "cannot set up review marks", self._set_up)

    # -- connections ------------------------------------------------------------------------

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            conn: psycopg.Connection[Any] = self._pg.connect(
                self._url,
                autocommit=True,
                connect_timeout=max(1, round(self._connect_timeout)),
                application_name="broadsheet",
                # A server that vanished from the network (not restarted: gone) is noticed
                # within half a minute instead of a TCP timeout's quarter of an hour.
                keepalives=1,
                keepalives_idle=10,
                keepalives_interval=5,
                keepalives_count=3,
            )
        except self._pg.OperationalError as exc:
            raise unavailable(self.location, exc) from None
        except (self._pg.Error, ValueError) as exc:  # a malformed URL
            raise ReviewStoreError(f"review store {self.location}: {one_line(exc)}") from None
        return conn

    def _connection(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed:
            self._conn = self._connect()
        return self._conn

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(self._pg.Error):
                conn.close()

    @staticmethod
    def _runner(conn: psycopg.Connection[Any]) -> schema.Run:
        def run(sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
            cursor = conn.execute(sql.replace("?", "%s"), tuple(params))
            return cursor.fetchall() if cursor.description else []

        return run

    def _run(self, write: bool, what: str, body: Callable[[schema.Run], T]) -> T:
        with self._lock:
            for attempt in (1, 2):
                conn = self._connection()
                committing = False
                try:
                    with conn.transaction():
                        if not write:
                            conn.execute(
                                "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"
                            )
                        result = body(self._runner(conn))
                        committing = True
                    return result
                except self._pg.OperationalError as exc:
                    lost = conn.closed or conn.broken
                    if not lost:
                        raise ReviewStoreError(f"{what}: {one_line(exc)}") from None
                    self._drop()
                    if committing and write:
                        raise unavailable(
                            self.location,
                            f"connection lost while saving; it may not be stored ({exc})",
                        ) from None
                    if attempt == 2:
                        raise unavailable(self.location, f"{what}: {exc}") from None
                    # Lost before the commit: the server rolled it back; one fresh try.
                except self._pg.Error as exc:
                    raise ReviewStoreError(f"{what}: {one_line(exc)}") from None
        raise AssertionError("unreachable")

    def _set_up(self, run: schema.Run) -> int:
        """Create the tables on first use, under a lock so two first openers do not race."""
        run("SELECT pg_advisory_xact_lock(?)", (_SETUP_LOCK,))
        if run("SELECT to_regclass('meta')", ())[0][0] is None:
            schema.create(run)
            for table, column in _BYTE_ORDER_COLUMNS:
                run(f'ALTER TABLE {table} ALTER COLUMN {column} TYPE TEXT COLLATE "C"', ())
            run("INSERT INTO meta (key, value) VALUES ('schema', ?)", (schema.SCHEMA_VERSION,))
        found = run("SELECT value FROM meta WHERE key = 'schema'", ())
        version = int(found[0][0]) if found else 0
        if version > schema.SCHEMA_VERSION:
            raise ReviewStoreError(
                f"{self.location} was written by a newer Broadsheet (schema {version})"
            )
        if version == 2:
            schema.upgrade_from_v2(run)
            run('ALTER TABLE info ALTER COLUMN key TYPE TEXT COLLATE "C"', ())
        if version in (2, 3):
            schema.create(run)  # the tables added since (saved searches)
            for table, column in _BYTE_ORDER_COLUMNS[-2:]:
                run(f'ALTER TABLE {table} ALTER COLUMN {column} TYPE TEXT COLLATE "C"', ())
            run("UPDATE meta SET value = ? WHERE key = 'schema'", (schema.SCHEMA_VERSION,))
        elif version < schema.SCHEMA_VERSION:
            raise ReviewStoreError(f"{self.location} holds tables Broadsheet does not know")
        return int(run("SELECT value FROM meta WHERE key = 'rev'", ())[0][0])

    # -- the store's own parts --------------------------------------------------------------

    def _announce(self, run: schema.Run, rev: int) -> None:
        run("SELECT pg_notify(?, ?)", (CHANNEL, str(rev)))

    def data_version(self) -> int:
        """The latest change number (our own writes change it too)."""
        rows = self._run(
            False,
            "cannot read review marks",
            lambda run: run("SELECT value FROM meta WHERE key = 'rev'", ()),
        )
        return int(rows[0][0])

    def _open_waiter(self) -> Waiter:
        conn = self._connect()
        try:
            conn.execute(f"LISTEN {CHANNEL}")
        except self._pg.Error as exc:
            conn.close()
            raise unavailable(self.location, exc) from None
        return _ListenWaiter(conn, self._pg, self.location)

    def close(self) -> None:
        with self._lock:
            self._drop()


class _ListenWaiter:
    """Waits on a LISTEN connection: woken by the NOTIFY of a committed change."""

    def __init__(self, conn: psycopg.Connection[Any], pg: Any, location: str) -> None:
        self._conn = conn
        self._pg = pg
        self._location = location

    def wait(self, timeout: float) -> bool:
        try:
            woke = any(True for _ in self._conn.notifies(timeout=timeout, stop_after=1))
            if woke:  # a burst of marks is one read, not one read per mark
                for _ in self._conn.notifies(timeout=0):
                    pass
            return woke
        except self._pg.Error as exc:
            raise unavailable(self._location, exc) from None

    def close(self) -> None:
        with contextlib.suppress(self._pg.Error):
            self._conn.close()
