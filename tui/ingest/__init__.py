"""Reading a corpus folder into clean `Article`s. Knows nothing of NLP, search or the UI.

Public API (stable; other packages call exactly these):

* `discover(root)` — the article files under a folder, in a stable order.
* `read_file(path, root)` — one file into a `ReadResult` (articles and problems); never raises.
* `read_corpus(root)` — `discover` + `read_file`, plus problems for unreadable folders.
* `read_plain(path, root=None)` — a file as body text exactly as it is (``annotate --plain``).
* `relpath(path, root)` — the relative POSIX path that `Article.id`/`.path` are built from.
* `safe_text(s)` — text with escape sequences, controls and bidi overrides removed.
* `parse_date(value)`, `person_name(value)` — the metadata normalisers the readers use.
* `SUFFIXES`, `MAX_BYTES` — the file types read, and the size above which files are skipped.
"""

from __future__ import annotations

from .clean import safe_text
from .dates import parse_date
from .discover import SUFFIXES, discover
from .files import MAX_BYTES, relpath
from .names import person_name
from .read import read_corpus, read_file, read_plain

READERS_VERSION = 5
"""Bumped whenever a reader's output changes (what counts as chrome, title or body): an index
keeps each article's text, so one read by older readers is rebuilt."""

__all__ = [
    "MAX_BYTES",
    "READERS_VERSION",
    "SUFFIXES",
    "discover",
    "parse_date",
    "person_name",
    "read_corpus",
    "read_file",
    "read_plain",
    "relpath",
    "safe_text",
]
