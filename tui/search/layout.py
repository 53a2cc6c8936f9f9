"""The index folder: which generation is current, who may write, and whether it can be trusted.

    INDEX_DIR/
      CURRENT          name of the complete generation in use (replaced atomically)
      ix-.../          one generation: Whoosh files + manifest.sqlite
      writer.lock      held (flock) by the one process updating this index; holds its pid
      tags.json        review tags (kept across rebuilds)

A full build writes a new generation folder and only then points CURRENT at it, so a crash
or kill -9 mid-build leaves the previous index in use and an orphan folder that the next
writer deletes. A first build (nothing readable before it) is the exception: it is made current
at its first commit and commits as it goes, marked partial until complete, so its first results
are searchable within seconds and a killed first build resumes from its last commit.
Incremental updates commit inside the current generation: Whoosh writes its table of contents
last (temp file + rename), then the manifest records which Whoosh generation it describes.
`inspect()` checks all of that on open, plus the size of every Whoosh file recorded at the
last commit, and says whether the index is sound, one step behind (repairable by an ordinary
update) or must be rebuilt, and why.

Whoosh's own write lock is only ever taken by the holder of `writer.lock`, so a second
process never meets Whoosh's LockError: it waits for `writer.lock` a bounded time and then
works read-only on the last complete generation.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from tui.search.manifest import FILENAME as MANIFEST
from tui.search.manifest import Manifest
from tui.search.schema import SCHEMA_VERSION

CURRENT = "CURRENT"
LOCK = "writer.lock"
DAMAGED = "DAMAGED"
"""A file in a generation saying a search met damaged data in it (and what): the next update,
in whichever process, rebuilds instead of trusting sizes that still look right."""
TAGS = "tags.json"
GEN_PREFIX = "ix-"
_IGNORED = (MANIFEST, f"{MANIFEST}-wal", f"{MANIFEST}-shm", f"{MANIFEST}-journal")

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class IndexLocked(RuntimeError):
    """Another process holds the index's writer lock and there is no complete index to read."""


class WriterLock:
    """An exclusive, process-wide lock on an index folder (flock: released if we die)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, timeout: float) -> bool:
        """Try for up to `timeout` seconds; True if we now hold the lock."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    return False
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            if fcntl is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def holder(self) -> str | None:
        """The pid written by the current holder, for messages."""
        try:
            return self.path.read_text().strip() or None
        except OSError:
            return None


@dataclass
class Inspection:
    """What `inspect()` found. `gen` is usable for searching when `usable`; `rebuild` says why
    it must be rebuilt; `behind` means a Whoosh commit is newer than the manifest (an update
    was interrupted, or is running in another process)."""

    gen: Path | None
    usable: bool
    rebuild: str | None = None
    behind: bool = False
    meta: dict[str, str] | None = None
    partial: bool = False
    """A first build still running, or stopped before it finished: what it committed is
    searchable, and the next update carries on from there."""


