"""Chinese working days: public holidays and make-up workdays, with overrides kept as data.

The maintained ``chinese_calendar`` package knows the State Council's schedule for the years it
covers. ``data/calendar_overrides.json`` adds what it does not know yet (a newly published year)
or corrects it; beyond both, Monday to Friday are working days.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

import chinese_calendar


@dataclass(frozen=True)
class WorkCalendar:
    """Decides whether a day is a working day; ``holidays``/``workdays`` override the package."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def from_overrides(cls, holidays: Iterable[date], workdays: Iterable[date]) -> WorkCalendar:
        """A calendar with explicit extra holidays and make-up workdays."""
        return cls(frozenset(holidays), frozenset(workdays))

    @classmethod
    def default(cls) -> WorkCalendar:
        """The package's schedule plus the overrides shipped in ``data/``."""
        return _default_calendar()

    def is_workday(self, day: date) -> bool:
        """Whether ``day`` is a working day in mainland China."""
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return _package_workday(day)

    def add_working_days(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start`` (``start`` itself is not counted)."""
        day, left = start, count
        while left > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                left -= 1
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in ``(start, end]``; negative when ``end`` is before ``start``."""
        if end < start:
            return -self.working_days_between(end, start)
        days = (start + timedelta(days=n) for n in range(1, (end - start).days + 1))
        return sum(1 for day in days if self.is_workday(day))


@lru_cache(maxsize=4096)
def _package_workday(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


@lru_cache(maxsize=1)
def _default_calendar() -> WorkCalendar:
    text = resources.files("odr.domain").joinpath("data/calendar_overrides.json").read_text("utf-8")
    data = json.loads(text)
    return WorkCalendar.from_overrides(
        (date.fromisoformat(d) for d in data.get("holidays", [])),
        (date.fromisoformat(d) for d in data.get("workdays", [])),
    )
