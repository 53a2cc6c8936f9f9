"""Furniture learned per site: lines that recur verbatim across many pages of one source.

Rules (`chrome`, `furniture`) know the furniture every site has; each site also has its own
(a slogan, a standing promotion, a box title) that no rule can name. Those lines give
themselves away by recurring, word for word, on most pages of the same source, where the
article's own sentences never do. So the pages in a file's folder are sampled once per folder
and process, grouped by their source, and a short line found on at least half the sampled
pages of a source (and on three at least) is that source's furniture. What was learned is
kept per folder and its modification time (bounded to a few dozen folders).

Scraped-shape text pages are learned from as their reader gives them, grouped by their source
(pages without one teach nothing). Web pages would cost the extractor's time forty times over,
so their short text runs are read straight from the markup (`html_lines`) and grouped by the
site the page names in its head; what recurs there and is left in an extracted article is the
site's furniture all the same.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tui.model import Article

from .decode import decode_bytes
from .files import ReadFailure, read_bytes
from .html_lines import page_lines, page_site
from .paragraphs import PARAGRAPH_BREAK, join_paragraphs, text_key

_SAMPLE = 40  # pages read per folder to learn from
_MIN_PAGES = 3
_SHARE = 0.5
_MAX_WORDS = 30  # longer lines are text, whatever their count
_MAX_SHARE_REMOVED = 0.5  # learned lines never take more than this share of an article
_CACHE_FOLDERS = 64
_HTML_SUFFIXES = (".html", ".htm")
_HTML_BYTES = 2 * 1024 * 1024  # a page's markup read to learn from; past that, skipped

Learned = dict[str, frozenset[str]]
_cache: dict[tuple[Path, int, str], Learned] = {}


def learned_furniture(folder: Path, read: Callable[[Path], list[Article]]) -> Learned:
    """Each source's recurring lines (as `text_key`s) among the text pages in `folder`.

    What was learned is kept while the folder's modification time stays the same: adding,
    removing or renaming a page changes it, so a long-running app learns again from the
    folder as it is now, never from pages long gone."""
    return _cached(folder, "txt", lambda: _learn(folder, read))


def learned_html_furniture(folder: Path) -> Learned:
    """Each site's recurring text runs (as `text_key`s) among the web pages in `folder`, keyed
    by `html_lines.page_site`; kept as `learned_furniture` keeps its own."""
    return _cached(folder, "html", lambda: _learn_html(folder))


def _cached(folder: Path, kind: str, learn: Callable[[], Learned]) -> Learned:
    key = (folder, folder_stamp(folder), kind)
    cached = _cache.get(key)
    if cached is None:
        if len(_cache) >= _CACHE_FOLDERS:
            _cache.clear()
        cached = _cache[key] = learn()
    return cached


def forget() -> None:
    """Drop what was learned (a corpus is read afresh)."""
    _cache.clear()


def folder_stamp(folder: Path) -> int:
    """The folder's modification time in ns (-1 when it cannot be read)."""
    try:
        return folder.stat().st_mtime_ns
    except OSError:
        return -1


def _learn(folder: Path, read: Callable[[Path], list[Article]]) -> Learned:
    pages: dict[str, list[set[str]]] = {}
    seen: set[str] = set()
    for path in _sample(folder, (".txt",)):
        for article in read(path):
            if not article.source or article.content_hash in seen:
                continue  # a copy of a page would make all its lines "recur"
            seen.add(article.content_hash)
            pages.setdefault(article.source, []).append(_short_lines(article))
    return _recurring(pages)


def _learn_html(folder: Path) -> Learned:
    pages: dict[str, list[set[str]]] = {}
    seen: set[frozenset[str]] = set()
    for path in _sample(folder, _HTML_SUFFIXES):
        try:
            decoded = decode_bytes(read_bytes(path, _HTML_BYTES))
        except ReadFailure:
            continue
        site = page_site(decoded.text) if decoded is not None else None
        if decoded is None or not site:
            continue
        lines = frozenset(page_lines(decoded.text))
        if lines and lines not in seen:  # a copy of a page would make all its lines "recur"
            seen.add(lines)
            pages.setdefault(site, []).append(set(lines))
    return _recurring(pages)


def _sample(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Up to `_SAMPLE` pages of the folder with one of `suffixes`, spread over its listing."""
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in suffixes and p.is_file())
    except OSError:
        return []
    if len(files) < _MIN_PAGES:
        return []
    step = max(1, len(files) // _SAMPLE)
    return files[::step][:_SAMPLE]


def _recurring(pages: dict[str, list[set[str]]]) -> Learned:
    """Per source, the lines on at least `_SHARE` of its pages (and `_MIN_PAGES` at least)."""
    learned: Learned = {}
    for source, lines in pages.items():
        if len(lines) < _MIN_PAGES:
            continue
        counts = Counter(key for page in lines for key in page)
        need = max(_MIN_PAGES, math.ceil(_SHARE * len(lines)))
        keys = frozenset(key for key, n in counts.items() if n >= need)
        if keys:
            learned[source] = keys
    return learned


def _short_lines(article: Article) -> set[str]:
    return {
        text_key(p)
        for p in article.text.split(PARAGRAPH_BREAK)
        if p.count(" ") < _MAX_WORDS and text_key(p)
    }


def strip_learned(article: Article, learned: Learned, site: str | None = None) -> Article:
    """`article` without the learned furniture lines of its site (`site`, else its source);
    captions are kept."""
    keys = learned.get(site or article.source or "")
    if not keys:
        return article
    paragraphs = article.text.split(PARAGRAPH_BREAK)
    starts = _starts(paragraphs)
    caption_starts = {span.start for span in article.captions}
    captions = {i for i, start in enumerate(starts) if start in caption_starts}
    kept = [i for i, p in enumerate(paragraphs) if i in captions or text_key(p) not in keys]
    removed = len(paragraphs) - len(kept)
    if not removed or removed > _MAX_SHARE_REMOVED * len(paragraphs):
        return article
    text, spans = join_paragraphs(
        [paragraphs[i] for i in kept], {n for n, i in enumerate(kept) if i in captions}
    )
    data = article.model_dump(exclude={"text", "captions", "content_hash"})
    return Article(**data, text=text, captions=spans)


def _starts(paragraphs: list[str]) -> list[int]:
    out, pos = [], 0
    for para in paragraphs:
        out.append(pos)
        pos += len(para) + len(PARAGRAPH_BREAK)
    return out
