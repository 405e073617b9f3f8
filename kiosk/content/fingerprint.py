"""How a content folder looks on disk (name, modification time and size of every file), to see
cheaply whether anything changed since the content was last read."""

from __future__ import annotations

import os
from pathlib import Path

from kiosk.content.result import ASSETS_FOLDER, FILE_NAMES

Fingerprint = tuple[tuple[str, int, int], ...]
MAX_ASSET_FILES = 5000


def fingerprint(folder: Path) -> Fingerprint:
    """Name, modification time and size of the four files and everything under assets/."""
    entries: list[tuple[str, int, int]] = []
    for name in FILE_NAMES:
        entries.append(_stat(folder / name, name))
    assets = folder.parent / ASSETS_FOLDER
    for root, _dirs, files in os.walk(assets):
        for file in sorted(files):
            path = Path(root) / file
            entries.append(_stat(path, str(path.relative_to(assets))))
            if len(entries) > MAX_ASSET_FILES:
                return tuple(entries)
    return tuple(sorted(entries))


def _stat(path: Path, name: str) -> tuple[str, int, int]:
    try:
        info = path.stat()
    except OSError:
        return (name, -1, -1)
    return (name, info.st_mtime_ns, info.st_size)
