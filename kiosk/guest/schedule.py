"""Which slides may play now: a slide's `show` schedule read against the kiosk's local time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import get_args

from kiosk.content.model import Show, Slide, Weekday

WEEKDAYS: tuple[Weekday, ...] = get_args(Weekday)
"""The staff's names for the days of the week, Monday first (`datetime.weekday()` order)."""
_ONE_DAY = timedelta(days=1)


def is_showing(show: Show | None, now: datetime) -> bool:
    """True when every condition of `show` holds at `now` (local, naive or aware).

    An overnight window ("20:00-02:00") belongs to the evening it began on: after midnight its
    weekday and its date (for `days`, `from` and `until`) are still those of the evening before.
    """
    if show is None:
        return True
    day: date = now.date()
    if show.hours is not None:
        start, end = _hours(show.hours)
        clock = now.time().replace(tzinfo=None)
        if start <= end:
            within = start <= clock < end
        else:  # crosses midnight: "20:00-02:00" runs from evening into the next morning
            within = clock >= start or clock < end
            if clock < end:
                day = day - _ONE_DAY
        if not within:
            return False
    if show.from_ is not None and day < show.from_:
        return False
    if show.until is not None and day > show.until:
        return False
    return show.days is None or WEEKDAYS[day.weekday()] in show.days


def showing_now(slides: Sequence[Slide], now: datetime) -> list[Slide]:
    return [slide for slide in slides if is_showing(slide.show, now)]


def _hours(text: str) -> tuple[time, time]:
    first, second = text.split("-")
    return _clock(first, end=False), _clock(second, end=True)


def _clock(text: str, *, end: bool) -> time:
    """"24:00" is midnight: the very end of the day as an end, its start as a start."""
    hours, minutes = (int(part) for part in text.split(":"))
    if hours == 24:
        return time.max if end else time(0, 0)
    return time(hours, minutes)
