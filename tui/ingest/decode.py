"""Bytes to text: UTF-8 first, then a careful guess, and a clear "binary" when it is not text.

Why not hand everything to charset-normalizer: real news corpora are UTF-8 with the odd stray
byte from a Windows editor (BBC ``sport/199.txt`` has one Latin-1 "£"). On such a file a
detector sees one high byte and guesses anything (it says cp932 there, turning "£" into a
Japanese character). So a file that is valid UTF-8 apart from a few stray bytes is read as UTF-8
with each stray byte taken as Windows-1252; only text with many non-UTF-8 high bytes (a whole
file in KOI8-R, Shift-JIS, Latin-1 French ...) goes to charset-normalizer.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_STRAY = re.compile(r"[\udc80-\udcff]")
# Each stray byte (surrogateescape keeps byte b as U+DC00+b) read as Windows-1252, or as
# Latin-1 for the five bytes cp1252 leaves undefined (their C1 result is removed by safe_text).
_STRAY_AS_CP1252 = {
    0xDC00 + b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0x100)
}
# Control characters that do not occur in text (tab, newlines, form feed, ESC are allowed:
# ESC because a file full of ANSI colour codes is still a text file, to be cleaned later).
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_SAMPLE = 65536
_LATIN1_LETTER = re.compile(
    r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e]"
)
# Anything non-ASCII that is neither such a letter nor common typography.
_NOT_WESTERN = re.compile(
    r"[^\x00-\x7f\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u0178"
    r"\u017d\u017e£€“”‘’–—…«»°©®™•·§¢¥¡¿\u00a0]"
)


@dataclass(frozen=True)
class Decoded:
    """Decoded text and the encoding it was read as (for problem reports and tests)."""

    text: str
    encoding: str


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded | None:
    """Decode a file's bytes, or return None when they are not text (a binary file).

    `declared` is an encoding the file names itself (an HTML ``<meta charset>``); it is used
    only when the bytes are not valid UTF-8, since pages often declare one thing and are saved
    as UTF-8. A byte-order mark wins over everything and is not part of the text.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]  # then read as any UTF-8, stray bytes and all
    else:
        for bom, encoding in _BOMS:
            if data.startswith(bom):
                return _checked(data[len(bom) :].decode(encoding, errors="replace"), encoding)

    if b"\x00" in data:
        utf16 = _sniff_utf16(data)
        if utf16 is None:
            return None
        return _checked(data.decode(utf16, errors="replace"), utf16)

    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass

    if declared:
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            codec = ""
        if codec and codec != "utf-8":
            return _checked(data.decode(codec, errors="replace"), codec)

    text = data.decode("utf-8", errors="surrogateescape")
    strays = len(_STRAY.findall(text))
    wide = len(text) - len(text.encode("ascii", errors="ignore")) - strays
    # UTF-8 with stray bytes, or plain ASCII with a sprinkle of high bytes: take each stray byte
    # as Windows-1252 (the single-byte encoding an English news file most likely has).
    if wide > 0 or strays * 100 < len(data):
        fixed = _STRAY.sub(lambda m: _STRAY_AS_CP1252[ord(m.group())], text)
        return _checked(fixed, "utf-8+cp1252" if wide > 0 else "cp1252")

    western = data.decode("cp1252", errors="replace")
    if _plausibly_western(western):
        return _checked(western, "cp1252")
    return _detect(data)


def _plausibly_western(text: str) -> bool:
    """Whether text decoded as Windows-1252 reads like a Western European language.

    charset-normalizer guesses poorly on short files (it calls "£" in a short English file
    cp1250 "Ł"), so cp1252 is taken first when every non-ASCII character it gives is a Latin
    letter or common typography and such letters are a minority of the letters (Cyrillic or
    Greek bytes read as cp1252 give almost nothing but accented letters).
    """
    sample = text[:_SAMPLE]
    odd = _NOT_WESTERN.search(sample)
    if odd:
        return False
    accented = len(_LATIN1_LETTER.findall(sample))
    letters = sum(1 for c in sample if c.isalpha())
    return accented * 4 < max(letters, 1)


def _detect(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes  # imported late: slow to import, rarely needed

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    return _checked(str(best), best.encoding)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL bytes at every other position; anything else with
    NUL bytes is binary."""
    sample = data[:_SAMPLE]
    half = len(sample) // 2
    if half < 2 or len(sample) % 2:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    if odd_nul >= 0.4 * half and even_nul <= 0.02 * half:
        return "utf-16-le"
    if even_nul >= 0.4 * half and odd_nul <= 0.02 * half:
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str) -> Decoded | None:
    """Reject decoded "text" that is mostly control characters: it was binary after all."""
    sample = text[:_SAMPLE]
    if sample and len(_BINARY_CONTROLS.findall(sample)) * 10 > len(sample):
        return None
    return Decoded(text, encoding)
