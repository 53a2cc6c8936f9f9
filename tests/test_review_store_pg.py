"""The PostgreSQL review store against a real server the test run starts and owns.

`PgCluster` runs initdb and pg_ctl (as the postgres user when the tests run as root, which
PostgreSQL requires) on a temporary folder, a free local port and a socket in that folder.
Tests skip, saying why, only when no PostgreSQL can be started (binaries missing); CI installs
it from Debian's packages (`.ci/run`). `benchmarks/review_store_bench.py` uses it too.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import uuid
from pathlib import Path

import pytest

from tui.review import Mark, ReviewStore, ReviewStoreError, StoreUnavailableError
from tui.review.watch import Subscription

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "s3cret-pw"


class PgCluster:
    """A throwaway PostgreSQL server: TCP on 127.0.0.1 with password (scram), trust on its
    own socket for the superuser's setup work."""

    def __init__(self) -> None:
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        initdb = found[-1] if found else shutil.which("initdb")
        if not initdb:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        self.bin = Path(initdb).parent
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # the server refuses to run as root
            try:
                pwd.getpwnam("postgres")
            except KeyError as exc:
                raise RuntimeError("running as root and no 'postgres' user to run it") from exc
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.dir = Path(tempfile.mkdtemp(prefix="broadsheet-pg-"))
        if self.as_user:
            shutil.chown(self.dir, "postgres")
        self.data = self.dir / "data"
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        pwfile = self.dir / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if self.as_user:
            shutil.chown(pwfile, "postgres")
        self._pg(
            "initdb", "-D", str(self.data), "-U", "postgres", "--pwfile", str(pwfile),
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        self.start()

    def _pg(self, tool: str, *args: str) -> None:
        done = subprocess.run(
            [*self.as_user, str(self.bin / tool), *args], capture_output=True, text=True
        )
        if done.returncode != 0:
            raise RuntimeError(f"{tool} failed: {done.stderr.strip() or done.stdout.strip()}")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=on"
        self._pg("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"),
                 "-w", "start")  # fmt: skip

    def stop(self) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def new_database(self) -> str:
        name = f"marks_{uuid.uuid4().hex[:10]}"
        self.admin(f"CREATE DATABASE {name}")
        return self.url(name)

    def url(self, database: str, password: str = PASSWORD) -> str:
        return f"postgresql://postgres:{password}@127.0.0.1:{self.port}/{database}"

    def remove(self) -> None:
        with contextlib.suppress(RuntimeError):  # already stopped
            self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


_cluster: PgCluster | None = None
_cluster_error = ""


def cluster() -> PgCluster:
    """One server per test run, stopped when the run ends."""
    global _cluster, _cluster_error
    if _cluster is None and not _cluster_error:
        try:
            _cluster = PgCluster()
            atexit.register(_cluster.remove)
        except (RuntimeError, OSError) as exc:
            _cluster_error = str(exc)
    if _cluster is None:
        pytest.skip(f"PostgreSQL cannot start here: {_cluster_error}")
    return _cluster


@pytest.fixture
def pg_url() -> str:
    """A fresh, empty database on the run's server."""
    return cluster().new_database()


WRITER = textwrap.dedent(
    """
    import sys
    from tui.review import ReviewStore
    where, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with ReviewStore(where, reviewer=name) as store:
        for i in range(count):
            store.add_tag("shared.txt", f"{name}-{i}")
            store.set_note(f"{name}/{i}.txt", f"note {i} by {name}")
            store.toggle_reviewed("shared.txt")
            print(i, flush=True)
    """
)


def test_marks_round_trip_with_who_and_when(pg_url: str) -> None:
    with ReviewStore(pg_url, reviewer="ana") as ana, ReviewStore(pg_url, reviewer="bob") as bob:
        assert type(ana).__name__ == "PostgresReviewStore"
        ana.set_flagged("a.txt")
        bob.set_reviewed("a.txt")
        bob.set_tags("b.txt", ["Économie", "trade", "Trade"])
        mark = ana.get("a.txt")
        assert (mark.flagged_by, mark.reviewed_by) == ("ana", ["bob"])
        assert ana.ids_with_tag("ÉCONOMIE") == ["b.txt"]
        assert ana.all_tags() == ["trade", "Économie"]
        assert ana.ids_marked_by("bob") == ["a.txt", "b.txt"]
        assert list(bob.all_marks()) == ["a.txt", "b.txt"]
    assert "s3cret" not in ana.location and ana.location.startswith("postgresql://postgres@")


def test_two_writer_processes_lose_nothing(pg_url: str) -> None:
    ReviewStore(pg_url).close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, pg_url, name, "60"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("ana", "bob")
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert len(out.split()) == 60
    with ReviewStore(pg_url) as store:
        shared = store.get("shared.txt")
        marks = store.all_marks()
    assert sorted(shared.tags) == sorted(f"{n}-{i}" for n in ("ana", "bob") for i in range(60))
    assert shared.reviews == []
    assert all(marks[f"bob/{i}.txt"].note_by == "bob" for i in range(60))


