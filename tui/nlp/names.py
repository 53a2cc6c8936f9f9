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

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from tui.model import Span
from tui.nlp import cues
from tui.nlp.coref import EVENT, ORG, PERSON, PLACE, Mention
from tui.nlp.cues import after_first_letter, word_pattern, word_set
from tui.nlp.gazetteer import BIG_CITY, CITY, COUNTRY, Gazetteer, fold, gazetteer


def _char_class(test: str) -> str:
    """Every character up to the end of Cyrillic that passes a `str` test, as a regex class body.

    Written out so the standard `re` module can tell capitals from small letters in the Latin,
    Greek and Cyrillic scripts that news names are written in.
    """
    chars = [chr(c) for c in range(0x41, 0x530) if getattr(chr(c), test)()]
    return "".join(re.escape(ch) for ch in chars)


_UP = _char_class("isupper")
_LO = _char_class("islower")
_L = _UP + _LO

_ABBREV = (
    "Mr|Mrs|Ms|Dr|St|Mt|Ft|Jr|Sr|Jnr|Snr|Inc|Corp|Co|Ltd|Bros|Gen|Lt|Col|Capt|Sgt|Gov|Sen|Rep|"
    "Prof|Rev|Hon|Maj|Adm|Cmdr|Supt|Insp|Det|Messrs|Mme|Mlle|Ave|Rd|Cpl|Pte"
)
_PLAIN_REST = (
    rf"[{_L}\d]*(?:['’][{_UP}][{_L}]*)?"
    rf"(?:-(?:[{_LO}]{{1,3}}-)?[{_UP}][{_L}\d]*(?:['’][{_UP}][{_L}]*)?){{0,4}}"
    rf"(?:(?<=s)['’](?=[ \t]{{1,3}}[{_UP}]))?"  # "Workers' Union"
)
"""A plain capitalised word after its capital."""
_PLAIN = rf"(?:(?:a[lsdnrtz]|el)-)?[{_UP}]{_PLAIN_REST}"
_WORD = (
    rf"(?:(?:[{_UP}]\.){{2,4}}(?:[{_UP}](?![{_L}.]))?"
    rf"|{word_pattern(_ABBREV.split('|'))}\.(?![{_L}])"
    rf"|[{_UP}]\.(?=[ \t][{_UP}])"
    rf"|{_PLAIN})"
)
_SEP = r"[ \t\u00a0]{1,3}"
_CONNECTOR = (
    r"(?:of(?:[ \t]the)?|for(?:[ \t]the)?|"
    + word_pattern(
        word_set("de del della der den van von da di du dos das y & and bin ibn on upon")
    )
    + ")"
)
"""Words that may join two capitalised words of one run. The abbreviations and connectors are
written as tries (`word_pattern`), which the regex engine tries a letter at a time instead of
word by word at every capital: each is followed by what a shorter one cannot be ("." or a
space), so the longest-first trie matches exactly what the list did."""
_FIRST_WORD = (
    rf"[{_UP}ae](?<![\w'’\-].)"
    rf"(?:(?<=[{_UP}])"
    rf"(?:\.(?:[{_UP}]\.){{1,3}}(?:[{_UP}](?![{_L}.]))?"
    rf"|{after_first_letter(_ABBREV.split('|'))}\.(?![{_L}])"
    rf"|\.(?=[ \t][{_UP}])"
    rf"|{_PLAIN_REST})"
    rf"|(?:(?<=a)[lsdnrtz]|(?<=e)l)-[{_UP}]{_PLAIN_REST})"
)
"""`_WORD` not preceded by a letter, a digit, an apostrophe or a hyphen, written to start with
the character class of the letters a run can start with (a capital, or the "a" of "al-" and the
"e" of "el-"): each alternative of `_WORD` goes on from there, and the lookbehind looks at the
character before that letter. A pattern that starts with a plain class lets the regex engine
pass over every other character in its own quick loop, so the scan over a whole text is much
quicker than with a lookahead and a lookbehind in front (`(?=[...])(?<![...])_WORD`, which
matches the same runs)."""
RUN = re.compile(rf"{_FIRST_WORD}(?:{_SEP}(?:{_CONNECTOR}{_SEP})?{_WORD}){{0,12}}")
_TOKEN = re.compile(r"\S+")

_PARTICLE_LINKS = word_set(
    """
    de del della der den van von da di du dos das y bin ibn
    """
)
_OF_LINKS = frozenset(("of", "of the", "for", "for the", "on", "upon"))
_AND_SUFFIXES = frozenset(("Sons", "Co", "Co.", "Company", "Partners", "Associates", "Daughters"))

