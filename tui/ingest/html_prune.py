"""Removing what sits inside a page's article but is not the article, before extraction.

trafilatura judges blocks by their text and link density; some furniture passes that test
because it is made of ordinary-looking paragraphs placed inside the article element itself:

* other posts nested in the post: a blog or listing page puts the next posts, each its own
  ``<article>``, inside the one being read, so their teasers read as the article's last
  paragraphs. An ``<article>`` inside an ``<article>`` that has text of its own is another post.
* teaser links between paragraphs: a paragraph whose whole text is one link ("'DANCING WITH THE
  STARS' HOST OPENS UP ABOUT ...") points to another story; the article never says it.
* pop-ups carried in the markup: name cards that open on hover over a linked name, tooltips and
  screen-reader-only labels hold text that the page does not show where it sits, and extracted
  they glue a list of headlines into the middle of a sentence.

The tree is changed in place; callers pass a tree they own.
"""

from __future__ import annotations

from typing import Any

_POPUP_CLASSES = (
    "rollover", "tooltip", "popover", "hovercard", "sr-only", "visually-hidden",
    "screen-reader", "visuallyhidden",
)  # fmt: skip
_MIN_OWN_TEXT = 200  # characters an outer article needs of its own to be the post being read
_MIN_TEASER_WORDS = 3


def prune(tree: Any) -> None:
    """Remove nested posts, link-only teaser paragraphs and pop-up text from `tree`."""
    _drop_popups(tree)
    _drop_nested_posts(tree)
    _drop_link_paragraphs(tree)


def _drop_popups(tree: Any) -> None:
    doomed = []
    for el in tree.iter("span", "div", "aside"):
        cls = el.get("class")
        popup = bool(cls) and any(c in cls.lower() for c in _POPUP_CLASSES)
        if popup or el.get("aria-hidden") == "true" or el.get("hidden") is not None:
            doomed.append(el)
    for el in doomed:
        _remove(el)


def _drop_nested_posts(tree: Any) -> None:
    for outer in tree.iter("article"):
        inner = [a for a in outer.iterdescendants("article")]
        if not inner:
            continue
        if _own_text(outer, inner) >= _MIN_OWN_TEXT:
            for el in inner:
                _remove(el)
            return


def _own_text(outer: Any, inner: list[Any]) -> int:
    """Characters of paragraph text in `outer` outside the articles nested in it."""
    nested = {id(el) for a in inner for el in a.iter("p")}
    return sum(len(p.text_content().strip()) for p in outer.iter("p") if id(p) not in nested)


def _drop_link_paragraphs(tree: Any) -> None:
    doomed = []
    for p in tree.iter("p"):
        links = p.findall(".//a")
        if not links:
            continue
        text = " ".join(p.text_content().split())
        if len(text.split()) < _MIN_TEASER_WORDS:
            continue
        linked = " ".join(" ".join(a.text_content().split()) for a in links)
        if linked == text:
            doomed.append(p)
    for p in doomed:
        _remove(p)


def _remove(el: Any) -> None:
    """Remove `el` but keep the text that follows it (its tail belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
