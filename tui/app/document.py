"""What the reader shows, as plain data: blocks of text with named style spans, and wrapping.

Nothing here draws; the reader turns the few lines on screen into strips. Building a document is
linear in the article's length and wrapping is done once per width, so a 50-page article costs
a few milliseconds to lay out and nothing per keypress.

Style names are the reader's component classes (``reader--person``...), so colours come from the
theme and each label keeps a text style that shows without colour.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import quote as percent_encode

from rich.cells import cell_len, get_character_cell_size

from tui.app.text import day_and_time, safe, speaker_label, steady
from tui.model import LABELS, Annotations, Article, Quote, Span

BlockKind = Literal["title", "meta", "link", "blank", "body", "caption"]

LABEL_STYLES: dict[str, str] = {label: f"reader--{label.lower()}" for label in LABELS}
OTHER_LABEL_STYLE = "reader--other"
QUOTE_STYLE = "reader--quote"
SPEAKER_STYLE = "reader--speaker"
HIT_STYLE = "reader--hit"
CAPTION_STYLE = "reader--caption"

# A word and the spaces after it; the first token of a line keeps its leading spaces.
_TOKEN = re.compile(r"\s*\S+\s*|\s+")


def label_style(label: str) -> str:
    return LABEL_STYLES.get(label, OTHER_LABEL_STYLE)


@dataclass(frozen=True)
class StyleSpan:
    start: int
    end: int
    style: str


@dataclass
class Block:
    """One paragraph (or title, metadata line...) as shown, with offsets into its own text."""

    kind: BlockKind
    text: str
    spans: list[StyleSpan] = field(default_factory=list)
    source_start: int = -1
    """Offset of the block in `article.text` (-1 for blocks not taken from the body)."""
    inserts: list[tuple[int, int]] = field(default_factory=list)
    """(source offset, length) of text added for display (speaker tags), in order."""

    def to_display(self, source_offset: int, end: bool = False) -> int:
        """Offset in `text` of an offset in the article body inside this block.

        Text inserted at an offset comes before what starts there and after what ends there.
        """
        local = source_offset - self.source_start
        return local + sum(
            length
            for at, length in self.inserts
            if at < source_offset or (at == source_offset and not end)
        )


@dataclass(frozen=True)
class Target:
    """A place to jump to: a span of one block's display text."""

    block: int
    start: int
    end: int


@dataclass
class Document:
    blocks: list[Block]
    hits: list[Target]
    quotes: list[tuple[list[Target], Quote]]
    """Each quote with the pieces it covers (one per paragraph), in reading order."""
    labels: dict[str, int]
    """Mentions per label in the article (for the legend), whether shown or not."""


