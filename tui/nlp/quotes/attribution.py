"""Attribution cues: read the words around a quotation for its speech verb and subject.

Three places are read, strongest first: right after the closing mark ("..., she said", ", said
X", "X, a director at Y, said"), before the opening mark ("X told reporters:", "according to
X,", a transcript label "WALLACE:"), and the sentence before ('X said on Monday. "..."').
Each answers an `Attr` whose strength says how close the cue stood (2 adjacent, 1 same
sentence, 0 near).
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.nlp.capital_runs import name_runs
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.colon import colon_clause_subject
from tui.nlp.quotes.described import describe, named_or_described
from tui.nlp.quotes.naming import name_phrase, people_in
from tui.nlp.quotes.noun_phrase import (
    NOT_BEFORE_SUBJECT,
    _collect_back,
    _outside_relative_clause,
    _relative_clause_subject,
)
from tui.nlp.quotes.tokens import Attr, Tok, _is_cue, _tokens
from tui.nlp.quotes.words import (
    AUX,
    BOUNDARY,
    CUES,
    DASH,
    DETERMINERS,
    FWD_STOP,
    PARTICIPLES,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_BETWEEN,
)
from tui.nlp.speaker_words import ORG_WORDS, PERSON_TITLES, wordset
from tui.nlp.speakers import (
    split_run,
)


def subject_before(
    art: ArticleText, toks: Sequence[Tok], k: int, floor: int, anchored: bool = False
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
    if t.low == "who" and j - 2 >= floor and toks[j - 1].text == ",":
        # "Jack Straw, who argues the constitution ...": the one named before "who"; not
        # "Democrats on Capitol Hill, who have argued": that name is a place in a phrase.
        span: tuple[int, int] | None = _collect_back(art, toks, j - 2, floor)
        first = next((x for x in range(floor, j) if toks[x].start == span[0]), floor) if span else 0
        if span is None or (first > floor and toks[first - 1].low in NOT_BEFORE_SUBJECT):
            return None
        return span
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
        participle = _before_participle_phrase(art, toks, j, floor)
        if participle is not None:
            return participle  # "Lady Hale, sitting with Lords Bingham, Steyn and Hope, said"
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
        relative = _relative_clause_subject(art, toks, j, floor)
        if relative is not None:
            return relative
        # "X, a director at Y, said": find the comma that closes a name.
        commas = 0
        c = j - 1
        while c >= floor and j - c < 45 and commas < 4:
            if toks[c].text == ",":
                commas += 1
                prev = toks[c - 1] if c - 1 >= floor else None
                if prev is not None and (prev.text[:1].isupper() or prev.text == ")"):
                    span = _collect_back(art, toks, c - 1, floor)
                    if span is not None and not _object_of_preposition(toks, span, floor):
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
    span = _collect_back(art, toks, j, floor)
    if span is not None:
        return _outside_relative_clause(art, toks, span, floor)
    return span


def _object_of_preposition(toks: Sequence[Tok], span: tuple[int, int], floor: int) -> bool:
    """Whether the phrase at `span` follows a preposition: in "John Tanner, head of the Harbour
    Trust, one of the charities involved, said" the trust is where he works, inside his
    apposition; the one who spoke is named before it."""
    first = next((x for x in range(floor, len(toks)) if toks[x].start >= span[0]), None)
    if first is None or first == floor:
        return False
    inside = range(first, len(toks))
    if toks[first].text[:1].islower() and any(
        toks[x].low in ("of", "at") for x in inside if toks[x].start < span[1]
    ):
        return True  # "John Smith, chief executive of Harbour Telecom, also at the show, said"
    before = toks[first - 1]
    if before.low in ("the", "a", "an") and first - 1 > floor:
        before = toks[first - 2]
    return before.low in APPOSITION_PREPOSITIONS


APPOSITION_PREPOSITIONS = frozenset(("of", "at", "with", "from", "in"))
"""Prepositions that tie an organisation to a person's role ("head of", "an analyst at"); not
"after" ("the day after Sir Ian Blair, the new commissioner, said": he is a clause's subject)
nor "for" ("A spokesman for the Summit (WSIS), which ..., told": it speaks through him)."""


def speaker_after(art: ArticleText, toks: Sequence[Tok], i: int) -> tuple[int, int] | None:
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
            (t.low == "of" and last >= 0 and toks[last].low in ORG_WORDS)
            or (t.low == "and" and last >= 0 and _firm_of_two(toks, last, j))
        ):
            break
        last = j
        j += 1
    if last < 0:
        return None
    return toks[i].start, toks[last].end


def _firm_of_two(toks: Sequence[Tok], last: int, j: int) -> bool:
    """'Ernst and Young's Sanjay Mehta': "and" joins two names into one firm whose person
    follows the possessive, rather than ending the speaker at "Ernst"."""
    if not toks[last].text[:1].isupper() or j + 2 >= len(toks):
        return False
    owner, person = toks[j + 1], toks[j + 2]
    return (
        owner.text[:1].isupper() and owner.text.endswith(("'s", "’s")) and person.text[:1].isupper()
    )


def attr_after(
    art: ArticleText, pos: int, limit: int, quote_start: int | None = None
) -> Attr | None:
    """Attribution right after a closing mark: ', she said', ', said X', 'X, a Y, said'.

    `quote_start`: where the quotation opens, for a pronoun speaker (see `name_phrase`)."""
    if not art.may_cue(pos, limit) and not DASH.search(art.text, pos, limit):
        return None  # neither a speech verb nor a dash before a byline
    toks = _tokens(art.text, pos, limit)
    i = 0
    dash = False
    while i < len(toks) and toks[i].text in ",;—–-:―":
        dash = dash or toks[i].text in "—–-―"
        i += 1
    if i + 1 < len(toks) and toks[i].low == "as" and toks[i + 1].text[:1].isupper():
        i += 1  # '"I can't breathe," as Eric Garner said': "as" only joins the cue
    if i >= len(toks):
        return None
    if dash and toks[i].text[:1].isupper() and len(toks) - i <= 8:
        # A byline-style credit after the quote: '"..." ― Veronica Cruz'.
        runs = name_runs(art.text, toks[i].start, toks[-1].end)
        if runs and runs[0][0] == toks[i].start:
            name, g, sure = name_phrase(art, runs[0][0], runs[0][1], toks[i].start)
            if name:
                return Attr(name, None, 2, g, sure)
    cue = _is_cue(toks, i)
    if cue is not None:
        skip = 2 if " " in cue else 1
        span = speaker_after(art, toks, i + skip)
        if span is None:
            return None
        name, g, sure = named_or_described(art, span[0], span[1], toks[i].start, quote_start)
        return Attr(name, cue, 2, g, sure)
    first = toks[i]
    lead_ok = (
        first.text[:1].isupper()
        or first.low in DETERMINERS
        or first.low in PRONOUNS
        or first.low in PERSON_NOUNS
    )
    if not lead_ok:
        # '"..." for criminal behavior, she said.': the quoted words run on into the
        # sentence, and a pronoun and its cue close it.
        for c in range(i + 1, min(len(toks) - 2, i + 15)):
            if toks[c].text in ".;:!?":
                break
            if toks[c].text == "," and toks[c + 1].low in PRONOUNS:
                cue = _is_cue(toks, c + 2)
                if cue is not None and toks[c + 2].low not in PARTICIPLES:
                    name, g, sure = name_phrase(
                        art, toks[c + 1].start, toks[c + 1].end, toks[c + 2].start, quote_start
                    )
                    return Attr(name, cue, 2, g, sure)
        # "panel Chairman Rep. Jason Chaffetz said": a lower-case role before a name.
        head = toks[i : i + 4]
        if not any(t.text[:1].isupper() for t in head) or any(
            t.text in ",.;:" or t.low in BOUNDARY for t in head[:2]
        ):
            return None
    for k in range(i + 1, min(len(toks), i + 48)):
        if toks[k].text in '!?"“”':
            return None
        if toks[k].low == "quoted":
            # "..., the prosecutor's office quoted Ellis as saying": Ellis's words.
            quoted = _quoted_as(art, toks, k, quote_start)
            if quoted is not None:
                return quoted
        cue = _is_cue(toks, k)
        if cue is None:
            continue
        if _closes_sentence(art.text, pos) and toks[k - 1].text == ",":
            # '"... e-commerce." The arrival of banks in China could mean ..., said Mr
            # Makower.': a sentence of reported speech with its own inverted cue.
            return None
        if _closes_sentence(art.text, pos) and _cue_has_clause(toks, k + (2 if " " in cue else 1)):
            # '"... run out." Mr Hasson said developers were ...', '"..." Neil Brien said:
            # "..."': a new sentence with speech of its own, not this quotation's cue.
            return None
        span = subject_before(art, toks, k, i, anchored=True)
        if span is None or span[0] < first.start:
            return None
        name, g, sure = named_or_described(art, span[0], span[1], toks[k].start, quote_start)
        return Attr(name, cue, 2, g, sure)
    return None


def _opening_group(art: ArticleText, toks: Sequence[Tok], k: int, cue: str) -> Attr | None:
    """The people a sentence opens with, as written, when a cue at token k has no subject
    right before it: 'Protesters marching through the streets chanted "..."'."""
    h = next((x for x in range(min(k, 3)) if toks[x].low in GROUP_HEADS), -1)
    if h < 0 or any(t.text in ",;:()" for t in toks[:k]):
        return None
    described = describe(art, toks[0].start, toks[h].end)
    if described is None:
        return None
    art.described.add(described[0])
    return Attr(described[0], cue, 2, None, described[1])


GROUP_HEADS = PERSON_NOUNS | wordset("demonstrators crowds crowd fans")
"""Heads of a group of people that may chant, shout or write what is quoted."""


def _closes_sentence(text: str, end: int) -> bool:
    """Whether the quotation ending at `end` (after its closing mark) ends its sentence
    inside the marks ('... run out."', '... Come on, Dan…” Story ...': an ellipsis followed
    by a capital)."""
    j = end - 1
    while j > 0 and text[j] in "\"“”'’":
        j -= 1
    if text[j] == "…":
        nxt = text[end : end + 2].lstrip()[:1]
        return nxt.isupper()
    return text[j] in ".!?"


def _cue_has_clause(toks: Sequence[Tok], k: int) -> bool:
    """Whether the words from token k (right after a cue) carry the cue's own content: a
    colon or quotation mark that opens the next quotation, "that", a pronoun subject, or a
    clause of several words that opens with no preposition ("said developers were ...")."""
    if k >= len(toks):
        return False
    first = toks[k]
    if first.low == "that" or first.low in PRONOUNS:
        return True
    if any(t.text in (":", '"', "“", "‘") for t in toks[k:]):
        return True  # 'Annie Walker said on Saturday: "The stores ..."
    words = [t for t in toks[k:] if t.text[:1].isalnum()]
    return len(words) >= 4 and first.low not in CIRCUMSTANCE


CIRCUMSTANCE = wordset(
    """of from at in for with on during after before to by about through via while when as
    later earlier yesterday today tonight afterwards recently last this"""
)
"""Words after a cue that open when, where or how it was said ("she said on Monday")."""


def _after_and(toks: Sequence[Tok], k: int) -> bool:
    """Whether the cue at k follows "and" or "but" with no subject of its own (maybe with an
    adverb: "and repeatedly says"; "Mr Clarke said he ... but argued:")."""
    j = k - 1
    while j > 0 and toks[j].low in AUX:
        j -= 1
    return j >= 0 and toks[j].low in ("and", "but")


def _quoted_as(
    art: ArticleText, toks: Sequence[Tok], k: int, quote_start: int | None
) -> Attr | None:
    """'X quoted Y as saying': Y spoke; X (an office, a newspaper) only passed it on."""
    end = min(len(toks), k + 9)
    a = next((x for x in range(k + 2, end - 1) if toks[x].low == "as"), -1)
    if a < 0 or toks[a + 1].low not in CUES:
        return None
    name, g, sure = name_phrase(art, toks[k + 1].start, toks[a - 1].end, toks[k].start, quote_start)
    return Attr(name, toks[a + 1].low, 2, g, sure) if name else None


def attr_before(art: ArticleText, start: int, floor: int) -> Attr | None:
    """Attribution before an opening mark: 'X said:', 'X told reporters,', 'according to
    X,', a speaker label 'WALLACE:', or a cue earlier in the same sentence."""
    text = art.text
    if ":" not in text[floor:start] and not art.may_cue(floor, start):
        return None  # neither a speech verb nor a speaker label's colon
    toks = _tokens(text, floor, start)
    toks = [t for t in toks if art.frag_at(t.start) is None]
    if not toks:
        return None
    n = len(toks)
    # "According to X, ..." at the start of the sentence.
    if n >= 3 and toks[0].low == "according" and toks[1].low == "to":
        c = next((x for x in range(2, n) if toks[x].text == ","), n)
        if c + 1 < n or c == n:
            # "According to GMA News, Salceda said the ...": the outlet only passed it on; so
            # does "According to Mr Pike the prime minister said:", with no comma.
            inner = _cue_before(art, toks[c + 1 :] if c < n else toks[2:])
            if inner is not None and inner.speaker and (c < n or inner.cue):
                return inner
        name, g, sure = name_phrase(art, toks[2].start, toks[c - 1].end, toks[0].start)
        return Attr(name, "according to", 1, g, sure)
    return _cue_before(art, toks)


def _cue_before(art: ArticleText, toks: Sequence[Tok]) -> Attr | None:
    """The cue and subject of the sentence words `toks` before an opening mark (see
    `attr_before`), or a speaker label's colon."""
    n = len(toks)
    tail = n - 1
    while tail >= 0 and toks[tail].text in ",:":
        tail -= 1
    dashed = _name_before_dash(art, toks)
    if dashed is not None:
        return dashed
    colon = toks[-1].text == ":"
    clause = colon_clause_subject(art, toks) if colon else None
    if clause is not None:
        return clause  # "..., as the host Mara Venn cut him off:": hers, not the cue's
    if (
        colon
        and 0 <= tail < 6
        and all(t.text[:1].isupper() or not t.text[0].isalnum() for t in toks[: tail + 1])
    ):
        # A speaker label: "WALLACE:", "Sen. Warren:".
        name, g, sure = name_phrase(art, toks[0].start, toks[tail].end, toks[0].start)
        if name:
            return Attr(name, None, 2, g, sure)
    for k in range(n - 1, -1, -1):
        cue = _is_cue(toks, k)
        if cue is None:
            continue
        # Where a pronoun subject is resolved from: the cue, unless the subject opens
        # the sentence ("He said Mr Blair had ..., adding:" - he is not Mr Blair).
        at = toks[k].start
        if toks[k].low in PARTICIPLES and _person_before(art, toks, k):
            # "footage of Hillary Clinton asking, ...": the person just before the participle
            # (not "responded on Facebook writing": a place or an organisation writes nothing).
            span = subject_before(art, toks, k, 0)
        elif toks[k].low in PARTICIPLES:
            # "..., saying: ...": the speaker is the subject of the sentence, or of the
            # attribution just before ("..., Spicer said, adding: ...").
            span = participle_subject(art, toks, k)
            at = span[0] if span is not None else at
        elif _after_and(toks, k):
            # "Tobias Lund welcomed the decision and (then) said ...": the sentence's subject;
            # "Customs claimed ... but his lawyer, Antony Townsden, told reporters ... and
            # added:": the subject of the speech verb this one continues.
            prior = next((p for p in range(k - 2, 0, -1) if _is_cue(toks, p) is not None), 0)
            span = subject_before(art, toks, prior, 0) if prior else None
            span = span or _sentence_subject(art, toks, k)
            at = span[0] if span is not None else at
        elif k == 0 or (toks[k].text[:1].isupper() and toks[k - 1].text in ";:—–"):
            # Inverted: 'Said Dorothy Poynter, who grew up with him, "..."'.
            span = speaker_after(art, toks, k + (2 if " " in cue else 1))
        else:
            span = subject_before(art, toks, k, 0)
        if span is None:
            if tail - 1 <= k <= tail and toks[k].low not in PARTICIPLES:
                # 'Protesters marching through the streets chanted "What curfew?"', 'Obama
                # and Clinton call them "lone wolves"': speech, though its subject is no name;
                # a group the sentence opens with speaks ("Protesters marching ... chanted").
                return _opening_group(art, toks, k, cue) or Attr(None, cue, 2)
            continue
        name, g, sure = named_or_described(art, span[0], span[1], at)
        near = n - k <= 12
        return Attr(name, cue, 2 if near else 1, g, sure)
    if colon:
        span = _sentence_subject(art, toks, n - 1)
        if span is not None:
            name, g, sure = name_phrase(art, span[0], span[1], toks[0].start)
            if name:
                return Attr(name, None, 1, g, sure)
        else:
            # "A lesson from Loretta Lynch: '...'": the one person the clause names, unsure.
            people = people_in(art, toks[0].start, toks[-1].start)
            if len(people) == 1:
                return Attr(people.pop(), None, 1, None, False)
    return None


def _person_before(art: ArticleText, toks: Sequence[Tok], k: int) -> bool:
    """Whether token k comes right after a name the article gives a person."""
    if k == 0 or not toks[k - 1].text[:1].isupper():
        return False
    ent = art.reg.entity_at(toks[k - 1].start, toks[k - 1].end)
    if ent is not None:
        return ent.label == "PERSON"
    toks_run = split_run(toks[k - 1].text)[0]
    return bool(toks_run) and art.reg.lookup(toks_run, None, toks[k].start) in art.reg.people


def _name_before_dash(art: ArticleText, toks: Sequence[Tok]) -> Attr | None:
    """'including the former candidate Mitt Romney -- "It is disqualifying ..."': a person
    of the article named right before a dash that opens the quotation speaks it."""
    n = len(toks)
    if n < 3 or toks[-1].text not in ("—", "–", "-") or toks[-2].text not in ("—", "–", "-"):
        if n < 2 or toks[-1].text not in ("—", "–", "--"):
            return None
        end = n - 1
    else:
        end = n - 2  # "--" is two tokens
    last = toks[end - 1]
    if not last.text[:1].isupper():
        return None
    runs = name_runs(art.text, toks[max(0, end - 5)].start, last.end)
    if not runs or runs[-1][1] != last.end:
        return None
    first = next((x for x in range(end) if toks[x].start == runs[-1][0]), 0)
    if first > 0 and toks[first - 1].low in NOT_BEFORE_SUBJECT:
        return None  # 'supportive of Mr. Trump -- "..."': the name is an object, not a voice
    name, g, sure = name_phrase(art, runs[-1][0], runs[-1][1], runs[-1][0])
    if name is None or name not in art.reg.people:
        return None
    return Attr(name, None, 1, g, sure)


SAID_SET_OFF = wordset("said says told added explained noted claimed argued insisted")
"""Cues of an attribution set off by commas before a participle: ", Spicer said, adding"."""


def participle_subject(art: ArticleText, toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """Who speaks in a participle at `k` ("adding", "saying"): the one an attribution set off
    just before it names (", Mr. Manafort said, adding that ...", ", said Olivia Brandt, adding
    ..."), else the sentence's subject (PolNeAR train gave Trump, sure, for Manafort's words)."""
    said = said_before(toks, k)
    return said if said is not None else _sentence_subject(art, toks, k)


def said_before(toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """Who an attribution set off by commas just before the participle at `k` names."""
    if k < 4 or toks[k - 1].text != ",":
        return None
    c = k - 2
    while c >= 0 and toks[c].text != ",":
        c -= 1
    inner = toks[c + 1 : k - 1]
    if c < 0 or not 2 <= len(inner) <= 6:
        return None

    def named(part: Sequence[Tok]) -> bool:
        return bool(part) and all(t.text[:1].isupper() or t.text == "." for t in part)

    if inner[-1].low in SAID_SET_OFF and (named(inner[:-1]) or inner[0].low in ("he", "she")):
        return inner[0].start, inner[-2].end  # ", Spicer said, adding", ", he claimed, saying"
    if inner[0].low in SAID_SET_OFF and named(inner[1:]):
        return inner[1].start, inner[-1].end
    return None


def _before_participle_phrase(
    art: ArticleText, toks: Sequence[Tok], j: int, floor: int
) -> tuple[int, int] | None:
    """The name before a participle phrase set off by commas that ends at the comma `j`
    ("Lady Hale, sitting with Lords Bingham, Steyn, Hope and Carswell, said"): the names
    inside the phrase are whom she sat with, never the speaker."""
    x = next(
        (
            x
            for x in range(floor + 1, j)
            if toks[x].text == ","
            and toks[x + 1].text.islower()
            and toks[x + 1].low.endswith("ing")
            and len(toks[x + 1].low) > 4
        ),
        -1,
    )
    if x < 0 or not toks[x - 1].text[:1].isupper():
        return None
    return _collect_back(art, toks, x - 1, floor)


def _sentence_subject(art: ArticleText, toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The first noun phrase of a sentence (a pronoun or a name), skipping openers
    ("Later on Sunday, Carson shared ..., writing")."""
    if not toks or k <= 0:
        return None
    end = toks[min(k, len(toks)) - 1].end
    skipped = -1  # the end of a run passed over: its last words are no subject of their own
    for i in range(min(k, 14)):
        t = toks[i]
        if t.start < skipped:
            continue
        if t.low in PRONOUNS:
            return t.start, t.end
        if t.text[:1].isupper():
            runs = name_runs(art.text, t.start, end)
            if runs and runs[0][0] == t.start and split_run(runs[0][2])[0]:
                rs, re_ = runs[0][0], runs[0][1]
                if (
                    art.text[rs:re_] in art.place_names
                    or " ".join(split_run(runs[0][2])[0]) in art.place_names
                ):
                    # A place is no subject, nor the rest of its run ("The Islamic State
                    # ... called": not "State").
                    skipped = re_
                    continue
                if (
                    i > 0 and (toks[i - 1].low in NOT_BEFORE_SUBJECT or toks[i - 1].text == "(")
                ) or art.text.startswith(("’s", "'s"), re_):
                    # "Before the Paris attacks, Trump ...", "In response to Trump's comments,
                    # Andanar ...", "Washington (CNN) A congressman ...": no subject there,
                    # nor in the run's last words ("with the Financial Times": not "Times").
                    skipped = re_
                    continue
                if len(runs) > 1:
                    # "Finance minister Tobias Lund": a role word joins two runs.
                    between = art.text[re_ : runs[1][0]].split()
                    if 0 < len(between) <= 3 and all(
                        w.lower() in PERSON_TITLES
                        or w.lower() in PERSON_NOUNS
                        or w.lower() in ROLE_BETWEEN
                        for w in between
                    ):
                        re_ = runs[1][1]
                return rs, re_
    return None


def attr_previous_sentence(
    art: ArticleText, start: int, para_start: int, own: int = -1
) -> Attr | None:
    """A cue in the sentence before the quote, same paragraph ('X said on Monday. "..."').

    `own` is the start of the quote's own sentence when the caller has it already.
    """
    s = own if own >= 0 else art.sentence_start(start, para_start)
    if s <= para_start:
        return None
    e = s
    while e > para_start and (art.text[e - 1].isspace() or art.text[e - 1] in ".!?"):
        e -= 1
    if not art.may_cue(max(para_start, e - art.reach), s):
        return None  # no speech verb within reach: the sentence's bounds do not matter
    ps = art.sentence_start(e, para_start)
    toks = [t for t in _tokens(art.text, ps, s) if art.frag_at(t.start) is None]
    for k in range(len(toks)):
        cue = _is_cue(toks, k)
        if cue is None or toks[k].low in PARTICIPLES:
            continue
        span = subject_before(art, toks, k, 0)
        if span is None:
            continue
        name, g, sure = name_phrase(art, span[0], span[1], toks[k].start)
        if name:
            return Attr(name, cue, 0, g, sure)
    return None
