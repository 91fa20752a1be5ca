"""Certificates and the central registry's lookups.

* ``POST /v1/certificates`` ``{kind, subject}``: issue a certificate from the centre's facts,
  dated the service's business day;
* ``GET /v1/certificates/verify?code=…``: confirm a code from the central journal;
* ``GET /v1/certificates?code=…``: the certificate with this code, to reprint it (``null``
  when there is none);
* ``POST /v1/persons/lookup`` ``{id_number}``: a person of the registry (``null`` when none).

Every endpoint needs a signed workstation **and a live staff session** (``X-Counter-Session``):
the answers hold personal data (names, insured numbers, ID numbers), and every screen that
asks — the certificate tab, the verification and reprint dialogs, the customer panel — is
used by a logged-in member of staff. Looking up is not restricted to the workstation's hall
(people and certificates are reference data of the whole registry); issuing is done for the
session's user at the signing workstation's hall, with the role's permission.

What a person typed (a code, an ID number) never goes into a URL path, because the access
and refusal logs print paths: it travels in the query (not logged) or the body. "Not found"
is an answer, not a refusal, so a routing 404 cannot be mistaken for it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from counter_app.centre.certificate_issue import issue_at_centre
from counter_app.domain.ids import IdNumber
from counter_app.services.certificates import Verification, verify_certificate
from counter_app.services.counter_lookups import CertificateRecord, certificate_by_code
from counter_app.services.queries import CaseSummary, PersonSummary, registry_person
from counter_central.api_counter_models import (
    CaseOut,
    CertificateLookupResponse,
    CertificateRecordOut,
    CertificateRequest,
    IssuedCertificateOut,
    PersonLookupRequest,
    PersonLookupResponse,
    PersonOut,
    VerificationOut,
)
from counter_central.api_models import ErrorBody
from counter_central.context import caller, service_context, session_user

router = APIRouter(prefix="/v1", tags=["counter"])

REFUSALS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody} for status in (401, 403, 409, 413, 422, 503)
}

Code = Annotated[str, Query(min_length=1, max_length=100, description="as typed or scanned")]


def _aware(local_naive: dt.datetime) -> dt.datetime:
    """A time stored as naive local time of the service host, with that host's offset."""
    return local_naive.astimezone() if local_naive.tzinfo is None else local_naive


def _json(content: dict[str, Any]) -> Any:
    """``content`` as plain JSON values (stored content was canonical JSON text)."""
    return json.loads(json.dumps(content, ensure_ascii=False, default=str))


@router.post(
    "/certificates", response_model=IssuedCertificateOut, status_code=201, responses=REFUSALS
)
def post_certificate(request: Request, body: CertificateRequest) -> IssuedCertificateOut:
    """Issue a certificate of ``subject`` (an ID number or a credit code) for the session's user.

    The facts are the centre's, as of the service's business day; the command is journaled
    like any other. A refusal (the person is not insured, an unknown employer, a role that
    may not issue) answers 4xx with the domain error.
    """
    context = service_context(request)
    workstation = caller(request)
    user = session_user(request)
    issued = issue_at_centre(
        context.engine,
        kind=body.kind,
        subject=body.subject,
        actor=user.username,
        role=user.role,
        workstation=workstation.id,
        hall_code=workstation.hall_code,
        business_day=context.clock.business_day(),
        request_id=body.request_id,
    )
    return IssuedCertificateOut(
        code=issued.code,
        kind=issued.kind,
        subject=issued.subject,
        content=_json(issued.content),
        journal_seq=issued.journal_seq,
        command_uuid=issued.command_uuid,
    )


def _verification_out(found: Verification) -> VerificationOut:
    return VerificationOut(
        code=found.code,
        genuine=found.genuine,
        problem=found.problem,
        problem_code=found.problem_code,
        kind=found.kind,
        subject_name=found.subject_name,
        content=_json(found.content) if found.content is not None else None,
        issued_at=_aware(found.issued_at) if found.issued_at is not None else None,
        issued_by=found.issued_by,
        hall_code=found.hall_code,
        journal_seq=found.journal_seq,
    )


@router.get("/certificates/verify", response_model=VerificationOut, responses=REFUSALS)
def get_verification(request: Request, code: Code) -> VerificationOut:
    """Whether ``code`` was issued and is unchanged since, from the central journal.

    Needs a staff session: a genuine certificate's answer shows its holder's data.
    """
    session_user(request)
    return _verification_out(verify_certificate(service_context(request).engine, code))


def _record_out(record: CertificateRecord) -> CertificateRecordOut:
    return CertificateRecordOut(
        code=record.code,
        kind=record.kind,
        subject=record.subject,
        subject_name=record.subject_name,
        content=_json(record.content),
        issued_at=_aware(record.issued_at),
        issued_by=record.issued_by,
        hall_code=record.hall_code,
        issued_by_name=record.issued_by_name,
    )


@router.get("/certificates", response_model=CertificateLookupResponse, responses=REFUSALS)
def get_certificate(request: Request, code: Code) -> CertificateLookupResponse:
    """The certificate with verification ``code`` (any hall's), or ``null``."""
    session_user(request)
    record = certificate_by_code(service_context(request).engine, code)
    return CertificateLookupResponse(certificate=_record_out(record) if record else None)


def _case_out(case: CaseSummary) -> CaseOut:
    return CaseOut(
        id=case.id,
        case_no=case.case_no,
        item_code=case.item_code,
        status=case.status,
        summary=case.summary,
        accepted_by=case.accepted_by,
        accepted_at=_aware(case.accepted_at),
        window_number=case.window_number,
        subject_name=case.subject_name,
    )


def _person_out(person: PersonSummary) -> PersonOut:
    return PersonOut(
        id_number=person.id_number,
        name=person.name,
        sex=person.sex,
        birth_date=person.birth_date,
        phone=person.phone,
        address=person.address,
        insured_number=person.insured_number,
        category=person.category,
        insurance_types=list(person.insurance_types),
        cases=[_case_out(c) for c in person.cases],
    )


@router.post("/persons/lookup", response_model=PersonLookupResponse, responses=REFUSALS)
def lookup_person(request: Request, body: PersonLookupRequest) -> PersonLookupResponse:
    """The registry's person with ``id_number`` (of any hall), with their cases, or ``null``.

    A POST so that the ID number is in the body, never in a logged path. The number must be
    a valid one (``ValidationError`` otherwise).
    """
    context = service_context(request)
    session_user(request)
    id_number = IdNumber.parse(body.id_number, today=context.clock.business_day())
    person = registry_person(context.engine, id_number.value, "central")
    return PersonLookupResponse(person=_person_out(person) if person else None)