_TITLE_KEYS = frozenset(t.casefold() for t in cues.PERSON_TITLES)
_TITLE_MODIFIERS = word_set(
    """
    prime deputy vice chief foreign finance defence defense interior home trade justice
    health education attorney acting former senior assistant state executive managing
    grand supreme opposition labour conservative liberal party first second economy
    economic agriculture transport energy environment industry culture sports sport
    information development labor treasury commerce security intelligence police army
    armed forces farm farming fisheries transport tourism housing employment immigration
    competition budget social digital science research technology communications media
    justice veterans women's children's family welfare planning works infrastructure
    trade industry federal national regional provincial general under-secretary
    undersecretary secretary-general director-general lord high chief-of-staff team club
    head shadow nominee candidate presidential elect president-elect ex
    """
)
_AMBIGUOUS_TITLES = word_set(
    """
    general major private count crown justice sister brother father officer constable
    """
)
_TITLE_HEADS = _TITLE_KEYS | word_set(
    """
    commissioner director chairman chairwoman ceo cfo coo spokesman spokeswoman coach
    manager envoy chancellor attorney prosecutor treasurer secretary-general director-
    general undersecretary under-secretary superintendent inspector chief
    """
)
_ROLE_KEYS = frozenset(r.casefold() for r in cues.PERSON_ROLES)
_ORG_SUFFIX_KEYS = frozenset(fold(w) for w in cues.ORG_SUFFIXES)
_ORG_HEAD_KEYS = frozenset(fold(w) for w in cues.ORG_HEADS)
_PLACE_SUFFIX_KEYS = frozenset(fold(w) for w in cues.PLACE_SUFFIXES)
_PLACE_PREFIX_KEYS = frozenset(fold(w) for w in cues.PLACE_PREFIXES)
_EVENT_SUFFIX_KEYS = frozenset(fold(w) for w in cues.EVENT_SUFFIXES)
_EVENT_PREFIX_KEYS = frozenset(fold(w) for w in cues.EVENT_PREFIXES)
_DEMONYM_KEYS = frozenset(fold(w) for w in cues.DEMONYMS)
_KNOWN_ORG_KEYS = frozenset(fold(w) for w in cues.KNOWN_ORGS)
_GENERIC_KEYS = (_ORG_SUFFIX_KEYS | _ORG_HEAD_KEYS | _PLACE_SUFFIX_KEYS) - _KNOWN_ORG_KEYS
_SKIP_SINGLE = (
    cues.COMMON_INITIAL
    | cues.DEMONYMS
    | cues.NOT_ORG_ACRONYMS
    | frozenset(cues.MONTHS + cues.WEEKDAYS + cues.MONTH_ABBREVIATIONS)
) - cues.KNOWN_ORGS
"""Words that, alone, are never a name: skipped before any other work."""
_KNOWN_ORGS_EXACT = cues.KNOWN_ORGS
_ALWAYS_STRIP = word_set(
    """
    a an the this that these those but and or so yet if as at by in on of for to from
    with when while after before since although though because however meanwhile
    """
)
_DATE_WORDS = frozenset(fold(w) for w in cues.MONTHS + cues.WEEKDAYS + cues.MONTH_ABBREVIATIONS)
_LOCATIVE = word_set(
    """
    in at from near to into across outside inside towards toward via around throughout
    through between within visit visited visiting capital northern southern eastern
    western central north south east west northeast northwest southeast southwest north-
    east north-west south-east south-west neighbouring neighboring left leave entered
    """
)
_SPEECH = word_set(
    """
    said says told tells added adds asked asks explained argued insisted warned claimed
    stated wrote admitted denied
    """
)
CACHE_SIZE = 16_384
"""Entries kept by each per-name cache here: enough for the names a large corpus keeps coming
back to, a few megabytes each at most."""

_SPORTS_WORDS = re.compile(r"\b" + word_pattern(cues.SPORTS_WORDS) + r"\b")
_SPORTS_SLUG = re.compile(r"\s*([A-Z][A-Z ]{1,30}?)\s+-\s")
_SCORE_AFTER = re.compile(r"[ \t]{1,3}\(?\d")
_AGE_AFTER = re.compile(r",[ \t]?\d{1,3}[ \t]?,")
# After a dateline's place: maybe ", Country", then a date ("BUCHAREST 1996-08-30") or, in
# wire copy, maybe "(Reuters)" and a dash ("LONDON (Reuters) -").
_DATELINE_REGION = r"(?:[ \t]?,[ \t]?[A-Z][\w.'-]*(?:[ \t][A-Z][\w.'-]*){0,3})?"
_DATELINE_AFTER = re.compile(
    _DATELINE_REGION + r"[ \t]{1,3}(?:\d{4}-\d\d-\d\d|\d{1,2}[ \t][A-Z][a-z]{2})"
)
_DATELINE_DASH = re.compile(_DATELINE_REGION + r"[ \t]?(?:\([^()\n]{1,40}\))?[ \t]?[-–—]")


