"""Holiday arrangement files: a year's State Council holiday notice as data an administrator loads.

The ``chinesecalendar`` package learns each year's arrangement (放假安排: days off and the
weekends worked in exchange, 调休) only when a new release follows the State Council's
notice. Until then an administrator can type the notice into a TOML file and drop it into
``resources/holidays/``; every file there is loaded at start and overrides the package for
its dates. A file is checked strictly, and a broken one is refused with the file and the entry
named, so a typo never silently moves a citizen's deadline.

The format, one file per year (``resources/holidays/README.md`` has a full example)::

    year = 2027
    notice = "国务院办公厅关于2027年部分节假日安排的通知"

    [[periods]]
    name = "春节"
    first_day_off = 2027-02-05
    last_day_off = 2027-02-12
    weekend_workdays = [2027-02-07]   # weekends worked in exchange (上班), may be empty
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import shutil
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import chinese_calendar
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from counter_app.domain.statutory_holidays import (
    FIRST_SUPPORTED,
    LAST_SUPPORTED,
    statutory_holidays,
)

# The longest period a notice has given is nine days (春节 2026); a longer span is a typo.
MAX_PERIOD_DAYS = 15
# A notice may reach back into the previous December (元旦 2008 began on 2007-12-30 and
# Saturday 2007-12-29 was worked).
REACH_BACK = dt.timedelta(days=31)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class HolidayFileError(ValueError):
    """A holiday file cannot be used; ``problems`` name the file and the entry of each fault."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__("\n".join(f"{path}: {problem}" for problem in problems))
        self.path = path
        self.problems = problems


def _plain_date(value: Any) -> Any:
    # TOML has native dates; a quoted ISO date is accepted too. A date-time is refused: a
    # holiday is a whole day.
    if isinstance(value, dt.datetime):
        raise ValueError(f"{value.isoformat()} has a time of day; write a date like 2027-02-05")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a date; write it like 2027-02-05") from None
    raise ValueError(f"{value!r} is not a date; write it like 2027-02-05")


PlainDate = Annotated[dt.date, BeforeValidator(_plain_date)]


class PeriodEntry(BaseModel):
    """One ``[[periods]]`` table: a block of days off and the weekends worked for it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=40)
    first_day_off: PlainDate
    last_day_off: PlainDate
    weekend_workdays: list[PlainDate] = Field(default_factory=list)


class HolidayFileModel(BaseModel):
    """The whole file: the year, the notice it transcribes and its periods."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    year: int = Field(ge=FIRST_SUPPORTED.year, le=LAST_SUPPORTED.year, strict=True)
    notice: str = Field(min_length=4, max_length=200)
    periods: list[PeriodEntry] = Field(min_length=1)


@dataclass(frozen=True)
class HolidayPeriod:
    name: str
    first_day_off: dt.date
    last_day_off: dt.date
    weekend_workdays: tuple[dt.date, ...]

    def days_off(self) -> list[dt.date]:
        span = (self.last_day_off - self.first_day_off).days
        return [self.first_day_off + dt.timedelta(days=n) for n in range(span + 1)]


@dataclass(frozen=True)
class HolidaySchedule:
    """One year's arrangement as loaded from a file (``source`` names the file)."""

    year: int
    notice: str
    periods: tuple[HolidayPeriod, ...]
    source: str

    def days_off(self) -> dict[dt.date, str]:
        return {day: period.name for period in self.periods for day in period.days_off()}

    def weekend_workdays(self) -> dict[dt.date, str]:
        return {day: period.name for period in self.periods for day in period.weekend_workdays}


def _entry(raw: dict[str, Any], loc: tuple[int | str, ...]) -> str:
    """Name the entry a pydantic error location points at, e.g. ``[[periods]] #2 (春节)``."""
    if len(loc) >= 2 and loc[0] == "periods" and isinstance(loc[1], int):
        periods = raw.get("periods")
        name = ""
        if (
            isinstance(periods, list)
            and loc[1] < len(periods)
            and isinstance(periods[loc[1]], dict)
        ):
            name = str(periods[loc[1]].get("name", ""))
        label = f"[[periods]] #{loc[1] + 1}" + (f" ({name})" if name else "")
        rest = ".".join(str(part) for part in loc[2:])
        return f"{label}, {rest}" if rest else label
    return ".".join(str(part) for part in loc) or "file"


