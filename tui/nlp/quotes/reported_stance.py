"""Stances and stated aims: "Mayor Reed wants to close the pier", "Cole vowed to appeal the
ruling", "Patel criticized the council for its handling of the floods". No clause of speech
follows the verb, yet the sentence reports what its subject said they want, will do or think
of someone: the aim (from "to") or the object and its reason is what was said.

Why a reader of its own, tried after every other one: these verbs also narrate ("the council
wants a new roof" may be the writer's account), so only a named or pronoun subject right
before the verb, a clause of several words after it, and a sentence no other reader took will
do; the subject is read as the other readers read it (`reported_subject`), so the speaker
is as reliable as theirs. Its verbs are looked for by a scan of their own (`STANCE_WORD`),
only in sentences the paragraph's scan found one in.
"""

from __future__ import annotations

import re

from tui.model import Quote
from tui.nlp.cues import word_pattern
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.attribution import participle_subject
from tui.nlp.quotes.clauses import QUOTE_MARKS
from tui.nlp.quotes.naming import ROLE_HEADS, name_phrase
from tui.nlp.quotes.reported_claim import _make, _trim
from tui.nlp.quotes.reported_subject import TENSE_AUX, _subject
from tui.nlp.quotes.tokens import Tok
from tui.nlp.quotes.words import BOUNDARY, DETERMINERS, PERSON_NOUNS
from tui.nlp.speaker_words import wordset

AIMS = wordset(
    """wants vowed vows vowing pledged pledges pledging promised promises promising plans
    intends threatened threatens threatening proposed proposes proposing refuses""",
)
"""Verbs whose "to ..." is an aim the subject stated ("vowed to appeal", "plans to run").
Not "wanted", "hoped", "declined", "refused", "intended", "planned", "sought": those narrate
what someone did, tried or felt as often ("declined to comment", "refused to answer
questions", "intended to meet his son", "sought to calm his supporters") as they report
words; "refuses", "plans", "intends", in the present, state a standing aim."""

JUDGES = wordset(
    """criticized criticised criticizes criticizing blasted blasts blasting condemned
    condemns condemning praised praises praising slammed slams slamming denounced denounces
    denouncing attacked attacks attacking accused accuses accusing blamed blames blaming
    rebuked chided mocked lambasted""",
)
"""Verbs of a judgement of someone, with its reason after "for" or "of" ("criticized the
council for ..."): the judgement is the claim, the object and its reason the words."""

STANDS = wordset(
    """defended defends defending dismissed dismisses dismissing rejected rejects rejecting
    disputed disputes disputing cited cites""",
)
"""Verbs of a stance taken on what someone else said or did, whose object is the stance's
matter ("dismissed the charges as ...", "defended her decision to ..."): no reason needed.
Not "questioned": it is as often an interrogation ("questioned the chief executive")."""

DOUBTS = wordset("questioned questions questioning")
"""Verbs of doubt, read only with a quality of something for object ("questioned the health of
the candidate"): "questioned the chief executive" is an interrogation."""

NAMES = wordset("called calls dubbed labeled labelled branded")
"""Verbs that give their object a verdict: "called the plan a disgrace"."""

ASKING = wordset("asked asks")
"""Verbs of a question, whose words follow a question word ("asked him whether ...")."""

FINDS = wordset("found finds showed shows")
"""Verbs of a finding whose maker is named ("The Gazette found that ..."): with "that" only,
as "found" alone narrates ("police found the car")."""

QUESTION_WORDS = wordset("whether if why how what when where who")
"""Words that open the question asked ("asked whether the pier would reopen")."""

VERDICT_OPENERS = wordset("a an")
"""Words that open the verdict after a named object ("called his vote an error")."""

VERBAL = wordset(
    """criticized criticised criticizes criticizing condemned condemns condemning praised
    praises praising denounced denounces denouncing slammed slams blasted blasts rebuked""",
)
"""Judgements made in words, whose object alone is the claim ("praised the plan's aims")."""

REASONS = wordset("for of over as")
"""Words that open the reason of a judgement ("blamed the board for", "accused him of",
"blasted the plan as")."""

STANCE_VERBS = AIMS | JUDGES | STANDS | DOUBTS | NAMES | ASKING | FINDS
"""Every verb this module reads by."""

STANCE_WORD = re.compile(r"(?<!\w)" + word_pattern(STANCE_VERBS) + r"(?![\w’'\-])")
"""Finds, in lower-cased text, a verb this module reads by, at a word's start."""


