"""Whether a script's `broadsheet search` may trust the index without re-reading the corpus.

A folder's mtime moves when a file in it is added, removed or renamed, but not when a file is
rewritten in place (`>` in a shell, a scraper overwriting a page, an editor saving in place).
Seeing those takes one stat per file. That costs milliseconds on a few thousand files, so it is
done at every search; on a large corpus it is a noticeable part of the answer (about 0.1 s at
20,000 files, 0.4 s at 100,000), so it is done at most every `AUTO_EVERY` seconds and the
searches in between say on stderr that such a change may not be seen yet. Never silently stale.

The record lives in the index folder (`CHECKED_FILE`): a digest of every file's name, size
and mtime, taken when the index was known to be current. A digest that still matches means
nothing changed since, so the search needs no update; one that differs means `update()` runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

CHECKED_FILE = "files-checked.json"
"""In the index folder, beside the generations (`Layout.remove_stale` leaves other names)."""
QUICK_FILES = 10_000
"""A corpus of at most this many files is checked at every search (about 40 ms)..."""
QUICK_CHECK = 0.25
"""...unless its check took longer than this many seconds (a slow network disk). A count
rather than a time decides first, so a busy machine does not flip a small corpus between
checking and not checking (and saying so) from one search to the next."""
AUTO_EVERY = 30.0
"""Seconds between checks of every file on a corpus too large or slow to check every time."""


@dataclass(frozen=True)
class Snapshot:
    """Every file's name, size and mtime under a corpus, reduced to a digest."""

    digest: str
    started: float
    """Wall-clock time the walk began: a change after it may not be in `digest`."""
    took: float
    files: int

    def quick(self) -> bool:
        return self.files <= QUICK_FILES and self.took < QUICK_CHECK


@dataclass(frozen=True)
class Verdict:
    """What a search should do: `current` (search at once), or update first (`snapshot` is
    then the state to record once the update succeeded), or `skipped_for` seconds since the
    last check (search at once, but say a change in place may not be seen)."""

    current: bool
    snapshot: Snapshot | None = None
    skipped_for: float | None = None
    every: float = AUTO_EVERY


def snapshot(corpus: Path) -> Snapshot:
    """Walk the corpus as indexing does (same files, same rules) and digest what it finds.

    Problems (unreadable folders, skipped files) count too, so a folder becoming readable
    again also brings an update."""
    from tui.search.indexer import scan

    started = time.time()
    t0 = time.perf_counter()
    found, problems = scan(corpus)
    lines = [f"{key}\0{f.size}\0{f.mtime_ns}" for key, f in sorted(found.items())]
    lines += sorted(f"!{p.path}\0{p.reason}" for p in problems)
    digest = hashlib.blake2b("\n".join(lines).encode("utf-8", "surrogatepass"), digest_size=16)
    return Snapshot(digest.hexdigest(), started, time.perf_counter() - t0, len(found))


def _load(index_dir: Path, corpus: Path) -> Snapshot | None:
    try:
        data = json.loads((index_dir / CHECKED_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("corpus") != str(corpus):
        return None
    digest, at, took, files = (data.get(k) for k in ("digest", "at", "took", "files"))
    if not isinstance(digest, str) or not isinstance(files, int):
        return None
    if not isinstance(at, float | int) or not isinstance(took, float | int):
        return None
    return Snapshot(digest, float(at), float(took), files)


def record(index_dir: Path, corpus: Path, snap: Snapshot) -> None:
    """Remember that the index was current for `snap`. Best effort: an index folder we may
    not write (a shared, read-only one) only means every search checks every file."""
    data = {
        "corpus": str(corpus),
        "digest": snap.digest,
        "at": snap.started,
        "took": snap.took,
        "files": snap.files,
    }
    tmp = index_dir / f"{CHECKED_FILE}.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, index_dir / CHECKED_FILE)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()


def check(index_dir: Path, corpus: Path, every: float | None) -> Verdict:
    """Decide whether an index whose folders look unchanged also has every file's content.

    `every` is the most seconds between two checks of every file; None chooses: every search
    on a corpus quick to check, `AUTO_EVERY` seconds on one that is not."""
    last = _load(index_dir, corpus)
    if last is not None:
        age = time.time() - last.started
        window = every
        if window is None:
            window = 0.0 if last.quick() else AUTO_EVERY
        if 0 <= age < window:
            return Verdict(True, skipped_for=age, every=window)
    snap = snapshot(corpus)
    if last is not None and last.digest == snap.digest:
        record(index_dir, corpus, snap)  # the next window starts now
        return Verdict(True)
    return Verdict(False, snapshot=snap)