class _Doc:
    """Per-article facts the classifier keeps consulting."""

    def __init__(self, text: str, gaz: Gazetteer) -> None:
        self.text = text
        self.gaz = gaz
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._caps_lines: dict[int, bool] = {}
        self._lower_words: dict[str, bool] = {}
        self._reversed: str | None = None
        slug = _SPORTS_SLUG.match(text)
        self.sports = bool(slug and slug.group(1).split()[0] in cues.SPORTS) or _sporty(text)

    def prev_word(self, pos: int) -> str:
        """The word just before `pos` (letters, digits, apostrophes, hyphens, full stops), past
        spaces and tabs; else the one character there ("\n" at a line start); "" at the start
        of the text. Read forwards in the reversed text, where a regex can do it."""
        if pos <= 0:
            return ""
        if self._reversed is None:
            self._reversed = self.text[::-1]
        match = _PREV_WORD.match(self._reversed, len(self.text) - pos)
        assert match is not None  # the pattern matches the empty string
        return match.group(1)[::-1]

    def line_bounds(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.line_starts, pos) - 1
        start = self.line_starts[i]
        end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.text)
        return start, end

    def caps_line(self, pos: int) -> bool:
        """Whether the line holding `pos` has no small letters (a headline, a table row)."""
        start, end = self.line_bounds(pos)
        known = self._caps_lines.get(start)
        if known is None:
            line = self.text[start:end]
            known = line == line.upper() and line != line.lower()
            self._caps_lines[start] = known
        return known

    def writes_lower(self, word: str) -> bool:
        """Whether the article also writes `word` in small letters: "Police" opening a sentence
        is the word police if the article writes "police" elsewhere."""
        known = self._lower_words.get(word)
        if known is None:
            known = False
            text = self.text
            i = text.find(word)
            while i >= 0:
                j = i + len(word)
                if (i == 0 or not _joins(text[i - 1])) and (j == len(text) or not _joins(text[j])):
                    known = True
                    break
                i = text.find(word, j)
            self._lower_words[word] = known
        return known


def _joins(ch: str) -> bool:
    """Whether a character next to a word makes it part of a longer word."""
    return ch.isalnum() or ch in "'’-"


def _sporty(text: str) -> bool:
    """Whether an article reads as a sports report: several of the words only sport uses.

    Agency copy says so in its slug ("SOCCER - ..."); other sites do not, so the vocabulary
    of the first few thousand characters decides (three different sports words: on the BBC
    set this finds half the sport articles and six of the 1,714 others).
    """
    if len(text) < 300:
        return False
    low = text[:5000].lower()
    size = len(low)
    seen = 0
    # Each word is looked for with `str.find` (much quicker than one regex scan over the text)
    # and counted at its first use that stands as a whole word: what `_SPORTS_WORDS` finds.
    for word in _SPORTS_LIST:
        i = low.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not _word_char(low[i - 1])) and (j == size or not _word_char(low[j])):
                seen += 1
                if seen == 3:
                    return True  # no need to read on
                break
            i = low.find(word, i + 1)
    return False


_SPORTS_LIST = tuple(sorted(cues.SPORTS_WORDS))
"""The sports words, for `_sporty`. None is part of another's match as `_SPORTS_WORDS` reads
them (the hyphenated ones, "half-time", "kick-off", hold none), so counting each word that
occurs as a whole word counts the different words the pattern finds."""


def _word_char(ch: str) -> bool:
    """Whether a regex `\\w` matches the character: what a `\\b` tells apart."""
    return ch.isalnum() or ch == "_"


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
    doc = _Doc(text, gaz)
    taken_sorted = sorted(taken)
    taken_starts = [a for a, _ in taken_sorted]
    mentions: list[Mention] = []
    caps_runs: list[tuple[int, int]] = []
    next_taken = 0  # the first taken span that may still overlap a run (runs come in order)
    for run in RUN.finditer(text):
        start, end = run.span()
        if end - start < 15 and run.group() in _SKIP_SINGLE:
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
    if caps_runs:  # few articles have any: only then is it worth knowing the names
        known = _known_names(mentions)
        for start, end in caps_runs:
            mentions.extend(_read_caps(doc, start, end, known))
    return mentions


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


def _read_run(
    doc: _Doc, start: int, end: int, out: list[Mention], caps_runs: list[tuple[int, int]]
) -> None:
    """Cut one run of capitalised words into candidate names and score each."""
    text = doc.text
    run = text[start:end]
    if " " not in run and "\t" not in run and "\u00a0" not in run:
        # One word, the common case: no connectors, no segments.
        if run.isupper() and _caps_word(run) and doc.caps_line(start):
            caps_runs.append((start, end))
        elif fold(run) not in _ALWAYS_STRIP:  # what `_split_front` leaves of one word
            _score(doc, [(start, end, run)], 0.0, _sentence_initial(text, start), out)
        return
    shape = _run_shape(run)
    if shape.caps is not None and (shape.caps or doc.caps_line(start)):
        caps_runs.append((start + shape.words[0][0], start + shape.words[-1][1]))
        return
    first_new = len(out)
    for segment in shape.segments:
        initial = _sentence_initial(text, start + segment[0][0])
        for lo, hi, person in _front_pieces(tuple(w[2] for w in segment), initial):
            words = [(start + a, start + b, w) for a, b, w in segment[lo:hi]]
            _score(doc, words, person, initial and lo == 0, out)
    if len(out) - first_new > 1:
        _share_evidence(out[first_new:])


class _RunShape(NamedTuple):
    """What a run of several capitalised words is, read from its text alone (offsets relative
    to the run); cached, as runs repeat ("Prime Minister Tony Blair")."""

    words: tuple[tuple[int, int, str], ...]
    """Its capitalised words."""
    caps: bool | None
    """None unless every word is in capitals; then whether that alone makes it a caps run
    (two long words; otherwise it is one only on an all-caps line)."""
    segments: tuple[tuple[tuple[int, int, str], ...], ...]
    """`_segments` of its tokens."""


