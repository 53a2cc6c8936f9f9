"""One article being read: its text, paragraphs, quoted fragments and sentence bounds.

Every later stage asks this one object where sentences start and end and which stretch is
inside a quotation; the answers skip over quotations whole, so each question costs a few
bisections however dense the quotes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from string import ascii_letters as ASCII_LETTERS

from tui.model import Entity
from tui.nlp.quotes.marks import Fragment, _paragraphs, find_fragments
from tui.nlp.quotes.tokens import Unit
from tui.nlp.quotes.words import (
    ABBREV,
    ABBREVIATION_SIZE,
    ABBREVIATIONS,
    CONTEXT,
    CUE_STEM,
    CUE_WORD,
    DASH,
    REPORTED_CUE,
    STOP_MARK,
)
from tui.nlp.speakers import Registry

ANSWER_GAP = 100
"""Characters between a question and the words that answer it, beyond which they are not an
exchange of turns: room for the question's attribution, not for a sentence of narrative."""
_OPENING = re.compile(r"[\"“]")

TEASER_LABELS = ("RELATED:", "READ MORE:", "SEE ALSO:", "WATCH:", "READ:")
INLINE_TEASER = re.compile(r"\b(?:RELATED|READ MORE|SEE ALSO|WATCH|READ):[^\"“”\n]{1,160}")
"""A related link's label and headline left inside a paragraph by scraping ("... RELATED:
Clinton puts Trump on defense "I just think ...," he told Bash."), up to the next quotation
mark: the people it names are not who "he" in the story stands for."""

UNLABELLED_TEASER = re.compile(
    r"(?<=[.!?\"”] )(?!(?:From|For|To|In|On|At|By|With|And|But|Note|Update|Source)\b)"
    r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}: [A-Z][^.!?\"“”\n:]{8,140}\w(?= [\"“])"
)
"""A related link's headline with no label, "Name: words" between two sentences and running
into a quotation with no full stop ("... handouts. Obama: Violent protests won't solve policing
"America is ...," he said."): a sentence of the story ends before its quotation opens, so this
is no sentence, and whoever it names is not who "he" stands for. ("From Fox News: Hillary
Clinton is enlisting ..." introduces a passage: a preposition never opens a headline's name.)"""


