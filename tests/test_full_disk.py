"""A full disk, on a real (small) tmpfs: searching goes on, writing says so in one line.

Hostile round 2. The tests mount a 4 MB tmpfs for the index (root, and a kernel that allows
it, as on the CI machine); elsewhere they skip and say why.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_search_helpers import write_md

ENV_KEEP = ("PATH", "HOME", "LANG", "LC_ALL", "PYTHONPATH")


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> None:
    """Write a file until the disk has no space left."""
    chunk = b"\0" * 65536
    with open(disk / "filler", "wb") as f:
        try:
            while True:
                f.write(chunk)
                f.flush()
        except OSError:
            pass


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: os.environ[k] for k in ENV_KEEP if k in os.environ}
    env["BROADSHEET_CONFIG"] = str(tmp_path / "no-config.toml")
    env["BROADSHEET_DATA_DIR"] = str(tmp_path / "data")
    env["COLUMNS"] = "200"
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def _corpus(root: Path, n: int) -> None:
    for i in range(n):
        write_md(root, f"news/{i:03d}.md", f"Harbour story {i}", "Quayside cranes idle again.")


def test_search_answers_from_a_whole_index_when_the_disk_is_full(
    tmp_path: Path, small_disk: Path
) -> None:
    root = tmp_path / "corpus"
    _corpus(root, 20)
    index = small_disk / "index"
    built = _cli(tmp_path, "index", str(root), "--index-dir", str(index))
    assert built.returncode == 0, built.stderr
    _fill(small_disk)
    write_md(root, "news/late.md", "Late story", "Quayside cranes move.")  # the index is behind
    got = _cli(tmp_path, "search", str(root), "quayside", "--index-dir", str(index), "--json")
    assert got.returncode == 0, got.stderr
    assert len(got.stdout.splitlines()) == 20
    assert f"no space left on {small_disk} while writing the index" in got.stderr
    assert "searching the index as it is" in got.stderr
    assert "Traceback" not in got.stderr


def test_first_build_on_a_full_disk_says_so_in_one_line(tmp_path: Path, small_disk: Path) -> None:
    root = tmp_path / "corpus"
    _corpus(root, 400)  # more than the disk holds once annotated and indexed
    st = os.statvfs(small_disk)
    (small_disk / "filler").write_bytes(b"\0" * (st.f_bavail * st.f_frsize - 100_000))
    got = _cli(tmp_path, "index", str(root), "--index-dir", str(small_disk / "index"))
    assert got.returncode != 0
    assert "Traceback" not in got.stderr
    lines = [line for line in got.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"broadsheet: no space left on {small_disk} ")
    # The disk is freed: the next run finishes the index, keeping what was committed.
    (small_disk / "filler").unlink()
    index = str(small_disk / "index")
    again = _cli(tmp_path, "index", str(root), "--index-dir", index)
    assert again.returncode == 0, again.stderr
    found = _cli(tmp_path, "search", str(root), "quayside", "--index-dir", index)
    assert found.returncode == 0 and "of 400 results" in found.stdout
