"""Which slides may play now: a slide's `show` schedule read against the kiosk's local time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from kiosk.content.model import WEEKDAYS, Show, Slide

_ONE_DAY = timedelta(days=1)


def is_showing(show: Show | None, now: datetime) -> bool:
    """True when every condition of `show` holds at `now` (local, naive or aware)."""
    if show is None:
        return True
    today = now.date()
    if show.from_ is not None and today < show.from_:
        return False
    if show.until is not None and today > show.until:
        return False
    if show.hours is not None:
        start, end = _hours(show.hours)
        clock = now.time().replace(tzinfo=None)
        if start <= end:
            within = start <= clock < end
            day = now
        else:  # crosses midnight: "20:00-02:00" runs from evening into the next morning
            within = clock >= start or clock < end
            day = now if clock >= start else now.replace(hour=0) - _ONE_DAY
        if not within:
            return False
        # The weekday of an overnight window is the day it began on.
        return show.days is None or WEEKDAYS[day.weekday()] in show.days
    return show.days is None or WEEKDAYS[now.weekday()] in show.days


def showing_now(slides: Sequence[Slide], now: datetime) -> list[Slide]:
    return [slide for slide in slides if is_showing(slide.show, now)]


def _hours(text: str) -> tuple[time, time]:
    first, second = text.split("-")
    return _clock(first), _clock(second)


def _clock(text: str) -> time:
    hours, minutes = (int(part) for part in text.split(":"))
    return time.max if hours == 24 else time(hours, minutes)

