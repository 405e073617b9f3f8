"""Issue 27: fewer taps and honest buttons, driven by taps on the real QML screens.

A single-choice answer moves on by itself (shown chosen first; Back brings it back, still
chosen and changeable; staff can turn it off), an optional question with nothing chosen says
"Skip", the suggestion shows how long it stays, and double and triple taps on each of these
act once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from kioskkit import QUESTIONNAIRE_YAML, Guest, load_test_content, write_test_content
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.content.model import Content
from kiosk.guest.session import CHOICE_SHOWN_SECONDS
from kiosk.ui.phrases import words

pytestmark = pytest.mark.ui

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
            QTest.qWait(max(0, round(gap_ms - (time.monotonic() - started) * 1000)))


def _answers(guest: Guest) -> dict[str, tuple[str, ...]]:
    journey = guest.controller.journey
    assert journey is not None
    return journey.answers


def _wait_question(guest: Guest, question_id: str) -> None:
    guest.qtbot.waitUntil(lambda: guest.question_id() == question_id, timeout=3000)
    guest.wait_settled()


def _without_moving_on(content: Content) -> Content:
    timing = replace(content.kiosk.timing, advance_on_choice=False)
    return replace(content, kiosk=replace(content.kiosk, timing=timing))


def _to_time(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    guest.answer("stress")
    _wait_question(guest, "time")


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
def test_a_single_choice_shows_chosen_then_moves_on_and_back_brings_it_back(
    start_kiosk: Any, content_folder: Path, size: tuple[int, int]
) -> None:
    guest = start_kiosk(load_test_content(content_folder), size=size)
    _to_time(guest)
    guest.wait_settled()
    tapped = time.monotonic()
    _mouse(guest, guest.center("option_t60"))
    card = guest.item("option_t60")
    assert card.property("selected") is True and card.property("held") is True, (
        "the choice shows at once, pressed and checked"
    )
    assert guest.question_id() == "time"
    guest.qtbot.waitUntil(lambda: guest.question_id() == "screening", timeout=3000)
    assert time.monotonic() - tapped >= CHOICE_SHOWN_SECONDS * 0.9, "long enough to be seen"
    assert guest.text("nextButton").startswith("See my suggestion"), "the last one still asks"
    guest.tap("backButton")
    _wait_question(guest, "time")
    assert guest.chosen() == ["t60"], "Back: the answer is still chosen"
    guest.tap("option_t30")  # and changeable: another answer moves on with it
    _wait_question(guest, "screening")
    assert _answers(guest)["time"] == ("t30",)


def test_a_tap_on_the_chosen_answer_after_back_moves_on_with_it(guest: Guest) -> None:
    _to_time(guest)
    guest.answer("t30")
    _wait_question(guest, "screening")
    guest.tap("backButton")
    _wait_question(guest, "time")
    guest.tap("option_t30")
    _wait_question(guest, "screening")
    assert _answers(guest)["time"] == ("t30",), "a tap on the chosen answer keeps it"


def test_next_during_the_moment_the_choice_shows_moves_on_once(guest: Guest) -> None:
    _to_time(guest)
    guest.tap("option_t60")
    guest.tap("nextButton")  # before the choice moves on by itself
    _wait_question(guest, "screening")
    QTest.qWait(round(CHOICE_SHOWN_SECONDS * 1000) + 200)
    assert guest.question_id() == "screening", "the choice's own move did not come on top"
    assert guest.chosen() == []


def test_staff_can_turn_moving_on_by_choice_off(
    start_kiosk: Any, content_folder: Path
) -> None:
    guest = start_kiosk(_without_moving_on(load_test_content(content_folder)))
    _to_time(guest)
    guest.tap("option_t60")
    QTest.qWait(round(CHOICE_SHOWN_SECONDS * 1000) + 300)
    assert guest.question_id() == "time", "waits for Next"
    assert guest.chosen() == ["t60"]
    guest.tap("option_t60")
    assert guest.chosen() == [], "a second tap takes it back, as before"
    guest.tap("option_t30")
    guest.tap("nextButton")
    _wait_question(guest, "screening")


def test_moving_on_in_kiosk_yaml(tmp_path: Path) -> None:
    from kiosk.content.load import load_content

    folder = write_test_content(
        tmp_path,
        kiosk=(
            "spa_name: {en: Test Spa}\nlanguages: [en]\n"
            "timing: {advance_on_choice: false}\n"
        ),
    )
    result = load_content(folder)
    assert result.content is not None, [p.format() for p in result.problems]
    assert result.content.kiosk.timing.advance_on_choice is False
    assert load_test_content(write_test_content(tmp_path / "b")).kiosk.timing.advance_on_choice


def test_a_single_choice_last_question_keeps_see_my_suggestion(
    start_kiosk: Any, tmp_path: Path
) -> None:
    single_last = QUESTIONNAIRE_YAML.replace(
        "    prompt: {en: Does any of these apply?, es: ¿Le aplica algo de esto?}\n"
        "    kind: multiple\n",
        "    prompt: {en: Does any of these apply?, es: ¿Le aplica algo de esto?}\n"
        "    kind: single\n",
    )
    assert single_last != QUESTIONNAIRE_YAML
    folder = write_test_content(tmp_path, questionnaire=single_last)
    guest = start_kiosk(load_test_content(folder))
    _to_time(guest)
    guest.answer("t30")
    _wait_question(guest, "screening")
    guest.tap("option_none")
    QTest.qWait(round(CHOICE_SHOWN_SECONDS * 1000) + 300)
    assert guest.controller.screen == "question", "the suggestion waits for the guest's tap"
    assert guest.text("nextButton").startswith("See my suggestion")
    guest.tap("nextButton")
    guest.wait_screen("result")


@pytest.mark.parametrize("moving_on", [True, False], ids=["moving-on", "next-only"])
def test_an_optional_question_says_skip_until_something_is_chosen(
    start_kiosk: Any, content_folder: Path, moving_on: bool
) -> None:
    content = load_test_content(content_folder)
    guest = start_kiosk(content if moving_on else _without_moving_on(content))
    guest.tap("tapToBegin")
    guest.answer("aches")  # brings the optional "Where?"
    _wait_question(guest, "area")
    assert guest.text("nextButton").startswith("Skip")
    guest.tap("language_es") if guest.is_shown("language_es") else None
    if not moving_on:
        guest.tap("option_neck")
        assert guest.text("nextButton").startswith("Next"), "something chosen: Next"
        guest.tap("option_neck")
        assert guest.text("nextButton").startswith("Skip"), "nothing chosen again"
    guest.tap("nextButton")  # Skip
    _wait_question(guest, "time")
    assert "area" not in _answers(guest)
    assert guest.text("nextButton").startswith("Next"), "a question that needs an answer"


def test_skip_in_spanish(start_kiosk: Any, content_folder: Path) -> None:
    guest = start_kiosk(load_test_content(content_folder))
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    guest.tap("language_es")
    guest.answer("aches")
    _wait_question(guest, "area")
    assert guest.text("nextButton").startswith("Saltar")


def test_every_shipped_language_has_its_own_skip() -> None:
    for code in ("en", "es", "de", "fr", "it", "pt", "nl", "ja", "zh", "ar"):
        phrases = words(code)
        assert phrases["skip"] and phrases["skip"] != phrases["next"], code
        assert code == "en" or phrases["skip"] != "Skip", f"{code}: read in English"


def test_the_suggestion_shows_its_time_and_a_touch_fills_it_again(guest: Guest) -> None:
    seconds = guest.controller.content.kiosk.timing.result_seconds
    _to_time(guest)
    guest.answer("t30")
    guest.answer("none")
    guest.wait_screen("result")
    bar = guest.item("resultTimeLeft")
    full = guest.item("resultTime").width()
    assert bar.width() == pytest.approx(full, abs=2)
    guest.clock.advance(seconds / 4)  # (before the idle warning: test content's 30 s)
    result = guest.controller.screens.result
    assert result.property("secondsLeft") == pytest.approx(seconds * 0.75, abs=1)
    guest.qtbot.waitUntil(lambda: abs(bar.width() - full * 0.75) < full * 0.03, timeout=2000)
    guest.touch(point=guest.center("packageName"))  # a tap anywhere
    guest.qtbot.waitUntil(lambda: abs(bar.width() - full) < 2, timeout=2000)
    assert result.property("secondsLeft") == pytest.approx(seconds)


def test_the_consult_screen_shows_its_time_too(guest: Guest) -> None:
    _to_time(guest)
    guest.answer("t30")
    guest.answer("unsure")
    guest.wait_screen("consult")
    full = guest.item("resultTime").width()
    guest.clock.advance(guest.controller.content.kiosk.timing.result_seconds / 4)
    guest.qtbot.waitUntil(
        lambda: abs(guest.item("resultTimeLeft").width() - full * 0.75) < full * 0.03,
        timeout=2000,
    )


# ---- double and triple taps on the new flows --------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
@pytest.mark.parametrize("gap", GAPS_MS)
@pytest.mark.parametrize("count", [2, 3])
def test_a_double_or_triple_tap_on_a_single_choice_answers_once(
    start_kiosk: Any, content_folder: Path, size: tuple[int, int], gap: int, count: int
) -> None:
    """The next question ("Does any of these apply?") has "Not sure" where "60 minutes" was:
    a tap that went through would answer it for the guest."""
    guest = start_kiosk(load_test_content(content_folder), size=size)
    _to_time(guest)
    spot = guest.center("option_t60")
    _taps(guest, spot, count, gap, _mouse if count == 2 else _finger)
    _wait_question(guest, "screening")
    assert _answers(guest)["time"] == ("t60",)
    assert guest.chosen() == [], "a tap meant for the choice answered the next question"
    guest.tap("backButton")
    _wait_question(guest, "time")
    assert guest.chosen() == ["t60"]


@pytest.mark.parametrize("gap", GAPS_MS)
def test_a_double_tap_on_skip_skips_one_question(guest: Guest, gap: int) -> None:
    guest.tap("tapToBegin")
    guest.answer("aches")
    _wait_question(guest, "area")
    _taps(guest, guest.center("nextButton"), 2, gap, _mouse)
    _wait_question(guest, "time")
    assert guest.chosen() == []


@pytest.mark.parametrize("gap", GAPS_MS)
def test_a_triple_tap_on_a_chosen_answer_after_back_moves_on_once(guest: Guest, gap: int) -> None:
    _to_time(guest)
    guest.answer("t60")
    _wait_question(guest, "screening")
    guest.tap("backButton")
    _wait_question(guest, "time")
    _taps(guest, guest.center("option_t60"), 3, gap, _finger)
    _wait_question(guest, "screening")
    assert _answers(guest)["time"] == ("t60",)
    assert guest.chosen() == []


@pytest.mark.parametrize("gap", GAPS_MS)
def test_a_double_tap_on_the_suggestion_only_fills_its_time(guest: Guest, gap: int) -> None:
    _to_time(guest)
    guest.answer("t30")
    guest.answer("none")
    guest.wait_screen("result")
    guest.wait_settled()
    guest.clock.advance(10)
    _taps(guest, guest.center("packageName"), 2, gap, _finger)
    guest.qtbot.waitUntil(
        lambda: guest.controller.screens.result.property("secondsLeft")
        == pytest.approx(guest.controller.content.kiosk.timing.result_seconds),
        timeout=2000,
    )
    assert guest.controller.screen == "result"
