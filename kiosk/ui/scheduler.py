"""Timers for the view-models, on the asyncio loop that qasync runs inside Qt's event loop."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Protocol


class Handle(Protocol):
    def cancel(self) -> None: ...


class Clock:
    """Wall clock for schedules, monotonic clock for timeouts, asyncio for waking up later."""

    def now(self) -> datetime:
        return datetime.now()

    def monotonic(self) -> float:
        return time.monotonic()

    def call_later(self, seconds: float, callback: Callable[[], None]) -> Handle | None:
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError:
            return None
        return loop.call_later(max(0.0, seconds), callback)


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
