"""Saved web pages: main text and metadata through trafilatura, with a plain fallback.

trafilatura finds the article among menus, sidebars and comments and reads the page's
metadata (title, date, author, site name, URL, categories, tags). When it finds nothing (a very
short page, an odd layout) the page is still read: its visible text, block by block, with the
``<title>`` as title, so a page is never silently lost. trafilatura and lxml are imported on
first use: they are slow to import and most corpora have no HTML.
"""

from __future__ import annotations

import re
from typing import Any

from tui.model import ReadResult

from ..article import make_article
from ..clean import tidy
from ..paragraphs import join_paragraphs, same_text, split_paragraphs
from .common import no_text

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_DROP = ("script", "style", "noscript", "template", "head", "svg", "nav", "footer", "form")
_BLOCKS = (
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "header", "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "figcaption", "main",
)  # fmt: skip


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its start, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def read_html(raw: str, rel: str) -> ReadResult:
    """Read one saved web page."""
    html = _XML_DECL.sub("", raw, count=1)
    found = _extract(html)
    if found is None or not (found.get("text") or "").strip():
        found = _fallback(html)
    paragraphs = split_paragraphs(tidy(found.get("text") or ""))
    title = found.get("title")
    if isinstance(title, str):
        paragraphs = _drop_heading(paragraphs, tidy(title))
    if not paragraphs:
        return no_text(rel)
    text, _ = join_paragraphs(paragraphs)
    categories = found.get("categories")
    return ReadResult(
        articles=[
            make_article(
                rel,
                text=text,
                title=title,
                date=found.get("date"),
                author=found.get("author"),
                source=found.get("sitename"),
                section=categories[0] if isinstance(categories, list) and categories else None,
                url=found.get("url"),
                tags=found.get("tags"),
            )
        ]
    )


def _drop_heading(paragraphs: list[str], title: str) -> list[str]:
    """The paragraphs without the page's own headline, which the reader shows above the text.

    Pages often put a breadcrumb or a kicker ("Cities / Housing") above the headline, and the
    extractor keeps both; those short labels go with the headline. Only the first few
    paragraphs are looked at, and only labels (a few words, no sentence ending) are dropped,
    so a first sentence that happens to repeat the title words is kept."""
    for i, para in enumerate(paragraphs[:3]):
        if same_text(para, title):
            return paragraphs[i + 1 :]
        if len(para.split()) > 8 or para.rstrip().endswith((".", "!", "?", '"', "\u201d")):
            break
    return paragraphs


def _extract(html: str) -> dict[str, Any] | None:
    """trafilatura's reading of the page as a dict, or None when it finds no article."""
    try:
        from trafilatura import bare_extraction

        doc = bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            as_dict=False,
        )
    except Exception:  # trafilatura and lxml fail in many ways on broken pages
        return None
    if doc is None:
        return None
    if isinstance(doc, dict):
        return doc
    as_dict = getattr(doc, "as_dict", None)
    return as_dict() if callable(as_dict) else None


def _fallback(html: str) -> dict[str, Any]:
    """The page's visible text, one line per block element, and its ``<title>``."""
    try:
        from lxml import html as lxml_html

        root = lxml_html.document_fromstring(html)
        title = root.findtext(".//title")
        for el in root.iter(*_DROP):
            el.drop_tree()
        for el in root.iter(*_BLOCKS):
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "") if el.tag != "br" else el.text
        return {"text": root.text_content(), "title": title}
    except Exception:  # an empty or unparsable document: no text
        return {"text": ""}
