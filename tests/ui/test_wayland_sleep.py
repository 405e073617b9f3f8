"""Under Wayland the sleeping kiosk asks the compositor to switch the display off, and on again
at opening time: against a real sway (headless), the kiosk on Qt's wayland platform."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from kioskkit import KIOSK_YAML, write_test_content
from kioskproc import private_env, start_and_quit
from swaykit import Sway, headless_sway, wait_until

from kiosk.ops.display_power import choose, set_power

pytestmark = [
    pytest.mark.ui,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="sway runs on Linux"),
]

OFF, ON = "Turning off output HEADLESS-1", "Turning on output HEADLESS-1"
UI_TESTS = Path(__file__).parent

SLEEP_AND_WAKE = """\
import select, sys
from datetime import datetime
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from kioskkit import FakeClock, load_test_content
from kiosk.ops import screensaver
from kiosk.ui.app import KioskWindow

app = QGuiApplication(sys.argv[:1])
clock = FakeClock(wall=datetime(2026, 12, 1, 20, 59))  # a Tuesday, open until 21:00
kiosk = KioskWindow(load_test_content(Path(sys.argv[1])), clock, QSize(1280, 720))
kiosk.controller.display_power = screensaver.display_power  # as `spa-kiosk run` does

def say(what):  # tell the test, and keep drawing until it says go on
    print(what, flush=True)
    while not select.select([sys.stdin], [], [], 0.05)[0]:
        app.processEvents()
    sys.stdin.readline()

kiosk.window.showFullScreen()
say("shown")
clock.wall = datetime(2026, 12, 1, 21, 0, 1)
clock.advance(61)
say("asleep" if kiosk.controller.property("asleep") else "awake")
clock.wall = datetime(2026, 12, 2, 9, 0, 1)
clock.advance(61)
say("asleep" if kiosk.controller.property("asleep") else "awake")
kiosk.close()
"""


@pytest.fixture
def sway() -> Iterator[Sway]:
    with headless_sway() as running:
        yield running


def client_env(sway: Sway, root: Path) -> dict[str, str]:
    env = private_env(root)
    for name in ("DISPLAY", "XDG_CURRENT_DESKTOP", "XDG_SESSION_TYPE"):
        env.pop(name, None)
    env.update(sway.client_env(), QT_QPA_PLATFORM="wayland")
    return env


def test_the_kiosks_call_switches_sways_output_off_and_on(
    sway: Sway, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DISPLAY", "XDG_CURRENT_DESKTOP", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in sway.client_env().items():
        monkeypatch.setenv(name, value)
    way = choose(os.environ)
    assert way is not None and way.name.startswith("sway")
    assert sway.powered() == [True]
    woken = sway.said(ON)  # sway turns its output on as it starts
    assert set_power(False, way)
    # Off as sway reports it; or, where wlroots cannot switch a headless output off (before
    # 0.17), sway's own word that it tried: the request reached the output, in words sway takes.
    assert sway.powered() == [False] or sway.said(OFF) == 1
    assert set_power(True, way)
    assert sway.powered() == [True]
    assert sway.said_last(ON, OFF) == ON and sway.said(ON) >= woken + 1


def test_a_kiosk_started_after_closing_time_switches_the_display_off(
    sway: Sway, tmp_path: Path
) -> None:
    folder = write_test_content(
        tmp_path / "spa", kiosk=KIOSK_YAML + "opening_hours: {mon-sun: closed}\n"
    )
    done, _ = start_and_quit(
        [sys.executable, "-m", "kiosk", "run", "--content", str(folder)],
        client_env(sway, tmp_path), cwd=tmp_path, after_ready=3,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout
    assert "outside opening hours: the screen sleeps" in done.stdout
    assert "the display is switched off through sway" in done.stdout
    assert sway.said(OFF) == 1, "the kiosk asked sway to switch its output off"
    # Stopped while asleep (a technician's `systemctl stop` at night): the display on again.
    assert sway.said_last(ON, OFF) == ON, "the stopped kiosk left sway's output off"


def test_the_kiosk_on_wayland_sleeps_at_closing_and_wakes_at_opening(
    sway: Sway, tmp_path: Path
) -> None:
    folder = write_test_content(
        tmp_path / "spa", kiosk=KIOSK_YAML + 'opening_hours: {mon-sun: "09:00-21:00"}\n'
    )
    script = tmp_path / "sleep_and_wake.py"
    script.write_text(SLEEP_AND_WAKE)
    kiosk = subprocess.Popen(
        [sys.executable, str(script), str(folder), str(UI_TESTS)], env=client_env(sway, tmp_path),
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    assert kiosk.stdin is not None and kiosk.stdout is not None

    def next_step() -> str:
        line = kiosk.stdout.readline().strip()  # type: ignore[union-attr]
        while line and line not in {"shown", "asleep", "awake"}:  # Qt's and the kiosk's log
            line = kiosk.stdout.readline().strip()  # type: ignore[union-attr]
        return line

    def go_on() -> None:
        kiosk.stdin.write("\n")  # type: ignore[union-attr]
        kiosk.stdin.flush()  # type: ignore[union-attr]

    try:
        assert next_step() == "shown"
        wait_until(lambda: bool(sway.app_ids()), 20,
                   "the kiosk's window on sway")  # fmt: skip
        assert sway.powered() == [True] and sway.said(OFF) == 0
        woken = sway.said(ON)  # sway turns its output on as it starts
        go_on()
        assert next_step() == "asleep"
        wait_until(lambda: sway.powered() == [False] or sway.said(OFF) == 1, 20,
                   "sway's output switched off")  # fmt: skip
        assert sway.said(ON) == woken
        go_on()
        assert next_step() == "awake"
        wait_until(lambda: sway.said(ON) == woken + 1, 20, "sway's output switched on")
        assert sway.powered() == [True]
        go_on()
        assert kiosk.wait(30) == 0
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
        kiosk.wait()
