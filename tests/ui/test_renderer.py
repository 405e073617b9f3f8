"""The renderer the kiosk chooses, with the real OpenGL probe: under Xvfb (Mesa's llvmpipe, as on
a kiosk PC without a GPU driver) and offscreen; and the staff panel's line about it."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kioskkit import FakeClock, load_test_content, write_test_content
from kioskproc import kiosk_command, start_and_stop
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.ops.content_status import ContentStatus
from kiosk.ops.renderer_choice import GlInfo, Renderer, RendererChoice
from kiosk.ops.staff_pin import PinStore
from kiosk.ui.staff_panel import StaffActions, StaffController

pytestmark = pytest.mark.ui
SOFTWARE_REASONS = (
    "no GPU device (/dev/dri/renderD*, /dev/nvidia*): using Qt's software renderer",
    "OpenGL is llvmpipe (software): using Qt's software renderer",
)
NO_GL = "no usable OpenGL: using Qt's software renderer"
LEFT, NO_KEYS = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier

PROBE = """
import json, sys
from PySide6.QtGui import QGuiApplication
from kiosk.ops.renderer_choice import choose
from kiosk.ui.renderer import probe_gl
app = QGuiApplication(sys.argv[:1])
gl = probe_gl()
# A render node as on a PC with a GPU, so that the decision asks OpenGL itself.
choice = choose("auto", {}, lambda: ["/dev/dri/renderD128"], probe_gl)
print(json.dumps({"gl": gl and gl.renderer, "renderer": choice.renderer.value,
                  "reason": choice.reason}))
"""


@pytest.fixture(scope="module")
def xvfb() -> Iterator[str]:
    """A display of our own (Xvfb picks a free number), 1920x1080."""
    if not shutil.which("Xvfb"):
        pytest.skip("needs Xvfb (apt-get install xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,), stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        ready, _, _ = select.select([read], [], [], 30)
        number = os.read(read, 32).decode().strip() if ready else ""
        assert number, "Xvfb did not say which display it took"
        yield f":{number}"
    finally:
        os.close(read)
        server.terminate()
        server.wait(10)


def qt_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A kiosk's environment with no renderer set by hand and private folders."""
    env = {
        k: v for k, v in os.environ.items()
        if k not in {"QT_QUICK_BACKEND", "QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY",
                     "LIBGL_ALWAYS_SOFTWARE"}
    }
    for name in ("DATA", "LOG", "CACHE", "RUNTIME"):
        env[f"SPA_KIOSK_{name}_DIR"] = str(tmp_path / name.lower())
    (tmp_path / "runtime").mkdir(mode=0o700, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "runtime")
    env.update(extra)
    return env


def probe(env: dict[str, str]) -> dict[str, str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, str] = json.loads(done.stdout.splitlines()[-1])
    return result


def run_kiosk(env: dict[str, str], folder: Path, *options: str) -> str:
    """`spa-kiosk run` full screen until its first frame is up; its log and Qt's scene graph
    messages."""
    code, output, _ = start_and_stop(
        kiosk_command(folder, *options, windowed=False), {**env, "QSG_INFO": "1"}
    )
    assert code == 0, output[-3000:]
    return output


def renderer_line(log: str) -> str:
    lines = [line for line in log.splitlines() if "INFO kiosk: renderer: " in line]
    assert len(lines) == 1, log
    return lines[0].split("INFO kiosk: renderer: ", 1)[1].rsplit(" (decided in ", 1)[0]


def test_under_xvfb_the_real_probe_finds_llvmpipe_and_chooses_software(
    xvfb: str, tmp_path: Path
) -> None:
    found = probe(qt_env(tmp_path, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb"))
    assert "llvmpipe" in found["gl"]
    assert found["renderer"] == "software"
    assert found["reason"] == SOFTWARE_REASONS[1]


def test_offscreen_without_a_display_has_no_usable_opengl(tmp_path: Path) -> None:
    found = probe(qt_env(tmp_path, QT_QPA_PLATFORM="offscreen"))
    assert found["gl"] is None
    assert found["renderer"] == "software"
    assert found["reason"] == NO_GL


def test_the_kiosk_under_xvfb_draws_with_the_software_renderer_unless_told(
    xvfb: str, tmp_path: Path
) -> None:
    folder = write_test_content(tmp_path / "spa")
    env = qt_env(tmp_path, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb")
    log = run_kiosk(env, folder)
    assert renderer_line(log) in SOFTWARE_REASONS
    assert "Loading backend software" in log  # Qt's own word: the choice was applied

    log = run_kiosk(env, folder, "--renderer", "gpu")
    assert renderer_line(log) == "--renderer gpu: using the GPU (Qt Quick on OpenGL)"
    assert "Creating QRhi with backend OpenGL" in log

    log = run_kiosk({**env, "QT_QUICK_BACKEND": "software"}, folder, "--renderer", "gpu")
    assert renderer_line(log) == (
        "QT_QUICK_BACKEND=software set by hand, over --renderer gpu: "
        "using Qt's software renderer"
    )
    assert "Loading backend software" in log


def test_the_kiosk_offscreen_draws_with_the_software_renderer(tmp_path: Path) -> None:
    folder = write_test_content(tmp_path / "spa")
    log = run_kiosk(qt_env(tmp_path, QT_QPA_PLATFORM="offscreen"), folder)
    assert renderer_line(log) in (*SOFTWARE_REASONS, NO_GL)
    assert "Loading backend software" in log


def test_the_staff_panel_says_which_renderer_draws(start_kiosk: Any, tmp_path: Path) -> None:
    folder = write_test_content(tmp_path)
    pins = PinStore(tmp_path / "data" / "staff-pin.json")
    pins.set_pin("2468")
    clock = FakeClock()
    choice = RendererChoice(
        Renderer.SOFTWARE, "OpenGL is llvmpipe (software): using Qt's software renderer",
        GlInfo("Mesa/X.org", "llvmpipe (LLVM 15.0.6, 256 bits)"),
    )
    staff = StaffController(
        pins, ContentStatus(folder), StaffActions(print, print, print), clock=clock,
        hold_seconds=1.0, drawn_by=choice,
    )
    guest = start_kiosk(load_test_content(folder), clock=clock, staff=staff)
    corner = QPoint(20, 20)
    QTest.mousePress(guest.window, LEFT, NO_KEYS, corner)
    QTest.qWait(1300)  # longer than the (shortened) hold time
    QTest.mouseRelease(guest.window, LEFT, NO_KEYS, corner)
    for key in "2468":
        guest.touch(f"pinKey_{key}")
    guest.touch("pinKey_OK")
    guest.qtbot.waitUntil(lambda: guest.is_shown("staffRenderer"))
    assert guest.text("staffRenderer") == (
        "Renderer: OpenGL is llvmpipe (software): using Qt's software renderer"
    )
