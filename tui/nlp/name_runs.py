"""Runs of capitalised words and how one run is cut into candidate names.

One regular expression finds the runs (capitalised words, with "of", "de", "&" and friends
allowed between them); `segments` splits a run at connectors that join two names rather than
make one, and `split_front` drops sentence-opening words and cuts a title off the person it
names. What a run is, read from its text alone, is cached: runs repeat ("Prime Minister Tony
Blair").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from tui.nlp import cues
from tui.nlp.cues import after_first_letter, word_pattern, word_set
from tui.nlp.gazetteer import Gazetteer, fold, gazetteer
from tui.nlp.name_cues import (
    ALWAYS_STRIP,
    AMBIGUOUS_TITLES,
    DATE_WORDS,
    DEMONYM_KEYS,
    EVENT_SUFFIX_KEYS,
    ORG_HEAD_KEYS,
    ORG_SUFFIX_KEYS,
    PLACE_PREFIX_KEYS,
    PLACE_SUFFIX_KEYS,
    ROLE_KEYS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)


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
_ABBREV_GUARD = rf"(?=[a-z]{{1,{max(len(w) for w in _ABBREV.split('|')) - 1}}}\.)"
"""What follows the capital of every abbreviation (a few small letters, a full stop): looked
at before `after_first_letter` tries each abbreviation's first letter behind the capital one by
one, it rules them all out at once after the capital of most words ("The", "Blair")."""
_WORD = (
    rf"(?:(?=[{_UP}])(?:(?:[{_UP}]\.){{2,4}}(?:[{_UP}](?![{_L}.]))?"
    rf"|{word_pattern(_ABBREV.split('|'))}\.(?![{_L}])"
    rf"|[{_UP}]\.(?=[ \t][{_UP}]))"
    rf"|{_PLAIN})"
)
"""A capitalised word of a run after its first. Its first three forms open with a capital: one
look at the next character (`(?=...)`) rules all three out after a space before a word in small
letters, the usual end of a run, where trying each would test every branch of the trie."""
_SEP = r"[ \t\u00a0]{1,3}"
_CONNECTOR_WORDS = word_set("de del della der den van von da di du dos das y & and bin ibn on upon")
_CONNECTOR = (
    "(?=["
    + re.escape("".join(sorted({w[0] for w in _CONNECTOR_WORDS | {"of", "for"}})))
    + "])"
    + r"(?:of(?:[ \t]the)?|for(?:[ \t]the)?|"
    + word_pattern(_CONNECTOR_WORDS)
    + ")"
)
"""Words that may join two capitalised words of one run. The abbreviations and connectors are
written as tries (`word_pattern`), which the regex engine tries a letter at a time instead of
word by word at every capital: each is followed by what a shorter one cannot be ("." or a
space), so the longest-first trie matches exactly what the list did. The connectors are tried
only after a look at their possible first letters, which rules them out at once before most
words."""
_FIRST_WORD = (
    rf"[{_UP}ae](?<![\w'’\-].)"
    rf"(?:(?<=[{_UP}])"
    rf"(?:\.(?:[{_UP}]\.){{1,3}}(?:[{_UP}](?![{_L}.]))?"
    rf"|{_ABBREV_GUARD}{after_first_letter(_ABBREV.split('|'))}\.(?![{_L}])"
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
_MORE_WORDS = rf"(?:{_SEP}(?:{_CONNECTOR}{_SEP})?{_WORD}){{0,12}}"
RUN = re.compile(_FIRST_WORD + _MORE_WORDS)
_CAPITAL_RUN = re.compile(
    rf"[{_UP}](?<![\w'’\-].)"
    rf"(?:\.(?:[{_UP}]\.){{1,3}}(?:[{_UP}](?![{_L}.]))?"
    rf"|{_ABBREV_GUARD}{after_first_letter(_ABBREV.split('|'))}\.(?![{_L}])"
    rf"|\.(?=[ \t][{_UP}])"
    rf"|{_PLAIN_REST})" + _MORE_WORDS
)
"""`RUN` without its runs that open with "al-" or "el-": the same pattern after a capital, but a
scan for it stops only at capitals, not at every "a" and "e" of the text."""
_PREFIX_LETTERS = frozenset("lsdnrtz")


def runs(text: str) -> Iterator[re.Match[str]]:
    """What `RUN.finditer(text)` finds. Few articles hold a name such as "al-Sadr", so the
    quicker `_CAPITAL_RUN` is used unless one may be there: where no hyphen follows "al", "el"
    and their like at a word's start, the two patterns match at the same places."""
    i = text.find("-", 2)
    while i >= 0:
        if (
            text[i - 1] in _PREFIX_LETTERS
            and (text[i - 2] == "a" or (text[i - 2] == "e" and text[i - 1] == "l"))
            and text[i + 1 : i + 2].isupper()
            and (i == 2 or not _joins_word(text[i - 3]))
        ):
            return RUN.finditer(text)
        i = text.find("-", i + 1)
    return _CAPITAL_RUN.finditer(text)


