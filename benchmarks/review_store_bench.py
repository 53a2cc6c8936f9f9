"""Review stores under a team's load: marks per second with two writer processes, and the delay
between a mark in one process and its arrival in another's open store (p50/p95).

    python benchmarks/review_store_bench.py [--marks 300] [--pings 100] [--postgres URL]

SQLite runs on a temporary file. PostgreSQL runs on URL, or on a throwaway server started as
the tests start theirs (needs PostgreSQL installed: /usr/lib/postgresql/*/bin). Writers flag,
tag and note distinct articles and toggle one shared article, each call one committed
transaction (SQLite with synchronous=FULL, so one fsync per mark).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from tui.review import Mark, ReviewStore  # noqa: E402

WRITER = textwrap.dedent(
    """
    import sys, time
    from tui.review import ReviewStore
    where, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with ReviewStore(where, reviewer=name) as store:
        sys.stdout.write("ready\\n"); sys.stdout.flush()
        sys.stdin.readline()
        start = time.perf_counter()
        for i in range(count):
            kind = i % 4
            if kind == 0:
                store.set_flagged(f"{name}/{i}.txt")
            elif kind == 1:
                store.add_tag(f"{name}/{i}.txt", "bench")
            elif kind == 2:
                store.set_note(f"{name}/{i}.txt", f"note {i}")
            else:
                store.toggle_reviewed("shared.txt")
        print(time.perf_counter() - start, flush=True)
    """
)

PINGER = textwrap.dedent(
    """
    import random, sys, time
    from tui.review import ReviewStore
    where, count = sys.argv[1], int(sys.argv[2])
    with ReviewStore(where, reviewer="pinger") as store:
        for i in range(count):
            sys.stdin.readline()  # the listener is ready for the next one
            # At a random moment, as a colleague's keypress is: not in step with a polling
            # store's checks (which would always measure the full interval, or none of it).
            time.sleep(random.uniform(0, 0.3))
            store.set_note("ping.txt", f"{i} {time.time()!r}")
    """
)


def writers(where: str, marks: int) -> float:
    """Marks per second, two processes writing at once (total marks / slowest writer)."""
    ReviewStore(where).close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, where, name, str(marks)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("ana", "bob")
    ]
    for proc in procs:
        assert proc.stdout is not None
        proc.stdout.readline()  # connected and set up
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    seconds = [float(proc.communicate(timeout=600)[0]) for proc in procs]
    return 2 * marks / max(seconds)


def delays(where: str, pings: int) -> list[float]:
    """Seconds from a mark committed in one process to `subscribe`'s callback in another."""
    got: list[float] = []
    arrived = threading.Event()

    def on_change(marks: list[Mark]) -> None:
        now = time.time()
        for mark in marks:
            if mark.id == "ping.txt":
                got.append(now - float(mark.note.split()[1]))
                arrived.set()

    with ReviewStore(where, reviewer="listener") as store:
        subscription = store.subscribe(on_change)
        proc = subprocess.Popen(
            [sys.executable, "-c", PINGER, where, str(pings)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            text=True,
        )
        assert proc.stdin is not None
        try:
            for _ in range(pings):
                arrived.clear()
                proc.stdin.write("\n")
                proc.stdin.flush()
                if not arrived.wait(timeout=30):
                    raise SystemExit("a mark never arrived")
        finally:
            proc.stdin.close()
            proc.wait(timeout=60)
            subscription.close()
    return got


def report(kind: str, where: str, marks: int, pings: int) -> None:
    rate = writers(where, marks)
    lag = sorted(delays(where, pings))
    p50 = statistics.median(lag) * 1000
    p95 = lag[min(len(lag) - 1, round(0.95 * (len(lag) - 1)))] * 1000
    print(
        f"{kind:10} {rate:8.0f} marks/s (2 writers x {marks})   "
        f"mark -> other process: p50 {p50:.1f} ms, p95 {p95:.1f} ms ({len(lag)} marks)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--marks", type=int, default=300, help="marks per writer")
    parser.add_argument("--pings", type=int, default=100, help="marks timed end to end")
    parser.add_argument("--postgres", help="a postgresql:// URL (default: a throwaway server)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        report("sqlite", str(Path(tmp) / "bench.sqlite"), args.marks, args.pings)

    if args.postgres:
        report("postgresql", args.postgres, args.marks, args.pings)
        return
    from test_review_store_pg import PgCluster

    try:
        server = PgCluster()
    except (RuntimeError, OSError) as exc:
        print(f"postgresql skipped: {exc}")
        return
    try:
        report("postgresql", server.new_database(), args.marks, args.pings)
    finally:
        server.remove()


if __name__ == "__main__":
    main()
