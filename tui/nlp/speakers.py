"""Who is who in one article: names, their fullest forms, genders, and pronoun resolution.

The quote finder must name speakers well even when the entity engine gives it nothing, so this
module carries its own light person detection: capitalised word runs, read with person titles
(Mr, Sen., President...), a short list of common first names, and the article's own habit of
introducing "Jacky Chung" once and calling him "Chung" or "Mr Chung" afterwards. When PERSON and
ORG entities are given, their `canonical` forms win.

Everything is a few regex scans over the text plus dictionary look-ups: linear in its length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from tui.model import Entity
from tui.nlp.cues import after_first_letter
from tui.nlp.gazetteer import fold, gazetteer

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_ABBR_ALTERNATIVES = (
    "Mr|Mrs|Ms|Mx|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Prof|Rev|Hon|"
    "Jr|Sr|Supt|Det|Insp|Atty|Pres|Amb|Cllr|Fr|Sec|Del"
)
_ABBR = rf"(?:{_ABBR_ALTERNATIVES})\."
_WORD_REST = rf"[\w]*(?:[’'][{_UP}][\w]*|-[\w]+)*"
_WORD = rf"[{_UP}]{_WORD_REST}"
_TOKEN = rf"(?:{_ABBR}|(?:[{_UP}]\.){{1,3}}(?![\w])|{_WORD})"
_PARTICLE = r"(?:de|da|del|della|di|du|van|von|der|den|bin|ibn|al|la|le|dos|das|ter|of)"
_ABBR_REST = after_first_letter(_ABBR_ALTERNATIVES.split("|"))
_FIRST_TOKEN = (
    rf"[{_UP}](?<![\w’'\-.].)"
    rf"(?:{_ABBR_REST}\.|\.(?:[{_UP}]\.){{0,2}}(?![\w])|{_WORD_REST})"
)
"""`_TOKEN` not preceded by a word character, an apostrophe, a hyphen or a full stop, written
to start with a plain class of capitals: each alternative of `_TOKEN` goes on after the capital
(an abbreviation only after its own first letter), and the lookbehind looks at the character
before the capital. The regex engine passes over characters outside a leading class in its own
quick loop, so the scan is much quicker than with `(?=[A-Z...])(?<![...])_TOKEN` in front,
which matches the same runs."""
NAME_RUN = re.compile(
    rf"{_FIRST_TOKEN}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0](?:the[ \u00a0])?)?{_TOKEN})*"
)
"""A run of capitalised tokens ("Sen. Claire McCaskill", "Leonard E. Burman", "Ministry of
Health"). Each repetition starts with a capital after exactly one space, so there is nothing to
backtrack over."""


def wordset(words: str) -> frozenset[str]:
    """A word list written as prose, one entry per whitespace-separated word."""
    return frozenset(words.split())


_OF = re.compile(r"[ \u00a0]of[ \u00a0](?:the[ \u00a0])?")


def name_runs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Capitalised runs in text[start:end] as (start, end, run).

    "of" joins a run only after an organisation word or a title ("Ministry of Health",
    "Secretary of State"); "Smith of Texas" is two runs.
    """
    out: list[tuple[int, int, str]] = []
    stop = len(text) if end is None else end
    for m in NAME_RUN.finditer(text, start, stop):
        s, run = m.start(), m.group()
        if "of" not in run:
            out.append((s, m.end(), run))  # nothing to cut at
        else:
            out.extend(_cut_at_of(s, run))
    return out


def name_run_at(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The first of `name_runs(text, start, end)` if it starts at `start`, else None.

    Reads one run instead of every run of the stretch: the leftmost match of `NAME_RUN` starts
    at `start` exactly when a match at `start` exists, and it is that match; cutting it at "of"
    keeps its first piece at its start (a run opens with a capital, never with " of ")."""
    m = NAME_RUN.match(text, start, end)
    if m is None:
        return None
    run = m.group()
    if "of" in run:
        return _cut_at_of(start, run)[0]
    return start, m.end(), run


def _cut_at_of(s: int, run: str) -> list[tuple[int, int, str]]:
    """A run that starts at `s` and holds "of", cut where "of" does not join it (`name_runs`)."""
    out: list[tuple[int, int, str]] = []
    pieces: list[tuple[int, int]] = []
    cur = 0
    for o in _OF.finditer(run):
        before = run[cur : o.start()].rsplit(" ", 1)[-1]
        n = _norm(before)
        if n in ORG_WORDS or n in PERSON_TITLES:
            continue
        pieces.append((cur, o.start()))
        cur = o.end()
    pieces.append((cur, len(run)))
    for a, b in pieces:
        if b > a:
            out.append((s + a, s + b, run[a:b]))
    return out


_SPEECH_AFTER = re.compile(
    r"(?:’s|'s)?[ \u00a0]+(?:also |later |then |has |had )?(?:said|says|told|tells|added|adds|"
    r"asked|explained|noted|wrote|argued|warned|insisted|believes|thinks|replied|recalled)\b"
)

_APPOSITION = re.compile(
    r",[ \u00a0]+(?:(?:who|whose|a|an|the)\b|(?:[a-z\-]+[ \u00a0]+){0,3}(?:professor|director|"
    r"president|chief|spokesman|spokeswoman|spokesperson|chairman|chairwoman|founder|head|"
    r"leader|economist|analyst|secretary|minister|manager|executive|officer|editor|senator|"
    r"governor|mayor|adviser|advisor|strategist|lawyer|attorney|researcher|fellow|author|"
    r"reporter|correspondent|host|coach|owner|partner|principal|dean|chancellor)\b)"
)
"""A role in apposition after a name: ", the trade minister", ", sales director of"."""
_SUBJECT_VERB = re.compile(r"[ \u00a0](?:was|is|has|had|will|would|did|does|spent|began)\b")
_BEFORE_SPEECH = ("said ", "says ", "told ", "according to ", "added ", "asked ")


def _speech_adjacent(text: str, start: int, end: int, apposition: bool = False) -> bool:
    """Whether a name is used the way people's names are: as the subject of a speech verb,
    after an inverted one ("said Chung", "according to Chung") or, for full names, followed by
    an apposition ("Rosalind Okafor, the trade minister")."""
    if _SPEECH_AFTER.match(text, end):
        return True
    if text[max(0, start - 13) : start].lower().endswith(_BEFORE_SPEECH):
        return True
    return apposition and (
        _APPOSITION.match(text, end) is not None or _SUBJECT_VERB.match(text, end) is not None
    )


TITLES_M = {
    "mr",
    "sir",
    "lord",
    "king",
    "prince",
    "father",
    "fr",
    "congressman",
    "councilman",
    "assemblyman",
    "chairman",
    "brother",
    "uncle",
    "duke",
    "sheikh",
    "pope",
    "imam",
}
TITLES_F = {
    "mrs",
    "ms",
    "miss",
    "lady",
    "dame",
    "queen",
    "princess",
    "madam",
    "madame",
    "sister",
    "congresswoman",
    "councilwoman",
    "assemblywoman",
    "chairwoman",
    "aunt",
    "duchess",
}
TITLES_N = {
    "mx",
    "dr",
    "sen",
    "sens",
    "senator",
    "rep",
    "reps",
    "representative",
    "gov",
    "governor",
    "president",
    "gen",
    "general",
    "lt",
    "col",
    "colonel",
    "maj",
    "major",
    "sgt",
    "sergeant",
    "capt",
    "captain",
    "cmdr",
    "commander",
    "adm",
    "admiral",
    "prof",
    "professor",
    "rev",
    "reverend",
    "hon",
    "judge",
    "justice",
    "mayor",
    "minister",
    "secretary",
    "chancellor",
    "ambassador",
    "amb",
    "commissioner",
    "chief",
    "inspector",
    "insp",
    "detective",
    "det",
    "officer",
    "coach",
    "speaker",
    "leader",
    "premier",
    "supt",
    "superintendent",
    "atty",
    "attorney",
    "cllr",
    "councillor",
    "rabbi",
    "bishop",
    "cardinal",
    "dean",
    "director",
    "chairperson",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "pres",
    "sec",
    "deputy",
    "treasurer",
    "counsel",
    "sheriff",
    "marshal",
    "trooper",
    "agent",
    "dj",
    "mp",
    "mep",
    "ceo",
    "cfo",
    "coo",
    "chair",
    "founder",
    "executive",
    "economist",
    "analyst",
    "pollster",
    "strategist",
    "adviser",
    "advisor",
    "aide",
    "manager",
    "candidate",
    "nominee",
    "host",
    "anchor",
    "correspondent",
    "editor",
    "columnist",
    "author",
    "historian",
    "lawyer",
}
PERSON_TITLES = TITLES_M | TITLES_F | TITLES_N

# Common given names, to tell "Pat Caddell" (a person) from "Wells Fargo" and to give a pronoun
# a gender to agree with. Short on purpose: titles and the article's own usage do the rest.
# "Jacky" is left out: it is given to women too, and a wrong gender makes "she said" skip the
# very person it stands for.
FIRST_M = wordset(
    """aaron adam alan albert alex alexander andrew angus anthony antonio arthur barack ben
    benjamin bernie bill billy bob bobby boris brad brandon brian bruce carl carlos charles
    charlie chris christopher chuck cory craig dan daniel darren dave david dennis derek donald
    doug douglas duncan ed eddie edward emmanuel eric evan frank fred gary george gordon graham
    greg gregory harry henry hugh ian jack jake james jamie jason jeb jeff jeffrey jeremy
    jerry jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan justin
    keith ken kenneth kevin kim larry lee leonard lindsey luis marco marcus mark martin matt
    matthew michael mike mitch mitt nathan neil nick nicholas nigel oliver omar pat patrick paul
    pedro peter phil philip ralph randy ray raymond reince richard rick rob robert roger ron
    ronald rudy russell ryan sam samuel scott sean stephen steve steven stuart ted terry thomas
    tim timothy todd tom tony vladimir walter wayne will william xi"""
)
FIRST_F = wordset(
    """abigail alice alicia amanda amy andrea angela ann anna anne barbara betsy beth betty
    brenda carla carly carol caroline catherine chelsea cheryl christina christine claire
    deborah debbie diana diane donna dorothy elizabeth ellen emily emma erin eva gillian gina
    hannah heather helen hillary huma ivanka jackie jacqueline jane janet jennifer jessica jill
    joan joanna joyce judith judy julia julie karen kate katherine kathleen kathy kayleigh
    kellyanne kelly kimberly kirsten laura lauren linda lisa liz lois lucy madeleine margaret
    maria marie marine martha mary megan melania melanie melissa michelle monica nancy natalie
    nicola nicole nikki olivia pamela patricia paula priti rachel rebecca rose ruth sandra sara
    sarah sharon sheila sonia sophie stephanie susan suzanne tammy teresa theresa tina tulsi
    valerie victoria virginia wendy yvonne zoe"""
)

ORG_WORDS = wordset(
    """house senate congress party committee department ministry council association institute
    university college school center centre foundation bank company corp corporation inc ltd llc
    plc group post times journal news network agency administration campaign commission court
    police service office board union federation organization organisation fund church club
    press media tribune herald magazine review reuters cnn bbc fox nbc abc cbs msnbc npr pbs
    government army navy guard force forces bureau authority alliance coalition trust society
    caucus assembly parliament cabinet ministry unit team brigade office institution project
    council capital partners holdings airlines airways motors industries systems labs network
    channel radio television tv daily gazette chronicle observer guardian telegraph express
    mail sun week weekly monthly politico breitbart huffington poll polls survey republicans
    democrats conservatives liberals"""
)
PLACE_WORDS = wordset(
    """street avenue road city county state states island islands river mountain mountains
    lake valley bay sea ocean north south east west northern southern eastern western america
    york washington london paris beijing moscow china russia britain england france germany
    iran iraq syria israel japan india mexico canada europe africa asia district province
    region kingdom republic union port harbour harbor fort mount lake new saint"""
)
STOP_CAPS = wordset(
    """the a an but and or nor neither either both so if when while as in on at for from with by
    after before during meanwhile however yet then this that these those still also even now
    here there his her
    their our my its we i he she they it you your what who why how where which whose
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december yesterday today tomorrow tonight
    last next former acting deputy senior junior interim incoming outgoing then-president
    republican democratic democrat gop independent conservative liberal labour tory
    american british chinese french german russian mexican european national federal
    white black asian latino hispanic african according said says asked told added mrs mr ms
    dr sen rep gov gen st no not yes oh well please thank thanks dear to of wit later earlier
    instead indeed moreover furthermore afterward afterwards finally first second third
    recently previously ultimately additionally again once soon separately elsewhere
    similarly likewise nevertheless nonetheless thus therefore hence asked speaking
    addressing writing without despite although though because like unlike among over under
    about around through into upon asked is was are were has have had do does did will would
    can could should must might one two three many most some all both each every any other
    another such only just ahead amid within across behind beyond toward towards via per
    sources officials critics supporters experts analysts several few more less why
    u.s. u.k. u.n. e.u. d.c. a.m. p.m. un eu uk us"""
)
ACRONYM = re.compile(r"[A-Z0-9&.\-]{2,}")

CACHE_SIZE = 16_384
"""Entries kept by each per-run cache here: runs repeat across a corpus ("Mr Blair", "The
government"), and this many stay within a few megabytes."""


def clear_caches() -> None:
    """Forget the runs read so far (for benchmarks that must start cold)."""
    for cached in (_norm, split_run, run_shape):
        cached.cache_clear()


@lru_cache(maxsize=CACHE_SIZE)
def _norm(tok: str) -> str:
    """A token as compared: lower case, without dots and curly apostrophes."""
    return tok.lower().replace(".", "").replace("’", "'")


@lru_cache(maxsize=CACHE_SIZE)
def split_run(run: str) -> tuple[tuple[str, ...], str | None, bool]:
    """Split a capitalised run into (name tokens, gender from a title, had a person title).

    Leading sentence words ("But", "Yesterday"), descriptors ("Republican") and titles ("Sen.",
    "White House Press Secretary") are dropped: the name is what follows the last title.
    Cached: the same runs come back in every article ("Mr Blair", "The government").
    """
    toks = run.replace("\u00a0", " ").split(" ")
    gender: str | None = None
    titled = False
    cut = 0
    for i, tok in enumerate(toks):
        n = _norm(tok)
        if n in PERSON_TITLES and i < len(toks) - 1:
            cut = i + 1
            titled = True
            if n in TITLES_M:
                gender = "m"
            elif n in TITLES_F:
                gender = "f"
    rest = toks[cut:]
    if titled and len(rest) > 2 and rest[0] == "of":
        # "Secretary of State John Kerry": the title's complement is not part of the name.
        rest = rest[3:] if rest[1] == "the" else rest[2:]
    while rest and (_norm(rest[0]) in STOP_CAPS or rest[0].lower() in _PARTICLES):
        rest = rest[1:]
    while rest and rest[-1].lower() in _PARTICLES:
        rest = rest[:-1]
    return tuple(rest), gender, titled


_PARTICLES = {
    "de",
    "da",
    "del",
    "della",
    "di",
    "du",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "ibn",
    "al",
    "la",
    "le",
    "dos",
    "das",
    "ter",
    "of",
    "the",
}


def is_orgish(tokens: Sequence[str]) -> bool:
    """Whether a name looks like an organisation or place rather than a person."""
    for t in tokens:
        n = _norm(t)
        if n in ORG_WORDS or n in PLACE_WORDS:
            return True
    return len(tokens) == 1 and ACRONYM.fullmatch(tokens[0]) is not None and len(tokens[0]) <= 5


class RunShape(NamedTuple):
    """What a capitalised run says by itself, wherever it occurs; see `run_shape`."""

    toks: tuple[str, ...]
    gender: str | None
    titled: bool
    orgish: bool
    full_name: bool
    """Two to four tokens, no organisation word, no acronym: may be a person's full name."""
    first_gender: str | None
    last: str
    """The last name token as compared (`_norm`), "" without tokens."""


@lru_cache(maxsize=CACHE_SIZE)
def run_shape(run: str) -> RunShape:
    """`split_run` and the tests `Registry.build` makes of each run, done once per distinct run
    (an article repeats its names, and a corpus its "Mr Blair" and "The government")."""
    toks, gender, titled = split_run(run)
    orgish = bool(toks) and is_orgish(toks)
    full_name = (
        2 <= len(toks) <= 4
        and not orgish
        and not any(ACRONYM.fullmatch(t) and not t.endswith(".") for t in toks)
    )
    last = _norm(toks[-1]) if toks else ""
    return RunShape(toks, gender, titled, orgish, full_name, first_name_gender(toks), last)


def first_name_gender(tokens: Sequence[str]) -> str | None:
    """'m' or 'f' when the first token is a common given name, else None."""
    if not tokens:
        return None
    n = _norm(tokens[0])
    if n in FIRST_M:
        return "m"
    if n in FIRST_F:
        return "f"
    return None


@dataclass
class Person:
    """One person known in the article: the fullest name seen and a gender if one is known."""

    name: str
    tokens: list[str]
    gender: str | None = None
    first_pos: int = 0
    titles: set[str] = field(default_factory=set)


@dataclass
class Registry:
    """The people (and organisations) of one article, for naming speakers."""

    text: str
    people: dict[str, Person] = field(default_factory=dict)
    by_last: dict[str, list[str]] = field(default_factory=dict)
    by_first: dict[str, list[str]] = field(default_factory=dict)
    mentions: list[tuple[int, str]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    _ent_starts: list[int] = field(default_factory=list)
    _mention_pos: list[int] = field(default_factory=list)
    guessed_gender: set[str] = field(default_factory=set)
    """Names whose gender so far comes only from the given-name lists ("Terry", "Jacky"):
    usage in the article ("she said") may still prove it wrong."""

    @classmethod
    def build(
        cls, text: str, entities: Sequence[Entity], blocked: Iterable[tuple[int, int]] = ()
    ) -> Registry:
        """Collect people from PERSON entities and from the article's own capitalised runs.

        `blocked` spans (the quotations) do not supply mentions for pronoun resolution: a name
        said inside a quote is rarely who "he" refers to afterwards.
        """
        reg = cls(text=text)
        reg.entities = sorted(
            (e for e in entities if e.label in ("PERSON", "ORG")), key=lambda e: e.start
        )
        reg._ent_starts = [e.start for e in reg.entities]
        # One pass over the capitalised runs (`name_runs`, read here without building the
        # list): runs that leave no name ("The", "But Mr") tell nothing and are dropped at once,
        # one-word runs are kept aside for `single_use`, full names for people, and every run
        # that may name a person for the mentions.
        #
        # A lone surname counts as a person's when used like one: with a title, as the subject
        # of a speech verb, or after an inverted one ("said Chung"). Whether one is, is asked
        # only of the surnames of full names that nothing else confirms, so each one-word run
        # is read only then.
        lone: dict[str, list[tuple[int, int]]] = {}
        singles: dict[str, bool] = {}
        titled_last: dict[str, str | None] = {}
        titled_one: dict[str, tuple[str, int, int]] = {}
        full: list[tuple[int, int, RunShape, str]] = []
        maybe_people: list[tuple[int, RunShape]] = []
        for m in NAME_RUN.finditer(text):
            run = m.group()
            shape = run_shape(run)
            if "of" in run:
                pieces = _cut_at_of(m.start(), run)
            elif shape.toks:
                pieces = [(m.start(), m.end(), run)]
            else:
                continue
            for rs, rend, piece in pieces:
                if piece is not run:
                    shape = run_shape(piece)
                    if not shape.toks:
                        continue
                if len(shape.toks) == 1:
                    if shape.titled:
                        singles[shape.last] = True
                        titled_last[shape.last] = shape.gender
                        titled_one.setdefault(shape.last, (shape.toks[0], rs, rend))
                    elif shape.last not in singles:
                        lone.setdefault(shape.last, []).append((rs, rend))
                elif shape.full_name:
                    full.append((rs, rend, shape, piece))
                if not shape.orgish:
                    maybe_people.append((rs, shape))

        def single_use(last: str) -> bool:
            known = singles.get(last)
            if known is None:
                known = any(_speech_adjacent(text, a, b) for a, b in lone.get(last, ()))
                singles[last] = known
            return known

        # The people the entity engine found, split once: they are registered now and looked
        # up again for the mentions below.
        named = [
            (ent.start, *split_run(ent.canonical)[:2])
            for ent in reg.entities
            if ent.label == "PERSON"
        ]
        for pos, etoks, egender in named:
            if etoks:
                reg._add(etoks, egender, pos)
        for rs, rend, shape, run in full:
            fg = shape.first_gender
            last = shape.last
            if shape.titled or fg or single_use(last) or _speech_adjacent(text, rs, rend, True):
                if not (shape.titled or fg) and reg._named_org(rs, rend):
                    continue  # "the Festival Ballet": an organisation's name, not a person's
                g = shape.gender or titled_last.get(last)
                reg._add(shape.toks, g or fg, rs)
                if fg and not g:
                    reg.guessed_gender.add(" ".join(shape.toks))
                if shape.titled:
                    reg._titles(run, shape.toks)
        # "Mr. Obama", "Ms. LaBelle" with no fuller name in the article: a person all the same,
        # and someone "he" or "she" may stand for.
        for last, (tok, rs, rend) in titled_one.items():
            if last not in reg.by_last and not reg._named_org(rs, rend):
                reg._add_single(tok, titled_last.get(last), rs)
        by_last, by_first = reg.by_last, reg.by_first
        for rs, shape in maybe_people:
            last = shape.last
            if last in by_last or (len(shape.toks) == 1 and last in by_first):
                # `_may_know`: only then can `lookup` name a person of the registry.
                name = reg.lookup(shape.toks, shape.gender, rs)
                if name in reg.people:
                    reg.mentions.append((rs, name))
        for pos, etoks, egender in named:
            name = reg.lookup(etoks, egender, pos) if etoks else ""
            if name in reg.people:
                reg.mentions.append((pos, name))
        spans = sorted(blocked)
        starts = [b[0] for b in spans]

        def inside(pos: int) -> bool:
            i = bisect.bisect_right(starts, pos) - 1
            return i >= 0 and spans[i][0] <= pos < spans[i][1]

        reg.mentions = sorted({m for m in reg.mentions if not inside(m[0])})
        reg._mention_pos = [m[0] for m in reg.mentions]
        return reg

    def _named_org(self, start: int, end: int) -> bool:
        """Whether an ORG entity covers [start, end): the entity engine weighed more context
        (suffixes, acronyms, usage across the article) than a run's shape can."""
        e = self.entity_at(start, end)
        return e is not None and e.label == "ORG" and e.start <= start and e.end >= end

    def _add(self, toks: Sequence[str], gender: str | None, pos: int) -> None:
        """Register a full name, keeping the longest form of a name seen."""
        if len(toks) < 2:
            return  # a lone surname is a mention to resolve, not a person's full name
        name = " ".join(toks)
        last, first = _norm(toks[-1]), _norm(toks[0])
        for other in self.by_last.get(last, []):
            p = self.people[other]
            if _norm(p.tokens[0]) == first:
                if len(toks) > len(p.tokens):
                    # "Donald J. Trump" after "Donald Trump": keep one person, longest name.
                    p.name, p.tokens = name, list(toks)
                p.gender = p.gender or gender
                # Every form is a key, the longest too once it has replaced a shorter one.
                self.people.setdefault(name, p)
                self.people.setdefault(p.name, p)
                return
        if name in self.people:
            self.people[name].gender = self.people[name].gender or gender
            return
        self.people[name] = Person(name, list(toks), gender, pos)
        self.by_last.setdefault(last, []).append(name)
        self.by_first.setdefault(first, []).append(name)

    def _add_single(self, tok: str, gender: str | None, pos: int) -> None:
        """Register a person the article names by one word only, with a title."""
        name = tok.title() if tok.isupper() and len(tok) > 3 else tok
        self.people[name] = Person(name, [name], gender, pos)
        self.by_last.setdefault(_norm(tok), []).append(name)

    def _may_know(self, shape: RunShape) -> bool:
        """Whether `lookup` could name a person of the registry from this run: only through its
        last word (or, alone, a first name), since every registered name is indexed by both."""
        return shape.last in self.by_last or (len(shape.toks) == 1 and shape.last in self.by_first)

    def _titles(self, run: str, toks: Sequence[str]) -> None:
        """Remember the titles a person was given ("Mayor Imogen Tully" → mayor)."""
        name = self.lookup(toks, None, 0)
        p = self.people.get(name)
        if p is not None:
            for w in run.split()[: -len(toks)]:
                if _norm(w) in PERSON_TITLES:
                    p.titles.add(_norm(w))

    def titled_person(self, title: str, pos: int) -> str | None:
        """The person most recently named before `pos` with this title ("the mayor")."""
        i = bisect.bisect_left(self._mention_pos, pos) - 1
        while i >= 0 and pos - self.mentions[i][0] < 20_000:
            p = self.people.get(self.mentions[i][1])
            if p is not None and title in p.titles:
                return p.name
            i -= 1
        holders = list({id(p): p for p in self.people.values() if title in p.titles}.values())
        return holders[0].name if len(holders) == 1 else None

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The last PERSON/ORG entity overlapping [start, end)."""
        i = bisect.bisect_left(self._ent_starts, end) - 1
        while i >= 0 and self.entities[i].start >= start - 300:
            e = self.entities[i]
            if e.end > start and e.start < end:
                return e
            i -= 1
        return None

    def lookup(self, toks: Sequence[str], gender: str | None, pos: int) -> str:
        """The fullest known name for a mention ("Chung", "Mr Chung" → "Jacky Chung")."""
        if not toks:
            return ""
        if len(toks) >= 2:
            for cand in self.by_last.get(_norm(toks[-1]), []):
                p = self.people[cand]
                if _norm(p.tokens[0]) == _norm(toks[0]):
                    return p.name
            return " ".join(toks)
        key = _norm(toks[0])
        cands = list(self.by_last.get(key, []))
        if not cands:
            cands = list(self.by_first.get(key, []))
        if gender:
            fitting = [c for c in cands if self.people[c].gender in (gender, None)]
            cands = fitting or cands
        if not cands:
            word = toks[0]
            return word.title() if word.isupper() and len(word) > 3 else word
        if len(cands) == 1:
            return self.people[cands[0]].name
        # Several people share the surname: the one named most recently before this point.
        best, best_pos = cands[0], -1
        for c in cands:
            p = self.people[c]
            i = bisect.bisect_right(self._mention_pos, pos) - 1
            while i >= 0:
                if self.mentions[i][1] == p.name:
                    break
                i -= 1
            last_pos = self.mentions[i][0] if i >= 0 else (p.first_pos if p.first_pos < pos else -1)
            if last_pos > best_pos:
                best, best_pos = c, last_pos
        return self.people[best].name

    def shared(self, toks: Sequence[str]) -> bool:
        """Whether a one-word name is the surname of two people of this article (Eric and
        Donald Trump): which one it means is the context's call, never certain."""
        if len(toks) != 1:
            return False
        names = {self.people[c].name for c in self.by_last.get(_norm(toks[0]), ())}
        return len(names) > 1

    def knows(self, toks: Sequence[str]) -> bool:
        """Whether a one-word name is the surname of a person of this article ("PENCE")."""
        return len(toks) == 1 and _norm(toks[0]) in self.by_last

    def gender_of(self, name: str) -> str | None:
        """The gender a person's name is known to carry, if any."""
        p = self.people.get(name)
        return p.gender if p else None

    def likely_gender(self, name: str) -> str | None:
        """A gender the given name usually carries, from the name lists (not from this
        article): "Anton" is most likely not who "she" refers to, but an article may still
        prove otherwise, so this only ranks candidates and never rules one out."""
        p = self.people.get(name)
        if p is None or not p.tokens:
            return None
        first = fold(p.tokens[0])
        gaz = gazetteer()
        if first in gaz.male_names:
            return "m"
        if first in gaz.female_names:
            return "f"
        return None

    def recent_person(
        self,
        pos: int,
        gender: str | None,
        floor: int = 0,
        unlikely: bool = False,
        skip: Container[str] = (),
    ) -> str | None:
        """The most recent person mentioned before `pos` (not before `floor`) that fits `gender`;
        with `unlikely`, also one whose given name usually belongs to the other gender; never
        anyone in `skip`."""
        i = bisect.bisect_left(self._mention_pos, pos) - 1
        steps = 0
        while i >= 0 and self.mentions[i][0] >= floor and steps < 200:
            name = self.mentions[i][1]
            if name not in skip:
                g = self.gender_of(name)
                if gender is None or g == gender:
                    return name
                if g is None and (unlikely or self.likely_gender(name) in (None, gender)):
                    return name
            i -= 1
            steps += 1
        return None

    def sure_gender(self, name: str) -> str | None:
        """The gender the article itself tells (a title, a pronoun), not one guessed from the
        given name."""
        p = self.people.get(name)
        if p is None or p.gender is None:
            return None
        return None if p.name in self.guessed_gender or name in self.guessed_gender else p.gender

    def learn_gender(self, name: str, gender: str) -> None:
        """Record a gender learnt from usage ("Chung ... he said")."""
        p = self.people.get(name)
        if p and p.gender is None:
            p.gender = gender
