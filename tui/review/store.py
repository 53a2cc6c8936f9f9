"""Review marks with who did what, on SQLite (one machine) or PostgreSQL (many).

`ReviewStore(location)` opens either kind: a path gives `SqliteReviewStore`, a
``postgresql://`` URL gives `PostgresReviewStore` (as `pathlib.Path` gives a `PosixPath`). This
module holds everything the two share: the marks model, the operations, and the rules that make
them safe under several writers:

- every change is one transaction that first bumps a change counter (`rev`); on PostgreSQL that
  row lock serialises writers, on SQLite `BEGIN IMMEDIATE` does, so a read-modify-write such as a
  toggle is atomic and `rev` orders changes as they were committed;
- a setter returns only after the commit, with the mark as stored: a mark shown as stored is
  stored. A failure raises `ReviewStoreError` (or `StoreUnavailableError` when the server is out
  of reach) and nothing is kept to retry later, so nothing is queued behind the user's back;
- tags and "reviewed" are rows of their own, so two people adding tags at once both keep theirs
  (pass `base` to `set_tags` and even a whole-list edit only adds and removes what it changed);
- a change that changes nothing is not written, so copying marks twice changes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, overload

from tui.review.marks import (
    UNKNOWN_REVIEWER,
    Mark,
    MarkKind,
    ReviewStoreError,
    Stamp,
    StoreUnavailableError,
    merge_note,
    normalize_tags,
    one_line,
    tag_key,
)
from tui.review.schema import INFO_CORPUS, INFO_MOVED_FROM, SCHEMA_VERSION, Run

if TYPE_CHECKING:
    from tui.review.watch import Subscription, Waiter

__all__ = [
    "SCHEMA_VERSION",
    "Mark",
    "MarkKind",
    "ReviewStore",
    "ReviewStoreError",
    "Stamp",
    "StoreUnavailableError",
    "normalize_tags",
]

T = TypeVar("T")

_MARK_COLUMNS = (
    "id, flagged, flagged_by, flagged_at, note, note_by, note_at, updated_at, updated_by, rev, "
    "content_hash"
)


class _Unchanged(Exception):
    """Raised inside a write to roll it back: the change would change nothing."""

    def __init__(self, mark: Mark) -> None:
        self.mark = mark


def is_postgres_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def _load(run: Run, where: str, params: tuple[object, ...]) -> dict[str, Mark]:
    """Marks matching `where` (a clause on `marks`), with their reviews and tags."""
    rows = run(f"SELECT {_MARK_COLUMNS} FROM marks {where}", params)
    if not rows:
        return {}
    inner = f"SELECT id FROM marks {where}"
    reviews = run(f"SELECT id, reviewer, at FROM reviews WHERE id IN ({inner})", params)
    tags = run(f"SELECT id, tag, reviewer, at, pos FROM tags WHERE id IN ({inner})", params)
    marks: dict[str, Mark] = {}
    for id_, flagged, flagged_by, flagged_at, note, note_by, note_at, at, by, _rev, digest in rows:
        marks[id_] = Mark(
            id=id_,
            flagged=bool(flagged),
            flagged_by=flagged_by,
            flagged_at=flagged_at,
            note=note,
            note_by=note_by,
            note_at=note_at,
            updated_at=at,
            updated_by=by,
            content_hash=digest,
        )
    for id_, reviewer, at in sorted(reviews, key=lambda r: (r[2], r[1])):
        if id_ in marks:
            marks[id_].reviews.append(Stamp(by=reviewer, at=at))
    for id_, tag, reviewer, at, _pos in sorted(tags, key=lambda r: r[4]):
        if id_ in marks:
            marks[id_].tags.append(tag)
            marks[id_].tag_stamps[tag] = Stamp(by=reviewer, at=at)
    for mark in marks.values():
        mark.reviewed = bool(mark.reviews)
    return marks


class ReviewStore:
    """Review marks of one corpus. Safe to share between threads (calls are serialised) and
    between processes and machines (see the module notes). Every setter returns the mark as
    stored afterwards, attributed to `reviewer`."""

    location: str
    """Where the marks are, fit to show (a path, or a URL without its password)."""
    reviewer: str

    _now_sql = ""
    """An SQL expression for the store's clock as ISO 8601 UTC text with milliseconds."""

    def __new__(cls, *args: Any, **kwargs: Any) -> ReviewStore:
        if cls is ReviewStore:
            location = args[0] if args else kwargs.get("path", kwargs.get("location"))
            if is_postgres_url(location):
                from tui.review.postgres_store import PostgresReviewStore

                cls = PostgresReviewStore
            else:
                from tui.review.sqlite_store import SqliteReviewStore

                cls = SqliteReviewStore
        return super().__new__(cls)

    def __init__(self, location: Path | str, *, reviewer: str | None = None) -> None:
        self.location = str(location)
        self.reviewer = reviewer or default_reviewer()
        self._lock = threading.RLock()
        self._own_revs: set[int] = set()
        self._seen_rev = 0
        self.hash_of: Callable[[str], str | None] | None = None
        """How to find an article's content hash, recorded with each mark made here (None:
        not recorded). `open_review_store` reads it from the corpus files; an app that holds
        the articles already can give a cheaper lookup."""
        self.recovered: str | None = None
        """Set when the store found its file damaged and started afresh: one line saying where
        the damaged file was kept, for the app's status line and `export`'s stderr."""

    @classmethod
    def for_corpus(cls, corpus: Path) -> ReviewStore:
        """The store for a corpus as the settings say (`review_store`, `reviewer`)."""
        from tui.review.location import open_review_store

        return open_review_store(corpus)

    # -- what each kind of store provides ---------------------------------------------------

    def _run(self, write: bool, what: str, body: Callable[[Run], T]) -> T:
        """Run `body` in one transaction (a write transaction holds the write lock from its
        start); driver errors become `ReviewStoreError` saying `what` failed."""
        raise NotImplementedError

    def transaction(self, write: bool, what: str, body: Callable[[Run], T]) -> T:
        """`body` in one transaction of this store, for the tables kept beside the marks (saved
        searches); errors become one-line `ReviewStoreError`s saying `what` failed."""
        return self._run(write, what, body)

    def _announce(self, run: Run, rev: int) -> None:
        """Tell other open stores about change `rev` when it commits (PostgreSQL: NOTIFY)."""

    def _open_waiter(self) -> Waiter:
        """Something that blocks until another store may have changed marks."""
        raise NotImplementedError

    def data_version(self) -> int:
        """A number that changes when marks change, cheap enough to ask every second."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- reading ----------------------------------------------------------------------------

    def get(self, article_id: str) -> Mark:
        """The mark of an article (an empty mark if it was never marked)."""
        marks = self._run(
            False, "cannot read review marks", lambda run: _load(run, "WHERE id = ?", (article_id,))
        )
        return marks.get(article_id) or Mark(id=article_id)

    def all_marks(self) -> dict[str, Mark]:
        """Every stored mark by article id (in id order), including marks since undone."""
        marks = self._run(False, "cannot read review marks", lambda run: _load(run, "", ()))
        return {key: marks[key] for key in sorted(marks)}

    def changed_since(self, stamp: str) -> list[Mark]:
        """Marks written at or after `stamp` (an `updated_at` value), oldest first. Inclusive,
        so a mark written later in the same millisecond still comes."""
        marks = self._run(
            False,
            "cannot read review marks",
            lambda run: _load(run, "WHERE updated_at >= ?", (stamp,)),
        )
        return sorted(marks.values(), key=lambda m: (m.updated_at or "", m.id))

    def changes(self) -> list[Mark]:
        """Marks that other stores (other people, other processes) changed since the last call
        (the first call: since this store was opened). Never blocks; for a timer in the app.
        `subscribe` is the push version."""
        latest, marks = self._changes_after(self._seen_rev)
        self._seen_rev = max(self._seen_rev, latest)
        return marks

    def _changes_after(self, rev: int) -> tuple[int, list[Mark]]:
        def body(run: Run) -> tuple[int, list[Mark]]:
            latest = int(run("SELECT value FROM meta WHERE key = 'rev'", ())[0][0])
            if latest <= rev:
                return latest, []
            revs = {
                k: int(v)
                for k, v in run("SELECT id, rev FROM marks WHERE rev > ?", (rev,))
                if int(v) not in self._own_revs
            }
            if not revs:
                return latest, []
            marks = _load(run, "WHERE rev > ?", (rev,))
            return latest, sorted((marks[k] for k in revs if k in marks), key=lambda m: revs[m.id])

        return self._run(False, "cannot read review marks", body)

    def subscribe(
        self,
        on_change: Callable[[list[Mark]], None],
        on_error: Callable[[ReviewStoreError], None] | None = None,
    ) -> Subscription:
        """Call `on_change` (from a background thread) with marks other stores change, within a
        second (PostgreSQL: LISTEN/NOTIFY; SQLite: a cheap look at the file's change counter
        five times a second). A lost connection is reported to `on_error` and retried every
        second; nothing changed meanwhile is missed, as the watcher catches up by change
        number. Stop it with `.close()`. A Textual app hands the marks to its own thread with
        `call_from_thread`."""
        from tui.review.watch import Subscription

        return Subscription(self, on_change, on_error)

    def ids_with_tag(self, tag: str) -> list[str]:
        """Ids of the articles carrying `tag` (compared case-blind in every script), sorted."""
        rows = self._run(
            False,
            "cannot read review marks",
            lambda run: run("SELECT DISTINCT id FROM tags WHERE key = ?", (tag_key(tag),)),
        )
        return sorted(str(row[0]) for row in rows)

    def all_tags(self) -> list[str]:
        """Every tag spelling in use, sorted, for completion."""
        rows = self._run(
            False, "cannot read review marks", lambda run: run("SELECT DISTINCT tag FROM tags", ())
        )
        return sorted(str(row[0]) for row in rows)

    def reviewers(self) -> list[str]:
        """Everyone who has a mark standing in this store, sorted (for `flagged-by:` completion)."""
        sql = (
            "SELECT reviewer FROM reviews UNION SELECT reviewer FROM tags "
            "UNION SELECT flagged_by FROM marks WHERE flagged = 1 "
            "UNION SELECT note_by FROM marks WHERE note <> ''"
        )
        rows = self._run(False, "cannot read review marks", lambda run: run(sql, ()))
        return sorted(str(row[0]) for row in rows if row[0] is not None)

    def ids_marked_by(self, reviewer: str, kind: MarkKind = "any") -> list[str]:
        """Ids of the articles where `reviewer` has a standing mark of this kind, sorted: the
        store's side of `reviewed-by:ana`, `flagged-by:ana`, `tagged-by:`, `noted-by:`
        (`is:unreviewed-by:me` is every article not in `ids_marked_by(me, "reviewed")`)."""
        queries = {
            "reviewed": "SELECT id FROM reviews WHERE reviewer = ?",
            "flagged": "SELECT id FROM marks WHERE flagged = 1 AND flagged_by = ?",
            "tagged": "SELECT id FROM tags WHERE reviewer = ?",
            "noted": "SELECT id FROM marks WHERE note <> '' AND note_by = ?",
        }
        if kind not in queries and kind != "any":
            raise ValueError(f"unknown kind of mark: {kind}")
        chosen = list(queries.values()) if kind == "any" else [queries[kind]]

        def body(run: Run) -> set[str]:
            return {str(row[0]) for sql in chosen for row in run(sql, (reviewer,))}

        return sorted(self._run(False, "cannot read review marks", body))

    # -- writing ----------------------------------------------------------------------------

    def _hash(self, article_id: str) -> str | None:
        if self.hash_of is None:
            return None
        try:
            return self.hash_of(article_id)
        except Exception:  # a lookup that fails must never cost the user the mark itself
            return None

    def _change(
        self,
        article_id: str,
        apply: Callable[[Run, Mark, Stamp], bool],
        *,
        updated_by: str | None = None,
        look_up_hash: bool = True,
    ) -> Mark:
        """One mark change as one transaction: take the write lock (bump `rev`), read the
        mark, `apply` the change (False: nothing to change, roll back), stamp and announce.
        The article's content hash is looked up first, outside the write lock."""
        digest = self._hash(article_id) if look_up_hash else None

        def body(run: Run) -> Mark:
            bump = "UPDATE meta SET value = value + 1 WHERE key = 'rev' RETURNING value"
            rev, now = run(f"{bump}, {self._now_sql}", ())[0]
            run(
                "INSERT INTO marks (id, updated_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                (article_id, now),
            )
            before = _load(run, "WHERE id = ?", (article_id,))[article_id]
            if not apply(run, before, Stamp(by=self.reviewer, at=now)):
                raise _Unchanged(before)
            run(
                "UPDATE marks SET updated_at = ?, updated_by = ?, rev = ?, "
                "content_hash = COALESCE(?, content_hash) WHERE id = ?",
                (now, updated_by or self.reviewer, rev, digest, article_id),
            )
            self._announce(run, int(rev))
            self._own_revs.add(int(rev))
            return _load(run, "WHERE id = ?", (article_id,))[article_id]

        what = f"cannot save review mark for {one_line(article_id)}"
        try:
            return self._run(True, what, body)
        except _Unchanged as same:
            # A mark never made was inserted only to be read; the rollback removed it again.
            return Mark(id=article_id) if same.mark.updated_by is None else same.mark

    def set_reviewed(self, article_id: str, reviewed: bool = True) -> Mark:
        """Mark (or unmark) the article as reviewed by this store's reviewer; other reviewers'
        reviews stay."""

        def apply(run: Run, mark: Mark, stamp: Stamp) -> bool:
            if mark.is_reviewed_by(stamp.by) == reviewed:
                return False
            if reviewed:
                run(
                    "INSERT INTO reviews (id, reviewer, at) VALUES (?, ?, ?)",
                    (article_id, stamp.by, stamp.at),
                )
            else:
                run("DELETE FROM reviews WHERE id = ? AND reviewer = ?", (article_id, stamp.by))
            return True

        return self._change(article_id, apply)

    def toggle_reviewed(self, article_id: str) -> Mark:
        """Flip this reviewer's own "reviewed" (one transaction, so two presses never merge)."""

        def apply(run: Run, mark: Mark, stamp: Stamp) -> bool:
            if mark.is_reviewed_by(stamp.by):
                run("DELETE FROM reviews WHERE id = ? AND reviewer = ?", (article_id, stamp.by))
            else:
                run(
                    "INSERT INTO reviews (id, reviewer, at) VALUES (?, ?, ?)",
                    (article_id, stamp.by, stamp.at),
                )
            return True

        return self._change(article_id, apply)

    def _set_flag(self, article_id: str, value: Callable[[Mark], bool]) -> Mark:
        def apply(run: Run, mark: Mark, stamp: Stamp) -> bool:
            flagged = value(mark)
            if flagged == mark.flagged:
                return False
            run(
                "UPDATE marks SET flagged = ?, flagged_by = ?, flagged_at = ? WHERE id = ?",
                (int(flagged), stamp.by, stamp.at, article_id),
            )
            return True

        return self._change(article_id, apply)

    def set_flagged(self, article_id: str, flagged: bool = True) -> Mark:
        return self._set_flag(article_id, lambda _: flagged)

    def toggle_flagged(self, article_id: str) -> Mark:
        return self._set_flag(article_id, lambda mark: not mark.flagged)

    @overload
    def set_note(self, article_id: str, note: str) -> Mark: ...
    @overload
    def set_note(self, article_id: str, note: str, base: str) -> tuple[Mark, str | None]: ...
    def set_note(
        self, article_id: str, note: str, base: str | None = None
    ) -> Mark | tuple[Mark, str | None]:
        """Set the note. Given `base` (the note an editor opened on), the note is merged in the
        same transaction that writes it: if someone changed it since, both texts are kept
        (`merge_note`), and the second value names who wrote the text kept ("" if unknown);
        None when nothing of theirs had to be kept."""
        clean = note.strip()
        kept: list[str] = []

        def apply(run: Run, mark: Mark, stamp: Stamp) -> bool:
            kept.clear()  # a retried transaction decides again
            final = clean
            if base is not None:
                final, merged = merge_note(base.strip(), mark.note, clean)
                if merged:
                    kept.append(mark.note_by or "")
            if final == mark.note:
                return False
            run(
                "UPDATE marks SET note = ?, note_by = ?, note_at = ? WHERE id = ?",
                (final, stamp.by, stamp.at, article_id),
            )
            return True

        mark = self._change(article_id, apply)
        if base is None:
            return mark
        return mark, (kept[0] if kept else None)

    def add_tag(self, article_id: str, tag: str) -> Mark:
        """Add a tag (kept with who added it); a tag already there, in any case, stays as is."""
        return self.set_tags(article_id, [tag], base=[])

    def remove_tag(self, article_id: str, tag: str) -> Mark:
        """Remove a tag whoever added it."""
        return self.set_tags(article_id, [], base=[tag])

    def set_tags(self, article_id: str, tags: list[str], base: list[str] | None = None) -> Mark:
        """Make the article's tags `tags`. With `base`, the tags the editor started from, only
        the difference is applied (tags added and removed by this edit), so a tag a colleague
        added meanwhile is merged in, not overwritten. Without it the list is replaced."""
        wanted = normalize_tags(tags)

        def apply(run: Run, mark: Mark, stamp: Stamp) -> bool:
            have = {tag_key(t): t for t in mark.tags}
            if base is None:
                final = wanted
            else:
                dropped = {tag_key(t) for t in base} - {tag_key(t) for t in wanted}
                kept = [t for t in mark.tags if tag_key(t) not in dropped]
                final = normalize_tags([*kept, *wanted])
            if final == mark.tags:
                return False
            final_keys = {tag_key(t) for t in final}
            for key in have.keys() - final_keys:
                run("DELETE FROM tags WHERE id = ? AND key = ?", (article_id, key))
            for pos, tag in enumerate(final, start=1):
                key = tag_key(tag)
                if key in have:
                    run(
                        "UPDATE tags SET tag = ?, pos = ? WHERE id = ? AND key = ?",
                        (tag, pos, article_id, key),
                    )
                else:
                    run(
                        "INSERT INTO tags (id, key, tag, pos, reviewer, at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (article_id, key, tag, pos, stamp.by, stamp.at),
                    )
            return True

        return self._change(article_id, apply)

    def merge(self, mark: Mark) -> bool:
        """Add what `mark` (from another store) records and this store lacks, keeping who and
        when: reviews and tags are united, the flag and the note take whichever was set last.
        Where both have the same review or tag, the earlier one is kept, so copying both ways
        leaves the two stores agreeing. Nothing is removed, so merging twice is harmless. True
        if anything changed."""
        fallback = Stamp(
            by=mark.updated_by or UNKNOWN_REVIEWER, at=mark.updated_at or "1970-01-01T00:00:00.000Z"
        )
        reviews = mark.reviews or ([fallback] if mark.reviewed else [])

        changes: list[bool] = []

        def apply(run: Run, here: Mark, stamp: Stamp) -> bool:
            changed = False
            mine = {stamp.by: stamp.at for stamp in here.reviews}
            for review in reviews:
                if review.by not in mine:
                    run(
                        "INSERT INTO reviews (id, reviewer, at) VALUES (?, ?, ?)",
                        (mark.id, review.by, review.at),
                    )
                    changed = True
                elif review.at < mine[review.by]:  # both stores agree on the first time
                    run(
                        "UPDATE reviews SET at = ? WHERE id = ? AND reviewer = ?",
                        (review.at, mark.id, review.by),
                    )
                    changed = True
            have = {tag_key(t): here.tag_stamps.get(t) for t in here.tags}
            for pos, tag in enumerate(normalize_tags(mark.tags), start=len(here.tags) + 1):
                who = mark.tag_stamps.get(tag, fallback)
                ours = have.get(tag_key(tag), fallback)
                if tag_key(tag) not in have:
                    run(
                        "INSERT INTO tags (id, key, tag, pos, reviewer, at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        (mark.id, tag_key(tag), tag, pos, who.by, who.at),
                    )
                    changed = True
                elif ours is not None and (who.at, who.by) < (ours.at, ours.by):
                    # The same tag added in both: whoever added it first, spelt their way.
                    run(
                        "UPDATE tags SET tag = ?, reviewer = ?, at = ? WHERE id = ? AND key = ?",
                        (tag, who.by, who.at, mark.id, tag_key(tag)),
                    )
                    changed = True
            theirs_at = mark.flagged_at or (fallback.at if mark.flagged else None)
            if theirs_at and theirs_at > (here.flagged_at or "") and mark.flagged != here.flagged:
                run(
                    "UPDATE marks SET flagged = ?, flagged_by = ?, flagged_at = ? WHERE id = ?",
                    (int(mark.flagged), mark.flagged_by or fallback.by, theirs_at, mark.id),
                )
                changed = True
            theirs_at = mark.note_at or (fallback.at if mark.note else None)
            if theirs_at and theirs_at > (here.note_at or "") and mark.note != here.note:
                run(
                    "UPDATE marks SET note = ?, note_by = ?, note_at = ? WHERE id = ?",
                    (mark.note, mark.note_by or fallback.by, theirs_at, mark.id),
                )
                changed = True
            if mark.content_hash and not here.content_hash:
                run(
                    "UPDATE marks SET content_hash = ? WHERE id = ?",
                    (mark.content_hash, mark.id),
                )
                changed = True
            changes.append(changed)
            return changed

        # The hash travels with the mark: what the article was when it was marked, not now.
        self._change(mark.id, apply, updated_by=mark.updated_by, look_up_hash=False)
        return bool(changes) and changes[-1]  # a retried transaction counts once

    # -- what the store knows about itself --------------------------------------------------

    def info(self, key: str) -> str | None:
        """A fact recorded about the store (`schema.INFO_*`), or None."""
        rows = self._run(
            False,
            "cannot read review marks",
            lambda run: run("SELECT value FROM info WHERE key = ?", (key,)),
        )
        return str(rows[0][0]) if rows else None

    def set_info(self, key: str, value: str) -> None:
        def body(run: Run) -> None:
            run(
                "INSERT INTO info (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

        self._run(True, "cannot save review marks", body)

    def corpus_path(self) -> str | None:
        """The corpus folder this store belongs to, as recorded when it was opened for it."""
        return self.info(INFO_CORPUS)

    def set_corpus_path(self, corpus: Path | str) -> None:
        """Record the corpus this store belongs to, so that if the folder is moved or renamed
        the marks can be found again from the new name (`tui.review.moved`)."""
        value = str(corpus)
        if self.corpus_path() != value:
            self.set_info(INFO_CORPUS, value)

    def moved_from(self) -> str | None:
        """The corpus whose marks `broadsheet marks move` brought here, if any."""
        return self.info(INFO_MOVED_FROM)

    # -- lifetime ---------------------------------------------------------------------------

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def default_reviewer() -> str:
    """The login name of whoever runs Broadsheet (from the user database, not `$USER`, which
    anyone can set; `getpass` when the uid has no entry, as in some containers)."""
    import getpass
    import os

    try:
        import pwd

        return pwd.getpwuid(os.geteuid()).pw_name
    except (ImportError, KeyError):
        try:
            return getpass.getuser()
        except OSError:
            return UNKNOWN_REVIEWER


def unavailable(location: str, detail: object) -> StoreUnavailableError:
    return StoreUnavailableError(f"review store {location} is unavailable: {one_line(detail)}")
