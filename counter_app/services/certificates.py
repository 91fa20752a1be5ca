"""Certificates (参保证明): issued by the centre, verifiable from the central journal.

A proof of insurance certifies central facts, so only the centre issues one: a workstation
asks through its ``CentralPort`` (``issue_certificate``), and the centre reads the facts as of
its own business day, makes the verification code and applies the ``certificate.issue``
command (``counter_app.centre.certificate_issue``); ``apply_issue`` re-reads the central state
and rejects the command if the facts differ. Only an applied command is printed.
``verify_certificate`` later confirms a code from the central journal (run by the service).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict, ValidationError
from counter_app.domain.ids import IdNumber, Uscc
from counter_app.domain.roles import Permission
from counter_app.printing.verification import parse_code
from counter_app.services.apply_context import ApplyContext
from counter_app.services.handlers import Handler, register
from counter_app.services.records import IssuedCertificate as IssuedCertificate
from counter_app.services.records import Verification as Verification
from counter_app.services.workstation_view import WorkstationView as Workstation
from counter_app.storage.central_models import JournalRow
from counter_app.storage.journal_hash import entry_hash
from counter_app.storage.rowcodec import canonical_json
from counter_app.storage.shared_models import (
    CertificateRow,
    EmployerRow,
    InsuranceStatusRow,
    InsuredPersonRow,
    PersonRow,
)

KIND = "certificate.issue"
PERSONAL = "proof_personal"
EMPLOYER = "proof_employer"
KINDS = (PERSONAL, EMPLOYER)


def personal_facts(session: Session, id_number: str, as_of: dt.date) -> dict[str, Any]:
    person = session.get(PersonRow, id_number)
    insured = session.get(InsuredPersonRow, id_number)
    if person is None or insured is None:
        raise Conflict("not_insured", "this person is not insured; no proof can be issued")
    statuses = session.scalars(
        select(InsuranceStatusRow)
        .where(InsuranceStatusRow.id_number == id_number)
        .order_by(InsuranceStatusRow.insurance_type)
    ).all()
    return {
        "name": person.name,
        "id_number_masked": IdNumber(id_number).masked(),
        "insured_number": insured.insured_number,
        "category": insured.category,
        "employer_code": insured.employer_code or "",
        "insurance": [
            {"type": s.insurance_type, "status": s.status, "since": s.start_date.isoformat()}
            for s in statuses
        ],
        "as_of": as_of.isoformat(),
    }


def employer_facts(session: Session, credit_code: str, as_of: dt.date) -> dict[str, Any]:
    employer = session.get(EmployerRow, credit_code)
    if employer is None:
        raise Conflict("unknown_employer", "no insured employer has this credit code")
    staff = session.scalar(
        select(func.count())
        .select_from(InsuredPersonRow)
        .where(InsuredPersonRow.employer_code == credit_code)
    )
    return {
        "name": employer.name,
        "credit_code": credit_code,
        "address": employer.address,
        "insured_staff": int(staff or 0),
        "as_of": as_of.isoformat(),
    }


def facts_for(session: Session, kind: str, subject: str, as_of: dt.date) -> dict[str, Any]:
    if kind == PERSONAL:
        return personal_facts(session, subject, as_of)
    if kind == EMPLOYER:
        return employer_facts(session, subject, as_of)
    raise ValidationError("kind", "choice", f"unknown certificate kind {kind!r}")


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content).encode("utf-8")).hexdigest()


def apply_issue(ctx: ApplyContext, command: Command) -> None:
    p = command.payload
    kind, subject, content = str(p["kind"]), str(p["subject"]), dict(p["content"])
    code = str(p.get("code", "")).strip()
    if not code:
        raise ValidationError("code", "required", "a certificate needs a verification code")
    as_of = dt.date.fromisoformat(content["as_of"])
    if abs((as_of - ctx.now.date()).days) > 1:
        raise ValidationError("as_of", "range", "a certificate is dated the day it is issued")
    # The centre certifies only what it holds itself.
    if ctx.side == "central" and facts_for(ctx.session, kind, subject, as_of) != content:
        raise Conflict(
            "stale_content",
            "the central record differs from this workstation's copy; sync and issue again",
        )
    if ctx.get(CertificateRow, code) is not None:
        raise Conflict("duplicate_code", f"verification code {code} is already in use")
    ctx.put(
        CertificateRow(
            code=code,
            kind=kind,
            subject=subject,
            subject_name=str(content.get("name", "")),
            content=canonical_json(content),
            content_hash=content_hash(content),
            hall_code=command.hall_code,
            issued_by=command.actor,
            issued_at=ctx.now.replace(tzinfo=None),
            origin_command=command.uuid,
        )
    )


register(Handler(kind=KIND, permission=Permission.ACCEPT_CASES, apply=apply_issue))


# Why a code is not confirmed (``Verification.problem_code``); the UI translates by these.
UNKNOWN_CODE = "unknown_code"  # no certificate was issued with this code
NO_JOURNAL_ENTRY = "no_journal_entry"  # the certificate row has no journal entry
JOURNAL_MODIFIED = "journal_modified"  # the journal entry's hash does not match (journal_seq)
CONTENT_DIFFERS = "content_differs"  # the certificate differs from what was journaled
PROBLEM_CODES = (UNKNOWN_CODE, NO_JOURNAL_ENTRY, JOURNAL_MODIFIED, CONTENT_DIFFERS)


def lookup_code(raw: str) -> str:
    """The key to look ``raw`` up by: the canonical code when ``raw`` parses as one (the QR
    payload, lower case, any separators, Crockford substitutions), else ``raw`` trimmed and in
    upper case (codes made by another ``CodeMaker``)."""
    try:
        return parse_code(raw)
    except ValidationError:
        return raw.strip().upper()


def verify_certificate(central: Engine, code: str) -> Verification:
    """Confirm from the central journal that ``code`` was issued, and what it certified.

    ``code`` may be what was typed or scanned; see ``lookup_code``.
    """
    code = lookup_code(code)
    with Session(central) as session:
        row = session.get(CertificateRow, code)
        if row is None:
            return Verification(
                code,
                False,
                "no certificate with this verification code",
                problem_code=UNKNOWN_CODE,
            )
        entry = session.scalar(
            select(JournalRow).where(JournalRow.command_uuid == row.origin_command)
        )
        if entry is None:
            return Verification(
                code,
                False,
                "the certificate has no journal entry",
                problem_code=NO_JOURNAL_ENTRY,
            )
        if entry_hash(entry) != entry.hash:
            return Verification(
                code,
                False,
                f"journal entry {entry.seq} was modified",
                journal_seq=entry.seq,
                problem_code=JOURNAL_MODIFIED,
            )
        journaled = [
            e["values"]
            for e in json.loads(entry.effects)
            if e["table"] == "certificates" and e["key"].get("code") == code
        ]
        content = json.loads(row.content)
        if not journaled or journaled[0]["content_hash"] != content_hash(content):
            return Verification(
                code,
                False,
                "the certificate differs from its journal entry",
                journal_seq=entry.seq,
                problem_code=CONTENT_DIFFERS,
            )
        return Verification(
            code,
            True,
            kind=row.kind,
            subject_name=row.subject_name,
            content=content,
            issued_at=row.issued_at,
            issued_by=row.issued_by,
            hall_code=row.hall_code,
            journal_seq=entry.seq,
        )


def normalise_subject(kind: str, subject: str) -> str:
    if kind == PERSONAL:
        return IdNumber.parse(subject, field="subject").value
    if kind == EMPLOYER:
        return Uscc.parse(subject, field="subject").value
    raise ValidationError("kind", "choice", f"unknown certificate kind {kind!r}")


# ``make_code(kind, command_uuid, content_hash)`` → the verification code (the centre's choice).
CodeMaker = Callable[[str, str, str], str]


def issue_certificate(ws: Workstation, actor: str, kind: str, subject: str) -> IssuedCertificate:
    """Have the centre issue a certificate; returned only once the centre has journaled it.

    The centre reads the facts, dates them with its business day and applies the command
    itself (``counter_app.centre.certificate_issue``), for the user whose central session
    this workstation holds: ``actor``, the user at the window (it is not sent). The subject
    is checked here first, so a mistyped one is refused without asking the centre. Raises
    ``CentralUnavailable`` when the centre does not answer (nothing is then printed) and the
    centre's refusal (``Conflict``, ``PermissionDenied``, ``ValidationError``) when it says no.
    The certificate row reaches this workstation's cache with the next pull.
    """
    subject = normalise_subject(kind, subject)
    return ws.centre.issue_certificate(kind, subject)
