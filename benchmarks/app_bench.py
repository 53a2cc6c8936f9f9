"""How the app feels in a real terminal: launch, keypress latency, opening articles, memory.

Runs the installed `broadsheet` on a pty it owns (the end-to-end harness in tests/e2e) and times
what a user waits for: from writing a key to the terminal to the last byte of the screen update
it caused. An update is the output up to the first pause of FRAME_GAP; later updates the key set
off (the footer catching up with a focus change, a toast) end at the first pause of --quiet and
are shown as "settled". No pilot and no headless driver: the figures include reading and parsing
the key, the handler, rendering, and writing to the terminal. It prints figures, asserts nothing.

    python benchmarks/app_bench.py                      # the large corpus, if one is made
    python benchmarks/app_bench.py CORPUS --index-dir DIR --size 80x24

Corpus: CORPUS, else BENCH/big, else BENCH/mid (BENCH is $BROADSHEET_BENCH_DIR or /work/bench),
else the bundled sample. Make one with `python benchmarks/make_big_corpus.py /work/bench/big
--articles 100000` (or `.../mid --articles 10000`); its index is looked for beside it as
BENCH/big-index. The index is brought up to date with `broadsheet index` before the app is
timed, so launch is measured with an up-to-date index. A second session opens a generated
50-page article to time scrolling a long one.

Measured: launch (process start to the first screen listing results, then to the start-up index
check being done), list keys (j, k, PageDown, G/g), opening an article (j then Enter at once, so
the wide-screen preview never gets there first), scrolling it (j, k), a review mark (r), and
peak resident memory of the app process (VmHWM) and its children, the app's CPU while left idle
(--idle seconds), and `q` on the list to the process's exit.

Cold start (--cold): opening a folder that was never indexed, and searching it at once.

    python benchmarks/app_bench.py --cold CORPUS [--query WORD] [--runs N] [--quit-keys q,ctrl+q]
        [--baseline DIR]

Each run gets fresh, empty settings, data and cache folders (so no index at all; the app puts
its index in its default place, the private cache folder), launches `broadsheet CORPUS` in a
pty of --size, and types `/` and the query at once. Measured from process start: the first
result rows for the query (the status line shows `12 results · by relevance`, possibly with
`· searching 480 of 2,226 articles so far`; 0 results does not count); the whole index built
(the status line's left part shows `2,226 articles · 2,226 files added`); and the peak of the
summed memory (PSS from /proc/PID/smaps_rollup, else VmRSS) of the app and all its descendants,
sampled every 0.2 s during the build. After each run, the same corpus is indexed by
`bare_whoosh.py` (stock Whoosh, two processes, same text analyser; a fresh index) as a whole
process, and Broadsheet's whole-index time is divided by it: the machine is shared, so the
ratio means more than either time. Then one more launch per --quit-keys entry quits during the
first build (at --quit-after seconds, or once "Indexing" shows if later): Escape (the focus is
in the search field) then `q`, or ctrl+q; timed from the key to the process's exit, to the
terminal's alternate screen being left, and to every process the app started having exited
(any still running after 5 s is named and killed); `--quit-only` does just these launches. The
corpus is listed before and after: the app must write nothing into it.

`--baseline DIR` makes it an A/B in one session: each round also launches the Broadsheet whose
`tui/` package is a copy in DIR (run with PYTHONPATH=DIR, byte-compiled first), alternating
which goes first, and the round's one bare Whoosh run serves both ratios. Figures are printed
per variant. On a shared machine compare the two within rounds, not with other sessions.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT))

from e2e_corpus import write_generated  # noqa: E402
from e2e_flows import READY  # noqa: E402
from e2e_harness import (  # noqa: E402
    KEYS,
    Isolation,
    PtyApp,
    broadsheet_exe,
    cmdline,
    descendants_of,
    kill_quietly,
    pid_alive,
    run_cli,
    strip_escapes,
)

FIRST_RESULTS = re.compile(r"all, newest first|\d[\d,]* results? · by ")
"""The status line once the first search has listed rows ("all, newest first" with no query)."""
LONG_WORD = "zqlongreport"
FRAME_GAP = 0.02
"""Seconds of silence that end one screen update (a frame arrives in chunks microseconds apart;
separate updates are further apart)."""
TARGETS = "targets: launch <= 1.5 s, key p95 <= 30 ms, open p95 <= 100 ms, memory <= 400 MB"


class TimedPty(PtyApp):
    """A PtyApp that also notes when each chunk of output arrived."""

    def __init__(self, argv: Sequence[str], env: dict[str, str], cols: int, rows: int) -> None:
        self.arrivals: list[tuple[float, int]] = []
        """(monotonic time, bytes so far) after each read from the pty."""
        self.changed = threading.Condition()
        self.started = time.monotonic()
        super().__init__(argv, env, cols, rows)

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                break
            if not chunk:
                break
            now = time.monotonic()
            with self._lock:
                self._buf += chunk
                self._last_output = now
                size = len(self._buf)
            with self.changed:
                self.arrivals.append((now, size))
                self.changed.notify_all()
        self._eof.set()
        with self.changed:
            self.changed.notify_all()

    def quiet(self, seconds: float, timeout: float = 60) -> None:
        """Wait until nothing has arrived for `seconds`."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while time.monotonic() < deadline:
                last = self.arrivals[-1][0] if self.arrivals else self.started
                left = seconds - (time.monotonic() - last)
                if left <= 0 or self._eof.is_set():
                    return
                self.changed.wait(left)

    def first_match(self, pattern: re.Pattern[str], timeout: float) -> float | None:
        """Seconds from start to the arrival that completed `pattern` on screen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self._eof.is_set():
            with self.changed:
                arrivals = list(self.arrivals)
            if arrivals and pattern.search(strip_escapes(self.output)):
                # the earliest chunk after which the output already matched
                data = self.output
                low, high = 0, len(arrivals) - 1
                while low < high:
                    mid = (low + high) // 2
                    if pattern.search(strip_escapes(data[: arrivals[mid][1]])):
                        high = mid
                    else:
                        low = mid + 1
                return arrivals[low][0] - self.started
            time.sleep(0.005)
        return None

    def press(self, key: str, quiet: float, first_wait: float = 2.0) -> Press | None:
        """Send one key; the redraw it caused, or None if nothing was drawn."""
        with self.changed:
            before = len(self.arrivals)
            offset = self.arrivals[-1][1] if self.arrivals else 0
        sent = time.monotonic()
        self.send(KEYS.get(key, key))
        with self.changed:
            if not self.changed.wait_for(lambda: len(self.arrivals) > before, first_wait):
                return None
        self.quiet(quiet)
        with self.changed:
            burst = self.arrivals[before:]
        frame_end = burst[0][0]
        for at, _ in burst[1:]:
            if at - frame_end >= FRAME_GAP:
                break
            frame_end = at
        return Press(
            burst[0][0] - sent, frame_end - sent, burst[-1][0] - sent, burst[-1][1] - offset
        )

    def peak_rss_mb(self) -> tuple[float, float]:
        """Peak resident memory of the app (VmHWM) and the current total of its children."""
        return vm_kb(self.pid, "VmHWM") / 1024, sum(
            vm_kb(kid, "VmRSS") for kid in descendants_of(self.pid)
        ) / 1024


def vm_kb(pid: int, name: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Press:
    first: float
    """Seconds from writing the key to the first byte of the redraw."""
    done: float
    """Seconds from writing the key to the end of the first screen update."""
    settled: float
    """Seconds from writing the key to the end of everything it set off (see --quiet)."""
    size: int


@dataclass
class Table:
    rows: list[str] = field(default_factory=list)

    def add(self, name: str, presses: Sequence[Press | None]) -> list[Press]:
        drawn = [p for p in presses if p is not None]
        if not drawn:
            self.rows.append(f"  {name:<30} (nothing redrawn)")
            return drawn
        done = sorted(p.done for p in drawn)
        first = sorted(p.first for p in drawn)
        settled = sorted(p.settled for p in drawn)
        note = f"  ({len(presses) - len(drawn)} drew nothing)" if len(drawn) < len(presses) else ""
        self.rows.append(
            f"  {name:<30} {len(drawn):>4} {ms(pct(done, 50))} {ms(pct(done, 95))} "
            f"{ms(done[-1])} {ms(pct(first, 50))} {ms(pct(settled, 50))} "
            f"{statistics.median(p.size for p in drawn):>8.0f}" + note
        )
        return drawn

    def line(self, text: str) -> None:
        self.rows.append(f"  {text}")

    def show(self, title: str) -> None:
        print(f"\n{title}")
        print(
            f"  {'key to updated screen':<30} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} "
            f"{'1st byte':>8} {'settled':>8} {'bytes':>8}"
        )
        print("\n".join(self.rows))
        sys.stdout.flush()


def pct(sorted_values: Sequence[float], p: int) -> float:
    """Nearest-rank percentile of sorted values."""
    rank = max(1, -(-p * len(sorted_values) // 100))
    return sorted_values[rank - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def default_corpus() -> tuple[Path, Path | None]:
    bench = Path(os.environ.get("BROADSHEET_BENCH_DIR", "/work/bench"))
    for name in ("big", "mid"):
        corpus = bench / name
        if corpus.is_dir():
            index = bench / f"{name}-index"
            return corpus, index if index.is_dir() else None
    print(
        f"no large corpus in {bench} (make one with benchmarks/make_big_corpus.py); "
        "using the bundled sample"
    )
    return ROOT / "corpus", None


def app_argv(corpus: Path, index_dir: Path) -> list[str]:
    return [broadsheet_exe(), str(corpus), "--index-dir", str(index_dir)]


def needs_rebuild(corpus: Path, index_dir: Path) -> str | None:
    """Why the index would be rebuilt from scratch (engine or format changed), if it would."""
    from tui.search import open_engine

    engine = open_engine(corpus, index_dir=index_dir, engine=None, readonly=True)
    try:
        if not index_dir.exists():
            return None  # a new index: building it is what was asked
        return engine.layout.inspect(engine.fingerprint).rebuild
    finally:
        engine.close()


def bring_index_up_to_date(iso: Isolation, corpus: Path, index_dir: Path) -> None:
    started = time.monotonic()
    out = run_cli(iso, "index", str(corpus), "--index-dir", str(index_dir), timeout=7200)
    took = time.monotonic() - started
    said = " ".join(out.stdout.decode("utf-8", "replace").split())
    if out.returncode != 0:
        err = out.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        print(f"`broadsheet index` exited {out.returncode} after {took:.1f}s: {err[0]}")
    else:
        print(f"`broadsheet index` took {took:.1f}s: {said[-160:]}")


def launch(
    argv: list[str], env: dict[str, str], size: tuple[int, int]
) -> tuple[TimedPty, float | None, float | None]:
    app = TimedPty(argv, env, *size)
    first = app.first_match(FIRST_RESULTS, timeout=120)
    ready = app.first_match(READY, timeout=600)
    return app, first, ready


def measure_launches(
    argv: list[str], env: dict[str, str], size: tuple[int, int], count: int, table: Table
) -> TimedPty:
    """Launch `count` times (the last app is kept running); launch figures into `table`."""
    firsts: list[float] = []
    readies: list[float] = []
    app: TimedPty | None = None
    for n in range(count):
        app, first, ready = launch(argv, env, size)
        if first is None or ready is None:
            print(strip_escapes(app.output[-2000:]))
            app.close()
            raise SystemExit("the app did not come up")
        firsts.append(first)
        readies.append(ready)
        if n < count - 1:
            app.quiet(0.3)
            app.send("q")
            app.proc.wait(30)
            app.close()
    assert app is not None
    firsts.sort()
    readies.sort()
    table.line(
        f"launch to first results screen: median {ms(statistics.median(firsts))} ms, "
        f"max {ms(firsts[-1])} ms (n={count})"
    )
    table.line(
        f"launch to start-up index check done: median {ms(statistics.median(readies))} ms, "
        f"max {ms(readies[-1])} ms"
    )
    return app


def idle_then_quit(app: TimedPty, seconds: float, table: Table) -> None:
    """The app's own CPU while nobody touches it for `seconds` (after the keys above), then
    `q` on the list to the process's exit: an app left open all day must cost nothing, and a
    big corpus must not make quitting slow."""
    app.quiet(1.0)
    before = process_cpu(app.proc.pid)
    time.sleep(seconds)
    after = process_cpu(app.proc.pid)
    if before is not None and after is not None:
        table.line(f"idle {seconds:.0f} s: app process CPU {100 * (after - before) / seconds:.1f}%")
    started = time.monotonic()
    app.send("q")
    try:
        app.proc.wait(30)
        table.line(f"quit (q on the list) to exit: {ms(time.monotonic() - started)} ms")
    except subprocess.TimeoutExpired:
        table.line("quit (q on the list): still running after 30 s")


def list_and_reader(app: TimedPty, presses: int, opens: int, quiet: float, table: Table) -> None:
    app.quiet(1.0)
    table.add("list j", [app.press("j", quiet) for _ in range(presses)])
    table.add("list k", [app.press("k", quiet) for _ in range(presses)])
    table.add("list PageDown", [app.press("PageDown", quiet) for _ in range(presses // 2)])
    table.add("list PageUp", [app.press("PageUp", quiet) for _ in range(presses // 2)])
    # the ends of a long list: the last page is fetched, so wait for it (a longer quiet)
    table.add("list G then g (page loaded)", [app.press(k, 0.5) for k in ("G", "g") * 3])
    app.quiet(0.5)

    opened: list[Press | None] = []
    for _ in range(opens):
        app.press("j", 0.03)  # within the 0.2 s preview delay: Enter does the opening
        opened.append(app.press("Enter", 0.15, first_wait=10))
        app.press("Escape", 0.1)
        app.quiet(0.3)
    table.add("open article (Enter)", opened)
    app.press("Enter", 0.3)  # the last one again (already shown: focus only)
    app.quiet(0.3)
    table.add("reader j (scroll)", [app.press("j", quiet) for _ in range(presses)])
    table.add("reader k (scroll)", [app.press("k", quiet) for _ in range(presses)])
    app.press("Escape", 0.3)
    app.quiet(0.3)
    # a review mark: written to SQLite on the UI thread; its toast leaves 1.5 s later
    marks = []
    for _ in range(6):
        marks.append(app.press("r", quiet))
        app.quiet(2.5)
    table.add("review mark r (list)", marks)


def long_article_session(
    iso: Isolation, root: Path, size: tuple[int, int], presses: int, quiet: float, pages: int
) -> None:
    corpus = root / "long-corpus"
    write_generated(corpus, 40)
    paragraph = (
        "The harbour board met again on Tuesday to discuss the state of the eastern quay, "
        "where cracks have appeared in the sea wall, said Amelia Carver, the board's engineer. "
        '"We will need to close two berths for the winter," Carver said. '
    )
    # about 60 lines of 80 columns a page
    body = "\n\n".join(f"{n}. {paragraph}" for n in range(pages * 16))
    (corpus / "long-report.txt").write_text(
        f"A very long report {LONG_WORD}\n\n{body}\n", encoding="utf-8"
    )
    index_dir = root / "long-index"
    bring_index_up_to_date(iso, corpus, index_dir)
    table = Table()
    app = TimedPty(app_argv(corpus, index_dir), iso.env(), *size)
    try:
        if app.first_match(READY, timeout=120) is None:
            raise SystemExit("the app did not come up")
        app.quiet(0.5)
        app.press("/", 0.2)  # waits for the search field to take the focus
        app.send(LONG_WORD)
        app.first_match(re.compile(r"\b1 results? · by "), timeout=30)
        app.quiet(0.3)
        app.press("Enter", 0.3)  # to the list
        opened = table.add("open the long article", [app.press("Enter", 0.15, first_wait=10)])
        app.quiet(0.5)
        table.add("reader j (scroll)", [app.press("j", quiet) for _ in range(presses)])
        table.add("reader k (scroll)", [app.press("k", quiet) for _ in range(presses)])
        table.add("reader PageDown", [app.press("PageDown", quiet) for _ in range(presses)])
        table.add("reader G / g", [app.press(k, quiet) for k in ("G", "g") * 5])
        table.add("reader ] (next quote)", [app.press("]", quiet) for _ in range(presses)])
        peak, children = app.peak_rss_mb()
        table.line(f"peak RSS {peak:.0f} MB (children now {children:.0f} MB)")
        app.send("Q")  # from the reader (q goes back to the list)
        app.proc.wait(30)
    finally:
        app.close()
    words = len(body.split())
    table.show(
        f"long article: {pages} pages ({words:,} words), {size[0]}x{size[1]}"
        + ("" if opened else " — did not open")
    )


# -- cold start: a folder never indexed ---------------------------------------------------------

COLD_RESULTS = re.compile(r"(?<![\d,])[1-9][\d,]* results? · ")
"""The status line once rows for the typed query are listed (0 results does not count)."""
INDEX_DONE = re.compile(r"\d[\d,]* articles · (?:rebuilt \([^)]*\); )?\d[\d,]* files? added")
"""The status line's left part once the first index is committed: "2,226 articles · 2,226 files
added" (no "Indexing" or "Writing the index" any more)."""
COLD_TARGETS = (
    "targets: BBC first results <= 3 s, whole-index ratio <= 1.0; 20k first results <= 5 s; "
    "100k first results <= 10 s, ratio <= 0.8; memory <= 600 MB; quit <= 1 s"
)
FINAL_RESULTS = re.compile(
    r"(?:about )?\d[\d,]* results? · by \w+(?: · searching [\d,]+ of [\d,]+)?"
)
INDEXING = re.compile(r"Indexing [\d,]+/[\d,]+")
OVERLAP = 8192
"""Bytes of already-scanned output scanned again with new output (a status line split between
two reads still matches)."""
ALT_SCREEN_OFF = b"\x1b[?1049l"


