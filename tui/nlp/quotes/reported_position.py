"""Positions taken on a person, a party or a plan: "Cruz has endorsed Trump", "the union
backs the strike", "Mrs Patel opposes the new runway". No words follow the verb, yet the
sentence reports a position its subject made known, and what it is taken on (the object) is
what a reader wants to find: a news reader lists it with the subject's other statements.

Why a family of its own, read by `reported_stance` like any other stance: the subject must be
named and stand right before the verb, exactly as for a stated aim, but the object may be a
single name ("endorsed Trump"), far shorter than any claim the other readers accept, so the
words after the verb are checked here instead: a name or a determiner opening a noun phrase,
never a particle or a preposition ("backed down", "backed by", "supported on crutches").

The same holds for the kin of a position read here: a statement told by its object
("announced the closure of the baths", "denied the charges"), a topic or a cause ("spoke
about the flood", "voted against the bill") and a stance held ("is critical of the board",
"is confident that the vote will pass"). Each is shown as sure only when the subject as
written names the speaker; a name that only qualifies the subject ("The GOP nominee"), owns
it ("the party's director") or stands inside it ("the scheme in the Huaral Valley") is not
the speaker, and "it" or "they" stand for a firm too loosely to be read at all.
"""

from __future__ import annotations

from tui.model import Quote
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.certainty import speaker_sure
from tui.nlp.quotes.described import describe, reported
from tui.nlp.quotes.tokens import Tok, _tokens
from tui.nlp.quotes.words import BOUNDARY
from tui.nlp.speaker_words import wordset

POSITIONS = wordset(
    """endorsed endorses endorsing endorse backed backs backing supports supported supporting
    support opposes opposed opposing oppose""",
)
"""Verbs of a position taken on someone or something ("endorsed Trump", "opposes the plan").
Not "favoured" (a horse or a team is favoured by the odds) nor "welcomed" (guests are)."""

NOT_AFTER = (
    " by ",
    " up ",
    " down ",
    " away ",
    " out ",
    " off ",
    " into ",
    " onto ",
    " to ",
    " on ",
    " in ",
    " from ",
    " with ",
    " for ",
    " itself",
    " themselves",
    " himself",
    " herself",
)
"""What after a position verb makes it no position: a particle ("backed down"), a passive
("backed by the bank"), a place or a support in the body ("supported on crutches")."""

OPENERS = wordset("the a an his her their its our this that these those")
"""Determiners that may open the object of a position ("opposes the plan")."""

DEMONSTRATIVES = wordset("that this these those")
"""Openers after a verb of saying that start a clause or stand alone ("announced that")."""

NOT_POSITIONS = wordset(
    """weight roof structure bridge building wall economy jobs job families family
    children people staff workers services service growth team teams club side""",
)
"""Heads that make "supports"/"backs" material or financial help, not a stance taken ("the
fund supports families", "the beam supports the roof", "fans back the team")."""

CLAUSE_ENDS = wordset(
    """after when while because since before though although whereas despite amid as if
    last yesterday today but""",
)
"""Words that end the object of a position with a clause or a time of the writer's own."""


def may_position(low: str, end: int, text: str, said: bool) -> bool:
    """Whether the words after a position verb (or a verb of saying, `said`) ending at
    low[end] may be its object: a name or a determiner next, a cheap look before the sentence
    is tokenised ("supporting role", "announced it would" are left alone)."""
    if low.startswith(NOT_AFTER, end) or end + 1 >= len(low) or low[end] != " ":
        return False
    if text[end + 1 : end + 2].isupper():
        return not said
    nxt = low[end + 1 : end + 8].split(" ", 1)[0]
    return nxt in OPENERS and not (said and nxt in DEMONSTRATIVES)


