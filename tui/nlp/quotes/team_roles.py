"""A team, country or party before a role as a subject: "The England coach said", "the Chelsea
manager said", "the Labour leader said".

Why not the team: the capitalised word only says whose coach; the speaker is a person. News
names that person once in the same words ("England coach Sven-Goran Eriksson") and then
writes the description; when the article does, the speaker is that person. When it does not
and the rules would give the team itself, the description is what the reader is told, so it
is kept as written (as other descriptions are, see `described`), never sure: it may stand
for someone the rules did not see.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.tokens import Named
from tui.nlp.speaker_words import wordset
from tui.nlp.speakers import split_run

TEAM_ROLES = wordset("coach manager boss leader captain skipper chairman chairwoman")
"""Roles one person holds for a team, country or party: the description stands for them."""

_NAME_AFTER = r"\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
"""The capitalised words straight after the role: the holder's name."""


class TeamRole(NamedTuple):
    """A subject phrase "the <Team> <role>": as written, the team's words, the role."""

    phrase: str
    team: list[str]
    role: str


def team_role(text: str, start: int, end: int) -> TeamRole | None:
    """The subject text[start:end] read as "the <Team> <role>", or None for another shape."""
    phrase = " ".join(text[start:end].strip(' ,;:—–-"“”(').split())
    words = phrase.split(" ")
    if not 3 <= len(words) <= 5 or words[0].lower() != "the" or words[-1] not in TEAM_ROLES:
        return None
    team = words[1:-1]
    if not all(w[:1].isupper() for w in team):
        return None
    return TeamRole(phrase, team, words[-1])


def role_holder(art: ArticleText, role: TeamRole, start: int, pos: int) -> Named | None:
    """The person the article names in the role before `start` ("England coach Sven-Goran
    Eriksson"), sure when it names only one so; None when it names no one so."""
    said = re.compile(
        r"\b" + r"\s+".join(re.escape(w) for w in role.team) + r"\s+" + role.role + _NAME_AFTER
    )
    holders: list[str] = []
    for m in said.finditer(art.text, 0, start):
        toks, gender, _ = split_run(m.group(1))
        if toks:
            holders.append(art.reg.lookup(toks, gender, pos))
    if not holders:
        return None
    name = holders[-1]
    # One person named in that role: sure; two ("former England coach ...") a guess.
    return Named(name, art.reg.gender_of(name), len(set(holders)) == 1)


def is_the_team(role: TeamRole, named: Named) -> bool:
    """Whether a reading of the phrase gave the team ("England", "Chester City"), not a
    person: its name shares a word with the team's."""
    return named.name is not None and bool(set(role.team) & set(named.name.split()))


def as_description(art: ArticleText, role: TeamRole) -> Named:
    """The phrase as written as the speaker, unsure; no pronoun later stands for it."""
    art.described.add(role.phrase)
    return Named(role.phrase, None, False)