class Layout:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.lock = WriterLock(root / LOCK)

    @property
    def tags_file(self) -> Path:
        return self.root / TAGS

    def current(self) -> Path | None:
        try:
            name = (self.root / CURRENT).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        if not name.startswith(GEN_PREFIX) or "/" in name or "\\" in name:
            return None
        return self.root / name

    def indexed_engine(self) -> str | None:
        """The annotation engine the current index was built with, if there is one."""
        gen = self.current()
        if gen is None or not (gen / MANIFEST).is_file():
            return None
        try:
            manifest = Manifest(gen / MANIFEST, readonly=True)
            try:
                fingerprint = manifest.get_meta().get("engine", "")
            finally:
                manifest.close()
        except Exception:
            return None
        name = fingerprint.split("@", 1)[0].split("-", 1)[0]
        return name or None

    def new_generation(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = self.root / f"{GEN_PREFIX}{stamp}-{uuid.uuid4().hex[:8]}"
        path.mkdir()
        return path

    def switch(self, gen: Path) -> None:
        """Make `gen` current (atomic rename), then drop every other generation."""
        tmp = self.root / f"{CURRENT}.{os.getpid()}.tmp"
        tmp.write_text(gen.name + "\n", encoding="utf-8")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, self.root / CURRENT)
        self.remove_stale(keep=gen)

    def remove_stale(self, keep: Path | None) -> None:
        """Delete generations other than `keep`: orphans of killed builds, replaced ones.
        Only the lock holder calls this, so no live build can be among them. Readers still
        using a replaced generation keep their open files (POSIX)."""
        if not self.root.is_dir():
            return
        for child in self.root.iterdir():
            if child.name.startswith(GEN_PREFIX) and (keep is None or child.name != keep.name):
                shutil.rmtree(child, ignore_errors=True)
            elif child.name.startswith(f"{CURRENT}.") and child.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    child.unlink()

    def mark_damaged(self, gen: Path, reason: str) -> None:
        """Record that `gen` gave damaged data to a search. Never raises: a read-only or full
        disk only means this process's own next update is the one that rebuilds."""
        with contextlib.suppress(OSError):
            (gen / DAMAGED).write_text(reason[:500], encoding="utf-8")

    def inspect(self, fingerprint: str | None) -> Inspection:
        """Decide whether the current generation can be used. Never raises.

        `fingerprint` is the annotation engine the caller wants; None accepts any (read-only
        use: an index built by another engine still answers queries correctly).
        """
        gen = self.current()
        if gen is None:
            if (self.root / CURRENT).exists():
                return Inspection(None, False, "damaged index (unreadable CURRENT pointer)")
            return Inspection(None, False, "no index yet")
        if not (gen / MANIFEST).is_file():
            return Inspection(gen, False, f"damaged index ({gen.name} has no manifest)")
        try:
            manifest = Manifest(gen / MANIFEST, readonly=True)
            try:
                meta = manifest.get_meta()
            finally:
                manifest.close()
        except Exception as exc:
            return Inspection(gen, False, f"damaged index (manifest unreadable: {exc})")
        damage = _read_damage(gen)
        if damage is not None:
            return Inspection(gen, False, f"damaged index ({damage})", meta=meta)
        partial = meta.get("complete") != "1"
        if partial and meta.get("partial") != "1":
            return Inspection(gen, False, "damaged index (generation never completed)", meta=meta)
        if meta.get("schema") != str(SCHEMA_VERSION):
            return Inspection(gen, False, "index format changed", meta=meta)
        if fingerprint is not None and meta.get("engine") != fingerprint:
            return Inspection(
                gen,
                False,
                f"annotation or reading rules changed ({meta.get('engine')} -> {fingerprint})",
                meta=meta,
            )
        try:
            latest = whoosh_index.TOC._latest_generation(
                _storage(gen), whoosh_index._DEF_INDEX_NAME
            )
        except Exception as exc:
            return Inspection(gen, False, f"damaged index ({exc})", meta=meta)
        recorded = int(meta.get("whoosh_generation", "-2"))
        if latest < 0:
            return Inspection(
                gen, False, "damaged index (Whoosh table of contents missing)", meta=meta
            )
        if latest < recorded:
            return Inspection(gen, False, "damaged index (Whoosh generation went back)", meta=meta)
        behind = latest > recorded
        if not behind:
            problem = _check_files(gen, json.loads(meta.get("files", "{}")))
            if problem:
                return Inspection(gen, False, f"damaged index ({problem})", meta=meta)
        return Inspection(gen, True, None, behind=behind, meta=meta, partial=partial)


def _storage(gen: Path) -> Any:
    from whoosh.filedb.filestore import FileStorage

    return FileStorage(str(gen), readonly=True)


def whoosh_files(gen: Path) -> dict[str, int]:
    """Sizes of the Whoosh files of a generation, recorded at each commit and checked on open."""
    out: dict[str, int] = {}
    for child in gen.iterdir():
        name = child.name
        if name in _IGNORED or name.endswith("LOCK") or name.endswith(".lock"):
            continue
        if child.is_dir():  # a build's private worker folders and Whoosh's temporary ones
            continue
        with contextlib.suppress(OSError):
            out[name] = child.stat().st_size
    return out


def _check_files(gen: Path, recorded: dict[str, int]) -> str | None:
    if not recorded:
        return "no file list"
    for name, size in recorded.items():
        try:
            actual = (gen / name).stat().st_size
        except OSError:
            return f"{name} missing"
        if actual != size:
            return f"{name} changed size ({size} -> {actual} bytes)"
    return None


@contextlib.contextmanager
def holding(lock: WriterLock, timeout: float) -> Iterator[bool]:
    got = lock.acquire(timeout)
    try:
        yield got
    finally:
        if got:
            lock.release()


def _read_damage(gen: Path) -> str | None:
    try:
        return (gen / DAMAGED).read_text(encoding="utf-8", errors="replace").strip() or "damaged"
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"damage marker unreadable: {exc.strerror or exc}"
