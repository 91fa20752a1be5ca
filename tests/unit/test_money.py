"""Money: bad input is a ValidationError (never a raw decimal error), and receipts add up.

The expected half-up figures are worked out by hand from the rule "round half away from
zero at the second decimal" (the rounding social-insurance receipts use), not by calling
the code under test.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counter_app.domain.errors import ValidationError
from counter_app.domain.money import MAX_AMOUNT, format_yuan, money, sum_rounded


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0.005", "0.01"),  # exactly half a fen goes up
        ("0.0049", "0.00"),
        ("2.675", "2.68"),  # 2.675 as a float is 2.67499..., as a Decimal it is exact
        ("1234.5", "1234.50"),
        (" 12.30 ", "12.30"),
        (7, "7.00"),
        (Decimal("999999999999.985"), "999999999999.99"),
    ],
)
def test_money_rounds_half_up(raw: Decimal | int | str, expected: str) -> None:
    assert money(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", ["1e30", "1E+13", "1000000000000", "-1e30", "9" * 40])
def test_huge_amounts_are_a_validation_error(raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        money(raw, allow_negative=True)
    assert caught.value.code == "too_large"
    assert caught.value.params["limit"] == str(MAX_AMOUNT)


@pytest.mark.parametrize("raw", ["", "abc", "NaN", "sNaN", "Infinity", "-inf", "1,000", "¥5"])
def test_garbage_is_a_format_error(raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        money(raw)
    assert caught.value.code == "format"


@pytest.mark.parametrize("raw", [True, False, 0.5, None, [1]])
def test_bools_floats_and_other_types_are_programming_errors(raw: object) -> None:
    with pytest.raises(TypeError):
        money(raw)  # type: ignore[arg-type]


def test_negative_amounts_need_an_explicit_permission() -> None:
    with pytest.raises(ValidationError) as caught:
        money("-12.00", field="fee")
    assert (caught.value.field, caught.value.code) == ("fee", "negative")
    assert money("-12.005", allow_negative=True) == Decimal("-12.01")  # half away from zero


def test_negative_zero_becomes_plain_zero() -> None:
    assert str(money("-0", allow_negative=True)) == "0.00"
    assert str(money("-0.001", allow_negative=True)) == "0.00"


def test_sum_rounded_adds_the_printed_lines() -> None:
    # Two lines of half a fen each print as 0.01 and must add up to the printed 0.02,
    # although the exact sum 0.010 would round to 0.01.
    assert sum_rounded([Decimal("0.005"), Decimal("0.005")]) == Decimal("0.02")
    assert sum_rounded(["0.004", "0.004", "0.004"]) == Decimal("0.00")
    assert sum_rounded([]) == Decimal("0.00")
    with pytest.raises(ValidationError):
        sum_rounded(["1", "-2"])
    assert sum_rounded(["1", "-2"], allow_negative=True) == Decimal("-1.00")
    with pytest.raises(ValidationError) as caught:
        sum_rounded([MAX_AMOUNT, "0.01"])
    assert caught.value.code == "too_large"


@given(st.lists(st.decimals(min_value=0, max_value=10**6, places=3), max_size=20))
def test_sum_rounded_equals_sum_of_the_money_lines(lines: list[Decimal]) -> None:
    # The receipt invariant: the total equals the sum of what the lines print.
    assert sum_rounded(lines) == sum((money(x) for x in lines), Decimal(0))


@given(st.text(max_size=30))
def test_random_text_is_a_number_or_a_validation_error(raw: str) -> None:
    try:
        amount = money(raw, allow_negative=True)
    except ValidationError:
        return
    assert amount == amount.quantize(Decimal("0.01"))


def test_format_yuan() -> None:
    assert format_yuan(Decimal("1234.5")) == "¥1,234.50"
    assert format_yuan(Decimal("-12")) == "¥-12.00"
