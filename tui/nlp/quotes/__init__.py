"""Quote finding and speaker attribution for the rules engine.

`find_quotes(text, entities)` returns direct quotations (in quotation marks) and the reported
speech it can read ("X said that ...", "X predicts ...", "according to X, ..."), each with the
speaker's fullest name, the cue verb and whether the engine is sure of the speaker. The work is a
pipeline, one module per stage, each passing plain data to the next:

1. `marks` pairs quotation marks into `Fragment`s (mixed glyphs, `''`, quotations carried over
   paragraphs, unbalanced marks), in one linear pass.
2. `article.ArticleText` holds the text, paragraphs and fragments, and answers where sentences
   start and end, hopping over quotations.
3. `direct` joins the fragments of one utterance ('"We are ready," she said, "but..."') to
   read who said it, then gives each part its own quote with that speaker (the words between
   are the writer's); it drops scare quotes, titles of works and programmes, nicknames,
   sub-headings, the headline's quotation marks and linked headlines.
4. `attribution` reads the cue words around a quotation (after it, before it, the sentence
   before, a transcript label) into an `Attr`; `naming` turns the subject phrase into a name
   through the article's `speakers.Registry`; `pronouns` decides who "he" or "she" stands for
   (the subject of the nearest sentence naming someone who fits) and whether that is sure.
   Where the subject names no one, `described` gives the people it describes as written
   ("Foreign policy analysts", "a senior official"), never in place of a name.
5. `reported` reads the remaining sentences for reported speech (kind "indirect"): the
   sentence shapes there, the subject in `reported_subject`, the claim's bounds and the quote
   made of them in `reported_claim`; stances and aims in `reported_stance` (their objects in
   `reported_stance_objects`, positions, statements by their object, topics and stances held
   in `reported_position`, labels, questions, reasons cited and refusals in `reported_acts`,
   which also reads whose a second verb is: "... and pledged to ...", verdicts with no
   article in `reported_verdicts`, objects with no determiner in `reported_bare`). After
   the sentences, in this order: claims trailing a quotation ('..., adding that ...',
   `reported_tail`), nouns of saying ("her pledge to ...", `reported_nominal`), any verb with
   "that" ("ruled that ...", `reported_verb_that`), and, when nothing else was found there,
   the headline ("Mayor Says ...", `reported_headline`).

`words` and `tokens` hold the vocabulary and the small records (`Tok`, `Named`, `Attr`,
`Unit`) the stages share. Work per quote is bounded by a window of a few hundred characters
around it, so the whole is linear in the text, whatever the marks.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.model import Entity, Quote, Span
from tui.nlp.quotes.article import ArticleText
from tui.nlp.quotes.direct import find_direct
from tui.nlp.quotes.reported import find_reported

__all__ = ["ArticleText", "find_quotes"]


def find_quotes(
    text: str, entities: Sequence[Entity], captions: Sequence[Span] = ()
) -> list[Quote]:
    """Direct quotations and confident reported speech in `text`, with speakers.

    `entities` (PERSON/ORG with canonical names) sharpen the speakers' names but are optional:
    with none, names come from the article's own capitalised runs and titles. `captions` are
    the spans of photo captions: a caption is never a quotation nor a source of speakers.
    """
    if not text:
        return []
    original = text
    if captions:
        text, entities = _without_captions(text, entities, captions)
    art = ArticleText(text, entities)
    quotes = find_direct(art)
    quotes.extend(find_reported(art, quotes))
    quotes.sort(key=lambda q: q.start)
    if text is not original:
        for q in quotes:
            q.text = original[q.start : q.end]
    return quotes


def _without_captions(
    text: str, entities: Sequence[Entity], captions: Sequence[Span]
) -> tuple[str, list[Entity]]:
    """The text with each caption blanked (spaces, newlines kept, so every offset stays the
    same) and the entities outside them: "Coach Maria Vidal: 'We will win'" under a photo is
    not something said in the story, and its names are not who "she" stands for."""
    chars = list(text)
    spans = []
    for c in captions:
        s, e = max(0, c.start), min(len(text), c.end)
        if s < e:
            spans.append((s, e))
            chars[s:e] = [ch if ch == "\n" else " " for ch in text[s:e]]
    kept = [e for e in entities if not any(s <= e.start < end for s, end in spans)]
    return "".join(chars), kept
