"""Bad input never raises: each case comes back as a Problem (or a best-effort article)."""

from __future__ import annotations

import codecs
import json
import os
import stat
from pathlib import Path

import pytest

from tui.ingest import MAX_BYTES, discover, read_corpus, read_file, relpath
from tui.ingest.files import ReadFailure, read_bytes
from tui.model import ReadResult

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 4


def write(tmp_path: Path, name: str, content: bytes) -> ReadResult:
    path = tmp_path / name
    path.write_bytes(content)
    return read_file(path, tmp_path)


def reasons(result: ReadResult) -> list[str]:
    return [p.reason for p in result.problems]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".json", ".jsonl", ".html"])
def test_binary_file(tmp_path: Path, suffix: str) -> None:
    result = write(tmp_path, f"photo{suffix}", PNG)
    assert result.articles == []
    assert reasons(result) == ["binary file"]


def test_control_heavy_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    result = write(tmp_path, "x.txt", bytes(range(1, 32)) * 50)
    assert reasons(result) == ["binary file"]


def test_latin1_byte_in_utf8_text(tmp_path: Path) -> None:
    # The shape of BBC sport/199.txt: UTF-8 (here with a real "é") and one stray Latin-1 "£".
    content = "Mutu signs\n\nThe café deal cost ".encode() + b"\xa315.8m last season.\n"
    [a] = write(tmp_path, "a.txt", content).articles
    assert a.text == "The café deal cost £15.8m last season."


def test_whole_file_in_cp1252(tmp_path: Path) -> None:
    text = "Prices\n\nThe £5 note and the “quoted” café.\n"
    [a] = write(tmp_path, "a.txt", text.encode("cp1252")).articles
    assert a.text == "The £5 note and the “quoted” café."


def test_other_single_byte_encoding_detected(tmp_path: Path) -> None:
    text = "Новости\n\n" + "Правительство объявило о новых мерах поддержки экономики страны. " * 20
    [a] = write(tmp_path, "ru.txt", text.encode("koi8-r")).articles
    assert a.title == "Новости"
    assert a.text.startswith("Правительство объявило")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_bom_and_utf16(tmp_path: Path, encoding: str) -> None:
    text = "Title here\n\nBody with ünïcode text in it.\n"
    raw = text.encode(encoding)
    if encoding == "utf-16-le":  # no BOM: sniffed from the NUL pattern
        assert not raw.startswith(codecs.BOM_UTF16_LE)
    [a] = write(tmp_path, "a.txt", raw).articles
    assert (a.title, a.text) == ("Title here", "Body with ünïcode text in it.")


def test_empty_file(tmp_path: Path) -> None:
    result = write(tmp_path, "empty.txt", b"")
    assert (result.articles, reasons(result)) == ([], ["empty file"])


@pytest.mark.parametrize("suffix", [".txt", ".md", ".json", ".jsonl", ".html"])
def test_whitespace_only(tmp_path: Path, suffix: str) -> None:
    result = write(tmp_path, f"blank{suffix}", b" \n\t\r\n  \n")
    assert (result.articles, reasons(result)) == ([], ["no text (whitespace only)"])


def test_nbsp_and_escapes_only_is_no_text(tmp_path: Path) -> None:
    result = write(tmp_path, "x.txt", "\u00a0\n\x1b[31m\x1b[0m\n\u202e\n".encode())
    assert reasons(result) == ["no text"]


def test_oversized_file_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: costs no disk, and must not be read whole
        f.truncate(MAX_BYTES + 1)
    result = read_file(path, tmp_path)
    assert result.articles == []
    [reason] = reasons(result)
    assert reason.startswith("too large (20.0 MB > 20 MB cap)")


def test_read_bytes_stops_at_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    with pytest.raises(ReadFailure, match="too large"):
        read_bytes(path, cap=10)
    assert read_bytes(path, cap=100) == b"x" * 100


def test_unreadable_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert reasons(read_file(fifo, tmp_path)) == ["not a regular file"]


def test_unreadable_folder_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    assert reasons(read_file(tmp_path / "dir.txt", tmp_path)) == ["not a regular file (a folder)"]


def test_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "link.txt").symlink_to(tmp_path / "gone.txt")
    assert reasons(read_file(tmp_path / "link.txt", tmp_path)) == ["broken link"]


