"""Back-payment with late fee (社会保险费补缴申报): an employer pays months it owes, late.

The employer lists the months in arrears of each staff member with the wage of that month;
each month is computed at that month's table (the base clamped to its limits, employer and
individual shares of the chosen types), falls due by the due rule (month M by its last day,
an assumption: local due dates were not found) and carries the late fee of Social Insurance
Law art. 86 — 0.05 % a day from the day after the due date to the payment date, both
included, rounded per month — all by ``counter_app.domain.contributions.back_payment``.

The payment date defaults to the centre's business day at the window and may never be in
the future: at the centre it is compared with the centre's own day. The case goes to a
reviewer (L2); the months are recorded as ``arrears`` lines with their late fee (the month's
fee on its first line, so the lines add up to the receipt), and the receipt prints the
principal, the fee of every month and the total.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any

from counter_app.domain.commands import Command
from counter_app.domain.contribution_tables import ContributionTables, Status, weakest
from counter_app.domain.contributions import (
    DEFAULT_DUE_RULE,
    BackPayment,
    back_payment,
    insurance_types_of,
)
from counter_app.domain.errors import ValidationError
from counter_app.domain.insurance import InsuranceType
from counter_app.domain.roles import Permission
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import open_case
from counter_app.items.contribution_common import (
    ZERO,
    Amount,
    Collector,
    amount,
    catalogue_item,
    check_region,
    credit_code,
    month_text,
    parse_date,
    parse_month,
    person_id,
    put_line,
    require_employer,
    tables,
    yuan,
)
from counter_app.items.spec import UNKNOWN_EMPLOYER, Changes, ItemSpec, Text
from counter_app.printing.intake_documents import KeyFigure

KIND = "contribution.back_payment"
ITEM_CODE = "CONTRIB-BACKPAY"
REASONS = ("arrears", "missed_enrolment", "base_shortfall", "ruling")
#: Pension, medical and unemployment: the types of the worked example (contributions.md E4).
DEFAULT_TYPES = ("pension", "medical", "unemployment")
#: The most lines one declaration may hold (a guard against a runaway paste).
MAX_LINES = 600


@dataclass(frozen=True)
class ArrearsMonth:
    """One month in arrears of one staff member, with that month's wage."""

    id_number: str
    month: str  # 'YYYY-MM'
    wage: Amount


@dataclass(frozen=True)
class BackPaymentPayload:
    """What a ``contribution.back_payment`` command carries."""

    credit_code: str
    region: str
    paid_on: str  # 'YYYY-MM-DD', never after the centre's day
    lines: tuple[ArrearsMonth, ...]
    insurance_types: tuple[str, ...] = DEFAULT_TYPES
    work_injury_class: int = 1
    reason: str = "arrears"
    employer_name: str = ""
    catalogue_version: str = ""
    materials: tuple[str, ...] = ()
    ticket: str = ""
    window_number: int = 0


@dataclass(frozen=True)
class PersonArrears:
    id_number: str
    payment: BackPayment


@dataclass(frozen=True)
class BackPaymentPlan:
    """The arrears worked out per staff member, and the totals due on the payment date."""

    credit_code: str
    region: str
    paid_on: dt.date
    persons: tuple[PersonArrears, ...]
    status: Status

    @property
    def principal(self) -> Decimal:
        return sum((p.payment.principal_total for p in self.persons), ZERO)

    @property
    def fees(self) -> Decimal:
        return sum((p.payment.fee_total for p in self.persons), ZERO)

    @property
    def total(self) -> Decimal:
        return self.principal + self.fees