def _joins_word(ch: str) -> bool:
    """Whether a character before a word makes it part of a longer one, as the lookbehind of
    `_FIRST_WORD` reads it (`\\w`, an apostrophe or a hyphen)."""
    return ch.isalnum() or ch in "_'’-"


TOKEN = re.compile(r"\S+")

_PARTICLE_LINKS = word_set(
    """
    de del della der den van von da di du dos das y bin ibn
    """
)
_OF_LINKS = frozenset(("of", "of the", "for", "for the", "on", "upon"))
_AND_SUFFIXES = frozenset(("Sons", "Co", "Co.", "Company", "Partners", "Associates", "Daughters"))

CACHE_SIZE = 16_384
"""Entries kept by each per-name cache here: enough for the names a large corpus keeps coming
back to, a few megabytes each at most."""


class _RunShape(NamedTuple):
    """What a run of several capitalised words is, read from its text alone (offsets relative
    to the run); cached, as runs repeat ("Prime Minister Tony Blair")."""

    words: tuple[tuple[int, int, str], ...]
    """Its capitalised words."""
    caps: bool | None
    """None unless every word is in capitals; then whether that alone makes it a caps run
    (two long words; otherwise it is one only on an all-caps line)."""
    segments: tuple[tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]], ...]
    """`_segments` of its tokens, each as its words' texts (the key of `front_pieces`), starts
    and ends: kept apart so that each mention of the run reads them as they are."""


@lru_cache(maxsize=CACHE_SIZE)
def run_shape(run: str) -> _RunShape:
    """Worked out once per distinct run, but every run of a new article is new: the common
    shapes are read without the general machinery. The tokens are what `TOKEN.finditer` finds
    (`str.split` cuts at the same whitespace; each token is found where the last one ended),
    and a run of capitalised words only, with no sentence ending inside, is one segment."""
    parts = run.split()
    tokens = []
    pos = 0
    if " ".join(parts) == run:
        # One space between words, as in most runs: each starts one past the last one's end.
        for tok in parts:
            end = pos + len(tok)
            tokens.append((pos, end, tok))
            pos = end + 1
    else:
        for tok in parts:
            pos = run.find(tok, pos)
            tokens.append((pos, pos + len(tok), tok))
            pos += len(tok)
    words = tuple([t for t in tokens if is_word(t[2])])
    caps: bool | None = None
    if words and run.isupper() and all(caps_word(w[2]) for w in words):
        caps = len(words) > 1 and sum(1 for w in words if len(w[2]) > 1) > 1
    if not words:
        return _RunShape(words, caps, ())
    if len(words) == len(tokens) and not _sentence_break(tokens):
        # What `_segments` makes of it: one segment, the run's words (those are `parts`).
        if len(parts) > 1 and parts[-1] == "I" and parts[-2] != "War":
            tokens.pop()
            parts.pop()
        segment = (tuple(parts), tuple([w[0] for w in tokens]), tuple([w[1] for w in tokens]))
        return _RunShape(words, caps, (segment,))
    segments = tuple(
        (tuple([w[2] for w in seg]), tuple([w[0] for w in seg]), tuple([w[1] for w in seg]))
        for seg in _segments(gazetteer(), tokens)
    )
    return _RunShape(words, caps, segments)


def _sentence_break(words: list[tuple[int, int, str]]) -> bool:
    """Whether `_segments` would cut a run of words where a full stop ends a sentence ("Inc.
    The")."""
    for i in range(1, len(words)):
        prev = words[i - 1][2]
        if prev.endswith(".") and len(prev) > 2 and words[i][2] in cues.COMMON_INITIAL:
            return True
    return False


