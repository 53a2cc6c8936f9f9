"""Saved web pages: main text and metadata through trafilatura, with a plain fallback.

trafilatura finds the article among menus, sidebars and comments and reads the page's
metadata (title, date, author, site name, URL, categories, tags). When it finds nothing (a very
short page, an odd layout) the page is still read: its visible text, block by block, with the
``<title>`` as title, so a page is never silently lost. trafilatura and lxml are imported on
first use: they are slow to import and most corpora have no HTML.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tui.model import ReadResult

from ..article import make_article
from ..bylines import MetaLine, meta_line
from ..captions import caption_keys, find_captions, keep, lead_first, once
from ..clean import tidy
from ..completeness import cut_short, incomplete_reason, is_paywall
from ..dates import parse_date
from ..furniture import drop_furniture, drop_repeats
from ..html_prune import prune
from ..html_recall import Recall, complete
from ..names import site_name
from ..outlets import credited_outlet, outlet
from ..paragraphs import join_paragraphs, same_text, split_paragraphs, text_key
from ..titles import is_site_name, strip_site
from .common import no_text, problem

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
_STRUCTURED_DATE = re.compile(
    r"datePublished|article:published_time|\"pubdate\"|itemprop=\"datePublished", re.I
)
_PUBLISHED_LABEL = re.compile(r"^(?:published|posted|publicado|publié|pubblicato)\b", re.I)
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
    tree = _parse(html)
    caption_text = caption_keys(tree)
    found = _extract(tree) if tree is not None else None
    if found is None or not (found.get("text") or "").strip():
        found = _fallback(html)
    paragraphs = split_paragraphs(tidy(found.get("text") or ""))
    recall = complete(tree, paragraphs) if tree is not None else None
    if recall is not None:
        paragraphs = recall.paragraphs
    raw_site = _text(found.get("sitename"))
    url = _text(found.get("url"))
    site = outlet(site_name(raw_site), tree, url)
    title = _title(_text(found.get("title")), tree, [s for s in (raw_site, site) if s], url)
    paragraphs, header = _drop_header(paragraphs, title)
    paywalled = any(is_paywall(p) for p in paragraphs)
    # Furniture first: a teaser tagged "[VIDEO]" has a caption's shape but is a link.
    paragraphs = [paragraphs[i] for i in drop_furniture(paragraphs)]
    paragraphs, captions = once(paragraphs, find_captions(paragraphs, caption_text))
    paragraphs = [_cell(p) if i in captions else p for i, p in enumerate(paragraphs)]
    paragraphs, captions = keep(paragraphs, captions, drop_repeats(paragraphs))
    paragraphs, captions = lead_first(paragraphs, captions)
    if not paragraphs:
        return no_text(rel)
    text, spans = join_paragraphs(paragraphs, captions)
    site = site or credited_outlet(paragraphs[i] for i in sorted(captions))
    categories = found.get("categories")
    why = _why_incomplete(paywalled, paragraphs, recall)
    return ReadResult(
        problems=[problem(rel, incomplete_reason(why))] if why else [],
        articles=[
            make_article(
                rel,
                text=text,
                title=title,
                date=_published(tree, html) or found.get("date") or header.date,
                author=found.get("author") or _linked_data_authors(tree) or header.author,
                source=site,
                section=categories[0] if isinstance(categories, list) and categories else None,
                url=found.get("url"),
                tags=found.get("tags"),
                captions=spans,
            )
        ],
    )


def _cell(caption: str) -> str:
    """A caption without the table bars the extractor draws round a caption cell."""
    return caption.removeprefix("| ").removesuffix(" |").strip() or caption


def _why_incomplete(paywalled: bool, paragraphs: list[str], recall: Recall | None) -> str:
    """Why the text may not be the whole article, or "" when nothing says so."""
    if paywalled:
        return "the page asks to subscribe"
    if recall is not None and recall.maybe_incomplete:
        return f"only {recall.coverage:.0%} of the page's article text was found"
    if cut_short(paragraphs):
        return "the text ends with an ellipsis"
    return ""


def _published(tree: Any, html: str) -> str | None:
    """The date a page prints as its publication date ("Published: Monday, November 18th,
    2019 at 11:08 a.m."), when it has no published date in its metadata for the extractor to
    read: the extractor's guess then comes from the text, and the text of a fact check or a
    review is full of other dates."""
    if tree is None or _STRUCTURED_DATE.search(html):
        return None
    found: set[str] = set()
    for el in tree.iter("p", "span", "div", "time", "li", "small", "em"):
        head = (el.text or "").strip()
        if not _PUBLISHED_LABEL.match(head):
            continue
        line = " ".join(el.text_content().split())
        when = parse_date(line) if len(line) <= 120 else None
        if when:
            found.add(when[:10])
    return found.pop() if len(found) == 1 else None


def _linked_data_authors(tree: Any) -> list[str]:
    """The people a page names as authors in its JSON-LD, for pages where the extractor found
    none (it skips some shapes of that data)."""
    if tree is None:
        return []
    names: list[str] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                names.extend(_people(item.get("author")))
    return names[:10]


def _people(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, dict) and item.get("@type") == "Person":
            name = item.get("name")
            if isinstance(name, str):
                out.append(name)
    return out


def _text(value: object) -> str:
    return tidy(value).strip() if isinstance(value, str) else ""


def _title(found: str, tree: Any, sites: list[str], url: str) -> str:
    """The headline without the site's name around it.

    When the extractor took a short label for the headline (a masthead in an ``<h1>``) that
    the page's ``<title>`` does not contain, the ``<title>`` is used, without its last part."""
    page_title = _text(tree.findtext(".//title")) if tree is not None else ""
    title = _strip(found, sites, url) if found else ""
    from_page = _strip(page_title, sites, url) if page_title else ""
    if from_page == page_title:
        from_page = _without_last_part(page_title)
    if not title or any(is_site_name(title, s, url) for s in _or_none(sites)):
        return from_page or title
    if from_page and len(title.split()) <= 3 and text_key(title) not in text_key(page_title):
        return from_page
    return title


def _strip(title: str, sites: list[str], url: str) -> str:
    for site in _or_none(sites):
        title = strip_site(title, site, url)
    return title


def _or_none(sites: list[str]) -> list[str | None]:
    """The site names, or one unknown site (the URL's domain still names it)."""
    return list(sites) if sites else [None]


def _without_last_part(title: str) -> str:
    head, sep, _ = title.rpartition(" - ")
    return head.strip() if sep and len(head.split()) >= 3 else ""


def _drop_header(paragraphs: list[str], title: str) -> tuple[list[str], MetaLine]:
    """The paragraphs without the page's own headline and its date and byline lines, which
    the reader shows above the text; the date and author those lines gave.

    Pages often put a breadcrumb or a kicker ("Cities / Housing") above the headline, and the
    extractor keeps both; those short labels go with the headline. Only the first few
    paragraphs are looked at, and only labels (a few words, no sentence ending) are dropped,
    so a first sentence that happens to repeat the title words is kept."""
    header = MetaLine()
    start = 0
    for i, para in enumerate(paragraphs[:4]):
        meta = meta_line(para)
        if meta is not None:
            header.date = header.date or meta.date
            header.author = header.author or meta.author
            start = i + 1
            continue
        if title and same_text(para, title):
            start = i + 1
            continue
        if len(para.split()) > 8 or para.rstrip().endswith((".", "!", "?", '"', "\u201d")):
            break
    head = paragraphs[:start]
    if title and not any(same_text(p, title) for p in head):
        # labels above a headline go with it; without a headline nothing but meta lines goes
        return [p for p in head if meta_line(p) is None] + paragraphs[start:], header
    return paragraphs[start:], header


def _parse(html: str) -> Any:
    """The page as an lxml tree with in-article furniture pruned (see `html_prune`), or None."""
    try:
        from trafilatura.utils import load_html

        tree = load_html(html)
        if tree is not None:
            prune(tree)
        return tree
    except Exception:  # lxml fails in many ways on broken pages
        return None


def _extract(tree: Any) -> dict[str, Any] | None:
    """trafilatura's reading of the page as a dict, or None when it finds no article."""
    try:
        from trafilatura import bare_extraction

        doc = bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
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
