"""Hostile files are refused quickly, with bounded memory and a clear message."""

from __future__ import annotations

import os
import resource
import struct
import subprocess
import sys
import zlib
from pathlib import Path

from contentkit import problem_lines, write_content
from PySide6.QtGui import QColor, QImage


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
    lines = problem_lines(folder)
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mib < 100  # the 1.6 GB of pixels were never allocated
    assert lines == [
        "content/slides.yaml:4:12: error: slides[0].image: 'huge.png' is 20000x20000 pixels; "
        "images may be at most 8192 pixels on a side"
    ]


def test_check_refuses_a_named_pipe_where_a_picture_should_be_at_once(tmp_path: Path) -> None:
    folder = write_content(
        tmp_path, slides="slides:\n  - id: hello\n    title: Hello\n    image: pipe.png\n",
    )
    os.mkfifo(tmp_path / "assets" / "pipe.png")
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", str(folder)], capture_output=True, text=True,
        timeout=60,  # a check that opened the pipe would wait for a writer for good
    )
    assert done.returncode != 0
    assert (
        "slides.yaml:4:12: error: slides[0].image: 'pipe.png' is not a file (it is a named "
        "pipe); put the picture or font file itself there"
    ) in done.stdout + done.stderr


def test_a_truncated_jpeg_is_an_error_in_check(tmp_path: Path) -> None:
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    for y in range(300):
        image.setPixelColor(y, y, QColor("#E8643C"))
    whole = tmp_path / "whole.jpg"
    assert image.save(str(whole), quality=95)
    data = whole.read_bytes()
    folder = write_content(
        tmp_path, slides="slides:\n  - id: hello\n    title: Hello\n    image: half.jpg\n",
        assets={"half.jpg": data[: len(data) // 2]},
    )
    assert problem_lines(folder) == [
        "content/slides.yaml:4:12: error: slides[0].image: 'half.jpg' is damaged: the file "
        "ends before the picture does (copied only in part?)"
    ]


def test_an_empty_picture_is_called_empty_in_check(tmp_path: Path) -> None:
    folder = write_content(
        tmp_path, slides="slides:\n  - id: hello\n    title: Hello\n    image: empty.png\n",
        assets={"empty.png": b""},
    )
    assert problem_lines(folder) == [
        "content/slides.yaml:4:12: error: slides[0].image: 'empty.png' is empty (0 bytes); "
        "copy the file again"
    ]
