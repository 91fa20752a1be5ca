"""Flexible-employment payment (灵活就业人员缴费): a flexible worker pays for a run of months.

The worker chooses a grade (档次) of the region's table — or, where the table lets the base
be chosen freely between the limits and offers no grades, a base — and the months. The
domain works out each month: pension at 20 % of the base, of which 8 % goes to the personal
account and 12 % to the pooled fund, and medical insurance where the region's table has a
flexible medical base (Chengdu: basic 8.75 % and serious illness 0.75 %). One ``due`` line per
month and type is recorded, the case is finished on the spot (L1), and the payment notice
(result slip) prints the amounts the case recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from counter_app.domain.commands import Command
from counter_app.domain.contribution_tables import ContributionTables, Status, weakest
from counter_app.domain.contributions import FlexiblePayment, flexible_payment
from counter_app.domain.errors import Conflict, ValidationError
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
    month_text,
    months_from_to,
    parse_month,
    person_id,
    put_line,
    require_person,
    tables,
    yuan,
)
from counter_app.items.spec import Changes, ItemSpec, Text
from counter_app.printing.intake_documents import KeyFigure
from counter_app.storage.shared_models import InsuredPersonRow

KIND = "person.flexible_payment"
ITEM_CODE = "CONTRIB-FLEX"
CHANNELS = ("bank_deduction", "card", "mobile")
#: The most months one payment may cover (two years): a guard against a mistyped year.
MAX_MONTHS = 24


@dataclass(frozen=True)
class FlexiblePaymentPayload:
    """What a ``person.flexible_payment`` command carries: a grade of the table, or a base
    (where the table has no grades and the base is chosen between the limits)."""

    id_number: str
    region: str
    from_month: str  # 'YYYY-MM'
    to_month: str
    grade: str = ""
    base: Amount | None = None
    include_medical: bool = True
    channel: str = ""
    name: str = ""
    catalogue_version: str = ""
    materials: tuple[str, ...] = ()
    ticket: str = ""
    window_number: int = 0


@dataclass(frozen=True)
class FlexiblePlan:
    """The months worked out, each with the domain's figures, and the total due."""

    id_number: str
    region: str
    grade: str
    months: tuple[FlexiblePayment, ...]
    total: Decimal
    status: Status

    @property
    def pension_total(self) -> Decimal:
        return sum((m.pension.amount for m in self.months), ZERO)

    @property
    def medical_total(self) -> Decimal:
        return sum((m.medical.total for m in self.months if m.medical is not None), ZERO)


def compute_flexible(payload: FlexiblePaymentPayload, today: dt.date) -> FlexiblePlan:
    """Check the payment and work out every month; every bad field is reported at once."""
    errors = Collector()
    id_number = errors.attempt(lambda: person_id(payload.id_number, "id_number", today))
    region = errors.attempt(lambda: check_region(payload.region))
    first = errors.attempt(lambda: parse_month(payload.from_month, "from_month"))
    last = errors.attempt(lambda: parse_month(payload.to_month, "to_month"))
    base = None
    if payload.grade and payload.base is not None:
        errors.add(ValidationError("grade", "choice", "choose a grade or a base, not both"))
    elif not payload.grade and payload.base is None:
        errors.add(ValidationError("grade", "required", "choose a grade or enter a base"))
    elif payload.base is not None:
        base = errors.attempt(lambda: amount(payload.base or ZERO, "base"))
    if payload.channel and payload.channel not in CHANNELS:
        errors.add(ValidationError("channel", "choice", f"no payment channel {payload.channel!r}"))
    months: list[dt.date] = []
    if first is not None and last is not None:
        months = months_from_to(first, last)
        if not months:
            errors.add(
                ValidationError(
                    "to_month", "before_start", "the last month is before the first month"
                )
            )
        elif len(months) > MAX_MONTHS:
            errors.add(
                ValidationError(
                    "to_month",
                    "too_many_months",
                    f"one payment covers at most {MAX_MONTHS} months, not {len(months)}",
                    {"limit": str(MAX_MONTHS), "months": str(len(months))},
                )
            )
    errors.raise_if_any()
    assert id_number is not None and region is not None
    loaded = tables()
    computed = [
        _month(loaded, region, month, months[0], payload.grade, base, payload) for month in months
    ]
    total = sum((m.total for m in computed), ZERO)
    status = weakest(m.status for m in computed)
    return FlexiblePlan(id_number, region, payload.grade, tuple(computed), total, status)


def _month(
    loaded: ContributionTables,
    region: str,
    month: dt.date,
    first: dt.date,
    grade: str,
    base: Decimal | None,
    payload: FlexiblePaymentPayload,
) -> FlexiblePayment:
    try:
        return flexible_payment(
            loaded,
            region,
            month,
            grade=grade or None,
            base=base,
            include_medical=payload.include_medical,
        )
    except ValidationError as exc:
        if exc.field != "month":
            raise
        # No table covers the month: the first month is wrong, or the run goes past the
        # months whose figures are published.
        field = "from_month" if month == first else "to_month"
        raise ValidationError(field, exc.code, exc.message, dict(exc.params)) from None


