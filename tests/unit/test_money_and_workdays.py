"""Money as Decimal with half-up rounding (working days: ``test_workdays.py``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.errors import ValidationError
from counter_app.domain.money import format_yuan, money


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
    assert abs(money(value, allow_negative=True) - value) <= Decimal("0.005")