def compute_back_payment(payload: BackPaymentPayload, today: dt.date) -> BackPaymentPlan:
    """Check the back-payment and work out every month's principal and late fee; every bad
    field is reported at once (a line's fields are ``lines.<index>.id_number``, ``.month``
    and ``.wage``). ``today`` is the latest payment date allowed (the centre's day)."""
    errors = Collector()
    code = errors.attempt(lambda: credit_code(payload.credit_code))
    region = errors.attempt(lambda: check_region(payload.region))
    paid_on = errors.attempt(lambda: parse_date(payload.paid_on, "paid_on"))
    kinds = errors.attempt(lambda: insurance_types_of(payload.insurance_types))
    if paid_on is not None and paid_on > today:
        errors.add(
            ValidationError(
                "paid_on",
                "future_date",
                f"the payment date {paid_on.isoformat()} is after today {today.isoformat()}",
                {"date": paid_on.isoformat(), "today": today.isoformat()},
            )
        )
    if payload.reason not in REASONS:
        errors.add(
            ValidationError("reason", "choice", f"no back-payment reason {payload.reason!r}")
        )
    if not payload.lines:
        errors.add(ValidationError("lines", "required", "list at least one month in arrears"))
    elif len(payload.lines) > MAX_LINES:
        errors.add(
            ValidationError(
                "lines",
                "too_many",
                f"one declaration holds at most {MAX_LINES} lines",
                {"limit": str(MAX_LINES)},
            )
        )
    by_person: dict[str, list[tuple[int, dt.date, Decimal]]] = {}
    seen: dict[tuple[str, dt.date], int] = {}
    for index, line in enumerate(payload.lines):
        id_number = errors.attempt(
            partial(person_id, line.id_number, f"lines.{index}.id_number", today)
        )
        month = errors.attempt(partial(parse_month, line.month, f"lines.{index}.month"))
        wage = errors.attempt(partial(amount, line.wage, f"lines.{index}.wage"))
        if id_number is None or month is None or wage is None:
            continue
        if (id_number, month) in seen:
            errors.add(
                ValidationError(
                    f"lines.{index}.month",
                    "duplicate_month",
                    f"line {index + 1} repeats the month {month_text(month)} of line "
                    f"{seen[(id_number, month)] + 1}",
                    {"month": month_text(month), "first": str(seen[(id_number, month)] + 1)},
                )
            )
            continue
        seen[(id_number, month)] = index
        if paid_on is not None and DEFAULT_DUE_RULE.due_date(month) >= paid_on:
            errors.add(
                ValidationError(
                    f"lines.{index}.month",
                    "not_overdue",
                    f"the month {month_text(month)} is not overdue on {paid_on.isoformat()}",
                    {"month": month_text(month), "date": paid_on.isoformat()},
                )
            )
            continue
        by_person.setdefault(id_number, []).append((index, month, wage))
    errors.raise_if_any()
    assert code is not None and region is not None and paid_on is not None
    assert kinds is not None
    loaded = tables()
    persons = tuple(
        PersonArrears(
            id_number,
            _person(loaded, region, lines, paid_on, kinds, payload.work_injury_class),
        )
        for id_number, lines in by_person.items()
    )
    status = weakest(p.payment.status for p in persons)
    return BackPaymentPlan(code, region, paid_on, persons, status)


def _person(
    loaded: ContributionTables,
    region: str,
    lines: list[tuple[int, dt.date, Decimal]],
    paid_on: dt.date,
    kinds: tuple[InsuranceType, ...],
    injury_class: int,
) -> BackPayment:
    try:
        return back_payment(
            loaded,
            region,
            [(month, wage) for _, month, wage in lines],
            paid_on,
            insurance_types=kinds,
            work_injury_class=injury_class,
        )
    except ValidationError as exc:
        # A month no table covers (or another month rule) names the line it comes from.
        month = exc.params.get("month")
        index = next((i for i, m, _ in lines if month_text(m) == month), None)
        if exc.field in ("month", "months") and index is not None:
            raise ValidationError(
                f"lines.{index}.month", exc.code, exc.message, dict(exc.params)
            ) from None
        raise


