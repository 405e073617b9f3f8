"""Timers for the view-models, on the asyncio loop that qasync runs inside Qt's event loop."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import datetime
from typing import Protocol


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
