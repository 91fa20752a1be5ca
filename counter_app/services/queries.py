"""Read-only questions the screens ask: who is this person, what is pending, today's cases.

Answers are plain dataclasses (never ORM rows), so the UI cannot lazily hit the database
from the GUI thread. A person is looked up in the local cache first, then — if the centre is
reachable — in the central registry, which holds far more people than any cache.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.domain.ids import IdNumber
from counter_app.services.enrollment import KIND as ENROLL_KIND
from counter_app.services.workstation import CentralUnavailable, Workstation
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.shared_models import (
    CaseRow,
    HallRow,
    InsuranceStatusRow,
    InsuredPersonRow,
    PersonRow,
)


@dataclass(frozen=True)
class PersonSummary:
    id_number: str
    name: str
    sex: str
    birth_date: dt.date
    phone: str
    address: str
    insured_number: str | None = None
    category: str | None = None
    insurance_types: tuple[str, ...] = ()
    pending_sync: bool = False
    source: str = "local"  # "local" cache or "central" registry
    cases: tuple[CaseSummary, ...] = field(default_factory=tuple)

    @property
    def enrolled(self) -> bool:
        return self.category is not None

    @property
    def masked_id(self) -> str:
        return IdNumber(self.id_number).masked()


@dataclass(frozen=True)
class CaseSummary:
    id: str
    case_no: str | None
    item_code: str
    status: str
    summary: str
    accepted_by: str
    accepted_at: dt.datetime
    window_number: int


@dataclass(frozen=True)
class OutboxItem:
    uuid: str
    kind: str
    status: str
    summary: str
    created_at: dt.datetime
    attempts: int
    seq: int | None
    reason: str | None
    last_error: str | None
    acknowledged: bool = False


def _case(row: CaseRow) -> CaseSummary:
    return CaseSummary(
        row.id,
        row.case_no,
        row.item_code,
        row.status,
        row.summary,
        row.accepted_by,
        row.accepted_at,
        row.window_number,
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
        cases=tuple(_case(c) for c in cases),
    )


def _pending_for(local: Engine, id_number: str) -> bool:
    with Session(local) as session:
        payloads = session.scalars(
            select(OutboxRow.payload).where(
                OutboxRow.status == "pending", OutboxRow.kind == ENROLL_KIND
            )
        ).all()
    return any(json.loads(p).get("id_number") == id_number for p in payloads)


def find_person(ws: Workstation, id_number: IdNumber) -> PersonSummary | None:
    """The person with ``id_number`` from the cache, else from the centre when reachable."""
    with Session(ws.local) as session:
        found = _summary_from(session, id_number.value, "local")
    if found is None:
        try:
            central = ws.central()
        except CentralUnavailable:
            return None
        with Session(central) as session:
            found = _summary_from(session, id_number.value, "central")
    if found is None:
        return None
    pending = _pending_for(ws.local, id_number.value)
    if pending:
        from dataclasses import replace

        found = replace(found, pending_sync=True)
    return found


def outbox_items(ws: Workstation, *, limit: int = 200) -> list[OutboxItem]:
    with Session(ws.local) as session:
        rows = session.scalars(
            select(OutboxRow).order_by(OutboxRow.position.desc()).limit(limit)
        ).all()
        items = []
        for row in rows:
            payload = json.loads(row.payload)
            summary = " ".join(
                str(payload[k]) for k in ("name", "username", "code") if k in payload
            )
            if "id_number" in payload:
                summary += f" {IdNumber(payload['id_number']).masked()}"
            items.append(
                OutboxItem(
                    row.uuid,
                    row.kind,
                    row.status,
                    summary.strip(),
                    row.created_at,
                    row.attempts,
                    row.seq,
                    row.reason,
                    row.last_error,
                    bool(row.acknowledged),
                )
            )
    return items


def case_number(ws: Workstation, case_id: str) -> str | None:
    """The central case number of a case, once the centre has assigned it."""
    with Session(ws.local) as session:
        case = session.get(CaseRow, case_id)
        return case.case_no if case else None


def hall_name(ws: Workstation) -> str:
    """The name of this workstation's hall as printed on documents (its code if unknown)."""
    with Session(ws.local) as session:
        hall = session.get(HallRow, ws.config.hall_code)
        return hall.name if hall else ws.config.hall_code


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
