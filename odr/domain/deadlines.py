"""Statutory periods and the due dates they give, counted in Chinese working days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from odr.domain.calendar import WorkCalendar


@dataclass(frozen=True)
class StatutoryPeriods:
    """The periods of the 12315 rules, in working days unless named otherwise."""

    enterprise: int = 10
    acceptance: int = 7
    mediation: int = 45
    mediation_notice: int = 7
    report_filing: int = 15
    limitation_years: int = 3
    warning_days: int = 2


class DeadlineKind(StrEnum):
    """Which clock a due date belongs to."""

    ENTERPRISE = "enterprise"
    ACCEPTANCE = "acceptance"
    MEDIATION = "mediation"
    REPORT_FILING = "report_filing"


@dataclass(frozen=True)
class Deadline:
    """Due on ``due_on`` (a local date); it passes at ``due_at``, the local midnight after."""

    kind: DeadlineKind
    due_on: date
    due_at: datetime


def period_of(kind: DeadlineKind, periods: StatutoryPeriods) -> int:
    """The number of working days a clock of ``kind`` runs."""
    return {
        DeadlineKind.ENTERPRISE: periods.enterprise,
        DeadlineKind.ACCEPTANCE: periods.acceptance,
        DeadlineKind.MEDIATION: periods.mediation,
        DeadlineKind.REPORT_FILING: periods.report_filing,
    }[kind]


def end_of_day(day: date, tz: ZoneInfo) -> datetime:
    """The local midnight that ends ``day``, in UTC."""
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=tz).astimezone(UTC)


def compute_deadline(
    kind: DeadlineKind,
    start: datetime,
    calendar: WorkCalendar,
    periods: StatutoryPeriods,
    tz: ZoneInfo,
) -> Deadline:
    """The deadline of ``kind`` for a clock started at ``start`` (that day is not counted)."""
    started_on = start.astimezone(tz).date()
    due_on = calendar.add_working_days(started_on, period_of(kind, periods))
    return Deadline(kind, due_on, end_of_day(due_on, tz))


def working_days_left(
    now: datetime, deadline: Deadline, calendar: WorkCalendar, tz: ZoneInfo
) -> int:
    """Working days from today to the due date: 0 on the due day, negative once overdue."""
    today = now.astimezone(tz).date()
    return calendar.working_days_between(today, deadline.due_on)


def is_overdue(now: datetime, deadline: Deadline) -> bool:
    """Whether the deadline has passed."""
    return now >= deadline.due_at
