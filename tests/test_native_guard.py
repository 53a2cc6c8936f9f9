"""The compiled rules engine runs only while it is the source it was compiled from.

An install compiles `tui/nlp` with mypyc (`hatch_build.py`) and fingerprints the sources in
`tui/nlp/native.json`; `tui.nlp.native` loads every module from its `.py` instead when a source
was edited since, when there is no fingerprint, or when `BROADSHEET_PURE_PYTHON=1` is set. These
tests run real interpreters on a real copy of the installed package: on a compiled install they
show the `.so` files are used and then given up; on a pure one, that pure Python is used.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tui.nlp import native

ROOT = Path(__file__).resolve().parents[1]
COMPILED = (ROOT / "tui" / "nlp" / "native.json").is_file()
"""Whether this checkout was installed compiled (`pip install -e .` with a C compiler)."""

PROBE = """
import json, sys
import tui.nlp.rules, tui.nlp.quotes.reported, tui.nlp.cues
from tui.nlp import native
files = [m.__file__ for n, m in sys.modules.items() if n.startswith("tui.nlp.")]
print(json.dumps({
    "pure": native.PURE,
    "suffixes": sorted({f.rsplit(".", 1)[1] for f in files}),
    "rules": tui.nlp.rules.__file__,
    "edited": getattr(tui.nlp.cues, "EDITED", None),
}))
"""


def probe(where: Path, **env: str) -> dict[str, object]:
    """Import the engine from the `tui` package under `where` in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=where,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(where), **env},
        capture_output=True,
        text=True,
        check=True,
    )
    found: dict[str, object] = json.loads(out.stdout)
    return found


def copy_install(to: Path) -> Path:
    """The package as installed here, `.so` files and fingerprint included, with the times
    of its files kept (as a copy of a checkout would not: then the sources are hashed)."""
    shutil.copytree(ROOT / "tui", to / "tui", ignore=shutil.ignore_patterns("__pycache__"))
    for shared in ROOT.glob("*__mypyc*.so"):
        shutil.copy2(shared, to)
    return to


def test_the_install_runs_compiled_until_a_source_is_edited(tmp_path: Path) -> None:
    where = copy_install(tmp_path)
    as_installed = probe(where)
    assert as_installed["pure"] is (not COMPILED)
    assert as_installed["suffixes"] == (["py", "so"] if COMPILED else ["py"])
    assert str(as_installed["rules"]).startswith(str(where))

    cues = where / "tui" / "nlp" / "cues.py"
    cues.write_text(cues.read_text(encoding="utf-8") + "\nEDITED = True\n", encoding="utf-8")
    edited = probe(where)
    assert edited["pure"] is True
    assert edited["suffixes"] == ["py"]  # every module: compiled ones call each other directly
    assert edited["edited"] is True


def test_pure_python_asked_at_run_time(tmp_path: Path) -> None:
    found = probe(copy_install(tmp_path), BROADSHEET_PURE_PYTHON="1")
    assert found["pure"] is True
    assert found["suffixes"] == ["py"]


def test_the_fingerprint_vouches_for_unchanged_sources_only(tmp_path: Path) -> None:
    source = tmp_path / "rules.py"
    source.write_text("RULE = 1\n", encoding="utf-8")
    assert not native.compiled_is_current(str(tmp_path))  # no fingerprint: nothing vouched for

    st = source.stat()
    digest = hashlib.blake2b(source.read_bytes(), digest_size=16).hexdigest()
    entry = {"rules.py": [st.st_size, st.st_mtime_ns, digest]}
    (tmp_path / "native.json").write_text(json.dumps({"sources": entry}), encoding="utf-8")
    assert native.compiled_is_current(str(tmp_path))

    os.utime(source, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # touched, same text
    assert native.compiled_is_current(str(tmp_path))

    source.write_text("RULE = 2\n", encoding="utf-8")  # same size, new text
    assert not native.compiled_is_current(str(tmp_path))

    source.unlink()
    assert not native.compiled_is_current(str(tmp_path))
    (tmp_path / "native.json").write_text("{not json", encoding="utf-8")
    assert not native.compiled_is_current(str(tmp_path))
