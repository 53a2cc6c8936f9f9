"""How fast `broadsheet search` answers as a whole process, next to `rg -il WORD | head -20`.

Why it exists: from a shell, the alternative to Broadsheet is grep. A search that takes longer
than ripgrep over the raw files (interpreter start, imports, checking the corpus for changes,
opening the index) loses that comparison however fast the query itself is. This times what a
user waits for, from fork to exit, in the same session for every contender (interleaved, so a
busy shared machine slows them alike), and checks that one query on one unchanged index reports
the same total every time.

    python benchmarks/cli_bench.py CORPUS --index-dir DIR [--query '"interest rates"'] [--runs 10]

The index is brought up to date first (`broadsheet index`, timed), and searched once untimed.
Then, round-robin, --runs times each: `broadsheet search CORPUS QUERY --index-dir DIR --limit 20`
(which checks the corpus for changes first: every file on a corpus quick to check, else folders
only between checks of every file), the same with `--check-every 0` (every file, every time)
and with `--no-update` (no check) when this `broadsheet` has those flags, and
`rg -il WORD CORPUS | head -20` in a shell (`grep -ril` where ripgrep is not installed). WORD is
the query without quotes ("interest rates"). `--grep` adds `grep -ril` too. `--baseline DIR`
adds the same two `broadsheet search` runs with `PYTHONPATH=DIR` (a copy of `tui/` from before a
change, byte-compiled first), for a before/after in one session. The settings, cache
and data folders are private to the run (the e2e suite's `Isolation`), so a user's own settings
change nothing. Prints median and p95 of each, the totals each Broadsheet variant reported
(the last line of its output: `20 of 7,517 results (11 ms)`) and the query time it printed.
It prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from e2e_harness import Isolation, broadsheet_exe  # noqa: E402

CPU: list[float] = []
STDERR: list[str] = []
"""What each `timed` run wrote on stderr (a search between two checks of every file says so)."""
"""User + system seconds of each `timed` run, children included: on a shared machine a busy
neighbour stretches the wall clock, much less the CPU a run needs."""
TOTAL = re.compile(r"(\d[\d,]*) of (about )?(\d[\d,]*) results? \((\d+) ms\)\s*$")


def pct(sorted_values: list[float], p: int) -> float:
    """Nearest-rank percentile of sorted values."""
    rank = max(1, -(-p * len(sorted_values) // 100))
    return sorted_values[rank - 1]


def timed(argv: list[str], env: dict[str, str], shell: bool = False) -> tuple[float, str, int]:
    """Seconds from start to exit, stdout, exit status (CPU seconds go to `CPU`)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = subprocess.run(
        argv if not shell else ["/bin/sh", "-c", argv[0]],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=600,
    )
    took = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    STDERR.append(out.stderr)
    return took, out.stdout, out.returncode


def search_flags(env: dict[str, str]) -> str:
    """`broadsheet search --help` of this environment, to time only the flags it has."""
    out = subprocess.run(
        [broadsheet_exe(), "search", "--help"], env=env, capture_output=True, text=True
    )
    return out.stdout