def position_start(toks: list[Tok], k: int) -> int:
    """Where the object of the position verb at k starts, or -1: a capitalised name ("endorsed
    Trump") or a determiner and a noun ("opposes the plan"); never a number ("supports 5,000
    jobs"), a pronoun (what it stands for is not shown) or a clause boundary."""
    if k + 1 >= len(toks):
        return -1
    first = toks[k + 1]
    if not first.text[:1].isalpha() or first.low in BOUNDARY:
        return -1
    if first.low in OPENERS:
        if k + 2 >= len(toks) or not toks[k + 2].text[:1].isalpha():
            return -1
        head = _head(toks, k + 2)
        return -1 if head in NOT_POSITIONS else k + 1
    return k + 1 if first.text[:1].isupper() else -1


def _head(toks: list[Tok], i: int) -> str:
    """The last word of the noun phrase starting at i (up to a preposition or a mark)."""
    last = toks[i].low
    for t in toks[i : i + 5]:
        if not t.text.isalpha() or t.low in BOUNDARY or t.low in ("of", "for", "in", "on", "at"):
            break
        last = t.low
    return last


def _verbal(tok: Tok) -> bool:
    """Whether a token after "and" opens a verb phrase ("and said", "and has published")."""
    return tok.low in AND_VERBS or (tok.text.islower() and tok.low.endswith("ed"))


AND_VERBS = wordset("has have had is was will would said says also")
"""Words after "and" that carry the subject's own sentence on."""


def position_quote(
    art: ArticleText,
    toks: list[Tok],
    start: int,
    end: int,
    speaker: str,
    cue: str,
    sure: bool,
) -> Quote | None:
    """The position's object, from token `start` to the offset `end` (the clause's end) or
    the first boundary in between; never cut inside the clause ("a deal to buy plasma display
    technology from rival Fujitsu in an" read as if the object ended there)."""
    stop = len(toks)
    last = start
    for x in range(start, stop):
        if toks[x].start >= end or (x > start and toks[x].text in ",;:()"):
            break  # "endorses Trump, who says ...": the object ends at its clause
        if x > start and toks[x].low in CLAUSE_ENDS:
            break  # "endorsed Trump after months of feuding"
        if x > start and toks[x].low == "and" and x + 1 < len(toks) and _verbal(toks[x + 1]):
            break  # "backed the cuts and said ...": a second verb of the subject's own
        last = x
    while last > start and not toks[last].text[:1].isalnum():
        last -= 1  # a closing mark or comma is no part of the object
    cs, ce = toks[start].start, toks[last].end
    if ce <= cs:
        return None
    return reported(art, cs, ce, speaker, cue, speaker_sure(art, speaker, sure))


SAID_OBJECTS = wordset(
    """announced announces acknowledged acknowledges stressed stresses emphasized emphasizes
    emphasised emphasises explained explains mentioned mentions recalled recalls admitted
    admits denied denies disclosed discloses confirmed confirms predicted predicts
    recommended recommends demanded demands touted touts highlighted highlights outlined
    outlines reiterated reiterates proposed noted notes suggested suggests""",
)
"""Verbs of saying whose object is what was said ("announced the arrest of a man",
"acknowledged a close relationship with the bank", "denied the charges", "noted the clot's
existence", "suggested the Democrats debate in Pennsylvania"). Not "described"
(a label: "described her as a danger"), "claimed" (a
title or a victory is claimed), "revealed" or "unveiled" (a product is), "discussed" (a
topic, not a statement)."""


def said_object_start(toks: list[Tok], k: int) -> int:
    """Where the object of the verb of saying at k starts, or -1: a determiner opening a
    noun phrase ("announced the arrest of a man"); a clause ("announced it would") or "that"
    is for the other readers, and a name is as often a sporting sense ("denied Gerrard")."""
    if k + 2 >= len(toks):
        return -1
    first = toks[k + 1]
    if first.low not in OPENERS or first.low in DEMONSTRATIVES:
        return -1  # "denied Gerrard with a tackle": a name after it is no statement
    nxt = toks[k + 2]
    if not nxt.text[:1].isalnum():
        return -1
    return k + 1


