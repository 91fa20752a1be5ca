"""Holiday arrangement files: a good file loads, a broken one names the file and the entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counter_app.domain.holiday_files import (
    HolidayFileError,
    check_holiday_file,
    install_holiday_file,
    load_holiday_dirs,
    load_holiday_file,
    shipped_holiday_dir,
)
from counter_app.domain.workdays import HolidayCalendar, load_default_calendar

# A made-up arrangement for 2027 in the file format (not the real notice, which the tests do
# not presume): it contains every statutory day of 2027 by law — 元旦 1月1日, 春节 2月5日至8日
# (除夕 to 正月初三; 正月初一 is 2027-02-06), 清明 4月5日, 劳动节 5月1日至2日, 端午 6月9日,
# 中秋 9月15日, 国庆 10月1日至3日.
GOOD_2027 = """\
year = 2027
notice = "test arrangement for 2027"

[[periods]]
name = "元旦"
first_day_off = 2027-01-01
last_day_off = 2027-01-03

[[periods]]
name = "春节"
first_day_off = 2027-02-05
last_day_off = 2027-02-11
weekend_workdays = [2027-02-20]

[[periods]]
name = "清明节"
first_day_off = 2027-04-03
last_day_off = 2027-04-05

[[periods]]
name = "劳动节"
first_day_off = 2027-05-01
last_day_off = 2027-05-03

[[periods]]
name = "端午节"
first_day_off = 2027-06-09
last_day_off = 2027-06-09

[[periods]]
name = "中秋节"
first_day_off = 2027-09-15
last_day_off = 2027-09-15