def _semantic_problems(model: HolidayFileModel) -> list[str]:
    problems: list[str] = []
    earliest = max(dt.date(model.year, 1, 1) - REACH_BACK, FIRST_SUPPORTED)
    latest = dt.date(model.year, 12, 31)
    off_owner: dict[dt.date, str] = {}
    worked_owner: dict[dt.date, str] = {}
    labels = [f"[[periods]] #{i} ({p.name})" for i, p in enumerate(model.periods, start=1)]

    for label, period in zip(labels, model.periods, strict=True):
        first, last = period.first_day_off, period.last_day_off
        for field, day in (("first_day_off", first), ("last_day_off", last)):
            if not earliest <= day <= latest:
                problems.append(
                    f"{label}, {field}: {day.isoformat()} is not in {model.year} "
                    f"(nor the December before it)"
                )
        if last < first:
            problems.append(
                f"{label}: last_day_off {last.isoformat()} is before "
                f"first_day_off {first.isoformat()}"
            )
            continue
        if (last - first).days + 1 > MAX_PERIOD_DAYS:
            problems.append(
                f"{label}: {(last - first).days + 1} days off from {first.isoformat()} to "
                f"{last.isoformat()} is longer than {MAX_PERIOD_DAYS} days; check the dates"
            )
            continue
        span = HolidayPeriod(period.name, first, last, ()).days_off()
        for day in span:
            if day in off_owner:
                problems.append(
                    f"{label}: {day.isoformat()} is already a day off in {off_owner[day]}"
                )
                break
        for day in span:
            off_owner.setdefault(day, label)
        for day in period.weekend_workdays:
            where = f"{label}, weekend_workdays"
            if not earliest <= day <= latest:
                problems.append(f"{where}: {day.isoformat()} is not in {model.year}")
            elif day.weekday() < 5:
                problems.append(
                    f"{where}: {day.isoformat()} is a {WEEKDAYS[day.weekday()]}, "
                    f"already a working day; list only Saturdays and Sundays worked"
                )
            elif day in worked_owner:
                problems.append(f"{where}: {day.isoformat()} is listed twice")
            worked_owner.setdefault(day, label)

    for day, owner in worked_owner.items():
        if day in off_owner:
            problems.append(
                f"{owner}, weekend_workdays: {day.isoformat()} is also a day off in "
                f"{off_owner[day]}"
            )
    for day, festival in statutory_holidays(model.year).items():
        if day not in off_owner:
            problems.append(
                f"{day.isoformat()} ({festival}) is a statutory holiday by law but no period "
                f"gives it off; the notice must include it"
            )
    return problems


