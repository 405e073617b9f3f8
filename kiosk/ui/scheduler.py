"""Timers for the view-models, on Qt's event loop (which qasync's asyncio loop also runs on)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Protocol

from PySide6.QtCore import QTimer


class Handle(Protocol):
    def cancel(self) -> None: ...


class Clock:
    """Wall clock for schedules, monotonic clock for timeouts, Qt timers for waking up later.

    Qt's timers, not asyncio's: the first slide's timer is set before the asyncio loop exists
    (asyncio is imported just after the first frame, ~25 ms of a start)."""

    def now(self) -> datetime:
        return datetime.now()

    def monotonic(self) -> float:
        return time.monotonic()

    def call_later(self, seconds: float, callback: Callable[[], None]) -> Handle | None:
        return _Wake(seconds, callback)


class StillClock(Clock):
    """A clock that never wakes anybody: for rendering screens to pictures."""

    def __init__(self, now: datetime | None = None) -> None:
        self._now = now or datetime.now()

    def now(self) -> datetime:
        return self._now

    def call_later(self, seconds: float, callback: Callable[[], None]) -> Handle | None:
        return None


class SimulatedClock(Clock):
    """Time that moves only when told: for the soak run, the bench and tests.

    `advance` runs every callback that falls due, in order, at its own moment.
    """

    def __init__(self, wall: datetime | None = None, mono: float = 1000.0) -> None:
        self.wall = wall or datetime(2026, 11, 26, 10, 0)
        self.mono = mono
        self.pending: list[list[Any]] = []

    def now(self) -> datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def call_later(self, seconds: float, callback: Callable[[], None]) -> Handle | None:
        entry: list[Any] = [self.mono + max(0.0, seconds), callback, False]
        self.pending.append(entry)
        return _Entry(entry)

    def advance(self, seconds: float) -> None:
        end = self.mono + seconds
        while True:
            due = [e for e in self.pending if not e[2] and e[0] <= end]
            if not due:
                break
            entry = min(due, key=lambda e: e[0])
            entry[2] = True
            step = max(0.0, entry[0] - self.mono)
            self.mono += step
            self.wall += timedelta(seconds=step)
            entry[1]()
        self.wall += timedelta(seconds=end - self.mono)
        self.mono = end
        self.pending = [e for e in self.pending if not e[2]]

    def next_due(self) -> float | None:
        """Seconds until the next callback, if any."""
        due = [e[0] for e in self.pending if not e[2]]
        return max(0.0, min(due) - self.mono) if due else None


class _Entry:
    def __init__(self, entry: list[Any]) -> None:
        self._entry = entry

    def cancel(self) -> None:
        self._entry[2] = True


class _Wake:
    """One call of `callback` after `seconds`, unless cancelled first, on a single-shot Qt timer.
    Qt holds the pending call only weakly (a bound method), so the wake-up keeps itself in
    `_PENDING` until it fires or is cancelled; a cancelled one is let go and its time passes
    with nothing to do."""

    def __init__(self, seconds: float, callback: Callable[[], None]) -> None:
        self._callback: Callable[[], None] | None = callback
        _PENDING.add(self)
        QTimer.singleShot(max(0, round(seconds * 1000)), self._fire)

    def _fire(self) -> None:
        _PENDING.discard(self)
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()

    def cancel(self) -> None:
        self._callback = None
        _PENDING.discard(self)


_PENDING: set[_Wake] = set()
