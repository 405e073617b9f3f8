"""The kiosk's guest-facing rules in one place: which screen is up, one guest's journey, when it
times out, when new content may go on screen, what is counted, and the booking link.

Pure state with no Qt and no clock of its own: the view-models pass the time in (monotonic
seconds for time-outs, the wall clock for slide schedules) and show what the session says.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol
from urllib.parse import quote

from kiosk.content.model import Content, Package
from kiosk.guest.attract import AttractLoop, Turn
from kiosk.guest.idle import IdleWatch, Phase
from kiosk.guest.journey import Journey
from kiosk.guest.recommend import Suggestion


class Screen(StrEnum):
    ATTRACT = "attract"
    QUESTION = "question"
    RESULT = "result"
    CONSULT = "consult"


class Leave(StrEnum):
    """Why a journey ended before or after its suggestion."""

    START_OVER = "start_over"
    IDLE = "idle"
    DONE = "done"


class UsageSink(Protocol):
    """Where anonymous usage events go (kiosk.ops.usage.UsageLog); never answers or flags.

    `journey_started` is told the slide on screen at the tap ('' for the calm fallback slide),
    `question_reached` the question's place in the questionnaire (1 for its first question)."""

    def slide_shown(self, slide_id: str) -> None: ...
    def journey_started(self, language: str, slide_id: str | None = None) -> None: ...
    def question_reached(self, question_id: str, position: int | None = None) -> None: ...
    def language_changed(self, code: str) -> None: ...
    def journey_finished(self, outcome: str, package_id: str | None, screened: bool) -> None: ...
    def journey_abandoned(self, where: str, why: str) -> None: ...


@dataclass(frozen=True)
class Idle:
    """What the idle rule says at one moment."""

    warning: bool
    """Show "Still there?" with a countdown."""
    countdown: int
    """Whole seconds left on the countdown (while warning)."""
    wake_in: float | None
    """Seconds until the rule should be asked again; None: no guest, nothing to wait for."""


NO_GUEST = Idle(warning=False, countdown=0, wake_in=None)
SLEEP_RECHECK_SECONDS = 60.0

CHOICE_SHOWN_SECONDS = 0.35
"""How long a chosen answer shows (pressed, with its check mark) before its question moves on
by itself: long enough to be seen, short enough not to wait for."""


