"""Document-level steps shared by every engine: one name, one label, one canonical form.

A sentence on its own often cannot say what "Chung" or "TC" is; the article usually can. After
an engine has proposed mentions with evidence for each label, these steps read the article as a
whole:

* votes: every mention of the same string pools its evidence, so one string gets one label,
  unless a mention's own context is strong and says otherwise ("Jordan" the country beside "Mr
  Jordan");
* acronyms: "Harbour Trade Council (HTC)" defines HTC, and an undefined "TC" whose letters are the
  initials of an organisation named in the article is linked to it; canonical is the expansion;
* people: a later "Chung" or "Mr Chung" is the "Jacky Chung" named earlier, with that canonical
  form and label PERSON; a photo credit never lends its name to another mention;
* organisations: "Deportivo" after "Deportivo Coruna" is the same club.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from tui.model import Entity
from tui.nlp.cues import word_set
from tui.nlp.gazetteer import fold

PERSON = "PERSON"
ORG = "ORG"
PLACE = "PLACE"
EVENT = "EVENT"
NAME_LABELS = (PERSON, ORG, PLACE, EVENT)

STRONG = 3.0
"""Evidence at least this strong from a mention's own context survives the article's vote."""

EMIT = 1.0
"""Evidence a mention needs, after pooling, to be reported at all."""


@dataclass(slots=True, eq=False)
class Mention:
    """A candidate name in the text with the evidence found for each label.

    Evidence comes in two kinds. `prior` is what the name's own words say (a gazetteer entry, a
    suffix such as "Ltd", a given name): every mention of the same string has the same prior,
    so the article counts it once. `context` is what the words around this mention say (a
    title, "said", "in"): each mention adds its own.

    `kind` says where it was found: "text" (running prose), "caps" (an all-caps headline or
    table row: it counts only when the article or a gazetteer confirms it), "credit" (a photo
    credit: a real person, but never the source of another mention's canonical name).
    """

    start: int
    end: int
    text: str
    prior: dict[str, float] = field(default_factory=dict)
    context: dict[str, float] = field(default_factory=dict)
    kind: str = "text"
    label: str | None = None
    canonical: str | None = None
    key: str = field(init=False)

    def __post_init__(self) -> None:
        self.key = fold(self.text)

    def add(self, label: str, weight: float) -> None:
        """Evidence from this mention's surroundings."""
        self.context[label] = self.context.get(label, 0.0) + weight

    def add_prior(self, label: str, weight: float) -> None:
        """Evidence from the name itself; the strongest piece per label counts."""
        if weight > self.prior.get(label, 0.0):
            self.prior[label] = weight

    @property
    def scores(self) -> dict[str, float]:
        """Prior and context added up, per label."""
        out = dict(self.prior)
        for label, weight in self.context.items():
            out[label] = out.get(label, 0.0) + weight
        return out

    def top_weight(self) -> float:
        """How much evidence the best label has (`best()[1]`, without naming the label)."""
        if not self.context:
            return max(self.prior.values(), default=0.0)
        if not self.prior:
            return max(self.context.values())
        # `max(self.scores.values())` without building the sum: each label's total once, the
        # prior alone for a label the context does not name (weights may be of any sign).
        prior, context = self.prior, self.context
        best = max(prior.get(label, 0.0) + weight for label, weight in context.items())
        for label, weight in prior.items():
            if weight > best and label not in context:
                best = weight
        return best

    def best(self) -> tuple[str | None, float]:
        """The label with the most evidence, and how much."""
        if not self.context:
            # Most mentions have evidence of one kind only: skip building the sum.
            return _top(self.prior)
        if not self.prior:
            return _top(self.context)
        scores = self.scores
        if not scores:
            return None, 0.0
        label = max(scores, key=scores.__getitem__)
        return label, scores[label]


def _top(scores: dict[str, float]) -> tuple[str | None, float]:
    """The label with the highest score (the first such, in insertion order), and the score."""
    if len(scores) == 1:
        return next(iter(scores.items()))  # the common case: one label
    if not scores:
        return None, 0.0
    label = max(scores, key=scores.__getitem__)
    return label, scores[label]


_CONNECTORS = word_set(
    """
    of the and & for de del della der den van von da di du dos das y
    """
)


def initials(name: str) -> str:
    """Capital initials of a name's words, skipping connectors: "Bank of England" -> "BE"."""
    out = []
    for word in re.split(r"[\s-]+", name):
        if word and word.casefold() not in _CONNECTORS and word[0].isupper():
            out.append(word[0])
    return "".join(out)


def acronym_letters(token: str) -> str:
    """The letters of an acronym as written: "U.N." -> "UN", "HTC" -> "HTC"."""
    return token.replace(".", "").replace("&", "")


def resolve(text: str, mentions: list[Mention]) -> list[Entity]:
    """Apply the document-level steps and return the entities, sorted and non-overlapping."""
    mentions = _drop_overlaps(mentions)
    acronyms = _define_acronyms(text, mentions)
    _vote(mentions)
    _link_acronyms(mentions, acronyms)
    _link_people(mentions)
    _link_organisations(mentions)
    out: list[Entity] = []
    for m in mentions:
        if m.label is None or m.label not in NAME_LABELS:
            continue
        out.append(
            make_entity(
                {
                    "start": m.start,
                    "end": m.end,
                    "label": m.label,
                    "text": m.text,
                    "canonical": _tidy(m.canonical or _plain_canonical(m)),
                }
            )
        )
    return out


def make_entity(fields: dict[str, object]) -> Entity:
    """`Entity(**fields)`, validated the same way, made by the model's validator directly.

    An article makes dozens of entities: the validator called on the dict skips the model's
    Python `__init__` frame, about a third quicker per entity than `Entity(...)` (and quicker
    still than `model_construct`, which pydantic 2 runs in Python). The model is the same."""
    entity: Entity = _VALIDATE_ENTITY(fields)
    return entity


_VALIDATE_ENTITY = Entity.__pydantic_validator__.validate_python


def _tidy(name: str) -> str:
    """A canonical name with its spaces made plain ("Port\u00a0Ellis" -> "Port Ellis"), so that
    one name groups as one however the page spaced it."""
    return name if name.isascii() and "  " not in name else " ".join(name.split())


def _drop_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    out: list[Mention] = []
    last_end = -1
    for m in ordered:
        if m.start >= last_end and m.end > m.start:
            out.append(m)
            last_end = m.end
    return out


def _plain_canonical(m: Mention) -> str:
    """A mention's own text, with an all-caps headline or credit name written as a name."""
    if m.kind in ("caps", "credit") and m.text.isupper() and len(m.text) > 4:
        return " ".join(w.capitalize() if len(w) > 1 else w for w in m.text.split())
    return m.text


_PAREN = re.compile(r"\s?\(\s?([^()\n]{1,80}?)\s?\)")


def _paren_matches(text: str) -> Iterator[re.Match[str]]:
    """What `_PAREN.finditer(text)` finds, tried only at each "(" and the space before it: the
    pattern opens with an optional space, which the regex engine cannot scan for quickly."""
    end = 0
    p = text.find("(")
    while p >= 0:
        match = None
        if p - 1 >= end and text[p - 1].isspace():
            match = _PAREN.match(text, p - 1)
        if match is None and p >= end:
            match = _PAREN.match(text, p)
        if match is not None:
            yield match
            end = match.end()
        p = text.find("(", p + 1)


def _define_acronyms(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """Acronyms the article defines, keyed by their letters, mapped to the expansion mention.

    Both orders count: "Harbour Trade Council (HTC)" and "HTC (Harbour Trade Council)".
    """
    defined: dict[str, Mention] = {}
    if "(" not in text:
        return defined
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    for match in _paren_matches(text):
        inner_start, inner_end = match.span(1)
        before = by_end.get(match.start())
        inside = by_start.get(inner_start)
        if before is None or inside is None or inside.end != inner_end:
            continue
        for short, long in ((inside, before), (before, inside)):
            letters = acronym_letters(short.text)
            if (
                2 <= len(letters) <= 8
                and letters.isupper()
                and " " not in short.text
                and _matches_initials(letters, long.text)
            ):
                defined[letters] = long
                long.add_prior(long.best()[0] or ORG, 1.0)
                short.canonical = long.text
                short.kind = "acronym"
                break
    return defined


def _matches_initials(letters: str, name: str) -> bool:
    """Whether an acronym fits a name: its letters are initials of the words, in order.

    "HTC" fits "Harbour Trade Council"; "NATO" fits "North Atlantic Treaty Organisation"; "MOI"
    and "MI" both fit "Ministry of Infrastructure" (connectors may or may not give a letter);
    a word may give two letters when it has two capitals ("TeleCom" -> "TC").
    """
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if len(words) < 2 or not words[0][:1].isupper() or words[0][0] != letters[0]:
        return False
    return _fits(letters, 0, words, 0)


def _fits(letters: str, i: int, words: list[str], j: int) -> bool:
    """Letters[i:] spelt by words[j:], every content word giving one or more letters."""
    if j == len(words):
        return i == len(letters)
    word = words[j]
    if word.casefold() in _CONNECTORS:
        # A connector gives its initial or nothing.
        if (
            i < len(letters)
            and word[0].upper() == letters[i]
            and _fits(letters, i + 1, words, j + 1)
        ):
            return True
        return _fits(letters, i, words, j + 1)
    if i >= len(letters) or word[0].upper() != letters[i]:
        return False
    # The word's own initial, then maybe further capitals inside it.
    k = i + 1
    if _fits(letters, k, words, j + 1):
        return True
    for ch in word[1:]:
        if ch.isupper() and k < len(letters) and ch == letters[k]:
            k += 1
            if _fits(letters, k, words, j + 1):
                return True
    return False


def _vote(mentions: list[Mention]) -> None:
    """One label per string: pool evidence by key, let a strong local cue keep its own label.

    The prior counts once per string (the strongest seen), context once per mention.
    """
    priors: dict[str, dict[str, float]] = {}
    contexts: dict[str, dict[str, list[float]]] = {}
    for m in mentions:
        if m.kind == "credit":
            continue
        key = m.key
        prior = priors.get(key)
        if prior is None:
            # The first mention of a string: most strings have one, or share one prior.
            priors[key] = {label: weight for label, weight in m.prior.items() if weight > 0.0}
        else:
            for label, weight in m.prior.items():
                if weight > prior.get(label, 0.0):
                    prior[label] = weight
        if m.context:
            context = contexts.get(key)
            if context is None:
                contexts[key] = {label: [weight] for label, weight in m.context.items()}
            else:
                for label, weight in m.context.items():
                    context.setdefault(label, []).append(weight)
    top_by_key: dict[str, tuple[str | None, float]] = {}
    for key, pooled in priors.items():  # each dict is this function's own: pooled in place
        context = contexts.get(key)
        if context is not None:
            for label, weights in context.items():
                pooled[label] = pooled.get(label, 0.0) + _saturate(weights)
        top_by_key[key] = _top(pooled)
    for m in mentions:
        if m.kind == "credit":
            own, own_weight = m.best()
            m.label = own if own_weight >= EMIT else None
            continue
        top, weight = top_by_key.get(m.key, (None, 0.0))
        if top is None:
            continue
        if m.context and max(m.context.values()) >= STRONG:
            # Only a strong cue of its own can overrule the pool: look for one only then.
            own, own_weight = m.best()
            if own is not None and own != top and m.context.get(own, 0.0) >= STRONG:
                top, weight = own, own_weight
        m.label = top if weight >= EMIT else None


def _saturate(weights: list[float]) -> float:
    """Pooled context: the strongest cue in full, each further one at three quarters of the
    weight of the one before, so that many weak hints ("to P2P", "from P2P") do not add up to
    a certainty while real repetition still counts."""
    if len(weights) == 1:
        return weights[0]  # the common case: one cue
    total = 0.0
    factor = 1.0
    for weight in sorted(weights, reverse=True):
        total += weight * factor
        factor *= 0.75
    return total


def _link_acronyms(mentions: list[Mention], defined: dict[str, Mention]) -> None:
    """Give every use of a defined (or guessable) acronym its expansion as canonical."""
    expansions: dict[str, Mention] = dict(defined)
    for m in mentions:
        if m.label == ORG and " " in m.text and m.kind not in ("caps", "credit"):
            expansions.setdefault(initials(m.text), m)
    if not expansions:
        return
    for m in mentions:
        if " " in m.text:
            continue
        letters = acronym_letters(m.text)
        if (
            len(letters) < 2
            or len(letters) > 8
            or not letters.isupper()
            or not m.text[:1].isalpha()
        ):
            continue
        long = expansions.get(letters)
        if long is None or long is m:
            continue
        if m.label is None and m.kind == "caps":
            continue
        m.canonical = long.canonical or long.text
        if long.label is not None:
            m.label = long.label


_PARTICLES = word_set(
    """
    de del della der den van von da di du dos das la le bin ibn al el
    """
)


KNOWN_ORG_PRIOR = 3.0
"""The prior a known organisation's exact name has (`name_priors`): a lone mention of it is the
organisation unless its own context says a person ("Ford said he ...")."""


def _link_people(mentions: list[Mention]) -> None:
    """Surnames and first names seen alone take the full name given earlier (or later)."""
    full_names: list[Mention] = [
        m for m in mentions if m.label == PERSON and m.kind != "credit" and " " in m.text.strip()
    ]
    is_full = {id(m) for m in full_names}
    by_part: dict[str, list[Mention]] = {}
    for m in full_names:  # in text order, so each list is sorted by start
        words = [w for w in m.text.split() if w.casefold() not in _PARTICLES and len(w) > 1]
        for word in {words[0], words[-1]} if words else set():
            if word.isupper():
                continue  # "US" in "US Congressional ..." is no one's name
            by_part.setdefault(fold(word.rstrip(".")), []).append(m)
    by_full: dict[str, Mention] = {}
    for m in full_names:
        by_full.setdefault(m.key, m)
    for m in mentions:
        if m.label == EVENT:
            continue
        if m.kind == "credit":
            same = by_full.get(m.key)
            if same is not None:
                m.canonical = same.canonical or same.text
            continue
        if id(m) in is_full:
            continue
        candidates = by_part.get(m.key)
        if not candidates:
            continue
        own, own_weight = m.best()
        if own not in (PERSON, None) and own_weight >= STRONG and m.context.get(own, 0.0) >= EMIT:
            continue  # "in Jordan" stays a place even in an article about Michael Jordan
        if m.prior.get(ORG, 0.0) >= KNOWN_ORG_PRIOR and m.context.get(PERSON, 0.0) <= m.context.get(
            ORG, 0.0
        ):
            continue  # "Ford, the US car company, reported ...": a known company, not Bill Ford
        nearest = _namesake(candidates, m.start)
        strongest_other = max((w for label, w in m.prior.items() if label != PERSON), default=0.0)
        if strongest_other >= 2.0 and nearest.prior.get(PERSON, 0.0) < 2.0:
            continue  # a country is not the surname of a name we are unsure of
        m.label = PERSON
        m.canonical = nearest.canonical or nearest.text
    for m in full_names:
        if m.canonical is None:
            m.canonical = m.text


def _namesake(candidates: list[Mention], pos: int) -> Mention:
    """The full name a lone "Trump" at `pos` stands for, among `candidates` (in text order).

    One person: the full name named last before it, else the first after it. Several people
    sharing the word (Eric and Donald Trump): the one the article introduced first. A writer
    keeps the bare surname for the article's main subject, who comes first, and gives the
    other namesakes their full names or first names each time; the namesake named most recently
    is often just that full-name reference to the other one."""
    plausible = [c for c in candidates if len(c.text.split()) <= 4]
    candidates = plausible or candidates  # more words: a headline glued to a name
    i = bisect_left([c.start for c in candidates], pos)
    nearest = candidates[i - 1] if i > 0 else candidates[0]
    first = candidates[0]
    if same_person(first.text, nearest.text):
        return nearest
    if pos - nearest.start <= NAMESAKE_NEAR and not any(
        pos - c.start <= NAMESAKE_NEAR and same_person(c.text, first.text) for c in candidates[:i]
    ):
        # "His father, Samuel Okonjo, said ... The elder Okonjo said": the namesake named
        # just before, when the first one is not named as near.
        return nearest
    return first


NAMESAKE_NEAR = 300
"""How close (in characters, about two sentences) a namesake's full name must come before a
lone surname to take it from the article's first-named namesake."""


def same_person(a: str, b: str) -> bool:
    """Whether two full names name one person: the same first and last words ("Donald J.
    Trump", "Donald Trump"), or one ending with the whole other ("Abortions Jeb Bush", a
    headline glued to "Jeb Bush")."""
    wa, wb = [fold(w) for w in a.split()], [fold(w) for w in b.split()]
    if (wa[0], wa[-1]) == (wb[0], wb[-1]):
        return True
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return long[-len(short) :] == short


def _link_organisations(mentions: list[Mention]) -> None:
    """A single word that opens an organisation's longer name refers to it ("Deportivo").

    Only when that word opens exactly one organisation's name in the article: a word that opens
    several ("Calder Audit Office", "Calder Football Federation") is a place or a namesake, not
    a short form of either. A mention with evidence of its own for another label keeps it.
    """
    firsts: dict[str, set[str]] = {}
    first_mention: dict[str, Mention] = {}
    for m in mentions:
        if m.label == ORG and " " in m.text and m.kind not in ("caps", "credit"):
            first = m.text.split()[0]
            if len(first) > 2 and not first.isupper():
                firsts.setdefault(fold(first), set()).add(m.key)
                first_mention.setdefault(fold(first), m)
    placed = {m.key for m in mentions if m.context.get(PLACE, 0.0) > 0.0}
    for m in mentions:
        if " " in m.text or m.label == PERSON or PERSON in m.prior:
            continue
        if len(firsts.get(m.key, ())) != 1:
            continue
        if m.prior.get(PLACE, 0.0) >= 2.0 or m.key in placed:
            continue  # "Israel" is not "Israel Radio"; "in Calder" is a place
        own, _ = m.best()
        if own not in (ORG, None) and m.context.get(own, 0.0) >= STRONG:
            continue
        long = first_mention[m.key]
        m.label = ORG
        m.canonical = long.text