class ScreenWatch(threading.Thread):
    """Notes when each pattern first appeared in the app's output, scanning only new output
    (rescanning the whole output every few milliseconds would take a core from the app)."""

    def __init__(
        self, app: TimedPty, patterns: dict[str, re.Pattern[str]], tails: dict[str, int]
    ) -> None:
        super().__init__(daemon=True)
        self.app = app
        self.patterns = patterns
        self.tails = tails
        """name -> characters after the match to keep with it."""
        self.found: dict[str, tuple[float, str]] = {}
        """name -> (seconds from process start, the text matched and what followed it)."""
        self.stop = threading.Event()
        self._checked = 0
        self._size = 0

    def run(self) -> None:
        while not self.stop.is_set() and len(self.found) < len(self.patterns):
            self.scan()
            if self.app._eof.is_set():
                self.scan()
                break
            time.sleep(0.05)

    def scan(self) -> None:
        app = self.app
        with app.changed:
            arrivals = app.arrivals[self._checked :]
        if not arrivals:
            return
        start = max(0, self._size - OVERLAP)
        data = app.since(start)[: arrivals[-1][1] - start]
        text = strip_escapes(data)
        for name, pattern in self.patterns.items():
            if name in self.found:
                continue
            m = pattern.search(text)
            if m is None:
                continue
            low, high = 0, len(arrivals) - 1  # the arrival that completed the match
            while low < high:
                mid = (low + high) // 2
                if pattern.search(strip_escapes(data[: arrivals[mid][1] - start])):
                    high = mid
                else:
                    low = mid + 1
            shown = " ".join(text[m.start() : m.end() + self.tails.get(name, 0)].split())
            self.found[name] = (arrivals[low][0] - app.started, shown)
        self._checked += len(arrivals)
        self._size = arrivals[-1][1]

    def at(self, name: str) -> float | None:
        got = self.found.get(name)
        return got[0] if got else None

    def wait(self, name: str, timeout: float) -> float | None:
        deadline = time.monotonic() + timeout
        while name not in self.found and time.monotonic() < deadline and self.is_alive():
            time.sleep(0.05)
        return self.at(name)


