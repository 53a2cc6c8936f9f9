"""Starting the app: open the engine and the review store, run, close them again."""

from __future__ import annotations

from pathlib import Path

from tui.commands import CommandError
from tui.config import Settings, load_settings, review_db_for
from tui.review import ReviewStore, ReviewStoreError
from tui.search.api import SearchEngine


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
        raise CommandError(f"cannot open the index for {corpus}: {exc}") from exc
    return search


def open_store(corpus: Path, settings: Settings) -> tuple[ReviewStore | None, str | None]:
    """The review store, or None and why: the app still reads and searches without it."""
    try:
        return ReviewStore(review_db_for(corpus, settings)), None
    except ReviewStoreError as exc:
        return None, str(exc)


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
