"""The generic intake at a window: accept a catalogue item, record what is missing, take it later.

A teller accepts any catalogue item from its data (``case.accept``): one item, or every item
of a life event (一件事一次办) at once. When a mandatory material is missing the same command
records the case as ``materials_pending`` and the customer gets the one-time notification
(一次性告知书); when they come back, ``case.supplement`` records what they brought. This
module builds those commands, answers what became of them (the case numbers and promised
dates the centre gave) and assembles the documents the customer takes away — the notice,
the acceptance receipt (受理回执) and the result slip (办结单) of an item finished on the spot —
from the case rows as recorded and the catalogue version they were accepted under, so what
is printed is what the record says.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from counter_app.catalogue.schema import Catalogue, FormField, Item, Material
from counter_app.domain.cases import CaseStatus, ReviewLevel
from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict
from counter_app.domain.ids import IdNumber
from counter_app.domain.people import StaffUser
from counter_app.domain.workdays import Deadline
from counter_app.items.catalogue_access import catalogue_version
from counter_app.items.generic_case import (
    ACCEPT,
    ACCEPT_SPEC,
    SUPPLEMENT,
    SUPPLEMENT_SPEC,
    CaseIntake,
    MaterialsSupplement,
)
from counter_app.printing.documents import Office
from counter_app.printing.intake_documents import (
    AcceptanceReceipt,
    Customer,
    IntakeItem,
    KeyFigure,
    MaterialForm,
    MaterialLine,
    MissingMaterialsNotice,
    ResultSlip,
)
from counter_app.services import command_bus
from counter_app.services.catalogue_view import current_catalogue
from counter_app.services.command_bus import Accepted
from counter_app.services.document_printing import office as office_of
from counter_app.services.workstation_view import WorkstationView as Workstation
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.shared_models import CaseRow, EmployerRow, PersonRow

IntakeDocument = MissingMaterialsNotice | AcceptanceReceipt | ResultSlip
RESULT_FINISHED = "已办结"


# -- commands -----------------------------------------------------------------------------------
def _command(ws: Workstation, kind: str, payload: dict[str, Any], user: StaffUser) -> Command:
    return Command(
        kind=kind,
        payload=payload,
        actor=user.username,
        workstation=ws.config.workstation_id,
        hall_code=ws.config.hall_code,
    )


def accept_case(
    ws: Workstation, user: StaffUser, window_number: int, intake: CaseIntake
) -> Accepted:
    """Send ``case.accept`` for ``intake`` (one item or a life event's items).

    The handler checks the fields and the materials on this workstation first (a
    ``ValidationErrors`` naming each bad field comes back at once) and opens one case per
    item: finished (L1), in review (L2/L3) or waiting for materials when a mandatory one is
    missing. The centre numbers and dates the cases when the command reaches it.
    """
    if intake.window_number != window_number:
        intake = replace(intake, window_number=window_number)
    command = _command(ws, ACCEPT, ACCEPT_SPEC.encode(intake), user)
    return command_bus.execute(ws.local, command)


def supplement_materials(
    ws: Workstation, user: StaffUser, case_id: str, materials: Sequence[str]
) -> Accepted:
    """Send ``case.supplement``: the customer brought ``materials`` for a pending case."""
    payload = MaterialsSupplement(case_id=case_id, materials=tuple(dict.fromkeys(materials)))
    command = _command(ws, SUPPLEMENT, SUPPLEMENT_SPEC.encode(payload), user)
    return command_bus.execute(ws.local, command)


# -- what the cases hold --------------------------------------------------------------------------
@dataclass(frozen=True)
class MaterialInfo:
    """One material of an item, as a screen lists it."""

    code: str
    name_zh: str
    name_en: str
    form: str
    count: int
    required: bool
    deferrable: bool


@dataclass(frozen=True)
class PendingCase:
    """A case waiting for materials (待补正材料) and what is still missing."""

    case_id: str
    case_no: str | None
    item_code: str
    item_name_zh: str
    item_name_en: str
    accepted_at: dt.datetime
    missing: tuple[MaterialInfo, ...]
    bundle_id: str | None = None


@dataclass(frozen=True)
class CaseState:
    """One case as this workstation's cache holds it."""

    case_id: str
    case_no: str | None
    item_code: str
    status: str
    review_level: int
    promised: Deadline | None


@dataclass(frozen=True)
class IntakeState:
    """What became of an intake command: the centre's verdict and the cases it recorded.

    ``status`` is the outbox's (``pending``, ``applied``, ``rejected``, ``quarantined``);
    the cases carry their central numbers once the pull has brought them.
    """

    command_uuid: str
    status: str
    cases: tuple[CaseState, ...] = ()
    reason_code: str | None = None
    reason: str | None = None

    @property
    def case_no(self) -> str | None:
        return self.cases[0].case_no if self.cases else None

    @property
    def numbered(self) -> bool:
        return bool(self.cases) and all(c.case_no for c in self.cases)

    @property
    def pending_materials(self) -> bool:
        return any(c.status == CaseStatus.MATERIALS_PENDING.value for c in self.cases)

    @property
    def finished(self) -> bool:
        return bool(self.cases) and all(c.status == CaseStatus.COMPLETED.value for c in self.cases)

    @property
    def promised(self) -> Deadline | None:
        """The latest promised date of the cases (a life event is done when all are)."""
        dated = [c.promised for c in self.cases if c.promised is not None]
        if not dated:
            return None
        latest = max(d.date for d in dated)
        return Deadline(latest, any(d.provisional for d in dated if d.date == latest))


def _material_info(material: Material) -> MaterialInfo:
    return MaterialInfo(
        material.code,
        material.name_zh,
        material.name_en,
        material.form,
        material.count,
        material.required,
        material.deferrable,
    )


def _catalogue_of(session: Session, ws: Workstation, case: CaseRow) -> Catalogue:
    if case.catalogue_version:
        try:
            return catalogue_version(session, case.catalogue_version, side="local")
        except Conflict:
            pass
    return current_catalogue(ws)


def _materials_json(case: CaseRow) -> dict[str, list[str]]:
    try:
        data = json.loads(case.materials or "{}")
    except ValueError:
        return {}
    return {k: [str(c) for c in v] for k, v in data.items() if isinstance(v, list)}


def _details(case: CaseRow) -> dict[str, Any]:
    try:
        data = json.loads(case.details or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _state(case: CaseRow) -> CaseState:
    promised = (
        Deadline(case.promised_date, bool(case.promised_provisional))
        if case.promised_date is not None
        else None
    )
    return CaseState(
        case.id, case.case_no, case.item_code, case.status, case.review_level, promised
    )


def _cases_of(session: Session, command_uuid: str) -> list[CaseRow]:
    """The cases one ``case.accept`` opened: its own and, for a life event, the others."""
    rows = session.scalars(
        select(CaseRow).where(or_(CaseRow.id == command_uuid, CaseRow.bundle_id == command_uuid))
    ).all()
    first = [r for r in rows if r.id == command_uuid]
    return first + sorted((r for r in rows if r.id != command_uuid), key=lambda r: r.item_code)


def intake_state(ws: Workstation, command_uuid: str, case_id: str | None = None) -> IntakeState:
    """The verdict on ``command_uuid`` and its cases (``case_id``: the case a supplement was
    for; otherwise the cases the accept command opened)."""
    with Session(ws.local) as session:
        row = session.get(OutboxRow, command_uuid)
        if case_id is not None:
            case = session.get(CaseRow, case_id)
            cases = [case] if case is not None else []
        else:
            cases = _cases_of(session, command_uuid)
        return IntakeState(
            command_uuid,
            row.status if row is not None else "applied",
            tuple(_state(c) for c in cases),
            row.reason_code if row is not None else None,
            row.reason if row is not None else None,
        )


def pending_cases(
    ws: Workstation, id_number: str | None = None, credit_code: str | None = None
) -> list[PendingCase]:
    """The cases of a person or an employer waiting for materials, oldest first."""
    if not id_number and not credit_code:
        return []
    conditions = []
    if id_number:
        conditions.append(CaseRow.id_number == id_number)
    if credit_code:
        conditions.append(CaseRow.credit_code == credit_code)
    with Session(ws.local) as session:
        rows = session.scalars(
            select(CaseRow)
            .where(CaseRow.status == CaseStatus.MATERIALS_PENDING.value, or_(*conditions))
            .order_by(CaseRow.accepted_at, CaseRow.id)
        ).all()
        found: list[PendingCase] = []
        for case in rows:
            catalogue = _catalogue_of(session, ws, case)
            item = catalogue.find(case.item_code)
            if item is None:
                continue
            missing = _still_missing(item, _materials_json(case))
            found.append(
                PendingCase(
                    case.id,
                    case.case_no,
                    item.code,
                    item.name_zh,
                    item.name_en,
                    case.accepted_at,
                    tuple(_material_info(m) for m in missing),
                    case.bundle_id,
                )
            )
        return found


def _still_missing(item: Item, materials: dict[str, list[str]]) -> list[Material]:
    """The mandatory materials of ``item`` not received yet (those that may follow later too:
    the customer is told everything at once)."""
    received = set(materials.get("received", []))
    return [m for m in item.materials if m.required and m.code not in received]


# -- documents ----------------------------------------------------------------------------------
def _line(material: Material) -> MaterialLine:
    return MaterialLine(
        material.name_zh, MaterialForm(material.form), material.count, material.note_zh
    )


def _subject_name(session: Session, case: CaseRow, item: Item) -> str:
    if case.id_number:
        person = session.get(PersonRow, case.id_number)
        if person is not None:
            return person.name
    if case.credit_code:
        employer = session.get(EmployerRow, case.credit_code)
        if employer is not None:
            return employer.name
    # The summary is "<item name> <subject name>" (generic_case.apply_accept).
    summary = case.summary or ""
    if summary.startswith(item.name_zh):
        return summary[len(item.name_zh) :].strip()
    return ""


def _customer(session: Session, case: CaseRow, item: Item) -> Customer:
    name = _subject_name(session, case, item) or "—"
    if item.subject == "employer" and case.credit_code:
        return Customer.employer(name, case.credit_code)
    if case.id_number:
        return Customer.person(name, IdNumber(case.id_number).masked())
    if case.credit_code:
        return Customer.employer(name, case.credit_code)
    return Customer(name)


def _number(case: CaseRow) -> str:
    """The case number as printed; before the centre numbered it, the case's own reference."""
    return case.case_no or f"{case.id[:8].upper()}（待中心编号）"


@dataclass(frozen=True)
class _Loaded:
    cases: list[CaseRow]
    items: list[Item]
    catalogue: Catalogue


def _load(session: Session, ws: Workstation, case_ids: Sequence[str]) -> _Loaded:
    cases: list[CaseRow] = []
    for case_id in case_ids:
        case = session.get(CaseRow, case_id)
        if case is None:
            raise Conflict("unknown_case", f"no case {case_id} in this workstation's cache")
        cases.append(case)
    if not cases:
        raise Conflict("unknown_case", "no case to print")
    catalogue = _catalogue_of(session, ws, cases[0])
    return _Loaded(cases, [catalogue.item(c.item_code) for c in cases], catalogue)


def _bundle_name(loaded: _Loaded) -> str:
    code = _details(loaded.cases[0]).get("bundle") or ""
    if not code:
        return ""
    found = next((b for b in loaded.catalogue.bundles if b.code == code), None)
    return found.name_zh if found is not None else ""


def _case_ids(session: Session, command_uuid: str) -> list[str]:
    return [c.id for c in _cases_of(session, command_uuid)]


def missing_materials_notice(
    ws: Workstation,
    case_ids: Sequence[str],
    where: Office,
    *,
    issued_at: dt.datetime | None = None,
) -> MissingMaterialsNotice:
    """一次性告知书 of cases waiting for materials: every material still missing, at once
    (for a life event: over all its items, each listed once)."""
    with Session(ws.local) as session:
        loaded = _load(session, ws, case_ids)
        missing: dict[str, Material] = {}
        optional: dict[str, Material] = {}
        for case, item in zip(loaded.cases, loaded.items, strict=True):
            materials = _materials_json(case)
            received = set(materials.get("received", []))
            for material in _still_missing(item, materials):
                missing.setdefault(material.code, material)
            for material in item.materials:
                if not material.required and material.code not in received:
                    optional.setdefault(material.code, material)
        first, item = loaded.cases[0], loaded.items[0]
        bundle = _bundle_name(loaded)
        shown = IntakeItem("", bundle) if bundle else IntakeItem(item.code, item.name_zh)
        basis = dict.fromkeys(b for i in loaded.items for b in i.legal_basis)
        return MissingMaterialsNotice(
            office=where,
            issued_at=issued_at or dt.datetime.now(),
            customer=_customer(session, first, item),
            item=shown,
            missing=tuple(_line(m) for m in missing.values()),
            optional=tuple(_line(m) for c, m in optional.items() if c not in missing),
            case_no=first.case_no,
            notice_no=None if first.case_no else first.id[:8].upper(),
            legal_basis="；".join(basis),
        )


def acceptance_receipt(
    ws: Workstation,
    case_ids: Sequence[str],
    where: Office,
    *,
    accepted_at: dt.datetime | None = None,
    printed_at: dt.datetime | None = None,
) -> AcceptanceReceipt:
    """受理回执 of one case or of every case of a life event, on one receipt."""
    with Session(ws.local) as session:
        loaded = _load(session, ws, case_ids)
        received: dict[str, Material] = {}
        for case, item in zip(loaded.cases, loaded.items, strict=True):
            got = set(_materials_json(case).get("received", []))
            for material in item.materials:
                if material.code in got:
                    received.setdefault(material.code, material)
        dated = [
            Deadline(c.promised_date, bool(c.promised_provisional))
            for c in loaded.cases
            if c.promised_date is not None
        ]
        promised: Deadline | None = None
        if dated:
            latest = max(d.date for d in dated)
            promised = Deadline(latest, any(d.provisional for d in dated if d.date == latest))
        first = loaded.cases[0]
        return AcceptanceReceipt(
            office=where,
            case_no=_number(first),
            items=tuple(IntakeItem(i.code, i.name_zh) for i in loaded.items),
            customer=_customer(session, first, loaded.items[0]),
            received=tuple(_line(m) for m in received.values()),
            accepted_at=accepted_at or first.accepted_at,
            promised_by=promised,
            review_level=ReviewLevel(max(c.review_level for c in loaded.cases)),
            bundle_name=_bundle_name(loaded),
            printed_at=printed_at,
        )


def _figure(field: FormField, value: str) -> KeyFigure | None:
    if value == "":
        return None
    if field.type == "money":
        try:
            return KeyFigure(field.label_zh, Decimal(value))
        except InvalidOperation:
            return KeyFigure(field.label_zh, value)
    labels = {c.value: c.label_zh for c in field.choices}
    if field.type == "choice":
        return KeyFigure(field.label_zh, labels.get(value, value))
    if field.type == "multichoice":
        return KeyFigure(field.label_zh, "、".join(labels.get(v, v) for v in value.split(",")))
    if field.type == "bool":
        return KeyFigure(field.label_zh, "是" if value == "true" else "否")
    if field.type == "id_number":
        return KeyFigure(field.label_zh, IdNumber(value).masked())
    return KeyFigure(field.label_zh, value)


def result_slip(
    ws: Workstation, case_id: str, where: Office, *, printed_at: dt.datetime | None = None
) -> ResultSlip:
    """办结单 of an item finished on the spot, with the values the teller recorded."""
    with Session(ws.local) as session:
        loaded = _load(session, ws, [case_id])
        case, item = loaded.cases[0], loaded.items[0]
        values = _details(case).get("fields") or {}
        figures = [
            figure
            for field in item.fields
            if (figure := _figure(field, str(values.get(field.name, "")))) is not None
        ]
        return ResultSlip(
            office=where,
            case_no=_number(case),
            item=IntakeItem(item.code, item.name_zh),
            customer=_customer(session, case, item),
            finished_at=case.accepted_at,
            figures=tuple(figures),
            result=RESULT_FINISHED,
            printed_at=printed_at,
        )


def _client_time(session: Session, command_uuid: str) -> dt.datetime | None:
    row = session.get(OutboxRow, command_uuid)
    if row is None:
        return None
    return dt.datetime.fromisoformat(row.client_time).replace(tzinfo=None)


def intake_document(
    ws: Workstation,
    command_uuid: str,
    window_number: int,
    teller_name: str,
    *,
    case_id: str | None = None,
) -> IntakeDocument:
    """The document the customer takes away after ``command_uuid``, as the cases now stand:
    the one-time notification while a material is missing, the result slip of an item
    finished on the spot, otherwise the acceptance receipt (one for all items of a life
    event). ``case_id`` names the case a ``case.supplement`` command was for; its receipt is
    dated by that command (the day the materials were complete)."""
    where = office_of(ws, window_number, teller_name)
    with Session(ws.local) as session:
        ids = [case_id] if case_id is not None else _case_ids(session, command_uuid)
        statuses = [s for i in ids if (s := session.get(CaseRow, i)) is not None]
        when = _client_time(session, command_uuid) if case_id is not None else None
    if not statuses:
        raise Conflict("unknown_case", "the case is not in this workstation's cache yet")
    if any(c.status == CaseStatus.MATERIALS_PENDING.value for c in statuses):
        return missing_materials_notice(ws, ids, where)
    if len(statuses) == 1 and statuses[0].status == CaseStatus.COMPLETED.value:
        return result_slip(ws, ids[0], where, printed_at=dt.datetime.now())
    return acceptance_receipt(
        ws, ids, where, accepted_at=when, printed_at=dt.datetime.now() if when else None
    )


def item_materials(items: Iterable[Item]) -> list[MaterialInfo]:
    """The materials of ``items`` (a life event: each listed once), as a screen lists them."""
    seen: dict[str, MaterialInfo] = {}
    for item in items:
        for material in item.materials:
            seen.setdefault(material.code, _material_info(material))
    return list(seen.values())
