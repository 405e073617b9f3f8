"""The kiosk's own copies of the pictures of the content it shows, named by their contents.

The screens never read the staff's assets folder: a set is checked, each picture it names is
copied here (under the SHA-256 of its bytes, extension kept) and decoded from the copy, and the
set then points at the copies. So the set on screen keeps its pictures while staff swap or empty
the folder (rm -rf and cp -r, rsync --delete), a picture replaced under the same name is a new
file with a new name (Qt's picture cache, keyed by file, cannot show the old one), and nothing
staff put in the folder (a named pipe, a file still being written) is ever opened by the
screen's thread. Copies no set in use names any more are dropped (`drop_unused`).

Copies are made in the content check's helper process, never on the screen's thread. No Qt.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import stat
import tempfile
import threading
import time
from collections.abc import Collection
from pathlib import Path

from kiosk.content.assets import MAX_ASSET_BYTES
from kiosk.ops import places

log = logging.getLogger("kiosk.assetstore")

FOLDER = "asset-copies"
CHUNK = 1024 * 1024
# A copy made (or found already there) this recently is never dropped: the check that made it
# may not have handed its set to the screen yet. Longer than a check may take (checker.py).
KEEP_NEW_SECONDS = 600
_PARTIAL = ".part-"


class NotCopied(Exception):
    """The file cannot be copied (not a regular file, too large, unreadable, store full)."""


def store_dir() -> Path:
    """Where the copies live: in the kiosk's data folder (SPA_KIOSK_DATA_DIR)."""
    return places.data_dir() / FOLDER


def keep(source: Path, store: Path) -> Path:
    """The copy of `source` in `store`, made now unless one with the same bytes is there.

    `source` is opened without waiting (a named pipe or device would otherwise block until
    someone writes to it) and must be a regular file of at most MAX_ASSET_BYTES; the bytes
    hashed are the bytes copied, read once. Raises NotCopied with the reason."""
    try:
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise NotCopied(exc.strerror or str(exc)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotCopied("not a regular file")
        if info.st_size > MAX_ASSET_BYTES:
            raise NotCopied("too large")
        try:
            places.ensure_dir(store)
            handle, partial = tempfile.mkstemp(prefix=_PARTIAL, dir=store)
        except OSError as exc:
            raise NotCopied(f"cannot write in {store}: {exc.strerror or exc}") from exc
        try:
            digest = _copy(fd, handle)
            target = store / (digest + source.suffix.lower())
            if target.is_file():
                os.utime(target)  # in use again: not dropped as old (KEEP_NEW_SECONDS)
            else:
                os.replace(partial, target)
                partial = ""
            return target
        except OSError as exc:
            raise NotCopied(f"cannot copy into {store}: {exc.strerror or exc}") from exc
        finally:
            if partial:
                with contextlib.suppress(OSError):
                    os.unlink(partial)
    finally:
        os.close(fd)


def _copy(source: int, handle: int) -> str:
    """Copy from the open `source` into `handle` (closed after), at most MAX_ASSET_BYTES;
    the SHA-256 of the bytes copied, in hex."""
    digest = hashlib.sha256()
    copied = 0
    with os.fdopen(handle, "wb") as target:
        while chunk := os.read(source, CHUNK):
            copied += len(chunk)
            if copied > MAX_ASSET_BYTES:  # grew while being copied
                raise NotCopied("too large")
            digest.update(chunk)
            target.write(chunk)
    return digest.hexdigest()


def drop_unused(
    store: Path, in_use: Collection[Path], keep_new_seconds: float = KEEP_NEW_SECONDS
) -> int:
    """Remove the copies in `store` that no set in use names (`in_use`) and that were not made
    or used in the last `keep_new_seconds`. How many were removed; never raises."""
    keep_paths = {str(path) for path in in_use}
    old = time.time() - keep_new_seconds
    removed = 0
    try:
        entries = list(os.scandir(store))
    except OSError:
        return 0
    for entry in entries:
        try:
            if entry.path in keep_paths or not entry.is_file(follow_symlinks=False):
                continue
            if entry.stat(follow_symlinks=False).st_mtime >= old:
                continue
            os.unlink(entry.path)
            removed += 1
        except OSError:
            continue  # gone already, or not ours to remove: the next tidy-up tries again
    if removed:
        log.info("dropped %d picture copies no content set uses any more", removed)
    return removed


def drop_unused_soon(in_use: Collection[Path]) -> None:
    """drop_unused on the kiosk's store, in a thread of its own (never the screen's)."""
    threading.Thread(
        target=drop_unused, args=(store_dir(), frozenset(in_use)), name="drop-copies", daemon=True
    ).start()
