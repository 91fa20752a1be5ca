"""Issuing a certificate (``certificate.issue``): the command the centre applies.

The facts a proof of insurance certifies are read by the centre as of its own business day
(``counter_app.centre.certificate_issue``); ``apply_issue`` re-reads them inside the command's
transaction and rejects the command when they differ from what the workstation was about to
print. Verification and reprints live in ``counter_app.services.certificates``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict, ValidationError
from counter_app.domain.ids import IdNumber
from counter_app.domain.roles import Permission
from counter_app.items.apply_context import ApplyContext
from counter_app.items.spec import UNKNOWN_EMPLOYER, Changes, ItemSpec, Text
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


@dataclass(frozen=True)
class CertificateIssue:
    kind: str
    subject: str
    content: dict[str, Any]
    code: str = ""
    ticket: str = ""
    window_number: int = 0


def apply_issue(ctx: ApplyContext, command: Command, p: CertificateIssue) -> None:
    kind, subject, content = p.kind, p.subject, dict(p.content)
    code = p.code.strip()
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


SPEC = ItemSpec(
    kind=KIND,
    payload_type=CertificateIssue,
    permission=Permission.ACCEPT_CASES,
    apply=apply_issue,
    label=Text("出具参保证明", "Certificate issued"),
    codes=("CERT-PERSON", "CERT-EMPLOYER"),
    documents=("certificate",),
    conflicts={
        "not_insured": Text("该人员未参保，不能出具参保证明", "This person is not insured"),
        "unknown_employer": UNKNOWN_EMPLOYER,
        "stale_content": Text(
            "中心记录与本机不一致，请同步后重新出具",
            "The central record differs from this workstation's copy",
        ),
        "duplicate_code": Text("验证码已被使用", "The verification code is already in use"),
        "request_reused": Text(
            "该请求编号属于另一次出具请求", "This request id belongs to another request"
        ),
    },
    changes=lambda p: Changes(
        persons=frozenset({p.subject}) if p.kind == PERSONAL else frozenset(),
        employers=frozenset({p.subject}) if p.kind == EMPLOYER else frozenset(),
        certificates=True,
    ),
)
