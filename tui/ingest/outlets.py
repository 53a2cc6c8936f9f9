"""The outlet a web page comes from, when the page does not say it in words.

Many sites name themselves in their markup only by their domain's stem (`og:site_name` "nj",
"cleveland", "oregonlive"; "Hosted" on hosted.ap.org) or not at all, and the extractor then
falls back to the site's Twitter handle ("SputnikInt", "Wday_"). Shown as a source, a stem in
title case ("Nj") or a handle reads as a typo and splits one outlet into several names. The
domain is how such outlets name themselves (NJ.com, cleveland.com), and it is the same on
every page of the site: `nj.com`, `ap.org`, `sputniknews.com`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go"}
"""Second-level labels under a country code: `example.co.uk`, `example.com.br`."""


def registered_domain(url: str | None) -> str | None:
    """`www.nj.com/...` → "nj.com", `hosted.ap.org` → "ap.org", `x.autoracing.com.br` →
    "autoracing.com.br"; None without a host."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def page_meta(tree: Any, *names: str) -> str | None:
    """The first non-empty `<meta property|name=...>` content of `names`, as written."""
    if tree is None:
        return None
    wanted = {name.lower() for name in names}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        if key in wanted:
            content = (meta.get("content") or "").strip()
            if content:
                return content
    return None


def outlet(site: str | None, tree: Any, url: str | None) -> str | None:
    """The source to show for a page: `site` (the extractor's, already cleaned) unless it is
    only a stem of the page's domain or a Twitter handle, or there is none; then the domain."""
    domain = registered_domain(url or page_meta(tree, "og:url"))
    if domain is None:
        return site
    if not site:
        return domain
    declared = page_meta(tree, "og:site_name", "application-name")
    handle = (page_meta(tree, "twitter:site") or "").lstrip("@")
    key = site.casefold()
    host_labels = (urlsplit(url or page_meta(tree, "og:url") or "").hostname or "").lower()
    labels = [label for label in host_labels.split(".") if label]
    main = domain.split(".")[0]
    if declared is None and handle and key == handle.casefold():
        return domain  # the extractor's last resort: the Twitter handle
    if declared is not None and declared.islower() and " " not in declared and key in labels:
        return domain  # "nj" on www.nj.com
    if " " not in site and key in labels and key != main and key not in ("www",):
        return domain  # "Hosted" on hosted.ap.org: a subdomain, not the outlet
    return site


_STAFF_CREDIT = re.compile(
    r"\b(?:Photo|Photograph|Picture|Image)s?:\s*"
    r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*/\s*([A-Z][\w&.'’ -]{0,40}?)\s*(?:\)|$)",
    re.MULTILINE,
)
"""A staff photographer's credit: "Photo: MARA OSEI/HD", the photographer, then the outlet."""
_AGENCIES = frozenset(
    [
        "ap",
        "afp",
        "reuters",
        "getty",
        "gettyimages",
        "getty-images",
        "epa",
        "xinhua",
        "bloomberg",
        "shutterstock",
        "alamy",
        "pa",
        "istock",
        "unsplash",
        "aap",
        "anp",
        "dpa",
        "efe",
        "ansa",
        "kyodo",
        "yonhap",
        "tass",
        "sipa",
        "zuma",
        "rex",
        "handout",
        "file",
    ]
)
"""Agencies and stock libraries: a photo credited to one says nothing of the outlet."""


def credited_outlet(captions: Iterable[str]) -> str | None:
    """The outlet a page's own photographers are credited to ("Photo: MARA OSEI/HD" -> "HD"),
    for a page that names its outlet nowhere else; agencies and picture libraries are not."""
    for caption in captions:
        for match in _STAFF_CREDIT.finditer(caption):
            outlet_name = match.group(2).strip()
            key = outlet_name.casefold().replace(" ", "")
            if key and key not in _AGENCIES and not key.startswith("getty"):
                return outlet_name
    return None
