"""Live marks: a background thread that hands an open app the marks other people make.

Each kind of store supplies a `Waiter` (PostgreSQL: a LISTEN connection woken by NOTIFY;
SQLite: a look at the file's change counter five times a second). The waiter only says "maybe
something changed"; what changed is read by change number (`rev`), so a wake-up lost while the
connection was down costs nothing: the next read catches up from the last change seen.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from tui.review.marks import Mark, ReviewStoreError

if TYPE_CHECKING:
    from tui.review.store import ReviewStore


class Waiter(Protocol):
    def wait(self, timeout: float) -> bool:
        """Block up to `timeout` seconds; True when marks may have changed."""
        ...

    def close(self) -> None: ...


class PollingWaiter:
    """A waiter for stores that cannot notify: compares a cheap version number over time."""

    def __init__(
        self, version: Callable[[], int], close: Callable[[], None], interval: float
    ) -> None:
        self._version = version
        self._close = close
        self._interval = interval
        self._last = version()

    def wait(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            now = self._version()
            if now != self._last:
                self._last = now
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(self._interval, left))

    def close(self) -> None:
        self._close()


class Subscription:
    """Calls `on_change` with marks other stores change until `close()` (see
    `ReviewStore.subscribe`). Errors go to `on_error` once per outage, then it retries every
    `retry` seconds."""

    def __init__(
        self,
        store: ReviewStore,
        on_change: Callable[[list[Mark]], None],
        on_error: Callable[[ReviewStoreError], None] | None = None,
        *,
        retry: float = 1.0,
    ) -> None:
        self._store = store
        self._on_change = on_change
        self._on_error = on_error
        self._retry = retry
        self._stop = threading.Event()
        self._seen = store._seen_rev
        self._waiter: Waiter | None = self._connect_first()
        self._thread = threading.Thread(target=self._loop, name="review-marks-watch", daemon=True)
        self._thread.start()

    def _connect_first(self) -> Waiter | None:
        # Listening before the thread starts: a mark made right after `subscribe` returns is
        # seen, not lost in the gap before the thread gets going. Changes since the store was
        # opened (before the app read its marks) come with the first wake-up.
        try:
            return self._store._open_waiter()
        except ReviewStoreError as exc:
            self._report(exc)
            return None

    def _report(self, exc: ReviewStoreError) -> None:
        if self._on_error is not None:
            self._on_error(exc)

    def _loop(self) -> None:
        failing = self._waiter is None
        behind = True  # changes since the store was opened come first
        while not self._stop.is_set():
            try:
                if self._waiter is None:
                    self._waiter = self._store._open_waiter()
                    behind = True  # catch up on what happened while we were away
                elif self._waiter.wait(0 if behind else 0.5):
                    behind = True
                if behind and not self._stop.is_set():
                    latest, marks = self._store._changes_after(self._seen)
                    self._seen = max(self._seen, latest)
                    behind = False
                    if marks:
                        self._on_change(marks)
                failing = False
            except ReviewStoreError as exc:
                if not failing:
                    self._report(exc)
                failing = True
                self._drop_waiter()
                self._stop.wait(self._retry)
        self._drop_waiter()

    def _drop_waiter(self) -> None:
        waiter, self._waiter = self._waiter, None
        if waiter is not None:
            with contextlib.suppress(ReviewStoreError):
                waiter.close()

    def close(self) -> None:
        """Stop watching (returns once the thread has ended)."""
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join(timeout=5)
