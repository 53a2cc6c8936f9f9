"""Terminal safety and text repair: what `safe_text` removes, keeps and normalises."""

from __future__ import annotations

import pytest

from tui.ingest import safe_text
from tui.ingest.clean import fix_mojibake, one_line, tidy

ESC = "\x1b"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"{ESC}[1;31mred{ESC}[0m text", "red text"),  # CSI / SGR
        (f"{ESC}[2J{ESC}[Hclear", "clear"),  # erase screen, cursor home
        (f"a{ESC}]0;pwned title\x07b", "ab"),  # OSC 0 window title, BEL-terminated
        (f"a{ESC}]52;c;aGVsbG8=\x07b", "ab"),  # OSC 52 clipboard write
        (f"{ESC}]8;;https://evil.example{ESC}\\link{ESC}]8;;{ESC}\\", "link"),  # OSC 8 link
        (f"a{ESC}P1$r0m{ESC}\\b", "ab"),  # DCS
        (f"a{ESC}_payload{ESC}\\b", "ab"),  # APC
        ("a\x9b31mb", "ab"),  # 8-bit CSI
        ("a\x9d0;title\x9cb", "ab"),  # 8-bit OSC with 8-bit ST
        (f"a{ESC}cb", "ab"),  # full reset
        (f"a{ESC}(Bb", "ab"),  # charset designation
        (f"a{ESC}]0;unterminated\nnext", "a\nnext"),  # unterminated OSC stops at line end
        (f"trailing{ESC}", "trailing"),
    ],
)
def test_escape_sequences_removed(raw: str, expected: str) -> None:
    assert safe_text(raw) == expected


def test_controls_removed_newline_and_tab_kept() -> None:
    raw = "a\x00b\x07c\x08d\te\nf\x7fg\x85h\x81i"
    assert safe_text(raw) == "abcd\te\nfghi"


def test_line_endings_normalised() -> None:
    assert safe_text("a\r\nb\rc\u2028d\u2029e\x0cf") == "a\nb\nc\nd\ne\nf"


def test_bidi_overrides_and_isolates_removed() -> None:
    raw = "safe\u202egnp.exe\u202c and \u2066isolated\u2069 \u202a\u202b\u202d"
    assert safe_text(raw) == "safegnp.exe and isolated "


def test_nbsp_normalised_and_nbsp_only_lines_emptied() -> None:
    raw = "one\u00a0two\u202fthree\u2007four\n\u00a0\n \u00a0\u00a0 \nlast"
    assert safe_text(raw) == "one two three four\n\n\nlast"


def test_rich_markup_is_left_as_literal_text() -> None:
    # The UI escapes markup; ingest must not eat square brackets from real text.
    raw = "[bold red]alarm[/bold red] and [link=https://x]click[/link] [1]"
    assert safe_text(raw) == raw


def test_lone_surrogates_replaced_so_text_encodes() -> None:
    out = safe_text("caf\udce9")
    assert out == "caf\ufffd"
    out.encode("utf-8")


def test_zero_width_space_and_bom_removed_but_zwj_kept() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert safe_text(f"\ufeffa\u200bb {family}") == f"ab {family}"


def test_safe_text_is_idempotent() -> None:
    raw = f"x{ESC}{ESC}[31m[0m\u00a0\n\u00a0\n\x9b\x1b]0;t\x07y\u202e"
    once = safe_text(raw)
    assert safe_text(once) == once
    assert ESC not in once


def test_fix_mojibake() -> None:
    assert fix_mojibake("Trumpâ€™s â€œbestâ€\x9d") == "Trump’s “best”"
    assert fix_mojibake("His \u00e2\x80\x98Best Asset\u00e2\x80\x99") == "His ‘Best Asset’"
    assert fix_mojibake("cafÃ© crÃ¨me") == "café crème"


def test_fix_mojibake_leaves_real_text_alone() -> None:
    for real in ("café ’quoted’", "Ã alone", "naïve “text”", "€100", "Âge"):
        assert fix_mojibake(real) == real


def test_tidy_repairs_before_removing_c1() -> None:
    # Half of a broken letter is a C1 character; safe_text alone would delete it.
    assert tidy("\u00e2\x80\x98x\u00e2\x80\x99") == "‘x’"


def test_one_line_collapses_and_caps() -> None:
    assert one_line("  Jane\n\t Doe  ") == "Jane Doe"
    long = "word " * 400
    capped = one_line(long, limit=50)
    assert len(capped) <= 51
    assert capped.endswith("…")