def said_by_described(
    art: ArticleText, toks: list[Tok], start: int, se: int, subject: tuple[int, int], cue: str
) -> Quote | None:
    """A position or a statement whose subject names no one but describes people, a group or
    a body ("Authorities announced ...", "Many lawmakers oppose ..."): the description is
    shown as the speaker, never as sure, and the object must run to a few words."""
    described = describe(art, *subject)
    if described is None or start + MIN_DESCRIBED > len(toks):
        return None
    cs, ce = toks[start].start, se
    while ce > cs and art.text[ce - 1] in ".!?;:, ":
        ce -= 1
    if len(_tokens(art.text, cs, ce)) < MIN_DESCRIBED:
        return None
    return reported(art, cs, ce, described[0], cue, False)


MIN_DESCRIBED = 4
"""At least this many words of object when the subject is only described."""


TOPIC_VERBS = wordset(
    """spoke speaks talked wrote writes complained complains joked jokes boasted boasts
    bragged brags warned warns testified testifies commented remarked lectured spoken
    written talking speaking""",
)
"""Verbs of speaking whose "about", "of" or "on" says what was spoken of ("spoke about the
need for reform", "warned of a recession", "commented on the ruling"). Not "talks" or
"comments", more often nouns ("peace talks on trade", "his comments on the case")."""

TOPIC_LINKS = (" about ", " of ", " on ")
"""Words after a verb of speaking that open its topic."""

CAUSE_VERBS = wordset(
    """voted votes voting campaigned campaigns campaigning argued argues arguing lobbied
    lobbies lobbying advocated advocates advocating railed rails railing""",
)
"""Verbs of a stand taken for or against something ("voted against the bill", "campaigned
for Clinton", "railed against the deal"): what follows "for" or "against" is the stand's
matter. Not "fought", "played" or "pushed" (a war, a match, a late winner)."""

CAUSE_LINKS = (" for ", " against ")
"""Words after a verb of a stand that open what it is for or against."""

TOPIC_VERBS = TOPIC_VERBS | CAUSE_VERBS

NOT_TOPICS = wordset(
    """condition behalf monday tuesday wednesday thursday friday saturday sunday the a an
    this that these those twitter television radio stage camera air""",
)
"""Words after "spoke on" that make it a day, a medium or a stage, not a topic ("spoke on
condition of anonymity", "spoke on Monday", "spoke on the radio"); after "on" only a topic
of a name or a noun with no determiner is read ("commented on Crutcher's death")."""


TOPIC_BETWEEN = wordset(
    """out up again today yesterday monday tuesday wednesday thursday friday saturday
    sunday""",
)
"""Words besides adverbs in -ly that may stand between a verb of speaking and its topic."""


def may_speak_of(low: str, end: int) -> bool:
    """Whether a verb of speaking ending at low[end] is followed by its topic's link word."""
    links = CAUSE_LINKS if low[start_of(low, end) : end] in CAUSE_VERBS else TOPIC_LINKS
    words = low[end : end + 40].split()[:3]
    # "spoke emotionally of", "spoke out Tuesday about": a word or two of manner or time.
    for i, word in enumerate(words):
        if f" {word} " in links:
            return all(_between(w) for w in words[:i])
    return False


def _between(word: str) -> bool:
    """Whether a word may stand between a verb of speaking and its topic's link."""
    return word.endswith("ly") or word in TOPIC_BETWEEN


def start_of(low: str, end: int) -> int:
    """Where the word ending at low[end] starts."""
    i = end
    while i > 0 and low[i - 1].isalpha():
        i -= 1
    return i


def topic_start(toks: list[Tok], k: int) -> int:
    """Where the topic after "spoke about", "warned of", "commented on" starts, or -1."""
    links = ("for", "against") if toks[k].low in CAUSE_VERBS else ("about", "of", "on")
    while k + 2 < len(toks) and toks[k + 1].low not in links and _between(toks[k + 1].low):
        k += 1  # "spoke emotionally of", "spoke out on Tuesday about"
    if k + 3 >= len(toks) or toks[k + 1].low not in links:
        return -1
    first = toks[k + 2]
    if not first.text[:1].isalpha() or first.low in BOUNDARY:
        return -1
    if toks[k + 1].low == "on" and (first.low in NOT_TOPICS or not first.text[:1].isupper()):
        return -1
    return k + 2


