"""The reader: one article, wrapped once per width, drawn a line at a time.

Entities, quotes, captions and search hits are highlighted with the reader's component classes,
so colours come from the theme while each highlight also has a text style (bold, underline,
italic, reverse) or a gutter mark that shows without colour. Lines containing a quote carry a
bar in the gutter; the current quote a heavy bar, captions a dotted one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from tui.app.document import (
    CAPTION_STYLE,
    HIT_STYLE,
    LABEL_STYLES,
    QUOTE_STYLE,
    SPEAKER_STYLE,
    Block,
    Document,
    Layout,
    StyleSpan,
    Target,
    build_document,
)
from tui.app.text import one_line as safe_label
from tui.app.text import text_strip
from tui.model import LABELS, Annotations, Article, Quote, Span

GUTTER = 2
CAPTION_INDENT = 2
_PRIORITY = {SPEAKER_STYLE: 0, CAPTION_STYLE: 1, QUOTE_STYLE: 2, HIT_STYLE: 9}


def _priority(span: StyleSpan) -> int:
    return _PRIORITY.get(span.style, 5)


class _BlockIndex:
    """A block's spans sorted by start, for finding those that touch one line quickly."""

    def __init__(self, block: Block) -> None:
        self.spans = sorted(block.spans, key=lambda s: (s.start, _priority(s)))
        self.starts = [s.start for s in self.spans]
        longest = max((s.end - s.start for s in self.spans), default=0)
        self.longest = longest

    def touching(self, start: int, end: int) -> list[StyleSpan]:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        found = [s for s in self.spans[lo:hi] if s.end > start and s.start < end]
        found.sort(key=_priority)
        return found


