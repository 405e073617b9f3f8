"""Outside opening hours the screen sleeps (black, nothing drawn), a touch wakes it for the
attract loop, and closing time never cuts a guest short. Driven on the simulated clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kioskkit import KIOSK_YAML, FakeClock, Guest, load_test_content, write_test_content
from PySide6.QtCore import QObject

HOURS = 'opening_hours: {mon-sun: "09:00-21:00"}\n'
# 2026-12-01 is a Tuesday; the test content's idle time is 30 s.
BEFORE_CLOSING = datetime(2026, 12, 1, 20, 59, 0)


def start_at(start_kiosk: Callable[..., Guest], tmp_path: Path, wall: datetime) -> Guest:
    folder = write_test_content(tmp_path, kiosk=KIOSK_YAML + HOURS)
    return start_kiosk(load_test_content(folder), clock=FakeClock(wall=wall))


def frames_while(guest: Guest, seconds: float) -> int:
    """Frames the window draws while the simulated clock moves on `seconds`, a second at a time,
    with Qt's events handled in between."""
    drawn = [0]

    def count() -> None:
        drawn[0] += 1

    guest.window.frameSwapped.connect(count)
    for _ in range(int(seconds)):
        guest.clock.advance(1)  # type: ignore[attr-defined]
        guest.qtbot.wait(20)
    guest.window.frameSwapped.disconnect(count)
    return drawn[0]


def test_the_screen_sleeps_at_closing_time_and_draws_nothing(
    start_kiosk: Callable[..., Guest], tmp_path: Path
) -> None:
    guest = start_at(start_kiosk, tmp_path, BEFORE_CLOSING)
    clock = guest.clock
    assert isinstance(clock, FakeClock)
    assert guest.is_shown("tapToBegin") and not guest.is_shown("sleepCover")
    clock.wall = datetime(2026, 12, 1, 21, 0, 1)
    clock.advance(61)  # the sleep rule is asked at least once a minute
    guest.item("sleepCover")
    assert not guest.is_shown("tapToBegin")
    guest.qtbot.wait(1500)  # the black frame, and the end of the cross-fade that was running
    assert frames_while(guest, 20) == 0, "asleep: no frames while nothing changes"
    slide = guest.controller.screens.attract.property("slide")["serial"]
    clock.advance(60)
    assert guest.controller.screens.attract.property("slide")["serial"] == slide


def test_a_touch_wakes_it_for_the_attract_loop_then_it_sleeps_again(
    start_kiosk: Callable[..., Guest], tmp_path: Path
) -> None:
    guest = start_at(start_kiosk, tmp_path, datetime(2026, 12, 1, 23, 0))
    clock = guest.clock
    assert isinstance(clock, FakeClock)
    guest.item("sleepCover")
    guest.touch("sleepCover")
    guest.item("tapToBegin")
    assert guest.controller.current_screen == "attract", "the waking touch begins nothing"
    clock.advance(25)
    assert guest.is_shown("tapToBegin")
    clock.advance(65)
    guest.item("sleepCover")


def test_closing_time_never_cuts_a_guest_short(
    start_kiosk: Callable[..., Guest], tmp_path: Path
) -> None:
    guest = start_at(start_kiosk, tmp_path, BEFORE_CLOSING)
    clock = guest.clock
    assert isinstance(clock, FakeClock)
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    clock.wall = datetime(2026, 12, 1, 21, 5)
    clock.advance(20)
    guest.answer("aches", next_=False)
    clock.advance(20)
    assert guest.is_shown("questionScreen") and not guest.is_shown("sleepCover")
    guest.tap("startOverButton")
    guest.wait_screen("attract")
    clock.advance(61)
    guest.item("sleepCover")


def test_staff_see_when_the_screen_next_sleeps_or_wakes(
    start_kiosk: Callable[..., Guest], tmp_path: Path
) -> None:
    guest = start_at(start_kiosk, tmp_path, BEFORE_CLOSING)
    assert guest.controller.opening_note() == "The screen sleeps at 21:00"
    clock = guest.clock
    assert isinstance(clock, FakeClock)
    clock.wall = datetime(2026, 12, 1, 22, 0)
    assert guest.controller.opening_note() == "The screen wakes at Wed 09:00"
    panel_model = guest.kiosk.staff
    assert isinstance(panel_model, QObject)
