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
from tui.nlp.quotes.naming import name_phrase
from tui.nlp.quotes.reported_acts import (
    ACTS,
    act_start,
    chain_start,
    heading_subject,
    may_act,
    second_verb,
    subject_heads,
)
from tui.nlp.quotes.reported_bare import bare_object
from tui.nlp.quotes.reported_claim import _make, _trim
from tui.nlp.quotes.reported_position import (
    CAUSE_VERBS,
    POSITIONS,
    SAID_OBJECTS,
    STANCE_ADJECTIVES,
    TOPIC_VERBS,
    adjective_start,
    in_phrase,
    may_hold,
    may_position,
    may_speak_of,
    modifier_name,
    org_pronoun,
    owned_head,
    position_quote,
    position_start,
    said_by_described,
    said_object_start,
    topic_start,
    written,
)
from tui.nlp.quotes.reported_stance_objects import (
    QUESTION_WORDS,
    REASONS,
    _aim,
    _asked,
    _doubted,
    _judged,
    _named,
    _object_opens,
)
from tui.nlp.quotes.reported_subject import _subject
from tui.nlp.quotes.reported_verdicts import bare_verdict, may_verdict
from tui.nlp.quotes.tokens import Named, Tok
from tui.nlp.quotes.words import BOUNDARY, DETERMINERS, TENSE_AUX
from tui.nlp.speaker_words import wordset

STRIVES = wordset("planned sought seeking agreed")
"""Verbs of an aim pursued or agreed to, read as aims with "to" and a verb ("she has sought
to distance herself from ...", "Cruz is seeking to pick off delegates", "planned to
revitalize the waterfront", "the company agreed to clean up the mines"). Narration as often
as a stated aim in plain prose, but annotated as attributions in PolNeAR: on its train
split, about 9 in 10 such readings fell on a gold attribution. "agreed" is not read before
a deal (`DEALS`)."""

DEALS = wordset("buy pay sell lend loan merge invest acquire purchase settle take give plead")
"""Verbs of a deal after "agreed to" ("agreed to buy two boats", "agreed to pay $2bn to
settle"): a transaction done, no one's stated aim; on BBC these were most of what "agreed"
added, all company news."""


def _deal(toks: list[Tok], x: int) -> bool:
    """Whether the verb after "to" at token x, past adverbs in -ly, is a deal's."""
    while x + 1 < len(toks) and toks[x].low.endswith("ly"):
        x += 1  # "agreed to effectively lend"
    return toks[x].low in DEALS


AIMS = (
    wordset(
        """wants vowed vows vowing pledged pledges pledging promised promises promising plans
    intends threatened threatens threatening proposed proposes proposing refuses wanted
    hopes hoped seeks aims""",
    )
    | STRIVES
)
"""Verbs whose "to ..." is an aim the subject stated ("vowed to appeal", "plans to run",
"wanted the council to act", "hopes to win"), and those of an aim pursued or agreed to
(`STRIVES`: "sought to distance herself"). Not "declined", "refused", "intended": those
narrate what someone did as often ("declined to comment", "refused to answer questions",
"intended to meet his son"); "refuses", "plans", "intends", "seeks", in the
present, state a standing aim. A refusal of words or of an act ("refused to disclose the
records", "declined to threaten Moscow") is read in `reported_acts`."""

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

PROPOSES = wordset("proposed proposes proposing")
"""Aims that take an object too ("is proposing marquee projects like ..."): with no "to",
what was proposed is the claim."""

DOUBTED = wordset("whether how what why if")
"""Words that open the question a verb of doubt raises ("questioned whether the moderators
will be fair", "Delegates questioned how Cruz could turn back on a pledge"): a doubt voiced,
whoever voiced it, as "asked whether" is."""

NAMES = wordset("called calls dubbed labeled labelled branded")
"""Verbs that give their object a verdict: "called the plan a disgrace"."""