def may_stand(low: str, start: int, end: int, w: str) -> bool:
    """Whether the stance verb `w` at low[start:end] (the lower-cased text) may be read: a
    cheap look at the words around it, before a sentence is cut into tokens. Never after "was"
    or "been" (a passive: "was dismissed", "has been called"); an aim needs "to" ("plans to
    run", not "the plans"), a finding "that" ("found that", not "found guilty"), a doubt a
    determiner, a verdict "a" or a quotation mark ("called the plan a disgrace"), a question
    its question word, a judgement its reason or a verbal one ("criticised the plan")."""
    if not w.endswith("ing") and low.endswith(PASSIVE_BEFORE, max(0, start - 7), start):
        return False
    if low.endswith(NOUN_BEFORE, max(0, start - 7), start):
        return False  # "the plans to", "its calls for": a noun, which no reader takes
    nxt = low[end : end + 8]
    if w in AIMS and not w.startswith("want"):
        return nxt.startswith((" to ", " not to "))
    if w in FINDS:
        return nxt.startswith(" that ")
    if w in DOUBTS:
        return nxt.startswith((" the ", " his ", " her ", " its ", " their "))
    ahead = low[end : end + LOOK_AHEAD]
    if w in NAMES:
        return any(x in ahead for x in (" a ", " an ", '"', "“", "'", "‘"))
    if w in ASKING:
        return any(f" {x} " in ahead for x in QUESTION_WORDS)
    if w in JUDGES and w not in VERBAL:
        return any(f" {x} " in ahead for x in REASONS)
    return True


PASSIVE_BEFORE = (" was ", " were ", " been ", " be ", " is ", " are ", " being ")
"""What stands before a passive participle ("was dismissed"): no one's stance."""

NOUN_BEFORE = (
    " the ",
    " a ",
    " an ",
    " his ",
    " her ",
    " its ",
    " their ",
    " our ",
    " of ",
    " to ",
)
"""What stands before a stance word that is a noun or an infinitive ("the plans", "to praise")."""

LOOK_AHEAD = 80
"""How many characters after a stance verb its verdict, question or reason is looked for."""


NOT_AIMED = wordset("be the a an his her their its this that these those")
"""Words after "to" that make it a preposition or a passive, not an aim ("proposed to the
board", "refused to be drawn")."""

REASON_WITHIN = 8
"""The reason of a judgement starts within this many words of its verb."""


def stance_claim(art: ArticleText, text: str, toks: list[Tok], se: int) -> Quote | None:
    """'SUBJECT vowed to appeal the ruling.', 'SUBJECT criticized X for Y.': the aim or the
    judgement and its reason, the subject right before the verb (past "has", "also",
    "sharply"), or the sentence's own before a participle (", accusing him of ...")."""
    n = len(toks)
    for k in range(1, n - 3):
        tok = toks[k]
        w = tok.low
        if w in AIMS:
            start = _aim(toks, k)
        elif w in JUDGES:
            start = _judged(toks, k)
            if (
                start < 0
                and w in VERBAL
                and _object_opens(toks[k + 1])
                and toks[k + 1].low not in ("a", "an")
            ):
                # "condemned North Korea's latest missile launch"; not "blasted Sanders, who
                # had given ...": the object alone must be a few words.
                head = toks[k + 1 : k + 1 + OBJECT_WORDS]
                start = (
                    k + 1
                    if all(t.text[:1].isalnum() or t.text in ("’s", "'s") for t in head)
                    else -1
                )
        elif w in STANDS:
            start = k + 1 if _object_opens(toks[k + 1]) else -1
        elif w in DOUBTS:
            start = _doubted(toks, k)
        elif w in NAMES:
            start = _named(toks, k)
        elif w in ASKING:
            start = _asked(toks, k)
        elif w in FINDS:
            start = k + 2 if toks[k + 1].low == "that" else -1
        else:
            continue
        if start < 0 or not tok.text.islower() or toks[k - 1].low.endswith(("’s", "'s")):
            continue  # "Hannity's plans to attend": a noun, not a verb
        if w.endswith("ing") and toks[k - 1].text == ",":
            if toks[0].low.endswith(("ed", "ing")):
                continue  # "Chastened by the analyses, Trump revised ..., promising"
            span = participle_subject(art, toks, k)
            if span is None:
                continue
            subject, named = span, name_phrase(art, span[0], span[1], toks[0].start)
        else:
            a = k
            while a > 1 and (toks[a - 1].low.endswith("ly") or toks[a - 1].low in ADVERBS):
                a -= 1  # "has sharply criticized", "is once again questioning"
            if w.endswith("ing") and toks[a - 1].low not in PROGRESSIVE:
                continue  # "a plan promising ...": no one's stance
            if not w.endswith("ing") and toks[a - 1].low in PASSIVE:
                continue  # "Duterte has been called the Trump of the East": others called him
            if toks[a - 1].text in ";:" or toks[0].low in CONDITIONS:
                continue  # "If he wants to play": a condition, not a stance
            found = _subject(art, toks, a)
            if found is None:
                continue
            subject, named = found
            if toks[a - 1].text == "," and (subject[0] != toks[0].start or toks[0].low in OPENERS):
                # "Moore, a senior adviser, called ...": the apposed name opens the sentence;
                # not "Under Mr Tellier's tenure, ..., plans to cut jobs were announced".
                continue
            if not _heads_clause(toks, subject[0]) or _verb_inside(toks, subject):
                continue  # "He underlined Lib Dem plans to scrap fees": no subject, a noun
            if _inside_phrase(toks, subject):
                return None  # "A spokesman for Mayor Brandt defended": not Brandt's stance
        if not named.name:
            return None  # unnamed people who want something: too often the writer's account
        verdict = w in JUDGES or w in STANDS or w in NAMES
        cs, ce = _trim(text, toks[start].start, _clause_end(toks, start, se, verdict))
        return _make(art, cs, ce, named.name, w, named.sure, subject)
    return None


