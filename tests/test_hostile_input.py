"""Hostile files are refused quickly, with bounded memory and a clear message."""

from __future__ import annotations

import resource
import struct
import time
import zlib
from pathlib import Path

from contentkit import problem_lines, write_content


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims to be `width` x `height` but carries almost no data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))


def test_a_20000_pixel_image_is_refused_without_decoding_it(tmp_path: Path) -> None:
    folder = write_content(
        tmp_path,
        slides="slides:\n  - id: hello\n    title: Hello\n    image: huge.png\n",
        assets={"huge.png": png_header_only(20000, 20000)},
    )
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    lines = problem_lines(folder)
    assert time.perf_counter() - started < 1.0
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mib < 100  # the 1.6 GB of pixels were never allocated
    assert lines == [
        "content/slides.yaml:4:12: error: slides[0].image: 'huge.png' is 20000x20000 pixels; "
        "images may be at most 8192 pixels on a side"
    ]
