"""Words per second of the rules engine on the BBC corpus (one core, median of three runs).

    python benchmarks/nlp_speed.py            # all 2,225 BBC articles
    python benchmarks/nlp_speed.py --limit 200
    python benchmarks/nlp_speed.py --dense    # also: a 1 MB line of tiny quotes
    python benchmarks/nlp_speed.py --engine spacy --limit 300
    python benchmarks/nlp_speed.py --limit 800 --baseline /tmp/before   # before -> after
    python benchmarks/nlp_speed.py --limit 800 --baseline-pure          # pure -> compiled

`--engine` (repeatable, default `rules`): `rules`, `spacy` (rules entities, spaCy's parse for
reported speech) or `spacy-ner` (spaCy's entities and parse); several engines are timed in
one sitting, one after the other, so their figures compare. The spaCy model is loaded before
timing starts, like the gazetteers.

Each file's first line is its title: it is passed as `title=` and not counted, the rest is the
body text that is annotated and whose words (whitespace-separated) are counted, as the indexer
would see an article. Gazetteers are loaded before timing starts (a once-per-process cost,
reported separately). Time is this process's CPU time (`time.process_time`), so the figure
is one core's throughput even when other work shares the machine; wall time is printed beside
it.

The engine remembers what it worked out about each distinct name (a corpus keeps coming back
to "Mr Blair"), so reading the same articles again is quicker than reading them the first time.
Two figures are printed: "new text", each run starting with the engine's caches emptied (every
article is new to it, as in a first index: the figure to plan by), and "seen before", runs over
articles the engine has just read (the ceiling that a large corpus, repeating its names,
approaches).

`--baseline DIR` compares the rules engine of another copy of the project (DIR holds its
`tui` package: a copy made before a change) with this one, in one process: the two are loaded
side by side and their runs interleaved, new text first, so that both meet the same load on a
shared machine. It prints each one's median and the median of the paired ratios (before's
time over after's: above 1 means this copy is quicker), which moves far less from one sitting
to the next than figures from separate processes.

`--baseline-pure` runs the baseline as pure Python (as `BROADSHEET_PURE_PYTHON=1` would): with
no `--baseline`, it is this copy, so the figures say what compiling the engine with mypyc
(`hatch_build.py`) gives. Each copy's first line says whether it runs compiled.

`--dense` also times `find_quotes` on the worst page we know of: a megabyte on one line of
125,000 tiny quotes ('"a b c" "a b c" ...'), each of which must be read and kept. Prints figures
only; the test suite never asserts on time.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "data" / "bbc"

sys.path.insert(0, str(ROOT))

from tui.nlp.entities import find_entities  # noqa: E402
from tui.nlp.gazetteer import gazetteer  # noqa: E402
from tui.nlp.quotes import find_quotes  # noqa: E402
from tui.nlp.rules import RulesExtractor, clear_caches  # noqa: E402

if TYPE_CHECKING:
    from tui.nlp import Extractor


def make_extractor(engine: str) -> Extractor:
    """The engine to time, with its model loaded (once per process, not timed)."""
    if engine == "rules":
        return RulesExtractor()
    from tui.nlp.spacy_engine import SpacyExtractor

    return SpacyExtractor(ner=engine == "spacy-ner")


DENSE = ('"a b c" ' * 125_000)[:1_000_000]


def load(limit: int | None) -> list[tuple[str, str]]:
    """(title, body) pairs; a file that is not UTF-8 is read as Latin-1, as ingest would."""
    out = []
    for path in sorted(BBC.glob("*/*.txt"))[:limit]:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        title, _, body = text.partition("\n")
        out.append((title.strip(), body.lstrip("\n")))
    return out


def rate(
    articles: list[tuple[str, str]], run: Callable[[str, str], object], cold: bool
) -> tuple[float, float]:
    """Words per CPU second and per wall second, each the median of three runs; `cold` empties
    the engine's caches before each run."""
    words = sum(len(body.split()) for _, body in articles)
    cpu, wall = [], []
    for _ in range(3):
        if cold:
            clear_caches()
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        for title, body in articles:
            run(body, title)
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started_wall)
    return words / statistics.median(cpu), words / statistics.median(wall)


def report(name: str, articles: list[tuple[str, str]], run: Callable[[str, str], object]) -> None:
    """One line: words per second on new text and on text seen before (CPU, then wall)."""
    cpu_new, wall_new = rate(articles, run, cold=True)
    cpu_seen, wall_seen = rate(articles, run, cold=False)
    print(
        f"{name:24s} {cpu_new:>9,.0f} words/s new text, {cpu_seen:>9,.0f} seen before"
        f" (wall: {wall_new:,.0f} / {wall_seen:,.0f})"
    )


class Engines(NamedTuple):
    """One copy of the project's rules engine: what `compare` times."""

    find_entities: Callable[..., object]
    annotate: Callable[..., object]
    clear_caches: Callable[[], None]