ASKING = wordset("asked asks")
"""Verbs of a question, whose words follow a question word ("asked him whether ...")."""

FINDS = wordset("found finds showed shows")
"""Verbs of a finding whose maker is named ("The Gazette found that ..."): with "that" only,
as "found" alone narrates ("police found the car")."""

VERBAL = wordset(
    """criticized criticised criticizes criticizing condemned condemns condemning praised
    praises praising denounced denounces denouncing slammed slams blasted blasts rebuked""",
)
"""Judgements made in words, whose object alone is the claim ("praised the plan's aims")."""

STANCE_VERBS = (
    AIMS
    | JUDGES
    | STANDS
    | DOUBTS
    | NAMES
    | ASKING
    | FINDS
    | POSITIONS
    | SAID_OBJECTS
    | TOPIC_VERBS
    | ACTS
)
STANCE_VERBS = STANCE_VERBS | set(STANCE_ADJECTIVES)
"""Every verb (and adjective) this module reads by."""

NEW_READINGS = (
    POSITIONS | SAID_OBJECTS | TOPIC_VERBS | ACTS | wordset("wanted hopes hoped seeks aims")
)
"""Verbs whose stance is shown as sure only when the subject as written holds the speaker's
name: read from "he", "it" or "the firm", a company or a person is a guess."""

STANCE_WORD = re.compile(r"(?<!\w)" + word_pattern(STANCE_VERBS) + r"(?![\w’'\-])")
"""Finds, in lower-cased text, a verb this module reads by, at a word's start."""


def may_stand(low: str, start: int, end: int, w: str, text: str = "") -> bool:
    """Whether the stance verb `w` at low[start:end] (the lower-cased text) may be read: a
    cheap look at the words around it, before a sentence is cut into tokens. Never after "was"
    or "been" (a passive: "was dismissed", "has been called"); an aim needs "to" ("plans to
    run", not "the plans"), a finding "that" ("found that", not "found guilty"), a doubt a
    determiner, a verdict "a" or a quotation mark ("called the plan a disgrace"), a question
    its question word, a judgement its reason or a verbal one ("criticised the plan"); a
    position or a statement an object (`text`, the text as written, shows a name's capital)."""
    if w in STANCE_ADJECTIVES:
        return may_hold(low, start, end, w)  # "has been critical of", "is confident that"
    if not w.endswith("ing") and low.endswith(PASSIVE_BEFORE, max(0, start - 7), start):
        return False
    if w in ACTS and may_act(low, end, w):
        return True  # "described it as", "explained why", "has yet to explain why"
    if low.endswith(NOUN_BEFORE, max(0, start - 7), start):
        return False  # "the plans to", "its calls for": a noun, which no reader takes
    if w in POSITIONS or w in SAID_OBJECTS:
        return may_position(low, end, text or low, w in SAID_OBJECTS)
    if w in TOPIC_VERBS:
        return may_speak_of(low, end)
    nxt = low[end : end + 8]
    if w in AIMS and not w.startswith("want"):
        return nxt.startswith((" to ", " not to ")) or w in PROPOSES  # "proposing projects"
    if w in FINDS:
        return nxt.startswith(" that ")
    if w in DOUBTS:
        word = low[end + 1 : end + 9].split(" ", 1)[0]  # "questioned whether ..."
        return nxt.startswith((" the ", " his ", " her ", " its ", " their ")) or word in DOUBTED
    ahead = low[end : end + LOOK_AHEAD]
    if w in NAMES:
        return any(x in ahead for x in (" a ", " an ", '"', "“", "'", "‘")) or may_verdict(low, end)
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


