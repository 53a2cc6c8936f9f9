"""The words the quote finder reads by: speech verbs, reporting verbs, pronouns, role nouns,
organisation heads, and the small patterns built from them.

Kept apart from the code that uses them so a newcomer can see, and extend, what the rules know
without reading how they apply it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.nlp.cues import word_pattern
from tui.nlp.speaker_words import wordset

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
    likened call calls"""
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
    "saying",
    "claiming",
    "arguing",
    "insisting",
    "suggesting",
    "predicting",
    "warning",
    "said",
    "says",
    "referenced",
    "cited",
    "cites",
    "mentioned",
    "mentions",
    "described",
    "describes",
    "asserted",
    "asserts",
    "acknowledges",
    "recalled",
    "recalls",
    "added",
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


PARTICIPLE_CUES = wordset(
    """saying arguing adding claiming warning insisting noting explaining predicting
    suggesting contending asserting stressing acknowledging charging alleging promising
    vowing pledging telling emphasizing emphasising"""
)
"""Participles after a comma that report what the sentence's subject said ("..., saying")."""

ASKS = wordset("asked asks asking")
"""Verbs of a request, reported as a demand is ("asked for an inquiry", "asked voters to ...")
but never with "on" after them: "asked on Monday" is a day, not what was asked for."""

DEMANDS = wordset("called calls calling urged urges urging") | ASKS
"""Verbs of a demand, reported with what was demanded ("called for an inquiry")."""


PLAIN_PRESENT = wordset(
    """complain worry agree fear contend acknowledge note suggest claim admit concede estimate
    expect hope deny allege maintain assert stress recall charge doubt"""
)
"""Verbs taking "that" in their plain form, as people in the plural use them ("Critics fear
that ...", "Analysts agree that ...", "Some Democrats now worry that ..."); never after "to",
a modal or "dare" (`NOT_BEFORE_PLAIN`): "would prefer Turkey to admit that", "How dare people
suggest we are lazy" report no one's words."""

NOT_BEFORE_PLAIN = wordset(
    """to dare would could should will can may might must shall let make made help"""
)
"""Words before a plain verb that make it an infinitive or a wish, no report."""


THAT_VERBS = (
    wordset(
        """agreed agrees concluded concludes confirmed confirms estimated estimates revealed reveals
    disclosed discloses indicated indicates denied denies alleged alleges charged charges
    announces conceded hoped hopes fears feared expects expected knows knew learned
    understood recognized recognised assured assures reminded reminds complained complains
    testified vowed vows promised promises pledged pledges declared declares pointed points
    responded responds"""
    )
    | PLAIN_PRESENT
)
"""Verbs that report speech or a stated belief only when "that" follows ("agreed that ...")."""

EVIDENCE_VERBS = wordset(
    """shows show showed shown found finds find suggests suggest suggested indicates indicate
    indicated reveals revealed concluded concludes estimates estimated"""
)
"""Verbs by which a poll, a study or a record says something ("a new poll shows ...")."""

DOCUMENTS = wordset(
    """poll polls survey surveys study studies report reports analysis analyses review audit
    data research figures statistics video videos footage records documents investigation
    transcript slide filing filings memo census estimate estimates projections assessment
    inquiry probe evaluation"""
)
"""Heads of a subject that is evidence, not a person ("a 2014 study by ...", "the footage")."""

_REPORTED_WORDS = word_pattern(
    REPORTING | PARTICIPLE_CUES | DEMANDS | THAT_VERBS | EVIDENCE_VERBS | {"according"}
)
STRONG_WORDS = REPORTING | PARTICIPLE_CUES | DEMANDS | {"according"}
_STRONG_WORDS = word_pattern(STRONG_WORDS)
_WORD_END = r"(?![\w’'\-])"

REPORTED_CUE = re.compile(_REPORTED_WORDS + _WORD_END)
"""Finds, in lower-cased text, every token that can make a sentence reported speech (and a few
more: it ignores what precedes the word), so sentences without one are never tokenised."""

REPORTED_WORD = re.compile(r"(?<!\w)" + _REPORTED_WORDS + _WORD_END)
"""`REPORTED_CUE` at the start of a word only: what a token can be (a token never starts right
after a letter), and about half as slow to scan for, as the regex engine gives up at once
inside a word instead of trying every branch of the words there. Where a stretch starts inside
a word (a sentence cut at the reach), `REPORTED_CUE` still says what the stretch holds."""

STRONG_CUE = re.compile(_STRONG_WORDS + _WORD_END)
"""The reporting words that make a sentence reported speech by themselves; the others in
`REPORTED_CUE` ("expects", "found", "shows") count only with "that" after them or a poll or a
study for their subject, so a sentence holding only those and neither is never tokenised."""

STRONG_WORD = re.compile(r"(?<!\w)" + _STRONG_WORDS + _WORD_END)
"""`STRONG_CUE` at the start of a word only (see `REPORTED_WORD`)."""

