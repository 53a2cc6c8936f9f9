"""Word lists the name finder consults, keyed as `fold` keys them.

Most are built from `cues` (titles, roles, suffixes of organisations and places, demonyms);
the rest are lists only the name finder needs (title modifiers, locative words, speech verbs).
"""

from __future__ import annotations

from tui.nlp import cues
from tui.nlp.cues import word_set
from tui.nlp.gazetteer import fold

_TITLE_KEYS = frozenset(t.casefold() for t in cues.PERSON_TITLES)
TITLE_MODIFIERS = word_set(
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
AMBIGUOUS_TITLES = word_set(
    """
    general major private count crown justice sister brother father officer constable
    """
)
TITLE_HEADS = _TITLE_KEYS | word_set(
    """
    commissioner director chairman chairwoman ceo cfo coo spokesman spokeswoman coach
    manager envoy chancellor attorney prosecutor treasurer secretary-general director-
    general undersecretary under-secretary superintendent inspector chief comptroller
    """
)
ROLE_KEYS = frozenset(r.casefold() for r in cues.PERSON_ROLES)
ORG_SUFFIX_KEYS = frozenset(fold(w) for w in cues.ORG_SUFFIXES)
ORG_HEAD_KEYS = frozenset(fold(w) for w in cues.ORG_HEADS)
PLACE_SUFFIX_KEYS = frozenset(fold(w) for w in cues.PLACE_SUFFIXES)
PLACE_PREFIX_KEYS = frozenset(fold(w) for w in cues.PLACE_PREFIXES)
EVENT_SUFFIX_KEYS = frozenset(fold(w) for w in cues.EVENT_SUFFIXES)
EVENT_PREFIX_KEYS = frozenset(fold(w) for w in cues.EVENT_PREFIXES)
DEMONYM_KEYS = frozenset(fold(w) for w in cues.DEMONYMS)
MORE_KNOWN_ORGS = word_set(
    """
    Nielsen Kantar Ipsos YouGov Gallup Comscore Fitch Euromonitor Statista Forrester
    Gartner Morningstar Refinitiv CNBC MSNBC NPR PBS NHK CCTV RTE ZDF ARD RAI TF1 Canal+
    Sky Channel4 Fox Univision Telemundo Globo Televisa Doordarshan Bernama Antara Kyodo
    Arsenal Juventus Benfica Ajax Feyenoord Espanyol Fiorentina Sampdoria Internazionale
    Galatasaray Fenerbahce Besiktas Olympiacos Panathinaikos Anderlecht Flamengo
    Alibaba Tencent Baidu Huawei Xiaomi Pinduoduo Meituan Taobao Tmall JD.com ByteDance
    TikTok Weibo WeChat Foxconn Lenovo Infosys Wipro Tata Uber Lyft Airbnb Tesla
    Spotify Instagram WhatsApp LinkedIn YouTube Nvidia Qualcomm
    """
)
"""Organisations the shared list lacks that news keeps naming alone: ratings and polling
firms, broadcasters, football clubs not named after a place, and platforms and brands whose
one-word names look like anyone's ("Nielsen", "Meituan")."""
MORE_KNOWN_ORGS_SEEN = MORE_KNOWN_ORGS | frozenset(("Al Jazeera", "Sky News", "Booking.com"))
KNOWN_ORG_KEYS = frozenset(fold(w) for w in cues.KNOWN_ORGS | MORE_KNOWN_ORGS_SEEN)
GENERIC_KEYS = (ORG_SUFFIX_KEYS | ORG_HEAD_KEYS | PLACE_SUFFIX_KEYS) - KNOWN_ORG_KEYS
SKIP_SINGLE = (
    cues.COMMON_INITIAL
    | cues.DEMONYMS
    | cues.NOT_ORG_ACRONYMS
    | frozenset(cues.MONTHS + cues.WEEKDAYS + cues.MONTH_ABBREVIATIONS)
) - cues.KNOWN_ORGS
"""Words that, alone, are never a name: skipped before any other work."""
KNOWN_ORGS_EXACT = cues.KNOWN_ORGS | MORE_KNOWN_ORGS_SEEN
ALWAYS_STRIP = word_set(
    """
    a an the this that these those but and or so yet if as at by in on of for to from
    with when while after before since although though because however meanwhile
    """
)
DATE_WORDS = frozenset(fold(w) for w in cues.MONTHS + cues.WEEKDAYS + cues.MONTH_ABBREVIATIONS)
LOCATIVE = word_set(
    """
    in at from near to into across outside inside towards toward via around throughout
    through between within visit visited visiting capital northern southern eastern
    western central north south east west northeast northwest southeast southwest north-
    east north-west south-east south-west neighbouring neighboring left leave entered
    """
)
NOT_FIRST_NAMES = word_set(
    """
    ask tell say get let make take see look give keep put try think know want need watch
    listen read share find buy call join meet my your our their its
    """
)
"""First words of a capitalised run that are no one's first name: a verb in the imperative or
a possessive opens a company's, a service's or a show's name ("Ask Jeeves", "My Jeeves").
Words that are also given names ("Will", "Can", "Said", "Do") are left out."""
PERSON_VERBS = word_set(
    """
    has had is was will would could can should may might must did does took won lost made
    gave told became began met left led ran wrote spoke came went saw got sent brought bought
    sold paid held kept struck beat hit threw drew flew fled sat stood thinks knows wants
    believes says said fought chose rose fell broke swore taught sang
    """
)
"""Verbs (besides any past tense in "-ed") that, straight after two or three capitalised words
the gazetteers do not know, say the words are a person's name: "Huma Abedin used ...", "Sajid
Javid has ..."."""
NOT_PERSON_VERBS = word_set(
    """
    based owned listed backed funded linked related red bed shed need feed seed
    speed weed hundred united limited
    """
)
"""Words in "-ed" that are not a verb whose subject the name is ("Lagos-based", "Hong Kong
listed"): the "-ed" cue does not count them."""
EMPLOYEE_WORDS = word_set(
    """
    spokesman spokeswoman spokesperson chairman chairwoman chief executive ceo cfo founder
    co-founder owner shareholders shareholder employees staff workers boss president
    executives analyst analysts manager coach shares stock stocks insiders
    """
)
"""Words that, straight after a one-word name, say it is an organisation's: "Pinduoduo
spokesman", "Reds manager Ray Knight", "Meituan shares"."""
WORKPLACE_ROLES = word_set(
    """
    analyst analysts economist economists strategist strategists director directors
    president vice-president chairman chairwoman executive executives head professor
    lecturer researcher researchers scientist scientists editor partner spokesman
    spokeswoman spokesperson manager founder co-founder
    """
)
"""Jobs held at an organisation: "head of search at Ask Jeeves", "an economist at Capital
Economics" name a workplace after "at", not a place."""
AFTER_WORKPLACE = word_set("in and said says who which since for on")
"""Words after "at X" that end the name's phrase: in "head of policy at Aids charity Y" the
name only qualifies what follows, and is no workplace."""
SHOW_WORDS = word_set("show programme program series")
"""Words after a broadcaster's possessive and a title: "Five's Wright Stuff show"."""
ORG_HOLDING = word_set("shares stake stakes stock investors investment")
"""Words before "in" that make what follows an organisation, not a place: "shares in
Meituan", "a stake in Taobao"."""
SPEECH = word_set(
    """
    said says told tells added adds asked asks explained argued insisted warned claimed
    stated wrote admitted denied
    """
)
