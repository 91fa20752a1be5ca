"""Money in yuan as ``decimal.Decimal`` with two places; never a float.

Rounding is ROUND_HALF_UP at the points the rules define (each contribution line, each late
fee), which is what the social-insurance agencies' receipts show. A receipt's total is the sum
of its rounded lines (``sum_rounded``), so the printed figures always add up.

Amounts are non-negative unless the caller says a refund or correction is meant
(``allow_negative=True``), and bounded by ``MAX_AMOUNT`` so that a typing slip (``1e30``)
is refused with a message instead of overflowing the decimal context.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from counter_app.domain.errors import ValidationError

CENT = Decimal("0.01")

#: The largest amount (in yuan) accepted anywhere: just under one trillion yuan. A hall's
#: largest real figure (an employer's annual arrears) is many orders of magnitude smaller;
#: the bound keeps every amount within 14 significant digits (NUMERIC(14, 2)).
MAX_AMOUNT = Decimal("999999999999.99")

MoneyInput = Decimal | int | str


def money(value: MoneyInput, *, field: str = "amount", allow_negative: bool = False) -> Decimal:
    """Return ``value`` as yuan with two decimals (ROUND_HALF_UP).

    Floats and bools are programming errors (``TypeError``); text that is not a finite
    number, a negative amount (unless ``allow_negative``) and an amount beyond
    ``MAX_AMOUNT`` raise ``ValidationError`` with codes ``format``, ``negative`` and
    ``too_large``.
    """
    if isinstance(value, bool) or not isinstance(value, (Decimal, int, str)):
        raise TypeError(
            f"money must be built from a str, int or Decimal, not {type(value).__name__}"
        )
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)
    except (InvalidOperation, ValueError):
        raise ValidationError(
            field, "format", f"{value!r} is not an amount of money", {"value": str(value)}
        ) from None
    if not amount.is_finite():
        raise ValidationError(
            field, "format", f"{value!r} is not an amount of money", {"value": str(value)}
        )
    if amount < 0 and not allow_negative:
        raise ValidationError(
            field, "negative", f"the amount {value} must not be negative", {"value": str(value)}
        )
    # Checked before rounding: quantize() overflows the decimal context (28 digits) on an
    # amount like 1e30. MAX_AMOUNT has two decimals, so nothing within it rounds beyond it.
    if abs(amount) > MAX_AMOUNT:
        raise ValidationError(
            field,
            "too_large",
            f"the amount {value} exceeds the limit of {MAX_AMOUNT}",
            {"value": str(value), "limit": str(MAX_AMOUNT)},
        )
    rounded = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    # Adding zero turns a negative zero (from "-0" or "-0.001") into plain 0.00.
    return rounded + Decimal("0.00")


def sum_rounded(
    lines: Iterable[MoneyInput], *, field: str = "amount", allow_negative: bool = False
) -> Decimal:
    """Round each line to the fen (ROUND_HALF_UP), then add the rounded lines.

    This is how a receipt must add up: ``0.005`` and ``0.005`` print as ``¥0.01`` each and
    the total is ``¥0.02`` (rounding the exact sum ``0.010`` would give ``¥0.01``). The total
    is checked against ``MAX_AMOUNT`` as well.
    """
    total = sum(
        (money(line, field=field, allow_negative=allow_negative) for line in lines),
        Decimal("0.00"),
    )
    return money(total, field=field, allow_negative=allow_negative)


def format_yuan(amount: Decimal) -> str:
    """``Decimal('1234.5')`` → ``'¥1,234.50'``; a refund prints as ``'¥-12.00'``."""
    return f"¥{money(amount, allow_negative=True):,.2f}"
