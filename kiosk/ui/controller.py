"""The root view-model the QML window binds to: the screen on show, the language and the look,
with one model per screen (`attract`, `questions`, `result`, `idle`).

It runs the guest's session (kiosk.guest.session, where the rules live) on Qt's clock: the slide
timer, the idle timer, and the screens' words in the language in use.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Property, QObject, QTimer, QUrl, Signal, Slot

from kiosk import media
from kiosk.content.model import Content, Slide, Text
from kiosk.guest.journey import Journey
from kiosk.guest.session import CHOICE_SHOWN_SECONDS, Idle, Leave, Screen, Session, UsageSink
from kiosk.ui.phrases import Words, language_name, words
from kiosk.ui.qr import qr_data_url
from kiosk.ui.scheduler import Clock, Handle
from kiosk.ui.screen_models import AttractModel, IdleModel, QuestionsModel, ResultModel
from kiosk.ui.screen_texts import question_text, suggestion_text
from kiosk.ui.views import (
    Kept,
    Language,
    LanguageView,
    Look,
    LookView,
    QuestionText,
    SuggestionText,
)

Fonts = Callable[[str | None, Path], str]
"""Registers the theme's font (a family name, or a file in the assets) and names its family."""

log = logging.getLogger("kiosk")
RETIRE_AFTER_MS = 2000  # after a new set is put on screen: its cross-fade is over by then


@dataclass(frozen=True)
class Screens:
    """The screens' models, for Python callers (QML reads them as `kiosk.attract` and so on)."""

    attract: AttractModel
    questions: QuestionsModel
    result: ResultModel
    idle: IdleModel