class Session:
    """One kiosk's screens and the guest using it, if any."""

    def __init__(self, content: Content, usage: UsageSink | None = None) -> None:
        self.usage = usage
        self.content = content
        self.pending: Content | None = None
        self.screen = Screen.ATTRACT
        self.language = content.default_language
        self.journey: Journey | None = None
        self.preview = False
        self._loop = AttractLoop(content.slides, content.kiosk.timing.slide_seconds)
        self._idle: IdleWatch | None = None
        self._finished = False
        self._reached = ""
        self._on_screen = ""  # the slide the attract loop shows now; '' the calm fallback
        self._awake_until = -math.inf
        self.large_text = self._staff_text_size()

    # ---- content ---------------------------------------------------------------------------

    def offer(self, content: Content) -> None:
        """New checked content: it goes on screen at the next slide change of the attract loop,
        never in the middle of a guest's journey (they finish on the content they began with)."""
        self.pending = content

    def _take_pending(self) -> bool:
        if self.pending is None or self.screen is not Screen.ATTRACT:
            return False
        self.content, self.pending = self.pending, None
        self._loop = AttractLoop(self.content.slides, self.content.kiosk.timing.slide_seconds)
        self.language = self.content.default_language
        self.large_text = self._staff_text_size()
        return True

    # ---- attract loop ----------------------------------------------------------------------

    def next_slide(self, now: datetime) -> tuple[Turn, bool]:
        """The next slide to show (new content taken in first, if any is waiting), and whether
        the content changed. A slide shown is counted; the calm fallback slide is not."""
        changed = self._take_pending()
        turn = self._loop.next(now)
        self._on_screen = "" if turn.slide is None else turn.slide.id
        if turn.slide is not None:
            self._count_slide(turn.slide.id)
        return turn, changed

    def _count_slide(self, slide_id: str) -> None:
        if self.usage is not None:
            self.usage.slide_shown(slide_id)

    # ---- language --------------------------------------------------------------------------

    def set_language(self, code: str) -> bool:
        """Switch the language on screen; False when it is already in use or not offered."""
        if code == self.language or code not in self.content.languages:
            return False
        self.language = code
        if self.journey is not None and not self.preview and self.usage is not None:
            self.usage.language_changed(code)
        return True

    # ---- larger text -----------------------------------------------------------------------

    def _staff_text_size(self) -> bool:
        return self.content.kiosk.theme.text_size == "large"

    def set_large_text(self, on: bool) -> bool:
        """A guest's "Aa" on the questions: larger text (or the normal size again) until their
        journey ends; the next guest begins with the size staff chose. False when nothing
        changed or no journey is under way."""
        if self.journey is None or self.screen is not Screen.QUESTION or on == self.large_text:
            return False
        self.large_text = on
        return True

    # ---- the journey -----------------------------------------------------------------------

    def begin(self, now: float, preview: bool = False) -> bool:
        """A tap on the attract loop: a new guest begins (a staff preview is not counted)."""
        if self.screen is not Screen.ATTRACT:
            return False
        self.preview = preview
        self._finished = False
        self._reached = ""
        self.journey = Journey(self.content)
        self.language = self.content.default_language
        self.large_text = self._staff_text_size()
        timing = self.content.kiosk.timing
        self._idle = IdleWatch(timing.idle_seconds, timing.warning_seconds, now)
        sink = self._counted()
        if sink is not None:
            sink.journey_started(self.language, self._on_screen)
        self.screen = Screen.QUESTION
        self._question_shown()
        return True

    def toggle(self, option_id: str) -> bool:
        """A tap on an option; True when it changed which questions come next."""
        journey = self.journey
        if journey is None or self.screen is not Screen.QUESTION:
            return False
        if journey.question.option(option_id) is None:
            return False
        before = (journey.is_last, journey.progress.total)
        # Where a choice moves on, a second tap on it (a double tap) must not take it back.
        journey.toggle(option_id, keep=self.content.kiosk.timing.advance_on_choice)
        return (journey.is_last, journey.progress.total) != before

    @property
    def moves_on(self) -> bool:
        """The question on screen moves on by itself (`CHOICE_SHOWN_SECONDS` after the tap):
        a single-choice question with its answer chosen, unless staff turned this off
        (`timing.advance_on_choice`). The last question waits for "See my suggestion"."""
        journey = self.journey
        if journey is None or self.screen is not Screen.QUESTION or journey.is_last:
            return False
        return (
            self.content.kiosk.timing.advance_on_choice
            and journey.question.kind == "single"
            and bool(journey.selected())
            and journey.can_go_next
        )

    @property
    def skips(self) -> bool:
        """Next leaves the question on screen unanswered (it is optional): "Skip", not "Next"."""
        journey = self.journey
        return journey is not None and self.screen is Screen.QUESTION and journey.skips

    def next(self, now: float) -> bool:
        """Next (or "See my suggestion" after the last question); False when not allowed."""
        journey = self.journey
        if journey is None or self.screen is not Screen.QUESTION or not journey.can_go_next:
            return False
        suggestion = journey.next()
        if suggestion is None:
            self._question_shown()
            return True
        if not self._finished:  # a journey counts once, however often Back and Next are tapped
            self._finished = True
            sink = self._counted()
            if sink is not None:
                package = suggestion.package.id if suggestion.package else None
                # screened: a flag was raised; the package is then not counted by name
                sink.journey_finished(suggestion.outcome, package, bool(suggestion.flags))
        self.screen = Screen.CONSULT if suggestion.outcome == "consult" else Screen.RESULT
        assert self._idle is not None
        self._idle.touch(now)  # the suggestion's time starts when it shows
        return True

    def back(self) -> bool:
        journey = self.journey
        if journey is None:
            return False
        if self.screen in (Screen.RESULT, Screen.CONSULT):
            journey.back()
            self.screen = Screen.QUESTION
        elif not journey.back():
            return False
        self._question_shown()
        return True

    def leave(self, why: Leave) -> None:
        """End the journey and forget everything of this guest; back to the attract loop."""
        if self.journey is not None and not self._finished:
            sink = self._counted()
            if sink is not None:
                sink.journey_abandoned(self._reached or self.screen.value, why.value)
        self.preview = False
        self.journey = None
        self._idle = None
        self._finished = False
        self._reached = ""
        self.screen = Screen.ATTRACT
        self.language = self.content.default_language
        self.large_text = self._staff_text_size()
        self._loop.restart()

    @property
    def suggestion(self) -> Suggestion | None:
        return self.journey.suggestion if self.journey is not None else None

    def _question_shown(self) -> None:
        assert self.journey is not None
        question_id = self.journey.question.id
        if question_id != self._reached:
            self._reached = question_id
            sink = self._counted()
            if sink is not None:
                sink.question_reached(question_id, self._position(question_id))

    def _position(self, question_id: str) -> int | None:
        """The question's place in the questionnaire (1 for the first in the content)."""
        for index, question in enumerate(self.content.questions, start=1):
            if question.id == question_id:
                return index
        return None

    def _counted(self) -> UsageSink | None:
        return None if self.preview else self.usage

    # ---- time-outs -------------------------------------------------------------------------

    def touched(self, now: float) -> None:
        """Any touch on the screen: the guest is still here (the countdown, if any, stops)."""
        if self._idle is not None:
            self._idle.touch(now)

    def idle(self, now: float) -> Idle:
        """The idle rule at `now`. During the questions: quiet for `idle_seconds`, then a
        countdown of `warning_seconds`, then the journey ends. On the suggestion or the consult
        screen, in addition, the journey ends `result_seconds` after the last touch. A journey
        that ends here has been left (`Leave.IDLE`): the screen is the attract loop again."""
        watch = self._idle
        if watch is None:
            return NO_GUEST
        on_result = self.screen in (Screen.RESULT, Screen.CONSULT)
        result_left = self.result_left(now)
        phase = watch.phase(now)
        if phase is Phase.EXPIRED or (on_result and result_left <= 0):
            self.leave(Leave.IDLE)
            return NO_GUEST
        wait = watch.until_change(now)
        if on_result:
            wait = min(wait, result_left)
        if phase is Phase.WARNING:
            left = watch.warning_left(now)
            wait = min(wait, left % 1.0 or 1.0)  # wake for each second of the countdown
            return Idle(warning=True, countdown=max(1, math.ceil(left)), wake_in=wait)
        return Idle(warning=False, countdown=0, wake_in=wait)

    def result_left(self, now: float) -> float:
        """Seconds the suggestion (or consult screen) stays if nobody touches it; the full time
        while the questions are on screen."""
        timing = self.content.kiosk.timing
        if self._idle is None:
            return timing.result_seconds
        return timing.result_seconds - (now - self._idle.last_touch)

    # ---- opening hours -------------------------------------------------------------------

    def is_open(self, now: datetime) -> bool:
        """Whether the spa is open at `now` (local wall time); always, without opening hours."""
        hours = self.content.kiosk.opening_hours
        return hours is None or hours.is_open(now)

    def asleep(self, now: datetime, monotonic: float) -> bool:
        """Whether the screen sleeps: outside opening hours, with no guest mid-journey (closing
        time never cuts one off) and no touch in the last `idle_seconds`."""
        return (
            self.journey is None and not self.is_open(now) and monotonic >= self._awake_until
        )

    def wake(self, monotonic: float) -> None:
        """A touch while closed: the attract loop shows until `idle_seconds` pass quietly."""
        self._awake_until = monotonic + self.content.kiosk.timing.idle_seconds

    def next_opening_change(self, now: datetime) -> datetime | None:
        """When the spa next opens or closes (None: never, within two weeks)."""
        hours = self.content.kiosk.opening_hours
        return None if hours is None else hours.next_change(now)

    def sleep_check_in(self, now: datetime, monotonic: float) -> float:
        """Seconds until the sleep rule should be asked again: at the next opening or closing,
        at the end of a touch's wake-up, and at least once a minute, so that a jump of the
        wall clock is noticed within a minute."""
        wait = SLEEP_RECHECK_SECONDS
        change = self.next_opening_change(now)
        if change is not None:
            wait = min(wait, max(0.0, (change - now).total_seconds()))
        if monotonic < self._awake_until:
            wait = min(wait, self._awake_until - monotonic)
        return wait

    # ---- the suggestion --------------------------------------------------------------------

    def booking_url(self, package: Package) -> str | None:
        """The booking link of kiosk.yaml for this package (its desk code in place of
        `{package}`, made safe for a URL), or None when the spa has none."""
        url = self.content.kiosk.booking.url
        return url.replace("{package}", quote(package.desk_code)) if url else None
