"""Scale benchmark of the search engine: indexing, queries, reopening, one-file change, memory.

    python benchmarks/make_big_corpus.py /work/bench/big --articles 100000
    python benchmarks/search_bench.py /work/bench/big --index-dir /work/bench/big-index
    python benchmarks/search_bench.py /work/bench/10k --index-dir /tmp/ix-10k --only index

Prints a table of figures against the project's targets; it never fails on a missed target
(benchmarks are reports, not tests). Each measurement that needs a clean process (memory,
reopen time) runs in a fresh interpreter started by this script with `--phase`.

Phases:
  index    full rebuild (ingest + annotation + a Whoosh segment per worker process), with the
           peak memory of the whole process tree sampled from /proc (RSS and PSS) and the
           machine's load average before and after (the machine may be shared: compare
           figures taken at similar load)
  search   fixed realistic queries, first page of 20 hits with snippets: cold pass, then
           timed warm passes; peak RSS of the searching process
  reopen   a new process: import + open + first search; and open + update (nothing changed)
           + first search
  change   one file changed: update() (full walk) then search finds it; and the watcher path
           (update_paths)
  grep     `grep -ril` and `rg -il` over the corpus for the plain-word queries
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

QUERIES: list[tuple[str, str]] = [
    ("election", "relevance"),
    ("government plans", "relevance"),
    ('"prime minister"', "relevance"),
    ('"interest rates" bank', "relevance"),
    ("title:football", "relevance"),
    ("film OR cinema", "relevance"),
    ("economy NOT china", "relevance"),
    ("date:2019", "relevance"),
    ("oil date:[2018-01 to 2018-06]", "relevance"),
    ("market date:>2023", "relevance"),
    ('source:"Harbour Times" profits', "relevance"),
    ("author:okafor", "relevance"),
    ('person:"Tony Blair"', "relevance"),
    ("org:microsoft", "relevance"),
    ("goverment~", "relevance"),
    ("stadum~2", "relevance"),
    ("broadband*", "relevance"),
    ("music award", "relevance"),
    ("mobile phone technology", "relevance"),
    ("chelsea AND arsenal", "relevance"),
    ('"world cup" date:2020', "relevance"),
    ("speaker:brown", "relevance"),
    ("quote:confident", "relevance"),
    ("tag:sport", "relevance"),
    ("shares fell", "date"),
    ("budget", "date"),
]
GREP_TERMS = [
    "election",
    "government",
    "prime minister",
    "interest rates",
    "football",
    "cinema",
    "economy",
    "microsoft",
    "blair",
    "chelsea",
]
TARGETS = {
    "index_words_per_s": 150_000,
    "query_p50_ms": 60,
    "query_p95_ms": 150,
    "reopen_s": 1.5,
    "change_s": 3.0,
    "index_mem_mb": 600,
    "search_mem_mb": 300,
}


# --- memory of a process tree ------------------------------------------------------------


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                out.append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    return out


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(_children(p))
    return found


def _mem_kb(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


class TreeMemory:
    """Samples RSS and PSS summed over this process and all its descendants."""

    def __init__(self, every: float = 0.5) -> None:
        self.every = every
        self.peak_rss = self.peak_pss = 0
        self.peak_procs = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = _tree(os.getpid())
            rss = pss = 0
            for pid in pids:
                r, p = _mem_kb(pid)
                rss += r
                pss += p
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_procs = max(self.peak_procs, len(pids))
            self._stop.wait(self.every)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# --- phases (each prints one JSON object) ---------------------------------------------------


def phase_index(corpus: Path, index_dir: Path, workers: int | None) -> dict[str, Any]:
    from tui.search import open_engine

    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] > 30 or done == total:
            last[0] = now
            print(f"  {time.strftime('%H:%M:%S')} {done}/{total}", file=sys.stderr, flush=True)

    cpu0 = os.times()
    started = time.perf_counter()
    with TreeMemory() as mem:
        engine = open_engine(corpus, index_dir, "rules", workers=workers)
        summary = engine.update(progress=progress, rebuild=True)
        engine.close()
    seconds = time.perf_counter() - started
    cpu1 = os.times()
    cpu = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
    cpu += (cpu1.children_user - cpu0.children_user) + (cpu1.children_system - cpu0.children_system)
    return {
        "seconds": seconds,
        "articles": summary.articles,
        "files": summary.added,
        "skipped": len(summary.skipped),
        "cpu_seconds": cpu,
        "peak_rss_mb": mem.peak_rss / 1024,
        "peak_pss_mb": mem.peak_pss / 1024,
        "peak_procs": mem.peak_procs,
        "writer_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def phase_search(corpus: Path, index_dir: Path, rounds: int) -> dict[str, Any]:
    from tui.search import open_engine

    engine = open_engine(corpus, index_dir, None)
    cold: list[float] = []
    warm: list[float] = []
    per_query: dict[str, dict[str, Any]] = {}
    for q, sort in QUERIES:
        t = time.perf_counter()
        r = engine.search(q, limit=20, sort=sort)  # type: ignore[arg-type]
        cold.append((time.perf_counter() - t) * 1000)
        per_query[q] = {
            "total": r.total,
            "hits": len(r.hits),
            "error": bool(r.error),
            "cold_ms": cold[-1],
            "suggestion": r.suggestion,
        }
    page2: list[float] = []
    for _ in range(rounds):
        for q, sort in QUERIES:
            engine.forget_matches()  # time each search whole, not re-ordered from last round
            t = time.perf_counter()
            engine.search(q, limit=20, sort=sort)  # type: ignore[arg-type]
            ms = (time.perf_counter() - t) * 1000
            warm.append(ms)
            per_query[q].setdefault("warm_ms", []).append(ms)
            t = time.perf_counter()  # turning the page: the matches were kept
            engine.search(q, limit=20, page=2, sort=sort)  # type: ignore[arg-type]
            page2.append((time.perf_counter() - t) * 1000)
    article_ms = []
    hits = engine.search("election", limit=10).hits
    for hit in hits:
        t = time.perf_counter()
        engine.annotations(hit.id)
        article_ms.append((time.perf_counter() - t) * 1000)
    engine.close()
    return {
        "cold": cold,
        "warm": warm,
        "page2": page2,
        "per_query": per_query,
        "annotations_ms": article_ms,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def phase_reopen(corpus: Path, index_dir: Path, started: float) -> dict[str, Any]:
    """`started` is when the parent launched this process (includes interpreter start)."""
    t0 = time.perf_counter()
    from tui.search import open_engine

    engine = open_engine(corpus, index_dir, None)
    r = engine.search("election")
    first_search = time.time() - started
    opened_searchable = time.perf_counter() - t0
    t1 = time.perf_counter()
    summary = engine.update()
    update_s = time.perf_counter() - t1
    r = engine.search("government plans")
    engine.close()
    return {
        "process_to_first_results_s": first_search,
        "open_to_first_results_s": opened_searchable,
        "update_unchanged_s": update_s,
        "open_update_search_s": time.time() - started,
        "unchanged": summary.unchanged,
        "hits": len(r.hits),
    }


def phase_change(corpus: Path, index_dir: Path) -> dict[str, Any]:
    from tui.search import open_engine

    engine = open_engine(corpus, index_dir, None)
    target = next(p for p in sorted(corpus.rglob("*.md")))
    original = target.read_bytes()
    out: dict[str, Any] = {"file": str(target.relative_to(corpus))}
    try:
        target.write_bytes(original + b"\n\nxylophonebench quartzbench\n")
        t = time.perf_counter()
        summary = engine.update()
        found = engine.search("xylophonebench").total
        out["update_full_walk_s"] = time.perf_counter() - t
        out["updated"] = summary.updated
        out["found"] = found
        target.write_bytes(original + b"\n\nmarimbabench\n")
        t = time.perf_counter()
        engine.update_paths([target])
        found = engine.search("marimbabench").total
        out["update_paths_s"] = time.perf_counter() - t
        out["found_paths"] = found
    finally:
        target.write_bytes(original)
        engine.update_paths([target])
        engine.close()
    return out


def phase_grep(corpus: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for tool, argv in (("grep", ["grep", "-ril"]), ("rg", ["rg", "-il"])):
        if shutil.which(argv[0]) is None:
            out[tool] = None
            continue
        times = []
        for term in GREP_TERMS:
            t = time.perf_counter()
            subprocess.run(
                [*argv, term, str(corpus)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            times.append((time.perf_counter() - t) * 1000)
        out[tool] = times
    return out


# --- driver -------------------------------------------------------------------------------


def run_phase(name: str, args: argparse.Namespace, *extra: str) -> dict[str, Any]:
    cmd = [
        sys.executable,
        __file__,
        str(args.corpus),
        "--index-dir",
        str(args.index_dir),
        "--phase",
        name,
        *extra,
    ]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def corpus_words(corpus: Path) -> int:
    info = corpus / ".corpus-info.json"
    if info.is_file():
        return int(json.loads(info.read_text())["words"])
    from tui.ingest import discover, read_file

    words = 0
    for path in discover(corpus):
        for article in read_file(path, corpus).articles:
            words += len((article.title or "").split()) + len(article.text.split())
    info.write_text(json.dumps({"words": words}))
    return words


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def row(name: str, value: str, target: str = "", ok: bool | None = None) -> str:
    mark = "" if ok is None else ("yes" if ok else "NO")
    return f"| {name:<48} | {value:>16} | {target:>10} | {mark:>4} |"


def main() -> int:
    p = argparse.ArgumentParser(description="Search engine scale benchmark")
    p.add_argument("corpus", type=Path)
    p.add_argument("--index-dir", type=Path, default=None)
    p.add_argument("--workers", type=int, default=None)
    p.add_argument("--skip-index", action="store_true", help="reuse the existing index")
    p.add_argument(
        "--only",
        choices=("index",),
        default=None,
        help="run only this phase (index: the full build and its figures)",
    )
    p.add_argument("--rounds", type=int, default=3, help="warm passes over the queries")
    p.add_argument("--phase", default=None, help=argparse.SUPPRESS)
    p.add_argument("--started", type=float, default=0.0, help=argparse.SUPPRESS)
    args = p.parse_args()
    args.corpus = args.corpus.resolve()
    if args.index_dir is None:
        args.index_dir = args.corpus.parent / f"{args.corpus.name}-index"

    if args.phase:
        if args.phase == "index":
            result = phase_index(args.corpus, args.index_dir, args.workers)
        elif args.phase == "search":
            result = phase_search(args.corpus, args.index_dir, args.rounds)
        elif args.phase == "reopen":
            result = phase_reopen(args.corpus, args.index_dir, args.started)
        elif args.phase == "change":
            result = phase_change(args.corpus, args.index_dir)
        else:
            result = phase_grep(args.corpus)
        print(json.dumps(result))
        return 0

    print(f"corpus {args.corpus}, index {args.index_dir}, {os.cpu_count()} cores", file=sys.stderr)
    words = corpus_words(args.corpus)
    lines = [
        f"| {'measure':<48} | {'value':>16} | {'target':>10} | {'met':>4} |",
        f"|{'-' * 50}|{'-' * 17}:|{'-' * 11}:|{'-' * 5}:|",
    ]
    if not args.skip_index:
        print("indexing (full rebuild)...", file=sys.stderr)
        load_before = os.getloadavg()[0]
        ix = run_phase("index", args)
        load_after = os.getloadavg()[0]
        wps = words / ix["seconds"]
        lines += [
            row("articles indexed", f"{ix['articles']:,}"),
            row("files (skipped)", f"{ix['files']:,} ({ix['skipped']})"),
            row("words in corpus", f"{words:,}"),
            row("full index, wall time", f"{ix['seconds']:.0f} s"),
            row(
                "index throughput, words/s (end to end)",
                f"{wps:,.0f}",
                f"{TARGETS['index_words_per_s']:,}",
                wps >= TARGETS["index_words_per_s"],
            ),
            row("index throughput, articles/s", f"{ix['articles'] / ix['seconds']:.0f}"),
            row("CPU seconds, all processes", f"{ix['cpu_seconds']:.0f}"),
            row(
                "CPU ms per article, all processes",
                f"{ix['cpu_seconds'] / max(1, ix['articles']) * 1000:.1f}",
            ),
            row(
                "peak memory indexing, PSS all procs",
                f"{ix['peak_pss_mb']:.0f} MB",
                f"{TARGETS['index_mem_mb']} MB",
                ix["peak_pss_mb"] <= TARGETS["index_mem_mb"],
            ),
            row("peak memory indexing, RSS sum all procs", f"{ix['peak_rss_mb']:.0f} MB"),
            row("writer process max RSS", f"{ix['writer_maxrss_mb']:.0f} MB"),
            row("machine load (1 min) before / after", f"{load_before:.2f} / {load_after:.2f}"),
        ]
    if args.only == "index":
        print("\n".join(lines))
        return 0
    print("searching...", file=sys.stderr)
    se = run_phase("search", args, "--rounds", str(args.rounds))
    warm, cold = se["warm"], se["cold"]
    lines += [
        row(f"queries ({len(QUERIES)} fixed, 20 hits + snippets)", f"{len(warm)} timed"),
        row(
            "query p50, warm",
            f"{pct(warm, 50):.0f} ms",
            f"{TARGETS['query_p50_ms']} ms",
            pct(warm, 50) <= TARGETS["query_p50_ms"],
        ),
        row(
            "query p95, warm",
            f"{pct(warm, 95):.0f} ms",
            f"{TARGETS['query_p95_ms']} ms",
            pct(warm, 95) <= TARGETS["query_p95_ms"],
        ),
        row("query p50 / p95, first run (cold)", f"{pct(cold, 50):.0f} / {pct(cold, 95):.0f} ms"),
        row("query max, warm", f"{max(warm):.0f} ms"),
        row(
            "page 2 of the same query: p50 / p95",
            f"{pct(se['page2'], 50):.0f} / {pct(se['page2'], 95):.0f} ms",
        ),
        row("annotations(id), median", f"{statistics.median(se['annotations_ms']):.1f} ms"),
        row(
            "peak memory searching (RSS)",
            f"{se['maxrss_mb']:.0f} MB",
            f"{TARGETS['search_mem_mb']} MB",
            se["maxrss_mb"] <= TARGETS["search_mem_mb"],
        ),
    ]
    print("reopening...", file=sys.stderr)
    ro = run_phase("reopen", args, "--started", repr(time.time()))
    lines += [
        row(
            "reopen: process start to first results",
            f"{ro['process_to_first_results_s']:.2f} s",
            f"{TARGETS['reopen_s']} s",
            ro["process_to_first_results_s"] <= TARGETS["reopen_s"],
        ),
        row("reopen: open() to first results", f"{ro['open_to_first_results_s']:.2f} s"),
        row("reopen: update() with nothing changed", f"{ro['update_unchanged_s']:.2f} s"),
        row(
            "reopen: start + open + update + search",
            f"{ro['open_update_search_s']:.2f} s",
            f"{TARGETS['reopen_s']} s",
            ro["open_update_search_s"] <= TARGETS["reopen_s"],
        ),
    ]
    print("changing one file...", file=sys.stderr)
    ch = run_phase("change", args)
    lines += [
        row(
            "one file changed: update() + search",
            f"{ch['update_full_walk_s']:.2f} s",
            f"{TARGETS['change_s']} s",
            ch["update_full_walk_s"] <= TARGETS["change_s"] and ch["found"] == 1,
        ),
        row(
            "one file changed: update_paths() + search",
            f"{ch['update_paths_s']:.2f} s",
            f"{TARGETS['change_s']} s",
            ch["update_paths_s"] <= TARGETS["change_s"],
        ),
    ]
    print("grep / rg...", file=sys.stderr)
    gr = run_phase("grep", args)
    for tool in ("grep", "rg"):
        times = gr.get(tool)
        label = "grep -ril" if tool == "grep" else "rg -il"
        if times:
            lines.append(
                row(
                    f"{label}, {len(times)} terms: median / max",
                    f"{statistics.median(times):.0f} / {max(times):.0f} ms",
                )
            )
        else:
            lines.append(row(f"{label}", "not installed"))
    print("\n".join(lines))
    print("\nper query (warm median ms, total hits):")
    for q, info in se["per_query"].items():
        med = statistics.median(info.get("warm_ms", [info["cold_ms"]]))
        extra = f"  did you mean: {info['suggestion']}" if info.get("suggestion") else ""
        print(f"  {med:7.1f} ms  {info['total']:>7,}  {q}{extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
