"""Full garbage collections out of the way of keys: they wait until the reader pauses.

Textual makes many short-lived objects that refer to each other (restyles, the footer rebuilt on
every focus change), so CPython's automatic full collection runs every few seconds of use, and
it walks every tracked object. With a 100,000-article index open that is 100-300 ms on the UI
thread: about one article opening in ten waited for it (measured with benchmarks/app_bench.py).

So, while the app runs: automatic collection stops at generation 1 (young objects, a few
milliseconds at most), and the full collection runs from a timer once no key has come for
`idle` seconds. The first one also freezes what survives it (`gc.freeze`: start-up objects, the
index readers) so later full collections skip them. If keys never pause, a full collection
still runs after `backlog` generation-1 collections, so memory cannot grow without bound.
Only the command-line app turns this on (it changes the whole process); tests do not.
"""

from __future__ import annotations

import gc
from time import monotonic

from textual.app import App
from textual.timer import Timer

NEVER = 1_000_000_000
"""A generation-2 threshold that is never reached."""


class IdleCollector:
    def __init__(self, app: App[object], idle: float = 2.0, backlog: int = 100) -> None:
        self.app = app
        self.idle = idle
        self.backlog = backlog
        self.collections = 0
        self.last_input = monotonic()
        self._saved: tuple[int, int, int] | None = None
        self._timer: Timer | None = None
        self._frozen = False

    def start(self) -> None:
        self._saved = gc.get_threshold()
        gc.set_threshold(self._saved[0], self._saved[1], NEVER)
        self._timer = self.app.set_interval(min(1.0, self.idle / 2), self.tick)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def saw_input(self) -> None:
        self.last_input = monotonic()

    def tick(self) -> None:
        pending = gc.get_count()[2]  # generation-1 collections since the last full one
        idle = monotonic() - self.last_input >= self.idle
        if pending and (idle or pending >= self.backlog):
            gc.collect()
            self.collections += 1
            if not self._frozen:
                gc.freeze()
                self._frozen = True