def parse_holiday_file(path: Path) -> HolidaySchedule:
    """Read and check one holiday file; raise ``HolidayFileError`` naming every fault."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise HolidayFileError(path, [f"cannot be read: {exc.strerror or exc}"]) from None
    except UnicodeDecodeError as exc:
        raise HolidayFileError(path, [f"is not UTF-8 text (byte {exc.start})"]) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise HolidayFileError(path, [f"is not valid TOML: {exc}"]) from None
    try:
        model = HolidayFileModel.model_validate(raw)
    except PydanticValidationError as exc:
        problems = [f"{_entry(raw, tuple(e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise HolidayFileError(path, problems) from None
    problems = _semantic_problems(model)
    if problems:
        raise HolidayFileError(path, problems)
    periods = tuple(
        HolidayPeriod(
            p.name, p.first_day_off, p.last_day_off, tuple(sorted(set(p.weekend_workdays)))
        )
        for p in model.periods
    )
    return HolidaySchedule(model.year, model.notice, periods, str(path))


def load_holiday_file(path: str | Path) -> HolidaySchedule:
    """Load one holiday file (see the module docstring for the format)."""
    return parse_holiday_file(Path(path))


@dataclass(frozen=True)
class HolidayFileCheck:
    """What ``check_holiday_file`` found in a valid file: the schedule and notes to read."""

    schedule: HolidaySchedule
    notes: list[str]


@cache
def library_knows(year: int) -> bool:
    """Whether the installed ``chinesecalendar`` package has the arrangement for ``year``."""
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def check_holiday_file(path: str | Path) -> HolidayFileCheck:
    """Check a file before it is installed: faults raise ``HolidayFileError``; the notes list
    the days it changes and any day on which it disagrees with the ``chinesecalendar`` package
    (which then deserves a second look at the notice)."""
    schedule = parse_holiday_file(Path(path))
    notes: list[str] = []
    for period in schedule.periods:
        worked = ", ".join(d.isoformat() for d in period.weekend_workdays) or "none"
        notes.append(
            f"{period.name}: off {period.first_day_off.isoformat()} to "
            f"{period.last_day_off.isoformat()} ({len(period.days_off())} days); "
            f"weekends worked: {worked}"
        )
    if library_knows(schedule.year):
        off = schedule.days_off()
        worked_days = schedule.weekend_workdays()
        day = dt.date(schedule.year, 1, 1)
        while day.year == schedule.year:
            ours = day not in off and (day.weekday() < 5 or day in worked_days)
            theirs = bool(chinese_calendar.is_workday(day))
            if ours != theirs:
                notes.append(
                    f"differs from the chinesecalendar package on {day.isoformat()}: "
                    f"this file makes it a {'working day' if ours else 'day off'}"
                )
            day += dt.timedelta(days=1)
    else:
        notes.append(
            f"the chinesecalendar package has no arrangement for {schedule.year}; "
            f"this file will be the only source"
        )
    return HolidayFileCheck(schedule, notes)


def shipped_holiday_dir() -> Path:
    """The shipped holiday files: ``counter_app/_data/holidays`` in a wheel or a frozen bundle
    (copied there from ``resources/holidays`` at build time), else ``resources/holidays`` of
    the checkout."""
    packaged = Path(str(importlib.resources.files("counter_app") / "_data" / "holidays"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources" / "holidays"


def holiday_files(directory: Path) -> list[Path]:
    """The holiday files in ``directory`` in a stable order (none if it does not exist)."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.glob("*.toml") if p.is_file())


@dataclass(frozen=True)
class LoadedSchedules:
    schedules: list[HolidaySchedule]
    problems: list[str]  # files refused, each naming the file and the entry


def load_holiday_dirs(directories: Iterable[Path]) -> LoadedSchedules:
    """Load every file of ``directories``. A broken file is refused, not fatal: its year then
    counts as one without an arrangement (deadlines provisional) and the fault is reported.
    Two files for one year that disagree are both refused for the same reason."""
    schedules: dict[int, HolidaySchedule] = {}
    refused_years: set[int] = set()
    problems: list[str] = []
    for directory in directories:
        for path in holiday_files(directory):
            try:
                schedule = parse_holiday_file(path)
            except HolidayFileError as exc:
                problems.extend(str(exc).splitlines())
                continue
            other = schedules.get(schedule.year)
            if schedule.year in refused_years:
                problems.append(f"{path}: another file for {schedule.year} was refused already")
            elif other is None:
                schedules[schedule.year] = schedule
            elif other.periods != schedule.periods:
                problems.append(
                    f"{path}: disagrees with {other.source} about {schedule.year}; "
                    f"neither is used until one is removed"
                )
                del schedules[schedule.year]
                refused_years.add(schedule.year)
    return LoadedSchedules(sorted(schedules.values(), key=lambda s: s.year), problems)


def install_holiday_file(path: str | Path, directory: Path | None = None) -> Path:
    """Check ``path`` and copy it into ``directory`` (the shipped holiday folder by default)
    as ``<year>.toml``; refuse to replace a different file for that year."""
    schedule = parse_holiday_file(Path(path))
    target_dir = directory or shipped_holiday_dir()
    for existing in holiday_files(target_dir):
        try:
            other = parse_holiday_file(existing)
        except HolidayFileError:
            continue
        if other.year == schedule.year and other.periods != schedule.periods:
            raise HolidayFileError(
                Path(path),
                [
                    f"{existing} already holds a different arrangement for {schedule.year}; "
                    f"remove it first"
                ],
            )
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / f"{schedule.year}.toml"
    if Path(path).resolve() != target.resolve():
        shutil.copyfile(path, target)
    return target
