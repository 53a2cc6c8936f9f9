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

from tui.search.api import IndexSummary

if TYPE_CHECKING:
    from tui.search.engine import WhooshSearchEngine

DEBOUNCE_MS = 300


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
        from watchfiles import watch

        corpus = self.engine.corpus
        try:
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
                    break
                if not changes:
                    continue
                paths = sorted({Path(p) for _, p in changes})
                try:
                    summary = self.engine.update_paths(paths)
                except Exception as exc:  # keep watching; tell the app
                    if self.on_error is not None:
                        self.on_error(exc)
                    continue
                if self.callback is not None and (
                    summary.added
                    or summary.updated
                    or summary.removed
                    or summary.renamed
                    or summary.rebuilt
                ):
                    self.callback(summary)
        except Exception as exc:
            if self.on_error is not None:
                self.on_error(exc)
        finally:
            self._ready.set()
