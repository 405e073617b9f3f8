"""Idle reset: after a quiet spell the guest is warned, then their answers are dropped.

Time comes in as monotonic seconds, so a jump of the wall clock never cuts a guest short.
"""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


class IdleWatch:
    def __init__(self, idle_seconds: float, warning_seconds: float, now: float) -> None:
        self.idle_seconds = idle_seconds
        self.warning_seconds = warning_seconds
        self.last_touch = now

    def touch(self, now: float) -> None:
        self.last_touch = now

    def phase(self, now: float) -> Phase:
        quiet = now - self.last_touch
        if quiet < self.idle_seconds:
            return Phase.ACTIVE
        if quiet < self.idle_seconds + self.warning_seconds:
            return Phase.WARNING
        return Phase.EXPIRED

    def warning_left(self, now: float) -> float:
        """Seconds left on the countdown (the full countdown while still active)."""
        quiet = now - self.last_touch
        return max(0.0, min(self.warning_seconds, self.idle_seconds + self.warning_seconds - quiet))

    def until_change(self, now: float) -> float:
        """Seconds until the phase would change if nobody touches the screen."""
        quiet = now - self.last_touch
        if quiet < self.idle_seconds:
            return self.idle_seconds - quiet
        return max(0.0, self.idle_seconds + self.warning_seconds - quiet)
