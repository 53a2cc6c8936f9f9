"""Shared helpers for the search tests: small corpora written by the test, engines on tmp_path.

(A module of helpers rather than a conftest, so it is plain to see where they come from.)
"""

from __future__ import annotations

import os
from pathlib import Path

from tui.search import WhooshSearchEngine, open_engine


def write_md(
    root: Path,
    rel: str,
    title: str,
    body: str,
    *,
    date: str | None = None,
    author: str | None = None,
    source: str | None = None,
    tags: list[str] | None = None,
) -> Path:
    """A Markdown article with front matter; returns its path."""
    lines = ["---", f'title: "{title}"']
    if date:
        lines.append(f"date: {date}")
    if author:
        lines.append(f'author: "{author}"')
    if source:
        lines.append(f'source: "{source}"')
    if tags:
        lines.append(f"tags: [{', '.join(tags)}]")
    lines += ["---", "", body, ""]
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_txt(root: Path, rel: str, title: str, body: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


def bump_mtime(path: Path, seconds: int = 5) -> None:
    """Make a rewrite visible to the size+mtime check even within one clock tick."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + seconds * 1_000_000_000))


def engine(corpus: Path, index_dir: Path, **kw: object) -> WhooshSearchEngine:
    return open_engine(corpus, index_dir, "rules", **kw)  # type: ignore[arg-type]


def ids(results: object) -> set[str]:
    return {h.id for h in results.hits}  # type: ignore[attr-defined]


BBC = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc"


def bbc_bodies(limit: int) -> list[tuple[str, str]]:
    """(title, body) of BBC articles, or generated text when the shared data is absent."""
    out: list[tuple[str, str]] = []
    if BBC.is_dir():
        for path in sorted(BBC.glob("*/*.txt")):
            raw = path.read_bytes().decode("utf-8", errors="replace").split("\n", 1)
            if len(raw) == 2 and raw[1].strip():
                out.append((raw[0].strip(), raw[1].strip()))
            if len(out) >= limit:
                return out
    words = (
        "market",
        "council",
        "harbour",
        "export",
        "budget",
        "election",
        "minister",
        "report",
        "shares",
        "growth",
    )
    while len(out) < limit:
        n = len(out)
        body = " ".join(words[(n + i) % len(words)] for i in range(400))
        out.append((f"Generated article {n}", body))
    return out


def add_bulk_words(root: Path, n: int, word: str = "zebraword") -> None:
    """`n` longer articles (BBC text) under bulk/, each with `word` and a unique itemN."""
    for i, (title, body) in enumerate(bbc_bodies(n)):
        write_md(root, f"bulk/{i:04d}.md", title, f"{body}\n\n{word} item{i}")