class KioskController(QObject):
    asleepChanged = Signal()
    screenChanged = Signal()
    languageChanged = Signal()
    contentChanged = Signal()
    textSizeChanged = Signal()

    def __init__(
        self,
        content: Content,
        clock: Clock | None = None,
        parent: QObject | None = None,
        fonts: Fonts | None = None,
        usage: UsageSink | None = None,
    ):
        super().__init__(parent)
        self._clock = clock or Clock()
        self._fonts = fonts
        self.session = Session(content, usage)
        self.screens = Screens(
            AttractModel(self), QuestionsModel(self), ResultModel(self), IdleModel(self)
        )
        self._attract, self._questions = self.screens.attract, self.screens.questions
        self._result, self._idle = self.screens.result, self.screens.idle
        self._retired: Content | None = None  # the set last taken off screen, let go soon
        self._retire_timer = QTimer(self)
        self._retire_timer.setSingleShot(True)
        self._retire_timer.timeout.connect(self._let_go_of_retired)
        self.drop_copies: Callable[[set[Path]], None] | None = None
        """Given the picture copies the sets still held use, drops all others (the running
        kiosk sets kiosk.ops.assetstore.drop_unused_soon; nothing else drops copies)."""
        self.display_power: Callable[[bool], None] | None = None
        # The phrases for the screens, made once per language and content: QML reads `words`
        # from every binding that shows one (eight times before the first frame).
        self._screen_words: tuple[str, Content, dict[str, str]] | None = None
        """Turns the display off (False) and on (True) as the screen sleeps and wakes (the
        running kiosk sets kiosk.ops.screensaver.display_power; nothing else touches it)."""
        self._asleep = False
        self._sleep_timer: Handle | None = None
        self._notice = ""
        self._current_slide: Slide | None = None
        self._slide_serial = 0
        self._slide_timer: Handle | None = None
        self._idle_timer: Handle | None = None
        self._result_tick: Handle | None = None
        # How long a chosen answer shows before its question moves on: what the guest sees,
        # on the real clock like the screens' fades (and the taps held back after them).
        self._move_on_timer = QTimer(self)
        self._move_on_timer.setSingleShot(True)
        self._move_on_timer.setInterval(round(CHOICE_SHOWN_SECONDS * 1000))
        self._move_on_timer.timeout.connect(self._move_on)
        self._move_on_from = ""
        self._font_family = "DejaVu Sans"
        self._look = Kept(LookView(Look.of(content.kiosk.theme, "")))
        self._languages: list[LanguageView] = []
        self._take(content)
        self.advance_slide()
        self._check_sleep()

    # ---- the screens' models --------------------------------------------------------------

    def _get_attract(self) -> AttractModel:
        return self._attract

    attract = Property(QObject, _get_attract, constant=True)

    def _get_questions(self) -> QuestionsModel:
        return self._questions

    questions = Property(QObject, _get_questions, constant=True)

    def _get_result(self) -> ResultModel:
        return self._result

    result = Property(QObject, _get_result, constant=True)

    def _get_idle(self) -> IdleModel:
        return self._idle

    idle = Property(QObject, _get_idle, constant=True)

    # ---- content --------------------------------------------------------------------------

    @property
    def content(self) -> Content:
        return self.session.content

    @property
    def pending_content(self) -> Content | None:
        return self.session.pending

    def _take(self, content: Content) -> None:
        """The look, fonts and languages of the content on screen."""
        theme = content.kiosk.theme
        family = self._fonts(theme.font, content.assets) if self._fonts else "DejaVu Sans"
        self._font_family = family
        self._look.replace(LookView(Look.of(theme, self._asset_url(theme.logo))))
        self._languages = [
            LanguageView(Language(code, language_name(code))) for code in content.languages
        ]
        self._idle.set_warning_seconds(content.kiosk.timing.warning_seconds)

    def set_content(self, content: Content) -> None:
        """New checked content: it goes on screen at the next calm moment (the session says
        when); the calm fallback slide has nothing to finish, so it goes at once."""
        self.session.offer(content)
        if self.session.screen is Screen.ATTRACT and self._attract.property("slide").get(
            "fallback"
        ):
            self.advance_slide()

    def _content_swapped(self, before: Content) -> None:
        self._notice = ""
        # The set on screen until now is let go once the cross-fade to the new one is over:
        # freeing a big set takes a few milliseconds that the fade's first frames need.
        self._retired = before
        self._retire_timer.start(RETIRE_AFTER_MS)
        self._take(self.content)
        self.contentChanged.emit()
        self.languageChanged.emit()
        self.textSizeChanged.emit()

    def _let_go_of_retired(self) -> None:
        self._retired = None
        if self.drop_copies is not None:
            self.drop_copies(self.copies_in_use())

    def copies_in_use(self) -> set[Path]:
        """The picture copies of the sets this screen holds: on screen, waiting to go on
        screen (the newest checked set, which is also the one kept for the next start) and
        the one just taken off screen while it fades out."""
        held = (self.session.content, self.session.pending, self._retired)
        return {path for content in held if content is not None for path in content.in_use()}

    def _get_notice(self) -> str:
        return self._notice

    notice = Property(str, _get_notice, notify=contentChanged)
    """A quiet line for staff on the attract loop (content problems), or empty."""

    def set_notice(self, text: str) -> None:
        self._notice = text
        self.contentChanged.emit()

    def _get_font_family(self) -> str:
        return self._font_family

    fontFamily = Property(str, _get_font_family, notify=contentChanged)

    def _get_theme(self) -> LookView:
        return self._look.current

    theme = Property(QObject, _get_theme, notify=contentChanged)

    def _text(self, text: Text | None) -> str:
        return self.content.text(text, self.session.language)

    def _aspect(self, relative: str | None) -> float:
        """A picture's shape as its check found it. Only a set read without a file check (tests,
        tools) has none: its file is asked (never in the running kiosk, whose sets all come
        from the check with their shapes, nor for anything but a regular file)."""
        content = self.content
        if content.stored or relative is None:
            return content.aspect(relative)
        return media.aspect(content.asset(relative))

    def _asset_url(self, relative: str | None) -> str:
        return _file_url(self.content.asset(relative))

    # ---- language -------------------------------------------------------------------------

    def _get_language(self) -> str:
        return self.session.language

    language = Property(str, _get_language, notify=languageChanged)

    def _get_languages(self) -> list[LanguageView]:
        return self._languages

    languages = Property(list, _get_languages, notify=contentChanged)

    def phrases(self) -> Words:
        """The kiosk's own phrases in the language in use, the spa's wording first."""
        kiosk = self.content.kiosk
        return words(self.session.language, kiosk.words, kiosk.default_language)

    def _get_words(self) -> dict[str, str]:
        made = self._screen_words
        if made is None or made[0] != self.session.language or made[1] is not self.content:
            made = (self.session.language, self.content, self.phrases().for_screens())
            self._screen_words = made
        return made[2]

    # The kiosk's own phrases by key (`words.next`, `words.back`...): a fixed table of strings.
    words = Property(dict, _get_words, notify=languageChanged)

    def _get_spa_name(self) -> str:
        return self._text(self.content.kiosk.spa_name)

    spaName = Property(str, _get_spa_name, notify=languageChanged)

    def _get_disclaimer(self) -> str:
        return self._text(self.content.kiosk.disclaimer)

    disclaimer = Property(str, _get_disclaimer, notify=languageChanged)

    @Slot(str)
    def setLanguage(self, code: str) -> None:
        if not self.session.set_language(code):
            return
        self.languageChanged.emit()
        self._present(self._current_slide)
        self._show_question()
        self._show_result()

    # ---- larger text ----------------------------------------------------------------------

    def _get_large_text(self) -> bool:
        return self.session.large_text

    # The screens' text at the larger size (Style.qml): the staff's choice, or a guest's "Aa".
    largeText = Property(bool, _get_large_text, notify=textSizeChanged)

    @Slot(bool)
    def setLargeText(self, on: bool) -> None:
        if self.session.set_large_text(on):
            self.textSizeChanged.emit()

    # ---- screens --------------------------------------------------------------------------

    def _get_screen(self) -> str:
        return self.session.screen.value

    screen = Property(str, _get_screen, notify=screenChanged)

    @property
    def current_screen(self) -> str:
        return self.session.screen.value

    @property
    def journey(self) -> Journey | None:
        return self.session.journey

    @property
    def slide_serial(self) -> int:
        """How many slides have been put on screen so far."""
        return self._slide_serial

    # ---- attract loop ---------------------------------------------------------------------

    def advance_slide(self) -> None:
        """Show the next slide the schedules allow, and wake up when its time is over."""
        before = self.content
        turn, swapped = self.session.next_slide(self._clock.now())
        if swapped:
            self._content_swapped(before)
        self._present(turn.slide)
        self._cancel_slide_timer()
        self._slide_timer = self._clock.call_later(turn.seconds, self._on_slide_timer)

    def _present(self, slide: Slide | None) -> None:
        """Put `slide` on screen (None: the calm fallback with the spa's name)."""
        self._current_slide = slide
        self._slide_serial += 1
        if slide is None:
            shown = {
                "id": "",
                "title": self._text(self.content.kiosk.spa_name),
                "body": "",
                "image": "",
                "aspect": 0.0,
                "fallback": True,
            }
        else:
            shown = {
                "id": slide.id,
                "title": self._text(slide.title),
                "body": self._text(slide.body),
                "image": self._asset_url(slide.image),
                "aspect": self._aspect(slide.image),
                "fallback": False,
            }
        self._attract.show({**shown, "serial": self._slide_serial})

    def _on_slide_timer(self) -> None:
        self._slide_timer = None
        if self.session.screen is Screen.ATTRACT and not self._asleep:
            self.advance_slide()

    # ---- opening hours --------------------------------------------------------------------

    def _get_asleep(self) -> bool:
        return self._asleep

    asleep = Property(bool, _get_asleep, notify=asleepChanged)
    """Outside opening hours: the screens are covered in black and nothing is drawn."""

    def _check_sleep(self) -> None:
        """Ask the sleep rule, sleep or wake, and wake up when it next needs asking."""
        if self._sleep_timer is not None:
            self._sleep_timer.cancel()
        now, monotonic = self._clock.now(), self._clock.monotonic()
        asleep = self.session.asleep(now, monotonic)
        if asleep != self._asleep:
            self._asleep = asleep
            log.info("outside opening hours: the screen sleeps" if asleep else "the screen wakes")
            if asleep:
                self._cancel_slide_timer()
            else:
                self.advance_slide()
            self.asleepChanged.emit()
            if self.display_power is not None:
                self.display_power(not asleep)
        wait = self.session.sleep_check_in(now, monotonic)
        self._sleep_timer = self._clock.call_later(wait + 0.01, self._check_sleep)

    def sync_display_power(self) -> None:
        """Tell the display what the screen is doing now (a start in the night: off)."""
        if self.display_power is not None and self._asleep:
            self.display_power(False)

    def opening_note(self) -> str:
        """For staff: when the screen next sleeps or wakes ("" without opening hours)."""
        now = self._clock.now()
        change = self.session.next_opening_change(now)
        if change is None:
            return ""
        when = change.strftime("%H:%M") if change.date() == now.date() else change.strftime(
            "%a %H:%M"
        )
        return f"The screen {'sleeps' if self.session.is_open(now) else 'wakes'} at {when}"

    def show_slide(self, index: int) -> None:
        """Show one slide by position (used by `render`)."""
        self._present(self.content.slides[index])

    # ---- the journey ----------------------------------------------------------------------

    def start(self) -> None:
        self.begin(preview=False)

    def begin(self, preview: bool) -> None:
        """Start a journey; a staff preview is not counted in the usage figures."""
        if not self.session.begin(self._clock.monotonic(), preview):
            return
        self._cancel_slide_timer()
        self.languageChanged.emit()
        self.textSizeChanged.emit()
        self._show_question()
        self._questions.selectionChanged.emit()
        self.screenChanged.emit()
        self._check_idle()

    def toggle(self, option_id: str) -> None:
        journey = self.session.journey
        if journey is None or self.session.screen is not Screen.QUESTION:
            return
        if self.session.toggle(option_id):
            self._show_question()  # show_if changed what comes next
        self._questions.selectionChanged.emit()
        if self.session.moves_on:
            self._move_on_from = journey.question.id
            self._move_on_timer.start()
        else:
            self._move_on_timer.stop()
        self._questions.set_advancing(self._move_on_timer.isActive())

    def _move_on(self) -> None:
        """The chosen answer has been seen: its question moves on, if it is still on screen."""
        self._questions.set_advancing(False)
        journey = self.session.journey
        if journey is None or journey.question.id != self._move_on_from:
            return
        if self.session.moves_on:
            self.next(by_choice=True)

    def _stop_moving_on(self) -> None:
        self._move_on_timer.stop()
        self._questions.set_advancing(False)

    def next(self, by_choice: bool = False) -> None:
        screen = self.session.screen
        self._stop_moving_on()
        if not self.session.next(self._clock.monotonic()):
            return
        self._questions.set_moved_by_choice(by_choice)
        self._questions.selectionChanged.emit()
        if self.session.screen is screen:
            self._show_question()
            return
        self._show_result()
        self._show_result_time()
        self.screenChanged.emit()
        self._check_idle()

    def back(self) -> None:
        screen = self.session.screen
        self._stop_moving_on()
        if not self.session.back():
            return
        self._questions.set_moved_by_choice(False)
        self._show_question()
        self._questions.selectionChanged.emit()
        if self.session.screen is not screen:
            self._show_result_time()
            self.screenChanged.emit()

    def done(self) -> None:
        self.leave(Leave.DONE)

    def start_over(self) -> None:
        """Forget this guest entirely and return to the attract loop."""
        self.leave(Leave.START_OVER)

    def leave(self, why: Leave | str) -> None:
        """End the journey (start over, idle reset or done) and drop everything of this guest."""
        if self.session.journey is not None:
            self.session.leave(Leave(why))
        self._after_journey()

    def _after_journey(self) -> None:
        self._stop_moving_on()
        self._show_result_time()  # off screen: its tick stops
        self._questions.set_moved_by_choice(False)
        self._cancel_idle_timer()
        self._idle.show(self.session.idle(self._clock.monotonic()))
        self.languageChanged.emit()
        self.textSizeChanged.emit()
        self._show_question()
        self._questions.selectionChanged.emit()
        self._show_result()
        self.screenChanged.emit()
        self.advance_slide()
        self._check_sleep()  # a guest who stayed past closing time has gone

    def _show_question(self) -> None:
        journey = self.session.journey
        self._questions.show(
            question_text(journey, self._text, self._asset_url, self.phrases())
            if journey is not None
            else QuestionText()
        )

    def _show_result(self) -> None:
        suggestion = self.session.suggestion
        if suggestion is None:
            self._result.show(SuggestionText())
            return
        url = self.session.booking_url(suggestion.package) if suggestion.package else None
        self._result.show(
            suggestion_text(
                suggestion,
                self.content.consult,
                self._text,
                self._asset_url,
                self.phrases(),
                qr_data_url(url) if url else "",
            )
        )

    # ---- idle -----------------------------------------------------------------------------

    def touched(self) -> None:
        """Any touch or click on the screen: the guest is still here (and, outside opening
        hours, the screen stays awake a while)."""
        if not self.session.is_open(self._clock.now()):
            self.session.wake(self._clock.monotonic())
            if self._asleep:
                # Once this touch has gone to the black cover: it wakes the screen, no more.
                QTimer.singleShot(0, self._check_sleep)
        if self.session.journey is None:
            return
        self.session.touched(self._clock.monotonic())
        if self._idle.property("warning"):
            self._check_idle()
        self._show_result_time()

    def _show_result_time(self) -> None:
        """The suggestion's time left, for its indicator, once a second (a small step of a thin
        bar, and nothing in between: no animation runs all the while the suggestion shows)."""
        if self._result_tick is not None:
            self._result_tick.cancel()
            self._result_tick = None
        if self.session.screen not in (Screen.RESULT, Screen.CONSULT):
            return
        left = self.session.result_left(self._clock.monotonic())
        self._result.show_time(left, self.content.kiosk.timing.result_seconds)
        if left > 0:
            self._result_tick = self._clock.call_later(left % 1.0 or 1.0, self._show_result_time)

    def _check_idle(self) -> None:
        """Ask the idle rule, show its answer, and wake up when it next needs asking."""
        self._cancel_idle_timer()
        in_journey = self.session.journey is not None
        state = self.session.idle(self._clock.monotonic())
        if in_journey and self.session.journey is None:  # the rule ended the journey
            self._after_journey()
            return
        self._idle.show(state, force=state.warning)
        if state.wake_in is not None:
            self._idle_timer = self._clock.call_later(state.wake_in + 0.01, self._on_idle_timer)

    def _on_idle_timer(self) -> None:
        self._idle_timer = None
        self._check_idle()

    def show_warning_now(self) -> None:
        """Jump to the idle warning (used by `render`)."""
        if self.session.journey is not None:
            seconds = math.ceil(self.content.kiosk.timing.warning_seconds)
            self._idle.show(Idle(warning=True, countdown=seconds, wake_in=None), force=True)

    # ---- timers ---------------------------------------------------------------------------

    def _cancel_slide_timer(self) -> None:
        if self._slide_timer is not None:
            self._slide_timer.cancel()
            self._slide_timer = None

    def _cancel_idle_timer(self) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None

    def shutdown(self) -> None:
        self._move_on_timer.stop()
        if self._result_tick is not None:
            self._result_tick.cancel()
            self._result_tick = None
        self._cancel_slide_timer()
        self._cancel_idle_timer()
        if self._sleep_timer is not None:
            self._sleep_timer.cancel()
            self._sleep_timer = None


def _file_url(path: Path | None) -> str:
    """A `file:` URL for QML, or "" when there is no such file (the screen leaves it out)."""
    if path is None or not path.is_file():
        return ""
    return QUrl.fromLocalFile(str(path)).toString()
