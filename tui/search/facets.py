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


def _groups(counts: Counter[str]) -> dict[str, Counter[str]]:
    groups: dict[str, Counter[str]] = {}
    for name, n in counts.items():
        groups.setdefault(outlet_key(name), Counter())[name] += n
    return groups


def _shown(spellings: Counter[str]) -> str:
    """The most used spelling; a tie goes to one with capitals, as a name is written, over a
    bare domain."""
    return max(spellings, key=lambda name: (spellings[name], name != name.lower()))


def one_per_outlet(counts: Counter[str]) -> Counter[str]:
    """Sources counted per outlet, each shown as its most used spelling."""
    merged: Counter[str] = Counter()
    for spellings in _groups(counts).values():
        merged[_shown(spellings)] = sum(spellings.values())
    return merged


def outlet_names(counts: Counter[str]) -> dict[str, str]:
    """For each outlet the corpus spells in more than one way, the spelling to show for all
    of them (by `outlet_key`), so the list and the reader name it as the facets do."""
    return {
        key: _shown(spellings) for key, spellings in _groups(counts).items() if len(spellings) > 1
    }


def shown_source(source: str | None, names: dict[str, str]) -> str | None:
    """A page's source as the corpus mostly spells its outlet."""
    if not source or not names:
        return source
    return names.get(outlet_key(source), source)
