"""Starting the app: open the engine and the review store, run, close them again.

The command line calls in here, never the other way round: a failure to start is a
`StartError` the command line turns into its own one-line message.
"""

from __future__ import annotations

from pathlib import Path

from tui.config import Settings, load_settings
from tui.review import ReviewStore, ReviewStoreError
from tui.search.api import SearchEngine


class StartError(Exception):
    """The app cannot start (the index cannot be opened); the message is meant for the user."""


def open_search(corpus: Path, index_dir: str | Path | None, engine: str | None) -> SearchEngine:
    """The corpus's search engine; the index is brought up to date later, in the app."""
    from tui.search import open_engine

    try:
        search: SearchEngine = open_engine(
            corpus,
            index_dir=Path(index_dir).expanduser() if index_dir else None,
            engine=engine,
            # Short: while another process indexes, the app shows its commits and asks again
            # (and can quit between two asks).
            lock_timeout=1.0,
        )
    except (OSError, RuntimeError, ValueError) as exc:
        raise StartError(f"cannot open the index for {corpus}: {exc}") from exc
    return search


def open_store(corpus: Path, settings: Settings) -> tuple[ReviewStore | None, str | None]:
    """The review store the settings name (private, beside the corpus, a shared file or
    PostgreSQL), or None and why: the app still reads and searches without it. The second
    value is also a one-line notice when the store was opened but something needs saying (a
    moved corpus's marks carried over, a damaged file set aside)."""
    from tui.review.location import open_review_store
    from tui.review.moved import moved_notice

    notice: str | None
    try:
        notice = moved_notice(corpus, settings)
    except ReviewStoreError as exc:
        notice = str(exc)
    try:
        store = open_review_store(corpus, settings)
    except ReviewStoreError as exc:
        return None, str(exc)
    return store, store.recovered or notice


def run_app(corpus: Path, index_dir: str | Path | None = None, engine: str | None = None) -> int:
    """Run the reader on `corpus` until the user quits; returns the exit status."""
    from tui.app.app import BroadsheetApp

    settings = load_settings()
    search = open_search(corpus, index_dir, engine or settings.engine)
    store, store_error = open_store(corpus, settings)
    try:
        app = BroadsheetApp(corpus, search, store, settings, store_error=store_error, idle_gc=True)
        app.run()
    finally:
        search.close()
        if store is not None:
            store.close()
    return app.return_code or 0
