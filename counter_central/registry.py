"""The workstation registry: registration, one-time enrolment codes, enrolment, revocation.

An administrator registers a workstation (its id and hall) and gets a one-time code, valid
for a limited time and stored only as its SHA-256. The workstation makes its own Ed25519 key
pair and sends the public key with the code, signing that request with the new private key
(proof of possession). From then on the service knows the workstation by that key. A
revocation takes effect on the next request and ends the workstation's sessions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session

from counter_app.storage.service_models import (
    WS_ACTIVE,
    WS_PENDING,
    WS_REVOKED,
    EnrolmentCodeRow,
    WorkstationRow,
)
from counter_app.wire import is_workstation_id
from counter_central import sessions
from counter_central.clock import ServiceClock
from counter_central.refusals import Refusal
from counter_central.request_auth import CallerWorkstation

# Crockford's base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 20  # 100 bits
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


class RegistryError(Exception):
    """An administrative registry action is not possible; the message says why."""


@dataclass(frozen=True)
class IssuedCode:
    workstation_id: str
    hall_code: str
    code: str
    expires_at: dt.datetime  # naive UTC


@dataclass(frozen=True)
class WorkstationInfo:
    id: str
    hall_code: str
    status: str
    label: str
    enrolled_at: dt.datetime | None
    revoked_at: dt.datetime | None


def normalise_code(code: str) -> str:
    return "".join(code.upper().split()).replace("-", "").translate(_READ_AS)


def code_hash(code: str) -> str:
    material = "counter-central-enrolment-v1:" + normalise_code(code)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 5] for i in range(0, CODE_LENGTH, 5))


def add_workstation(
    engine: Engine,
    clock: ServiceClock,
    workstation_id: str,
    hall_code: str,
    *,
    valid_for: dt.timedelta,
    label: str = "",
    replace: bool = False,
) -> IssuedCode:
    """Register ``workstation_id`` (or, with ``replace``, reset it) and issue its code."""
    if not is_workstation_id(workstation_id):
        raise RegistryError(
            f"{workstation_id!r} is not a workstation id (letters, digits, '.', '_', '-'; "
            "at most 50)"
        )
    now = clock.utc()
    code = _new_code()
    with Session(engine) as session, session.begin():
        row = session.get(WorkstationRow, workstation_id, with_for_update=True)
        if row is not None and not replace:
            raise RegistryError(
                f"workstation {workstation_id} is already registered ({row.status}); "
                "--replace issues a new code and disables its current key"
            )
        if row is None:
            row = WorkstationRow(id=workstation_id, created_at=now)
            session.add(row)
        row.hall_code = hall_code
        row.label = label
        row.status = WS_PENDING
        row.public_key = None
        row.enrolled_at = None
        row.revoked_at = None
        sessions.end_all(session, workstation_id, now)
        session.execute(
            delete(EnrolmentCodeRow).where(EnrolmentCodeRow.workstation_id == workstation_id)
        )
        session.add(
            EnrolmentCodeRow(
                code_hash=code_hash(code),
                workstation_id=workstation_id,
                created_at=now,
                expires_at=now + valid_for,
                used_at=None,
            )
        )
    return IssuedCode(workstation_id, hall_code, code, now + valid_for)


def revoke_workstation(engine: Engine, clock: ServiceClock, workstation_id: str) -> None:
    now = clock.utc()
    with Session(engine) as session, session.begin():
        row = session.get(WorkstationRow, workstation_id, with_for_update=True)
        if row is None:
            raise RegistryError(f"no workstation {workstation_id} is registered")
        row.status = WS_REVOKED
        row.revoked_at = now
        sessions.end_all(session, workstation_id, now)
        session.execute(
            delete(EnrolmentCodeRow).where(EnrolmentCodeRow.workstation_id == workstation_id)
        )


def list_workstations(engine: Engine) -> list[WorkstationInfo]:
    with Session(engine) as session:
        rows = session.scalars(select(WorkstationRow).order_by(WorkstationRow.id)).all()
        return [
            WorkstationInfo(r.id, r.hall_code, r.status, r.label, r.enrolled_at, r.revoked_at)
            for r in rows
        ]


def enrol(
    engine: Engine, clock: ServiceClock, workstation_id: str, code: str, public_key: str
) -> CallerWorkstation:
    """Bind ``public_key`` to the workstation the unused, unexpired ``code`` was issued for.

    The caller has already checked that the request is signed with ``public_key``.
    """
    refused = Refusal(
        403, "enrolment_refused", "the enrolment code is unknown, used, expired or not for this id"
    )
    now = clock.utc()
    with Session(engine) as session, session.begin():
        claimed = session.execute(
            update(EnrolmentCodeRow)
            .where(
                EnrolmentCodeRow.code_hash == code_hash(code),
                EnrolmentCodeRow.workstation_id == workstation_id,
                EnrolmentCodeRow.used_at.is_(None),
                EnrolmentCodeRow.expires_at > now,
            )
            .values(used_at=now)
        )
        if not claimed.rowcount:  # type: ignore[attr-defined]
            raise refused
        row = session.get(WorkstationRow, workstation_id, with_for_update=True)
        if row is None or row.status != WS_PENDING:
            raise refused
        row.public_key = public_key
        row.status = WS_ACTIVE
        row.enrolled_at = now
        return CallerWorkstation(row.id, row.hall_code)
