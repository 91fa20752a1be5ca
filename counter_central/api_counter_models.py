"""The bodies of the certificate and registry endpoints (``routes_counter``).

Kept apart from ``api_models`` (sessions, commands, journal) so the counter's answers are
described in one place. Request models forbid unknown fields and bound every string; the
subject and the ID number are checked by the domain rules (``IdNumber``, ``Uscc``) in the
service code, so a refusal names the rule that failed. Times go out with their UTC offset.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field, JsonValue

from counter_central.api_models import Request


class CertificateRequest(Request):
    kind: str = Field(
        min_length=1,
        max_length=32,
        pattern=r"^[a-z][a-z0-9_]*$",
        examples=["proof_personal", "proof_employer"],
    )
    subject: str = Field(
        min_length=1,
        max_length=40,
        description="the person's ID number or the employer's unified social credit code",
    )
    request_id: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
        description=(
            "a UUID the workstation keeps for this request: asked again after a lost answer, "
            "the service returns the certificate it issued the first time instead of a second"
        ),
    )


class IssuedCertificateOut(BaseModel):
    code: str = Field(description="the verification code printed on the certificate")
    kind: str
    subject: str = Field(description="the normalised ID number or credit code")
    content: dict[str, JsonValue] = Field(description="the certified facts, as printed")
    journal_seq: int = Field(description="the journal entry that recorded the issue")
    command_uuid: str


class VerificationOut(BaseModel):
    code: str = Field(description="the code looked up (canonical form when it parses as one)")
    genuine: bool
    problem: str = Field(default="", description="why it is not confirmed, in English")
    problem_code: str = Field(
        default="",
        description="unknown_code, no_journal_entry, journal_modified or content_differs",
    )
    kind: str = ""
    subject_name: str = ""
    content: dict[str, JsonValue] | None = None
    issued_at: dt.datetime | None = None
    issued_by: str = ""
    hall_code: str = ""
    journal_seq: int | None = None


class CertificateRecordOut(BaseModel):
    code: str
    kind: str
    subject: str
    subject_name: str
    content: dict[str, JsonValue]
    issued_at: dt.datetime
    issued_by: str
    hall_code: str
    issued_by_name: str = Field(default="", description="the teller's display name, if known")


class CertificateLookupResponse(BaseModel):
    certificate: CertificateRecordOut | None = Field(
        description="null when no certificate has this code"
    )


class PersonLookupRequest(Request):
    id_number: str = Field(min_length=1, max_length=40)


class CaseOut(BaseModel):
    id: str
    case_no: str | None
    item_code: str
    status: str
    summary: str
    accepted_by: str
    accepted_at: dt.datetime
    window_number: int
    subject_name: str = ""


class PersonOut(BaseModel):
    id_number: str
    name: str
    sex: str
    birth_date: dt.date
    phone: str
    address: str
    insured_number: str | None = None
    category: str | None = None
    insurance_types: list[str] = Field(default_factory=list)
    cases: list[CaseOut] = Field(default_factory=list)


class PersonLookupResponse(BaseModel):
    person: PersonOut | None = Field(description="null when the registry has nobody by this ID")
