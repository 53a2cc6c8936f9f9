"""The per-file work of indexing: hash, read, annotate, prepare. Runs in worker processes.

Everything here is a plain function over picklable data so it can run in a
`ProcessPoolExecutor` (several files per task, to keep inter-process traffic low) or inline in
the calling process when only a few files changed and starting workers would cost more than
the work.

A full build goes further (`serve`): each worker process also writes the documents it made
into a Whoosh segment of its own, so the costly part of writing an index (inverting, encoding
and compressing postings) runs on every core too, and documents never travel between
processes. The calling process only hands out files, keeps the manifest, and at the end
commits the workers' segments together as one index.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import traceback
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.model import Problem

if TYPE_CHECKING:  # pydantic models, loaded where built: a search needs none of them
    from tui.model import Annotations, Article

HASH_CAP = 64 * 1024 * 1024
"""Files larger than this are not hashed (ingest refuses them anyway); size+mtime stand in."""


@dataclass(frozen=True)
class Task:
    """One file to look at. `known` are content hashes that mean "nothing to read": the file's
    previous hash (touched but unchanged) or hashes of files that vanished (a rename)."""

    key: str
    real: str
    size: int
    mtime_ns: int
    known: tuple[str, ...] = ()


@dataclass
class Outcome:
    """What one file gave. `matched` is set (to the hash) when the content was already known,
    and then `docs` is empty: the caller reuses what the index has."""

    key: str
    real: str
    size: int
    mtime_ns: int
    hash: str | None
    matched: str | None = None
    docs: list[dict[str, Any]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class _State:
    root: Path = Path(".")
    engine: str = "rules"
    extractor: Any = None


_state = _State()


def init(root: str, engine: str) -> None:
    """Set up a worker: the corpus root and the annotation engine (built on first use)."""
    _state.root = Path(root)
    if _state.engine != engine:
        _state.extractor = None
    _state.engine = engine


def _extractor() -> Any:
    if _state.extractor is None:
        from tui.nlp import get_extractor

        _state.extractor = get_extractor(_state.engine)
    return _state.extractor


def file_hash(path: Path, size: int) -> str | None:
    """Content hash of a file; None when it cannot be read (ingest will say why)."""
    if size > HASH_CAP:
        return None
    try:
        with open(path, "rb") as fh:
            return hashlib.blake2b(fh.read(), digest_size=16).hexdigest()
    except OSError:
        return None


def annotate(article: Article) -> tuple[Annotations, Problem | None]:
    """Annotate one article; a failing engine costs the article its annotations, not its place
    in the index."""
    try:
        ann = _extractor().annotate(article.text, title=article.title, captions=article.captions)
        return ann, None
    except Exception as exc:  # an engine bug must not stop indexing of the whole corpus
        from tui.model import Annotations

        return Annotations(), Problem(
            path=article.path, reason=f"annotation failed ({type(exc).__name__}: {exc})"[:300]
        )


def process(task: Task) -> Outcome:
    from tui.ingest import read_file
    from tui.search.prepare import prepare

    path = _state.root / task.real
    digest = file_hash(path, task.size)
    out = Outcome(task.key, task.real, task.size, task.mtime_ns, digest)
    if digest is not None and digest in task.known:
        out.matched = digest
        return out
    try:
        result = read_file(path, _state.root)
    except Exception as exc:  # ingest promises not to raise; a bug there must not stop us
        out.problems.append(Problem(path=task.key, reason=f"could not read ({exc})"[:300]))
        return out
    out.problems.extend(result.problems)
    for article in result.articles:
        ann, problem = annotate(article)
        if problem is not None:
            out.problems.append(problem)
        out.docs.append(prepare(article, ann, task.key))
        out.ids.append(article.id)
    return out


def process_chunk(tasks: list[Task]) -> bytes:
    """Several files in one round trip, pickled and compressed here so the writer holds
    compact bytes (about 6 KB an article, not thousands of small objects) for results it has
    not consumed yet, e.g. while it commits a segment."""
    raw = pickle.dumps([process(t) for t in tasks], protocol=pickle.HIGHEST_PROTOCOL)
    return zlib.compress(raw, 1)


def load_chunk(data: bytes) -> list[Outcome]:
    outcomes: list[Outcome] = pickle.loads(zlib.decompress(data))
    return outcomes


UPDATE_NICE = 5
"""Priority an update's workers give up: the writer (in the calling process) and, in the app,
the interface come first. A full build's workers keep normal priority: they are the writers
there, and the calling process only waits for them. (Niced workers lose more than it seems
to any busy process: the scheduler packs both onto one core beside it, since their combined
weight is still below its.)"""


def worker_main_init(root: str, engine: str, nice: int = UPDATE_NICE, quiet: bool = False) -> None:
    """Pool initializer: also builds the extractor now, so its load time is not charged to
    the first chunk and an engine that cannot load fails early. `quiet` sends the worker's
    output to /dev/null: its host (the app) draws on the terminal the worker inherited."""
    if quiet:
        from tui.search.procs import silence_stdio

        silence_stdio()
    init(root, engine)
    if nice:
        with contextlib.suppress(AttributeError, OSError):
            os.nice(nice)
    _extractor()


class SegmentSink:
    """The Whoosh segments one worker process writes during a full build.

    They are written in a private folder (Whoosh keeps its temporary files in a folder named
    after the index, which writers sharing one folder would trample). `flush` writes out the
    segment so far and returns it; its files stay in the folder until the calling process moves
    them into the generation and commits them, so nothing is visible in the index before that
    commit, and the next segment starts in the same folder under a new name.
    """

    def __init__(self, folder: str, limitmb: float) -> None:
        self.folder = folder
        self.limitmb = limitmb
        self.writer: Any = None

    def add(self, docs: list[dict[str, Any]]) -> None:
        if not docs:
            return
        if self.writer is None:
            from whoosh import index as whoosh_index

            from tui.search.schema import build_schema
            from tui.search.segment import FastWriter

            os.makedirs(self.folder, exist_ok=True)
            ix = whoosh_index.create_in(self.folder, build_schema())
            self.writer = FastWriter(ix, limitmb=self.limitmb, compound=False)
        for doc in docs:
            self.writer.add_document(**doc)

    def flush(self) -> Any:
        """Write out the segment so far and return it (None when nothing was added since)."""
        writer, self.writer = self.writer, None
        if writer is None:
            return None
        try:
            return writer._finalize_segment()
        finally:
            writer._finish()  # our own folder: drops the temporary files, releases the lock

    def cancel(self) -> None:
        writer, self.writer = self.writer, None
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cancel()


def serve(conn: Any, root: str, engine: str, folder: str, limitmb: float, quiet: bool) -> None:
    """Main loop of a full-build worker process, driven over a pipe by the calling process.

    Requests: ("files", [Task, ...]) answers ("files", [Outcome, ...]) with each outcome's
    documents already added to this worker's segment (so `docs` is empty and `ids` says what
    was added); ("flush",) answers ("segment", segment or None); ("stop",) ends. Any failure
    answers ("error", traceback) and ends.
    """
    sink = SegmentSink(folder, limitmb)
    status = 1
    try:
        worker_main_init(root, engine, nice=0, quiet=quiet)
        while True:
            request = conn.recv()
            kind = request[0]
            if kind == "files":
                outcomes = [process(task) for task in request[1]]
                for out in outcomes:
                    sink.add(out.docs)
                    out.docs = []
                conn.send(("files", outcomes))
            elif kind == "flush":
                conn.send(("segment", sink.flush()))
            else:
                status = 0
                break
    except (EOFError, KeyboardInterrupt):  # the host is gone or stopping: not a failure
        sink.cancel()
        status = 0
    except OSError as exc:  # a full disk, a read-only folder: the host says so in one line
        sink.cancel()
        with contextlib.suppress(Exception):
            conn.send(("oserror", exc.errno, exc.strerror or str(exc), exc.filename))
    except BaseException:
        sink.cancel()
        with contextlib.suppress(Exception):
            conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()
    # Straight out, without the interpreter's teardown: freeing the annotation engine's tables
    # object by object took a worker 0.3-1.3 s, which the end of every build (and a quit
    # during one) waited for. Nothing is left to flush: the segment files are closed and
    # every answer has been sent.
    os._exit(status)
