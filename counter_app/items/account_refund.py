"""Refund of the personal account (个人账户一次性支付／退保) on death or emigration.

Social Insurance Law art. 14: the personal pension account may be inherited on death; a
person who settled abroad and lost Chinese nationality may end the insurance and receive the
balance in one sum; a person at retirement age with fewer than 15 years may choose to end it
(contributions.md §6). The balance is the individual contributions credited to the account
plus the credited interest of every accrual year closed before the year of the event, worked
out year by year by ``counter_app.domain.contributions.account_refund`` at the national
credited rates.

The contributions come from the contribution records when the person has any (the part of
each pension line credited to the personal account), or are entered by the teller as yearly
sums (history from before these records). The case goes to approval (L3): money leaves the
fund. Nothing of the person's insurance changes until it is approved — the request (reason,
date, heir, account, every yearly line and the amount) is kept in the case's details. On
death the death certificate and the heir's name, ID number and relation are required.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from functools import partial
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.domain.commands import Command
from counter_app.domain.contributions import (
    REFUND_METHODS,
    AccountRefund,
    RefundMethod,
    account_refund,
)
from counter_app.domain.errors import Conflict, ValidationError
from counter_app.domain.money import CENT
from counter_app.domain.people import validate_person_name
from counter_app.domain.roles import Permission
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import open_case
from counter_app.items.contribution_common import (
    ZERO,
    Amount,
    Collector,
    amount,
    catalogue_item,
    parse_date,
    person_id,
    require_person,
    tables,
    yuan,
)
from counter_app.items.spec import Changes, ItemSpec, Text
from counter_app.printing.intake_documents import KeyFigure
from counter_app.storage.contribution_models import ContributionRow
from counter_app.storage.shared_models import CaseRow

KIND = "refund.account"
ITEM_CODE = "REFUND-ACCOUNT"
REASONS = ("death", "emigration", "short_years")
RELATIONS = ("spouse", "child", "parent", "other_heir")
#: The material each reason needs besides the item's mandatory ones.
REASON_MATERIAL = {"death": "death_proof", "emigration": "emigration_proof"}
#: Lines not counted in the account: months owed and not paid.
UNPAID = ("arrears",)
#: A case of this item in one of these states stops a second request.
OPEN_OR_DONE = ("materials_pending", "accepted", "in_review", "in_approval", "completed")
Source = Literal["records", "entered"]


@dataclass(frozen=True)
class YearlySum:
    """The individual contributions credited to the account in one year, as entered."""

    year: int
    amount: Amount


@dataclass(frozen=True)
class Heir:
    name: str
    id_number: str
    relation: str  # spouse, child, parent, other_heir


@dataclass(frozen=True)
class AccountRefundPayload:
    """What a ``refund.account`` command carries. ``event_date`` is the date of death or of
    settling abroad (for ``short_years`` the date of retirement age): the account is worked
    out as of that day."""

    id_number: str
    reason: str
    event_date: str  # 'YYYY-MM-DD'
    source: Source = "records"
    yearly: tuple[YearlySum, ...] = ()
    heir: Heir | None = None
    account_number: str = ""
    method: RefundMethod = "months_13_minus_m"
    name: str = ""
    catalogue_version: str = ""
    materials: tuple[str, ...] = ()
    ticket: str = ""
    window_number: int = 0


@dataclass(frozen=True)
class RefundPlan:
    id_number: str
    reason: str
    event_date: dt.date
    source: Source
    refund: AccountRefund
    heir: Heir | None

    @property
    def amount(self) -> Decimal:
        return self.refund.balance


Contributions = list[tuple[dt.date, Decimal]]


def spread_yearly(yearly: tuple[YearlySum, ...], as_of: dt.date) -> Contributions:
    """Monthly contributions from yearly sums: each year's sum spread evenly, to the fen,
    over its months (January to December, or to the month of ``as_of`` in its year), the
    remainder in the last month, so the months add up to the sum exactly."""
    months: Contributions = []
    for entry in sorted(yearly, key=lambda e: e.year):
        count = as_of.month if entry.year == as_of.year else 12
        share = (entry.amount / count).quantize(CENT, rounding=ROUND_DOWN)
        for month in range(1, count + 1):
            part = share if month < count else entry.amount - share * (count - 1)
            months.append((dt.date(entry.year, month, 1), part))
    return months


def compute_refund(
    payload: AccountRefundPayload, today: dt.date, recorded: Contributions
) -> RefundPlan:
    """Check the request and work out the refundable amount year by year. ``recorded`` are
    the person's contributions on record (month, personal-account part); they are used when
    ``payload.source`` is ``"records"``."""
    errors = Collector()
    id_number = errors.attempt(lambda: person_id(payload.id_number, "id_number", today))
    if payload.reason not in REASONS:
        errors.add(ValidationError("reason", "choice", f"no refund reason {payload.reason!r}"))
    event = errors.attempt(lambda: parse_date(payload.event_date, "event_date"))
    if event is not None and event > today:
        errors.add(
            ValidationError(
                "event_date",
                "future_date",
                f"the date {event.isoformat()} is after today {today.isoformat()}",
                {"date": event.isoformat(), "today": today.isoformat()},
            )
        )
    if payload.method not in REFUND_METHODS:
        errors.add(ValidationError("method", "choice", f"no refund method {payload.method!r}"))
    heir = payload.heir
    if payload.reason == "death":
        if heir is None:
            errors.add(ValidationError("heir_name", "required", "the heir's details are needed"))
        else:
            errors.attempt(lambda: validate_person_name(heir.name, field="heir_name"))
            heir_id = errors.attempt(lambda: person_id(heir.id_number, "heir_id_number", today))
            if heir.relation not in RELATIONS:
                errors.add(ValidationError("heir_relation", "choice", "choose the heir's relation"))
            if heir_id is not None and heir_id == id_number:
                errors.add(
                    ValidationError(
                        "heir_id_number", "same_person", "the heir cannot be the deceased"
                    )
                )
    if payload.account_number and not (
        payload.account_number.isdigit() and 12 <= len(payload.account_number) <= 30
    ):
        errors.add(
            ValidationError("account_number", "format", "a bank account has 12 to 30 digits")
        )
    contributions: Contributions = []
    if payload.source == "entered":
        if not payload.yearly:
            errors.add(ValidationError("yearly", "required", "enter the yearly contributions"))
        years = [entry.year for entry in payload.yearly]
        for index, entry in enumerate(payload.yearly):
            field = f"yearly.{index}.amount"
            errors.attempt(partial(amount, entry.amount, field))
            if years.count(entry.year) > 1:
                errors.add(
                    ValidationError(
                        f"yearly.{index}.year",
                        "duplicate",
                        f"the year {entry.year} is entered twice",
                        {"year": str(entry.year)},
                    )
                )
            elif event is not None and not 1990 <= entry.year <= event.year:
                errors.add(
                    ValidationError(
                        f"yearly.{index}.year",
                        "range",
                        f"the year {entry.year} is not before the date of the event",
                        {"year": str(entry.year)},
                    )
                )
    elif payload.source == "records":
        if not recorded:
            errors.add(
                ValidationError(
                    "yearly",
                    "no_records",
                    "no contributions are on record for this person: enter the yearly sums",
                )
            )
        contributions = recorded
    else:
        errors.add(ValidationError("source", "choice", f"no source {payload.source!r}"))
    errors.raise_if_any()
    assert id_number is not None and event is not None
    if payload.source == "entered":
        contributions = spread_yearly(payload.yearly, event)
    rates = tables().national.credited_rate_fractions()
    refund = account_refund(contributions, rates, event, payload.method)
    return RefundPlan(
        id_number,
        payload.reason,
        event,
        payload.source,
        refund,
        heir if payload.reason == "death" else None,
    )


def recorded_contributions(session: Session, id_number: str) -> Contributions:
    """The person's contributions on record: per month, the part of the pension lines
    credited to the personal account (months owed and unpaid are not counted)."""
    rows = session.scalars(
        select(ContributionRow).where(
            ContributionRow.id_number == id_number,
            ContributionRow.insurance_type == "pension",
            ContributionRow.status.not_in(UNPAID),
        )
    ).all()
    by_month: dict[dt.date, Decimal] = {}
    for row in rows:
        if row.personal_account <= 0:
            continue
        month = dt.date(int(row.month[:4]), int(row.month[5:7]), 1)
        by_month[month] = by_month.get(month, ZERO) + Decimal(row.personal_account)
    return sorted(by_month.items())


def apply_account_refund(
    ctx: ApplyContext, command: Command, payload: AccountRefundPayload
) -> None:
    today = ctx.now.date()
    id_number = person_id(payload.id_number, "id_number", today)
    plan = compute_refund(payload, today, recorded_contributions(ctx.session, id_number))
    person = require_person(ctx, plan.id_number)
    # A case numbered by the centre names its number; one still waiting for it, its id.
    earlier = _open_case_no(ctx, plan.id_number, command.uuid)
    if earlier is not None:
        raise Conflict(
            "refund_requested",
            f"a refund of this account was already requested (case {earlier})",
        )
    catalogue, item, materials = catalogue_item(
        ctx, payload.catalogue_version, ITEM_CODE, payload.materials
    )
    needed = REASON_MATERIAL.get(plan.reason)
    if needed is not None and needed not in materials.received:
        raise ValidationError(
            "materials",
            "missing",
            f"mandatory materials missing: {needed}",
            {"missing": needed},
        )
    name = person.name if person is not None else payload.name.strip()
    open_case(
        ctx,
        command,
        item=item,
        catalogue_version=catalogue.version,
        case_id=command.uuid,
        materials=materials,
        details={**refund_details(plan, payload.account_number), "subject_name": name},
        summary=f"个人账户一次性支付 {name} 应付{yuan(plan.amount)}元".strip(),
        id_number=plan.id_number,
        ticket=payload.ticket,
        window_number=payload.window_number,
    )


def _open_case_no(ctx: ApplyContext, id_number: str, own: str) -> str | None:
    """The number (or id) of another refund case of this person that is open or done."""
    found = ctx.session.execute(
        select(CaseRow.case_no, CaseRow.id).where(
            CaseRow.item_code == ITEM_CODE,
            CaseRow.id_number == id_number,
            CaseRow.status.in_(OPEN_OR_DONE),
            CaseRow.id != own,
        )
    ).first()
    return None if found is None else str(found.case_no or found.id[:8])


def refund_details(plan: RefundPlan, account_number: str = "") -> dict[str, Any]:
    """The request as the case keeps it until approval (amounts as text, two decimals)."""
    refund = plan.refund
    return {
        "calculation": "account_refund",
        "request": "refund.account",
        "reason": plan.reason,
        "event_date": plan.event_date.isoformat(),
        "source": plan.source,
        "method": refund.method,
        "heir": (
            {
                "name": plan.heir.name.strip(),
                "id_number": plan.heir.id_number.strip().upper(),
                "relation": plan.heir.relation,
            }
            if plan.heir is not None
            else None
        ),
        "account_number": account_number,
        "years": [
            {
                "year": y.year,
                "opening": yuan(y.opening_balance),
                "rate": str(y.rate) if y.rate is not None else "",
                "interest_on_balance": yuan(y.interest_on_balance),
                "contributions": yuan(y.contributions),
                "interest_on_contributions": yuan(y.interest_on_contributions),
                "closing": yuan(y.closing_balance),
                "credited": y.credited,
            }
            for y in refund.years
        ],
        "contributions": yuan(refund.contributions_total),
        "interest": yuan(refund.interest_total),
        "amount": yuan(refund.balance),
        # Nothing of the person's insurance changes before approval.
        "statuses_unchanged_until_approved": True,
    }


REASON_ZH = {
    "death": "死亡",
    "emigration": "出国（境）定居并丧失中国国籍",
    "short_years": "达到退休年龄缴费不满15年，申请终止",
}
RELATION_ZH = {"spouse": "配偶", "child": "子女", "parent": "父母", "other_heir": "其他继承人"}


def _percent(rate: str) -> str:
    return f"{(Decimal(rate) * 100).normalize():f}%" if rate else "—"


def slip_figures(details: Mapping[str, Any]) -> tuple[KeyFigure, ...]:
    """The receipt's lines: the reason, the heir, each accrual year and the amount."""
    figures = [
        KeyFigure("支付原因", REASON_ZH.get(details["reason"], "")),
        KeyFigure("死亡或定居日期", str(details["event_date"])),
    ]
    heir = details.get("heir")
    if heir:
        masked = f"{heir['id_number'][:6]}********{heir['id_number'][-4:]}"
        figures.append(
            KeyFigure(
                "继承人", f"{heir['name']}（{RELATION_ZH.get(heir['relation'], '')}，{masked}）"
            )
        )
    for year in details["years"]:
        if year["credited"]:
            figures.append(
                KeyFigure(
                    f"{year['year']}年 记账利率 {_percent(year['rate'])}",
                    f"缴费 ¥{Decimal(year['contributions']):,.2f}，"
                    f"结转利息 ¥{Decimal(year['interest_on_balance']):,.2f}，"
                    f"当年利息 ¥{Decimal(year['interest_on_contributions']):,.2f}，"
                    f"年末余额 ¥{Decimal(year['closing']):,.2f}",
                )
            )
        else:
            figures.append(
                KeyFigure(
                    f"{year['year']}年（当年不计息）",
                    f"缴费 ¥{Decimal(year['contributions']):,.2f}，"
                    f"余额 ¥{Decimal(year['closing']):,.2f}",
                )
            )
    figures += [
        KeyFigure("个人缴费合计", Decimal(details["contributions"])),
        KeyFigure("利息合计", Decimal(details["interest"])),
        KeyFigure("应支付金额", Decimal(details["amount"])),
    ]
    return tuple(figures)


SPEC = ItemSpec(
    kind=KIND,
    payload_type=AccountRefundPayload,
    permission=Permission.ACCEPT_CASES,
    apply=apply_account_refund,
    label=Text("个人账户一次性支付", "Refund of the personal account"),
    codes=(ITEM_CODE,),
    documents=("receipt",),
    conflicts={
        "unknown_person": Text(
            "登记库中没有该身份证号码的人员", "The registry holds no person with this ID number"
        ),
        "refund_requested": Text(
            "该人员的个人账户已申请一次性支付", "A refund of this account was already requested"
        ),
    },
    changes=lambda p: Changes(persons=frozenset({p.id_number}), cases=True),
)
