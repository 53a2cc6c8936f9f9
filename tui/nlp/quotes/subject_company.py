"""The company an article is about, for "the company said" after another company was named in
passing ("Oil giant Shell last year dismantled ..." in a story about Unilever).

Why the lead: a business story names its company in the headline or its first sentence and
keeps coming back to it; a rival or a subsidiary brought in for comparison is named once. So
"the company" stands for the last company named unless that one is named only once and the
lead's company is named again.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.model import Entity
from tui.nlp.gazetteer import BIG_CITY, fold, gazetteer
from tui.nlp.quotes.article import ArticleText
from tui.nlp.speaker_words import wordset

HEADLINE_MAX = 150
"""A first paragraph this short with no full stop at its end is a headline."""


def lead_end(art: ArticleText) -> int:
    """Where the article's lead ends: the headline, if any, and the first sentence after it."""
    if not art.paras:
        return 0
    first = 0
    s, e = art.paras[0]
    head = art.text[s:e].strip()
    if len(art.paras) > 1 and len(head) <= HEADLINE_MAX and not head.endswith((".", '"', "”")):
        first = 1
    s, e = art.paras[first]
    stop = art.text.find(". ", s, e)
    return e if stop < 0 else stop


def subject_company(art: ArticleText, last: Entity, usable: Callable[[Entity], bool]) -> str | None:
    """The company of the lead, when the article names it more than once and `last` (the
    company named last before "the company") only once and is another; else None (keep
    `last`). Named is counted in the text: a headline's mention is often no entity."""
    if _times_named(art.text, last.canonical) > 1:
        return None
    end = lead_end(art)
    lead = next(
        (e for e in art.reg.entities if e.label == "ORG" and e.start < end and usable(e)), None
    )
    if lead is None or lead.canonical == last.canonical or _place(lead.canonical):
        return None
    if _times_named(art.text, lead.canonical) > 1 or _opens_lead(art.text, lead, end):
        return lead.canonical
    return None


_NOT_A_VERB = wordset("of in on at for by from with to and or but 's ’s")
"""Words after a name that show it is not the subject of a verb that follows."""


def _opens_lead(text: str, lead: Entity, end: int) -> bool:
    """Whether the company is the subject of the lead sentence ("German telecoms firm Deutsche
    Telekom saw ..."): no preposition before it, a lowercase word (its verb) straight after."""
    before = text[text.rfind("\n", 0, lead.start) + 1 : lead.start].lower().split()
    if any(w in _NOT_A_VERB for w in before):
        return False
    after = text[lead.end : min(end, lead.end + 30)]
    words = after.split()
    return bool(words) and after[:1] == " " and words[0].islower() and words[0] not in _NOT_A_VERB


def _times_named(text: str, name: str) -> int:
    r"""How often the name stands whole in the text (no word character or hyphen either side),
    as `re.findall(r"(?<![\w-])NAME(?![\w-])")` counts it: looked for with `str.find`, as a
    pattern made for each name would be compiled anew for each article."""
    count = 0
    i = text.find(name) if name else -1
    while i >= 0:
        j = i + len(name)
        if (i == 0 or not _joins(text[i - 1])) and (j == len(text) or not _joins(text[j])):
            count += 1
            i = text.find(name, j)
        else:
            i = text.find(name, i + 1)
    return count


def _joins(ch: str) -> bool:
    r"""Whether a character next to a name makes it part of a longer word: `\w` or a hyphen."""
    return ch.isalnum() or ch in "_-"


def _place(name: str) -> bool:
    """A country or a large place tagged as an organisation ("Turkey-Iran deal"): a story's
    place, never its company."""
    gaz = gazetteer()
    key = fold(name)
    return key in gaz.countries or gaz.places.get(key, 0.0) >= BIG_CITY
