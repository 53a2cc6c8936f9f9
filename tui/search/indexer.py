"""Bringing the index up to date with the corpus folder: full builds and incremental updates.

Pipeline: the calling process lists the corpus and compares it with the manifest; the files to
(re)read go in chunks to worker processes, which hash, read, annotate and analyse them
(`worker.py`).

A full build (`parallel_build.SegmentBuild`) is parallel to the end: each worker also writes
the documents it made into a Whoosh segment of its own (`segment.FastWriter`), so documents
never cross between processes and writing the index runs on every core; the calling process
hands out files, writes the manifest rows as outcomes arrive, and finally commits the workers'
segments together into a fresh generation folder, which becomes current only once complete.

An update sends results back as pickled bytes to ONE writer in the calling process, which
deletes and re-adds only what changed, by the file's key, which makes it idempotent:
re-applying it after a crash that left the manifest one commit behind Whoosh gives the same
index. Workers run ahead of the writer by a bounded window, so they keep both cores busy while
it commits a segment (every `SEGMENT_DOCS` documents), without piling up unbounded results.
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import os
import shutil
import stat
import threading
import time
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.writing import SegmentWriter

from tui.model import Problem, article_id
from tui.search import worker
from tui.search.api import IndexSummary, Progress
from tui.search.layout import IndexLocked, Layout, whoosh_files
from tui.search.manifest import FILENAME as MANIFEST
from tui.search.manifest import FileRow, LazyRows, Manifest
from tui.search.parallel_build import (
    CHUNK,
    WAIT_STEP,
    SegmentBuild,
    SegmentReady,
    check_stop,
)
from tui.search.prepare import annotations_from, article_from, prepare, unpack
from tui.search.schema import SCHEMA_VERSION, build_schema
from tui.search.segment import FastWriter

SEGMENT_DOCS = 33_000
"""Documents per Whoosh segment in a big build or update (bounds writer memory and lets the
commit of one segment overlap the workers' work on the next)."""
INLINE_MAX = 40
"""Up to this many files are processed in the calling process: starting worker processes
(each imports the annotation engine) costs more than reading a handful of files."""
WRITER_MB = 96
"""Memory Whoosh's posting pool may use before spilling sorted runs to disk."""
WINDOW_DOCS = 12_000
"""Files the workers may run ahead of the writer: enough to keep them busy through the
commit of a segment (a minute or two at `SEGMENT_DOCS`), at about 6 KB of compressed
postings each, so a bounded 70 MB rather than the whole corpus."""


@dataclass(slots=True)
class DiskFile:
    key: str
    real: str
    size: int
    mtime_ns: int


@dataclass
class Plan:
    """What an update will do: which files to read, which are gone, which only changed stat."""

    tasks: list[worker.Task] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def scan(
    root: Path,
    folders: dict[str, int] | None = None,
    on_many: Callable[[], None] | None = None,
) -> tuple[dict[str, DiskFile], list[Problem]]:
    """Every article file under `root` with its size and mtime, and folders we could not list.

    `on_many` is called once, as soon as more than `INLINE_MAX` files are found: a full build
    starts its worker processes then, so they load while the rest of the corpus is walked
    (a second at 100,000 files).

    `folders`, when given, is filled with every folder walked (relative path, "" for the root)
    and its mtime: adding, removing or renaming a file changes its folder's mtime, so comparing
    them later (`folders_changed`) tells cheaply whether a walk would find anything new.

    The same files as `tui.ingest.discover` (a test holds the two together), walked with
    `os.scandir` and plain strings: this runs on every update, and at 100,000 files pathlib's
    per-path cost alone would exceed the time budget of an unchanged reopen. One stat per file
    (which the mtime needs anyway) and one listing per folder.
    """
    from tui.ingest import SUFFIXES, relpath
    from tui.ingest.discover import LOOPS_TO_ANCESTOR, follow, not_an_article

    problems: list[Problem] = []
    found: dict[str, DiskFile] = {}
    top = os.fspath(root)
    root_real = os.path.realpath(top)
    prefix = top.rstrip(os.sep) + os.sep
    cut = len(prefix)
    slash = os.sep == "/"
    try:
        st = os.stat(top)
    except OSError as exc:
        return found, [Problem(path=".", reason=f"cannot open corpus: {_reason(exc)}")]
    stack: list[tuple[str, frozenset[tuple[int, int]]]] = [
        (top, frozenset({(st.st_dev, st.st_ino)}))
    ]
    if folders is not None:
        folders[""] = st.st_mtime_ns
    while stack:
        folder, ancestors = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            problems.append(
                Problem(
                    path=relpath(Path(folder), root), reason=f"unreadable folder: {_reason(exc)}"
                )
            )
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            est = follow(entry, root_real)  # links: as discover, skipped ones reported
            if not isinstance(est, os.stat_result):
                if est:
                    problems.append(Problem(path=relpath(Path(entry.path), root), reason=est))
                continue
            mode = est.st_mode
            if stat.S_ISDIR(mode):
                ident = (est.st_dev, est.st_ino)
                if ident not in ancestors:
                    stack.append((entry.path, ancestors | {ident}))
                    if folders is not None:
                        folders[entry.path[cut:]] = est.st_mtime_ns
                else:
                    loop = Problem(path=relpath(Path(entry.path), root), reason=LOOPS_TO_ANCESTOR)
                    problems.append(loop)
            elif stat.S_ISREG(mode) and name[name.rfind(".") :].lower() in SUFFIXES:
                path = entry.path
                real = path[cut:] if path.startswith(prefix) else os.path.relpath(path, top)
                # An ordinary name is its own key (what ingest's relpath would give).
                key = real if slash and real.isprintable() else relpath(Path(path), root)
                skipped = not_an_article(name)
                if skipped:
                    problems.append(Problem(path=key, reason=skipped))
                    continue
                found[key] = DiskFile(key, real, est.st_size, est.st_mtime_ns)
                if on_many is not None and len(found) > INLINE_MAX:
                    on_many()
                    on_many = None
    return found, problems


def folders_changed(root: Path, recorded: Mapping[str, int]) -> bool:
    """True when any folder `scan` recorded has a new mtime or is gone: files were added,
    removed or renamed since. One stat per folder, no listing: at 100,000 files in a few
    hundred folders this costs milliseconds where a walk costs about a second. It cannot see
    a file rewritten in place under the same name (its folder's mtime stays); `index`, the
    app's watcher and `search --fresh` walk every file for that."""
    if not recorded:
        return True
    top = os.fspath(root)
    for rel, mtime_ns in recorded.items():
        try:
            if os.stat(os.path.join(top, rel) if rel else top).st_mtime_ns != mtime_ns:
                return True
        except OSError:
            return True
    return False


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def plan(disk: dict[str, DiskFile], old: Mapping[str, FileRow], full: bool) -> Plan:
    """Compare the corpus with the manifest. `full` means every file is read afresh."""
    p = Plan()
    if full:
        # In an order spread evenly over the corpus (by a hash of the name) rather than folder by
        # folder: a first build commits as it goes, and its first few hundred articles should be
        # a fair sample of every section, not all of one folder (a query typed at launch found
        # nothing until the build reached the folder that holds its answers).
        for f in sorted(disk.values(), key=lambda f: zlib.crc32(f.key.encode("utf-8", "replace"))):
            p.tasks.append(worker.Task(f.key, f.real, f.size, f.mtime_ns))
            p.kinds[f.key] = "new"
        return p
    p.removed = [k for k in old if k not in disk]
    gone_by_size: dict[int, list[str]] = defaultdict(list)
    for k in p.removed:
        if old[k].hash:
            gone_by_size[old[k].size].append(old[k].hash or "")
    stats = (
        old.stats
        if isinstance(old, LazyRows)
        else {k: (r.size, r.mtime_ns, r.real) for k, r in old.items()}
    )
    for f in disk.values():
        seen = stats.get(f.key)
        if seen is None:
            known = tuple(gone_by_size.get(f.size, ()))
            p.tasks.append(worker.Task(f.key, f.real, f.size, f.mtime_ns, known))
            p.kinds[f.key] = "new"
        elif seen != (f.size, f.mtime_ns, f.real):
            row = old[f.key]
            known = (row.hash,) if row.hash else ()
            p.tasks.append(worker.Task(f.key, f.real, f.size, f.mtime_ns, known))
            p.kinds[f.key] = "changed"
        else:
            p.unchanged += 1
    return p


def engine_fingerprint(engine: str) -> str:
    """Identifies what made an index's contents: engine name and the version of its rules, the
    version of the corpus readers, and the Broadsheet version. A change means a rebuild."""
    from tui import __version__
    from tui.ingest import READERS_VERSION
    from tui.nlp.extractor import ENGINE_VERSIONS

    version = f"{ENGINE_VERSIONS.get(engine, 0)}.{READERS_VERSION}"
    return f"{engine}-{version}@{__version__}"


class Pipeline:
    """Runs worker tasks, inline or in a process pool, yielding outcomes as they arrive."""

    def __init__(
        self, root: Path, engine: str, workers: int | None, stop: threading.Event | None = None
    ) -> None:
        self.root = root
        self.engine = engine
        self.workers = workers if workers is not None else max(1, min(os.cpu_count() or 1, 4))
        self.stop = stop

    def run(self, tasks: list[worker.Task], window_docs: int) -> Iterator[worker.Outcome]:
        if len(tasks) <= INLINE_MAX or self.workers <= 1:
            worker.init(str(self.root), self.engine)
            for task in tasks:
                yield worker.process(task)
            return
        from tui.search.procs import spawn_context, stdio_is_real

        ctx = spawn_context()
        in_flight = max(2 * self.workers, window_docs // CHUNK)
        chunks = [tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK)]
        with cf.ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=ctx,
            initializer=worker.worker_main_init,
            initargs=(str(self.root), self.engine, worker.UPDATE_NICE, not stdio_is_real()),
        ) as pool:
            pending: set[cf.Future[bytes]] = set()
            next_chunk = 0
            try:
                while next_chunk < len(chunks) or pending:
                    while next_chunk < len(chunks) and len(pending) < in_flight:
                        pending.add(pool.submit(worker.process_chunk, chunks[next_chunk]))
                        next_chunk += 1
                    done, pending = cf.wait(pending, WAIT_STEP, cf.FIRST_COMPLETED)
                    check_stop(self.stop)
                    for fut in done:
                        try:
                            raw = fut.result()
                        except BrokenProcessPool as exc:
                            raise RuntimeError(
                                "an indexing worker process died (out of memory, or the "
                                f"annotation engine failed to load): {exc}"
                            ) from exc
                        yield from worker.load_chunk(raw)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)


