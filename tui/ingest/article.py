"""Building an `Article` from what a reader found, the same way for every format.

Readers hand over raw values as the source had them (a list of authors, a dict for a source, a
`datetime` from YAML, a comma-separated tag string); this module turns them into the model's
plain fields, makes every string terminal-safe, and makes sure every article has a title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tui.model import Article, Span, article_id

from .authors import clean_authors
from .clean import one_line, safe_text
from .dates import parse_date
from .names import outlet_name

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_TITLE_MAX = 120
_NAME_KEYS = ("name", "title", "display_name", "displayName")


def make_article(
    rel: str,
    record: int | None = None,
    *,
    text: str,
    title: object = None,
    date: object = None,
    author: object = None,
    source: object = None,
    section: object = None,
    url: object = None,
    tags: object = None,
    captions: Iterable[Span] = (),
) -> Article:
    """An `Article` for the file at `rel` (record `record` of it, for multi-article files).

    `text` should already be `safe_text`-clean and laid out by the reader (caption spans point
    into it); it is checked again, and should that change it the caption spans are dropped
    rather than left pointing at the wrong words. A missing title is derived from the text
    (see `derive_title`), so every article has one to show in the list.
    """
    clean = safe_text(text).strip()
    spans = list(captions) if clean == text else []
    title_text = one_line(as_text(title) or "", limit=300) or derive_title(clean)
    return Article(
        id=article_id(rel, record),
        path=rel,
        title=title_text or None,
        date=parse_date(date),
        author=as_authors(author, source=as_text(source)),
        source=outlet_name(_field(source, 200)),
        section=_field(section, 200),
        url=_url(url),
        tags=as_tags(tags),
        text=clean,
        captions=spans,
    )


def derive_title(text: str) -> str:
    """A title made from the text, for sources that give none (some BuzzFeed records have an
    empty title): the first line if it is short, else its first sentence, else its first words
    cut at a word boundary with an ellipsis. The text itself is left whole, so here, and only
    here, the title's words also appear in the text."""
    first = text.lstrip().split("\n", 1)[0][:2000].strip()
    if len(first) <= _TITLE_MAX:
        return first
    m = _SENTENCE_END.search(first, 20, _TITLE_MAX + 1)
    if m:
        return first[: m.end()]
    cut = first.rfind(" ", 0, _TITLE_MAX)
    return first[: cut if cut > 40 else _TITLE_MAX].rstrip(" ,;:-") + "…"


def as_text(value: object) -> str | None:
    """A scalar or a dict naming something ({"name": ...}) as text; None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        for key in _NAME_KEYS:
            inner = value.get(key)
            if isinstance(inner, str):
                return inner
    return None


def as_authors(value: object, source: str | None = None) -> str | None:
    """One author or several (a list of strings or of {"name": ...}), as people's names in
    natural case (see `clean_authors`), joined with ", "."""
    items = value if isinstance(value, list | tuple) else [value]
    texts = [one_line(t, limit=300) for t in (as_text(item) for item in items[:50]) if t]
    names: list[str] = []
    for name in clean_authors(texts, source):
        if name not in names:
            names.append(name)
    return one_line(", ".join(names), limit=300) or None


def as_tags(value: object) -> list[str]:
    """Tags from a list or a comma-separated string; cleaned, de-duplicated, at most 50."""
    if isinstance(value, str):
        items: list[object] = list(value.split(","))
    elif isinstance(value, list | tuple | set):
        items = list(value)
    else:
        return []
    tags: list[str] = []
    for item in items[:200]:
        tag = one_line(as_text(item) or "", limit=100)
        if tag and tag not in tags:
            tags.append(tag)
    return tags[:50]


def _field(value: object, limit: int) -> str | None:
    if isinstance(value, list | tuple):
        value = next((v for v in value if as_text(v)), None)
    return one_line(as_text(value) or "", limit=limit) or None


def _url(value: object) -> str | None:
    url = one_line(as_text(value) or "", limit=2000)
    return url if url and " " not in url else None
