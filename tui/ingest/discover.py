"""Finding the article files of a corpus folder.

The order is deterministic (sorted by name at each level, depth first) so that indexing,
progress bars and tests see the same sequence on every run and every machine. Hidden entries
are skipped (``.git``, editor swap files, our own caches), and a symlink is followed only when
its target stays inside the corpus: a corpus may be shared, and a link to ``/`` or ``~`` must
not make us index someone's home folder.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".json", ".jsonl", ".html", ".htm"}
)
"""File suffixes ingest reads (compared case-insensitively)."""

OnError = Callable[[Path, str], None]

LEAVES_CORPUS = "skipped: the link leads outside the corpus"
LOOPS_TO_ITSELF = "skipped: the link loops back to itself"
LOOPS_TO_ANCESTOR = "skipped: the link loops back to a folder above it"
BROKEN_LINK = "skipped: broken link (its target is missing)"

NOT_ARTICLES: frozenset[str] = frozenset(
    {"readme", "license", "licence", "copying", "changelog", "changes", "notice", "authors"}
)
"""Names (before the first dot, any case) of the files a data set or a project keeps beside its
articles: `README.TXT`, `LICENSE.md`... They are not news, and would otherwise open the list."""


def not_an_article(name: str) -> str | None:
    """Why a file of this name is skipped although its suffix is one ingest reads, or None."""
    stem = name.split(".", 1)[0].casefold()
    if stem in NOT_ARTICLES:
        return f"skipped: not an article (a {stem.upper()} file)"
    return None


def is_known(path: Path) -> bool:
    """Whether `path` has a suffix ingest reads."""
    return path.suffix.lower() in SUFFIXES


def discover(root: Path, on_error: OnError | None = None) -> Iterator[Path]:
    """Yield the article files under `root`, recursively, in a stable sorted order.

    Paths are yielded as ``root / relative`` (never resolved), so `relpath` gives the name the
    user sees. Hidden files and folders (name starting with ".") are skipped, and so are
    symlinks whose target is outside `root` or missing; links inside `root` are followed, with a
    guard against loops. Only regular files with a known suffix are yielded. If `root` is itself
    a file with a known suffix, it alone is yielded.

    Never raises: a folder that cannot be listed, and a link that is not followed (it leaves
    the corpus, loops or is broken), are skipped and, when `on_error` is given, reported to it
    as ``(path, reason)``: a file missing from the corpus should say why it is missing.
    """
    root = Path(root)

    def report(path: Path, reason: str) -> None:
        if on_error is not None:
            on_error(path, reason)

    try:
        root_real = os.path.realpath(root)
        st = os.stat(root)
    except (OSError, ValueError) as exc:
        report(root, f"cannot open corpus: {_reason(exc)}")
        return
    if stat.S_ISREG(st.st_mode):
        if is_known(root):
            yield root
        return
    if not stat.S_ISDIR(st.st_mode):
        report(root, "not a folder")
        return

    # Each stack frame: the folder's remaining entries, and the (device, inode) of the folders
    # above it, so a link back to an ancestor is not walked into forever.
    start = (st.st_dev, st.st_ino)
    stack: list[tuple[Iterator[tuple[Path, bool, tuple[int, int]]], frozenset[tuple[int, int]]]]
    stack = [(iter(_entries(root, root_real, report)), frozenset({start}))]
    while stack:
        entries, ancestors = stack[-1]
        item = next(entries, None)
        if item is None:
            stack.pop()
            continue
        path, is_dir, ident = item
        if not is_dir:
            yield path
        elif ident not in ancestors:
            stack.append((iter(_entries(path, root_real, report)), ancestors | {ident}))
        else:
            report(path, LOOPS_TO_ANCESTOR)


def _entries(
    folder: Path, root_real: str, report: Callable[[Path, str], None]
) -> list[tuple[Path, bool, tuple[int, int]]]:
    """The visible, in-corpus entries of one folder, sorted: (path, is_dir, (dev, ino))."""
    try:
        with os.scandir(folder) as it:
            listed = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        report(folder, f"unreadable folder: {_reason(exc)}")
        return []
    out: list[tuple[Path, bool, tuple[int, int]]] = []
    for entry in listed:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        st = follow(entry, root_real)
        if isinstance(st, str):
            report(path, st)
            continue
        if st is None:
            continue
        if stat.S_ISDIR(st.st_mode):
            out.append((path, True, (st.st_dev, st.st_ino)))
        elif stat.S_ISREG(st.st_mode) and is_known(path):
            skipped = not_an_article(entry.name)
            if skipped:
                report(path, skipped)
                continue
            out.append((path, False, (st.st_dev, st.st_ino)))
    return out


def follow(entry: os.DirEntry[str], root_real: str) -> os.stat_result | str | None:
    """What a folder entry is (its stat, through an in-corpus link), or why a link that would
    have been read is not followed (`LEAVES_CORPUS`, `LOOPS_TO_ITSELF`, `BROKEN_LINK`).

    None for an entry that is nothing to report: one that went away since the listing, or a
    link that is not followed but would not have been read anyway (a picture, a document)."""
    link = False
    try:
        link = entry.is_symlink()
        if link and not _inside(os.path.realpath(entry.path), root_real):
            wanted = is_known(Path(entry.name)) or os.path.isdir(entry.path)
            return LEAVES_CORPUS if wanted else None
        return entry.stat()  # follows links; raises for a broken one or a loop
    except OSError as exc:
        if not link or not is_known(Path(entry.name)):
            return None
        return LOOPS_TO_ITSELF if exc.errno == errno.ELOOP else BROKEN_LINK
    except ValueError:  # a name the OS refuses (an embedded NUL)
        return None


def _inside(target: str, root_real: str) -> bool:
    try:
        return os.path.commonpath([target, root_real]) == root_real
    except ValueError:  # different drives on Windows
        return False


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return type(exc).__name__
