"""Incremental indexing: each kind of corpus change is applied, and nothing else is redone."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from test_search_helpers import bump_mtime, engine, ids, write_md, write_txt

from tui.search import WhooshSearchEngine


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    write_md(root, "one.md", "Alpha harbour story", "The harbour alpha report.", date="2021-01-01")
    write_md(root, "two.md", "Bravo market story", "The market bravo report.", date="2021-02-01")
    write_txt(root, "sub/three.txt", "Charlie budget story", "The budget charlie report.")
    root.joinpath("feed.jsonl").write_text(
        json.dumps({"title": "Delta wire one", "text": "delta first wire story"})
        + "\n"
        + json.dumps({"title": "Echo wire two", "text": "echo second wire story"})
        + "\n",
        encoding="utf-8",
    )
    return root


@pytest.fixture()
def eng(corpus: Path, tmp_path: Path) -> WhooshSearchEngine:
    e = engine(corpus, tmp_path / "index")
    first = e.update()
    assert first.rebuilt and first.added == 4 and first.articles == 5
    yield e
    e.close()


def hits(e: WhooshSearchEngine, q: str) -> set[str]:
    return ids(e.search(q, limit=100))


def test_unchanged_corpus_reads_nothing(eng: WhooshSearchEngine) -> None:
    s = eng.update()
    assert (s.added, s.updated, s.removed, s.renamed, s.unchanged) == (0, 0, 0, 0, 4)
    assert not s.rebuilt and s.articles == 5


def test_added_file(eng: WhooshSearchEngine, corpus: Path) -> None:
    write_md(corpus, "new/four.md", "Foxtrot freight story", "The freight foxtrot report.")
    s = eng.update()
    assert (s.added, s.updated, s.removed, s.unchanged) == (1, 0, 0, 4)
    assert hits(eng, "foxtrot") == {"new/four.md"}
    assert eng.count() == 6


def test_modified_file(eng: WhooshSearchEngine, corpus: Path) -> None:
    path = write_md(corpus, "two.md", "Bravo market story", "Now about golf instead.")
    bump_mtime(path)
    s = eng.update()
    assert (s.added, s.updated, s.removed, s.unchanged) == (0, 1, 0, 3)
    assert hits(eng, "golf") == {"two.md"}
    assert hits(eng, "market") == {"two.md"}  # the title still says market
    assert hits(eng, "bravo report") == set()
    assert eng.count() == 5


def test_touched_but_same_content_is_not_reread(eng: WhooshSearchEngine, corpus: Path) -> None:
    bump_mtime(corpus / "one.md")
    s = eng.update()
    assert (s.added, s.updated, s.removed, s.unchanged) == (0, 0, 0, 4)
    # ...and the new mtime was recorded, so the next update does not hash it again.
    assert eng.update().unchanged == 4


def test_deleted_file(eng: WhooshSearchEngine, corpus: Path) -> None:
    (corpus / "sub" / "three.txt").unlink()
    s = eng.update()
    assert (s.added, s.updated, s.removed, s.unchanged) == (0, 0, 1, 3)
    assert hits(eng, "charlie") == set()
    assert eng.count() == 4


def test_renamed_file_is_moved_not_reread(eng: WhooshSearchEngine, corpus: Path) -> None:
    before = eng.annotations("one.md")
    (corpus / "moved").mkdir()
    os.rename(corpus / "one.md", corpus / "moved" / "uno.md")
    s = eng.update()
    assert (s.added, s.updated, s.removed, s.renamed, s.unchanged) == (0, 0, 0, 1, 3)
    assert hits(eng, "alpha") == {"moved/uno.md"}
    r = eng.search("alpha")
    assert r.hits[0].path == "moved/uno.md" and r.hits[0].date == "2021-01-01"
    assert eng.annotations("moved/uno.md") == before
    article = eng.article("moved/uno.md")
    assert article is not None and "alpha" in article.text
    assert eng.count() == 5


def test_renamed_multi_article_file(eng: WhooshSearchEngine, corpus: Path) -> None:
    os.rename(corpus / "feed.jsonl", corpus / "wire.jsonl")
    s = eng.update()
    assert s.renamed == 1 and s.removed == 0
    assert hits(eng, "wire") == {"wire.jsonl#1", "wire.jsonl#2"}
    # The moved records still read back from the corpus under their new ids.
    article = eng.article("wire.jsonl#2")
    assert article is not None and article.title == "Echo wire two"


def test_file_turning_bad_is_dropped_and_reported(eng: WhooshSearchEngine, corpus: Path) -> None:
    bad = corpus / "two.md"
    bad.write_bytes(b"\x00\x01\x02\xff\xfe binary \x00" * 50)
    bump_mtime(bad)
    s = eng.update()
    assert (s.updated, s.removed) == (0, 1)  # its article left the index
    assert hits(eng, "bravo") == set()
    assert any(p.path == "two.md" for p in s.skipped)
    assert any(p.path == "two.md" for p in eng.problems())
    # The problem is remembered: an update with no change still lists it.
    assert any(p.path == "two.md" for p in eng.update().skipped)
    # ...and it goes away once the file is good again.
    write_md(corpus, "two.md", "Bravo is back", "The market bravo report again.")
    bump_mtime(bad, 10)
    s = eng.update()
    assert hits(eng, "bravo") == {"two.md"}
    assert not any(p.path == "two.md" for p in s.skipped)


def test_broken_json_line_keeps_the_good_ones(eng: WhooshSearchEngine, corpus: Path) -> None:
    feed = corpus / "feed.jsonl"
    feed.write_text(
        json.dumps({"title": "Delta wire one", "text": "delta first wire story"})
        + "\n"
        + "{not json\n"
        + json.dumps({"title": "Golf wire three", "text": "golf third wire story"})
        + "\n",
        encoding="utf-8",
    )
    bump_mtime(feed)
    s = eng.update()
    assert s.updated == 1
    assert hits(eng, "wire") == {"feed.jsonl#1", "feed.jsonl#3"}
    assert any(p.path == "feed.jsonl" and p.line == 2 for p in s.skipped)


def test_many_changes_at_once_use_the_worker_pool(eng: WhooshSearchEngine, corpus: Path) -> None:
    for n in range(60):  # more than INLINE_MAX: goes through worker processes
        write_md(corpus, f"bulk/{n:03d}.md", f"Bulk story {n}", f"bulkword number{n} text.")
    (corpus / "one.md").unlink()
    seen: list[tuple[int, int]] = []
    s = eng.update(progress=lambda d, t: seen.append((d, t)))
    assert (s.added, s.removed, s.unchanged) == (60, 1, 3)
    assert seen[-1] == (60, 60)
    assert len(hits(eng, "bulkword")) == 60
    assert hits(eng, "number17") == {"bulk/017.md"}
    assert eng.count() == 64


def test_rebuild_on_request_and_engine_change(corpus: Path, tmp_path: Path) -> None:
    e = engine(corpus, tmp_path / "index")
    e.update()
    s = e.update(rebuild=True)
    assert s.rebuilt and s.added == 4
    e.close()
    # An index made by another annotation engine is rebuilt (its annotations would differ).
    from tui.search.manifest import Manifest

    gen = e.layout.current()
    assert gen is not None
    m = Manifest(gen / "manifest.sqlite")
    m.apply([], [], {"engine": "spacy@0"})
    m.close()
    e2 = engine(corpus, tmp_path / "index")
    s2 = e2.update()
    assert s2.rebuilt and "rules changed" in (s2.reason or "")
    e2.close()


def test_index_made_by_older_readers_or_rules_is_rebuilt(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new release that reads pages differently (or finds other speakers) must not leave the
    old text and annotations in an index whose files did not change."""
    import tui.ingest
    import tui.nlp.extractor

    e = engine(corpus, tmp_path / "index")
    assert e.update().added == 4
    e.close()
    monkeypatch.setattr(tui.ingest, "READERS_VERSION", tui.ingest.READERS_VERSION + 1)
    e2 = engine(corpus, tmp_path / "index")
    s2 = e2.update()
    assert s2.rebuilt and s2.added == 4 and "rules changed" in (s2.reason or "")
    e2.close()
    versions = dict(tui.nlp.extractor.ENGINE_VERSIONS)
    versions["rules"] += 1
    monkeypatch.setattr(tui.nlp.extractor, "ENGINE_VERSIONS", versions)
    e3 = engine(corpus, tmp_path / "index")
    s3 = e3.update()
    assert s3.rebuilt and s3.added == 4
    assert e3.update().unchanged == 4  # and then it is up to date again
    e3.close()


