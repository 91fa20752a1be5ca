"""Working-day arithmetic on the Chinese statutory calendar (法定节假日 and 调休 workdays).

Time limits (限时办结) count working days. Whether a day is worked depends on two things:

1. the statutory holidays fixed by law (``statutory_holidays``), known for every year; and
2. the State Council's yearly arrangement (放假安排: bridging days off and the weekends worked
   in exchange, 调休), published late in the previous year. It comes from the maintained
   ``chinesecalendar`` package, or — before the package catches up — from a holiday file an
   administrator loads into ``resources/holidays/`` (``holiday_files``); a file wins over the
   package for the dates it lists.

For a year with no arrangement from either source the calendar still knows the statutory
holidays, so 2027-01-01 is never counted as a working day, but it cannot know the 调休; a
deadline that had to walk through such a day is therefore returned as *provisional* and shown
as such on screen and on the receipt, never as a silent certainty.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import chinese_calendar

from counter_app.domain.holiday_files import (
    HolidaySchedule,
    library_knows,
    load_holiday_dirs,
    shipped_holiday_dir,
)
from counter_app.domain.statutory_holidays import check_supported, is_statutory_holiday

log = logging.getLogger(__name__)

# A year's notice can also move days at the end of the December before it (元旦 2008 began on
# Sunday 2007-12-30, and Saturday 2007-12-29 was worked), so those days are settled only once
# the next year's arrangement is known too.
NEXT_YEAR_REACHES_BACK_TO = (12, 25)


@dataclass(frozen=True)
class Deadline:
    """A date counted in working days; ``provisional`` when the count crossed days whose
    holiday arrangement is not yet published (statutory holidays only were assumed)."""

    date: dt.date
    provisional: bool = False


class HolidayCalendar:
    """Working days from the law, the ``chinesecalendar`` package and loaded holiday files."""

    def __init__(
        self,
        schedules: Iterable[HolidaySchedule] = (),
        *,
        use_library: bool = True,
        problems: Iterable[str] = (),
    ) -> None:
        self.schedules: dict[int, HolidaySchedule] = {}
        self._days_off: dict[dt.date, str] = {}
        self._weekend_workdays: dict[dt.date, str] = {}
        for schedule in schedules:
            if schedule.year in self.schedules:
                raise ValueError(
                    f"two holiday arrangements for {schedule.year}: "
                    f"{self.schedules[schedule.year].source} and {schedule.source}"
                )
            self.schedules[schedule.year] = schedule
            self._days_off.update(schedule.days_off())
            self._weekend_workdays.update(schedule.weekend_workdays())
        self.use_library = use_library
        self.problems: list[str] = list(problems)  # holiday files refused while loading

    # -- what is known ---------------------------------------------------------------------
    def has_arrangement(self, year: int) -> bool:
        """Whether the State Council's arrangement for ``year`` is known (file or package)."""
        return year in self.schedules or (self.use_library and library_knows(year))

    def arrangement_source(self, year: int) -> str | None:
        """Where the arrangement for ``year`` comes from, or ``None`` when it is unknown."""
        if year in self.schedules:
            return self.schedules[year].source
        if self.use_library and library_knows(year):
            return "chinesecalendar"
        return None

    def is_settled(self, day: dt.date) -> bool:
        """Whether ``day``'s status can no longer change with a notice still to come."""
        if not self.has_arrangement(day.year):
            return False
        if (day.month, day.day) >= NEXT_YEAR_REACHES_BACK_TO and day.year < 9999:
            return self.has_arrangement(day.year + 1)
        return True

    # -- the calendar ----------------------------------------------------------------------
    def is_workday(self, day: dt.date) -> bool:
        check_supported(day)
        if day in self._days_off:
            return False
        if day in self._weekend_workdays:
            return True
        if day.year in self.schedules:
            return day.weekday() < 5
        if self.use_library and library_knows(day.year):
            return bool(chinese_calendar.is_workday(day))
        return day.weekday() < 5 and not is_statutory_holiday(day)

    def deadline(self, start: dt.date, days: int) -> Deadline:
        """The date ``days`` working days after ``start`` (``start`` itself not counted),
        provisional if any day walked over is not settled."""
        if days < 0:
            raise ValueError(f"a time limit of {days} working days is negative")
        check_supported(start)
        day = start
        remaining = days
        provisional = False
        while remaining:
            try:
                day += dt.timedelta(days=1)
            except OverflowError:
                raise ValueError(
                    f"{days} working days after {start.isoformat()} is beyond the calendar"
                ) from None
            if self.is_workday(day):
                remaining -= 1
            provisional = provisional or not self.is_settled(day)
        return Deadline(day, provisional)

    def add_workdays(self, start: dt.date, days: int) -> dt.date:
        """The date that is ``days`` working days after ``start`` (``start`` not counted)."""
        return self.deadline(start, days).date

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                count += 1
        return count


_default: HolidayCalendar | None = None


def load_default_calendar(extra_dirs: Iterable[Path] = ()) -> HolidayCalendar:
    """Build the calendar from the package and every file of ``resources/holidays`` (and of
    ``extra_dirs``); a refused file is logged and listed in ``problems``, its year then being
    one without an arrangement (provisional deadlines)."""
    dirs = [shipped_holiday_dir(), *extra_dirs]
    loaded = load_holiday_dirs(dirs)
    for problem in loaded.problems:
        log.error("holiday file refused: %s", problem)
    return HolidayCalendar(loaded.schedules, problems=loaded.problems)


def default_calendar() -> HolidayCalendar:
    """The process-wide calendar, loaded on first use."""
    global _default
    if _default is None:
        _default = load_default_calendar()
    return _default


def set_default_calendar(calendar: HolidayCalendar | None) -> None:
    """Replace the process-wide calendar (``None``: reload from the files on next use)."""
    global _default
    _default = calendar


def is_workday(day: dt.date) -> bool:
    return default_calendar().is_workday(day)


def add_workdays(start: dt.date, days: int) -> dt.date:
    """The date that is ``days`` working days after ``start`` (``start`` itself not counted)."""
    return default_calendar().add_workdays(start, days)


def deadline(start: dt.date, days: int) -> Deadline:
    """``add_workdays`` with the provisional mark (see ``Deadline``)."""
    return default_calendar().deadline(start, days)


def workdays_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    return default_calendar().workdays_between(start, end)
