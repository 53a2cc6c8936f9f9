"""Direct quotations: join the fragments of one utterance, drop what is not speech (scare
quotes, titles of works and programmes, nicknames, sub-headings, headlines), and attribute each
from the cues around it.

Reads the fragments `marks` found, in order; passes each part of a quotation on as a `Quote`
with the utterance's `Attr` (a quotation split by its attribution is one quote per part, so no
quote holds the writer's words between them) and records the speaker, so later pronouns can
refer to them.
"""

from __future__ import annotations

import bisect
import re

from tui.model import Quote, Span
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.attribution import (
    attr_after,
    attr_before,
    attr_previous_sentence,
)
from tui.nlp.quotes.certainty import speaker_sure
from tui.nlp.quotes.colon import colon_clause_subject
from tui.nlp.quotes.marks import Fragment
from tui.nlp.quotes.naming import name_phrase
from tui.nlp.quotes.tokens import Attr, Unit, _tokens
from tui.nlp.quotes.words import (
    CONTEXT,
    CUE_WORD,
    CUES,
    MAX_PARTS,
    SHORT_REACH,
    TITLE_SMALL_WORDS,
    WORK_CUE,
    WORK_CUES,
    _words,
)
from tui.nlp.speaker_words import wordset


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
        if gap.rstrip().endswith(":"):
            # '"A," Okafor said, as the host Mara Venn cut him off: "B"': B is hers.
            other = colon_clause_subject(art, _tokens(art.text, a.end, b.start))
            if other is not None and other.speaker != attr.speaker:
                return None
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
    """Group fragments into utterances: a quote split by its attribution is one unit, read
    for its speaker as a whole (its parts become quotes of their own in `find_direct`)."""
    units: list[Unit] = []
    title_end = _title_end(art)
    if title_end:
        art.headline_end = art.paras[0][1]
    for f in art.frags:
        if f.start < title_end:
            continue  # the article's headline: 'China "to overtake US net use"'
        if _not_speech(art, f):
            # Read as part of the narrative around it: '"A," X said on CBS's "Face the
            # Nation." "B."' is one utterance split by its attribution.
            continue
        p = art.para_of(f.start)
        if units and units[-1].para == p and art.para_of(units[-1].end - 1) == p:
            prev = units[-1]
            joined = _gap_is_attribution(art, prev.frags[-1], f, prev.frags[0].start)
            if len(prev.frags) >= MAX_PARTS or _modifier(art.text, f):
                # 'said Jack Straw, who will back a "yes" vote': a word inside the narrative's
                # own phrase does not carry the quotation on.
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
    # The last quotation kept, whole (its parts are separate quotes): whether the next one
    # reopens the same speaker's words is read against the utterance, not its last part.
    prev: Quote | None = None
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
        if (
            (attr is None or attr.speaker is None)
            and prev is not None
            and prev.speaker
            and art.para_of(prev.start) == unit.para
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
        described = speaker in art.described
        if speaker and not described:
            art.last_speaker.append((unit.para, speaker, attr.gender if attr else None, unit.start))
            if (
                cue in ASK_CUES
                or _content(text, unit.frags[-1]).endswith("?")
                or (prev is not None and _addressed(text, prev.start, unit.start, speaker))
            ):
                # A question, or the turn of the one just spoken to ('"...," he told Bash.
                # "...," Bash said.'): the "he said" after it is the other's.
                art.questions.append((unit.start, unit.end, speaker))
            if attr is not None:
                prev_para_speaker = (art.para_of(unit.end - 1), attr)
        # Only a quote that closes its sentence bounds the next one's left context: after
        # 'Trump called it "a disgrace," and said "we will fix it."' the subject is further back.
        last_end = unit.end if art.ends_sentence(unit.frags[-1]) else last_end
        last_closed = unit.frags[-1].closed
        # A description's sureness was read with it: the subject of its own cue, or not.
        sure = _sure(attr) if described else speaker_sure(art, speaker, _sure(attr))
        if not sure:
            art.guessed.add(unit.start)
        # A quotation split by its attribution ('"A," said X, "B."') is one utterance: one
        # quote over the whole, with `parts` saying which stretches are X's words (the words
        # between them are the writer's, never highlighted or shown as what X said).
        parts = [Span(start=f.start, end=f.end) for f in unit.frags] if len(unit.frags) > 1 else []
        prev = Quote(
            start=unit.start,
            end=unit.end,
            text=text[unit.start : unit.end],
            kind="direct",
            speaker=speaker,
            cue=cue,
            speaker_sure=sure,
            parts=parts,
        )
        quotes.append(prev)
    art.reach = CONTEXT  # a scare quote skipped last leaves the short reach set
    return quotes


ADDRESSED = re.compile(r"\b(?:told|tells|asked|asks|replied to|responded to)\s+")


def _addressed(text: str, start: int, end: int, speaker: str) -> bool:
    """Whether text[start:end], the last quotation and the words after it, say it was told
    to `speaker` ("he told Bash."): the next turn of an interview is theirs."""
    last = speaker.split()[-1]
    lo = max(start, end - 400)
    if text.find(last, lo, end + len(speaker)) < 0:
        return False  # the name is not there to follow a cue (`last` is in `speaker` too)
    for m in ADDRESSED.finditer(text, lo, end):
        if text.startswith(last, m.end()) or text.startswith(speaker, m.end()):
            return True
    return False


def _sure(attr: Attr | None) -> bool:
    """Whether an attribution may be shown as certain: a quotation with no cue of its own that
    takes the speaker of the paragraph or sentence before ('"..." (new paragraph) "..."')
    is a reader's guess, often right, but the next speaker may have started without one."""
    if attr is None:
        return True
    return attr.sure and attr.strength > 0


def _not_speech(art: ArticleText, f: Fragment) -> bool:
    """Whether one quoted stretch is a name or a label rather than words said: a programme
    named after a possessive or "on" ('said on CBS's "Face the Nation,"'), or a word or two
    used as a modifier ('will back a "yes" vote'). Read per fragment, before fragments are
    joined: the attribution between the parts of a quotation often names the show it was
    said on, and the parts are then one utterance around it."""
    text = art.text
    if f.label_end > 0 or f.end - f.start > MAX_LABEL:
        return False
    content = _content(text, f).rstrip(".,;:!?")
    words = _words(content)
    if not words:
        return False
    if len(words) <= 3 and f.closed and _used_as_adjective(art, f, words):
        return True  # 'several desperate "hail mary throw" sales pitches'
    if NAMED_AS.search(text, max(0, f.start - 40), f.start):
        return True  # 'has been called the "Trump of the East"': a nickname
    titled = len(words) <= 9 and _title_case(words)
    if titled and art.holds(WORK_CUE, max(0, f.start - 20), f.start):
        before = _words(text[max(0, f.start - 20) : f.start].lower())[-2:]
        if any(w in WORK_CUES for w in before):
            return True  # 'the cult classic "Thelma and Louise,"'
    if len(words) > 5 or not all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words
    ):
        return False
    if not words[0][:1].isupper():
        return False
    if _after_possessive(text, f.start):
        return True
    before = _words(text[max(0, f.start - 12) : f.start].lower())[-1:]
    return before in (["on"], ["in"]) and (len(words) >= 2 or content[-1:] != "?")


