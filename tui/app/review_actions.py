"""Review actions: the marks (reviewed, flagged, tags, note) of the current article, marks
made by another process, and export."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

from rich.text import Text
from textual import work

from tui.app.dialogs import (
    ExportDialog,
    NoteDialog,
    TagsDialog,
)
from tui.app.mark_text import describe_mark
from tui.app.messages import MarksChanged, MarksWatchFailed
from tui.app.state import AppState
from tui.app.text import one_line
from tui.review import Mark, ReviewStore, ReviewStoreError
from tui.review.export import ExportError, collect, write_file
from tui.search.marks import by_mark

F = TypeVar("F", bound=Callable[..., Any])


def unsaved_said(app: AppState, act: F) -> F:
    """`act` (a key's action, a dialog's callback) with a store that fails it (the server gone,
    the password refused, the connection dropped) said in one line: the mark is not saved,
    nothing is queued or shown as saved, and the next mark tries the store again."""

    @wraps(act)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return act(*args, **kwargs)
        except ReviewStoreError as exc:
            said = f"Not saved: {one_line(str(exc))}"
            app.notify(said, title="Review marks", severity="error", timeout=8)
            app.status.store_failed(True)
            return None

    return guarded  # type: ignore[return-value]


def saving(method: F) -> F:
    """`unsaved_said` for a method of the app."""

    @wraps(method)
    def guarded(self: AppState, *args: Any, **kwargs: Any) -> Any:
        return unsaved_said(self, method)(self, *args, **kwargs)

    return guarded  # type: ignore[return-value]


class ReviewActions(AppState):
    """Marking articles and exporting the marks."""

    # -- the current article ------------------------------------------------------------------

    def _current(self) -> tuple[str, str] | None:
        """(id, title) of the article the review keys act on: the open one when reading."""
        focused = self.focused
        reading = focused is not None and self._is_within(focused, ("reader-pane", "side-panel"))
        article = self.reader.article
        if reading and article is not None:
            return article.id, article.title or article.path
        hit = self.results_list.current_hit
        if hit is not None:
            if self._awaiting is not None:
                # The rows on screen answer an older query ("okafor⏎f" typed ahead: the flag
                # is meant for what the new search lists, which is not there yet).
                self.notify("Results are still coming: press it again when they show.")
                return None
            return hit.id, hit.title or hit.path
        if article is not None:
            return article.id, article.title or article.path
        return None

    def _require_store(self) -> ReviewStore | None:
        if self.store is None:
            self.notify(
                self.store_error or "Review marks are unavailable.", severity="error", timeout=4
            )
        return self.store

    def _reviewer(self) -> str | None:
        """Who marks made here are attributed to (None without a store)."""
        return self.store.reviewer if self.store is not None else None

    def _watch_marks(self, store: ReviewStore) -> None:
        """Show marks another Broadsheet on the same store makes (a colleague, a second
        terminal over SSH) within a second: the store's watcher thread (PostgreSQL
        LISTEN/NOTIFY, SQLite a cheap look at the file's change counter) posts them here."""
        self._subscription = store.subscribe(
            lambda marks: self.post_message(MarksChanged(marks)),
            lambda exc: self.post_message(MarksWatchFailed(one_line(str(exc)))),
        )

    def on_marks_changed(self, message: MarksChanged) -> None:
        for mark in message.marks:
            if self._marks.get(mark.id) != mark:
                self._mark_changed(mark)

    def on_marks_watch_failed(self, message: MarksWatchFailed) -> None:
        # Once per outage (the watcher retries every second and catches up when back).
        self.notify(
            f"{message.error}; marks from others will show when it is back",
            title="Review marks",
            severity="warning",
            timeout=6,
        )

    def on_unmount(self) -> None:
        subscription, self._subscription = self._subscription, None
        if subscription is not None:
            subscription.close()

    def _mark_changed(self, mark: Mark) -> None:
        self.status.store_failed(False)  # a mark came from the store: it answers again
        old = self._marks.get(mark.id)
        self._marks[mark.id] = mark
        self.results_list.set_mark(mark)
        self._show_marks_in_reader()
        if old is None or searchable_marks(old) != searchable_marks(mark):
            self.index_marks(mark.id, searchable_marks(mark))

    @work(thread=True, group="marks", exit_on_error=False)
    def index_marks(self, article_id: str, marks: list[str]) -> None:
        """Tell the engine (for `is:` and `has:` queries; an optional engine extra)."""
        set_marks = getattr(self.engine, "set_marks", None)
        if set_marks is not None:
            set_marks(article_id, marks)

    def _show_marks_in_reader(self) -> None:
        reader = self.reader
        if reader.article is None:
            return
        described = describe_mark(self._marks.get(reader.article.id), me=self._reviewer())
        reader.border_title = Text(f"Reader · {described}" if described else "Reader")

    # -- marking: the current article, or every row picked ------------------------------------

    def _picked(self) -> list[str]:
        """Ids of the rows picked in the list (space, v), when the list is where the keys go."""
        focused = self.focused
        if focused is None or not self._is_within(focused, ("results",)):
            return []
        return self.results_list.selected_ids()

    def _remember(self, store: ReviewStore, ids: list[str]) -> None:
        """Keep the marks of `ids` as they are before a change, for `u`."""
        self._undo = [store.get(article_id) for article_id in ids]

    def _set_many(self, ids: list[str], change: Callable[[str], Mark], done: str) -> None:
        for article_id in ids:
            self._mark_changed(change(article_id))
        self.results_list.clear_selection()
        self.notify(f"{done}: {len(ids)} articles (u undoes)", timeout=2)

    @saving
    def action_toggle_reviewed(self) -> None:
        self._toggle("reviewed", ("Reviewed", "Not reviewed"))

    @saving
    def action_toggle_flagged(self) -> None:
        self._toggle("flagged", ("Flagged", "Flag removed"))

    def _toggle(self, field: str, said: tuple[str, str]) -> None:
        """`r`/`f`: toggle a mark on the picked rows (all on unless all already are) or on the
        current article, remembering the old marks for `u`."""
        store = self._require_store()
        if store is None:
            return
        picked = self._picked()
        if picked:
            self._remember(store, picked)
            value = not all(getattr(store.get(i), field) for i in picked)
            setter = getattr(store, f"set_{field}")
            self._set_many(picked, lambda i: setter(i, value), said[0] if value else said[1])
            return
        current = self._current()
        if current is None:
            return
        self._remember(store, [current[0]])
        mark = getattr(store, f"toggle_{field}")(current[0])
        self._mark_changed(mark)
        self.notify(said[0] if getattr(mark, field) else said[1], timeout=1.5)

    @saving
    def action_edit_tags(self) -> None:
        store = self._require_store()
        if store is None:
            return
        picked = self._picked()
        if picked:
            self._tag_many(store, picked)
            return
        current = self._current()
        if current is None:
            return
        article_id, title = current
        before = store.get(article_id).tags

        def save(tags: list[str] | None) -> None:
            if tags is None:
                return
            self._remember(store, [article_id])
            # Only what this edit added and removed: a tag a colleague added while the dialog
            # was open stays (issue 14's lost tags).
            mark = store.set_tags(article_id, tags, base=before)
            self._mark_changed(mark)
            self.index_tags(article_id, mark.tags)
            extra = [t for t in mark.tags if t.casefold() not in {x.casefold() for x in tags}]
            if extra:
                names = ", ".join(f"#{one_line(t)}" for t in extra)
                self.notify(f"Kept {names}, added by someone else meanwhile", timeout=4)

        self.push_screen(
            TagsDialog(title, before, store.all_tags()), callback=unsaved_said(self, save)
        )

    def _tag_many(self, store: ReviewStore, ids: list[str]) -> None:
        """Tags added to every row picked (each keeps the tags it had)."""

        def save(tags: list[str] | None) -> None:
            if not tags:
                return
            self._remember(store, ids)

            def add(article_id: str) -> Mark:
                # base=[]: only adds, in one transaction (nobody's tags are replaced)
                mark = store.set_tags(article_id, tags, base=[])
                self.index_tags(article_id, mark.tags)
                return mark

            self._set_many(ids, add, f"Tagged {', '.join(tags)}")

        dialog = TagsDialog(f"{len(ids)} articles", [], store.all_tags())
        self.push_screen(dialog, callback=unsaved_said(self, save))

    @saving
    def action_undo(self) -> None:
        """`u`: undo the last change of marks (one level; `u` again redoes it)."""
        store = self._require_store()
        if store is None:
            return
        before = self._undo
        if not before:
            self.notify("Nothing to undo", timeout=1.5)
            return
        self._remember(store, [mark.id for mark in before])
        for old in before:
            store.set_reviewed(old.id, old.reviewed)
            store.set_flagged(old.id, old.flagged)
            store.set_note(old.id, old.note)
            mark = store.set_tags(old.id, old.tags)
            self._mark_changed(mark)
            self.index_tags(old.id, mark.tags)
        noun = "article" if len(before) == 1 else "articles"
        self.notify(f"Undone: the marks of {len(before)} {noun} as they were", timeout=2)

    @work(thread=True, group="tags", exit_on_error=False)
    def index_tags(self, article_id: str, tags: list[str]) -> None:
        self.engine.set_tags(article_id, tags)

    @saving
    def action_edit_note(self) -> None:
        current, store = self._current(), self._require_store()
        if current is None or store is None:
            return
        article_id, title = current
        opened = store.get(article_id).note

        def save(note: str | None) -> None:
            if note is None:
                return
            self._remember(store, [article_id])
            # Read and written in one transaction: a colleague's note saved in between is kept.
            mark, kept_from = store.set_note(article_id, note, base=opened)
            self._mark_changed(mark)
            if kept_from is not None:
                who = one_line(kept_from or "someone")
                then = ", then yours below a --- line" if note else ""
                self.notify(
                    f"{who} changed this note while you edited it: their text is kept{then}",
                    title="Note",
                    timeout=6,
                )

        self.push_screen(NoteDialog(title, opened), callback=unsaved_said(self, save))

    def action_export(self, what: str = "all") -> None:
        if self._require_store() is None:
            return
        labels = {
            "all": "all marks",
            "flagged": "flagged articles",
            "reviewed": "reviewed articles",
            "results": "marks in these results",
        }
        default = self.export_dir / f"broadsheet-{what}.jsonl"

        def go(path: Path | None) -> None:
            if path is not None:
                # A bare name goes beside the default, not in whatever folder the app started in.
                full = path if path.is_absolute() else self.export_dir / path
                self.export_worker(what, full.resolve(), self.query_text)

        self.push_screen(ExportDialog(labels.get(what, what), default), callback=go)

    @work(thread=True, group="export", exit_on_error=False)
    def export_worker(self, what: str, path: Path, query: str) -> None:
        assert self.store is not None
        try:
            records = collect(
                self.corpus,
                self.store,
                flagged=what == "flagged",
                reviewed=what == "reviewed",
                query=query if what == "results" and query.strip() else None,
                engine=self.engine,
            )
            write_file(records, path)
        except (ExportError, OSError) as exc:
            self.call_from_thread(
                self.notify, one_line(str(exc)), title="Export failed", severity="error"
            )
            return
        if not records:
            message = f"No marks to export; wrote an empty file: {one_line(str(path))}"
        else:
            noun = "mark" if len(records) == 1 else "marks"
            message = f"Exported {len(records)} {noun} to {one_line(str(path))}"
        self.call_from_thread(self.notify, message, timeout=6)


def searchable_marks(mark: Mark) -> list[str]:
    """The marks `is:`/`has:` and `flagged-by:`-style queries know an article by (see
    `tui.search.marks`): what it carries, and who made each mark that stands."""
    carried = [
        name
        for name, present in (
            ("flagged", mark.flagged),
            ("reviewed", mark.reviewed),
            ("note", bool(mark.note)),
            ("tag", bool(mark.tags)),
        )
        if present
    ]
    who = [by_mark("reviewed", name) for name in mark.reviewed_by]
    if mark.flagged and mark.flagged_by:
        who.append(by_mark("flagged", mark.flagged_by))
    if mark.note and mark.note_by:
        who.append(by_mark("note", mark.note_by))
    who += [by_mark("tag", stamp.by) for tag, stamp in mark.tag_stamps.items() if tag in mark.tags]
    return carried + sorted(set(who))
