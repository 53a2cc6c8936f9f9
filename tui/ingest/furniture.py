"""Page furniture inside the article: lines a site puts between and after the paragraphs.

`chrome` finds the frame around an article (legal notices, cookie banners, contact details);
this module finds what sites interleave with the story itself: teasers for other stories
("Related: ...", "READ MORE: ...", a "DON'T MISS" list), calls to sign up, share, print or
follow, comment prompts and tag lists. None of it is something the article says, and left in
it would be searched, annotated and quoted as if it were.

Rules are judged on one line at a time, and only on short lines: a real paragraph that happens
to start with "Related" is a sentence, and is long.
"""

from __future__ import annotations

import re

_MAX_WORDS = 40

# A label that introduces a teaser for another story, with the teaser on the same line.
_TEASER_LABEL = re.compile(
    r"^(?:related(?:\s+(?:post|posts|articles?|stories|story|content|coverage|reading|links?))?"
    r"|read\s+(?:more|also|next)|also\s+read|see\s+(?:also|more)|more\s+on\s+this(?:\s+story)?"
    r"|don[’']?t\s+miss|recommended(?:\s+for\s+you)?|you\s+(?:may|might)\s+also\s+like"
    r"|more\s+(?:from|stories|news)\b[^:]{0,40}|most\s+(?:read|popular)|top\s+stories|trending"
    r"|watch|listen|also\s+on\s+\w+|editor[’']?s\s+picks?)"
    r"\s*(?:[:|»›>–—-]|$)",
    re.IGNORECASE,
)
# A teaser headline tagged with its kind, as tabloids list them: "... jibe [INSIGHT]".
_TAGGED_TEASER = re.compile(r".*\w.{10,}\[(?:[A-Z]{3,12}(?: [A-Z]{2,12})?)\]\s*\|?\s*$")
_CALL_TO_ACTION = re.compile(
    r"^(?:click\s+here|tap\s+here|sign\s+up|subscribe|get\s+(?:the\s+latest|our|access)"
    r"|download\s+(?:the|our)|join\s+(?:our|the)\s+\w+|start\s+your\s+day\s+with"
    r"|have\s+a\s+(?:news\s+)?tip)\b",
    re.IGNORECASE,
)
_NEWSLETTER = re.compile(r"\b(?:newsletters?|inbox|subscri(?:be|ptions?)|reached\s+at)\b", re.I)
_SOCIAL = re.compile(
    r"^(?:follow|like|find)\s+(?:us|him|her|them|me|\S+)\s+(?:on|at)\s+"
    r"(?:twitter|facebook|instagram|linkedin|x|youtube|tiktok|threads)\b"
    r"|^(?:follow|reach|email|contact)\b.{0,120}\b(?:on\s+twitter|twitter\.com|@\w+)"
    r"|^follow\b.{0,80}\bcoverage\b.{0,80}\bat\s+(?:https?://|www\.)"
    r"|^(?:share|print|email|tweet|pin|save|share\s+this(?:\s+(?:article|story|post|page))?"
    r"|share\s+on\s+\w+|print\s+this(?:\s+(?:article|page|story))?|copy\s+link)\s*[:!.]?$",
    re.IGNORECASE,
)
_COMMENTS = re.compile(
    r"^(?:tell\s+us\s+what\s+you\s+think|leave\s+a\s+(?:comment|reply)|comments?|\d+\s+comments?"
    r"|join\s+the\s+(?:conversation|discussion)|post\s+a\s+comment|view\s+comments?"
    r"|show\s+comments?|note:\s+we\s+are\s+temporarily\s+moderating\b.*)\b.{0,60}$",
    re.IGNORECASE,
)
_TAGS = re.compile(r"^(?:tags?|tagged(?:\s+with)?|topics?|keywords?)\s*(?::|$)", re.IGNORECASE)
# A label standing alone over a list of teasers ("DON'T MISS", "Related", "You may also like").
_LIST_LABEL = re.compile(
    r"^(?:related(?:\s+\w+)?|read\s+more|don[’']?t\s+miss|see\s+also|more\s+stories"
    r"|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|most\s+(?:read|popular)"
    r"|top\s+stories|trending(?:\s+now)?|more\s+from\s+.{1,40}|editor[’']?s\s+picks?)"
    r"\s*(?::|\.\.\.|…)?$",
    re.IGNORECASE,
)
# "Published: Monday, November 18th, 2023 at 11:08 a.m.", "Updated 2 July 2024": metadata.
_DATE_LABEL = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified))(?:\s+(?:on|at))?"
    r"\s*[:\-–]?\s+\S",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?…\"”’)]$")
