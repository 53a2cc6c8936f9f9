"""`read_plain` (annotate --plain): the file's decoded text exactly as is."""

from __future__ import annotations

from pathlib import Path

from tui.ingest import read_plain

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_text_is_exactly_the_file(tmp_path: Path) -> None:
    raw = (
        "Harbour Post\r\nBUSINESS / MARKETS\r\n\r\n"
        "  Indented\u00a0text\tand \x1b[31mcodes\x1b[0m\n\n"
    )
    path = tmp_path / "doc_0001.txt"
    path.write_bytes(raw.encode())
    [a] = read_plain(path).articles
    assert a.text == raw
    assert a.title is None
    assert (a.date, a.author, a.source, a.section, a.captions) == (None, None, None, None, [])


def test_offsets_match_the_file_for_a_fixture() -> None:
    path = FIXTURES / "scraped_page.txt"
    [a] = read_plain(path, FIXTURES).articles
    assert a.text == path.read_text(encoding="utf-8")
    assert a.id == a.path == "scraped_page.txt"


def test_path_without_root_is_as_given(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("# not parsed\n")
    [a] = read_plain(path).articles
    assert a.path == str(path)
    assert a.text == "# not parsed\n"


def test_still_decodes_robustly(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"\xef\xbb\xbfCaf\xc3\xa9 costs \xa35\n")  # BOM, UTF-8, stray Latin-1
    [a] = read_plain(path).articles
    assert a.text == "Café costs £5\n"


def test_problems_not_exceptions(tmp_path: Path) -> None:
    assert [p.reason for p in read_plain(tmp_path / "missing.txt").problems] == [
        "file not found (removed after listing?)"
    ]
    (tmp_path / "empty.txt").write_bytes(b"")
    assert [p.reason for p in read_plain(tmp_path / "empty.txt").problems] == ["empty file"]
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    assert [p.reason for p in read_plain(tmp_path / "bin.txt").problems] == ["binary file"]