def has_no_update(env: dict[str, str]) -> bool:
    return "--no-update" in search_flags(env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder of articles")
    parser.add_argument("--index-dir", type=Path, help="its index (default: a temporary one)")
    parser.add_argument("--query", default='"interest rates"', help="the Broadsheet query")
    parser.add_argument("--word", help="what rg looks for (default: the query without quotes)")
    parser.add_argument("--runs", type=int, default=10, help="runs of each (default 10)")
    parser.add_argument("--grep", action="store_true", help="time grep -ril as well")
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="DIR",
        help="also time the searches with PYTHONPATH=DIR (a folder holding an older tui/)",
    )
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    word = args.word or args.query.replace('"', "")

    with tempfile.TemporaryDirectory(prefix="broadsheet-clibench-") as tmp:
        iso = Isolation(Path(tmp) / "iso")
        env = iso.env(term="dumb")
        index_dir = args.index_dir or Path(tmp) / "index"
        exe = broadsheet_exe()
        # The runs below do not write bytecode (the harness's environment): compile a tree
        # edited since its last run now, or every run would pay for compiling it.
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "tui")], check=False)
        took, out, code = timed([exe, "index", str(corpus), "--index-dir", str(index_dir)], env)
        said = " ".join(out.split())[-120:]
        print(f"`broadsheet index` (bring up to date) took {took:.2f}s, exit {code}: {said}")
        print(
            f"corpus {corpus}, index {index_dir}, {os.cpu_count()} cores, load "
            f"{os.getloadavg()[0]:.2f}; query {args.query!r}, rg word {word!r}"
        )

        search = [exe, "search", str(corpus), args.query, "--index-dir", str(index_dir)]
        search += ["--limit", "20"]
        Contender = tuple[list[str], bool, dict[str, str]]
        # One search first, untimed: the first after `index` may check every file (and
        # record that it did); the runs below time a warm, already-checked index.
        took, out, code = timed(search, env)
        print(f"first `broadsheet search` (warm-up, not counted) took {took:.2f}s, exit {code}")
        contenders: dict[str, Contender] = {"broadsheet search": (search, False, env)}
        if "--check-every" in search_flags(env):
            # Every file checked for changes made in place, at every search: what the default
            # costs on a corpus quick to check, and once a window on a large one.
            every = [*search, "--check-every", "0"]
            contenders["broadsheet search --check-every 0"] = (every, False, env)
        if has_no_update(env):
            contenders["broadsheet search --no-update"] = ([*search, "--no-update"], False, env)
        else:
            print("(this broadsheet has no `search --no-update`: not timed)")
        if args.baseline:
            base = args.baseline.resolve()
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(base)], check=False)
            base_env = {**env, "PYTHONPATH": str(base)}
            contenders["baseline search"] = (search, False, base_env)
            if has_no_update(base_env):
                contenders["baseline search --no-update"] = (
                    [*search, "--no-update"],
                    False,
                    base_env,
                )
        quoted = f"{shlex.quote(word)} {shlex.quote(str(corpus))}"
        if shutil.which("rg"):
            contenders["rg -il | head -20"] = ([f"rg -il {quoted} | head -20"], True, env)
        else:
            print("(ripgrep not installed: grep -ril instead)")
            args.grep = True
        if args.grep:
            contenders["grep -ril | head -20"] = ([f"grep -ril {quoted} | head -20"], True, env)

        times: dict[str, list[float]] = {name: [] for name in contenders}
        totals: dict[str, Counter[str]] = {name: Counter() for name in contenders}
        inner: dict[str, list[float]] = {name: [] for name in contenders}
        cpu: dict[str, list[float]] = {name: [] for name in contenders}
        failures: Counter[str] = Counter()
        unchecked: Counter[str] = Counter()
        for _ in range(args.runs):
            for name, (argv, shell, run_env) in contenders.items():
                took, out, code = timed(argv, run_env, shell)
                times[name].append(took)
                cpu[name].append(CPU[-1])
                if code != 0:
                    said = STDERR[-1].strip().splitlines()[-1:] or [""]
                    failures[f"{name}: exit {code}: {said[0][:160]}"] += 1
                if "may not be searched yet" in STDERR[-1]:
                    unchecked[name] += 1
                if shell:
                    totals[name][f"{len(out.splitlines())} files listed"] += 1
                    continue
                m = TOTAL.search(out)
                if m is None:
                    totals[name][f"no total line: {out.strip()[-80:]!r}"] += 1
                    continue
                totals[name][f"{m.group(1)} of {m.group(2) or ''}{m.group(3)}"] += 1
                inner[name].append(int(m.group(4)) / 1000)

    print(
        f"\n{'whole process, seconds':<36} {'n':>3} {'median':>8} {'p95':>8} {'min':>8} "
        f"{'cpu med':>8} {'cpu p95':>8}  reported"
    )
    for name, values in times.items():
        got = sorted(values)
        used = sorted(cpu[name])
        seen = ", ".join(f"{text} (x{n})" for text, n in totals[name].items())
        query_ms = ""
        if inner[name]:
            query_ms = f"; query itself median {statistics.median(inner[name]) * 1000:.0f} ms"
        print(
            f"{name:<36} {len(got):>3} {statistics.median(got):8.3f} {pct(got, 95):8.3f} "
            f"{got[0]:8.3f} {statistics.median(used):8.3f} {pct(used, 95):8.3f}  {seen}{query_ms}"
        )
    for name, values in totals.items():
        if not name.startswith(("broadsheet", "baseline")):
            continue
        if len(values) > 1:
            print(f"INCONSISTENT TOTALS from {name}: {dict(values)}")
    bs = [totals[n] for n in totals if n.startswith(("broadsheet", "baseline"))]
    if len({key for c in bs for key in c}) > 1:
        print(f"the Broadsheet variants disagree: {[dict(c) for c in bs]}")
    for name, n in unchecked.items():
        print(f"{name}: {n} of {args.runs} runs did not check every file (said so on stderr)")
    every = "broadsheet search --check-every 0"
    if unchecked.get("broadsheet search") == args.runs and every in times:
        # Each `--check-every 0` run that finds nothing changed starts the window again, so
        # the default never reaches its check here; a script's loop pays it every window.
        extra = statistics.median(times[every]) - statistics.median(times["broadsheet search"])
        print(
            "(the default's check of every file, which --check-every 0 runs put off here, "
            f"adds about {extra:.2f} s to one search a window in a script's loop)"
        )
    for text, n in failures.items():
        print(f"failed: {text} (x{n})")
    print(f"load after {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
