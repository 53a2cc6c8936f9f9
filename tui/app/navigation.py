"""Navigation: opening articles (and previewing them), moving between the list, the reader
and the panel, going back, and the help."""

from __future__ import annotations

from functools import partial

from textual import events, on, work
from textual.worker import get_current_worker

from tui.app.article_list import ArticleList
from tui.app.dialogs import (
    ProblemsScreen,
)
from tui.app.help_screen import PLACES, HelpScreen, help_rows
from tui.app.messages import (
    ArticleReady,
    ArticleRefreshed,
    PageDone,
)
from tui.app.reader import Reader
from tui.app.side_panel import SidePanel
from tui.app.state import BROWSE_QUERY, PAGE_SIZE, WIDE_FROM, AppState, while_shown
from tui.app.text import one_line
from tui.model import Annotations, Article
from tui.search.api import Hit, Sort
from tui.search.facets import shown_source

PREVIEW_DELAY = 0.2
"""Seconds the cursor rests on a row before the reader previews it (wide screens only)."""


class Navigation(AppState):
    """Which pane shows what, and the keys that move between them."""

    # -- opening ------------------------------------------------------------------------------

    @on(ArticleList.Opened)
    def _open(self, message: ArticleList.Opened) -> None:
        self._cancel_preview()
        self.history.add(self.query_text)
        shown = self.reader.article
        if (
            shown is not None
            and shown.id == message.hit.id
            and self._shown_query == self.query_text
        ):
            self._focus_reader()  # already previewed: keep the place
        else:
            self.open_article(message.hit, self.query_text, early=self._early is not None)

    @on(ArticleList.Highlighted)
    @while_shown
    def _highlighted(self, message: ArticleList.Highlighted) -> None:
        """On a wide screen the reader previews the highlighted article (after a pause)."""
        self._cancel_preview()
        hit = message.hit
        if hit is None or not self.preview or not self.screen.has_class("-wide"):
            return
        if hit.id == self._opening:
            return  # J/K or a jump is opening it already
        shown = self.reader.article
        if shown is not None and shown.id == hit.id:
            return
        self._preview = self.set_timer(
            PREVIEW_DELAY, partial(self._run_preview, hit, self.query_text)
        )

    def action_toggle_preview(self) -> None:
        self.preview = not self.preview
        if not self.preview:
            self._cancel_preview()
        self.notify(f"Preview {'on' if self.preview else 'off'}", timeout=1.5)

    def _run_preview(self, hit: Hit, query: str) -> None:
        self._preview = None
        self.open_article(hit, query, focus=False, early=self._early is not None)

    def _cancel_preview(self) -> None:
        if self._preview is not None:
            self._preview.stop()
            self._preview = None

    def open_article(self, hit: Hit, query: str, focus: bool = True, early: bool = False) -> None:
        """Load an article off the UI thread. Only the last one asked for is shown: a slower
        load asked for earlier (a preview read from disk during a first index) that finishes
        after a newer one must not replace it."""
        self._requested = (hit.id, query)
        self._load_article(hit, query, focus, early)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _load_article(self, hit: Hit, query: str, focus: bool, early: bool) -> None:
        article = self.engine.article(hit.id)
        if article is None and early:
            # read ahead of the first index: straight from the corpus, not annotated yet
            from tui.ingest import read_file

            result = read_file(self.corpus / hit.path, self.corpus)
            article = next((a for a in result.articles if a.id == hit.id), None)
            if article is not None:
                if not get_current_worker().is_cancelled:
                    self.post_message(ArticleReady(hit, article, Annotations(), [], query, focus))
                return
        if article is None:
            self.post_message(ArticleReady(hit, None, Annotations(), [], query, focus))
            return
        annotations = self.engine.annotations(hit.id)
        spans = self.engine.hit_spans(query, article) if query.strip() else []
        if not get_current_worker().is_cancelled:
            self.post_message(ArticleReady(hit, article, annotations, spans, query, focus))

    def refresh_shown_article(self) -> None:
        """After an index update: the article on show again if the index now has it otherwise
        (its file was edited, or the index was rebuilt by new annotation rules), so the reader
        never keeps highlights and speakers the index no longer gives."""
        article = self.reader.article
        if article is not None and self._requested is not None:
            self._refresh_article(article.id, article.text, self.reader.annotations)

    @work(thread=True, exclusive=True, group="article-refresh", exit_on_error=False)
    def _refresh_article(self, article_id: str, text: str, annotations: Annotations) -> None:
        article = self.engine.article(article_id)
        if article is None:
            return
        fresh = self.engine.annotations(article_id)
        if article.text == text and fresh == annotations:
            return
        query = self._shown_query
        spans = self.engine.hit_spans(query, article) if query.strip() else []
        if not get_current_worker().is_cancelled:
            self.post_message(ArticleRefreshed(article, fresh, spans))

    @while_shown
    def on_article_refreshed(self, message: ArticleRefreshed) -> None:
        shown = self.reader.article
        if shown is None or shown.id != message.article.id:
            return  # another article was opened meanwhile
        article = self._with_shown_source(message.article)
        self.reader.refresh_article(article, message.annotations, message.hit_spans)
        quotes = [quote for _, quote in self.reader.doc.quotes] if self.reader.doc else []
        self.side_panel.show(message.annotations.entities, quotes)
        self._show_marks_in_reader()

    def _with_shown_source(self, article: Article) -> Article:
        """One outlet, one name: the article's source as the list and the facets show it."""
        source = shown_source(article.source, self.outlets)
        return (
            article if source == article.source else article.model_copy(update={"source": source})
        )

    @while_shown
    def on_article_ready(self, message: ArticleReady) -> None:
        if self._requested != (message.hit.id, message.query):
            return  # overtaken by a later request
        self._opening = None
        if message.article is None:
            if message.focus:
                self.notify(
                    f"{one_line(message.hit.path)} is no longer in the corpus.",
                    severity="warning",
                )
            return
        if self._early is not None and message.focus and not self._told_early:
            self._told_early = True
            self.notify("Highlights, quotes and search come once indexing is done.", timeout=4)
        reader = self.reader
        article = self._with_shown_source(message.article)
        path = article.path
        warnings = [
            p.reason
            for p in self.problems
            if p.path == path and p.reason.startswith("text may be incomplete")
        ]
        reader.show(article, message.annotations, message.hit_spans, warnings)
        self._shown_query = message.query
        quotes = [quote for _, quote in reader.doc.quotes] if reader.doc else []
        self.side_panel.show(message.annotations.entities, quotes)
        self._show_marks_in_reader()
        if message.focus:
            self._focus_reader()

    def _focus_reader(self) -> None:
        self._set_reading(True)
        self.reader.focus()

    def _set_reading(self, reading: bool) -> None:
        self._reading = reading
        self._show_reading(self.size.width)

    def _show_reading(self, width: int) -> None:
        """Narrow screens show the list or the reader: `-reading` on #body picks the reader.

        A class change restyles every widget below it (about 15 ms for #body), so the class is
        only there while narrow; wide screens show both panes anyway.
        """
        for body in self.query("#body"):  # none yet while the app starts
            body.set_class(self._reading and width < WIDE_FROM, "-reading")

    def on_resize(self, event: events.Resize) -> None:
        self._show_reading(event.size.width)

    def on_reader_moved(self, message: Reader.Moved) -> None:
        reader = message.reader
        reader.show_counts()
        self.side_panel.highlight_quote(reader.current_quote)

    @on(SidePanel.QuoteChosen)
    def _quote_chosen(self, message: SidePanel.QuoteChosen) -> None:
        self.reader.jump_to_quote(message.index)

    def _show_list(self) -> None:
        self._set_reading(False)
        # At once rather than `focus()`, which waits its turn: keys that arrived with the one
        # that led here (Esc or Enter in the search field) are for the list.
        self.results_list.screen.set_focus(self.results_list)

    def action_go_back(self) -> None:
        """Esc: out of a find first (back to the corpus search's hits), else to the list."""
        focused = self.focused
        if self.reader.finding is not None and focused is self.reader:
            self.reader.end_find()
            return
        if focused is self.results_list and self.results_list.clear_selection():
            return  # Esc drops the rows picked first
        if focused is None or not self._is_within(focused, ("results",)):
            self._show_list()

    def action_back(self) -> None:
        """`q` inside the reader or the side panel: one level back, as in mutt or tig (a
        find, then the side panel, then the reader); on the list `q` quits instead."""
        focused = self.focused
        reader = self.reader
        if reader.finding is not None and focused is reader:
            reader.end_find()
        elif focused is not None and self._is_within(focused, ("side-panel",)):
            if self.screen.has_class("-narrow") and self.screen.has_class("-panel-toggled"):
                self.action_toggle_panel()  # hides it and gives the reader the focus
            else:
                reader.focus()
        else:
            self._show_list()

    # -- next and previous article ------------------------------------------------------------

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def _step_article(self, step: int) -> None:
        """J/K (as mutt, newsboat): the next or previous article of the list, opened where the
        reader is, its search hits marked, without going back to the list."""
        results = self.results_list
        index = results.cursor + step
        if not 0 <= index < results.total:
            self.notify("No next article" if step > 0 else "No previous article", timeout=1.5)
            return
        self._go_to_row(index)

    def _go_to_row(self, index: int) -> None:
        """Put the list cursor on `index` and, when reading, open that article."""
        results = self.results_list
        results.cursor = index
        hit = results.current_hit
        focused = self.focused
        reading = focused is not None and self._is_within(focused, ("reader-pane", "side-panel"))
        if hit is None:
            self.notify("That row is still loading: press it again.", timeout=1.5)
            return
        if reading or self._reading:
            self._cancel_preview()
            self._opening = hit.id  # no preview of it as well
            self.open_article(hit, self.query_text, early=self._early is not None)

    def action_next_unreviewed(self) -> None:
        self._seek_unreviewed(True)

    def action_previous_unreviewed(self) -> None:
        self._seek_unreviewed(False)

    def _seek_unreviewed(self, forward: bool) -> None:
        """The next (previous) article of the list not marked reviewed: among the rows loaded,
        else in the pages further on (read in a worker)."""
        results = self.results_list
        rows = (
            range(results.cursor + 1, results.total)
            if forward
            else range(results.cursor - 1, -1, -1)
        )
        for index in rows:
            hit = results.hit_at(index)
            if hit is None:
                self.seek_worker(self.query_text, self.sort, self._generation, index, forward)
                return
            if not self._is_reviewed(hit.id):
                self._go_to_row(index)
                return
        self.notify("No unreviewed article " + ("below" if forward else "above"), timeout=2)

    def _is_reviewed(self, article_id: str) -> bool:
        mark = self._marks.get(article_id)
        return mark is not None and mark.reviewed

    @work(thread=True, exclusive=True, group="seek", exit_on_error=False)
    def seek_worker(
        self, query: str, sort: Sort, generation: int, start: int, forward: bool
    ) -> None:
        """Read the pages from `start` on until an unreviewed article; the list gets each page
        read, the cursor the row found."""
        text = query.strip() or BROWSE_QUERY
        page = start // PAGE_SIZE + 1
        step = 1 if forward else -1
        while page >= 1 and generation == self._generation:
            results = self.engine.search(text, limit=PAGE_SIZE, page=page, sort=sort)
            if results.error is not None or not results.hits:
                break
            self.post_message(PageDone(results, generation))
            first = (page - 1) * PAGE_SIZE
            offsets = range(len(results.hits)) if forward else range(len(results.hits) - 1, -1, -1)
            for offset in offsets:
                index = first + offset
                ahead = index >= start if forward else index <= start
                if ahead and not self._is_reviewed(results.hits[offset].id):
                    self.call_from_thread(self._seek_found, index, generation)
                    return
            page += step
        self.call_from_thread(
            self.notify, "No unreviewed article " + ("below" if forward else "above"), timeout=2
        )

    def _seek_found(self, index: int, generation: int) -> None:
        if generation == self._generation:
            self._go_to_row(index)

    # -- find in the article ------------------------------------------------------------------

    def action_find(self) -> None:
        """ctrl+f (or `/` while reading): find text in the open article."""
        if self.reader.article is None:
            self.notify("Open an article first: find looks in the open article.", timeout=2)
            return
        if not self._reading and self.screen.has_class("-narrow"):
            self._focus_reader()
        self.find_bar.open()

    def action_find_submit(self) -> None:
        bar = self.find_bar
        text = bar.value.strip()
        bar.close()
        self.screen.set_focus(self.reader)
        if not text:
            self.reader.end_find()
            return
        found = self.reader.find(text)
        if not found:
            self.notify(f"Not found in this article: {one_line(text)}", timeout=2)

    def action_find_cancel(self) -> None:
        self.find_bar.close()
        self.screen.set_focus(self.reader)

    def action_toggle_panel(self) -> None:
        screen = self.screen
        screen.toggle_class("-panel-toggled")
        narrow = screen.has_class("-narrow")
        shown = screen.has_class("-panel-toggled") == narrow
        focused = self.focused
        if shown and narrow:
            self.call_after_refresh(self.query_one("#entities").focus)
        elif not shown and focused is not None and self._is_within(focused, ("side-panel",)):
            self.reader.focus()

    def action_help(self) -> None:
        focused = self.focused
        where = "Everywhere"
        if focused is not None:
            for node in focused.ancestors_with_self:
                name = type(node).__name__
                if name in PLACES:
                    where = PLACES[name]
                    break
        self.push_screen(HelpScreen(help_rows(self.screen), where, self.keymap_warnings))

    def action_problems(self) -> None:
        self.push_screen(ProblemsScreen(self.problems))