@lru_cache(maxsize=CACHE_SIZE)
def front_pieces(texts: tuple[str, ...], initial: bool) -> tuple[tuple[int, int, float], ...]:
    """`split_front` of a segment given by its words' texts, as (first, end, PERSON evidence)
    index ranges into the segment; cached, as it depends on nothing else."""
    indexed = [(i, i + 1, text) for i, text in enumerate(texts)]
    return tuple(
        (words[0][0], words[-1][1], person)
        for words, person in split_front(gazetteer(), indexed, initial)
        if words
    )


def is_word(token: str) -> bool:
    return token[:1].isupper() or (len(token) > 3 and token[2] == "-" and token[3:4].isupper())


def caps_word(word: str) -> bool:
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
        if is_word(tok[2]) or tok[2] == "&":
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
                head in ORG_HEAD_KEYS
                or head in ORG_SUFFIX_KEYS
                or head in PLACE_PREFIX_KEYS
                or head in PLACE_SUFFIX_KEYS
                or head in EVENT_SUFFIX_KEYS
            )
        elif link == "&":
            keep = True  # "Procter & Gamble", "Marks & Spencer"
        elif link == "and":
            bare_left = [w for w in left_words if fold(w) not in ALWAYS_STRIP]
            keep = (
                fold(right_words[-1]) in ORG_SUFFIX_KEYS
                and (len(right_words) > 1 or right_words[0] in _AND_SUFFIXES)
                and len(bare_left) == 1
                and fold(bare_left[0]) not in places
                and not bare_left[0].isupper()  # "BBC and Sky News" are two
                and bare_left[0] not in cues.KNOWN_ORGS
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


def sentence_initial(text: str, pos: int) -> bool:
    """Whether a word at `pos` opens a sentence, a line, a quotation or a headline clause."""
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0\"'“‘([«":
        j -= 1
    if j < 0:
        return True
    return text[j] in ".!?\n:;…-–—•|*"


PREV_WORD = re.compile(r"[ \t\u00a0]*((?:[^\W_]|['’.-])+|.|)", re.DOTALL)
"""`Doc.prev_word`, read in reversed text: spaces, then a word (or one character)."""
QUICK_PREV_WORD = re.compile(r"[ \t\u00a0]*([\w'’.-]+|.|)", re.DOTALL)
"""`PREV_WORD` with "_" let into its words: one class of characters, which the regex engine
reads much quicker than a choice between two classes at each character. A word it finds that
holds no "_" is the word `PREV_WORD` finds (both stop at the same character)."""
_NEXT_WORD = re.compile(r"[ \t\u00a0]*((?:[^\W_]|['’-])+|.|)", re.DOTALL)
_QUICK_NEXT_WORD = re.compile(r"[ \t\u00a0]*([\w'’-]+|.|)", re.DOTALL)
"""`_NEXT_WORD` with "_" let in, as `QUICK_PREV_WORD` is to `PREV_WORD`."""


def next_word(text: str, pos: int) -> str:
    """The word just after `pos` (letters, digits, apostrophes, hyphens), past spaces on the
    line; else the one character there ("," or "\n"); "" at the end of the text."""
    match = _QUICK_NEXT_WORD.match(text, pos)
    assert match is not None  # the pattern matches the empty string
    word = match.group(1)
    if "_" in word:
        match = _NEXT_WORD.match(text, pos)
        assert match is not None
        word = match.group(1)
    return word


def split_front(
    gaz: Gazetteer, words: list[tuple[int, int, str]], initial: bool
) -> list[tuple[list[tuple[int, int, str]], float]]:
    """Drop sentence-opening words, then cut a run at a title into what precedes and a person.

    "The European Commission" -> "European Commission"; "President Bill Clinton" -> "Bill
    Clinton" with evidence for PERSON; "EU Farm Commissioner Franz Fischler" -> "EU" and "Franz
    Fischler"; "U.S. Assistant Secretary" -> "U.S.". Returns pieces with their PERSON evidence.
    """
    nationality = len(words) >= 4 and (
        (fold(words[0][2]), fold(words[1][2])) in cues.TWO_WORD_DEMONYMS
    )
    if nationality:
        words = words[2:]  # "New Zealander Graham Henry", "South African President Thabo Mbeki"
        initial = False
    # Opening words ("The", "But", "Monday").
    while words:
        w = words[0][2]
        key = fold(w)
        if key in ALWAYS_STRIP:
            if len(words) > 1 and fold(" ".join(x[2] for x in words)) in gaz.places:
                break  # "The Hague"
            words = words[1:]
            initial = False
            continue
        if key in DATE_WORDS and len(words) > 1:
            if len(words) == 2 and key in gaz.given_names and fold(words[1][2]) in gaz.surnames:
                break  # "Jan Shaw", "April Ryan", "June Carter": a given name and a surname
            words = words[1:]  # "August National Association of ...": a date, then a name
            continue
        if initial and w in cues.COMMON_INITIAL and len(words) > 1 and not _title_head(w):
            last = fold(words[-1][2])
            if last in ORG_SUFFIX_KEYS or last in PLACE_SUFFIX_KEYS:
                break  # "Security Council", "Foreign Ministry": the word belongs to the name
            words = words[1:]
            initial = False
            continue
        break
    person = 0.0
    if len(words) >= 2 and _nationality_before_name(gaz, words):
        # "American Kevin King": the nationality is not part of the name, and two or three
        # words after one are mostly a person's.
        words = words[1:]
        nationality = True
    if nationality and 2 <= len(words) <= 3 and not any(_title_head(w[2]) for w in words):
        person = 1.0
    if len(words) < 2:
        return [(words, person)]
    if (
        len(words) >= 3
        and words[1][2].casefold() in ROLE_KEYS
        and _describing(words[0][2])
        and fold(words[0][2]) not in TITLE_MODIFIERS
    ):
        words = words[1:]  # "Controversial DJ Howard Stern": what the role is like, then it
    lead = _words_before_given_name(gaz, words)
    if lead:
        # "Singer Jennifer Lopez", "Welshman Jimmy Watkins": what the person is, then who; an
        # organisation's acronym or possessive stays a name of its own ("EADS Philippe Camus").
        front, words = words[:lead], words[lead:]
        person = max(person, 1.0)
        if front[-1][2].isupper() or front[-1][2].endswith(("'s", "’s", "'", "’")):
            return [(front, 0.0), (words, person)]
    head = -1
    for i, (_, _, w) in enumerate(words):
        if _title_head(w) or (i == 0 and w.casefold() in ROLE_KEYS):
            head = i  # "President", "Prime Minister"; a role only when it comes first
            break
    if head < 0:
        return [(words, person)]
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
        if (
            last in ORG_SUFFIX_KEYS
            or last in PLACE_SUFFIX_KEYS
            or last in EVENT_SUFFIX_KEYS
            or len(rest) > 4
        ):
            # "General Motors Corp", "Crown Prosecution Service", "General Election"
            return [(words, 0.0)]
        if not _title_head(words[head][2]) and (
            len(rest) > 3 or any(not is_word(w[2]) for w in rest)
        ):
            return [(words, 0.0)]  # "International Association of Athletics Federations"
        title = words[head][2].rstrip(".").casefold().split("-")[-1]
        if title in AMBIGUOUS_TITLES and not (
            first in gaz.given_names or first in gaz.surnames or len(rest) == 1
        ):
            return [(words, 0.0)]
    elif not prefix or not _title_head(words[head][2]):
        return [(words, 0.0)]  # "National Guard" is a name, not a guard of "National"
    elif head == begin and fold(prefix[-1][2]) in gaz.given_names and not prefix[-1][2].isupper():
        return [(words, max(person, 1.0))]  # "Kevin King", "John Major": a surname
    pieces: list[tuple[list[tuple[int, int, str]], float]] = []
    if prefix:
        pieces.append((prefix, 0.0))
    if rest:
        pieces.append((rest, 3.0))
    return pieces


def _words_before_given_name(gaz: Gazetteer, words: list[tuple[int, int, str]]) -> int:
    """How many words before a given name say what the person is rather than name them:
    "Singer Jennifer Lopez", "Welshman Jimmy Watkins", "EADS Philippe Camus", "Cinematographer
    John Mathieson" (0 when none do: "Ruud van Nistelrooy", "Susilo Bambang Yudhoyono", whose
    first words are names the gazetteers do not hold, and "J Walter Thompson", a firm)."""
    if len(words) < 3:
        return 0
    last = fold(words[-1][2])
    if last in ORG_SUFFIX_KEYS or last in PLACE_SUFFIX_KEYS or last in EVENT_SUFFIX_KEYS:
        return 0  # "British Davis Cup", "the National Council for Adoption"
    for i in range(1, len(words) - 1):
        word = words[i][2]
        key = fold(word)
        if key not in gaz.given_names or key in gaz.common_words or word.isupper():
            continue
        if key in ORG_SUFFIX_KEYS or key in ORG_HEAD_KEYS:
            return 0  # "National Council for Adoption": "Council" is no one's given name
        rest = [fold(w[2]) for w in words[i:]]
        if (
            len(rest) > 3
            or key in gaz.places  # "New York Dolls", "East Kent Hunt"
            or any(w in gaz.common_words or w in _LOWER_LINKS for w in rest)
        ):
            return 0
        lead = words[:i]
        if any(_title_head(w[2]) for w in lead):
            return 0  # "ECB President Jean-Claude Trichet": the title's own reading cuts it
        return i if all(_says_what(gaz, w[2]) for w in lead) else 0
    return 0


_LOWER_LINKS = frozenset(("of", "for", "and", "the", "that", "you"))
"""Words that show a run after a given name is a title or a body, not a person's name."""


_WHAT_ENDINGS = ("man", "men", "ian", "ians", "er", "ers", "ist", "ists", "ant", "ants", "ed")
"""Endings of capitalised words that say what someone is ("Welshman", "Olympian", "Singer",
"Defenders", "Contestants", "Injured"), before their name."""


def _says_what(gaz: Gazetteer, word: str) -> bool:
    """Whether a capitalised word before a given name says what the person is or whom they
    work for: a common word, a role, a nationality, an organisation's acronym or possessive."""
    if word.endswith(("'s", "’s", "'", "’")):
        return True  # "Ladbrokes' Warren Lush"
    if word.isupper():
        return len(word) >= 3  # "EADS", "BBC", "MSP"; not initials ("JP Morgan Chase")
    key = fold(word)
    if key in gaz.given_names or key in gaz.surnames:
        return False
    return (
        key in gaz.common_words
        or key in TITLE_MODIFIERS
        or key in ROLE_KEYS
        or key in DEMONYM_KEYS
        or (key.endswith("s") and key[:-1] in DEMONYM_KEYS)  # "Americans Andy Roddick and ..."
        or _title_head(word)
        or (len(key) > 4 and key.endswith(_WHAT_ENDINGS))
        or _describing(word)
    )


def _describing(word: str) -> bool:
    """Whether a capitalised word before a role reads as an adjective ("Controversial",
    "Veteran" is a role itself): its ending says so, and no name ends so."""
    key = word.casefold()
    return len(key) > 5 and key.endswith(("al", "ive", "ous", "ful", "ic", "ed", "ing"))


def _nationality_before_name(gaz: Gazetteer, words: list[tuple[int, int, str]]) -> bool:
    """Whether a run opens with a nationality that is not part of the name after it: not
    "American Express", "British Museum", "Russian Orthodox Church" (an organisation's own
    last word), nor "South African Airways" or "New Zealand" (a place or a known name)."""
    first = words[0][2]
    if first not in cues.DEMONYMS and fold(first) not in DEMONYM_KEYS:
        return False
    last = fold(words[-1][2].rstrip("."))
    if last in ORG_SUFFIX_KEYS or last in PLACE_SUFFIX_KEYS or last in EVENT_SUFFIX_KEYS:
        return False
    whole = " ".join(w[2] for w in words)
    if fold(whole) in gaz.places or whole in cues.KNOWN_ORGS:
        return False
    second = words[1][2]
    return second not in cues.DEMONYMS and fold(second) not in DEMONYM_KEYS and is_word(second)


def _title_head(word: str) -> bool:
    key = word.rstrip(".").casefold()
    return key in TITLE_HEADS or key.split("-")[-1] in TITLE_HEADS


def _title_word(word: str) -> bool:
    key = word.rstrip(".").casefold()
    return key in TITLE_MODIFIERS or key in DEMONYM_KEYS
