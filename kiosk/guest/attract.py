"""The attract loop: which slide plays next and for how long, by the slides' schedules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from kiosk.guest.schedule import is_showing

if TYPE_CHECKING:
    from kiosk.content.model import Slide

# With every slide scheduled off, the fallback slide is shown and the schedules are looked at
# again after this long.
RECHECK_SECONDS = 60.0


@dataclass(frozen=True)
class Turn:
    slide: Slide | None
    """None means the calm fallback slide (the spa's name): nothing is scheduled now."""
    seconds: float


class AttractLoop:
    """Slides in playing order, skipping those whose `show` schedule is off at `now`."""

    def __init__(self, slides: Sequence[Slide], default_seconds: float) -> None:
        self.slides = tuple(slides)
        self.default_seconds = default_seconds
        self._index = -1

    def next(self, now: datetime) -> Turn:
        count = len(self.slides)
        for step in range(1, count + 1):
            index = (self._index + step) % count
            slide = self.slides[index]
            if is_showing(slide.show, now):
                self._index = index
                return Turn(slide, slide.seconds or self.default_seconds)
        return Turn(None, RECHECK_SECONDS)

    def restart(self) -> None:
        """Begin again from the first slide (after a guest leaves)."""
        self._index = -1
