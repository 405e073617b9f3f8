"""Pictures in the running kiosk: shown from the kiosk's own checked copies, never from what is in
the staff's assets folder at the moment a slide comes up (a named pipe, a folder being swapped,
a picture replaced under the same name), and a picture that fails to show leaves the words."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from kioskkit import Guest, load_test_content, write_test_content
from kioskproc import Kiosk, kiosk_command, kiosk_env, status, wait_until, xvfb_display
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from kiosk.ops import assetstore

pytestmark = pytest.mark.ui

FAST_SLIDES = """\
slides:
  - id: first
    title: Warmth that flows
    image: slides/photo.png
    seconds: 1
  - id: second
    title: Rest well
    image: slides/photo.png
    seconds: 1
"""


def png(width: int, height: int, colour: str = "#804020") -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data.data())


def spa(root: Path, slides: str = FAST_SLIDES) -> Path:
    folder = write_test_content(root, slides=slides)
    (root / "assets" / "slides" / "photo.png").write_bytes(png(300, 100))
    return folder


def start(tmp_path: Path, folder: Path, display: str | None = None) -> Kiosk:
    """`spa-kiosk run --windowed`, its files in tmp_path: offscreen, or on the X server
    `display`. In a session of its own, killed whole should it freeze (close it when done)."""
    env = kiosk_env(tmp_path)
    if display is not None:
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    return Kiosk(kiosk_command(folder), env, new_session=True)


def stop(kiosk: Kiosk, pipe: Path | None = None) -> str:
    """Its output once SIGTERM has stopped it, which a frozen kiosk does not (it is then killed,
    anything stuck opening `pipe` let go, and the test fails)."""
    try:
        output = kiosk.stop(timeout=30)
    except AssertionError as exc:
        if pipe is not None:
            release_readers(pipe)
        pytest.fail(f"the kiosk froze (SIGTERM did not stop it): {exc}")
    assert kiosk.returncode == 0, output
    return output


def release_readers(pipe: Path) -> bool:
    """Let go of whoever is blocked opening `pipe` for reading; True if anyone was."""
    try:
        fd = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # nobody has it open for reading
            return False
        raise
    os.close(fd)
    return True


@pytest.mark.parametrize("display", ["offscreen", "xvfb"])
def test_a_named_pipe_where_a_picture_was_leaves_the_kiosk_running(
    tmp_path: Path, display: str
) -> None:
    """The picture is replaced by a named pipe while the kiosk is off: the next start shows the
    last good content (the folder changed) and checks the change, which is refused. Before,
    the screen's thread opened the pipe to read the picture's shape and waited for good."""
    with contextlib.ExitStack() as stack:
        screen = stack.enter_context(xvfb_display()) if display == "xvfb" else None
        folder = spa(tmp_path / "spa")
        with contextlib.closing(start(tmp_path, folder, screen)) as first:
            first.wait_ready()
            stop(first)
        picture = tmp_path / "spa" / "assets" / "slides" / "photo.png"
        picture.unlink()
        os.mkfifo(picture)
        env = kiosk_env(tmp_path)
        with contextlib.closing(start(tmp_path, folder, screen)) as kiosk:
            kiosk.wait_log("'slides/photo.png' is not a file")  # the check still refuses it
            # Slides go on turning (one a second) and the kiosk answers: not stuck on the pipe.
            shown = status(env)["today"]["slides_shown"]
            wait_until(lambda: status(env)["today"]["slides_shown"] >= shown + 2, 30,
                       "the slides turn")
            output = stop(kiosk, pipe=picture)
    assert "showing the last good content" in output
    copies = list((tmp_path / "data" / assetstore.FOLDER).iterdir())
    assert [p.read_bytes() for p in copies if p.suffix == ".png"] == [png(300, 100)]


# Run apart from the test's process: a screen's thread stuck opening the pipe may hold Python's
# lock, and a thread of the test could then never let it go.
_WATCH = """
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


class NoReader:
    """Tells whether anyone opened `pipe` for reading, and lets them go at once."""

    def __init__(self, pipe: Path) -> None:
        self.mark = pipe.parent / ".opened"
        self.process = subprocess.Popen([sys.executable, "-c", _WATCH, str(pipe), str(self.mark)])

    @property
    def opened(self) -> bool:
        return self.mark.exists()

    def stop(self) -> None:
        Path(f"{self.mark}.stop").touch()
        self.process.wait(timeout=30)


@pytest.fixture
def no_reader() -> Iterator[Callable[[Path], NoReader]]:
    made: list[NoReader] = []

    def watch(pipe: Path) -> NoReader:
        made.append(NoReader(pipe))
        return made[-1]

    yield watch
    for watcher in made:
        if watcher.process.poll() is None:
            watcher.stop()


def test_a_slide_whose_picture_became_a_named_pipe_shows_without_it(
    tmp_path: Path, start_kiosk: Callable[..., Guest], no_reader: Callable[[Path], NoReader],
) -> None:
    """A set read without copies (as `check` and tests read it) whose picture is then replaced
    by a named pipe: the slide shows its words, and nobody opens the pipe."""
    content = load_test_content(spa(tmp_path))
    picture = tmp_path / "assets" / "slides" / "photo.png"
    picture.unlink()
    os.mkfifo(picture)
    watcher = no_reader(picture)
    guest = start_kiosk(content)
    for index in (1, 0):
        guest.controller.show_slide(index)
        guest.qtbot.wait(200)
        assert guest.controller.screens.attract.property("slide")["image"] == ""
        assert guest.is_shown("slideWords")
        assert not guest.is_shown("slideImage")
    watcher.stop()
    assert not watcher.opened


