"""Contribution base declaration (缴费基数申报): an employer declares each staff member's base.

The employer lists its staff with last year's average monthly wage; each wage is clamped to
the region's base limits of the month (below the lower limit the lower limit is the base,
above the upper limit the upper limit), the monthly amounts of every insurance type are
computed by the domain (employer and individual share, each line rounded), and one
``declared`` contribution line per staff member, month and type is recorded for the months
of the year from the effective month. The case is finished on the spot (L1); its details keep
every figure, including which wages were clamped, so the result slip prints what was recorded.
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
    Clamp,
    MonthlyContribution,
    insurance_types_of,
    monthly_contribution,
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
    months_from_to,
    on_field,
    parse_month,
    person_id,
    put_line,
    require_employer,
    tables,
    yuan,
)
from counter_app.items.spec import UNKNOWN_EMPLOYER, Changes, ItemSpec, Text
from counter_app.printing.intake_documents import KeyFigure

KIND = "employer.base_declare"
ITEM_CODE = "CONTRIB-BASE"
#: The types an employee contributes to where the region's table has rates for them.
EMPLOYEE_TYPES = ("pension", "medical", "unemployment", "work_injury")


@dataclass(frozen=True)
class StaffWage:
    """One row of the declaration: a staff member and last year's average monthly wage."""

    id_number: str
    wage: Amount
    name: str = ""


@dataclass(frozen=True)
class BaseDeclarationPayload:
    """What an ``employer.base_declare`` command carries."""

    credit_code: str
    region: str
    effective_month: str  # 'YYYY-MM': the declaration applies from here to December
    staff: tuple[StaffWage, ...]
    insurance_types: tuple[str, ...] = EMPLOYEE_TYPES
    work_injury_class: int = 1
    employer_name: str = ""
    catalogue_version: str = ""
    materials: tuple[str, ...] = ()
    ticket: str = ""
    window_number: int = 0


@dataclass(frozen=True)
class StaffBase:
    """A staff member's base and monthly amounts (as computed for the effective month)."""

    row: int  # 1-based row of the declaration
    id_number: str
    name: str
    wage: Decimal
    base: Decimal
    clamped: Clamp | None
    employer: Decimal
    individual: Decimal
    contribution: MonthlyContribution


@dataclass(frozen=True)
class Declaration:
    """The declaration worked out: every staff member, the months and the monthly totals."""

    credit_code: str
    region: str
    months: tuple[dt.date, ...]
    staff: tuple[StaffBase, ...]
    by_month: tuple[tuple[dt.date, tuple[MonthlyContribution, ...]], ...]
    lower: Decimal
    upper: Decimal
    status: Status

    @property
    def year(self) -> int:
        return self.months[0].year

    @property
    def employer_total(self) -> Decimal:
        """The employer's share for one month (the effective month)."""
        return sum((s.employer for s in self.staff), ZERO)

    @property
    def individual_total(self) -> Decimal:
        return sum((s.individual for s in self.staff), ZERO)

    @property
    def clamped(self) -> tuple[StaffBase, ...]:
        return tuple(s for s in self.staff if s.clamped is not None)

    @property
    def year_total(self) -> Decimal:
        """Employer and individual shares of every declared month, added up."""
        return sum((c.total for _, contributions in self.by_month for c in contributions), ZERO)


def compute_declaration(payload: BaseDeclarationPayload, today: dt.date) -> Declaration:
    """Check the declaration and work out every figure; every bad field is reported at once
    (``ValidationErrors``; a staff row's fields are named ``staff.<index>.id_number`` and
    ``staff.<index>.wage``)."""
    errors = Collector()
    code = errors.attempt(lambda: credit_code(payload.credit_code))
    region = errors.attempt(lambda: check_region(payload.region))
    first = errors.attempt(lambda: parse_month(payload.effective_month, "effective_month"))
    kinds = errors.attempt(lambda: insurance_types_of(payload.insurance_types))
    if not payload.staff:
        errors.add(ValidationError("staff", "required", "list at least one staff member"))
    rows: list[tuple[int, str, StaffWage, Decimal]] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(payload.staff):
        id_number = errors.attempt(
            partial(person_id, entry.id_number, f"staff.{index}.id_number", today)
        )
        wage = errors.attempt(partial(amount, entry.wage, f"staff.{index}.wage"))
        if id_number is not None and id_number in seen:
            errors.add(
                ValidationError(
                    f"staff.{index}.id_number",
                    "duplicate",
                    f"row {index + 1} repeats the ID number of row {seen[id_number] + 1}",
                    {"row": str(index + 1), "first": str(seen[id_number] + 1)},
                )
            )
        elif id_number is not None and wage is not None:
            seen[id_number] = index
            rows.append((index + 1, id_number, entry, wage))
    errors.raise_if_any()
    assert code is not None and region is not None and first is not None and kinds is not None
    months = tuple(months_from_to(first, dt.date(first.year, 12, 1)))
    loaded = tables()
    period = on_field("effective_month", lambda: loaded.period(region, first))
    if period.limits is None:
        raise ValidationError(
            "effective_month",
            "no_table",
            f"the table of region {region} for {period.label} has no base limits",
            {"region": region, "month": month_text(first)},
        )
    by_month: list[tuple[dt.date, tuple[MonthlyContribution, ...]]] = []
    for month in months:
        computed = tuple(
            _contribution(loaded, region, month, wage, kinds, payload.work_injury_class)
            for _, _, _, wage in rows
        )
        by_month.append((month, computed))
    staff = tuple(
        StaffBase(
            row,
            id_number,
            entry.name.strip(),
            contribution.base.wage,
            contribution.base.base,
            contribution.base.clamped,
            contribution.employer_total,
            contribution.individual_total,
            contribution,
        )
        for (row, id_number, entry, _), contribution in zip(rows, by_month[0][1], strict=True)
    )
    status = weakest(c.status for _, computed in by_month for c in computed)
    return Declaration(
        code,
        region,
        months,
        staff,
        tuple(by_month),
        period.limits.lower_yuan,
        period.limits.upper_yuan,
        status,
    )


