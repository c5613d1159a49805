"""Statutory due dates, counted in working days from a Monday in November 2026."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from odr.domain.calendar import WorkCalendar
from odr.domain.deadlines import (
    DeadlineKind,
    StatutoryPeriods,
    compute_deadline,
    end_of_day,
    is_overdue,
    working_days_left,
)

TZ = ZoneInfo("Asia/Shanghai")
# 1 January 2027 is past chinese_calendar 1.11's data; pin it so a package update cannot move it.
CAL = WorkCalendar.from_overrides([date(2027, 1, 1)], [])
PERIODS = StatutoryPeriods()
MONDAY = datetime(2026, 11, 2, 9, 30, tzinfo=TZ)


def test_periods() -> None:
    assert (PERIODS.enterprise, PERIODS.acceptance, PERIODS.mediation) == (10, 7, 45)
    assert PERIODS.report_filing == 15


@pytest.mark.parametrize(
    ("kind", "due_on"),
    [
        (DeadlineKind.ENTERPRISE, date(2026, 11, 16)),
        (DeadlineKind.ACCEPTANCE, date(2026, 11, 11)),
        (DeadlineKind.MEDIATION, date(2027, 1, 5)),  # skips 1 January 2027
        (DeadlineKind.REPORT_FILING, date(2026, 11, 23)),
    ],
)
def test_compute_deadline(kind: DeadlineKind, due_on: date) -> None:
    deadline = compute_deadline(kind, MONDAY, CAL, PERIODS, TZ)
    assert (deadline.kind, deadline.due_on) == (kind, due_on)
    # The local (UTC+8) midnight after the due day, expressed in UTC.
    assert deadline.due_at == datetime.combine(due_on, datetime.min.time(), UTC) + timedelta(
        hours=16
    )
    assert deadline.due_at.tzinfo is UTC


def test_start_is_read_in_local_time() -> None:
    # Sunday 17:00 UTC is already Monday 01:00 in Shanghai.
    start = datetime(2026, 11, 1, 17, 0, tzinfo=UTC)
    assert compute_deadline(DeadlineKind.ACCEPTANCE, start, CAL, PERIODS, TZ).due_on == date(
        2026, 11, 11
    )


def test_end_of_day() -> None:
    assert end_of_day(date(2026, 11, 16), TZ) == datetime(2026, 11, 16, 16, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "left"),
    [
        (datetime(2026, 11, 2, 10, 0, tzinfo=TZ), 10),
        (datetime(2026, 11, 13, 23, 59, tzinfo=TZ), 1),
        (datetime(2026, 11, 14, 12, 0, tzinfo=TZ), 1),  # Saturday
        (datetime(2026, 11, 16, 0, 0, tzinfo=TZ), 0),
        (datetime(2026, 11, 16, 23, 59, tzinfo=TZ), 0),
        (datetime(2026, 11, 17, 0, 0, tzinfo=TZ), -1),
        (datetime(2026, 11, 20, 12, 0, tzinfo=TZ), -4),
    ],
)
def test_working_days_left(now: datetime, left: int) -> None:
    deadline = compute_deadline(DeadlineKind.ENTERPRISE, MONDAY, CAL, PERIODS, TZ)
    assert working_days_left(now, deadline, CAL, TZ) == left


def test_is_overdue() -> None:
    deadline = compute_deadline(DeadlineKind.ENTERPRISE, MONDAY, CAL, PERIODS, TZ)
    assert not is_overdue(deadline.due_at - timedelta(microseconds=1), deadline)
    assert is_overdue(deadline.due_at, deadline)
    assert not is_overdue(datetime(2026, 11, 16, 23, 59, tzinfo=TZ), deadline)
    assert is_overdue(datetime(2026, 11, 17, 0, 0, tzinfo=TZ), deadline)
