"""A saved web page's site and short text runs, read straight from its markup.

Learning a site's furniture (`site_furniture`) compares the lines of many pages of one site.
Running the extractor over forty pages to learn from them would cost seconds per folder; a
page's furniture is plain text between two tags ("<p>Harbour Daily brings you the delta's news
first</p>"), so a regular expression over the markup finds it in about a millisecond. Runs that
hold inline markup come out in pieces; that costs nothing, because a learned line is only ever
removed where a whole paragraph of the extracted article equals it.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from .paragraphs import text_key

_HEAD_CHARS = 65536
_HIDDEN_TAGS = ("script", "style", "noscript", "template", "svg")
_HIDDEN = re.compile(rf"<({'|'.join(_HIDDEN_TAGS)})\b", re.I)
_CLOSE = {tag: re.compile(rf"</{tag}\b", re.I) for tag in _HIDDEN_TAGS}
_TEXT = re.compile(r">([^<>]{3,400})<")
_META = re.compile(r"<meta\b[^>]{0,600}>", re.I)
_LINK = re.compile(r"<link\b[^>]{0,600}>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_MAX_WORDS = 30


def page_site(raw: str) -> str | None:
    """The site a page says it belongs to: its `og:site_name`, else the host of its canonical
    address ("www." dropped), else None. Only the page's head is looked at."""
    head = raw[:_HEAD_CHARS]
    address = None
    for tag in _META.findall(head):
        attrs = _attrs(tag)
        kind = (attrs.get("property") or attrs.get("name") or "").lower()
        if kind == "og:site_name" and attrs.get("content", "").strip():
            return text_key(html.unescape(attrs["content"])) or None
        if kind == "og:url" and address is None:
            address = attrs.get("content")
    for tag in _LINK.findall(head):
        attrs = _attrs(tag)
        if attrs.get("rel", "").lower() == "canonical" and address is None:
            address = attrs.get("href")
    host = urlsplit(address.strip()).hostname if address else None
    return host.removeprefix("www.") if host else None


def page_lines(raw: str) -> set[str]:
    """The comparison keys (`text_key`) of the page's short visible text runs."""
    text = _visible(raw)
    keys = set()
    for run in _TEXT.findall(text):
        line = html.unescape(" ".join(run.split()))
        if line and line.count(" ") < _MAX_WORDS:
            key = text_key(line)
            if key:
                keys.add(key)
    return keys


def _visible(raw: str) -> str:
    """The markup without scripts, styles and the like, each skipped to its closing tag so
    that a page of unclosed ``<script>`` tags costs one pass, not one pass per tag."""
    parts: list[str] = []
    pos = 0
    while True:
        m = _HIDDEN.search(raw, pos)
        if m is None:
            parts.append(raw[pos:])
            break
        parts.append(raw[pos : m.start()])
        close = _CLOSE[m.group(1).lower()].search(raw, m.end())
        if close is None:
            break
        pos = close.start()
    return " ".join(parts)


def _attrs(tag: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2) or m.group(3) or "" for m in _ATTR.finditer(tag)}
