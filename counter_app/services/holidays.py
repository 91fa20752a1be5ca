"""The hall's holiday calendar: the shipped files plus the ones an administrator installed.

The State Council publishes each year's arrangement (调休) late in the previous year, often
before the ``chinesecalendar`` package is updated. An administrator checks the new notice as a
holiday file (``counter-admin holidays check FILE``) and installs it into the workstation's
own folder (``counter-admin holidays install FILE``); every deadline computed afterwards uses
it. Until then deadlines in that year are computed from the law alone and marked provisional.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from counter_app.config import config_dir
from counter_app.domain import workdays
from counter_app.domain.holiday_files import (
    HolidayFileCheck,
    check_holiday_file,
    install_holiday_file,
)


def installed_holiday_dir() -> Path:
    """Where this workstation keeps the holiday files its administrator installed."""
    return config_dir() / "holidays"


def use_installed_calendar() -> workdays.HolidayCalendar:
    """Make the shipped and the installed files the process-wide calendar; return it."""
    calendar = workdays.load_default_calendar([installed_holiday_dir()])
    workdays.set_default_calendar(calendar)
    return calendar


def check(path: Path) -> HolidayFileCheck:
    """Check a holiday file before it is installed (raises ``HolidayFileError``)."""
    return check_holiday_file(path)


def install(path: Path) -> Path:
    """Check ``path`` and install it for this workstation; the calendar reloads at once."""
    target = install_holiday_file(path, installed_holiday_dir())
    use_installed_calendar()
    return target


@dataclass(frozen=True)
class YearStatus:
    year: int
    source: str | None  # None: no arrangement known, deadlines in that year are provisional


def status(years: list[int] | None = None) -> tuple[list[YearStatus], list[str]]:
    """Where each year's arrangement comes from, and the problems of refused files."""
    calendar = use_installed_calendar()
    this_year = dt.date.today().year
    wanted = years or [this_year - 1, this_year, this_year + 1]
    rows = []
    for year in wanted:
        rows.append(YearStatus(year, calendar.arrangement_source(year)))
    return rows, list(calendar.problems)
