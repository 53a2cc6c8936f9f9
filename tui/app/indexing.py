"""Indexing in the background: bringing the index up to date, the list shown before a first
index is there, and following changes to the corpus while the app is open."""

from __future__ import annotations

from time import monotonic, sleep

from textual import events, work
from textual.worker import get_current_worker

from tui.app.messages import (
    ArticlesRead,
    CorpusChanged,
    IndexBusy,
    IndexDone,
    IndexProgress,
    WatchFailed,
)
from tui.app.review_actions import searchable_marks
from tui.app.state import AppState, while_shown
from tui.app.text import one_line
from tui.model import Article
from tui.search import IndexingStopped, IndexLocked
from tui.search.api import Hit, IndexSummary

PROGRESS_SECONDS = 0.2
"""Least time between progress messages: the status line counts up five times a second, and
the interface thread (which repaints on each) leaves the CPU to the indexing workers."""
READ_AHEAD_FILES = 60
"""While a first index is built the list shows articles read straight from the corpus, at
most this many files ahead of the indexer (a screenful at once, then at the indexer's pace)."""
READ_AHEAD_ROWS = 300
"""The early list stops here: a few screens, more than anyone scrolls before the first commit
(seconds away), and each file read for it is read and parsed twice in a first build."""
EARLY_BATCH_SECONDS = 0.25
"""How often articles read ahead are handed to the list (bounds the messages and repaints)."""
EARLY_SNIPPET_CHARS = 200


