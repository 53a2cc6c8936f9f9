"""Quote finding and speaker attribution for the rules engine.

`find_quotes(text, entities)` returns direct quotations (in quotation marks) and the reported
speech it is sure of ("X said that ...", "according to X, ..."), each with the speaker's fullest
name and the cue verb. How it reads an article, in order:

1. `quote_marks` pairs quotation marks into fragments (mixed glyphs, `''`, quotations carried
   over paragraphs, unbalanced marks), in one linear pass.
2. Fragments of one utterance split by an attribution ('"We are ready," she said, "but..."') are
   joined into one Quote: one thing said is one quote, and the attribution stays readable inside.
3. Each quote is attributed from the words around it: right after the closing mark ("..., said
   X" / "X, a director at Y, said"), before the opening mark ("X told reporters: ..."), a
   transcript label, the previous sentence, or the previous paragraph's speaker when a
   paragraph is nothing but a continuing quote.
4. Speakers are named by `speakers.Registry`: pronouns go to the most recent person who fits,
   surnames and "Mr X" to the full name, "the ministry" to the organisation when it is named.
5. One or two words in quotes with no speech verb beside them are scare quotes, and title-case
   phrases are titles of works: neither is a quotation.

Work per quote is bounded by a window of a few hundred characters around it, so the whole is
linear in the text, whatever the marks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from string import ascii_letters as ASCII_LETTERS

from tui.model import Entity, Quote
from tui.nlp.cues import word_pattern
from tui.nlp.quote_marks import Fragment, _paragraphs, find_fragments
from tui.nlp.speakers import (
    ORG_WORDS,
    PERSON_TITLES,
    Registry,
    is_orgish,
    name_runs,
    split_run,
    wordset,
)

CUES = wordset(
    """said says say told tells added adds asked asks explained explains noted wrote
    writes stated declared declares insisted insists argued argues warned warns claimed
    continued continues replied replies responded responds answered recalled
    recalls acknowledged acknowledges admitted admits announced announces observed observes
    remarked suggested suggests stressed stresses emphasized emphasised emphasizes
    commented conceded concedes concluded concludes tweeted tweets posted shouted
    yelled joked quipped exclaimed laughed sang chanted predicted predicts promised
    vowed pledged urged urges contended contends maintained maintains countered
    complained complains lamented laments boasted boasts bragged mused muses testified
    repeated reiterated confirmed confirms denied denies charged alleged fumed scoffed thundered
    recounted recounts agreed agrees cautioned cautions demanded wondered speculated reported
    believes thinks thought felt feels saying adding telling writing noting asking
    explaining arguing warning insisting declaring recalling told emailed texted messaged
    blasted mocked retorted snapped interjected interrupted whispered pleaded proclaimed
    announced acknowledging sings sang sing chants tweeting posting responding replying
    answering joking quipping continuing beamed calling called describing dubbed
    likened"""
)
"""Speech verbs that tie a quotation to its speaker."""

PARTICIPLES = {
    "saying",
    "adding",
    "telling",
    "writing",
    "noting",
    "asking",
    "explaining",
    "tweeting",
    "posting",
    "responding",
    "replying",
    "answering",
    "joking",
    "quipping",
    "continuing",
    "calling",
    "describing",
    "arguing",
    "warning",
    "insisting",
    "declaring",
    "recalling",
    "acknowledging",
}
REPORTING = {
    "said",
    "says",
    "noted",
    "notes",
    "believes",
    "believe",
    "predicted",
    "predicts",
    "suggested",
    "suggests",
    "argued",
    "argues",
    "warned",
    "warns",
    "claimed",
    "claims",
    "told",
    "tells",
    "added",
    "adds",
    "stressed",
    "insisted",
    "insists",
    "explained",
    "acknowledged",
    "admitted",
    "announced",
    "thinks",
    "think",
    "contended",
    "contends",
    "maintained",
    "maintains",
    "observed",
    "observes",
    "wrote",
    "writes",
    "argue",
    "say",
    "conceded",
    "concedes",
    "stated",
    "states",
    "reported",
    "reports",
    "emphasized",
    "emphasised",
    "predict",
    "warn",
    "insist",
}
"""Verbs of reported speech that, followed by "that", introduce indirect speech."""


REPORTED_CUE = re.compile(word_pattern(REPORTING | {"according"}) + r"(?![\w’'\-])")
"""Finds, in lower-cased text, every token that can make a sentence reported speech (and a few
more: it ignores what precedes the word), so sentences without one are never tokenised."""

CUE_WORDS = CUES | {"according", "pointed", "points", "went", "goes", "put", "puts"}
"""Every word `_is_cue` may take for the start of a cue."""

CUE_WORD = re.compile(word_pattern(CUE_WORDS) + r"(?![\w’'\-])")
"""Finds, in lower-cased text, every token that `_is_cue` may take for a cue (and a few more)."""

CUE_STEM = re.compile(word_pattern(CUE_WORDS))
"""Every place a speech verb is spelt, even inside a longer word: where `CUE_WORD` finds a cue
in a stretch, this matches too, so its first match after a point bounds them all."""

AUX = wordset(
    """also later then has had have would will was once previously recently repeatedly simply
    flatly quickly further again earlier subsequently reportedly just ultimately finally often
    frequently publicly privately angrily bluntly candidly succinctly famously memorably
    quietly firmly calmly cheerfully proudly sarcastically jokingly tearfully softly loudly
    still even herself himself themselves"""
)
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "o", "i": "1", "we": "1"}
DETERMINERS = wordset("the a an his her their its our one another some two three several many")
PERSON_NOUNS = wordset(
    """spokesman spokeswoman spokesperson official officials source sources aide aides adviser
    advisers advisor advisors analyst analysts expert experts critic critics supporter
    supporters resident residents witness witnesses announcer narrator observer observers
    officer officers lawyer lawyers attorney attorneys voter voters member members leader
    leaders people person man woman men women staff staffer staffers researcher researchers
    economist economists strategist strategists pollster pollsters activist activists
    protester protesters organizer organizers executive executives insider insiders
    representative representatives agent agents doctor doctors police spokespeople"""
)
ROLE_BETWEEN = wordset(
    """boss manager coach chief chairman chairwoman captain striker midfielder defender
    goalkeeper keeper player director founder owner editor head presenter star"""
)
"""Roles that join an organisation to a person's name at the head of a sentence: in
"Manchester City boss Kevin Keegan:" the speaker is Keegan, not the club."""
ORG_HEADS = wordset(
    """ministry department government police company campaign committee council agency
    administration embassy firm party office board commission court bank group union army
    military authority authorities organisation organization foundation university school
    club team network newspaper paper station union league association institute"""
)
COMPANY_HEADS = wordset("company firm group bank")
"""Heads of a definite description ("the company", "the firm") that stands for the last
company the article named."""
NOT_COMPANY = wordset(
    """ministry department government council commission committee authority agency office
    police court parliament assembly senate congress party union federation association
    university college school army navy force forces board institute foundation trust
    embassy league club team administration bureau service house white news press times post journal
    tribune herald gazette reuters cnn bbc wire radio television tv daily"""
)
"""Words of an organisation's name that make it a public body, a club or a news outlet rather
than a company ("the company" is not the "Calder Privacy Commission" nor "Reuters")."""
COMPANY_REACH = 3000
"""How far back "the company" looks for the company it stands for."""


def _companyish(words: Sequence[str]) -> bool:
    return not any(w.lower().strip(".,") in NOT_COMPANY for w in words)


BOUNDARY = wordset(
    """and but that because when while if as after before since so which who whom where
    though although or nor than whether until unless whereas"""
)
FWD_STOP = BOUNDARY | wordset(
    """in on at during to about from after before adding noting referring who which when
    while in with via through last this yesterday today told for of"""
)
WORK_CUES = wordset(
    """film movie book song album show novel series titled entitled called dubbed headlined
    headline article column op-ed episode program programme documentary play poem report
    slogan hashtag memo essay single track podcast magazine exhibition"""
)
WORK_CUE = re.compile(word_pattern(WORK_CUES) + r"(?![\w’'\-])")
"""Finds, in lower-cased text, every word of `WORK_CUES` (and a few more: it ignores what
precedes the word)."""

TOKEN_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Mx|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Prof|Rev|Hon|"
    "Jr|Sr|Supt|Det|Insp|Atty|Pres|Amb|Cllr|Fr|Sec|St|Del"
)
TOKEN = re.compile(
    word_pattern(TOKEN_ABBREVIATIONS.split("|"))
    + r"\.|(?:[A-Z]\.){2,}|[A-Z]\.(?=\s)|[\w][\w’'\-]*|[^\w\s]"
)
"""One token: an abbreviation with its full stop, initials, a word, or one other character.
The abbreviations are a trie (`word_pattern`): only one of them can be followed by a full stop
at a given place, so it matches what the plain alternation did."""
SENT_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s|$)")
DASH = re.compile(r"[—–\-―]")
"""A dash, as before a byline credit after a quote ('"..." ― Veronica Cruz')."""
STOP_MARK = re.compile(r"[.!?](?=\s|\Z)")
"""A mark that may end a sentence: followed by a space or the end of the text."""
ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Prof|Rev|"
    r"Hon|Jr|Sr|Supt|Det|Insp|Atty|Pres|Amb|Cllr|Fr|Sec|St|Mt|No|Nos|vs|etc|Inc|Corp|Ltd|Co|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|Ft|Gov|Calif|Fla|Ill|Mass|"
    r"Mich|Minn|Penn|Tex|Va|Wash|Wis|Conn|Ariz|Ore|Tenn|Ky|La|Md|Mo|Neb|Nev|Okla|Pa|Ind)|"
    r"\b[A-Z]|(?:[A-Za-z]\.)+[A-Za-z])\.$"
)
_PREPS = {"of", "from", "at", "in", "for", "with"}
VOICES = wordset(
    """spokesman spokeswoman spokesperson spokespeople representative representatives
    statement release report study survey poll analysis memo filing website account
    official officials"""
)
"""Heads through which an organisation speaks: "an Intel spokeswoman" quotes Intel."""
DESCRIPTIONS = wordset(
    """businessman businesswoman billionaire president senator nominee candidate mayor
    governor minister chairman chairwoman founder owner director chief manager teacher
    student mother father parent farmer worker workers historian professor scholar
    economist writer author reporter journalist columnist narrator announcer host
    delegate delegates voters"""
)
"""Heads of descriptions that name a role, not a speaker ("the New York businessman")."""

MAX_PARTS = 6
"""At most this many quoted fragments make one quotation; more is a list of separate quotes."""

SHORT_REACH = 80
"""The reach for quotes of one or two words, whose cue must be adjacent anyway."""

CONTEXT = 400
"""How far around a quote its attribution is looked for."""


class Tok:
    """One token of a window of text, with its lower-case form ready: the attribution rules
    compare `low` against word lists many times per token."""

    __slots__ = ("end", "low", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = text.lower()

    def __repr__(self) -> str:
        return f"Tok({self.start}, {self.end}, {self.text!r})"


@dataclass(slots=True)
class Attr:
    """An attribution: who, with which cue, and how sure (2 adjacent, 1 same sentence, 0 near)."""

    speaker: str | None
    cue: str | None
    strength: int
    gender: str | None = None


@dataclass(slots=True)
class Unit:
    """A quotation being assembled: its fragments and, once known, its attribution."""

    frags: list[Fragment]
    para: int
    gap_attr: Attr | None = None
    start: int = field(init=False)
    end: int = field(init=False)

    def __post_init__(self) -> None:
        self.start = self.frags[0].start
        self.end = self.frags[-1].end

    def add(self, frag: Fragment) -> None:
        """Join the next fragment of the same utterance."""
        self.frags.append(frag)
        self.end = frag.end


def _tokens(text: str, start: int, end: int) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


def _is_cue(toks: Sequence[Tok], i: int) -> str | None:
    """The cue starting at token i ("said", "according to", "pointed out"), or None."""
    w = toks[i].low
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if w == "according" and nxt == "to":
        return "according to"
    if w in ("pointed", "points") and nxt == "out":
        return f"{w} out"
    if w in ("went", "goes") and nxt == "on":
        return f"{w} on"
    if w in ("put", "puts") and nxt == "it":
        return f"{w} it"
    if w in CUES:
        # "told" as the cue needs an object or a colon after it; "said" always qualifies.
        return toks[i].text.lower()
    return None


class _Article:
    """One article being read: text, paragraphs, fragments and the people in it."""

    def __init__(self, text: str, entities: Sequence[Entity]) -> None:
        self.text = text
        self.paras = _paragraphs(text)
        self.para_starts = [p[0] for p in self.paras]
        self.frags = find_fragments(text, self.paras)
        self.frag_starts = [f.start for f in self.frags]
        self.stops = [m.start() for m in STOP_MARK.finditer(text)]
        self._quiet_from: list[int] | None = None  # see `quiet_from`, made on first use
        self._entities = entities
        self._reg: Registry | None = None  # see `reg`, built on first use
        # (para, name, gender, where the quotation starts), in the order they were attributed:
        # direct quotations first, then reported speech by organisations (see `_reported`).
        self.last_speaker: list[tuple[int, str, str | None, int]] = []
        self.reach = CONTEXT  # how far sentence bounds are looked for; less for tiny quotes
        self._low: str | None = None  # the text lower-cased, made on first use
        self._cue_memo = (-1, -1)  # the last (position, answer) of `first_cue_from`

    @property
    def reg(self) -> Registry:
        """The people of the article, built when a speaker is first named: an article with no
        quotation and no reported speech never needs them."""
        if self._reg is None:
            blocked = [(f.start, f.end) for f in self.frags]
            self._reg = Registry.build(self.text, self._entities, blocked)
        return self._reg

    def may_report(self, start: int, end: int) -> bool:
        """Whether text[start:end] holds a word that reported speech needs ("said", "according")."""
        return self.holds(REPORTED_CUE, start, end)

    def may_be_reported(self, start: int, end: int) -> bool:
        """Whether the sentence text[start:end] may be read as reported speech by `_reported_in`:
        it has "according", a reporting verb with a "that" after it, or a reporting verb after
        its last comma. Looser than the real test, never stricter, and no tokens are made."""
        low = self._lower()
        if not low:
            return True
        cues = [m.start() for m in REPORTED_CUE.finditer(low, start, end)]
        if not cues:
            return False
        if low.find("according", start, end) >= 0 or low.find("that", cues[0], end) >= 0:
            return True
        return cues[-1] > low.rfind(",", start, end) >= 0

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
                    if j < pos and text[j].isupper():
                        return j
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

    def sentence_end(self, pos: int, ceil: int) -> int:
        """End of the sentence holding `pos` (after its final punctuation), skipping quotes.

        Reads forwards a stretch between quotations at a time, like `sentence_start`.
        """
        text = self.text
        hi = min(ceil, pos + self.reach)
        i = pos
        while i < hi:
            k = bisect.bisect_right(self.frag_starts, i) - 1
            if k >= 0 and self.frags[k].end > i:
                f = self.frags[k]
                if self.ends_sentence(f) and f.start > pos:
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
        if self.text[c] != "." or c == 0 or self.text[c - 1] not in ASCII_LETTERS:
            return True  # all that `ABBREV` knows ends in a letter and a full stop
        return not ABBREV.search(self.text, max(floor, c - 12), c + 1)

    # -- naming -----------------------------------------------------------------------------

    def name_phrase(
        self, start: int, end: int, pos: int, quote_start: int | None = None
    ) -> tuple[str | None, str | None]:
        """Interpret a subject phrase as (speaker name, gender): a name, an organisation,
        a role ("a spokesman", no name), or a pronoun resolved in context - never to the
        person named straight before the quotation opening at `quote_start`, if given
        ('Mr Sullivan "made accounting decisions," he told the court': he is not Sullivan)."""
        text = self.text
        while start < end and text[start] in ' ,;:—–-\u00a0"“”(':
            start += 1
        while end > start and text[end - 1] in " ,;:—–-\u00a0":
            end -= 1
        phrase = text[start:end]
        if not phrase:
            return None, None
        low = phrase.lower()
        if low in PRONOUNS:
            skip = self.named_into(quote_start) if quote_start is not None else None
            return self.resolve_pronoun(low, pos, skip)
        ent = self.reg.entity_at(start, end)
        if ent is not None and ent.label == "ORG":
            person = self.person_before(ent, start)
            if person is None:
                return ent.canonical, None
            ent = person  # "Olivia Brandt of Ashgrove Capital": she speaks, not the firm
        if ent is not None:
            # Entity canonicals may keep a title ("Councillor Marcus Oyelaran") or be shorter
            # than a form the article gives elsewhere: normalise through the registry.
            toks, gender, _ = split_run(ent.canonical)
            if toks:
                name = self.reg.lookup(toks, gender, pos)
                if len(name) < len(" ".join(toks)):
                    name = " ".join(toks)
                return name, gender or self.reg.gender_of(name)
        runs = [r for r in name_runs(text, start, end) if split_run(r[2])[0]]
        words = low.split()
        head = words[-1] if words else ""
        if not runs and words and words[0] == "the" and len(words) <= 4 and head in PERSON_TITLES:
            # "the mayor", "the finance minister": the person last named with that title.
            titled = self.reg.titled_person(head, pos)
            if titled:
                return titled, self.reg.gender_of(titled)
        if runs:
            k = len(runs) - 1
            while k > 0 and text[runs[k - 1][1] : runs[k][0]].strip().lower() in _PREPS:
                # "Mayor Colin Arbuthnot of Marrowby": the name comes before the place.
                k -= 1
            rs, re_, run = runs[k]
            toks, gender, _ = split_run(run)
            before = text[start:rs].lower().split()
            after = text[re_:end]
            if after.startswith(("’s", "'s")):
                owner = self.reg.lookup(toks, gender, pos)
                return owner + after, None
            if k == len(runs) - 1 and after.strip() and after.strip()[0].islower():
                # The name only modifies the head: "the IMF report", "Marine heritage experts".
                org = (" ".join(toks) + after).strip()
                if head in VOICES:
                    # "an Intel spokeswoman", "the IMF report": the organisation speaks.
                    org = org[: len(org) - len(head)].strip()
                    return (self.expand_org(org, pos) if org else None), None
                if head in ORG_HEADS:
                    return org, None  # "the Clinton campaign"
                return None, None  # "a senior Cruz adviser": someone unnamed
            if len(before) >= 2 and before[-1] in ("for", "of", "at", "from", "with", "the"):
                # "a spokesman for the Ministry of Health": the organisation speaks.
                return _org_name(run), None
            if is_orgish(toks) and not self.reg.knows(toks):
                return _org_name(run), None
            name = self.reg.lookup(toks, gender, pos)
            return name, gender or self.reg.gender_of(name)
        if head in ORG_HEADS:
            return self.org_for(head, pos, phrase, start), None
        return None, None

    def person_before(self, org: Entity, start: int) -> Entity | None:
        """The PERSON entity that an organisation qualifies in a phrase starting at `start`
        ("Olivia Brandt of Ashgrove Capital", "Anika Rasmussen at PEPA"), if there is one."""
        reg = self.reg
        i = bisect.bisect_left(reg._ent_starts, org.start) - 1
        if i < 0:
            return None
        e = reg.entities[i]
        if e.label != "PERSON" or e.start < start:
            return None
        between = self.text[e.end : org.start].strip().lower()
        return e if between in _PREPS or between in ("of the", "at the", "from the") else None

    def expand_org(self, name: str, pos: int) -> str:
        """'Infrastructure' → 'Ministry of Infrastructure' when the article named it so."""
        low = name.lower()
        for e in reversed(self.reg.entities):
            if e.label == "ORG" and e.start < pos and low in e.canonical.lower():
                return e.canonical
        for _s, _e, run in reversed(name_runs(self.text, max(0, pos - 5000), pos)):
            toks = run.split()
            if len(toks) > len(name.split()) and low in run.lower() and is_orgish(toks):
                return run
        return name

    def org_for(self, head: str, pos: int, phrase: str, start: int) -> str:
        """'the ministry' → the organisation named earlier whose name holds that word; 'the
        company', 'the firm' → the last company named before the phrase (at `start`)."""
        for e in reversed(self.reg.entities):
            if e.label == "ORG" and e.start < pos and head in e.canonical.lower().split():
                return e.canonical
        lo = max(0, pos - 5000)
        best = None
        for _s, _e, run in name_runs(self.text, lo, pos):
            toks = run.split()
            if head in (t.lower() for t in toks) and len(toks) > 1:
                best = run
        if best:
            name = split_run(best)[0]
            return " ".join(name) if name else best
        if head in COMPANY_HEADS and phrase.lower().startswith(("the ", "this ")):
            company = self.last_company(start)
            if company is not None:
                return company
        return phrase

    def last_company(self, pos: int) -> str | None:
        """The company named last before `pos` (within `COMPANY_REACH`), for "the company":
        an organisation whose name says it is no public body and no news outlet."""
        floor = max(0, pos - COMPANY_REACH)
        orgs = [e for e in self.reg.entities if e.label == "ORG"]
        if orgs:
            for e in reversed(orgs):
                if (
                    e.end <= pos
                    and e.start >= floor
                    and self.text[e.start - 1 : e.start] != "@"  # a social media handle
                    and _companyish(e.canonical.split())
                ):
                    return e.canonical
            return None
        # No organisations found by an entity engine: the article's own capitalised runs with
        # a word that names a company ("Labs", "Holdings"), not only a place ("Port Ellis").
        for _s, _e, run in reversed(name_runs(self.text, floor, pos)):
            toks = split_run(run)[0]
            if any(t.lower() in ORG_WORDS for t in toks) and _companyish(toks):
                return " ".join(toks)
        return None

    def subject_org(self, pos: int, para: int) -> str | None:
        """The organisation that "it" before `pos` stands for: the last one that opens a
        sentence ("Quillon Labs said ... It said") in this paragraph or the one before."""
        floor = self.paras[max(0, para - 1)][0]
        reg = self.reg
        i = bisect.bisect_left(reg._ent_starts, pos) - 1
        while i >= 0 and reg.entities[i].start >= floor:
            e = reg.entities[i]
            i -= 1
            if e.label != "ORG" or e.end > pos or self.text.startswith(("’s", "'s"), e.end):
                continue  # "The EU's own institutions": the subject is not the EU
            s = e.start
            if self.text[max(0, s - 4) : s] in ("The ", "the "):
                s -= 4
            before = self.text[max(0, s - 3) : s]
            if s == 0 or before[-1:] == "\n" or before[-2:] in (". ", "! ", "? ", "- ", "— "):
                return e.canonical  # opens a sentence, a paragraph or follows a dateline
        return None

    def resolve_pronoun(
        self, pron: str, pos: int, skip: str | None = None
    ) -> tuple[str | None, str | None]:
        """he/she → the most recent fitting person: in this paragraph, else the last speaker
        nearby, else the most recent mention; they/it → the last organisation speaker. Never
        `skip` (the person a quotation is about, named straight before it)."""
        g = PRONOUNS[pron]
        if g == "1":
            return None, None
        para = self.para_of(pos)
        # Speakers of quotations before this point, the most recent first: a pronoun never
        # refers to someone the article names only later.
        earlier = sorted(
            (entry for entry in self.last_speaker if entry[3] < pos), key=lambda e: e[3]
        )[-6:]
        if g in ("p", "o"):
            for p, org, sg, _ in reversed(earlier):
                if p >= para - 3 and sg is None and org not in self.reg.people:
                    return org, None
            if g == "o":
                return self.subject_org(pos, para), None
            return None, None
        reg = self.reg
        name = reg.recent_person(pos, g, floor=self.paras[para][0], skip=skip)
        if name is None:
            for p, sname, sg, _ in reversed(earlier):
                if p >= para - 2 and sname in reg.people and sg in (g, None) and sname != skip:
                    name = sname
                    break
        if name is None:
            name = reg.recent_person(pos, g, skip=skip)
        if name is None:
            name = reg.recent_person(pos, g, unlikely=True, skip=skip)
        if name is not None:
            self.reg.learn_gender(name, g)
        return name, g

    # -- attribution patterns -------------------------------------------------------------

    def subject_before(
        self, toks: Sequence[Tok], k: int, floor: int, anchored: bool = False
    ) -> tuple[int, int] | None:
        """The subject span ending just before token k (the cue), read backwards.

        `anchored`: the subject must start at token `floor` (right after a closing quote mark),
        so in "X, a director at Y, one of the founders, said" everything after X's first comma
        is apposition.
        """
        if anchored:
            c = floor
            while c < k and toks[c].text not in (",", "(", "—", "–", "--"):
                c += 1
            if c < k and c - floor <= 8:
                nxt = c + 1
                while nxt < k and toks[nxt].text not in (",", "(", "—", "–"):
                    nxt += 1
                seg = toks[c + 1 : nxt]
                if (
                    toks[c].text == ","
                    and not toks[c - 1].text[:1].isupper()
                    and seg
                    and len(seg) <= 5
                    and all(x.text[:1].isupper() or x.text in (".", "-") for x in seg)
                ):
                    # "the White House spokesman, Josh Earnest, said": the name is in apposition.
                    return seg[0].start, seg[-1].end
                if toks[c].text == "(":
                    # "Rep. Gwen Moore (D-Wis.) said": the parenthesis qualifies the name.
                    close = next((x for x in range(c, k) if toks[x].text == ")"), k)
                    rest = [t for t in toks[close + 1 : k] if t.low not in AUX]
                    if close < k and (not rest or rest[0].text == ","):
                        return toks[floor].start, toks[c - 1].end
                    if close < k and rest:
                        return None
                return toks[floor].start, toks[c - 1].end
        j = k - 1
        while j >= floor and toks[j].low in AUX:
            j -= 1
        if j < floor:
            return None
        t = toks[j]
        if t.low in PRONOUNS:
            return t.start, t.end
        if t.text == ")":
            while j >= floor and toks[j].text != "(":
                j -= 1
            j -= 1
            if j < floor:
                return None
            if toks[j].text == ",":
                j -= 1
            t = toks[j]
        if t.text == ",":
            # "her senior policy adviser, Jake Sullivan, said": the name is the apposition.
            c = j - 1
            while c >= floor and j - c <= 6 and toks[c].text not in ",;:":
                c -= 1
            seg = toks[c + 1 : j]
            if (
                c >= floor
                and toks[c].text == ","
                and seg
                and all(x.text[:1].isupper() or x.text in (".", "-") for x in seg)
            ):
                return seg[0].start, seg[-1].end
            # "X, a director at Y, said": find the comma that closes a name.
            commas = 0
            c = j - 1
            while c >= floor and j - c < 45 and commas < 4:
                if toks[c].text == ",":
                    commas += 1
                    prev = toks[c - 1] if c - 1 >= floor else None
                    if prev is not None and (prev.text[:1].isupper() or prev.text == ")"):
                        span = self._collect_back(toks, c - 1, floor)
                        if span is not None:
                            return span
                elif toks[c].text in '.!?;:"“”':
                    break
                c -= 1
            # "X, meanwhile, said" or a sentence-initial role: collect from the sentence start.
            if floor <= j - 1 and toks[floor].text[:1].isupper():
                first_comma = next((x for x in range(floor, j) if toks[x].text == ","), j)
                if first_comma - floor <= 8:
                    return toks[floor].start, toks[first_comma - 1].end
            return None
        span = self._collect_back(toks, j, floor)
        if span is not None:
            return self._outside_relative_clause(toks, span, floor)
        return span

    def _outside_relative_clause(
        self, toks: Sequence[Tok], span: tuple[int, int], floor: int
    ) -> tuple[int, int]:
        """The person a relative clause left unclosed belongs to: in "Ms Robinson, who presents
        The Weakest Link tells ..." the one who tells is Ms Robinson, not the show."""
        i = next((x for x in range(floor, len(toks)) if toks[x].start >= span[0]), None)
        if i is None:
            return span
        c = i - 1
        while c > floor and i - c <= 8 and toks[c].text not in ",;:":
            c -= 1
        if (
            c > floor
            and toks[c].text == ","
            and c + 1 < i
            and toks[c + 1].low in ("who", "whose")
            and toks[c - 1].text[:1].isupper()
        ):
            outer = self._collect_back(toks, c - 1, floor)
            if outer is not None:
                return outer
        return span

    def _collect_back(self, toks: Sequence[Tok], j: int, floor: int) -> tuple[int, int] | None:
        """A noun phrase ending at token j: up to 8 words back to a clause boundary."""
        if toks[j].text == ")":
            while j >= floor and toks[j].text != "(":
                j -= 1
            j -= 1
        end_tok = j
        i = j
        while i >= floor and end_tok - i < 8:
            t = toks[i]
            if not (t.text[0].isalnum() or t.text in ("’", "'", "-", "&", ".")):
                break
            if t.low in BOUNDARY or (t.low in CUES and t.low not in ("reports", "states")):
                break
            i -= 1
        first = i + 1
        if first > end_tok:
            return None
        if i >= floor and toks[i].low in ("and", "or", "nor", "&"):
            return None  # "Hospitals in Port Ellis and Ashgrove said": only part of a subject
        # Keep the phrase from a determiner, a capital or a role noun onwards.
        while first <= end_tok:
            w = toks[first]
            if w.text[:1].isupper() or w.low in DETERMINERS or w.low in PERSON_NOUNS:
                break
            if w.low in ORG_HEADS:
                break
            first += 1
        if first > end_tok:
            return None
        head = toks[end_tok]
        if not (
            head.text[:1].isupper()
            or head.low in PERSON_NOUNS
            or head.low in ORG_HEADS
            or head.low in PRONOUNS
            or head.text.endswith((")", "."))
            or head.low in PERSON_TITLES
            or head.low in DESCRIPTIONS
        ):
            return None
        return toks[first].start, head.end

    def speaker_after(self, toks: Sequence[Tok], i: int) -> tuple[int, int] | None:
        """The speaker phrase starting at token i, after an inverted cue ("said Mr. Kamin")."""
        if i >= len(toks):
            return None
        if toks[i].low in PRONOUNS:
            return toks[i].start, toks[i].end
        j = i
        last = -1
        while j < len(toks) and j - i < 12:
            t = toks[j]
            if t.text in ',.;:!?—–"“”':
                break
            if t.text == "(":
                break
            if t.low in FWD_STOP and not (
                t.low == "of" and last >= 0 and toks[last].low in ORG_WORDS
            ):
                break
            last = j
            j += 1
        if last < 0:
            return None
        return toks[i].start, toks[last].end

    def attr_after(self, pos: int, limit: int, quote_start: int | None = None) -> Attr | None:
        """Attribution right after a closing mark: ', she said', ', said X', 'X, a Y, said'.

        `quote_start`: where the quotation opens, for a pronoun speaker (see `name_phrase`)."""
        if not self.may_cue(pos, limit) and not DASH.search(self.text, pos, limit):
            return None  # neither a speech verb nor a dash before a byline
        toks = _tokens(self.text, pos, limit)
        i = 0
        dash = False
        while i < len(toks) and toks[i].text in ",;—–-:―":
            dash = dash or toks[i].text in "—–-―"
            i += 1
        if i >= len(toks):
            return None
        if dash and toks[i].text[:1].isupper() and len(toks) - i <= 8:
            # A byline-style credit after the quote: '"..." ― Veronica Cruz'.
            runs = name_runs(self.text, toks[i].start, toks[-1].end)
            if runs and runs[0][0] == toks[i].start:
                name, g = self.name_phrase(runs[0][0], runs[0][1], toks[i].start)
                if name:
                    return Attr(name, None, 2, g)
        cue = _is_cue(toks, i)
        if cue is not None:
            skip = 2 if " " in cue else 1
            span = self.speaker_after(toks, i + skip)
            if span is None:
                return None
            name, g = self.name_phrase(span[0], span[1], toks[i].start, quote_start)
            return Attr(name, cue, 2, g)
        first = toks[i]
        lead_ok = (
            first.text[:1].isupper()
            or first.low in DETERMINERS
            or first.low in PRONOUNS
            or first.low in PERSON_NOUNS
        )
        if not lead_ok:
            # "panel Chairman Rep. Jason Chaffetz said": a lower-case role before a name.
            head = toks[i : i + 4]
            if not any(t.text[:1].isupper() for t in head) or any(
                t.text in ",.;:" or t.low in BOUNDARY for t in head[:2]
            ):
                return None
        for k in range(i + 1, min(len(toks), i + 48)):
            if toks[k].text in '!?"“”':
                return None
            cue = _is_cue(toks, k)
            if cue is None:
                continue
            span = self.subject_before(toks, k, i, anchored=True)
            if span is None or span[0] < first.start:
                return None
            name, g = self.name_phrase(span[0], span[1], toks[k].start, quote_start)
            return Attr(name, cue, 2, g)
        return None

    def named_into(self, start: int) -> str | None:
        """The person named straight before the opening mark at `start` (only spaces between,
        same paragraph): 'Mr Sullivan "made accounting decisions," ...'."""
        floor = self.paras[self.para_of(start)][0]
        i = start
        while i > floor and self.text[i - 1] in " \t":
            i -= 1
        if i == start or i <= floor or not self.text[i - 1].isalpha():
            return None
        runs = name_runs(self.text, max(floor, i - 80), i)
        if not runs or runs[-1][1] != i:
            return None
        name, _ = self.name_phrase(runs[-1][0], runs[-1][1], runs[-1][0])
        return name if name in self.reg.people else None

    def attr_before(self, start: int, floor: int) -> Attr | None:
        """Attribution before an opening mark: 'X said:', 'X told reporters,', 'according to
        X,', a speaker label 'WALLACE:', or a cue earlier in the same sentence."""
        text = self.text
        if ":" not in text[floor:start] and not self.may_cue(floor, start):
            return None  # neither a speech verb nor a speaker label's colon
        toks = _tokens(text, floor, start)
        toks = [t for t in toks if self.frag_at(t.start) is None]
        if not toks:
            return None
        n = len(toks)
        # "According to X, ..." at the start of the sentence.
        if n >= 3 and toks[0].low == "according" and toks[1].low == "to":
            c = next((x for x in range(2, n) if toks[x].text == ","), n)
            name, g = self.name_phrase(toks[2].start, toks[c - 1].end, toks[0].start)
            return Attr(name, "according to", 1, g)
        tail = n - 1
        while tail >= 0 and toks[tail].text in ",:":
            tail -= 1
        colon = toks[-1].text == ":"
        if (
            colon
            and 0 <= tail < 6
            and all(t.text[:1].isupper() or not t.text[0].isalnum() for t in toks[: tail + 1])
        ):
            # A speaker label: "WALLACE:", "Sen. Warren:".
            name, g = self.name_phrase(toks[0].start, toks[tail].end, toks[0].start)
            if name:
                return Attr(name, None, 2, g)
        for k in range(n - 1, -1, -1):
            cue = _is_cue(toks, k)
            if cue is None:
                continue
            # Where a pronoun subject is resolved from: the cue, unless the subject opens
            # the sentence ("He said Mr Blair had ..., adding:" - he is not Mr Blair).
            at = toks[k].start
            if toks[k].low in PARTICIPLES:
                # "..., saying: ...": the speaker is the subject of the sentence.
                span = self._sentence_subject(toks, k)
                at = span[0] if span is not None else at
            elif k > 0 and toks[k - 1].low == "and":
                # "Tobias Lund welcomed the decision and said ...": the sentence's subject.
                span = self._sentence_subject(toks, k)
                at = span[0] if span is not None else at
            elif k == 0 or (toks[k].text[:1].isupper() and toks[k - 1].text in ";:—–"):
                # Inverted: 'Said Dorothy Poynter, who grew up with him, "..."'.
                span = self.speaker_after(toks, k + (2 if " " in cue else 1))
            else:
                span = self.subject_before(toks, k, 0)
            if span is None:
                continue
            name, g = self.name_phrase(span[0], span[1], at)
            near = n - k <= 12
            return Attr(name, cue, 2 if near else 1, g)
        if colon:
            span = self._sentence_subject(toks, n - 1)
            if span is not None:
                name, g = self.name_phrase(span[0], span[1], toks[0].start)
                if name:
                    return Attr(name, None, 1, g)
        return None

    def _sentence_subject(self, toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
        """The first noun phrase of a sentence (a pronoun or a name), skipping openers
        ("Later on Sunday, Carson shared ..., writing")."""
        if not toks or k <= 0:
            return None
        end = toks[min(k, len(toks)) - 1].end
        for i in range(min(k, 14)):
            t = toks[i]
            if t.low in PRONOUNS:
                return t.start, t.end
            if t.text[:1].isupper():
                runs = name_runs(self.text, t.start, end)
                if runs and runs[0][0] == t.start and split_run(runs[0][2])[0]:
                    rs, re_ = runs[0][0], runs[0][1]
                    if len(runs) > 1:
                        # "Finance minister Tobias Lund": a role word joins two runs.
                        between = self.text[re_ : runs[1][0]].split()
                        if 0 < len(between) <= 3 and all(
                            w.lower() in PERSON_TITLES
                            or w.lower() in PERSON_NOUNS
                            or w.lower() in ROLE_BETWEEN
                            for w in between
                        ):
                            re_ = runs[1][1]
                    return rs, re_
        return None

    def attr_previous_sentence(self, start: int, para_start: int, own: int = -1) -> Attr | None:
        """A cue in the sentence before the quote, same paragraph ('X said on Monday. "..."').

        `own` is the start of the quote's own sentence when the caller has it already.
        """
        s = own if own >= 0 else self.sentence_start(start, para_start)
        if s <= para_start:
            return None
        e = s
        while e > para_start and (self.text[e - 1].isspace() or self.text[e - 1] in ".!?"):
            e -= 1
        if not self.may_cue(max(para_start, e - self.reach), s):
            return None  # no speech verb within reach: the sentence's bounds do not matter
        ps = self.sentence_start(e, para_start)
        toks = [t for t in _tokens(self.text, ps, s) if self.frag_at(t.start) is None]
        for k in range(len(toks)):
            cue = _is_cue(toks, k)
            if cue is None or toks[k].low in PARTICIPLES:
                continue
            span = self.subject_before(toks, k, 0)
            if span is None:
                continue
            name, g = self.name_phrase(span[0], span[1], toks[k].start)
            if name:
                return Attr(name, cue, 0, g)
        return None


def _org_name(run: str) -> str:
    """An organisation's name as written, without a leading article or sentence word."""
    toks = run.replace("\u00a0", " ").split(" ")
    while len(toks) > 1 and toks[0].lower() in ("the", "a", "an", "but", "and", "in", "at"):
        toks = toks[1:]
    return " ".join(toks)


_WORD = re.compile(r"[\w’'\-]+")


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _gap_is_attribution(
    art: _Article, a: Fragment, b: Fragment, quote_start: int | None = None
) -> Attr | bool | None:
    """Whether the text between two fragments of a paragraph only attributes them.

    Returns the attribution, True when the gap is a bare joiner ("and", ","), or None.
    `quote_start`: where the quotation opens (see `attr_after`)."""
    gap = art.text[a.end : b.start]
    if not gap or gap.isspace():
        return None  # two quotations side by side
    words = _words(gap)
    if not words:
        return None  # nothing but punctuation between them
    if all(w.lower() in ("and", "or", "but", "then") for w in words):
        # '"how the system is rigged," and "wounded American families"': one quotation.
        return True if len(gap) < 12 else None
    if len(words) > 45:
        return None
    end = art.sentence_end(a.end, b.start)
    if end < b.start - 1 and art.text[end : b.start].strip():
        # More than one sentence between them: separate quotes (attributed separately).
        return None
    attr = art.attr_after(a.end, b.start, quote_start)
    if attr is not None and attr.strength == 2:
        return attr
    return None


def _content(text: str, f: Fragment) -> str:
    s, e = f.start, f.end
    if f.label_end > 0:
        s = f.label_end
    return text[s:e].strip("\"“”„«»‘’' \n\t\u00a0")


def _after_possessive(text: str, pos: int) -> bool:
    """Whether a quote follows a possessive ("CBS's "Face the Nation""): a title, not speech."""
    return text[max(0, pos - 3) : pos].rstrip().endswith(("’s", "'s"))


def _looks_like_title(art: _Article, start: int, content: str, words: list[str]) -> bool:
    """A title of a work ('the film "Twelve Angry Men"') rather than something said.

    `content` is what the quotation's first fragment says, without its marks, and `words` its
    words; `start` is where the quotation opens.
    """
    text = art.text
    if len(words) > 10:
        return False
    window = max(0, start - 40)
    if art.holds(WORK_CUE, window, start):
        before = _words(text[window:start].lower())[-3:]
        if any(w in WORK_CUES for w in before):
            return True
    if not words or len(words) > 9 or content.rstrip()[-1:] in ".?!,":
        return False
    return len(words) >= 2 and all(
        w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS or w[:1].isdigit() for w in words
    )


TITLE_SMALL_WORDS = frozenset(
    ("a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with")
)
"""Words a title of a work leaves in small letters ("Twelve Angry Men", "Gone with the Wind")."""


def _assemble(art: _Article) -> list[Unit]:
    """Group fragments into quotations: a quote split by its attribution is one unit."""
    units: list[Unit] = []
    for f in art.frags:
        p = art.para_of(f.start)
        if units and units[-1].para == p and art.para_of(units[-1].end - 1) == p:
            prev = units[-1]
            joined = _gap_is_attribution(art, prev.frags[-1], f, prev.frags[0].start)
            if len(prev.frags) >= MAX_PARTS:
                joined = None
            elif isinstance(joined, Attr):
                # '"A," Moore said. "B," added Clyburn': B has its own attribution, keep it apart.
                own = art.attr_after(f.end, art.sentence_end(f.end, art.paras[p][1]))
                if own is not None:
                    joined = None
            if joined is not None and joined is not False:
                if isinstance(joined, Attr) and prev.gap_attr is None:
                    prev.gap_attr = joined
                prev.add(f)
                continue
        units.append(Unit([f], p))
    return units


def find_quotes(text: str, entities: list[Entity]) -> list[Quote]:
    """Direct quotations and confident reported speech in `text`, with speakers.

    `entities` (PERSON/ORG with canonical names) sharpen the speakers' names but are optional:
    with none, names come from the article's own capitalised runs and titles.
    """
    if not text:
        return []
    art = _Article(text, entities)
    quotes: list[Quote] = []
    prev_para_speaker: tuple[int, Attr] | None = None
    last_end = 0
    for unit in _assemble(art):
        para_start, para_end = art.paras[unit.para]
        first = unit.frags[0]
        first_content = _content(text, first)
        first_words = _words(first_content)
        if len(unit.frags) == 1:
            nwords = len(first_words)
        else:
            nwords = len(_words(" ".join(_content(text, f) for f in unit.frags)))
        if nwords == 0:
            continue
        attr = _attribute(art, unit, nwords, last_end, prev_para_speaker)
        if attr is SKIP:
            continue  # scare quotes: 'a "historic" deal'
        strength = attr.strength if attr is not None else -1
        if strength < 2 and nwords <= 2:
            continue  # scare quotes: 'a "historic" deal'
        if (strength < 2 or _after_possessive(text, unit.start)) and _looks_like_title(
            art, unit.start, first_content, first_words
        ):
            continue  # 'the film "Twelve Angry Men"', 'MSNBC’s “Morning Joe”'
        if unit.start > 0 and text[unit.start - 1] == "=":
            continue  # markup attribute values left in scraped text: pic="..."
        if not first.closed and nwords < 6:
            continue
        if strength < 0 and nwords <= 5 and unit.start == para_start and unit.end >= para_end - 1:
            continue  # a sub-heading set in quotes ("'A warning shot'")
        speaker = attr.speaker if attr is not None else None
        cue = attr.cue if attr is not None else None
        if speaker:
            art.last_speaker.append((unit.para, speaker, attr.gender if attr else None, unit.start))
            if attr is not None:
                prev_para_speaker = (art.para_of(unit.end - 1), attr)
        # Only a quote that closes its sentence bounds the next one's left context: after
        # 'Trump called it "a disgrace," and said "we will fix it."' the subject is further back.
        last_end = unit.end if art.ends_sentence(unit.frags[-1]) else last_end
        quotes.append(
            Quote(
                start=unit.start,
                end=unit.end,
                text=text[unit.start : unit.end],
                kind="direct",
                speaker=speaker,
                cue=cue,
            )
        )
    art.reach = CONTEXT  # a scare quote skipped last leaves the short reach set
    quotes.extend(_reported(art, quotes))
    quotes.sort(key=lambda q: q.start)
    return quotes


SKIP = Attr(None, None, -1)
"""What `_attribute` returns for a quotation of a word or two that no cue stands beside."""


def _attribute(
    art: _Article,
    unit: Unit,
    nwords: int,
    last_end: int,
    prev_para_speaker: tuple[int, Attr] | None,
) -> Attr | None:
    """Who said a quotation: its transcript label, the attribution around it (after it, before
    it, the paragraph before, the sentence before), or None; `SKIP` for scare quotes.

    `last_end` is where the last quotation that closed its sentence ended, `prev_para_speaker`
    the (paragraph, attribution) of the last quotation with a speaker.
    """
    para_start = art.paras[unit.para][0]
    first = unit.frags[0]
    # A word or two in quotes is kept only with a cue right beside it, so a short reach
    # will do; it also keeps a page of dense tiny quotes linear with a small constant.
    art.reach = CONTEXT if nwords > 2 else SHORT_REACH
    # The attribution after a quote ends with its sentence or at the next quote.
    limit = art.paras[art.para_of(unit.end - 1)][1]
    nxt = bisect.bisect_left(art.frag_starts, unit.end)
    if nxt < len(art.frags):
        limit = min(limit, art.frags[nxt].start)
    attr: Attr | None = None
    if first.label_end > 0:
        name, g = art.name_phrase(first.label_start, first.label_end - 2, first.start)
        attr = Attr(name, None, 2, g)
    elif unit.gap_attr is not None:
        attr = unit.gap_attr
    elif unit.start != para_start and not art.may_attribute(unit, limit):
        # Nothing around it could name a speaker (a page of bare quotes): each reader below
        # would find nothing.
        if nwords <= 2:
            return SKIP
        art.reach = CONTEXT
        return None
    from_after = attr is None
    if attr is None:
        attr = art.attr_after(unit.end, art.sentence_end(unit.end, limit), unit.start)
    # The left context of a quote stops at the quote before it: that one's words and
    # attribution are its own (and this bounds the work on pages dense with quotes).
    left = max(para_start, last_end)
    prev_frag = bisect.bisect_left(art.frag_starts, unit.start) - (1 if nwords <= 2 else 4)
    if prev_frag >= 0:
        # Never look back past a few earlier quotes (only the nearest for a word or two):
        # real sentences hold few, and it keeps pages of dense quotes linear and quick.
        left = max(left, art.frags[prev_frag].end)
    own_start = -1  # where the quote's own sentence starts, once needed
    # 'Carol Lam said: "..." The company says it ...': a quote the colon introduces is the
    # colon's; what follows it may be the next sentence's own subject and verb.
    colon = from_after and attr is not None and _colon_before(art.text, unit.start, left)
    if attr is None or attr.speaker is None or colon:
        own_start = art.sentence_start(unit.start, left)
        before = art.attr_before(unit.start, own_start)
        if colon:
            if before is not None and before.speaker:
                attr = before
        elif before is not None and (attr is None or before.speaker):
            attr = before if attr is None or attr.strength <= before.strength else attr
    if nwords <= 2 and (attr is None or attr.strength < 2):
        return SKIP
    if (attr is None or attr.speaker is None) and unit.start == para_start:
        if prev_para_speaker is not None and prev_para_speaker[0] >= unit.para - 1:
            attr = Attr(prev_para_speaker[1].speaker, None, 0, prev_para_speaker[1].gender)
        elif unit.para > 0:
            pps, ppe = art.paras[unit.para - 1]
            if art.text[ppe - 1] == ":":
                floor = art.sentence_start(ppe - 1, pps)
                lead = art.attr_before(ppe, floor)
                if lead is not None and lead.speaker:
                    attr = Attr(lead.speaker, lead.cue, 1, lead.gender)
    if attr is None or attr.speaker is None:
        prevs = art.attr_previous_sentence(unit.start, left, own_start)
        if prevs is not None:
            attr = prevs
    art.reach = CONTEXT
    return attr


def _colon_before(text: str, start: int, floor: int) -> bool:
    """Whether the quote opening at `start` follows a colon ("X said: \"...\"")."""
    i = start - 1
    while i > floor and text[i] in " \t":
        i -= 1
    return i >= floor and text[i] == ":"


def _sentences(art: _Article, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of one paragraph as (start, end), quotations kept whole."""
    pos = start
    while pos < end:
        e = art.sentence_end(pos, end)
        if e <= pos:
            break
        yield pos, e
        pos = e
        while pos < end and art.text[pos].isspace():
            pos += 1


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink a span past spaces and punctuation at both ends."""
    while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?—–-"):
        e -= 1
    return s, e


def _reported(art: _Article, direct: Sequence[Quote]) -> list[Quote]:
    """Reported speech the rules are sure of: "X said that ...", "..., X said.",
    "according to X, ...". Sentences holding a direct quotation are left alone, and a speaker
    must be found: an indirect quote without one is more likely a misreading than news."""
    spans = sorted((q.start, q.end) for q in direct)
    starts = [sp[0] for sp in spans]
    out: list[Quote] = []

    def overlaps(s: int, e: int) -> bool:
        i = bisect.bisect_left(starts, e) - 1
        return i >= 0 and spans[i][1] > s

    low = art._lower()
    for ps, pe in art.paras:
        # Where a reporting word is spelt in the paragraph: most paragraphs have none, and are
        # not split into sentences; a sentence that holds none is not looked at further.
        cues = [m.span() for m in REPORTED_CUE.finditer(low, ps, pe)] if low else None
        if cues == []:
            continue
        cue_ends = [e for _, e in cues] if cues else []
        for ss, se in _sentences(art, ps, pe):
            if overlaps(ss, se) or se - ss < 25:
                continue
            if cues and not _cue_within(cues, cue_ends, low, ss, se, pe):
                continue
            if not art.may_be_reported(ss, se):
                continue
            q = _reported_in(art, ss, se)
            if q is not None:
                out.append(q)
                if q.speaker and q.speaker not in art.reg.people:
                    # An organisation's words: "it" in a later sentence may be it.
                    art.last_speaker.append((art.para_of(ss), q.speaker, None, q.start))
    return out


def _cue_within(
    cues: list[tuple[int, int]], cue_ends: list[int], low: str, ss: int, se: int, pe: int
) -> bool:
    """Whether the sentence low[ss:se] of a paragraph ending at `pe` may hold a reporting word,
    given where the paragraph's own search found them (`cues`, and their ends): when none of
    those overlaps the sentence, a search of the sentence alone finds none either. Unless the
    sentence was cut inside a word (a very long one): the word's start may then read as one."""
    if se < pe and low[se - 1].isalpha():
        return True
    i = bisect.bisect_right(cue_ends, ss)
    return i < len(cues) and cues[i][0] < se


def _reported_in(art: _Article, ss: int, se: int) -> Quote | None:
    """One reported-speech quote in the sentence text[ss:se], or None."""
    text = art.text
    if any(mark in text[ss:se] for mark in '"“”'):
        return None  # a sentence quoting someone directly is the direct quote's business
    toks = _tokens(text, ss, se)
    n = len(toks)
    if n < 6 or any(t.text in '"“”' for t in toks):
        return None
    # "According to X, CONTENT." / "CONTENT, according to X."
    for k in range(n - 1):
        if toks[k].low != "according" or toks[k + 1].low != "to":
            continue
        if k == 0:
            c = next((x for x in range(2, n) if toks[x].text == ","), -1)
            if c < 0 or c > 10:
                return None
            name, _ = art.name_phrase(toks[2].start, toks[c - 1].end, toks[0].start)
            cs, ce = _trim(text, toks[c].end, se)
        elif toks[k - 1].text == ",":
            tail = [t for t in toks[k + 2 :] if t.text not in ".!?"]
            if not tail or len(tail) > 10:
                return None
            name, _ = art.name_phrase(tail[0].start, tail[-1].end, toks[k].start)
            cs, ce = _trim(text, ss, toks[k - 1].start)
        else:
            return None
        return _make(text, cs, ce, name, "according to")
    # "SUBJECT CUE [to OBJECT] that CONTENT."
    for k in range(n):
        w = toks[k].low
        if w not in REPORTING:
            continue
        t = next((x for x in range(k + 1, min(n, k + 7)) if toks[x].low == "that"), -1)
        if t < 0 or any(toks[x].text in ",;:()" for x in range(k + 1, t)):
            continue
        subject = art.subject_before(toks, k, 0)
        if subject is None:
            continue
        name, _ = art.name_phrase(subject[0], subject[1], toks[k].start)
        cs, ce = _trim(text, toks[t].end, se)
        return _make(text, cs, ce, name, toks[k].low)
    # "CONTENT, SUBJECT CUE." / "CONTENT, CUE SUBJECT." — the attribution ends the sentence.
    commas = [x for x in range(n) if toks[x].text == ","]
    if not commas or commas[-1] < 4:
        return None
    c = commas[-1]
    rest = [t for t in toks[c + 1 :] if t.text not in ".!?"]
    lead = toks[0].low
    if lead in CLAUSE_OPENERS or not rest:
        return None
    cue: str | None = None
    span: tuple[int, int] | None = None
    if rest[0].low in REPORTING:
        # "..., said Jane Doe." / "..., observed the minister."
        span = art.speaker_after(rest, 1)
        if span is not None and (span[1] != rest[-1].end or len(rest) > 6):
            span = None
        cue = rest[0].low
    else:
        m = next((x for x in range(len(rest)) if rest[x].low in REPORTING), -1)
        after = rest[m + 1 :] if m >= 0 else []
        if 0 < m <= 8 and (not after or (after[0].low in ADJUNCTS and len(after) <= 5)):
            span = art.subject_before(rest, m, 0, anchored=True)
            cue = rest[m].low
    if span is None or cue is None:
        return None
    name, _ = art.name_phrase(span[0], span[1], toks[c].start)
    cs, ce = _trim(text, ss, toks[c].start)
    return _make(text, cs, ce, name, cue)


CLAUSE_OPENERS = BOUNDARY | wordset(
    """in on at after before during for with by from to under over since until despite
    without into through among between"""
)
"""First words of a sentence that open an adverbial, not the reported claim itself."""

ADJUNCTS = wordset(
    """on in at during last this yesterday today earlier later recently monday tuesday
    wednesday thursday friday saturday sunday"""
)
"""Words that may follow a closing attribution ("..., she said on Monday.")."""


def _make(text: str, cs: int, ce: int, speaker: str | None, cue: str | None) -> Quote | None:
    """An indirect Quote, if it has a speaker and enough words to be a claim."""
    if not speaker or len(_words(text[cs:ce])) < 4:
        return None
    return Quote(start=cs, end=ce, text=text[cs:ce], kind="indirect", speaker=speaker, cue=cue)
