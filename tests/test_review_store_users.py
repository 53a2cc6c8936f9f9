"""Two Unix users in one group share a SQLite review store; a third user outside cannot read it.

Real users: the test creates them (useradd) and runs Broadsheet's store as each (runuser), so
it needs root, as in CI. The folder is group-owned but deliberately *not* setgid, the harder
case: the WAL companions must still end up in the group.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("useradd") or not shutil.which("runuser"),
    reason="creating Unix users needs root with useradd and runuser (CI runs the tests as root)",
)


@dataclass
class Team:
    group: str
    members: tuple[str, str]
    outsider: str
    folder: Path
    python: list[str]
    env: dict[str, str]

    def run(self, user: str, code: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                "runuser",
                "-u",
                user,
                "--",
                "env",
                *(f"{k}={v}" for k, v in self.env.items()),
                *self.python,
                "-c",
                textwrap.dedent(code),
                *args,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )


def _python_for(user: str) -> tuple[list[str], dict[str, str]]:
    """The test's interpreter if other users can run it; else the system's Python of the same
    version on the same installed packages (a venv made from a Python under /root, which other
    users cannot enter, as on a developer's machine)."""
    probe = ["-c", "import tui.review, pydantic"]
    if (
        subprocess.run(
            ["runuser", "-u", user, "--", sys.executable, *probe], cwd=ROOT, capture_output=True
        ).returncode
        == 0
    ):
        return [sys.executable], {}
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    system = shutil.which(version, path="/usr/bin:/usr/local/bin")
    env = {"PYTHONPATH": f"{ROOT}:{sysconfig.get_paths()['purelib']}"}
    if (
        system
        and subprocess.run(
            [
                "runuser",
                "-u",
                user,
                "--",
                "env",
                *(f"{k}={v}" for k, v in env.items()),
                system,
                *probe,
            ],
            cwd=ROOT,
            capture_output=True,
        ).returncode
        == 0
    ):
        return [system], env
    pytest.skip(f"no Python {version} that the test users may run (the venv's lives under /root)")


@pytest.fixture(scope="module")
def team() -> Iterator[Team]:
    tag = uuid.uuid4().hex[:6]  # unique per use: another module may make its own team
    group, ana, bob, carol = (f"bs{n}{tag}" for n in ("team", "ana", "bob", "carol"))
    made: list[tuple[str, str]] = []
    base = Path(tempfile.mkdtemp(prefix="broadsheet-users-", dir="/tmp"))
    try:
        subprocess.run(["groupadd", group], check=True)
        made.append(("groupdel", group))
        for user, extra in ((ana, ["-G", group]), (bob, ["-G", group]), (carol, [])):
            subprocess.run(["useradd", "-M", "-s", "/bin/sh", *extra, user], check=True)
            made.append(("userdel", user))
        os.chmod(base, 0o711)
        folder = base / "srv-news"
        folder.mkdir()
        shutil.chown(folder, group=group)
        os.chmod(folder, 0o770)
        python, env = _python_for(ana)
        env |= {"BROADSHEET_CONFIG": "/nonexistent/config.toml", "BROADSHEET_DATA_DIR": str(base)}
        yield Team(group, (ana, bob), carol, folder, python, env)
    finally:
        shutil.rmtree(base, ignore_errors=True)
        for command, name in reversed(made):
            # -f: a process of the user still ending must not leave the user behind.
            force = ["-f"] if command == "userdel" else []
            subprocess.run([command, *force, name], capture_output=True)


MARK = """
    import os, sys
    os.umask(0o077)  # as `broadsheet` runs
    from tui.review.location import open_store_at
    store = open_store_at(sys.argv[1])
    store.set_flagged(sys.argv[2])
    store.add_tag("shared.txt", sys.argv[2])
    print(sorted((m.id, m.flagged_by) for m in store.all_marks().values() if m.flagged))
    print(sorted((t, s.by) for t, s in store.get("shared.txt").tag_stamps.items()))
    input()  # keep the store open, as an app would be, while the other user marks
"""


OUTSIDER = """
    import sys
    from tui.review import ReviewStoreError
    from tui.review.location import open_store_at
    try:
        open_store_at(sys.argv[1]).all_marks()
    except ReviewStoreError as exc:
        print(f"ReviewStoreError: {exc}")
"""


def test_group_members_share_marks_and_an_outsider_cannot_read(team: Team) -> None:
    ana, bob = team.members
    db = team.folder / "marks.sqlite"
    # Ana keeps her store open (so its -wal and -shm stay, created by her) while Bob marks.
    first = subprocess.Popen(
        [
            "runuser",
            "-u",
            ana,
            "--",
            "env",
            *(f"{k}={v}" for k, v in team.env.items()),
            *team.python,
            "-c",
            textwrap.dedent(MARK),
            str(db),
            "by-ana.txt",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert first.stdout is not None and first.stdin is not None
    ana_saw = first.stdout.readline()
    second = team.run(bob, MARK.replace("input()", "pass"), str(db), "by-bob.txt")
    first.stdin.write("\n")
    first.stdin.close()
    first.wait(timeout=60)
    assert first.returncode == 0, first.stderr.read() if first.stderr else ""
    assert second.returncode == 0, second.stderr
    assert ana_saw.strip() == str([("by-ana.txt", ana)])
    bob_saw = second.stdout.splitlines()
    assert bob_saw[0] == str(sorted([("by-ana.txt", ana), ("by-bob.txt", bob)]))
    assert bob_saw[1] == str(sorted([("by-ana.txt", ana), ("by-bob.txt", bob)]))

    # Ana reads Bob's marks back in a new session.
    again = team.run(ana, MARK.replace("input()", "pass"), str(db), "by-ana.txt")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0] == bob_saw[0]

    # The file belongs to the group, and nobody else may read it.
    info = db.stat()
    assert oct(info.st_mode & 0o777) == oct(0o660)
    assert info.st_gid == int(
        subprocess.check_output(["getent", "group", team.group], text=True).split(":")[2]
    )

    outsider = team.run(team.outsider, OUTSIDER, str(db))
    assert outsider.returncode == 0, outsider.stderr
    assert outsider.stdout.startswith("ReviewStoreError: cannot open review marks at")
    assert "permission denied" in outsider.stdout
    peek = team.run(team.outsider, "print(open(__import__('sys').argv[1], 'rb').read(16))", str(db))
    assert peek.returncode != 0 and "PermissionError" in peek.stderr
