"""Bytes the app writes to the terminal per keypress: what a slow SSH link has to carry.

Runs the installed `broadsheet` on a pty it owns (and, with --ssh, through `ssh -tt` to a private
sshd on loopback, measuring what arrives at the client's terminal), then presses keys one at a
time and counts the bytes each one caused: start-up, moving through the article list (j, k,
Down) and scrolling a long article (PageDown, j). Prints median / p95 / max bytes per keypress
and the time to the first byte of the redraw.

    python benchmarks/ssh_bandwidth.py                  # local pty, 80x24
    python benchmarks/ssh_bandwidth.py --size 120x40 --ssh --presses 40

Needs the project installed in the running interpreter's environment (`pip install -e .`), and
for --ssh: ssh, sshd and ssh-keygen (as the end-to-end tests). A figure, never a pass/fail.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "e2e"))

from e2e_corpus import write_generated  # noqa: E402
from e2e_flows import READY  # noqa: E402
from e2e_harness import (  # noqa: E402
    Isolation,
    PtyApp,
    Sshd,
    broadsheet_exe,
    remote_app_command,
    run_cli,
)

LONG_TITLE = "A very long report"


def write_corpus(root: Path, articles: int) -> Path:
    """Enough articles that j/k never reach the end, and one article of many pages."""
    write_generated(root, articles)
    paragraph = (
        "The harbour board met again on Tuesday to discuss the state of the eastern quay, "
        "where cracks have appeared in the sea wall, said Amelia Carver, the board's engineer. "
        '"We will need to close two berths for the winter," Carver said. '
    )
    body = "\n\n".join(f"{n}. {paragraph}" for n in range(400))
    (root / "long-report.txt").write_text(f"{LONG_TITLE} zqlongreport\n\n{body}\n", "utf-8")
    return root


def press(app: PtyApp, key: str, quiet: float, first_wait: float) -> tuple[int, float | None]:
    """Send one key; the bytes written in answer and the time to the first of them."""
    start = app.offset()
    sent = time.monotonic()
    app.keys(key, gap=0)
    deadline = sent + first_wait
    first: float | None = None
    while time.monotonic() < deadline:
        if app.offset() > start:
            first = time.monotonic() - sent
            break
        time.sleep(0.002)
    if first is not None:
        app.wait_quiet(quiet, timeout=10)
    return app.offset() - start, first


def summary(name: str, sizes: list[int], latencies: list[float]) -> str:
    sizes_sorted = sorted(sizes)
    p95 = sizes_sorted[min(len(sizes_sorted) - 1, round(0.95 * (len(sizes_sorted) - 1)))]
    lat = f"{statistics.median(latencies) * 1000:7.1f}" if latencies else "      -"
    return (
        f"{name:<22} {len(sizes):>4} {statistics.median(sizes):>9.0f} {p95:>8} "
        f"{max(sizes):>8} {sum(sizes):>10} {lat}"
    )


def measure(app: PtyApp, presses: int, quiet: float) -> list[str]:
    rows: list[str] = []
    t0 = time.monotonic()
    app.wait_for(READY, timeout=120, what="the app ready")
    app.wait_quiet(max(quiet, 0.5), timeout=30)
    startup = app.offset()
    rows.append(
        f"{'start-up (to ready)':<22} {1:>4} {startup:>9} {startup:>8} {startup:>8} "
        f"{startup:>10} {(time.monotonic() - t0) * 1000:7.0f}"
    )

    def run(label: str, keys: list[str]) -> None:
        sizes: list[int] = []
        latencies: list[float] = []
        for key in keys:
            size, first = press(app, key, quiet, first_wait=1.0)
            sizes.append(size)
            if first is not None:
                latencies.append(first)
        rows.append(summary(label, sizes, latencies))

    run("list: j", ["j"] * presses)
    run("list: k", ["k"] * presses)
    run("list: Down", ["Down"] * presses)

    # Open the long article: search for it, then Enter.
    app.keys("/", gap=0.05)
    app.send("zqlongreport")
    app.keys("Enter", gap=0.05)
    app.wait_quiet(0.5, timeout=20)
    size, first = press(app, "Enter", quiet, first_wait=5.0)
    app.wait_for("Carver", timeout=30, what="the long article open")
    app.wait_quiet(quiet, timeout=10)
    rows.append(summary("open article (Enter)", [size], [first] if first else []))

    run("reader: PageDown", ["PageDown"] * presses)
    run("reader: j", ["j"] * presses)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="80x24", help="terminal COLSxROWS (default 80x24)")
    parser.add_argument("--presses", type=int, default=30, help="presses per key (default 30)")
    parser.add_argument("--articles", type=int, default=300, help="list length (default 300)")
    parser.add_argument(
        "--quiet",
        type=float,
        default=0.35,
        help="idle seconds that end one keypress's redraw (above the app's 0.2 s preview delay)",
    )
    parser.add_argument("--ssh", action="store_true", help="also measure through ssh -tt")
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra environment for the app, e.g. TEXTUAL_ANIMATIONS=none (repeatable)",
    )
    args = parser.parse_args()
    cols, rows = (int(x) for x in args.size.lower().split("x"))

    with tempfile.TemporaryDirectory(prefix="broadsheet-bw-") as tmp:
        root = Path(tmp)
        iso = Isolation(root / "iso")
        corpus = write_corpus(root / "corpus", args.articles)
        exe = broadsheet_exe()
        extra = dict(item.split("=", 1) for item in args.env)
        started = time.monotonic()
        run_cli(iso, "index", str(corpus), timeout=600, check=True)
        print(f"indexed {args.articles + 1} articles in {time.monotonic() - started:.1f}s")

        runs: list[tuple[str, list[str]]] = [("local pty", [exe, str(corpus)])]
        sshd: Sshd | None = None
        if args.ssh:
            sshd = Sshd(root / "sshd")
            sshd.start()
            remote = remote_app_command(
                iso, [exe, str(corpus)], root / "remote.pid", extra=extra.items()
            )
            runs.append(("ssh -tt (client terminal)", sshd.ssh_argv(remote)))
        try:
            for name, argv in runs:
                env = iso.env(term="xterm-256color", **extra)
                app = PtyApp(argv, env, cols, rows, cwd=root)
                try:
                    table = measure(app, args.presses, args.quiet)
                    app.keys("q")
                    app.wait_exit(30)
                finally:
                    app.close()
                shown_env = " ".join(["TERM=xterm-256color", *args.env])
                print(f"\n{name}, {cols}x{rows}, {shown_env}")
                print(
                    f"{'keys':<22} {'n':>4} {'median B':>9} {'p95 B':>8} {'max B':>8} "
                    f"{'total B':>10} {'ms 1st':>7}"
                )
                print("\n".join(table))
        finally:
            if sshd is not None:
                sshd.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
