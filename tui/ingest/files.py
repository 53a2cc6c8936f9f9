"""File access for ingest: bounded reads, and the relative path that names an article.

Reading is where the outside world fails: files vanish between listing and reading, grow past
any sane size, turn out to be folders, FIFOs or broken links. Each of those becomes a
`ReadFailure` with a reason a person can act on, never an exception that stops indexing.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024
"""Files larger than this are reported and skipped: no news article is 20 MB, and reading a
stray database dump or video whole would stall indexing and the app."""

_CHUNK = 1 << 20
# Characters that must not appear raw in an id shown on one terminal line: controls, DEL, C1,
# bidi overrides/isolates (a file name can hold any of them).
_UNSAFE_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class ReadFailure(Exception):
    """A file could not be read; `reason` is the text for the problems list."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_bytes(path: Path, cap: int = MAX_BYTES) -> bytes:
    """Read a whole regular file of at most `cap` bytes, or raise `ReadFailure` saying why not.

    The file is opened non-blocking and checked with fstat on the open descriptor, so a FIFO
    never blocks the reader and a file swapped after listing is judged by what was opened. The
    size is checked before reading and again while reading (the file may grow meanwhile), so an
    oversized file is never read whole.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        kind = "broken link" if _is_link(path) else "file not found (removed after listing?)"
        raise ReadFailure(kind) from None
    except PermissionError:
        raise ReadFailure("unreadable: permission denied") from None
    except OSError as exc:
        raise ReadFailure(f"unreadable: {_os_reason(exc)}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise ReadFailure("not a regular file (a folder)")
        if not stat.S_ISREG(st.st_mode):
            raise ReadFailure("not a regular file")
        if st.st_size > cap:
            raise ReadFailure(_too_large(st.st_size, cap))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, _CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > cap:
                raise ReadFailure(_too_large(total, cap) + ", grew while being read")
        return b"".join(chunks)
    except OSError as exc:
        raise ReadFailure(f"unreadable: {_os_reason(exc)}") from None
    finally:
        os.close(fd)


def _too_large(size: int, cap: int) -> str:
    mb = 1024 * 1024
    return f"too large ({size / mb:.1f} MB > {cap / mb:.0f} MB cap)"


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.EISDIR:
        return "a folder"
    return exc.strerror or type(exc).__name__


def _is_link(path: Path) -> bool:
    try:
        return path.is_symlink()
    except OSError:
        return False


def display_name(part: str) -> str:
    """One path component as a valid, printable str.

    File names are bytes on POSIX; Python hands undecodable ones over with surrogate escapes,
    which cannot be encoded as UTF-8 (so not stored, sent as JSON or shown). They become
    visible ``\\xNN`` escapes, as do control characters such as a newline in a name, so an id is
    always one printable line and two different names rarely collide.
    """
    text = os.fsencode(part).decode("utf-8", errors="backslashreplace")
    return _UNSAFE_IN_NAME.sub(_escape_char, text)


def _escape_char(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def relpath(path: Path, root: Path) -> str:
    """The POSIX path of `path` relative to `root`, the basis of `Article.id` and `.path`.

    Ids must survive a moved corpus, so they never hold the root itself. A path that is not
    under `root` (a caller passing a stray file) falls back to its file name. Never raises.
    """
    path, root = Path(path), Path(root)
    rel: Path | None = None
    try:
        rel = path.relative_to(root)
    except ValueError:
        try:
            rel = path.resolve().relative_to(root.resolve())
        except (ValueError, OSError, RuntimeError):
            rel = None
    parts = rel.parts if rel is not None and rel.parts else (path.name or str(path),)
    return "/".join(display_name(p) for p in parts)


def display_path(path: Path) -> str:
    """`path` as given, made printable like `relpath` (for files read without a root)."""
    return "/".join(display_name(p) if p != "/" else "" for p in Path(path).parts) or "."
