"""Dates in whatever shape a corpus gives them, to the contract's ISO form.

Output is ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM`` / ``YYYY-MM-DDTHH:MM:SS`` when the source gave
a time (seconds only when it gave seconds). A time zone, when present, is dropped and the wall
time kept: that is the time printed on the page the journalist reads. (Converting to UTC for
the index is the indexer's business.) Anything that is not a full calendar date (no year, no
day, "3 hours ago", garbage) gives None rather than an invented day.

All-numeric dates are ambiguous: "05/03/2024" is 5 March in London and May 3 in New York. The
order is a habit of the site, not of the string, so it is learned from the site's pages (see
`day_order` and `numeric_order`): a page where the first number is above 12 ("13/11/2023")
shows the site writes day first. Until something shows the order, an ambiguous date is left
unknown rather than guessed (a wrong day sorts and filters the article wrongly, silently).
Dotted dates ("12.03.2023") are day first wherever they are written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timedelta
from typing import Literal

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?"
    r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?"
)
_LABEL = re.compile(
    r"^\s*(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified|date)d?"
    r"(?:\s+(?:on|at))?\s*[:\-–]?\s*)",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[|•·]")
_EPOCH = re.compile(r"\d{9,13}")
# Two defaults that differ in every field: parsing twice and comparing shows which fields the
# text really gave (dateutil silently fills the rest from the default).
_DEFAULT_A = datetime(1904, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(1908, 2, 2, 1, 1, 1)
_MIN_YEAR, _MAX_YEAR = 1800, 2200
_CJK = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ZONE = re.compile(
    r"\(?\b(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?|\((?:[A-Z]{2,5})\)"
    r"|(?<=\d)\s+(?:BJT|CST|HKT|SGT|JST|KST|IST|AEST|AEDT|WIB|PHT|MYT|AMT|MSK|CET|CEST|EET)\b"
)
_COMMA_DIGIT = re.compile(r",(?=\d)")
_WORD = re.compile(r"[^\s,]+")
_MONTHS = {
    **dict.fromkeys(("janeiro", "enero", "janvier", "gennaio", "januar"), "January"),
    **dict.fromkeys(("fevereiro", "febrero", "février", "febbraio", "februar"), "February"),
    **dict.fromkeys(("março", "marzo", "mars", "märz"), "March"),
    **dict.fromkeys(("abril", "avril", "aprile"), "April"),
    **dict.fromkeys(("maio", "mayo", "mai", "maggio"), "May"),
    **dict.fromkeys(("junho", "junio", "juin", "giugno", "juni"), "June"),
    **dict.fromkeys(("julho", "julio", "juillet", "luglio", "juli"), "July"),
    **dict.fromkeys(("agosto", "août"), "August"),
    **dict.fromkeys(("setembro", "septiembre", "septembre", "settembre"), "September"),
    **dict.fromkeys(("outubro", "octubre", "octobre", "ottobre", "oktober"), "October"),
    **dict.fromkeys(("novembro", "noviembre", "novembre"), "November"),
    **dict.fromkeys(("dezembro", "diciembre", "décembre", "dicembre", "dezember"), "December"),
}
_FOREIGN_HINT = re.compile(
    r"\b(?:de|del|às|as|a\s+las|à|alle|um|le|el|feira)\b|"
    + "|".join(sorted(_MONTHS, key=len, reverse=True)),
    re.IGNORECASE,
)
_FILLER = frozenset({"de", "del", "às", "as", "a", "las", "à", "alle", "um", "le", "el", "h"})
_WEEKDAY = re.compile(
    r"^(?:\w+-feira|sábado|domingo|lunes|martes|miércoles|jueves|viernes|lundi|mardi|mercredi"
    r"|jeudi|vendredi|samedi|dimanche|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|montag"
    r"|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)$"
)
_RELATIVE = re.compile(
    r"^(?:(?P<n>\d{1,3})\s*(?P<unit>minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago"
    r"|(?P<yesterday>yesterday))\b",
    re.IGNORECASE,
)
_MAX_LEN = 120
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])")

Order = Literal["dmy", "mdy"]
_ORDER: ContextVar[Callable[[], Order | None] | None] = ContextVar("day_order", default=None)


@contextmanager
def day_order(resolve: Callable[[], Order | None]) -> Iterator[None]:
    """Within this block, an ambiguous all-numeric date is read in the order `resolve()`
    gives (asked only when such a date is met, at most once), and left unknown when it gives
    None. Readers parse dates deep inside their own logic; the order is a property of the
    site the file came from, which the caller reading the file knows."""
    answer: list[Order | None] = []

    def once() -> Order | None:
        if not answer:
            answer.append(resolve())
        return answer[0]

    token = _ORDER.set(once)
    try:
        yield
    finally:
        _ORDER.reset(token)


def numeric_order(text: str) -> Order | None:
    """The order an all-numeric date in `text` shows unambiguously ("13/11/2023" is day
    first, "11/13/2023" month first), or None when it shows none."""
    m = _NUMERIC.search(text)
    if not m or m.group(2) == ".":
        return None
    first, second = int(m.group(1)), int(m.group(3))
    if 12 < first <= 31 and 1 <= second <= 12:
        return "dmy"
    if 12 < second <= 31 and 1 <= first <= 12:
        return "mdy"
    return None


def is_ambiguous(text: str) -> bool:
    """Whether `text` holds an all-numeric date that reads as two different days."""
    m = _NUMERIC.search(text)
    if not m or m.group(2) == ".":
        return False
    first, second = int(m.group(1)), int(m.group(3))
    return first != second and 1 <= first <= 12 and 1 <= second <= 12


def parse_date(value: object) -> str | None:
    """`value` (str, date, datetime, or epoch seconds/milliseconds) as an ISO date, or None.

    Never raises: a date that cannot be read is simply unknown.
    """
    try:
        return _parse(value)
    except Exception:  # dateutil raises a zoo of errors on odd input; unknown is the answer
        return None


def _parse(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _format(value, has_time=True, has_seconds=True)
    if isinstance(value, date):
        return _format(datetime(value.year, value.month, value.day), False, False)
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > _MAX_LEN:
        return None
    text = _LABEL.sub("", text)
    m = _ISO.fullmatch(text)
    if m:
        y, mo, d, hh, mm, ss = m.groups()
        dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
        return _format(dt, has_time=hh is not None, has_seconds=ss is not None)
    if _EPOCH.fullmatch(text):
        return _from_epoch(float(text))
    return _parse_free(_SEPARATORS.sub(" ", text))


def _parse_free(text: str) -> str | None:
    from dateutil import parser  # imported here: only free-form dates need it

    if not any(c.isdigit() for c in text):
        return None
    dayfirst = False
    m = _NUMERIC.search(text)
    if m and m.group(2) == ".":
        dayfirst = True
    elif m and is_ambiguous(text):
        resolve = _ORDER.get()
        order = resolve() if resolve is not None else None
        if order is None:
            return None
        dayfirst = order == "dmy"
    text = _loosen(text)
    a = parser.parse(text, default=_DEFAULT_A, ignoretz=True, dayfirst=dayfirst)
    b = parser.parse(text, default=_DEFAULT_B, ignoretz=True, dayfirst=dayfirst)
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None  # no year, month or day in the text
    has_time = a.hour == b.hour
    if not has_time:
        return _format(a, False, False)
    minute = a.minute if a.minute == b.minute else 0  # "2pm": hour given, minutes not
    return _format(a.replace(minute=minute), True, a.second == b.second)


def _loosen(text: str) -> str:
    """Written-out dates in the forms real pages use, rewritten for dateutil: CJK
    (2023年11月13日), "22 de outubro de 2010 às 20:13", zones in brackets, "Mar 4,2024"."""
    m = _CJK.search(text)
    if m:
        y, mo, d = m.groups()
        rest = text[m.end() :]
        return f"{y}-{mo}-{d} {rest}".strip()
    text = _ZONE.sub(" ", text)
    text = _COMMA_DIGIT.sub(", ", text)
    if _FOREIGN_HINT.search(text):
        words = []
        for word in _WORD.findall(text):
            low = word.lower().strip(".,")
            if low in _MONTHS:
                words.append(_MONTHS[low])
            elif low not in _FILLER and not _WEEKDAY.match(low):
                words.append(word)
        text = " ".join(words)
    return text


def parse_relative(text: str, crawled: str | None) -> str | None:
    """ "3 hours ago", "yesterday" as a date, counted back from the date the page was saved;
    None without that date (a relative time alone says nothing about the day)."""
    base = parse_date(crawled) if crawled else None
    if not base:
        return None
    m = _RELATIVE.search(text.strip())
    if not m:
        return None
    start = datetime.fromisoformat(base)
    if m.group("yesterday"):
        return _format(start - timedelta(days=1), False, False)
    count, unit = int(m.group("n")), m.group("unit").lower().rstrip("s")
    step = {
        "minute": timedelta(minutes=1),
        "min": timedelta(minutes=1),
        "hour": timedelta(hours=1),
        "hr": timedelta(hours=1),
        "day": timedelta(days=1),
        "week": timedelta(weeks=1),
    }
    when = start - count * step[unit]
    has_time = "T" in base and unit in ("minute", "min", "hour", "hr")
    return _format(when, has_time, False)


def _from_epoch(seconds: float) -> str | None:
    if not 1e8 <= seconds < 1e14:  # a bare year (2023) or a count is not a timestamp
        return None
    if seconds > 1e11:  # milliseconds, as JavaScript writes them
        seconds /= 1000
    dt = datetime(1970, 1, 1) + timedelta(seconds=seconds)  # UTC wall time
    return _format(dt, True, True)


def _format(dt: datetime, has_time: bool, has_seconds: bool) -> str | None:
    if not _MIN_YEAR <= dt.year <= _MAX_YEAR:
        return None
    day = f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}"
    if not has_time:
        return day
    if has_seconds:
        return f"{day}T{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}"
    return f"{day}T{dt.hour:02d}:{dt.minute:02d}"
