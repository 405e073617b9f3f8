"""The shape of a picture, read from its file's header, as the screens show it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk import media


def _png(path: Path, width: int, height: int) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#804020"))
    assert image.save(str(path))
    return path


def test_aspect_of_pictures(tmp_path: Path) -> None:
    assert media.aspect(_png(tmp_path / "wide.png", 300, 100)) == 3.0
    svg = tmp_path / "tall.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="400"/>')
    assert media.aspect(svg) == 0.25


def test_aspect_unknown_is_zero(tmp_path: Path) -> None:
    (tmp_path / "notes.png").write_text("not a picture")
    assert media.aspect(tmp_path / "notes.png") == 0.0
    assert media.aspect(tmp_path / "missing.png") == 0.0
    assert media.aspect(None) == 0.0


def test_aspect_follows_a_changed_file(tmp_path: Path) -> None:
    picture = _png(tmp_path / "slide.png", 200, 100)
    assert media.aspect(picture) == 2.0
    _png(tmp_path / "other.png", 100, 200).replace(picture)
    os.utime(picture, ns=(1, 1))
    assert media.aspect(picture) == 0.5


def test_many_files_are_verified_together_each_verdict_in_its_place(tmp_path: Path) -> None:
    good = [_png(tmp_path / f"slide-{i}.png", 64, 36) for i in range(12)]
    (tmp_path / "broken.png").write_bytes(good[0].read_bytes()[:60])
    (tmp_path / "font.ttf").write_bytes(b"\x00\x01\x00\x00" + b"\x00" * 60)
    paths = [*good[:6], tmp_path / "broken.png", tmp_path / "missing.png", tmp_path / "font.ttf",
             *good[6:]]
    verdicts = media.verify_files(paths)
    assert [v is None for v in verdicts] == [True] * 6 + [False, False, True] + [True] * 6
    assert verdicts[6] is not None and "damaged" in verdicts[6]
    assert media.verify_files(paths) == verdicts  # the second time from what was seen
    assert media.verify_file(tmp_path / "broken.png") == verdicts[6]


def test_a_png_cut_short_is_told_without_libpngs_own_line(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """Staff read one message about a half-copied picture: libpng's own console line ("libpng
    error: Read Error", written straight to stderr) no longer comes with it."""
    whole = _png(tmp_path / "whole.png", 64, 36).read_bytes()
    for cut in (60, len(whole) // 2, len(whole) - 6):  # in the header, the data, the end chunk
        picture = tmp_path / f"cut-{cut}.png"
        picture.write_bytes(whole[:cut])
        assert media.verify_file(picture) == (
            "is damaged: the file ends before the picture does (copied only in part?)"
        )
    assert media.verify_file(tmp_path / "whole.png") is None
    assert "libpng" not in capfd.readouterr().err
