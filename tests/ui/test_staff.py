"""Staff access: the hidden long press, the PIN pad, the panel and its actions."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from kioskkit import FakeClock, Guest, load_test_content, write_test_content
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.ops.content_status import ContentStatus
from kiosk.ops.staff_pin import PinStore
from kiosk.ui.staff_panel import PANEL_IDLE_SECONDS, StaffActions, StaffController

pytestmark = pytest.mark.ui
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier
PROBLEM = "content/slides.yaml:4:5: warning: slides[0].body: missing translation: 'es'"


@pytest.fixture
def setup(start_kiosk: Any, tmp_path: Path) -> tuple[Guest, list[str], PinStore]:
    folder = write_test_content(tmp_path)
    pins = PinStore(tmp_path / "data" / "staff-pin.json")
    pins.set_pin("2468")
    status = ContentStatus(folder)
    status.loaded_at = status.checked_at = 1_790_000_000.0
    status.problems = [PROBLEM]
    made: list[str] = []
    actions = StaffActions(
        reload_now=lambda: made.append("reload"),
        preview=lambda: made.append("preview"),
        exit_kiosk=lambda: made.append("exit"),
    )
    clock = FakeClock()
    staff = StaffController(pins, status, actions, clock=clock, hold_seconds=1.0)
    guest = start_kiosk(load_test_content(folder), clock=clock, staff=staff)
    return guest, made, pins


def long_press_corner(guest: Guest) -> None:
    corner = QPoint(20, 20)
    QTest.mousePress(guest.window, LEFT, NO_KEYS, corner)
    QTest.qWait(1300)  # longer than the (shortened) hold time
    QTest.mouseRelease(guest.window, LEFT, NO_KEYS, corner)
    QTest.qWait(50)


def enter(guest: Guest, pin: str) -> None:
    for digit in pin:
        guest.touch(f"pinKey_{digit}")
    guest.touch("pinKey_OK")


def test_a_short_tap_in_the_corner_does_nothing(setup: Any) -> None:
    guest, _, _ = setup
    QTest.mouseClick(guest.window, LEFT, NO_KEYS, QPoint(20, 20))
    QTest.qWait(100)
    assert not guest.is_shown("staffPanel")


def test_long_press_and_the_right_pin_open_the_panel(setup: Any) -> None:
    guest, made, _ = setup
    long_press_corner(guest)
    assert guest.text("staffMessage") == "Enter the staff PIN"
    assert guest.controller.current_screen == "attract"  # the guest flow did not start
    enter(guest, "2468")
    guest.qtbot.waitUntil(lambda: guest.is_shown("staffReloadButton"))
    assert guest.text("staffProblemCount") == "1 problem(s) in the content:"
    assert "Spa Kiosk" in guest.text("staffVersion")
    assert guest.text("staffUsage").startswith("Today: 0 guests started")
    guest.touch("staffReloadButton")
    assert made == ["reload"]
    guest.touch("staffExitButton")
    assert made == ["reload"]  # one tap only asks to confirm
    assert guest.text("staffExitButton") == "Tap again to exit"
    guest.touch("staffExitButton")
    assert made == ["reload", "exit"]


def test_wrong_pins_lock_the_pad_and_the_lock_survives_a_restart(
    setup: Any, tmp_path: Path
) -> None:
    guest, _, pins = setup
    long_press_corner(guest)
    enter(guest, "1111")
    assert guest.text("staffMessage").startswith("Wrong PIN. 2 tries left")
    enter(guest, "1112")
    enter(guest, "1113")
    assert guest.text("staffMessage").startswith("Too many wrong PINs. Try again in")
    enter(guest, "2468")  # even the right PIN waits out the lock
    assert not guest.is_shown("staffReloadButton")
    restarted = PinStore(tmp_path / "data" / "staff-pin.json")
    assert restarted.status(time.time()).status.value == "locked"
    assert not pins.check("2468", time.time()).ok


def test_the_panel_closes_itself_after_a_quiet_minute(setup: Any) -> None:
    guest, _, _ = setup
    long_press_corner(guest)
    enter(guest, "2468")
    guest.item("staffReloadButton")
    clock = guest.clock
    assert isinstance(clock, FakeClock)
    clock.advance(PANEL_IDLE_SECONDS + 1)
    guest.qtbot.waitUntil(lambda: not guest.is_shown("staffPanel"))


def test_without_a_pin_the_pad_says_how_to_set_one(start_kiosk: Any, tmp_path: Path) -> None:
    folder = write_test_content(tmp_path)
    staff = StaffController(
        PinStore(tmp_path / "none.json"),
        ContentStatus(folder),
        StaffActions(lambda: None, lambda: None, lambda: None),
        clock=FakeClock(),
        hold_seconds=1.0,
    )
    guest = start_kiosk(load_test_content(folder), staff=staff)
    long_press_corner(guest)
    assert "spa-kiosk set-pin" in guest.text("staffMessage")
    assert not guest.is_shown("pinKey_1")
    guest.touch("staffCloseButton")
    guest.qtbot.waitUntil(lambda: not guest.is_shown("staffPanel"))