_LIST_MAX = 10
_LEAD = 3  # paragraphs at the top whose copies further down are dropped
_REPEAT_WORDS = 6
_LEAD_WORDS = 12
_LONG_WORDS = 25  # teasers a list label may carry after it


def is_furniture(line: str) -> bool:
    """Whether a line of the body is page furniture (teaser, call to action, share or follow
    prompt, comment prompt, tag list) rather than article text."""
    if len(line) > 400 or line.count(" ") + 1 > _MAX_WORDS:
        return False
    if _TEASER_LABEL.match(line) or _TAGS.match(line):
        return True
    if line.rstrip(" |").endswith("]") and _TAGGED_TEASER.match(line):
        return True
    if _SOCIAL.match(line) or _COMMENTS.match(line):
        return True
    if _DATE_LABEL.match(line) and any(c.isdigit() for c in line) and line.count(" ") < 15:
        return True
    if _CALL_TO_ACTION.match(line):
        return not _SENTENCE_END.search(line) or bool(_NEWSLETTER.search(line))
    return _shouting_teaser(line)


def _shouting_teaser(line: str) -> bool:
    """A long headline in capitals standing in the body: a link to another story, as sites
    put between paragraphs ("STAR OPENS UP ABOUT SERIOUS HEALTH CONDITION")."""
    words = line.split()
    if len(words) < 7 or _SENTENCE_END.search(line.rstrip("'’\"")):
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 20 and all(c.isupper() for c in letters)


def drop_furniture(paragraphs: list[str], keep: set[int] | None = None) -> list[int]:
    """Indexes of the paragraphs to keep: furniture lines go, and so do the short teaser
    lines listed under a label standing alone. Paragraphs in `keep` (captions) always stay."""
    keep = keep or set()
    kept: list[int] = []
    listing = 0
    for i, para in enumerate(paragraphs):
        if i in keep:
            kept.append(i)
            listing = 0
            continue
        if _LIST_LABEL.match(para):
            listing = _LIST_MAX
            continue
        if listing and _is_teaser(para):
            listing -= 1
            continue
        listing = 0
        if not is_furniture(para):
            kept.append(i)
    return kept


def _is_teaser(line: str) -> bool:
    return len(line) <= 160 and not _SENTENCE_END.search(line.rstrip("|").rstrip())


def drop_repeats(paragraphs: list[str]) -> list[int]:
    """Indexes of the paragraphs to keep, repeats left out: pages repeat their lead (a summary
    box, a sticky header) and a scrape keeps every copy. Only copies of the first paragraphs
    and of long statements go: an interview repeats its questions, a table its header row."""
    lead = {p for p in paragraphs[:_LEAD] if p.count(" ") + 1 >= _LEAD_WORDS}
    seen: set[str] = set()
    kept: list[int] = []
    for i, para in enumerate(paragraphs):
        words = para.count(" ") + 1
        if words >= _REPEAT_WORDS:
            key = para  # copies are verbatim: the same markup scraped twice
            long_statement = words >= _LONG_WORDS and not para.rstrip().endswith("?")
            if key in seen and (key in lead or long_statement):
                continue
            seen.add(key)
        kept.append(i)
    return kept
