"""Photo captions among an article's paragraphs: found, kept once, and never the lead.

A caption is text about a picture, not something the article says, so it is marked as a span
(`Article.captions`): the reader styles it, the list preview skips it, the quote finder never
takes a quotation or a speaker from it. Every reader marks captions the same way, from two
kinds of evidence:

* the line's own shape: a credit at its end ("... (Photo/Knight Frank)", "Photo: NAME/OUTLET",
  "(Graphics/NAME)"), see `chrome.is_caption`;
* in a web page, the markup around it: the text of a ``<figcaption>`` or of an element whose
  class names a caption or a credit (``wp-caption-text``, ``tr-caption``, ``photo-credit``).
  The extractor flattens the page to lines, so that text is collected from the tree first and
  the lines are matched to it afterwards.

A page that shows a picture twice (a gallery and its lightbox, a scrape of both) repeats the
caption; it is kept once. A caption above the first paragraph is moved after it: the list
preview and the reader's first line show the lead, and a photo caption is never the lead.
"""

from __future__ import annotations

import re
from typing import Any

from . import chrome
from .clean import collapse_spaces, tidy
from .paragraphs import text_key

# "wp-caption-text", "tr-caption", "figure__caption", "photo-credit", "imageCredit" (not
# "incredible").
_CAPTION_CLASS = re.compile(r"caption|(?:^|[\s_-]|photo|image|img)credit", re.IGNORECASE)
_MAX_ELEMENTS = 200  # caption elements read from one page; a gallery page has a few dozen
_MAX_CHARS = 1000  # a longer "caption" element holds more than a caption
_PARENT_CHARS = 400  # a credit's parent longer than this is the article, not its figure
_MIN_PART = 20  # characters of key a line needs to be matched as part of a caption


def caption_keys(tree: Any) -> frozenset[str]:
    """The comparison keys (`text_key`) of every caption and credit element of a page, and of
    the short element holding a credit (a credit's neighbour in it is the caption proper)."""
    keys: set[str] = set()
    if tree is None:
        return frozenset()
    seen = 0
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue  # a comment or a processing instruction
        cls = el.get("class") or ""
        if el.tag != "figcaption" and not _CAPTION_CLASS.search(cls):
            continue
        seen += 1
        if seen > _MAX_ELEMENTS:
            break
        keys.add(_key(el, _MAX_CHARS))
        parent = el.getparent()
        if parent is not None and "credit" in cls.lower():
            keys.add(_key(parent, _PARENT_CHARS))
    keys.discard("")
    return frozenset(keys)


def _key(el: Any, limit: int) -> str:
    """The element's text as a key, or "" when it is longer than a caption can be."""
    raw = el.text_content()
    if len(raw) > limit * 4:
        return ""  # a container that merely has "caption" in its class
    text = collapse_spaces(" ".join(tidy(raw).split()))
    return text_key(text) if len(text) <= limit else ""


def find_captions(paragraphs: list[str], keys: frozenset[str] = frozenset()) -> set[int]:
    """Indexes of the paragraphs that are captions: by their credit, or because their text is
    a caption element's text (whole, or a long enough part of it: the extractor may split a
    caption from its credit)."""
    found: set[int] = set()
    for i, para in enumerate(paragraphs):
        if chrome.is_caption(para):
            found.add(i)
            continue
        if not keys or len(para) > _MAX_CHARS:
            continue
        key = text_key(para)
        if key in keys or (len(key) >= _MIN_PART and any(key in k for k in keys)):
            found.add(i)
    return found


def once(paragraphs: list[str], captions: set[int]) -> tuple[list[str], set[int]]:
    """The paragraphs with every repeat of a caption left out (the first copy stays)."""
    seen: set[str] = set()
    kept: list[int] = []
    for i, para in enumerate(paragraphs):
        if i in captions:
            key = text_key(para)
            if key in seen:
                continue
            seen.add(key)
        kept.append(i)
    return keep(paragraphs, captions, kept)


def keep(paragraphs: list[str], captions: set[int], kept: list[int]) -> tuple[list[str], set[int]]:
    """The paragraphs at the indexes in `kept`, and their caption marks renumbered."""
    return [paragraphs[i] for i in kept], {n for n, i in enumerate(kept) if i in captions}


def lead_first(paragraphs: list[str], captions: set[int]) -> tuple[list[str], set[int]]:
    """Captions that open the page moved after the first paragraph of text."""
    first = next((i for i in range(len(paragraphs)) if i not in captions), None)
    if not first:
        return paragraphs, captions
    order = [first, *range(first), *range(first + 1, len(paragraphs))]
    return [paragraphs[i] for i in order], {n for n, i in enumerate(order) if i in captions}
