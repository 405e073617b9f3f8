"""The shape of a picture, read from its file's header, as the screens show it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
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


def test_pictures_are_decoded_in_the_calling_thread_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No thread pool: PySide6 6.11 crashed when two threads met a Qt type for the first time
    at once (docs/decisions/pictures-decoded-in-one-thread.md)."""
    started: list[str] = []

    def no_thread(self: threading.Thread) -> None:
        started.append(self.name)
        raise AssertionError(f"a thread was started to decode pictures: {self.name}")

    paths = [_png(tmp_path / f"slide-{i}.png", 64 + i, 36) for i in range(24)]
    monkeypatch.setattr(threading.Thread, "start", no_thread)
    assert media.verify_files(paths) == [None] * 24
    assert started == []


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


def _whole(tmp_path: Path, suffix: str) -> bytes:
    """A 640x480 picture with detail (so that every format needs many bytes) as `suffix`."""
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    for y in range(480):
        for x in range(0, 640, 4):
            image.setPixelColor(x, y, QColor((x * 7 + y * 13) % 256, (x * y) % 256, y % 256))
    path = tmp_path / f"whole{suffix}"
    if suffix == ".gif":  # Qt reads GIFs but does not write them
        if shutil.which("convert") is None:
            pytest.skip("ImageMagick's convert is not installed")
        assert image.save(str(tmp_path / "whole-for-gif.png"))
        subprocess.run(["convert", str(tmp_path / "whole-for-gif.png"), str(path)], check=True)
    else:
        assert image.save(str(path), quality=90)
    return path.read_bytes()


SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
    + "".join(f'<rect x="{i}" width="1" height="100" fill="#E8643C"/>' for i in range(200))
    + "</svg>"
)


@pytest.mark.parametrize("suffix", [".jpg", ".png", ".webp", ".gif", ".svg"])
def test_a_picture_cut_short_is_damaged_in_every_format(tmp_path: Path, suffix: str) -> None:
    """A JPEG or GIF cut in half decodes "fine" in Qt, grey or blank where data was missing:
    the check now reads every picture through to its end."""
    whole = SVG.encode() if suffix == ".svg" else _whole(tmp_path, suffix)
    (tmp_path / f"ok{suffix}").write_bytes(whole)
    (tmp_path / f"cut{suffix}").write_bytes(whole[: len(whole) // 2])
    assert media.verify_file(tmp_path / f"ok{suffix}") is None
    verdict = media.verify_file(tmp_path / f"cut{suffix}")
    assert verdict is not None and verdict.startswith("is damaged")


def test_a_jpeg_cut_short_is_told_when_many_files_are_checked_together(tmp_path: Path) -> None:
    """Decoded in a pool of threads, each file's warnings still go with that file."""
    whole = _whole(tmp_path, ".jpg")
    paths = []
    for i in range(10):
        paths.append(tmp_path / f"{i}.jpg")
        paths[-1].write_bytes(whole[: len(whole) // 2] if i in (3, 7) else whole)
    verdicts = media.verify_files(paths)
    assert [v is not None for v in verdicts] == [i in (3, 7) for i in range(10)]
    assert verdicts[3] == media.CUT_SHORT


# Lets go of anyone who opens the pipe for reading, and says so in a file: run apart from the
# test's process, since a reader stuck in open() may hold Python's lock.
_RELEASE = """
import errno, os, sys, time
pipe, mark = sys.argv[1], sys.argv[2]
while not os.path.exists(mark + ".stop"):
    try:
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        open(mark, "w").close()
    except OSError as exc:
        if exc.errno != errno.ENXIO:
            raise
    time.sleep(0.01)
"""


def test_a_named_pipe_is_refused_without_opening_it_for_good(tmp_path: Path) -> None:
    pipe = tmp_path / "slide.png"
    os.mkfifo(pipe)
    mark = tmp_path / "opened"
    release = subprocess.Popen([sys.executable, "-c", _RELEASE, str(pipe), str(mark)])
    try:
        assert media.aspect(pipe) == 0.0
        assert not mark.exists()  # nobody waited in open() for a writer
        assert media.examine_files([pipe]) == [
            ("is not a file (a named pipe, device or folder); put the file itself there", 0.0)
        ]
    finally:
        Path(f"{mark}.stop").touch()
        release.wait(timeout=30)


def test_an_empty_picture_is_called_empty(tmp_path: Path) -> None:
    (tmp_path / "empty.png").write_bytes(b"")
    assert media.verify_file(tmp_path / "empty.png") == "is empty (0 bytes); copy the file again"


def test_an_unreadable_picture_is_called_a_permission_problem(tmp_path: Path) -> None:
    """Said as the kiosk's own user would meet it (root reads everything: run as nobody)."""
    folder = Path(tempfile.mkdtemp(prefix="spa-kiosk-perm-"))
    try:
        folder.chmod(0o755)
        picture = _png(folder / "locked.png", 40, 20)
        picture.chmod(0o000)
        probe = "import sys; from pathlib import Path; from kiosk import media; " \
            "print(media.verify_file(Path(sys.argv[1])))"
        command = [sys.executable, "-c", probe, str(picture)]
        if os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                pytest.skip("running as root without setpriv")
            command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                       *command]
        env = {**os.environ, "PYTHONPATH": str(Path(media.__file__).parent.parent)}
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
        assert done.stdout.strip() == (
            "cannot be read: the kiosk is not allowed to read it; check the file's "
            "permissions (for example chmod a+r)"
        ), done.stderr
    finally:
        shutil.rmtree(folder)


def test_the_shape_is_found_with_the_verdict(tmp_path: Path) -> None:
    wide = _png(tmp_path / "wide.png", 300, 100)
    (tmp_path / "tall.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="400"/>'
    )
    assert media.examine_files([wide, tmp_path / "tall.svg"]) == [(None, 3.0), (None, 0.25)]
