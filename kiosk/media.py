"""Image and font files read with Qt's own readers: does a file really decode, and how wide is
a picture for its height (`examine_files`, `verify_files`, `aspect`).

Kept apart from kiosk.content so that the content model stays free of Qt; `spa-kiosk check` and
the kiosk's check helper pass `verify_files` to the loader. Nothing here opens a file that is
not a regular file (a named pipe would block the reader until someone writes to it), and every
picture is decoded through to its end: a cut JPEG or GIF otherwise decodes "fine", half grey.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMessageLogContext,
    QSize,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QImageIOHandler, QImageReader

from kiosk.content.assets import FONT_SUFFIXES, MAX_ASSET_BYTES

MAX_IMAGE_SIDE = 8192
_PROBE_SIDE = 64
_MAX_REMEMBERED = 20_000
_MAX_FRAMES = 1000  # an animated picture's frames decoded at most

Examined = tuple[str | None, float]
"""What a file was found to be: None or why it cannot be used, and a picture's width over
height as the screens draw it (0.0 when not known)."""

# What each file was found to be, by (path, size, modification and change time, inode): live
# reload checks the whole set again after every change, and most files have not changed. Any
# write to a file changes its change time, so a changed file is always decoded again.
_seen: dict[tuple[str, int, int, int, int], Examined] = {}


def verify_file(path: Path) -> str | None:
    """None when `path` is a usable image or font, else why not: a phrase that follows the
    file's name, such as "is damaged or not a complete image"."""
    return verify_files([path])[0]


def verify_files(paths: Sequence[Path]) -> list[str | None]:
    """verify_file for each of `paths` (the loader's FileVerifier)."""
    return [verdict for verdict, _ in examine_files(paths)]


def examine_files(paths: Sequence[Path]) -> list[Examined]:
    """Each of `paths` decoded through: its verdict and a picture's aspect. Files not seen
    before are decoded one after another, in the calling thread (docs/decisions/
    pictures-decoded-in-one-thread.md: decoding in a thread pool crashed the process)."""
    found: list[Examined] = [(None, 0.0)] * len(paths)
    new: list[tuple[int, tuple[str, int, int, int, int] | None]] = []
    for index, path in enumerate(paths):
        try:
            info = path.stat()
        except OSError:
            new.append((index, None))  # the readers say what is wrong
            continue
        key = (str(path), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
        if key in _seen:
            found[index] = _seen[key]
        else:
            new.append((index, key))
    with _jpeg_warnings_caught():
        made = [_examine(paths[index]) for index, _ in new]
    for (index, remembered_as), examined in zip(new, made, strict=True):
        found[index] = examined
        if remembered_as is not None:
            if len(_seen) >= _MAX_REMEMBERED:
                _seen.clear()
            _seen[remembered_as] = examined
    return found


def aspect(path: Path | None) -> float:
    """Width over height of the picture in `path` as drawn at its natural size, or 0.0 when it
    cannot be told (not a regular file, larger than an asset may be, not a picture).

    The kiosk does not call this on the screen's thread: a checked set carries each picture's
    shape, found by its check (`Content.aspect`).

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
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ASSET_BYTES:
        return 0.0
    key = (str(path), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    if key in _seen:
        return _seen[key][1]
    return _aspect_of(QImageReader(str(path)))


def _aspect_of(reader: Any) -> float:
    """The reader's picture's width over height as the screens draw it (turned as its camera
    says), from its header; 0.0 when not known."""
    reader.setAutoTransform(True)  # as the screens show it: a photo turned by its camera
    size = reader.size()
    found = size.width() / size.height() if size.width() > 0 and size.height() > 0 else 0.0
    if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
        found = 1 / found if found else 0.0
    return float(found)


def _examine(path: Path) -> Examined:
    """One file, read once (never a named pipe or device, at most MAX_ASSET_BYTES) and then
    looked at from memory: it cannot change or turn into something else halfway."""
    data, why = _read_plain_file(path)
    if why is not None or data is None:
        return why, 0.0
    if path.suffix.lower() in FONT_SUFFIXES:
        return _verify_font(data), 0.0
    return _examine_image(data)


def _read_plain_file(path: Path) -> tuple[bytes | None, str | None]:
    """The bytes of `path`, or why they cannot be used. Opened without waiting, so that a
    named pipe is told apart instead of blocking until someone writes into it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        return None, (
            "cannot be read: the kiosk is not allowed to read it; check the file's permissions "
            "(for example chmod a+r)"
        )
    except FileNotFoundError:
        return None, "was not found (removed while it was being checked?)"
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, "is not a file (a named pipe, device or folder); put the file itself there"
        if info.st_size == 0:
            return None, "is empty (0 bytes); copy the file again"
        if info.st_size > MAX_ASSET_BYTES:
            return None, (
                f"is {info.st_size / 1024 / 1024:.0f} MB; assets may be at most "
                f"{MAX_ASSET_BYTES // 1024 // 1024} MB"
            )
        chunks: list[bytes] = []
        left = MAX_ASSET_BYTES + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1024 * 1024))):
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror or exc})"
    finally:
        os.close(fd)
    if left <= 0:
        return None, f"is larger than {MAX_ASSET_BYTES // 1024 // 1024} MB; assets may not be"
    return b"".join(chunks), None


