"""Capitalised spans and the cues that say what each one names (the rules engine).

The finder reads a text once with a single regular expression for runs of capitalised words
(with "of", "de", "&" and friends allowed between them) and then looks only at those runs, so
the cost grows with the number of names, not of words. Each run is cut into candidate names,
stripped of sentence-opening words and titles, and given evidence for PERSON, ORG, PLACE or
EVENT from its own words (gazetteers, suffixes), the words around it (titles, roles, "in", "said")
and the kind of line it is on. Runs on all-caps lines (headlines, agency slugs, sports tables)
say nothing by their capitals, so they count only where a gazetteer or the rest of the article
confirms them. `coref.resolve` then settles one label and one canonical form per name.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from tui.model import Span
from tui.nlp import cues
from tui.nlp.coref import ORG, PERSON, PLACE, Mention
from tui.nlp.gazetteer import BIG_CITY, CITY, fold, gazetteer
from tui.nlp.name_companies import mark_company_words, web_name
from tui.nlp.name_credits import find_credits
from tui.nlp.name_cues import (
    AFTER_WORKPLACE,
    ALWAYS_STRIP,
    DATE_WORDS,
    EMPLOYEE_WORDS,
    KNOWN_ORG_KEYS,
    LOCATIVE,
    NOT_FIRST_NAMES,
    NOT_PERSON_VERBS,
    ORG_HOLDING,
    PERSON_VERBS,
    ROLE_KEYS,
    SHOW_WORDS,
    SKIP_SINGLE,
    SPEECH,
    TITLE_HEADS,
    WORKPLACE_ROLES,
)
from tui.nlp.name_doc import AGE_AFTER, DATELINE_AFTER, DATELINE_DASH, Doc
from tui.nlp.name_priors import FACTS_CACHE, name_facts
from tui.nlp.name_runs import (
    TOKEN,
    caps_word,
    front_pieces,
    is_word,
    next_word,
    run_shape,
    runs,
    sentence_initial,
)
from tui.nlp.name_sports import sports_evidence, team_in_table

__all__ = ["at_workplace", "clear_caches", "find_credits", "find_name_mentions"]


def find_name_mentions(
    text: str, taken: Sequence[tuple[int, int]] = (), captions: Sequence[Span] = ()
) -> list[Mention]:
    """Candidate names in `text` with their evidence; `taken` spans (dates, money, which never
    overlap each other) are skipped.

    `captions` are accepted for symmetry with the engines' interface: photo credits are found
    by their shape wherever they are (see `find_credits`).
    """
    del captions
    gaz = gazetteer()
    doc = Doc(text, gaz)
    taken_sorted = sorted(taken)
    taken_starts = [a for a, _ in taken_sorted]
    mentions: list[Mention] = []
    caps_runs: list[tuple[int, int]] = []
    next_taken = 0  # the first taken span that may still overlap a run (runs come in order)
    for run in runs(text):
        start, end = run.span()
        if end - start < 15 and run.group() in SKIP_SINGLE:
            continue  # most runs are one sentence-opening word: "The", "But", "He"
        while next_taken < len(taken_sorted) and taken_sorted[next_taken][1] <= start:
            next_taken += 1
        if next_taken < len(taken_sorted) and taken_sorted[next_taken][0] < end:
            # A date inside a run ("Tuesday") splits it; keep the parts outside the date.
            for a, b in _outside(start, end, taken_sorted, taken_starts):
                _read_run(doc, a, b, mentions, caps_runs)
            continue
        _read_run(doc, start, end, mentions, caps_runs)
    for credit in find_credits(text):
        _remove_inside(mentions, credit.start, credit.end)
        caps_runs[:] = [r for r in caps_runs if r[1] <= credit.start or r[0] >= credit.end]
        mentions.append(credit)
    _restore_openers(doc, mentions)
    mark_company_words(mentions)
    if caps_runs:  # few articles have any: only then is it worth knowing the names
        known = _known_names(mentions)
        for start, end in caps_runs:
            mentions.extend(_read_caps(doc, start, end, known))
    return mentions


_OPENER_KEYS = frozenset(fold(w) for w in cues.COMMON_INITIAL)


def _restore_openers(doc: Doc, mentions: list[Mention]) -> None:
    """Give back the first word a sentence's start took from a name the article also writes
    whole inside a sentence: "Ask Jeeves said ..." opens with "Ask", a word that opens
    sentences and is cut off there, yet "paid by Ask Jeeves" shows it is the name's own.
    Without this the opening mentions are a bare "Jeeves", taken for someone else."""
    whole: dict[str, str] = {}
    for m in mentions:
        if m.kind == "text" and " " in m.key:
            first, rest = m.key.split(" ", 1)
            if first in _OPENER_KEYS:
                whole[rest] = m.key
    if not whole:
        return  # the common case: no name opens with such a word
    text = doc.text
    for i, m in enumerate(mentions):
        full = whole.get(m.key)
        if full is None or m.kind != "text":
            continue
        prev = doc.prev_word(m.start)
        a = m.start - len(prev) - 1
        if a < 0 or text[a : m.start] != prev + " " or fold(prev) != full.split(" ", 1)[0]:
            continue
        if not sentence_initial(text, a):
            continue
        restored: list[Mention] = []
        _score(doc, a, m.end, 0.0, False, restored)
        if restored:
            mentions[i] = restored[0]


def _known_names(mentions: list[Mention]) -> set[str]:
    """Keys of the names the running text confirms, which an all-caps run may then use."""
    known = {m.key for m in mentions if m.kind == "text" and m.top_weight() >= 1.0}
    for m in mentions:
        if " " in m.text and m.prior.get(PERSON, 0.0) >= 2.0:
            known.add(fold(m.text.rsplit(" ", 1)[-1]))  # "OKAFOR" in a headline
    return known


def _outside(
    start: int, end: int, taken: list[tuple[int, int]], starts: list[int]
) -> list[tuple[int, int]]:
    """Pieces of [start, end) not covered by taken spans (they may keep edge spaces)."""
    pieces: list[tuple[int, int]] = []
    pos = start
    i = max(bisect_right(starts, start) - 1, 0)
    while i < len(taken) and taken[i][0] < end:
        a, b = taken[i]
        if b > pos:
            if a > pos:
                pieces.append((pos, a))
            pos = max(pos, b)
        i += 1
    if pos < end:
        pieces.append((pos, end))
    return pieces


POST_NOMINALS = (" MP", " MEP", " MSP", " QC", " KC", " MLA")
"""Letters written after a name (a member of parliament, a senior barrister)."""


def _read_run(
    doc: Doc, start: int, end: int, out: list[Mention], caps_runs: list[tuple[int, int]]
) -> None:
    """Cut one run of capitalised words into candidate names and score each."""
    text = doc.text
    run = text[start:end]
    if run.endswith(POST_NOMINALS) and fold(run.split(None, 1)[0]) in doc.gaz.given_names:
        # "Frank Field MP", "Guy Mansfield QC": the letters after a name are no part of it
        # ("the Ealing North MP" is a description: no given name opens it).
        end = start + run.rindex(" ")
        run = text[start:end]
    if " " not in run and "\t" not in run and "\u00a0" not in run:
        # One word, the common case: no connectors, no segments.
        if run.isupper() and caps_word(run) and doc.caps_line(start):
            caps_runs.append((start, end))
        elif text.startswith(".", end) and (web := web_name(text, start, end)) is not None:
            out.append(web)  # "Booking.com"
        elif fold(run) not in ALWAYS_STRIP:  # what `split_front` leaves of one word
            _score(doc, start, end, 0.0, sentence_initial(text, start), out)
        return
    shape = run_shape(run)
    if shape.caps is not None and (shape.caps or doc.caps_line(start)):
        caps_runs.append((start + shape.words[0][0], start + shape.words[-1][1]))
        return
    first_new = len(out)
    for texts, starts, ends in shape.segments:
        initial = sentence_initial(text, start + starts[0])
        for lo, hi, person in front_pieces(texts, initial):
            _score(doc, start + starts[lo], start + ends[hi - 1], person, initial and lo == 0, out)
    if len(out) - first_new > 1:
        _share_evidence(out[first_new:])


def _share_evidence(siblings: list[Mention]) -> None:
    """Names listed together are usually of one kind: "Kostas Kenteris and Katerina Thanou".

    A name with no evidence of its own beyond the default for unknown words takes a little
    from a sibling whose own words say clearly what it is.
    """
    for m in siblings:
        if m.context or any(w > 0.75 for w in m.prior.values()):
            continue
        for other in siblings:
            if other is m:
                continue
            label, weight = max(other.prior.items(), key=lambda kv: kv[1], default=("", 0.0))
            if weight >= 2.0:
                m.add(label, 1.0)
                break


def _verb(word: str) -> bool:
    """Whether a word in small letters after a name reads as its verb: "used", "has"."""
    if word in PERSON_VERBS:
        return True
    return len(word) > 4 and word.endswith("ed") and word not in NOT_PERSON_VERBS


def _unknown(doc: Doc, m: Mention) -> bool:
    """Whether a name's own words say nothing but "maybe a person": no gazetteer or suffix
    makes it a place, an organisation or an event, and it does not end in a plural that is
    no one's surname ("Pirelli Cables", "Johnson Controls")."""
    if any(label != PERSON and weight >= 1.0 for label, weight in m.prior.items()):
        return False
    last = m.key.rsplit(" ", 1)[-1]
    return not last.endswith("s") or last in doc.gaz.surnames


