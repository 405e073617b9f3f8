"""The kiosk's guest-facing rules (kiosk.guest.session) as pure state: screens, time-outs, when
new content goes on screen, a journey counted once, the booking link. No Qt, no real clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.content.hours import parse_opening_hours
from kiosk.content.load import load_content
from kiosk.content.model import Booking, Content
from kiosk.guest.session import Leave, Screen, Session

REPO = Path(__file__).resolve().parent.parent
NOON = datetime(2026, 12, 1, 12, 0)
SCREENING_NONE = "none"


class Recorder:
    """A usage sink that writes down every event, in order."""

    def __init__(self) -> None:
        self.events: list[tuple[str, ...]] = []

    def slide_shown(self, slide_id: str) -> None:
        self.events.append(("slide_shown", slide_id))

    def journey_started(self, language: str, slide_id: str | None = None) -> None:
        self.events.append(("journey_started", language, str(slide_id)))

    def question_reached(self, question_id: str, position: int | None = None) -> None:
        self.events.append(("question_reached", question_id, str(position)))

    def language_changed(self, code: str) -> None:
        self.events.append(("language_changed", code))

    def journey_finished(self, outcome: str, package_id: str | None, screened: bool) -> None:
        self.events.append(("journey_finished", outcome, package_id or ""))

    def journey_abandoned(self, where: str, why: str) -> None:
        self.events.append(("journey_abandoned", where, why))

    def named(self, name: str) -> list[tuple[str, ...]]:
        return [event for event in self.events if event[0] == name]


@pytest.fixture(scope="module")
def content() -> Content:
    result = load_content(REPO / "content")
    assert result.content is not None, result.problems
    return result.content


def answer_everything(session: Session, now: float) -> None:
    """Pick the first option of every question (the last option of the screening: "none"),
    tapping Next after each, up to the suggestion."""
    while session.screen is Screen.QUESTION:
        journey = session.journey
        assert journey is not None
        question = journey.question
        if not journey.selected():
            options = [o.id for o in question.options]
            pick = SCREENING_NONE if SCREENING_NONE in options else options[0]
            session.toggle(pick)
        assert session.next(now)


def test_a_journey_from_the_loop_to_the_suggestion_and_back(content: Content) -> None:
    usage = Recorder()
    session = Session(content, usage)
    turn, changed = session.next_slide(NOON)
    assert turn.slide is not None and not changed
    assert session.begin(now=0.0)
    assert session.screen is Screen.QUESTION
    assert not session.begin(now=0.0), "a second tap on the loop starts no second journey"
    answer_everything(session, now=1.0)
    assert session.screen is Screen.RESULT
    assert session.suggestion is not None and session.suggestion.package is not None
    session.leave(Leave.DONE)
    assert session.screen is Screen.ATTRACT and session.journey is None
    assert usage.named("journey_started") == [("journey_started", "en", turn.slide.id)]
    assert len(usage.named("journey_finished")) == 1
    assert usage.named("journey_abandoned") == [], "a finished journey is not also abandoned"


def test_a_journey_is_counted_with_the_slide_it_began_on(content: Content) -> None:
    """The slide on screen at the tap, whichever it is; the calm fallback slide as ''."""
    usage = Recorder()
    session = Session(content, usage)
    session.next_slide(NOON)
    second, _ = session.next_slide(NOON)
    assert second.slide is not None and second.slide.id != content.slides[0].id
    session.begin(now=0.0)
    session.leave(Leave.START_OVER)
    nothing_on = replace(content, slides=())
    fallback = Session(nothing_on, usage)
    turn, _ = fallback.next_slide(NOON)
    assert turn.slide is None
    fallback.begin(now=0.0)
    assert usage.named("journey_started") == [
        ("journey_started", "en", second.slide.id), ("journey_started", "en", ""),
    ]


def test_each_question_is_counted_with_its_place_in_the_questionnaire(
    content: Content,
) -> None:
    """Its place in the content (1 for the first), not how many questions the guest saw: a
    question a guest's answers skip leaves its place empty."""
    usage = Recorder()
    session = Session(content, usage)
    session.next_slide(NOON)
    session.begin(now=0.0)
    session.toggle("sleep_better")  # no "where do you feel it" (tension_areas) after this
    session.next(now=1.0)
    answer_everything(session, now=1.0)
    places = {question.id: str(n) for n, question in enumerate(content.questions, start=1)}
    reached = usage.named("question_reached")
    assert [(question, place) for _, question, place in reached] == [
        (question, places[question]) for question in ("goals", "pressure", "time", "screening")
    ]
    assert places["pressure"] == "3"