CUT_SHORT = "is damaged: the file ends before the picture does (copied only in part?)"
CORRUPT = "is damaged: part of the picture data is corrupt (copy it again from the original)"


def _examine_image(data: bytes) -> Examined:
    cut = _png_cut_short(data)  # before Qt reads any of it: see there
    if cut is not None:
        return _too_large(*cut) or CUT_SHORT, 0.0
    if _gif_cut_short(data):  # Qt's reader shows what arrived and says nothing
        return CUT_SHORT, 0.0
    raw = QByteArray(data)
    device = QBuffer(raw)
    device.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(device)
    reader.setDecideFormatFromContent(True)
    if not reader.canRead():
        return f"is not an image the kiosk can read ({reader.errorString()})", 0.0
    size = reader.size()
    if size.isValid() and (too_large := _too_large(size.width(), size.height())):
        return too_large, 0.0
    shape = _aspect_of(reader)
    if size.isValid() and size.width() > 0 and size.height() > 0:
        # Decoded at a small size, which uses little memory but still reads all of the
        # picture's data: a JPEG decoder scales while it decodes, the others after.
        scale = min(1.0, _PROBE_SIDE / max(size.width(), size.height()))
        reader.setScaledSize(
            QSize(max(1, int(size.width() * scale)), max(1, int(size.height() * scale)))
        )
    _caught.messages = []
    try:
        image = reader.read()
        complaints = _caught.messages
    finally:
        _caught.messages = None
    if image.isNull():
        return f"is damaged or not an image ({reader.errorString()})", 0.0
    if any("premature end" in line.lower() for line in complaints):
        return CUT_SHORT, 0.0
    if complaints:  # libjpeg's warnings all mean data it could not decode
        return CORRUPT, 0.0
    return None, shape


# Qt's JPEG reader tells of damage only as warnings (libjpeg's "Corrupt JPEG data: premature
# end of data segment") and returns the picture, grey where data was missing. While files are
# examined, those warnings are collected for the file the thread is decoding (`_caught`).
_caught = threading.local()
_examining = threading.Lock()
_JPEG_CATEGORY = "qt.gui.imageio.jpeg"


@contextmanager
def _jpeg_warnings_caught() -> Iterator[None]:
    previous: Any = None

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        collecting = getattr(_caught, "messages", None)
        if collecting is not None and (context.category or "").startswith(_JPEG_CATEGORY):
            collecting.append(message)
        elif previous is not None:
            previous(kind, context, message)
        else:
            sys.stderr.write(message + "\n")

    with _examining:
        previous = qInstallMessageHandler(handler)
        try:
            yield
        finally:
            qInstallMessageHandler(previous)


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _too_large(width: int, height: int) -> str | None:
    if max(width, height) > MAX_IMAGE_SIDE:
        return (
            f"is {width}x{height} pixels; images may be at most {MAX_IMAGE_SIDE} pixels on a side"
        )
    return None


def _png_cut_short(data: bytes) -> tuple[int, int] | None:
    """For a PNG that stops before its end chunk, or whose last chunk runs past the end of the
    file (a copy cut short, the commonest damage): its width and height as its header gives
    them (0, 0 when the header itself is cut). None for a whole PNG, or anything else.

    Told from the chunks' lengths before Qt reads the file, since libpng would also print a
    line of its own ("libpng error: Read Error") to the console, beside the message staff
    should read."""
    if data[:8] != _PNG_SIGNATURE:
        return None  # not a PNG: Qt says what it is
    size = len(data)
    position = 8
    while position + 12 <= size:
        if data[position + 4 : position + 8] == b"IEND":
            return None
        position += 12 + int.from_bytes(data[position : position + 4], "big")
    if len(data) < 24 or data[12:16] != b"IHDR":
        return (0, 0)
    return (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big"))


def _gif_cut_short(data: bytes) -> bool:
    """True for a GIF whose blocks run past the end of the file (a copy cut short): Qt's
    reader then shows the part that arrived without a word. Walked from the blocks' lengths."""
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        return False
    size = len(data)

    def table(packed: int) -> int:
        return 3 * 2 ** ((packed & 7) + 1) if packed & 0x80 else 0

    def sub_blocks(position: int) -> int:
        while position < size:
            length = data[position]
            position += 1
            if length == 0:
                return position
            position += length
        return size + 1  # the last sub-block, or its end marker, is missing

    position = 13 + table(data[10])
    while position < size:
        kind = data[position]
        if kind == 0x3B:  # the trailer
            return False
        if kind == 0x21:  # an extension: its label, then its data
            position = sub_blocks(position + 2)
        elif kind == 0x2C:  # a frame: descriptor, colour table, code size, data
            if position + 10 > size:
                return True
            position = sub_blocks(position + 11 + table(data[position + 9]))
        else:
            return False  # not what a GIF has here: Qt's reader tells
    return position > size


def _verify_font(data: bytes) -> str | None:
    if data[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf"):
        return "is not a TrueType or OpenType font"
    return None
