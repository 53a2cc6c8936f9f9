"""Money, percentages and dates: entities whose shape alone says what they are.

Every pattern here is anchored on a digit, a currency sign or a closed word list and uses only
bounded repetition, so a pathological line (a megabyte without a newline, a thousand digits in a
row) costs linear time: no pattern nests one open-ended repetition inside another.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.nlp.cues import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    WEEKDAYS,
    after_first_letter,
    word_pattern,
    word_set,
)


class Found(NamedTuple):
    """A span found by a pattern, before it becomes an `Entity`."""

    start: int
    end: int
    label: str


_NUM = r"(?:\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?|\d{1,15}(?:\.\d{1,12})?)"
_WORD_NUM = (
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|hundreds\s+of|tens\s+of|"
    r"several|a\s+few)"
)
_MAG = r"(?:bn|billion|mn|mln|million|m|k|thousand|tn|trillion|crore|lakh)"
_SYMBOL = r"(?:(?:[A-Z]{1,3})?[$£€¥₹₩₽]|Rs\.?\s?)"
_ISO = r"(?:USD|EUR|GBP|JPY|CHF|CNY|RMB|AUD|CAD|NZD|HKD|SGD|INR|SEK|NOK|DKK|RUB|ZAR|BRL|MXN)"
_CURRENCY_WORD = (
    r"(?:(?:US|U\.S\.|American|Australian|Canadian|Hong\s+Kong|New\s+Zealand|Singapore|Swiss|"
    r"French|Belgian|Danish|Swedish|Norwegian|Japanese|Chinese|Indian|Mexican|Russian|"
    r"Turkish|Egyptian|South\s+African)\s+)?"
    r"(?:dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|francs?|"
    r"(?:deutsche?\s?)?marks?|lire|lira|pesos?|rupees?|roubles?|rubles?|rand|baht|ringgit|"
    r"dinars?|dirhams?|riyals?|shekels?|kronor|kroner|kronur|krona|krone|zlotys?|forints?|"
    r"pence|cents?)"
)

_MONEY_FORMS = (
    (rf"(?<![\w$£€¥₹₩₽]){_SYMBOL}\s?{_NUM}(?:\s?{_MAG}\b)?", False),
    (rf"(?<![\w.,]){_ISO}\s?{_NUM}(?:\s?{_MAG}\b)?", False),
    (rf"(?<![\w.,]){_NUM}(?:\s?{_MAG})?\s?{_ISO}\b", True),
    (rf"(?<![\w.,]){_NUM}(?:\s?{_MAG})?\s{_CURRENCY_WORD}\b", True),
    (rf"(?<![\w.,]){_NUM}p\b", True),
    (rf"\b{_WORD_NUM}\s(?:million|billion|thousand|trillion)\s{_CURRENCY_WORD}\b", False),
)
"""Each form of money with whether it can open with a digit (see `_DIGIT_PATTERNS`)."""
MONEY = re.compile("|".join(form for form, _ in _MONEY_FORMS))

_PERCENT_FORMS = (
    (rf"(?<![\w.,])[-+−]?{_NUM}\s?(?:%|per\s?cent\b|percent\b|pct\b|percentage\s+points?\b)", True),
    (rf"\b(?:{_WORD_NUM}|half\s+a)\s(?:per\s?cent|percent|percentage\s+points?)\b", False),
)
PERCENT = re.compile("|".join(form for form, _ in _PERCENT_FORMS))

_MONTH = "(?:" + "|".join(MONTHS) + "|(?:" + "|".join(MONTH_ABBREVIATIONS) + r")\.?)"
_MONTH_FULL = "(?:" + "|".join(MONTHS) + ")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_REL = r"(?:last|next|this|past|coming|previous|following)"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?|centuries)"
_COUNT = r"(?:\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
_COUNT += r"fifteen|twenty|thirty|fifty|a\s+few|few|several|many)"
_PART = r"(?:early|late|mid|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)"

_DATE_FORMS = (
    # 1996-08-30, 30/08/1996, 8/30/96
    (rf"(?<![\w-]){_YEAR}-[01]\d-[0-3]\d(?![\w-])", True),
    (r"(?<![\w/.])[0-3]?\d[/.][01]?\d[/.](?:\d{4}|\d\d)(?![\w/.])", True),
    # Tuesday, March 4, 2025 / March 4 / March 4th, 2025
    (rf"(?:{_WEEKDAY},?\s)?{_MONTH}\s{_DAY}(?:,?\s{_YEAR})?\b", False),
    # (Tuesday) 4 March (2025), 4th of March
    (rf"(?:{_WEEKDAY},?\s)?\b{_DAY}\s(?:of\s)?{_MONTH}(?:,?\s{_YEAR})?\b", True),
    # March 2025, early March 2025
    (rf"(?:{_PART}[- ])?{_MONTH_FULL},?\s{_YEAR}\b", False),
    # early March, in March (the month alone needs a preposition: "May" is also a verb)
    (
        rf"(?:(?<=\bin\s)|(?<=\bIn\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bby\s)"
        rf"|(?<=\bfrom\s)|(?<=\bduring\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\blate\s)"
        rf"|(?<=\bearly\s)|(?<=\bmid-)|(?<=\bthrough\s)|(?<=\btill\s)|(?<=\bof\s))"
        rf"{_MONTH_FULL}\b(?!\s[A-Z])",
        False,
    ),
    (rf"\b{_REL}\s{_MONTH_FULL}\b", False),
    # last Tuesday, on Monday, Monday morning
    (rf"(?:\b(?:{_REL}|early|late)\s)?{_WEEKDAY}s?\b", False),
    # mid-2023, early 2024, the 1990s, 2024/25, 1996-97
    (rf"\b{_PART}[- ]{_YEAR}s?\b", False),
    (rf"(?:\bthe\s)?(?<![\w$£€.,])(?:mid-)?{_YEAR}s\b", True),
    (rf"(?<![\w$£€.,/-]){_YEAR}[/-]\d\d(?![\w/-])", True),
    # a bare year, unless it counts something ("2000 people")
    (rf"(?<![\w$£€.,/:-]){_YEAR}(?![\w/:%-]|\.\d|,\d|\s(?:[a-z]+s|per|million|people)\b)", True),
    # last week, this year, the past three months, two years ago
    (
        rf"\b{_REL}\s(?:week|weekend|month|year|decade|century|quarter|season|spring"
        rf"|summer|autumn|fall|winter)\b",
        False,
    ),
    (rf"\b(?:the\s)?(?:past|last|next|coming|previous|first)\s{_COUNT}\s{_UNIT}\b", False),
    (rf"\b{_COUNT}\s{_UNIT}\sago\b", True),
    (r"\b(?:[Yy]esterday|[Tt]omorrow|[Tt]oday)\b", False),
    # the third quarter of 2024, Q3 2024, fiscal 2025
    (rf"\b(?:the\s)?(?:first|second|third|fourth)\s(?:quarter|half)\sof\s{_YEAR}\b", False),
    (rf"\bQ[1-4](?:\s{_YEAR})?\b", False),
    (rf"\b(?:fiscal|FY)\s?{_YEAR}\b", False),
)
"""Each form of date with whether it can open with a digit (see `_DIGIT_PATTERNS`)."""
DATE = re.compile("|".join(form for form, _ in _DATE_FORMS))


# Where a money, percent or date match can begin. Scanning a whole text with the full
# patterns tries dozens of alternatives at every character; instead we look only at anchors
# (a digit or currency sign, or a date word), found by two scans that the regex engine speeds up
# with a first-character check, and try the patterns at the anchor and at the start of the words
# that may precede it ("the 1990s", "US$3", "early March", "two years ago").
# Its first character is looked for by plain ranges (ASCII digits, "$", anything not ASCII),
# which the regex engine checks far quicker than the Unicode class `\d`; the lookbehind then
# keeps only a real digit or currency sign, so it finds what `[\d$£€¥₹₩₽][\d,.]*` finds.
_DIGIT_ANCHOR = re.compile(r"[0-9$\x80-\U0010FFFF](?<=[\d$£€¥₹₩₽])[\d,.]*")
_WORD_ANCHOR_WORDS = (
    MONTHS
    + MONTH_ABBREVIATIONS
    + WEEKDAYS
    + ["last", "next", "this", "past", "coming", "previous", "following", "fiscal", "FY", "ago"]
    + ["yesterday", "today", "tomorrow", "Yesterday", "Today", "Tomorrow"]
    + ["million", "billion", "trillion", "thousand", "per", "percent"]
)
# A whole word only. The lookahead of first letters is implied by the words; it lets the regex
# engine pass over other characters before it evaluates the lookbehind.
_WORD_ANCHOR = re.compile(
    "(?=["
    + "".join(sorted({w[0] for w in _WORD_ANCHOR_WORDS}))
    + r"])(?<!\w)"
    + word_pattern(_WORD_ANCHOR_WORDS)
    + r"(?!\w)"
)
_LEFT = re.compile(
    "(?:"
    + "|".join(
        [
            r"(?<![\w$])[A-Z]{1,3}",
            r"\bRs\.?\s?",
            rf"\b{_ISO}\s?",
            r"\bthe\s(?:mid-)?",
            r"\bmid-",
            rf"\b{_PART}[- ]",
            rf"\b(?:{_WEEKDAY},?\s)",
            r"\b(?:the\s)?(?:first|second|third|fourth)\s(?:quarter|half)\sof\s",
            r"\bQ",
            r"\b(?:fiscal|FY)\s?",
            rf"\b{_COUNT}\s{_UNIT}\s",
            rf"\b(?:{_WORD_NUM}|half\sa)\s",
            rf"\b(?:the\s)?(?:{_REL}|early|late)\s",
        ]
    )
    + r")\Z"
)
_PATTERNS = (("MONEY", MONEY), ("PERCENT", PERCENT), ("DATE", DATE))


def _opening_with_digit(forms: tuple[tuple[str, bool], ...]) -> re.Pattern[str]:
    return re.compile("|".join(form for form, digit in forms if digit))


_DIGIT_PATTERNS = (
    ("MONEY", _opening_with_digit(_MONEY_FORMS)),
    ("PERCENT", _opening_with_digit(_PERCENT_FORMS)),
    ("DATE", _opening_with_digit(_DATE_FORMS)),
)
"""`_PATTERNS` for a match tried at a digit: only the forms that can open with one, in their
order. A regex alternation returns its first form that matches, and the others cannot
match there, so the match is the whole pattern's; but most digits ("5 people") match nothing,
and this way the dozen forms that start with a word or a sign are not tried at each of them."""


# Last words of everything `_LEFT` can put before an anchor; `_LEFT` runs only after one.
_LEFT_TRIGGERS = word_set(
    """
    the of early late mid fiscal FY Rs Rs. a an half last next this past coming previous
    following day days week weeks month months year years decade decades centuries one two
    three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
    sixty seventy eighty ninety few several many hundred USD EUR GBP JPY CHF CNY RMB AUD CAD
    NZD HKD SGD INR SEK NOK DKK RUB ZAR BRL MXN
    """
) | frozenset(WEEKDAYS)


def _may_extend_left(text: str, p: int) -> bool:
    """Whether the text just before an anchor could open a longer match ("the 1990s")."""
    j = p - 1
    if j < 0:
        return False
    c = text[j]
    if c.isalpha() or c == "-":
        return True  # "US$3", "Q3", "FY2024", "mid-2023"
    if c not in " ,\u00a0":
        return False
    while j >= 0 and p - j < 4 and text[j] in " ,\u00a0":
        j -= 1
    end = j + 1
    while j >= 0 and end - j <= 12 and (text[j].isalpha() or text[j] == "."):
        j -= 1
    return text[j + 1 : end] in _LEFT_TRIGGERS


_WORD_START = re.compile(r"\b\w")


def _left_start(text: str, p: int) -> int:
    """Where `_LEFT.search(text, p - 40, p)` finds a match (p if nowhere), tried only where a
    word starts: every form `_LEFT` knows opens a word ("the", "US", "mid-")."""
    for word in _WORD_START.finditer(text, max(0, p - 40), p):
        match = _LEFT.match(text, word.start(), p)
        if match is not None:
            return match.start()
    return p


_SMALL_ANCHOR_WORDS = tuple(sorted(w for w in _WORD_ANCHOR_WORDS if w[0].islower()))
_CAPITAL_ANCHOR_WORDS = sorted({w for w in _WORD_ANCHOR_WORDS if not w[0].islower()})
_CAPITAL_ANCHOR = re.compile(
    "["
    + "".join(sorted({w[0] for w in _CAPITAL_ANCHOR_WORDS}))
    + r"](?<!\w.)"
    + after_first_letter(_CAPITAL_ANCHOR_WORDS)
    + r"(?!\w)"
)
"""The anchor words that start with a capital, as whole words: a pattern that starts with a
class of capitals, which the regex engine looks for in its own quick loop (capitals are rare).
The words in small letters ("last", "per", "million") start with common letters, at which a
regex would stop all the time: `_anchors` finds those with `str.find`."""


def _anchors(text: str) -> list[tuple[int, int]]:
    """(start, end) of every digit run and anchor word, in order of position: what
    `_DIGIT_ANCHOR` and `_WORD_ANCHOR` find."""
    spans = [m.span() for m in _DIGIT_ANCHOR.finditer(text)]
    spans.extend(m.span() for m in _CAPITAL_ANCHOR.finditer(text))
    size = len(text)
    for word in _SMALL_ANCHOR_WORDS:
        i = text.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not _word_char(text[i - 1])) and (j == size or not _word_char(text[j])):
                spans.append((i, j))
            i = text.find(word, i + 1)
    spans.sort()
    return spans


def _word_char(ch: str) -> bool:
    """Whether a regex `\\w` matches the character."""
    return ch.isalnum() or ch == "_"


_CURRENCY_SIGNS = frozenset("$£€¥₹₩₽")
_ALL_PATTERNS = (0, 1, 2)
_DATE_ONLY = (2,)
_MONEY_OR_DATE = (0, 2)


def _candidates(text: str, start: int, end: int) -> tuple[int, ...]:
    """Which of `_PATTERNS` (by index) can match at an anchor text[start:end], read from the
    characters after it; the others would fail, so they are not tried.

    After an anchor word only a date can start there ("March 4", "last week"), unless a
    currency sign follows within three characters ("FY$3"). After a digit run, a percentage
    needs "%" or "p..." ("5 per cent") next, maybe past one space; money that opens with a
    number needs a letter there ("5bn", "5 dollars", "50p"). `_NUM` can stop only where the
    run ends: anywhere before, a digit, "," or "." follows, which every continuation refuses.
    """
    first = text[start]
    if first in _CURRENCY_SIGNS:
        return _ALL_PATTERNS
    if not first.isdigit():
        for ch in text[start + 1 : start + 4]:
            if ch in _CURRENCY_SIGNS:
                return _ALL_PATTERNS
        return _DATE_ONLY
    after = text[end : end + 2]
    if after[:1].isspace():
        after = after[1:]
    after = after[:1]
    if after == "%" or after == "p":
        return _ALL_PATTERNS  # "5%", "5 per cent", and money: "50p"
    if after.isalpha():
        return _MONEY_OR_DATE  # "5bn", "5 dollars"
    return _DATE_ONLY


def find_patterns(text: str) -> list[Found]:
    """Money, percentages and dates in `text`, sorted and without overlaps.

    Money wins over a percentage or date at the same place ("$2,000" is not the year 2000), and
    a longer match wins over a shorter one that starts inside it.
    """
    found: list[tuple[int, int, int, str]] = []
    covered = -1
    for p, anchor_end in _anchors(text):
        if p < covered:
            continue
        starts = [(p, _candidates(text, p, anchor_end))]
        if _may_extend_left(text, p):
            left = _left_start(text, p)
            if left < p:
                starts.insert(0, (left, _ALL_PATTERNS))
        best: tuple[int, int, int, str] | None = None
        for start, ranks in starts:
            if start < covered:
                continue
            patterns = _DIGIT_PATTERNS if text[start].isdecimal() else _PATTERNS
            for rank in ranks:
                label, pattern = patterns[rank]
                m = pattern.match(text, start)
                if m is None:
                    continue
                end = m.end()
                while end > start and text[end - 1] in " ,":
                    end -= 1
                if end > start and (best is None or (start, -end, rank) < best[:3]):
                    best = (start, -end, rank, label)
            if best is not None:
                break
        if best is not None:
            found.append(best)
            covered = -best[1]
    found.sort()
    out: list[Found] = []
    last_end = -1
    for start, neg_end, _rank, label in found:
        end = -neg_end
        if start < last_end:
            continue
        out.append(Found(start, end, label))
        last_end = end
    return _join_dates(text, out)


_WEEKDAY_ONLY = re.compile(rf"(?:(?:{_REL}|early|late)\s)?{_WEEKDAY}")
_DATE_JOIN = re.compile(r",?\s")
_DAY_OR_MONTH = re.compile(rf"{_MONTH}\s|{_DAY}\s")


def _join_dates(text: str, found: list[Found]) -> list[Found]:
    """Glue a weekday to the date after it ("Tuesday" + "4 March" -> "Tuesday, 4 March")."""
    out: list[Found] = []
    for item in found:
        if out and item.label == "DATE" and out[-1].label == "DATE":
            prev = out[-1]
            gap = text[prev.end : item.start]
            if (
                len(gap) <= 2
                and _DATE_JOIN.fullmatch(gap)
                and _WEEKDAY_ONLY.fullmatch(text, prev.start, prev.end)
                and _DAY_OR_MONTH.match(text, item.start, item.end)
            ):
                out[-1] = Found(prev.start, item.end, "DATE")
                continue
        out.append(item)
    return out
