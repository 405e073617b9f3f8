"""Guests cannot get out or see others, and the kiosk rides out clock jumps and screen changes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from kioskkit import FakeClock, Guest, load_test_content, write_test_content
from PySide6.QtCore import QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest

pytestmark = pytest.mark.ui

K = Qt.Key
M = Qt.KeyboardModifier
SPECIAL_KEYS = [
    K.Key_Escape,
    K.Key_Tab,
    K.Key_Backtab,
    K.Key_Backspace,
    K.Key_Return,
    K.Key_Enter,
    K.Key_Insert,
    K.Key_Delete,
    K.Key_Pause,
    K.Key_Print,
    K.Key_SysReq,
    K.Key_Home,
    K.Key_End,
    K.Key_Left,
    K.Key_Up,
    K.Key_Right,
    K.Key_Down,
    K.Key_PageUp,
    K.Key_PageDown,
    K.Key_Menu,
    K.Key_Super_L,
    K.Key_Super_R,
    K.Key_Meta,
    K.Key_Alt,
    K.Key_Control,
    K.Key_Back,
    K.Key_Forward,
    K.Key_Close,
    K.Key_Sleep,
    K.Key_PowerOff,
    K.Key_Space,
]
FUNCTION_KEYS = [Qt.Key(K.Key_F1.value + i) for i in range(35)]
# Qt names letters by their capitals: 0x61-0x7A are not key codes.
PRINTABLE = [Qt.Key(code) for code in [*range(0x21, 0x61), *range(0x7B, 0x7F)]]
MODIFIERS = [
    M.NoModifier,
    M.ShiftModifier,
    M.ControlModifier,
    M.AltModifier,
    M.MetaModifier,
    M.ControlModifier | M.AltModifier,
    M.ControlModifier | M.ShiftModifier,
    M.AltModifier | M.ShiftModifier,
    M.ControlModifier | M.AltModifier | M.ShiftModifier,
]


@pytest.fixture
def locked(start_kiosk: Any, content_folder: Path) -> Guest:
    guest = start_kiosk(load_test_content(content_folder))
    with guest.qtbot.waitSignal(guest.window.frameSwapped):
        guest.kiosk.lock_down()
    QTest.qWait(50)
    guest.tap("tapToBegin")
    guest.answer("aches", next_=False)
    return guest


def test_no_key_combination_gets_a_guest_out(locked: Guest) -> None:
    for modifier in MODIFIERS:
        for key in SPECIAL_KEYS + FUNCTION_KEYS + PRINTABLE:
            # Sent as the window system would (QTest.keyClick knows no text for media keys).
            for kind in (
                QEvent.Type.ShortcutOverride,
                QEvent.Type.KeyPress,
                QEvent.Type.KeyRelease,
            ):
                QGuiApplication.sendEvent(locked.window, QKeyEvent(kind, key, modifier))
    QTest.qWait(100)
    assert locked.window.isVisible()
    assert locked.window.windowState() == Qt.WindowState.WindowFullScreen
    assert locked.controller.current_screen == "question"
    assert locked.chosen() == ["aches"]  # and nothing else changed


def swipe(guest: Guest, start: QPoint, end: QPoint, hold_ms: int = 0) -> None:
    device = guest.touch_device
    QTest.touchEvent(guest.window, device).press(0, start, guest.window).commit()
    QTest.qWait(hold_ms or 10)
    for step in range(1, 11):
        point = start + (end - start) * (step / 10)
        QTest.touchEvent(guest.window, device).move(0, point, guest.window).commit()
        QTest.qWait(5)
    QTest.touchEvent(guest.window, device).release(0, end, guest.window).commit()
    QTest.qWait(30)


def test_swipes_and_long_presses_from_every_edge_do_nothing(locked: Guest) -> None:
    width, height = locked.window.width(), locked.window.height()
    middle = QPoint(width // 2, height // 2)
    edges = [
        QPoint(0, height // 2),
        QPoint(width - 1, height // 2),
        QPoint(width // 2, 0),
        QPoint(width // 2, height - 1),
        QPoint(width - 1, 0),
        QPoint(0, height - 1),
        QPoint(width - 1, height - 1),
    ]
    for edge in edges:
        swipe(locked, edge, middle)
        swipe(locked, edge, edge, hold_ms=1200)  # a long press on the edge
        swipe(locked, middle, edge)
    assert locked.window.isVisible()
    assert locked.controller.current_screen == "question"
    assert locked.chosen() == ["aches"]
    assert not locked.is_shown("staffPanel")  # only the documented staff corner opens it


def test_after_any_reset_nothing_of_the_guest_can_be_reached(locked: Guest) -> None:
    locked.tap("nextButton")
    locked.answer("back")
    locked.tap("startOverButton")
    locked.wait_screen("attract")
    assert locked.controller.journey is None
    screens = locked.controller.screens
    assert screens.result.property("suggestion").property("outcome") == ""
    assert screens.questions.property("question").property("id") == ""
    locked.controller.back()  # even a stray Back: nothing to go back to
    assert locked.controller.current_screen == "attract"
    locked.tap("tapToBegin")
    locked.wait_screen("question")
    assert locked.chosen() == []
    assert not locked.is_shown("backButton")


def test_wall_clock_jumps_move_schedules_but_never_cut_a_guest_short(
    start_kiosk: Any, tmp_path: Path
) -> None:
    slides = """\
slides:
  - {id: day, title: Daytime warmth, show: {hours: "06:00-18:00"}}
  - {id: night, title: Evening calm, show: {hours: "18:00-06:00"}}
"""
    clock = FakeClock()
    guest = start_kiosk(load_test_content(write_test_content(tmp_path, slides=slides)), clock=clock)
    assert guest.text("slideTitle") == "Daytime warmth"
    guest.tap("tapToBegin")
    guest.answer("stress", next_=False)
    clock.wall += timedelta(hours=10)  # the clock jumps forward (NTP, DST, a dead battery)
    clock.advance(5)
    assert guest.controller.current_screen == "question"  # timeouts use the monotonic clock
    clock.wall -= timedelta(days=3)  # and far backwards
    clock.advance(5)
    assert guest.chosen() == ["stress"]
    guest.tap("startOverButton")
    guest.qtbot.waitUntil(lambda: guest.text("slideTitle") == "Evening calm")  # 20:00 now


def test_the_screen_turning_from_landscape_to_portrait_mid_journey(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.answer("aches", "stress", next_=False)
    with guest.qtbot.waitSignal(guest.window.frameSwapped):
        guest.window.resize(QSize(1080, 1920))
    QTest.qWait(50)
    for name in ("option_aches", "option_stress", "option_sleep", "nextButton", "questionPrompt"):
        item = guest.item(name)
        box = item.mapRectToScene(item.boundingRect())
        assert box.left() >= 0 and box.right() <= 1080 and box.bottom() <= 1920, name
    guest.tap("nextButton")
    assert guest.text("questionPrompt") == "Where?"
    assert guest.controller.journey is not None
