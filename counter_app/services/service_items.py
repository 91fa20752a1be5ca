"""Use cases of six counter items: pension transfers, card loss and replacement, retirement,
medical reimbursement, the consultation log and complaints (with their answers).

Each submission builds the item's command from its typed payload (``ItemSpec.encode``) and
executes it on the workstation (``command_bus.execute``: the handler against the cache and
the outbox row in one transaction); the screens call these functions on the database worker,
never the engine. A payload without a catalogue version gets the version this workstation
offers. The documents the customer takes away are built from the case as recorded: the
acceptance receipt (受理回执) of an item that goes to review, the result slip (办结单) of one
finished on the spot. Open complaints are listed from the cache for a supervisor to answer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.catalogue.schema import Catalogue, Item
from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict
from counter_app.domain.ids import IdNumber
from counter_app.domain.money import format_yuan
from counter_app.domain.workdays import Deadline
from counter_app.items import (
    card_status,
    complaint,
    consultation,
    medical_reimbursement,
    pension_transfer,
    retirement,
)
from counter_app.items.catalogue_access import catalogue_version
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
from counter_app.services import command_bus
from counter_app.services.catalogue_view import current_catalogue
from counter_app.services.document_printing import office
from counter_app.services.queries import display_names
from counter_app.services.workstation_view import WorkstationView as Workstation
from counter_app.storage.service_item_models import (
    ComplaintRow,
    MedicalClaimLineRow,
    MedicalClaimRow,
    SocialCardRow,
)
from counter_app.storage.shared_models import CaseRow, PersonRow

P = TypeVar("P")
ANONYMOUS_ZH = "来访群众"  # how a document names a visitor who gave no name


# -- submitting ------------------------------------------------------------------------------
def submit(ws: Workstation, actor: str, spec: ItemSpec[P], payload: P) -> command_bus.Accepted:
    """Execute ``spec``'s command with ``payload`` as ``actor`` on this workstation."""
    if getattr(payload, "catalogue_version", None) == "":
        version = current_catalogue(ws).version
        payload = cast(P, dataclasses.replace(cast(Any, payload), catalogue_version=version))
    command = Command(
        kind=spec.kind,
        payload=spec.encode(payload),
        actor=actor,
        workstation=ws.config.workstation_id,
        hall_code=ws.config.hall_code,
    )
    return command_bus.execute(ws.local, command)


def request_pension_transfer(
    ws: Workstation, actor: str, payload: pension_transfer.PensionTransferPayload
) -> command_bus.Accepted:
    return submit(ws, actor, pension_transfer.SPEC, payload)


def change_card_status(
    ws: Workstation, actor: str, payload: card_status.CardStatusPayload
) -> command_bus.Accepted:
    return submit(ws, actor, card_status.SPEC, payload)


def apply_for_retirement(
    ws: Workstation, actor: str, payload: retirement.RetirementPayload
) -> command_bus.Accepted:
    return submit(ws, actor, retirement.SPEC, payload)


def claim_reimbursement(
    ws: Workstation, actor: str, payload: medical_reimbursement.ReimbursementPayload
) -> command_bus.Accepted:
    return submit(ws, actor, medical_reimbursement.SPEC, payload)


def log_consultation(
    ws: Workstation, actor: str, payload: consultation.ConsultationPayload
) -> command_bus.Accepted:
    return submit(ws, actor, consultation.SPEC, payload)


def receive_complaint(
    ws: Workstation, actor: str, payload: complaint.ComplaintPayload
) -> command_bus.Accepted:
    return submit(ws, actor, complaint.SPEC, payload)


def answer_complaint(
    ws: Workstation, actor: str, complaint_id: str, answer: str
) -> command_bus.Accepted:
    """A supervisor's answer to an open complaint (permission to approve cases)."""
    return submit(ws, actor, complaint.ANSWER_SPEC, complaint.ComplaintAnswer(complaint_id, answer))


# -- what the forms show ---------------------------------------------------------------------
@dataclass(frozen=True)
class CardRecord:
    id: str
    card_number_masked: str
    status: str
    since: dt.date
    bank: str


def cards_of_person(ws: Workstation, id_number: str) -> list[CardRecord]:
    """The person's cards as this workstation's cache holds them, the newest first (a card
    issued elsewhere may be missing: the centre decides)."""
    with Session(ws.local) as session:
        rows = session.scalars(
            select(SocialCardRow)
            .where(SocialCardRow.id_number == id_number)
            .order_by(SocialCardRow.since.desc(), SocialCardRow.id)
        ).all()
        return [
            CardRecord(
                r.id, card_status.masked_card(r.card_number), r.status, r.since, r.bank or ""
            )
            for r in rows
        ]


def consultation_topics(catalogue: Catalogue) -> list[tuple[str, str, str]]:
    """(code, Chinese name, English name) of each topic: the catalogue's groups, then other."""
    topics = [(g.code, g.name_zh, g.name_en) for g in catalogue.groups]
    return [*topics, (consultation.OTHER, "其他", "Other")]


def claim_totals(
    lines: list[medical_reimbursement.InvoiceLine],
) -> medical_reimbursement.ClaimTotals:
    return medical_reimbursement.claim_totals(lines)


@dataclass(frozen=True)
class ComplaintRecord:
    id: str
    case_no: str | None
    kind: str
    about: str
    about_detail: str
    content: str
    contact_name: str
    contact_phone: str
    received_by: str
    received_by_name: str
    received_at: dt.datetime
    window_number: int
    due: Deadline
    status: str

    def overdue(self, today: dt.date) -> bool:
        return self.status == complaint.OPEN and self.due.date < today


