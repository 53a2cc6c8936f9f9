"""`broadsheet search CORPUS QUERY`: ranked hits with snippets, or one JSON object per hit."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from tui.commands import CommandError, freshness
from tui.commands.index import choose_engine, open_engine_for, run_update
from tui.commands.output import write_json_line

if TYPE_CHECKING:  # imported where used: Rich only for output to read, not for --json
    from rich.console import Console
    from rich.text import Text

    from tui.search.api import Hit, SearchResults

SEARCH_LOCK_WAIT = 5.0
"""Seconds `search` waits for another process's update before searching the index as it is."""


def positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return n


def hit_record(hit: Hit) -> dict[str, Any]:
    """The `search --json` contract of DESIGN.md for one hit."""
    return {
        "id": hit.id,
        "path": hit.path,
        "title": hit.title,
        "date": hit.date,
        "source": hit.source,
        "score": round(hit.score, 4),
        "snippet": hit.snippet,
    }


def snippet_text(hit: Hit) -> Text:
    """The snippet with matched words in bold; corpus text goes in as plain text, never markup."""
    from rich.text import Text

    from tui.ingest import safe_text

    clean = safe_text(hit.snippet)
    text = Text(clean)
    if clean == hit.snippet:  # marks are offsets into the snippet as given
        for mark in hit.snippet_marks:
            text.stylize("bold reverse", mark.start, mark.end)
    return text


def show(out: Console, results: SearchResults, offset: int) -> None:
    from rich.text import Text

    from tui.ingest import safe_text

    for n, hit in enumerate(results.hits, start=offset + 1):
        head = Text.assemble((f"{n}. ", "dim"), (safe_text(hit.title or hit.id), "bold"))
        meta = "  ·  ".join(safe_text(v) for v in (hit.date, hit.source) if v)
        out.print(head)
        out.print(Text(f"   {safe_text(hit.path)}" + (f"  ·  {meta}" if meta else ""), style="dim"))
        out.print(Text("   ").append_text(snippet_text(hit)))
        out.print()
    shown = len(results.hits)
    about = "" if results.total_exact else "about "
    line = f"{shown} of {about}{results.total:,} results ({results.elapsed_ms:.0f} ms)"
    out.print(Text(line, style="dim"))


def _light_whoosh() -> None:
    """Import Whoosh without two packages it names but never uses in a search: 40-50 ms of a
    whole search that takes 0.2-0.3 s, paid by every call of a script's loop.

    - Whoosh's reader takes one decorator from the `cached_property` package, which imports
      asyncio to support coroutines Whoosh never decorates. This process gives Whoosh the
      standard library's equivalent instead (it caches in the instance's `__dict__` the same way).
    - `whoosh.compat` takes `urlretrieve` from `urllib.request` (which pulls in http.client,
      email and ssl) and nothing in Whoosh calls it. While Whoosh imports, `urllib.request` is a
      stand-in whose `urlretrieve` loads the real module if ever called; the stand-in is removed
      at once, so anything imported later gets the real module.

    Only here, only before Whoosh is first imported: the app and the indexing workers are left
    as they are."""
    if "whoosh" in sys.modules:
        return
    import functools
    import types

    if "cached_property" not in sys.modules:
        cached = types.ModuleType("cached_property", "functools.cached_property, for Whoosh")
        cached.cached_property = functools.cached_property  # type: ignore[attr-defined]
        sys.modules["cached_property"] = cached
    if "urllib.request" in sys.modules:
        return

    def urlretrieve(*args: Any, **kwargs: Any) -> Any:
        sys.modules.pop("urllib.request", None)
        import urllib.request

        return urllib.request.urlretrieve(*args, **kwargs)

    url = types.ModuleType("urllib.request", "stand-in while Whoosh imports")
    url.urlretrieve = urlretrieve  # type: ignore[attr-defined]
    sys.modules["urllib.request"] = url
    try:
        import whoosh.compat  # noqa: F401  (imported for its side effect: see above)
    finally:
        if sys.modules.get("urllib.request") is url:
            del sys.modules["urllib.request"]


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def run(args: argparse.Namespace) -> int:
    from tui.ingest import safe_text

    err: Console | None = None  # made when needed: an up-to-date index has nothing to say
    # Without --engine, keep whatever engine built the index: searching must not rebuild it.
    if args.engine:
        err = _console(stderr=True)
        engine = choose_engine(args.engine, err)
    else:
        engine = None
    _light_whoosh()
    search = open_engine_for(args, engine, SEARCH_LOCK_WAIT)
    try:
        if args.no_update:
            if search.count() == 0:
                raise CommandError(f"no index yet for {args.corpus}: run without --no-update")
        else:
            verdict = None
            if not args.fresh and search.looks_current():
                verdict = freshness.check(search.index_dir, search.corpus, args.check_every)
            if verdict is None or not verdict.current:
                snap = verdict.snapshot if verdict else freshness.snapshot(search.corpus)
                err = err or _console(stderr=True)
                reason = search.rebuild_reason()
                if reason is not None:  # minutes on a big corpus: a script's log says why
                    sys.stderr.write(
                        f"broadsheet: building the index first ({safe_text(reason)}); this "
                        "search waits for it (`broadsheet index CORPUS` does it ahead)\n"
                    )
                _update(search, err, snap)
            elif verdict.skipped_for is not None:
                age = max(1, round(verdict.skipped_for))
                sys.stderr.write(
                    f"broadsheet: a file rewritten in place in the last {age} s may not be "
                    f"searched yet (every file is checked every {verdict.every:g} s; "
                    "--fresh checks now)\n"
                )
        if "-by:me" in args.query.lower():
            # `me` is the reviewer the settings name (as in the app), not the login name.
            from tui.config import load_settings

            search.set_reviewer(load_settings().reviewer)
        results = search.search(
            args.query, limit=args.limit, page=args.page, sort=args.sort, facets=False
        )
        empty = search.count() == 0
    finally:
        search.close()
    if empty and results.error is None:
        # Not "no results": there is nothing to search. Say so, once, where scripts won't parse it.
        sys.stderr.write(f"broadsheet: nothing is indexed for {args.corpus}: no articles found\n")
    if results.error is not None:
        where = (
            f" (at character {results.error.position + 1})"
            if results.error.position is not None
            else ""
        )
        what = "" if results.error.in_index else "bad query: "
        raise CommandError(f"{what}{safe_text(results.error.message)}{where}")
    if args.json:
        for hit in results.hits:
            write_json_line(hit_record(hit))
        return 0
    from rich.text import Text

    out = _console()
    if results.suggestion:
        out.print(Text.assemble(("Did you mean: ", "dim"), (safe_text(results.suggestion), "bold")))
    show(out, results, (args.page - 1) * args.limit)
    return 0


