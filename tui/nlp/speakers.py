"""Who is who in one article: names, their fullest forms, genders, and pronoun resolution.

The quote finder must name speakers well even when the entity engine gives it nothing, so this
module carries its own light person detection: capitalised word runs, read with person titles
(Mr, Sen., President...), a short list of common first names, and the article's own habit of
introducing "Jacky Chung" once and calling him "Chung" or "Mr Chung" afterwards. When PERSON and
ORG entities are given, their `canonical` forms win.

Everything is a few regex scans over the text plus dictionary look-ups: linear in its length.
How one capitalised run reads as a name (its tokens without titles, a gender, whether it looks
like an organisation's) is `speaker_runs`, read once per distinct run.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter

from tui.model import Entity

# `_PARTICLE`, `_TOKEN` and `_UP` stay importable from here: tests of the entity engine read
# the run pattern's pieces as `speakers._UP` and so on.
from tui.nlp.capital_runs import (  # noqa: F401
    _PARTICLE,
    _TOKEN,
    CACHE_SIZE,
    NAME_RUN,
    UPPER,
    cut_at_of,
)
from tui.nlp.capital_runs import UPPER as _UP  # noqa: F401
from tui.nlp.capital_runs import norm_token as _norm
from tui.nlp.coref import NAMESAKE_NEAR, same_person
from tui.nlp.gazetteer import fold, gazetteer
from tui.nlp.speaker_runs import (  # noqa: F401  (importable from here, as before)
    ACRONYM,
    GIVEN,
    POST_NOMINALS,
    RunShape,
    _after_headline_words,
    first_name_gender,
    is_orgish,
    run_shape,
    split_run,
)
from tui.nlp.speaker_words import (
    HONORIFICS,
    PERSON_TITLES,
)

PEERAGE = frozenset(("lord", "lady", "baroness", "baron", "viscount", "viscountess", "earl"))
"""Titles a peer goes by with one name ("Lord Carlile", "Baroness Kennedy")."""

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


_START = attrgetter("start")


_CLAUSE_OPENERS = frozenset(
    ("but", "and", "so", "then", "yet", "while", "when", "as", "if", "because", "after", "before")
)
"""Words that open a clause before a surname ("But Assad said"): no piece of a name."""


def _piece_of_a_name(text: str, word: str) -> bool:
    """Whether the article writes `word` after another capitalised word, inside a sentence
    ("shares in Standard Chartered"), or in small letters ("the coal industry"): then it is
    a piece of a longer name or a word, not a person's surname. ("Mr Assad", "But Assad" are
    his.)"""
    for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
        if not m.group()[0].isupper():
            return True
        before = text[max(0, m.start() - 30) : m.start()].split()
        if not before or not before[-1][:1].isupper() or before[-1][-1:] in '.!?:,"”':
            continue
        prev = before[-1].strip("\"“'‘(")
        if _norm(prev) not in PERSON_TITLES and _norm(prev) not in _CLAUSE_OPENERS:
            return True  # "Black Spider said", "shares in Standard Chartered"
    return False


def clear_caches() -> None:
    """Forget the runs read so far (for benchmarks that must start cold)."""
    for cached in (_norm, split_run, run_shape):
        cached.cache_clear()


_APOSTROPHE_NAME = re.compile(rf"[{UPPER}]\w*+[’'][{UPPER}]\w+")
"""A name with an apostrophe ("O'Neill"). The first word is taken whole (`*+`, nothing given
back): an apostrophe is no word character, so giving letters back never lets it match, and a
capitalised word without one is passed over at once instead of letter by letter."""


def _apostrophe_spellings(text: str) -> dict[str, str]:
    """The spelling the article uses most for each name with an apostrophe
    (`Registry.spellings`)."""
    if "'" not in text and "’" not in text:
        return {}
    counts: dict[str, dict[str, int]] = {}
    for m in _APOSTROPHE_NAME.finditer(text):
        word = m.group()
        forms = counts.setdefault(word.replace("’", "'"), {})
        forms[word] = forms.get(word, 0) + 1
    return {key: max(forms, key=forms.__getitem__) for key, forms in counts.items()}


@dataclass
class Person:
    """One person known in the article: the fullest name seen and a gender if one is known."""

    name: str
    tokens: list[str]
    gender: str | None = None
    first_pos: int = 0
    titles: set[str] = field(default_factory=set)
    offices: set[str] = field(default_factory=set)
    """Offices the person was named in, lower case, as written before the name ("deputy prime
    minister", "home secretary"): what "the prime minister" is matched against (`offices`)."""


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
    _spellings: dict[str, str] | None = None  # see `spellings`, made on first use
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
        # Entities come sorted from the entity engine (sorting sorted data only checks it);
        # `attrgetter` reads the key in C, a lambda would be a Python call per entity.
        reg.entities = sorted(
            [e for e in entities if e.label == "PERSON" or e.label == "ORG"], key=_START
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
        titled_runs: dict[tuple[str, str], None] = {}  # each "President X" once
        full: list[tuple[int, int, RunShape, str]] = []
        maybe_people: list[tuple[int, RunShape]] = []
        for m in NAME_RUN.finditer(text):
            run = m.group()
            shape = run_shape(run)
            if "of" in run:
                pieces = [
                    (rs, rend, piece, run_shape(piece))
                    for rs, rend, piece in cut_at_of(m.start(), run)
                ]
            elif shape.toks:
                # The common case, a run with no "of" in it: one piece, the run itself.
                pieces = [(m.start(), m.end(), run, shape)]
            else:
                continue
            for rs, rend, piece, shape in pieces:
                toks = shape.toks
                if not toks:
                    continue
                if len(toks) == 1:
                    last = shape.last
                    if shape.titled:
                        singles[last] = True
                        titled_last[last] = shape.gender
                        titled_one.setdefault(last, (toks[0], rs, rend))
                        titled_runs[piece, toks[0]] = None
                    elif last not in singles:
                        lone.setdefault(last, []).append((rs, rend))
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
            knighted = _norm(text[rs:rend].split(" ", 1)[0]) in ("sir", "dame")
            if knighted and last in reg.by_first:
                continue  # "Sir Ian" is Sir Ian Blair: knights go by their given name
            if last not in reg.by_last and not reg._named_org(rs, rend):
                words = text[rs:rend].split()
                peer = words[-2] if len(words) > 1 and _norm(words[-2]) in PEERAGE else None
                if _norm(tok) in PERSON_TITLES:
                    peer = None  # "The Lord Chancellor": an office, not a peer's name
                reg._add_single(tok, titled_last.get(last), rs, peer)
        for piece, tok in titled_runs:
            reg._titles(piece, [tok])  # "President Saakashvili": his office
        gaz = gazetteer()
        for pos, etoks, egender in named:
            # "Assad told the AP that ... He cited ...": a person the article names by one word
            # only, who speaks, is someone "he" may stand for. Not a word the entity engine
            # took from a longer name ("Standard Chartered" → "Chartered"), a title or a word.
            if len(etoks) == 1:
                last = _norm(etoks[0])
                key = fold(etoks[0])
                if (
                    last not in reg.by_last
                    and last not in reg.by_first
                    and last not in PERSON_TITLES
                    and key not in gaz.common_words
                    and key not in gaz.given_names
                    and single_use(last)
                    and not _piece_of_a_name(text, etoks[0])
                ):
                    reg._add_single(etoks[0], egender, pos)
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

    @property
    def spellings(self) -> dict[str, str]:
        """Names written with an apostrophe, by their straight form, as the article writes them
        most ("O'Neill" three times, "O’Neill" once): one spelling for one person.

        Read through the whole text on first use only: most articles register no name with an
        apostrophe, and then never need it."""
        if self._spellings is None:
            self._spellings = _apostrophe_spellings(self.text)
        return self._spellings

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
        # Only a token with an apostrophe can be respelt (every key of `spellings` has one).
        if ("'" in name or "’" in name) and self.spellings:
            toks = [self.spellings.get(t.replace("’", "'"), t) for t in toks]
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

    def _add_single(self, tok: str, gender: str | None, pos: int, peer: str | None = None) -> None:
        """Register a person the article names by one word only, with a title. A peer keeps
        the title ("Lord Carlile"): it is the name they go by, and "Carlile" alone is not."""
        name = tok.title() if tok.isupper() and len(tok) > 3 else tok
        if peer is not None:
            name = f"{peer} {name}"
        self.people[name] = Person(name, [name], gender, pos)
        self.by_last.setdefault(_norm(tok), []).append(name)

    def _may_know(self, shape: RunShape) -> bool:
        """Whether `lookup` could name a person of the registry from this run: only through its
        last word (or, alone, a first name), since every registered name is indexed by both."""
        return shape.last in self.by_last or (len(shape.toks) == 1 and shape.last in self.by_first)

    def _titles(self, run: str, toks: Sequence[str]) -> None:
        """Remember the titles a person was given ("Mayor Imogen Tully" → mayor) and the office
        they make ("Deputy Prime Minister John Prescott" → deputy prime minister)."""
        name = self.lookup(toks, None, 0)
        p = self.people.get(name)
        if p is not None:
            words = [_norm(w) for w in run.split()[: -len(toks)]]
            for w in words:
                if w in PERSON_TITLES:
                    p.titles.add(w)
            office = [w for w in words if w not in HONORIFICS]
            if office and office[-1] in PERSON_TITLES:
                p.offices.add(" ".join(office))

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
        # Several people share the surname: the one the article introduced first, unless
        # another was named just before (`coref._namesake` says why). A "name" of more than
        # four words is a headline glued to a name ("Sharpton Said Something About Donald
        # Trump"), and one that ends with another's whole name is that person.
        plausible = [c for c in cands if len(self.people[c].tokens) <= 4] or cands
        if all(same_person(plausible[0], c) for c in plausible):
            return min((self.people[c].name for c in plausible), key=len)
        cands = plausible
        first = min(cands, key=lambda c: self.people[c].first_pos)
        near = {self.people[c].name for c in cands}
        seen = set()
        i = bisect.bisect_left(self._mention_pos, pos) - 1
        while i >= 0 and pos - self.mentions[i][0] <= NAMESAKE_NEAR:
            if self.mentions[i][1] in near:
                seen.add(self.mentions[i][1])
            i -= 1
        names = [n for n in seen if n != self.people[first].name]
        if len(names) == 1 and self.people[first].name not in seen:
            return names[0]
        return self.people[first].name

    def namesakes(self, toks: Sequence[str]) -> set[str]:
        """The people of this article whose surname is the last of `toks`."""
        if not toks:
            return set()
        return {self.people[c].name for c in self.by_last.get(_norm(toks[-1]), ())}

    def shared(self, toks: Sequence[str]) -> bool:
        """Whether a one-word name is the surname of two people of this article (Eric and
        Donald Trump): which one it means is the context's call, never certain."""
        return len(toks) == 1 and len(self.namesakes(toks)) > 1

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
