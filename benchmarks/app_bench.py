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
peak resident memory of the app process (VmHWM) and its children.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
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
    descendants_of,
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
        app.send("q")
        app.proc.wait(30)
    finally:
        app.close()
    words = len(body.split())
    table.show(
        f"long article: {pages} pages ({words:,} words), {size[0]}x{size[1]}"
        + ("" if opened else " — did not open")
    )


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
        "--allow-rebuild",
        action="store_true",
        help="go on when the index must be rebuilt from scratch (an hour for 100,000 articles; "
        "by default the benchmark stops rather than rebuild a shared index)",
    )
    args = parser.parse_args()
    cols, rows = (int(x) for x in args.size.lower().split("x"))
    size = (cols, rows)
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
            app.send("q")
            app.proc.wait(30)
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
