"""`WhooshSearchEngine`: the `SearchEngine` contract over a Whoosh index of one corpus.

Threads: one engine may be used from several threads (the app searches in a worker thread
while the watcher updates in another). Whoosh searchers are not thread-safe, so every use of
the searcher holds `_lock`; updates are serialised by `_update_lock` in this process and by the
index folder's writer lock across processes. A search never waits for an update: the writer
works on new segments and the searcher is refreshed after each commit.
"""

from __future__ import annotations

import bisect
import contextlib
import pickle
import struct
import threading
import time
import zlib
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection, Iterable
from datetime import datetime
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any

from whoosh import index as whoosh_index
from whoosh.support.levenshtein import distance
from whoosh.util.times import datetime_to_long

from tui.model import Problem, Span
from tui.search import highlight
from tui.search.api import (
    CorpusMissing,
    Facet,
    Hit,
    IndexingStopped,
    IndexSummary,
    Progress,
    QueryError,
    SearchResults,
    Sort,
)
from tui.search.evaluate import Evaluator, Unsupported, forget_kept
from tui.search.facets import one_per_outlet, outlet_names
from tui.search.indexer import Indexer, engine_fingerprint
from tui.search.layout import IndexLocked, Layout
from tui.search.manifest import FILENAME as MANIFEST
from tui.search.manifest import Manifest
from tui.search.marks import FILE_NAME as MARKS_FILE
from tui.search.marks import MarkStore, rewrite_marks, uses_marks
from tui.search.prepare import annotations_from, article_from, unpack, unpack_text
from tui.search.query import (
    TermMatcher,
    check,
    find_error,
    is_browse,
    make_parser,
    matcher_for,
    rewrite_tags,
    split_dates,
    tidy,
    unknown_terms,
    uses_field,
)
from tui.search.schema import DEFAULT_FIELD, build_schema, text_tokens
from tui.search.tags import TagStore

if TYPE_CHECKING:  # pydantic models, loaded where built: a search needs none of them
    from tui.model import Annotations, Article

FACET_SAMPLE = 2000
"""Facets (sources, people, organisations) are counted over every match when there are at most
this many, else over this many spread evenly across them and scaled up (`facets_exact` False):
reading a document's names costs about 15 microseconds the first time, so the cost of a query
stays bounded whatever it matches."""
FALLBACK_COLLECT = 50
"""Matches collected for facets when a query shape goes to Whoosh's own (slower) matchers."""
COUNT_LIMIT = 20_000
"""Matching documents counted one by one, at most; past that the total is extrapolated (and
`total_exact` is False). Counting a common phrase in 100,000 articles would otherwise cost
more than finding the best 20. A count, not a time, so a total never varies between runs."""
FACET_TOP = 10
QUERY_MAX = 1000
"""Longest query searched, in characters (a long paragraph pasted as a phrase still fits)."""
SUGGEST_MAX = 40
"""Longest word a "did you mean" is looked for."""
_YEAR_2 = datetime_to_long(datetime(2, 1, 1))
REFRESH_EVERY = 0.5
"""Seconds between checks whether another process committed to the index."""


