"""Lines that carry an article's date or byline rather than its text.

Pages print "By NAME | Mar 4,2024", "Posted by NAME", "November 19, 2019 - Updated at 1:23
p.m." or a bare date above the first paragraph, and extractors keep those lines as if they were
the lead. They are metadata: read as such when the page gave none elsewhere, and not text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import is_ambiguous, parse_date

_MAX_WORDS = 20
_BY = re.compile(
    r"^(?:by|posted\s+by|written\s+by|publicado\s+por|por|von|par|di|words\s+by)\s*:?\s+"
    r"(?P<name>[^|•·,\d]{2,80}?)\s*(?:$|[|•·,–—-]\s*(?P<rest>.*)$|\s+(?P<when>\w+day\b.*|\d.*)$)",
    re.IGNORECASE,
)
_UPDATE_WORDS = re.compile(r"\b(?:updated|modified|last\s+updated)\b", re.IGNORECASE)
_PUBLISHED_WORDS = re.compile(r"\b(?:published|posted|publicado|publié|veröffentlicht)\b", re.I)
_SPLIT = re.compile(r"\s*(?:[|•·]|\s[–—-]\s|(?<=\d)\s+(?=updated|published))\s*", re.IGNORECASE)


@dataclass
class MetaLine:
    """What a date line or byline gave."""

    date: str | None = None
    author: str | None = None


def meta_line(line: str) -> MetaLine | None:
    """The date and author a header line gives, or None when it is not such a line."""
    if len(line) > 200 or line.count(" ") + 1 > _MAX_WORDS:
        return None
    m = _BY.match(line)
    if m:
        rest = m.group("rest") or m.group("when") or ""
        return MetaLine(date=_first_date(rest) if rest else None, author=m.group("name").strip())
    if not any(c.isdigit() for c in line):
        return None
    when = _first_date(line)
    if when:
        return MetaLine(date=when)
    # "05/10/2018 - Posted by ...": a date line whose order the site has not shown.
    if any(is_ambiguous(p) and sum(c.isalpha() for c in p) <= 6 for p in _SPLIT.split(line)):
        return MetaLine()
    return None


def _first_date(text: str) -> str | None:
    """The published date among the parts of a line ("Published ... | Updated ..."): a part
    labelled published wins over one labelled updated, and either over none at all."""
    whole = parse_date(text)
    parts = [p for p in _SPLIT.split(text) if p and any(c.isdigit() for c in p)]
    if whole and len(parts) <= 1:
        return whole
    best: tuple[int, str] | None = None
    for part in parts:
        when = parse_date(part)
        if not when:
            continue
        rank = 0 if _PUBLISHED_WORDS.search(part) else 2 if _UPDATE_WORDS.search(part) else 1
        if best is None or rank < best[0]:
            best = (rank, when)
    return best[1] if best else whole