def test_a_journey_counts_once_however_often_back_and_next_are_tapped(content: Content) -> None:
    usage = Recorder()
    session = Session(content, usage)
    session.begin(now=0.0)
    answer_everything(session, now=1.0)
    for _ in range(3):
        assert session.back() and session.screen is Screen.QUESTION
        assert session.next(now=2.0) and session.screen is Screen.RESULT
    assert len(usage.named("journey_finished")) == 1
    reached = [event[1] for event in usage.named("question_reached")]
    assert len(reached) == len(set(reached)), "each question counted when first reached"


def test_a_staff_preview_is_not_counted(content: Content) -> None:
    usage = Recorder()
    session = Session(content, usage)
    session.begin(now=0.0, preview=True)
    answer_everything(session, now=1.0)
    session.leave(Leave.DONE)
    assert usage.events == []
    session.begin(now=5.0)
    assert session.preview is False
    assert usage.named("journey_started"), "the next guest is counted again"


def test_leaving_midway_counts_where_and_why_and_forgets_the_guest(content: Content) -> None:
    usage = Recorder()
    session = Session(content, usage)
    session.begin(now=0.0)
    first = session.journey
    assert first is not None
    first_question = first.question.id
    session.toggle(first.question.options[0].id)
    session.leave(Leave.START_OVER)
    assert usage.named("journey_abandoned") == [
        ("journey_abandoned", first_question, "start_over")
    ]
    session.begin(now=1.0)
    assert session.journey is not first and session.journey is not None
    assert session.journey.selected() == (), "nothing of the last guest survives"


def test_idle_warns_counts_down_and_ends_the_journey(content: Content) -> None:
    timing = content.kiosk.timing
    session = Session(content, Recorder())
    session.begin(now=0.0)
    quiet = session.idle(now=1.0)
    assert not quiet.warning and quiet.wake_in == pytest.approx(timing.idle_seconds - 1.0)
    warned = session.idle(now=timing.idle_seconds + 0.5)
    assert warned.warning and warned.countdown == pytest.approx(timing.warning_seconds, abs=1)
    assert warned.wake_in is not None and 0 < warned.wake_in <= 1.0
    session.touched(now=timing.idle_seconds + 1.0)
    assert not session.idle(now=timing.idle_seconds + 1.1).warning, "a touch stops the countdown"
    end = timing.idle_seconds + 1.0 + timing.idle_seconds + timing.warning_seconds + 0.1
    assert session.idle(now=end).wake_in is None
    assert session.screen is Screen.ATTRACT and session.journey is None


def test_the_suggestion_stays_result_seconds_after_the_last_touch(content: Content) -> None:
    timing = content.kiosk.timing
    usage = Recorder()
    session = Session(content, usage)
    session.begin(now=0.0)
    answer_everything(session, now=10.0)
    assert session.screen is Screen.RESULT
    assert session.result_left(now=10.0) == pytest.approx(timing.result_seconds)
    wake = session.idle(now=10.0).wake_in
    assert wake is not None and wake <= timing.result_seconds
    session.touched(now=40.0)
    assert session.result_left(now=40.0) == pytest.approx(timing.result_seconds)
    session.idle(now=40.0 + timing.result_seconds + 0.1)
    assert session.screen is Screen.ATTRACT
    assert usage.named("journey_abandoned") == [], "seen to the end: finished, not abandoned"


