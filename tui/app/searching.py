"""Searching: running the query in a worker, showing its results and pages, narrowing it."""

from __future__ import annotations

from textual import on, work
from textual.actions import SkipAction
from textual.widgets import Input
from textual.worker import get_current_worker

from tui.app.article_list import ArticleList
from tui.app.indexing import early_hit
from tui.app.messages import (
    PageDone,
    SearchDone,
)
from tui.app.search_bar import SearchBar
from tui.app.side_panel import SidePanel
from tui.app.state import (
    BROWSE_QUERY,
    FIELD_FOR_LABEL,
    PAGE_SIZE,
    AppState,
    field_query,
    while_shown,
)
from tui.app.text import one_line
from tui.search.api import Hit, SearchResults, Sort

FOLLOW_PAGES = 20
"""How many pages deep a new order is searched for the article the cursor was on."""


class Searching(AppState):
    """The search bar's query, its results in the list, and the keys that start a search."""

    # -- searching ----------------------------------------------------------------------------

    def start_search(
        self, query: str, keep_cursor: bool = False, follow: str | None = None
    ) -> None:
        """Run `query`; `follow` is an article id the cursor should stay on wherever the new
        order puts it (sorting), looked for a few pages deep."""
        self.query_text = query
        self._generation += 1
        self._awaiting = self._generation
        self.search_worker(query, self.sort, self._generation, keep_cursor, follow)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def search_worker(
        self, query: str, sort: Sort, generation: int, keep_cursor: bool, follow: str | None
    ) -> None:
        text = query.strip() or BROWSE_QUERY
        results = self.engine.search(text, limit=PAGE_SIZE, page=1, sort=sort)
        worker = get_current_worker()
        pages: dict[int, list[Hit]] = {}
        cursor_at = None
        if follow is not None and results.error is None:
            cursor_at, pages = self._find_row(text, sort, results, follow)
        outlets = self.engine.outlet_names()
        if not worker.is_cancelled:
            self.post_message(
                SearchDone(results, generation, keep_cursor, pages, cursor_at, outlets)
            )

    def _find_row(
        self, text: str, sort: Sort, first: SearchResults, article_id: str
    ) -> tuple[int | None, dict[int, list[Hit]]]:
        """The row of `article_id` in a search (first page given) and the pages read to find
        it, at most `FOLLOW_PAGES` deep (in a worker)."""
        pages: dict[int, list[Hit]] = {}
        hits, page = first.hits, 1
        while True:
            for offset, hit in enumerate(hits):
                if hit.id == article_id:
                    return (page - 1) * PAGE_SIZE + offset, pages
            page += 1
            if page > FOLLOW_PAGES or (page - 1) * PAGE_SIZE >= first.total:
                return None, {}
            more = self.engine.search(text, limit=PAGE_SIZE, page=page, sort=sort)
            if more.error is not None or not more.hits:
                return None, {}
            hits = pages[page] = more.hits

    @work(thread=True, group="pages", exit_on_error=False)
    def page_worker(self, query: str, sort: Sort, page: int, generation: int) -> None:
        if generation != self._generation:
            return  # asked for by a list a newer search has since replaced
        results = self.engine.search(
            query.strip() or BROWSE_QUERY, limit=PAGE_SIZE, page=page, sort=sort
        )
        self.post_message(PageDone(results, generation))

    @while_shown
    def on_search_done(self, message: SearchDone) -> None:
        self._start_background()
        if message.generation != self._generation:
            return  # an older search finished after a newer one started
        self._awaiting = None
        results = message.results
        bar = self.search_bar
        if not self.indexing and results.total == 0 and self.engine.count() == 0:
            self._show_empty_corpus(results, message.generation)
            return
        if results.error is not None and not self.query_text.strip():
            # browsing with no index yet (first run): not the user's query at fault
            if self._early is not None:
                return  # the list shows the articles read so far
            self.results_list.empty_message = (
                "Indexing… articles appear as they are read."
                if self.indexing
                else one_line(results.error.message)
            )
            self.results_list.refresh()
            if self.indexing and self.engine.count() == 0:
                self._start_early_list()
            return
        if results.error is not None and self.indexing and self.engine.count() == 0:
            # A query typed before the first commit of a first index: nothing is wrong with it.
            self._early = None  # the list of files read so far is not an answer to it
            self.results_list.empty_message = "Indexing… results appear within seconds."
            self.results_list.show_results([], 0, message.generation, keep_cursor=False)
            self.status.results("waiting for the first articles to be indexed")
            return
        if results.error is not None:
            bar.show_error(results.error.message, results.error.position)
            self.status.results("query error")
            return
        self.results = results
        self.outlets = message.outlets
        results_list = self.results_list
        results_list.outlets = message.outlets
        keep_cursor = message.keep_cursor
        focused = self.focused
        if focused is not None and self._is_within(focused, ("reader-pane", "side-panel")):
            results_list.touched = True  # reading the cursor's article: it stays under it
        if self._early is not None:
            self._early = None  # the engine's list from now on
            shown = self.reader.article
            if not results_list.touched:
                # The early list is in reading order, the index's newest first: a cursor
                # nobody moved stays at the top instead of following the first file read.
                keep_cursor = False
            elif shown is not None:  # read before it was indexed: now with its highlights
                self.open_article(early_hit(shown), self.query_text, focus=False)
        if results.suggestion:
            bar.show_suggestion(results.suggestion)
        else:
            bar.clear_message()
        if not results.hits and not self.query_text.strip():
            results_list.empty_message = (
                "Indexing… articles appear as they are read." if self.indexing else "No articles."
            )
        else:
            results_list.empty_message = "No matches."
        results_list.show_results(
            results.hits,
            results.total,
            message.generation,
            keep_cursor=keep_cursor,
            pages=message.pages,
            cursor_at=message.cursor_at,
        )
        self._show_result_count()

    def _show_empty_corpus(self, results: SearchResults, generation: int) -> None:
        """Nothing indexed once indexing is done: the folder has no articles, which the list
        says (not "Indexing…" forever, nor the engine's "not built yet" as a query error)."""
        self._early = None
        self.results = results
        self.search_bar.clear_message()
        results_list = self.results_list
        results_list.empty_message = f"No articles in {one_line(str(self.corpus))}"
        results_list.show_results([], 0, generation, keep_cursor=False)
        self.status.results("nothing indexed")

    def _show_result_count(self) -> None:
        results = self.results
        if results is None:
            return
        if not self.query_text.strip():  # every article scores alike: listed newest first
            if results.building is not None:
                done, total = results.building
                self.status.results(f"newest first · {done:,} of {total:,} articles so far")
            else:
                self.status.results("all, newest first")
            self.results_list.border_title = "Articles · newest first"
            return
        about = "" if results.total_exact else "about "
        noun = "result" if results.total == 1 else "results"
        shown = f"{about}{results.total:,} {noun} · by {self.sort}"
        if results.building is not None:
            done, total = results.building
            shown += f" · searching {done:,} of {total:,} articles so far"
        self.status.results(shown)
        self.results_list.border_title = f"Results · by {self.sort}"

    @while_shown
    def on_page_done(self, message: PageDone) -> None:
        results = message.results
        if results.error is None:
            self.results_list.add_page(results.page, results.hits, message.generation)
        else:
            self.results_list.page_failed(results.page, message.generation)

    @on(ArticleList.PageWanted)
    def _page_wanted(self, message: ArticleList.PageWanted) -> None:
        if message.generation == self._generation:
            self.page_worker(self.query_text, self.sort, message.page, message.generation)

    @on(SearchBar.Changed)
    def _query_changed(self, message: SearchBar.Changed) -> None:
        if message.query != self.query_text:
            self.start_search(message.query)

    def action_focus_search(self) -> None:
        # At once, not `focus()` (which waits its turn in the queue): keys typed right after
        # `/` - a fast typist, or a slow SSH link delivering "/okafor" in one packet - arrive
        # together, and would otherwise be passed to the list before the focus moved (and be
        # lost, or taken as its keys: "o" a note, "f" a flag).
        field = self.search_bar.input
        if self.focused is field and not field.value and len(self.screen_stack) == 1:
            # Already there (the field has the focus at launch, until the list takes it): a
            # "/" typed as the app starts opens the search; no query starts with one.
            return
        if isinstance(self.focused, Input) or len(self.screen_stack) > 1:
            raise SkipAction()  # "/" typed in a query, a tag or a note; or a dialog is open
        if self.focused is self.reader:
            self.action_find()  # as less: "/" while reading finds in the article
            return
        self.screen.set_focus(self.search_bar.input)

    def action_submit_search(self) -> None:
        """Enter in the search field, taken as the key arrives (a priority binding of the
        field): the focus moves to the results before the keys typed after Enter are passed
        on."""
        bar = self.search_bar
        bar.submit()
        self.start_search(bar.value)  # now, so a mark key typed ahead knows it is early
        self._show_list()

    def action_toggle_sort(self) -> None:
        self.sort = "date" if self.sort == "relevance" else "relevance"
        self.notify(f"Sorted by {self.sort}", timeout=1.5)
        hit = self.results_list.current_hit
        self.start_search(self.query_text, keep_cursor=True, follow=hit.id if hit else None)

    def narrow(self, field: str, value: str) -> None:
        """Keep only results whose `field` is `value` (added to the query, so it shows)."""
        condition = field_query(field, value)
        current = self.search_bar.value.strip()
        query = f"({current}) AND {condition}" if current else condition
        self.search_bar.set_query(query, run_now=True)
        self._show_list()

    @on(SidePanel.EntityChosen)
    def _entity_chosen(self, message: SidePanel.EntityChosen) -> None:
        query = field_query(FIELD_FOR_LABEL.get(message.label), message.name)
        self.search_bar.set_query(query, run_now=True)
        self.history.add(query)
        self._show_list()
