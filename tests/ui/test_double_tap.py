"""A double or triple tap acts once: the taps after it never act on the screen the first brought.

Issue 26, item 4: a double tap on "See my suggestion" landed on "Done" and the guest never saw
the package. Driven by real clicks and touches, at the intervals guests tap (120, 300, 600 ms),
on the real QML screens, in both orientations.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from kioskkit import Guest, load_test_content, write_test_content
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtTest import QTest

pytestmark = pytest.mark.ui

HERE = Path(__file__).parent
GAPS_MS = (120, 300, 600)
SIZES = ((1920, 1080), (1080, 1920))


def _mouse(guest: Guest, where: QPoint) -> None:
    QTest.mouseClick(guest.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)


def _finger(guest: Guest, where: QPoint) -> None:
    QTest.touchEvent(guest.window, guest.touch_device).press(0, where, guest.window).commit()
    QTest.touchEvent(guest.window, guest.touch_device).release(0, where, guest.window).commit()


def _taps(guest: Guest, where: QPoint, count: int, gap_ms: int, how: Callable[..., None]) -> None:
    """`count` taps on one spot, `gap_ms` apart (from one tap's start to the next's)."""
    for i in range(count):
        started = time.monotonic()
        how(guest, where)
        if i < count - 1:
            left = gap_ms - (time.monotonic() - started) * 1000
            QTest.qWait(max(0, round(left)))


def _to_last_question(guest: Guest, *screening: str) -> None:
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    guest.answer("stress")
    guest.answer("t60")
    guest.answer(*screening, next_=False)
    assert guest.controller.screens.questions.property("question").property("last") is True


def _rect(guest: Guest, name: str) -> QRectF:
    item = guest.item(name)
    return item.mapRectToScene(item.boundingRect())


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
@pytest.mark.parametrize("gap", GAPS_MS)
def test_a_triple_tap_on_see_my_suggestion_still_shows_the_suggestion(
    start_kiosk: Any, content_folder: Path, size: tuple[int, int], gap: int
) -> None:
    guest = start_kiosk(load_test_content(content_folder), size=size)
    _to_last_question(guest, "none")
    guest.wait_settled()
    spot = guest.center("nextButton")
    _taps(guest, spot, 3, gap, _mouse)
    guest.wait_screen("result")
    guest.wait_settled()
    assert guest.controller.screen == "result"
    assert guest.text("packageName") == "Calm Half Hour"
    assert guest.is_shown("deskCode") or guest.is_shown("qrCode")
    assert guest.controller.journey is not None, "a tap the guest never meant ended the journey"


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
@pytest.mark.parametrize("gap", GAPS_MS)
def test_a_triple_tap_to_the_therapist_stays_there(
    start_kiosk: Any, content_folder: Path, size: tuple[int, int], gap: int
) -> None:
    guest = start_kiosk(load_test_content(content_folder), size=size)
    _to_last_question(guest, "unsure")
    guest.wait_settled()
    _taps(guest, guest.center("nextButton"), 3, gap, _finger)
    guest.wait_screen("consult")
    guest.wait_settled()
    assert guest.controller.screen == "consult"
    assert guest.text("consultTitle") == "Let's talk first"


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
def test_no_button_that_ends_the_journey_sits_where_see_my_suggestion_was(
    start_kiosk: Any, content_folder: Path, size: tuple[int, int]
) -> None:
    guest = start_kiosk(load_test_content(content_folder), size=size)
    for screening, screen, ending in (
        ("none", "result", ("doneButton", "resultStartOverButton")),
        ("unsure", "consult", ("consultDoneButton",)),
    ):
        _to_last_question(guest, screening)
        primary = _rect(guest, "nextButton")
        guest.tap("nextButton")
        guest.wait_screen(screen)
        for name in ending:
            assert not _rect(guest, name).intersects(primary), f"{name} under See my suggestion"
        guest.tap(ending[0])
        guest.wait_screen("attract")


def test_a_double_tap_on_next_does_not_skip_the_next_question(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    guest.tap("option_aches")  # brings the optional "Where?", whose Next needs no answer
    _taps(guest, guest.center("nextButton"), 2, 120, _mouse)
    guest.wait_settled()
    assert guest.controller.screens.questions.property("question").property("id") == "area"


def test_a_double_tap_on_the_loop_only_begins(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    card = guest.center("option_stress")
    guest.tap("startOverButton")
    guest.wait_screen("attract")
    guest.wait_settled()
    _taps(guest, card, 2, 120, _finger)  # the loop begins anywhere; then the card is there
    guest.wait_screen("question")
    guest.wait_settled()
    assert guest.chosen() == []


def test_a_double_tap_on_done_does_not_begin_again(guest: Guest) -> None:
    _to_last_question(guest, "none")
    guest.tap("nextButton")
    guest.wait_screen("result")
    guest.wait_settled()
    _taps(guest, guest.center("doneButton"), 2, 120, _mouse)
    guest.wait_screen("attract")
    guest.wait_settled()
    assert guest.controller.screen == "attract"
    assert guest.controller.journey is None


def test_a_double_tap_on_the_idle_warning_does_not_answer_for_the_guest(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    card = guest.center("option_stress")
    guest.controller.show_warning_now()
    guest.item("moreTimeButton")
    guest.wait_settled()
    # Anywhere on the dimmed screen means "I am here", and only that; the second tap must not
    # reach the card either, also once the warning has faded out (300 ms).
    started = time.monotonic()
    _mouse(guest, card)
    assert not guest.controller.screens.idle.property("warning")
    assert guest.chosen() == []
    QTest.qWait(max(0, round(400 - (time.monotonic() - started) * 1000)))
    _mouse(guest, card)
    guest.wait_settled()
    assert guest.chosen() == []


@pytest.mark.parametrize("gap", GAPS_MS)
def test_real_clicks_under_x_still_show_the_suggestion(tmp_path: Path, gap: int) -> None:
    """The same with a real X server and xdotool's clicks (the pointer path of a touchscreen)."""
    from xkit import xvfb

    folder = write_test_content(tmp_path / "spa")
    signal = tmp_path / "clicked"
    with xvfb() as display:
        env = display.env()
        env["QT_QUICK_BACKEND"] = "software"
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
        driver = subprocess.Popen(
            [sys.executable, str(HERE / "xdriver.py"), str(folder), str(signal)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            assert driver.stdout is not None
            spot = json.loads(driver.stdout.readline() or "{}")
            assert spot, driver.stderr.read() if driver.stderr else ""
            display.run("xdotool", "mousemove", "--sync", str(spot["x"]), str(spot["y"]),
                        "click", "--repeat", "3", "--delay", str(gap), "1")
            signal.touch()
            seen = json.loads(driver.stdout.readline() or "{}")
        finally:
            driver.wait(timeout=30)
    assert seen == {"screen": "result", "journey": True}
