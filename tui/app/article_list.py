"""The result list: a virtual list that draws only the rows on screen.

Rows come a page at a time from the search engine. Pages are asked for ahead of need: after
every move, once the screen is drawn, the pages within a few screens of the view (and, while
the list has the focus, the last page, for End) are fetched in a worker, so PageDown, PageUp
and the jumps normally land on rows already loaded. A row whose page has not arrived yet is
drawn as a placeholder and asks for its page once. Loaded pages are kept (at most `MAX_PAGES`;
those farthest from the cursor go first).

Each article takes two lines: review marks and title, then date, source and the snippet with
the matched terms marked. With 100,000 rows only the twenty or so on screen are ever styled,
and styled lines are cached until something they show changes. A line goes straight from
(text, style) pieces to a strip, with the row styles looked up once per update rather than once
per line: a PageDown restyles a whole screen, and that is most of what it costs. Moving the
cursor repaints just the two rows it leaves and enters (what an SSH link carries per keypress is
then a few hundred bytes, not the whole list), unless the list has to scroll.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.text import day, fit_pieces, one_line, text_strip
from tui.review import Mark
from tui.search.api import Hit
from tui.search.facets import shown_source

ROW_HEIGHT = 2
PREFETCH_SCREENS = 3
"""Pages within this many screens above and below the view are fetched before they are needed."""
MAX_PAGES = 40
"""Loaded pages kept at most (those farthest from the cursor are dropped first)."""
MARK_CELLS = 5  # cursor bar, reviewed, flagged, tags, note
MIN_SNIPPET = 24
"""Cells of snippet worth showing on a row's second line; less gives way to it (see
`second_line_meta`)."""


class ArticleList(ScrollView, can_focus=True):
    """Search results (or every article), one two-line row each."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="open"),
        Binding("down,j", "cursor_down", "Down", show=False, id="list-down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list-up"),
        Binding("home,g", "first", "First", show=False, id="list-first"),
        Binding("end,G", "last", "Last", show=False, id="list-last"),
        Binding("pagedown,ctrl+f", "page_down", "Page down", show=False, id="list-page-down"),
        # Marking many at once, as tig and lazygit: space picks a row, v starts (and ends) a
        # range; r, f and t then act on every row picked, Esc drops the choice.
        Binding("space", "toggle_select", "Select", show=False, id="select"),
        Binding("v", "select_range", "Select range", show=False, id="select-range"),
        Binding("pageup,b,ctrl+b", "page_up", "Page up", show=False, id="list-page-up"),
        Binding("ctrl+d", "half_page_down", "Half page down", show=False, id="list-half-down"),
        Binding("ctrl+u", "half_page_up", "Half page up", show=False, id="list-half-up"),
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

    def __init__(
        self, *, page_size: int = 100, max_pages: int = MAX_PAGES, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.page_size = page_size
        self.max_pages = max(2, max_pages)
        self.total = 0
        self.generation = 0
        self.empty_message = "No articles yet."
        self.outlets: dict[str, str] = {}
        """How the corpus mostly spells each outlet spelt several ways: one outlet, one name."""
        self._pages: dict[int, list[Hit]] = {}
        self._asked: set[int] = set()
        self._marks: dict[str, Mark] = {}
        self._cache: LRUCache[tuple[int, int, tuple[Style, ...]], Strip] = LRUCache(512)
        """Styled lines by (virtual line, width, the styles drawn with). A style change (focus
        restyles the cursor row, a theme everything) gives new keys, so nothing needs clearing
        and leaving the list redraws only the cursor row from scratch."""
        self.touched = False
        """Whether the cursor was moved or its article opened since this list was shown: an
        untouched cursor stays on the first row while the index grows (newer articles come in
        above), instead of following the article that happened to be first."""
        self._placing = False
        self.selected: dict[str, None] = {}
        """Ids of the rows picked (space, v), in the order picked."""
        self.anchor: int | None = None
        """Where a `v` range started, while one is being made (the cursor is its other end)."""
        self._pass_styles: tuple[RowStyles, RowStyles] | None = None
        self._in_pass = False
        self.lines_drawn = 0
        """`render_line` calls so far: the lines Textual repainted (what a redraw costs)."""

    # -- data ---------------------------------------------------------------------------------

    def show_results(
        self,
        hits: list[Hit],
        total: int,
        generation: int,
        keep_cursor: bool = False,
        pages: dict[int, list[Hit]] | None = None,
        cursor_at: int | None = None,
    ) -> None:
        """Replace the rows with the first page of a new search (and any later `pages`).

        `keep_cursor` (the same search again, after the index changed): stay on the same article
        if it is on the first page, else on the same row. `cursor_at` puts the cursor on that
        row (the article it was on, found further down in a new order).
        """
        current = self.current_hit
        self.generation = generation
        self.total = total
        self._pages = {1: hits, **(pages or {})}
        self._asked = set(self._pages)
        self._cache.clear()
        self._update_virtual_size()
        index = 0
        if not keep_cursor:
            self.touched = False
        if cursor_at is not None:
            index = cursor_at
        elif keep_cursor and self.touched:
            found = (
                i for i, hit in enumerate(hits) if current is not None and hit.id == current.id
            )
            index = next(found, self.cursor)
        self._place(min(index, max(0, total - 1)))
        if not keep_cursor:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def append_rows(self, hits: list[Hit], generation: int) -> None:
        """Add rows at the end of a list held whole here, not paged from the engine (the
        articles read so far while a first index is built). A new `generation` starts a new
        list. Only the new rows that are on screen are drawn."""
        if generation != self.generation:
            self.generation = generation
            self.total = 0
            self._pages = {}
            self._asked = set()
            self._cache.clear()
            self.refresh()
        if not hits:
            return
        was = self.total
        for hit in hits:
            page = self.total // self.page_size + 1
            self._pages.setdefault(page, []).append(hit)
            self._asked.add(page)  # never to be asked of the engine
            self.total += 1
        self._update_virtual_size()
        if was == 0:
            self.refresh()  # the empty message goes
            self.touched = False
            self._place(0)
        else:
            self._forget_rows(was, self.total)

    def add_page(self, page: int, hits: list[Hit], generation: int) -> None:
        if generation != self.generation:
            return
        self._pages[page] = hits
        first = (page - 1) * self.page_size
        self._forget_rows(first, first + self.page_size)
        self._drop_far_pages()
        if self.cursor // self.page_size + 1 == page:
            self.post_message(self.Highlighted(self.cursor, self.current_hit))

    def page_failed(self, page: int, generation: int) -> None:
        """A page could not be fetched: ask again when it is next needed."""
        if generation == self.generation:
            self._asked.discard(page)

    def _drop_far_pages(self) -> None:
        """Keep at most `max_pages` pages: drop those farthest from the cursor, but never the
        first (a refreshed search keeps its place in it) nor one `prefetch` would ask for again."""
        if len(self._pages) <= self.max_pages:
            return
        here = self.cursor // self.page_size + 1
        keep = {1, *self._near_pages()}
        droppable = sorted((p for p in self._pages if p not in keep), key=lambda p: abs(p - here))
        for page in droppable[max(0, self.max_pages - len(self._pages) + len(droppable)) :]:
            del self._pages[page]
            self._asked.discard(page)
            first = (page - 1) * self.page_size
            self._forget_rows(first, first + self.page_size)

    @property
    def last_page(self) -> int:
        return max(1, -(-self.total // self.page_size))

    def _near_pages(self) -> list[int]:
        """The pages within `PREFETCH_SCREENS` screens of the view and the cursor, nearest to
        the cursor first, then the last page while the list has the focus (for End)."""
        if not self.total:
            return []
        rows = self._rows_per_page()
        top = self.scroll_offset.y // ROW_HEIGHT
        ahead = PREFETCH_SCREENS * rows
        low = max(0, min(top, self.cursor) - ahead)
        high = min(self.total - 1, max(top + rows, self.cursor) + ahead)
        here = self.cursor // self.page_size + 1
        pages = range(low // self.page_size + 1, high // self.page_size + 2)
        near = sorted((p for p in pages if p <= self.last_page), key=lambda p: abs(p - here))
        return [*near, self.last_page] if self.has_focus else near

    def prefetch(self) -> None:
        """Ask for the pages near the view that are not loaded yet (called once the screen is
        drawn, so fetching never delays the frame a key asked for)."""
        if self.is_mounted:
            for page in self._near_pages():
                self._ask(page)

    def _ask(self, page: int) -> None:
        if 1 <= page <= self.last_page and page not in self._asked:
            self._asked.add(page)
            self.post_message(self.PageWanted(page, self.generation))

    def on_focus(self) -> None:
        self.call_after_refresh(self.prefetch)

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
        """Drop the styled lines of rows `first`..`end - 1` and repaint those of them on screen
        (none, for a page fetched ahead of the view)."""
        low, high = first * ROW_HEIGHT, end * ROW_HEIGHT
        cached = self._cache.keys()  # an LRUCache, not a dict: no iterating over it directly
        for key in [key for key in cached if low <= key[0] < high]:
            self._cache.discard(key)
        top = self.scroll_offset.y
        low, high = max(low, top), min(high, top + self.scrollable_content_region.height)
        if low < high:
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

    # -- selection ----------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        """The rows picked, a range being made included (rows not loaded are left out)."""
        ids = dict(self.selected)
        for index in self._range():
            hit = self.hit_at(index)
            if hit is not None:
                ids[hit.id] = None
        return list(ids)

    def _range(self) -> range:
        if self.anchor is None:
            return range(0)
        low, high = sorted((self.anchor, self.cursor))
        return range(low, high + 1)

    def is_selected(self, index: int, hit: Hit | None) -> bool:
        return index in self._range() or (hit is not None and hit.id in self.selected)

    def action_toggle_select(self) -> None:
        hit = self.current_hit
        if hit is None:
            return
        if hit.id in self.selected:
            del self.selected[hit.id]
        else:
            self.selected[hit.id] = None
        self._forget_rows(self.cursor, self.cursor + 1)

    def action_select_range(self) -> None:
        if self.anchor is None:
            self.anchor = self.cursor
            self._forget_rows(self.cursor, self.cursor + 1)
            self.notify("Range: move to its other end, then v (or r, f, t)", timeout=2)
            return
        for hit_id in self.selected_ids():
            self.selected[hit_id] = None
        self.anchor = None
        self._cache.clear()
        self.refresh()

    def clear_selection(self) -> bool:
        """Drop the rows picked; False if there were none."""
        if not self.selected and self.anchor is None:
            return False
        self.selected = {}
        self.anchor = None
        self._cache.clear()
        self.refresh()
        return True

    # -- cursor -------------------------------------------------------------------------------

    def _place(self, row: int) -> None:
        """Put the cursor on `row` for the list's own reasons (new results), not the user's."""
        self._placing = True
        try:
            self.cursor = row
        finally:
            self._placing = False

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self.total - 1)) if self.total else 0

    def watch_cursor(self, old: int, new: int) -> None:
        if not self._placing:
            self.touched = True
        if old != new:
            # Styled lines are cached with and without the cursor: nothing to forget. If the
            # move scrolls the list, scrolling repaints all of it anyway.
            self.refresh_lines(old * ROW_HEIGHT, ROW_HEIGHT)
            self.refresh_lines(new * ROW_HEIGHT, ROW_HEIGHT)
            if self.anchor is not None:  # the range grows or shrinks by the rows passed
                self._forget_rows(min(old, new), max(old, new) + 1)
        self.scroll_to_region(
            Region(0, new * ROW_HEIGHT, 1, ROW_HEIGHT), animate=False, immediate=True
        )
        self.post_message(self.Highlighted(new, self.current_hit))
        self.call_after_refresh(self.prefetch)

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

    def action_half_page_down(self) -> None:
        self.cursor += max(1, self._rows_per_page() // 2)

    def action_half_page_up(self) -> None:
        self.cursor -= max(1, self._rows_per_page() // 2)

    def action_open(self) -> None:
        hit = self.current_hit
        self.touched = True
        if hit is not None:
            self.post_message(self.Opened(hit))

    # -- drawing ------------------------------------------------------------------------------

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.total * ROW_HEIGHT)

    def on_resize(self) -> None:
        self._cache.clear()
        self._update_virtual_size()
        self.call_after_refresh(self._keep_cursor_in_view)
        self.call_after_refresh(self.prefetch)  # more rows on screen, perhaps

    def _keep_cursor_in_view(self) -> None:
        """After a resize the view may have shrunk past the cursor: bring it back."""
        self.scroll_to_region(
            Region(0, self.cursor * ROW_HEIGHT, 1, ROW_HEIGHT), animate=False, immediate=True
        )

    def render_lines(self, crop: Region) -> list[Strip]:
        """Textual draws the lines of one update through here: the row styles are looked up
        once for all of them, not once a line."""
        self._pass_styles = None
        self._in_pass = True
        try:
            return super().render_lines(crop)
        finally:
            self._in_pass = False

    def _row_styles(self, is_cursor: bool) -> RowStyles:
        """The styles rows are drawn with now (with or without the cursor)."""
        styles = self._pass_styles if self._in_pass else None
        if styles is None:
            base = self.rich_style
            cursor = base + self._style("article-list--cursor")
            styles = (RowStyles.make(self, base), RowStyles.make(self, cursor))
            if self._in_pass:
                self._pass_styles = styles
        return styles[is_cursor]

    def render_line(self, y: int) -> Strip:
        self.lines_drawn += 1
        _, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        if self.total == 0:
            base = self.rich_style
            if y == 1:
                style = base + self._style("article-list--empty")
                text = Text(self.empty_message, style=style, no_wrap=True)
                text.truncate(width, overflow="ellipsis")
                return text_strip(text, self.app.console, width, base)
            return Strip.blank(width, base)
        row, sub = divmod(line, ROW_HEIGHT)
        is_cursor = row == self.cursor
        styles = self._row_styles(is_cursor)
        if row >= self.total:
            return Strip.blank(width, styles.row)
        key = (line, width, styles)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        hit = self.hit_at(row)
        if hit is None:
            page = row // self.page_size + 1
            if page not in self._asked:
                # Not asked from here: during a render the screen counts as the sender, and
                # a message never bubbles back to its sender.
                self.call_later(self._ask, page)
        picked = bool(self.selected or self.anchor is not None) and self.is_selected(row, hit)
        pieces = self._row_line(hit, sub, styles, is_cursor, picked, width)
        strip = fit_pieces(pieces, width, styles.row)
        self._cache[key] = strip
        return strip

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _row_line(
        self,
        hit: Hit | None,
        sub: int,
        styles: RowStyles,
        is_cursor: bool,
        picked: bool = False,
        width: int = 0,
    ) -> list[tuple[str, Style]]:
        """One line of a row as (text, style) pieces, every text on one line and safe."""
        row = styles.row
        bar = ("◆" if picked else "▌") if is_cursor else ("●" if picked else " ")
        pieces = [(bar, styles.flagged if picked else row)]
        if sub == 0:
            mark = self._marks.get(hit.id) if hit is not None else None
            if mark is None:
                pieces.append((" " * (MARK_CELLS - 1), row))
            else:
                pieces += [
                    ("✓" if mark.reviewed else " ", styles.reviewed),
                    ("⚑" if mark.flagged else " ", styles.flagged),
                    ("#" if mark.tags else " ", styles.tagged),
                    ("✎" if mark.note else " ", styles.tagged),
                ]
            if hit is None:
                pieces.append(("…", styles.placeholder))
            else:
                pieces.append((one_line(hit.title or hit.path or hit.id), styles.title))
        else:
            pieces.append((" " * (MARK_CELLS - 1), row))
            if hit is not None:
                meta = second_line_meta(hit, width - MARK_CELLS, self.outlets)
                pieces.append((meta, styles.meta))
                if hit.snippet and cell_len(meta) + 2 + MIN_SNIPPET <= width - MARK_CELLS:
                    if meta:
                        pieces.append(("  ", row))
                    pieces += snippet_pieces(hit, styles)
        return pieces


class RowStyles(NamedTuple):
    """The styles of one row's parts, each laid over the row's own (with or without cursor)."""

    row: Style
    title: Style
    meta: Style
    snippet: Style
    match: Style
    reviewed: Style
    flagged: Style
    tagged: Style
    placeholder: Style

    @classmethod
    def make(cls, widget: ArticleList, row: Style) -> RowStyles:
        def part(name: str) -> Style:
            return row + widget.get_component_rich_style(f"article-list--{name}", partial=True)

        snippet = part("snippet")
        match = snippet + widget.get_component_rich_style("article-list--match", partial=True)
        return cls(
            row,
            part("title"),
            part("meta"),
            snippet,
            match,
            part("reviewed"),
            part("flagged"),
            part("tagged"),
            part("placeholder"),
        )


def second_line_meta(hit: Hit, room: int, outlets: dict[str, str] | None = None) -> str:
    """Date and source for a row's second line, shortened so the snippet keeps at least
    `MIN_SNIPPET` cells of `room`: a few letters of snippet ("…Ro…") read as noise. The source
    goes first, then the date; with neither left the snippet has the line (both are in the
    reader). A row with no snippet keeps both."""
    date, source = day(hit.date), one_line(shown_source(hit.source, outlets or {}))
    full = " · ".join(part for part in (date, source) if part)
    if not hit.snippet:
        return full
    for meta in (full, date):
        if cell_len(meta) + 2 + MIN_SNIPPET <= room:
            return meta
    return ""


def snippet_pieces(hit: Hit, styles: RowStyles) -> list[tuple[str, Style]]:
    """The snippet as pieces, the matched terms in the match style."""
    raw = hit.snippet
    pieces = []
    cursor = 0
    for span in sorted(hit.snippet_marks, key=lambda s: s.start):
        start, end = max(span.start, cursor), min(span.end, len(raw))
        if start >= end:
            continue
        pieces.append((one_line(raw[cursor:start]), styles.snippet))
        pieces.append((one_line(raw[start:end]), styles.match))
        cursor = end
    pieces.append((one_line(raw[cursor:]), styles.snippet))
    return pieces
