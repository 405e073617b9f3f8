"""Opening hours (kiosk.content.hours): what staff write, and open/closed at any moment."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from contentkit import KIOSK, MakeContent, problem_lines

from kiosk.content.hours import ALWAYS_OPEN, HoursError, parse_opening_hours
from kiosk.content.load import load_content

MONDAY_NOON = datetime(2026, 11, 30, 12, 0)

THE_SPAS_WEEK = {
    "mon-fri": "09:00-21:00",
    "sat": ["10:00-14:00", "16:00-23:30"],
    "sun": "closed",
    "fri": "09:00-01:00",
    "except": {"2026-12-24": "09:00-14:00", "2026-12-25": "closed"},
}


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute)


def test_the_week_as_written() -> None:
    hours = parse_opening_hours(THE_SPAS_WEEK)
    assert not hours.is_open(at(1, 8, 59))  # Tuesday
    assert hours.is_open(at(1, 9, 0)) and hours.is_open(at(1, 20, 59))
    assert not hours.is_open(at(1, 21, 0))
    assert hours.is_open(at(4, 23, 0)), "Friday's later key overrides mon-fri"
    assert hours.is_open(at(5, 0, 30)), "Friday's range runs past midnight into Saturday"
    assert not hours.is_open(at(5, 1, 0))
    assert not hours.is_open(at(5, 15, 0)) and hours.is_open(at(5, 16, 0))  # Saturday's break
    assert not hours.is_open(at(6, 12, 0)), "Sunday closed"
    assert hours.is_open(at(24, 13, 59)) and not hours.is_open(at(24, 14, 0)), "Christmas Eve"
    assert not hours.is_open(at(25, 12, 0)), "Christmas Day (a Friday) closed"


def test_when_it_next_opens_or_closes() -> None:
    hours = parse_opening_hours(THE_SPAS_WEEK)
    assert hours.next_change(at(1, 7, 0)) == at(1, 9, 0)
    assert hours.next_change(at(1, 9, 0)) == at(1, 21, 0)
    assert hours.next_change(at(4, 22, 0)) == at(5, 1, 0), "across midnight"
    assert hours.next_change(at(6, 12, 0)) == at(7, 9, 0), "closed Sunday: Monday morning"
    assert ALWAYS_OPEN.next_change(at(1, 12, 0)) is None
    closed = parse_opening_hours({"mon-sun": "closed"})
    assert closed.next_change(at(1, 12, 0)) is None and not closed.is_open(at(1, 12, 0))


def test_a_range_of_days_may_wrap_round_the_week() -> None:
    hours = parse_opening_hours({"mon-sun": "closed", "fri-mon": "10:00-18:00"})
    week = [MONDAY_NOON + timedelta(days=d) for d in range(7)]
    assert [hours.is_open(noon) for noon in week] == [True, False, False, False, True, True, True]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ({"moon": "09:00-17:00"}, "opening_hours.moon: 'moon' is not a day (did you mean 'mon'?)"),
        ({"mon-fir": "09:00-17:00"}, "'fir' is not a day (did you mean 'fri'?)"),
        ({"mon": "9-17"}, "'9-17' is not a time range; write it as \"09:00-21:00\""),
        ({"mon": "09:00-09:00"}, "opens and closes at the same time"),
        ({"mon": "25:00-26:00"}, "a time that does not exist"),
        ({"mon": ["09:00-13:00", "12:00-18:00"]}, "12:00-18:00 overlaps 09:00-13:00"),
        ({"mon": []}, "no hours given"),
        ({"except": {"2026-02-30": "closed"}}, "opening_hours.except.2026-02-30: 2026-02-30 is "
                                               "not a day of the calendar"),
        ({"except": {"24.12.2026": "closed"}}, "'24.12.2026' is not a date; write it as "
                                               "YYYY-MM-DD"),
        ("09:00-17:00", "expected days with their hours"),
    ],
)
def test_mistakes_are_told_in_staff_words(written: object, message: str) -> None:
    with pytest.raises(HoursError) as caught:
        parse_opening_hours(written)
    assert message in str(caught.value)


def test_check_points_at_the_day_or_date_written_wrong(make_content: MakeContent) -> None:
    folder = make_content(kiosk=KIOSK + (
        "opening_hours:\n"
        '  mon-fri: "09:00-21:00"\n'
        '  satt: "10:00-14:00"\n'
        "  except:\n"
        "    2026-02-30: closed\n"
    ))
    assert problem_lines(folder) == [
        "content/kiosk.yaml:4:3: error: opening_hours.satt: 'satt' is not a day (did you mean "
        "'sat'?); write mon, tue, wed, thu, fri, sat or sun, or a range such as mon-fri",
    ]
    fixed = (folder / "kiosk.yaml").read_text().replace("satt", "sat")
    (folder / "kiosk.yaml").write_text(fixed)
    assert problem_lines(folder) == [
        "content/kiosk.yaml:6:5: error: opening_hours.except.2026-02-30: 2026-02-30 is not a day "
        "of the calendar",
    ]


def test_the_hours_as_written_reach_the_content(make_content: MakeContent) -> None:
    folder = make_content(kiosk=KIOSK + 'opening_hours: {mon-sun: "09:00-21:00"}\n')
    result = load_content(folder)
    assert result.content is not None
    hours = result.content.kiosk.opening_hours
    assert hours is not None and not hours.is_open(datetime(2026, 12, 1, 22, 0))
