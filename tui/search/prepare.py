"""Turning an annotated article into a ready-to-add Whoosh document, and back.

This runs in the worker processes: everything costly about a document (analysis, position
encoding, compressing the stored text and annotations) happens here, so the single writer
process only appends postings. The result is plain data that pickles compactly.

The `text` column holds the compressed article text (what snippets are cut from); the `blob`
column its captions, url, tags and annotations as compressed JSON (what `annotations()`
returns). With the stored fields they are enough to rebuild the document (a renamed file is
re-indexed from them without reading or annotating it again).
"""

from __future__ import annotations

import json
import zlib
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from tui.model import Span

if TYPE_CHECKING:  # pydantic models, loaded where built: a search needs none of them
    from tui.model import Annotations, Article
from tui.search.facets import outlet_key
from tui.search.schema import TITLE_GAP, TITLE_WEIGHT, Prepared, name_positions, text_positions

FACET_NAMES = 12
"""How many people and organisations each document keeps for result facets."""


def encode(positions: dict[str, list[int]], extra: dict[str, float] | None = None) -> Prepared:
    """One field's terms and positions, ready for the writer (see `schema.Prepared`). A term's
    weight is its frequency plus `extra[term]` (title words folded into the body weigh more)."""
    return Prepared(positions, extra)


def body_positions(title: str | None, text: str) -> tuple[dict[str, list[int]], dict[str, float]]:
    """The body field: the title's words first, then a gap, then the text's; and the extra
    weight of each title word (see `schema.DEFAULT_FIELD`)."""
    if not title:
        return text_positions(text), {}
    head = text_positions(title)
    last = max((p[-1] for p in head.values()), default=-1)
    body = text_positions(text, start_pos=last + 1 + TITLE_GAP)
    extra: dict[str, float] = {}
    for term, poses in head.items():
        body[term] = poses + body.get(term, [])
        extra[term] = (TITLE_WEIGHT - 1.0) * len(poses)
    return body, extra


def to_utc_naive(value: str | None) -> datetime | None:
    """An article date as a naive UTC datetime, as Whoosh DATETIME fields need; None if unreadable.

    Dates with an offset are converted to UTC first, so `date:2021-05-03` means the same day
    whatever zone a site published in; naive dates are taken as they are.
    """
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt


def _top(names: Iterable[str], n: int = FACET_NAMES) -> list[str]:
    counts = Counter(names)
    return [name for name, _ in counts.most_common(n)]


def prepare(article: Article, ann: Annotations, file_key: str) -> dict[str, Any]:
    """The keyword arguments for `writer.add_document` of one article.

    Name fields hold canonical names ("Jane Doe" even where the text says "Doe"), so
    `person:"Jane Doe"` finds every article about her.
    """
    by_label: dict[str, list[str]] = {}
    for ent in ann.entities:
        by_label.setdefault(ent.label, []).append(ent.canonical or ent.text)
    people = by_label.get("PERSON", [])
    orgs = by_label.get("ORG", [])
    speakers = [q.speaker for q in ann.quotes if q.speaker]
    sure_speakers = [q.speaker for q in ann.quotes if q.speaker and q.speaker_sure]
    doc: dict[str, Any] = {
        "id": article.id,
        "file": file_key,
        "path": article.path,
        "hash": article.content_hash,
        "date_text": article.date,
        "people": _top(people),
        "orgs": _top(orgs),
        "text": pack_text(article.text),
        "blob": pack_blob(article, ann),
        "body": encode(*body_positions(article.title, article.text)),
    }
    dt = to_utc_naive(article.date)
    if dt is not None:
        doc["date"] = dt
    if article.title:
        doc["title"] = encode(text_positions(article.title))
        doc["_stored_title"] = article.title
    if ann.quotes:
        quoted = "\n".join(q.spoken() for q in ann.quotes)
        doc["quote"] = encode(text_positions(quoted))
    for name in ("author", "source", "section"):
        value = getattr(article, name)
        if value:
            values = [value]
            if name == "source" and outlet_key(value) not in value.casefold().split():
                # "politifact.com" is also found as PolitiFact: one outlet, one filter
                values.append(outlet_key(value))
            doc[name] = encode(name_positions(values))
            doc[f"_stored_{name}"] = value
    if article.source:
        doc["outlet"] = article.source
    lists = {
        "person": people,
        "org": orgs,
        "place": by_label.get("PLACE", []),
        "speaker": speakers,
        "sure_speaker": sure_speakers,
        "tag": article.tags,
    }
    for name, values in lists.items():
        distinct = list(dict.fromkeys(values))
        if distinct:
            doc[name] = encode(name_positions(distinct))
    return doc


