"""Finding the rest of an article that the extractor stopped short of, and saying when it may
still be incomplete.

Some pages break an article into chunks around advertising slots; the extractor keeps the first
chunk and drops the rest, and the reader would show half an article as if it were whole. The
chunks are recognisable in the markup: their paragraphs sit in containers of the same kind (the
same tags and classes up the tree) as the paragraphs the extractor did keep. When those missing
paragraphs add up to a good part of the article, they are put back in page order. Whatever the
outcome, the share of such article-like text that the final text covers is reported, so the
reader can mark a page whose text may be incomplete.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from .clean import collapse_spaces, tidy
from .paragraphs import text_key

_SKIP_ANCESTORS = frozenset({"nav", "footer", "form", "aside", "header", "figure", "figcaption"})
_MIN_PARAGRAPH = 40  # characters: shorter lines are labels, not prose
_MIN_ADDED_SHARE = 0.25  # the missing part must be this big a share of the text to be added
_SIGNATURE_DEPTH = 3
_INCOMPLETE_BELOW = 0.6
_INCOMPLETE_CHARS = 500  # a missing comment notice is not a missing half of the story
_SHINGLE = 8  # characters of a comparison key compared at a time
_PRESENT_SHARE = 0.5


@dataclass
class Recall:
    """The paragraphs after completion and how much of the page's article-like text they hold."""

    paragraphs: list[str]
    added: int  # paragraphs put back
    coverage: float  # share of the page's article-like characters present in the text

    lost: int = 0  # characters of article-like text not in the text

    @property
    def maybe_incomplete(self) -> bool:
        return self.coverage < _INCOMPLETE_BELOW and self.lost >= _INCOMPLETE_CHARS


def complete(tree: Any, paragraphs: list[str]) -> Recall:
    """`paragraphs` (the extractor's) with the article's missing chunks put back, if any."""
    found = _dom_paragraphs(tree)
    if not found or not paragraphs:
        return Recall(paragraphs, 0, 1.0)
    keys = [text_key(p) for p in paragraphs]
    joined = "".join(keys)
    shingles = {joined[i : i + _SHINGLE] for i in range(len(joined) - _SHINGLE + 1)}
    position: dict[int, int] = {}  # extracted paragraph -> index in `found`
    present = [False] * len(found)
    lookup: dict[str, list[int]] = {}
    for i, (_, key, _) in enumerate(found):
        lookup.setdefault(key, []).append(i)
        present[i] = _present(key, joined, shingles)
    for j, key in enumerate(keys):
        hits = lookup.get(key)
        if hits:
            position[j] = hits[0]
    kept = Counter(found[i][2] for i in position.values())
    article_sigs = {sig for sig, _ in kept.most_common(2) if _has_class(sig)}
    if not article_sigs:
        return Recall(paragraphs, 0, 1.0)
    first = min(position.values())
    article = [i for i, (_, _, sig) in enumerate(found) if sig in article_sigs and i >= first]
    total = sum(len(found[i][1]) for i in article)
    missing = [i for i in article if not present[i]]
    lost = sum(len(found[i][1]) for i in missing)
    coverage = 1.0 - lost / total if total else 1.0
    if not missing or lost < _MIN_ADDED_SHARE * len(joined):
        return Recall(paragraphs, 0, coverage, lost)
    return Recall(_merge(paragraphs, position, found, missing), len(missing), 1.0)


def _present(key: str, joined: str, shingles: set[str]) -> bool:
    """Whether a page paragraph is in the extracted text, whole or mostly (the extractor may
    split it at line breaks, or leave out a link inside it)."""
    if not key or key in joined:
        return True
    probes = [key[i : i + _SHINGLE] for i in range(0, len(key) - _SHINGLE + 1, _SHINGLE // 2)]
    return bool(probes) and sum(p in shingles for p in probes) >= _PRESENT_SHARE * len(probes)


def _merge(
    paragraphs: list[str],
    position: dict[int, int],
    found: list[tuple[str, str, tuple[str, ...]]],
    missing: list[int],
) -> list[str]:
    """The extracted paragraphs with the missing ones placed after the last extracted
    paragraph that comes before them on the page."""
    after: dict[int, list[str]] = {}
    anchors = sorted((dom, j) for j, dom in position.items())
    for i in missing:
        slot = -1
        for dom, j in anchors:
            if dom < i:
                slot = j
        after.setdefault(slot, []).append(found[i][0])
    out = list(after.get(-1, []))
    for j, para in enumerate(paragraphs):
        out.append(para)
        out.extend(after.get(j, []))
    return out


def _dom_paragraphs(tree: Any) -> list[tuple[str, str, tuple[str, ...]]]:
    """(text, key, container signature) of every prose paragraph of the page, in order."""
    out = []
    for p in tree.iter("p"):
        if any(a.tag in _SKIP_ANCESTORS for a in p.iterancestors()):
            continue
        text = collapse_spaces(" ".join(tidy(p.text_content()).split()))
        if len(text) < _MIN_PARAGRAPH:
            continue
        out.append((text, text_key(text), _signature(p)))
    return out


def _signature(el: Any) -> tuple[str, ...]:
    sig: list[str] = []
    for a in el.iterancestors():
        if len(sig) == _SIGNATURE_DEPTH:
            break
        cls = (a.get("class") or "").split()
        sig.append(f"{a.tag}.{cls[0]}" if cls else str(a.tag))
    return tuple(sig)


def _has_class(sig: tuple[str, ...]) -> bool:
    return any("." in part for part in sig)
