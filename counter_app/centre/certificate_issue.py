"""Issuing a certificate at the centre, from the centre's own facts and calendar.

A proof of insurance certifies central facts as of a date, so both must be the centre's: the
workstation names only the kind and the subject. Here the subject is normalised, the facts
are read from the central database as of the service's business day, the verification code
is made from them, and the ``certificate.issue`` command — stamped with the session's user,
the signing workstation and its hall — is applied through ``apply_centrally`` like any
other command, so it is journaled (and later pulled into the caches) the same way.

An applied command returns the certificate to print; a refusal raises the domain error
(``Conflict`` for facts the centre does not hold or a rejection by the handler,
``PermissionDenied`` for a role that may not issue), which travels to the workstation as
itself.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counter_app.centre.apply import apply_centrally
from counter_app.domain.commands import Command, new_command_id
from counter_app.domain.errors import Conflict
from counter_app.domain.roles import Role, require
from counter_app.printing.verification import make_code as verification_code
from counter_app.services.certificates import (
    KIND,
    CodeMaker,
    IssuedCertificate,
    content_hash,
    facts_for,
    normalise_subject,
)
from counter_app.services.handlers import handler_for


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
) -> IssuedCertificate:
    """Issue a ``kind`` certificate of ``subject`` for ``actor`` at ``workstation``.

    ``actor``, ``role``, ``workstation`` and ``hall_code`` are what the service verified (the
    session and the signature), ``business_day`` the service's. ``make_code(kind,
    command_uuid, content_hash)`` makes the verification code.
    """
    require(actor, role, handler_for(KIND).permission)
    subject = normalise_subject(kind, subject)
    with Session(engine) as session:
        content = facts_for(session, kind, subject, business_day)
    command_uuid = new_command_id()
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