def load_copy(root: Path, pure: bool = False) -> Engines:
    """The rules engine of the copy of the project at `root`, loaded beside this one.

    Its `tui` modules are imported afresh and then put aside, and this copy's are put back:
    each function keeps the module it was defined in, so the two engines run side by side.
    `pure`: imported from their `.py` files, as `BROADSHEET_PURE_PYTHON=1` asks `tui.nlp.native`
    (whose finder is taken away again afterwards).
    """
    if not (root / "tui" / "nlp" / "rules.py").is_file():
        raise SystemExit(f"--baseline: no tui/nlp/rules.py under {root}")
    ours = {k: v for k, v in sys.modules.items() if k == "tui" or k.startswith("tui.")}
    for name in ours:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    finders, asked = list(sys.meta_path), os.environ.get("BROADSHEET_PURE_PYTHON")
    if pure:
        os.environ["BROADSHEET_PURE_PYTHON"] = "1"
    try:
        rules = importlib.import_module("tui.nlp.rules")
        print(f"before: {root} ({kind(rules)})")
        entities = importlib.import_module("tui.nlp.entities")
        importlib.import_module("tui.nlp.gazetteer").gazetteer()
        engines = Engines(
            entities.find_entities, rules.RulesExtractor().annotate, rules.clear_caches
        )
    finally:
        sys.meta_path[:] = finders
        if asked is None:
            os.environ.pop("BROADSHEET_PURE_PYTHON", None)
        else:
            os.environ["BROADSHEET_PURE_PYTHON"] = asked
        sys.path.remove(str(root))
        for name in [k for k in sys.modules if k == "tui" or k.startswith("tui.")]:
            del sys.modules[name]
        sys.modules.update(ours)
    return engines


def kind(module: ModuleType) -> str:
    """Whether a module of the engine runs compiled (mypyc) or as pure Python."""
    return "pure Python" if (module.__file__ or "").endswith(".py") else "compiled"


def compare(articles: list[tuple[str, str]], before: Engines, after: Engines, rounds: int) -> None:
    """Interleaved runs on new text (caches emptied before each) of two copies of the engine."""
    words = sum(len(body.split()) for _, body in articles)
    for label, pick in (
        ("find_entities", lambda e: e.find_entities),
        ("rules annotate", lambda e: e.annotate),
    ):
        times: dict[str, list[float]] = {"before": [], "after": []}
        for r in range(rounds):
            order = (("before", before), ("after", after))
            for name, engines in order if r % 2 == 0 else order[::-1]:
                engines.clear_caches()
                run = pick(engines)
                started = time.process_time()
                for title, body in articles:
                    run(body, title=title)
                times[name].append(time.process_time() - started)
        ratio = statistics.median(
            b / a for b, a in zip(times["before"], times["after"], strict=True)
        )
        print(
            f"{label + ':':24s} before {words / statistics.median(times['before']):>9,.0f}"
            f" words/s, after {words / statistics.median(times['after']):>9,.0f}"
            f" (new text, medians of {rounds}); paired time ratio before/after {ratio:.3f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--dense", action="store_true", help="also time a 1 MB page of quotes")
    parser.add_argument(
        "--engine",
        action="append",
        choices=("rules", "spacy", "spacy-ner"),
        help="engine to time (repeatable; default rules)",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="DIR",
        help="compare with the rules engine of the project copy at DIR, runs interleaved",
    )
    parser.add_argument(
        "--baseline-pure",
        action="store_true",
        help="run the baseline (this copy unless --baseline) as pure Python, not compiled",
    )
    parser.add_argument(
        "--rounds", type=int, default=6, help="interleaved runs of each copy (with --baseline)"
    )
    args = parser.parse_args(argv)
    if not BBC.is_dir():
        print(f"skipped: {BBC} is missing", file=sys.stderr)
        return 0
    articles = load(args.limit)
    words = sum(len(body.split()) for _, body in articles)
    started = time.perf_counter()
    gazetteer()
    print(f"gazetteer load: {time.perf_counter() - started:.2f} s (once per process)")
    print(f"{len(articles)} articles, {words:,} words (titles excluded)")
    if args.baseline is not None or args.baseline_pure:
        before = load_copy((args.baseline or ROOT).resolve(), pure=args.baseline_pure)
        print(f"after: {ROOT} ({kind(sys.modules['tui.nlp.rules'])})")
        after = Engines(find_entities, RulesExtractor().annotate, clear_caches)
        compare(articles, before, after, max(1, args.rounds))
        return 0
    engines = args.engine or ["rules"]
    if "rules" in engines:
        report("find_entities:", articles, lambda body, title: find_entities(body, title=title))
    for engine in engines:
        extractor = make_extractor(engine)
        report(
            f"{engine} annotate:",
            articles,
            lambda body, title, ex=extractor: ex.annotate(body, title=title),  # type: ignore[misc]
        )
    if args.dense:
        clear_caches()
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        found = find_quotes(DENSE, [])
        cpu_s, wall_s = time.process_time() - started_cpu, time.perf_counter() - started_wall
        print(f"find_quotes, 1 MB line of {len(found):,} tiny quotes: {cpu_s:.2f} s", end=" ")
        print(f"(wall: {wall_s:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
