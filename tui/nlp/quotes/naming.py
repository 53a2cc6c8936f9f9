"""Naming a speaker: turn the words of a subject phrase into the fullest name the article gives.

A name goes through the article's `Registry` ("Chung" → "Jacky Chung"), an organisation
keeps its name, "a spokesman for the ministry" becomes the ministry, "the company" the last
company named, and a pronoun is handed to `pronouns.resolve_pronoun`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from tui.model import Entity
from tui.nlp.capital_runs import name_runs
from tui.nlp.cues import DEMONYMS
from tui.nlp.names import at_workplace
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.offices import in_other_offices, office_holder, office_tail
from tui.nlp.quotes.pronouns import resolve_description, resolve_pronoun
from tui.nlp.quotes.subject_company import subject_company
from tui.nlp.quotes.team_roles import as_description, is_the_team, role_holder, team_role
from tui.nlp.quotes.tokens import Named
from tui.nlp.quotes.words import (
    _PREPS,
    COMPANY_HEADS,
    COMPANY_REACH,
    CUES,
    DESCRIPTIONS,
    ORG_HEADS,
    PRONOUNS,
    REPORTING,
    THAT_VERBS,
    VOICES,
    _companyish,
)
from tui.nlp.speaker_words import ORG_WORDS, PERSON_TITLES, wordset
from tui.nlp.speakers import (
    is_orgish,
    split_run,
)


def name_phrase(
    art: ArticleText,
    start: int,
    end: int,
    pos: int,
    quote_start: int | None = None,
    skip: Iterable[str] = (),
) -> Named:
    """Interpret a subject phrase as a `Named` speaker (see `_read_phrase`); "The England coach"
    is the person the article names so, or the description: never England (`team_roles`).
    A pronoun never stands for anyone in `skip`."""
    role = team_role(art.text, start, end)
    if role is None:
        return _read_phrase(art, start, end, pos, quote_start, skip)
    held = role_holder(art, role, start, pos)
    if held is not None:
        return held
    named = _read_phrase(art, start, end, pos, quote_start)
    return as_description(art, role) if is_the_team(role, named) else named


def _read_phrase(
    art: ArticleText,
    start: int,
    end: int,
    pos: int,
    quote_start: int | None = None,
    skip: Iterable[str] = (),
) -> Named:
    """Interpret a subject phrase as a `Named` speaker: a name, an organisation,
    a role ("a spokesman", no name), or a pronoun resolved in context - never to the
    person named straight before the quotation opening at `quote_start`, if given
    ('Mr Sullivan "made accounting decisions," he told the court': he is not Sullivan)."""
    text = art.text
    while start < end and text[start] in ' ,;:—–-\u00a0"“”(':
        start += 1
    while end > start and text[end - 1] in " ,;:—–-\u00a0":
        end -= 1
    phrase = text[start:end]
    if not phrase:
        return Named(None, None)
    office_at = office_tail(phrase)
    if office_at is not None:  # "Later the prime minister": the office speaks
        start += office_at
        phrase = text[start:end]
    low = phrase.lower()
    if low[-2:] in ("’s", "'s") and low[:-2] in PRONOUNS:
        low = low[:-2]  # "He’s claiming that ...": "he is"
    if low in PRONOUNS:
        into = named_into(art, quote_start) if quote_start is not None else None
        told = addressee(art, pos)
        return resolve_pronoun(art, low, pos, [n for n in (into, told) if n] + list(skip))
    said_as = _indefinite_description(art, start, end, low)
    if said_as is not None:
        return said_as
    ent = art.reg.entity_at(start, end)
    if ent is not None and ent.label == "ORG":
        person = person_before(art, ent, start)
        if person is None:
            owned = text[ent.end + 3 : end].split()
            if (
                text.startswith(("’s ", "'s "), ent.end)
                and owned
                and all(w[:1].isupper() for w in owned)
            ):
                # "Amnesty International's Jan Shaw said": she speaks, for it.
                return name_phrase(art, ent.end + 3, end, pos, quote_start, skip)
            return Named(ent.canonical, None)
        ent = person  # "Olivia Brandt of Ashgrove Capital": she speaks, not the firm
    if ent is not None and ent.label == "PERSON" and text.startswith(("’s ", "'s "), ent.end):
        relative = kin_of(art, ent, text[ent.end + 3 : end], pos)
        if relative is not None:
            return relative
        rest = text[ent.end + 3 : end].split()
        if rest and rest[-1].islower() and rest[-1].isalpha():
            # "Pagliano's lawyer said": the lawyer speaks, described as the article does.
            phrase = " ".join(text[start:end].split())
            art.described.add(phrase)
            return Named(phrase, None)
    if ent is not None:
        # Entity canonicals may keep a title ("Councillor Marcus Oyelaran") or be shorter
        # than a form the article gives elsewhere: normalise through the registry.
        toks, gender, _ = split_run(ent.canonical)
        if toks:
            name = art.reg.lookup(toks, gender, pos)
            if len(name) < len(" ".join(toks)):
                name = " ".join(toks)
            written = text[max(start, ent.start) : min(end, ent.end)].split()
            sure = not (art.reg.shared(toks) or art.reg.shared(written))
            return Named(name, gender or art.reg.sure_gender(name), sure)
    runs = [r for r in name_runs(text, start, end) if split_run(r[2])[0]]
    words = low.split()
    head = words[-1] if words else ""
    if not runs and words and words[0] == "the" and len(words) <= 4 and head in PERSON_TITLES:
        # "the mayor", "the foreign secretary": the person named in that office, or someone
        # not named in another office.
        office = " ".join(words[1:])
        held = office_holder(art, office, pos)
        if held is not None:
            return held
        others = in_other_offices(art, office)
        if others:
            return resolve_description(art, pos, skip=others)
    if len(words) == 2 and words[0] == "the" and head in PEOPLE_WORDS:
        # "the Scot admitted", "the Republican said": someone named before.
        return resolve_description(art, pos)
    if _description(text, words, head, runs, end):
        # "the Republican nominee", "the New York businessman": someone named before.
        return resolve_description(art, pos)
    if runs:
        k = len(runs) - 1
        while k > 0 and text[runs[k - 1][1] : runs[k][0]].strip().lower() in _PREPS:
            # "Mayor Colin Arbuthnot of Marrowby": the name comes before the place.
            k -= 1
        rs, re_, run = runs[k]
        if k > 0 and text[runs[k - 1][1] : rs] in ("’s ", "'s ") and run.lower() in ORG_WORDS:
            # "the Calder County Sheriff’s Office": one organisation, not "Office".
            return Named(_org_name(text[runs[k - 1][0] : re_]), None)
        toks, gender, _ = split_run(run)
        if _outlet_like(art, run, toks):
            return Named(_org_name(run, keep_the=True), None)
        before = text[start:rs].lower().split()
        after = text[re_:end]
        if after.startswith(("’s", "'s")):
            owner = art.reg.lookup(toks, gender, pos)
            return Named(owner + after, None)
        if k == len(runs) - 1 and after.strip() and after.strip()[0].islower():
            # The name only modifies the head: "the IMF report", "Marine heritage experts".
            org = (" ".join(toks) + after).strip()
            if head in VOICES:
                # "an Intel spokeswoman", "the IMF report": the organisation speaks.
                org = org[: len(org) - len(head)].strip()
                return Named((expand_org(art, org, pos) if org else None), None)
            if head in ORG_HEADS:
                return Named(org, None)  # "the Clinton campaign"
            return Named(None, None)  # "a senior Cruz adviser": someone unnamed
        if len(before) >= 2 and before[-1] in ("for", "of", "at", "from", "with", "the"):
            # "a spokesman for the Ministry of Health": the organisation speaks.
            return Named(_org_name(run), None)
        if is_orgish(toks) and not art.reg.knows(toks):
            return Named(_org_name(run), None)
        name = art.reg.lookup(toks, gender, pos)
        return Named(name, gender or art.reg.sure_gender(name), not art.reg.shared(toks))
    if head in ORG_HEADS:
        return Named(org_for(art, head, pos, phrase, start), None)
    return Named(None, None)


KIN = wordset(
    """father mother son daughter wife husband brother sister uncle aunt nephew niece cousin
    grandfather grandmother grandson granddaughter father-in-law mother-in-law widow widower
    parents"""
)
"""Relatives: "Okonjo's father" is someone else than Okonjo, often a namesake."""


def kin_of(art: ArticleText, ent: Entity, rest: str, pos: int) -> Named | None:
    """The speaker a phrase "Okonjo's father" names: the one other person of the article with
    that surname if there is exactly one (unsure), else no one; None when the words after the
    possessive name no relative ("Okonjo's lawyer" is read as before)."""
    words = rest.lower().split()
    if not words or words[0] not in KIN:
        return None
    toks = split_run(ent.canonical)[0]
    if not toks:
        return Named(None, None)
    own = art.reg.lookup(toks, None, pos)
    others = art.reg.namesakes(toks) - {own}
    if len(others) == 1:
        return Named(others.pop(), None, False)
    return Named(None, None)


def _description(
    text: str, words: list[str], head: str, runs: list[tuple[int, int, str]], end: int
) -> bool:
    """Whether a subject phrase is a definite description of a person ("the Republican
    nominee", "the New York businessman", "the president"): "the", a few words, a role at the
    end, and no name of its own (capitalised words only modify the role)."""
    if len(words) < 2 or len(words) > 5 or words[0] != "the" or head not in ROLE_HEADS:
        return False
    return not runs or text[runs[-1][1] : end].strip()[:1].islower()


ROLE_HEADS = (
    DESCRIPTIONS
    | PERSON_TITLES
    | wordset(
        """nominee businessman congressman congresswoman comedian actor actress singer star
        player coach striker veteran politician mogul tycoon magnate lawmaker entrepreneur
        billionaire frontrunner front-runner incumbent challenger"""
    )
)
"""The last words of a description that stands for a person named before."""


def person_before(art: ArticleText, org: Entity, start: int) -> Entity | None:
    """The PERSON entity that an organisation qualifies in a phrase starting at `start`
    ("Olivia Brandt of Ashgrove Capital", "Anika Rasmussen at PEPA"), if there is one."""
    reg = art.reg
    i = bisect.bisect_left(reg._ent_starts, org.start) - 1
    if i < 0:
        return None
    e = reg.entities[i]
    if e.label != "PERSON" or e.start < start:
        return None
    between = art.text[e.end : org.start].strip().lower()
    return e if between in _PREPS or between in ("of the", "at the", "from the") else None


def expand_org(art: ArticleText, name: str, pos: int) -> str:
    """'Infrastructure' → 'Ministry of Infrastructure' when the article named it so."""
    low = name.lower()
    for e in reversed(art.reg.entities):
        if e.label == "ORG" and e.start < pos and low in e.canonical.lower():
            return e.canonical
    for _s, _e, run in reversed(name_runs(art.text, max(0, pos - 5000), pos)):
        toks = run.split()
        if len(toks) > len(name.split()) and low in run.lower() and is_orgish(toks):
            return run
    return name


def org_for(art: ArticleText, head: str, pos: int, phrase: str, start: int) -> str:
    """'the ministry' → the organisation named earlier whose name holds that word; 'the
    company', 'the firm' → the last company named before the phrase (at `start`)."""
    for e in reversed(art.reg.entities):
        if e.label == "ORG" and e.start < pos and head in e.canonical.lower().split():
            return e.canonical
    lo = max(0, pos - 5000)
    best = None
    for _s, _e, run in name_runs(art.text, lo, pos):
        toks = run.split()
        if head in (t.lower() for t in toks) and len(toks) > 1:
            best = run
    if best:
        name = split_run(best)[0]
        return " ".join(name) if name else best
    if head in PRESS_HEADS and phrase.lower().startswith(("the ", "this ")):
        outlet = last_outlet(art, start)
        if outlet is not None:
            return outlet
    if head in COMPANY_HEADS and phrase.lower().startswith(("the ", "this ")):
        company = last_company(art, start)
        if company is not None:
            return company
    return phrase


PRESS_HEADS = wordset("paper newspaper")
PRESS_WORDS = wordset(
    """times post journal news tribune herald gazette chronicle observer guardian telegraph
    mail express daily magazine press review examiner inquirer independent standard star"""
)
"""Words that make an organisation's name a newspaper's, for "the paper said"."""


def last_outlet(art: ArticleText, pos: int) -> str | None:
    """The newspaper named last before `pos` (within `COMPANY_REACH`), for "the paper"."""
    floor = max(0, pos - COMPANY_REACH)
    for e in reversed(art.reg.entities):
        if e.end > pos or e.start < floor:
            continue
        if e.label == "ORG" and any(w.lower() in PRESS_WORDS for w in e.canonical.split()):
            return e.canonical
    return None


def last_company(art: ArticleText, pos: int) -> str | None:
    """The company named last before `pos` (within `COMPANY_REACH`), for "the company":
    an organisation whose name says it is no public body and no news outlet."""
    floor = max(0, pos - COMPANY_REACH)
    orgs = [e for e in art.reg.entities if e.label == "ORG"]

    def usable(e: Entity) -> bool:
        return (
            art.text[e.start - 1 : e.start] != "@"  # a social media handle
            and not at_workplace(art.text, e.start)  # "an analyst at Petercam"
            and _companyish(e.canonical.split())
        )

    if orgs:
        for e in reversed(orgs):
            if e.end <= pos and e.start >= floor and usable(e):
                # A company named once in passing is not what the story is about.
                return subject_company(art, e, usable) or e.canonical
        return None
    # No organisations found by an entity engine: the article's own capitalised runs with
    # a word that names a company ("Labs", "Holdings"), not only a place ("Port Ellis").
    for _s, _e, run in reversed(name_runs(art.text, floor, pos)):
        toks = split_run(run)[0]
        if any(t.lower() in ORG_WORDS for t in toks) and _companyish(toks):
            return " ".join(toks)
    return None


def named_into(art: ArticleText, start: int) -> str | None:
    """The person named straight before the opening mark at `start` (only spaces between,
    same paragraph): 'Mr Sullivan "made accounting decisions," ...'."""
    floor = art.paras[art.para_of(start)][0]
    i = start
    while i > floor and art.text[i - 1] in " \t":
        i -= 1
    if i == start or i <= floor or not art.text[i - 1].isalpha():
        return None
    runs = name_runs(art.text, max(floor, i - 80), i)
    if not runs or runs[-1][1] != i:
        return None
    name = name_phrase(art, runs[-1][0], runs[-1][1], runs[-1][0]).name
    return name if name in art.reg.people else None


TOLD = re.compile(r"(?:told|tells|tell|asked|asks|assured|reminded|informed|warned)[ \u00a0]+")
"""Cues whose object is the one spoken to ("he told Hannity")."""


def addressee(art: ArticleText, pos: int) -> str | None:
    """The person a cue at `pos` is addressed to ("he told Hannity", "she asked Lemon"):
    never the one who speaks, though often the one named last."""
    m = TOLD.match(art.text, pos)
    if m is None:
        return None
    runs = name_runs(art.text, m.end(), min(len(art.text), m.end() + 60))
    if not runs or runs[0][0] != m.end():
        return None
    toks, gender, _ = split_run(runs[0][2])
    return art.reg.lookup(toks, gender, pos) if toks else None


def _org_name(run: str, keep_the: bool = False) -> str:
    """An organisation's name as written, without a leading article or sentence word (with
    `keep_the`, "The" stays: it belongs to "The Ledger")."""
    toks = run.replace("\u00a0", " ").split(" ")
    drop = (
        ("a", "an", "but", "and", "in", "at")
        if keep_the
        else ("the", "a", "an", "but", "and", "in", "at")
    )
    while len(toks) > 1 and toks[0].lower() in drop:
        toks = toks[1:]
    return " ".join(toks)


def _outlet_like(art: ArticleText, run: str, toks: tuple[str, ...]) -> bool:
    """Whether a run is "The" and one capitalised word that is no one's name in the article
    nor a role: "The Ledger reported", "The Hill said" name a paper, not a Mr Hill. Only
    "The" written in the run: "the Scot" and "the Republican" are descriptions of people."""
    words = run.split()
    if len(words) != 2 or words[0] != "The" or len(toks) != 1:
        return False
    low = toks[0].lower()
    return not (
        is_orgish(toks)
        or art.reg.knows(toks)
        or art.reg.namesakes(toks)
        or low in art.reg.by_first
        or low in ROLE_HEADS
        or low in PEOPLE_WORDS
    )


PEOPLE_WORDS = wordset(
    """scot scots briton britons dutchman frenchman englishman irishman welshman american
    republican democrat conservative liberal tory socialist spaniard italian german russian
    chinese japanese indian australian canadian mexican argentine brazilian frenchwoman"""
)
"""Capitalised words after "The" that describe a person rather than name a paper."""


def named_before_pronoun(art: ArticleText, start: int, span: tuple[int, int]) -> set[str]:
    """People named in a sentence (from `start`) before a subject pronoun at `span` that comes
    after what was said ("Mr Blair has failed to tackle these problems, he claimed"): "he" is
    someone else - a writer meaning Blair would have written "Mr Blair claimed"."""
    if span[0] <= start or art.text[span[0] : span[1]].lower() not in ("he", "she"):
        return set()
    if art.may_report(start, span[0]):
        return set()  # "Mr Telford agreed, but added ..., he said": a cue of its own before
    return people_in(art, start, span[0])


def people_in(art: ArticleText, start: int, end: int) -> set[str]:
    """The people of the article's registry, and the organisations, named in text[start:end]
    ("this new headline from the Washington Post, which hits ...:")."""
    out = set()
    for rs, re_, run in name_runs(art.text, start, end):
        ent = art.reg.entity_at(rs, re_)
        if ent is not None and ent.label == "ORG":
            if not art.text[max(0, rs - 4) : rs].endswith((" on ", " to ")):
                out.add(ent.canonical)  # not "The defender added on BBC Radio Five Live:"
            continue
        toks = split_run(run)[0]
        if toks:
            name = art.reg.lookup(toks, None, rs)
            if name in art.reg.people:
                out.add(name)
    return out


def _indefinite_description(art: ArticleText, start: int, end: int, low: str) -> Named | None:
    """'"...," said a New Hampshire Republican', 'An Iowa Democrat said': someone the article
    leaves unnamed, described as written, not a person called "Iowa Democrat"."""
    words = low.split()
    if not words or words[-1].title() not in DEMONYMS:
        return None
    text = art.text
    after = _NEXT_WORD.match(text, end)
    nxt = after.group(1) if after is not None else ""
    if nxt.islower() and nxt not in CUES and nxt not in REPORTING and nxt not in THAT_VERBS:
        return None  # "A British Muslim group ...": the description goes on past the word
    if words[0] in ("a", "an", "another", "one"):
        phrase = text[start:end]
    elif text[max(0, start - 4) : start].lower().endswith((" a ", "an ")) and start > 2:
        phrase = text[text.rindex(" ", 0, start - 1) + 1 : end].lstrip("\n")
    else:
        return None
    if len(words) < 2 and words[0] in ("a", "an", "another", "one"):
        return None
    described = " ".join(phrase.split())
    art.described.add(described)
    return Named(described, None)


_NEXT_WORD = re.compile(r"\s*(\w+)")
