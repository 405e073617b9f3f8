"""The view-model the QML screens bind to: one guest's journey, the attract loop and idle reset.

It only translates between the pure layers (content, journey, suggestion) and what QML shows:
plain strings, lists and maps in the language in use. No rule lives here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

from PySide6.QtCore import Property, QObject, QTimer, QUrl, Signal, Slot

from kiosk import media
from kiosk.content.opening import Opening
from kiosk.ui.qr import qr_data_url
from kiosk.ui.scheduler import Clock, Handle
from kiosk.ui.wording import language_name, words

if TYPE_CHECKING:
    from kiosk.content.model import Content, Slide, Text
    from kiosk.guest.attract import AttractLoop
    from kiosk.guest.idle import IdleWatch
    from kiosk.guest.journey import Journey
    from kiosk.guest.recommend import Suggestion

Fonts = Callable[[str | None, Path], str]
"""Registers the theme's font (a family name, or a file in the assets) and names its family."""

SCREENS = ("attract", "question", "result", "consult")
RETIRE_AFTER_MS = 2000  # after a new set is put on screen: its cross-fade is over by then


class UsageSink(Protocol):
    """Where anonymous usage events go (kiosk.ops.usage.UsageLog); never answers or flags."""

    def slide_shown(self, slide_id: str) -> None: ...
    def journey_started(self, language: str) -> None: ...
    def question_reached(self, question_id: str) -> None: ...
    def language_changed(self, code: str) -> None: ...
    def journey_finished(self, outcome: str, package_id: str | None, screened: bool) -> None: ...
    def journey_abandoned(self, where: str, why: str) -> None: ...


