"""Slide schedules: dates (inclusive), weekdays, hours, and windows that cross midnight."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from kiosk.content.model import Show, Slide
from kiosk.content.validate import validate
from kiosk.guest.schedule import is_showing, showing_now


def show(**fields: Any) -> Show:
    return validate(Show, fields)


# 2025-05-02 is a Friday.
FRI = datetime(2025, 5, 2, 12, 0)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A time in the week of FRI: day 2 is Friday 2 May 2025, day 3 Saturday, ..."""
    return datetime(2025, 5, day, hour, minute)


def test_no_schedule_always_shows() -> None:
    assert is_showing(None, FRI)
    assert is_showing(show(), FRI)


@pytest.mark.parametrize(
    ("fields", "now", "expected"),
    [
        ({"from": "2025-05-02"}, at(2, 0, 0), True),  # from is inclusive
        ({"from": "2025-05-02"}, at(1, 23, 59), False),
        ({"until": "2025-05-02"}, at(2, 23, 59), True),  # until is inclusive, all day
        ({"until": "2025-05-02"}, at(3, 0, 0), False),
        ({"from": "2025-05-01", "until": "2025-05-03"}, at(2, 12), True),
        ({"from": "2025-05-01", "until": "2025-05-01"}, at(1, 18), True),
    ],
)
def test_dates(fields: dict[str, Any], now: datetime, expected: bool) -> None:
    assert is_showing(show(**fields), now) is expected


@pytest.mark.parametrize(
    ("days", "now", "expected"),
    [
        (["fri"], at(2, 12), True),
        (["sat", "sun"], at(2, 12), False),
        (["sat", "sun"], at(3, 12), True),
        (["mon"], at(5, 9), True),
    ],
)
def test_days(days: list[str], now: datetime, expected: bool) -> None:
    assert is_showing(show(days=days), now) is expected


@pytest.mark.parametrize(
    ("hours", "now", "expected"),
    [
        ("09:00-17:30", at(2, 9, 0), True),  # start is inclusive
        ("09:00-17:30", at(2, 17, 29), True),
        ("09:00-17:30", at(2, 17, 30), False),  # end is not
        ("09:00-17:30", at(2, 8, 59), False),
        ("9:00-17:30", at(2, 9, 30), True),
        ("00:00-24:00", at(2, 23, 59), True),
        ("00:00-24:00", at(2, 0, 0), True),
        ("18:00-24:00", at(2, 23, 59), True),
        ("18:00-24:00", at(2, 17, 59), False),
        ("20:00-02:00", at(2, 20, 0), True),  # across midnight
        ("20:00-02:00", at(2, 23, 30), True),
        ("20:00-02:00", at(3, 0, 0), True),
        ("20:00-02:00", at(3, 1, 59), True),
        ("20:00-02:00", at(3, 2, 0), False),
        ("20:00-02:00", at(2, 12, 0), False),
        ("20:00-02:00", at(2, 19, 59), False),
    ],
)
def test_hours(hours: str, now: datetime, expected: bool) -> None:
    assert is_showing(show(hours=hours), now) is expected


def test_overnight_window_keeps_the_weekday_it_began_on() -> None:
    friday_night = show(days=["fri"], hours="20:00-02:00")
    assert is_showing(friday_night, at(2, 22))  # Friday 22:00
    assert is_showing(friday_night, at(3, 1))  # Saturday 01:00: still Friday night
    assert not is_showing(friday_night, at(3, 22))  # Saturday 22:00
    assert not is_showing(friday_night, at(2, 1))  # Friday 01:00 belongs to Thursday night


def test_overnight_window_keeps_the_date_it_began_on() -> None:
    last_night = show(until="2025-05-02", hours="20:00-02:00")
    assert is_showing(last_night, at(3, 1))  # the night of 2 May goes on past midnight
    assert not is_showing(last_night, at(3, 21))
    first_night = show(**{"from": "2025-05-02", "hours": "20:00-02:00"})
    assert not is_showing(first_night, at(2, 1))  # that is the night of 1 May
    assert is_showing(first_night, at(2, 21))


def test_all_conditions_must_hold() -> None:
    rule = show(
        **{"from": "2025-05-01", "until": "2025-05-31", "days": ["fri"], "hours": "10:00-12:00"}
    )
    assert is_showing(rule, at(2, 11))
    assert not is_showing(rule, at(2, 13))  # hours
    assert not is_showing(rule, at(3, 11))  # day
    assert not is_showing(rule, datetime(2025, 6, 6, 11))  # date (a Friday in June)


def test_timezone_aware_time_uses_its_local_clock() -> None:
    local = datetime(2025, 5, 2, 21, 0, tzinfo=timezone(timedelta(hours=2)))
    assert is_showing(show(hours="20:00-22:00"), local)


def test_hours_are_stored_without_spaces() -> None:
    assert show(hours=" 09:00 - 17:00 ").hours == "09:00-17:00"


def test_showing_now_keeps_playing_order() -> None:
    slides = [
        validate(Slide, {"id": "a", "title": "A", "show": {"days": ["sat"]}}),
        validate(Slide, {"id": "b", "title": "B"}),
        validate(Slide, {"id": "c", "title": "C", "show": {"days": ["fri"]}}),
    ]
    assert [s.id for s in showing_now(slides, FRI)] == ["b", "c"]
