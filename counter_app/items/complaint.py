"""投诉建议 — complaints, suggestions and praise, and the answer to them:
``service.complaint`` and ``service.complaint_answer``.

A teller records what the customer says: the kind (complaint, suggestion, praise), what it is
about (a window, a teller or an item, named in a few words), the text and where to send the
answer (a telephone number; a customer may stay anonymous). The complaint is ``open`` and due
within the catalogue's time limit in working days from the day it was received (the hall's
service standard: a matter is handled within 48 hours); its case goes to review (L2).

A supervisor answers it (``service.complaint_answer``, permission to approve cases): the
complaint becomes ``answered`` with the answer, who gave it and when, and its case is
finished. 受审分离 applies: the teller who received a complaint does not answer it.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.cases import CaseStatus, promised_deadline
from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict
from counter_app.domain.roles import Permission
from counter_app.items import service_support as check
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import check_materials, open_case
from counter_app.items.spec import Changes, ItemSpec, Text
from counter_app.storage.service_item_models import ComplaintRow
from counter_app.storage.shared_models import CaseRow, PersonRow

KIND = "service.complaint"
ANSWER_KIND = "service.complaint_answer"
ITEM_CODE = "SVC-COMPLAINT"
KINDS = ("complaint", "suggestion", "praise")
ABOUT = ("window", "teller", "item")
OPEN, ANSWERED = "open", "answered"
MAX_TEXT = 4000
MAX_ANSWER = 2000


@dataclass(frozen=True)
class ComplaintPayload:
    """What a ``service.complaint`` command carries (the journal keeps its JSON form)."""

    catalogue_version: str
    kind: str  # complaint, suggestion or praise
    about: str  # window, teller or item
    about_detail: str  # which window, teller or item
    content: str
    contact_name: str = ""
    contact_phone: str = ""
    anonymous: bool = False
    id_number: str = ""
    materials: tuple[str, ...] = ()
    ticket: str = ""
    window_number: int = 0


@dataclass(frozen=True)
class ComplaintAnswer:
    """What a ``service.complaint_answer`` command carries."""

    complaint_id: str
    answer: str


def apply_complaint(ctx: ApplyContext, command: Command, p: ComplaintPayload) -> None:
    today = ctx.now.date()
    catalogue, item = check.catalogue_item(ctx, p.catalogue_version, ITEM_CODE)
    checks = check.Checks()
    kind = about = detail = content = contact = phone = ""
    id_number = None
    with checks.field():
        kind = check.choice("kind", p.kind, KINDS)
    with checks.field():
        about = check.choice("about", p.about, ABOUT)
    with checks.field():
        detail = check.text("about_detail", p.about_detail, max_length=100, today=today)
    with checks.field():
        content = check.text("content", p.content, max_length=MAX_TEXT, area=True, today=today)
    if not p.anonymous:
        with checks.field():
            contact = check.text(
                "contact_name", p.contact_name, max_length=50, required=False, today=today
            )
        with checks.field():
            # Praise needs no answer; a complaint or a suggestion is answered by telephone.
            phone = check.phone("contact_phone", p.contact_phone, required=kind != "praise")
        with checks.field():
            id_number = check.person_id(p.id_number, today=today, required=False)
    with checks.field():
        materials = check_materials([item], p.materials)
    checks.done()

    person = ctx.get(PersonRow, id_number.value) if id_number is not None else None
    if person is not None and not contact:
        contact = person.name
    due = promised_deadline(item.time_limit.promised, ctx.acceptance_day(command.client_time))
    ctx.put(
        ComplaintRow(
            id=command.uuid,
            kind=kind,
            about=about,
            about_detail=detail,
            content=content,
            contact_name=contact,
            contact_phone=phone,
            id_number=id_number.value if id_number is not None else None,
            status=OPEN,
            hall_code=command.hall_code,
            window_number=p.window_number,
            received_by=command.actor,
            received_at=ctx.now.replace(tzinfo=None),
            due_date=due.date,
            due_provisional=due.provisional,
            answer="",
            answered_by=None,
            answered_at=None,
        )
    )
    kind_zh = {"complaint": "投诉", "suggestion": "建议", "praise": "表扬"}[kind]
    open_case(
        ctx,
        command,
        item=item,
        catalogue_version=catalogue.version,
        case_id=command.uuid,
        materials=materials,
        details={
            "kind": kind,
            "about": about,
            "about_detail": detail,
            "anonymous": p.anonymous,
            "name": contact,
        },
        summary=f"{item.name_zh}（{kind_zh}）{detail}"[:200],
        id_number=id_number.value if id_number is not None else None,
        ticket=p.ticket,
        window_number=p.window_number,
    )


def apply_answer(ctx: ApplyContext, command: Command, p: ComplaintAnswer) -> None:
    today = ctx.now.date()
    complaint = ctx.get(ComplaintRow, p.complaint_id)
    if complaint is None:
        raise Conflict("unknown_complaint", "no such complaint (sync and try again)")
    if complaint.status != OPEN:
        raise Conflict(
            "already_answered",
            f"this complaint was already answered by {complaint.answered_by or '—'}",
        )
    if complaint.received_by == command.actor:
        raise Conflict(
            "own_complaint", "the one who received a complaint does not answer it (受审分离)"
        )
    answer = check.text("answer", p.answer, max_length=MAX_ANSWER, area=True, today=today)
    columns = {c: getattr(complaint, c) for c in ComplaintRow.__table__.columns.keys()}  # noqa: SIM118
    ctx.put(
        ComplaintRow(
            **{
                **columns,
                "status": ANSWERED,
                "answer": answer,
                "answered_by": command.actor,
                "answered_at": ctx.now.replace(tzinfo=None),
            }
        )
    )
    case = ctx.get(CaseRow, complaint.id)
    if case is not None and case.status != CaseStatus.COMPLETED.value:
        case_columns = {c: getattr(case, c) for c in CaseRow.__table__.columns.keys()}  # noqa: SIM118
        ctx.put(CaseRow(**{**case_columns, "status": CaseStatus.COMPLETED.value}))


SPEC = ItemSpec(
    batchable=True,  # reads through ctx.get, writes through ctx.put only
    kind=KIND,
    payload_type=ComplaintPayload,
    permission=Permission.ACCEPT_CASES,
    apply=apply_complaint,
    label=Text("投诉建议", "Complaint or suggestion"),
    codes=(ITEM_CODE,),
    documents=("receipt",),
    changes=lambda p: Changes(
        persons=frozenset({p.id_number.strip().upper()} - {""}) if not p.anonymous else frozenset(),
        cases=True,
    ),
)

ANSWER_SPEC = ItemSpec(
    batchable=True,  # reads through ctx.get, writes through ctx.put only
    kind=ANSWER_KIND,
    payload_type=ComplaintAnswer,
    permission=Permission.APPROVE_CASES,
    apply=apply_answer,
    label=Text("答复投诉建议", "Complaint answered"),
    conflicts={
        "unknown_complaint": Text(
            "找不到该投诉建议，请同步后重试", "No such complaint; sync and try again"
        ),
        "already_answered": Text("该投诉建议已答复", "This complaint was already answered"),
        "own_complaint": Text(
            "受理人不能答复自己受理的投诉建议",
            "The one who received a complaint does not answer it",
        ),
    },
    changes=lambda _p: Changes(cases=True),
)