def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    [reason] = reasons(read_file(tmp_path / "a.txt", tmp_path))
    assert reason.startswith("unreadable")


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root reads chmod 000 files; covered by FIFO/dir/link"
)
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("x")
    path.chmod(0)
    try:
        assert reasons(read_file(path, tmp_path)) == ["unreadable: permission denied"]
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_file_vanishing_between_discover_and_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nBody.\n")
    (tmp_path / "b.txt").write_text("Title\n\nBody.\n")
    found = list(discover(tmp_path))
    (tmp_path / "a.txt").unlink()
    results = [read_file(p, tmp_path) for p in found]
    assert reasons(results[0]) == ["file not found (removed after listing?)"]
    assert [a.id for a in results[1].articles] == ["b.txt"]


def test_unknown_suffix_read_directly(tmp_path: Path) -> None:
    assert reasons(write(tmp_path, "x.pdf", b"%PDF-1.4")) == ["unsupported file type '.pdf'"]


@pytest.mark.parametrize("suffix", [".txt", ".md", ".json", ".jsonl", ".html"])
def test_one_megabyte_single_line(tmp_path: Path, suffix: str) -> None:
    line = ("word " * 200_000).encode()
    result = write(tmp_path, f"long{suffix}", line)
    assert all(a.text and a.title for a in result.articles)
    assert not any(r.startswith("internal error") for r in reasons(result))


@pytest.mark.parametrize(
    "line",
    [
        "[" * 1_000_000,  # markdown link openers
        "*" * 1_000_000,  # emphasis markers
        "# " * 500_000,  # heading markers
        "<a " * 330_000,  # unclosed tags
        "(Photo/" * 140_000,  # caption credit openers
        "By " * 330_000,  # byline openers
        "\x1b]" * 500_000,  # unterminated OSC openers
        "\x1b[" * 500_000 + "m",
        "a\u00a0" * 500_000,
        "â€" * 500_000,  # mojibake-looking runs
    ],
    ids=[
        "brackets",
        "stars",
        "hashes",
        "tags",
        "captions",
        "bylines",
        "osc",
        "csi",
        "nbsp",
        "mojibake",
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_pathological_megabyte_lines(tmp_path: Path, line: str, suffix: str) -> None:
    result = write(tmp_path, f"p{suffix}", line.encode())
    assert not any(r.startswith("internal error") for r in reasons(result))
    for a in result.articles:
        assert "\x1b" not in a.text


def test_ansi_escapes_and_rich_markup(tmp_path: Path) -> None:
    content = (
        "\x1b]0;pwned\x07\x1b[1mBreaking [bold red]news[/]\x1b[0m\n\n"
        "\x1b[31mRed\x1b[0m text with [link=https://evil.example]a link[/link] and "
        "\x1b]52;c;ZXZpbA==\x07a clipboard write.\u202e\n\n"
        "\x1b]8;;https://evil.example\x1b\\hidden link\x1b]8;;\x1b\\ end.\x9b2J\n"
    )
    [a] = write(tmp_path, "ansi.txt", content.encode()).articles
    assert a.title == "Breaking [bold red]news[/]"  # markup stays literal text
    assert a.text == (
        "Red text with [link=https://evil.example]a link[/link] and a clipboard write.\n\n"
        "hidden link end."
    )


def test_escapes_in_json_metadata(tmp_path: Path) -> None:
    record = {"title": "T\x1b[2J", "text": "x", "author": "\x1b]52;c;AAAA\x07JANE DOE"}
    [a] = write(tmp_path, "r.json", json.dumps(record).encode()).articles
    assert (a.title, a.author) == ("T", "Jane Doe")


def test_file_names_with_newline_and_invalid_utf8(tmp_path: Path) -> None:
    root = os.fsencode(tmp_path)
    names = [b"new\nline.txt", b"caf\xe9.txt", b"\xff\xfe.md", b"rtl\xe2\x80\xaeexe.txt"]
    for name in names:
        with open(os.path.join(root, name), "wb") as f:
            f.write(b"Title\n\nBody text.\n")
    results = list(read_corpus(tmp_path))
    ids = sorted(a.id for r in results for a in r.articles)
    assert ids == sorted(["new\\x0aline.txt", "caf\\xe9.txt", "\\xff\\xfe.md", "rtl\\u202eexe.txt"])
    for r in results:
        for a in r.articles:
            assert a.path == a.id
            a.id.encode("utf-8")  # a valid str: no surrogates
            assert a.id.isprintable()


def test_relpath_is_printable_for_odd_names(tmp_path: Path) -> None:
    odd = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"sub\x1b[31m", b"x\x80.txt")))
    assert relpath(odd, tmp_path) == "sub\\x1b[31m/x\\x80.txt"