class ArticleText:
    """One article being read: text, paragraphs, fragments and the people in it."""

    def __init__(self, text: str, entities: Sequence[Entity]) -> None:
        self.text = text
        self.paras = _paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]
        self.frags = find_fragments(text, self.paras)
        self.frag_starts = [f.start for f in self.frags]
        self.stops = [m.start() for m in STOP_MARK.finditer(text)]
        self._quiet_from: list[int] | None = None  # see `quiet_from`, made on first use
        self.entities = entities  # all of them, as the entity engine found them
        self._entity_names: frozenset[str] | None = None  # see `entity_names`
        self._reg: Registry | None = None  # see `reg`, built on first use
        # (para, name, gender, where the quotation starts), in the order they were attributed:
        # direct quotations first, then reported speech by organisations (see `_reported`).
        self.last_speaker: list[tuple[int, str, str | None, int]] = []
        # (where a quotation starts, who asked it) for quotations that ask a question: the
        # "he said" of the answer is someone else.
        self.questions: list[tuple[int, int, str]] = []
        # Starts of quotations whose speaker is a guess: "she said" after one of them is no
        # surer than the guess it follows.
        self.guessed: set[int] = set()
        # Speakers that are descriptions as written ("Many lawmakers"), not names.
        self.described: set[str] = set()
        # (para, description, where the words start) of groups described as several people
        # whose reported speech was found ("Analysts say"): whom a later "they" may be. Kept
        # apart from `last_speaker`, which "he" and "she" read.
        self.groups_spoke: list[tuple[int, str, int]] = []
        self._place_names: frozenset[str] | None = None  # see `place_names`
        self.reach = CONTEXT  # how far sentence bounds are looked for; less for tiny quotes
        self._low: str | None = None  # the text lower-cased, made on first use
        self._cue_memo = (-1, -1)  # the last (position, answer) of `first_cue_from`
        self._full_stops: dict[int, bool] = {}  # see `_full_stop`
        # What `pronouns` reads of each name before a pronoun, by (position, reach).
        self.candidate_memo: dict[tuple[int, int], tuple[int, bool, str | None, bool]] = {}
        # Each person's offices (`offices.office_table`), read once per article on first use.
        self.office_memo: dict[str, set[str]] | None = None
        # Where the headline at the top ends (0: none), set by `direct`: its first line holds
        # no reported speech either.
        self.headline_end = 0

    @property
    def entity_names(self) -> frozenset[str]:
        """Every entity's text and canonical name, made on first use."""
        if self._entity_names is None:
            self._entity_names = frozenset(
                name for e in self.entities for name in (e.text, e.canonical)
            )
        return self._entity_names

    @property
    def place_names(self) -> frozenset[str]:
        """Names of the places the entity engine found: a place never says anything, so it
        is never who "he" or "she" stands for nor a sentence's speaking subject."""
        if self._place_names is None:
            people = {e.canonical for e in self.entities if e.label == "PERSON"}
            self._place_names = frozenset(
                name
                for e in self.entities
                if e.label == "PLACE"
                for name in (e.text, e.canonical)
                if name not in people
            )
        return self._place_names

    def asker_before(self, pos: int) -> str | None:
        """Who asked the question that the words at `pos` answer: the speaker of the last
        quotation before `pos`, when that one was a question, came straight after someone
        else's words (an interview's turns: answer, question, answer), no other quotation
        with a speaker came between, and no more than the question's own attribution stands
        between it and `pos` ('"...?" Lemon asked.'; a narrative sentence after it starts
        another scene). A speaker's own rhetorical question does not count."""
        if not self.questions:
            return None
        before = sorted((e[3], e[1]) for e in self.last_speaker if e[3] < pos)
        for start, end, name in reversed(self.questions):
            if start < pos:
                if pos - start >= 1500 or len(before) < 2 or before[-1] != (start, name):
                    return None
                gap = _OPENING.search(self.text, end, pos)
                if len(self.text[end : gap.start() if gap else pos].strip()) > ANSWER_GAP:
                    return None
                return name if before[-2][1] != name else None
        return None

    @property
    def reg(self) -> Registry:
        """The people of the article, built when a speaker is first named: an article with no
        quotation and no reported speech never needs them."""
        if self._reg is None:
            blocked = [(f.start, f.end) for f in self.frags]
            if ":" in self.text:
                if any(label in self.text for label in TEASER_LABELS):
                    blocked.extend(m.span() for m in INLINE_TEASER.finditer(self.text))
                blocked.extend(m.span() for m in UNLABELLED_TEASER.finditer(self.text))
            self._reg = Registry.build(self.text, self.entities, blocked)
        return self._reg

    def may_report(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds a word that reported speech needs ("said", "according")."""
        return self.holds(REPORTED_CUE, start, end)

    def may_attribute(self, unit: Unit, limit: int) -> bool:
        """Whether anything near a quotation could name its speaker: a speech verb earlier in
        its paragraph or after it up to `limit`, a colon shortly before it, a dash after it.

        When nothing could, each attribution reader would find nothing; skipping them keeps a
        page of thousands of bare quotes ('"a b c" "a b c" ...') quick.
        """
        text = self.text
        para_start = self.paras[unit.para][0]
        if text.find(":", max(para_start, unit.start - CONTEXT), unit.start) >= 0:
            return True
        if DASH.search(text, unit.end, limit):
            return True
        return self.first_cue_from(para_start) < limit

    def first_cue_from(self, pos: int) -> int:
        """Where a speech verb is first spelt (as `CUE_STEM` finds it) at or after `pos`; the
        text's length if nowhere, 0 if the text cannot be searched lower-cased.

        Asked with rising positions, the answer for the last one holds until it is passed,
        so the text is searched about once however many quotations ask.
        """
        asked, found = self._cue_memo
        if asked <= pos <= found:
            return found
        low = self._lower()
        if not low:
            return 0
        match = CUE_STEM.search(low, pos)
        found = match.start() if match else len(low)
        self._cue_memo = (pos, found)
        return found

    def may_cue(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds a word that `_is_cue` could take for a speech cue."""
        return self.holds(CUE_WORD, start, end)

    def holds(self, words: re.Pattern[str], start: int, end: int) -> bool:
        """Whether a word pattern matches in text[start:end], searched in the lower-cased text.

        When lower-casing changes the text's length (a rare letter such as "İ"), offsets would
        not line up, so then every span may hold the word.
        """
        low = self._lower()
        return not low or words.search(low, start, end) is not None

    def _lower(self) -> str:
        """The text lower-cased, made on first use; "" if that changes its length (a rare letter
        such as "İ"), as offsets would then not line up."""
        if self._low is None:
            low = self.text.lower()
            self._low = low if len(low) == len(self.text) else ""
        return self._low

    # -- geometry ---------------------------------------------------------------------------

    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def frag_at(self, pos: int) -> Fragment | None:
        i = bisect.bisect_right(self.frag_starts, pos) - 1
        if i >= 0 and self.frags[i].start <= pos < self.frags[i].end:
            return self.frags[i]
        return None

    def sentence_start(self, pos: int, floor: int) -> int:
        """Start of the sentence holding `pos`, skipping over quoted fragments.

        Reads backwards a stretch between quotations at a time: a quotation is hopped over
        whole, and the text between two is searched for full stops by the regex engine.
        """
        text = self.text
        lo = max(floor, pos - self.reach)
        i = pos - 1
        while i >= lo:
            k = bisect.bisect_right(self.frag_starts, i) - 1
            f = self.frags[k] if k >= 0 else None
            if f is not None and f.start < i < f.end:
                if self.ends_sentence(f) and f.end < pos:
                    j = f.end
                    while j < pos and text[j].isspace():
                        j += 1
                    if j <= pos and j < len(text) and text[j].isupper():
                        return j  # a sentence may open at `pos` itself, as after a full stop
                # Past this quotation and the quiet run before it: no sentence ends there.
                i = self.frags[self.quiet_from[k]].start - 1
                continue
            # text[a : i + 1] lies outside every quotation (or is the opening mark at i).
            a = lo if f is None else max(lo, f.end if f.end <= i else f.start)
            for c in reversed(self._stop_marks(a, i + 1)):
                if self._full_stop(c, lo):
                    j = c + 1
                    while j < pos and text[j].isspace():
                        j += 1
                    return j
            i = a - 1
        return lo

    @property
    def quiet_from(self) -> list[int]:
        """For each quotation k, the first j such that no sentence can end between quotation j
        and quotation k: no quotation j..k-1 ends one and no gap between them holds a full
        stop. `sentence_start` leaps over such a run in one step, so a page of many tiny
        quotes costs a constant per quote, not one step per quote within reach."""
        if self._quiet_from is None:
            self._quiet_from = self._quiet_runs()
        return self._quiet_from

    def _quiet_runs(self) -> list[int]:
        quiet_from: list[int] = []
        for k, f in enumerate(self.frags):
            if k == 0:
                quiet_from.append(0)
                continue
            before = self.frags[k - 1]
            quiet = not self.ends_sentence(before) and not self._stop_marks(before.end, f.start)
            quiet_from.append(quiet_from[k - 1] if quiet else k)
        return quiet_from

    def ends_sentence(self, f: Fragment) -> bool:
        """Whether a quotation closes its sentence ('..."We are ready." Then ...')."""
        k = f.end
        while k > f.start and self.text[k - 1] in "\"“”'’‘»":
            k -= 1
        return k > f.start and self.text[k - 1] in ".!?"

    def sentences(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The sentences of one paragraph as (start, end), quotations kept whole."""
        pos = start
        while pos < end:
            e = self.sentence_end(pos, end)
            if e <= pos:
                break
            yield pos, e
            pos = e
            while pos < end and self.text[pos].isspace():
                pos += 1

    def sentence_end(self, pos: int, ceil: int) -> int:
        """End of the sentence holding `pos` (after its final punctuation), skipping quotes.

        Reads forwards a stretch between quotations at a time, like `sentence_start`. A
        quotation that closes its sentence ends it even when it also opens it: in '"Let's move
        on." Tory leader X said ...' the sentence after the quotation is one of its own.
        """
        text = self.text
        hi = min(ceil, pos + self.reach)
        i = pos
        while i < hi:
            k = bisect.bisect_right(self.frag_starts, i) - 1
            if k >= 0 and self.frags[k].end > i:
                f = self.frags[k]
                if self.ends_sentence(f) and f.start >= pos:
                    j = f.end
                    while j < hi and text[j].isspace():
                        j += 1
                    if j < hi and text[j].isupper():
                        return f.end
                i = f.end
                continue
            stop = min(hi, self.frag_starts[k + 1]) if k + 1 < len(self.frags) else hi
            for c in self._stop_marks(i, stop):
                if self._full_stop(c, 0):
                    return c + 1
            i = stop
        return hi

    def _stop_marks(self, start: int, stop: int) -> list[int]:
        """Positions in [start, stop) of a '.', '!' or '?' followed by a space or the text's end:
        the places a sentence may end."""
        stops = self.stops
        return stops[bisect.bisect_left(stops, start) : bisect.bisect_left(stops, stop)]

    def _full_stop(self, c: int, floor: int) -> bool:
        """Whether the mark at `c` ends a sentence rather than an abbreviation ("Mr.", "U.S.")."""
        text = self.text
        if text[c] != "." or c == 0 or text[c - 1] not in ASCII_LETTERS:
            return True  # all that `ABBREV` knows ends in a letter and a full stop
        if c >= 2 and (text[c - 2].isalnum() or text[c - 2] == "_"):
            # After a word of two letters or more (most full stops: "... the plan."), `ABBREV`
            # can only match that word whole, one of its abbreviations: its other forms need a
            # lone capital or a full stop before the last letter. A look at the word is much
            # quicker than the search, which tries every abbreviation at every character.
            k = c - 2
            while k >= 0 and c - k <= ABBREVIATION_SIZE + 1 and text[k] in ASCII_LETTERS:
                k -= 1
            if text[k + 1 : c] not in ABBREVIATIONS:
                return True
        if floor > c - 12:
            return not ABBREV.search(self.text, floor, c + 1)
        # The same full stop is asked about again and again (every sentence read from the
        # paragraph's start, every quotation's attribution): the answer is kept. With the floor
        # out of the way it depends on `c` alone.
        known = self._full_stops.get(c)
        if known is None:
            known = self._full_stops[c] = not ABBREV.search(self.text, c - 12, c + 1)
        return known
