"""Where things are: the content folder in use, the shipped default content, the QML files.

Paths are found relative to the package (or the PyInstaller bundle), never the working folder,
except for the documented `./content` convention.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

ENV_CONTENT = "SPA_KIOSK_CONTENT"
PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class ContentChoice:
    folder: Path
    why: str

    def describe(self) -> str:
        return f"content folder: {self.folder} ({self.why})"


def bundle_root() -> Path | None:
    """The PyInstaller bundle folder when running frozen."""
    root = getattr(sys, "_MEIPASS", None)
    return Path(root) if root else None


def default_content_dir() -> Path:
    """The default content shipped with the kiosk: bundle, source checkout, or installed wheel."""
    candidates = []
    if (root := bundle_root()) is not None:
        candidates.append(root / "content")
    candidates += [PACKAGE_DIR.parent / "content", PACKAGE_DIR / "_default" / "content"]
    for folder in candidates:
        if (folder / "kiosk.yaml").is_file():
            return folder
    return candidates[-1]


def choose_content(option: str | None) -> ContentChoice:
    """--content, else $SPA_KIOSK_CONTENT, else ./content with a kiosk.yaml, else the default."""
    if option:
        return ContentChoice(Path(option).expanduser().absolute(), "--content")
    if env := os.environ.get(ENV_CONTENT):
        return ContentChoice(Path(env).expanduser().absolute(), f"${ENV_CONTENT}")
    local = Path.cwd() / "content"
    if (local / "kiosk.yaml").is_file():
        return ContentChoice(local, "./content")
    return ContentChoice(default_content_dir(), "the default content shipped with the kiosk")


def qml_dir() -> Path:
    if (root := bundle_root()) is not None and (root / "kiosk" / "ui" / "qml").is_dir():
        return root / "kiosk" / "ui" / "qml"
    return PACKAGE_DIR / "ui" / "qml"
