"""Saying when an article's text may stop before the article does.

A scraped page of a paywalled or truncated story holds the lead and then a prompt to subscribe,
or a last paragraph cut with an ellipsis; a page whose extractor stopped at an advertising
break holds half the story. Shown as it is, it reads as a whole article. The prompt lines are
furniture (they are removed from the text), but they are also the evidence: the reader gets a
problem entry saying the text may be incomplete, instead of half an article shown as whole.
"""

from __future__ import annotations

import re

INCOMPLETE = "text may be incomplete"

_PAYWALL = re.compile(
    r"^(?:(?:please\s+)?(?:subscribe|sign\s+in|log\s+in|register)\b.{0,40}\b(?:continue|read|"
    r"access|full)\b|to\s+(?:continue|keep)\s+reading\b|continue\s+reading\b"
    r"|already\s+a\s+(?:subscriber|member)\b|this\s+(?:article|story|content)\s+is\s+"
    r"(?:for|only\s+(?:available\s+)?(?:to|for))\s+(?:subscribers|members)"
    r"|read\s+the\s+(?:full|rest\s+of\s+the)\s+(?:article|story)\b"
    r"|(?:subscribers|members)\s+only\b|you\s+have\s+reached\s+your\s+(?:free\s+)?"
    r"(?:article\s+)?limit)",
    re.IGNORECASE,
)
_CUT = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$")
_MAX_PROMPT = 160
_SHORT_WORDS = 250


def is_paywall(line: str) -> bool:
    """Whether a line is a prompt to subscribe or log in to read the rest."""
    return len(line) <= _MAX_PROMPT and bool(_PAYWALL.match(line.strip()))


def cut_short(paragraphs: list[str]) -> bool:
    """Whether the text ends in the middle of a thought: a short text whose last paragraph
    is cut with an ellipsis, as teaser and paywall pages end. (A long article may end on a
    rhetorical "..."; a whole story is rarely this short.)"""
    if not paragraphs or not _CUT.search(paragraphs[-1]):
        return False
    return sum(p.count(" ") + 1 for p in paragraphs) < _SHORT_WORDS


def incomplete_reason(why: str) -> str:
    """The problem text for an article whose text may be incomplete."""
    return f"{INCOMPLETE}: {why}"
