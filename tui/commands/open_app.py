"""`broadsheet [CORPUS]`: open the reader app."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.commands import CommandError
from tui.config import sample_corpus


def resolve_corpus(given: str | None) -> Path:
    """The corpus folder to open, or a one-line reason it cannot be opened."""
    corpus = Path(given).expanduser() if given else sample_corpus()
    if not corpus.exists():
        raise CommandError(f"{given}: no such folder")
    if not corpus.is_dir():
        raise CommandError(f"{given}: not a folder")
    return corpus.resolve()


def run(args: argparse.Namespace) -> int:
    corpus = resolve_corpus(args.corpus)
    # A full-screen app on a pipe or a file would wait forever for keys, or fill it with
    # escape codes: say so at once (scripts have `search`, `annotate` and `export`).
    for stream, name in ((sys.stdin, "input"), (sys.stdout, "output")):
        if stream is None or not stream.isatty():
            sys.stderr.write(
                f"broadsheet: the reader needs a terminal, and standard {name} is not one "
                "(for scripts: broadsheet search, annotate or export)\n"
            )
            return 2
    try:
        from tui.app.main import StartError, run_app
    except ModuleNotFoundError as exc:
        raise CommandError(f"the reader app is not available in this build ({exc})") from exc
    try:
        return run_app(corpus, index_dir=args.index_dir, engine=args.engine)
    except StartError as exc:
        raise CommandError(str(exc)) from exc
