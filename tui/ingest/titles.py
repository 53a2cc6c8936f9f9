"""Headlines without the site's name: "Opening Bell - Dealbreaker" → "Opening Bell".

A page's ``<title>`` (and often its og:title) carries the outlet's name after a separator, and
sometimes a section or the site's tagline; the reader shows the source in its own field, so in
the title it is noise, and it splits one story into as many titles as there are sites. The
suffix is cut only when it names the site: its name as the page gives it, its domain, or a
name that starts or ends the same way ("The Anti-June Cleaver" / "antijunecleaver.com"). A title
made only of the site's name is no title.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .paragraphs import text_key

_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/)\s+")
_DOMAIN_NOISE = re.compile(r"^(?:www\d?|m|amp|mobile|news|blog)\.", re.IGNORECASE)
_TLD = re.compile(
    r"\.(?:com|net|org|co|info|news|tv|io|br|it|ru|jp|kr|in|uk|de|fr|es)(?:\.\w{2})?$"
)
_MIN_KEY = 3  # characters of a name's key below which a match means nothing
_MAX_SUFFIX_WORDS = 8
_NAME_SLACK = 6  # characters a part may add to the site's name ("com", "news", "the")
_MIN_PIECE = 5  # characters a piece of a name needs to count as naming the site


def strip_site(title: str, site: str | None, url: str | None = None) -> str:
    """`title` without a leading or trailing part that names the site (see module doc)."""
    names = _site_keys(site, url)
    if not names:
        return title
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    seps = _SEPARATORS.findall(title)
    # Trailing parts first ("Title | Section | Site"), then a leading one ("Site: Title").
    end = len(parts)
    while end > 1 and _names_site(parts[end - 1], names):
        end -= 1
    if end < len(parts):
        kept = _join(parts[:end], seps[: end - 1])
        return kept or title
    if _names_site(parts[0], names):
        kept = _join(parts[1:], seps[1:])
        return kept or title
    return title


def is_site_name(title: str, site: str | None, url: str | None = None) -> bool:
    """Whether a "title" is only the site's name (a home page's ``<title>`` on an article)."""
    return _names_site(title, _site_keys(site, url))


def _join(parts: list[str], seps: list[str]) -> str:
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return out.strip()


def _site_keys(site: str | None, url: str | None) -> list[str]:
    keys = []
    if site:
        keys.append(text_key(site))
    host = urlsplit(url).hostname if url and "//" in url else None
    if host:
        host = _TLD.sub("", _DOMAIN_NOISE.sub("", host.lower()))
        keys.append(text_key(host.split(".")[-1]))
    return [k for k in keys if len(k) >= _MIN_KEY]


def _names_site(part: str, names: list[str]) -> bool:
    if not names or part.count(" ") + 1 > _MAX_SUFFIX_WORDS:
        return False
    key = text_key(part)
    if len(key) < _MIN_KEY:
        return False
    for name in names:
        if key == name or key.removeprefix("the") == name.removeprefix("the"):
            return True
        # a piece of the site's name ("Remember 80/90" of "Remember 80/90 - Memorabilia"),
        # or the name with a little more ("SpaceNews.com" for "spacenews")
        if (len(key) >= _MIN_PIECE and key in name) or (
            name in key and len(key) - len(name) <= _NAME_SLACK
        ):
            return True
    return False
