"""Corpus text on its way to the screen: cleaned, on one line where needed, never markup.

Everything shown from the corpus is built into `rich.text.Text` or `Content` from plain strings;
these helpers only make sure no control character, escape sequence or bidirectional override
that ingest did not see (paths, snippets, metadata assembled elsewhere) reaches the terminal.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from tui.ingest import safe_text
from tui.model import Quote

_SPACE = re.compile(r"\s")

# Emoji skin tones (U+1F3FB-U+1F3FF) and the emoji-style selector (U+FE0F): terminals disagree on
# the cells these take ("👋🏽" is 2 cells to Rich and to modern terminals, 4 in tmux 3.3; "❤️"
# is 2 to Rich, 1 in tmux), and one row drawn wider than Rich measured it pushes the pane's
# border out of line. U+034F (combining grapheme joiner) takes no cell in any of them.
_UNSTEADY = re.compile("[\U0001f3fb-\U0001f3ff\ufe0f]")
_NO_CELL = "\u034f"


def steady(text: str) -> str:
    """`text` with the characters whose width terminals disagree on made invisible: every
    terminal then draws it in the cells Rich counts (the base emoji stays, in its plain form).
    One character for one, so offsets into the text (highlights, quotes) still hold; the
    article itself, search, copy and export keep the original."""
    return _UNSTEADY.sub(_NO_CELL, text) if _UNSTEADY.search(text) else text


def safe(value: str | None) -> str:
    """`value` without control characters, escapes or bidi overrides ("" for None), in the
    width every terminal agrees on (`steady`)."""
    return steady(safe_text(value)) if value else ""


def one_line(value: str | None) -> str:
    """`safe(value)` with every line break and tab turned into a space (lengths kept)."""
    return _SPACE.sub(" ", safe(value))


_ISO = re.compile(r"(\d{4}-\d\d-\d\d)(?:[T ](\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$")


def day(value: str | None) -> str:
    """An article date as the list shows it: the day alone ("2026-03-18"), which is what one
    scans a column of results for; other shapes are shown as they are."""
    m = _ISO.match(value or "")
    return m.group(1) if m else one_line(value)


def day_and_time(value: str | None) -> str:
    """An article date for the reader: "2026-03-18 18:25", with its zone when it has one;
    seconds and the ISO "T" only cost room."""
    m = _ISO.match(value or "")
    if not m or not m.group(2):
        return day(value)
    zone = {"Z": "UTC", None: ""}.get(m.group(3), m.group(3))
    return f"{m.group(1)} {m.group(2)}{' ' + zone if zone else ''}"


QUOTE_MARKS = "\"“”‘’'«»„‹›"


def quoted(text: str) -> str:
    """`text` in quotation marks, unless it already carries its own (direct quotes do)."""
    text = text.strip()
    if text[:1] in QUOTE_MARKS:
        return text
    return f"“{text}”"


def speaker_label(quote: Quote) -> str | None:
    """The speaker as shown ("Tony Blair?" when unsure: `Quote.shown_speaker`)."""
    return quote.shown_speaker()


def quote_with_speaker(quote: Quote) -> str:
    """One line for the clipboard: `“We are ready,” — Jacky Chung` or, for reported speech,
    `Jacky Chung (reported): freight costs will rise`."""
    speaker = speaker_label(quote)
    text = " ".join(quote.spoken().split())
    if quote.kind == "indirect":
        return f"{speaker or 'Unattributed'} (reported): {text}"
    return f"{quoted(text)} — {speaker}" if speaker else quoted(text)


def text_strip(text: Text, console: Console, width: int, base: Style) -> Strip:
    """One line of `text` as a strip exactly `width` cells wide, every segment styled.

    Segments are laid over `base` (the widget's own style) so none is left without a style:
    Textual's monochrome filter (NO_COLOR) expects one on every segment.
    """
    segments = Segment.apply_style(text.render(console), style=base)
    return Strip(list(segments)).crop_extend(0, width, base)


def fit_pieces(pieces: list[tuple[str, Style]], width: int, fill: Style) -> Strip:
    """Pieces as a strip exactly `width` cells wide: cut with "…" (in the style of the piece
    cut) when too long, padded in `fill` when short: what `text_strip` makes of the same pieces
    in a truncated `Text`, without building one. Each style should already be laid over `fill`;
    strings must be on one line and safe (`one_line`): they go to the terminal as they are."""
    pieces = [(text, style) for text, style in pieces if text]
    lengths = [cell_len(text) for text, _ in pieces]
    total = sum(lengths)
    segments: list[Segment] = []
    if total <= width:
        segments = [Segment(text, style) for text, style in pieces]
        if total < width:
            segments.append(Segment(" " * (width - total), fill))
        return Strip(segments, width)
    room = width - 1  # cells left before the "…"
    for (text, style), length in zip(pieces, lengths, strict=True):
        if length <= room:
            segments.append(Segment(text, style))
            room -= length
            continue
        if room > 0:
            segments.append(Segment(set_cell_size(text, room), style))
        segments.append(Segment("…", style))
        break
    return Strip(segments, width)
