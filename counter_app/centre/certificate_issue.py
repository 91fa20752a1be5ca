"""Issuing a certificate at the centre, from the centre's own facts and calendar.

A proof of insurance certifies central facts as of a date, so both must be the centre's: the
workstation names only the kind and the subject. Here the subject is normalised, the facts
are read from the central database as of the service's business day, the verification code
is made from them, and the ``certificate.issue`` command — stamped with the session's user,
the signing workstation and its hall — is applied through ``apply_centrally`` like any
other command, so it is journaled (and later pulled into the caches) the same way.

A request may carry the workstation's ``request_id`` (a UUID): it becomes the command's UUID,
so the same request asked again after a lost answer finds its journal entry and gets the
certificate issued the first time — never a second one. Only the same user at the same
workstation gets it back that way.

An applied command returns the certificate to print; a refusal raises the domain error
(``Conflict`` for facts the centre does not hold or a rejection by the handler,
``PermissionDenied`` for a role that may not issue), which travels to the workstation as
itself.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.centre.apply import apply_centrally
from counter_app.domain.commands import Command, new_command_id
from counter_app.domain.errors import Conflict
from counter_app.domain.roles import Role, require
from counter_app.items.registry import spec_for
from counter_app.printing.verification import make_code as verification_code
from counter_app.services.certificates import (
    KIND,
    CodeMaker,
    IssuedCertificate,
    content_hash,
    facts_for,
    normalise_subject,
)
from counter_app.storage.central_models import JournalRow, RejectionRow
from counter_app.storage.shared_models import CertificateRow


def issue_at_centre(
    engine: Engine,
    *,
    kind: str,
    subject: str,
    actor: str,
    role: Role,
    workstation: str,
    hall_code: str,
    business_day: dt.date,
    make_code: CodeMaker = verification_code,
    request_id: str | None = None,
) -> IssuedCertificate:
    """Issue a ``kind`` certificate of ``subject`` for ``actor`` at ``workstation``.

    ``actor``, ``role``, ``workstation`` and ``hall_code`` are what the service verified (the
    session and the signature), ``business_day`` the service's. ``make_code(kind,
    command_uuid, content_hash)`` makes the verification code.
    """
    require(actor, role, spec_for(KIND).permission)
    subject = normalise_subject(kind, subject)
    if request_id is not None:
        earlier = _issued_before(engine, request_id, actor=actor, workstation=workstation)
        if earlier is not None:
            return earlier
    with Session(engine) as session:
        content = facts_for(session, kind, subject, business_day)
    command_uuid = request_id or new_command_id()
    code = make_code(kind, command_uuid, content_hash(content))
    command = Command(
        kind=KIND,
        payload={"kind": kind, "subject": subject, "content": content, "code": code},
        actor=actor,
        workstation=workstation,
        hall_code=hall_code,
        uuid=command_uuid,
    )
    verdict = apply_centrally(engine, command)
    if not verdict.applied or verdict.seq is None:
        raise Conflict(
            verdict.reason_code or "rejected", verdict.reason or "rejected by the centre"
        )
    return IssuedCertificate(code, kind, subject, content, verdict.seq, command_uuid)


def _issued_before(
    engine: Engine, request_id: str, *, actor: str, workstation: str
) -> IssuedCertificate | None:
    """The certificate a repeated request issued the first time (``None``: not asked yet)."""
    with Session(engine) as session:
        entry = session.scalars(
            select(JournalRow).where(JournalRow.command_uuid == request_id)
        ).one_or_none()
        if entry is None:
            rejection = session.get(RejectionRow, request_id)
            if rejection is not None and rejection.actor == actor:
                raise Conflict(rejection.reason_code, rejection.reason)
            return None
        if entry.kind != KIND or entry.actor != actor or entry.workstation != workstation:
            raise Conflict("request_reused", "this request id belongs to another request")
        row = session.scalars(
            select(CertificateRow).where(CertificateRow.origin_command == request_id)
        ).one()
        return IssuedCertificate(
            row.code, row.kind, row.subject, json.loads(row.content), entry.seq, request_id
        )
