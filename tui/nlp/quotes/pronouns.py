"""Who "he", "she", "they" and "it" stand for when they are the subject of a speech verb.

Not the nearest name: the nearest name is often the interviewer, a relative, a place or the
person being talked about. "He" or "she" goes to the subject of the nearest sentence that names
someone who fits (or to whoever spoke last), the way a reader follows a story; a person whose
given name suggests the other gender is only a fallback; and the answer says whether it is sure
(no rival as near, not named paragraphs back) so the interface can show a guess as a guess.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import NamedTuple

from tui.nlp.capital_runs import name_run_at
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.tokens import Named
from tui.nlp.quotes.words import (
    CLAUSE_OPENERS,
    CUES,
    DESCRIPTIONS,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_ADJECTIVES,
    ROLE_BETWEEN,
)
from tui.nlp.speaker_words import PERSON_TITLES, wordset
from tui.nlp.speakers import split_run


def subject_org(art: ArticleText, pos: int, para: int) -> str | None:
    """The organisation that "it" before `pos` stands for: the last one that opens a
    sentence ("Quillon Labs said ... It said") in this paragraph or the one before."""
    floor = art.paras[max(0, para - 1)][0]
    reg = art.reg
    i = bisect.bisect_left(reg._ent_starts, pos) - 1
    while i >= 0 and reg.entities[i].start >= floor:
        e = reg.entities[i]
        i -= 1
        if e.label != "ORG" or e.end > pos or art.text.startswith(("’s", "'s"), e.end):
            continue  # "The EU's own institutions": the subject is not the EU
        s = e.start
        if art.text[max(0, s - 4) : s] in ("The ", "the "):
            s -= 4
        before = art.text[max(0, s - 3) : s]
        if s == 0 or before[-1:] == "\n" or before[-2:] in (". ", "! ", "? ", "- ", "— "):
            return e.canonical  # opens a sentence, a paragraph or follows a dateline
    return None


class Candidate(NamedTuple):
    """A person "he" or "she" may stand for: where they were named (or spoke), the start of
    that sentence, and whether they were its subject."""

    name: str
    pos: int
    sentence: int
    subject: bool
    gender: str | None
    newcomer: bool = False
    """First named in this sentence, with a role in apposition ("Henry Crespo, president of
    the caucus"): the way a story brings in its next speaker."""


REACH = 2500
"""How far back a pronoun looks for its person; past that the article has moved on."""

SUBJECT_WORDS = (
    PERSON_TITLES
    | DESCRIPTIONS
    | PERSON_NOUNS
    | ROLE_BETWEEN
    | ROLE_ADJECTIVES
    | wordset("peer backbencher solicitor barrister campaigner")
    # the portfolio in a lower-case office ("Shadow home secretary David Davis")
    | wordset(
        """home shadow deputy junior interior justice health education defence defense trade
        transport culture environment work pensions affairs constitutional development energy
        housing"""
    )
)
"""Lower-case words that may stand before a name at the head of a sentence while the name stays
its subject ("Conservative economist Aparna Mathur", "the former governor Ed Rendell")."""

OPENERS = CLAUSE_OPENERS | wordset(
    """later earlier meanwhile however still yet also instead then now afterwards separately
    asked pressed speaking writing earlier"""
)
"""First words of an opening phrase that ends at a comma ("On Tuesday, Clinton said")."""


TITLE_BEFORE = re.compile(r"\b(Mrs|Ms|Miss|Mr)\.?[ \u00a0]\Z")
"""A title straight before a name, which tells its gender ("Mrs. Clinton")."""
MODIFIER = re.compile(r"[ \u00a0]+((?:[a-z]+[ \u00a0]+){1,3})[A-Z]")
"""A name used as a modifier before a role and another name ("Clinton communication director
Jennifer Palmieri"): the name is not the sentence's subject."""
APPOSITION = re.compile(r",[ \u00a0]+(?:(?:a|an|the)[ \u00a0]+)?[a-z]")
"""A name's apposition: a comma and a role in small letters ("Henry Crespo, president of")."""


def resolve_pronoun(
    art: ArticleText, pron: str, pos: int, skip: str | Iterable[str] | None = None
) -> Named:
    """he/she → the person the sentences before `pos` are about: the subject of the nearest
    sentence that names someone who fits, or the speaker of the last quotation; they/it → the
    last organisation speaker. Never anyone in `skip` (the person a quotation is about, named
    straight before it; the one it is told to), nor the one who asked the question a quotation
    answers, nor a place. Not sure when another person who fits is as near."""
    g = PRONOUNS[pron]
    if g == "1":
        return Named(None, None)
    skips = {skip} if isinstance(skip, str) else set(skip or ())
    asker = art.asker_before(pos)
    if asker is not None:
        skips.add(asker)  # '"You mean on air?" Lemon asked. "Yes sir," he said.'
    skips |= art.place_names
    if g in ("m", "f"):
        for _ in range(3):
            chained = _same_pronoun_before(art, pos, pron)
            if chained is None:
                break
            pos = chained  # "She appeared to imply that ... Clinton, ... "...," she said."
    para = art.para_of(pos)
    # Speakers of quotations before this point, the most recent first: a pronoun never
    # refers to someone the article names only later.
    earlier = sorted((entry for entry in art.last_speaker if entry[3] < pos), key=lambda e: e[3])[
        -6:
    ]
    if g in ("p", "o"):
        group = next((e for e in reversed(art.groups_spoke) if e[2] < pos), None)
        for p, org, sg, qs in reversed(earlier):
            if group is not None and g == "p" and group[2] > qs and group[0] >= para - 3:
                break  # "Critics argue ... , they say": the people who spoke since
            if p < para - 3 or (g == "p" and org in skips):
                # Far back; or a place ("Italy plans to ..."), never "they" ("It said" after
                # "Downing Street said" is the office the place stands for).
                continue
            if sg is None and org not in art.reg.people:
                # "They" is sure only in the paragraph where the organisation spoke: a paragraph
                # later it may be the people the article turned to ("The ONS said ... Many had
                # expected ... , they say"); "it" has no such rival.
                return Named(org, None, g == "o" or p == para)
        if g == "o":
            return Named(subject_org(art, pos, para), None)
        if group is not None and group[0] >= para - 3:
            return Named(group[1], None, False)  # a guess: no name says so
        return Named(None, None)
    reg = art.reg
    fit: dict[str, int] = {}
    cands = []
    for c in _candidates(art, pos, earlier):
        if c.name not in skips:
            fit[c.name] = f = min(fit.get(c.name, 2), _fits(art, c, g))
            if f:
                cands.append(c)
    cands = [c for c in cands if fit[c.name]]
    fitting = [c for c in cands if fit[c.name] == 2]
    if fitting and cands[0].subject and fit[cands[0].name] == 1:
        # The nearest is someone whose given name says otherwise: theirs only if they spoke
        # last ('"...," said Terry Strada. She continued'), and not for sure.
        last = next((e[1] for e in reversed(earlier)), None)
        if cands[0].name == last:
            reg.learn_gender(last, g)
            return Named(last, g, False)
    cands = fitting or cands
    described = described_subject(art, pos, g)
    if described is not None:
        # The speaker already given to the words of that sentence ('A spokesman for the Film
        # Council said: "..."' is the Council's), so one person is not shown under two names.
        spoke = [
            e[1]
            for e in earlier
            if described[1] <= e[3] < described[2] and len(e[1]) > 2 and e[1] in described[0]
        ]
        described = (spoke[-1] if spoke else described[0], *described[1:])
    if not cands and described is not None:
        return Named(described[0], g, False)  # see below
    if not cands:
        # Nobody near: the last person who fits, anywhere before; a guess.
        name = reg.recent_person(pos, g, skip=skips) or reg.recent_person(
            pos, g, unlikely=True, skip=skips
        )
        if name is not None:
            reg.learn_gender(name, g)
        return Named(name, g, False)
    chosen, sure = _choose(art, cands, earlier, pos, fit)
    if described is not None and described[3] >= max(c.pos for c in cands if c.name == chosen):
        # "Tony Blair faces a test. A government spokesman declined to comment. He said: ...":
        # the spokesman, whom the sentence before was about, not the man named before him.
        return Named(described[0], g, False)
    reg.learn_gender(chosen, g)
    return Named(chosen, g, sure)


def plural_group(description: str) -> bool:
    """Whether people described as written ("Analysts", "Many economists") are several, so
    "they" may stand for them; "A spokesman" and "Mr Hale's lawyer" are one."""
    last = description.split()[-1].lower()
    return last.endswith("s") and not last.endswith(("'s", "’s", "ss", "us"))


def _same_pronoun_before(art: ArticleText, pos: int, pron: str) -> int | None:
    """Where the sentence before the one at `pos` starts, when it opens with the same pronoun
    as the subject of a verb and holds no quotation: '"...," she said' after "She appeared to
    imply that Trump ... than Clinton, the former secretary of state." is whoever that "She"
    was, not the woman named inside it. None otherwise."""
    floor = art.paras[max(0, art.para_of(pos) - 1)][0]
    here = art.sentence_start(pos, floor)
    if here <= floor:
        return None
    reg = art.reg
    i = bisect.bisect_left(reg._mention_pos, here)
    if i < len(reg._mention_pos) and reg._mention_pos[i] < pos:
        return None  # "Earlier, Mr Sharon said ..., though he acknowledged": its own subject
    k = here - 1
    while k > floor and art.text[k].isspace():
        k -= 1  # onto the full stop that ends the sentence before
    before = art.sentence_start(k, floor)
    if before >= here or not _OPENS_WITH.match(art.text, before):
        return None
    if art.text[before : before + len(pron)].lower() != pron:
        return None
    i = bisect.bisect_left(art.frag_starts, before)
    if i < len(art.frags) and art.frags[i].start < here:
        return None  # a quotation in between has a speaker of its own
    return before


_OPENS_WITH = re.compile(r"(?:He|She) (?:[a-z]+ly )?[a-z]+(?:ed|s)\b")
"""A sentence opening with "He" or "She" and a verb ("She appeared", "He also insists")."""


def described_subject(art: ArticleText, pos: int, g: str) -> tuple[str, int, int, int] | None:
    """The one unnamed person the sentence before `pos`'s opens with ("A government spokesman
    declined ...", "On Monday, Tony Blair's official spokesman said ..."), with where that
    sentence starts and ends, and the point after which a person named is nearer than it, when
    "he" or "she" (`g`) may stand for them: someone named in that sentence or before ("Tony
    Blair's") is not whom the pronoun means. Or `pos`'s own sentence, when a
    quotation stands between ('A US Embassy spokesman said: "..." "...," he added.')."""
    para_start = art.paras[art.para_of(pos)][0]
    here = art.sentence_start(pos, para_start)
    text = art.text
    own = _opening_description(text, max(here, para_start), pos, g)
    if own is not None and any(mark in text[own[2] : pos] for mark in '"“”'):
        return own[0], own[1], pos, own[1]  # anyone named after its start is nearer
    if here <= 0:
        return None
    end = here
    while end > 0 and (text[end - 1].isspace() or text[end - 1] in ".!?"):
        end -= 1
    start = art.sentence_start(end, art.paras[art.para_of(end)][0])
    before = _opening_description(text, start, end, g)
    return (before[0], start, end, end) if before is not None else None


def _opening_description(text: str, start: int, end: int, g: str) -> tuple[str, int, int] | None:
    """The description of one unnamed person text[start:end] opens with, where it starts and
    where its verb ends (see `described_subject`)."""
    head = SINGLE_HEAD.search(text, start, end)
    if head is None or head.start() - start > 90:
        return None
    word = head.group(1).lower()
    if GENDERED.get(word, g) != g:
        return None
    opener = OPENER.match(text[start : head.end(1)])
    at = start + (opener.end() if opener else 0)
    verb = VERB_AFTER.match(text, head.end(1))
    if verb is None:
        return None
    words = text[at : verb.end(1) if verb.group(1) else head.end(1)].split()
    first = words[0].lower()
    owned = any(w.endswith(("'s", "’s")) for w in words[:-1])
    before_head = text[at : head.start()].split()
    if any(w.lower() in NOT_IN_DESCRIPTION for w in before_head):
        return None  # "A minister said an aide had resigned": a clause, not one description
    if len(words) > 9 or (first not in INDEFINITE and not owned):
        # "The spokesman", "The lawyer added": maybe someone the article has named in that
        # role; left to the registry. "A spokesman", "His lawyer", "the band's spokesman":
        # someone it has not.
        return None
    return " ".join(words), at, verb.end()


SINGLE_HEAD = re.compile(
    r"\b(spokesman|spokeswoman|spokesperson|lawyer|official|aide|representative)\b"
    r"(?!\s+(?:spokes|representative))"
)
"""The head of a description of one person who speaks for someone (singular only: "officials"
cannot be "he"; in "official spokesman" the head is the second word)."""

GENDERED = {"spokesman": "m", "spokeswoman": "f"}

INDEFINITE = wordset("a an his her their its")

NOT_IN_DESCRIPTION = CUES | wordset("that who which whose but was were is are has had")
"""Words that show the words before the head are a clause of their own, not its description."""

OPENER = re.compile(
    r"(?:(?:But|And|Yet|However,|Meanwhile,)\s+)?(?:(?:On|In|Later|Earlier|Last|This)\b[^,.;]{0,30},\s*)?"
)
"""A conjunction, a time or a place before the subject ("However, ", "On Monday, ")."""

_NAMED = r"(?:\s+[A-Z][\w'’.&-]*)"
VERB_AFTER = re.compile(
    rf"(\s+(?:for|of|to|at)(?:\s+the)?{_NAMED}{{1,4}}(?:\s+(?:and|&){_NAMED}{{1,3}})?)?"
    r"\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:[a-z]+ed|said|told)\b"
)
"""The description is the subject: a verb follows it ("declined", "has said", "told"), maybe
after whom it speaks for ("A spokeswoman for Human Rights Watch said"), kept with it."""


def resolve_description(art: ArticleText, pos: int, skip: Iterable[str] = ()) -> Named:
    """'the Republican nominee', 'the New York businessman' as a subject: the person the
    sentences before `pos` are about, as for a pronoun of either gender; never sure. People in
    `skip` are not candidates (named in another office than the one the description gives)."""
    earlier = sorted((e for e in art.last_speaker if e[3] < pos), key=lambda e: e[3])[-6:]
    people, skipped = art.reg.people, set(skip)
    cands = [
        c for c in _candidates(art, pos, earlier) if c.name in people and c.name not in skipped
    ]
    here = art.sentence_start(pos, art.paras[art.para_of(pos)][0])
    elsewhere = [c for c in cands if c.sentence < here]
    if elsewhere and len(elsewhere) < len(cands):
        # "Van Nistelrooy is fit again, but the Scot admitted ...": a writer who meant the
        # person named earlier in the same sentence would have written "he".
        cands = elsewhere
    if not cands:
        return Named(None, None)
    chosen, _sure = _choose(art, cands, earlier, pos, dict.fromkeys((c.name for c in cands), 2))
    return Named(chosen, art.reg.sure_gender(chosen), False)


def _candidates(
    art: ArticleText, pos: int, earlier: list[tuple[int, str, str | None, int]]
) -> list[Candidate]:
    """People named, and speakers of quotations, within `REACH` before `pos` (never before the
    paragraph two back), the most recent first."""
    floor = max(0, pos - REACH, art.paras[max(0, art.para_of(pos) - 2)][0])
    reg = art.reg
    out: list[Candidate] = []
    i = bisect.bisect_left(reg._mention_pos, pos) - 1
    memo = art.candidate_memo
    while i >= 0 and reg.mentions[i][0] >= floor and len(out) < 24:
        m, name = reg.mentions[i]
        i -= 1
        key = (m, art.reach)
        known = memo.get(key)
        if known is None:
            known = memo[key] = _mention_facts(art, m, name)
        ss, subject, titled_gender, newcomer = known
        gender = titled_gender or reg.sure_gender(name)
        out.append(Candidate(name, m, ss, subject, gender, newcomer))
    for _p, name, sg, qs in earlier:
        if qs >= floor and (sg is not None or name in reg.people):
            ss = art.sentence_start(qs, art.paras[art.para_of(qs)][0]) if qs > 0 else 0
            out.append(Candidate(name, qs, ss, True, sg or reg.sure_gender(name)))
    out.sort(key=lambda c: c.pos, reverse=True)
    return out


def _mention_facts(art: ArticleText, m: int, name: str) -> tuple[int, bool, str | None, bool]:
    """What `_candidates` reads of the mention of `name` at `m`: its sentence's start, whether
    it is that sentence's subject, the gender a title gives it, and whether it is a newcomer.

    None of it changes while the article is read (genders learnt from usage are asked of the
    registry apart), except through `art.reach`, which bounds the sentence's start: kept in
    `art.candidate_memo` by (m, reach), as every pronoun of a passage of quotations looks back
    over the same names."""
    reg = art.reg
    ss = art.sentence_start(m, art.paras[art.para_of(m)][0])
    end, titled_gender = m, None
    run = name_run_at(art.text, m, min(len(art.text), m + 80))
    if run is not None:
        end, titled_gender = run[1], split_run(run[2])[1]
    subject = _is_subject(art, ss, m) and not art.text.startswith(("’s", "'s"), end)
    modifier = MODIFIER.match(art.text, end)
    if modifier and all(w in SUBJECT_WORDS for w in modifier.group(1).split()):
        subject = False
    person = reg.people.get(name)
    newcomer = (
        person is not None
        and person.first_pos >= ss
        and APPOSITION.match(art.text, end) is not None
    )
    title = TITLE_BEFORE.search(art.text, max(0, m - 6), m)
    if title is not None:
        titled_gender = "m" if title.group(1) == "Mr" else "f"
    return ss, subject, titled_gender, newcomer


def _fits(art: ArticleText, c: Candidate, g: str) -> int:
    """2 when the person fits the pronoun, 1 when only their given name says otherwise (the
    article has not told), 0 when the article says they do not."""
    if c.gender is not None:
        return 2 if c.gender == g else 0
    guess = art.reg.gender_of(c.name) or art.reg.likely_gender(c.name)
    return 2 if guess in (None, g) else 1


def _choose(
    art: ArticleText,
    cands: list[Candidate],
    earlier: list[tuple[int, str, str | None, int]],
    pos: int,
    fit: dict[str, int],
) -> tuple[str, bool]:
    """The subject of the nearest sentence naming someone who fits (else of the sentence
    before that, else the nearest person named), and whether no rival is as near."""
    sentences: list[list[Candidate]] = []
    for c in cands:
        if not sentences or sentences[-1][0].sentence != c.sentence:
            sentences.append([c])
        else:
            sentences[-1].append(c)
    last_speaker = next((e[1] for e in reversed(earlier)), None)
    near = sentences[0]
    newcomers = [c for c in near if c.newcomer and not c.subject and c.pos > pos - 600]
    if newcomers and art.para_of(newcomers[0].pos) < art.para_of(pos):
        # '... concerns Henry Crespo, president of the caucus.' then a paragraph of
        # '"...," he said': the story has just brought in its next speaker.
        return newcomers[0].name, False
    subjects = [c for c in near if c.subject]
    if subjects:
        # The first subject (the sentence's own), one whose given name fits before another.
        chosen = min(subjects, key=lambda c: (-fit[c.name], c.pos)).name
        rivals = {c.name for c in near} - {chosen}
        sure = not rivals and fit[chosen] == 2
    else:
        before = sentences[1] if len(sentences) > 1 else []
        older = [c for c in before if c.subject]
        names = {c.name for c in near}
        if last_speaker in names:
            chosen = last_speaker
        elif older and len(names) == 1 and older[0].name in names:
            chosen = older[0].name
        elif older and not _other_subject(art, near[0]):
            chosen = min(older, key=lambda c: c.pos).name
        else:
            # "Mrs. Clinton will face the fire Mr. Obama has. He noted": the subject cannot
            # be "he", so the one beside her.
            chosen = near[0].name
        # Nobody in the nearest sentence is its subject: a reader would look again.
        sure = False
    nearest = next(c.pos for c in cands if c.name == chosen)
    if art.para_of(pos) - art.para_of(nearest) > 1:
        sure = False  # named two paragraphs back or more: a reader would check too
    if nearest in art.guessed:
        sure = False  # the speaker of a quotation whose own speaker was a guess
    return chosen, sure


def _other_subject(art: ArticleText, c: Candidate) -> bool:
    """Whether the sentence of `c` opens with someone else the pronoun cannot stand for."""
    reg = art.reg
    i = bisect.bisect_left(reg._mention_pos, c.sentence)
    while i < len(reg.mentions) and reg.mentions[i][0] < c.pos:
        m, name = reg.mentions[i]
        if name != c.name and _is_subject(art, c.sentence, m):
            return True
        i += 1
    return False


def _is_subject(art: ArticleText, ss: int, m: int) -> bool:
    """Whether the name at `m` is the subject of the sentence starting at `ss`: nothing but a
    role stands before it ("Conservative economist Aparna Mathur said"), after an opening
    phrase ("On Tuesday, Clinton said") or a quotation ('"...," Lynch said'), and it is no
    possessive ("Clinton's aides")."""
    text = art.text
    k = bisect.bisect_left(art.frag_starts, m) - 1
    if k >= 0 and art.frags[k].end <= m and art.frags[k].start >= ss:
        ss = art.frags[k].end  # the words after the quotation before the name
    if text[ss:m].rstrip().endswith(","):
        return True  # "Looking ahead to the election, Ham said"
    stripped = text[ss:m].strip(" \t\n\u00a0\"“”‘’'").lstrip(",;:—–-").strip()
    if not stripped:
        return True
    words = stripped.split()
    if words[-2:] == ["According", "to"] or words[-2:] == ["according", "to"]:
        return True  # "According to Ham, ...": the one who speaks
    inverted = stripped.rsplit(",", 1)[-1].split()
    if inverted and inverted[0].lower() in CUES:
        # '"...," said Lynch', '"...," said 9/11 widow Terry Strada', '..., noted NBC's Chinni'
        rest = inverted[1:]
        return len(rest) <= 5 and all(
            w[:1].isupper() or w[:1].isdigit() or w.lower() in SUBJECT_WORDS for w in rest
        )
    if "," in stripped:
        if words[0].lower().strip(",") not in OPENERS:
            return False
        stripped = stripped.split(",", 1)[1].strip()
        words = stripped.split()
    return len(words) <= 6 and all(
        w[:1].isupper() or w.lower().strip(",.") in SUBJECT_WORDS for w in words
    )
