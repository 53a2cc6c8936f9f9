"""Dates in whatever shape a corpus gives them, to the contract's ISO form.

Output is ``YYYY-MM-DD``, or ``YYYY-MM-DDTHH:MM`` / ``YYYY-MM-DDTHH:MM:SS`` when the source gave
a time (seconds only when it gave seconds). A time zone, when present, is dropped and the wall
time kept: that is the time printed on the page the journalist reads. (Converting to UTC for
the index is the indexer's business.) Anything that is not a full calendar date (no year, no
day, "3 hours ago", garbage) gives None rather than an invented day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

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
_MAX_LEN = 120


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
    a = parser.parse(text, default=_DEFAULT_A, ignoretz=True)
    b = parser.parse(text, default=_DEFAULT_B, ignoretz=True)
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None  # no year, month or day in the text
    has_time = a.hour == b.hour
    if not has_time:
        return _format(a, False, False)
    minute = a.minute if a.minute == b.minute else 0  # "2pm": hour given, minutes not
    return _format(a.replace(minute=minute), True, a.second == b.second)


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