_PRONOUN_AFTER_SPEECH = {"he": PERSON, "she": PERSON, "his": PERSON, "her": PERSON, "its": ORG}


def _after_speech(text: str, pos: int, m: Mention) -> None:
    """ "Lebed said he ...": the pronoun after the speech verb says who spoke; "Meituan said
    its ..." an organisation. ("it" says nothing: "Smith said it was wrong".)"""
    label = _PRONOUN_AFTER_SPEECH.get(next_word(text, pos))
    if label is not None:
        m.add(label, 1.0 if label == PERSON else 1.5)


_ARTICLES = frozenset(("a", "an", "the", "its", "his", "her", "their", "our", "former"))
_RANK_ADJECTIVES = frozenset(("private", "general", "major"))
"""Ranks ("Private Jones") that in lower case are adjectives of what follows."""


def _apposition(text: str, pos: int, m: Mention) -> None:
    """ "Zhang Wei, sales director of Sinotrans, said": a role in the few words after the comma
    says whose name it is ("Abdelkader Tounsi, a spokesman for ...", "Kwabena Ofori-Atta, the
    finance minister"). A place with a role after it ("France, the current president of the
    EU") keeps most of its own evidence.

    Read by splitting a short slice of the line: names followed by a comma are common, and
    this is much quicker than reading word by word with a regex."""
    chunk = text[pos : pos + 60]
    newline = chunk.find("\n")
    if newline >= 0:
        chunk = chunk[:newline]
    for i, word in enumerate(chunk.split(None, 5)[:5]):
        stripped = word.rstrip(",.;:")
        key = stripped.casefold()
        if i == 0 and key in _ARTICLES:
            continue
        if key in _RANK_ADJECTIVES and word.islower():
            continue  # "the private firm", "the general manager": not a rank here
        if key in ROLE_KEYS or key in TITLE_HEADS:
            m.add(PERSON, 1.0 if m.prior.get(PLACE, 0.0) >= 2.0 else 2.0)
            return
        if i <= 2 and key in cues.ORG_DESCRIPTORS:
            # "Metrovias, the private firm which runs ...": an organisation, not a person.
            m.add(ORG, 2.0)
            return
        if stripped != word or not word[:1].isalpha():
            return  # the apposition ended, or it is not one, without a role


