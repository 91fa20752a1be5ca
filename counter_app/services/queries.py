"""Read-only questions the screens ask: who is this person, what is pending, today's business.

Answers are plain dataclasses (never ORM rows), so the UI cannot lazily hit the database
from the GUI thread. A person is looked up in the local cache first, then — if the centre
answers — in the central registry (through the port), which holds far more people than any
cache.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.domain.errors import CentralUnavailable
from counter_app.domain.ids import IdNumber
from counter_app.items.person_enroll import KIND as ENROLL_KIND
from counter_app.services.certificates import KIND as CERTIFICATE_KIND
from counter_app.services.records import CaseSummary as CaseSummary
from counter_app.services.records import PersonSummary as PersonSummary
from counter_app.services.workstation_view import WorkstationView as Workstation
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.shared_models import (
    CaseRow,
    CertificateRow,
    HallRow,
    InsuranceStatusRow,
    InsuredPersonRow,
    PersonRow,
    UserRow,
)


@dataclass(frozen=True)
class OutboxItem:
    uuid: str
    kind: str
    status: str
    summary: str  # names, masked numbers and codes only: the same in every language
    created_at: dt.datetime
    attempts: int
    seq: int | None
    reason: str | None
    last_error: str | None
    acknowledged: bool = False
    reason_code: str | None = None
    detail_kind: str = ""  # e.g. the certificate kind of a ``certificate.issue``
    quarantine_code: str | None = None  # why it was set aside, or why a pending one waits
    quarantine_detail: str | None = None  # technical, free of personal data
    quarantined_at: dt.datetime | None = None


BUSINESS_CASE = "case"
BUSINESS_CERTIFICATE = "certificate"
ISSUED = "issued"
PENDING = "pending"


@dataclass(frozen=True)
class BusinessItem:
    """One piece of business done in the hall: a case, or a certificate issued."""

    id: str
    type: str  # BUSINESS_CASE | BUSINESS_CERTIFICATE
    item: str  # case item code (``REG-PERSON``) or certificate kind (``proof_personal``)
    reference: str | None  # case number or verification code; None until the centre numbers it
    subject_name: str
    at: dt.datetime
    window_number: int | None  # None where the record does not say
    actor: str
    actor_name: str
    status: str  # a case status, or ISSUED / PENDING for a certificate


def _case(row: CaseRow, subject_name: str = "") -> CaseSummary:
    return CaseSummary(
        row.id,
        row.case_no,
        row.item_code,
        row.status,
        row.summary,
        row.accepted_by,
        row.accepted_at,
        row.window_number,
        subject_name,
    )


def _summary_from(session: Session, id_number: str, source: str) -> PersonSummary | None:
    person = session.get(PersonRow, id_number)
    if person is None:
        return None
    insured = session.get(InsuredPersonRow, id_number)
    types = session.scalars(
        select(InsuranceStatusRow.insurance_type).where(InsuranceStatusRow.id_number == id_number)
    ).all()
    cases = session.scalars(
        select(CaseRow).where(CaseRow.id_number == id_number).order_by(CaseRow.accepted_at.desc())
    ).all()
    return PersonSummary(
        id_number=person.id_number,
        name=person.name,
        sex=person.sex,
        birth_date=person.birth_date,
        phone=person.phone,
        address=person.address,
        insured_number=insured.insured_number if insured else None,
        category=insured.category if insured else None,
        insurance_types=tuple(types),
        source=source,
        cases=tuple(_case(c, person.name) for c in cases),
    )


def _pending_for(local: Engine, id_number: str) -> bool:
    with Session(local) as session:
        payloads = session.scalars(
            select(OutboxRow.payload).where(
                OutboxRow.status == "pending", OutboxRow.kind == ENROLL_KIND
            )
        ).all()
    return any(_payload(p).get("id_number") == id_number for p in payloads)


def _payload(text: str) -> dict[str, object]:
    """An outbox payload; a damaged one (quarantined by the push) reads as empty."""
    try:
        payload = json.loads(text)
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def registry_person(engine: Engine, id_number: str, source: str) -> PersonSummary | None:
    """The person with ``id_number`` in the database of ``engine``, with their cases (the
    centre answers the workstations' look-ups with this, ``source`` "central")."""
    with Session(engine) as session:
        return _summary_from(session, id_number, source)


def find_person(ws: Workstation, id_number: IdNumber) -> PersonSummary | None:
    """The person with ``id_number`` from the cache, else from the central registry.

    When the centre cannot be asked (no answer, or no central session yet) the answer is
    the cache's alone: ``None`` for someone it does not hold.
    """
    found = registry_person(ws.local, id_number.value, "local")
    if found is None:
        try:
            found = ws.centre.find_person(id_number.value)
        except CentralUnavailable:
            return None
    if found is None:
        return None
    if _pending_for(ws.local, id_number.value):
        found = replace(found, pending_sync=True)
    return found


def outbox_items(ws: Workstation, *, limit: int = 200) -> list[OutboxItem]:
    with Session(ws.local) as session:
        rows = session.scalars(
            select(OutboxRow).order_by(OutboxRow.position.desc()).limit(limit)
        ).all()
        items = []
        for row in rows:
            payload = _payload(row.payload)
            items.append(
                OutboxItem(
                    row.uuid,
                    row.kind,
                    row.status,
                    _outbox_summary(row.kind, payload),
                    row.created_at,
                    row.attempts,
                    row.seq,
                    row.reason,
                    row.last_error,
                    bool(row.acknowledged),
                    row.reason_code,
                    str(payload.get("kind", "")) if row.kind == CERTIFICATE_KIND else "",
                    row.quarantine_code,
                    row.quarantine_detail,
                    row.quarantined_at,
                )
            )
    return items


def _masked(number: str) -> str:
    try:
        return IdNumber(number).masked()
    except Exception:  # a credit code or anything else: shown as it is
        return number


def _outbox_summary(kind: str, payload: dict[str, object]) -> str:
    """What a command is about, as data only (names, masked numbers, codes)."""
    if kind == CERTIFICATE_KIND:
        content = payload.get("content")
        name = str(content.get("name", "")) if isinstance(content, dict) else ""
        parts = [name, _masked(str(payload.get("subject", ""))), str(payload.get("code", ""))]
    else:
        parts = [str(payload[k]) for k in ("name", "username", "code") if k in payload]
        if "id_number" in payload:
            try:
                parts.append(IdNumber(str(payload["id_number"])).masked())
            except Exception:  # a damaged row's number: never shown unmasked
                parts.append("***")
    return " ".join(p for p in parts if p)


def case_number(ws: Workstation, case_id: str) -> str | None:
    """The central case number of a case, once the centre has assigned it."""
    with Session(ws.local) as session:
        case = session.get(CaseRow, case_id)
        return case.case_no if case else None


def case_numbers(ws: Workstation, case_ids: Iterable[str]) -> dict[str, str | None]:
    """Case id (the accepting command's UUID) → central case number (None until assigned).

    Ids that are not cases of this cache are left out.
    """
    wanted = sorted(set(case_ids))
    if not wanted:
        return {}
    with Session(ws.local) as session:
        rows = session.execute(
            select(CaseRow.id, CaseRow.case_no).where(CaseRow.id.in_(wanted))
        ).all()
        return {case_id: number for case_id, number in rows}


def hall_name(ws: Workstation) -> str:
    """The name of this workstation's hall as printed on documents (its code if unknown)."""
    with Session(ws.local) as session:
        hall = session.get(HallRow, ws.config.hall_code)
        return hall.name if hall else ws.config.hall_code


def display_names(ws: Workstation) -> dict[str, str]:
    """User name → display name of every user this workstation knows."""
    with Session(ws.local) as session:
        rows = session.execute(select(UserRow.username, UserRow.display_name)).all()
        return {username: name for username, name in rows}


def business_today(ws: Workstation, *, day: dt.date | None = None) -> list[BusinessItem]:
    """Everything done in this hall on ``day`` (today): cases and certificates, newest first."""
    day = day or dt.date.today()
    start = dt.datetime.combine(day, dt.time.min)
    end = start + dt.timedelta(days=1)
    hall = ws.config.hall_code
    with Session(ws.local) as session:
        users = session.execute(select(UserRow.username, UserRow.display_name)).all()
        names = {username: name for username, name in users}
        items: list[BusinessItem] = []
        cases = session.execute(
            select(CaseRow, PersonRow.name)
            .outerjoin(PersonRow, PersonRow.id_number == CaseRow.id_number)
            .where(CaseRow.hall_code == hall, CaseRow.accepted_at >= start)
            .where(CaseRow.accepted_at < end)
        ).all()
        for case, person_name in cases:
            items.append(
                BusinessItem(
                    case.id,
                    BUSINESS_CASE,
                    case.item_code,
                    case.case_no,
                    person_name or "",
                    case.accepted_at,
                    case.window_number or None,
                    case.accepted_by,
                    names.get(case.accepted_by, case.accepted_by),
                    case.status,
                )
            )
        pending = set(
            session.scalars(
                select(OutboxRow.uuid).where(
                    OutboxRow.status == "pending", OutboxRow.kind == CERTIFICATE_KIND
                )
            ).all()
        )
        certificates = session.scalars(
            select(CertificateRow).where(
                CertificateRow.hall_code == hall,
                CertificateRow.issued_at >= start,
                CertificateRow.issued_at < end,
            )
        ).all()
        for certificate in certificates:
            items.append(
                BusinessItem(
                    certificate.code,
                    BUSINESS_CERTIFICATE,
                    certificate.kind,
                    certificate.code,
                    certificate.subject_name,
                    certificate.issued_at,
                    None,
                    certificate.issued_by,
                    names.get(certificate.issued_by, certificate.issued_by),
                    PENDING if certificate.origin_command in pending else ISSUED,
                )
            )
    items.sort(key=lambda i: i.at, reverse=True)
    return items


def cases_today(ws: Workstation, *, day: dt.date | None = None) -> list[CaseSummary]:
    day = day or dt.date.today()
    start = dt.datetime.combine(day, dt.time.min)
    with Session(ws.local) as session:
        rows = session.scalars(
            select(CaseRow)
            .where(CaseRow.accepted_at >= start, CaseRow.accepted_at < start + dt.timedelta(days=1))
            .order_by(CaseRow.accepted_at.desc())
        ).all()
        return [_case(r) for r in rows]
