"""Recognising what a scraped page wraps around an article: site chrome and photo captions.

A scraper saves the whole page as text, so after the last paragraph come the site's slogan,
its registration and copyright notices, a cookie banner, addresses and "About Us" links. None
of that is the article, and indexed it would make every article of a site match "privacy".

Lines are judged one at a time, on their first few hundred characters only: chrome lines are
short, and bounding the work keeps a 1 MB single-line file as cheap as a short one.

* strong chrome: a line only a site's frame would hold (legal notice, cookie consent, contact
  details, a row of navigation links). One of these is the evidence that a page tail is chrome.
* weak chrome: a short line that is not a sentence (slogan, site name, link text). Removed only
  when it sits in a tail that holds strong chrome, so a short real last paragraph survives.
"""

from __future__ import annotations

import re

_LOOK = 300  # characters of a line that the patterns examine
_MAX_WORDS_STRONG = 40
_MAX_WORDS_COOKIE = 120

# Marks that only legal boilerplate carries, whatever the line looks like.
_LEGAL_MARK = re.compile(r"©|all rights reserved|\(c\)\s*(?:19|20)\d\d", re.IGNORECASE)
# Legal words that a news sentence can also hold ("the copyright dispute"): chrome only on a
# line that is short or is not a sentence.
_LEGAL_WORDS = re.compile(
    r"copyright|registration no|reg\.\s*no|registered (?:office|number|no\b|address)"
    r"|company (?:no\b|number|registration)|licen[cs]e (?:no\b|number)|permit no\b|\bissn\b"
    r"|reproduction (?:in whole or in part )?(?:is )?(?:prohibited|without permission)",
    re.IGNORECASE,
)
_POLICY = re.compile(
    r"privacy policy|cookie policy|cookies? settings|terms of (?:use|service)"
    r"|terms (?:and|&) conditions|privacy (?:notice|statement)|disclaimer",
    re.IGNORECASE,
)
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_CONSENT_WORDS = re.compile(
    r"\b(?:we|our|you|your|agree|accept|consent|continu(?:e|ing)|browsing|experience)\b",
    re.IGNORECASE,
)
_CONSENT_BUTTON = re.compile(
    r"^(?:i agree|i accept|accept(?: all)?(?: cookies)?|agree|got it|ok|okay|allow(?: all)?"
    r"|reject(?: all)?|decline|manage (?:cookies|preferences|options)|more info(?:rmation)?)[.!]?$",
    re.IGNORECASE,
)
_NAV_WORDS = frozenset(
    {
        "about", "about us", "contact", "contact us", "advertise", "advertise with us",
        "advertising", "subscribe", "subscription", "newsletter", "newsletters", "careers",
        "jobs", "work with us", "sitemap", "site map", "faq", "faqs", "help", "feedback",
        "log in", "login", "sign in", "sign up", "register", "home", "back to top", "top",
        "share", "print", "email", "tweet", "facebook", "twitter", "x", "instagram", "linkedin",
        "youtube", "whatsapp", "tiktok", "telegram", "rss", "follow us", "our team", "masthead",
        "editorial policy", "corrections", "ethics policy", "terms", "privacy", "cookies",
        "accessibility", "archive", "archives", "e-paper", "epaper", "read more", "menu",
        "search", "skip to content", "skip to main content",
    }
)  # fmt: skip
_NAV_SPLIT = re.compile(r"\s*[|·•/]\s*|\s{2,}")
_EMAIL = re.compile(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+\b")
_PHONE = re.compile(
    r"\b(?:tel|telephone|phone|fax|hotline|call us|whatsapp|mobile)\b\.?\s*[:.]?\s*\+?[\d(]",
    re.IGNORECASE,
)
_PHONE_ONLY = re.compile(r"^\+?[\d\s().-]{7,24}$")
_ADDRESS = re.compile(
    r"^(?:address|head office|headquarters|editorial office|office)\s*:|\bp\.?\s?o\.?\s+box\b",
    re.IGNORECASE,
)
_STREET = re.compile(
    r"\b(?:street|st\.|road|rd\.|avenue|ave\.|lane|boulevard|blvd|floor|building|suite|plaza)\b",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…\"”’)]$")

# Photo credits: "... Photo: NAME/OUTLET", "(Photo/ORG)", "(Graphics/NAME)", "[Photo: X]".
_CAPTION = re.compile(
    r"\b(?:Photos?|Photograph|Picture|Image|Graphics?|Illustration|Video|Credit)"
    r"\s*(?:by\s*)?:\s*[^:]{1,80}$"
    r"|[(\[](?:Photos?|Graphics?|Image|Illustration|File(?: photo)?|Video)"
    r"(?:\s*[/:]\s*[^)\]]{1,80})?[)\]]\s*\.?$"
    r"|\b(?:Photos?|Graphics?)/[A-Z][\w .&'-]{0,60}$",
    re.IGNORECASE,
)
_CAPTION_MAX = 400
_CAPTION_WORDS = ("photo", "picture", "image", "graphic", "illustration", "video", "credit", "file")


def _words(line: str) -> int:
    return line.count(" ") + 1


def is_nav(line: str) -> bool:
    """A line made only of navigation link texts ("About Us | Contact Us | Advertise"), or a
    menu row of three or more short links."""
    if len(line) > 120:
        return False
    pieces = [p for p in _NAV_SPLIT.split(line.strip().lower().rstrip(".:")) if p]
    if not pieces:
        return False
    if all(p in _NAV_WORDS for p in pieces):
        return True
    # A menu row: three or more one- or two-word links ("Home | News | Sport").
    # ("/" is left out: "NEWS / LOCAL / CITY" is a section path, not a menu.)
    row = any(sep in line for sep in "|·•")
    return row and len(pieces) >= 3 and all(p.count(" ") <= 1 for p in pieces)


def is_strong(line: str) -> bool:
    """Whether a line is certainly site chrome (legal, cookie consent, contact, nav links)."""
    if len(line) > _LOOK * 3:
        return False
    head = line[:_LOOK]
    words = _words(line)
    if _COOKIE.search(head) and _CONSENT_WORDS.search(head) and words <= _MAX_WORDS_COOKIE:
        return True  # cookie banners run long; they are still chrome
    if words > _MAX_WORDS_STRONG:
        return False
    if _LEGAL_MARK.search(head) or _CONSENT_BUTTON.match(head) or is_nav(head):
        return True
    short = _words(line) <= 20
    if _LEGAL_WORDS.search(head) and (_words(line) <= 12 or not _SENTENCE_END.search(line)):
        return True
    if short and _POLICY.search(head):
        return True
    if short and (_EMAIL.search(head) or _PHONE.search(head) or _ADDRESS.search(head)):
        return True
    if _PHONE_ONLY.match(head) or _URL_ONLY.match(head):
        return True
    return (
        _words(line) <= 12
        and not _SENTENCE_END.search(line)
        and any(c.isdigit() for c in line)
        and bool(_STREET.search(head))
    )


def is_weak(line: str) -> bool:
    """Whether a line could be chrome: short and not a sentence (slogan, site name, link)."""
    return len(line) <= 100 and _words(line) <= 12 and not _SENTENCE_END.search(line)


def is_caption(line: str) -> bool:
    """Whether a line is a photo or graphic caption, judged by its credit at the end."""
    if len(line) > _CAPTION_MAX:
        return False
    tail = line[-160:]
    low = tail.lower()
    # A cheap word check first: nearly every paragraph has none of these words.
    return any(w in low for w in _CAPTION_WORDS) and bool(_CAPTION.search(tail))


def chrome_tail(paragraphs: list[str], allow_weak: bool) -> int:
    """Index where the trailing site chrome of `paragraphs` begins (len() if there is none).

    Scans back from the end while paragraphs look like chrome; the tail is cut only if it holds
    at least one strong chrome line. With `allow_weak` False (a plain, non-scraped file) only
    strong lines are accepted, so a short closing line of a normal article is never lost.
    At least one paragraph is always kept.
    """
    i = len(paragraphs)
    strong_seen = False
    while i > 1:
        para = paragraphs[i - 1]
        if is_strong(para):
            strong_seen = True
        elif not (allow_weak and is_weak(para) and not is_caption(para)):
            break
        i -= 1
    return i if strong_seen else len(paragraphs)


def chrome_head(lines: list[str]) -> int:
    """How many leading lines are navigation or consent chrome above the article's header."""
    i = 0
    while i < len(lines) - 1 and i < 15 and (is_nav(lines[i]) or _is_consent(lines[i])):
        i += 1
    return i


def _is_consent(line: str) -> bool:
    head = line[:_LOOK]
    return bool(_CONSENT_BUTTON.match(head)) or bool(
        _COOKIE.search(head) and _CONSENT_WORDS.search(head) and _words(line) <= _MAX_WORDS_COOKIE
    )
