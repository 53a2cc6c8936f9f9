"""Where metadata hides in a mapping: the field names JSON records and front matter use.

Corpora come from many scrapers, each naming fields its own way ("published", "publishedAt",
"date_published"). Keys are compared case-insensitively and without "_", "-" or spaces, and
the first alias holding a non-empty value wins, in the order listed (the DESIGN.md names
first).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

TITLE = ("title", "headline")
TEXT = ("text", "body", "content", "articlebody", "article", "fulltext", "maintext")
DATE = (
    "date",
    "published",
    "publishedat",
    "datepublished",
    "publishdate",
    "pubdate",
    "publicationdate",
    "created",
    "createdat",
    "timestamp",
)
AUTHOR = ("author", "byline", "authors", "creator", "writer")
SOURCE = ("source", "site", "portal", "publisher", "sitename", "outlet", "website")
URL = ("url", "link", "permalink", "canonicalurl")
SECTION = ("section", "category", "categories", "department")
TAGS = ("tags", "keywords", "topics")
PARAGRAPHS = ("paragraphs",)
# Keys under which a JSON file wraps its list of articles ({"articles": [...]}).
WRAPPERS = ("articles", "items", "data", "results", "records", "posts", "entries", "docs")

_KEY_NOISE = re.compile(r"[\s_\-]+")


def normalise_keys(mapping: Mapping[object, object]) -> dict[str, object]:
    """The mapping with keys lower-cased and stripped of separators (first one wins)."""
    out: dict[str, object] = {}
    for key, value in mapping.items():
        if isinstance(key, str):
            out.setdefault(_KEY_NOISE.sub("", key.lower()), value)
    return out


def pick(fields: Mapping[str, object], aliases: tuple[str, ...]) -> object:
    """The first non-empty value among `aliases` in normalised `fields`, or None."""
    for alias in aliases:
        value = fields.get(alias)
        if value not in (None, "", [], {}):
            return value
    return None