@lru_cache(maxsize=CACHE_SIZE)
def _run_shape(run: str) -> _RunShape:
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(run)]
    words = tuple(t for t in tokens if _is_word(t[2]))
    caps: bool | None = None
    if words and run.isupper() and all(_caps_word(w[2]) for w in words):
        caps = len(words) > 1 and sum(1 for w in words if len(w[2]) > 1) > 1
    segments = tuple(tuple(seg) for seg in _segments(gazetteer(), tokens)) if words else ()
    return _RunShape(words, caps, segments)


@lru_cache(maxsize=CACHE_SIZE)
def _front_pieces(texts: tuple[str, ...], initial: bool) -> tuple[tuple[int, int, float], ...]:
    """`_split_front` of a segment given by its words' texts, as (first, end, PERSON evidence)
    index ranges into the segment; cached, as it depends on nothing else."""
    indexed = [(i, i + 1, text) for i, text in enumerate(texts)]
    return tuple(
        (words[0][0], words[-1][1], person)
        for words, person in _split_front(gazetteer(), indexed, initial)
        if words
    )


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


def _is_word(token: str) -> bool:
    return token[:1].isupper() or (len(token) > 3 and token[2] == "-" and token[3:4].isupper())


def _caps_word(word: str) -> bool:
    letters = word.replace(".", "").replace("-", "").replace("'", "").replace("&", "")
    return (len(letters) > 1 and letters.isupper()) or (len(letters) == 1 and "." not in word)


def _segments(
    gaz: Gazetteer, tokens: list[tuple[int, int, str]]
) -> list[list[tuple[int, int, str]]]:
    """Split a run at connectors that join two names rather than make one.

    "Bank of England" stays whole, "Britain and France" becomes two, "Charles de Gaulle" stays
    whole. Also split where a full stop ends a sentence inside the run ("Inc. The").
    """
    places = gaz.places
    segments: list[list[tuple[int, int, str]]] = [[]]
    links: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if _is_word(tok[2]) or tok[2] == "&":
            if tok[2] == "&":
                segments[-1].append(tok)
            else:
                prev = segments[-1][-1][2] if segments[-1] else ""
                if prev.endswith(".") and len(prev) > 2 and tok[2] in cues.COMMON_INITIAL:
                    segments.append([])
                    links.append("")
                segments[-1].append(tok)
            i += 1
            continue
        # A lower-case connector (maybe two: "of the").
        conn = tok[2]
        j = i + 1
        if conn in ("of", "for") and j < len(tokens) and tokens[j][2] == "the":
            conn += " the"
            j += 1
        segments.append([])
        links.append(conn)
        i = j
    # Decide which links to keep, left to right.
    merged: list[list[tuple[int, int, str]]] = [segments[0]]
    of_kept = [False]
    for seg, link in zip(segments[1:], links, strict=True):
        left = merged[-1]
        if not seg or not left:
            merged.append(seg)
            of_kept.append(False)
            continue
        left_words = [w[2] for w in left]
        right_words = [w[2] for w in seg]
        joined_key = fold(" ".join(left_words) + " " + link + " " + " ".join(right_words))
        keep = False
        if link == "":
            keep = False
        elif joined_key in places:
            keep = True
        elif link in _OF_LINKS:
            head = fold(left_words[-1])
            keep = (
                head in _ORG_HEAD_KEYS
                or head in _ORG_SUFFIX_KEYS
                or head in _PLACE_PREFIX_KEYS
                or head in _PLACE_SUFFIX_KEYS
                or head in _EVENT_SUFFIX_KEYS
            )
        elif link == "&":
            keep = True  # "Procter & Gamble", "Marks & Spencer"
        elif link == "and":
            bare_left = [w for w in left_words if fold(w) not in _ALWAYS_STRIP]
            keep = (
                fold(right_words[-1]) in _ORG_SUFFIX_KEYS
                and (len(right_words) > 1 or right_words[0] in _AND_SUFFIXES)
                and len(bare_left) == 1
                and fold(bare_left[0]) not in places
            ) or (
                # "Ministry of Trade and Industry": the "and" continues an "of" complement.
                of_kept[-1] and len(right_words) <= 2 and fold(right_words[0]) not in places
            )
        elif link in _PARTICLE_LINKS:
            keep = True
        if keep:
            left.extend(seg)
            of_kept[-1] = of_kept[-1] or link in _OF_LINKS
        else:
            merged.append(seg)
            of_kept.append(False)
    for seg in merged:
        if len(seg) > 1 and seg[-1][2] == "I" and seg[-2][2] != "War":
            seg.pop()  # "in Marrowby I used to": the pronoun, not a regnal number
    return [seg for seg in merged if seg]


def _sentence_initial(text: str, pos: int) -> bool:
    """Whether a word at `pos` opens a sentence, a line, a quotation or a headline clause."""
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0\"'“‘([«":
        j -= 1
    if j < 0:
        return True
    return text[j] in ".!?\n:;…-–—•|*"


_PREV_WORD = re.compile(r"[ \t\u00a0]*((?:[^\W_]|['’.-])+|.|)", re.DOTALL)
"""`_Doc.prev_word`, read in reversed text: spaces, then a word (or one character)."""
_NEXT_WORD = re.compile(r"[ \t\u00a0]*((?:[^\W_]|['’-])+|.|)", re.DOTALL)