def test_update_paths_applies_just_those_files(eng: WhooshSearchEngine, corpus: Path) -> None:
    new = write_md(corpus, "watched.md", "Hotel story", "The hotel india report.")
    (corpus / "one.md").unlink()
    s = eng.update_paths([new, corpus / "one.md"])
    assert (s.added, s.removed) == (1, 1)
    assert hits(eng, "hotel") == {"watched.md"}
    assert hits(eng, "alpha") == set()
    assert eng.update().unchanged == 4  # and the manifest agrees with a full walk


def test_watch_applies_changes_while_open(eng: WhooshSearchEngine, corpus: Path) -> None:
    done: list[object] = []
    watcher = eng.watch(callback=done.append)
    try:
        started = time.monotonic()
        write_md(corpus, "live.md", "Kilo live story", "The kilo lima report.")
        while not hits(eng, "kilo") and time.monotonic() - started < 10:
            time.sleep(0.05)
        elapsed = time.monotonic() - started
        assert hits(eng, "kilo") == {"live.md"}
        assert elapsed < 5, f"change took {elapsed:.1f} s to be searchable"
        (corpus / "live.md").unlink()
        started = time.monotonic()
        while hits(eng, "kilo") and time.monotonic() - started < 10:
            time.sleep(0.05)
        assert hits(eng, "kilo") == set()
        assert done
    finally:
        watcher.stop()
    assert not watcher.running