def test_kill_9_while_marking_loses_no_confirmed_mark(pg_url: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, pg_url, "ana", "100000"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    confirmed = [proc.stdout.readline() for _ in range(30)]
    os.kill(proc.pid, signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait()
    done = [int(line) for line in [*confirmed, *rest.splitlines()] if line.strip()]
    with ReviewStore(pg_url) as store:
        marks = store.all_marks()
    assert len(done) >= 30
    for i in done:
        assert marks[f"ana/{i}.txt"].note == f"note {i} by ana"


class Listener:
    """A subscription that records what it hears, and lets a test wait for one article."""

    def __init__(self, store: ReviewStore, wanted: str) -> None:
        self.heard: list[Mark] = []
        self.errors: list[str] = []
        self.arrived = threading.Event()
        self.failed = threading.Event()
        self._wanted = wanted
        self.subscription: Subscription = store.subscribe(self._change, self._error)

    def _change(self, marks: list[Mark]) -> None:
        self.heard.extend(marks)
        if any(m.id == self._wanted for m in self.heard):
            self.arrived.set()

    def _error(self, exc: ReviewStoreError) -> None:
        self.errors.append(str(exc))
        self.failed.set()


def test_another_process_mark_is_notified(pg_url: str) -> None:
    with ReviewStore(pg_url, reviewer="ana") as ana:
        listener = Listener(ana, "bob/0.txt")
        try:
            ana.set_flagged("own.txt")
            subprocess.run([sys.executable, "-c", WRITER, pg_url, "bob", "1"], cwd=ROOT, check=True)
            assert listener.arrived.wait(timeout=30), "no notification of bob's mark"
        finally:
            listener.subscription.close()
    got = {m.id: m for m in listener.heard}
    assert got["bob/0.txt"].note_by == "bob"
    assert "own.txt" not in got


def test_unreachable_server_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nobody listens here once closed
    url = f"postgresql://ana:{PASSWORD}@127.0.0.1:{port}/marks"
    with pytest.raises(StoreUnavailableError) as caught:
        ReviewStore(url)
    message = str(caught.value)
    assert "\n" not in message and PASSWORD not in message
    assert message.startswith(
        f"review store postgresql://ana@127.0.0.1:{port}/marks is unavailable"
    )
    assert "refused" in message.lower()


def test_wrong_password_is_one_line(pg_url: str) -> None:
    bad = pg_url.replace(PASSWORD, "wrong-pw")
    with pytest.raises(StoreUnavailableError) as caught:
        ReviewStore(bad)
    message = str(caught.value)
    assert "password authentication failed" in message
    assert "\n" not in message and "wrong-pw" not in message


def test_a_malformed_url_is_one_line() -> None:
    with pytest.raises(ReviewStoreError) as caught:
        ReviewStore("postgresql://host:notaport/db")
    assert "\n" not in str(caught.value)


def test_newer_schema_is_refused(pg_url: str) -> None:
    ReviewStore(pg_url).close()
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE meta SET value = 99 WHERE key = 'schema'")
    with pytest.raises(ReviewStoreError, match="newer"):
        ReviewStore(pg_url)


def test_killed_connection_between_marks_reconnects(pg_url: str) -> None:
    with ReviewStore(pg_url, reviewer="ana") as store:
        store.set_flagged("a.txt")
        cluster().admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = 'broadsheet'"
        )
        assert store.set_note("a.txt", "after the drop").note == "after the drop"
    with ReviewStore(pg_url) as again:
        assert again.get("a.txt").note == "after the drop"


def test_server_down_fails_the_mark_and_queues_nothing(pg_url: str) -> None:
    server = cluster()
    with ReviewStore(pg_url, reviewer="ana") as store:
        store.set_flagged("before.txt")
        listener = Listener(store, "after.txt")
        try:
            server.stop()
            assert listener.failed.wait(timeout=30), "the watcher did not report the outage"
            try:
                with pytest.raises(StoreUnavailableError) as caught:
                    store.set_flagged("during.txt")
                assert "\n" not in str(caught.value)
                with pytest.raises(StoreUnavailableError):
                    store.all_marks()
            finally:
                server.start()
            # The next call reconnects; the failed mark was not kept to be sent later.
            assert store.get("during.txt").is_empty
            assert store.get("before.txt").flagged
            with ReviewStore(pg_url, reviewer="bob") as bob:
                bob.set_flagged("after.txt")
            assert listener.arrived.wait(timeout=30), "the watcher did not come back"
        finally:
            listener.subscription.close()
        assert [m.id for m in listener.heard if m.id == "after.txt"] == ["after.txt"]
        assert len(listener.errors) == 1  # one report per outage, not one per retry
        assert listener.errors[0].startswith("review store postgresql://postgres@")
        assert "\n" not in listener.errors[0]


def test_server_restart_mid_session_is_survived(pg_url: str) -> None:
    with ReviewStore(pg_url, reviewer="ana") as store:
        store.set_flagged("a.txt")
        cluster().restart()
        assert store.set_reviewed("a.txt").reviewed_by == ["ana"]
        assert store.get("a.txt").flagged
