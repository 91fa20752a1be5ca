"""Working days on the Chinese statutory calendar, checked against the published notices.

Every figure below is written from a published source named next to it. The installed
``chinesecalendar`` package is used only as a cross-check in the tests that say so, never as
the expected value on its own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.holiday_files import (
    HolidayPeriod,
    HolidaySchedule,
    load_holiday_file,
    shipped_holiday_dir,
)
from counter_app.domain.statutory_holidays import (
    chinese_new_year,
    qingming,
    statutory_holidays,
)
from counter_app.domain.workdays import Deadline, HolidayCalendar

D = dt.date


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


# 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）:
# 元旦 1月1日放假1天，不调休；春节 1月28日（农历除夕）至2月4日（农历正月初七）放假调休，共8天，
# 1月26日（周日）、2月8日（周六）上班；清明节 4月4日至6日放假，共3天；劳动节 5月1日至5日放假
# 调休，共5天，4月27日（周日）上班；端午节 5月31日至6月2日放假，共3天；国庆节、中秋节 10月1日
# 至8日放假调休，共8天，9月28日（周日）、10月11日（周六）上班。
NOTICE_2025 = {
    "元旦": (D(2025, 1, 1), D(2025, 1, 1), []),
    "春节": (D(2025, 1, 28), D(2025, 2, 4), [D(2025, 1, 26), D(2025, 2, 8)]),
    "清明节": (D(2025, 4, 4), D(2025, 4, 6), []),
    "劳动节": (D(2025, 5, 1), D(2025, 5, 5), [D(2025, 4, 27)]),
    "端午节": (D(2025, 5, 31), D(2025, 6, 2), []),
    "国庆节、中秋节": (D(2025, 10, 1), D(2025, 10, 8), [D(2025, 9, 28), D(2025, 10, 11)]),
}

# 国务院办公厅关于2026年部分节假日安排的通知 (published November 2025):
# 元旦 1月1日至3日放假调休，共3天，1月4日（周日）上班；春节 2月15日（农历腊月二十八）至23日
# （农历正月初七）放假调休，共9天，2月14日（周六）、2月28日（周六）上班；清明节 4月4日至6日；
# 劳动节 5月1日至5日放假调休，共5天，5月9日（周六）上班；端午节 6月19日至21日；中秋节 9月25日
# 至27日；国庆节 10月1日至7日放假调休，共7天，9月20日（周日）、10月10日（周六）上班。
NOTICE_2026 = {
    "元旦": (D(2026, 1, 1), D(2026, 1, 3), [D(2026, 1, 4)]),
    "春节": (D(2026, 2, 15), D(2026, 2, 23), [D(2026, 2, 14), D(2026, 2, 28)]),
    "清明节": (D(2026, 4, 4), D(2026, 4, 6), []),
    "劳动节": (D(2026, 5, 1), D(2026, 5, 5), [D(2026, 5, 9)]),
    "端午节": (D(2026, 6, 19), D(2026, 6, 21), []),
    "中秋节": (D(2026, 9, 25), D(2026, 9, 27), []),
    "国庆节": (D(2026, 10, 1), D(2026, 10, 7), [D(2026, 9, 20), D(2026, 10, 10)]),
}

NOTICES = {2025: NOTICE_2025, 2026: NOTICE_2026}

# 正月初一 as published in the Hong Kong Observatory's Gregorian–Lunar calendar conversion
# tables (Lunar New Year's Day).
CHINESE_NEW_YEAR = {
    2020: D(2020, 1, 25),
    2021: D(2021, 2, 12),
    2022: D(2022, 2, 1),
    2023: D(2023, 1, 22),
    2024: D(2024, 2, 10),
    2025: D(2025, 1, 29),
    2026: D(2026, 2, 17),
    2027: D(2027, 2, 6),
    2028: D(2028, 1, 26),
    2029: D(2029, 2, 13),
    2030: D(2030, 2, 3),
}


def schedule_from_notice(year: int) -> HolidaySchedule:
    periods = tuple(
        HolidayPeriod(name, first, last, tuple(worked))
        for name, (first, last, worked) in NOTICES[year].items()
    )
    return HolidaySchedule(year, f"notice {year}", periods, "test")


def expected_workday(year: int, day: dt.date) -> bool:
    notice = NOTICES[year]
    off = {d for first, last, _ in notice.values() for d in days(first, last)}
    worked = {d for _, _, w in notice.values() for d in w}
    return day not in off and (day.weekday() < 5 or day in worked)


# -- the notices ---------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_day_of_the_year_follows_the_notice(year: int) -> None:
    calendar = HolidayCalendar()  # the installed package (and the shipped files)
    from_files = HolidayCalendar([load_holiday_file(p) for p in shipped_files()])
    for day in days(D(year, 1, 1), D(year, 12, 31)):
        assert calendar.is_workday(day) == expected_workday(year, day), day
        assert from_files.is_workday(day) == expected_workday(year, day), day


def shipped_files() -> list[Path]:
    return sorted(shipped_holiday_dir().glob("*.toml"))


def test_the_shipped_2026_file_transcribes_the_notice() -> None:
    shipped = load_holiday_file(shipped_holiday_dir() / "2026.toml")
    assert shipped.year == 2026
    assert shipped.periods == schedule_from_notice(2026).periods


@pytest.mark.parametrize("year", [2025, 2026])
def test_cross_check_the_package_agrees_with_the_notice(year: int) -> None:
    # A cross-check of the transcription above against the package, not a source of truth.
    for day in days(D(year, 1, 1), D(year, 12, 31)):
        assert bool(chinese_calendar.is_workday(day)) == expected_workday(year, day), day


def test_deadline_across_national_day_2025() -> None:
    calendar = HolidayCalendar([schedule_from_notice(2025)], use_library=False)
    # 9月30日 (Tue) + 1 working day: 10月1日至8日 off, so Thursday 10月9日.
    assert calendar.deadline(D(2025, 9, 30), 1) == Deadline(D(2025, 10, 9), False)
    # Sunday 9月28日 is worked, so it counts; Saturday 10月11日 too.
    assert calendar.add_workdays(D(2025, 9, 27), 1) == D(2025, 9, 28)
    assert calendar.add_workdays(D(2025, 10, 9), 2) == D(2025, 10, 11)
    # After Friday 9月26日 to Monday 10月13日: 9月28日, 29日, 30日, 10月9日, 10日, 11日, 13日.
    assert calendar.workdays_between(D(2025, 9, 26), D(2025, 10, 13)) == 7


def test_deadline_across_spring_festival_2026() -> None:
    calendar = HolidayCalendar([schedule_from_notice(2026)], use_library=False)
    # Friday 2月13日 + 1: Saturday 2月14日 is worked.
    assert calendar.add_workdays(D(2026, 2, 13), 1) == D(2026, 2, 14)
    # Then 2月15日至23日 off: the next working day is Tuesday 2月24日.
    assert calendar.deadline(D(2026, 2, 14), 1) == Deadline(D(2026, 2, 24), False)
    assert calendar.workdays_between(D(2026, 2, 13), D(2026, 2, 24)) == 2


# -- the law, for any year -----------------------------------------------------------------


def test_chinese_new_year_matches_the_published_dates() -> None:
    for year, new_year in CHINESE_NEW_YEAR.items():
        assert chinese_new_year(year) == new_year, year


def test_statutory_holidays_2025_under_the_2024_amendment() -> None:
    # 国务院令第795号 (in force 2025-01-01): 元旦1, 春节4 (除夕至初三), 清明1, 劳动2, 端午1,
    # 中秋1, 国庆3. Lunar and solar-term days from the 2025 notice: 除夕 1月28日 (the notice
    # says so), 清明 4月4日 and 端午 5月31日 (the first day of their periods); 中秋 10月6日
    # (Hong Kong Observatory conversion table: 八月十五 = 2025-10-06).
    expected = {
        D(2025, 1, 1): "元旦",
        D(2025, 1, 28): "春节",
        D(2025, 1, 29): "春节",
        D(2025, 1, 30): "春节",
        D(2025, 1, 31): "春节",
        D(2025, 4, 4): "清明节",
        D(2025, 5, 1): "劳动节",
        D(2025, 5, 2): "劳动节",
        D(2025, 5, 31): "端午节",
        D(2025, 10, 6): "中秋节",
        D(2025, 10, 1): "国庆节",
        D(2025, 10, 2): "国庆节",
        D(2025, 10, 3): "国庆节",
    }
    assert statutory_holidays(2025) == expected


def test_the_law_in_force_on_each_date() -> None:
    # 国务院令第644号 (2014–2024): 春节 正月初一至初三, 劳动节 one day.
    h2024 = statutory_holidays(2024)
    assert D(2024, 2, 9) not in h2024  # 除夕 2024 (初一 is 2024-02-10)
    assert {D(2024, 2, 10), D(2024, 2, 11), D(2024, 2, 12)} <= h2024.keys()
    assert D(2024, 5, 2) not in h2024
    # 国务院令第513号 (2008–2013): 春节 除夕、初一、初二 (初一 2013 is 2013-02-10).
    h2013 = statutory_holidays(2013)
    assert {D(2013, 2, 9), D(2013, 2, 10), D(2013, 2, 11)} <= h2013.keys()
    assert D(2013, 2, 12) not in h2013
    # 国务院令第270号 (1999–2007): 劳动节 5月1日至3日, no 清明/端午/中秋 holidays.
    h2007 = statutory_holidays(2007)
    assert {D(2007, 5, 1), D(2007, 5, 2), D(2007, 5, 3)} <= h2007.keys()
    assert set(h2007.values()) == {"元旦", "春节", "劳动节", "国庆节"}
    assert len(h2007) == 10 and len(h2013) == 11 and len(h2024) == 11
    assert len(statutory_holidays(2025)) == 13 and len(statutory_holidays(2087)) == 13


@pytest.mark.parametrize("year", range(2004, 2027))
def test_cross_check_statutory_days_are_days_off_in_the_package(year: int) -> None:
    # Every statutory day our law model computes must be off in the package's transcription
    # of the State Council notices (cross-check of the lunar and solar-term arithmetic).
    for day in statutory_holidays(year):
        assert not chinese_calendar.is_workday(day), (day, statutory_holidays(year)[day])


def test_statutory_days_of_2027() -> None:
    # Lunar dates from the Hong Kong Observatory conversion table for 2027: 正月初一 2月6日
    # (so 除夕 is 2月5日), 五月初五 6月9日, 八月十五 9月15日; 清明 solar term 4月5日.
    assert qingming(2027) == D(2027, 4, 5)
    assert statutory_holidays(2027) == {
        D(2027, 1, 1): "元旦",
        D(2027, 2, 5): "春节",
        D(2027, 2, 6): "春节",
        D(2027, 2, 7): "春节",
        D(2027, 2, 8): "春节",
        D(2027, 4, 5): "清明节",
        D(2027, 5, 1): "劳动节",
        D(2027, 5, 2): "劳动节",
        D(2027, 6, 9): "端午节",
        D(2027, 9, 15): "中秋节",
        D(2027, 10, 1): "国庆节",
        D(2027, 10, 2): "国庆节",
        D(2027, 10, 3): "国庆节",
    }


# -- years without a published arrangement ------------------------------------------------


def without_2027() -> HolidayCalendar:
    # 2026 known from its notice; 2027 known to no source (as before its notice is out).
    return HolidayCalendar([schedule_from_notice(2026)], use_library=False)


def test_new_year_2027_is_not_a_working_day_and_the_deadline_is_provisional() -> None:
    calendar = without_2027()
    assert not calendar.is_workday(D(2027, 1, 1))  # Friday, 元旦 by law
    result = calendar.deadline(D(2026, 12, 31), 1)
    assert result.date != D(2027, 1, 1)
    assert result == Deadline(D(2027, 1, 4), provisional=True)  # Monday after the weekend


def test_spring_festival_eve_2027_is_not_a_working_day() -> None:
    calendar = without_2027()
    eve = CHINESE_NEW_YEAR[2027] - dt.timedelta(days=1)
    assert eve == D(2027, 2, 5)  # a Friday
    assert not calendar.is_workday(eve)
    assert not calendar.is_workday(D(2027, 2, 8))  # 正月初三, a Monday
    assert calendar.deadline(D(2027, 2, 4), 1) == Deadline(D(2027, 2, 9), provisional=True)


def test_a_deadline_inside_a_known_year_is_definite() -> None:
    calendar = without_2027()
    assert calendar.deadline(D(2026, 3, 2), 5) == Deadline(D(2026, 3, 9), provisional=False)
    assert calendar.deadline(D(2026, 3, 2), 0) == Deadline(D(2026, 3, 2), provisional=False)


def test_the_last_days_of_december_wait_for_the_next_notice() -> None:
    # The 2008 notice moved days of December 2007 (Saturday 2007-12-29 was worked), so late
    # December is settled only once the next year's arrangement is known.
    calendar = without_2027()
    assert calendar.deadline(D(2026, 12, 28), 1) == Deadline(D(2026, 12, 29), provisional=True)
    assert not calendar.deadline(D(2026, 12, 10), 1).provisional


def test_a_loaded_arrangement_settles_the_year() -> None:
    # A made-up arrangement for 2027 (not the real notice): 元旦 off 1月1日至3日, Saturday
    # 1月9日 worked.
    made_up = HolidaySchedule(
        2027,
        "test arrangement",
        (HolidayPeriod("元旦", D(2027, 1, 1), D(2027, 1, 3), (D(2027, 1, 9),)),),
        "test",
    )
    calendar = HolidayCalendar([schedule_from_notice(2026), made_up], use_library=False)
    assert calendar.deadline(D(2026, 12, 31), 1) == Deadline(D(2027, 1, 4), provisional=False)
    assert calendar.is_workday(D(2027, 1, 9))
    assert calendar.arrangement_source(2027) == "test"
    assert calendar.arrangement_source(2031) is None


def test_dates_outside_the_calendar_are_refused_with_the_range() -> None:
    calendar = HolidayCalendar()
    with pytest.raises(ValueError, match=r"1999-12-31 is outside the supported calendar range"):
        calendar.deadline(D(1999, 12, 31), 1)
    with pytest.raises(ValueError, match="negative"):
        calendar.deadline(D(2026, 1, 5), -1)
    with pytest.raises(ValueError, match="beyond the calendar"):
        calendar.deadline(D(9999, 12, 20), 20)


# -- properties ----------------------------------------------------------------------------

CALENDAR = HolidayCalendar()
starts = st.dates(min_value=D(2000, 1, 1), max_value=D(2120, 12, 31))
limits = st.integers(min_value=0, max_value=60)


@settings(max_examples=150, deadline=None)
@given(starts, st.integers(min_value=1, max_value=60))
def test_a_deadline_is_a_working_day(start: dt.date, n: int) -> None:
    assert CALENDAR.is_workday(CALENDAR.add_workdays(start, n))


@settings(max_examples=150, deadline=None)
@given(starts, limits)
def test_deadlines_grow_with_the_time_limit(start: dt.date, n: int) -> None:
    assert CALENDAR.add_workdays(start, n) < CALENDAR.add_workdays(start, n + 1)


@settings(max_examples=150, deadline=None)
@given(starts, limits)
def test_counting_the_days_back_gives_the_time_limit(start: dt.date, n: int) -> None:
    assert CALENDAR.workdays_between(start, CALENDAR.add_workdays(start, n)) == n


@settings(max_examples=100, deadline=None)
@given(starts, limits)
def test_provisional_exactly_when_an_unsettled_day_was_walked(start: dt.date, n: int) -> None:
    result = CALENDAR.deadline(start, n)
    walked = days(start + dt.timedelta(days=1), result.date) if n else []
    assert result.provisional == any(not CALENDAR.is_settled(d) for d in walked)
