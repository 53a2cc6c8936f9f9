"""Where a corpus's review marks live, from the `review_store` setting.

- ``private`` (the default): a file of the user's own under the data folder, as always;
- ``corpus``: ``CORPUS/.broadsheet-review.sqlite``, shared by everyone who opens the corpus and
  belongs to its folder's group;
- a path: that SQLite file, shared the same way (e.g. ``/srv/news/.broadsheet-review.sqlite``);
- ``postgresql://...``: a PostgreSQL database, shared across machines.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.review.marks import ReviewStoreError
from tui.review.store import ReviewStore, is_postgres_url

if TYPE_CHECKING:
    from tui.config import Settings

CORPUS_STORE_NAME = ".broadsheet-review.sqlite"
PRIVATE = "private"
BESIDE_CORPUS = "corpus"


def store_location(setting: str, corpus: Path | None, settings: Settings | None = None) -> str:
    """The store a `review_store` value names: a file path or a PostgreSQL URL. `private` and
    `corpus` need the corpus."""
    value = setting.strip() or PRIVATE
    if is_postgres_url(value):
        return value
    if value in (PRIVATE, BESIDE_CORPUS):
        if corpus is None:
            raise ReviewStoreError(f"review store '{value}' needs a corpus (--corpus)")
        if value == BESIDE_CORPUS:
            return str(corpus.expanduser().resolve() / CORPUS_STORE_NAME)
        from tui.config import review_db_for

        return str(review_db_for(corpus, settings))
    return str(Path(value).expanduser())


def open_store_at(
    setting: str,
    corpus: Path | None = None,
    *,
    reviewer: str | None = None,
    settings: Settings | None = None,
) -> ReviewStore:
    """Open the store a `review_store` value names. Only the private store is private: any
    other file is created for its folder's group to share.

    Given the corpus, the store records each article's content hash with its marks, and a
    private store records the corpus folder it belongs to: both let the marks follow the
    corpus if it is moved or renamed (`tui.review.moved`)."""
    location = store_location(setting, corpus, settings)
    store: ReviewStore
    if is_postgres_url(location):
        from tui.review.postgres_store import PostgresReviewStore

        store = PostgresReviewStore(location, reviewer=reviewer)
    else:
        from tui.review.sqlite_store import SqliteReviewStore

        private = (setting.strip() or PRIVATE) == PRIVATE
        store = SqliteReviewStore(location, reviewer=reviewer, shared=not private)
        if private and corpus is not None:
            try:
                store.set_corpus_path(corpus.expanduser().resolve())
            except ReviewStoreError:
                store.close()
                raise
    if corpus is not None:
        from tui.review.hashes import CorpusHashes

        store.hash_of = CorpusHashes(corpus)
    return store


def open_review_store(corpus: Path, settings: Settings | None = None) -> ReviewStore:
    """The review store of `corpus` as the settings say, attributed to their `reviewer`."""
    if settings is None:
        from tui.config import load_settings

        settings = load_settings()
    return open_store_at(
        settings.review_store, corpus, reviewer=settings.reviewer, settings=settings
    )
