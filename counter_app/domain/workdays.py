"""Working-day arithmetic on the Chinese statutory calendar (法定节假日 and 调休 workdays).

Time limits (限时办结) count working days. The holiday schedule comes from the maintained
``chinese_calendar`` package; for a year it does not know yet (the State Council publishes
each schedule late in the previous year) we fall back to Monday-Friday and log a warning
instead of failing.
"""

from __future__ import annotations

import datetime as dt
import logging

import chinese_calendar

log = logging.getLogger(__name__)


def is_workday(day: dt.date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        log.warning("no published holiday schedule for %s; counting Monday-Friday", day.year)
        return day.weekday() < 5


def add_workdays(start: dt.date, days: int) -> dt.date:
    """The date that is ``days`` working days after ``start`` (``start`` itself not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    remaining = days
    while remaining:
        day += dt.timedelta(days=1)
        if is_workday(day):
            remaining -= 1
    return day


def workdays_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_workday(day):
            count += 1
    return count