[[periods]]
name = "国庆节"
first_day_off = 2027-10-01
last_day_off = 2027-10-07
weekend_workdays = ["2027-10-09"]
"""


def write(tmp_path: Path, text: str, name: str = "2027.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads_and_settles_its_year(tmp_path: Path) -> None:
    schedule = load_holiday_file(write(tmp_path, GOOD_2027))
    assert schedule.year == 2027 and len(schedule.periods) == 7
    assert schedule.periods[1].weekend_workdays == (dt.date(2027, 2, 20),)
    calendar = HolidayCalendar([schedule], use_library=False)
    assert not calendar.is_workday(dt.date(2027, 2, 10))  # a Wednesday given off
    assert calendar.is_workday(dt.date(2027, 2, 20))  # a Saturday worked
    assert calendar.is_workday(dt.date(2027, 10, 9))
    result = calendar.deadline(dt.date(2027, 2, 4), 1)
    assert result.date == dt.date(2027, 2, 12) and not result.provisional


def test_check_reports_the_periods_and_the_missing_package_year(tmp_path: Path) -> None:
    check = check_holiday_file(write(tmp_path, GOOD_2027))
    assert check.notes[1] == (
        "春节: off 2027-02-05 to 2027-02-11 (7 days); weekends worked: 2027-02-20"
    )


def test_the_shipped_files_agree_with_the_package() -> None:
    files = sorted(shipped_holiday_dir().glob("*.toml"))
    assert files, "resources/holidays ships at least one file"
    for path in files:
        assert not [n for n in check_holiday_file(path).notes if n.startswith("differs")], path


def test_a_disagreement_with_the_package_is_noted(tmp_path: Path) -> None:
    text = (shipped_holiday_dir() / "2026.toml").read_text(encoding="utf-8")
    # Drop Saturday 2026-10-10 from the worked weekends of 国庆节.
    changed = text.replace(
        "weekend_workdays = [2026-09-20, 2026-10-10]", "weekend_workdays = [2026-09-20]"
    )
    assert changed != text
    notes = check_holiday_file(write(tmp_path, changed, "2026.toml")).notes
    assert notes[-1] == (
        "differs from the chinesecalendar package on 2026-10-10: this file makes it a day off"
    )


BROKEN = [
    (
        GOOD_2027.replace("last_day_off = 2027-02-11", 'last_day_off = "2027-02-31"'),
        "[[periods]] #2 (春节), last_day_off: Value error, '2027-02-31' is not a date",
    ),
    (
        GOOD_2027.replace("last_day_off = 2027-02-11", "last_day_off = 2027-02-31"),
        "is not valid TOML: Invalid date or datetime (at line 12, column 16)",
    ),
    (
        GOOD_2027.replace('name = "端午节"', 'name = "端午节"\nfirst_day = 2027-06-09'),
        "[[periods]] #5 (端午节), first_day: Extra inputs are not permitted",
    ),
    (
        GOOD_2027.replace("first_day_off = 2027-06-09", "first_day_off = 2027-06-10"),
        "[[periods]] #5 (端午节): last_day_off 2027-06-09 is before first_day_off 2027-06-10",
    ),
    (
        GOOD_2027.replace("weekend_workdays = [2027-02-20]", "weekend_workdays = [2027-02-22]"),
        "[[periods]] #2 (春节), weekend_workdays: 2027-02-22 is a Monday, already a working day",
    ),
    (
        GOOD_2027.replace("weekend_workdays = [2027-02-20]", "weekend_workdays = [2027-02-06]"),
        "[[periods]] #2 (春节), weekend_workdays: 2027-02-06 is also a day off in "
        "[[periods]] #2 (春节)",
    ),
    (
        GOOD_2027.replace("first_day_off = 2027-09-15", "first_day_off = 2027-09-16").replace(
            "last_day_off = 2027-09-15", "last_day_off = 2027-09-16"
        ),
        "2027-09-15 (中秋节) is a statutory holiday by law but no period gives it off",
    ),
    (
        GOOD_2027.replace("last_day_off = 2027-10-07", "last_day_off = 2027-11-07"),
        "[[periods]] #7 (国庆节): 38 days off from 2027-10-01 to 2027-11-07",
    ),
    (
        GOOD_2027
        + '[[periods]]\nname = "调休"\nfirst_day_off = 2027-10-07\nlast_day_off = 2027-10-08\n',
        "[[periods]] #8 (调休): 2027-10-07 is already a day off in [[periods]] #7 (国庆节)",
    ),
    (
        GOOD_2027.replace("first_day_off = 2027-01-01", "first_day_off = 2028-01-01"),
        "[[periods]] #1 (元旦), first_day_off: 2028-01-01 is not in 2027",
    ),
    (GOOD_2027.replace("year = 2027", 'year = "2027"'), "year: Input should be a valid integer"),
    (
        GOOD_2027.replace('[[periods]]\nname = "元旦"', '[[periods]\nname = "元旦"'),
        "is not valid TOML: Expected ']]' at the end of an array declaration",
    ),
]


@pytest.mark.parametrize(("text", "message"), BROKEN)
def test_a_broken_file_names_the_file_and_the_entry(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(HolidayFileError) as caught:
        load_holiday_file(path)
    assert any(p.startswith(message) for p in caught.value.problems), caught.value.problems
    assert str(caught.value).startswith(f"{path}: ")


def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(HolidayFileError, match="cannot be read"):
        load_holiday_file(tmp_path / "missing.toml")
    path = tmp_path / "latin1.toml"
    path.write_bytes("notice = 'é'".encode("latin-1"))
    with pytest.raises(HolidayFileError, match="is not UTF-8"):
        load_holiday_file(path)


def test_a_broken_file_is_refused_without_stopping_the_others(tmp_path: Path) -> None:
    write(tmp_path, GOOD_2027)
    write(tmp_path, "year = 2028\n", "2028.toml")
    loaded = load_holiday_dirs([tmp_path])
    assert [s.year for s in loaded.schedules] == [2027]
    assert loaded.problems and loaded.problems[0].startswith(f"{tmp_path / '2028.toml'}: ")
    calendar = load_default_calendar([tmp_path])
    assert calendar.has_arrangement(2027) and not calendar.has_arrangement(2028)
    assert calendar.problems == loaded.problems


def test_two_disagreeing_files_for_one_year_are_both_refused(tmp_path: Path) -> None:
    write(tmp_path, GOOD_2027, "a.toml")
    write(tmp_path, GOOD_2027.replace("[2027-02-20]", "[]"), "b.toml")
    loaded = load_holiday_dirs([tmp_path])
    assert loaded.schedules == []
    assert "disagrees with" in loaded.problems[0]


def test_install_checks_and_refuses_a_different_arrangement(tmp_path: Path) -> None:
    source = write(tmp_path, GOOD_2027, "incoming.toml")
    target_dir = tmp_path / "holidays"
    assert install_holiday_file(source, target_dir) == target_dir / "2027.toml"
    other = write(tmp_path, GOOD_2027.replace("[2027-02-20]", "[]"), "other.toml")
    with pytest.raises(HolidayFileError, match="already holds a different arrangement"):
        install_holiday_file(other, target_dir)
    broken = write(tmp_path, "year = 2027\n", "broken.toml")
    with pytest.raises(HolidayFileError):
        install_holiday_file(broken, target_dir)
