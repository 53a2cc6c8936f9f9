"""Facets read as people expect: one outlet is one source, however its pages spell it.

Pages of one outlet name it in several ways ("PolitiFact" in one page's markup, the domain
"politifact.com" where another names only its domain stem; "The Guardian" and "Guardian").
Counted apart, the facet splits one outlet in two and neither count is right.
"""

from __future__ import annotations

import re
from collections import Counter

_ARTICLE = re.compile(r"^the\s+")
_DOMAIN_END = re.compile(r"\.(?:com|org|net|co\.uk|com\.au|info)$")
_NOT_WORD = re.compile(r"[\W_]+")


def outlet_key(source: str) -> str:
    """What makes two spellings of a source one outlet."""
    key = _DOMAIN_END.sub("", _ARTICLE.sub("", source.casefold().strip()))
    return _NOT_WORD.sub("", key) or key


def one_per_outlet(counts: Counter[str]) -> Counter[str]:
    """Sources counted per outlet, each shown as its most used spelling (a tie goes to a
    spelling with capitals, as a name is written, over a bare domain)."""
    groups: dict[str, Counter[str]] = {}
    for name, n in counts.items():
        groups.setdefault(outlet_key(name), Counter())[name] += n
    merged: Counter[str] = Counter()
    for spellings in groups.values():
        shown = max(spellings, key=lambda name: (spellings[name], name != name.lower()))
        merged[shown] = sum(spellings.values())
    return merged