class Indexing(AppState):
    """Index updates, the early list, and the corpus watcher."""

    _searchable = 0
    """Articles searchable at the last commit the indexing thread saw (it writes this)."""
    _searched_for = 0
    """The `_searchable` the last refresh of the results was for (the interface thread's)."""

    def _start_background(self) -> None:
        """Once the first results are on screen: watch the corpus, then bring the index up to
        date, in this order so no change is missed (the watcher sees what changes after it
        starts, the update what changed before). Not sooner: setting up the watches on a large
        corpus holds the interpreter for a few hundred milliseconds (watchfiles walks the
        tree), and the first screen would wait for it."""
        if self._background_started:
            return
        self._background_started = True
        if self.index_on_start:
            self.index_corpus(watch_first=self.follow_changes)
        elif self.follow_changes:
            self.start_watching()

    # -- indexing -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def index_corpus(self, rebuild: bool = False, watch_first: bool = False) -> None:
        """Bring the index up to date; the list refreshes as it fills (`on_index_progress`)."""
        if watch_first:
            self._start_watcher()
        self._sync_tags()
        self._sync_marks()
        last = 0.0
        self._searchable = self.engine.count()
        self._files_indexed = 0
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            nonlocal last
            self._files_indexed = done
            now = monotonic()
            if done >= total or now - last >= PROGRESS_SECONDS:
                last = now
                # Searches refresh when a commit made more articles searchable, not on a
                # timer: a handful of times in a first build instead of every second. The
                # count checks the index at most twice a second (the engine's rule).
                self._searchable = self.engine.count()
                self.post_message(IndexProgress(done, total))

        waited = False
        while True:
            try:
                summary = self.engine.update(progress=progress, rebuild=rebuild)
            except IndexLocked as exc:  # another process is building it and has no commit yet
                summary = IndexSummary(readonly=True, busy=True, reason=str(exc))
            except IndexingStopped:  # the app is quitting (`on_unmount`)
                return
            if not summary.busy or worker.is_cancelled or self._closing:
                break
            if not waited:
                waited = True
                self.post_message(IndexBusy(summary.reason or "another process is indexing"))
            rebuild = False  # the other process's fresh index is the one wanted
            sleep(0.5)
        if not (worker.is_cancelled or self._closing):
            self.post_message(IndexDone(summary, self.engine.count(), by_other=waited))

    def _sync_marks(self) -> None:
        """Give the engine every article's marks for `is:` and `has:` (an optional engine
        extra), the review store being the source of truth."""
        replace = getattr(self.engine, "replace_marks", None)
        if self.store is None or replace is None:
            return
        replace({m.id: searchable_marks(m) for m in self.store.all_marks().values()})

    def _sync_tags(self) -> None:
        """Give the engine every review tag, in case its index (and tag file) was rebuilt.

        The review store is the source of truth; `replace_tags` is an optional engine extra.
        """
        replace = getattr(self.engine, "replace_tags", None)
        if self.store is None or replace is None:
            return
        replace({mark.id: mark.tags for mark in self.store.all_marks().values() if mark.tags})

    @while_shown
    def on_index_progress(self, message: IndexProgress) -> None:
        self.status.indexing(message.done, message.total)
        if self._searchable != self._searched_for:  # a commit: results from the bigger index
            self._searched_for = self._searchable
            self.start_search(self.query_text, keep_cursor=True)

    @while_shown
    def on_index_busy(self, message: IndexBusy) -> None:
        self.status.indexed(self.engine.count(), "another Broadsheet is indexing this folder")
        self.notify(
            one_line(message.reason)
            + ". Showing what it has indexed so far; the list updates as it goes.",
            title="Index in use",
            timeout=6,
        )

    @while_shown
    def on_index_done(self, message: IndexDone) -> None:
        self.indexing = False
        summary = message.summary
        note = describe_update(summary)
        if message.by_other:
            note = f"indexed by another Broadsheet; {note}"
            self.notify("The other Broadsheet finished indexing this folder.", timeout=4)
        self.status.indexed(message.count, note)
        self.problems = list(summary.skipped)
        self.status.problems(len(self.problems), self._key_for("problems"))
        self.start_search(self.query_text, keep_cursor=True)
        self.refresh_shown_article()

    # -- the list before the first index is there ----------------------------------------------

    def _start_early_list(self) -> None:
        """Fill the list with articles read straight from the corpus while the first index is
        built (the index is searchable only once complete): the list fills as indexing goes."""
        self._generation += 1
        self._early = self._generation
        self.read_ahead(self._generation)

    def _early_wanted(self, generation: int) -> bool:
        return (
            self._early == generation
            and self.indexing
            and not self._searchable  # its first commit: the engine's list takes over
            and not get_current_worker().is_cancelled
        )

    @work(thread=True, exclusive=True, group="early-list", exit_on_error=False)
    def read_ahead(self, generation: int) -> None:
        """Read the corpus in order, keeping `READ_AHEAD_FILES` ahead of the indexer, and post
        what was read in batches, until `READ_AHEAD_ROWS` are listed or the index has its
        first commit (each file is read again for the index: this work competes with it)."""
        from tui.ingest import discover, read_file

        batch: list[Hit] = []
        sent = monotonic()
        rows = 0
        for files, path in enumerate(discover(self.corpus)):
            if rows >= READ_AHEAD_ROWS:
                break
            while files >= self._files_indexed + READ_AHEAD_FILES and self._early_wanted(
                generation
            ):
                if batch:
                    self.post_message(ArticlesRead(batch, generation))
                    batch, sent = [], monotonic()
                sleep(0.1)
            if not self._early_wanted(generation):
                return
            result = read_file(path, self.corpus)
            batch.extend(early_hit(article) for article in result.articles)
            rows += len(result.articles)
            if batch and monotonic() - sent >= EARLY_BATCH_SECONDS:
                self.post_message(ArticlesRead(batch, generation))
                batch, sent = [], monotonic()
            sleep(0)  # let the interface thread in between files
        if batch:
            self.post_message(ArticlesRead(batch, generation))

    @while_shown
    def on_articles_read(self, message: ArticlesRead) -> None:
        if message.generation != self._early:
            return  # the engine's list has taken over
        results_list = self.results_list
        results_list.append_rows(message.hits, message.generation)
        self.status.results(f"{results_list.total:,} articles so far")

    # -- watching the corpus ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def start_watching(self) -> None:
        self._start_watcher()

    def _start_watcher(self) -> None:
        """Start the engine's watcher (an optional engine extra), in a worker thread: starting
        waits until the watches are in place. The watcher then lives on its own thread and
        calls back from there, which only posts messages."""
        watch = getattr(self.engine, "watch", None)
        if watch is None:
            return

        def changed(summary: IndexSummary) -> None:
            self.post_message(CorpusChanged(summary, self.engine.count()))

        def failed(error: BaseException) -> None:
            self.post_message(WatchFailed(error))

        try:
            watcher = watch(changed, failed)
        except Exception as error:  # the app works without it; say so
            failed(error)
            return
        with self._watch_lock:
            if not self._closing:
                self._watcher = watcher
                return
        watcher.stop()  # the app closed while the watches were being set up

    def stop_watching(self) -> None:
        with self._watch_lock:
            self._closing = True
            watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.stop()

    def on_unmount(self) -> None:
        self.stop_watching()
        # A build in progress stops within a tenth of a second, its workers ended; what it
        # committed is kept and the next open carries on from there.
        stop = getattr(self.engine, "stop_indexing", None)  # optional engine extra
        if callable(stop):
            stop()
        if self.collector is not None:
            self.collector.stop()

    async def on_event(self, event: events.Event) -> None:
        if self.collector is not None and isinstance(event, (events.Key, events.MouseDown)):
            self.collector.saw_input()
        await super().on_event(event)

    @while_shown
    def on_corpus_changed(self, message: CorpusChanged) -> None:
        if not self.indexing:  # else the indexing progress owns the status line
            self.status.indexed(message.count, describe_update(message.summary))
        self.problems = list(message.summary.skipped)
        self.status.problems(len(self.problems), self._key_for("problems"))
        self.start_search(self.query_text, keep_cursor=True)
        self.refresh_shown_article()

    def on_watch_failed(self, message: WatchFailed) -> None:
        error = one_line(f"{type(message.error).__name__}: {message.error}")
        if error != self._last_watch_error:  # the same failure on every change: say it once
            self._last_watch_error = error
            self.notify(error, title="Watching the corpus failed", severity="warning", timeout=6)

    def _reindex(self, rebuild: bool = False) -> None:
        self.indexing = True
        self.index_corpus(rebuild=rebuild)


def early_hit(article: Article) -> Hit:
    """A list row for an article read before the index has it."""
    return Hit(
        id=article.id,
        path=article.path,
        title=article.title,
        date=article.date,
        source=article.source,
        author=article.author,
        snippet=article.text[:EARLY_SNIPPET_CHARS],
    )


def describe_update(summary: IndexSummary) -> str:
    """What an index update did, in a few words for the status line (counts are of files)."""
    if summary.readonly:
        return f"read-only: {one_line(summary.reason or 'index in use elsewhere')}"
    counts = [
        (n, what)
        for what, n in (
            ("added", summary.added),
            ("updated", summary.updated),
            ("renamed", summary.renamed),
            ("removed", summary.removed),
        )
        if n
    ]
    changes = [f"{n:,} {what}" for n, what in counts]
    if counts:  # "12 files added, 1 removed"
        n, what = counts[0]
        changes[0] = f"{n:,} {'file' if n == 1 else 'files'} {what}"
    note = ", ".join(changes) if changes else "up to date"
    if summary.rebuilt and summary.reason and "no index" not in summary.reason:
        note = f"rebuilt ({one_line(summary.reason)}); {note}"
    return note
