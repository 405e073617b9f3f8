"""How a content folder looks on disk (name, modification time and size of every file), to see
cheaply whether anything changed since the content was last read."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.content.result import ASSETS_FOLDER, FILE_NAMES

Fingerprint = tuple[tuple[str, int, int], ...]
MAX_ASSET_FILES = 5000


def fingerprint(folder: Path) -> Fingerprint:
    """Name, modification time and size of the four files and everything under assets/.

    Plain strings, not `Path`s, for the assets: this runs before the first frame and then
    once a second for live reload (0.7 instead of 1.8 ms for the built-in content here)."""
    entries = [_stat(str(folder / name), name) for name in FILE_NAMES]
    assets = os.path.join(folder.parent, ASSETS_FOLDER)
    start = len(assets) + len(os.sep)
    for root, _dirs, files in os.walk(assets):
        for file in sorted(files):
            path = os.path.join(root, file)
            entries.append(_stat(path, path[start:]))
            if len(entries) > MAX_ASSET_FILES:
                return tuple(entries)
    return tuple(sorted(entries))


def _stat(path: str, name: str) -> tuple[str, int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (name, -1, -1)
    return (name, info.st_mtime_ns, info.st_size)
