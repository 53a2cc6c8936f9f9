"""The core (ingest, nlp, search, review) must work from a script without the interface."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "tui.model",
    "tui.config",
    "tui.settings",
    "tui.ingest",
    "tui.nlp",
    "tui.search",
    "tui.review",
]


def test_core_packages_never_import_textual() -> None:
    # A fresh interpreter, so modules imported by other tests cannot hide an import.
    code = (
        "import sys\n"
        f"for name in {CORE!r}:\n"
        "    __import__(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')"
        " or m.startswith('tui.app'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"core imported: {out}"
