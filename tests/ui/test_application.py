"""The kiosk's Qt application leaves the desktop's own settings alone (its look is its own)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from kioskproc import xvfb_display

PROBE = """
from PySide6.QtGui import QGuiApplication
from kiosk.ui.app import application
app = application()
maps = open("/proc/self/maps").read() if __import__("os").path.exists("/proc/self/maps") else ""
print(QGuiApplication.desktopSettingsAware(), application() is app, "libgtk-3" in maps)
"""


def probe(env: dict[str, str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()


def test_the_application_is_made_once_without_the_desktops_settings() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    assert probe(env) == ["False", "True", "False"]


@pytest.mark.skipif(
    not (shutil.which("Xvfb") and os.path.exists("/usr/lib/x86_64-linux-gnu/libgtk-3.so.0")),
    reason="needs Xvfb and GTK 3 (apt-get install xvfb libgtk-3-0)",
)
def test_on_a_gnome_desktop_gtk_is_not_loaded() -> None:
    """Qt's GTK theme (loaded on GNOME-like desktops for their settings) cost ~90 ms a start."""
    with xvfb_display() as display:  # a free display of its own, not a fixed number
        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        env.update(DISPLAY=display, XDG_CURRENT_DESKTOP="GNOME", QT_QPA_PLATFORM="xcb")
        assert probe(env) == ["False", "True", "False"]

UPDATES = """
from PySide6.QtCore import QEvent
from PySide6.QtGui import QWindow
from kiosk.ui.app import application
app = application()


class Window(QWindow):
    updates = 0

    def event(self, event):
        if event.type() == QEvent.Type.UpdateRequest:
            Window.updates += 1
        return super().event(event)


window = Window()
window.resize(200, 100)
window.show()
for _ in range(50):
    app.processEvents()
Window.updates = 0
window.requestUpdate()
app.processEvents()  # one pass of the event loop, no waiting
print(Window.updates, __import__("os").environ["QT_QPA_UPDATE_IDLE_TIME"])
"""


def test_a_frame_asked_for_is_drawn_in_the_same_pass_of_the_event_loop() -> None:
    """Without vsync Qt waits 5 ms before drawing a frame asked for; the kiosk's application
    draws at once (a tap shows ~4 ms sooner; fade frames come more evenly), unless a
    technician set QT_QPA_UPDATE_IDLE_TIME."""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_UPDATE_IDLE_TIME"}
    env["QT_QPA_PLATFORM"] = "offscreen"

    def run(extra: dict[str, str]) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", UPDATES], env={**env, **extra}, capture_output=True,
            text=True, timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout.split()

    assert run({}) == ["1", "0"]
    assert run({"QT_QPA_UPDATE_IDLE_TIME": "50"})[1] == "50"  # the technician's own
