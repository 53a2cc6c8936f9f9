"""One module per command-line command; `tui.cli` parses arguments and dispatches here.

Handlers take the parsed `argparse.Namespace` and return an exit status. Expected failures
raise `CommandError`, which `tui.cli` prints as one line on stderr (exit 1), never a traceback.
"""


class CommandError(Exception):
    """An expected failure with a message meant for the user (missing folder, bad query...)."""
