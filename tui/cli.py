"""The `broadsheet` command: opens the app, or runs one of the engine's commands.

`broadsheet [CORPUS]` opens the app; `broadsheet COMMAND ...` runs a command. The first word
decides which, so a corpus folder named like a command is opened as `./index`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from tui.commands import CommandError

COMMANDS = ("index", "search", "annotate", "export", "review-store", "marks")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (plus the usage) and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"broadsheet: {message}\n")
        raise SystemExit(2)


class _Version(argparse.Action):
    """`--version`, looking the version up only when asked (it costs a metadata lookup)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "show program's version number and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from tui import __version__

        formatter = parser._get_formatter()  # as argparse's own "version" action prints it
        formatter.add_text(f"broadsheet {__version__}")
        parser._print_message(formatter.format_help(), sys.stdout)
        parser.exit()


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or with `only` just that command's: a script calling
    `broadsheet search` in a loop should not pay for importing every other command's module
    (the export command's alone cost about 0.1 s)."""
    parser = _Parser(
        prog="broadsheet",
        description="Read, search and review a folder of news articles in the terminal.",
        epilog="Run `broadsheet [CORPUS]` with no command to open the app "
        "(no CORPUS: the bundled sample corpus).",
    )
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    if only in (None, "annotate"):
        from tui.commands import annotate

        annotate.add_parser(sub)
    for name in ("index", "search", "export"):
        if only not in (None, name):
            continue
        module = _optional_command(name)
        if module is not None:
            module.add_parser(sub)
    if only in (None, "review-store"):
        _add_review_store_parser(sub)
    if only in (None, "marks"):
        _add_marks_parser(sub)
    return parser


def _add_review_store_parser(sub: Any) -> None:
    """`broadsheet review-store migrate FROM TO` (the work is in `tui.review.migrate`)."""
    store = sub.add_parser("review-store", help="manage where review marks are kept")
    actions = store.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    migrate = actions.add_parser(
        "migrate",
        help="copy marks from one store to another (again, or back: nothing is lost)",
        description="Copy review marks, with who made them and when, between stores. FROM and "
        "TO are each 'private' (your own store for --corpus), 'corpus' (beside --corpus), a "
        "path to a SQLite file, or a postgresql:// URL. Marks are merged, never deleted.",
    )
    migrate.add_argument("source", metavar="FROM")
    migrate.add_argument("target", metavar="TO")
    migrate.add_argument("--corpus", help="the corpus 'private' and 'corpus' refer to")

    def handler(args: argparse.Namespace) -> int:
        from pathlib import Path

        from tui.review.migrate import migrate as run

        return run(args.source, args.target, Path(args.corpus) if args.corpus else None)

    migrate.set_defaults(handler=handler)


def _add_marks_parser(sub: Any) -> None:
    """`broadsheet marks move OLD NEW` (the work is in `tui.review.moved`)."""
    marks = sub.add_parser("marks", help="manage review marks of a moved or renamed corpus")
    actions = marks.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    move = actions.add_parser(
        "move",
        help="carry review marks from a corpus's old folder to its new one",
        description="Copy the review marks of corpus OLD (a folder that was moved or renamed; "
        "it need not exist any more) to corpus NEW, with who made them and when. A mark is "
        "carried when its article is in NEW at the same path with the same content; the "
        "others are listed. Marks are merged, never deleted, so it can be run again.",
    )
    move.add_argument("old", metavar="OLD", help="the corpus folder's old path")
    move.add_argument("new", metavar="NEW", help="the corpus folder now")
    move.add_argument(
        "--by-path",
        action="store_true",
        help="also carry marks whose article changed (matched by path alone)",
    )

    def handler(args: argparse.Namespace) -> int:
        from tui.review.moved import run_move

        return run_move(args.old, args.new, by_path=args.by_path)

    move.set_defaults(handler=handler)


def _optional_command(name: str):  # type: ignore[no-untyped-def]
    """Commands whose engine may not be built yet are added when their module exists."""
    import importlib

    try:
        return importlib.import_module(f"tui.commands.{name}")
    except ModuleNotFoundError:
        return None


def build_app_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="broadsheet",
        description="Open the reader on CORPUS (default: the bundled sample corpus). "
        f"Commands: {', '.join(COMMANDS)} (see `broadsheet COMMAND --help`).",
    )
    parser.add_argument("--version", action=_Version)
    parser.add_argument("corpus", nargs="?", help="folder of articles")
    parser.add_argument("--index-dir", help="where the index lives (default: user cache dir)")
    parser.add_argument("--engine", choices=("rules", "spacy"), default=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Everything Broadsheet writes (index, review marks and notes, history, exports) is the
    # user's own: private whatever the umask it was started with (with 000, world-writable).
    os.umask(0o077)
    args_in = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_in and (args_in[0] in COMMANDS or args_in[0] in ("-h", "--help")):
            only = args_in[0] if args_in[0] in COMMANDS else None
            args = build_parser(only).parse_args(args_in)
            if args.command is None:
                build_parser().print_help()
                return 0
            return int(args.handler(args))
        args = build_app_parser().parse_args(args_in)
        from tui.commands import open_app

        return int(open_app.run(args))
    except CommandError as exc:
        sys.stderr.write(f"broadsheet: {exc}\n")
        return 1
    except ValueError as exc:
        # Settings are read only where a command needs them (a search given --index-dir never
        # does, nor pays for importing them): a settings error exists only once they were.
        config = sys.modules.get("tui.config")
        if config is None or not isinstance(exc, config.SettingsError):
            raise
        sys.stderr.write(f"broadsheet: settings: {exc}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("broadsheet: interrupted\n")
        return 130
    except BrokenPipeError:
        # `broadsheet search ... | head`: the reader went away; that is not an error.
        return 0


if __name__ == "__main__":
    sys.exit(main())
