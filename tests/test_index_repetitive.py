"""Articles whose body repeats one word tens of thousands of times are indexed like any other.

A hostile-round case: one such file (a word 70,000 times; a file of 200,000 short lines) used to
fail the whole build with "posting value ... is too long", so nothing in the folder was
searchable. Both the first build (workers, the fast segment writer) and a later update
(Whoosh's own writer) go through here. The lines file has 30,000 lines: the cap is 10,000 uses
of one word, and a longer file only makes the test slower.
"""

from __future__ import annotations

from pathlib import Path

from test_search_helpers import engine, ids, write_txt


def _write_hostile(root: Path, lines_too: bool = True) -> None:
    write_txt(root, "odd/repeat.txt", "Repeated word", " ".join(["walrus"] * 70_000))
    if not lines_too:
        return
    lines = "\n".join(f"entry {i} logged" for i in range(30_000))
    write_txt(root, "odd/lines.txt", "Many lines", lines)


def _write_normal(root: Path) -> None:
    for i in range(30):
        write_txt(root, f"news/{i:02d}.txt", f"Harbour report {i}", "Oil prices rose again today.")


def test_first_build_indexes_repetitive_files_and_the_rest(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write_normal(root)
    _write_hostile(root)
    eng = engine(root, tmp_path / "index")
    try:
        summary = eng.update()
        assert summary.added == 32
        assert ids(eng.search("walrus")) == {"odd/repeat.txt"}
        assert ids(eng.search("oil", limit=50)) == {f"news/{i:02d}.txt" for i in range(30)}
        # A phrase among the first uses of its words is still found.
        assert ids(eng.search('"entry 5 logged"')) == {"odd/lines.txt"}
    finally:
        eng.close()


def test_update_indexes_a_repetitive_file_added_later(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    _write_normal(root)
    eng = engine(root, tmp_path / "index")
    try:
        eng.update()
        _write_hostile(root, lines_too=False)
        summary = eng.update()
        assert summary.added == 1
        assert ids(eng.search("walrus")) == {"odd/repeat.txt"}
        assert eng.search("oil").total == 30
    finally:
        eng.close()