def _next_word(text: str, pos: int) -> str:
    """The word just after `pos` (letters, digits, apostrophes, hyphens), past spaces on the
    line; else the one character there ("," or "\n"); "" at the end of the text."""
    match = _NEXT_WORD.match(text, pos)
    assert match is not None  # the pattern matches the empty string
    return match.group(1)


def _split_front(
    gaz: Gazetteer, words: list[tuple[int, int, str]], initial: bool
) -> list[tuple[list[tuple[int, int, str]], float]]:
    """Drop sentence-opening words, then cut a run at a title into what precedes and a person.

    "The European Commission" -> "European Commission"; "President Bill Clinton" -> "Bill
    Clinton" with evidence for PERSON; "EU Farm Commissioner Franz Fischler" -> "EU" and "Franz
    Fischler"; "U.S. Assistant Secretary" -> "U.S.". Returns pieces with their PERSON evidence.
    """
    # Opening words ("The", "But", "Monday").
    while words:
        w = words[0][2]
        key = fold(w)
        if key in _ALWAYS_STRIP:
            if len(words) > 1 and fold(" ".join(x[2] for x in words)) in gaz.places:
                break  # "The Hague"
            words = words[1:]
            initial = False
            continue
        if key in _DATE_WORDS and len(words) > 1:
            words = words[1:]  # "August National Association of ...": a date, then a name
            continue
        if initial and w in cues.COMMON_INITIAL and len(words) > 1:
            last = fold(words[-1][2])
            if last in _ORG_SUFFIX_KEYS or last in _PLACE_SUFFIX_KEYS:
                break  # "Security Council", "Foreign Ministry": the word belongs to the name
            words = words[1:]
            initial = False
            continue
        break
    if len(words) < 2:
        return [(words, 0.0)]
    head = -1
    for i, (_, _, w) in enumerate(words):
        if _title_head(w) or (i == 0 and w.casefold() in _ROLE_KEYS):
            head = i  # "President", "Prime Minister"; a role only when it comes first
            break
    if head < 0:
        return [(words, 0.0)]
    # The title runs on over further title words ("Prime Minister", "Chief Executive").
    end = head + 1
    while end < len(words) and (_title_head(words[end][2]) or _title_word(words[end][2])):
        end += 1
    # ...and back over its modifiers ("Deputy Foreign Minister", "Farm Commissioner").
    begin = head
    while begin > 0 and (
        _title_word(words[begin - 1][2]) or fold(words[begin - 1][2]) in gaz.common_words
    ):
        begin -= 1
    prefix, rest = words[:begin], words[end:]
    if rest:
        first = fold(rest[0][2])
        last = fold(rest[-1][2])
        if last in _ORG_SUFFIX_KEYS or last in _PLACE_SUFFIX_KEYS or len(rest) > 4:
            return [(words, 0.0)]  # "General Motors Corp", "Crown Prosecution Service"
        if not _title_head(words[head][2]) and (
            len(rest) > 3 or any(not _is_word(w[2]) for w in rest)
        ):
            return [(words, 0.0)]  # "International Association of Athletics Federations"
        title = words[head][2].rstrip(".").casefold().split("-")[-1]
        if title in _AMBIGUOUS_TITLES and not (
            first in gaz.given_names or first in gaz.surnames or len(rest) == 1
        ):
            return [(words, 0.0)]
    elif not prefix or not _title_head(words[head][2]):
        return [(words, 0.0)]  # "National Guard" is a name, not a guard of "National"
    pieces: list[tuple[list[tuple[int, int, str]], float]] = []
    if prefix:
        pieces.append((prefix, 0.0))
    if rest:
        pieces.append((rest, 3.0))
    return pieces


def _title_head(word: str) -> bool:
    key = word.rstrip(".").casefold()
    return key in _TITLE_HEADS or key.split("-")[-1] in _TITLE_HEADS


def _title_word(word: str) -> bool:
    key = word.rstrip(".").casefold()
    return key in _TITLE_MODIFIERS or key in _DEMONYM_KEYS


