"""Asset paths: staff name images and fonts relative to `assets/`, and never leave it."""

from __future__ import annotations

import os
import posixpath
import re
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".bmp"})
FONT_SUFFIXES = frozenset({".ttf", ".otf", ".ttc"})
MAX_ASSET_BYTES = 20 * 1024 * 1024

# Looks at real files and says what is wrong with each (None when it is fine). The Qt-based
# checker lives in kiosk.media so that this package stays free of Qt.
FileVerifier = Callable[[Sequence[Path]], list[str | None]]

_WEB_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
# Absolute on some system: from the root ("/", "\\", "\\\\server"), or a drive ("C:\\", "C:/").
_ABSOLUTE = re.compile(r"[/\\]|[A-Za-z]:[/\\]")
_SEPARATORS = re.compile(r"[\\/]")


def resolve_asset(assets: Path, relative: str) -> tuple[Path | None, str | None]:
    """The file `relative` names inside `assets`, or why it may not be used."""
    return AssetFolder(assets).resolve(relative)


class AssetFolder:
    """resolve_asset for many paths in one assets folder, each folder looked at once."""

    def __init__(self, assets: Path) -> None:
        self.assets = assets
        self._root: str | None = None  # the real path of `assets`; "" when it cannot be had
        self._plain_folders: dict[str, bool] = {}

    def resolve(self, relative: str) -> tuple[Path | None, str | None]:
        """The file `relative` names inside the folder, or why it may not be used."""
        text = relative.strip()
        if _WEB_ADDRESS.match(text):
            return None, f"'{text}' is a web address; put the file in the assets folder and name it"
        if _ABSOLUTE.match(text):
            return None, f"'{text}' is an absolute path; write it relative to the assets folder"
        parts = _SEPARATORS.split(text)
        if ".." in parts:
            return None, f"'{text}' leaves the assets folder ('..' is not allowed)"
        parts = [part for part in parts if part not in {"", "."}]
        return self._plain_file(parts) or _resolve_slowly(self.assets, parts, text)

    def _plain_file(self, parts: list[str]) -> tuple[Path, None] | None:
        """The common case quickly: no links, every folder a folder and the file a small file.
        None for anything else, which the full lookup then explains."""
        if self._root is None:
            try:
                self._root = os.path.realpath(self.assets, strict=True)
            except (OSError, ValueError):
                self._root = ""
        if not self._root or not parts:
            return None
        folder = self._root
        for part in parts[:-1]:
            folder = os.path.join(folder, part)
            if folder not in self._plain_folders:
                try:
                    self._plain_folders[folder] = stat.S_ISDIR(os.lstat(folder).st_mode)
                except (OSError, ValueError):
                    self._plain_folders[folder] = False
            if not self._plain_folders[folder]:
                return None
        try:
            info = os.lstat(os.path.join(folder, parts[-1]))
        except (OSError, ValueError):
            return None
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ASSET_BYTES:
            return None
        return self.assets.joinpath(*parts), None


def _resolve_slowly(
    assets: Path, parts: list[str], text: str
) -> tuple[Path | None, str | None]:
    """Why `parts` inside `assets` is not a usable file (or the file, reached through links)."""
    candidate = assets.joinpath(*parts)
    try:
        real = candidate.resolve(strict=True)
        root = assets.resolve(strict=True)
    except FileNotFoundError:
        return None, f"file '{text}' not found in {assets.name}/"
    except (OSError, RuntimeError) as exc:
        return None, f"cannot read '{text}': {exc}"
    if not real.is_relative_to(root):
        return None, f"'{text}' is a link that points outside the assets folder"
    if not real.is_file():
        return None, f"'{text}' is not a file{_what_instead(real)}"
    size = real.stat().st_size
    if size > MAX_ASSET_BYTES:
        return None, f"'{text}' is {size / 1024 / 1024:.0f} MB; assets may be at most 20 MB"
    return candidate, None


def _what_instead(path: Path) -> str:
    """What `path` is when it is not a file nor a folder (a folder says enough by its name)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return ""
    if stat.S_ISFIFO(mode):
        return " (it is a named pipe); put the picture or font file itself there"
    if stat.S_ISSOCK(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return " (it is a device or socket); put the picture or font file itself there"
    return ""


def kind_of(relative: str) -> str:
    return "font" if _suffix(relative) in FONT_SUFFIXES else "image"


def looks_like_font_file(value: str) -> bool:
    return _suffix(value) in FONT_SUFFIXES or "/" in value


def _suffix(name: str) -> str:
    """The lower-case suffix of the last part of a path ("a/B.TTF" -> ".ttf")."""
    return posixpath.splitext(name.lower().rstrip("/"))[1]
