"""Run the compiled rules engine only while it is the source it was compiled from.

An install compiles most of `tui.nlp` with mypyc (`hatch_build.py`); the `.so` files sit beside
the `.py` files and Python prefers them. After an editable install a developer edits a rule and
re-runs the tests: the `.so` would silently run the old rule. So this module, imported first by
`tui/nlp/__init__.py`, compares each compiled source with the fingerprint the install wrote
(`native.json`) and, when one differs, when there is no fingerprint, or when
`BROADSHEET_PURE_PYTHON=1` is set, puts a finder first on `sys.meta_path` that loads every
`tui.nlp` module from its `.py`. All or nothing: compiled modules call each other directly, so
one pure module among compiled ones would still not run its edit. `pip install -e .` compiles
the edits and writes a new fingerprint.

Cheap, as it runs in every process: one small JSON file and a `stat` per source (size and
modification time, the check Python itself makes for its `.pyc` files); only a source whose
`stat` differs (a copy or a `touch` changes the time, not the text) is read and hashed. It
imports nothing that costs (`importlib.abc` alone would pull in pathlib and tempfile).
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

HERE = os.path.dirname(os.path.abspath(__file__))


def pure_python_asked() -> bool:
    """`BROADSHEET_PURE_PYTHON` set to anything but empty or `0` (the install reads it too)."""
    return os.environ.get("BROADSHEET_PURE_PYTHON", "") not in ("", "0")


def compiled_is_current(folder: str = HERE) -> bool:
    """Whether `folder/native.json` exists and every source it lists is unchanged."""
    try:
        with open(os.path.join(folder, "native.json"), encoding="utf-8") as fh:
            sources = json.load(fh)["sources"]
        for name, (size, mtime_ns, digest) in sources.items():
            path = os.path.join(folder, name)
            st = os.stat(path)
            if (st.st_size, st.st_mtime_ns) == (size, mtime_ns):
                continue
            from hashlib import blake2b

            with open(path, "rb") as fh:
                if blake2b(fh.read(), digest_size=16).hexdigest() != digest:
                    return False
    except (OSError, ValueError, KeyError, TypeError):  # missing, unreadable or malformed
        return False
    return True


class PurePythonFinder:
    """Finds `tui.nlp` modules as their `.py` files, never as compiled extensions (an entry of
    `sys.meta_path`: any object with this `find_spec`)."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if not fullname.startswith("tui.nlp.") or not path:
            return None
        leaf = fullname.rpartition(".")[2]
        for folder in path:
            source = os.path.join(folder, f"{leaf}.py")
            if os.path.isfile(source):
                from importlib.util import spec_from_file_location

                return spec_from_file_location(fullname, source)
        return None  # a package (its __init__.py is never compiled): the usual finders


PURE = pure_python_asked() or not compiled_is_current()
"""Whether this process runs `tui.nlp` as pure Python."""

if PURE and not any(isinstance(f, PurePythonFinder) for f in sys.meta_path):
    sys.meta_path.insert(0, PurePythonFinder())