def test_scan_finds_what_ingest_discovers(tmp_path: Path) -> None:
    """The indexer's own fast walk must list exactly the files `tui.ingest.discover` does."""
    from tui.ingest import discover, relpath
    from tui.search.indexer import scan

    root = tmp_path / "tree"
    write_txt(root, "a.txt", "A", "a")
    write_txt(root, "deep/er/b.TXT", "B", "b")
    write_md(root, ".hidden/c.md", "C", "c")
    write_md(root, "d/.e.md", "E", "e")
    (root / "notes.docx").write_text("x")
    (root / "odd name ünïcode.md").write_text("---\ntitle: x\n---\nbody\n")
    (root / "tab\tname.md").write_text("---\ntitle: x\n---\nbody\n")
    outside = tmp_path / "outside"
    write_txt(outside, "o.txt", "O", "o")
    os.symlink(outside, root / "link-out")
    os.symlink(root / "deep", root / "link-in")
    os.symlink(root, root / "deep" / "loop")
    os.symlink(root / "missing.txt", root / "broken.txt")
    write_txt(root, "README.TXT", "Consists of 2225 documents", "A data set's notes.")
    write_md(root, "deep/LICENSE.md", "MIT License", "Permission is hereby granted")
    found, problems = scan(root)
    reported: list[tuple[Path, str]] = []
    expected = {relpath(p, root) for p in discover(root, lambda p, why: reported.append((p, why)))}
    assert set(found) == expected
    assert "a.txt" in found and "link-in/er/b.TXT" in found and "tab\\x09name.md" in found
    for key, f in found.items():
        assert (root / f.real).is_file(), key
    # Files that are not articles are skipped by name, and said to be.
    assert "README.TXT" not in found and "deep/LICENSE.md" not in found
    skipped = {p.path: p.reason for p in problems}
    assert skipped["README.TXT"] == "skipped: not an article (a README file)"
    assert skipped["deep/LICENSE.md"] == "skipped: not an article (a LICENSE file)"
    assert {relpath(p, root) for p, _ in reported} >= {"README.TXT", "deep/LICENSE.md"}


def test_update_paths_with_a_deleted_folder(eng: WhooshSearchEngine, corpus: Path) -> None:
    import shutil

    shutil.rmtree(corpus / "sub")
    s = eng.update_paths([corpus / "sub"])
    assert s.removed == 1
    assert hits(eng, "charlie") == set()
    assert eng.update().unchanged == 3


def test_other_engine_sees_changes_without_stale_deletions(
    eng: WhooshSearchEngine, corpus: Path, tmp_path: Path
) -> None:
    """A second engine on the same index (another process, in real use) picks up a commit
    and does not keep showing the replaced version of an article."""
    other = engine(corpus, tmp_path / "index")
    assert hits(other, "bravo") == {"two.md"}
    bump_mtime(write_md(corpus, "two.md", "Bravo market story", "Now about golf instead."))
    eng.update()
    time.sleep(0.6)  # readers look for new commits at most twice a second
    assert hits(other, "golf") == {"two.md"}
    assert hits(other, "bravo report") == set()
    assert other.count() == 5
    other.close()
