"""Look-ups the teller's screens make while serving one customer.

What became of a command this window sent (so a success message can follow the centre's
verdict), which certificates were issued earlier (so any of them can be reprinted, not only
those of the current login), and which windows the hall has (so a ticket can be transferred
to one). Answers are plain dataclasses; certificates come from the cache first, then from the
centre through its port.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.printing.verification import CASE_PREFIX
from counter_app.services.certificates import lookup_code
from counter_app.services.records import CertificateRecord as CertificateRecord
from counter_app.services.workstation_view import WorkstationView as Workstation
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.shared_models import CaseRow, CertificateRow, UserRow, WindowRow


@dataclass(frozen=True)
class CommandState:
    """Where a command of this workstation stands: ``pending``, ``applied`` or ``rejected``."""

    uuid: str
    status: str
    seq: int | None = None
    reason: str | None = None
    case_no: str | None = None  # the central case number, once pulled
    reason_code: str | None = None


def command_state(ws: Workstation, command_uuid: str) -> CommandState | None:
    """The outbox verdict of ``command_uuid`` and the case number it produced, if any."""
    with Session(ws.local) as session:
        row = session.get(OutboxRow, command_uuid)
        if row is None:
            return None
        case = session.get(CaseRow, command_uuid)
        return CommandState(
            command_uuid,
            row.status,
            row.seq,
            row.reason,
            case.case_no if case else None,
            row.reason_code,
        )


def _record(session: Session, row: CertificateRow) -> CertificateRecord:
    user = session.get(UserRow, row.issued_by)
    return CertificateRecord(
        row.code,
        row.kind,
        row.subject,
        row.subject_name,
        json.loads(row.content),
        row.issued_at,
        row.issued_by,
        row.hall_code,
        user.display_name if user is not None else "",
    )


def certificate_by_code(engine: Engine, code: str) -> CertificateRecord | None:
    """The certificate with verification ``code`` in the database of ``engine`` (the centre
    answers the workstations' look-ups with this)."""
    key = lookup_code(code)
    if not key:
        return None
    with Session(engine) as session:
        row = session.get(CertificateRow, key)
        return _record(session, row) if row is not None else None


def find_certificate(ws: Workstation, code: str) -> CertificateRecord | None:
    """The certificate with verification ``code``: from the cache, else from the centre.

    Raises ``CentralUnavailable`` when it is not in the cache and the centre does not answer,
    so "no such certificate" is only said when the centre said it.
    """
    key = lookup_code(code)
    if not key:
        return None
    found = certificate_by_code(ws.local, key)
    if found is not None:
        return found
    return ws.centre.find_certificate(key)


def certificates_issued(
    ws: Workstation,
    *,
    subject: str | None = None,
    day: dt.date | None = None,
    limit: int = 200,
) -> list[CertificateRecord]:
    """Certificates in the cache, newest first: of ``subject`` (any day), else of ``day`` in
    this workstation's hall (today when not given)."""
    with Session(ws.local) as session:
        query = select(CertificateRow).order_by(CertificateRow.issued_at.desc()).limit(limit)
        if subject:
            query = query.where(CertificateRow.subject == subject)
        else:
            start = dt.datetime.combine(day or dt.date.today(), dt.time.min)
            query = query.where(
                CertificateRow.hall_code == ws.config.hall_code,
                CertificateRow.issued_at >= start,
                CertificateRow.issued_at < start + dt.timedelta(days=1),
            )
        return [_record(session, r) for r in session.scalars(query).all()]


def hall_windows(ws: Workstation) -> list[int]:
    """The window numbers of this workstation's hall, as the cache knows them."""
    with Session(ws.local) as session:
        numbers = session.scalars(
            select(WindowRow.number)
            .where(WindowRow.hall_code == ws.config.hall_code)
            .order_by(WindowRow.number)
        ).all()
    return [int(n) for n in numbers]


def person_of_case(ws: Workstation, scanned: str) -> str | None:
    """The ID number of the person whose case an acceptance receipt names (its QR code or its
    case number typed in), from the cache; ``None`` when no such case is known here."""
    text = scanned.strip()
    if text.upper().startswith(CASE_PREFIX):
        text = text[len(CASE_PREFIX) :].strip()
    if not text:
        return None
    with Session(ws.local) as session:
        id_number = session.scalar(select(CaseRow.id_number).where(CaseRow.case_no == text))
    return str(id_number) if id_number else None
