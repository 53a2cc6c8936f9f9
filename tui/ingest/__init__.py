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

Each name is imported from its module when first asked for, not with the package: the readers
compile a few hundred regular expressions and pull in pydantic, YAML and HTML parsers, which a
`broadsheet search` that only needs `safe_text` would otherwise pay for at every start.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .clean import safe_text
    from .dates import parse_date
    from .files import MAX_BYTES, relpath
    from .names import person_name
    from .read import read_corpus, read_file, read_plain

# Imported at once (it is light): `discover` is also the name of its module, and importing the
# module later (scan does) would set the package's `discover` to the module, not the function.
from .discover import SUFFIXES, discover

READERS_VERSION = 6
"""Bumped whenever a reader's output changes (what counts as chrome, title or body): an index
keeps each article's text, so one read by older readers is rebuilt."""

_HOME = {
    "safe_text": "clean",
    "parse_date": "dates",
    "MAX_BYTES": "files",
    "relpath": "files",
    "person_name": "names",
    "read_corpus": "read",
    "read_file": "read",
    "read_plain": "read",
}
"""Which module of this package each public name lives in."""


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # asked once: later lookups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME})


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
