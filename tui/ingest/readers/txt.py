"""Plain-text articles: the simple shape and the scraped-page shape (DESIGN.md, Corpus formats).

Simple (BBC): line 1 is the title, a blank line, then paragraphs.

Scraped page: the first lines may hold the site name, a section path ("BUSINESS / MARKETS"),
the title (perhaps with a " | Section" suffix), a "Published: <date>" line or a
"By NAME|<date>" byline. Photo captions can repeat; after the article comes site chrome.

One header parser serves both shapes, because the simple shape is the scraped one with no
cues: with none of the cues (site name, section path, date line, byline, " | Section" suffix)
the file is read as simple. The shape decides two things only: a scraped page gives one
paragraph per line (that is how scrapers write them) and may lose short non-sentence lines in
its chrome tail; a simple file keeps its blank-line paragraphs and loses only lines that are
certainly chrome (copyright, cookie consent ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.model import ReadResult

from .. import chrome
from ..article import make_article
from ..captions import find_captions, keep, lead_first, once
from ..clean import collapse_spaces, tidy
from ..completeness import cut_short, incomplete_reason, is_paywall
from ..dates import is_ambiguous, parse_date, parse_relative
from ..furniture import drop_furniture, drop_repeats
from ..names import person_name, site_name
from ..outlets import credited_outlet
from ..paragraphs import join_paragraphs, same_text, split_paragraphs, text_key
from .common import no_text, problem

_HEADER_LINES = 12  # a header is never longer than this many non-empty lines
_TITLE_MAX_CHARS = 300
_TITLE_MAX_WORDS = 40

_SECTION_SEP = re.compile(r"\s+[/›»>]\s+")
_SECTION_WORD = re.compile(r"^(?:[A-Z0-9][\w'’.-]*|&|and|of)$")
_PUBLISHED = re.compile(
    r"^(?P<label>(?:first\s+|last\s+)?(?:published|posted|updated|modified|date))"
    r"(?P<sep>\s+(?:on|at)\b|\s*[:\-–])?\s*(?P<value>.{4,80})$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^by\s*:?\s+(?P<name>[^|•·]{2,100}?)\s*(?:[|•·]\s*(?P<rest>.{0,100}))?$", re.IGNORECASE
)
_NAME_DATE = re.compile(r"^(?P<name>[^|•·]{2,60}?)\s*[|•·]\s*(?P<rest>.{4,80})$")
_SENTENCE_END = re.compile(r"[.!?]$")
_CRUMB_WORDS = frozenset({"home", "homepage", "index", "main", "start", "front page", "frontpage"})
_SECTION_LABEL = re.compile(r"^[A-Z0-9&][A-Z0-9&'’ .-]{1,30}$")
_RELATIVE = re.compile(
    r"^(?:\d{1,3}\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|yesterday)$", re.I
)
_CRAWLED = re.compile(
    r"^(?:crawled|retrieved|scraped|saved|fetched|accessed|downloaded)(?:\s+(?:at|on))?\s*"
    r"[:\-–]?\s*(?P<value>.{6,60})$",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*,?|and|&|de|van|von|der|da|di|du|la|le|bin)$")


@dataclass
class _Header:
    site: str | None = None
    section: str | None = None
    title: str | None = None
    date: str | None = None
    date_is_update: bool = False
    author: str | None = None
    pipe_section: bool = False
    undated: bool = False  # a date line that could not be read is still a header cue
    relative: str | None = None  # "3 hours ago": a date only once the crawl date is known
    crawled: str | None = None  # "Crawled: 2024-03-05 10:00", the date the page was saved
    consumed: int = 0  # non-empty lines used by the header

    @property
    def scraped(self) -> bool:
        """Whether any scraped-page cue was found."""
        cues = (self.site, self.section, self.date, self.author, self.pipe_section, self.undated)
        return any(cues) or bool(self.relative or self.crawled)


def read_txt(raw: str, rel: str) -> ReadResult:
    """Read one plain-text article (see the module docstring for the two shapes)."""
    text = tidy(raw)
    lines = text.split("\n")
    nonempty = [collapse_spaces(line) for line in lines if line.strip()]
    skip = chrome.chrome_head(nonempty)
    header = _parse_header(nonempty[skip:])

    if header.scraped:
        body = nonempty[skip + header.consumed :]
    else:
        body = _body_after(lines, skip + header.consumed)

    paragraphs, captions = _tidy_body(body, header.title)
    cut = chrome.chrome_tail(paragraphs, allow_weak=header.scraped)
    paragraphs = paragraphs[:cut]
    captions = {i for i in captions if i < cut}
    paywalled = any(is_paywall(p) for p in paragraphs)
    paragraphs, captions = keep(paragraphs, captions, drop_furniture(paragraphs, captions))
    paragraphs, captions = keep(paragraphs, captions, drop_repeats(paragraphs))
    paragraphs, captions = lead_first(paragraphs, captions)
    if not paragraphs:
        if header.title and not header.scraped:
            paragraphs = [header.title]  # a one-line file: its line is the text
        else:
            return no_text(rel)
    body_text, spans = join_paragraphs(paragraphs, captions)
    problems = []
    if paywalled or (header.scraped and cut_short(paragraphs)):
        why = "the page asks to subscribe" if paywalled else "the text ends with an ellipsis"
        problems.append(problem(rel, incomplete_reason(why)))
    return ReadResult(
        problems=problems,
        articles=[
            make_article(
                rel,
                text=body_text,
                title=header.title,
                date=header.date,
                author=header.author,
                source=site_name(header.site)
                or credited_outlet(paragraphs[i] for i in sorted(captions)),
                section=_clean_section(header.section, header.site),
                captions=spans,
            )
        ],
    )


def _clean_section(section: str | None, site: str | None) -> str | None:
    """A section path without the furniture words breadcrumbs start with ("HOME / WORLD" →
    "World", "HARBOUR DAILY / BUSINESS" → "Business"), in natural case when shouted."""
    if not section:
        return None
    parts = [p.strip() for p in section.split(" / ") if p.strip()]
    site_key = text_key(site_name(site) or "")
    while len(parts) > 1 and (
        text_key(parts[0]) in _CRUMB_WORDS or (site_key and text_key(parts[0]) == site_key)
    ):
        parts = parts[1:]
    return " / ".join(_natural_case(p) for p in parts) or None


def _natural_case(part: str) -> str:
    if any(c.islower() for c in part):
        return part
    return person_name(part) or part


def _body_after(lines: list[str], consumed: int) -> list[str]:
    """The raw lines after the first `consumed` non-empty ones, blank lines kept, laid out by
    `split_paragraphs` (simple shape: blank lines separate paragraphs)."""
    seen = 0
    for i, line in enumerate(lines):
        if seen == consumed:
            return split_paragraphs("\n".join(lines[i:]))
        if line.strip():
            seen += 1
    return []


def _tidy_body(body: list[str], title: str | None) -> tuple[list[str], set[int]]:
    """Drop a repeat of the title at the top, mark captions and keep each one once."""
    paragraphs: list[str] = []
    for para in body:
        if not (title and len(paragraphs) < 3 and same_text(para, title)):
            paragraphs.append(para)
    return once(paragraphs, find_captions(paragraphs))


def _parse_header(lines: list[str]) -> _Header:
    h = _Header()
    n = min(len(lines), _HEADER_LINES)
    i = 0
    # Before the title: site name, section path, and sometimes the date or byline.
    while i < n:
        line = lines[i]
        if h.section is None and _section_path(line):
            h.section = _section_path(line)
        elif _meta(line, h):
            pass
        elif h.site is None and h.title is None and _looks_like_site(lines, i, n):
            h.site = line
        elif h.site and h.section is None and i + 1 < n and _section_label(line):
            h.section = line
        else:
            break
        i += 1
    if i < n and _is_title(lines[i]):
        h.title, pipe_section = _split_title(lines[i], h.site)
        if pipe_section:
            h.pipe_section = True
            h.section = h.section or pipe_section
        i += 1
        # After the title: date, byline, section path, until the body starts.
        while i < n:
            line = lines[i]
            if h.section is None and _section_path(line):
                h.section = _section_path(line)
            elif not _meta(line, h):
                break
            i += 1
    elif i > 0 and h.site and not h.title:
        # No title after a "site" line: that line was the title after all.
        h.title, h.site = h.site, None
    h.consumed = i
    if h.date is None and h.relative:
        h.date = parse_relative(h.relative, h.crawled)
    return h


def _section_label(line: str) -> bool:
    """A one-word or two-word section name in capitals standing alone ("BUSINESS")."""
    return bool(_SECTION_LABEL.match(line)) and line.count(" ") <= 2 and line.upper() == line


def _section_path(line: str) -> str | None:
    """ "BUSINESS / MARKETS" or "News › Local" → the section path, normalised; else None."""
    if len(line) > 80:
        return None
    parts = _SECTION_SEP.split(line)
    if not 2 <= len(parts) <= 5:
        return None
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 4 or not all(_SECTION_WORD.match(w) for w in words):
            return None
    return " / ".join(p.strip() for p in parts)


def _meta(line: str, h: _Header) -> bool:
    """If `line` is a date line or a byline, record it in `h` and say so."""
    if len(line) > 200:
        return False
    if _RELATIVE.match(line):
        h.relative = line
        return True
    m = _CRAWLED.match(line)
    if m and parse_date(m.group("value")):
        h.crawled = parse_date(m.group("value"))
        return True
    m = _PUBLISHED.match(line)
    if m:
        when = parse_date(m.group("value"))
        # "Date set for vote" is a title; "Date: soon" and "Published 12 May 2021" are not.
        if when or m.group("sep"):
            is_update = m.group("label").lower().startswith(("updated", "last", "modified"))
            _set_date(h, when, is_update)
            return True
    m = _BYLINE.match(line)
    if m and _looks_like_name(m.group("name")):
        h.author = h.author or m.group("name")
        rest = (m.group("rest") or "").strip()
        if rest:
            _set_date(h, parse_date(rest), False)
        return True
    m = _NAME_DATE.match(line)
    if m and _looks_like_name(m.group("name")):
        when = parse_date(m.group("rest"))
        if when:
            h.author = h.author or m.group("name")
            _set_date(h, when, False)
            return True
    if len(line) <= 60 and any(c.isdigit() for c in line):
        when = parse_date(line)
        # "05/03/2024" from a site whose order is unknown: a date line all the same.
        if when or (is_ambiguous(line) and sum(c.isalpha() for c in line) <= 6):
            _set_date(h, when, False)
            return True
    return False


def _set_date(h: _Header, when: str | None, is_update: bool) -> None:
    if not when:
        h.undated = True
        return
    if h.date is None or (h.date_is_update and not is_update):
        h.date, h.date_is_update = when, is_update


def _looks_like_name(name: str) -> bool:
    words = name.strip().split()
    if not 1 <= len(words) <= 8 or _SENTENCE_END.search(name.strip()):
        return False
    return all(_NAME_WORD.match(w) for w in words[:4]) and words[0][:1].isupper()


def _looks_like_site(lines: list[str], i: int, n: int) -> bool:
    """A short first line followed by a section path, by a title with a " | " suffix, or by
    a title and then a date line or byline. Only the first line: sites put their name on top."""
    line = lines[i]
    if i != 0 or i + 1 >= n or len(line) > 40 or len(line.split()) > 5:
        return False
    if _SENTENCE_END.search(line):
        return False
    nxt = lines[i + 1]
    if _meta(nxt, _Header()):
        return False  # "Title" then "By NAME | date": the first line is the title
    if _section_path(nxt) or (" | " in nxt and _is_title(nxt)):
        return True
    if _section_label(nxt) and i + 2 < n and _is_title(lines[i + 2]):
        return True
    if i + 2 < n and _is_title(nxt):
        probe = _Header()
        return _meta(lines[i + 2], probe) or bool(_section_path(lines[i + 2]))
    return False


def _is_title(line: str) -> bool:
    return (
        len(line) <= _TITLE_MAX_CHARS
        and len(line.split()) <= _TITLE_MAX_WORDS
        and not chrome.is_caption(line)
    )


def _split_title(line: str, site: str | None) -> tuple[str, str | None]:
    """Strip " | Section" (and " | Site") suffixes from a title; return (title, section)."""
    parts = [p.strip() for p in line.split(" | ")]
    if len(parts) < 2 or not parts[0]:
        return line, None
    suffixes = parts[1:]
    if any(len(s.split()) > 5 or not s for s in suffixes):
        return line, None
    section = next((s for s in suffixes if not (site and same_text(s, site))), None)
    return parts[0], section