def at_workplace(text: str, start: int) -> bool:
    """Whether the name at `start` follows "at" and a job held there: "an analyst at Petercam"
    names where someone works, not what the story is about."""
    head = text[max(0, start - 4) : start]
    return head.endswith((" at ", "\nat ")) and _role_before(text, start - 3)


def _role_before(text: str, pos: int) -> bool:
    """Whether a job held at an organisation is named in the few words before `pos`, within
    the clause: "vice president of search properties [at]", "an economist [at]"."""
    words = text[max(0, pos - 50) : pos].split()[-5:]
    for word in reversed(words):
        if word[-1:] in ',.;:()"' or word[:1].isupper():
            return False
        if word in WORKPLACE_ROLES:
            return True
    return False


def _score(
    doc: Doc, start: int, end: int, person: float, initial: bool, out: list[Mention]
) -> None:
    """Score the candidate name text[start:end] and add it to `out`."""
    text = doc.text
    name = text[start:end]
    # A name already in the cache passed the test below when it was first read (its facts
    # are kept for no other name): most names recur, and are looked up straight away.
    facts = FACTS_CACHE[initial].get(name)
    if facts is None:
        if not is_word(name) or name.lower() == name:
            return
        facts = name_facts(doc.gaz, name, initial)
    if facts.drop or (
        facts.drop_alone and not person and next_word(text, end).casefold() not in SPEECH
    ):
        return  # "Monday", "Iraqi", "Iraqis", "Leading"; "Division" or "West Indian" alone
    if (
        facts.sentence_word
        and initial
        and not person
        and (not facts.place_weight or doc.writes_lower(name.lower()))
        and (facts.common or doc.writes_lower(name.lower()))
    ):
        return  # "Police said": the word police, capitalised to open a sentence
    n = facts.n
    place_weight = facts.place_weight
    prior = facts.prior

    prev = doc.prev_word(start)
    prev_key = prev.casefold()
    nxt = next_word(text, end)
    nxt_key = nxt.casefold()
    if (
        nxt_key in SHOW_WORDS
        and prev[:1].isupper()
        and prev.endswith(("'s", "’s"))
        and prior.get(ORG, 0.0) < 1.0
    ):
        return  # "Five's Wright Stuff show": a programme's title, no one's name
    m = Mention(start, end, name, dict(prior))
    if person:
        m.add(PERSON, person)
    # "Ask Jeeves said": a company speaks too; a speech verb says nothing of a brand's name.
    brand = n > 1 and fold(name.split(None, 1)[0]) in NOT_FIRST_NAMES
    if prev.islower():
        if prev_key in ROLE_KEYS:
            m.add(PERSON, 2.5)
        elif brand and prev_key in SPEECH:
            pass
        elif prev_key in SPEECH and nxt_key not in SPEECH:
            # '"...," said Tsakhia Elbegdorj'
            m.add(PERSON, 1.0 if n > 1 or PERSON in m.prior else 0.5)
        elif prev_key in cues.ORG_DESCRIPTORS:
            m.add(ORG, 2.0)
        elif prev_key == "of" and start > 4:
            before_of = doc.prev_word(start - len(prev) - 1)
            if before_of in cues.PLACE_DESCRIPTORS:
                m.add(PLACE, 2.0)

    if (
        prev == ","
        and start > 3
        and (nxt_key in SPEECH or (nxt == "," and next_word(text, end + 1).casefold() in SPEECH))
        and doc.prev_word(start - 2).casefold() in ROLE_KEYS
    ):
        m.add(PERSON, 2.0)  # "The minister, Sri Mulyani Indrawati, said": in apposition

    # The words around it.
    if nxt_key in SPEECH:
        if not brand:
            m.add(PERSON, 1.0 if n > 1 or PERSON in m.prior or PERSON in m.context else 0.5)
        _after_speech(text, end + len(nxt) + 1, m)
    elif nxt_key in EMPLOYEE_WORDS and (n == 1 or brand) and m.prior.get(PERSON, 0.0) < 1.0:
        m.add(ORG, 1.5)  # "Pinduoduo spokesman", "Meituan shares", "Ask Jeeves insiders"
    elif n > 1 and nxt[:1].islower() and not brand and _verb(nxt_key) and _unknown(doc, m):
        m.add(PERSON, 1.0)  # "Huma Abedin used a laptop", "Sajid Javid has"
    elif nxt == "," and prev_key not in LOCATIVE and prev_key != "of":
        _apposition(text, end + 1, m)
    if (
        nxt == ","
        and prev_key not in LOCATIVE
        and prev_key != "of"
        and next_word(text, end + 1).casefold() == "who"
        and PERSON not in m.context
    ):
        m.add(PERSON, 1.0)  # "Ata-ur-Rehman, who ...", but not "the mayor of Marrowby, who"
    if text.startswith(",", end) and AGE_AFTER.match(text, end):
        m.add(PERSON, 2.0)
    if prev_key == "in" and start > 4 and doc.prev_word(start - 3).casefold() in ORG_HOLDING:
        m.add(ORG, 2.0)  # "shares in Meituan", "a stake in Taobao"
    elif (
        prev_key == "at"
        and (not nxt[:1].isalpha() or nxt_key in AFTER_WORKPLACE)
        and _role_before(text, start - len(prev) - 1)
    ):
        m.add(ORG, 2.0)  # "head of search at Ask Jeeves": a workplace
    elif prev_key in LOCATIVE and not prev[:1].isupper() and not brand:
        # (A brand's or a title's name is no place: "starred in My Left Foot".)
        m.add(PLACE, 0.5 if prev_key in ("at", "to", "from") and not m.prior else 1.0)
    if prev_key == "the" and PERSON not in m.prior and PERSON not in m.context:
        before_the = doc.prev_word(start - len(prev) - 1).casefold() if start > 4 else ""
        if before_the in LOCATIVE:
            m.add(PLACE, 0.75)  # "in the Gulf"
        else:
            m.add(ORG, 0.75)  # "the Treasury", "the Fed"
    # Datelines ("BUCHAREST 1996-08-30", "LONDON (Reuters) -") are handled with caps runs;
    # a mixed-case dateline is a place too.
    at_line_start = start == 0 or text[start - 1] == "\n"
    if doc.sports and team_in_table(doc, m, place_weight, prev):
        pass  # "Bolton 2 Arsenal 1" is not a dateline ("BOLTON 2 Aug")
    elif at_line_start and (
        DATELINE_AFTER.match(text, end) or (n <= 3 and DATELINE_DASH.match(text, end))
    ):
        m.add(PLACE, 2.0)

    if doc.sports:
        sports_evidence(doc, m, place_weight, prev, at_line_start)

    out.append(m)  # even without evidence: the article may still say what it is