def _verb_inside(toks: list[Tok], subject: tuple[int, int]) -> bool:
    """Whether a verb stands inside the subject span ("The Lord Chancellor has defended
    government" before "plans"): the span runs over a clause, and the verb is a noun."""
    return any(
        t.low in TENSE_AUX or (t.text.islower() and t.low.endswith("ed"))
        for t in toks
        if subject[0] <= t.start and t.end <= subject[1]
    )


def _heads_clause(toks: list[Tok], start: int) -> bool:
    """Whether the subject starting at offset `start` opens its clause: the sentence's first
    word, or one after a comma, a joining word or a relative ("..., and Cole vowed")."""
    i = next((x for x, t in enumerate(toks) if t.start >= start), 0)
    if i == 0:
        return True
    before = toks[i - 1]
    return not before.text[:1].isalnum() or before.low in BOUNDARY or before.low in LEADS


LEADS = wordset("that who also now") | DETERMINERS
"""Words that may stand right before the subject of a stance ("said that Cole plans")."""

OPENERS = wordset(
    """under in at on after before during with for from by as while when if although though
    since because despite""",
)
"""Words that open an adverbial, not a subject, at a sentence's start ("Under his tenure, ...")."""

CONDITIONS = wordset("if unless whether")
"""Openers of a sentence whose stance is a condition, not something said ("If he wants ...")."""


def _inside_phrase(toks: list[Tok], subject: tuple[int, int]) -> bool:
    """Whether the subject is a description holding a name after a link ("A spokesman for
    Mayor Brandt", "a report by the Harbour Trust"): its head, someone speaking for the name
    or a record made by it, took the stance, not the name ("Secretary of State Kerry", a
    title, is the name itself)."""
    inside = [t for t in toks if subject[0] <= t.start and t.end <= subject[1]]
    if len(inside) < 3 or inside[0].low not in DETERMINERS:
        return False
    return any(t.low in PHRASE_LINKS for t in inside[1:-1])


PHRASE_LINKS = wordset("for by of from at with to")
"""Words that join a name to the head of a longer subject phrase."""


PROGRESSIVE = wordset("is are was were been")
"""Auxiliaries before a participle that make it the verb of its clause ("is defending")."""

PASSIVE = wordset("been be being is are was were get gets got")
"""Auxiliaries before a past participle that make it passive: the subject did not speak."""

OBJECT_WORDS = 4
"""At least this many words of a judgement's object, when no reason follows it."""

ADVERBS = wordset("once again also still even further")
"""Words between a subject and its verb besides those in -ly ("once again questioning")."""


def _aim(toks: list[Tok], k: int) -> int:
    """Where the aim after an aim verb at k starts ("to" and a verb), or -1; after "wants",
    what is wanted of someone too ("wants the party to take ...")."""
    if toks[k + 1].low == "not" and k + 3 < len(toks) and toks[k + 2].low == "to":
        return k + 1 if _aim(toks, k + 1) > 0 else -1  # "vows not to take his calls"
    if toks[k + 1].low != "to":
        if toks[k].low.startswith("want") and _object_opens(toks[k + 1]):
            x = next((x for x in range(k + 2, min(len(toks) - 1, k + 6)) if toks[x].low == "to"), 0)
            if x and all(t.text[:1].isalnum() or t.text in ("’s", "'s") for t in toks[k + 1 : x]):
                return k + 1 if _aim(toks, x - 1) > 0 else -1
        return -1
    verb = toks[k + 2]
    if not (verb.text.isalpha() and verb.text.islower()) or verb.low in NOT_AIMED:
        return -1
    return k + 1


