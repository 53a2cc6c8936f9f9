"""Ingest throughput: articles/s and words/s over the BBC and BuzzFeed corpora.

Usage: python benchmarks/ingest_speed.py [DATA_DIR]   (default: ../shared/data)

Single process, median of three runs per corpus; each run is a full `read_corpus` (discover,
read, decode, parse, clean), the work the indexer does before NLP. Words are counted outside
the timed region. Prints figures only; nothing here asserts a speed (DESIGN.md: benchmarks are
scripts that print figures).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from tui.ingest import read_corpus

RUNS = 3


def measure(root: Path) -> tuple[int, int, int, float, float]:
    """(articles, words, problems, median wall seconds, median CPU seconds) over RUNS reads.

    CPU time is printed too because a shared machine's load moves wall time a lot."""
    times: list[float] = []
    cpu: list[float] = []
    articles = words = problems = 0
    for _ in range(RUNS):
        start, start_cpu = time.perf_counter(), time.process_time()
        results = list(read_corpus(root))
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        articles = sum(len(r.articles) for r in results)
        problems = sum(len(r.problems) for r in results)
        words = sum(len(a.text.split()) for r in results for a in r.articles)
    return articles, words, problems, statistics.median(times), statistics.median(cpu)


def main(argv: list[str]) -> int:
    data = (
        Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    corpora = {"bbc": data / "bbc", "buzzfeed": data / "buzzfeed"}
    missing = [str(p) for p in corpora.values() if not p.exists()]
    if missing:
        print(f"corpus not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    print(f"ingest speed, single process, median of {RUNS} runs")
    print(f"{'corpus':<10} {'articles':>9} {'words':>9} {'problems':>8} {'wall s':>7} "
          f"{'cpu s':>6} {'articles/s':>11} {'words/s':>10}")  # fmt: skip
    for name, root in corpora.items():
        articles, words, problems, seconds, cpu = measure(root)
        print(
            f"{name:<10} {articles:>9,} {words:>9,} {problems:>8} {seconds:>7.2f} {cpu:>6.2f} "
            f"{articles / seconds:>11,.0f} {words / seconds:>10,.0f}"
        )
    print("articles/s and words/s are per wall-clock second")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