def stance_claim(art: ArticleText, text: str, toks: list[Tok], se: int) -> Quote | None:
    """'SUBJECT vowed to appeal the ruling.', 'SUBJECT criticized X for Y.': the aim or the
    judgement and its reason, the subject right before the verb (past "has", "also",
    "sharply"), or the sentence's own before a participle (", accusing him of ...")."""
    n = len(toks)
    for k in range(1, n - 3):
        tok = toks[k]
        w = tok.low
        start = act_start(toks, k) if w in ACTS else -1
        acted = start >= 0  # "described X as Y", "explained why": before the other readings
        if acted:
            pass
        elif w in AIMS:
            start = _aim(toks, k)
            if start < 0 and w in PROPOSES and bare_object(toks, k + 1):
                start = k + 1  # "She is proposing marquee projects like ...": what she proposed
            if w == "agreed" and start > 0 and _deal(toks, start + 1):
                start = -1  # "agreed to buy two boats": a deal done, no one's words
        elif w in JUDGES:
            start = _judged(toks, k)
            if (
                start < 0
                and w in VERBAL
                and (_object_opens(toks[k + 1]) or bare_object(toks, k + 1))
                and toks[k + 1].low not in ("a", "an")
            ):
                # "condemned North Korea's latest missile launch"; not "blasted Sanders, who
                # had given ...": the object alone must be a few words.
                head = toks[k + 1 : k + 1 + OBJECT_WORDS]
                start = (
                    k + 1
                    if all(t.text[:1].isalnum() or t.text in ("’s", "'s") for t in head)
                    and not any(t.low in ENDS_CLAIM for t in head)
                    else -1
                )  # "praised the fans after the match": the object is two words
        elif w in STANDS:
            start = k + 1 if _object_opens(toks[k + 1]) else -1
        elif w in DOUBTS:
            start = _doubted(toks, k)
            if start < 0 and toks[k + 1].low in DOUBTED:
                start = k + 1  # "Clinton questioned what kind of person gets up at 3 a.m."
        elif w in NAMES:
            start = _named(toks, k)
            if start < 0:
                start = bare_verdict(toks, k)  # "called the charges unsubstantiated"
        elif w in ASKING:
            start = _asked(toks, k)
        elif w in FINDS:
            start = k + 2 if toks[k + 1].low == "that" else -1
        elif w in POSITIONS:
            start = position_start(toks, k)
        elif w in SAID_OBJECTS:
            start = said_object_start(toks, k)
        elif w in TOPIC_VERBS:
            start = topic_start(toks, k)
        elif w in STANCE_ADJECTIVES:
            start, verb = adjective_start(toks, k)
            if start > 0:
                q = _held(art, text, toks, start, verb, se, w)
                if q is not None:
                    return q
            continue
        else:
            continue
        if start < 0 or not tok.text.islower() or toks[k - 1].low.endswith(("’s", "'s")):
            continue  # "Hannity's plans to attend": a noun, not a verb
        if w.endswith("ing") and toks[k - 1].text == ",":
            if toks[0].low.endswith(("ed", "ing")):
                continue  # "Chastened by the analyses, Trump revised ..., promising"
            span = participle_subject(art, toks, k)
            if span is None or (acted and not subject_heads(toks, span[0])):
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
            if acted:
                a = chain_start(toks, a)  # "she has yet to explain why": read before "has"
            if toks[a - 1].text in ";:" or toks[0].low in CONDITIONS:
                continue  # "If he wants to play": a condition, not a stance
            found = _subject(art, toks, a)
            if found is None and second_verb(toks, a):
                # "The council ... and pledged to impose further sanctions": the sentence's
                # subject took the stance, the one heading it.
                span = heading_subject(art, toks, a)
                found = None if span is None else (span, name_phrase(art, *span, toks[0].start))
                if span is not None and w in DOUBTS and _plural_after(toks, text, span):
                    continue  # "Business groups ... but questioned": the head was read as a verb
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
        if w in NEW_READINGS and named.name:
            if (
                owned_head(text, subject)
                or org_pronoun(text, subject)
                or (
                    modifier_name(text, subject, named.name)
                    and not (acted and not written(text, subject, named.name))
                )
                or in_phrase(text, subject, named.name)
                or named.name in art.place_names
            ):
                # "The Conservatives' campaign director has denied", "The GOP nominee
                # complained": not theirs; "it hopes": which firm is a loose reading; "the
                # money Britain wanted to spend": a place states no aim. An act is read from
                # "she" or "the nominee" when the name is not written there: who they stand
                # for was read as for any claim, and is not shown as sure.
                return None
            named = Named(
                named.name, named.gender, named.sure and written(text, subject, named.name)
            )
        if not named.name:
            if w in SAID_OBJECTS or w in POSITIONS or (w in TOPIC_VERBS and w not in CAUSE_VERBS):
                # "Authorities announced the arrest of ...": people left unnamed said it.
                return said_by_described(art, toks, start, se, subject, w)
            if acted or w in JUDGES or w in STANDS or (w in DOUBTS and toks[start].low in DOUBTED):
                # "Some state officials praised Mr. Clarke's work ...", "A New York judge has
                # rejected a media request to ...": an act or a judgement by people described,
                # its object and reason to the clause's end.
                end = _clause_end(toks, start, se, True)
                return said_by_described(art, toks, start, end, subject, w)
            return None  # unnamed people who want something: too often the writer's account
        verdict = w in JUDGES or w in STANDS or w in NAMES or w in SAID_OBJECTS or acted
        if not acted and (w in POSITIONS or w in TOPIC_VERBS or w in SAID_OBJECTS):
            end = _clause_end(toks, start, se, True)
            return position_quote(art, toks, start, end, named.name, w, named.sure)
        cs, ce = _trim(text, toks[start].start, _clause_end(toks, start, se, verdict))
        return _make(art, cs, ce, named.name, w, named.sure, subject)
    return None