WEAK_NEEDS = re.compile(
    r"\bthat\b|"
    + word_pattern(DOCUMENTS)
    + r"(?![\w’'\-])|"
    + word_pattern(THAT_VERBS)
    + r"\s+(?:he|she|they|it|we|i)\b"
)
"""What a sentence whose only reporting words are the weak ones needs to be read further."""

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
    still even herself himself themselves now long"""
)
THAT_AS_SUBJECT = wordset(
    """would was is will could might may should must can has had wasn't isn't won't wouldn't
    couldn't hasn't"""
)
"""Verbs straight after "said that" that make "that" the claim's subject ("said that would be
impossible"): a conjunction is followed by a subject of its own, never by a verb."""
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
    representative representatives agent agents doctor doctors police spokespeople lawmakers
    legislators senators congressmen prosecutors investigators regulators scientists
    diplomats negotiators campaigners democrats republicans conservatives liberals"""
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
    club team network newspaper paper station union league association institute fund"""
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
    slogan hashtag memo essay single track podcast magazine exhibition classic nickname"""
)
WORK_CUE = re.compile(word_pattern(WORK_CUES) + r"(?![\w’'\-])")
"""Finds, in lower-cased text, every word of `WORK_CUES` (and a few more: it ignores what
precedes the word)."""

TOKEN_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Mx|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Prof|Rev|Hon|"
    "Jr|Sr|Supt|Det|Insp|Atty|Pres|Amb|Cllr|Fr|Sec|St|Del"
)
TOKEN = re.compile(
    r"(?=[A-Z])(?:"
    + word_pattern(TOKEN_ABBREVIATIONS.split("|"))
    + r"\.|(?:[A-Z]\.){2,}|[A-Z]\.(?=\s))|[\w][\w’'\-]*|[^\w\s]"
)
"""One token: an abbreviation with its full stop, initials, a word, or one other character.
The abbreviations are a trie (`word_pattern`): only one of them can be followed by a full stop
at a given place, so it matches what the plain alternation did. The first three alternatives
all open with a capital, hence the lookahead: at any other character (most of them) the regex
engine goes straight to the word and the other character."""
SENT_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s|$)")
DASH = re.compile(r"[—–\-―]")
"""A dash, as before a byline credit after a quote ('"..." ― Veronica Cruz')."""
STOP_MARK = re.compile(r"[.!?](?=\s|\Z)")
"""A mark that may end a sentence: followed by a space or the end of the text."""
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Mx|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Maj|Sgt|Capt|Cmdr|Adm|Prof|Rev|"
    "Hon|Jr|Sr|Supt|Det|Insp|Atty|Pres|Amb|Cllr|Fr|Sec|St|Mt|No|Nos|vs|etc|Inc|Corp|Ltd|Co|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|Ft|Gov|Calif|Fla|Ill|Mass|"
    "Mich|Minn|Penn|Tex|Va|Wash|Wis|Conn|Ariz|Ore|Tenn|Ky|La|Md|Mo|Neb|Nev|Okla|Pa|Ind"
)
ABBREV = re.compile(rf"(?:\b(?:{_ABBREVIATIONS})|\b[A-Z]|(?:[A-Za-z]\.)+[A-Za-z])\.$")
ABBREVIATIONS = frozenset(_ABBREVIATIONS.split("|"))
"""The words `ABBREV` knows before a full stop (see `ArticleText._full_stop`)."""
ABBREVIATION_SIZE = max(map(len, ABBREVIATIONS))
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


_WORD = re.compile(r"[\w’'\-]+")


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def has_words(text: str, start: int, end: int, count: int) -> bool:
    """Whether text[start:end] holds at least `count` words (as `_words` reads them): read
    up to the last one needed, not through a long claim, and without copying it."""
    for k, _ in enumerate(_WORD.finditer(text, start, end), 1):
        if k >= count:
            return True
    return count <= 0


TITLE_SMALL_WORDS = frozenset(
    ("a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with")
)
"""Words a title of a work leaves in small letters ("Twelve Angry Men", "Gone with the Wind")."""


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

ROLE_ADJECTIVES = wordset(
    """the a an former then top senior chief deputy acting interim longtime veteran retired
    conservative liberal republican democratic independent prominent leading outgoing incoming
    new current vice assistant associate general executive managing political foreign
    defense defence finance economic national state federal presidential"""
)
"""Words that qualify a role before a name ("former governor", "senior adviser")."""


IMPERSONAL = wordset(
    "understood believed thought said reported claimed alleged feared known expected rumoured"
)
"""Participles that make "it is ... that" impersonal ("It is understood that the board ..."):
a claim the article gives no speaker, never what "it" stands for."""


TENSE_AUX = wordset("is are was were has have had been")
"""Auxiliaries between a subject and its reporting verb ("is warning", "has been saying")."""

RELATIVE_ADVERBS = wordset("also later once previously recently then repeatedly")
"""Adverbs between a relative "who" and its verb ("who also said")."""