def _object_opens(first: Tok) -> bool:
    """Whether an object may start at this token: a name, a determiner or a pronoun."""
    if not first.text[:1].isalpha() or first.low in BOUNDARY or first.low == "to":
        return False
    return first.text[:1].isupper() or first.low in DETERMINERS or first.low in OBJECTS


def _named(toks: list[Tok], k: int) -> int:
    """Where "OBJECT a VERDICT" after a naming verb at k starts ("called his vote in favour of
    the war a mistake", 'called the plan "reckless"'), or -1 ("called the police", "called
    him on Monday", "called the council in a bid to ...")."""
    first = toks[k + 1]
    if not first.text[:1].isalpha() or first.low in BOUNDARY or first.low in NOT_IN_OBJECT:
        return -1
    for x in range(k + 2, min(len(toks) - 1, k + NAMED_WITHIN)):
        t = toks[x]
        if t.low in VERDICT_OPENERS or t.text in QUOTE_MARKS:
            return k + 1 if toks[x - 1].low not in NOT_IN_OBJECT else -1
        if not t.text[:1].isalnum() and t.text not in ("’s", "'s"):
            return -1
        if t.low in BOUNDARY or (x == k + 2 and t.low in NOT_IN_OBJECT):
            return -1
    return -1


NAMED_WITHIN = 10
"""The verdict after a naming verb starts within this many words of it."""


NOT_IN_OBJECT = wordset("on in at to for from by with after before during back off up out")
"""Words that end an object with a time, a place or a particle ("called him on Monday")."""


def _doubted(toks: list[Tok], k: int) -> int:
    """Where "the QUALITY of SOMETHING" after a verb of doubt at k starts, or -1."""
    if toks[k + 1].low not in DETERMINERS:
        return -1
    for x in range(k + 2, min(len(toks) - 2, k + 6)):
        t = toks[x]
        if t.low in ("of", "for"):
            head = toks[x - 1].low
            return (
                k + 1 if x > k + 2 and head not in PERSON_NOUNS and head not in ROLE_HEADS else -1
            )
        if not (t.text.isalpha() and t.text.islower()):
            return -1
    return -1


def _asked(toks: list[Tok], k: int) -> int:
    """Where the question after "asked [someone]" starts, at its question word, or -1."""
    for x in range(k + 1, min(len(toks) - 3, k + 6)):
        if toks[x].low in QUESTION_WORDS:
            return x
        if not toks[x].text[:1].isalnum() or toks[x].low in NOT_IN_OBJECT:
            return -1
    return -1


def _judged(toks: list[Tok], k: int) -> int:
    """Where the object of a judgement at k starts, when a reason follows it, or -1."""
    if not _object_opens(toks[k + 1]):
        return -1
    for x in range(k + 2, min(len(toks) - 2, k + REASON_WITHIN)):
        if toks[x].low in REASONS:
            return k + 1
        if not toks[x].text[:1].isalnum() and toks[x].text not in ("’s", "'s", "’", "'"):
            return -1
    return -1


OBJECTS = wordset("him her them it us me")
"""Pronouns that may be the object of a judgement ("blamed him for")."""


def _clause_end(toks: list[Tok], start: int, se: int, verdict: bool) -> int:
    """Where the claim ends: at a semicolon or a dash, a clause of its own ("..., and Clinton
    is promising ..."), after a `verdict` one opened by "after", "when" ("... as a disgrace
    after she attacked ..."), or at the sentence's end."""
    for x in range(start + 2, len(toks)):
        t = toks[x]
        if t.text in (";", "—", "–", "―", "--"):
            return t.start
        if verdict and t.low in ENDS_CLAIM and x - start >= CLAIM_WORDS:
            return t.start
        if (
            t.text == ","
            and x + 2 < len(toks)
            and toks[x + 1].low in ("and", "but")
            and toks[x + 2].text[:1].isupper()
        ):
            return t.start
    return se


CLAIM_WORDS = 6
"""A clause of the writer's own may follow a stance of at least this many words; a shorter
one is carried on ("accused her of being asleep when the calls came in")."""

ENDS_CLAIM = wordset("after when while because since before though although whereas")
"""Words that open a clause of the writer's own after a stance ("... as a disgrace after she
attacked the police"): the stance ends before them."""