def pss_kb(pid: int) -> int:
    """Proportional set size of a process (shared pages split between their users), or its
    resident size where the kernel has no smaps_rollup; 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return vm_kb(pid, "VmRSS")


class MemorySampler(threading.Thread):
    """Every `every` seconds: the memory of a process and all its descendants, summed."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.every = every
        self.peak_mb = 0.0
        self.peak_procs = 0
        self.seen: set[int] = set()
        """Every descendant seen (workers), to check none outlives the app."""
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            kids = descendants_of(self.pid)
            self.seen.update(kids)
            total = sum(pss_kb(p) for p in (self.pid, *kids)) / 1024
            if total > self.peak_mb:
                self.peak_mb = total
            self.peak_procs = max(self.peak_procs, 1 + len(kids))
            self.stop.wait(self.every)


@dataclass
class ColdRun:
    first: float | None
    """Seconds from process start to the first result rows for the query."""
    first_text: str
    done: float | None
    """Seconds from process start to the whole index committed and shown."""
    done_text: str
    peak_mb: float
    procs: int
    final: str
    """The result count shown once the build was done and the screen settled."""
    cpu: float | None = None
    """CPU seconds of the app's own process (not its workers) from launch to the whole index:
    what the interface thread, searches and the early list take from the indexing workers."""
    bare: float | None = None
    """Seconds of the whole bare Whoosh process on the same corpus (same session)."""
    bare_inner: float | None = None
    """Its own timing (walk to commit, no interpreter start or imports)."""


