"""Compile the rules engine (`tui/nlp`) with mypyc when the package is built or installed.

Why: the rules engine annotates every article at index time and is pure Python; compiled by
mypyc, the same source runs about 1.4 times as fast with byte-identical output. Nothing is
asked of the user: `pip install .`, `pip wheel .` and `pip install -e .` all compile when a C
compiler and Python's headers are there, and install pure Python, with a warning, when they
are not (or when `BROADSHEET_PURE_PYTHON=1` is set at install).

How, and why so:
- mypyc and setuptools run in a subprocess started in an empty temporary folder: from the
  project folder they would read its pyproject.toml, whose `license = "MIT"` older setuptools
  rejects and whose `[tool.mypy]` is meant for type checking, not for compiling.
- A wheel gets the compiled `.so` files beside the sources (and is tagged for this Python and
  platform). An editable install serves the source tree itself, so the `.so` files are copied
  into it (they are gitignored). Either way `tui/nlp/native.json` records a fingerprint of each
  compiled source; `tui/nlp/native.py` loads pure Python instead when a source no longer
  matches it (a developer edited a rule after installing), so a stale `.so` never runs.
- mypyc's shared library (`<hash>__mypyc*.so`) stays at the top level (mypyc's default group):
  naming a group inside the package gives the modules wrong `__file__`s.
- Left pure: the packages' `__init__.py`, `extractor.py` (mypyc: "Inheriting from most builtin
  types is unimplemented", its `EngineUnavailable(RuntimeError)`), `spacy_engine.py` (the
  optional engine, whose time is spaCy's own) and the guard `native.py` itself, which must run
  before anything compiled is imported.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PURE = ("__init__.py", "extractor.py", "spacy_engine.py", "native.py")

COMPILE = """
import sys
from mypyc.build import mypycify
from setuptools import setup

out, sources = sys.argv[1], sys.argv[2:]
setup(
    name="broadsheet-native",
    ext_modules=mypycify(["--ignore-missing-imports", *sources]),
    script_args=["build_ext", "--build-lib", out, "--build-temp", "tmp"],
)
"""


def pure_python_asked() -> bool:
    """`BROADSHEET_PURE_PYTHON=1` (anything but empty or 0): do not compile (the guard in
    `tui/nlp/native.py` reads the same variable at run time)."""
    return os.environ.get("BROADSHEET_PURE_PYTHON", "") not in ("", "0")


def fingerprint(package: Path, sources: list[Path]) -> str:
    """`native.json`: each compiled source's size, modification time and blake2b digest,
    taken before compiling, so an edit made while compiling also counts as an edit."""
    entries = {}
    for source in sources:
        st = source.stat()
        digest = hashlib.blake2b(source.read_bytes(), digest_size=16).hexdigest()
        entries[source.relative_to(package).as_posix()] = [st.st_size, st.st_mtime_ns, digest]
    return json.dumps({"sources": entries}, indent=1, sort_keys=True) + "\n"


class CustomBuildHook(BuildHookInterface):
    """Compiles `tui/nlp` for the wheel target (standard and editable builds)."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        package = root / "tui" / "nlp"
        editable = version == "editable"
        if editable:  # whatever happens below, no .so of an earlier install may stay
            remove_native(root)
        if pure_python_asked():
            self.app.display_info("BROADSHEET_PURE_PYTHON is set: tui/nlp stays pure Python")
            return
        sources = sorted(p for p in package.rglob("*.py") if p.name not in PURE)
        stamp = fingerprint(package, sources)
        self._work = tempfile.mkdtemp(prefix="broadsheet-mypyc-")
        out = Path(self._work) / "out"
        run = subprocess.run(
            [sys.executable, "-c", COMPILE, str(out), *map(str, sources)],
            cwd=self._work,
            capture_output=True,
            text=True,
        )
        built = sorted(out.rglob("*.so")) if run.returncode == 0 else []
        if len(built) != len(sources) + 1:  # one per module, and mypyc's shared library
            tail = "\n".join((run.stdout + run.stderr).strip().splitlines()[-15:])
            self.app.display_warning(
                f"Compiling tui/nlp with mypyc failed; installing pure Python (slower, same"
                f" output).\n{tail}"
            )
            return
        (out / "native.json").write_text(stamp, encoding="utf-8")
        targets = {so: so.relative_to(out).as_posix() for so in built}
        targets[out / "native.json"] = "tui/nlp/native.json"
        if editable:
            for source, target in targets.items():
                shutil.copy2(source, root / target)
        else:
            build_data["force_include"].update({str(s): t for s, t in targets.items()})
            build_data["pure_python"] = False
            build_data["infer_tag"] = True
        self.app.display_info(f"Compiled {len(sources)} modules of tui/nlp with mypyc")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_work", None):
            shutil.rmtree(self._work, ignore_errors=True)


def remove_native(root: Path) -> None:
    """Take out what an earlier editable install compiled: the fingerprint first, so that
    nothing half-removed is ever vouched for."""
    (root / "tui" / "nlp" / "native.json").unlink(missing_ok=True)
    for so in [*root.glob("tui/nlp/**/*.so"), *root.glob("*__mypyc*.so")]:
        so.unlink()