def test_new_content_waits_for_the_loop_and_never_cuts_into_a_journey(content: Content) -> None:
    newer = replace(content, kiosk=replace(content.kiosk, languages=("es", "en")))
    session = Session(content, Recorder())
    session.begin(now=0.0)
    session.offer(newer)
    answer_everything(session, now=1.0)
    assert session.content is content, "the guest finishes on the content they began with"
    session.leave(Leave.DONE)
    assert session.content is content, "not before the next slide change"
    _, changed = session.next_slide(NOON)
    assert changed and session.content is newer and session.pending is None
    assert session.language == "es", "the new content's first language"


def test_language_switch_is_counted_only_in_a_journey_and_only_when_offered(
    content: Content,
) -> None:
    usage = Recorder()
    session = Session(content, usage)
    assert session.set_language("es")
    assert not session.set_language("es"), "already in use"
    assert not session.set_language("xx"), "not one of the spa's languages"
    assert usage.named("language_changed") == []
    session.leave(Leave.DONE)
    session.begin(now=0.0)
    assert session.set_language("es")
    assert usage.named("language_changed") == [("language_changed", "es")]


def test_taps_that_do_not_belong_to_the_screen_do_nothing(content: Content) -> None:
    session = Session(content, Recorder())
    assert not session.toggle("anything") and not session.next(0.0) and not session.back()
    session.begin(now=0.0)
    assert not session.toggle("no_such_option")
    assert not session.back(), "nothing before the first question"
    answer_everything(session, now=1.0)
    assert not session.toggle(content.questions[0].options[0].id)


def test_the_booking_link_carries_the_desk_code_made_safe(content: Content) -> None:
    package = content.packages[0]
    odd = replace(package, code="A B/1")
    session = Session(content)
    assert session.booking_url(odd) == content.kiosk.booking.url.replace(  # type: ignore[union-attr]
        "{package}", "A%20B/1"
    )
    no_link = replace(content, kiosk=replace(content.kiosk, booking=Booking(url=None)))
    assert Session(no_link).booking_url(package) is None


def with_hours(content: Content, written: dict[str, object]) -> Content:
    hours = parse_opening_hours(written)
    return replace(content, kiosk=replace(content.kiosk, opening_hours=hours))


# 2026-12-01 is a Tuesday.
EVENING = datetime(2026, 12, 1, 21, 30)
MORNING = datetime(2026, 12, 2, 9, 0)


def test_the_screen_sleeps_outside_opening_hours_and_wakes_at_opening(content: Content) -> None:
    session = Session(with_hours(content, {"mon-sun": "09:00-21:00"}), Recorder())
    assert not session.asleep(datetime(2026, 12, 1, 20, 59), monotonic=0.0)
    assert session.asleep(EVENING, monotonic=0.0)
    assert session.next_opening_change(EVENING) == MORNING
    assert not session.asleep(MORNING, monotonic=0.0)
    assert Session(content).asleep(EVENING, monotonic=0.0) is False, "no hours: always open"


def test_a_touch_wakes_it_until_the_idle_time_passes(content: Content) -> None:
    idle = content.kiosk.timing.idle_seconds
    session = Session(with_hours(content, {"mon-sun": "09:00-21:00"}), Recorder())
    session.wake(monotonic=100.0)
    assert not session.asleep(EVENING, monotonic=100.0 + idle - 1)
    assert session.sleep_check_in(EVENING, monotonic=100.0) == pytest.approx(idle)
    assert session.asleep(EVENING, monotonic=100.0 + idle)


def test_closing_time_never_cuts_a_guest_short(content: Content) -> None:
    session = Session(with_hours(content, {"mon-sun": "09:00-21:00"}), Recorder())
    session.begin(now=0.0)
    assert not session.asleep(EVENING, monotonic=10_000.0), "a guest mid-journey"
    session.leave(Leave.DONE)
    assert session.asleep(EVENING, monotonic=10_000.0)


def test_the_sleep_rule_is_asked_at_least_once_a_minute(content: Content) -> None:
    """So that a jump of the wall clock (no NTP, a wrong clock set right) is noticed soon."""
    session = Session(with_hours(content, {"mon-sun": "09:00-21:00"}), Recorder())
    assert session.sleep_check_in(EVENING, monotonic=0.0) == 60.0
    assert session.sleep_check_in(datetime(2026, 12, 1, 20, 59, 30), 0.0) == pytest.approx(30.0)


