"""What the index knows about each corpus file: size, mtime, content hash, article ids, problems.

The manifest is what makes updates incremental: a file whose size and mtime match its row is
not opened; one whose stat changed is hashed, and only a changed hash re-reads and re-annotates
it. It lives in SQLite beside the Whoosh files of its index generation, so an update rewrites
only the rows it touched, in one transaction, and another process can read it meanwhile (WAL).

`meta.whoosh_generation` records which Whoosh commit the rows describe. The writer commits
Whoosh first and the manifest second; a crash between the two leaves the manifest one step
behind, which the next update detects and repairs (see `layout.py`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tui.model import Problem

FILENAME = "manifest.sqlite"


@dataclass
class FileRow:
    """One corpus file as last indexed. `real` is the path relative to the root as the file
    system spells it (bytes may not be valid UTF-8), `key` the printable name used in ids."""

    key: str
    real: str
    size: int
    mtime_ns: int
    hash: str | None
    ids: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class Manifest:
    """A thin typed wrapper over the SQLite file; one connection, used from one thread."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        if readonly:
            uri = f"file:{path}?mode=ro"
            self.db = sqlite3.connect(uri, uri=True, timeout=10, check_same_thread=False)
        else:
            self.db = sqlite3.connect(path, timeout=10, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(
                """
                CREATE TABLE IF NOT EXISTS files(
                    key TEXT PRIMARY KEY, real BLOB NOT NULL, size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL, hash TEXT, ids TEXT NOT NULL, problems TEXT
                );
                CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """
            )

    def close(self) -> None:
        self.db.close()

    # meta

    def get_meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta").fetchall())

    # rows

    def rows(self) -> dict[str, FileRow]:
        """Every file row, keyed by printable relative path (about 0.1 s for 100,000 files)."""
        out: dict[str, FileRow] = {}
        cur = self.db.execute("SELECT key, real, size, mtime_ns, hash, ids, problems FROM files")
        for key, real, size, mtime, digest, ids, problems in cur:
            out[key] = FileRow(
                key=key,
                real=_real(real),
                size=size,
                mtime_ns=mtime,
                hash=digest,
                ids=ids.split("\n") if ids else [],
                problems=_problems(problems),
            )
        return out

    def stats(self) -> dict[str, tuple[int, int, str]]:
        """key -> (size, mtime_ns, real path) of every file: all an unchanged file needs, at a
        fraction of the cost of full rows (this runs on every update of 100,000 files)."""
        return {
            key: (size, mtime, _real(real))
            for key, size, mtime, real in self.db.execute(
                "SELECT key, size, mtime_ns, real FROM files"
            )
        }

    def row(self, key: str) -> FileRow | None:
        got = self.db.execute(
            "SELECT key, real, size, mtime_ns, hash, ids, problems FROM files WHERE key = ?", (key,)
        ).fetchone()
        if got is None:
            return None
        key, real, size, mtime, digest, ids, problems = got
        return FileRow(
            key,
            _real(real),
            size,
            mtime,
            digest,
            ids.split("\n") if ids else [],
            _problems(problems),
        )

    def rows_under(self, folder: str) -> list[FileRow]:
        """Rows of the files inside a folder (a watched folder that was deleted or moved)."""
        prefix = folder.rstrip("/") + "/"
        keys = [
            k
            for (k,) in self.db.execute(
                "SELECT key FROM files WHERE key >= ? AND key < ?", (prefix, prefix + "\uffff")
            )
        ]
        return [r for r in (self.row(k) for k in keys) if r is not None]

    def problems(self) -> list[Problem]:
        out: list[Problem] = []
        for (raw,) in self.db.execute(
            "SELECT problems FROM files WHERE problems IS NOT NULL ORDER BY key"
        ):
            out.extend(_problems(raw))
        return out

    def count_ids(self) -> int:
        total = 0
        for (ids,) in self.db.execute("SELECT ids FROM files WHERE ids != ''"):
            total += ids.count("\n") + 1
        return total

    def apply(
        self, upserts: Iterable[FileRow], deletes: Iterable[str], meta: dict[str, str]
    ) -> None:
        """Write changed rows, drop removed ones and set meta, all in one transaction."""
        with self.db:
            self.db.executemany("DELETE FROM files WHERE key = ?", [(k,) for k in deletes])
            self.db.executemany(
                "INSERT OR REPLACE INTO files(key, real, size, mtime_ns, hash, ids, problems) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        r.key,
                        r.real.encode("utf-8", "surrogateescape"),
                        r.size,
                        r.mtime_ns,
                        r.hash,
                        "\n".join(r.ids),
                        json.dumps([asdict(p) for p in r.problems]) if r.problems else None,
                    )
                    for r in upserts
                ],
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", list(meta.items())
            )

    def checkpoint(self) -> None:
        """Fold the WAL into the main file, so the database is one file before a move."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _real(raw: bytes | str) -> str:
    if isinstance(raw, bytes):
        return raw.decode("utf-8", "surrogateescape")
    return raw


def _problems(raw: str | None) -> list[Problem]:
    if not raw:
        return []
    return [Problem(**p) for p in json.loads(raw)]


class LazyRows(Mapping[str, FileRow]):
    """The manifest's rows as a mapping that reads a full row only when asked for one: an
    update compares every file's stat (`stats`) but needs whole rows for the few that changed.
    """

    def __init__(self, manifest: Manifest, stats: dict[str, tuple[int, int, str]]) -> None:
        self.manifest = manifest
        self.stats = stats
        self._rows: dict[str, FileRow] = {}

    def __getitem__(self, key: str) -> FileRow:
        got = self._rows.get(key)
        if got is None:
            if key not in self.stats:
                raise KeyError(key)
            row = self.manifest.row(key)
            if row is None:
                raise KeyError(key)
            got = self._rows[key] = row
        return got

    def __contains__(self, key: object) -> bool:
        return key in self.stats

    def __iter__(self) -> Iterator[str]:
        return iter(self.stats)

    def __len__(self) -> int:
        return len(self.stats)
