"""Paragraph layout shared by the readers: split text into paragraphs, join them back.

Every reader gives the same shape of `Article.text`: paragraphs joined by one blank line
("\\n\\n"), no leading or trailing whitespace, runs of spaces collapsed. The reader pane, the
snippets and the annotation offsets all rely on that one shape.
"""

from __future__ import annotations

import re

from tui.model import Span

from .clean import collapse_spaces

PARAGRAPH_BREAK = "\n\n"
_BULLET = re.compile(r"^(?:[-*•+]|\d{1,3}[.)])\s")
_KEY_NOISE = re.compile(r"[\W_]+")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text.

    With blank lines in the text, blank lines separate paragraphs; inside one, hard-wrapped
    prose (every line but the last fairly long, no list bullets) is unwrapped with spaces, and
    other line breaks (lists, addresses, verse) are kept. Without any blank line, each line is
    a paragraph: that is how scrapers and JSON corpora write one paragraph per line.
    """
    lines = [collapse_spaces(line) for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    first = next((i for i, line in enumerate(lines) if line), len(lines))
    lines = lines[first:]
    if "" not in lines:
        return lines
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [_join_block(b) for b in blocks if b]


def _join_block(block: list[str]) -> str:
    if len(block) == 1:
        return block[0]
    wrapped = all(len(line) >= 30 for line in block[:-1]) and not any(
        _BULLET.match(line) for line in block
    )
    return (" " if wrapped else "\n").join(block)


def join_paragraphs(
    paragraphs: list[str], captions: set[int] | None = None
) -> tuple[str, list[Span]]:
    """Join paragraphs with blank lines; return the text and the spans of the paragraphs whose
    index is in `captions` (so the reader can style photo captions as captions)."""
    spans: list[Span] = []
    pos = 0
    for i, para in enumerate(paragraphs):
        if captions and i in captions:
            spans.append(Span(start=pos, end=pos + len(para)))
        pos += len(para) + len(PARAGRAPH_BREAK)
    return PARAGRAPH_BREAK.join(paragraphs), spans


def same_text(a: str, b: str) -> bool:
    """Whether two lines say the same thing, ignoring case, spacing and punctuation (a title
    repeated as the first paragraph, a caption repeated under its photo)."""
    return text_key(a) == text_key(b) and bool(text_key(a))


def heads_title(heading: str, title: str) -> bool:
    """Whether a heading is the title or its first part ("Pier 9, a year after the storm" over
    "Pier 9, a year after the storm: inside the rebuilding..."): a page's own headline, which
    the reader shows above the text already. Short headings ("News") never count."""
    head, whole = text_key(heading), text_key(title)
    return bool(head) and whole.startswith(head) and (head == whole or len(head) >= 12)


def text_key(s: str) -> str:
    """A comparison key: letters and digits only, case-folded."""
    return _KEY_NOISE.sub("", s[:2000]).casefold()
