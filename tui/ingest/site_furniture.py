"""Furniture learned per site: lines that recur verbatim across many pages of one source.

Rules (`chrome`, `furniture`) know the furniture every site has; each site also has its own
(a slogan, a standing promotion, a box title) that no rule can name. Those lines give
themselves away by recurring, word for word, on most pages of the same source, where the
article's own sentences never do. So the pages in a file's folder are sampled once per folder
and process, grouped by their source, and a short line found on at least half the sampled
pages of a source (and on three at least) is that source's furniture.

Only scraped-shape text pages are learned from (their readers have the weakest rules; HTML
pages go through the extractor's own boilerplate removal), and only pages with a source.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tui.model import Article

from .paragraphs import PARAGRAPH_BREAK, join_paragraphs, text_key

_SAMPLE = 40  # pages read per folder to learn from
_MIN_PAGES = 3
_SHARE = 0.5
_MAX_WORDS = 30  # longer lines are text, whatever their count
_MAX_SHARE_REMOVED = 0.5  # learned lines never take more than this share of an article
_CACHE_FOLDERS = 64

Learned = dict[str, frozenset[str]]
_cache: dict[Path, Learned] = {}


def learned_furniture(folder: Path, read: Callable[[Path], list[Article]]) -> Learned:
    """Each source's recurring lines (as `text_key`s) among the pages in `folder`."""
    cached = _cache.get(folder)
    if cached is None:
        if len(_cache) >= _CACHE_FOLDERS:
            _cache.clear()
        cached = _cache[folder] = _learn(folder, read)
    return cached


def forget() -> None:
    """Drop what was learned (a folder's pages changed)."""
    _cache.clear()


def _learn(folder: Path, read: Callable[[Path], list[Article]]) -> Learned:
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
    except OSError:
        return {}
    if len(files) < _MIN_PAGES:
        return {}
    step = max(1, len(files) // _SAMPLE)
    pages: dict[str, list[set[str]]] = {}
    seen: set[str] = set()
    for path in files[::step][:_SAMPLE]:
        for article in read(path):
            if not article.source or article.content_hash in seen:
                continue  # a copy of a page would make all its lines "recur"
            seen.add(article.content_hash)
            pages.setdefault(article.source, []).append(_short_lines(article))
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


def strip_learned(article: Article, learned: Learned) -> Article:
    """`article` without its source's learned furniture lines (captions are kept)."""
    keys = learned.get(article.source or "")
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
