"""Word lists for reading people's names in news: person titles (with the gender a title tells),
common given names, and the words that mark a capitalised run as an organisation, a place, or a
sentence word rather than a name. Kept apart from `speakers`, which reads the runs with them."""

from __future__ import annotations


def wordset(words: str) -> frozenset[str]:
    """A word list written as prose, one entry per whitespace-separated word."""
    return frozenset(words.split())


TITLES_M = {
    "mr",
    "sir",
    "lord",
    "king",
    "prince",
    "father",
    "fr",
    "congressman",
    "councilman",
    "assemblyman",
    "chairman",
    "brother",
    "uncle",
    "duke",
    "sheikh",
    "pope",
    "imam",
}
TITLES_F = {
    "mrs",
    "ms",
    "miss",
    "lady",
    "dame",
    "queen",
    "princess",
    "madam",
    "madame",
    "sister",
    "congresswoman",
    "councilwoman",
    "assemblywoman",
    "chairwoman",
    "aunt",
    "duchess",
}
TITLES_N = {
    "mx",
    "dr",
    "sen",
    "sens",
    "senator",
    "rep",
    "reps",
    "representative",
    "gov",
    "governor",
    "president",
    "gen",
    "general",
    "lt",
    "col",
    "colonel",
    "maj",
    "major",
    "sgt",
    "sergeant",
    "capt",
    "captain",
    "cmdr",
    "commander",
    "adm",
    "admiral",
    "prof",
    "professor",
    "rev",
    "reverend",
    "hon",
    "judge",
    "justice",
    "mayor",
    "minister",
    "secretary",
    "chancellor",
    "ambassador",
    "amb",
    "commissioner",
    "chief",
    "inspector",
    "insp",
    "detective",
    "det",
    "officer",
    "coach",
    "speaker",
    "leader",
    "premier",
    "supt",
    "superintendent",
    "atty",
    "attorney",
    "cllr",
    "councillor",
    "rabbi",
    "bishop",
    "cardinal",
    "dean",
    "director",
    "chairperson",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "pres",
    "sec",
    "deputy",
    "treasurer",
    "counsel",
    "sheriff",
    "marshal",
    "trooper",
    "agent",
    "dj",
    "mp",
    "mep",
    "ceo",
    "cfo",
    "coo",
    "chair",
    "founder",
    "executive",
    "economist",
    "analyst",
    "pollster",
    "strategist",
    "adviser",
    "advisor",
    "aide",
    "manager",
    "candidate",
    "nominee",
    "host",
    "anchor",
    "correspondent",
    "editor",
    "columnist",
    "author",
    "historian",
    "lawyer",
}
PERSON_TITLES = TITLES_M | TITLES_F | TITLES_N
HONORIFICS = wordset("mr mrs ms miss mx dr sir dame lord lady madam prof professor rev reverend")
"""Titles that name no office: "Mr" before a name says nothing of what the person does."""

# Common given names, to tell "Pat Caddell" (a person) from "Wells Fargo" and to give a pronoun
# a gender to agree with. Short on purpose: titles and the article's own usage do the rest.
# "Jacky" is left out: it is given to women too, and a wrong gender makes "she said" skip the
# very person it stands for.
FIRST_M = wordset(
    """aaron adam alan albert alex alexander andrew angus anthony antonio arthur barack ben
    benjamin bernie bill billy bob bobby boris brad brandon brian bruce carl carlos charles
    charlie chris christopher chuck cory craig dan daniel darren dave david dennis derek donald
    doug douglas duncan ed eddie edward emmanuel eric evan frank fred gary george gordon graham
    greg gregory harry henry hugh ian jack jake james jamie jason jeb jeff jeffrey jeremy
    jerry jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan justin
    keith ken kenneth kevin kim larry lee leonard lindsey luis marco marcus mark martin matt
    matthew michael mike mitch mitt nathan neil nick nicholas nigel oliver omar pat patrick paul
    pedro peter phil philip ralph randy ray raymond reince richard rick rob robert roger ron
    ronald rudy russell ryan sam samuel scott sean stephen steve steven stuart ted terry thomas
    tim timothy todd tom tony vladimir walter wayne will william xi"""
)
FIRST_F = wordset(
    """abigail alice alicia amanda amy andrea angela ann anna anne barbara betsy beth betty
    brenda carla carly carol caroline catherine chelsea cheryl christina christine claire
    deborah debbie diana diane donna dorothy elizabeth ellen emily emma erin eva gillian gina
    hannah heather helen hillary huma ivanka jackie jacqueline jane janet jennifer jessica jill
    joan joanna joyce judith judy julia julie karen kate katherine kathleen kathy kayleigh
    kellyanne kelly kimberly kirsten laura lauren linda lisa liz lois lucy madeleine margaret
    maria marie marine martha mary megan melania melanie melissa michelle monica nancy natalie
    nicola nicole nikki olivia pamela patricia paula priti rachel rebecca rose ruth sandra sara
    sarah sharon sheila sonia sophie stephanie susan suzanne tammy teresa theresa tina tulsi
    valerie victoria virginia wendy yvonne zoe"""
)

ORG_WORDS = wordset(
    """house senate congress party committee department ministry council association institute
    university college school center centre foundation bank company corp corporation inc ltd llc
    plc group post times journal news network agency administration campaign commission court
    police service office board union federation organization organisation fund church club
    press media tribune herald magazine review reuters cnn bbc fox nbc abc cbs msnbc npr pbs
    government army navy guard force forces bureau authority alliance coalition trust society
    caucus assembly parliament cabinet ministry unit team brigade office institution project
    council capital partners holdings airlines airways motors industries systems labs network
    channel radio television tv daily gazette chronicle observer guardian telegraph express
    mail sun week weekly monthly politico breitbart huffington poll polls survey republicans
    democrats conservatives liberals embassy consulate"""
)
PLACE_WORDS = wordset(
    """street avenue road city county state states island islands river mountain mountains
    lake valley bay sea ocean north south east west northern southern eastern western america
    york washington london paris beijing moscow china russia britain england france germany
    iran iraq syria israel japan india mexico canada europe africa asia district province
    region kingdom republic union port harbour harbor fort mount lake new saint"""
)
STOP_CAPS = wordset(
    """the a an but and or nor neither either both so if when while as in on at for from with by
    after before during meanwhile however yet then this that these those still also even now
    here there his her
    their our my its we i he she they it you your what who why how where which whose
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december yesterday today tomorrow tonight
    last next former acting deputy senior junior interim incoming outgoing then-president
    republican democratic democrat gop independent conservative liberal labour tory
    american british chinese french german russian mexican european national federal
    white black asian latino hispanic african according said says asked told added mrs mr ms
    dr sen rep gov gen st no not yes oh well please thank thanks dear to of wit later earlier
    instead indeed moreover furthermore afterward afterwards finally first second third
    recently previously ultimately additionally again once soon separately elsewhere
    similarly likewise nevertheless nonetheless thus therefore hence asked speaking
    addressing writing without despite although though because like unlike among over under
    following regarding concerning including notwithstanding alongside besides
    about around through into upon asked is was are were has have had do does did will would
    can could should must might one two three many most some all both each every any other
    another such only just ahead amid within across behind beyond toward towards via per
    sources officials critics supporters experts analysts several few more less why
    u.s. u.k. u.n. e.u. d.c. a.m. p.m. un eu uk us"""
)

GIVEN_TITLES = frozenset({"dean"})
"""Titles that are also given names: "Dean Boyd" alone is a name (the Dean of a school comes
with more words or a name after it: "Dean Sarah Hill")."""