MAX_TITLE = 250
"""The longest title block (a headline and a subtitle line) read as the article's title."""


def _title_end(art: ArticleText) -> int:
    """Where the article's title block ends, or 0 if the text opens with no title: the line
    or two before the first blank line, short, the first with neither a speech verb, a colon
    nor a closing full stop outside its quotation marks, and a body after it at least twice
    as long.

    Plain-text articles keep their headline as the first line. Quotation marks there with no
    speaker before a colon ('Games firms "face tough future"') hold the headline writer's
    paraphrase, not words said in the story, and the person named last is not their speaker;
    'Trump: "We are going to win"' quotes its speaker and is read like any line."""
    text = art.text
    start = len(text) - len(text.lstrip())
    blank = text.find("\n\n", start, start + MAX_TITLE + 1)
    if blank < 0 or len(text) - blank < 2 * (blank - start):
        return 0
    block = text[start:blank]
    if block.count("\n") > 1 or not block.strip():
        return 0
    outside = block
    for f in art.frags:
        if f.start >= blank:
            break
        if f.end > blank:
            return 0  # a quotation that runs on into the body: a lede, not a title
        outside = outside.replace(text[f.start : f.end], " ")
    first = outside.split("\n")[0]
    if first.rstrip()[-1:] in (".", "!", "?"):
        return 0  # a sentence: the story's first paragraph (the reader gives its title apart)
    if ":" in first:
        return 0  # 'Warren to Bank Chief: "You Should Be Investigated"' names who said it
    if CUE_WORD.search(first.lower()):
        return 0  # '"We will rebuild," said Mayor Ruth Adler.': the story's first line
    return blank


MAX_LABEL = 90
"""The longest quoted stretch read as a possible title or label: nine words of a title, a
nickname, a programme's name are all shorter; speech is most of what is longer."""


def _title_case(words: list[str]) -> bool:
    """Whether words are written as a title: each capitalised bar the small words."""
    return words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words
    )


NAMED_AS = re.compile(
    r"\b(?:been|be|is|was|are|were|being|the)\s+(?:called|dubbed|nicknamed|labell?ed|"
    r"branded|nickname)\s+(?:the\s+|an?\s+)?$"
)
"""A name given in the passive, or a nickname ('has been called the', 'the nickname'): the
quotation marks hold a label, not what the person named said."""


def _used_as_adjective(art: ArticleText, f: Fragment, words: list[str]) -> bool:
    """Whether a quoted word or three stand before a noun of the writer's sentence ('made
    "Spin Room" headlines', 'desperate "hail mary throw" sales pitches') with no speech verb
    just before them: a label the writer borrows, not words someone said. A quoted phrase
    that ends in punctuation, or follows its cue ('branding it a "regressive" step'), is
    kept."""
    text = art.text
    if _content(text, f)[-1:] in ".,;:!?…":
        return False
    m = NEXT_WORD.match(text, f.end)
    if m is None or m.group(1) in NOT_NOUNS:
        return False
    before = _words(text[max(0, f.start - 40) : f.start].lower())[-4:]
    return not any(w in CUES or w in NAMING_VERBS for w in before)


NAMING_VERBS = frozenset(("branding", "branded", "labelling", "labeling", "terming", "termed"))
"""Verbs that give a speaker's own word for something: the quoted word after them is theirs."""


def _modifier(text: str, f: Fragment) -> bool:
    """Whether a quoted word or two sits between an article and a noun ('a "yes" vote', 'the
    "big tent" approach'): part of the writer's phrase, not the next stretch of a speech."""
    start, end = f.start, f.end
    if not f.closed or len(_words(_content(text, f))) > 2:
        return False
    before = _words(text[max(0, start - 6) : start])[-1:]
    if not before or before[0].lower() not in ("a", "an", "the"):
        return False
    m = NEXT_WORD.match(text, end)
    return m is not None and m.group(1) not in NOT_NOUNS


NEXT_WORD = re.compile(r" ([a-z][a-z\-]*)\b")
NOT_NOUNS = wordset(
    """and or but nor in on at to for of with by that as from after before when because if is
    was are were has have had will would said says a an the than so he she they it we who
    which while into about over out up"""
)


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