@dataclass
class QuitRun:
    key: str
    at: float
    """Seconds after launch the key was sent."""
    status: str
    exited: float | None
    """Seconds from the quit key to the process having exited."""
    restored: float | None
    """Seconds from the quit key to the alternate screen being left."""
    gone: float
    """Seconds from the quit key to the app and every process it started having exited."""
    workers: int
    leftover: list[str]


STATUS = re.compile(
    r"(Indexing [\d,]+/[\d,]+|Writing the index[^…]*…|Opening…|\d[\d,]* articles · [^│\n]{0,40})"
)


def status_now(app: TimedPty) -> str:
    """The last index status the app drew (from the last 20 KB of output)."""
    text = strip_escapes(app.since(max(0, app.offset() - 20_000)))
    found = STATUS.findall(text)
    return " ".join(found[-1].split()) if found else "?"


def cold_run(
    corpus: Path,
    root: Path,
    query: str,
    size: tuple[int, int],
    timeout: float,
    extra_env: dict[str, str] | None = None,
) -> ColdRun:
    """Launch the app on a folder it has never indexed, typing `/QUERY` at once."""
    iso = Isolation(root)
    app = TimedPty([broadsheet_exe(), str(corpus)], iso.env(**(extra_env or {})), *size)
    app.send("/" + query)
    memory = MemorySampler(app.pid)
    memory.start()
    watch = ScreenWatch(app, {"first": COLD_RESULTS, "done": INDEX_DONE}, {"first": 50})
    watch.start()
    final_text = "?"
    try:
        watch.wait("done", timeout)
        cpu = process_cpu(app.pid)
        watch.wait("first", 5)  # should have come long before
        memory.stop.set()
        memory.join()
        if watch.at("done") is None:
            print(f"    the index was not done after {timeout:.0f}s:\n{app.describe()}")
        app.quiet(0.5, timeout=10)
        final = FINAL_RESULTS.findall(strip_escapes(app.since(max(0, app.offset() - 50_000))))
        final_text = " ".join(final[-1].split()) if final else "?"
        app.send(KEYS["Escape"])
        time.sleep(0.3)
        app.send("q")
        try:
            app.proc.wait(30)
        except Exception:
            print(f"    did not quit after the build:\n{app.describe()}")
    finally:
        watch.stop.set()
        memory.stop.set()
        app.close()
    first = watch.found.get("first", (None, ""))
    done = watch.found.get("done", (None, ""))
    return ColdRun(
        first[0], first[1], done[0], done[1], memory.peak_mb, memory.peak_procs, final_text, cpu
    )


