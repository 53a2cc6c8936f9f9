"""The gazetteer's tables are kept in the cache folder so worker processes start quickly: the
kept copy must be the tables themselves, read by the next start (also when the engine is
compiled), and a damaged copy must be rebuilt, never trusted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from tui.nlp import gazetteer
g = gazetteer.gazetteer()
print(len(g.places), len(g.given_names), len(g.surnames), len(g.male_names), g.places.get("paris"))
print(gazetteer._cache_file())
"""


def probe(cache: Path) -> tuple[str, Path]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={"BROADSHEET_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return out[0], Path(out[1])


def test_kept_tables_are_the_built_ones_and_a_damaged_copy_is_rebuilt(tmp_path: Path) -> None:
    built, kept = probe(tmp_path)
    assert kept.parent == tmp_path and kept.is_file()
    assert oct(kept.stat().st_mode & 0o777) == "0o600"
    assert built.split()[0] != "0"
    written = kept.stat()
    again, _ = probe(tmp_path)  # loaded from the kept copy, not built and written again
    assert again == built
    assert (kept.stat().st_ino, kept.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)

    kept.write_bytes(b"\x80\x05not a pickle at all")
    repaired, _ = probe(tmp_path)
    assert repaired == built
    assert kept.read_bytes()[:2] == b"\x80\x05" and len(kept.read_bytes()) > 10_000
