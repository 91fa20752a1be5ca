"""What the four money items (base declaration, flexible payment, back-payment, account refund)
share: exact amounts in payloads, months as 'YYYY-MM', the contribution tables, the catalogue
item of a command, and writing contribution lines.

Amounts travel as ``Decimal`` in the payload dataclasses and as text in the command's JSON; a
binary float is refused when a payload is decoded, so a figure never passes through one. The
maths itself is the domain's (``counter_app.domain.contributions``); the items only choose
what to compute and record the result.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator

from counter_app.catalogue.load import shipped_catalogue
from counter_app.catalogue.schema import Catalogue, Item
from counter_app.domain.contribution_tables import (
    ContributionTables,
    shipped_contribution_tables,
)
from counter_app.domain.errors import Conflict, DomainError, ValidationError, ValidationErrors
from counter_app.domain.ids import IdNumber, Uscc
from counter_app.domain.money import money
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import MaterialsCheck, check_materials, require_complete
from counter_app.storage.contribution_models import ContributionRow, row_id
from counter_app.storage.shared_models import EmployerRow, PersonRow

T = TypeVar("T")
ZERO = Decimal("0.00")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def _exact(value: Any) -> Any:
    # A binary float has already lost the figure (0.1 is not one tenth); bool is an int.
    if isinstance(value, (float, bool)):
        raise ValueError("an amount is written as text or a Decimal, never as a float")
    return value


#: An amount in a payload: ``Decimal`` in the dataclass, text in the command's JSON.
Amount = Annotated[Decimal, BeforeValidator(_exact)]


def tables() -> ContributionTables:
    """The contribution tables every handler and preview computes with (the shipped files)."""
    return shipped_contribution_tables()


def region_choices() -> list[tuple[str, str, str]]:
    """(region code, Chinese name, English name) of every region the tables hold."""
    loaded = tables()
    return [
        (code, loaded.regions[code].name, loaded.regions[code].name_en)
        for code in sorted(loaded.regions)
    ]


def check_region(region: str) -> str:
    """``region`` if the tables hold it; ``ValidationError`` (field ``region``) otherwise."""
    if not region:
        raise ValidationError("region", "required", "choose the region of the contribution table")
    tables().region(region)  # raises unknown_region
    return region


def parse_month(text: str, field: str) -> dt.date:
    """'YYYY-MM' → the first day of that month; ``ValidationError`` (``format``) otherwise."""
    match = _MONTH.match(text.strip()) if isinstance(text, str) else None
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise ValidationError(
            field, "format", f"{text!r} is not a month written YYYY-MM", {"value": str(text)}
        )
    return dt.date(int(match.group(1)), int(match.group(2)), 1)


def month_text(month: dt.date) -> str:
    return f"{month:%Y-%m}"


def months_from_to(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every month from ``first`` to ``last``, both included (empty when ``last`` is before)."""
    months: list[dt.date] = []
    index, end = first.year * 12 + first.month - 1, last.year * 12 + last.month - 1
    while index <= end:
        year, month = divmod(index, 12)
        months.append(dt.date(year, month + 1, 1))
        index += 1
    return months


def parse_date(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except (AttributeError, ValueError):
        raise ValidationError(
            field, "format", f"{text!r} is not a date written YYYY-MM-DD", {"value": str(text)}
        ) from None


def amount(value: Decimal, field: str) -> Decimal:
    """A typed amount in yuan with two decimals (``money``'s checks, naming ``field``)."""
    return money(value, field=field)


def on_field(field: str, fn: Callable[[], T]) -> T:
    """Run ``fn``; a ``ValidationError`` it raises is re-raised naming the form's ``field``
    (the domain names its own parameter, e.g. ``month`` for the first month of a form)."""
    try:
        return fn()
    except ValidationError as exc:
        if exc.field == field:
            raise
        raise ValidationError(field, exc.code, exc.message, dict(exc.params)) from None


class Collector:
    """Collects field errors so a form can mark every bad field at once."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def attempt(self, fn: Callable[[], T]) -> T | None:
        try:
            return fn()
        except ValidationErrors as exc:
            self.errors.extend(exc.errors)
        except ValidationError as exc:
            self.errors.append(exc)
        return None

    def add(self, error: ValidationError) -> None:
        self.errors.append(error)

    def raise_if_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ValidationErrors(list(self.errors))


def person_id(raw: str, field: str, today: dt.date) -> str:
    return IdNumber.parse(raw, field=field, today=today).value


def credit_code(raw: str, field: str = "credit_code") -> str:
    return Uscc.parse(raw, field=field).value


def require_person(ctx: ApplyContext, id_number: str) -> PersonRow | None:
    """The registry's person; at the centre an unknown one is a conflict (a cache need not
    hold everyone, so only the centre may say so)."""
    person = ctx.get(PersonRow, id_number)
    if person is None and ctx.side == "central":
        raise Conflict("unknown_person", "the registry holds no person with this ID number")
    return person


def require_employer(ctx: ApplyContext, code: str) -> EmployerRow | None:
    employer = ctx.get(EmployerRow, code)
    if employer is None and ctx.side == "central":
        raise Conflict("unknown_employer", f"no insured employer has the credit code {code}")
    return employer


def catalogue_item(
    ctx: ApplyContext, version: str, code: str, received: Iterable[str]
) -> tuple[Catalogue, Item, MaterialsCheck]:
    """The catalogue the command names (the shipped one for a command naming none), its item
    ``code`` and the materials ticked, every mandatory one required."""
    catalogue = ctx.catalogue(version) if version else shipped_catalogue()
    item = catalogue.item(code)
    materials = check_materials([item], received)
    require_complete(materials)
    return catalogue, item, materials


def put_line(
    ctx: ApplyContext,
    *,
    id_number: str | None,
    credit_code: str | None,
    month: dt.date,
    insurance_type: str,
    region: str,
    base: Decimal,
    employer: Decimal,
    individual: Decimal,
    status: str,
    origin_case: str,
    personal_account: Decimal = ZERO,
    late_fee: Decimal = ZERO,
) -> None:
    """Write (or replace) the contribution line of ``month`` and ``insurance_type``."""
    month_key = month_text(month)
    ctx.put(
        ContributionRow(
            id=row_id(id_number, credit_code, month_key, insurance_type),
            id_number=id_number or None,
            credit_code=credit_code or None,
            month=month_key,
            insurance_type=insurance_type,
            region=region,
            base=base,
            employer=employer,
            individual=individual,
            personal_account=personal_account,
            late_fee=late_fee,
            status=status,
            origin_case=origin_case,
        )
    )


def yuan(value: Decimal) -> str:
    """An amount as the case details keep it: text with two decimals (``"4986.00"``)."""
    return f"{money(value, allow_negative=True):.2f}"


def decimal_of(details: Mapping[str, Any], key: str) -> Decimal:
    """An amount read back from case details (written by ``yuan``)."""
    return Decimal(str(details[key]))


def business_errors(exc: DomainError) -> list[ValidationError]:
    if isinstance(exc, ValidationErrors):
        return list(exc.errors)
    if isinstance(exc, ValidationError):
        return [exc]
    return []