def open_complaints(ws: Workstation) -> list[ComplaintRecord]:
    """The hall's complaints still waiting for an answer, the earliest due first."""
    names = display_names(ws)
    with Session(ws.local) as session:
        rows = session.execute(
            select(ComplaintRow, CaseRow.case_no)
            .join(CaseRow, CaseRow.id == ComplaintRow.id, isouter=True)
            .where(
                ComplaintRow.status == complaint.OPEN,
                ComplaintRow.hall_code == ws.config.hall_code,
            )
            .order_by(ComplaintRow.due_date, ComplaintRow.received_at)
        ).all()
        return [
            ComplaintRecord(
                row.id,
                case_no,
                row.kind,
                row.about,
                row.about_detail,
                row.content,
                row.contact_name,
                row.contact_phone,
                row.received_by,
                names.get(row.received_by, row.received_by),
                row.received_at,
                row.window_number,
                Deadline(row.due_date, bool(row.due_provisional)),
                row.status,
            )
            for row, case_no in rows
        ]


# -- documents -------------------------------------------------------------------------------
def _material_lines(item: Item, received: list[str], details: dict[str, Any]) -> list[MaterialLine]:
    lines: list[MaterialLine] = []
    for material in item.materials:
        if material.code not in received:
            continue
        count, note = material.count, material.note_zh
        if item.code == medical_reimbursement.ITEM_CODE and material.code == "invoices":
            count = max(int(details["lines"]), 1)
            note = (
                f"申报金额合计 {format_yuan(Decimal(details['total']))}，"
                f"其中自付 {format_yuan(Decimal(details['self_paid']))}"
            )
        lines.append(MaterialLine(material.name_zh, MaterialForm(material.form), count, note))
    return lines


def _slip_figures(item_code: str, details: dict[str, Any]) -> tuple[list[KeyFigure], str]:
    action = details.get("action", "")
    if action == card_status.REPORT_LOSS:
        return [KeyFigure("卡号", details["card"])], "已正式挂失，即时生效"
    if action == card_status.CANCEL_LOSS:
        return [KeyFigure("卡号", details["card"])], "已解除挂失"
    if action == card_status.REISSUE:
        reason = {"lost": "丢失补领", "damaged": "损坏换领", "expired": "有效期满换发"}
        return [
            KeyFigure("原卡号", details["card"]),
            KeyFigure("补换原因", reason.get(details.get("reason", ""), "—")),
            KeyFigure("新卡", "已申请制卡"),
        ], "原卡已停用，新卡制作中"
    if item_code == consultation.ITEM_CODE:
        return [
            KeyFigure("咨询类别", details.get("topic_zh", "") or details.get("topic", "")),
            KeyFigure("是否转办", "是" if details.get("referred") else "否"),
        ], "已登记"
    return [], "已办结"


def case_document(
    ws: Workstation, case_id: str, teller_name: str, window_number: int
) -> AcceptanceReceipt | ResultSlip:
    """The document of a case accepted at this window: an acceptance receipt for an item
    that goes to review, a result slip for one finished on the spot. Before the centre has
    numbered the case, the number printed says it is pending."""
    with Session(ws.local) as session:
        case = session.get(CaseRow, case_id)
        if case is None or not case.catalogue_version:
            raise Conflict("unknown_case", "no such case (sync and try again)")
        catalogue = catalogue_version(session, case.catalogue_version, side="local")
        item = catalogue.item(case.item_code)
        details: dict[str, Any] = json.loads(case.details or "{}")
        received: list[str] = list(json.loads(case.materials or "{}").get("received", []))
        person = session.get(PersonRow, case.id_number) if case.id_number else None
        name = (person.name if person else "") or str(details.get("name") or "") or ANONYMOUS_ZH
        customer = (
            Customer.person(name, IdNumber(case.id_number)) if case.id_number else Customer(name)
        )
        case_no = case.case_no or f"{case.id[:8]}（中心编号待同步）"
        accepted_at = case.accepted_at
        level = case.review_level
        promised = (
            Deadline(case.promised_date, bool(case.promised_provisional))
            if case.promised_date
            else None
        )
        if case.item_code == consultation.ITEM_CODE:
            details["topic_zh"] = next(
                (g.name_zh for g in catalogue.groups if g.code == details.get("topic")), "其他"
            )
    where = office(ws, window_number, teller_name)
    intake_item = IntakeItem(item.code, item.name_zh)
    if level <= 1:
        figures, result = _slip_figures(item.code, details)
        return ResultSlip(
            where,
            case_no,
            intake_item,
            customer,
            accepted_at,
            figures=tuple(figures),
            result=result,
            printed_at=dt.datetime.now(),
        )
    return AcceptanceReceipt(
        where,
        case_no,
        (intake_item,),
        customer,
        tuple(_material_lines(item, received, details)),
        accepted_at,
        promised,
        level,  # type: ignore[arg-type]
        printed_at=dt.datetime.now(),
    )


def claim_lines(ws: Workstation, claim_id: str) -> list[MedicalClaimLineRow]:
    """The invoices of a claim as the cache holds them, in their order."""
    with Session(ws.local) as session:
        rows = session.scalars(
            select(MedicalClaimLineRow)
            .where(MedicalClaimLineRow.claim_id == claim_id)
            .order_by(MedicalClaimLineRow.line_no)
        ).all()
        session.expunge_all()
        return list(rows)


def claim_of(ws: Workstation, claim_id: str) -> MedicalClaimRow | None:
    with Session(ws.local) as session:
        row = session.get(MedicalClaimRow, claim_id)
        if row is not None:
            session.expunge(row)
        return row