def apply_flexible_payment(
    ctx: ApplyContext, command: Command, payload: FlexiblePaymentPayload
) -> None:
    plan = compute_flexible(payload, ctx.now.date())
    person = require_person(ctx, plan.id_number)
    insured = ctx.get(InsuredPersonRow, plan.id_number)
    if insured is not None and insured.category != "flexible":
        raise Conflict(
            "not_flexible",
            "this person is insured through an employer, not as a flexible worker",
        )
    if insured is None and ctx.side == "central":
        raise Conflict("not_enrolled", "this person is not enrolled as a flexible worker")
    catalogue, item, materials = catalogue_item(
        ctx, payload.catalogue_version, ITEM_CODE, payload.materials
    )
    for month in plan.months:
        pension = month.pension
        put_line(
            ctx,
            id_number=plan.id_number,
            credit_code=None,
            month=month.month,
            insurance_type="pension",
            region=plan.region,
            base=pension.base,
            employer=ZERO,
            individual=pension.amount,
            personal_account=pension.personal_account,
            status="due",
            origin_case=command.uuid,
        )
        if month.medical is not None:
            put_line(
                ctx,
                id_number=plan.id_number,
                credit_code=None,
                month=month.month,
                insurance_type="medical",
                region=plan.region,
                base=month.medical.base,
                employer=ZERO,
                individual=month.medical.total,
                status="due",
                origin_case=command.uuid,
            )
    name = person.name if person is not None else payload.name.strip()
    open_case(
        ctx,
        command,
        item=item,
        catalogue_version=catalogue.version,
        case_id=command.uuid,
        materials=materials,
        details={**flexible_details(plan, payload.channel), "subject_name": name},
        summary=f"灵活就业人员缴费 {name} {month_text(plan.months[0].month)}至"
        f"{month_text(plan.months[-1].month)}",
        id_number=plan.id_number,
        ticket=payload.ticket,
        window_number=payload.window_number,
    )


def flexible_details(plan: FlexiblePlan, channel: str = "") -> dict[str, Any]:
    """The figures the case keeps (amounts as text with two decimals)."""
    return {
        "calculation": "flexible_payment",
        "region": plan.region,
        "grade": plan.grade,
        "channel": channel,
        "status": plan.status,
        "months": [
            {
                "month": month_text(m.month),
                "pension_base": yuan(m.pension.base),
                "pension": yuan(m.pension.amount),
                "personal_account": yuan(m.pension.personal_account),
                "pooled": yuan(m.pension.pooled),
                "medical_base": yuan(m.medical.base) if m.medical is not None else "",
                "medical": yuan(m.medical.total) if m.medical is not None else "",
                "medical_parts": [
                    {"label": part.label, "amount": yuan(part.amount)}
                    for part in (m.medical.parts if m.medical is not None else ())
                ],
                "total": yuan(m.total),
            }
            for m in plan.months
        ],
        "pension_total": yuan(plan.pension_total),
        "medical_total": yuan(plan.medical_total),
        "total": yuan(plan.total),
    }


CHANNEL_ZH = {"bank_deduction": "银行代扣", "card": "银行卡刷卡", "mobile": "扫码支付"}


def slip_figures(details: Mapping[str, Any]) -> tuple[KeyFigure, ...]:
    """The payment notice's lines: the months with their amounts (a run of months with the
    same figures on one line), the split of the pension and the total due."""
    months = details["months"]
    figures = [
        KeyFigure("缴费期间", f"{months[0]['month']} 至 {months[-1]['month']}", ""),
        KeyFigure("缴费月数", len(months), "个月"),
    ]
    if details["grade"]:
        figures.append(KeyFigure("缴费档次", str(details["grade"])))
    if details.get("channel"):
        figures.append(KeyFigure("缴费方式", CHANNEL_ZH.get(details["channel"], "")))
    for run in _runs(months):
        head, tail = run[0], run[-1]
        span = head["month"] if head is tail else f"{head['month']}至{tail['month']}"
        figures.append(
            KeyFigure(
                f"{span} 养老保险（基数 ¥{Decimal(head['pension_base']):,.2f}）",
                Decimal(head["pension"]),
                "/月",
            )
        )
        figures.append(KeyFigure("  其中记入个人账户", Decimal(head["personal_account"]), "/月"))
        figures.append(KeyFigure("  其中统筹基金", Decimal(head["pooled"]), "/月"))
        for part in head["medical_parts"]:
            figures.append(KeyFigure(f"  {part['label']}", Decimal(part["amount"]), "/月"))
        figures.append(KeyFigure(f"{span} 每月合计", Decimal(head["total"])))
    figures.append(KeyFigure("养老保险小计", Decimal(details["pension_total"])))
    if details["medical_total"] != "0.00":
        figures.append(KeyFigure("医疗保险小计", Decimal(details["medical_total"])))
    figures.append(KeyFigure("应缴总额", Decimal(details["total"])))
    return tuple(figures)


def _runs(months: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Consecutive months with the same figures, grouped."""

    def figures_of(month: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(v for k, v in month.items() if k != "month")

    runs: list[list[dict[str, Any]]] = []
    for month in months:
        if runs and figures_of(runs[-1][-1]) == figures_of(month):
            runs[-1].append(month)
        else:
            runs.append([month])
    return runs


SPEC = ItemSpec(
    batchable=True,  # reads through ctx.get, writes through ctx.put only
    kind=KIND,
    payload_type=FlexiblePaymentPayload,
    permission=Permission.ACCEPT_CASES,
    apply=apply_flexible_payment,
    label=Text("灵活就业人员缴费", "Flexible-employment payment"),
    codes=(ITEM_CODE,),
    documents=("result",),
    conflicts={
        "unknown_person": Text(
            "登记库中没有该身份证号码的人员", "The registry holds no person with this ID number"
        ),
        "not_flexible": Text(
            "该人员通过单位参保，不是灵活就业人员",
            "This person is insured through an employer, not as a flexible worker",
        ),
        "not_enrolled": Text(
            "该人员尚未办理灵活就业人员参保登记",
            "This person is not enrolled as a flexible worker",
        ),
    },
    changes=lambda p: Changes(persons=frozenset({p.id_number}), cases=True, contributions=True),
)
