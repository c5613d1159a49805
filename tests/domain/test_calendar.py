"""Chinese working days: the chinese_calendar package, overrides, and the Mon–Fri fallback."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from odr.domain.calendar import WorkCalendar

CAL = WorkCalendar()


@pytest.mark.parametrize(
    ("day", "workday"),
    [
        # National Day 2026: 1–7 October off; Sunday 20 September and Saturday 10 October
        # are make-up workdays (chinese_calendar 1.11). Sunday 27 September is a Mid-autumn
        # rest day.
        *((date(2026, 10, d), False) for d in range(1, 8)),
        (date(2026, 9, 20), True),
        (date(2026, 9, 27), False),
        (date(2026, 10, 8), True),
        (date(2026, 10, 10), True),
        (date(2026, 10, 11), False),
        # Spring Festival 2026: 15–23 February off; Saturdays 14 and 28 February worked.
        *((date(2026, 2, d), False) for d in range(15, 24)),
        (date(2026, 2, 14), True),
        (date(2026, 2, 24), True),
        (date(2026, 2, 28), True),
        # An ordinary week.
        (date(2026, 11, 6), True),
        (date(2026, 11, 7), False),
    ],
)
def test_package_schedule(day: date, workday: bool) -> None:
    assert CAL.is_workday(day) is workday


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2026, 11, 2), 0, date(2026, 11, 2)),
        (date(2026, 11, 2), 1, date(2026, 11, 3)),  # the start day is not counted
        (date(2026, 11, 6), 1, date(2026, 11, 9)),  # Friday → Monday
        (date(2026, 9, 30), 1, date(2026, 10, 8)),  # across National Day
        (date(2026, 9, 30), 3, date(2026, 10, 10)),  # ... onto the make-up Saturday
        (date(2026, 2, 13), 1, date(2026, 2, 14)),  # Spring Festival make-up Saturday
        (date(2026, 2, 14), 1, date(2026, 2, 24)),  # across Spring Festival
    ],
)
def test_add_working_days(start: date, count: int, expected: date) -> None:
    assert CAL.add_working_days(start, count) == expected


def test_working_days_between() -> None:
    start, end = date(2026, 9, 30), date(2026, 10, 12)
    assert CAL.working_days_between(start, end) == 4  # 8, 9, 10, 12 October
    assert CAL.working_days_between(end, start) == -4
    assert CAL.working_days_between(start, start) == 0


def test_between_inverts_add() -> None:
    start = date(2026, 1, 5)
    for count in (1, 10, 45, 100):
        assert CAL.working_days_between(start, CAL.add_working_days(start, count)) == count


def test_overrides_win_over_the_package() -> None:
    holiday, workday = date(2026, 11, 4), date(2026, 10, 3)
    cal = WorkCalendar.from_overrides([holiday], [workday])
    assert CAL.is_workday(holiday) and not cal.is_workday(holiday)
    assert not CAL.is_workday(workday) and cal.is_workday(workday)


@pytest.mark.parametrize("year", [1999, 2003, 2100])
def test_years_outside_the_package_fall_back_to_weekdays(year: int) -> None:
    monday = date(year, 6, 1) - timedelta(days=date(year, 6, 1).weekday())
    week = [CAL.is_workday(monday + timedelta(days=n)) for n in range(7)]
    assert week == [True] * 5 + [False] * 2
    assert CAL.add_working_days(monday + timedelta(days=4), 1) == monday + timedelta(days=7)


def test_overrides_apply_outside_the_package() -> None:
    new_year = date(2100, 1, 1)  # a Friday
    assert CAL.is_workday(new_year)
    assert not WorkCalendar.from_overrides([new_year], []).is_workday(new_year)


def test_default_calendar_is_cached() -> None:
    assert WorkCalendar.default() is WorkCalendar.default()
    assert WorkCalendar.default().is_workday(date(2026, 10, 10))
