"""Reading files into articles: the entry points the indexer, the CLI and the app call.

The one promise here is DESIGN.md's: bad input never stops indexing. Every way a file can fail
(missing, unreadable, too large, binary, empty, malformed) comes back as a `Problem` inside a
`ReadResult`; as a last line of defence any unexpected error in a reader is also turned into a
Problem ("internal error: ...") so one odd file costs one article, never the whole run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from tui.model import Article, ReadResult, article_id

from . import site_dates, site_furniture
from .dates import day_order
from .decode import decode_bytes
from .discover import discover
from .files import MAX_BYTES, ReadFailure, display_path, read_bytes, relpath
from .html_lines import page_site
from .readers import READERS
from .readers.common import problem
from .site_dates import learned_order
from .site_furniture import learned_furniture, learned_html_furniture, strip_learned

CharsetSniffer = Callable[[bytes], str | None]


def read_file(path: Path, root: Path) -> ReadResult:
    """Read the file at `path` (inside the corpus folder `root`) into articles and problems.

    The format is chosen by suffix (see `SUFFIXES`). Never raises, whatever the file holds.
    """
    path, root = Path(path), Path(root)
    rel = relpath(path, root)
    try:
        return _read_file(path, rel)
    except Exception as exc:  # a reader bug must not stop indexing; report it instead
        return ReadResult(problems=[problem(rel, f"internal error: {type(exc).__name__}: {exc}")])


def _read_file(path: Path, rel: str) -> ReadResult:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        return ReadResult(problems=[problem(rel, f"unsupported file type {path.suffix!r}")])
    loaded = _load_text(path, rel, reader.charset)
    if isinstance(loaded, ReadResult):
        return loaded
    # An all-numeric date is read in the order the file's folder (its site) shows, if any.
    with day_order(lambda: learned_order(path.parent)):
        result = reader.read(loaded, rel)
    suffix = path.suffix.lower()
    if suffix == ".txt" and any(a.source for a in result.articles):
        learned = learned_furniture(path.parent, _sample)
        if learned:
            result.articles = [strip_learned(a, learned) for a in result.articles]
    elif suffix in (".html", ".htm") and result.articles:
        site = page_site(loaded)
        learned = learned_html_furniture(path.parent) if site else {}
        if site in learned:
            result.articles = [strip_learned(a, learned, site) for a in result.articles]
    return result


def _sample(path: Path) -> list[Article]:
    """A page's articles as its reader gives them, for learning its site's furniture."""
    try:
        reader = READERS[path.suffix.lower()]
        loaded = _load_text(path, path.name, reader.charset)
        return [] if isinstance(loaded, ReadResult) else reader.read(loaded, path.name).articles
    except Exception:  # a page that cannot be read teaches nothing
        return []


def _load_text(path: Path, rel: str, charset: CharsetSniffer | None = None) -> str | ReadResult:
    """The decoded text of a file, or the ReadResult reporting why there is none."""
    try:
        data = read_bytes(path, MAX_BYTES)
    except ReadFailure as failure:
        return ReadResult(problems=[problem(rel, failure.reason)])
    if not data:
        return ReadResult(problems=[problem(rel, "empty file")])
    declared = charset(data) if charset is not None else None
    decoded = decode_bytes(data, declared)
    if decoded is None:
        return ReadResult(problems=[problem(rel, "binary file")])
    if not decoded.text.strip():
        return ReadResult(problems=[problem(rel, "no text (whitespace only)")])
    return decoded.text


def read_plain(path: Path, root: Path | None = None) -> ReadResult:
    """Read a file as body text exactly as it is, for ``annotate --plain``.

    No metadata is parsed and nothing is cleaned or re-laid out (not even line endings), so
    annotation offsets are offsets into the file's own text; title is None. Only decoding is
    done (UTF-8, else detected), and a byte-order mark is not part of the text. Because the
    text is not cleaned, whoever shows it in a terminal must pass it through `safe_text`.
    `Article.path` is the path relative to `root`, or the path as given when `root` is None.
    """
    path = Path(path)
    rel = relpath(path, root) if root is not None else display_path(path)
    try:
        loaded = _load_text(path, rel)
        if isinstance(loaded, ReadResult):
            return loaded
        return ReadResult(articles=[Article(id=article_id(rel), path=rel, text=loaded)])
    except Exception as exc:  # same promise as read_file
        return ReadResult(problems=[problem(rel, f"internal error: {type(exc).__name__}: {exc}")])


def read_corpus(root: Path) -> Iterator[ReadResult]:
    """Read every article file under `root` (see `discover`), one `ReadResult` per file.

    Folders that cannot be listed are reported as results holding only a Problem, so the
    caller's problem list shows them too.
    """
    root = Path(root)
    # Read afresh: what was learned from the folders' pages before is not trusted (a page may
    # have been rewritten in place, which a folder's time does not show).
    site_furniture.forget()
    site_dates.forget()
    pending: list[ReadResult] = []

    def on_error(where: Path, reason: str) -> None:
        pending.append(ReadResult(problems=[problem(relpath(where, root), reason)]))

    for path in discover(root, on_error=on_error):
        while pending:
            yield pending.pop(0)
        yield read_file(path, root)
    yield from pending