def process_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) a process has used so far, its children not counted."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def quit_run(
    corpus: Path,
    root: Path,
    query: str,
    size: tuple[int, int],
    after: float,
    key: str,
    extra_env: dict[str, str] | None = None,
) -> QuitRun:
    """Launch cold, type `/QUERY`, and quit `after` seconds later (Escape then q, or ctrl+q),
    or later, once the status line says "Indexing", if it did not yet (a slow start)."""
    iso = Isolation(root)
    app = TimedPty([broadsheet_exe(), str(corpus)], iso.env(**(extra_env or {})), *size)
    app.send("/" + query)
    memory = MemorySampler(app.pid)
    memory.start()
    watch = ScreenWatch(app, {"indexing": INDEXING}, {})
    watch.start()
    try:
        time.sleep(max(0.0, app.started + after - 0.3 - time.monotonic()))
        watch.wait("indexing", 60)
        if key == "q":  # the focus is in the search field: Escape to the list, then q
            app.send(KEYS["Escape"])
        time.sleep(0.3)
        status = status_now(app)
        after = time.monotonic() - app.started
        offset = app.offset()
        sent = time.monotonic()
        app.send("q" if key == "q" else "\x11")
        exited: float | None
        try:
            app.proc.wait(60)
            exited = time.monotonic() - sent
        except Exception:
            exited = None
        memory.stop.set()
        memory.join()
        app._eof.wait(5)
        restored = None
        with app.changed:
            arrivals = list(app.arrivals)
        data = app.since(offset)
        at = data.find(ALT_SCREEN_OFF)
        if at >= 0:
            restored = next(t for t, n in arrivals if n >= offset + at + len(ALT_SCREEN_OFF))
            restored -= sent
        deadline = time.monotonic() + 5  # workers may take a moment to see their pipe close
        while time.monotonic() < deadline and any(pid_alive(p) for p in memory.seen):
            time.sleep(0.02)
        gone = time.monotonic() - sent
        leftover = []
        for pid in sorted(memory.seen):
            if pid_alive(pid):
                leftover.append(f"{pid} {cmdline(pid)[:80]}")
                kill_quietly(pid)  # started by the app this benchmark launched
    finally:
        memory.stop.set()
        watch.stop.set()
        app.close()
    return QuitRun(key, after, status, exited, restored, gone, len(memory.seen), leftover)