def _score(
    doc: _Doc,
    words: list[tuple[int, int, str]],
    person: float,
    initial: bool,
    out: list[Mention],
) -> None:
    """Score one candidate name and add it to `out`."""
    text = doc.text
    start, end = words[0][0], words[-1][1]
    name = text[start:end]
    if not _is_word(name) or name.lower() == name:
        return
    facts = _facts(doc.gaz, name, initial)
    if facts.drop or (facts.drop_alone and not person):
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
    nxt = _next_word(text, end)
    nxt_key = nxt.casefold()
    m = Mention(start, end, name, dict(prior))
    if person:
        m.add(PERSON, person)
    if prev.islower():
        if prev_key in _ROLE_KEYS:
            m.add(PERSON, 2.5)
        elif prev_key in cues.ORG_DESCRIPTORS:
            m.add(ORG, 2.0)
        elif prev_key == "of" and start > 4:
            before_of = doc.prev_word(start - len(prev) - 1)
            if before_of in cues.PLACE_DESCRIPTORS:
                m.add(PLACE, 2.0)

    # The words around it.
    if nxt_key in _SPEECH:
        m.add(PERSON, 1.0 if n > 1 or PERSON in m.prior or PERSON in m.context else 0.5)
    elif (
        nxt == ","
        and prev_key not in _LOCATIVE
        and prev_key != "of"
        and _next_word(text, end + 1).casefold() == "who"
    ):
        m.add(PERSON, 1.0)  # "Ata-ur-Rehman, who ...", but not "the mayor of Marrowby, who"
    if text.startswith(",", end) and _AGE_AFTER.match(text, end):
        m.add(PERSON, 2.0)
    if prev_key in _LOCATIVE and not prev[:1].isupper():
        m.add(PLACE, 0.5 if prev_key in ("at", "to", "from") and not m.prior else 1.0)
    if prev_key == "the" and PERSON not in m.prior and PERSON not in m.context:
        before_the = doc.prev_word(start - len(prev) - 1).casefold() if start > 4 else ""
        if before_the in _LOCATIVE:
            m.add(PLACE, 0.75)  # "in the Gulf"
        else:
            m.add(ORG, 0.75)  # "the Treasury", "the Fed"
    # Datelines ("BUCHAREST 1996-08-30", "LONDON (Reuters) -") are handled with caps runs;
    # a mixed-case dateline is a place too.
    at_line_start = start == 0 or text[start - 1] == "\n"
    if at_line_start and (
        _DATELINE_AFTER.match(text, end) or (n <= 3 and _DATELINE_DASH.match(text, end))
    ):
        m.add(PLACE, 2.0)

    if doc.sports:
        _sports_evidence(doc, m, place_weight, prev, at_line_start)

    out.append(m)  # even without evidence: the article may still say what it is


class _Facts(NamedTuple):
    """What a candidate name's own text says, the same at every mention of it (given whether
    it opens a sentence): worked out once per name and process, as names repeat."""

    drop: bool
    """Never a name on its own: a date word, a demonym, a plural demonym, a verb opening a
    sentence ("Leading")."""
    drop_alone: bool
    """Not a name unless a title before it says it is a person's: a generic word alone
    ("Division"), a group of people ("West Indian")."""
    sentence_word: bool
    """One word opening a sentence that may be an ordinary word capitalised ("Police"): it is,
    if `common` or if the article writes it in small letters elsewhere (and, for a place, only
    then)."""
    common: bool
    """A common word or a usual sentence opener."""
    n: int
    """How many capitalised words it has."""
    place_weight: float
    prior: dict[str, float]
    """`_prior`: never to be changed, it is shared (copy it)."""


_FACTS_CACHE: dict[tuple[str, bool], _Facts] = {}


def _facts(gaz: Gazetteer, name: str, initial: bool) -> _Facts:
    """`_Facts` of a name, cached (see `clear_caches`)."""
    cached = _FACTS_CACHE.get((name, initial))
    if cached is not None:
        return cached
    names = [w for w in name.split() if _is_word(w)]
    n = len(names)
    first = names[0]
    key = fold(name)
    first_key = fold(first.rstrip("."))
    last_key = fold(names[-1].rstrip("."))
    place_weight = gaz.places.get(key, 0.0)
    prior = _prior(gaz, name, initial, names, key, first_key, last_key, place_weight)
    drop = drop_alone = sentence_word = common = False
    if n == 1:
        drop = (
            key in _DATE_WORDS
            or key in _DEMONYM_KEYS
            or (key.endswith("s") and key[:-1] in _DEMONYM_KEYS)
        )
        drop_alone = key in _GENERIC_KEYS or (
            initial and key.endswith(("ing", "ed")) and not place_weight
        )
        sentence_word = place_weight < COUNTRY and name not in _KNOWN_ORGS_EXACT
        common = key in gaz.common_words or name in cues.COMMON_INITIAL
    else:
        drop_alone = (
            (first in cues.DEMONYMS or first_key in _DEMONYM_KEYS)
            and last_key not in _ORG_SUFFIX_KEYS
            and last_key not in _PLACE_SUFFIX_KEYS
            and last_key not in _EVENT_SUFFIX_KEYS
            and key not in gaz.places
        )
    facts = _Facts(drop, drop_alone, sentence_word, common, n, place_weight, prior)
    if len(_FACTS_CACHE) > 100_000:
        _FACTS_CACHE.clear()
    _FACTS_CACHE[(name, initial)] = facts
    return facts