STANCE_ADJECTIVES = {
    "critical": ("of",),
    "supportive": ("of",),
    "skeptical": ("of", "about"),
    "sceptical": ("of", "about"),
    "wary": ("of",),
    "dismissive": ("of",),
    "opposed": ("to",),
    "concerned": ("about", "that"),
    "worried": ("about", "that"),
    "confident": ("that",),
    "convinced": ("that",),
    "adamant": ("that",),
    "optimistic": ("that", "about"),
    "hopeful": ("that",),
}
"""Adjectives of a stance or a belief after "is", "was", "has been" ("has been critical of
the deal", "is confident that the vote will pass"), with the words that open its matter."""

COPULAS = wordset("is are was were been be remains remained")
"""Verbs that join a subject to a stance adjective."""


def may_hold(low: str, start: int, end: int, w: str) -> bool:
    """Whether the stance adjective `w` at low[start:end] stands after a copula (perhaps with
    an adverb) and before its link word: a cheap look before tokenising."""
    before = low[max(0, start - 30) : start].split()[-2:]
    if not before or not (before[-1] in COPULAS or (len(before) == 2 and before[0] in COPULAS)):
        return False
    nxt = low[end : end + 8].split()[:1]
    return bool(nxt) and nxt[0] in STANCE_ADJECTIVES[w]


def adjective_start(toks: list[Tok], k: int) -> tuple[int, int]:
    """For the stance adjective at k: where its matter starts (after the link word) and where
    the verb phrase before it starts (its copula), or (-1, -1)."""
    w = toks[k].low
    if k + 3 >= len(toks) or toks[k + 1].low not in STANCE_ADJECTIVES.get(w, ()):
        return -1, -1
    a = k
    if toks[a - 1].low.endswith("ly") or toks[a - 1].low in ("very", "deeply", "so", "more"):
        a -= 1
    if toks[a - 1].low not in COPULAS or toks[k + 2].low in COPULAS:
        return -1, -1  # "all she is concerned about is ...": the matter is no phrase of its own
    return k + 2, a


def written(text: str, subject: tuple[int, int], name: str) -> bool:
    """Whether the subject as written holds the speaker's name (its last word): "Cruz", "Mr
    Cruz", not "he" or "the firm", which the name was read from."""
    return name.split()[-1].lower() in text[subject[0] : subject[1]].lower()


def modifier_name(text: str, subject: tuple[int, int], name: str) -> bool:
    """Whether the name only qualifies the subject's head ("The GOP nominee", "the Obama
    administration"): the head, a word in small letters after it, is who spoke, not the name."""
    words = text[subject[0] : subject[1]].split()
    head = words[-1] if words else ""
    return head[:1].islower() and head.lower() not in name.lower().split()


def in_phrase(text: str, subject: tuple[int, int], name: str) -> bool:
    """Whether the name stands after a preposition inside the subject ("The pilot scheme in
    the Huaral Valley aims"): the subject is the thing it qualifies, not the name."""
    words = text[subject[0] : subject[1]].split()
    first = name.split()[0]
    links = [i for i, w in enumerate(words) if w in PHRASE_WORDS]
    return bool(links) and any(w == first for w in words[links[0] + 1 :])


PHRASE_WORDS = frozenset(("in", "of", "at", "for", "from", "by", "with", "on"))
"""Prepositions that put a name inside a longer subject phrase."""


def owned_head(text: str, subject: tuple[int, int]) -> bool:
    """Whether the subject is someone's something ("The Conservatives' campaign director",
    "Fiat's finance arm"): its head is the thing owned, not the owner the name reads."""
    words = text[subject[0] : subject[1]].split()
    return any(w.endswith(("'", "’", "'s", "’s")) for w in words[:-1])


def org_pronoun(text: str, subject: tuple[int, int]) -> bool:
    """Whether the subject is "it" or "they": which company or body it stands for is read
    too loosely ("it hopes to land a deal" may be any firm of the paragraph) to show."""
    return text[subject[0] : subject[1]].strip().lower() in ("it", "they")
