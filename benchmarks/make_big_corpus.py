"""Build a large synthetic news corpus by recombining the BBC articles, for the scale benchmarks.

Why recombine instead of copying: 100,000 copies of 2,225 articles would give Whoosh a tiny
vocabulary of near-duplicate documents and flatter every figure. Each generated article takes
its paragraphs from two to four BBC articles of one topic, gets a new title made from two
titles, a date spread over ten years, a source and an author, so term statistics, posting
lengths and snippets look like a real archive of about 680 words an article.

Formats are mixed the way a scraped archive is: mostly Markdown with front matter (carries the
date, author and source), some plain BBC-shaped text, and some JSON Lines files holding many
articles each. Output is deterministic for a given --seed.

    python benchmarks/make_big_corpus.py /work/bench/big --articles 100000
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

BBC = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc"
TOPICS = ("business", "entertainment", "politics", "sport", "tech")
SOURCES = (
    "BBC News",
    "The Northern Post",
    "Daily Ledger",
    "Harbour Times",
    "Calder Herald",
    "Evening Courier",
    "Market Wire",
    "The Civic Record",
)
FIRST = (
    "Alice",
    "Jane",
    "Omar",
    "Priya",
    "Tomas",
    "Rosalind",
    "Jacky",
    "Fergus",
    "Maria",
    "Chen",
    "Aisha",
    "David",
    "Laura",
    "Kofi",
    "Ingrid",
    "Pedro",
    "Hannah",
    "Yusuf",
    "Elena",
    "Marcus",
    "Sofia",
    "Ravi",
    "Grace",
    "Dmitri",
    "Nadia",
    "Owen",
    "Leila",
    "Samuel",
    "Irene",
    "Felix",
)
LAST = (
    "Okafor",
    "Chung",
    "Ekberg",
    "Mulcahy",
    "Novak",
    "Haddad",
    "Brennan",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Adeyemi",
    "Walsh",
    "Kowalski",
    "Fischer",
    "Russo",
    "Patel",
    "Silva",
    "Jensen",
    "Dubois",
    "Kaur",
    "Nakamura",
    "Oduya",
    "Petrov",
    "Quinn",
    "Hale",
)


@dataclass
class Source:
    title: str
    paragraphs: list[str]


def load_bbc(root: Path) -> dict[str, list[Source]]:
    """Every BBC article by topic, as title plus paragraphs."""
    by_topic: dict[str, list[Source]] = {}
    for topic in TOPICS:
        items = []
        for path in sorted((root / topic).glob("*.txt")):
            raw = path.read_bytes().decode("utf-8", errors="replace")
            lines = raw.split("\n")
            title = lines[0].strip()
            paras = [p.strip() for p in "\n".join(lines[1:]).split("\n") if p.strip()]
            if title and paras:
                items.append(Source(title, paras))
        by_topic[topic] = items
    return by_topic


def make_article(rng: random.Random, pool: list[Source], target_words: int) -> tuple[str, str]:
    """A new title and a body of about `target_words` words mixed from several articles."""
    a, b = rng.sample(pool, 2)
    wa, wb = a.title.split(), b.title.split()
    cut_a = max(1, len(wa) // 2)
    cut_b = min(len(wb) - 1, len(wb) // 2)
    title = " ".join(wa[:cut_a] + wb[cut_b:])
    body: list[str] = []
    words = 0
    donors = rng.sample(pool, rng.randint(2, 4))
    while words < target_words:
        donor = rng.choice(donors)
        para = rng.choice(donor.paragraphs)
        body.append(para)
        words += len(para.split())
        if len(body) > 60:
            break
    return title, "\n\n".join(body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write (outside the repository)")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=680, help="mean words per article")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bbc", type=Path, default=BBC)
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    by_topic = load_bbc(args.bbc)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    start = datetime(2015, 1, 1)
    span_minutes = 10 * 365 * 24 * 60
    jsonl_buffer: list[str] = []
    jsonl_files = 0
    words_total = 0

    for n in range(args.articles):
        topic = TOPICS[n % len(TOPICS)]
        # Paragraphs are added until the target is passed, overshooting by half a paragraph.
        target = max(120, int(rng.gauss(args.words - 65, args.words * 0.2)))
        title, body = make_article(rng, by_topic[topic], target)
        words_total += len(title.split()) + len(body.split())
        date = start + timedelta(minutes=rng.randrange(span_minutes))
        source = rng.choice(SOURCES)
        author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        folder = out / topic / f"{date.year}" / f"{date.month:02d}"
        kind = rng.random()
        if kind < 0.05:
            # JSON Lines: many articles in one file, as scrapers often write them.
            jsonl_buffer.append(
                json.dumps(
                    {
                        "title": title,
                        "text": body,
                        "date": date.strftime("%Y-%m-%dT%H:%M:%S"),
                        "author": author,
                        "source": source,
                    }
                )
            )
            if len(jsonl_buffer) >= 25:
                jsonl_files += 1
                path = out / topic / "feeds" / f"feed-{jsonl_files:05d}.jsonl"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text("\n".join(jsonl_buffer) + "\n", encoding="utf-8")
                jsonl_buffer = []
            continue
        folder.mkdir(parents=True, exist_ok=True)
        if kind < 0.20:
            # The BBC shape: title, blank line, body. No date: those sort last.
            (folder / f"a{n:06d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        else:
            front = (
                "---\n"
                f"title: {json.dumps(title)}\n"
                f"date: {date.strftime('%Y-%m-%dT%H:%M:%S')}\n"
                f"author: {json.dumps(author)}\n"
                f"source: {json.dumps(source)}\n"
                f"tags: [{topic}]\n"
                "---\n\n"
            )
            (folder / f"a{n:06d}.md").write_text(front + body + "\n", encoding="utf-8")
        if n % 10_000 == 0 and n:
            print(f"{n} articles", file=sys.stderr)
    if jsonl_buffer:
        jsonl_files += 1
        path = out / "feeds" / f"feed-{jsonl_files:05d}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(jsonl_buffer) + "\n", encoding="utf-8")
    print(
        f"wrote {args.articles} articles ({words_total} words, "
        f"{words_total / max(1, args.articles):.0f} a article) under {out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