def bare_run(corpus: Path, index_dir: Path) -> tuple[float, float | None]:
    """Seconds of the whole bare Whoosh process, and its own timing of the build."""
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, str(HERE / "bare_whoosh.py"), str(corpus), "--index-dir", str(index_dir)],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    took = time.monotonic() - started
    shutil.rmtree(index_dir, ignore_errors=True)
    if out.returncode != 0:
        print(f"    bare_whoosh.py exited {out.returncode}: {out.stderr.strip()[-300:]}")
        return took, None
    m = re.match(r"([\d.]+) s, (\d+) docs", out.stdout.strip())
    return took, float(m.group(1)) if m else None


def listing(corpus: Path) -> list[tuple[str, int, float]]:
    """Every file under the corpus with its size and mtime (the app must write nothing there)."""
    out = []
    for folder, _, names in os.walk(corpus):
        for name in names:
            path = os.path.join(folder, name)
            st = os.stat(path)
            out.append((path, st.st_size, st.st_mtime))
    return sorted(out)


def spread(values: Sequence[float | None], unit: str = "s", digits: int = 2) -> str:
    got = sorted(v for v in values if v is not None)
    if not got:
        return "none"
    missing = len(values) - len(got)
    note = f" ({missing} missing)" if missing else ""
    if len(got) < 5:
        shown = "min {} / median {} / max {}".format(
            *(f"{v:.{digits}f}" for v in (got[0], statistics.median(got), got[-1]))
        )
    else:
        shown = f"median {statistics.median(got):.{digits}f}, p95 {pct(got, 95):.{digits}f}"
    return f"{shown} {unit} (n={len(got)}){note}"


def cold_variants(args: argparse.Namespace) -> list[tuple[str, dict[str, str]]]:
    """The Broadsheets to launch: this one, and with --baseline the copy of `tui/` in DIR."""
    variants: list[tuple[str, dict[str, str]]] = [("this", {})]
    if args.baseline is not None:
        base = args.baseline.resolve()
        if not (base / "tui" / "__init__.py").is_file():
            raise SystemExit(f"--baseline {base}: no tui/ package there")
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(base / "tui")], check=False)
        variants.append(("baseline", {"PYTHONPATH": str(base)}))
    return variants


