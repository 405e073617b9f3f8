"""Keeps the locked-down kiosk in front of a guest, whatever a window manager was told.

With a desktop's window manager around the kiosk (openbox, xfwm, ...), the manager's own
shortcuts are its, not the kiosk's: "show the desktop" hides the kiosk, "next desktop" leaves it
behind, the window menu opens over it. Two things keep a guest in:

- While in front, the kiosk holds the keyboard (`QWindow.setKeyboardGrabEnabled`, an X keyboard
  grab as screen lockers use): the manager's shortcuts then never fire, and the lockdown in
  app.py drops every key. The kiosk has no keyboard in a guest's journey; staff use the PIN pad.
- Whenever it is out of sight or loses focus all the same (a pager, a second keyboard the grab
  missed, a manager that ignores grabs), it takes itself back a moment later: full screen,
  raised, asked to be the active window. The moment (a quarter second, growing while the
  manager does not give in) lets a staff member's own action, such as letting the kiosk exit,
  finish first.

See docs/kiosk-session.md for a session with no window manager, where none of this is needed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication, QWindow

log = logging.getLogger("kiosk")

FIRST_TRY_MS = 250
LAST_TRY_MS = 2000


class KeepFront(QObject):
    """Takes `window` back to the front whenever it is hidden, minimised, or not active, while
    `locked()` says the kiosk is locked down."""

    def __init__(self, window: QWindow, locked: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window = window
        self.locked = locked
        self.taken_back = 0
        self._wait = FIRST_TRY_MS
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._take_back)
        window.visibilityChanged.connect(self._changed)
        window.activeChanged.connect(self._changed)
        # Unmapped on another desktop, a window keeps its visibility, and with the keyboard
        # held it may hear of no focus change either: only an expose event says it.
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _TELLING:
            QTimer.singleShot(0, self, self._changed)  # once Qt has taken the change in
        return False

    def out_of_front(self) -> bool:
        window = self.window
        return (
            not window.isActive()
            or not window.isExposed()
            or window.visibility() != QWindow.Visibility.FullScreen
        )

    def _changed(self) -> None:
        locked = self.locked()
        if not locked or not self.out_of_front():
            self._timer.stop()
            self._wait = FIRST_TRY_MS
            self._hold_keyboard(locked)
        elif not self._timer.isActive():
            self._timer.start(self._wait)

    def _hold_keyboard(self, hold: bool) -> None:
        """Held only while in front and locked down; asked again each time the window is back
        in front, as X lets go of a grab whose window left the screen. Only X has such a grab:
        Wayland compositors keep their shortcuts (use cage there)."""
        if QGuiApplication.platformName() == "xcb":
            self.window.setKeyboardGrabEnabled(hold)

    def _take_back(self) -> None:
        if not self.locked() or not self.out_of_front():
            return
        if self.taken_back == 0:
            log.warning("the kiosk was put out of sight or lost focus; taking the screen back")
        self.taken_back += 1
        window = self.window
        if not window.isExposed() or window.visibility() in _AWAY:
            # Unmapped by the window manager (desktop shown, another desktop, minimised): a
            # window it is asked to map again is a new one to it, put on the desktop in view,
            # in front and focused; asking to raise or activate an unmapped one it may refuse.
            window.hide()
        window.showFullScreen()
        window.raise_()
        window.requestActivate()
        # Look again, less and less often, until the window manager gives in.
        self._wait = min(LAST_TRY_MS, self._wait * 2)
        self._timer.start(self._wait)


_TELLING = (QEvent.Type.Expose, QEvent.Type.FocusOut, QEvent.Type.WindowStateChange)
_AWAY = (QWindow.Visibility.Hidden, QWindow.Visibility.Minimized)
