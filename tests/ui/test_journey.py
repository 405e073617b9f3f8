"""A guest's whole way through the kiosk, tapped and touched like on the real screen."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from kioskkit import (
    QUESTIONNAIRE_YAML,
    FakeClock,
    Guest,
    load_test_content,
    write_test_content,
)
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtQuick import QQuickItem

pytestmark = pytest.mark.ui


def test_attract_loop_shows_first_slide_and_a_touch_anywhere_begins(guest: Guest) -> None:
    assert guest.text("slideTitle") == "Warmth that flows"
    assert guest.text("slideBody") == "Many guests feel lighter."
    assert guest.text("tapToBegin") == "Tap to find your session"
    assert "Not medical advice" in guest.text("disclaimer")
    guest.touch(point=QPoint(300, 300))  # a finger anywhere on the slide
    guest.wait_screen("question")
    assert guest.text("questionPrompt") == "What would you like to feel better?"


def test_whole_journey_to_a_package(guest: Guest) -> None:
    guest.touch("tapToBegin")
    guest.wait_screen("question")
    assert guest.text("progressText") == "Question 1 of 3"
    guest.answer("aches")  # show_if: 'Where?' now appears
    assert guest.text("questionPrompt") == "Where?"
    assert guest.text("progressText") == "Question 2 of 4"
    guest.answer("neck")
    guest.answer("t60")
    guest.answer("none")
    guest.wait_screen("result")
    assert guest.text("packageName") == "Deep Relief"
    assert guest.text("packageMinutes") == "60 min"
    assert guest.text("packagePrice") == "€79"
    assert guest.text("deskCode") == "IR-60"
    assert guest.text("reason_0") == "Aches"
    assert guest.text("reason_1") == "Neck"
    assert guest.text("alsoGood").startswith("Also good: Calm Half Hour")
    qr = guest.item("qrCode")
    assert str(qr.property("source").toString()).startswith("data:image/png;base64,")
    guest.qtbot.waitUntil(lambda: qr.property("progress") == 1.0)  # loaded
    guest.qtbot.waitUntil(lambda: qr.property("paintedWidth") > 100)  # and laid out
    assert guest.text("resultDisclaimer") == "Not medical advice."
    guest.tap("doneButton")
    guest.wait_screen("attract")
    assert guest.controller.journey is None


def test_time_limit_that_nothing_fits_is_said_kindly(guest: Guest) -> None:
    guest.touch("tapToBegin")
    guest.answer("aches")
    guest.answer(next_=True)  # optional question, skipped
    guest.answer("t30")
    guest.answer("pregnant")  # only 'gentle' (45 min) is safe: more than 30
    guest.wait_screen("result")
    assert guest.text("packageName") == "Gentle Warmth"
    assert "45 minutes" in guest.text("moreTimeNote")


def test_not_sure_leads_to_the_therapist_and_no_package(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.answer("stress")
    guest.answer("t60")
    guest.answer("unsure")
    guest.wait_screen("consult")
    assert guest.text("consultTitle") == "Let's talk first"
    assert guest.text("consultBody") == "Please see our therapist."
    assert not guest.is_shown("packageName")
    assert not guest.is_shown("deskCode")
    guest.tap("consultDoneButton")
    guest.wait_screen("attract")


def test_next_is_enabled_only_for_a_valid_answer(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    assert not guest.item("nextButton").isEnabled()
    guest.tap("option_stress")
    guest.qtbot.waitUntil(lambda: guest.item("nextButton").isEnabled())
    guest.tap("option_stress")  # untick
    guest.qtbot.waitUntil(lambda: not guest.item("nextButton").isEnabled())


def test_max_stops_a_third_pick_and_exclusive_clears_the_others(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.answer("aches", "stress", "sleep", next_=False)
    assert guest.chosen() == ["aches", "stress"]
    assert guest.item("option_sleep").property("available") is False
    guest.tap("nextButton")
    guest.answer(next_=True)
    guest.answer("t60")
    guest.answer("pregnant", "unsure", next_=False)
    assert guest.chosen() == ["pregnant", "unsure"]
    guest.tap("option_none")
    assert guest.chosen() == ["none"]
    guest.tap("option_pregnant")
    assert guest.chosen() == ["pregnant"]


def test_back_keeps_answers_and_start_over_forgets_everything(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.answer("stress")
    guest.tap("backButton")
    guest.qtbot.waitUntil(
        lambda: guest.text("questionPrompt") == "What would you like to feel better?"
    )
    assert guest.item("option_stress").property("selected") is True
    guest.tap("startOverButton")
    guest.wait_screen("attract")
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    assert guest.chosen() == []
    assert guest.item("option_stress").property("selected") is False
    assert not guest.is_shown("backButton")


def test_back_from_the_suggestion_returns_to_the_last_question(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.answer("stress")
    guest.answer("t30")
    guest.answer("none")
    guest.wait_screen("result")
    assert guest.text("packageName") == "Calm Half Hour"
    guest.tap("resultBackButton")
    guest.wait_screen("question")
    assert guest.text("questionPrompt") == "Does any of these apply?"
    assert guest.chosen() == ["none"]


def test_language_switch_changes_every_visible_string(guest: Guest) -> None:
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    guest.touch("language_es")
    guest.qtbot.waitUntil(lambda: guest.text("questionPrompt") == "¿Qué le gustaría mejorar?")
    assert guest.text("optionLabel_aches") == "Molestias"
    assert guest.text("progressText") == "Pregunta 1 de 3"
    assert guest.text("startOverButton") == "Empezar de nuevo"
    guest.answer("stress")
    assert not guest.is_shown("languageSwitch")  # only on the first screen
    guest.answer("t30")
    guest.answer("none")
    guest.wait_screen("result")
    assert guest.text("packageName") == "Media Hora de Calma"
    assert guest.text("resultDisclaimer") == "No es consejo médico."
    guest.tap("doneButton")
    guest.wait_screen("attract")
    assert guest.text("tapToBegin") == "Tap to find your session"  # next guest: default language


def test_idle_warning_extension_and_reset(guest: Guest) -> None:
    clock = guest.clock
    assert isinstance(clock, FakeClock)
    guest.tap("tapToBegin")
    guest.answer("aches", next_=False)
    clock.advance(29)
    assert not guest.is_shown("idleOverlay")
    clock.advance(2.5)
    overlay = guest.item("idleOverlay")
    assert overlay is not None
    assert guest.text("idleCountdown") == "19"
    assert guest.text("stillThere") == "Still there?"
    clock.advance(5)
    guest.qtbot.waitUntil(lambda: guest.text("idleCountdown") == "14")
    guest.touch("moreTimeButton")
    guest.qtbot.waitUntil(lambda: not guest.is_shown("idleOverlay"))
    assert guest.chosen() == ["aches"]
    clock.advance(31)
    guest.item("idleOverlay")
    clock.advance(20)
    guest.wait_screen("attract")
    assert guest.controller.journey is None
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    assert guest.chosen() == []  # nothing of the last guest


def test_suggestion_returns_to_the_loop_after_result_seconds(
    start_kiosk: Any, tmp_path: Path
) -> None:
    kiosk_yaml = (
        "spa_name: Test Spa\nlanguages: [en, es]\n"
        "timing: {idle_seconds: 100, warning_seconds: 20, result_seconds: 10}\n"
    )
    guest = start_kiosk(load_test_content(write_test_content(tmp_path, kiosk=kiosk_yaml)))
    guest.tap("tapToBegin")
    guest.answer("stress")
    guest.answer("t30")
    guest.answer("none")
    guest.wait_screen("result")
    assert not guest.is_shown("qrCode")  # no booking.url in this kiosk.yaml
    guest.clock.advance(9)
    assert guest.controller.screen == "result"
    guest.clock.advance(2)
    guest.wait_screen("attract")


def test_slides_advance_and_broken_images_still_show_text(start_kiosk: Any, tmp_path: Path) -> None:
    folder = write_test_content(tmp_path)
    content = load_test_content(folder)
    (tmp_path / "assets" / "slides" / "missing-later.svg").unlink()  # deleted after loading
    guest = start_kiosk(content)
    assert guest.text("slideTitle") == "Warmth that flows"
    guest.qtbot.waitUntil(lambda: guest.is_shown("slideImage"))
    guest.clock.advance(5)
    guest.qtbot.waitUntil(lambda: guest.text("slideTitle") == "Rest well", timeout=4000)
    assert not guest.is_shown("slideImage")
    guest.clock.advance(5)
    guest.qtbot.waitUntil(lambda: guest.text("slideTitle") == "Warmth that flows", timeout=4000)


def test_slides_cross_fade_and_never_show_an_empty_frame(guest: Guest) -> None:
    """In every frame of a slide change a whole slide's worth is drawn: the new slide fades in
    over the old one, which fades out only from halfway. At the end only the new one is left."""
    attract = guest.item("attractScreen")
    slides = [item for item in attract.childItems() if item.property("slide") is not None]
    assert len(slides) == 2
    old_title = guest.text("slideTitle")
    frames: list[tuple[float, float]] = []

    def drawn() -> None:
        low, high = sorted(slide.opacity() for slide in slides)
        frames.append((low, high))

    guest.window.frameSwapped.connect(drawn)
    try:
        guest.controller.advance_slide()
        guest.qtbot.waitUntil(lambda: bool(attract.property("fading")), timeout=3000)
        guest.qtbot.waitUntil(lambda: not attract.property("fading"), timeout=4000)
        guest.qtbot.wait(100)
    finally:
        guest.window.frameSwapped.disconnect(drawn)
    assert all(low + high >= 1.0 and high >= 0.5 for low, high in frames), frames
    assert sum(1 for low, high in frames if 0 < low < 1) >= 3, "a cut, not a cross-fade"
    assert frames[-1] == (0.0, 1.0)
    assert guest.text("slideTitle") not in ("", old_title)


def test_the_next_slide_is_drawn_once_out_of_sight_before_it_fades_in(guest: Guest) -> None:
    """The fade's first frame then only blends what is ready (its words' image and picture are
    made in the frame before, beside the screen): no late first frame, and nothing of the new
    slide is seen before it fades in."""
    attract = guest.item("attractScreen")
    slides = [item for item in attract.childItems() if item.property("slide") is not None]
    width = guest.window.width()
    frames: list[tuple[bool, list[tuple[float, float, bool]]]] = []

    def drawn() -> None:
        frames.append((
            bool(attract.property("fading")),
            [(s.mapToScene(QPointF(0, 0)).x(), s.opacity(), bool(s.property("aside")))
             for s in slides],
        ))

    guest.window.frameSwapped.connect(drawn)
    try:
        for _ in range(2):  # each of the two slide layers in turn
            start = len(frames)
            guest.controller.advance_slide()
            guest.qtbot.waitUntil(lambda: bool(attract.property("fading")), timeout=3000)
            guest.qtbot.waitUntil(lambda: not attract.property("fading"), timeout=4000)
            fade = next(i for i in range(start, len(frames)) if frames[i][0])
            before = [layers for _, layers in frames[start:fade]]
            assert any(x >= width and opacity == 1 and aside
                       for layers in before for x, opacity, aside in layers), before
    finally:
        guest.window.frameSwapped.disconnect(drawn)
    for _, layers in frames:  # on screen: one whole slide, or two cross-fading
        on_screen = [opacity for x, opacity, aside in layers if x < width]
        assert sum(on_screen) >= 1.0 and max(on_screen) >= 0.5, layers
        assert all(x == 0 for x, opacity, aside in layers if not aside), layers


def test_only_the_slide_on_screen_keeps_its_words_drawn_ahead(guest: Guest) -> None:
    """The words of the slide on screen stay drawn into their image between fades (a slide
    change then draws only the new slide's words); the slide that left lets its image go, and
    so does the attract loop while a guest is on the other screens."""
    attract = guest.item("attractScreen")
    slides = [item for item in attract.childItems() if item.property("slide") is not None]

    def kept() -> list[bool]:
        words = [slide.findChild(QQuickItem, "slideWords") for slide in slides]
        return [bool(w.property("drawnAhead")) for w in words]  # its layer.enabled

    def live() -> list[bool]:
        return [bool(slide.property("live")) for slide in slides]

    for _ in range(2):  # each of the two slide layers in turn
        guest.controller.advance_slide()
        guest.qtbot.waitUntil(lambda: bool(attract.property("fading")), timeout=3000)
        assert kept() == [True, True]  # both slides are drawn while they cross-fade
        guest.qtbot.waitUntil(lambda: not attract.property("fading"), timeout=4000)
        assert kept() == live() and sum(kept()) == 1
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    guest.qtbot.waitUntil(lambda: kept() == [False, False], timeout=3000)
    guest.tap("startOverButton")
    guest.wait_screen("attract")
    guest.qtbot.waitUntil(lambda: kept() == live(), timeout=3000)


SCHEDULED = """\
slides:
  - id: evening
    title: Evening calm
    show: {hours: "20:00-02:00"}
  - id: weekend
    title: Weekend warmth
    show: {days: [sat, sun], from: 2026-01-01, until: 2026-12-31}
"""


@pytest.mark.parametrize(
    ("now", "title"),
    [
        (datetime(2026, 11, 26, 21, 0), "Evening calm"),  # Thursday evening
        (datetime(2026, 11, 27, 1, 30), "Evening calm"),  # after midnight
        (datetime(2026, 11, 28, 11, 0), "Weekend warmth"),  # Saturday morning
        (datetime(2026, 11, 26, 11, 0), "Test Spa"),  # nothing scheduled: calm fallback
    ],
)
def test_schedules_follow_the_kiosk_clock(
    start_kiosk: Any, tmp_path: Path, now: datetime, title: str
) -> None:
    content = load_test_content(write_test_content(tmp_path, slides=SCHEDULED))
    guest = start_kiosk(content, clock=FakeClock(wall=now))
    assert guest.text("slideTitle") == title
    guest.touch(point=QPoint(500, 500))
    guest.wait_screen("question")  # the fallback slide invites too


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768), (1280, 1024)])
def test_slide_words_and_pictures_sit_on_whole_pixels(
    start_kiosk: Any, default_content: Any, size: Any
) -> None:
    """In every frame of a fade, the words' image and the picture are copied as they are: at
    a fraction of a pixel, or a fraction of a pixel taller than their image, the software
    renderer resamples them (a fade frame took half as long again)."""
    guest = start_kiosk(default_content, size=size)
    screen = guest.item("attractScreen")
    for slide in range(3):
        for name in ("slideWords", "slideImage"):
            item = guest.item(name)
            corner = item.mapToScene(item.boundingRect().topLeft())
            for value in (corner.x(), corner.y(), item.width(), item.height()):
                assert value == round(value), (slide, name, value)
        guest.clock.advance(30)  # the next slide: its cross-fade, then it rests
        guest.qtbot.waitUntil(lambda: bool(screen.property("fading")), timeout=3000)
        guest.qtbot.waitUntil(lambda: not screen.property("fading"), timeout=5000)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
def test_every_screen_fits_with_large_targets(
    start_kiosk: Any, default_content: Any, size: Any
) -> None:
    guest = start_kiosk(default_content, size=size)
    width, height = size

    def inside(name: str) -> None:
        item = guest.item(name)
        top_left = item.mapToScene(item.boundingRect().topLeft())
        assert top_left.x() >= 0 and top_left.y() >= 0, name
        assert top_left.x() + item.width() <= width + 1, name
        assert top_left.y() + item.height() <= height + 1, name

    def big(name: str) -> None:
        item = guest.item(name)
        assert item.height() >= 75 * min(size) / 1080 and item.width() >= 75 * min(size) / 1080, (
            name
        )

    inside("tapToBegin")
    big("tapToBegin")
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    question = default_content.questions[0]
    for option in question.options:
        inside(f"option_{option.id}")
        big(f"option_{option.id}")
    for name in ("nextButton", "startOverButton", "questionPrompt", "progressText"):
        inside(name)
    big("nextButton")
    rects = []
    for option in question.options:
        item = guest.item(f"option_{option.id}")
        rects.append(item.mapRectToScene(item.boundingRect()))
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b), "option cards overlap"


def test_slide_text_follows_the_language(guest: Guest) -> None:
    guest.controller.setLanguage("es")
    guest.qtbot.waitUntil(lambda: guest.text("slideTitle") == "Calor que fluye")
    assert guest.text("slideBody") == "Muchos se sienten ligeros."


LONG = """\
slides:
  - id: long
    title: "A very long title that a busy spa manager wrote without counting the words in it"
    body: "{body}"
    image: slides/first.svg
"""


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_long_slide_text_wraps_and_shrinks_without_overlapping(
    start_kiosk: Any, tmp_path: Path, size: Any
) -> None:
    body = "Warmth and gentle hands help many guests unwind. " * 8
    folder = write_test_content(tmp_path, slides=LONG.format(body=body.strip()))
    guest = start_kiosk(load_test_content(folder), size=size)

    def rect(name: str) -> Any:
        item = guest.item(name)
        return item.mapRectToScene(item.boundingRect())

    title, text, button = rect("slideTitle"), rect("slideBody"), rect("tapToBegin")
    assert rect("spaName").bottom() <= title.top()
    assert title.bottom() <= text.top()
    assert text.bottom() <= button.top()
    picture = rect("slideImage")
    assert not picture.intersects(title) and not picture.intersects(text)
    assert picture.left() >= 0 and picture.right() <= size[0] and picture.bottom() <= button.top()
    # Decoded at the size it is shown, so that no frame has to shrink it again.
    shown_picture = guest.item("slideImage")
    assert shown_picture.property("sourceSize").width() == round(picture.width())
    assert (shown_picture.property("implicitWidth"), shown_picture.property("implicitHeight")) == (
        picture.width(), picture.height()
    )
    assert title.left() >= 0 and title.right() <= size[0]
    shown = guest.item("slideBody")
    assert shown.property("truncated") is True  # cut with an ellipsis, not clipped mid-line
    assert shown.property("minimumPixelSize") == round(0.75 * 40 * min(size) / 1080)


NEW_SLIDES = """\
slides:
  - {id: fresh, title: Fresh from the staff}
"""


def test_new_content_waits_for_the_next_slide(start_kiosk: Any, tmp_path: Path) -> None:
    guest = start_kiosk(load_test_content(write_test_content(tmp_path / "old")))
    new = load_test_content(write_test_content(tmp_path / "new", slides=NEW_SLIDES))
    guest.controller.set_content(new)
    assert guest.text("slideTitle") == "Warmth that flows"  # the slide on screen finishes
    guest.clock.advance(5)
    guest.qtbot.waitUntil(lambda: guest.text("slideTitle") == "Fresh from the staff")


def test_the_set_taken_off_screen_is_let_go_once_its_fade_is_over(
    start_kiosk: Any, tmp_path: Path
) -> None:
    import weakref

    from kiosk.ui.controller import RETIRE_AFTER_MS

    old = load_test_content(write_test_content(tmp_path / "old"))
    guest = start_kiosk(old)
    was_on_screen = weakref.ref(old)
    del old
    guest.controller.set_content(load_test_content(write_test_content(tmp_path / "new")))
    guest.clock.advance(5)
    guest.qtbot.waitUntil(lambda: guest.controller.pending_content is None)
    assert was_on_screen() is not None  # not freed while the new set fades in
    guest.qtbot.waitUntil(lambda: was_on_screen() is None, timeout=RETIRE_AFTER_MS + 2000)


def test_a_guest_mid_journey_finishes_on_the_content_they_started(
    start_kiosk: Any, tmp_path: Path
) -> None:
    guest = start_kiosk(load_test_content(write_test_content(tmp_path / "old")))
    changed = QUESTIONNAIRE_YAML.replace("What would you like to feel better?", "Changed prompt")
    new = load_test_content(
        write_test_content(tmp_path / "new", slides=NEW_SLIDES, questionnaire=changed)
    )
    guest.tap("tapToBegin")
    guest.answer("stress", next_=False)
    guest.controller.set_content(new)
    assert guest.text("questionPrompt") == "What would you like to feel better?"
    guest.tap("nextButton")
    guest.answer("t30")
    guest.answer("none")
    guest.wait_screen("result")
    assert guest.text("packageName") == "Calm Half Hour"
    guest.tap("doneButton")
    guest.wait_screen("attract")
    guest.qtbot.waitUntil(lambda: guest.text("slideTitle") == "Fresh from the staff")
    guest.tap("tapToBegin")
    guest.qtbot.waitUntil(lambda: guest.text("questionPrompt") == "Changed prompt")


def test_guests_cannot_close_or_leave_the_locked_kiosk(guest: Guest) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    screen = guest.window.screen().geometry()
    with guest.qtbot.waitSignal(guest.window.frameSwapped):
        guest.kiosk.lock_down()
    assert guest.window.geometry() == screen  # covers the whole screen
    QTest.qWait(50)
    guest.tap("tapToBegin")
    guest.wait_screen("question")
    guest.window.close()
    for key, modifier in [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    ]:
        QTest.keyClick(guest.window, key, modifier)
    QTest.qWait(100)
    assert guest.window.isVisible()
    assert guest.controller.current_screen == "question"
    guest.kiosk.allow_exit()
    guest.window.close()
    guest.qtbot.waitUntil(lambda: not guest.window.isVisible())


def test_the_theme_font_from_kiosk_yaml_is_used(start_kiosk: Any, default_content: Any) -> None:
    guest = start_kiosk(default_content)
    assert guest.controller.fontFamily == "Inter"
    assert guest.item("slideTitle").property("font").family() == "Inter"


class Recorder:
    """A usage sink that keeps what it is told (what UsageLog would store)."""

    def __init__(self) -> None:
        self.events: list[tuple[Any, ...]] = []

    def __getattr__(self, name: str) -> Any:
        return lambda *args: self.events.append((name, *args))


def test_usage_events_are_anonymous_and_complete(start_kiosk: Any, content_folder: Path) -> None:
    usage = Recorder()
    guest = start_kiosk(load_test_content(content_folder), usage=usage)
    guest.tap("tapToBegin")
    guest.touch("language_es")
    guest.answer("aches")
    guest.answer("neck")
    guest.answer("t60")
    guest.answer("pregnant")
    guest.wait_screen("result")
    guest.tap("doneButton")
    guest.wait_screen("attract")
    guest.tap("tapToBegin")
    guest.answer("stress")
    guest.clock.advance(60)  # walks away: idle reset
    guest.wait_screen("attract")
    journey = [e for e in usage.events if e[0] != "slide_shown"]
    # Each begins on the slide on screen at the tap; each question with its place in the
    # questionnaire (time is the third, also for the guest who did not see area).
    assert journey == [
        ("journey_started", "en", "first"),
        ("question_reached", "goals", 1),
        ("language_changed", "es"),
        ("question_reached", "area", 2),
        ("question_reached", "time", 3),
        ("question_reached", "screening", 4),
        ("journey_finished", "package", "gentle", True),  # True: after a screening answer
        ("journey_started", "en", "first"),
        ("question_reached", "goals", 1),
        ("question_reached", "time", 3),
        ("journey_abandoned", "time", "idle"),
    ]
    assert ("slide_shown", "first") in usage.events
    flat = " ".join(str(part) for event in usage.events for part in event)
    assert "pregnant" not in flat and "neck" not in flat  # never an answer


@pytest.mark.parametrize(
    ("screening", "outcome"),
    [(["pregnant"], b"screened"), (["unsure"], b"consult"), (["pregnant", "unsure"], b"consult"),
     (["none"], b"package")],
    ids=["pregnant", "unsure", "both", "none"],
)
def test_no_screening_answer_ever_reaches_disk(
    start_kiosk: Any, content_folder: Path, tmp_path: Path, monkeypatch: Any,
    screening: list[str], outcome: bytes,
) -> None:
    """One journey per screening answer (each in its own kiosk, so that they run in parallel):
    the journey is counted with its outcome, and nothing on disk says what was answered."""
    import logging

    from kiosk.ops.logs import setup_logging
    from kiosk.ops.usage import UsageLog

    monkeypatch.setenv("SPA_KIOSK_LOG_DIR", str(tmp_path / "logs"))
    setup_logging(verbose=True, console=False)
    usage = UsageLog(tmp_path / "data" / "usage.sqlite3")
    guest = start_kiosk(load_test_content(content_folder), usage=usage)
    guest.tap("tapToBegin")
    guest.answer("aches")
    guest.answer("back")
    guest.answer("t30")
    guest.answer(*screening)
    guest.qtbot.waitUntil(lambda: guest.controller.current_screen in ("result", "consult"))
    guest.tap(
        "consultDoneButton" if guest.controller.current_screen == "consult" else "doneButton"
    )
    guest.wait_screen("attract")
    usage.close()
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, logging.FileHandler)]:
        handler.close()
        root.removeHandler(handler)
    stored = b"".join(
        path.read_bytes()
        for path in tmp_path.rglob("*")
        if path.is_file() and ("data" in path.parts or "logs" in path.parts)
    )
    assert b"outcome" in stored and outcome in stored  # the journey was counted...
    for secret in (b"pregnan", b"Pregnant", b"unsure", b"Not sure", b"Embarazada", b"back"):
        assert secret not in stored  # ...but never an answer or a screening flag


def test_a_quiet_notice_for_staff_until_good_content_arrives(
    start_kiosk: Any, tmp_path: Path
) -> None:
    guest = start_kiosk(load_test_content(write_test_content(tmp_path / "default")))
    guest.controller.set_notice("Showing the built-in content: the spa's content has errors.")
    assert guest.text("contentNotice").startswith("Showing the built-in content")
    guest.controller.set_content(load_test_content(write_test_content(tmp_path / "fixed")))
    guest.clock.advance(5)
    guest.qtbot.waitUntil(lambda: not guest.is_shown("contentNotice"))
