"""The staff panel's view-model: the hidden PIN pad, content status, today's counts, actions."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk import __version__
from kiosk.ops.content_status import ContentStatus
from kiosk.ops.renderer_choice import RendererChoice
from kiosk.ops.staff_pin import PinStatus, PinStore
from kiosk.ui.renderer import in_use as renderer_in_use
from kiosk.ui.scheduler import Clock, Handle

PANEL_IDLE_SECONDS = 60.0
HOLD_SECONDS = 4.0


@dataclass
class StaffActions:
    """What the panel's buttons do; the app fills these in."""

    reload_now: Callable[[], None]
    preview: Callable[[], None]
    exit_kiosk: Callable[[], None]


class StaffController(QObject):
    changed = Signal()

    def __init__(
        self,
        pins: PinStore | None,
        status: ContentStatus,
        actions: StaffActions,
        counts: Callable[[], dict[str, int]] | None = None,
        clock: Clock | None = None,
        opening: Callable[[], str] | None = None,
        hold_seconds: float = HOLD_SECONDS,
        parent: QObject | None = None,
        drawn_by: RendererChoice | None = None,
    ) -> None:
        """`drawn_by`: the renderer in use (default: the one this process chose)."""
        super().__init__(parent)
        self._drawn_by = drawn_by or renderer_in_use()
        self._pins = pins
        self._status = status
        self._actions = actions
        self._counts = counts
        self._opening = opening
        self._clock = clock or Clock()
        self._hold = hold_seconds
        self._open = False
        self._stage = "pin"
        self._pin = ""
        self._message = ""
        self._confirm_exit = False
        self._timer: Handle | None = None

    # ---- what the panel shows -------------------------------------------------------------

    @Property(bool, notify=changed)
    def open(self) -> bool:
        return self._open

    @Property(str, notify=changed)
    def stage(self) -> str:
        return self._stage

    @Property(int, notify=changed)
    def entered(self) -> int:
        return len(self._pin)

    @Property(str, notify=changed)
    def message(self) -> str:
        return self._message

    @Property(bool, notify=changed)
    def padUsable(self) -> bool:
        return self._pins is not None and self._pins.is_set()

    @Property(float, constant=True)
    def holdSeconds(self) -> float:
        return self._hold

    @Property(str, constant=True)
    def version(self) -> str:
        return f"Spa Kiosk {__version__}"

    @Property(str, constant=True)
    def renderer(self) -> str:
        """One line: which renderer draws the screens, and why."""
        return f"Renderer: {self._drawn_by.reason}" if self._drawn_by else ""

    @Property(str, notify=changed)
    def openingHours(self) -> str:
        """When the screen next sleeps or wakes by the opening hours ("" without them)."""
        return self._opening() if self._opening is not None else ""

    @Property(bool, notify=changed)
    def confirmExit(self) -> bool:
        return self._confirm_exit

    @Property(dict, notify=changed)
    def status(self) -> dict[str, Any]:
        status = self._status
        return {
            "folder": str(status.folder),
            "loadedAt": _when(status.loaded_at),
            "checkedAt": _when(status.checked_at),
            "problems": list(status.problems),
            "showingDefault": status.showing_default,
        }

    @Property(dict, notify=changed)
    def usage(self) -> dict[str, int]:
        if self._counts is None:
            return {}
        try:
            return dict(self._counts())
        except Exception:  # counts are a nicety; never let them break the panel
            return {}

    # ---- taps -----------------------------------------------------------------------------

    @Slot()
    def openPad(self) -> None:
        """The hidden gesture: a long press in the top-left corner."""
        self._open = True
        self._stage = "pin"
        self._pin = ""
        self._confirm_exit = False
        self._message = self._pad_message()
        self._touch()

    def _pad_message(self) -> str:
        if self._pins is None or not self._pins.is_set():
            return "No staff PIN is set yet. On the kiosk PC run:  spa-kiosk set-pin"
        state = self._pins.status(time.time())
        if state.status is PinStatus.LOCKED:
            return f"Too many wrong PINs. Try again in {_duration(state.seconds_left)}."
        return "Enter the staff PIN"

    @Slot(str)
    def digit(self, value: str) -> None:
        if self._stage == "pin" and len(self._pin) < 8 and value.isdigit():
            self._pin += value
        self._touch()

    @Slot()
    def erase(self) -> None:
        self._pin = self._pin[:-1]
        self._touch()

    @Slot()
    def submit(self) -> None:
        pin, self._pin = self._pin, ""
        if self._pins is None or not pin:
            self._touch()
            return
        result = self._pins.check(pin, time.time())
        if result.ok:
            self._stage = "panel"
            self._message = ""
        elif result.status is PinStatus.LOCKED:
            self._message = f"Too many wrong PINs. Try again in {_duration(result.seconds_left)}."
        elif result.status is PinStatus.WRONG:
            tries = result.attempts_left
            self._message = (
                f"Wrong PIN. {tries} {'try' if tries == 1 else 'tries'} left before the pad locks."
            )
        else:
            self._message = self._pad_message()
        self._touch()

    @Slot()
    def close(self) -> None:
        self._open = False
        self._pin = ""
        self._stage = "pin"
        self._confirm_exit = False
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.changed.emit()

    @Slot()
    def reloadNow(self) -> None:
        if self._stage == "panel":
            self._actions.reload_now()
            self._message = "Reading the content folder again..."
        self._touch()

    @Slot()
    def preview(self) -> None:
        if self._stage == "panel":
            self.close()
            self._actions.preview()

    @Slot()
    def exitKiosk(self) -> None:
        if self._stage != "panel":
            return
        if not self._confirm_exit:
            self._confirm_exit = True  # a second tap confirms
            self._touch()
            return
        self.close()
        self._actions.exit_kiosk()

    def touched(self) -> None:
        """Any touch while the panel is open keeps it open a while longer."""
        if self._open:
            self._touch(emit=False)

    def refresh(self) -> None:
        """The content status changed (a reload happened)."""
        if self._open:
            if self._stage == "panel" and self._message.startswith("Reading"):
                self._message = ""
            self.changed.emit()

    def _touch(self, emit: bool = True) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = self._clock.call_later(PANEL_IDLE_SECONDS, self.close)
        if emit:
            self.changed.emit()


def _when(moment: float | None) -> str:
    if moment is None:
        return "never"
    return datetime.fromtimestamp(moment).strftime("%Y-%m-%d %H:%M:%S")


def _duration(seconds: float) -> str:
    seconds = max(1, round(seconds))
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"
