"""承诺办结: an item's time limit becomes the case's promised date and the receipt prints it."""

from __future__ import annotations

import datetime as dt

from counter_app.catalogue.load import shipped_catalogue
from counter_app.domain.cases import ITEM_INDIVIDUAL_ENROLLMENT, promised_deadline
from counter_app.domain.holiday_files import HolidayPeriod, HolidaySchedule
from counter_app.domain.workdays import Deadline, HolidayCalendar
from counter_app.printing import documents
from counter_app.printing.layout import KeyValue

D = dt.date

# 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）: 国庆节、中秋节 10月1日至
# 8日放假调休，9月28日（周日）、10月11日（周六）上班.
NATIONAL_DAY_2025 = HolidaySchedule(
    2025,
    "国办发明电〔2024〕12号 (国庆节 only)",
    (
        HolidayPeriod(
            "国庆节、中秋节", D(2025, 10, 1), D(2025, 10, 8), (D(2025, 9, 28), D(2025, 10, 11))
        ),
    ),
    "test",
)


def test_individual_enrollment_promises_one_working_day() -> None:
    # Bozhou service guide for 缴费人员增减申报 (basic code 002014003001): legal 5 working
    # days, promised 1 working day.
    limit = shipped_catalogue().item(ITEM_INDIVIDUAL_ENROLLMENT).time_limit
    assert (limit.promised, limit.legal) == (1, 5)
    assert all(i.time_limit.promised <= i.time_limit.legal for i in shipped_catalogue().items)


def test_an_item_on_the_spot_is_promised_the_day_itself() -> None:
    calendar = HolidayCalendar([NATIONAL_DAY_2025], use_library=False)
    assert promised_deadline(0, D(2025, 10, 1), calendar) == Deadline(D(2025, 10, 1), False)


def test_the_promise_is_counted_over_national_day() -> None:
    calendar = HolidayCalendar([NATIONAL_DAY_2025], use_library=False)
    promised = promised_deadline(1, D(2025, 9, 30), calendar)
    assert promised == Deadline(D(2025, 10, 9), provisional=False)


def test_a_2027_promise_is_provisional_before_the_notice() -> None:
    calendar = HolidayCalendar(use_library=False)  # no arrangement for any year
    promised = promised_deadline(1, D(2026, 12, 31), calendar)
    assert promised == Deadline(D(2027, 1, 4), provisional=True)


def receipt_promise(promised: Deadline | dt.date | None) -> str | None:
    office = documents.Office("示范大厅", 3, "王芳")
    doc = documents.acceptance_receipt(
        office,
        "HALL01-20261231-00001",
        "个人参保登记",
        "张三",
        "1101**********0022",
        ["居民身份证（原件）"],
        promised,
        dt.datetime(2026, 12, 31, 10, 0),
    )
    values = [b.value for b in doc.blocks if isinstance(b, KeyValue) and b.key == "承诺办结："]
    assert len(values) <= 1
    return values[0] if values else None


def test_the_receipt_prints_the_promised_date() -> None:
    assert receipt_promise(Deadline(D(2025, 10, 9))) == "2025年10月09日前"
    assert receipt_promise(D(2025, 10, 9)) == "2025年10月09日前"
    assert receipt_promise(None) is None


def test_the_receipt_marks_a_provisional_date() -> None:
    assert receipt_promise(Deadline(D(2027, 1, 4), provisional=True)) == (
        "2027年01月04日前（暂按法定节假日推算，以国务院公布的放假安排为准）"
    )


# 国务院办公厅关于2026年部分节假日安排的通知: 春节 2月15日（农历腊月廿八）至23日（农历正月
# 初七）放假调休，共9天；2月14日（周六）、2月28日（周六）上班。
SPRING_FESTIVAL_2026 = HolidaySchedule(
    2026,
    "2026 notice (春节 only)",
    (HolidayPeriod("春节", D(2026, 2, 15), D(2026, 2, 23), (D(2026, 2, 14), D(2026, 2, 28))),),
    "test",
)


def test_a_catalogue_time_limit_is_counted_across_spring_festival() -> None:
    # 机关事业单位社会保险登记: 15 working days (Lingbao guide, catalogue.md row 1).
    item = shipped_catalogue().item("REG-PUBLIC")
    assert item.time_limit.promised == 15
    calendar = HolidayCalendar([SPRING_FESTIVAL_2026], use_library=False)
    # Accepted Friday 2026-02-13. Working days after it, by the notice: 2/14 (Saturday worked)
    # = 1; 2/15–2/23 off; 2/24, 2/25, 2/26, 2/27 = 2–5; 2/28 (Saturday worked) = 6; 3/2–3/6 =
    # 7–11; 3/9, 3/10, 3/11, 3/12 = 12–15.
    promised = promised_deadline(item.time_limit.promised, D(2026, 2, 13), calendar)
    assert promised == Deadline(D(2026, 3, 12), provisional=False)
