"""A corpus folder that goes away while Broadsheet has it open is not an empty corpus.

Hostile round 2: deleting (or moving) the folder while the app watched it showed "15 files
removed" and emptied the index, so the marks' articles vanished from every search. Now the
update refuses with `CorpusMissing`, the index keeps every article, and a watcher catches up
once the folder is back.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from test_search_helpers import engine, ids, write_md

from tui.search import CorpusMissing, IndexSummary


def _corpus(root: Path) -> None:
    for i in range(15):
        write_md(root, f"news/{i:02d}.md", f"Harbour story {i}", "Quayside cranes idle again.")


def _wait(check: object, seconds: float = 15.0) -> bool:
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


def test_update_of_a_missing_folder_keeps_the_index(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _corpus(root)
    eng = engine(root, tmp_path / "index")
    try:
        eng.update()
        root.rename(tmp_path / "moved")
        with pytest.raises(CorpusMissing, match="is gone"):
            eng.update()
        assert eng.count() == 15
        assert eng.search("quayside").total == 15
        (tmp_path / "moved").rename(root)
        summary = eng.update()
        assert summary.removed == 0 and summary.added == 0
        assert eng.count() == 15
    finally:
        eng.close()


def test_watcher_says_the_folder_is_gone_and_recovers_when_it_returns(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _corpus(root)
    eng = engine(root, tmp_path / "index")
    eng.update()
    errors: list[BaseException] = []
    changes: list[IndexSummary] = []
    watcher = eng.watch(callback=changes.append, on_error=errors.append)
    try:
        shutil.copytree(root, tmp_path / "backup")
        shutil.rmtree(root)
        assert _wait(lambda: any(isinstance(e, CorpusMissing) for e in errors))
        assert eng.count() == 15
        assert eng.search("quayside").total == 15
        # The folder comes back with one more article: it is found without a restart.
        shutil.copytree(tmp_path / "backup", root)
        write_md(root, "news/late.md", "Late harbour story", "Quayside cranes move at last.")
        assert _wait(lambda: "news/late.md" in ids(eng.search("quayside", limit=50)))
        assert eng.count() == 16
        # And it is watched again: a file written now is found as well.
        write_md(root, "news/later.md", "Later story", "Tugboats everywhere.")
        assert _wait(lambda: ids(eng.search("tugboats")) == {"news/later.md"})
    finally:
        watcher.stop()
        eng.close()
    assert not watcher.running
