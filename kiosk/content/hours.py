"""The spa's opening hours (`opening_hours:` in kiosk.yaml): read from what staff wrote, and asked
whether the spa is open at a moment and when that next changes.

Staff write days (`mon` .. `sun`) or day ranges (`mon-fri`, `fri-mon`) with `"HH:MM-HH:MM"`, a
list of those, or `closed`; a later key overrides an earlier one; a range may cross midnight
(`"18:00-01:00"` belongs to the day it starts on). `except:` maps dates to the same values.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
CLOSED = "closed"
_RANGE = re.compile(r"(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DAY_MINUTES = 24 * 60


class HoursError(ValueError):
    """A mistake in `opening_hours`, worded for staff; `key` is the key under `opening_hours`
    it was written at, dotted (`sat`, `except.2026-12-24`), or "" for the whole mapping."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message

    def __str__(self) -> str:
        return f"opening_hours.{self.key}: {self.message}" if self.key else self.message


@dataclass(frozen=True)
class Span:
    """Open from `start` to `end`, in minutes after the midnight of the day it belongs to;
    `end` may pass 24:00 (a range that crosses midnight)."""

    start: int
    end: int


@dataclass(frozen=True)
class OpeningHours:
    week: tuple[tuple[Span, ...], ...]
    """Monday first: the spans that begin on each weekday."""
    exceptions: Mapping[date, tuple[Span, ...]] = field(default_factory=dict)

    def spans(self, day: date) -> tuple[Span, ...]:
        return self.exceptions.get(day, self.week[day.weekday()])

    def is_open(self, now: datetime) -> bool:
        """True when `now` (local wall time) falls in a span of today, or in yesterday's span
        that crosses midnight."""
        today = now.date()
        minute = now.hour * 60 + now.minute + now.second / 60
        if any(s.start <= minute < s.end for s in self.spans(today)):
            return True
        yesterday = today - timedelta(days=1)
        return any(minute + _DAY_MINUTES < s.end for s in self.spans(yesterday))

    def next_change(self, now: datetime) -> datetime | None:
        """The first moment after `now` at which `is_open` changes, or None when it never does
        within the coming two weeks (always open, or closed for good)."""
        was = self.is_open(now)
        day = now.date() - timedelta(days=1)
        moments: list[datetime] = []
        for offset in range(16):
            current = day + timedelta(days=offset)
            midnight = datetime.combine(current, time(0), tzinfo=now.tzinfo)
            for span in self.spans(current):
                moments.append(midnight + timedelta(minutes=span.start))
                moments.append(midnight + timedelta(minutes=span.end))
        for moment in sorted(m for m in moments if m > now):
            if self.is_open(moment) != was:
                return moment
        return None


ALWAYS_OPEN = OpeningHours(week=tuple((Span(0, _DAY_MINUTES),) for _ in DAYS))


def parse_opening_hours(raw: Any) -> OpeningHours:
    """`opening_hours` as written; raises HoursError with a staff sentence on the first mistake."""
    if not isinstance(raw, Mapping):
        raise HoursError("", 'expected days with their hours, for example  mon-fri: "09:00-21:00"')
    week: list[tuple[Span, ...]] = [() for _ in DAYS]
    exceptions: dict[date, tuple[Span, ...]] = {}
    for key, value in raw.items():
        name = str(key).strip().lower()
        if name == "except":
            exceptions = _exceptions(value)
            continue
        spans = _spans(name, value)
        for index in _days(name):
            week[index] = spans
    return OpeningHours(week=tuple(week), exceptions=exceptions)


def _days(name: str) -> list[int]:
    first, dash, last = name.partition("-")
    start = _day(first.strip(), name)
    if not dash:
        return [start]
    end = _day(last.strip(), name)
    return [(start + step) % 7 for step in range((end - start) % 7 + 1)]


def _day(word: str, key: str) -> int:
    if word in DAYS:
        return DAYS.index(word)
    close = difflib.get_close_matches(word[:3], DAYS, n=1, cutoff=0.5)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise HoursError(key, f"'{word}' is not a day{hint}; write mon, tue, wed, thu, fri, sat or "
                          "sun, or a range such as mon-fri")


def _exceptions(value: Any) -> dict[date, tuple[Span, ...]]:
    if not isinstance(value, Mapping):
        raise HoursError("except", "expected dates with their hours, for example  "
                                   "2026-12-24: \"09:00-14:00\"")
    found: dict[date, tuple[Span, ...]] = {}
    for key, hours in value.items():
        text = key.isoformat() if isinstance(key, date) else str(key).strip()
        where = f"except.{text}"
        if not _DATE.fullmatch(text):
            raise HoursError(where, f"'{text}' is not a date; write it as YYYY-MM-DD")
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise HoursError(where, f"{text} is not a day of the calendar") from None
        found[day] = _spans(where, hours)
    return found


def _spans(where: str, value: Any) -> tuple[Span, ...]:
    if isinstance(value, str) and value.strip().lower() == CLOSED:
        return ()
    items: Sequence[Any] = value if isinstance(value, list | tuple) else [value]
    if not items:
        raise HoursError(where, "no hours given; write \"09:00-21:00\", a list of those, or closed")
    spans_sorted = sorted((_span(where, item) for item in items), key=lambda s: s.start)
    for before, after in itertools.pairwise(spans_sorted):
        if after.start < before.end:
            raise HoursError(where, f"{_clock(after.start)}-{_clock(after.end)} overlaps "
                                    f"{_clock(before.start)}-{_clock(before.end)}")
    return tuple(spans_sorted)


def _span(where: str, item: Any) -> Span:
    text = str(item).strip()
    match = _RANGE.fullmatch(text)
    if not match:
        raise HoursError(where, f"'{text}' is not a time range; write it as \"09:00-21:00\" "
                                "(in quotes), or closed")
    h1, m1, h2, m2 = (int(part) for part in match.groups())
    if h1 > 23 or m1 > 59 or h2 > 24 or m2 > 59 or (h2 == 24 and m2):
        raise HoursError(where, f"'{text}' has a time that does not exist on a clock")
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if end == start:
        raise HoursError(where, f"'{text}' opens and closes at the same time; write closed for a "
                                "closed day")
    if end < start:
        end += _DAY_MINUTES  # crosses midnight: belongs to the day it starts on
    return Span(start, end)


def _clock(minutes: int) -> str:
    minutes %= _DAY_MINUTES
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
