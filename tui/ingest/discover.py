"""Finding the article files of a corpus folder.

The order is deterministic (sorted by name at each level, depth first) so that indexing,
progress bars and tests see the same sequence on every run and every machine. Hidden entries
are skipped (``.git``, editor swap files, our own caches), and a symlink is followed only when
its target stays inside the corpus: a corpus may be shared, and a link to ``/`` or ``~`` must
not make us index someone's home folder.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".md", ".markdown", ".json", ".jsonl", ".html", ".htm"}
)
"""File suffixes ingest reads (compared case-insensitively)."""

OnError = Callable[[Path, str], None]

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

    Never raises: a folder that cannot be listed is skipped and, when `on_error` is given,
    reported to it as ``(path, reason)``.
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
        try:
            if entry.is_symlink() and not _inside(os.path.realpath(entry.path), root_real):
                continue
            st = entry.stat()  # follows links; raises for a broken one
        except (OSError, ValueError):
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


def _inside(target: str, root_real: str) -> bool:
    try:
        return os.path.commonpath([target, root_real]) == root_real
    except ValueError:  # different drives on Windows
        return False


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return type(exc).__name__
