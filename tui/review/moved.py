"""Review marks that follow a corpus when its folder is moved or renamed.

A private store is keyed by the corpus's absolute path (`config.review_db_for`), so a renamed
corpus opens with an empty store while its marks sit in the old one. Each private store records
the corpus it belongs to (`info`), and each mark the content hash of its article when it was
marked. When a corpus with no marks of its own is opened, `moved_notice` looks for a store
whose corpus folder is gone and whose marked articles are here, at the same path:

- every marked article is here, unchanged (same path, same content hash): the marks are carried
  over at once. That is safe: the marks describe these very articles, the copy is a merge that
  keeps who and when, and the old store is left as it was;
- otherwise (an article changed or is missing, or a mark has no hash to compare): nothing is
  carried, and the one-line notice says where the marks are and the command that moves them,
  `broadsheet marks move OLD NEW` (`move_marks`), which carries the marks that match and
  reports the rest.

Stores of other corpora are only ever read here (read-only connections): a damaged or foreign
file in the data folder is passed over, never repaired or set aside.
"""

from __future__ import annotations

import shlex
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui.review.hashes import CorpusHashes
from tui.review.location import PRIVATE, open_store_at
from tui.review.marks import ReviewStoreError, one_line
from tui.review.migrate import copy_marks
from tui.review.schema import INFO_CORPUS, INFO_MOVED_FROM, INFO_MOVED_TO, SCHEMA_VERSION

if TYPE_CHECKING:
    from tui.config import Settings
    from tui.review.store import ReviewStore

_STANDING = (
    "SELECT id, content_hash FROM marks WHERE flagged = 1 OR note <> '' "
    "OR id IN (SELECT id FROM reviews) OR id IN (SELECT id FROM tags) ORDER BY id"
)
"""Marks that record something (a mark since undone is nothing to move)."""

CHANGED = "the article changed since it was marked"
MISSING = "no such article here"
NO_HASH = "no content hash was recorded"


class MoveError(ReviewStoreError):
    """`broadsheet marks move` cannot be done as asked; the message is one line."""


@dataclass(frozen=True)
class StoreFacts:
    """What a store file says about itself, read without changing it."""

    path: Path
    corpus: str | None
    moved_to: str | None
    marks: dict[str, str | None]
    """Standing marks: article id to the content hash recorded with it."""


@dataclass
class Comparison:
    """A store's marks against a corpus: which match by path and content, and why not."""

    store: Path
    corpus: str
    matching: list[str] = field(default_factory=list)
    unmatched: dict[str, str] = field(default_factory=dict)
    """Article id to the reason it does not match (`CHANGED`, `MISSING`, `NO_HASH`)."""

    @property
    def total(self) -> int:
        return len(self.matching) + len(self.unmatched)

    @property
    def safe(self) -> bool:
        """Every marked article is here, unchanged: moving cannot attach a mark elsewhere."""
        return bool(self.matching) and not self.unmatched


def read_facts(path: Path) -> StoreFacts | None:
    """A store's corpus, move record and standing marks; None for a file that is not a
    readable store of the current schema (damaged, foreign, locked, older)."""
    try:
        uri = path.resolve().as_uri() + "?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=1.0)) as db:
            if int(db.execute("PRAGMA user_version").fetchone()[0]) != SCHEMA_VERSION:
                return None
            info = {str(k): str(v) for k, v in db.execute("SELECT key, value FROM info")}
            marks = {str(i): (str(h) if h else None) for i, h in db.execute(_STANDING)}
    except (sqlite3.Error, OSError, ValueError):
        return None
    return StoreFacts(path, info.get(INFO_CORPUS), info.get(INFO_MOVED_TO), marks)