class Writer:
    """The one Whoosh writer, committing a segment every `SEGMENT_DOCS` documents and keeping
    the manifest in step with each commit."""

    def __init__(
        self,
        ix: Any,
        manifest: Manifest,
        meta: dict[str, str],
        *,
        final_merge: bool,
    ) -> None:
        self.ix = ix
        self.manifest = manifest
        self.meta = meta
        self.final_merge = final_merge
        self.w: SegmentWriter | None = None
        self.docs_in_segment = 0
        self.rows: list[FileRow] = []
        self.deletes: list[str] = []
        self.dirty = False
        self.segments: list[Any] = []
        """Segments written elsewhere (`SegmentBuild`) for the next commit to add."""

    def _writer(self) -> SegmentWriter:
        if self.w is None:
            try:
                # Not compound: Whoosh reads a compound segment by copying each part into
                # memory (BytesIO over the mmap): a gigabyte per reader at 100,000 articles.
                self.w = FastWriter(self.ix, limitmb=WRITER_MB, compound=False)
            except LockError as exc:
                # Only the holder of writer.lock opens a Whoosh writer, so this means a foreign
                # process (an older Broadsheet?) writes here: report it like our own lock.
                raise IndexLocked("index is locked by another process (Whoosh lock)") from exc
        return self.w

    def delete_file(self, key: str) -> None:
        self._writer().delete_by_term("file", key)
        self.dirty = True

    def add(self, doc: dict[str, Any]) -> None:
        self._writer().add_document(**doc)
        self.docs_in_segment += 1
        self.dirty = True

    def record(self, row: FileRow | None = None, delete: str | None = None) -> None:
        if row is not None:
            self.rows.append(row)
        if delete is not None:
            self.deletes.append(delete)

    def maybe_commit(self) -> None:
        if self.docs_in_segment >= SEGMENT_DOCS:
            self.commit(final=False)

    def commit(self, final: bool) -> None:
        """Commit Whoosh, then the manifest rows that commit covers (see module docstring)."""
        if self.segments:
            extra, self.segments = self.segments, []
            self._writer().commit(mergetype=lambda _w, current: [*current, *extra])
        elif self.w is not None and self.dirty:
            if final and self.final_merge:
                self.w.commit()
            else:
                self.w.commit(merge=False)
        elif self.w is not None:
            self.w.cancel()
        self.w = None
        self.docs_in_segment = 0
        self.dirty = False
        ix = self.ix.refresh()
        self.ix = ix
        gen = Path(ix.storage.folder)
        meta = dict(self.meta)
        meta["whoosh_generation"] = str(ix.latest_generation())
        meta["files"] = json.dumps(whoosh_files(gen))
        meta["docs"] = str(ix.doc_count())
        if final:
            meta["complete"] = "1"
        self.manifest.apply(self.rows, self.deletes, meta)
        self.rows, self.deletes = [], []

    def cancel(self) -> None:
        if self.w is not None:
            try:
                self.w.cancel()
            finally:
                self.w = None


