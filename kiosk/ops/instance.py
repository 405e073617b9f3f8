"""One kiosk per user session: an exclusive lock on a file in the runtime folder.

The lock is held by an open file for the life of the process, and the operating system lets go of
it when the process ends in any way, so a crash or `kill -9` never blocks the next start. (A file
that merely exists, or a pid written in it, would.) The pid in the file is only for the message.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path
from typing import IO

from kiosk.ops import places

log = logging.getLogger("kiosk.instance")

_WINDOWS_LOCK_OFFSET = 64  # Windows locks bytes: lock one past the pid so it stays readable


class InstanceLock:
    """Held until `release()` or the end of the process. `held` is False when the lock file could
    not be made at all (the kiosk then runs without the guarantee rather than not at all)."""

    def __init__(self, path: Path, file: IO[str] | None) -> None:
        self.path = path
        self._file = file

    @property
    def held(self) -> bool:
        return self._file is not None

    def release(self) -> None:
        if self._file is not None:
            _unlock(self._file)
            self._file.close()
            self._file = None

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire(path: Path | None = None) -> InstanceLock | None:
    """Take the lock; None when another kiosk of this user session holds it."""
    path = path if path is not None else places.lock_path()
    try:
        places.ensure_dir(path.parent)
        file = open(path, "a+", encoding="ascii")  # noqa: SIM115 - kept open while running
    except OSError as exc:
        log.warning("cannot make the lock file %s (%s); not checking for a second kiosk", path, exc)
        return InstanceLock(path, None)
    try:
        _lock(file)
    except OSError:
        file.close()
        return None
    file.seek(0)
    file.truncate()
    file.write(f"{os.getpid()}\n")
    file.flush()
    return InstanceLock(path, file)


def running_pid(path: Path | None = None) -> int | None:
    """The pid written by the kiosk holding the lock, if it can be read."""
    path = path if path is not None else places.lock_path()
    try:
        text = path.read_text(encoding="ascii", errors="replace")[:_WINDOWS_LOCK_OFFSET]
        return int(text.split()[0])
    except (OSError, ValueError, IndexError):
        return None


def already_running_message(path: Path | None = None) -> str:
    pid = running_pid(path)
    return f"Spa Kiosk is already running (pid {pid})." if pid else (
        "Spa Kiosk is already running."
    )


if sys.platform == "win32":
    import msvcrt

    def _lock(file: IO[str]) -> None:
        file.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(file: IO[str]) -> None:
        file.seek(_WINDOWS_LOCK_OFFSET)
        with contextlib.suppress(OSError):
            msvcrt.locking(file.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(file: IO[str]) -> None:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(file: IO[str]) -> None:
        fcntl.flock(file.fileno(), fcntl.LOCK_UN)
