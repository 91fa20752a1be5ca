"""承诺办结: an item's time limit becomes the case's promised date and the receipt prints it."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.cases import (
    ITEM_INDIVIDUAL_ENROLLMENT,
    TIME_LIMITS,
    promised_deadline,
    time_limit,
)
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
    limit = time_limit(ITEM_INDIVIDUAL_ENROLLMENT)
    assert (limit.promised, limit.legal) == (1, 5)
    assert all(t.promised <= t.legal for t in TIME_LIMITS.values())


def test_an_item_without_a_time_limit_is_named() -> None:
    with pytest.raises(LookupError, match="'NO-SUCH-ITEM'"):
        time_limit("NO-SUCH-ITEM")


def test_the_promise_is_counted_over_national_day() -> None:
    calendar = HolidayCalendar([NATIONAL_DAY_2025], use_library=False)
    promised = promised_deadline(ITEM_INDIVIDUAL_ENROLLMENT, D(2025, 9, 30), calendar)
    assert promised == Deadline(D(2025, 10, 9), provisional=False)


def test_a_2027_promise_is_provisional_before_the_notice() -> None:
    calendar = HolidayCalendar(use_library=False)  # no arrangement for any year
    promised = promised_deadline(ITEM_INDIVIDUAL_ENROLLMENT, D(2026, 12, 31), calendar)
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
