"""Image and font files read with Qt's own readers: does a file really decode (`verify_file`),
and how wide is a picture for its height (`aspect`).

Kept apart from kiosk.content so that the content model stays free of Qt; `spa-kiosk check` and
the kiosk pass `verify_file` to the loader.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.content.assets import FONT_SUFFIXES

MAX_IMAGE_SIDE = 8192
_PROBE_SIDE = 64
_MAX_REMEMBERED = 20_000

# What each file was found to be, by (path, size, modification and change time, inode): live
# reload checks the whole set again after every change, and most files have not changed. Any
# write to a file changes its change time, so a changed file is always decoded again.
_verdicts: dict[tuple[str, int, int, int, int], str | None] = {}
_aspects: dict[tuple[str, int, int, int, int], float] = {}


def verify_file(path: Path) -> str | None:
    """None when `path` is a usable image or font, else why not: a phrase that follows the
    file's name, such as "is damaged or not a complete image"."""
    try:
        info = path.stat()
    except OSError:
        return _verify(path)  # the readers say what is wrong
    key = (str(path), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    if key in _verdicts:
        return _verdicts[key]
    verdict = _verify(path)
    if len(_verdicts) >= _MAX_REMEMBERED:
        _verdicts.clear()
    _verdicts[key] = verdict
    return verdict


def aspect(path: Path | None) -> float:
    """Width over height of the picture in `path` as drawn at its natural size (read from the
    file's header, not decoded), or 0.0 when it cannot be told.

    The screens ask Qt for a picture decoded at exactly the size it is shown: asked only for
    the room it may fill, Qt decodes a picture large enough to *cover* that room and shrinks
    it again in every frame drawn (for a square picture in a wide room, 1.5 times the pixels,
    and a fade over it took twice the time)."""
    if path is None:
        return 0.0
    try:
        info = path.stat()
    except OSError:
        return 0.0
    key = (str(path), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    found = _aspects.get(key)
    if found is None:
        from PySide6.QtGui import QImageIOHandler, QImageReader

        reader = QImageReader(str(path))
        reader.setAutoTransform(True)  # as the screens show it: a photo turned by its camera
        size = reader.size()
        found = size.width() / size.height() if size.width() > 0 and size.height() > 0 else 0.0
        if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
            found = 1 / found if found else 0.0
        if len(_aspects) >= _MAX_REMEMBERED:
            _aspects.clear()
        _aspects[key] = found
    return found


def _verify(path: Path) -> str | None:
    if path.suffix.lower() in FONT_SUFFIXES:
        return _verify_font(path)
    return _verify_image(path)


def _verify_image(path: Path) -> str | None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)
    if not reader.canRead():
        return f"is not an image the kiosk can read ({reader.errorString()})"
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > MAX_IMAGE_SIDE:
        return (
            f"is {size.width()}x{size.height()} pixels; "
            f"images may be at most {MAX_IMAGE_SIDE} pixels on a side"
        )
    if size.isValid() and size.width() > 0 and size.height() > 0:
        # Decode at a small size: proves the whole file is readable without using much memory.
        scale = min(1.0, _PROBE_SIDE / max(size.width(), size.height()))
        reader.setScaledSize(
            QSize(max(1, int(size.width() * scale)), max(1, int(size.height() * scale)))
        )
    image = reader.read()
    if image.isNull():
        return f"is damaged or not an image ({reader.errorString()})"
    return None


def _verify_font(path: Path) -> str | None:
    with path.open("rb") as stream:
        magic = stream.read(4)
    if magic not in (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf"):
        return "is not a TrueType or OpenType font"
    return None