def apply_back_payment(ctx: ApplyContext, command: Command, payload: BackPaymentPayload) -> None:
    # At the centre ``ctx.now`` is the centre's clock: a date after its day is refused there.
    plan = compute_back_payment(payload, ctx.now.date())
    employer = require_employer(ctx, plan.credit_code)
    catalogue, item, materials = catalogue_item(
        ctx, payload.catalogue_version, ITEM_CODE, payload.materials
    )
    for person in plan.persons:
        for month in person.payment.months:
            fee = month.fee
            for line in month.contribution.lines:
                if line.included_in is not None:
                    continue
                pension = line.insurance_type is InsuranceType.PENSION
                put_line(
                    ctx,
                    id_number=person.id_number,
                    credit_code=plan.credit_code,
                    month=month.month,
                    insurance_type=line.insurance_type.value,
                    region=plan.region,
                    base=month.contribution.base.base,
                    employer=line.employer,
                    individual=line.individual,
                    personal_account=line.individual if pension else ZERO,
                    late_fee=fee,
                    status="arrears",
                    origin_case=command.uuid,
                )
                fee = ZERO  # the month's fee once, on its first line
    name = employer.name if employer is not None else payload.employer_name.strip()
    only = plan.persons[0].id_number if len(plan.persons) == 1 else None
    open_case(
        ctx,
        command,
        item=item,
        catalogue_version=catalogue.version,
        case_id=command.uuid,
        materials=materials,
        details={**back_payment_details(plan, payload.reason), "subject_name": name},
        summary=f"社会保险费补缴申报 {name} 应缴{yuan(plan.total)}元".strip(),
        id_number=only,
        credit_code=plan.credit_code,
        ticket=payload.ticket,
        window_number=payload.window_number,
    )


def back_payment_details(plan: BackPaymentPlan, reason: str) -> dict[str, Any]:
    """The figures the case keeps (amounts as text with two decimals)."""
    return {
        "calculation": "back_payment",
        "region": plan.region,
        "paid_on": plan.paid_on.isoformat(),
        "reason": reason,
        "status": plan.status,
        "due_rule": "month M due by its last day (assumed)",
        "persons": [
            {
                "id_number": person.id_number,
                "months": [
                    {
                        "month": month_text(m.month),
                        "base": yuan(m.contribution.base.base),
                        "principal": yuan(m.principal),
                        "due_date": m.due_date.isoformat(),
                        "days": m.days,
                        "fee": yuan(m.fee),
                    }
                    for m in person.payment.months
                ],
                "principal": yuan(person.payment.principal_total),
                "fees": yuan(person.payment.fee_total),
            }
            for person in plan.persons
        ],
        "principal": yuan(plan.principal),
        "fees": yuan(plan.fees),
        "total": yuan(plan.total),
    }


def _masked(id_number: str) -> str:
    return f"{id_number[:6]}********{id_number[-4:]}" if len(id_number) == 18 else id_number


def slip_figures(details: Mapping[str, Any]) -> tuple[KeyFigure, ...]:
    """The receipt's lines: every month's principal and late fee (with its days), then the
    principal, the fees and the total due."""
    figures = [KeyFigure("缴款日期", str(details["paid_on"]))]
    for person in details["persons"]:
        figures.append(KeyFigure("补缴人员", _masked(person["id_number"])))
        for month in person["months"]:
            figures.append(KeyFigure(f"{month['month']} 本金", Decimal(month["principal"])))
            figures.append(
                KeyFigure(f"{month['month']} 滞纳金（{month['days']}天）", Decimal(month["fee"]))
            )
    figures += [
        KeyFigure("本金合计", Decimal(details["principal"])),
        KeyFigure("滞纳金合计", Decimal(details["fees"])),
        KeyFigure("应缴总额", Decimal(details["total"])),
    ]
    return tuple(figures)


SPEC = ItemSpec(
    batchable=True,  # reads through ctx.get, writes through ctx.put only
    kind=KIND,
    payload_type=BackPaymentPayload,
    permission=Permission.ACCEPT_CASES,
    apply=apply_back_payment,
    label=Text("社会保险费补缴申报", "Back-payment with late fee"),
    codes=(ITEM_CODE,),
    documents=("receipt",),
    conflicts={
        "unknown_employer": UNKNOWN_EMPLOYER,
    },
    changes=lambda p: Changes(
        persons=frozenset(line.id_number for line in p.lines),
        employers=frozenset({p.credit_code}),
        cases=True,
        contributions=True,
    ),
)