def _update(search: Any, err: Console, snap: freshness.Snapshot | None) -> None:
    """Bring the index up to date before searching; `snap`, the corpus as walked just before,
    is recorded once the update has seen at least that much."""
    from rich.text import Text

    from tui.ingest import safe_text

    try:
        summary = run_update(search, False, err, show=err.is_terminal)
    except CommandError as exc:
        # Searching needs no space and no write access: a full disk or a read-only
        # folder must not hide an index that is whole, only say it may be behind.
        if search.count() == 0:
            raise
        err.print(Text(f"broadsheet: {exc}; searching the index as it is"), soft_wrap=True)
        return
    if summary.readonly:
        if summary.reason:
            err.print(Text(f"broadsheet: {safe_text(summary.reason)}"))
    elif snap is not None:
        freshness.record(search.index_dir, search.corpus, snap)


def seconds(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not n >= 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be 0 or more: {value}")
    return n


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "search",
        help="search a corpus (indexes it first if needed)",
        description='Search CORPUS with Whoosh\'s query language: words, "phrases", AND/OR/NOT, '
        "field:value (title, body, author, source, section, person, org, place, speaker, quote, "
        "tag), fuzzy word~, and dates (date:2021, date:[2021-01 to 2021-06], date:>2022).",
    )
    p.add_argument("corpus", metavar="CORPUS", help="folder of articles")
    p.add_argument("query", metavar="QUERY", help="the query (quote it for the shell)")
    p.add_argument("--limit", type=positive, default=20, metavar="N", help="hits to show (20)")
    p.add_argument("--page", type=positive, default=1, metavar="N", help="page of hits (1)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p.add_argument("--json", action="store_true", help="one JSON object per hit, one a line")
    p.add_argument(
        "--engine",
        choices=("rules", "spacy"),
        default=None,
        help="annotation engine if the index must be built",
    )
    fresh = p.add_mutually_exclusive_group()
    fresh.add_argument(
        "--fresh",
        action="store_true",
        help="walk every file and bring the index up to date first, whatever was checked before",
    )
    fresh.add_argument(
        "--check-every",
        type=seconds,
        default=None,
        metavar="SECONDS",
        help="look for files rewritten in place at most every SECONDS (0: at every search); "
        "searches in between say on stderr that such a change may not be seen yet. Default: "
        f"every search on a corpus quick to check, every {freshness.AUTO_EVERY:g} s on a large one "
        "(files added, removed or renamed are always seen)",
    )
    fresh.add_argument(
        "--no-update",
        action="store_true",
        help="search the index as it is, without looking at the corpus",
    )
    p.add_argument(
        "--index-dir", metavar="DIR", help="where the index lives (default: the user cache folder)"
    )
    p.set_defaults(handler=run)