def _prior(
    gaz: Gazetteer,
    name: str,
    initial: bool,
    names: list[str],
    key: str,
    first_key: str,
    last_key: str,
    place_weight: float,
) -> dict[str, float]:
    """What a name's own words say; the same for every mention of it, so `_facts` keeps it.

    `names` are its capitalised words, `key`, `first_key` and `last_key` the `fold` of it and
    of its first and last word (without a final full stop), `place_weight` its gazetteer
    weight as a place: `_facts` has them already."""
    prior: dict[str, float] = {}

    def add(label: str, weight: float) -> None:
        if weight > prior.get(label, 0.0):
            prior[label] = weight

    n = len(names)

    # Gazetteers.
    if place_weight:
        add(PLACE, place_weight + (1.0 if n > 1 else 0.0))
    if name in _KNOWN_ORGS_EXACT or (key in _KNOWN_ORG_KEYS and not initial):
        add(ORG, 3.0)

    # The words of the name.
    if n > 1:
        if last_key in _ORG_SUFFIX_KEYS and not place_weight:
            add(ORG, 3.0)
        if " of " in name or " for " in name:
            head = fold(re.split(r" (?:of|for) ", name, maxsplit=1)[0].rsplit(" ", 1)[-1])
            if head in _ORG_HEAD_KEYS or head in _ORG_SUFFIX_KEYS or first_key in _ORG_HEAD_KEYS:
                add(ORG, 3.0)  # "Bank of England", "Insurance Council of Calder"
            elif head in _PLACE_PREFIX_KEYS or head in _PLACE_SUFFIX_KEYS:
                add(PLACE, 2.5)  # "Republic of Ireland", "Gulf of Mexico"
        if last_key in _PLACE_SUFFIX_KEYS and last_key not in _ORG_SUFFIX_KEYS:
            add(PLACE, 2.0)
        if first_key in _PLACE_PREFIX_KEYS:
            add(PLACE, 1.5 if " of " in name else 1.0)
        if last_key in _EVENT_SUFFIX_KEYS or _is_war(names):
            add(EVENT, 2.5)
        if names[0] in cues.ORG_PREFIXES:
            add(ORG, 3.0)  # "Real Madrid", "Deutsche Boerse"
        elif first_key in gaz.given_names and not place_weight:
            if last_key not in _ORG_SUFFIX_KEYS:
                add(PERSON, 3.0 if last_key in gaz.surnames else 2.0)
        elif (len(names[0]) == 2 and names[0].endswith(".")) or _initials_word(names[0]):
            add(PERSON, 2.5)
        elif last_key in gaz.surnames and n <= 3 and not place_weight:
            add(PERSON, 1.0)
        if (
            not place_weight
            and not prior
            and gaz.places.get(last_key, 0) >= BIG_CITY
            and last_key not in _PLACE_SUFFIX_KEYS
        ):
            add(ORG, 1.5)  # "Air France", "Real Madrid", "Dynamo Moscow"
        if first_key in _EVENT_PREFIX_KEYS:
            add(EVENT, 3.0)  # "Storm Iona", "Hurricane Katrina", "Operation Desert Storm"
        if n <= 3 and not prior:
            add(PERSON, 0.75)  # two or three unknown capitalised words: often a person
    else:
        if _acronym(name):
            if not place_weight and name not in cues.NOT_ORG_ACRONYMS:
                add(ORG, 1.5)
        elif _camel_case(name):
            add(ORG, 1.5)  # "NationsBank", "KeyCorp"
        elif key.endswith(_PLACE_ENDINGS) and not place_weight:
            add(PLACE, 1.5)  # "Derbyshire", "Tajikistan", "Volgograd"
        elif key.endswith(_SURNAME_ENDINGS) and not place_weight:
            add(PERSON, 1.0)  # "Lukashenko", "Maskhadov"
        elif key in gaz.surnames and not place_weight:
            add(PERSON, 0.75)
        elif key in gaz.given_names and not place_weight:
            add(PERSON, 0.5)

    return prior


def _sports_evidence(
    doc: _Doc, m: Mention, place_weight: float, prev: str, line_start: bool
) -> None:
    """In sports copy a city or county named as a competitor is a club: "Bolton 2 Arsenal 1".

    Countries stay places (national sides are reported as the country), and so does a city
    named as a venue: after "in", "at", a comma or an opening bracket, or before a bracket.
    """
    text = doc.text
    after = text[m.end : m.end + 3].lstrip()
    venue = prev.casefold() in _LOCATIVE or prev in ("(", ",") or after.startswith("(")
    if place_weight and m.key not in doc.gaz.countries and not venue:
        m.add(ORG, min(place_weight + 1.0, 2.5))
    elif PLACE in m.prior and m.prior[PLACE] < 2.0 and not venue:
        m.add(ORG, 2.0)  # a county side: "Derbyshire", "Leicestershire"
    elif " " in m.text and not place_weight and not venue:
        words = m.text.split()
        if any(fold(w) in doc.gaz.places for w in words):
            m.add(ORG, 1.5)  # "Hansa Rostock", "Gloria Bistrita"
    elif not m.prior and not m.context and (line_start or _SCORE_AFTER.match(text, m.end)):
        m.add(ORG, 1.0)


_PLACE_ENDINGS = ("shire", "stan", "grad", "abad", "pur", "ville")
_SURNAME_ENDINGS = (
    "ov",
    "ev",
    "ova",
    "eva",
    "sky",
    "ski",
    "skiy",
    "enko",
    "vich",
    "vic",
    "dze",
    "shvili",
    "yan",
    "oglu",
    "escu",
    "poulos",
    "akis",
    "ovski",
    "inen",
    "ainen",
    "sson",
)


def _camel_case(word: str) -> bool:
    """A capital after small letters inside one word, as in company names ("NationsBank").

    Names with a prefix that is itself capitalised ("McDonald", "MacLeod", "DeLuca", "LaRue",
    "O'Brien") do not count.
    """
    if len(word) < 5 or word[1:].lower() == word[1:]:
        return False
    for i in range(2, len(word)):
        if word[i].isupper() and word[i - 1].islower():
            prefix = word[:i]
            return prefix not in ("Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von", "Fitz")
    return False


