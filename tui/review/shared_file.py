"""Files a Unix group shares: a review store several logins open on one server.

The app runs with umask 077 (everything it writes is private by default), so the modes are set
explicitly rather than left to the umask. The group is the folder's: a setgid folder
(`chmod g+s`) hands its group to new files by itself; otherwise the file is given the folder's
group when the creator belongs to it. SQLite creates the `-wal` and `-shm` companions with the
database file's mode (and, as root, its owner), but with the creator's own group when the folder
is not setgid, so `share_companions` gives them the database's group too. Files someone else
created are never touched.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

FILE_MODE = 0o660
"""Read and write for the owner and the group, nothing for others."""
DIR_MODE = 0o2770
"""A folder made for the store: the group may create the companions, and setgid keeps them
in the group."""


def create_shared(path: Path) -> None:
    """Create `path` (empty) readable and writable by its folder's group only, and its folder
    if missing; a file that already exists is left as it is."""
    parent = path.parent
    if not parent.is_dir():
        parent.mkdir(parents=True, exist_ok=True)
        os.chmod(parent, DIR_MODE)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    except FileExistsError:
        return
    try:
        os.fchmod(fd, FILE_MODE)
        wanted = os.stat(parent).st_gid
        if os.fstat(fd).st_gid != wanted:
            # Not in the folder's group: the file stays in ours.
            with contextlib.suppress(PermissionError):
                os.fchown(fd, -1, wanted)
    finally:
        os.close(fd)


def share_companions(path: Path) -> None:
    """Give `-wal` and `-shm` files this process created the database file's group and mode
    (best effort: a file it cannot change is left for SQLite to report if it matters)."""
    try:
        database = os.stat(path)
    except OSError:
        return
    mode = stat.S_IMODE(database.st_mode) & 0o666
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        try:
            found = os.stat(companion)
            if found.st_uid != os.geteuid():
                continue
            if found.st_gid != database.st_gid:
                os.chown(companion, -1, database.st_gid)
            if stat.S_IMODE(found.st_mode) != mode:
                os.chmod(companion, mode)
        except OSError:
            continue