def compare(facts: StoreFacts, corpus: Path, hashes: CorpusHashes | None = None) -> Comparison:
    """Match a store's marks with the articles of `corpus` by path and content hash."""
    hashes = hashes or CorpusHashes(corpus)
    result = Comparison(store=facts.path, corpus=facts.corpus or "")
    for article_id, recorded in facts.marks.items():
        here = hashes(article_id)
        if here is None:
            result.unmatched[article_id] = MISSING
        elif recorded is None:
            result.unmatched[article_id] = NO_HASH
        elif recorded != here:
            result.unmatched[article_id] = CHANGED
        else:
            result.matching.append(article_id)
    return result


def _settings(settings: Settings | None) -> Settings:
    if settings is not None:
        return settings
    from tui.config import load_settings

    return load_settings()


def find_moved(corpus: Path, settings: Settings | None = None) -> list[Comparison]:
    """Stores under the data folder whose corpus is gone and whose marked articles are (some
    of them) in `corpus`, best match first. Empty when `corpus` has marks of its own."""
    from tui.config import review_db_for

    settings = _settings(settings)
    here = corpus.expanduser().resolve()
    own = review_db_for(here, settings)
    if own.exists():
        facts = read_facts(own)
        if facts is None or facts.marks:
            return []  # marks of its own (or a store its opener must look at first)
    hashes = CorpusHashes(here)
    found: list[Comparison] = []
    for path in sorted(own.parent.glob("*.sqlite")):
        if path == own:
            continue
        facts = read_facts(path)
        if facts is None or not facts.marks or not facts.corpus or facts.moved_to:
            continue
        if Path(facts.corpus) == here or Path(facts.corpus).exists():
            continue  # a corpus that is still there keeps its marks
        if not any(hashes.exists(article_id) for article_id in facts.marks):
            continue  # another corpus altogether
        found.append(compare(facts, here, hashes))
    return sorted(found, key=lambda c: (-len(c.matching), c.total, str(c.store)))


def _remember_corpus(corpus: Path, settings: Settings) -> None:
    """Record in the corpus's own store, if it has marks and does not say yet, which corpus it
    belongs to (`open_review_store` does so on opening; a store opened otherwise may not)."""
    from tui.config import review_db_for
    from tui.review.sqlite_store import SqliteReviewStore

    own = review_db_for(corpus, settings)
    facts = read_facts(own) if own.exists() else None
    if facts is None or not facts.marks or facts.corpus is not None:
        return
    try:
        with SqliteReviewStore(own, reviewer=settings.reviewer) as store:
            store.set_corpus_path(corpus)
    except ReviewStoreError:
        pass  # the opener of the store will say what is wrong with it


def _marks(n: int) -> str:
    return f"{n} review mark" + ("" if n == 1 else "s")


def move_command(old: str, new: Path) -> str:
    """The command that moves the marks, fit to paste into a shell."""
    return f"broadsheet marks move {shlex.quote(old)} {shlex.quote(str(new))}"


def moved_notice(corpus: Path, settings: Settings | None = None) -> str | None:
    """One line for the user when `corpus` (opened with no marks of its own) looks like a
    moved or renamed corpus whose marks are elsewhere, or None. When every marked article
    matches by path and content hash the marks are carried over first, and the line says so.

    `broadsheet export` calls it before reading the marks (and prints the line on stderr); the
    app before opening its store (and shows the line in the status line)."""
    settings = _settings(settings)
    if (settings.review_store.strip() or PRIVATE) != PRIVATE:
        return None  # a shared store does not depend on where the corpus is
    here = corpus.expanduser().resolve()
    _remember_corpus(here, settings)
    candidates = find_moved(here, settings)
    if not candidates:
        return None
    best = candidates[0]
    old = one_line(best.corpus)
    if len(candidates) == 1 and best.safe:
        try:
            move_marks(Path(best.corpus), here, settings)
        except ReviewStoreError as exc:
            return f"review marks of {old} were found but not carried over: {one_line(exc)}"
        return (
            f"{_marks(best.total)} carried over from {old} (moved or renamed; every marked "
            "article is here, unchanged)"
        )
    others = f" (and {len(candidates) - 1} other stores)" if len(candidates) > 1 else ""
    return (
        f"review marks of {old} (moved or renamed?) are in {one_line(best.store)}{others}: "
        f"{len(best.matching)} of {best.total} marked articles match here by path and content; "
        f"to move them: {one_line(move_command(best.corpus, here))}"
    )