class Indexer:
    """Full builds and incremental updates of one corpus's index (holder of the writer lock)."""

    def __init__(
        self,
        root: Path,
        layout: Layout,
        engine: str,
        fingerprint: str,
        workers: int | None,
        stop: threading.Event | None = None,
    ) -> None:
        self.root = root
        self.layout = layout
        self.engine = engine
        self.fingerprint = fingerprint
        self.stop = stop
        self.pipeline = Pipeline(root, engine, workers, stop)
        self._renamed_from: set[str] = set()

    def _meta(self) -> dict[str, str]:
        return {
            "schema": str(SCHEMA_VERSION),
            "engine": self.fingerprint,
            "root": str(self.root),
            "updated": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }

    def rebuild(
        self, progress: Progress | None, reason: str | None, publish_early: bool = False
    ) -> IndexSummary:
        """Build a complete new generation, then make it current.

        `publish_early` (nothing readable is current: a first build) makes the new generation
        current at its first commit, so searches see the index grow; otherwise the old one
        stays in use until the new one is complete.
        """
        started = time.perf_counter()
        gen = self.layout.new_generation()
        build = None
        if self.pipeline.workers > 1:
            build = SegmentBuild(self.root, self.engine, self.pipeline.workers, gen, self.stop)
        ok = False
        try:
            folders: dict[str, int] = {}
            disk, folder_problems = scan(self.root, folders, build.start if build else None)
            p = plan(disk, {}, full=True)
            ix = whoosh_index.create_in(str(gen), build_schema())
            manifest = Manifest(gen / MANIFEST)
            try:
                meta = self._meta()
                meta["partial"] = "1"
                meta["files_total"] = str(len(p.tasks))
                meta["folders"] = json.dumps(folders)
                writer = Writer(ix, manifest, meta, final_merge=False)
                summary = IndexSummary(rebuilt=True, reason=reason)
                if len(p.tasks) > INLINE_MAX and build is not None:
                    on_commit = (lambda: self.layout.switch(gen)) if publish_early else None
                    self._build(gen, p.tasks, writer, summary, progress, on_commit, build)
                else:
                    self._run(p, writer, {}, summary, progress, window=WINDOW_DOCS, fresh=True)
                writer.commit(final=True)
                manifest.checkpoint()
                summary.articles = writer.ix.doc_count()
            finally:
                manifest.close()
            self.layout.switch(gen)
            ok = True
        finally:
            if build is not None:
                build.close()
            if not ok and not (publish_early and self.layout.current() == gen):
                shutil.rmtree(gen, ignore_errors=True)
        summary.skipped = folder_problems + summary.skipped
        summary.seconds = time.perf_counter() - started
        return summary

    def _build(
        self,
        gen: Path,
        tasks: list[worker.Task],
        writer: Writer,
        summary: IndexSummary,
        progress: Progress | None,
        on_first_commit: Callable[[], None] | None = None,
        build: SegmentBuild | None = None,
    ) -> None:
        """Read `tasks` on worker processes that write their own segments, committing each
        segment as it comes with the manifest rows of the files it holds (and no others), so
        every commit is a consistent index of the files it lists: a killed build resumes
        from its last commit (`update` of a partial generation)."""
        if build is None:  # resuming: a killed build may have left its private folders
            for child in gen.iterdir():
                if child.is_dir() and child.name.startswith("worker-"):
                    shutil.rmtree(child, ignore_errors=True)
            build = SegmentBuild(self.root, self.engine, self.pipeline.workers, gen, self.stop)
        pending: dict[int, list[FileRow]] = defaultdict(list)
        total = len(tasks)
        done = 0
        if progress is not None:
            progress(0, total)
        for event in build.run(tasks):
            if isinstance(event, SegmentReady):
                if event.segment is not None:
                    prefix = f"{event.segment.indexname}_{event.segment.segid}"
                    for name in os.listdir(event.folder):
                        if name.startswith(prefix):
                            os.replace(os.path.join(event.folder, name), gen / name)
                    writer.segments = [event.segment]
                writer.rows.extend(pending.pop(event.worker, []))
                writer.commit(final=False)
                if on_first_commit is not None:
                    on_first_commit()
                    on_first_commit = None
                continue
            i, out = event
            row = FileRow(out.key, out.real, out.size, out.mtime_ns, out.hash)
            row.ids, row.problems = out.ids, out.problems
            if out.ids:
                summary.added += 1
            summary.skipped.extend(out.problems)
            pending[i].append(row)
            done += 1
            if progress is not None:
                progress(done, total)
        for rows in pending.values():
            writer.rows.extend(rows)

    def update(
        self,
        gen: Path,
        progress: Progress | None,
        only: Iterable[Path] | None = None,
    ) -> IndexSummary:
        """Apply what changed since the manifest: added, changed, removed and renamed files.

        `only` limits the comparison to those paths (from a file watcher), so a change in a
        100,000-file corpus does not cost a walk of all of it.
        """
        started = time.perf_counter()
        manifest = Manifest(gen / MANIFEST)
        try:
            folders: dict[str, int] = {}
            if only is None:
                old: Mapping[str, FileRow] = LazyRows(manifest, manifest.stats())
                disk, folder_problems = scan(self.root, folders)
            else:
                old, disk = self._targeted(manifest, only)
                folder_problems = []
            p = plan(disk, old, full=False)
            summary = IndexSummary(unchanged=p.unchanged)
            ix = whoosh_index.open_dir(str(gen))
            meta = self._meta()
            if only is None:
                meta["folders"] = json.dumps(folders)
            unfinished = manifest.get_meta().get("complete") != "1"
            if unfinished:  # a first build that was stopped: carry on from its last commit
                meta["partial"] = "1"
                meta["files_total"] = str(len(disk) if only is None else len(p.tasks))
            writer = Writer(ix, manifest, meta, final_merge=not unfinished)
            resumable = all(kind == "new" for kind in p.kinds.values()) and not p.removed
            lagging = manifest.get_meta().get("whoosh_generation") != str(ix.latest_generation())
            if unfinished and lagging and p.tasks:
                # Killed between a Whoosh commit and the manifest rows it covers: that commit's
                # articles are in the index while their files still look new. Take them out
                # first, or carrying on would add them a second time.
                for task in p.tasks:
                    writer.delete_file(task.key)
                writer.commit(final=False)
            if unfinished and resumable and len(p.tasks) > INLINE_MAX and self.pipeline.workers > 1:
                summary.resumed = True
                self._build(gen, p.tasks, writer, summary, progress)
                writer.commit(final=True)
            elif unfinished and not (p.tasks or p.removed):
                writer.commit(final=True)
            elif p.tasks or p.removed:
                with ix.searcher() as searcher:
                    # Renamed files are re-added from what the index stored; read it before
                    # the writer deletes anything.
                    self._run(
                        p,
                        writer,
                        old,
                        summary,
                        progress,
                        window=WINDOW_DOCS,
                        searcher=searcher,
                    )
                    for key in p.removed:
                        if key not in self._renamed_from:
                            summary.removed += 1
                        writer.delete_file(key)
                        writer.record(delete=key)
                writer.commit(final=True)
            elif manifest.get_meta().get("whoosh_generation") != str(ix.latest_generation()):
                # Nothing changed on disk, but the manifest lags a Whoosh commit (an update
                # was killed between the two): record the state as it now is.
                writer.commit(final=True)
            summary.articles = writer.ix.doc_count()
            if only is None and manifest.get_meta().get("folders") != meta["folders"]:
                manifest.apply([], [], {"folders": meta["folders"]})  # for `folders_changed`
            if only is None:
                summary.skipped = folder_problems + manifest.problems()
            else:
                summary.skipped = manifest.problems()
        finally:
            manifest.close()
        summary.seconds = time.perf_counter() - started
        return summary

    def _targeted(
        self, manifest: Manifest, paths: Iterable[Path]
    ) -> tuple[dict[str, FileRow], dict[str, DiskFile]]:
        """Manifest rows and disk state for just the given files (watch mode)."""
        from tui.ingest import SUFFIXES, relpath

        old: dict[str, FileRow] = {}
        disk: dict[str, DiskFile] = {}
        for path in paths:
            key = relpath(path, self.root)
            row = manifest.row(key)
            if row is not None:
                old[key] = row
            try:
                st = os.stat(path)
            except OSError:
                if row is None:  # perhaps a folder that went away: drop what it held
                    for inner in manifest.rows_under(key):
                        old[inner.key] = inner
                continue
            if path.suffix.lower() not in SUFFIXES or not stat.S_ISREG(st.st_mode):
                continue
            disk[key] = DiskFile(key, os.path.relpath(path, self.root), st.st_size, st.st_mtime_ns)
        return old, disk

    def _run(
        self,
        p: Plan,
        writer: Writer,
        old: Mapping[str, FileRow],
        summary: IndexSummary,
        progress: Progress | None,
        window: int,
        searcher: Any = None,
        fresh: bool = False,
    ) -> None:
        self._renamed_from = set()
        gone_by_hash: dict[str, str] = {}
        for key in p.removed:
            digest = old[key].hash
            if digest:
                gone_by_hash.setdefault(digest, key)
        total = len(p.tasks)
        if progress is not None:
            progress(0, total)
        outcomes = self.pipeline.run(p.tasks, window)
        for done, out in enumerate(outcomes, start=1):
            check_stop(self.stop)
            kind = p.kinds.get(out.key, "new")
            prev = old.get(out.key)
            row = FileRow(out.key, out.real, out.size, out.mtime_ns, out.hash)
            if out.matched is not None and kind == "changed" and prev is not None:
                # Touched but not changed: remember the new stat, keep everything else.
                row.ids, row.problems = prev.ids, prev.problems
                summary.unchanged += 1
            elif (
                out.matched is not None
                and out.matched in gone_by_hash
                and searcher is not None
                and (copied := self._copy_renamed(searcher, old[gone_by_hash[out.matched]], out))
                is not None
            ):
                source = gone_by_hash[out.matched]
                writer.delete_file(out.key)
                for doc in copied:
                    writer.add(doc)
                row.ids = [doc["id"] for doc in copied]
                row.problems = [replace(p, path=out.key) for p in old[source].problems]
                self._renamed_from.add(source)
                summary.renamed += 1
            else:
                if out.matched is not None:
                    # Known content but nothing to copy from: read it after all.
                    out = worker.process(worker.Task(out.key, out.real, out.size, out.mtime_ns))
                    row.hash = out.hash
                # `ids` rather than `docs`: a full build's workers add the documents themselves.
                if prev is not None or kind == "changed":
                    writer.delete_file(out.key)
                    if out.ids:
                        summary.updated += 1
                    elif prev is not None and prev.ids:
                        summary.removed += 1  # turned bad or empty: its articles are gone
                else:
                    if not fresh:
                        # Never seen by the manifest, but an update killed before its
                        # manifest commit may have added it to Whoosh already.
                        writer.delete_file(out.key)
                    if out.ids:
                        summary.added += 1
                for doc in out.docs:
                    writer.add(doc)
                row.ids, row.problems = out.ids, out.problems
            summary.skipped.extend(row.problems if out.matched is None else [])
            writer.record(row)
            writer.maybe_commit()
            if progress is not None:
                progress(done, total)

    def _copy_renamed(
        self, searcher: Any, source: FileRow, out: worker.Outcome
    ) -> list[dict[str, Any]] | None:
        """A renamed file's documents rebuilt from the index under their new id and path, or
        None when the index does not hold all of them (then the file is read instead)."""
        from tui.ingest import relpath

        reader = searcher.reader()
        if not (reader.has_column("blob") and reader.has_column("text")):
            return None
        text_col, blob_col = reader.column_reader("text"), reader.column_reader("blob")
        new_rel = relpath(self.root / out.real, self.root)
        docs: list[dict[str, Any]] = []
        for old_id in source.ids:
            docnum = searcher.document_number(id=old_id)
            if docnum is None:
                return None
            stored = searcher.stored_fields(docnum)
            data = unpack(text_col[docnum], blob_col[docnum])
            record = old_id.rsplit("#", 1)[1] if "#" in old_id else None
            new_id = article_id(new_rel, int(record) if record and record.isdigit() else None)
            article = article_from(stored, data).model_copy(update={"id": new_id, "path": new_rel})
            docs.append(prepare(article, annotations_from(data), out.key))
        return docs