def _read_caps(doc: Doc, start: int, end: int, known: set[str]) -> list[Mention]:
    """Names inside an all-caps run, found by lookup since capitals say nothing here."""
    text = doc.text
    gaz = doc.gaz
    words = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]
    out: list[Mention] = []
    i = 0
    line_start, _ = doc.line_bounds(start)
    while i < len(words):
        found = None
        for n in range(min(4, len(words) - i), 0, -1):
            a = words[i][0]
            b = words[i + n - 1][1]
            if not is_word(words[i][2]) or not is_word(words[i + n - 1][2]):
                continue
            key = fold(text[a:b])
            if n == 1 and (key in gaz.common_words or key in DATE_WORDS):
                continue
            if (
                key in known
                or gaz.places.get(key, 0) >= (BIG_CITY if n == 1 else CITY)
                or (key in KNOWN_ORG_KEYS and n == 1)
            ):
                found = (a, b, key, n)
                break
        if found is None:
            i += 1
            continue
        a, b, key, n = found
        m = Mention(a, b, text[a:b], kind="caps")
        place_weight = gaz.places.get(key, 0)
        if place_weight:
            m.add_prior(PLACE, place_weight)
        if key in KNOWN_ORG_KEYS:
            m.add_prior(ORG, 3.0)
        if doc.sports and team_in_table(doc, m, place_weight, doc.prev_word(a)):
            pass
        elif a == line_start and (DATELINE_AFTER.match(text, b) or DATELINE_DASH.match(text, b)):
            m.add(PLACE, 3.0)
        elif doc.sports and place_weight:
            sports_evidence(doc, m, place_weight, doc.prev_word(a), a == line_start)
        out.append(m)
        i += n
    return out


def clear_caches() -> None:
    """Forget what was learnt about names seen so far (for benchmarks that must start cold)."""
    for facts in FACTS_CACHE:
        facts.clear()
    for cached in (run_shape, front_pieces):
        cached.cache_clear()


def _remove_inside(mentions: list[Mention], a: int, b: int) -> None:
    mentions[:] = [m for m in mentions if m.end <= a or m.start >= b]