class KioskController(QObject):
    screenChanged = Signal()
    languageChanged = Signal()
    slideChanged = Signal()
    questionChanged = Signal()
    selectionChanged = Signal()
    resultChanged = Signal()
    idleChanged = Signal()
    contentChanged = Signal()

    def __init__(
        self,
        content: Content | Opening,
        clock: Clock | None = None,
        parent: QObject | None = None,
        fonts: Fonts | None = None,
        usage: UsageSink | None = None,
        later: Callable[[], Content] | None = None,
    ):
        """With an `Opening` instead of the content, the first slide is shown from it and the
        content is taken from `later` just after (`adopt`), or as soon as anything needs it."""
        super().__init__(parent)
        self._clock = clock or Clock()
        self._fonts = fonts
        self.usage = usage
        self._opening = content if isinstance(content, Opening) else None
        self._content = None if isinstance(content, Opening) else content
        self._later = later
        self._pending: Content | None = None
        self._retired: Content | None = None  # the set last taken off screen, let go soon
        self._retire_timer = QTimer(self)
        self._retire_timer.setSingleShot(True)
        self._retire_timer.timeout.connect(self._let_go_of_retired)
        self.drop_copies: Callable[[set[Path]], None] | None = None
        """Given the picture copies the sets still held use, drops all others (the running
        kiosk sets kiosk.ops.assetstore.drop_unused_soon; nothing else drops copies)."""
        self._notice = ""
        self._finished = False
        self._reached = ""
        self._preview = False
        self._screen = "attract"
        self._journey: Journey | None = None
        self._slide: dict[str, Any] = {}
        self._current_slide: Slide | None = None
        self._slide_serial = 0
        self._idle: IdleWatch | None = None
        self._warning = False
        self._countdown = 0
        self._slide_timer: Handle | None = None
        self._idle_timer: Handle | None = None
        self._loop: AttractLoop | None = None
        self._language = ""
        self._font_family = "DejaVu Sans"
        if self._content is not None:
            self._take(self._content)
            self.advance_slide()
        else:
            assert self._opening is not None and later is not None
            self._open(self._opening)

    # ---- content --------------------------------------------------------------------------

    def _take(self, content: Content) -> None:
        """Make `content` the one shown (the attract loop starts again from its first slide)."""
        from kiosk.guest.attract import AttractLoop  # the journey's layers: after the first frame

        self._content = content
        self._loop = AttractLoop(content.slides, content.kiosk.timing.slide_seconds)
        self._language = content.default_language
        font = content.kiosk.theme.font
        self._font_family = self._fonts(font, content.assets) if self._fonts else "DejaVu Sans"

    def _open(self, opening: Opening) -> None:
        """Show the opening's slide, as `advance_slide` would show the content's first."""
        self._language = opening.language
        self._font_family = (
            self._fonts(opening.font, opening.assets) if self._fonts else "DejaVu Sans"
        )
        self._slide_serial += 1
        self._slide = {
            "id": opening.slide_id,
            "title": opening.slide_title,
            "body": opening.slide_body,
            "image": _file_url(opening.slide_image),
            # Known from the check for a kiosk's set; asked of the file only for an opening made
            # without it (tests, tools), and never of anything but a regular file.
            "aspect": opening.slide_aspect or media.aspect(opening.slide_image),
            "fallback": False,
            "serial": self._slide_serial,
        }
        self.slideChanged.emit()
        if self.usage is not None:
            self.usage.slide_shown(opening.slide_id)
        self._slide_timer = self._clock.call_later(opening.slide_seconds, self._on_slide_timer)

    def adopt(self) -> None:
        """Take in the whole content when the kiosk opened on an `Opening`: the slide on screen
        stays (it is the content's first) and the loop goes on from it. Done just after the
        first frame, or earlier if a guest or a timer needs the content first."""
        if self._content is not None or self._later is None:
            return
        content = self._later()
        opening, self._opening = self._opening, None
        self._take(content)
        assert self._loop is not None
        turn = self._loop.next(self._clock.now())
        if opening is not None and turn.slide is not None and turn.slide.id == opening.slide_id:
            self._current_slide = turn.slide
        else:  # not the content the opening was made from (a newer kiosk, the default content)
            self._present(turn.slide)
            if turn.slide is not None and self.usage is not None:
                self.usage.slide_shown(turn.slide.id)
            self._cancel("_slide_timer")
            self._slide_timer = self._clock.call_later(turn.seconds, self._on_slide_timer)
        self.contentChanged.emit()
        self.languageChanged.emit()

    @property
    def opening(self) -> bool:
        """True until the content is taken in (`adopt`)."""
        return self._content is None

    @property
    def content(self) -> Content:
        if self._content is None:
            self.adopt()
        assert self._content is not None
        return self._content

    def set_content(self, content: Content) -> None:
        """New content arrived: it goes on screen at the next calm moment.

        That is the next slide change on the attract loop; a guest in the middle of the
        questionnaire finishes on the content they started with.
        """
        self._pending = content
        if self._screen == "attract" and self._slide.get("fallback"):
            self.advance_slide()  # the fallback slide has nothing to finish

    @property
    def pending_content(self) -> Content | None:
        return self._pending

    def _apply_pending(self) -> None:
        content, self._pending = self._pending, None
        if content is None:
            return
        self._notice = ""
        # The set on screen until now is let go once the cross-fade to the new one is over:
        # freeing a big set takes a few milliseconds that the fade's first frames need.
        self._retired = self._content
        self._retire_timer.start(RETIRE_AFTER_MS)
        self._take(content)
        self.contentChanged.emit()
        self.languageChanged.emit()

    def _let_go_of_retired(self) -> None:
        self._retired = None
        if self.drop_copies is not None:
            self.drop_copies(self.copies_in_use())

    def copies_in_use(self) -> set[Path]:
        """The picture copies of the sets this screen holds: on screen, waiting to go on
        screen (the newest checked set, which is also the one kept for the next start) and
        the one just taken off screen while it fades out."""
        held = (self._content, self._pending, self._retired)
        return {path for content in held if content is not None for path in content.in_use()}

    @Property(str, notify=contentChanged)
    def notice(self) -> str:
        """A quiet line for staff on the attract loop (content problems), or empty."""
        return self._notice

    def set_notice(self, text: str) -> None:
        self._notice = text
        self.contentChanged.emit()

    @Property(str, notify=contentChanged)
    def fontFamily(self) -> str:
        return self._font_family

    def _text(self, text: Text | None) -> str:
        return self.content.text(text, self._language)

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

    @Property(dict, notify=contentChanged)
    def theme(self) -> dict[str, Any]:
        if self._opening is not None:
            opening = self._opening
            return {
                **dict(opening.colours),
                "logo": _file_url(opening.logo),
                "reducedMotion": opening.reduced_motion,
            }
        theme = self.content.kiosk.theme
        return {
            "background": theme.background,
            "surface": theme.surface,
            "text": theme.text,
            "muted": theme.muted,
            "accent": theme.accent,
            "logo": self._asset_url(theme.logo),
            "reducedMotion": theme.reduced_motion,
        }

    # ---- language -------------------------------------------------------------------------

    @Property(str, notify=languageChanged)
    def language(self) -> str:
        return self._language

    @Property(list, notify=contentChanged)
    def languages(self) -> list[dict[str, str]]:
        codes = self._opening.languages if self._opening is not None else self.content.languages
        return [{"code": code, "name": language_name(code)} for code in codes]

    @Property(dict, notify=languageChanged)
    def words(self) -> dict[str, str]:
        return words(self._language)

    @Property(str, notify=languageChanged)
    def spaName(self) -> str:
        if self._opening is not None:
            return self._opening.spa_name
        return self._text(self.content.kiosk.spa_name)

    @Property(str, notify=languageChanged)
    def disclaimer(self) -> str:
        if self._opening is not None:
            return self._opening.disclaimer
        return self._text(self.content.kiosk.disclaimer)

    @Slot(str)
    def setLanguage(self, code: str) -> None:
        if code == self._language or code not in self.content.languages:
            return
        self._language = code
        self.languageChanged.emit()
        self._present(self._current_slide)
        if self._journey is not None:
            self._count("language_changed", code)
        self.questionChanged.emit()
        self.resultChanged.emit()

    # ---- screens --------------------------------------------------------------------------

    @Property(str, notify=screenChanged)
    def screen(self) -> str:
        return self._screen

    @property
    def slide_serial(self) -> int:
        """How many slides have been put on screen so far."""
        return self._slide_serial

    @property
    def current_screen(self) -> str:
        return self._screen

    def _go(self, screen: str) -> None:
        if screen != self._screen:
            self._screen = screen
            self.screenChanged.emit()

    # ---- attract loop ---------------------------------------------------------------------

    @Property(dict, notify=slideChanged)
    def slide(self) -> dict[str, Any]:
        return self._slide

    def advance_slide(self) -> None:
        """Show the next slide the schedules allow, and wake up when its time is over."""
        self.adopt()
        self._apply_pending()
        assert self._loop is not None
        turn = self._loop.next(self._clock.now())
        self._present(turn.slide)
        if turn.slide is not None and self.usage is not None:
            self.usage.slide_shown(turn.slide.id)
        self._cancel("_slide_timer")
        self._slide_timer = self._clock.call_later(turn.seconds, self._on_slide_timer)

    def _present(self, slide: Slide | None) -> None:
        """Put `slide` on screen (None: the calm fallback with the spa's name)."""
        self._current_slide = slide
        self._slide_serial += 1
        if slide is None:
            self._slide = {
                "id": "",
                "title": self._text(self.content.kiosk.spa_name),
                "body": "",
                "image": "",
                "aspect": 0.0,
                "fallback": True,
                "serial": self._slide_serial,
            }
        else:
            self._slide = {
                "id": slide.id,
                "title": self._text(slide.title),
                "body": self._text(slide.body),
                "image": self._asset_url(slide.image),
                "aspect": self._aspect(slide.image),
                "fallback": False,
                "serial": self._slide_serial,
            }
        self.slideChanged.emit()

    def _on_slide_timer(self) -> None:
        self._slide_timer = None
        if self._screen == "attract":
            self.advance_slide()

    # ---- questionnaire --------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        """A tap on the attract loop: a new guest begins."""
        self.begin(preview=False)

    def begin(self, preview: bool) -> None:
        """Start a journey; a staff preview is not counted in the usage figures."""
        if self._screen != "attract":
            return
        self._preview = preview
        self._finished = False
        self._reached = ""
        self._cancel("_slide_timer")
        from kiosk.guest.idle import IdleWatch
        from kiosk.guest.journey import Journey

        self._journey = Journey(self.content)
        self._language = self.content.default_language
        self._idle = IdleWatch(
            self.content.kiosk.timing.idle_seconds,
            self.content.kiosk.timing.warning_seconds,
            self._clock.monotonic(),
        )
        self._count("journey_started", self._language)
        self.languageChanged.emit()
        self._question_shown()
        self.selectionChanged.emit()
        self._go("question")
        self._schedule_idle()

    @Property(dict, notify=questionChanged)
    def question(self) -> dict[str, Any]:
        journey = self._journey
        if journey is None:
            return {}
        question = journey.question
        progress = journey.progress
        w = words(self._language)
        if question.kind == "single":
            how = w["pick_one"]
        elif question.most < len(question.options):
            how = w["pick_up_to"].format(most=question.most)
        else:
            how = w["pick_any"]
        if question.optional:
            how += " · " + w["optional"]
        return {
            "id": question.id,
            "prompt": self._text(question.prompt),
            "help": self._text(question.help),
            "how": how,
            "multiple": question.kind == "multiple",
            "options": [
                {
                    "id": option.id,
                    "label": self._text(option.label),
                    "icon": self._asset_url(option.icon),
                    "exclusive": option.exclusive,
                }
                for option in question.options
            ],
            "step": progress.step,
            "total": progress.total,
            "progress": w["step"].format(step=progress.step, total=progress.total),
            "first": journey.is_first,
            "last": journey.is_last,
        }

    @Property(list, notify=selectionChanged)
    def selected(self) -> list[str]:
        return list(self._journey.selected()) if self._journey else []

    @Property(bool, notify=selectionChanged)
    def canNext(self) -> bool:
        return self._journey is not None and self._journey.can_go_next

    @Property(bool, notify=selectionChanged)
    def canPickMore(self) -> bool:
        return self._journey is not None and self._journey.can_pick_more()

    @Property(int, notify=selectionChanged)
    def questionCount(self) -> int:
        return self._journey.progress.total if self._journey else 0

    @Slot(str)
    def toggle(self, option_id: str) -> None:
        if self._journey is None or self._screen != "question":
            return
        was_last = self._journey.is_last
        total = self._journey.progress.total
        self._journey.toggle(option_id)
        self.selectionChanged.emit()
        if self._journey.is_last != was_last or self._journey.progress.total != total:
            self.questionChanged.emit()  # show_if changed what comes next

    @Slot()
    def next(self) -> None:
        if self._journey is None or self._screen != "question" or not self._journey.can_go_next:
            return
        suggestion = self._journey.next()
        if suggestion is None:
            self._question_shown()
            self.selectionChanged.emit()
            return
        if not self._finished:
            self._finished = True
            package = suggestion.package.id if suggestion.package else None
            # screened: a flag was raised; the package is then not counted by name
            self._count("journey_finished", suggestion.outcome, package, bool(suggestion.flags))
        self.resultChanged.emit()
        self._go("consult" if suggestion.outcome == "consult" else "result")
        self._schedule_idle()

    @Slot()
    def back(self) -> None:
        if self._journey is None:
            return
        if self._screen in ("result", "consult"):
            self._journey.back()
            self._go("question")
        elif not self._journey.back():
            return
        self._question_shown()
        self.selectionChanged.emit()

    def _question_shown(self) -> None:
        self.questionChanged.emit()
        if self._journey is not None and self._journey.question.id != self._reached:
            self._reached = self._journey.question.id
            self._count("question_reached", self._reached)

    def _count(self, event: str, *args: Any) -> None:
        if self.usage is not None and not self._preview:
            getattr(self.usage, event)(*args)

    @Slot()
    def startOver(self) -> None:
        """Forget this guest entirely and return to the attract loop."""
        self.leave("start_over")

    def leave(self, why: str) -> None:
        """End the journey (start over, idle reset or done) and drop everything of this guest."""
        if self._journey is not None and not self._finished:
            self._count("journey_abandoned", self._reached or self._screen, why)
        self._preview = False
        self._journey = None
        self._idle = None
        self._cancel("_idle_timer")
        self._set_warning(False)
        self._language = self.content.default_language
        self.languageChanged.emit()
        self.questionChanged.emit()
        self.selectionChanged.emit()
        self.resultChanged.emit()
        self._go("attract")
        self.adopt()
        assert self._loop is not None
        self._loop.restart()
        self.advance_slide()

    @Slot()
    def done(self) -> None:
        self.leave("done")

    # ---- suggestion -----------------------------------------------------------------------

    @property
    def suggestion(self) -> Suggestion | None:
        return self._journey.suggestion if self._journey else None

    @Property(dict, notify=resultChanged)
    def result(self) -> dict[str, Any]:
        suggestion = self.suggestion
        if suggestion is None:
            return {}
        w = words(self._language)
        consult = self.content.consult
        data: dict[str, Any] = {
            "outcome": suggestion.outcome,
            "consultTitle": self._text(consult.title),
            "consultBody": self._text(consult.body),
        }
        package = suggestion.package
        if package is None:
            return data
        url = self.content.kiosk.booking.url
        runner = suggestion.runner_up
        data.update(
            name=self._text(package.name),
            minutes=w["minutes"].format(minutes=package.minutes),
            price=package.price or "",
            summary=self._text(package.summary),
            image=self._asset_url(package.image),
            reasons=[self._text(reason.option.label) for reason in suggestion.reasons],
            alsoGood=(
                f"{self._text(runner.name)} · {w['minutes'].format(minutes=runner.minutes)}"
                if runner
                else ""
            ),
            code=package.desk_code,
            qr=qr_data_url(url.replace("{package}", quote(package.desk_code))) if url else "",
            moreTime=w["more_time"].format(minutes=package.minutes)
            if suggestion.needs_more_time
            else "",
        )
        return data

    # ---- idle -----------------------------------------------------------------------------

    @Property(bool, notify=idleChanged)
    def idleWarning(self) -> bool:
        return self._warning

    @Property(int, notify=idleChanged)
    def countdown(self) -> int:
        return self._countdown

    @Property(float, notify=contentChanged)
    def warningSeconds(self) -> float:
        if self._opening is not None:
            return self._opening.warning_seconds
        return self.content.kiosk.timing.warning_seconds

    @Slot()
    def touched(self) -> None:
        """Any touch or click on the screen: the guest is still here."""
        if self._idle is None:
            return
        self._idle.touch(self._clock.monotonic())
        if self._warning:
            self._set_warning(False)
            self._schedule_idle()

    @Slot()
    def moreTime(self) -> None:
        self.touched()

    def _schedule_idle(self) -> None:
        self._cancel("_idle_timer")
        if self._idle is None:
            return
        now = self._clock.monotonic()
        wait = self._idle.until_change(now)
        if self._screen in ("result", "consult"):
            wait = min(wait, self._result_left(now))
        if self._warning:
            wait = min(wait, self._idle.warning_left(now) % 1.0 or 1.0)
        self._idle_timer = self._clock.call_later(wait + 0.01, self.check_idle)

    def _result_left(self, now: float) -> float:
        assert self._idle is not None
        return self.content.kiosk.timing.result_seconds - (now - self._idle.last_touch)

    def check_idle(self) -> None:
        """Wake-up of the idle timer: warn, count down, or reset."""
        self._idle_timer = None
        if self._idle is None:
            return
        now = self._clock.monotonic()
        if self._screen in ("result", "consult") and self._result_left(now) <= 0:
            self.leave("idle")
            return
        from kiosk.guest.idle import Phase

        phase = self._idle.phase(now)
        if phase is Phase.EXPIRED:
            self.leave("idle")
            return
        if phase is Phase.WARNING:
            self._countdown = max(1, math.ceil(self._idle.warning_left(now)))
            self._set_warning(True, force=True)
        else:
            self._set_warning(False)
        self._schedule_idle()

    def _set_warning(self, on: bool, force: bool = False) -> None:
        if on != self._warning or force:
            self._warning = on
            self.idleChanged.emit()

    def _cancel(self, name: str) -> None:
        handle = getattr(self, name)
        if handle is not None:
            handle.cancel()
            setattr(self, name, None)

    def shutdown(self) -> None:
        self._cancel("_slide_timer")
        self._cancel("_idle_timer")

    # ---- for rendering and tests ----------------------------------------------------------

    @property
    def journey(self) -> Journey | None:
        return self._journey

    def show_warning_now(self) -> None:
        """Jump to the idle warning (used by `render`)."""
        if self._idle is not None:
            self._countdown = math.ceil(self.content.kiosk.timing.warning_seconds)
            self._set_warning(True, force=True)

    def show_slide(self, index: int) -> None:
        """Show one slide by position (used by `render`)."""
        self._present(self.content.slides[index])


def _file_url(path: Path | None) -> str:
    """A `file:` URL for QML, or "" when there is no such file (the screen leaves it out)."""
    if path is None or not path.is_file():
        return ""
    return QUrl.fromLocalFile(str(path)).toString()
