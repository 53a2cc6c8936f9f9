"""One reader per file format, chosen by suffix.

Each reader takes the decoded text of a file and its relative path and returns a `ReadResult`;
decoding, size limits and unreadable files are handled before a reader is called.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tui.model import ReadResult

from .html import declared_charset, read_html
from .json import read_json, read_jsonl
from .markdown import read_markdown
from .txt import read_txt


@dataclass(frozen=True)
class Reader:
    """How to read one format: the reader, and where the bytes may name their own encoding."""

    read: Callable[[str, str], ReadResult]
    charset: Callable[[bytes], str | None] | None = None


READERS: dict[str, Reader] = {
    ".txt": Reader(read_txt),
    ".md": Reader(read_markdown),
    ".markdown": Reader(read_markdown),
    ".json": Reader(read_json),
    ".jsonl": Reader(read_jsonl),
    ".html": Reader(read_html, declared_charset),
    ".htm": Reader(read_html, declared_charset),
}

__all__ = ["READERS", "Reader"]
