"""The day/month order of a site's all-numeric dates, learned from the pages in one folder.

"05/03/2024" cannot be read from the string alone (see `dates`). Scraped pages of one site
are usually saved together, and the site writes every date the same way, so one page of the
folder with a date like "13/11/2023" settles the order for all of them. Only the head of each
sampled page is looked at (its first lines, where the date line and byline are, and the date
fields of JSON records): numbers in the body ("24/7", "9/11") say nothing about the site's
habit. A folder whose pages show both orders (two sites saved together) settles nothing, and
its ambiguous dates stay unknown.

What was learned is kept per folder, its modification time and process, in a bounded cache:
pages added or removed change the folder's time, so a long-running app learns again; `forget`
empties it when a corpus is read afresh.
"""

from __future__ import annotations

import re
from pathlib import Path

from .dates import Order, numeric_order
from .site_furniture import folder_stamp

_SAMPLE = 40  # pages read per folder
_HEAD_BYTES = 8192
_HEAD_LINES = 20
_LINE_MAX = 120
_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".json", ".jsonl"})
_JSON_DATE = re.compile(
    r'"(?:date\w*|published\w*|pub_?date|created\w*|updated\w*|modified\w*)"\s*:\s*"([^"]{6,40})"',
    re.IGNORECASE,
)
_CACHE_FOLDERS = 64

_cache: dict[tuple[Path, int], Order | None] = {}


def learned_order(folder: Path) -> Order | None:
    """The order the pages in `folder` write their numeric dates in, if they show one (kept
    while the folder's modification time stays the same, as `site_furniture` does)."""
    key = (folder, folder_stamp(folder))
    if key in _cache:
        return _cache[key]
    if len(_cache) >= _CACHE_FOLDERS:
        _cache.clear()
    order = _cache[key] = _learn(folder)
    return order


def forget() -> None:
    """Drop what was learned (pages were added or changed)."""
    _cache.clear()


def _learn(folder: Path) -> Order | None:
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in _SUFFIXES)
    except OSError:
        return None
    step = max(1, len(files) // _SAMPLE)
    seen: set[Order] = set()
    for path in files[::step][:_SAMPLE]:
        seen.update(_evidence(path))
        if len(seen) > 1:
            return None
    return seen.pop() if seen else None


def _evidence(path: Path) -> set[Order]:
    """The orders the head of one page shows."""
    try:
        with path.open("rb") as f:
            head = f.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return set()
    lines = [line.strip() for line in head.splitlines() if line.strip()][:_HEAD_LINES]
    candidates = [line for line in lines if len(line) <= _LINE_MAX]
    candidates += _JSON_DATE.findall(head)
    return {order for text in candidates if (order := numeric_order(text))}