def _body_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of the body, blank lines included."""
    out: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def _clip(start: int, end: int, lo: int, hi: int) -> tuple[int, int] | None:
    a, b = max(start, lo), min(end, hi)
    return (a, b) if a < b else None


URL_MAX = 2000


def link_target(url: str | None) -> str | None:
    """The article's web address as it may be written into a terminal hyperlink, or None.

    Only http(s) addresses: anything else (`javascript:`, `file:`) is not a link a reader
    wants opened from a news folder. The address comes from the corpus, so every character
    outside printable ASCII is percent-encoded: an escape byte or a space inside an OSC 8
    sequence would end it early and let the rest reach the terminal raw.
    """
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or len(url) > URL_MAX:
        return None
    return percent_encode(url, safe="!#$&'()*+,/:;=?@[]~%-._")


def build_document(
    article: Article,
    annotations: Annotations,
    hit_spans: Sequence[Span] = (),
    hidden_labels: Iterable[str] = (),
    warnings: Sequence[str] = (),
) -> Document:
    """Lay out an article: title block, metadata line, then the body with its highlights.

    `hidden_labels` are labels whose highlights are switched off; `warnings` are lines shown
    under the metadata (the ingest problems of this article's file). The body went through
    `safe_text` at ingest; metadata shown here (paths above all) is cleaned again.
    """
    hidden = set(hidden_labels)
    text = steady(article.text)  # one character for one: the annotations' offsets still hold
    blocks: list[Block] = []
    clean = _safe
    blocks.append(Block("title", clean(article.title or article.path or article.id)))
    meta = [day_and_time(article.date), clean(article.author), clean(article.source)]
    meta.append(clean(article.section))
    shown_meta = " · ".join(part for part in meta if part)
    if shown_meta:
        blocks.append(Block("meta", shown_meta))
    blocks.append(Block("meta", clean(article.path)))
    url = link_target(article.url)
    if url:  # shown as a terminal hyperlink (OSC 8): ctrl+click opens it on the user's side
        blocks.append(Block("link", url))
    for warning in warnings:  # e.g. "text may be incomplete: ..." (a paywall, a cut page)
        blocks.append(Block("meta", f"⚠ {clean(warning)}"))
    blocks.append(Block("blank", ""))
    first_body = len(blocks)

    ranges = _body_blocks(text)
    starts = [start for start, _ in ranges]

    def block_of(offset: int) -> int:
        return max(0, bisect_right(starts, offset) - 1)

    captions = [(c.start, c.end) for c in article.captions]
    quotes = sorted(annotations.quotes, key=lambda q: q.start)
    entities = sorted(annotations.entities, key=lambda e: (e.start, -e.end))

    # Speaker tags go in front of each quote that has a speaker.
    inserts: dict[int, list[tuple[int, str]]] = {}
    for quote in quotes:
        speaker = speaker_label(quote)
        if speaker:
            # Reported speech is marked as such: the words are the writer's, not the speaker's.
            tag = f"[{_safe(speaker)}{', reported' if quote.kind == 'indirect' else ''}] "
            inserts.setdefault(block_of(quote.start), []).append((quote.start, tag))

    for index, (start, end) in enumerate(ranges):
        own = sorted(inserts.get(index, []), key=lambda item: item[0])
        pieces: list[str] = []
        spans: list[StyleSpan] = []
        cursor = start
        added = 0
        for at, tag in own:
            at = min(max(at, start), end)
            pieces.append(text[cursor:at])
            tag_start = at - start + added
            pieces.append(tag)
            spans.append(StyleSpan(tag_start, tag_start + len(tag) - 1, SPEAKER_STYLE))
            added += len(tag)
            cursor = at
        pieces.append(text[cursor:end])
        shown = "".join(pieces)
        kind: BlockKind = "body" if shown.strip() else "blank"
        for c_start, c_end in captions:
            if c_start <= start and end <= c_end and kind == "body":
                kind = "caption"
        blocks.append(
            Block(
                kind,
                shown,
                spans,
                source_start=start,
                inserts=[(min(max(at, start), end), len(tag)) for at, tag in own],
            )
        )

    def place(s: int, e: int) -> Iterable[tuple[int, int, int]]:
        """(block, display start, display end) pieces of a body span, one per block."""
        for b in range(block_of(s), block_of(max(s, e - 1)) + 1):
            lo, hi = ranges[b]
            clipped = _clip(s, e, lo, hi)
            if clipped is None:
                continue
            block = blocks[first_body + b]
            yield (
                first_body + b,
                block.to_display(clipped[0]),
                block.to_display(clipped[1], end=True),
            )

    def add_span(s: int, e: int, style: str) -> None:
        for b, ds, de in place(s, e):
            blocks[b].spans.append(StyleSpan(ds, de, style))

    for c_start, c_end in captions:
        add_span(c_start, c_end, CAPTION_STYLE)
    quote_targets: list[tuple[list[Target], Quote]] = []
    for quote in quotes:
        # A quotation split by its attribution: only the speaker's own words are marked.
        stretches = [(p.start, p.end) for p in quote.parts] or [(quote.start, quote.end)]
        targets = [Target(b, ds, de) for s, e in stretches for b, ds, de in place(s, e)]
        if not targets:
            continue
        for target in targets:
            blocks[target.block].spans.append(StyleSpan(target.start, target.end, QUOTE_STYLE))
        quote_targets.append((targets, quote))
    labels: dict[str, int] = {}
    for entity in entities:
        labels[entity.label] = labels.get(entity.label, 0) + 1
        if entity.label in hidden:
            continue
        add_span(entity.start, entity.end, label_style(entity.label))
    hits: list[Target] = []
    for span in sorted(hit_spans, key=lambda s: s.start):
        placed = list(place(span.start, span.end))
        for b, ds, de in placed:
            blocks[b].spans.append(StyleSpan(ds, de, HIT_STYLE))
        if placed:
            b, ds, de = placed[0]
            hits.append(Target(b, ds, de))
    return Document(blocks=blocks, hits=hits, quotes=quote_targets, labels=labels)


def _safe(value: str | None) -> str:
    return " ".join(safe(value).split())


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: (start, end) offsets of each line of `text` in at most `width` cells.

    Spaces at a break stay at the end of the line they follow (they are cropped when drawn);
    a word wider than the line is cut. Linear in the length of the text.
    """
    width = max(1, width)
    if not text:
        return [(0, 0)]
    lines: list[tuple[int, int]] = []
    line_start = 0
    used = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        word = token.rstrip()
        word_cells = cell_len(word)
        start = match.start()
        if used and used + word_cells > width:
            lines.append((line_start, start))
            line_start, used = start, 0
        if word_cells > width:
            # cut a word too long for any line
            pos = start
            for ch_index, ch in enumerate(word, start):
                size = get_character_cell_size(ch)
                if used + size > width and used:
                    lines.append((line_start, ch_index))
                    line_start, used = ch_index, 0
                used += size
                pos = ch_index + 1
            used += cell_len(text[pos : match.end()])
            continue
        used += cell_len(token)
    lines.append((line_start, len(text)))
    return lines


@dataclass(frozen=True)
class Line:
    block: int
    start: int
    end: int


class Layout:
    """A document wrapped to a width: the list of screen lines and where each block starts."""

    def __init__(self, document: Document, width: int, indent: int = 0) -> None:
        self.width = width
        self.lines: list[Line] = []
        self.first_line: list[int] = []
        self._line_starts: list[list[int]] = []
        for index, block in enumerate(document.blocks):
            self.first_line.append(len(self.lines))
            starts: list[int] = []
            room = width - (indent if block.kind == "caption" else 0)
            for start, end in wrap(block.text, room):
                starts.append(start)
                self.lines.append(Line(index, start, end))
            self._line_starts.append(starts)

    def __len__(self) -> int:
        return len(self.lines)

    def line_of(self, block: int, offset: int) -> int:
        """The screen line showing `offset` of `block`."""
        starts = self._line_starts[block]
        return self.first_line[block] + max(0, bisect_right(starts, offset) - 1)
