"""Money as Decimal with half-up rounding; working days on the Chinese statutory calendar."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.errors import ValidationError
from counter_app.domain.money import format_yuan, money
from counter_app.domain.workdays import add_workdays, is_workday, workdays_between


def test_money_rounds_half_up_to_cents() -> None:
    assert money("2.345") == Decimal("2.35")
    assert money("2.344") == Decimal("2.34")
    assert money(3) == Decimal("3.00")
    assert format_yuan(Decimal("1234.5")) == "¥1,234.50"


def test_money_refuses_floats_and_garbage() -> None:
    with pytest.raises(TypeError):
        money(0.1)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        money("abc")
    with pytest.raises(ValidationError):
        money("NaN")


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False))
def test_money_is_within_half_a_cent(value: Decimal) -> None:
    assert abs(money(value) - value) <= Decimal("0.005")


def test_national_day_week_and_adjusted_working_saturday() -> None:
    # 2025: 1-8 October were holidays, Saturday 11 October was a working day.
    assert not is_workday(dt.date(2025, 10, 1))
    assert is_workday(dt.date(2025, 10, 11))
    assert add_workdays(dt.date(2025, 9, 30), 1) == dt.date(2025, 10, 9)


def test_spring_festival_2026_is_not_counted() -> None:
    # 2026 Spring Festival holiday: 15-23 February; Saturdays 14 and 28 February are worked.
    assert not is_workday(dt.date(2026, 2, 17))
    assert is_workday(dt.date(2026, 2, 14))
    assert is_workday(dt.date(2026, 2, 28))
    assert workdays_between(dt.date(2026, 2, 13), dt.date(2026, 2, 24)) == 2
    assert add_workdays(dt.date(2026, 2, 14), 1) == dt.date(2026, 2, 24)


def test_unknown_years_fall_back_to_weekdays() -> None:
    assert is_workday(dt.date(2099, 6, 1))  # a Monday
    assert not is_workday(dt.date(2099, 6, 6))  # a Saturday
