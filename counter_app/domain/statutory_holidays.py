"""The statutory public holidays (法定节假日) fixed by law, computable for any year.

The State Council publishes each year's holiday arrangement (放假安排, with 调休 working
weekends) only late in the previous year, but the holidays themselves are fixed by
《全国年节及纪念日放假办法》 and can be computed for every year: the solar dates directly, the
lunar festivals from the Chinese calendar (GB/T 33661-2017, through ``tyme4py``) and 清明 from
the solar term. A deadline for a year without a published arrangement is counted on these
days (and marked provisional by ``workdays``), never on Monday-Friday alone.

The law changed over time; each version is kept with its effective date so that a date is
judged by the law in force on it:

- 国务院令第270号 (1999-09-18, in force on publication): 元旦 1, 春节 3 (正月初一至初三),
  劳动节 3 (5月1日至3日), 国庆节 3 (10月1日至3日).
- 国务院令第513号 (in force 2008-01-01): 元旦 1, 春节 3 (除夕、正月初一、初二), 清明节 1,
  劳动节 1, 端午节 1, 中秋节 1, 国庆节 3.
- 国务院令第644号 (in force 2014-01-01): 春节 back to 正月初一至初三; the rest unchanged.
- 国务院令第795号 (in force 2025-01-01): 春节 4 (除夕至正月初三), 劳动节 2 (5月1日、2日).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from tyme4py.lunar import LunarDay
from tyme4py.solar import SolarTerm

# The first and last dates this module answers for. Before 2000 the five-day week and the
# 1999 law had not both applied for a whole year; the Gregorian calendar of ``datetime`` ends
# in 9999.
FIRST_SUPPORTED = dt.date(2000, 1, 1)
LAST_SUPPORTED = dt.date(9999, 12, 31)

NEW_YEAR = "元旦"
SPRING_FESTIVAL = "春节"
QINGMING = "清明节"
LABOUR_DAY = "劳动节"
DRAGON_BOAT = "端午节"
MID_AUTUMN = "中秋节"
NATIONAL_DAY = "国庆节"


@dataclass(frozen=True)
class HolidayLaw:
    """One version of 《全国年节及纪念日放假办法》: which days are statutory holidays."""

    decree: str
    effective: dt.date
    # Days of 春节 relative to 正月初一: -1 is 除夕 (the last day of the twelfth lunar month).
    spring_festival: tuple[int, ...]
    labour_days: int  # 5月1日 onwards
    lunar_festivals: bool  # 清明, 端午 and 中秋 are holidays


LAWS: tuple[HolidayLaw, ...] = (
    HolidayLaw("国务院令第270号", dt.date(1999, 9, 18), (0, 1, 2), 3, False),
    HolidayLaw("国务院令第513号", dt.date(2008, 1, 1), (-1, 0, 1), 1, True),
    HolidayLaw("国务院令第644号", dt.date(2014, 1, 1), (0, 1, 2), 1, True),
    HolidayLaw("国务院令第795号", dt.date(2025, 1, 1), (-1, 0, 1, 2), 2, True),
)


def check_supported(day: dt.date) -> None:
    """Refuse a date outside the years this calendar can answer for, with the range named."""
    if not FIRST_SUPPORTED <= day <= LAST_SUPPORTED:
        raise ValueError(
            f"{day.isoformat()} is outside the supported calendar range "
            f"{FIRST_SUPPORTED.isoformat()} to {LAST_SUPPORTED.isoformat()}"
        )


def law_in_force(year: int) -> HolidayLaw:
    """The law that governs the holidays of ``year`` (every change took effect on 1 January
    except the first, which governs all supported years before 2008)."""
    law = LAWS[0]
    for candidate in LAWS:
        if candidate.effective <= dt.date(year, 1, 1):
            law = candidate
    return law


def _solar(day: LunarDay) -> dt.date:
    solar = day.get_solar_day()
    return dt.date(solar.get_year(), solar.get_month(), solar.get_day())


def chinese_new_year(year: int) -> dt.date:
    """正月初一 of the lunar year that begins in Gregorian ``year``."""
    return _solar(LunarDay.from_ymd(year, 1, 1))


def qingming(year: int) -> dt.date:
    """The day of the 清明 solar term in ``year`` (Beijing time)."""
    solar = SolarTerm.from_name(year, "清明").get_solar_day()
    return dt.date(solar.get_year(), solar.get_month(), solar.get_day())


@lru_cache(maxsize=256)
def _holidays(year: int) -> tuple[tuple[dt.date, str], ...]:
    law = law_in_force(year)
    days: list[tuple[dt.date, str]] = [(dt.date(year, 1, 1), NEW_YEAR)]
    new_year = chinese_new_year(year)
    days += [(new_year + dt.timedelta(days=n), SPRING_FESTIVAL) for n in law.spring_festival]
    days += [(dt.date(year, 5, 1 + n), LABOUR_DAY) for n in range(law.labour_days)]
    if law.lunar_festivals:
        days.append((qingming(year), QINGMING))
        days.append((_solar(LunarDay.from_ymd(year, 5, 5)), DRAGON_BOAT))
        days.append((_solar(LunarDay.from_ymd(year, 8, 15)), MID_AUTUMN))
    days += [(dt.date(year, 10, 1 + n), NATIONAL_DAY) for n in range(3)]
    return tuple(sorted(days))


def statutory_holidays(year: int) -> dict[dt.date, str]:
    """Every statutory holiday of ``year`` by the law in force, mapped to its festival name."""
    check_supported(dt.date(year, 1, 1))
    return dict(_holidays(year))


@lru_cache(maxsize=256)
def _holiday_dates(year: int) -> frozenset[dt.date]:
    return frozenset(day for day, _name in _holidays(year))


def is_statutory_holiday(day: dt.date) -> bool:
    check_supported(day)
    return day in _holiday_dates(day.year)
