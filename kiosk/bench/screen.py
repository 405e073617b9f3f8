"""The screen's pixels, read from outside every measured program: when its first picture is up.

The same instrument for the kiosk and for a browser kiosk: rows of the X root window's pixels
(what is on the screen, whoever drew it), read with Xlib's XGetImage through ctypes. Reading
24 rows of the screen costs well under a millisecond, so it can be done every 10 ms without
taking the measured program's CPU. A picture is "up" when the sampled pixels are no longer the
screen's blank background and are not one flat colour either (a window's empty first paint is
flat; a slide has words, a picture and a glow).
"""

from __future__ import annotations

import array
import ctypes
import ctypes.util
import operator
import time
from collections.abc import Callable

ROWS = 24
Z_PIXMAP = 2
ALL_PLANES = ctypes.c_ulong(0xFFFFFFFF)


class _XImage(ctypes.Structure):
    # The start of Xlib's XImage (X11/Xlib.h), up to the fields read here.
    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.POINTER(ctypes.c_ubyte)),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
    ]


class ScreenError(Exception):
    """The screen cannot be read (no libX11, or the display does not open)."""


class Screen:
    """One X display's root window, sampled a few rows at a time."""

    def __init__(self, display_name: str) -> None:
        path = ctypes.util.find_library("X11")
        if path is None:
            raise ScreenError("libX11 is not installed: the screen cannot be watched")
        x = ctypes.CDLL(path)
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XDefaultScreen.argtypes = [ctypes.c_void_p]
        x.XDisplayWidth.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x.XDisplayHeight.argtypes = [ctypes.c_void_p, ctypes.c_int]
        x.XGetImage.restype = ctypes.POINTER(_XImage)
        x.XGetImage.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
            ctypes.c_uint, ctypes.c_ulong, ctypes.c_int,
        ]
        x.XFree.argtypes = [ctypes.c_void_p]
        x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self._x = x
        self._display = x.XOpenDisplay(display_name.encode())
        if not self._display:
            raise ScreenError(f"cannot open the X display {display_name}")
        self._root = x.XDefaultRootWindow(self._display)
        number = x.XDefaultScreen(self._display)
        self.width = int(x.XDisplayWidth(self._display, number))
        self.height = int(x.XDisplayHeight(self._display, number))

    def close(self) -> None:
        if self._display:
            self._x.XCloseDisplay(self._display)
            self._display = None

    def sample(self, rows: int = ROWS) -> bytes:
        """`rows` rows of pixels spread evenly down the screen, 4 bytes a pixel."""
        parts = []
        for index in range(rows):
            y = (2 * index + 1) * self.height // (2 * rows)
            image = self._x.XGetImage(
                self._display, self._root, 0, y, self.width, 1, ALL_PLANES, Z_PIXMAP
            )
            if not image:
                raise ScreenError("XGetImage failed on the root window")
            try:
                content = image.contents
                size = content.bytes_per_line * content.height
                parts.append(ctypes.string_at(content.data, size))
            finally:
                # What XDestroyImage (a macro, not a function) does for an image from XGetImage.
                self._x.XFree(image.contents.data)
                self._x.XFree(image)
        return b"".join(parts)


def pixels(sample: bytes) -> array.array[int]:
    """Every fourth of the sample's pixels (enough to see words and pictures, and quick to
    compare), one 32-bit word each (X's 24-bit colour, padded)."""
    return array.array("I", sample[: len(sample) - len(sample) % 4])[::4]


def is_picture(sample: bytes, blank: bytes, changed: float = 0.2, colours: int = 8) -> bool:
    """Whether `sample` shows a picture: at least `changed` of its pixels differ from `blank`
    (the screen before the program started) and it has at least `colours` colours."""
    if sample == blank:
        return False
    now, before = pixels(sample), pixels(blank)
    if not now:
        return False
    differ = sum(map(operator.ne, now, before))
    return differ >= changed * len(now) and len(set(now)) >= colours


def wait_for_picture(
    screen: Screen, blank: bytes, started: float, alive: Callable[[], bool],
    timeout: float = 30.0, every: float = 0.01,
) -> float | None:
    """Seconds from `started` (time.monotonic()) to the first sample showing a picture; None
    when the program ended or `timeout` passed first."""
    while True:
        now = time.monotonic()
        if is_picture(screen.sample(), blank):
            return now - started  # the moment the sample was taken, not after its checking
        if now - started > timeout or not alive():
            return None
        time.sleep(every)


def wait_for_blank(screen: Screen, blank: bytes, timeout: float = 10.0) -> bool:
    """Wait until the screen is back to `blank` (the measured program's window is gone)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if screen.sample() == blank:
            return True
        time.sleep(0.02)
    return False