def test_larger_text_lasts_for_one_guest_and_the_next_begins_at_the_staff_size(
    content: Content,
) -> None:
    session = Session(content)
    assert not session.large_text
    assert not session.set_large_text(True)  # no guest on the attract loop
    session.begin(0.0)
    assert session.set_large_text(True) and session.large_text
    answer_everything(session, 1.0)
    assert session.screen is Screen.RESULT and session.large_text  # the whole journey
    assert not session.set_large_text(False)  # switched on the questions only
    session.back()
    session.leave(Leave.DONE)
    assert not session.large_text
    session.begin(2.0)
    assert not session.large_text  # the next guest

    large = replace(content, kiosk=replace(content.kiosk, theme=replace(
        content.kiosk.theme, text_size="large")))
    staff_large = Session(large)
    assert staff_large.large_text
    staff_large.begin(0.0)
    assert staff_large.set_large_text(False) and not staff_large.large_text
    staff_large.leave(Leave.START_OVER)
    assert staff_large.large_text


def _to_question(session: Session, question_id: str) -> None:
    """Answer with the first option (Next after each) until `question_id` is on screen."""
    while session.journey is not None and session.journey.question.id != question_id:
        journey = session.journey
        if not journey.selected():
            session.toggle(journey.question.options[0].id)
        assert session.next(now=1.0)


def test_a_single_choice_moves_on_and_a_second_tap_keeps_it(content: Content) -> None:
    session = Session(content, Recorder())
    session.begin(now=0.0)
    assert not session.moves_on, "nothing chosen yet"
    _to_question(session, "pressure")
    journey = session.journey
    assert journey is not None
    assert not session.moves_on
    session.toggle("medium")
    assert session.moves_on
    session.toggle("medium")  # the second tap of a double tap
    assert journey.selected() == ("medium",), "a double tap does not take the choice back"
    session.toggle("firm")
    assert journey.selected() == ("firm",), "another answer changes it"
    assert session.next(now=2.0) and journey.question.id == "time"
    assert session.back() and journey.selected() == ("firm",), "Back shows the answer chosen"
    assert session.moves_on, "and a tap on it (or another) moves on again"


def test_a_multiple_choice_and_the_last_question_wait_for_next(content: Content) -> None:
    session = Session(content, Recorder())
    session.begin(now=0.0)
    journey = session.journey
    assert journey is not None and journey.question.kind == "multiple"
    session.toggle(journey.question.options[0].id)
    assert not session.moves_on, "several may be chosen: the guest says when with Next"
    single_last = replace(
        content, questions=(*content.questions[:-1], replace(content.questions[3], id="last"))
    )
    session = Session(single_last, Recorder())
    session.begin(now=0.0)
    _to_question(session, "last")
    session.toggle(session.journey.question.options[0].id)  # type: ignore[union-attr]
    assert session.journey is not None and session.journey.is_last
    assert not session.moves_on, "the last question keeps its explicit See my suggestion"


def test_staff_can_turn_moving_on_by_choice_off(content: Content) -> None:
    timing = replace(content.kiosk.timing, advance_on_choice=False)
    off = replace(content, kiosk=replace(content.kiosk, timing=timing))
    session = Session(off, Recorder())
    session.begin(now=0.0)
    _to_question(session, "pressure")
    session.toggle("medium")
    assert not session.moves_on
    session.toggle("medium")
    assert session.journey is not None and session.journey.selected() == (), (
        "without moving on, a second tap takes the answer back as before"
    )


def test_an_optional_question_skips_until_something_is_chosen(content: Content) -> None:
    session = Session(content, Recorder())
    session.begin(now=0.0)
    assert not session.skips, "the first question needs an answer"
    journey = session.journey
    assert journey is not None
    session.toggle("ease_aches")  # brings the optional "tension_areas"
    assert session.next(now=1.0) and journey.question.id == "tension_areas"
    assert session.skips
    session.toggle("lower_back")
    assert not session.skips
    session.toggle("lower_back")
    assert session.skips, "nothing chosen again"
