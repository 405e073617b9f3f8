"""Asset paths: staff name images and fonts relative to `assets/`, and never leave it."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath, PureWindowsPath

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".bmp"})
FONT_SUFFIXES = frozenset({".ttf", ".otf", ".ttc"})
MAX_ASSET_BYTES = 20 * 1024 * 1024

# Looks at a real file and says what is wrong with it (None when it is fine). The Qt-based
# checker lives in kiosk.media so that this package stays free of Qt.
FileVerifier = Callable[[Path], str | None]


def resolve_asset(assets: Path, relative: str) -> tuple[Path | None, str | None]:
    """The file `relative` names inside `assets`, or why it may not be used."""
    text = relative.strip()
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", text):
        return None, f"'{text}' is a web address; put the file in the assets folder and name it"
    windows = PureWindowsPath(text)
    if PurePosixPath(text).is_absolute() or windows.is_absolute() or text.startswith("\\"):
        return None, f"'{text}' is an absolute path; write it relative to the assets folder"
    parts = re.split(r"[\\/]", text)
    if ".." in parts:
        return None, f"'{text}' leaves the assets folder ('..' is not allowed)"
    candidate = assets.joinpath(*[part for part in parts if part not in {"", "."}])
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
        return None, f"'{text}' is not a file"
    size = real.stat().st_size
    if size > MAX_ASSET_BYTES:
        return None, f"'{text}' is {size / 1024 / 1024:.0f} MB; assets may be at most 20 MB"
    return candidate, None


def kind_of(relative: str) -> str:
    suffix = PurePosixPath(relative.lower()).suffix
    return "font" if suffix in FONT_SUFFIXES else "image"


def looks_like_font_file(value: str) -> bool:
    return PurePosixPath(value.lower()).suffix in FONT_SUFFIXES or "/" in value