def _contribution(
    loaded: ContributionTables,
    region: str,
    month: dt.date,
    wage: Decimal,
    kinds: tuple[InsuranceType, ...],
    injury_class: int,
) -> MonthlyContribution:
    # A month no table covers is the form's effective month that is wrong (or the year's
    # figures are not published yet): the error names that field.
    return on_field(
        "effective_month",
        lambda: monthly_contribution(loaded, region, month, wage, kinds, injury_class),
    )


def apply_base_declaration(
    ctx: ApplyContext, command: Command, payload: BaseDeclarationPayload
) -> None:
    declaration = compute_declaration(payload, ctx.now.date())
    employer = require_employer(ctx, declaration.credit_code)
    catalogue, item, materials = catalogue_item(
        ctx, payload.catalogue_version, ITEM_CODE, payload.materials
    )
    for month, contributions in declaration.by_month:
        for staff, contribution in zip(declaration.staff, contributions, strict=True):
            for line in contribution.lines:
                if line.included_in is not None:
                    continue  # maternity inside medical: the medical line holds it
                pension = line.insurance_type is InsuranceType.PENSION
                put_line(
                    ctx,
                    id_number=staff.id_number,
                    credit_code=declaration.credit_code,
                    month=month,
                    insurance_type=line.insurance_type.value,
                    region=declaration.region,
                    base=contribution.base.base,
                    employer=line.employer,
                    individual=line.individual,
                    personal_account=line.individual if pension else ZERO,
                    status="declared",
                    origin_case=command.uuid,
                )
    name = employer.name if employer is not None else payload.employer_name.strip()
    open_case(
        ctx,
        command,
        item=item,
        catalogue_version=catalogue.version,
        case_id=command.uuid,
        materials=materials,
        details={**declaration_details(declaration), "subject_name": name},
        summary=f"缴费基数申报 {name} {declaration.year}年 {len(declaration.staff)}人".strip(),
        credit_code=declaration.credit_code,
        ticket=payload.ticket,
        window_number=payload.window_number,
    )


def declaration_details(declaration: Declaration) -> dict[str, Any]:
    """The figures the case keeps (amounts as text with two decimals)."""
    return {
        "calculation": "contribution_monthly",
        "region": declaration.region,
        "year": declaration.year,
        "first_month": month_text(declaration.months[0]),
        "months": len(declaration.months),
        "lower": yuan(declaration.lower),
        "upper": yuan(declaration.upper),
        "status": declaration.status,
        "staff": [
            {
                "row": s.row,
                "id_number": s.id_number,
                "name": s.name,
                "wage": yuan(s.wage),
                "base": yuan(s.base),
                "clamped": s.clamped or "",
                "employer": yuan(s.employer),
                "individual": yuan(s.individual),
            }
            for s in declaration.staff
        ],
        "employer_monthly": yuan(declaration.employer_total),
        "individual_monthly": yuan(declaration.individual_total),
        "year_total": yuan(declaration.year_total),
    }


def _masked(id_number: str) -> str:
    return f"{id_number[:6]}********{id_number[-4:]}" if len(id_number) == 18 else id_number


CLAMP_ZH = {"lower": "低于下限，按下限", "upper": "高于上限，按上限"}


def slip_figures(details: Mapping[str, Any]) -> tuple[KeyFigure, ...]:
    """The result slip's lines: limits, each staff member's base (clamped ones say so), the
    monthly shares and the year's total."""
    figures = [
        KeyFigure(
            "缴费年度",
            f"{details['year']}年（{details['first_month']}起 {details['months']} 个月）",
        ),
        KeyFigure("基数下限", Decimal(details["lower"])),
        KeyFigure("基数上限", Decimal(details["upper"])),
    ]
    for staff in details["staff"]:
        who = " ".join(p for p in (staff["name"], _masked(staff["id_number"])) if p)
        note = CLAMP_ZH.get(staff["clamped"], "")
        wage = Decimal(staff["wage"])
        text = f"工资 ¥{wage:,.2f} → 基数 ¥{Decimal(staff['base']):,.2f}"
        figures.append(KeyFigure(who, f"{text}（{note}）" if note else text))
    figures += [
        KeyFigure("单位月缴费合计", Decimal(details["employer_monthly"])),
        KeyFigure("个人月缴费合计", Decimal(details["individual_monthly"])),
        KeyFigure("申报期缴费总额", Decimal(details["year_total"])),
    ]
    return tuple(figures)


SPEC = ItemSpec(
    batchable=True,  # reads through ctx.get, writes through ctx.put only
    kind=KIND,
    payload_type=BaseDeclarationPayload,
    permission=Permission.ACCEPT_CASES,
    apply=apply_base_declaration,
    label=Text("缴费基数申报", "Contribution base declaration"),
    codes=(ITEM_CODE,),
    documents=("result",),
    conflicts={
        "unknown_employer": UNKNOWN_EMPLOYER,
    },
    changes=lambda p: Changes(
        persons=frozenset(s.id_number for s in p.staff),
        employers=frozenset({p.credit_code}),
        cases=True,
        contributions=True,
    ),
)
