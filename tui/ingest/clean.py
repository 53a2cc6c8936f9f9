"""Making text safe to show in a terminal, and tidy enough to read.

Everything ingest hands on (article text and every metadata field) passes through `safe_text`:
corpus files are untrusted, and a scraped page or a JSON record can carry escape sequences that
would retitle the terminal, write to the clipboard (OSC 52), plant hyperlinks (OSC 8) or reorder
what is shown (bidirectional overrides). Removing them here means no later layer has to care.

Rich markup such as ``[bold red]`` is deliberately left as literal text: it is ordinary
characters, and removing it would change what the article says. The interface must never parse
article text as markup (it escapes it), as DESIGN.md requires.

All patterns here are linear in the length of the text (no nested quantifiers, string commands
stop at the end of their line), so a 1 MB single-line file costs one pass, not a stall.
"""

from __future__ import annotations

import re

# Escape sequences, 7-bit and 8-bit forms, in the order a terminal would recognise them.
_ESCAPES = re.compile(
    # String commands (OSC incl. 0/8/52, DCS, APC, PM, SOS): the payload runs to BEL or ST.
    # An unterminated one is cut at the end of its line rather than eating the whole article.
    r"(?:\x1b[\]P_^X]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    # CSI: parameters, intermediates, final byte (SGR colours, cursor moves, erase ...).
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    # Any other ESC sequence: charset designation, ESC 7/8, ESC c (reset) ...
    r"|\x1b[ -/]*[0-~]?"
)
# C0 controls except \t and \n, DEL, C1 controls, bidi embeddings/overrides/isolates,
# zero-width space and stray byte-order marks.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\ufeff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Any character safe_text would change; text without one is returned as it is.
_SUSPECT = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00a0\u2007\u200b\u2028\u2029\u202a-\u202f"
    r"\u2066-\u2069\ufeff\ud800-\udfff]"
)
_C1_INTRO = re.compile(r"[\x90\x98\x9b\x9d\x9e\x9f]")
_NBSP_ONLY_LINE = re.compile(r"(?m)^[ \t]*[\u00a0\u202f\u2007][ \t\u00a0\u202f\u2007]*$")
_NBSP = re.compile(r"[\u00a0\u202f\u2007]")
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c]")
_SPACES = re.compile(r"[ \t]{2,}")
_WHITESPACE = re.compile(r"\s+")


def safe_text(s: str) -> str:
    """Return `s` with nothing left that a terminal would act on instead of print.

    Removes ANSI/VT escape sequences (CSI, OSC, DCS, APC, PM, SOS and plain ESC sequences),
    C0 control characters other than newline and tab, DEL, C1 controls, bidirectional
    embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), zero-width spaces and
    byte-order marks. Line breaks (CRLF, CR, U+2028/9, VT, FF) become ``\\n``. Non-breaking
    spaces (U+00A0, U+202F, U+2007) become plain spaces, and a line holding only them becomes an
    empty line: scraped pages use such lines as spacers, and keeping them as blank lines keeps
    paragraph breaks where the page had them. Lone surrogates (from undecodable file names)
    become U+FFFD so the result can always be encoded as UTF-8.

    Rich markup like ``[bold red]`` is kept as literal text; the UI escapes it. The function is
    idempotent: ``safe_text(safe_text(s)) == safe_text(s)``.
    """
    if not _SUSPECT.search(s):
        return s  # the common case: one scan, nothing to do
    if "\x1b" in s or _C1_INTRO.search(s):
        s = _ESCAPES.sub("", s)
    s = _LINE_BREAKS.sub("\n", s)
    s = _INVISIBLE.sub("", s)
    s = _SURROGATE.sub("\ufffd", s)
    if _NBSP.search(s):
        s = _NBSP_ONLY_LINE.sub("", s)
        s = _NBSP.sub(" ", s)
    return s


def one_line(s: str, limit: int = 500) -> str:
    """`tidy`, then whitespace collapsed to single spaces, trimmed, capped at `limit`.

    Metadata fields (title, author, source ...) are shown on one line; a newline or a run of
    spaces inside them is an artefact of scraping, never meaning. The cap keeps a field that
    swallowed a whole article from flooding the title bar.
    """
    s = _WHITESPACE.sub(" ", tidy(s[: limit * 4])).strip()
    if len(s) > limit:
        cut = s.rfind(" ", 0, limit)
        s = s[: cut if cut > limit // 2 else limit].rstrip() + "…"
    return s


def collapse_spaces(line: str) -> str:
    """Runs of spaces and tabs inside a line become one space (scrapers leave many)."""
    return _SPACES.sub(" ", line).strip()


# UTF-8 text that was decoded as Latin-1 or Windows-1252 somewhere upstream ("â€™" for "’",
# "Ã©" for "é"): a lead byte (Â-ô) followed by continuation bytes (0x80-0xBF as cp1252 or latin-1
# shows them). Each run is re-encoded and decoded as UTF-8; runs that do not decode are real text
# and are left alone.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_CONT = "\u0080-\u00bf" + _CP1252_HIGH
_MOJIBAKE = re.compile(
    f"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}|[\u00f0-\u00f4][{_CONT}]{{3}}"
)
_TO_BYTE: dict[str, int] = {}
for _b in range(0x80, 0x100):
    _ch = bytes([_b]).decode("cp1252", errors="ignore")
    if _ch:
        _TO_BYTE[_ch] = _b
    _TO_BYTE.setdefault(chr(_b), _b)


def fix_mojibake(s: str) -> str:
    """Repair UTF-8 that was mis-decoded as Latin-1/cp1252 ("â€™" back to "’").

    Real corpora have it (the BuzzFeed titles do); it must be fixed before `safe_text`, which
    would otherwise delete the C1 characters that hold half of each broken letter.
    """
    if not _MOJIBAKE.search(s):
        return s
    return _MOJIBAKE.sub(_repair, s)


def _repair(m: re.Match[str]) -> str:
    run = m.group()
    try:
        return bytes(_TO_BYTE[c] for c in run).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return run


def tidy(s: str) -> str:
    """What every reader applies to decoded text: repair mojibake, then `safe_text`."""
    return safe_text(fix_mojibake(s))