class WhooshSearchEngine:
    """Search, index and annotations of one corpus folder.

    Opening is cheap: the last complete index is opened as it is (searchable at once); call
    `update()` to bring it up to date, in a worker thread in the app. `readonly=True` never
    writes (for a second viewer of a shared corpus); `lock_timeout` bounds how long `update()`
    waits for another process's update before answering read-only.
    """

    def __init__(
        self,
        corpus: Path,
        index_dir: Path | None = None,
        engine: str | None = "rules",
        readonly: bool = False,
        *,
        workers: int | None = None,
        lock_timeout: float = 10.0,
    ) -> None:
        self.corpus = Path(corpus).expanduser().resolve()
        if index_dir is None:
            from tui.config import index_dir_for

            index_dir = index_dir_for(self.corpus)
        self.index_dir = Path(index_dir).expanduser().resolve()
        self.layout = Layout(self.index_dir)
        if engine is None:
            engine = self.layout.indexed_engine() or "rules"
        self.engine = engine
        self.readonly = readonly
        self.workers = workers
        self.lock_timeout = lock_timeout
        self.fingerprint = engine_fingerprint(engine)
        self.tags = TagStore(self.layout.tags_file)
        self.marks = MarkStore(self.layout.tags_file.with_name(MARKS_FILE))
        self._lock = threading.RLock()
        self._update_lock = threading.Lock()
        self._stop = threading.Event()
        self._gen: Path | None = None
        self._ix: Any = None
        self._searcher: Any = None
        self._blob: dict[str, Any] | None = None
        """Column readers by name, opened on first use (see `_column`)."""
        self._names: dict[int, tuple[str | None, tuple[str, ...], tuple[str, ...]]] = {}
        self._outlets: tuple[Any, dict[str, str]] | None = None
        self._manifest: Manifest | None = None
        self._checked = 0.0
        self._parser = make_parser(build_schema())
        self._parsed: OrderedDict[str, Any] = OrderedDict()
        self._recent: OrderedDict[str, Article] = OrderedDict()
        self._damaged: str | None = None
        self._partial: tuple[int, int] | None = None
        self._order: tuple[Any, tuple[list[int], list[int], list[int]]] | None = None
        self._rank: tuple[Any, list[int]] | None = None
        self._eval: Evaluator | None = None
        self._watchers: list[Any] = []
        self._open()

    # opening and refreshing

    def _open(self) -> None:
        """Open the current generation if it can be trusted; otherwise stay closed."""
        with self._lock:
            self._close_searcher()
            # A few tries: another process may be switching CURRENT to a new build, or
            # committing (and removing old segment files) while we look.
            for attempt in range(3):
                if attempt:
                    time.sleep(0.05)
                insp = self.layout.inspect(None)
                if insp.gen is None and not (self.layout.root / "CURRENT").exists():
                    return  # no index yet
                if not insp.usable or insp.gen is None:
                    continue
                try:
                    ix = whoosh_index.open_dir(str(insp.gen), readonly=True)
                    searcher = ix.searcher()
                except Exception:
                    continue
                self._gen, self._ix, self._searcher = insp.gen, ix, searcher
                self._partial = None
                if insp.partial and insp.meta is not None:
                    total = insp.meta.get("files_total", "")
                    files = int(total) if total.isdigit() else 0
                    self._partial = (int(searcher.doc_count()), files)
                self._blob = None
                self._names = {}
                self._checked = time.monotonic()
                return

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            with contextlib.suppress(Exception):
                self._searcher.close()
        if self._manifest is not None:
            self._manifest.close()
        self._searcher = self._ix = self._gen = self._blob = self._manifest = None
        self._partial = None
        self._eval = None
        self._names = {}

    def _current_searcher(self) -> Any:
        """The searcher, refreshed if a commit or rebuild happened since (checked twice a second
        at most: the check lists the index folder)."""
        now = time.monotonic()
        if self._searcher is None or now - self._checked >= REFRESH_EVERY:
            self._checked = now
            gen = self.layout.current()
            if self._searcher is None or gen != self._gen:
                self._open()
            else:
                # Not `searcher.refresh()`: Whoosh reuses the reader of a segment that only
                # gained deletions and keeps its old deletion list, so a changed article
                # would show twice. A fresh reader costs tens of milliseconds, per commit.
                try:
                    stale = not self._searcher.up_to_date()
                except Exception:
                    stale = True
                if stale:
                    self._open()
        return self._searcher

    def _column(self, searcher: Any, name: str) -> Any:
        """The reader of column `name` ("text" or "blob"), kept until the searcher changes.
        Each is opened only when first needed: opening one reads an offset for every document
        of every segment (milliseconds at 100,000 articles), and a search shows text only."""
        if self._blob is None:
            self._blob = {}
        got = self._blob.get(name)
        if got is None:
            got = self._blob[name] = searcher.reader().column_reader(name)
        return got

    def _columns(self, searcher: Any) -> tuple[Any, Any]:
        """Readers of the text and blob columns: a whole stored article needs both."""
        return self._column(searcher, "text"), self._column(searcher, "blob")

    # indexing

    def update(self, progress: Progress | None = None, rebuild: bool = False) -> IndexSummary:
        return self._update(progress, rebuild, only=None)

    def looks_current(self) -> bool:
        """True when a complete index exists and no folder of the corpus changed since it was
        last brought up to date (files added, removed or renamed change their folder's mtime).
        Costs one stat per folder, so a script's `search` need not walk 100,000 files; a file
        rewritten in place under the same name is not seen (`update()` sees it)."""
        import json

        from tui.search.indexer import folders_changed

        insp = self.layout.inspect(self.fingerprint)
        if not insp.usable or insp.partial or insp.behind or insp.meta is None:
            return False
        try:
            recorded = json.loads(insp.meta.get("folders", "{}"))
        except ValueError:
            return False
        return isinstance(recorded, dict) and not folders_changed(self.corpus, recorded)

    def rebuild_reason(self) -> str | None:
        """Why the next `update()` would build the index from scratch (None: it would not, or
        another process is writing the index and this one will not), so a caller can say so
        before a wait that may last minutes."""
        reason = self._damaged or self.layout.inspect(self.fingerprint).rebuild
        if reason is None or self.readonly:
            return None
        lock = self.layout.lock
        if lock.held:
            return reason
        if not lock.acquire(0):
            return None  # another writer: the update will say so instead
        lock.release()
        return reason

    def stop_indexing(self) -> None:
        """Make a running update stop within a tenth of a second (its workers are ended) and
        every later one stop at once, raising `IndexingStopped`: for a host shutting down.
        What was committed stays; a first build carries on from there at the next update."""
        self._stop.set()

    def update_paths(self, paths: Iterable[Path], progress: Progress | None = None) -> IndexSummary:
        """Apply changes to just these files (from a watcher) without walking the corpus.

        Folders, or anything that is not a plain file path, fall back to a full `update()`.
        """
        chosen: list[Path] = []
        for raw in paths:
            path = Path(raw)
            if not path.is_absolute():
                path = self.corpus / path
            try:
                rel = path.relative_to(self.corpus)
            except ValueError:
                continue
            if any(part.startswith(".") for part in rel.parts):
                continue
            if path.is_dir() or path.is_symlink():
                return self.update(progress)  # a folder or link: walk it properly
            chosen.append(path)
        if not chosen:
            return IndexSummary(articles=self.count())
        return self._update(progress, False, only=chosen)

    def _update(
        self, progress: Progress | None, rebuild: bool, only: list[Path] | None
    ) -> IndexSummary:
        if self.readonly:
            return IndexSummary(readonly=True, reason="opened read-only", articles=self.count())
        if self._stop.is_set():
            raise IndexingStopped("indexing stopped")
        if not self.corpus.is_dir():
            raise CorpusMissing(
                f"the folder {self.corpus} is gone; the index is kept for when it comes back"
            )
        with self._update_lock:
            if not self.layout.lock.acquire(self.lock_timeout):
                holder = self.layout.lock.holder()
                who = f" (pid {holder})" if holder else ""
                with self._lock:
                    self._current_searcher()
                    usable = self._searcher is not None
                if usable:
                    return IndexSummary(
                        readonly=True,
                        busy=True,
                        reason=f"index is being updated by another process{who}; using it as it is",
                        articles=self.count(),
                    )
                raise IndexLocked(f"index is locked by another process{who}")
            try:
                if self.engine == "spacy":
                    import importlib.util

                    if importlib.util.find_spec("spacy") is None:
                        from tui.nlp import EngineUnavailable

                        raise EngineUnavailable(
                            "spaCy engine needs: pip install 'broadsheet[spacy]'"
                        )
                insp = self.layout.inspect(self.fingerprint)
                indexer = Indexer(
                    self.corpus,
                    self.layout,
                    self.engine,
                    self.fingerprint,
                    self.workers,
                    self._stop,
                )
                reason = insp.rebuild
                if self._damaged and not reason:
                    reason = self._damaged
                if rebuild or reason is not None or insp.gen is None:
                    readable = self.layout.inspect(None).usable
                    summary = indexer.rebuild(
                        progress, reason or "rebuild requested", publish_early=not readable
                    )
                    self._damaged = None
                else:
                    self.layout.remove_stale(keep=insp.gen)
                    targeted = None if insp.behind else only
                    summary = indexer.update(insp.gen, progress, only=targeted)
            finally:
                self.layout.lock.release()
        with self._lock:
            self._checked = 0.0  # the next search looks for the new commit
            self._recent.clear()
            if summary.rebuilt or self._searcher is None:
                self._open()
        return summary

    def watch(
        self,
        callback: Callable[[IndexSummary], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Any:
        """Start applying corpus changes as they happen (a daemon thread); returns the watcher,
        whose `stop()` ends it. Changes show in searches within about a second."""
        from tui.search.watch import Watcher

        watcher = Watcher(self, callback, on_error)
        watcher.start()
        self._watchers.append(watcher)
        return watcher

    # searching

    def _parse(self, text: str) -> Any:
        got = self._parsed.get(text)
        if got is None:
            got = tidy(self._parser.parse(text))
            self._parsed[text] = got
            if len(self._parsed) > 64:
                self._parsed.popitem(last=False)
        else:
            self._parsed.move_to_end(text)
        return got

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        page: int = 1,
        sort: Sort = "relevance",
        facets: bool = True,
    ) -> SearchResults:
        started = time.perf_counter()
        res = SearchResults(query=query, page=max(1, page))
        if len(query) > QUERY_MAX:
            # Whoosh's query parser takes time that grows faster than the query's length
            # (a pasted 5,000-letter word: half a second to parse, seconds to expand `~`).
            res.error = QueryError(
                message=f"query too long ({len(query):,} characters; at most {QUERY_MAX:,})",
                position=QUERY_MAX,
            )
            return res
        try:
            with self._lock:  # the commit a search read from is the one its label describes
                self._search(query, max(1, limit), max(1, page), sort, res, facets)
                res.building = self._partial
        except Exception as exc:  # never raise for a query; a broken index is reported
            res.hits = []
            res.error = QueryError(message=self._failure(exc), in_index=True)
        res.elapsed_ms = (time.perf_counter() - started) * 1000
        return res

    def _failure(self, exc: BaseException) -> str:
        """A message for an exception from Whoosh. Errors reading the files (I/O, truncated
        or garbled data) mark the index for a rebuild at the next update: it is a cache."""
        name = type(exc).__name__
        said = " ".join(str(exc).split())
        if _looks_damaged(exc):
            self._damaged = f"damaged index (error while searching: {name})"
            if self._gen is not None:  # the next update rebuilds, in this process or another
                self.layout.mark_damaged(self._gen, f"error while searching: {name}: {said}")
            return (
                f"the index looks damaged ({name}: {said[:120]}); "
                "it will be rebuilt on the next update (`broadsheet index CORPUS`)"
            )
        return f"search failed ({name}: {said[:200]})"

    def _search(
        self, text: str, limit: int, page: int, sort: Sort, res: SearchResults, facets: bool
    ) -> None:
        text = text.strip()
        if not text:
            return
        error = check(text)
        if error is not None:
            res.error = error
            return
        with self._lock:
            searcher = self._current_searcher()
            if searcher is None:
                res.error = QueryError(message="the index is not built yet")
                return
            if searcher.doc_count_all() == 0:
                return  # an empty folder: nothing to find (Whoosh raises on an index this empty)
            try:
                q = self._parse(text)
            except Exception as exc:  # Whoosh's parser has corners that raise
                res.error = QueryError(message=f"cannot read this query ({type(exc).__name__})")
                return
            error = find_error(q)
            if error is not None:
                res.error = error
                return
            # Matches of a tag query change with the review marks: never kept for paging.
            keep = not uses_field(q, "tag") and not uses_marks(q)
            if not keep:
                q = rewrite_marks(rewrite_tags(q, self.tags.lookup), self.marks)
            if is_browse(q):
                self._browse(searcher, self._date_order(searcher), limit, page, res)
                return
            ranges, rest = split_dates(q)
            allow: set[int] | None = None
            if ranges:
                in_range = self._in_dates(searcher, ranges)
                if rest is None or is_browse(rest):  # only dates: list them, newest first
                    self._browse(searcher, in_range, limit, page, res)
                    return
                q, allow = rest, set(in_range)
            need = page * limit
            matched: Collection[int]
            try:
                evaluator = self._evaluator(searcher)
                order = self._date_rank(searcher) if sort == "date" else None
                key = text if keep else None
                ranked = evaluator.rank(q, need, allow=allow, order=order, key=key)
                top, matched = ranked.top, ranked.matched
                res.total, res.total_exact = ranked.total, ranked.exact
            except Unsupported:  # a query shape only Whoosh's own matchers know
                collect = max(need, FALLBACK_COLLECT)
                if sort == "date":
                    results = searcher.search(
                        q, limit=collect, sortedby="date", reverse=True, filter=allow
                    )
                else:
                    results = searcher.search(q, limit=collect, filter=allow)
                top = results.top_n
                matched = [d for _, d in top]
                res.total, res.total_exact = self._count(searcher, q, results, allow)
            matcher = matcher_for(q)
            texts = self._column(searcher, "text")
            for score, docnum in top[(page - 1) * limit : need]:
                stored = searcher.stored_fields(docnum)
                body = unpack_text(texts[docnum])
                snip, marks = highlight.snippet(body, matcher)
                res.hits.append(
                    self._hit(stored, float(score) if sort == "relevance" else 0.0, snip, marks)
                )
            if facets:  # the command line shows none
                self._facets(searcher, matched, res)
            if (res.total == 0 or len(top) < limit) and self._partial is None:
                # (not while a first build runs: the word may be in what is not indexed yet)
                res.suggestion = self._suggest(searcher, q, text)

    def _browse(
        self, searcher: Any, order: list[int], limit: int, page: int, res: SearchResults
    ) -> None:
        """`*` or dates alone: the articles in `order` (newest first), as all score alike."""
        res.total = len(order)
        texts = self._column(searcher, "text")
        for docnum in order[(page - 1) * limit : page * limit]:
            stored = searcher.stored_fields(docnum)
            snip, marks = highlight.snippet(unpack_text(texts[docnum]), TermMatcher())
            res.hits.append(self._hit(stored, 0.0, snip, marks))
        self._facets(searcher, order, res)

    def _dates(self, searcher: Any) -> tuple[list[int], list[int], list[int]]:
        """Per searcher, computed once: live documents newest first with undated ones last,
        and the dated ones in ascending date order with their dates (as Whoosh's integer
        microseconds), for answering date ranges by bisection. The column is read raw: making
        100,000 datetime objects took three times as long."""
        cached = self._order
        if cached is not None and cached[0] is searcher:
            return cached[1]
        reader = searcher.reader()
        raw = _raw_dates(searcher)
        live = list(reader.all_doc_ids()) if reader.has_deletions() else range(len(raw))
        dated = [d for d in live if raw[d] >= _YEAR_2]  # no date: 0, read back as year 1
        dated.sort(key=raw.__getitem__)  # stable: equal dates stay in document order
        undated = [d for d in live if raw[d] < _YEAR_2] if len(dated) < len(raw) else []
        newest_first = dated[::-1] + undated
        got = (newest_first, [raw[d] for d in dated], dated)
        self._order = (searcher, got)
        return got

    def forget_matches(self) -> None:
        """Forget the matches kept for paging, so the next search starts from the postings
        (benchmarks use this: a repeated query would otherwise only be re-ordered)."""
        with self._lock:
            if self._eval is not None:
                forget_kept(self._eval)

    def _evaluator(self, searcher: Any) -> Evaluator:
        """The block-wise query evaluator of this searcher (it caches field lengths)."""
        cached = self._eval
        if cached is not None and cached.searcher is searcher:
            return cached
        self._eval = Evaluator(searcher)
        return self._eval

    def _date_rank(self, searcher: Any) -> list[int]:
        """Document number -> place in newest-first order (undated last), for date sorting."""
        cached = self._rank
        if cached is not None and cached[0] is searcher:
            return cached[1]
        order = self._date_order(searcher)
        rank = [len(order)] * searcher.reader().doc_count_all()
        for i, d in enumerate(order):
            rank[d] = i
        self._rank = (searcher, rank)
        return rank

    def _date_order(self, searcher: Any) -> list[int]:
        return self._dates(searcher)[0]

    def _in_dates(self, searcher: Any, ranges: list[Any]) -> list[int]:
        """Documents inside every date range, newest first."""
        _, values, docs = self._dates(searcher)
        lo, hi = 0, len(values)
        for r in ranges:  # DateRange keeps its datetimes as startdate/enddate
            if r.startdate is not None:
                at = bisect.bisect_right if r.startexcl else bisect.bisect_left
                lo = max(lo, at(values, datetime_to_long(r.startdate)))
            if r.enddate is not None:
                at = bisect.bisect_left if r.endexcl else bisect.bisect_right
                hi = min(hi, at(values, datetime_to_long(r.enddate)))
        return docs[lo:hi][::-1] if lo < hi else []

    def _count(
        self, searcher: Any, q: Any, results: Any, allow: set[int] | None = None
    ) -> tuple[int, bool]:
        """Exact number of matches when it comes cheap, else a close extrapolation.

        Matching documents arrive in document-number order, so when the count limit is reached
        after document d, the matches so far are about (d + 1) / doc_count_all of them all.
        """
        if results.has_exact_length():
            return len(results), True
        n = 0
        last = 0
        for seen, docnum in enumerate(searcher.docs_for_query(q), start=1):
            last = docnum
            if allow is None or docnum in allow:
                n += 1
            if seen >= COUNT_LIMIT:
                span = searcher.reader().doc_count_all()
                estimate = round(n * span / (last + 1))
                return max(estimate, len(results.top_n)), False
        return n, True

    @staticmethod
    def _hit(stored: dict[str, Any], score: float, snip: str, marks: list[Span]) -> Hit:
        return Hit(
            id=stored["id"],
            path=stored.get("path") or stored["id"],
            title=stored.get("title"),
            date=stored.get("date_text"),
            source=stored.get("source"),
            author=stored.get("author"),
            score=score,
            snippet=snip,
            snippet_marks=marks,
        )

    def _facets(self, searcher: Any, docnums: Collection[int], res: SearchResults) -> None:
        """Sources, people and organisations counted across the matches `docnums` (all of
        them, or an even sample scaled to `res.total`)."""
        docs = docnums if isinstance(docnums, list) else list(docnums)
        if len(docs) > FACET_SAMPLE:
            step = len(docs) / FACET_SAMPLE
            docs = [docs[int(i * step)] for i in range(FACET_SAMPLE)]
        sources: Counter[str] = Counter()
        people: Counter[str] = Counter()
        orgs: Counter[str] = Counter()
        names = self._names
        for docnum in docs:
            got = names.get(docnum)
            if got is None:
                stored = searcher.stored_fields(docnum)
                source = stored.get("source")
                got = names[docnum] = (  # interned: one copy of each name however often seen
                    intern(source) if source else None,
                    tuple(map(intern, stored.get("people") or ())),
                    tuple(map(intern, stored.get("orgs") or ())),
                )
            if got[0]:
                sources[got[0]] += 1
            people.update(got[1])
            orgs.update(got[2])
        scale = 1.0
        res.facets_exact = res.total_exact and len(docs) == res.total
        if docs and res.total > len(docs):
            scale = res.total / len(docs)

        def top(counts: Counter[str]) -> list[Facet]:
            return [
                Facet(value=v, count=max(1, round(n * scale)))
                for v, n in counts.most_common(FACET_TOP)
            ]

        res.sources, res.people, res.orgs = top(one_per_outlet(sources)), top(people), top(orgs)

    def _suggest(self, searcher: Any, q: Any, text: str) -> str | None:
        """ "Did you mean": each plain word the index does not know, replaced by the closest
        known word (fewest edits, then most documents), spelled as articles spell it."""
        reader = searcher.reader()
        replacements: list[tuple[int, int, str]] = []
        seen: set[int] = set()
        for term in unknown_terms(q):
            start = getattr(term, "startchar", None)
            end = getattr(term, "endchar", None)
            if start is None or end is None or start in seen:
                continue
            seen.add(start)
            stem = term.text if isinstance(term.text, str) else term.text.decode("utf-8")
            if reader.doc_frequency(DEFAULT_FIELD, stem):
                continue
            best = self._closest(reader, stem)
            if best is None:
                continue
            typed = text[start:end]
            word = self._surface(searcher, best, typed.lower()) or best
            if typed[:1].isupper():
                word = word[:1].upper() + word[1:]
            replacements.append((start, end, word))
        if not replacements:
            return None
        out = text
        for start, end, word in sorted(replacements, reverse=True):
            out = out[:start] + word + out[end:]
        return out if out != text else None

    def _closest(self, reader: Any, stem: str) -> str | None:
        # Past SUGGEST_MAX letters no word is a typo of another, and the edit-distance walk
        # over the term list grows with the length: a pasted 5,000-letter "word" took 10 s.
        if len(stem) < 3 or len(stem) > SUGGEST_MAX:
            return None
        for maxdist in (1, 2):
            found: dict[str, int] = {}
            for leaf, _offset in reader.leaf_readers():
                for cand in leaf.terms_within("body", stem, maxdist, prefix=1):
                    cand = cand if isinstance(cand, str) else cand.decode("utf-8")
                    if cand not in found:
                        found[cand] = reader.doc_frequency("body", cand)
            if found:
                return max(found, key=lambda c: (found[c], c))
        return None

    def _surface(self, searcher: Any, stem: str, typed: str) -> str | None:
        """The word articles actually use for a stem ("government" for "govern")."""
        texts = self._column(searcher, "text")
        for docnum in searcher.postings("body", stem).all_ids():
            body = unpack_text(texts[docnum])
            forms = {body[s:e].lower() for t, s, e in text_tokens(body) if t == stem}
            if forms:
                return min(forms, key=lambda w: (distance(w, typed), w))
            break
        return None

    def partial(self) -> tuple[int, int] | None:
        """(articles searchable now, files to index) while the index is a first build still
        running or stopped before it finished; None once it is complete. Searches answer from
        what is committed so far, so the interface can say how much that is."""
        with self._lock:
            self._current_searcher()
            return self._partial

    def count(self) -> int:
        with self._lock:
            searcher = self._current_searcher()
            return int(searcher.doc_count()) if searcher is not None else 0

    # articles

    def _stored(self, article_id: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
        with self._lock:
            searcher = self._current_searcher()
            if searcher is None:
                return None
            docnum = searcher.document_number(id=article_id)
            if docnum is None:
                return None
            stored = dict(searcher.stored_fields(docnum))
            texts, blobs = self._columns(searcher)
            data = unpack(texts[docnum], blobs[docnum])
            return stored, data

    def indexed_article(self, article_id: str) -> Article | None:
        """The article as it was when indexed (fast, and matches `annotations()` offsets)."""
        got = self._stored(article_id)
        return article_from(*got) if got is not None else None

    def article(self, article_id: str) -> Article | None:
        from tui.ingest import read_file

        got = self._stored(article_id)
        if got is None:
            return None
        stored, _ = got
        real = self._real_path(stored)
        if real is None or not real.is_file():
            return None
        result = read_file(real, self.corpus)
        for article in result.articles:
            if article.id == article_id:
                with self._lock:
                    self._recent[article_id] = article
                    while len(self._recent) > 16:
                        self._recent.popitem(last=False)
                return article
        return None

    def _real_path(self, stored: dict[str, Any]) -> Path | None:
        path = self.corpus / (stored.get("path") or "")
        if path.is_file():
            return path
        with self._lock:
            if self._manifest is None and self._gen is not None:
                try:
                    self._manifest = Manifest(self._gen / MANIFEST, readonly=True)
                except Exception:
                    return None
            row = self._manifest.row(stored.get("file", "")) if self._manifest else None
        return self.corpus / row.real if row is not None else None

    def annotations(self, article_id: str) -> Annotations:
        """Stored at index time; if `article()` just read a different text (the file changed
        and the index has not caught up) the article is annotated afresh instead, so offsets
        always fit the text the reader shows."""
        got = self._stored(article_id)
        with self._lock:
            recent = self._recent.get(article_id)
        if got is not None and (recent is None or recent.content_hash == got[0].get("hash")):
            return annotations_from(got[1])
        if recent is None:
            from tui.model import Annotations

            return Annotations()
        from tui.search import worker

        worker.init(str(self.corpus), self.engine)
        ann, _ = worker.annotate(recent)
        return ann

    def outlet_names(self) -> dict[str, str]:
        """Outlets the corpus spells in more than one way, each with the spelling to show
        (`facets.outlet_names`), from the `outlet` field's terms and their document counts:
        a few hundred terms, not a read of every document. Kept until the index changes."""
        with self._lock:
            searcher = self._current_searcher()
            if searcher is None:
                return {}
            if self._outlets is not None and self._outlets[0] is searcher:
                return self._outlets[1]
            counts: Counter[str] = Counter()
            reader = searcher.reader()
            try:
                for term in reader.lexicon("outlet"):
                    counts[term.decode("utf-8")] = reader.doc_frequency("outlet", term)
            except Exception:  # an index of an older schema has no such field
                counts.clear()
            names = outlet_names(counts)
            self._outlets = (searcher, names)
            return names

    def hit_spans(self, query: str, article: Article) -> list[Span]:
        text = query.strip()
        if not text or check(text) is not None:
            return []
        try:
            with self._lock:
                q = self._parse(text)
            if find_error(q) is not None:
                return []
            return highlight.spans(article.text, matcher_for(q))
        except Exception:
            return []

    # tags and problems

    def set_tags(self, article_id: str, tags: list[str]) -> None:
        self.tags.set(article_id, tags)

    def replace_tags(self, mapping: dict[str, list[str]]) -> None:
        """Set every article's review tags at once (e.g. from the review store on start)."""
        self.tags.replace_all(mapping)

    def set_marks(self, article_id: str, marks: list[str]) -> None:
        """The review marks (`tui.search.marks`) one article carries now, for `is:`/`has:`."""
        self.marks.set(article_id, marks)

    def replace_marks(self, mapping: dict[str, list[str]]) -> None:
        self.marks.replace_all(mapping)

    def set_reviewer(self, name: str) -> None:
        """Who `me` is in `reviewed-by:me` and `is:unreviewed-by:me` (the review store's
        reviewer, which the settings may name differently from the login)."""
        self.marks.me = name

    def problems(self) -> list[Problem]:
        """Files skipped or read in part, with reasons, as of the last update."""
        with self._lock:
            self._current_searcher()
            if self._gen is None:
                return []
            try:
                manifest = Manifest(self._gen / MANIFEST, readonly=True)
            except Exception:
                return []
        try:
            return manifest.problems()
        finally:
            manifest.close()

    def close(self) -> None:
        for watcher in self._watchers:
            watcher.stop()
        self._watchers.clear()
        with self._lock:
            self._close_searcher()

    def __enter__(self) -> WhooshSearchEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _raw_dates(searcher: Any) -> list[int]:
    """Every document's date as stored (integer microseconds; 0 for none), by document number.

    Read segment by segment: a segment in which no article has a date stores no date column,
    and Whoosh's combined column reader then skips it when iterated, which would shift every
    later segment's dates onto the wrong documents (or, with no dated segment, list none)."""
    raw: list[int] = []
    for sub, _ in searcher.leaf_searchers():  # in document-number order
        leaf = sub.reader()
        count = leaf.doc_count_all()
        values: list[int] = []
        if leaf.has_column("date"):
            values = list(leaf.column_reader("date", translate=False))
        raw += values[:count] + [0] * (count - len(values))
    return raw


def _looks_damaged(exc: BaseException) -> bool:
    """Errors that come from the index files' bytes rather than from the query: I/O, truncated
    or garbled data, and Whoosh's own plain `Exception` for a posting block it cannot read."""
    if isinstance(exc, (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError)):
        return True
    return type(exc) is Exception and str(exc).startswith("Block tag error")
