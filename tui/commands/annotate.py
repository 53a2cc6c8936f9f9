"""`broadsheet annotate PATH...`: the annotation of each file, for people and for scripts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.commands.output import write_json_line

if TYPE_CHECKING:  # imported where used, so other commands and --help do not load the NLP
    from rich.console import Console

    from tui.model import Annotations, Article
    from tui.nlp import Extractor


def warn(message: str) -> None:
    """One unwrapped line on stderr, safe for the terminal whatever the file name holds."""
    from tui.ingest import safe_text

    sys.stderr.write(f"broadsheet: {safe_text(message)}\n")


def pick_extractor(name: str) -> Extractor:
    """The requested engine, or the rules engine with a one-line notice when it cannot run."""
    from tui.nlp import EngineUnavailable, get_extractor

    try:
        return get_extractor(name)
    except EngineUnavailable as exc:
        warn(f"{exc}; using the rules engine")
        return get_extractor("rules")


def record(path: str, article: Article, ann: Annotations) -> dict[str, Any]:
    """The `annotate --json` contract of DESIGN.md for one article. `captions` (spans of photo
    captions in `text`) was added after the first contract: fields are added, never renamed."""
    return {
        "path": path,
        "title": article.title,
        "date": article.date,
        "author": article.author,
        "source": article.source,
        "section": article.section,
        "text": article.text,
        "entities": [e.model_dump() for e in ann.entities],
        "quotes": [q.model_dump() for q in ann.quotes],
        "captions": [{"start": c.start, "end": c.end} for c in article.captions],
    }


def run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from tui.config import load_settings
    from tui.ingest import read_file, read_plain

    out = Console(highlight=False)
    extractor = pick_extractor(args.engine or load_settings().engine)
    status = 0
    for given in args.paths:
        path = Path(given)
        if not path.is_file():
            what = "no such file" if not path.exists() else "not a file"
            warn(f"{given}: {what}")
            status = 1
            continue
        root = path.parent
        result = read_plain(path, root) if args.plain else read_file(path, root)
        for problem in result.problems:
            warn(f"{given}: {problem.reason}")
            status = 1
        many = len(result.articles) > 1
        for article in result.articles:
            ann = extractor.annotate(article.text, title=article.title, captions=article.captions)
            shown = f"{given}#{article.id.rsplit('#', 1)[-1]}" if many else given
            if args.json:
                write_json_line(record(shown, article, ann))
            else:
                show(out, shown, article, ann)
    return status


def show(out: Console, path: str, article: Article, ann: Annotations) -> None:
    """A human reading of one annotation: metadata, entities by label, quotes by speaker."""
    from rich.text import Text

    from tui.ingest import safe_text

    head = Text(safe_text(article.title or path), style="bold")
    out.print(head)
    meta = [f"{k}: {safe_text(v)}" for k, v in _meta(article) if v]
    meta.insert(0, f"path: {safe_text(path)}")
    out.print(Text("  ".join(meta), style="dim"))
    by_label: dict[str, dict[str, int]] = {}
    for ent in ann.entities:
        counts = by_label.setdefault(ent.label, {})
        counts[ent.canonical] = counts.get(ent.canonical, 0) + 1
    for label in sorted(by_label):
        names = ", ".join(
            f"{safe_text(name)} ×{n}" if n > 1 else safe_text(name)
            for name, n in sorted(by_label[label].items(), key=lambda kv: (-kv[1], kv[0]))
        )
        line = Text.assemble((f"{label:<8} ", "bold"), names)
        out.print(line)
    for quote in ann.quotes:
        who = safe_text(quote.shown_speaker() or "unknown speaker")
        said = safe_text(quote.spoken())
        if quote.kind == "indirect":
            said = f"(reported) {said}"
        line = Text.assemble("  ", said, ("  — ", "dim"), (who, "bold"))
        out.print(line)
    out.print()


def _meta(article: Article) -> list[tuple[str, str | None]]:
    return [
        ("date", article.date),
        ("author", article.author),
        ("source", article.source),
        ("section", article.section),
    ]


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "annotate",
        help="print entities and quotes found in files",
        description="Print the entities and quotes of each file "
        "(one JSON object a line with --json).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--plain", action="store_true", help="take each file as body text exactly as is")
    p.add_argument("--json", action="store_true", help="one JSON object per article, one a line")
    p.add_argument("--engine", choices=("rules", "spacy"), default=None)
    p.set_defaults(handler=run)