def cold_main(args: argparse.Namespace, size: tuple[int, int]) -> int:
    corpus: Path = args.corpus.resolve()
    before = listing(corpus)
    variants = cold_variants(args)
    print(
        f"cold start: {corpus} ({len(before):,} files), query {args.query!r}, "
        f"{size[0]}x{size[1]}, {args.runs} runs, {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.2f}"
        + (f"; interleaved with the baseline {args.baseline}" if len(variants) > 1 else "")
    )
    print(COLD_TARGETS)
    runs: dict[str, list[ColdRun]] = {label: [] for label, _ in variants}
    quits: dict[str, list[QuitRun]] = {label: [] for label, _ in variants}
    with tempfile.TemporaryDirectory(prefix="broadsheet-coldbench-") as tmp:
        root = Path(tmp)
        for n in range(args.runs):
            # Alternate which variant goes first, so neither always meets the same neighbours.
            order = variants[n % len(variants) :] + variants[: n % len(variants)]
            this_round: list[tuple[str, ColdRun]] = []
            if not args.quit_only:
                for label, env in order:
                    run = cold_run(corpus, root / f"cold-{n}", args.query, size, args.timeout, env)
                    shutil.rmtree(root / f"cold-{n}", ignore_errors=True)
                    runs[label].append(run)
                    this_round.append((label, run))
                bare: tuple[float | None, float | None] = (None, None)
                if not args.no_bare:
                    bare = bare_run(corpus, root / f"bare-{n}")
                for label, run in this_round:
                    run.bare, run.bare_inner = bare
                    ratio = f"{run.done / run.bare:.2f}" if run.done and run.bare else "?"
                    print(
                        f"  run {n + 1} {label}: first results {fmt(run.first)} s "
                        f"[{run.first_text}]; whole index {fmt(run.done)} s [{run.done_text}], "
                        f"then [{run.final}]; peak {run.peak_mb:.0f} MB over {run.procs} "
                        f"processes; app process CPU {fmt(run.cpu)} s; "
                        f"bare Whoosh {fmt(run.bare)} s (inside "
                        f"{fmt(run.bare_inner)} s); ratio {ratio}; load {os.getloadavg()[0]:.2f}"
                    )
            sys.stdout.flush()
            for label, env in order:
                for key in args.quit_keys.split(","):
                    q = quit_run(
                        corpus,
                        root / f"quit-{n}-{key}",
                        args.query,
                        size,
                        args.quit_after,
                        key,
                        env,
                    )
                    shutil.rmtree(root / f"quit-{n}-{key}", ignore_errors=True)
                    quits[label].append(q)
                    print(
                        f"  quit {label} ({key}) at {q.at:.1f}s while [{q.status}]: exited after "
                        f"{fmt(q.exited, 3)} s, screen restored after {fmt(q.restored, 3)} s, "
                        f"all {q.workers} child processes gone after {q.gone:.3f} s"
                        + (f"; LEFT RUNNING: {q.leftover}" if q.leftover else "")
                    )
                    sys.stdout.flush()
    after = listing(corpus)
    for label, _ in variants:
        cold_summary(args, corpus, label if len(variants) > 1 else "", runs[label], quits[label])
    print(f"  {COLD_TARGETS}")
    if after != before:
        print(f"  THE CORPUS CHANGED: {len(before)} files before, {len(after)} after")
    return 0


def cold_summary(
    args: argparse.Namespace,
    corpus: Path,
    label: str,
    runs: list[ColdRun],
    quits: list[QuitRun],
) -> None:
    name = f"{corpus.name} ({label})" if label else corpus.name
    print(f"\n{name}: cold start, query {args.query!r} ({len(runs)} runs)")
    print(f"  first results         {spread([r.first for r in runs])}")
    print(f"  whole index           {spread([r.done for r in runs])}")
    print(f"  peak memory (PSS sum) {spread([r.peak_mb for r in runs], 'MB', 0)}")
    print(f"  app process CPU       {spread([r.cpu for r in runs])}")
    for key in args.quit_keys.split(","):
        times = [q.exited for q in quits if q.key == key]
        print(f"  quit ({key}) to exit{' ' * (11 - len(key))}{spread(times, 's', 3)}")
        times = [q.restored for q in quits if q.key == key]
        print(f"  quit ({key}) to screen{' ' * (9 - len(key))}{spread(times, 's', 3)}")
        times = [q.gone for q in quits if q.key == key]
        print(f"  quit ({key}) to no child{' ' * (8 - len(key))}{spread(times, 's', 3)}")
    if not args.no_bare:
        print(f"  bare Whoosh process   {spread([r.bare for r in runs])}")
        print(f"  bare Whoosh (inside)  {spread([r.bare_inner for r in runs])}")
        pairs = [r.done / r.bare for r in runs if r.done and r.bare]
        inner = [r.done / r.bare_inner for r in runs if r.done and r.bare_inner]
        print(f"  ratio Broadsheet whole index / bare Whoosh process: {spread(pairs, '')}")
        print(f"  ratio Broadsheet whole index / bare Whoosh inside:  {spread(inner, '')}")


