"""Image and font files read with Qt's own readers: does a file really decode (`verify_file`,
`verify_files`), and how wide is a picture for its height (`aspect`).

Kept apart from kiosk.content so that the content model stays free of Qt; `spa-kiosk check` and
the kiosk pass `verify_files` to the loader.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from kiosk.content.assets import FONT_SUFFIXES

MAX_IMAGE_SIDE = 8192
VERIFY_THREADS = 4
VERIFY_TOGETHER_FROM = 8  # files to decode; fewer are decoded one after another
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
    return verify_files([path])[0]


def verify_files(paths: Sequence[Path]) -> list[str | None]:
    """verify_file for each of `paths`. Decoding is most of a first check of a big set, and
    Qt's decoders let go of Python's lock: files not seen before are decoded a few at a time."""
    verdicts: list[str | None] = [None] * len(paths)
    new: list[tuple[int, tuple[str, int, int, int, int] | None]] = []
    for index, path in enumerate(paths):
        try:
            info = path.stat()
        except OSError:
            new.append((index, None))  # the readers say what is wrong
            continue
        key = (str(path), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        if key in _verdicts:
            verdicts[index] = _verdicts[key]
        else:
            new.append((index, key))
    if len(new) < VERIFY_TOGETHER_FROM:
        found = [_verify(paths[index]) for index, _ in new]
    else:
        from concurrent.futures import ThreadPoolExecutor

        from PySide6.QtGui import QImageReader

        # Qt makes its image plugins in the thread that first needs them; made in a pool's
        # thread, they were destroyed from another at exit ("QObject::~QObject: Timers cannot
        # be stopped from another thread", in 2 to 6 of 8 renders).
        QImageReader.supportedImageFormats()
        workers = min(VERIFY_THREADS, os.cpu_count() or 1)
        with ThreadPoolExecutor(workers, thread_name_prefix="verify") as pool:
            found = list(pool.map(_verify, [paths[index] for index, _ in new]))
    for (index, remembered_as), verdict in zip(new, found, strict=True):
        verdicts[index] = verdict
        if remembered_as is not None:
            if len(_verdicts) >= _MAX_REMEMBERED:
                _verdicts.clear()
            _verdicts[remembered_as] = verdict
    return verdicts


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

    cut = _png_cut_short(path)  # before Qt reads any of it: see there
    if cut is not None:
        return _too_large(*cut) or (
            "is damaged: the file ends before the picture does (copied only in part?)"
        )
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)
    if not reader.canRead():
        return f"is not an image the kiosk can read ({reader.errorString()})"
    size = reader.size()
    if size.isValid() and (too_large := _too_large(size.width(), size.height())):
        return too_large
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


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _too_large(width: int, height: int) -> str | None:
    if max(width, height) > MAX_IMAGE_SIDE:
        return (
            f"is {width}x{height} pixels; images may be at most {MAX_IMAGE_SIDE} pixels on a side"
        )
    return None


def _png_cut_short(path: Path) -> tuple[int, int] | None:
    """For a PNG that stops before its end chunk, or whose last chunk runs past the end of the
    file (a copy cut short, the commonest damage): its width and height as its header gives
    them (0, 0 when the header itself is cut). None for a whole PNG, or anything else.

    Told from the chunks' lengths before Qt reads the file, since libpng would also print a
    line of its own ("libpng error: Read Error") to the console, beside the message staff
    should read."""
    if not hasattr(os, "pread"):
        return None  # not on Windows: Qt's reader tells it, in its own words
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None  # the reader says what is wrong
    try:
        start = os.pread(fd, 24, 0)
        if start[:8] != _PNG_SIGNATURE:
            return None  # not a PNG: Qt says what it is
        size = os.fstat(fd).st_size
        position = 8
        while position + 12 <= size:
            header = os.pread(fd, 8, position)
            if header[4:] == b"IEND":
                return None
            position += 12 + int.from_bytes(header[:4], "big")
        if len(start) < 24 or start[12:16] != b"IHDR":
            return (0, 0)
        return (int.from_bytes(start[16:20], "big"), int.from_bytes(start[20:24], "big"))
    except OSError:
        return None
    finally:
        os.close(fd)


def _verify_font(path: Path) -> str | None:
    with path.open("rb") as stream:
        magic = stream.read(4)
    if magic not in (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf"):
        return "is not a TrueType or OpenType font"
    return None