def checked(folder: Path) -> Any:
    from kiosk.ops import checker

    result = checker.check_in_helper(folder)
    assert result.content is not None, [p.format() for p in result.problems]
    return result.content


def shown_picture(guest: Guest) -> QImage:
    """What the live slide's picture item shows, as the file it was loaded from decodes."""
    item = guest.item("slideImage")
    source = item.property("source").toLocalFile()
    return QImage(source)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SPA_KIOSK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.mark.parametrize("swap", ["rm-and-cp", "rsync"])
def test_a_folder_swap_keeps_the_pictures_of_the_set_on_screen(
    tmp_path: Path, start_kiosk: Callable[..., Guest], data_dir: Path, swap: str
) -> None:
    live = tmp_path / "live"
    folder = spa(live)
    content = checked(folder)
    guest = start_kiosk(content)
    guest.controller.show_slide(0)
    guest.item("slideImage")
    new = tmp_path / "new"
    spa(new)
    (new / "assets" / "slides" / "photo.png").unlink()  # the new set has other pictures
    (new / "assets" / "slides" / "other.png").write_bytes(png(100, 100))
    if swap == "rm-and-cp":
        shutil.rmtree(live / "assets")
        subprocess.run(["cp", "-r", str(new / "assets"), str(live)], check=True)
    else:
        if shutil.which("rsync") is None:
            pytest.skip("rsync is not installed")
        subprocess.run(
            ["rsync", "-a", "--delete", f"{new / 'assets'}/", f"{live / 'assets'}/"], check=True
        )
    assert not (live / "assets" / "slides" / "photo.png").exists()
    for index in (1, 0):  # the old set's slides come up again while the new one is checked
        guest.controller.show_slide(index)
        guest.qtbot.waitUntil(lambda: guest.is_shown("slideImage"), timeout=3000)
        assert shown_picture(guest).width() == 300
    assert guest.controller.screens.attract.property("slide")["aspect"] == 3.0


def test_a_picture_replaced_under_the_same_name_shows_after_reload_and_old_copies_go(
    tmp_path: Path, start_kiosk: Callable[..., Guest], data_dir: Path
) -> None:
    folder = spa(tmp_path)
    first = checked(folder)
    guest = start_kiosk(first)
    guest.controller.drop_copies = lambda used: assetstore.drop_unused(
        assetstore.store_dir(), used, keep_new_seconds=0
    )
    guest.controller.show_slide(0)
    guest.qtbot.waitUntil(lambda: guest.is_shown("slideImage"), timeout=3000)
    assert shown_picture(guest).pixelColor(5, 5).name() == "#804020"
    old_copy = first.asset("slides/photo.png")

    picture = tmp_path / "assets" / "slides" / "photo.png"
    subprocess.run(["cp", "/dev/stdin", str(picture)], input=png(300, 100, "#2060a0"),
                   check=True)  # the same name, the same size, other pixels
    second = checked(folder)
    assert second.asset("slides/photo.png") != old_copy
    guest.controller.set_content(second)
    guest.controller.advance_slide()  # the next calm moment: the new set goes on screen
    guest.qtbot.waitUntil(
        lambda: guest.is_shown("slideImage")
        and shown_picture(guest).pixelColor(5, 5).name() == "#2060a0",
        timeout=3000,
    )
    # Once the old set has faded out, its copy is dropped; the new set's stays.
    guest.qtbot.waitUntil(lambda: not old_copy.exists(), timeout=5000)
    assert second.asset("slides/photo.png").exists()
    assert not any(p.name.startswith(".part-") for p in assetstore.store_dir().iterdir())


@pytest.mark.qt_log_ignore("Error decoding")
def test_a_picture_that_fails_when_shown_leaves_the_words(
    tmp_path: Path, start_kiosk: Callable[..., Guest], data_dir: Path
) -> None:
    content = checked(spa(tmp_path))
    copy = content.asset("slides/photo.png")
    assert copy is not None
    copy.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)  # the copy damaged after the check
    guest = start_kiosk(content)
    guest.qtbot.wait(300)
    assert guest.controller.screens.attract.property("slide")["image"] != ""
    assert not guest.is_shown("slideImage")
    assert guest.is_shown("slideWords")



def test_the_running_kiosk_drops_the_copies_of_a_set_it_let_go(tmp_path: Path) -> None:
    """`spa-kiosk run`: a picture replaced under the same name is taken in, and once the old set
    is off screen the old copy goes (made long ago: its age is set back, as if it were)."""
    folder = spa(tmp_path / "spa")
    store = tmp_path / "data" / assetstore.FOLDER
    with contextlib.closing(start(tmp_path, folder)) as kiosk:
        kiosk.wait_ready()
        deadline = time.monotonic() + 30
        while not list(store.glob("*.png")) and time.monotonic() < deadline:
            time.sleep(0.1)
        (old,) = store.glob("*.png")
        hour_ago = time.time() - 3600
        os.utime(old, (hour_ago, hour_ago))
        picture = tmp_path / "spa" / "assets" / "slides" / "photo.png"
        subprocess.run(["cp", "/dev/stdin", str(picture)], input=png(300, 100, "#2060a0"),
                       check=True)
        kiosk.wait_log("new content checked")
        kiosk.wait_log("dropped 1 picture copies")
        assert not old.exists()
        assert [p.read_bytes() for p in store.glob("*.png")] == [png(300, 100, "#2060a0")]
        stop(kiosk)
