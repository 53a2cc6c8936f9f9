"""A full build on worker processes that each write their own Whoosh segments.

The calling process (`indexer.Indexer`) hands out files in chunks and commits each segment a
worker writes out, with the manifest rows of the files it holds; this module is the calling
process's side of that conversation (`worker.serve` is the other): starting the processes,
keeping each a few chunks ahead, telling them when to write out a segment, and ending them.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing import connection as mp_connection
from pathlib import Path
from typing import Any

from tui.search import worker
from tui.search.api import IndexingStopped

CHUNK = 8
"""Files per task sent to a worker."""
WORKER_MB = 64
"""Memory each full-build worker's segment writer may use for postings before spilling a
sorted run to disk (see `segment.PostingBuffer`)."""

WAIT_STEP = 0.1
"""Seconds between looks at the stop flag while waiting for workers (a quit returns within
about this, even while workers are still starting up)."""


def check_stop(stop: threading.Event | None) -> None:
    if stop is not None and stop.is_set():
        raise IndexingStopped("indexing stopped")


@dataclass(slots=True)
class SegmentReady:
    """A full-build worker wrote out a segment: its files wait in `folder` until the caller
    moves them into the generation and commits them with the rows of `worker`'s files since
    its last segment. `segment` is None when those files gave no documents."""

    worker: int
    segment: Any
    folder: str


FLUSH_FILES = (32, 128, 384, 768, 1536, 3072, 6144, 12288, 32768)
"""Files a full-build worker reads between segments it writes out: few at first, so the first
results of a new index are searchable within seconds, then more, so a big corpus ends with a
handful of segments per worker (searching costs a little per segment)."""


class SegmentBuild:
    """A full build on worker processes that each write their own segments (`worker.serve`).

    Files go out in chunks, a few ahead per worker, to whichever worker is free; outcomes come
    back without their documents (the worker has added them to its segment). After
    `FLUSH_FILES[k]` files a worker is told to write out its segment and start a new one; the
    caller commits each segment as it comes (`SegmentReady`) together with the manifest rows of
    the files it holds, so the index grows by whole commits while it is built: searchable early,
    and a build that is killed keeps what was committed.
    """

    AHEAD = 3
    """Chunks queued per worker: one in hand, the rest so it never waits for the next."""

    def __init__(
        self, root: Path, engine: str, workers: int, gen: Path, stop: threading.Event | None
    ) -> None:
        self.root = root
        self.engine = engine
        self.workers = workers
        self.gen = gen
        self.stop = stop
        self.procs: list[Any] = []
        self.conns: list[Any] = []
        self.folders: list[str] = []
        self.finished = False
        """Every worker answered its last flush and was told to stop: `close` waits for them
        rather than ending them."""

    def start(self) -> None:
        """Start the worker processes (once); `run` starts them if nobody did. Each takes a
        few tenths of a second of CPU to load the annotation engine, so the sooner the better:
        `Indexer.rebuild` calls this while it is still walking the corpus."""
        if self.procs:
            return
        from tui.search.procs import spawn_context, stdio_is_real

        ctx = spawn_context()
        quiet = not stdio_is_real()
        self.folders = [str(self.gen / f"worker-{i}") for i in range(self.workers)]
        for folder in self.folders:
            here, there = ctx.Pipe()
            proc = ctx.Process(
                target=worker.serve,
                args=(there, str(self.root), self.engine, folder, WORKER_MB, quiet),
                daemon=True,
            )
            self.procs.append(proc)  # before start: `close` ends whatever was started
            self.conns.append(here)
            try:
                proc.start()
            finally:
                there.close()

    def close(self) -> None:
        """End the workers (at once, unless `run` saw them through to the end) and drop their
        folders. Safe to call more than once, and when nothing was started."""
        procs, self.procs = self.procs, []
        conns, self.conns = self.conns, []
        if not self.finished:
            for proc in procs:
                if proc.pid is not None:
                    proc.terminate()
        for proc in procs:
            if proc.pid is not None:
                proc.join()
        for conn in conns:
            conn.close()
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)

    def run(self, tasks: list[worker.Task]) -> Iterator[tuple[int, worker.Outcome] | SegmentReady]:
        try:
            yield from self._run(tasks)
        finally:
            self.close()

    def _run(self, tasks: list[worker.Task]) -> Iterator[tuple[int, worker.Outcome] | SegmentReady]:
        self.start()
        procs, conns, folders = self.procs, self.conns, self.folders
        chunks = [tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK)]
        # Fewer chunks than workers (a build of a few dozen files): the rest just stop.
        n = max(1, min(len(procs), len(chunks)))
        for i in range(n, len(conns)):
            self._send(i, ("stop",))
        waiting = dict.fromkeys(range(n), 0)
        since_flush = dict.fromkeys(range(n), 0)
        flushes = dict.fromkeys(range(n), 0)
        next_chunk = 0
        while next_chunk < len(chunks) or any(waiting.values()):
            for i in range(n):
                while waiting[i] < self.AHEAD and next_chunk < len(chunks):
                    chunk = chunks[next_chunk]
                    self._send(i, ("files", chunk))
                    next_chunk += 1
                    waiting[i] += 1
                    since_flush[i] += len(chunk)
                    step = FLUSH_FILES[min(flushes[i], len(FLUSH_FILES) - 1)]
                    if since_flush[i] >= step and next_chunk < len(chunks):
                        self._send(i, ("flush",))
                        waiting[i] += 1
                        since_flush[i] = 0
                        flushes[i] += 1
            busy = [conns[i] for i in range(n) if waiting[i]]
            ready = mp_connection.wait(busy, WAIT_STEP)
            check_stop(self.stop)
            for conn in ready:
                i = conns.index(conn)
                waiting[i] -= 1
                got = self._answer(conn, procs[i])
                if got[0] == "files":
                    for out in got[1]:
                        yield i, out
                else:
                    yield SegmentReady(i, got[1], folders[i])
        for i in range(n):
            self._send(i, ("flush",))
        for i in range(n):
            conn, proc = conns[i], procs[i]
            while not conn.poll(WAIT_STEP):
                check_stop(self.stop)
            got = self._answer(conn, proc)
            if got[0] != "segment":
                raise RuntimeError(f"an indexing worker answered {got[0]!r} at the end")
            self._send(i, ("stop",))  # its last answer is in: it may go while the rest finish
            yield SegmentReady(i, got[1], folders[i])
        self.finished = True

    def _send(self, i: int, request: tuple[Any, ...]) -> None:
        """Send a request to worker `i`. One that has gone (it failed, and exits as soon as it
        has said why) cannot take it: its last answer, still in the pipe, says why."""
        try:
            self.conns[i].send(request)
        except (BrokenPipeError, ConnectionResetError):
            while True:  # raises at its failure, or at the end of the pipe
                self._answer(self.conns[i], self.procs[i])

    @staticmethod
    def _answer(conn: Any, proc: Any) -> tuple[Any, ...]:
        try:
            got: tuple[Any, ...] = conn.recv()
        except EOFError:
            proc.join(timeout=5)
            raise RuntimeError(
                "an indexing worker process died (out of memory, or the annotation engine "
                f"failed to load; exit code {proc.exitcode})"
            ) from None
        if got[0] == "oserror":
            raise OSError(got[1], got[2], got[3])
        if got[0] == "error":
            raise RuntimeError(f"an indexing worker failed:\n{got[1]}")
        if got[0] not in ("files", "segment"):
            raise RuntimeError(f"an indexing worker answered {got[0]!r}")
        return got
