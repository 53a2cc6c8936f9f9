"""Keeping the index current while the app is open, with watchfiles.

A daemon thread waits for file system events under the corpus (inotify/FSEvents through
watchfiles, debounced so a burst of writes is applied once) and applies just the changed files
with `engine.update_paths`; a change to a folder falls back to a full, still incremental,
update. A typical edit is searchable within about a second.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui.search.api import CorpusMissing, IndexSummary

if TYPE_CHECKING:
    from tui.search.engine import WhooshSearchEngine

DEBOUNCE_MS = 300
RETURN_POLL_S = 0.5
"""How often a watcher whose corpus folder is gone looks for it to come back."""


class Watcher:
    def __init__(
        self,
        engine: WhooshSearchEngine,
        callback: Callable[[IndexSummary], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        self.engine = engine
        self.callback = callback
        self.on_error = on_error
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="broadsheet-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()
        # Return once the watches are in place, so a change made right after is seen.
        self._ready.wait(5.0)

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=5)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                self._watch()
                if self._stop.is_set():
                    break
                # The corpus folder went away (a deleted folder is not watched again when it
                # is made anew): wait for it, then catch up with one full update.
                self._report(
                    CorpusMissing(
                        f"the folder {self.engine.corpus} is gone; "
                        "the index is kept for when it comes back"
                    )
                )
                while not self.engine.corpus.is_dir():
                    if self._stop.wait(RETURN_POLL_S):
                        return
                self._apply(None, always=True)
        except Exception as exc:
            self._report(exc)
        finally:
            self._ready.set()

    def _watch(self) -> None:
        """Apply changes until asked to stop or until the corpus folder itself is gone."""
        from watchfiles import watch

        corpus = self.engine.corpus
        for changes in watch(
            corpus,
            stop_event=self._stop,
            debounce=DEBOUNCE_MS,
            step=50,
            rust_timeout=300,
            yield_on_timeout=True,
            raise_interrupt=False,
            recursive=True,
        ):
            # The first (empty) yield comes once the watches are in place.
            self._ready.set()
            if self._stop.is_set():
                return
            if not corpus.is_dir():
                return
            if changes:
                self._apply(sorted({Path(p) for _, p in changes}))

    def _apply(self, paths: list[Path] | None, always: bool = False) -> None:
        """Bring the index up to date with these paths (None: the whole corpus) and tell the
        host; an error is reported and watching goes on."""
        try:
            summary = self.engine.update() if paths is None else self.engine.update_paths(paths)
        except Exception as exc:
            self._report(exc)
            return
        if self.callback is not None and (
            always
            or summary.added
            or summary.updated
            or summary.removed
            or summary.renamed
            or summary.rebuilt
        ):
            self.callback(summary)

    def _report(self, exc: BaseException) -> None:
        if self.on_error is not None:
            self.on_error(exc)
