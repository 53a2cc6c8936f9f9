"""The result list: a virtual list that draws only the rows on screen.

Rows come a page at a time from the search engine; a row whose page has not arrived yet is
drawn as a placeholder and asks for its page once. Each article takes two lines: review marks
and title, then date, source and the snippet with the matched terms marked. With 100,000 rows
only the twenty or so on screen are ever styled, and styled lines are cached until something
they show changes. Moving the cursor repaints just the two rows it leaves and enters (what an SSH
link carries per keypress is then a few hundred bytes, not the whole list), unless the list has
to scroll.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.text import one_line, safe, text_strip
from tui.review import Mark
from tui.search.api import Hit

ROW_HEIGHT = 2
MARK_CELLS = 5  # cursor bar, reviewed, flagged, tags, note
ROW_STYLES = (
    "article-list--title",
    "article-list--meta",
    "article-list--snippet",
    "article-list--match",
    "article-list--reviewed",
    "article-list--flagged",
    "article-list--tagged",
    "article-list--placeholder",
)
"""Component styles a row is drawn with (besides the cursor's): part of a cached line's key."""


class ArticleList(ScrollView, can_focus=True):
    """Search results (or every article), one two-line row each."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="open"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list-down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list-up"),
        Binding("home,g", "first", "First", show=False, id="list-first"),
        Binding("end,G", "last", "Last", show=False, id="list-last"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="list-page-down"),
        Binding("pageup,b", "page_up", "Page up", show=False, id="list-page-up"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--title",
        "article-list--meta",
        "article-list--snippet",
        "article-list--match",
        "article-list--reviewed",
        "article-list--flagged",
        "article-list--tagged",
        "article-list--placeholder",
        "article-list--empty",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False, repaint=False)
    """Index of the highlighted row; `watch_cursor` repaints only the rows it touches."""

    class Highlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, index: int, hit: Hit | None) -> None:
            self.index = index
            self.hit = hit
            super().__init__()

    class Opened(Message):
        """Enter on a row."""

        def __init__(self, hit: Hit) -> None:
            self.hit = hit
            super().__init__()

    class PageWanted(Message):
        """A row on screen belongs to a page not loaded yet."""

        def __init__(self, page: int, generation: int) -> None:
            self.page = page
            self.generation = generation
            super().__init__()

    def __init__(self, *, page_size: int = 100, id: str | None = None) -> None:
        super().__init__(id=id)
        self.page_size = page_size
        self.total = 0
        self.generation = 0
        self.empty_message = "No articles yet."
        self._pages: dict[int, list[Hit]] = {}
        self._asked: set[int] = set()
        self._marks: dict[str, Mark] = {}
        self._cache: LRUCache[tuple[int, int, tuple[Style, ...]], Strip] = LRUCache(512)
        """Styled lines by (virtual line, width, the styles drawn with). A style change (focus
        restyles the cursor row, a theme everything) gives new keys, so nothing needs clearing
        and leaving the list redraws only the cursor row from scratch."""
        self.lines_drawn = 0
        """`render_line` calls so far: the lines Textual repainted (what a redraw costs)."""

    # -- data ---------------------------------------------------------------------------------

    def show_results(
        self, hits: list[Hit], total: int, generation: int, keep_cursor: bool = False
    ) -> None:
        """Replace the rows with the first page of a new search.

        `keep_cursor` (the same search again, after the index changed): stay on the same article
        if it is on the first page, else on the same row.
        """
        current = self.current_hit
        self.generation = generation
        self.total = total
        self._pages = {1: hits}
        self._asked = {1}
        self._cache.clear()
        self._update_virtual_size()
        index = 0
        if keep_cursor:
            found = (
                i for i, hit in enumerate(hits) if current is not None and hit.id == current.id
            )
            index = next(found, self.cursor)
        self.cursor = min(index, max(0, total - 1))
        if not keep_cursor:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def add_page(self, page: int, hits: list[Hit], generation: int) -> None:
        if generation != self.generation:
            return
        self._pages[page] = hits
        first = (page - 1) * self.page_size
        self._forget_rows(first, first + self.page_size)
        if self.cursor // self.page_size + 1 == page:
            self.post_message(self.Highlighted(self.cursor, self.current_hit))

    def set_marks(self, marks: dict[str, Mark]) -> None:
        self._marks = {k: v for k, v in marks.items() if not v.is_empty}
        self._cache.clear()
        self.refresh()

    def set_mark(self, mark: Mark) -> None:
        if mark.is_empty:
            self._marks.pop(mark.id, None)
        else:
            self._marks[mark.id] = mark
        for page, hits in self._pages.items():
            first = (page - 1) * self.page_size
            for offset, hit in enumerate(hits):
                if hit.id == mark.id:
                    self._forget_rows(first + offset, first + offset + 1)

    def _forget_rows(self, first: int, end: int) -> None:
        """Drop the styled lines of rows `first`..`end - 1` and repaint those rows only."""
        low, high = first * ROW_HEIGHT, end * ROW_HEIGHT
        cached = self._cache.keys()  # an LRUCache, not a dict: no iterating over it directly
        for key in [key for key in cached if low <= key[0] < high]:
            self._cache.discard(key)
        self.refresh_lines(low, high - low)

    def hit_at(self, index: int) -> Hit | None:
        if not 0 <= index < self.total:
            return None
        page = self._pages.get(index // self.page_size + 1)
        if page is None:
            return None
        offset = index % self.page_size
        return page[offset] if offset < len(page) else None

    @property
    def current_hit(self) -> Hit | None:
        return self.hit_at(self.cursor)

    @property
    def loaded_hits(self) -> list[Hit]:
        return [hit for page in sorted(self._pages) for hit in self._pages[page]]

    # -- cursor -------------------------------------------------------------------------------

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.total - 1)) if self.total else 0

    def watch_cursor(self, old: int, new: int) -> None:
        if old != new:
            # Styled lines are cached with and without the cursor: nothing to forget. If the
            # move scrolls the list, scrolling repaints all of it anyway.
            self.refresh_lines(old * ROW_HEIGHT, ROW_HEIGHT)
            self.refresh_lines(new * ROW_HEIGHT, ROW_HEIGHT)
        self.scroll_to_region(
            Region(0, new * ROW_HEIGHT, 1, ROW_HEIGHT), animate=False, immediate=True
        )
        self.post_message(self.Highlighted(new, self.current_hit))

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self.total - 1

    def _rows_per_page(self) -> int:
        return max(1, self.scrollable_content_region.height // ROW_HEIGHT)

    def action_page_down(self) -> None:
        self.cursor += self._rows_per_page()

    def action_page_up(self) -> None:
        self.cursor -= self._rows_per_page()

    def action_open(self) -> None:
        hit = self.current_hit
        if hit is not None:
            self.post_message(self.Opened(hit))

    # -- drawing ------------------------------------------------------------------------------

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.total * ROW_HEIGHT)

    def on_resize(self) -> None:
        self._cache.clear()
        self._update_virtual_size()

    def render_line(self, y: int) -> Strip:
        self.lines_drawn += 1
        _, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if self.total == 0:
            if y == 1:
                style = base + self.get_component_rich_style("article-list--empty", partial=True)
                text = Text(self.empty_message, style=style, no_wrap=True)
                return self._strip(text, width, base)
            return Strip.blank(width, base)
        row, sub = divmod(line, ROW_HEIGHT)
        if row >= self.total:
            return Strip.blank(width, base)
        is_cursor = row == self.cursor
        key = (line, width, self._styles_key(is_cursor))
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        hit = self.hit_at(row)
        if hit is None:
            page = row // self.page_size + 1
            if page not in self._asked:
                self._asked.add(page)
                # Not posted from here: during a render the screen counts as the sender,
                # and a message never bubbles back to its sender.
                self.call_later(self._want_page, page, self.generation)
        strip = self._render_row_line(hit, sub, width, base, is_cursor)
        self._cache[key] = strip
        return strip

    def _styles_key(self, is_cursor: bool) -> tuple[Style, ...]:
        """The styles a row is drawn with (each cached by Textual until the styles change)."""
        styles = (self.rich_style, *(self._style(name) for name in ROW_STYLES))
        return (*styles, self._style("article-list--cursor")) if is_cursor else styles

    def _want_page(self, page: int, generation: int) -> None:
        self.post_message(self.PageWanted(page, generation))

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        text.truncate(width, overflow="ellipsis")
        return text_strip(text, self.app.console, width, style)

    def _render_row_line(
        self, hit: Hit | None, sub: int, width: int, base: Style, is_cursor: bool
    ) -> Strip:
        row_style = base + self._style("article-list--cursor") if is_cursor else base
        text = Text(no_wrap=True, style=row_style, end="")
        if sub == 0:
            text.append("▌" if is_cursor else " ", row_style)
            mark = self._marks.get(hit.id) if hit is not None else None
            text.append_text(self._mark_cells(mark, row_style))
            if hit is None:
                text.append("…", row_style + self._style("article-list--placeholder"))
            else:
                title = safe(hit.title or hit.path or hit.id)
                text.append(title, row_style + self._style("article-list--title"))
        else:
            text.append("▌" if is_cursor else " ", row_style)
            text.append(" " * (MARK_CELLS - 1), row_style)
            if hit is not None:
                meta = " · ".join(safe(part) for part in (hit.date, hit.source) if part)
                text.append(meta, row_style + self._style("article-list--meta"))
                if hit.snippet:
                    if meta:
                        text.append("  ", row_style)
                    text.append_text(self._snippet(hit, row_style))
        return self._strip(text, width, row_style)

    def _mark_cells(self, mark: Mark | None, style: Style) -> Text:
        cells = Text(no_wrap=True, end="")
        if mark is None:
            cells.append(" " * (MARK_CELLS - 1), style)
            return cells
        cells.append("✓" if mark.reviewed else " ", style + self._style("article-list--reviewed"))
        cells.append("⚑" if mark.flagged else " ", style + self._style("article-list--flagged"))
        cells.append("#" if mark.tags else " ", style + self._style("article-list--tagged"))
        cells.append("✎" if mark.note else " ", style + self._style("article-list--tagged"))
        return cells

    def _snippet(self, hit: Hit, style: Style) -> Text:
        snippet_style = style + self._style("article-list--snippet")
        match_style = snippet_style + self._style("article-list--match")
        raw = hit.snippet
        text = Text(no_wrap=True, end="")
        cursor = 0
        for span in sorted(hit.snippet_marks, key=lambda s: s.start):
            start, end = max(span.start, cursor), min(span.end, len(raw))
            if start >= end:
                continue
            text.append(one_line(raw[cursor:start]), snippet_style)
            text.append(one_line(raw[start:end]), match_style)
            cursor = end
        text.append(one_line(raw[cursor:]), snippet_style)
        return text