def _is_war(names: list[str]) -> bool:
    return len(names) >= 2 and names[-2] == "War" and names[-1] in ("I", "II", "One", "Two")


def _initials_word(word: str) -> bool:
    """ "J.R." or "J." (an initial before a surname)."""
    return (
        len(word) >= 2
        and word.endswith(".")
        and all(part.isupper() and len(part) == 1 for part in word[:-1].split("."))
    )


def _acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def _read_caps(doc: _Doc, start: int, end: int, known: set[str]) -> list[Mention]:
    """Names inside an all-caps run, found by lookup since capitals say nothing here."""
    text = doc.text
    gaz = doc.gaz
    words = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
    out: list[Mention] = []
    i = 0
    line_start, _ = doc.line_bounds(start)
    while i < len(words):
        found = None
        for n in range(min(4, len(words) - i), 0, -1):
            a = words[i][0]
            b = words[i + n - 1][1]
            if not _is_word(words[i][2]) or not _is_word(words[i + n - 1][2]):
                continue
            key = fold(text[a:b])
            if n == 1 and (key in gaz.common_words or key in _DATE_WORDS):
                continue
            if (
                key in known
                or gaz.places.get(key, 0) >= (BIG_CITY if n == 1 else CITY)
                or (key in _KNOWN_ORG_KEYS and n == 1)
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
        if key in _KNOWN_ORG_KEYS:
            m.add_prior(ORG, 3.0)
        if a == line_start and (_DATELINE_AFTER.match(text, b) or _DATELINE_DASH.match(text, b)):
            m.add(PLACE, 3.0)
        elif doc.sports and place_weight:
            _sports_evidence(doc, m, place_weight, doc.prev_word(a), a == line_start)
        out.append(m)
        i += n
    return out


_CREDIT = re.compile(
    r"\b(?:Photo|Photos|Photograph|Picture|Pictures|Image|Images|Graphics?|Video|Illustration|"
    r"Credit|Source)s?[ \t]?(?:by[ \t])?[:/][ \t]?([^/\n()|,;]{2,60}?)(?:[ \t]?/[ \t]?"
    r"([^/\n()|,;]{2,60}?))?[ \t]?(?=\)|$|\n|\||;)",
    re.IGNORECASE | re.MULTILINE,
)


def find_credits(text: str) -> list[Mention]:
    """Photo credits: "Photo: MARA OSEI/HARBOUR POST", "(Photo/ORG)", "(Graphics/NAME)".

    The name is a real person (the photographer), so it is reported, but as kind "credit", so
    that it never becomes another mention's canonical name. What follows the slash is the
    outlet. Credits are recognised by their shape anywhere in the text, not only inside the
    caption spans ingest found: scraped pages repeat captions and not every one is marked.
    """
    out: list[Mention] = []
    for match in _credit_matches(text):
        first = match.span(1)
        second = match.span(2) if match.group(2) else None
        parts = [first] + ([second] if second else [])
        # "(Photo/ORG)": one part after a slash names the outlet; "Photo: NAME" a person.
        slash_form = match.start(1) > 0 and text[match.start(1) - 1] == "/"
        for index, (a, b) in enumerate(parts):
            a, b = _trim(text, a, b)
            if b <= a or not text[a].isupper():
                continue
            if second is not None:
                label = PERSON if index == 0 else ORG
            else:
                label = ORG if slash_form and _looks_like_org(text[a:b]) else PERSON
            m = Mention(a, b, text[a:b], kind="credit" if label == PERSON else "text")
            m.add(label, 4.0)
            if label == ORG and m.text.isupper():
                m.canonical = m.text.title()  # "HARBOUR POST" -> "Harbour Post"
            out.append(m)
    return out


_CREDIT_MARK = re.compile(r"[:/]")
_CREDIT_REACH = 17
"""How far a credit's ":" or "/" can be from its start: "Illustrations by:" is the longest."""


def _credit_matches(text: str) -> list[re.Match[str]]:
    """What `_CREDIT.finditer(text)` finds, found by trying the pattern only just before each
    ":" and "/": a case-insensitive pattern cannot be scanned for quickly, the marks can."""
    out: list[re.Match[str]] = []
    pos = 0  # where the next match may start: after the last one, as with finditer
    tried = -1  # starts up to here are already known not to match
    for mark in _CREDIT_MARK.finditer(text):
        p = mark.start()
        for a in range(max(pos, p - _CREDIT_REACH, tried + 1), p + 1):
            match = _CREDIT.match(text, a)
            if match is not None:
                out.append(match)
                pos = match.end()
                break
        tried = max(tried, p)
    return out


def _looks_like_org(name: str) -> bool:
    words = name.split()
    return (
        (len(words) == 1 and name.isupper())
        or fold(words[-1]) in _ORG_SUFFIX_KEYS
        or fold(name) in _KNOWN_ORG_KEYS
    )


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace()):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == "."):
        b -= 1
    return a, b


def clear_caches() -> None:
    """Forget what was learnt about names seen so far (for benchmarks that must start cold)."""
    _FACTS_CACHE.clear()
    for cached in (_run_shape, _front_pieces):
        cached.cache_clear()


def _remove_inside(mentions: list[Mention], a: int, b: int) -> None:
    mentions[:] = [m for m in mentions if m.end <= a or m.start >= b]
