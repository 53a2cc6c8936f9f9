"""Starting indexing worker processes from any host: a shell, a script, or a full-screen app.

Why this exists: the spawn start method launches multiprocessing's resource tracker on first
use and hands it `sys.stderr.fileno()`. Inside a Textual app `sys.stderr` is the app's print
capture, whose `fileno()` is -1, and the fork refuses it ("bad value(s) in fds_to_keep"): the
app could not index anything big enough to need workers. Workers also inherit the terminal as
their fds 1 and 2, so a stray warning from any library they load would be drawn over the app's
screen. So: the tracker is started with a real stream, and workers of a host whose own streams
are not real files write theirs to /dev/null (errors travel back over their pipes anyway).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
from multiprocessing.context import SpawnContext

_lock = threading.Lock()


def stdio_is_real() -> bool:
    """True when this process's stderr is a real file descriptor (not a capture object)."""
    try:
        return sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        return False


def spawn_context() -> SpawnContext:
    """The spawn context, with its resource tracker already running on a valid stderr."""
    ctx = multiprocessing.get_context("spawn")
    assert isinstance(ctx, SpawnContext)
    from multiprocessing import resource_tracker

    with _lock:
        if stdio_is_real():
            resource_tracker.ensure_running()
        else:
            saved = sys.stderr
            with open(os.devnull, "w", encoding="utf-8") as null:
                sys.stderr = null
                try:
                    resource_tracker.ensure_running()
                finally:
                    sys.stderr = saved
    return ctx


def silence_stdio() -> None:
    """In a worker: point fds 1 and 2 (and Python's streams) at /dev/null."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)
