"""Use cases of the four money items: what their forms ask, preview, submit and print.

- Base declaration (缴费基数申报, ``employer.base_declare``), flexible-employment payment
  (灵活就业人员缴费, ``person.flexible_payment``), back-payment with late fee (社会保险费补缴,
  ``contribution.back_payment``) and the refund of the personal account (个人账户一次性支付,
  ``refund.account``).
- A form previews the figures while the teller types with the same computation the handler
  runs (``preview_*``: pure maths on the shipped tables, no database), submits the typed
  payload as a command (``submit``), and prints what the case recorded (``money_document``):
  the result slip (办结单) of an item finished on the spot, the acceptance receipt (受理回执)
  with the figures of one that goes to review or approval.
- Facts a form needs from outside: the hall's region (``hall_region``), the centre's business
  day (``business_day``), a person's contributions on record (``account_contributions``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy.orm import Session

from counter_app.catalogue.schema import Item
from counter_app.domain.cases import ReviewLevel
from counter_app.domain.commands import Command
from counter_app.domain.contribution_tables import grade_base, medical_base
from counter_app.domain.errors import CentralRefused, CentralUnavailable, DomainError
from counter_app.domain.ids import IdNumber
from counter_app.domain.workdays import Deadline
from counter_app.items import account_refund, back_payment, base_declaration, flexible_payment
from counter_app.items.catalogue_access import catalogue_version
from counter_app.items.contribution_common import region_choices as region_choices
from counter_app.items.contribution_common import tables
from counter_app.items.spec import ItemSpec
from counter_app.printing.intake_documents import (
    AcceptanceReceipt,
    Customer,
    IntakeItem,
    KeyFigure,
    MaterialForm,
    MaterialLine,
    ResultSlip,
)
from counter_app.printing.layout import Block, Doc, KeyValue, QrCode, Rule, Text
from counter_app.services.catalogue_view import current_catalogue
from counter_app.services.command_bus import Accepted
from counter_app.services.document_printing import office
from counter_app.services.workstation_view import WorkstationView
from counter_app.storage.shared_models import CaseRow

# The payloads and computations the forms use, under one roof.
BaseDeclarationPayload = base_declaration.BaseDeclarationPayload
StaffWage = base_declaration.StaffWage
Declaration = base_declaration.Declaration
FlexiblePaymentPayload = flexible_payment.FlexiblePaymentPayload
FlexiblePlan = flexible_payment.FlexiblePlan
BackPaymentPayload = back_payment.BackPaymentPayload
ArrearsMonth = back_payment.ArrearsMonth
BackPaymentPlan = back_payment.BackPaymentPlan
AccountRefundPayload = account_refund.AccountRefundPayload
YearlySum = account_refund.YearlySum
Heir = account_refund.Heir
RefundPlan = account_refund.RefundPlan

preview_declaration = base_declaration.compute_declaration
preview_flexible = flexible_payment.compute_flexible
preview_back_payment = back_payment.compute_back_payment
preview_refund = account_refund.compute_refund


class Workstation(WorkstationView, Protocol):
    """A workstation that can make and execute commands (``client.workstation.Workstation``)."""

    def command(self, kind: str, payload: dict[str, object], actor: str) -> Command: ...

    def execute(self, command: Command) -> Accepted: ...


def submit(ws: Workstation, spec: ItemSpec[Any], payload: Any, actor: str) -> Accepted:
    """Execute ``payload`` as a command of ``spec`` on the workstation (local effects and the
    outbox row in one transaction); the sync takes it to the centre."""
    return ws.execute(ws.command(spec.kind, spec.encode(payload), actor))


def declare_bases(ws: Workstation, payload: BaseDeclarationPayload, actor: str) -> Accepted:
    return submit(ws, base_declaration.SPEC, payload, actor)


def pay_flexible(ws: Workstation, payload: FlexiblePaymentPayload, actor: str) -> Accepted:
    return submit(ws, flexible_payment.SPEC, payload, actor)


def declare_back_payment(ws: Workstation, payload: BackPaymentPayload, actor: str) -> Accepted:
    return submit(ws, back_payment.SPEC, payload, actor)


def request_refund(ws: Workstation, payload: AccountRefundPayload, actor: str) -> Accepted:
    return submit(ws, account_refund.SPEC, payload, actor)


# -- facts the forms need ------------------------------------------------------------------------


def hall_region(ws: WorkstationView) -> str | None:
    """The contribution region of this workstation's hall, when its configuration names one
    the tables hold; ``None`` otherwise (the form then asks for it)."""
    region = getattr(ws.config, "region", None)
    if isinstance(region, str) and region in tables().regions:
        return region
    return None


def business_day(ws: WorkstationView) -> dt.date:
    """The centre's business day (its clock), or this machine's day when it cannot answer."""
    try:
        return ws.centre.service_time().date()
    except (CentralUnavailable, CentralRefused):
        return dt.date.today()


def employee_types(region: str, month: dt.date) -> tuple[str, ...]:
    """The insurance types of an employee the region's table has rates for in ``month`` (in
    the usual order; maternity only where it is not part of medical)."""
    try:
        period = tables().period(region, month)
    except DomainError:
        return ()
    rates = period.rates
    if rates is None:
        return ()
    found = [
        kind
        for kind in ("pension", "medical", "unemployment", "work_injury", "maternity")
        if getattr(rates, kind, None) is not None
    ]
    return tuple(found)


@dataclass(frozen=True)
class FlexibleOptions:
    """What a flexible worker may choose in ``month``: the grades (name, base) of the table,
    or a base between ``lower`` and ``upper`` when the table offers no grades."""

    grades: tuple[tuple[str, Decimal], ...]
    base_free: bool
    lower: Decimal | None
    upper: Decimal | None
    medical_base: Decimal | None


def flexible_options(region: str, month: dt.date) -> FlexibleOptions | None:
    """The choices of the table in force in ``month``; ``None`` when no table covers it."""
    try:
        period = tables().period(region, month)
    except DomainError:
        return None
    pension = period.flexible_pension
    if pension is None:
        return None
    grades = tuple((g.name, grade_base(pension, g)) for g in pension.grades)
    limits = period.limits
    free = pension.base_choice.rule == "within_limits" and not grades
    medical = medical_base(period.flexible_medical) if period.flexible_medical else None
    return FlexibleOptions(
        grades,
        free,
        limits.lower_yuan if limits is not None else None,
        limits.upper_yuan if limits is not None else None,
        medical,
    )


def account_contributions(ws: WorkstationView, id_number: str) -> list[tuple[dt.date, Decimal]]:
    """The person's contributions credited to the personal account on record in the cache,
    per month (the refund form shows them by year; the centre recomputes from its own)."""
    try:
        number = IdNumber.parse(id_number).value
    except DomainError:
        return []
    with Session(ws.local) as session:
        return account_refund.recorded_contributions(session, number)


def yearly_sums(contributions: list[tuple[dt.date, Decimal]]) -> list[tuple[int, Decimal]]:
    by_year: dict[int, Decimal] = {}
    for month, value in contributions:
        by_year[month.year] = by_year.get(month.year, Decimal("0.00")) + value
    return sorted(by_year.items())


# -- documents -------------------------------------------------------------------------------------

FigureBuilder = Callable[[Mapping[str, Any]], tuple[KeyFigure, ...]]
FIGURES: dict[str, FigureBuilder] = {
    base_declaration.ITEM_CODE: base_declaration.slip_figures,
    flexible_payment.ITEM_CODE: flexible_payment.slip_figures,
    back_payment.ITEM_CODE: back_payment.slip_figures,
    account_refund.ITEM_CODE: account_refund.slip_figures,
}
RESULT_ZH = {
    base_declaration.ITEM_CODE: "缴费基数申报已办结",
    flexible_payment.ITEM_CODE: "已核定应缴金额，请按期缴费",
}
FIGURES_HEADING = {
    back_payment.ITEM_CODE: "补缴明细（待复核）：",
    account_refund.ITEM_CODE: "一次性支付核定明细（待审批）：",
}


@dataclass(frozen=True)
class MoneyDocument:
    """A printable document of a money case: the ``Doc``, the reference its print job is
    logged under, and the figures it prints (for the screen)."""

    doc: Doc
    reference: str
    figures: tuple[KeyFigure, ...]
    kind: str  # "result_slip" or "acceptance_receipt"


def _item(session: Session, case: CaseRow, ws: WorkstationView) -> Item:
    try:
        catalogue = (
            catalogue_version(session, case.catalogue_version, side="local")
            if case.catalogue_version
            else current_catalogue(ws)
        )
    except DomainError:
        catalogue = current_catalogue(ws)
    return catalogue.item(case.item_code)


def money_document(
    ws: WorkstationView, case_id: str, window_number: int, teller: str
) -> MoneyDocument | None:
    """The document of money case ``case_id`` as the cache records it (the figures are the
    case's own): a result slip for a case finished on the spot, the acceptance receipt with
    the figures for one that goes to review or approval. ``None`` for an unknown case."""
    with Session(ws.local) as session:
        case = session.get(CaseRow, case_id)
        if case is None or case.item_code not in FIGURES:
            return None
        item = _item(session, case, ws)
        details: dict[str, Any] = json.loads(case.details or "{}")
        materials = json.loads(case.materials or "{}")
        snapshot = (
            case.case_no,
            case.id,
            case.review_level,
            case.accepted_at,
            case.id_number,
            case.credit_code,
            case.promised_date,
            bool(case.promised_provisional),
        )
    case_no, uuid, level, accepted_at, id_number, credit_code, promised, provisional = snapshot
    figures = FIGURES[item.code](details)
    number = case_no or f"待中心编号 {uuid[:8]}"
    name = str(details.get("subject_name") or "").strip() or "—"
    if item.subject == "employer" and credit_code:
        customer = Customer.employer(name, credit_code)
    else:
        customer = Customer.person(name, id_number or "")
    where = office(ws, window_number, teller)
    code_item = IntakeItem(item.code, item.name_zh)
    if level <= 1:
        slip = ResultSlip(
            where,
            number,
            code_item,
            customer,
            accepted_at,
            figures,
            result=RESULT_ZH.get(item.code, "已办结"),
        )
        return MoneyDocument(slip.to_doc(), slip.print_reference, figures, "result_slip")
    received = [m for m in item.materials if m.code in materials.get("received", [])]
    receipt = AcceptanceReceipt(
        where,
        number,
        (code_item,),
        customer,
        tuple(MaterialLine(m.name_zh, MaterialForm(m.form), m.count) for m in received),
        accepted_at,
        Deadline(promised, provisional) if promised is not None else None,
        ReviewLevel(level),
    )
    doc = with_figures(receipt.to_doc(), FIGURES_HEADING.get(item.code, "核定明细："), figures)
    return MoneyDocument(doc, receipt.print_reference, figures, "acceptance_receipt")


def with_figures(doc: Doc, heading: str, figures: tuple[KeyFigure, ...]) -> Doc:
    """``doc`` (an acceptance receipt) with the figures worked out at the window, printed
    before its QR code: the receipt of a case under review shows what it will cost or pay."""
    lines: list[Block] = [Rule(), Text(heading, bold=True)]
    lines += [KeyValue(f"  {f.label_zh}：", f.value_text) for f in figures]
    at = next((i for i, b in enumerate(doc.blocks) if isinstance(b, QrCode)), len(doc.blocks))
    doc.blocks[at:at] = lines
    return doc
