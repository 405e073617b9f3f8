"""Qt helpers for the bench's in-process phases (in_process.py): frames as they reach the screen,
waiting for an item, taps, and a probe for UI-thread stalls. Items are found by kiosk.ui.items;
only the bench uses this, and the kiosk never imports it."""

from __future__ import annotations

import bisect
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QMouseEvent

from kiosk.ui.items import find_visible

if TYPE_CHECKING:
    # Imported at run time by whoever makes the window (in_process.py), so that Python knows it
    # as a QQuickWindow. The real kiosk leaves that binding out (see KioskWindow).
    from PySide6.QtQuick import QQuickItem, QQuickWindow


class Frames(QObject):
    """Every `frameSwapped` of one window, timed with `time.perf_counter()`."""

    def __init__(self, window: QQuickWindow) -> None:
        super().__init__(window)
        self.window = window
        self.times: list[float] = []
        self._loop: QEventLoop | None = None
        window.frameSwapped.connect(self._swapped)

    def _swapped(self) -> None:
        self.times.append(time.perf_counter())
        if self._loop is not None:
            self._loop.quit()

    def first_after(self, moment: float) -> float | None:
        index = bisect.bisect_right(self.times, moment)
        return self.times[index] if index < len(self.times) else None

    def wait_frame(self, after: float, timeout: float = 2.0) -> float | None:
        """The first frame swapped after the moment `after`, waiting up to `timeout` seconds."""
        found = self.first_after(after)
        if found is not None:
            return found
        self._spin(timeout)
        return self.first_after(after)

    def wait_quiet(self, quiet: float = 0.15, timeout: float = 4.0) -> None:
        """Run the event loop until no frame has come for `quiet` seconds (animations over)."""
        started = time.perf_counter()
        deadline = started + timeout
        while time.perf_counter() < deadline:
            last = max(self.times[-1] if self.times else 0.0, started)
            idle = time.perf_counter() - last
            if idle >= quiet:
                return
            wait(quiet - idle + 0.005)

    def _spin(self, timeout: float) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(max(1, int(timeout * 1000)))
        self._loop = loop
        try:
            loop.exec()
        finally:
            self._loop = None
            timer.stop()


def wait(seconds: float) -> None:
    """Run the Qt event loop for `seconds`."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, int(seconds * 1000)), loop.quit)
    loop.exec()


def wait_item(window: QQuickWindow, name: str, timeout: float = 3.0) -> QQuickItem:
    """The visible item called `name`, once the screen takes taps (held back for a moment after
    each change of screen: TapGuard.qml)."""
    deadline = time.perf_counter() + timeout
    while True:
        item = find_visible(window, name)
        if item is not None and window.property("tapsTaken") is not False:
            return item
        if time.perf_counter() > deadline:
            raise RuntimeError(f"no visible item {name!r} on screen")
        wait(0.02)


def click(window: QQuickWindow, item: QQuickItem) -> None:
    """A mouse press and release in the middle of `item`, delivered as a real click is (QtTest,
    which the standalone build leaves out, is not needed)."""
    point = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    global_point = QPointF(window.mapToGlobal(point.toPoint()))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    plain = Qt.KeyboardModifier.NoModifier
    steps = ((QEvent.Type.MouseButtonPress, left), (QEvent.Type.MouseButtonRelease, none))
    for kind, buttons in steps:
        event = QMouseEvent(kind, point, global_point, left, buttons, plain)
        QGuiApplication.sendEvent(window, event)


class StallProbe(QObject):
    """A 5 ms timer on the UI thread: how late its ticks come is how long the thread was busy."""

    def __init__(self, interval_ms: int = 5) -> None:
        super().__init__()
        self.interval = interval_ms / 1000
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0
        self.ticks = 0

    def start(self) -> None:
        self.reset()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.ticks = 0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last - self.interval)
        self.last = now
        self.ticks += 1

    def worst_ms(self) -> float:
        """The longest stall since the last reset, counting the one still going on."""
        running = time.perf_counter() - self.last - self.interval
        return max(self.worst, running, 0.0) * 1000
