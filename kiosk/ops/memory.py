"""How glibc's malloc treats the kiosk's large picture buffers, so that they go back to the system
as soon as they are freed.

Qt's software renderer makes and drops screen-sized buffers all day: a layer for each slide
cross-fade (and a copy of it), decoded pictures. By default glibc raises its mmap threshold to
the size of every such buffer that is freed, after which the next ones come from the heap; the
heap then only grows, and its screen-sized holes stay resident (tens of MiB here). A fixed
threshold keeps each large buffer in a mapping of its own, unmapped the moment it is freed.

On other C libraries (musl, macOS, Windows) `tune_malloc` is a no-op that returns False.
"""

from __future__ import annotations

import ctypes
import functools
import os
import sys

# mallopt() parameters, from glibc's <malloc.h>.
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8

MMAP_THRESHOLD = 256 * 1024
"""Blocks from this size up get a mapping of their own: pictures, layers and glyph caches, not
the many small objects of QML and Python (glibc starts at 128 KiB, then moves it up to 32 MiB)."""
ARENA_MAX = 2
"""Malloc arenas for all threads together (glibc allows 8 per core): the kiosk's threads (picture
decoding, QML loading, content checks) are seldom busy at once, and each arena keeps free memory
of its own."""


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    """The C library when it is glibc, else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION"):
            return None
        libc = ctypes.CDLL(None)
        libc.mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
        libc.mallopt.restype = ctypes.c_int
    except (ValueError, OSError, AttributeError):
        return None
    return libc


def tune_malloc() -> bool:
    """Set malloc up for the kiosk, as early as possible (before the first window); calling it
    again does no harm. True when glibc took the settings."""
    libc = _glibc()
    if libc is None:
        return False
    # Setting the threshold also stops glibc from moving it (and the trim threshold) by itself.
    taken = [libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD), libc.mallopt(M_ARENA_MAX, ARENA_MAX)]
    return all(result == 1 for result in taken)