def pack_blob(article: Article, ann: Annotations) -> bytes:
    """Text and annotations as compressed compact JSON (offsets, not repeated strings)."""
    text = article.text
    ents = []
    for e in ann.entities:
        row: list[Any] = [e.start, e.end, e.label]
        canon = None if e.canonical == e.text else e.canonical
        same = text[e.start : e.end] == e.text
        if canon is not None or not same:
            row.append(canon)
        if not same:
            row.append(e.text)
        ents.append(row)
    quotes = []
    for q in ann.quotes:
        # The kind's letter in capitals says the engine is not sure of the speaker.
        letter = q.kind[0] if q.speaker_sure else q.kind[0].upper()
        qrow: list[Any] = [q.start, q.end, letter, q.speaker, q.cue]
        if text[q.start : q.end] != q.text or q.parts:
            qrow.append(q.text if text[q.start : q.end] != q.text else None)
        if q.parts:
            qrow.append([[p.start, p.end] for p in q.parts])
        quotes.append(qrow)
    data = {
        "c": [[c.start, c.end] for c in article.captions],
        "u": article.url,
        "g": article.tags,
        "e": ents,
        "q": quotes,
    }
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(raw.encode("utf-8", "surrogatepass"), 6)


def pack_text(text: str) -> bytes:
    """The article text on its own, so a snippet decompresses nothing else."""
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def unpack_text(packed: bytes | None) -> str:
    if not packed:
        return ""
    return zlib.decompress(packed).decode("utf-8", "surrogatepass")


def unpack(text: bytes | None, blob: bytes | None) -> dict[str, Any]:
    """Text and blob columns of one document as one dict (the text under "t")."""
    data: dict[str, Any] = (
        json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass")) if blob else {}
    )
    data["t"] = unpack_text(text)
    return data


def annotations_from(data: dict[str, Any]) -> Annotations:
    from tui.model import Annotations, Entity, Quote

    text: str = data["t"]
    entities = []
    for row in data.get("e", []):
        start, end, label = row[0], row[1], row[2]
        surface = row[4] if len(row) > 4 else text[start:end]
        canon = row[3] if len(row) > 3 and row[3] is not None else surface
        entities.append(Entity(start=start, end=end, label=label, text=surface, canonical=canon))
    quotes = []
    for row in data.get("q", []):
        start, end, kind, speaker, cue = row[:5]
        body = row[5] if len(row) > 5 and row[5] is not None else text[start:end]
        parts = [Span(start=a, end=b) for a, b in row[6]] if len(row) > 6 else []
        quotes.append(
            Quote(
                start=start,
                end=end,
                text=body,
                kind="direct" if kind in ("d", "D") else "indirect",
                speaker=speaker,
                cue=cue,
                speaker_sure=kind.islower(),
                parts=parts,
            )
        )
    return Annotations(entities=entities, quotes=quotes)


def article_from(stored: dict[str, Any], data: dict[str, Any]) -> Article:
    """The article as it was indexed, from stored fields plus the blob."""
    from tui.model import Article

    return Article(
        id=stored["id"],
        path=stored.get("path") or stored["id"],
        title=stored.get("title"),
        date=stored.get("date_text"),
        author=stored.get("author"),
        source=stored.get("source"),
        section=stored.get("section"),
        url=data.get("u"),
        tags=list(data.get("g") or []),
        text=data["t"],
        captions=[Span(start=s, end=e) for s, e in data.get("c", [])],
        content_hash=stored.get("hash") or "",
    )