@dataclass(frozen=True)
class MoveReport:
    total: int
    """Standing marks in the old store."""
    moved: int
    """Marks carried (matching, or every article here with `by_path`)."""
    changed: int
    """Of those, marks the new store did not already have as they are."""
    left: dict[str, str]
    """Marks not carried, with the reason."""


def move_marks(
    old: Path, new: Path, settings: Settings | None = None, *, by_path: bool = False
) -> MoveReport:
    """Carry the marks of corpus `old` (from its private store) to corpus `new`'s private
    store: those whose article is in `new` unchanged, or with `by_path` every article that is
    in `new` at all. A merge (`copy_marks`), so it can be run again; who and when are kept.
    The move is recorded in both stores, so the old store is not offered again."""
    from tui.config import review_db_for

    settings = _settings(settings)
    source = old.expanduser().resolve()
    target = new.expanduser().resolve()
    if not target.is_dir():
        raise MoveError(f"{one_line(new)} is not a folder")
    if source == target:
        raise MoveError("OLD and NEW are the same corpus")
    db = review_db_for(source, settings)
    if not db.is_file():
        raise MoveError(f"no review marks recorded for {one_line(old)}")
    from tui.review.sqlite_store import SqliteReviewStore

    with (
        SqliteReviewStore(db, reviewer=settings.reviewer) as src,
        open_store_at(PRIVATE, target, reviewer=settings.reviewer, settings=settings) as dst,
    ):
        facts = StoreFacts(db, str(source), None, _standing(src))
        found = compare(facts, target)
        carry = set(found.matching)
        if by_path:
            carry |= {i for i, why in found.unmatched.items() if why != MISSING}
        copied = copy_marks(src, dst, only=carry)
        dst.set_info(INFO_MOVED_FROM, str(source))
        src.set_info(INFO_MOVED_TO, str(target))
        _carry_saved_searches(src, dst, db)
    left = {i: why for i, why in found.unmatched.items() if i not in carry}
    return MoveReport(total=found.total, moved=len(carry), changed=copied.changed, left=left)


def _standing(store: ReviewStore) -> dict[str, str | None]:
    return {mark.id: mark.content_hash for mark in store.all_marks().values() if not mark.is_empty}


def _carry_saved_searches(src: ReviewStore, dst: ReviewStore, old_db: Path) -> None:
    """The new corpus takes the old one's saved searches if it has none of its own (a list is
    not merged: one the user has started is theirs)."""
    from tui.review.saved import SavedSearches, searches_file

    kept = SavedSearches(dst)
    if kept.all():
        return
    for saved in SavedSearches(src, searches_file(old_db)).all():
        kept.merge(saved)


def run_move(
    old: str,
    new: str,
    *,
    by_path: bool = False,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
) -> int:
    """The command: move, then one line of what happened and one per mark left behind.
    Errors are one line; the exit status is 1."""
    try:
        report = move_marks(Path(old), Path(new), by_path=by_path)
    except ReviewStoreError as exc:
        err.write(f"broadsheet: marks: {one_line(exc)}\n")
        return 1
    out.write(
        f"{report.moved} of {_marks(report.total)} moved from {one_line(old)} to "
        f"{one_line(new)} ({report.moved - report.changed} already there)\n"
    )
    for article_id, why in sorted(report.left.items()):
        out.write(f"  not moved: {one_line(article_id)}: {why}\n")
    if any(why != MISSING for why in report.left.values()):
        out.write("  (--by-path moves the marks of articles that changed too)\n")
    return 0
