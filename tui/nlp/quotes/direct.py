"""Direct quotations: join the fragments of one utterance, drop what is not speech (scare
quotes, titles of works, sub-headings), and attribute each from the cues around it.

Reads the fragments `marks` found, in order; passes each quotation's span and `Attr` on as a
`Quote` and records the speaker, so later pronouns can refer to them.
"""

from __future__ import annotations

import bisect
import re

from tui.model import Quote
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.attribution import attr_after, attr_before, attr_previous_sentence
from tui.nlp.quotes.certainty import speaker_sure
from tui.nlp.quotes.marks import Fragment
from tui.nlp.quotes.naming import name_phrase
from tui.nlp.quotes.tokens import Attr, Unit
from tui.nlp.quotes.words import (
    CONTEXT,
    MAX_PARTS,
    SHORT_REACH,
    TITLE_SMALL_WORDS,
    WORK_CUE,
    WORK_CUES,
    _words,
)


def _gap_is_attribution(
    art: ArticleText, a: Fragment, b: Fragment, quote_start: int | None = None
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
    attr = attr_after(art, a.end, b.start, quote_start)
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


def _looks_like_title(art: ArticleText, start: int, content: str, words: list[str]) -> bool:
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


def _assemble(art: ArticleText) -> list[Unit]:
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
                own = attr_after(art, f.end, art.sentence_end(f.end, art.paras[p][1]))
                if own is not None:
                    joined = None
            if joined is not None and joined is not False:
                if isinstance(joined, Attr) and prev.gap_attr is None:
                    prev.gap_attr = joined
                    prev.gap_after = len(prev.frags) - 1
                prev.add(f)
                continue
        units.append(Unit([f], p))
    return units


def find_direct(art: ArticleText) -> list[Quote]:
    """The direct quotations of the article, in order, each with its speaker if one is found."""
    text = art.text
    quotes: list[Quote] = []
    prev_para_speaker: tuple[int, Attr] | None = None
    last_end = 0
    last_closed = True  # whether the last quotation kept had its closing mark
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
        if (attr is None or attr.speaker is None) and quotes and quotes[-1].speaker:
            prev = quotes[-1]
            if (
                art.para_of(prev.start) == unit.para
                and not text[prev.end : unit.start].strip()
                and (text[prev.end - 2 : prev.end - 1].isspace() or not last_closed)
            ):
                # '... until Christmas. "Over the Christmas period ...': the mark that seemed to
                # close the last quotation (a space before it) reopens the same speaker's words.
                attr = Attr(prev.speaker, prev.cue, 1, None, prev.speaker_sure)
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
        if _teaser_opening(text, para_start, unit.start) and _headline(art, para_start, para_end):
            continue  # a related link's headline: '"We Are Ready": Port City Spends Millions'
        speaker = attr.speaker if attr is not None else None
        cue = attr.cue if attr is not None else None
        if speaker:
            art.last_speaker.append((unit.para, speaker, attr.gender if attr else None, unit.start))
            if cue in ASK_CUES or _content(text, unit.frags[-1]).endswith("?"):
                art.questions.append((unit.start, speaker))
            if attr is not None:
                prev_para_speaker = (art.para_of(unit.end - 1), attr)
        # Only a quote that closes its sentence bounds the next one's left context: after
        # 'Trump called it "a disgrace," and said "we will fix it."' the subject is further back.
        last_end = unit.end if art.ends_sentence(unit.frags[-1]) else last_end
        last_closed = unit.frags[-1].closed
        sure = speaker_sure(art, speaker, _sure(attr))
        if not sure:
            art.guessed.add(unit.start)
        quotes.append(
            Quote(
                start=unit.start,
                end=unit.end,
                text=text[unit.start : unit.end],
                kind="direct",
                speaker=speaker,
                cue=cue,
                speaker_sure=sure,
            )
        )
    art.reach = CONTEXT  # a scare quote skipped last leaves the short reach set
    return quotes


def _sure(attr: Attr | None) -> bool:
    """Whether an attribution may be shown as certain: a quotation with no cue of its own that
    takes the speaker of the paragraph or sentence before ('"..." (new paragraph) "..."')
    is a reader's guess, often right, but the next speaker may have started without one."""
    if attr is None:
        return True
    return attr.sure and attr.strength > 0


ASK_CUES = frozenset(("asked", "asks", "ask", "wondered", "questioned"))
"""Cues of a question: whoever asked it is not the one who answers."""


TEASER_LABEL = re.compile(r"(?:[A-Z][A-Za-z]*[ \u00a0]?){1,3}:[ \u00a0]*")
"""A label before a linked headline: "RELATED:", "Read more:", "WATCH:"."""


def _teaser_opening(text: str, para_start: int, start: int) -> bool:
    """Whether a quotation opens its paragraph, or follows only a label ("RELATED: "): the
    shape of a related link, where a headline of the form 'Warren Hammers CEO: "..."' names
    its speaker first."""
    if start == para_start:
        return True
    label = TEASER_LABEL.fullmatch(text, para_start, start)
    return label is not None and text[para_start:start].split(":")[0].upper() in TEASER_WORDS


TEASER_WORDS = frozenset(("RELATED", "READ MORE", "MORE", "WATCH", "SEE ALSO", "READ", "ALSO"))


def _headline(art: ArticleText, start: int, end: int) -> bool:
    """Whether the paragraph text[start:end] is a headline (a related link, a teaser): one
    short line, no full stop at its end, most words capitalised, and no speech verb.

    Headlines quote people without saying who spoke; the person named last before them is
    not the speaker."""
    text = art.text
    line = text[start:end].strip()
    if (
        not line
        or len(line) > 160
        or "\n" in line
        or line[-1] in ".!?,;"
        or art.may_cue(start, end)
    ):
        return False
    words = [w for w in _words(line) if w[:1].isalpha()]
    if len(words) < 4:
        return False
    capital = sum(1 for w in words if w[:1].isupper() or w.lower() in TITLE_SMALL_WORDS)
    return capital >= 0.8 * len(words) and sum(1 for w in words if w[:1].isupper()) > len(words) / 2


SKIP = Attr(None, None, -1)
"""What `_attribute` returns for a quotation of a word or two that no cue stands beside."""


def _attribute(
    art: ArticleText,
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
    text = art.text
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
        name, g, sure = name_phrase(art, first.label_start, first.label_end - 2, first.start)
        attr = Attr(name, None, 2, g, sure)
    elif unit.gap_attr is not None:
        # Read again now that the quotations before it have their speakers: a pronoun in
        # the gap ('"A," he added. "B."') follows them, and they were unknown when joining.
        attr = unit.gap_attr
        k = unit.gap_after
        gap_start, gap_end = unit.frags[k].end, unit.frags[k + 1].start
        if attr.speaker is not None and GAP_PRONOUN.search(text, gap_start, gap_end):
            again = attr_after(art, gap_start, gap_end, unit.start)
            attr = again if again is not None else attr
    elif unit.start != para_start and not art.may_attribute(unit, limit):
        # Nothing around it could name a speaker (a page of bare quotes): each reader below
        # would find nothing.
        if nwords <= 2:
            return SKIP
        art.reach = CONTEXT
        return None
    from_after = attr is None
    if attr is None:
        attr = attr_after(art, unit.end, art.sentence_end(unit.end, limit), unit.start)
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
        before = attr_before(art, unit.start, own_start)
        if colon:
            if before is not None and before.speaker:
                attr = before
        elif before is not None and (attr is None or before.speaker):
            attr = before if attr is None or attr.strength <= before.strength else attr
    if nwords <= 2 and (attr is None or attr.strength < 2):
        return SKIP
    if (attr is None or attr.speaker is None) and unit.start == para_start:
        if prev_para_speaker is not None and prev_para_speaker[0] >= unit.para - 1:
            prev = prev_para_speaker[1]
            attr = Attr(prev.speaker, None, 0, prev.gender, prev.sure)
        elif unit.para > 0:
            pps, ppe = art.paras[unit.para - 1]
            if art.text[ppe - 1] == ":":
                floor = art.sentence_start(ppe - 1, pps)
                lead = attr_before(art, ppe, floor)
                if lead is not None and lead.speaker:
                    attr = Attr(lead.speaker, lead.cue, 1, lead.gender, lead.sure)
    if attr is None or attr.speaker is None:
        prevs = attr_previous_sentence(art, unit.start, left, own_start)
        if prevs is not None:
            attr = prevs
    art.reach = CONTEXT
    return attr


GAP_PRONOUN = re.compile(r"\b(?:he|she|they|it|He|She|They|It)\b")
"""A pronoun in the words between two fragments: their speaker depends on who spoke before."""


def _colon_before(text: str, start: int, floor: int) -> bool:
    """Whether the quote opening at `start` follows a colon ("X said: \"...\"")."""
    i = start - 1
    while i > floor and text[i] in " \t":
        i -= 1
    return i >= floor and text[i] == ":"
