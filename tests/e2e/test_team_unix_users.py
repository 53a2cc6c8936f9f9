"""Two Unix users of one group review in the real app (tmux, run as each with runuser) on one
shared SQLite store; a third user outside the group cannot read the store.

Needs root (to create the users), as in CI; the users and their group come from the store
tests' fixture (tests/test_review_store_users.py), which removes them afterwards.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import e2e_flows as flows
import pytest
from e2e_corpus import DREDGING, SEARCH_TERM, write_newsroom
from e2e_harness import Isolation, Tmux, require_tool, wait_until

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the Unix users' fixture
from test_review_store_users import OUTSIDER, Team, team  # noqa: F401  (team: a fixture)

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("useradd") or not shutil.which("runuser"),
    reason="creating Unix users needs root with useradd and runuser (CI runs the tests as root)",
)


def app_as(crew: Team, user: str, corpus: Path, store: Path, tmp_path: Path) -> Tmux:
    """The app in its own terminal, run as `user`, with a home of their own."""
    require_tool("tmux")
    home = crew.folder.parent / f"home-{user}"
    home.mkdir(exist_ok=True)
    shutil.chown(home, user)
    config = home / "config.toml"
    config.write_text(f'review_store = "{store}"\n', encoding="utf-8")
    shutil.chown(config, user)
    env = {
        **crew.env,
        "HOME": str(home),
        "BROADSHEET_CONFIG": str(config),
        "BROADSHEET_DATA_DIR": str(home / "data"),
        "BROADSHEET_CACHE_DIR": str(home / "cache"),
        "TERM": "tmux-256color",
        "LC_ALL": "C.UTF-8",
    }
    argv = ["runuser", "-u", user, "--", "env", *(f"{k}={v}" for k, v in env.items())]
    argv += [*crew.python, "-m", "tui.cli", str(corpus)]
    t = Tmux(tmp_path, Isolation(tmp_path / f"iso-{user}").env(term="tmux-256color"))
    t.start(argv, 150, 40)
    flows.wait_ready(t)
    return t


def test_two_users_of_a_group_review_together_and_an_outsider_cannot_read(
    team: Team,  # noqa: F811
    tmp_path: Path,
) -> None:
    ana, bob = team.members
    corpus = write_newsroom(team.folder.parent / "corpus")
    for folder, _, files in os.walk(corpus):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(Path(folder) / name, 0o644)
    store = team.folder / "review.sqlite"
    first = app_as(team, ana, corpus, store, tmp_path)
    second = app_as(team, bob, corpus, store, tmp_path)
    try:
        for t in (first, second):
            flows.search(t, SEARCH_TERM)
            flows.wait_listed(t, DREDGING)
            flows.open_selected(t)
            t.wait_stable(quiet=0.3, timeout=10)
        first.keys("f")
        first.wait_for("⚑ flagged by you", what=f"{ana}'s flag in her app")
        second.wait_for(f"⚑ flagged by {ana}", what=f"{ana}'s flag arriving in {bob}'s app")
        second.keys("r")
        first.wait_for(re.compile(rf"✓ reviewed by {bob}"), what=f"{bob}'s review in {ana}'s app")
        assert first.exit_status() is None and second.exit_status() is None
    finally:
        first.kill()
        second.kill()
        for user in (ana, bob):  # their apps end with their terminals (SIGHUP)
            wait_until(
                lambda user=user: subprocess.run(["pgrep", "-u", user]).returncode != 0,
                f"{user}'s processes to end after their terminal closed",
            )
    info = store.stat()
    assert oct(info.st_mode & 0o777) == oct(0o660)
    outsider = team.run(team.outsider, OUTSIDER, str(store))
    assert outsider.returncode == 0, outsider.stderr
    assert outsider.stdout.startswith("ReviewStoreError: cannot open review marks at")