def _plural_after(toks: list[Tok], text: str, span: tuple[int, int]) -> bool:
    """Whether a word in small letters ending in -s follows the subject read at `span`
    ("Business groups broadly welcomed ...": "groups" is the head, not a verb)."""
    after = next((t for t in toks if t.start >= span[1]), None)
    return after is not None and after.text.islower() and after.low.endswith("s")


def _held(
    art: ArticleText, text: str, toks: list[Tok], start: int, verb: int, se: int, w: str
) -> Quote | None:
    """'Graham has been critical of the deal', 'Cole is confident that the vote will pass':
    the subject before the copula holds the stance; its matter runs to the clause's end."""
    found = _subject(art, toks, verb - 1)  # read from the copula ("remains critical")
    if found is None:
        return None
    subject, named = found
    name = named.name
    if not name or name in art.place_names or owned_head(text, subject):
        return None
    if modifier_name(text, subject, name) or org_pronoun(text, subject):
        return None  # "The GOP nominee is critical of": the nominee, not the party
    sure = named.sure and written(text, subject, name)
    end = _clause_end(toks, start, se, True)
    return position_quote(art, toks, start, end, name, w, sure)


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
    if all(t.text[:1].isupper() or t.low in NAME_LINKS for t in inside[1:]):
        return False  # "the Association of Flight Attendants": one name, not a description
    return any(t.low in PHRASE_LINKS for t in inside[1:-1])


PHRASE_LINKS = wordset("for by of from at with to")

NAME_LINKS = wordset("of for and")
"""Words that join a name to the head of a longer subject phrase."""


PROGRESSIVE = wordset("is are was were been")
"""Auxiliaries before a participle that make it the verb of its clause ("is defending")."""

PASSIVE = wordset("been be being is are was were get gets got")
"""Auxiliaries before a past participle that make it passive: the subject did not speak."""

OBJECT_WORDS = 4
"""At least this many words of a judgement's object, when no reason follows it."""

ADVERBS = wordset("once again also still even further afterwards later")
"""Words between a subject and its verb besides those in -ly ("once again questioning",
"Henry afterwards described")."""


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
