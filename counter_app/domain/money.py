"""Money in yuan as ``decimal.Decimal`` with two places; never a float.

Rounding is ROUND_HALF_UP at the points the rules define (each contribution line, each late
fee), which is what the social-insurance agencies' receipts show.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from counter_app.domain.errors import ValidationError

CENT = Decimal("0.01")


def money(value: Decimal | int | str, *, field: str = "amount") -> Decimal:
    """Return ``value`` as yuan with two decimals, refusing floats and non-numbers."""
    if isinstance(value, float):
        raise TypeError("money must not be built from a float; pass a str or Decimal")
    try:
        amount = Decimal(value)
    except (InvalidOperation, ValueError):
        raise ValidationError(field, "format", f"{value!r} is not an amount of money") from None
    if not amount.is_finite():
        raise ValidationError(field, "format", f"{value!r} is not an amount of money")
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def format_yuan(amount: Decimal) -> str:
    """``Decimal('1234.5')`` → ``'¥1,234.50'``."""
    return f"¥{money(amount):,.2f}"
