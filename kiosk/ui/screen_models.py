"""One thin view-model per screen: what the attract loop, the questions, the suggestion and the
idle warning show, and the taps they take. Each reads the guest's session through the kiosk's
root view-model (`kiosk.ui.controller`) and hands its taps to it; no rule lives here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.guest.session import Idle, Leave
from kiosk.ui.views import Kept, QuestionText, QuestionView, SuggestionText, SuggestionView

if TYPE_CHECKING:
    from kiosk.ui.controller import KioskController


class AttractModel(QObject):
    """The attract loop: the slide on screen, and a tap that begins a journey."""

    slideChanged = Signal()

    def __init__(self, kiosk: KioskController) -> None:
        super().__init__(kiosk)
        self._kiosk = kiosk
        self._slide: dict[str, Any] = {}

    def _get_slide(self) -> dict[str, Any]:
        return self._slide

    # A plain value, not a view object: the cross-fade keeps the slide going off screen after
    # the next one has arrived, and a value copied into QML cannot be taken from under it.
    slide = Property(dict, _get_slide, notify=slideChanged)

    def show(self, slide: dict[str, Any]) -> None:
        self._slide = slide
        self.slideChanged.emit()

    @Slot()
    def start(self) -> None:
        """A tap on the attract loop: a new guest begins."""
        self._kiosk.begin(preview=False)


class QuestionsModel(QObject):
    """The question on screen, what is chosen, and Next, Back and Start over."""

    questionChanged = Signal()
    selectionChanged = Signal()
    advancingChanged = Signal()
    movedByChoiceChanged = Signal()

    def __init__(self, kiosk: KioskController) -> None:
        super().__init__(kiosk)
        self._kiosk = kiosk
        self._question = Kept(QuestionView(QuestionText()))
        self._moved_by_choice = False
        self._advancing = False

    def show(self, question: QuestionText) -> None:
        self._question.replace(QuestionView(question))
        self.questionChanged.emit()

    def set_moved_by_choice(self, moved: bool) -> None:
        """Whether the question on screen came by itself, after a choice (not by a button)."""
        if moved != self._moved_by_choice:
            self._moved_by_choice = moved
            self.movedByChoiceChanged.emit()

    def _get_moved_by_choice(self) -> bool:
        return self._moved_by_choice

    # Read when the question changes: the finger that chose may still be tapping.
    movedByChoice = Property(bool, _get_moved_by_choice, notify=movedByChoiceChanged)

    def _get_skips(self) -> bool:
        return self._kiosk.session.skips

    # Next leaves this optional question unanswered: its button says "Skip".
    skips = Property(bool, _get_skips, notify=selectionChanged)

    def set_advancing(self, advancing: bool) -> None:
        if advancing != self._advancing:
            self._advancing = advancing
            self.advancingChanged.emit()

    def _get_advancing(self) -> bool:
        return self._advancing

    # The chosen answer is on show, and its question moves on in a moment.
    advancing = Property(bool, _get_advancing, notify=advancingChanged)

    def _get_question(self) -> QuestionView:
        return self._question.current

    question = Property(QObject, _get_question, notify=questionChanged)

    def _get_selected(self) -> list[str]:
        journey = self._kiosk.session.journey
        return list(journey.selected()) if journey is not None else []

    selected = Property(list, _get_selected, notify=selectionChanged)

    def _get_can_next(self) -> bool:
        journey = self._kiosk.session.journey
        return journey is not None and journey.can_go_next

    canNext = Property(bool, _get_can_next, notify=selectionChanged)

    def _get_can_pick_more(self) -> bool:
        journey = self._kiosk.session.journey
        return journey is not None and journey.can_pick_more()

    canPickMore = Property(bool, _get_can_pick_more, notify=selectionChanged)

    @Slot(str)
    def toggle(self, option_id: str) -> None:
        self._kiosk.toggle(option_id)

    @Slot()
    def next(self) -> None:
        self._kiosk.next()

    @Slot()
    def back(self) -> None:
        self._kiosk.back()

    @Slot()
    def startOver(self) -> None:
        self._kiosk.leave(Leave.START_OVER)


class ResultModel(QObject):
    """The suggestion, or the consult screen's words, with Back, Done and Start over."""

    suggestionChanged = Signal()
    timeChanged = Signal()

    def __init__(self, kiosk: KioskController) -> None:
        super().__init__(kiosk)
        self._kiosk = kiosk
        self._suggestion = Kept(SuggestionView(SuggestionText()))
        self._seconds_left = 0.0
        self._seconds = 0.0

    def show_time(self, left: float, seconds: float) -> None:
        """The suggestion stays `left` more seconds (of `seconds`) unless it is touched."""
        self._seconds_left, self._seconds = max(0.0, left), seconds
        self.timeChanged.emit()

    def _get_seconds_left(self) -> float:
        return self._seconds_left

    # As of the last touch (or the suggestion's showing): the indicator empties from there.
    secondsLeft = Property(float, _get_seconds_left, notify=timeChanged)

    def _get_seconds(self) -> float:
        return self._seconds

    seconds = Property(float, _get_seconds, notify=timeChanged)

    def show(self, suggestion: SuggestionText) -> None:
        self._suggestion.replace(SuggestionView(suggestion))
        self.suggestionChanged.emit()

    def _get_suggestion(self) -> SuggestionView:
        return self._suggestion.current

    suggestion = Property(QObject, _get_suggestion, notify=suggestionChanged)

    @Slot()
    def back(self) -> None:
        self._kiosk.back()

    @Slot()
    def done(self) -> None:
        self._kiosk.leave(Leave.DONE)

    @Slot()
    def startOver(self) -> None:
        self._kiosk.leave(Leave.START_OVER)


class IdleModel(QObject):
    """"Still there?": whether it shows, its countdown, and the tap that gives more time."""

    changed = Signal()

    def __init__(self, kiosk: KioskController) -> None:
        super().__init__(kiosk)
        self._kiosk = kiosk
        self._state = Idle(warning=False, countdown=0, wake_in=None)
        self._warning_seconds = 20.0

    def show(self, state: Idle, force: bool = False) -> None:
        before = self._state
        self._state = state
        if force or (before.warning, before.countdown) != (state.warning, state.countdown):
            self.changed.emit()

    def set_warning_seconds(self, seconds: float) -> None:
        if seconds != self._warning_seconds:
            self._warning_seconds = seconds
            self.changed.emit()

    def _get_warning(self) -> bool:
        return self._state.warning

    warning = Property(bool, _get_warning, notify=changed)

    def _get_countdown(self) -> int:
        return self._state.countdown

    countdown = Property(int, _get_countdown, notify=changed)

    def _get_reset_soon(self) -> str:
        return self._kiosk.phrases().say("reset_soon", seconds=self._state.countdown)

    # "We will start over in 5 seconds...": the countdown in its plural form, made on each tick.
    resetSoon = Property(str, _get_reset_soon, notify=changed)

    def _get_warning_seconds(self) -> float:
        return self._warning_seconds

    warningSeconds = Property(float, _get_warning_seconds, notify=changed)

    @Slot()
    def moreTime(self) -> None:
        self._kiosk.touched()
