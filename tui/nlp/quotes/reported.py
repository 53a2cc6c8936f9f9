"""Reported speech: sentences that say what someone said without quoting them ("X said that
...", "..., X said.", "according to X, ..."). A speaker must be found: an indirect quote
without one is more likely a misreading than news.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from tui.model import Quote
from tui.nlp.capital_runs import name_runs
from tui.nlp.cues import MONTHS, WEEKDAYS
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.attribution import (
    _sentence_subject,
    participle_subject,
    said_before,
    speaker_after,
    subject_before,
)
from tui.nlp.quotes.clauses import (
    OBJECT_VERBS,
    QUOTE_MARKS,
    WHEN_WORDS,
    after_object,
    contracted,
    has_verb,
    opens_clause,
    opens_count,
    plain_verb,
    third_person,
)
from tui.nlp.quotes.described import describe
from tui.nlp.quotes.naming import name_phrase, named_before_pronoun
from tui.nlp.quotes.pronouns import plural_group
from tui.nlp.quotes.reported_acts import heading_subject, second_verb
from tui.nlp.quotes.reported_claim import (
    CONTRASTS,
    COORDINATORS,
    URGES,
    _end_with_its_clause,
    _make,
    _object_then_to,
    _opener_closed,
    _trim,
    said_before_added,
    scare_quotes_only,
)
from tui.nlp.quotes.reported_clause import (
    CUE_OR_STANCE,
    CUE_WORDS,
    DEICTIC,
    NUMBERS,
    SETTING_OPENERS,
    SETTING_REACH,
    SOURCE_AFTER,
    TIME_NOUNS,
    claim_resumes,
    claim_source,
    holds,
    listener,
    plain_clause,
)
from tui.nlp.quotes.reported_evidence import evidence_first, evidence_last
from tui.nlp.quotes.reported_headline import headline_quote
from tui.nlp.quotes.reported_inside import nested, speaker_inside
from tui.nlp.quotes.reported_joints import MIN_CLAIM, claim_after, claim_before
from tui.nlp.quotes.reported_nominal import NOMINAL_NOUNS, nominal_claims
from tui.nlp.quotes.reported_stance import STANCE_VERBS, may_stand, stance_claim
from tui.nlp.quotes.reported_subject import (
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    _subject,
)
from tui.nlp.quotes.reported_tail import trailing_claim
from tui.nlp.quotes.reported_verb_that import verb_that_claims
from tui.nlp.quotes.tokens import Named, Tok, _tokens, within
from tui.nlp.quotes.words import (
    ADJUNCTS,
    ASKS,
    BOUNDARY,
    CLAUSE_OPENERS,
    DEMANDS,
    DETERMINERS,
    PARTICIPLE_CUES,
    PLAIN_PRESENT,
    REPORTED_CUE,
    REPORTING,
    STRONG_CUE,
    STRONG_WORDS,
    TENSE_AUX,
    THAT_AS_SUBJECT,
    THAT_VERBS,
    WEAK_NEEDS,
)
from tui.nlp.speaker_words import wordset
from tui.nlp.speakers import split_run


def find_reported(art: ArticleText, direct: Sequence[Quote]) -> list[Quote]:
    """Reported speech the rules are sure of: "X said that ...", "..., X said.",
    "according to X, ...". Sentences holding a direct quotation are left alone, and a speaker
    must be found: an indirect quote without one is more likely a misreading than news."""
    spans = sorted((q.start, q.end) for q in direct)
    starts = [sp[0] for sp in spans]
    out: list[Quote] = []

    def quoted(s: int, e: int) -> int:
        """How much of text[s:e] direct quotations cover; all of it if one opens it."""
        i = bisect.bisect_left(starts, e) - 1
        covered = 0
        while i >= 0 and spans[i][1] > s:
            if spans[i][0] <= s + 2:
                return e - s
            covered += min(e, spans[i][1]) - max(s, spans[i][0])
            i -= 1
        return covered

    low = art._lower()
    nouns: list[int] = []
    for ps, pe in art.paras:
        if ps < art.headline_end:
            continue  # the headline: 'Mayor says "yes" to the new pier' (a subtitle is read)
        # Where a reporting word is spelt in the paragraph: most paragraphs have none, and are
        # not split into sentences; a sentence that holds none is not looked at further.
        # Words are looked for at a word's start (`CUE_OR_STANCE`, the quicker scan). Only a
        # paragraph longer than the reach can have a sentence cut inside a word, where the
        # cut piece may read as a reporting word ("said" of "unsaid"): such a paragraph is
        # skipped only when no reporting word is spelt in it anywhere.
        # Stances and aims ("vowed to appeal", "criticized X for Y") have verbs of their own,
        # found by the same scan and told apart by the word found; `may_stand` drops those
        # whose next words rule a stance out ("the plans", "found guilty") untokenised.
        cues: list[tuple[int, int]] | None = None
        stances: list[int] = []
        if low:
            cues = []
            for m in CUE_OR_STANCE.finditer(low, ps, pe):
                w = m.group()
                if w in CUE_WORDS:
                    cues.append(m.span())
                if w in STANCE_VERBS and may_stand(low, m.start(), m.end(), w, art.text):
                    stances.append(m.start())
                if w in NOMINAL_NOUNS:
                    nouns.append(m.start())  # "his claim that ...", read after the sentences
        if (
            cues == []
            and not stances
            and (pe - ps <= art.reach or not REPORTED_CUE.search(low, ps, pe))
        ):
            continue
        cue_ends = [e for _, e in cues] if cues else []
        for ss, se in art.sentences(ps, pe):
            inside = quoted(ss, se)
            if se - ss < 25 or inside * 2 > se - ss:
                continue  # a sentence that is mostly someone's own words is theirs
            stance = bool(stances) and holds(stances, ss, se)
            may = cues is None or _may_report(low, cues, cue_ends, ss, se)
            if not may and not stance:
                continue  # no reporting word; or "expects", "found" with no "that", no poll
            q = _reported_in(art, ss, se, mixed=inside > 0, stance=stance, speech=may)
            if q is not None:
                first = said_before_added(art, ss, q, _reported_in)  # "X, BMW said, adding"
                joined = art.text.rfind(" but ", ss, q.start) >= 0
                if first is None and q.start - ss > (MIN_CLAIM if joined else 2 * MIN_CLAIM):
                    first = claim_before(art, ss, q, inside > 0, _reported_in)
                out.extend((first, q) if first is not None else (q,))
                if se - q.end > MIN_CLAIM:
                    then = claim_after(art, q, se, inside > 0, _reported_in)
                    if then is not None:
                        out.append(then)
                if q.speaker and q.speaker not in art.reg.people and q.speaker not in art.described:
                    # An organisation's words: "it" in a later sentence may be it.
                    art.last_speaker.append((art.para_of(ss), q.speaker, None, q.start))
                elif q.speaker in art.described and plural_group(q.speaker):
                    # "Analysts say ... As a result, they say": people "they" may be.
                    art.groups_spoke.append((art.para_of(ss), q.speaker, q.start))
    extra = [t for t in map(lambda d: trailing_claim(art, d), direct) if t is not None]
    # '"...," he said, adding he would never vote for her.'; "Trump's claim that ...".
    for q in extra + nominal_claims(art, nouns):
        if not any(_clash(o, q) for o in (*out, *direct)):
            out.append(q)
    out.extend(verb_that_claims(art, (*out, *direct)))  # "The court ruled that ..."
    if art.paras and not any(q.start < art.paras[0][1] for q in out):
        head = headline_quote(art, direct)  # "Obama Says ...", "Gowdy: ...": a code of its own
        if head is not None:
            out.insert(0, head)
    return _quoted_phrases_owned(out, spans, direct)


def _quoted_phrases_owned(
    out: list[Quote], spans: list[tuple[int, int]], direct: Sequence[Quote]
) -> list[Quote]:
    """The claims kept, and the quoted phrases inside them given their speaker.

    A claim lying within a quotation is that quotation again ('... she knows that "LeBron will
    always be the king."' read as a claim after the quotation was found): dropped. A quotation
    with no speaker inside a claim that has one ('Trump's claim that there have been
    "thousands of shootings" in Chicago') is a phrase the claim's speaker is quoted on: shown
    as a guess, and only where the claim's own speaker is sure."""
    if not direct:
        return out
    kept = [q for q in out if not any(s <= q.start and q.end <= e for s, e in spans)]
    for q in kept:
        if not q.speaker or not q.speaker_sure:
            continue
        for d in direct:
            if not d.speaker and q.start <= d.start and d.end <= q.end:
                d.speaker = q.speaker
                d.speaker_sure = False  # read off the claim around it, never by its own cue
    return kept


def _clash(o: Quote, q: Quote) -> bool:
    """Whether the claim `q` overlaps a quote found before it, `o`: a direct quotation it holds
    whole ('his claim that there have been "thousands of shootings" in Chicago') is a phrase
    quoted inside what was said, no clash."""
    if not (o.start < q.end and q.start < o.end):
        return False
    return not (o.kind == "direct" and q.start < o.start and o.end <= q.end)


def _opens_with(art: ArticleText, toks: list[Tok], span: tuple[int, int] | None) -> bool:
    """Whether `span` is the sentence's first words (past a joining word or a title before a
    name) and names a person or an organisation the article knows."""
    if span is None:
        return False
    opener = 1 if toks[0].low in ("and", "but", "yet") else 0
    if toks[opener].start != span[0] and not art.text[toks[opener].start : span[0]].istitle():
        return False
    name = art.text[span[0] : span[1]]
    if name.lower() in SUBJECT_PRONOUNS:
        return True
    named = name_phrase(art, *span, span[0]).name
    return named is not None and (named in art.reg.people or named in art.entity_names)


def _verb_word(tok: Tok) -> bool:
    """Whether a word is likely a sentence's verb ("has", "rejected", "implored")."""
    w = tok.low
    return tok.text.islower() and (w in TENSE_AUX or (w.endswith("ed") and len(w) > 4))


def _may_report(
    low: str, cues: list[tuple[int, int]], cue_ends: list[int], ss: int, se: int
) -> bool:
    """Whether the sentence low[ss:se] may be reported speech: it holds a reporting word that
    says so by itself, or a weaker one ("expects", "found") with "that" or a poll or a study.

    `cues` (with their ends) are where its paragraph's scan found reporting words at a word's
    start: a sentence whose bounds fall between words holds one exactly when one of those
    lies in it. A sentence cut inside a word (one longer than the reach) is searched whole,
    for the words anywhere in it, as its cut pieces may read as one."""
    if (ss > 0 and _word_char(low[ss - 1])) or (
        se < len(low) and (_word_char(low[se]) or low[se] in "’'-")
    ):
        if REPORTED_CUE.search(low, ss, se) is None:
            return False
        strong = STRONG_CUE.search(low, ss, se) is not None
    else:
        i = bisect.bisect_right(cue_ends, ss)
        if i >= len(cues) or cues[i][0] >= se:
            return False
        # What `STRONG_WORD.search(low, ss, se)` says, read off the cues: at a word's start
        # one whole word at most is matched, so a strong word is found exactly where a cue is
        # one of them (the sentence's bounds fall between words, as the paragraph's scan saw).
        strong = False
        while i < len(cues) and cues[i][0] < se:
            a, b = cues[i]
            if low[a:b] in STRONG_WORDS:
                strong = True
                break
            i += 1
    return strong or WEAK_NEEDS.search(low, ss, se) is not None


def _word_char(ch: str) -> bool:
    """Whether a regex `\\w` matches the character."""
    return ch.isalnum() or ch == "_"


def _reported_in(
    art: ArticleText,
    ss: int,
    se: int,
    mixed: bool = False,
    stance: bool = False,
    speech: bool = True,
) -> Quote | None:
    """One reported-speech quote in the sentence text[ss:se], or None.

    `mixed`: the sentence holds a short direct quotation ('Clinton says it means Trump "may
    not have paid a dime" in taxes'); then only a speaker and verb before what they said will
    do, and both must stand outside the quotation marks. `stance`: it spells a verb of a
    stance or an aim, read last (`reported_stance`); `speech`: it may hold speech the other
    readers read (else only the stance is looked for)."""
    text = art.text
    marks = any(mark in text[ss:se] for mark in '"“”')
    if marks and not mixed:
        if not scare_quotes_only(art, ss, se):
            return None  # quotation marks no quotation was made of: too unsure to read
        mixed = True  # 'X said the bank would take "robust steps" to ...'
    toks = _tokens(text, ss, se)
    n = len(toks)
    if n < 5 or (n < 6 and not stance):  # "Cole backed the ferry plan": a stance in five
        return None
    if marks:
        q = None
        if speech:
            q = _speaker_first(art, text, toks, ss, se, mixed=True) or _closing_cue_unquoted(
                art, text, toks, ss, se
            )
        if q is None and stance:
            q = stance_claim(art, text, toks, se)  # 'called the plan "a disgrace"'
        return q
    q = (
        (
            _speaker_apposed(art, text, toks, ss)
            or _speaker_first(art, text, toks, ss, se)
            or speaker_inside(art, text, toks, ss, se)
            or _speaker_last(art, text, toks, ss, se)
            or evidence_last(art, text, toks, ss)
        )
        if speech
        else None
    )
    if q is None and stance:
        q = stance_claim(art, text, toks, se)
    if q is not None and q.start > ss and toks[0].low in SUBORDINATORS:
        _end_with_its_clause(art, toks, q)
    return q


def _closing_cue_unquoted(
    art: ArticleText, text: str, toks: list[Tok], ss: int, se: int
) -> Quote | None:
    """'A cashier who "steals a handful of $20s" is held accountable, Warren said.': a claim
    holding a scare quote, its attribution closing the sentence outside every mark."""
    q = _speaker_last(art, text, toks, ss, se)
    if q is None:
        return None
    tail = toks[-1].end
    i = bisect.bisect_left(art.frag_starts, q.end)
    if i < len(art.frags) and art.frags[i].start < tail:
        return None  # a quotation after the claim: the cue may be its own
    return q


FIRST_VERBS = frozenset(REPORTING | THAT_VERBS | PARTICIPLE_CUES | DEMANDS | {"according"})
"""Every word at which a loop of `_speaker_first` can find its verb (it skips all others):
"according", a reporting verb, a verb taking "that", a participle and a demand. A new rule
there that reads another word must add it here."""


def _speaker_first(
    art: ArticleText, text: str, toks: list[Tok], ss: int, se: int, mixed: bool = False
) -> Quote | None:
    """'According to X, CONTENT.', 'X said [that] CONTENT.', 'X told reporters CONTENT.'

    In a `mixed` sentence (one holding a short quotation) the verb must stand outside it."""
    n = len(toks)
    # Each loop below reads only tokens that are one of its verbs: they are listed once here,
    # so that a sentence is not walked word by word four times in Python (`FIRST_VERBS`).
    lows = [t.low for t in toks]
    verbs = [k for k, w in enumerate(lows) if w in FIRST_VERBS]

    def quoted(k: int) -> bool:
        return mixed and art.frag_at(toks[k].start) is not None

    # "According to X, CONTENT." / "CONTENT, according to X."
    for k in within(verbs, 0, n - 1):
        if toks[k].low != "according" or toks[k + 1].low != "to":
            continue
        if k == 0:
            c = next((x for x in range(2, n) if toks[x].text == ","), -1)
            if c < 0 or c > SOURCE_WORDS:
                return None
            source = (toks[2].start, toks[c - 1].end)
            name, _, sure = name_phrase(art, *source, toks[0].start)
            cs, ce = _trim(text, toks[c].end, se)
        elif (toks[k - 1].text == "," or k >= SOURCE_AFTER) and not quoted(k):
            # "..., according to an analysis by X, a former aide now at Y.": the source ends
            # at its first comma; what follows describes it. "... 46 percent to 39 percent
            # according to a CBS poll": the comma may be left out.
            tail = []
            for tok in toks[k + 2 :]:
                if tok.text in ".!?,;":
                    break
                if tok.text in QUOTE_MARKS:
                    return None  # 'according to "a source"': the source is itself quoted
                tail.append(tok)
            if not tail or len(tail) > SOURCE_WORDS:
                return None
            if toks[k - 1].text != "," and not claim_source(tail):
                return None  # "dealt with according to Russia's law": in keeping with, no source
            source = (tail[0].start, tail[-1].end)
            name, _, sure = _source_name(art, source, len(tail), toks[k].start)
            cs, ce = _trim(
                text, ss, toks[k - 1].start if toks[k - 1].text == "," else toks[k].start
            )
            rest = k + 2 + len(tail)
            if toks[k - 1].text == "," and claim_resumes(toks, rest):
                # "G4S receives, according to one report, $234 million in contracts": the
                # source set inside the claim, which is the whole sentence around it.
                cs, ce = _trim(text, ss, se)
        else:
            return None
        # The source is named by the words "according to" themselves: a poll, a record or
        # people left unnamed are a source still, shown without a speaker.
        return _make(art, cs, ce, name, "according to", sure, source, unnamed=True)
    # "SUBJECT CUE [to OBJECT] that CONTENT."
    for k in verbs:
        w = toks[k].low
        progressive = w in PARTICIPLE_CUES and k > 1 and toks[k - 1].low in TENSE_AUX
        if (w not in REPORTING and w not in THAT_VERBS and not progressive) or quoted(k):
            continue  # "Clinton is stressing that ..." reports as "stressed that" would
        if w in PLAIN_PRESENT and not plain_verb(toks, k):
            continue  # "would prefer Turkey to admit that", "Trump's claim that ..."
        if k > 0 and not toks[k].text.islower():
            continue  # "the United States", "Obama Says ..." in a headline: no verb here
        reach = k + (11 if w in OBJECT_VERBS else 7)  # "told a meeting of bankers that"
        setting = k + 1 < n and toks[k + 1].low in SETTING_OPENERS
        if setting:
            reach = k + SETTING_REACH  # "says at a campaign stop in Toledo, Ohio, that ..."
        t = next((x for x in range(k + 1, min(n, reach)) if toks[x].low == "that"), -1)
        between = range(k + 1, t)
        if t < 0 or any(toks[x].text in (";:()" if setting else ",;:()") for x in between):
            continue
        if setting and any(toks[x].low in BOUNDARY for x in between):
            continue  # "said on Monday, when asked, that": a clause of its own in between
        if w in PARTICIPLE_CUES and k > 0 and toks[k - 1].text == ",":
            # "Clinton spoke in Tulsa, Oklahoma, arguing that ...": the sentence's subject.
            span = _sentence_subject(art, toks, k)
            found = None if span is None else (span, name_phrase(art, *span, toks[0].start))
        else:
            found = _subject(art, toks, k)
        if found is None:
            continue
        inner = nested(art, text, toks, t + 1, se)
        if inner is not None:
            return inner
        subject, (name, _, sure) = found
        # "said that would be impossible": "that" is the claim's subject, part of what was said.
        keep = t == k + 1 and t + 1 < n and toks[t + 1].low in THAT_AS_SUBJECT
        cs, ce = _trim(text, toks[t].start if keep else toks[t].end, se)
        return _make(art, cs, ce, name, toks[k].low, sure, subject)
    # "SUBJECT ..., saying CONTENT.", "SUBJECT ... and said CONTENT.", "SUBJECT called for X."
    for k in within(verbs, 1, n - 4):
        w = toks[k].low
        if k == 1 and w not in DEMANDS:
            continue  # "SUBJECT, saying" needs a subject and a comma before the participle
        joined = toks[k - 1].text == "," and w in PARTICIPLE_CUES
        # "... and said ...", "... but has said ...": the sentence's subject goes on to say it.
        a = k - 1
        while a > 1 and toks[a].low in HAVE_AUX:
            a -= 1
        joined = joined or (toks[a].low in ("and", "but") and w in REPORTING)
        # "responded ... by saying his refusal ...", "began by saying he would ...".
        by = toks[k - 1].low in ("by", "from") and w in REPORTING  # not "by emphasizing X"
        joined = joined or by
        after = toks[k + 1].low
        if w in ASKS and (
            after == "to"
            or toks[k - 1].low in PASSIVE_AUX
            or toks[0].low in SUBORDINATORS
            or any(t.low in REPORTING or t.low in THAT_VERBS for t in toks[:k])
        ):
            # "she was asked to give a talk": someone else asked her; "When Sanders asked
            # supporters to run, 21,000 said they would": the request only sets the scene;
            # "Abedin claims he asked her to ...": the request is only what Abedin reports.
            continue
        urged = w in URGES and _object_then_to(toks, k + 1)
        demand = w in DEMANDS and (after == "for" or (after == "on" and w not in ASKS) or urged)
        if not (joined or demand) or quoted(k):
            continue
        j = k + 1 if urged else k + 2 if w in DEMANDS else k + 1
        if w in LISTENER_FIRST and not any(t.low == "that" for t in toks[j : j + 6]):
            # "..., telling the BBC ...", "but told BBC Sport he ...": who was told is no
            # part of the claim, and a listener not read as one leaves no claim to read.
            listened = after_object(toks, j)
            if listened == j:
                continue
            j = listened
        if w.startswith("warn") and j < n and toks[j].low in OBJECT_PRONOUNS:
            j += 1  # "and had warned him such practices were improper"
        if j < n and toks[j].low == "that":
            j += 1
        if j >= n - 3 or (w not in DEMANDS and not has_verb(toks[j:])):
            continue
        lead = toks[j + 1] if toks[j].text == "," else toks[j]  # 'adding, "..."' as well
        if mixed and (lead.text in QUOTE_MARKS or lead.text == ":"):
            continue  # "..., adding: "...": what follows is a quotation, found as one
        if (
            w in DEMANDS
            and k >= 3
            and toks[k - 1].low in SUBJECT_PRONOUNS
            and toks[k - 2].low == "and"
        ):
            # "Kerry said ..., and he urged North Korea to ...": he is the sentence's subject.
            span = _sentence_subject(art, toks, k - 2)
        elif w in DEMANDS and toks[k - 1].text != ",":
            span = subject_before(art, toks, k, 0)
            if span is None and toks[k - 1].low in TENSE_AUX:
                found_aux = _subject(art, toks, k)  # "Fowler is calling for a process ..."
                span = found_aux[0] if found_aux is not None else None
            if span is None and second_verb(toks, k):
                span = heading_subject(art, toks, k)  # "... and has called for eliminating"
        elif toks[k - 1].text == ",":
            span = participle_subject(art, toks, k)  # "..., Spicer said, adding that ..."
            if span is None:
                # "A New York judge has rejected ..., saying ...": a description heading the
                # sentence, the subject of its first verb.
                v = next((x for x in range(2, min(k, 9)) if _verb_word(toks[x])), -1)
                found = _subject(art, toks, v) if v > 0 else None
                if found is not None and found[0][0] == toks[0].start:
                    span = found[0]
        elif by:
            span = _sentence_subject(art, toks, k)
        else:
            span = _sentence_subject(art, toks, a)
            if (toks[a].low == "but" or a < k - 1) and not _opens_with(art, toks, span):
                # "X agreed ..., but said ...", "... and has said ...": X opens the sentence
                # and is someone the article names; else the first name further on may be
                # the object ("Ukraine ousted Leonid Kuchma and has said it wants ...").
                continue
        if span is None:
            continue
        # "Mr Blair has failed ..., he claimed, saying": "he" is not Blair.
        skip = named_before_pronoun(art, ss, span) if said_before(toks, k) else ()
        name, _, sure = name_phrase(art, span[0], span[1], toks[0].start, skip=skip)
        cs, ce = _trim(text, toks[j].start, se)
        return _make(
            art, cs, ce, name, " ".join(t.low for t in toks[k:j]), sure, (span[0], span[1])
        )
    # A poll or a study that found what people said is the source: "A poll released in
    # August found that 74 percent of voters said ..." is the poll's finding.
    contrast = not CONTRASTS.isdisjoint(lows)  # "Video shows ..., but Shelby said ..."
    evidence = None if contrast else evidence_first(art, text, toks, se, quoted)
    if evidence is not None:
        return evidence
    # "SUBJECT CUE CONTENT." with no "that": "Stein said she plans to join the protest."
    for k in within(verbs, 1, n - 4):
        w = toks[k].low
        if w in THAT_VERBS and toks[k + 1].low in SUBJECT_PRONOUNS and toks[k].text.islower():
            pass  # "analysts agreed it was ...", "they complained they weren't paid"
        elif w not in REPORTING or not toks[k].text.islower() or quoted(k):
            continue  # "the United States" holds no verb
        if w in PLAIN_PRESENT and not plain_verb(toks, k):
            continue  # "How dare people suggest we are lazy?"
        if (
            w.startswith("insist")
            and toks[k + 1].low in ("on", "upon")
            and toks[k + 2].low not in DAY_NAMES
        ):
            # "Trump will insist on being Trump": a demand of himself, no words; "insisted on
            # Wednesday it was time ..." says when.
            continue
        if w.startswith("conced") and (
            toks[k + 1].text[:1].isdigit() or toks[k + 1].low in NUMBERS
        ):
            continue  # "The Londoners have conceded six goals": a score, no admission
        if w.startswith("describ") and any(t.low == "as" for t in toks[k + 1 : k + 9]):
            continue  # "Christie described Clinton as a disgrace": a label, not a clause
        if w.startswith("warn") and toks[min(k + 2, n - 1)].low in WARNED_OF:
            continue  # "He warned musicians against ...": what the warning was of, no clause
        j = k + 1
        if w in OBJECT_VERBS:
            j = after_object(toks, j)  # "told reporters", "told CNN", "told him"
        while j < n and toks[j].low in WHEN_WORDS:
            if toks[j].low in DEICTIC and (j + 1 >= n or toks[j + 1].low not in TIME_NOUNS):
                break  # "say this is just a rough patch": "this" opens the claim
            j += 1  # "said Monday", "said on Tuesday"
        # 'claimed "Trump exaggerates" the level of ...': what was said may open with a quote.
        mark = int(mixed and j < n and toks[j].text in QUOTE_MARKS)
        if j + mark >= n - 3 or not (opens_clause(toks[j + mark]) or opens_count(toks, j + mark)):
            continue
        if (
            not has_verb(toks[j + mark + 1 :])
            and not third_person(toks, j + mark)
            and not contracted(toks[j + mark])
            and not plain_clause(toks, j + mark)
        ):
            continue
        found = _subject(art, toks, k)
        if found is None:
            continue
        subject, (name, _, sure) = found
        cs, ce = _trim(text, toks[j].start, se)
        return _make(art, cs, ce, name, w, sure, subject)
    return evidence_first(art, text, toks, se, quoted) if contrast else None


LISTENER_FIRST = wordset("telling told tells")
"""Verbs of saying whose listener comes before what was said ("told reporters he ...")."""

OBJECT_PRONOUNS = wordset("him her them us me")

HAVE_AUX = wordset("has have had")
"""Auxiliaries between a joining word and a reporting verb ("but has said")."""

WARNED_OF = wordset("against about of over")
"""Words after "warned X" that say what of, not what was said ("warned voters against")."""

DAY_NAMES = wordset(" ".join(WEEKDAYS + MONTHS).lower())
"""Days and months: after "insisted on" they say when it was said, not what was demanded."""

PASSIVE_AUX = wordset("was were is are be been being am get gets got")
"""Words before a participle that make it passive: "was asked to" is a request received."""


def _speaker_apposed(art: ArticleText, text: str, toks: list[Tok], ss: int) -> Quote | None:
    """'CONTENT, [a spokesperson for the patrol,] Sgt. Mark Francis, said [in a briefing].'

    The name set off by commas right before the closing cue is who spoke the whole sentence,
    whatever verb its content opens with ("Authorities believe ..." is what the sergeant
    said, not the authorities); tried before the readers that take the first cue."""
    n = len(toks)
    c = n - 1
    while c >= n - 12 and c > 0 and toks[c].text != ",":
        c -= 1  # the last comma, only looked for among the sentence's last words
    if c <= 0 or toks[c].text != ",":
        return None
    rest = [t for t in toks[c + 1 :] if t.text not in ".!?"]
    if not rest or rest[0].low not in REPORTING or not rest[0].text.islower() or len(rest) > 10:
        return None
    if len(rest) > 1 and rest[1].low not in ADJUNCTS:
        return None  # "..., Smith, said the talks ...": the cue opens a clause of its own
    commas = [x for x in range(c + 1) if toks[x].text == ","]
    if len(commas) < 2:
        return None
    name_toks = toks[commas[-2] + 1 : c]
    if not 1 <= len(name_toks) <= 5 or not all(t.text[:1].isupper() for t in name_toks):
        return None
    end = commas[-2]
    if len(commas) >= 3:
        desc = toks[commas[-3] + 1 : end]
        if desc and len(desc) <= 10 and desc[0].low in DETERMINERS:
            end = commas[-3]  # "a spokesperson for the patrol," describes the speaker
    if end < 4 or not has_verb(toks[:end]):
        return None
    span = (name_toks[0].start, name_toks[-1].end)
    name, _, sure = name_phrase(art, *span, toks[0].start)
    if not name:
        return None
    cs, ce = _trim(text, ss, toks[end].start)
    return _make(art, cs, ce, name, rest[0].low, sure, span)


def _speaker_last(art: ArticleText, text: str, toks: list[Tok], ss: int, se: int) -> Quote | None:
    """'CONTENT, SUBJECT CUE.', 'CONTENT, CUE SUBJECT[, apposition].'"""
    n = len(toks)
    commas = [x for x in range(n) if toks[x].text == ","]
    if not commas or commas[-1] < 4:
        return None
    c = commas[-1]
    for x in reversed(commas[:-1]):
        # "..., observed Hannah Cole, an economist at Bayfield Bank.": the apposition follows.
        if x >= 4 and toks[x + 1].low in REPORTING and x + 2 < n and toks[x + 2].text[:1].isupper():
            c = x
            break
    rest = [t for t in toks[c + 1 :] if t.text not in ".!?"]
    first = 1 if toks[0].low in COORDINATORS and n > 1 else 0  # "But the plan is ..., X said."
    if not rest or (toks[first].low in CLAUSE_OPENERS and not _opener_closed(toks, commas, c)):
        return None
    cue: str | None = None
    span: tuple[int, int] | None = None
    described = False  # the speaker is a description as written, named by no one
    if rest[0].low in REPORTING:
        # "..., said Jane Doe." / "..., observed the minister."
        span = speaker_after(art, rest, 1)
        nxt = next((t for t in rest if span is not None and t.start >= span[1]), None)
        apposition = nxt is not None and nxt.text == "," and c != commas[-1]
        if span is not None and not apposition and (span[1] != rest[-1].end or len(rest) > 6):
            whole = (rest[1].start, rest[-1].end) if len(rest) > 1 else span
            # "..., said one GOP source in the room.": a description runs on to the end.
            described = len(rest) <= 10 and describe(art, *whole) is not None
            span = whole if described else None
        cue = rest[0].low
    else:
        m = next((x for x in range(len(rest)) if rest[x].low in REPORTING), -1)
        after = rest[m + 1 :] if m >= 0 else []
        if m > 0 and rest[m].low in OBJECT_VERBS and after and listener(after[0]):
            after = after[after_object(after, 0) :]  # "..., Cole told the Harbour Times."
        adjunct = not after or (
            after[0].low in ADJUNCTS
            and len(after) <= 5
            # "insist on being Trump" is no time or place; "on Monday morning" is
            and not any(t.low.endswith("ing") and t.low not in WHEN_WORDS for t in after)
        )
        if 0 < m <= 8 and adjunct:
            span = subject_before(art, rest, m, 0, anchored=True)
            cue = rest[m].low
            if span is None and describe(art, rest[0].start, rest[m - 1].end) is not None:
                span = (rest[0].start, rest[m - 1].end)  # "..., one slide says."
                described = True
    if span is None or cue is None:
        return None
    skip = named_before_pronoun(art, ss, span)  # "Mr Blair has failed ..., he claimed"
    at = toks[c].start
    name, _, sure = Named(None, None) if described else name_phrase(art, *span, at, skip=skip)
    cs, ce = _trim(text, ss, toks[c].start)
    return _make(art, cs, ce, name, cue, sure, (span[0], span[1]))


def _source_name(art: ArticleText, source: tuple[int, int], words: int, pos: int) -> Named:
    """Who a source after "according to" names. A long one names its maker first ("a speech
    Mrs. Clinton delivered at New York University"): the first name in it, not the last."""
    if words <= SHORT_SOURCE:
        return name_phrase(art, *source, pos)
    runs = [r for r in name_runs(art.text, *source) if split_run(r[2])[0]]
    if not runs:
        return Named(None, None)
    return name_phrase(art, runs[0][0], runs[0][1], pos)


SHORT_SOURCE = 6
"""A source after "according to" of at most this many words is read whole as one phrase."""

SOURCE_WORDS = 25
"""At most this many words name the source after "according to"."""