def fmt(value: float | None, digits: int = 2) -> str:
    return "?" if value is None else f"{value:.{digits}f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", help="corpus folder (see above)")
    parser.add_argument("--index-dir", type=Path, help="its index (default: beside it, or new)")
    parser.add_argument("--size", default="120x40", help="terminal COLSxROWS (default 120x40)")
    parser.add_argument("--presses", type=int, default=30, help="presses per key (default 30)")
    parser.add_argument("--opens", type=int, default=20, help="articles opened (default 20)")
    parser.add_argument("--launches", type=int, default=3, help="launches timed (default 3)")
    parser.add_argument("--pages", type=int, default=50, help="pages in the long article")
    parser.add_argument(
        "--quiet",
        type=float,
        default=0.1,
        help="idle seconds that end one redraw (below the 0.2 s preview delay; default 0.1)",
    )
    parser.add_argument("--skip-index", action="store_true", help="trust the index as it is")
    parser.add_argument(
        "--idle", type=float, default=10, help="seconds of idle CPU measured before quitting"
    )
    parser.add_argument(
        "--allow-rebuild",
        action="store_true",
        help="go on when the index must be rebuilt from scratch (an hour for 100,000 articles; "
        "by default the benchmark stops rather than rebuild a shared index)",
    )
    cold = parser.add_argument_group("cold start (--cold): a folder never indexed")
    cold.add_argument("--cold", action="store_true", help="time a first launch (see above)")
    cold.add_argument("--query", default="election", help="word typed at launch (election)")
    cold.add_argument("--runs", type=int, default=3, help="cold launches (default 3)")
    cold.add_argument(
        "--quit-after",
        type=float,
        default=2.0,
        help="seconds before quitting (2; later if not yet indexing)",
    )
    cold.add_argument(
        "--quit-keys", default="q", help="q (Escape first), ctrl+q, or both: q,ctrl+q"
    )
    cold.add_argument("--timeout", type=float, default=900, help="seconds a build may take")
    cold.add_argument("--no-bare", action="store_true", help="skip the bare Whoosh baseline")
    cold.add_argument("--quit-only", action="store_true", help="only the quit launches")
    cold.add_argument(
        "--baseline",
        type=Path,
        metavar="DIR",
        help="also launch, interleaved, the copy of tui/ in DIR (PYTHONPATH=DIR): an A/B of "
        "a change in one session (the bare Whoosh run of each round serves both)",
    )
    args = parser.parse_args()
    cols, rows = (int(x) for x in args.size.lower().split("x"))
    size = (cols, rows)
    if args.cold:
        if args.corpus is None:
            parser.error("--cold needs a CORPUS")
        return cold_main(args, size)
    if args.corpus is not None:
        corpus, index_dir = args.corpus.resolve(), args.index_dir
    else:
        corpus, index_dir = default_corpus()
        index_dir = args.index_dir or index_dir

    with tempfile.TemporaryDirectory(prefix="broadsheet-appbench-") as tmp:
        root = Path(tmp)
        iso = Isolation(root / "iso")
        if index_dir is None:
            index_dir = root / "index"
            print(f"no index given: building one in {index_dir} (a large corpus takes long)")
        print(f"corpus {corpus}, index {index_dir}, {os.cpu_count()} cores; {TARGETS}")
        reason = needs_rebuild(corpus, index_dir)
        if reason and not args.allow_rebuild:
            print(f"the index would be rebuilt ({reason}); rerun with --allow-rebuild")
            return 1
        if not args.skip_index:
            bring_index_up_to_date(iso, corpus, index_dir)

        table = Table()
        app = measure_launches(app_argv(corpus, index_dir), iso.env(), size, args.launches, table)
        try:
            list_and_reader(app, args.presses, args.opens, args.quiet, table)
            peak, children = app.peak_rss_mb()
            table.line(f"peak RSS {peak:.0f} MB (children now {children:.0f} MB)")
            idle_then_quit(app, args.idle, table)
        finally:
            app.close()
        articles = re.findall(r"(\d[\d,]*) articles", strip_escapes(app.output))
        table.show(
            f"{corpus.name}: {articles[-1] if articles else '?'} articles, {cols}x{rows}, "
            f"redraw ends after {args.quiet * 1000:.0f} ms quiet"
        )
        long_article_session(iso, root, size, args.presses, args.quiet, args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