class Reader(ScrollView, can_focus=True):
    """The open article, with highlights; `n`/`N` move between hits, `]`/`[` between quotes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_hit", "Next hit", id="next-hit"),
        Binding("N", "previous_hit", "Prev hit", id="previous-hit"),
        Binding("right_square_bracket", "next_quote", "Next quote", id="next-quote"),
        Binding("left_square_bracket", "previous_quote", "Prev quote", id="previous-quote"),
        Binding("down,j", "scroll_down", "Scroll down", show=False, id="reader-down"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, id="reader-up"),
        Binding("home,g", "scroll_home", "Top", show=False, id="reader-top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, id="reader-bottom"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="reader-page-down"),
        Binding("pageup,b,ctrl+b", "page_up", "Page up", show=False, id="reader-page-up"),
        Binding("ctrl+d", "half_page_down", "Half page down", show=False, id="reader-half-down"),
        Binding("ctrl+u", "half_page_up", "Half page up", show=False, id="reader-half-up"),
        # `q` backs out of the reader (to the list); on the list it quits (as mutt, tig).
        Binding("q", "app.back", "Back", id="reader-back"),
        Binding("ctrl+f", "app.find", "Find in article", show=False, id="reader-find"),
        *(
            Binding(
                str(number),
                f"toggle_label('{label}')",
                f"Show/hide {label}",
                show=False,
                id=f"toggle-{label.lower()}",
            )
            for number, label in enumerate(LABELS, 1)
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title",
        "reader--meta",
        "reader--empty",
        "reader--gutter",
        "reader--gutter-current",
        "reader--hit-current",
        "reader--quote-current",
        "reader--other",
        CAPTION_STYLE,
        HIT_STYLE,
        QUOTE_STYLE,
        SPEAKER_STYLE,
        *LABEL_STYLES.values(),
    }

    hidden_labels: reactive[frozenset[str]] = reactive(frozenset(), init=False)

    class Moved(Message):
        """The current hit or quote changed (for the panel and the status)."""

        def __init__(self, reader: Reader) -> None:
            self.reader = reader
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.annotations = Annotations()
        self.hit_spans: list[Span] = []
        self.warnings: list[str] = []  # lines under the metadata (the file's ingest problems)
        self.doc: Document | None = None
        self.wrapped: Layout | None = None
        self.current_hit: int | None = None
        self.current_quote: int | None = None
        self.empty_message = "Pick an article and press Enter."
        self.measure = 100
        """Longest line in columns (the `reader_width` setting)."""
        self.corpus_spans: list[Span] = []
        """The corpus search's hits in this article, kept while a find shows its own."""
        self.finding: str | None = None
        """The text found in the article (ctrl+f), while its matches replace the hits."""
        self._indexes: list[_BlockIndex] = []
        self._cache: LRUCache[int, Strip] = LRUCache(256)
        self._target_lines: dict[str, list[int]] = {}
        """Line of each hit and quote in the current wrapping, by kind (for the counts)."""
        self._counted: tuple[int | None, int | None] = (None, None)
        self._refits = 0

    # -- content ------------------------------------------------------------------------------

    def show(
        self,
        article: Article,
        annotations: Annotations,
        hit_spans: list[Span],
        warnings: Sequence[str] = (),
    ) -> None:
        self.warnings = list(warnings)
        self.article = article
        self.annotations = annotations
        self.hit_spans = hit_spans
        self.corpus_spans = hit_spans
        self.finding = None
        self.current_hit = None
        self.current_quote = None
        self.wrapped = None  # a new article: nothing to keep in place
        self._refits = 0
        self.scroll_to(y=0, animate=False, immediate=True)
        self._rebuild()
        self.post_message(self.Moved(self))

    def refresh_article(
        self, article: Article, annotations: Annotations, hit_spans: list[Span]
    ) -> None:
        """The article on show, as it now reads (edited on disk, annotated anew), with the
        line at the top of the view kept there: the reader is not sent back to the title."""
        self.article = article
        self.annotations = annotations
        self.corpus_spans = hit_spans
        if self.finding is None:
            self.hit_spans = hit_spans
        else:
            self.hit_spans = find_spans(article.text, self.finding)
        self.current_hit = None
        self.current_quote = None
        self._rebuild()
        self.post_message(self.Moved(self))

    def find(self, text: str) -> int:
        """Mark the matches of `text` in the article instead of the corpus search's hits (as
        less's `/`), the first one at or below the view current; returns how many."""
        if self.article is None:
            return 0
        self.finding = text
        self._set_spans(find_spans(self.article.text, text))
        if self.doc is not None and self.doc.hits:
            self._jump_hit(True, from_view=True)
        return self.hit_count

    def end_find(self) -> None:
        """Back to the corpus search's hits."""
        if self.finding is None:
            return
        self.finding = None
        self._set_spans(self.corpus_spans)

    def _set_spans(self, spans: list[Span]) -> None:
        self.hit_spans = spans
        self.current_hit = None
        self._rebuild()
        self._moved()

    def clear(self) -> None:
        self.article = None
        self.doc = None
        self.wrapped = None
        self._indexes = []
        self._relayout()

    def _rebuild(self) -> None:
        if self.article is None:
            return
        self.doc = build_document(
            self.article,
            self.annotations,
            self.hit_spans,
            self.hidden_labels,
            self.warnings,
        )
        self._indexes = [_BlockIndex(block) for block in self.doc.blocks]
        self._relayout()

    def _relayout(self) -> None:
        """Wrap the document to the current width, keeping the top line's text on top."""
        old, top = self.wrapped, self.scroll_offset.y
        anchor = old.lines[top] if old is not None and 0 <= top < len(old) else None
        width = self._text_width()
        if self.doc is not None:
            self.wrapped = Layout(self.doc, width, indent=CAPTION_INDENT)
            height = len(self.wrapped)
        else:
            self.wrapped = None
            height = 0
        self._cache.clear()
        self._target_lines.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, height)
        if self.wrapped is not None and anchor is not None:
            self.scroll_to(
                y=self.wrapped.line_of(anchor.block, anchor.start), animate=False, immediate=True
            )
        self.refresh()
        self.call_after_refresh(self._fit_width)

    def _fit_width(self) -> None:
        """Wrap again if the text width changed without a resize: the scrollbar came or went
        with the new height (a short article after a long one). Twice at most per article, in
        case the new width brings the scrollbar back."""
        stale = self.wrapped is not None and self.wrapped.width != self._text_width()
        if stale and self._refits < 2:
            self._refits += 1
            self._relayout()

    def _text_width(self) -> int:
        """The width text wraps at: the pane's, but no more than `measure` (lines of 130
        characters on a wide terminal are hard to follow back to their start)."""
        return max(10, min(self.measure, self.scrollable_content_region.width - GUTTER - 1))

    def watch_hidden_labels(self) -> None:
        self._rebuild()

    def action_toggle_label(self, label: str) -> None:
        hidden = set(self.hidden_labels)
        hidden.symmetric_difference_update({label})
        self.hidden_labels = frozenset(hidden)
        state = "hidden" if label in hidden else "shown"
        self.notify(f"{label} highlights {state}", timeout=2)

    # -- moving -------------------------------------------------------------------------------

    @property
    def hit_count(self) -> int:
        return len(self.doc.hits) if self.doc else 0

    @property
    def quote_count(self) -> int:
        return len(self.doc.quotes) if self.doc else 0

    def _line_of(self, target: Target) -> int:
        assert self.wrapped is not None
        return self.wrapped.line_of(target.block, target.start)

    def _show_line(self, line: int) -> None:
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if not top <= line < top + height:
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    def _step(
        self, targets: list[Target], current: int | None, forward: bool, shown: bool = False
    ) -> int | None:
        """The next (or previous) target from `current`, or from the view when there is none.
        `shown`: the counts already call the first one in view current, so stepping forward
        from an unmoved view goes past it when it is on screen."""
        if not targets or self.wrapped is None:
            return None
        if current is None:
            top = self.scroll_offset.y
            lines = [self._line_of(t) for t in targets]
            if forward:
                at = next((i for i, line in enumerate(lines) if line >= top), 0)
                # The counts already call that one current ("hit 23/400"): if it is on screen,
                # `n` goes on to the next, as it would after a move to it.
                if shown and lines[at] < top + self.size.height and at + 1 < len(lines):
                    return at + 1
                return at
            return next(
                (i for i in reversed(range(len(lines))) if lines[i] < top + self.size.height),
                len(targets) - 1,
            )
        return (current + (1 if forward else -1)) % len(targets)

    def position(self, kind: str) -> int | None:
        """Which hit or quote (0-based) the counts call current: the one moved to, else the
        first at or below the top of the view, so "hit 1/3" shows from the start."""
        if self.doc is None:
            return None
        if kind == "hit":
            targets, current = self.doc.hits, self.current_hit
        else:
            targets, current = [t[0] for t, _ in self.doc.quotes], self.current_quote
        if current is not None or not targets or self.wrapped is None:
            return current
        lines = self._target_lines.get(kind)
        if lines is None:
            lines = self._target_lines[kind] = [self._line_of(t) for t in targets]
        top = self.scroll_offset.y
        return next((i for i, line in enumerate(lines) if line >= top), 0)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) == round(new_value) or self.doc is None:
            return
        if self.current_hit is not None and self.current_quote is not None:
            return  # both counts follow the moves, not the view
        # The counts follow the view: say so only when one changes (most scrolls change none,
        # and each message repaints the border).
        shown = (self.position("hit"), self.position("quote"))
        if shown != self._counted:
            self._counted = shown
            self.show_counts()  # in the frame that draws the scroll, not one more after it
            self.post_message(self.Moved(self))

    def counts(self) -> str:
        """ "hit 1/3 · quote 2/8" (or "find 'x' 1/5"), the same from the moment an article
        opens: the hit or quote moved to, else the first at or below the top of the view."""
        parts = []
        hit = self.position("hit")
        if self.finding is not None:
            at = f"{hit + 1}/" if hit is not None and self.hit_count else ""
            parts.append(f"find {safe_label(self.finding)!r} {at}{self.hit_count}")
        elif self.hit_count:
            parts.append(f"hit {(hit or 0) + 1}/{self.hit_count}")
        if self.quote_count:
            quote = self.position("quote")
            parts.append(f"quote {(quote or 0) + 1}/{self.quote_count}")
        return " · ".join(parts)

    def show_counts(self) -> None:
        counts = self.counts()
        if counts != self.border_subtitle:
            self.border_subtitle = counts

    def _jump_hit(self, forward: bool, from_view: bool = False) -> None:
        """`n`/`N`; `from_view`: to the first match at or below the top of the view (a new
        find), even when the counts already call it current."""
        if self.doc is None or not self.doc.hits:
            what = f"No matches of {self.finding!r}" if self.finding else "No search hits"
            self.notify(f"{what} in this article", timeout=2)
            return
        self.current_hit = self._step(self.doc.hits, self.current_hit, forward, shown=not from_view)
        if self.current_hit is not None:
            self._show_line(self._line_of(self.doc.hits[self.current_hit]))
        self._moved()

    def _jump_quote(self, forward: bool) -> None:
        if self.doc is None or not self.doc.quotes:
            self.notify("No quotes in this article", timeout=2)
            return
        firsts = [targets[0] for targets, _ in self.doc.quotes]
        self.jump_to_quote(self._step(firsts, self.current_quote, forward))

    def jump_to_quote(self, index: int | None) -> None:
        if self.doc is None or index is None or not 0 <= index < self.quote_count:
            return
        self.current_quote = index
        self._show_line(self._line_of(self.doc.quotes[index][0][0]))
        self._moved()

    def _moved(self) -> None:
        self._counted = (self.position("hit"), self.position("quote"))
        self._cache.clear()
        self.refresh()
        self.post_message(self.Moved(self))

    # Scrolling jumps rather than glides: over SSH every animation frame is a screen update.

    def action_scroll_down(self) -> None:
        self.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_up(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_half_page_down(self) -> None:
        self.scroll_relative(y=max(1, self.scrollable_content_region.height // 2), animate=False)

    def action_half_page_up(self) -> None:
        self.scroll_relative(y=-max(1, self.scrollable_content_region.height // 2), animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def action_next_hit(self) -> None:
        self._jump_hit(True)

    def action_previous_hit(self) -> None:
        self._jump_hit(False)

    def action_next_quote(self) -> None:
        self._jump_quote(True)

    def action_previous_quote(self) -> None:
        self._jump_quote(False)

    @property
    def quote(self) -> Quote | None:
        """The current quote, or the first one on screen."""
        if self.doc is None or not self.doc.quotes:
            return None
        if self.current_quote is not None:
            return self.doc.quotes[self.current_quote][1]
        top = self.scroll_offset.y
        for targets, quote in self.doc.quotes:
            if self._line_of(targets[-1]) >= top:
                return quote
        return None

    # -- drawing ------------------------------------------------------------------------------

    def on_resize(self) -> None:
        if self.wrapped is None or self.wrapped.width != self._text_width():
            self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def style_for(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        line_index = self.scroll_offset.y + y
        if self.wrapped is None:
            if y == 1:
                text = Text(" " * GUTTER + self.empty_message, no_wrap=True, end="")
                text.stylize(base + self.style_for("reader--empty"))
                return self._strip(text, width, base)
            return Strip.blank(width, base)
        if line_index >= len(self.wrapped):
            return Strip.blank(width, base)
        strip = self._cache.get(line_index)
        if strip is None:
            strip = self._strip(self._line_text(line_index, base), width, base)
            self._cache[line_index] = strip
        return strip

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        return text_strip(text, self.app.console, width, base)

    def _current_targets(self) -> tuple[Target | None, list[Target]]:
        document = self.doc
        assert document is not None
        hit = document.hits[self.current_hit] if self.current_hit is not None else None
        quote = document.quotes[self.current_quote][0] if self.current_quote is not None else []
        return hit, quote

    def _line_text(self, line_index: int, base: Style) -> Text:
        assert self.wrapped is not None and self.doc is not None
        line = self.wrapped.lines[line_index]
        block = self.doc.blocks[line.block]
        content = Text(block.text[line.start : line.end], style=base, no_wrap=True, end="")
        if block.kind == "title":
            content.stylize(self.style_for("reader--title"))
        elif block.kind == "meta":
            content.stylize(self.style_for("reader--meta"))
        elif block.kind == "link":  # an OSC 8 hyperlink: the terminal opens it on ctrl+click
            content.stylize(self.style_for("reader--meta") + Style(link=block.text))
        spans = self._indexes[line.block].touching(line.start, line.end)
        in_quote = False
        for span in spans:
            if span.style == QUOTE_STYLE:
                in_quote = True
            content.stylize(
                self.style_for(span.style),
                max(span.start, line.start) - line.start,
                min(span.end, line.end) - line.start,
            )
        current_hit, current_quote = self._current_targets()
        in_current = False
        for target in current_quote:
            if target.block == line.block and target.end > line.start and target.start < line.end:
                in_current = True
                content.stylize(
                    self.style_for("reader--quote-current"),
                    max(target.start, line.start) - line.start,
                    min(target.end, line.end) - line.start,
                )
        if (
            current_hit is not None
            and current_hit.block == line.block
            and current_hit.end > line.start
            and current_hit.start < line.end
        ):
            content.stylize(
                self.style_for("reader--hit-current"),
                max(current_hit.start, line.start) - line.start,
                min(current_hit.end, line.end) - line.start,
            )
        if in_current:
            mark, mark_style = "┃ ", base + self.style_for("reader--gutter-current")
        elif in_quote:
            mark, mark_style = "│ ", base + self.style_for("reader--gutter")
        elif block.kind == "caption":
            mark, mark_style = "┊ ", base + self.style_for("reader--gutter")
        else:
            mark, mark_style = "  ", base
        # The gutter's style is given to its own cells only (a Text's style would cover all).
        line_text = Text(no_wrap=True, end="")
        line_text.append(mark, mark_style)
        if block.kind == "caption":
            line_text.append(" " * CAPTION_INDENT, base)
        line_text.append_text(content)
        return line_text


def find_spans(text: str, needle: str) -> list[Span]:
    """Where `needle` occurs in `text`, ignoring case (a literal string, not a query)."""
    needle = needle.strip()
    if not needle:
        return []
    spans = []
    haystack, wanted = text.casefold(), needle.casefold()
    if len(haystack) != len(text):  # casefold changed lengths (ß -> ss): compare as is
        haystack, wanted = text.lower(), needle.lower()
        if len(haystack) != len(text):
            haystack, wanted = text, needle
    start = haystack.find(wanted)
    while start >= 0:
        spans.append(Span(start=start, end=start + len(wanted)))
        start = haystack.find(wanted, start + len(wanted))
    return spans


class Legend(Widget):
    """Which highlight is which, drawn with the reader's own styles; hidden labels struck out."""

    DEFAULT_CSS = """
    Legend { height: auto; }
    """

    def __init__(self, reader: Reader, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reader = reader

    def on_mount(self) -> None:
        self.watch(self.reader, "hidden_labels", self._labels_changed, init=False)

    def _labels_changed(self) -> None:
        self.refresh()

    def render(self) -> Text:
        reader = self.reader
        text = Text(no_wrap=False, end="")
        for number, label in enumerate(LABELS, 1):
            hidden = label in reader.hidden_labels
            style = (
                Style(strike=True, dim=True) if hidden else reader.style_for(LABEL_STYLES[label])
            )
            text.append(f"{number}", Style(dim=True))
            text.append(label.lower(), style)
            text.append(" ")
        text.append("│", reader.style_for("reader--gutter"))
        text.append("quote", reader.style_for(QUOTE_STYLE))
        text.append(" ")
        text.append("[speaker]", reader.style_for(SPEAKER_STYLE))
        text.append(" ")
        text.append("hit", reader.style_for(HIT_STYLE))
        return text
