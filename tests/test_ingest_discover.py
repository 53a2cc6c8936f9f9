"""Finding corpus files: order, hidden entries, suffixes, symlinks, unreadable folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.ingest import SUFFIXES, discover, read_corpus, relpath


def touch(root: Path, rel: str, text: str = "Title\n\nBody text.\n") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rels(root: Path) -> list[str]:
    return [relpath(p, root) for p in discover(root)]


def test_sorted_recursive_known_suffixes_only(tmp_path: Path) -> None:
    for rel in ["b.txt", "a/z.md", "a/b.JSON", "c.jsonl", "d.HTML", "e.htm", "f.markdown",
                "image.png", "notes.docx", "a/deeper/x.Txt", "noext"]:  # fmt: skip
        touch(tmp_path, rel)
    assert rels(tmp_path) == [
        "a/b.JSON",
        "a/deeper/x.Txt",
        "a/z.md",
        "b.txt",
        "c.jsonl",
        "d.HTML",
        "e.htm",
        "f.markdown",
    ]
    assert rels(tmp_path) == rels(tmp_path)  # deterministic


def test_suffix_list() -> None:
    assert {".txt", ".md", ".markdown", ".json", ".jsonl", ".html", ".htm"} == SUFFIXES


def test_hidden_files_and_folders_skipped(tmp_path: Path) -> None:
    touch(tmp_path, "visible.txt")
    touch(tmp_path, ".hidden.txt")
    touch(tmp_path, ".git/objects/a.txt")
    touch(tmp_path, "sub/.cache/b.txt")
    assert rels(tmp_path) == ["visible.txt"]


def test_root_may_be_hidden_itself(tmp_path: Path) -> None:
    root = tmp_path / ".corpus"
    touch(root, "a.txt")
    assert rels(root) == ["a.txt"]


def test_symlinks_inside_followed_outside_not(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    outside = tmp_path / "outside"
    touch(root, "real/a.txt")
    touch(outside, "secret.txt")
    (root / "link_in.txt").symlink_to(root / "real" / "a.txt")
    (root / "dir_in").symlink_to(root / "real")
    (root / "link_out.txt").symlink_to(outside / "secret.txt")
    (root / "dir_out").symlink_to(outside)
    (root / "relative_out.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    (root / "broken.txt").symlink_to(root / "missing.txt")
    assert rels(root) == ["dir_in/a.txt", "link_in.txt", "real/a.txt"]


def test_symlink_loop_is_not_followed_forever(tmp_path: Path) -> None:
    touch(tmp_path, "a/b.txt")
    (tmp_path / "a" / "loop").symlink_to(tmp_path)
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a")
    found = rels(tmp_path)
    assert found[0] == "a/b.txt"
    assert len(found) < 10


def test_root_that_is_a_file(tmp_path: Path) -> None:
    path = touch(tmp_path, "one.txt")
    assert list(discover(path)) == [path]
    other = touch(tmp_path, "one.pdf")
    assert list(discover(other)) == []


def test_missing_root_reported_not_raised(tmp_path: Path) -> None:
    errors: list[tuple[Path, str]] = []
    assert list(discover(tmp_path / "nope", on_error=lambda p, r: errors.append((p, r)))) == []
    assert errors and "cannot open corpus" in errors[0][1]


def test_root_that_is_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    errors: list[str] = []
    assert list(discover(fifo, on_error=lambda p, r: errors.append(r))) == []
    assert errors == ["not a folder"]


def test_special_files_are_not_listed(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "folder.txt").mkdir()
    touch(tmp_path, "folder.txt/inner.txt")
    assert rels(tmp_path) == ["folder.txt/inner.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list a chmod 000 folder")
def test_unreadable_folder_skipped_and_reported(tmp_path: Path) -> None:
    touch(tmp_path, "ok.txt")
    locked = tmp_path / "locked"
    touch(locked, "x.txt")
    locked.chmod(0)
    try:
        results = list(read_corpus(tmp_path))
    finally:
        locked.chmod(0o755)
    problems = [p for r in results for p in r.problems]
    assert [p.path for p in problems] == ["locked"]
    assert "unreadable folder" in problems[0].reason


def test_read_corpus_reads_everything_found(tmp_path: Path) -> None:
    touch(tmp_path, "a.txt")
    touch(tmp_path, "b/c.txt")
    results = list(read_corpus(tmp_path))
    assert [a.id for r in results for a in r.articles] == ["a.txt", "b/c.txt"]


def test_relpath_outside_root_falls_back_to_name(tmp_path: Path) -> None:
    assert relpath(tmp_path / "x" / "y.txt", tmp_path / "other") == "y.txt"
    assert relpath(tmp_path / "x" / "y.txt", tmp_path) == "x/y.txt"


def problems_of(root: Path) -> dict[str, str]:
    """What `read_corpus` says about each path it skipped (the problems list a user sees)."""
    return {p.path: p.reason for r in read_corpus(root) for p in r.problems}


def test_link_leaving_the_corpus_is_reported_as_skipped(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    touch(root, "a.txt")
    touch(tmp_path / "outside", "secret.txt")
    (root / "secret.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (root / "elsewhere").symlink_to(tmp_path / "outside")
    problems = problems_of(root)
    assert problems["secret.txt"] == "skipped: the link leads outside the corpus"
    assert problems["elsewhere"] == "skipped: the link leads outside the corpus"
    assert rels(root) == ["a.txt"]


def test_link_loop_is_reported_as_skipped(tmp_path: Path) -> None:
    touch(tmp_path, "a/b.txt")
    (tmp_path / "ping.txt").symlink_to(tmp_path / "pong.txt")
    (tmp_path / "pong.txt").symlink_to(tmp_path / "ping.txt")
    (tmp_path / "a" / "up").symlink_to(tmp_path)
    problems = problems_of(tmp_path)
    assert problems["ping.txt"] == "skipped: the link loops back to itself"
    assert problems["pong.txt"] == "skipped: the link loops back to itself"
    assert problems["a/up"] == "skipped: the link loops back to a folder above it"
    assert rels(tmp_path) == ["a/b.txt"]
    assert all("\n" not in why for why in problems.values())


def test_broken_link_is_reported_as_skipped(tmp_path: Path) -> None:
    touch(tmp_path, "a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    assert problems_of(tmp_path) == {"gone.txt": "skipped: broken link (its target is missing)"}


def test_links_that_would_not_be_read_are_not_reported(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    touch(root, "a.txt")
    touch(tmp_path / "outside", "photo.png", "not text")
    (root / "photo.png").symlink_to(tmp_path / "outside" / "photo.png")
    (root / "old.pdf").symlink_to(root / "missing.pdf")
    assert problems_of(root) == {}


def test_the_indexer_reports_skipped_links_as_discover_does(tmp_path: Path) -> None:
    from tui.search.indexer import scan

    root = tmp_path / "corpus"
    touch(root, "a/b.txt")
    touch(tmp_path / "outside", "secret.txt")
    (root / "secret.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (root / "ping.txt").symlink_to(root / "pong.txt")
    (root / "pong.txt").symlink_to(root / "ping.txt")
    (root / "a" / "up").symlink_to(root)
    (root / "gone.txt").symlink_to(root / "missing.txt")
    found, problems = scan(root)
    assert set(found) == {"a/b.txt"}
    assert {p.path: p.reason for p in problems} == problems_of(root)
    assert len(problems) == 5
