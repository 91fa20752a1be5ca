"""Certificates (参保证明): issued by the centre, verifiable from the central journal.

A proof of insurance certifies central facts, so only the centre issues one: a workstation
asks through its ``CentralPort`` (``issue_certificate``), and the centre reads the facts as of
its own business day, makes the verification code and applies the ``certificate.issue``
command (``counter_app.centre.certificate_issue``); ``apply_issue`` re-reads the central state
and rejects the command if the facts differ. Only an applied command is printed.
``verify_certificate`` later confirms a code from the central journal (run by the service).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.domain.errors import ValidationError
from counter_app.domain.ids import IdNumber, Uscc
from counter_app.items.certificate_issue import (
    EMPLOYER as EMPLOYER,
)
from counter_app.items.certificate_issue import (
    KIND as KIND,
)
from counter_app.items.certificate_issue import (
    KINDS as KINDS,
)
from counter_app.items.certificate_issue import (
    PERSONAL as PERSONAL,
)
from counter_app.items.certificate_issue import (
    content_hash as content_hash,
)
from counter_app.items.certificate_issue import (
    facts_for as facts_for,
)
from counter_app.printing.verification import parse_code
from counter_app.services.records import IssuedCertificate as IssuedCertificate
from counter_app.services.records import Verification as Verification
from counter_app.services.workstation_view import WorkstationView as Workstation
from counter_app.storage.central_models import JournalRow
from counter_app.storage.journal_hash import entry_hash
from counter_app.storage.shared_models import (
    CertificateRow,
)

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


def issue_certificate(
    ws: Workstation, actor: str, kind: str, subject: str, request_id: str | None = None
) -> IssuedCertificate:
    """Have the centre issue a certificate; returned only once the centre has journaled it.

    The centre reads the facts, dates them with its business day and applies the command
    itself (``counter_app.centre.certificate_issue``), for the user whose central session
    this workstation holds: ``actor``, the user at the window (it is not sent). The subject
    is checked here first, so a mistyped one is refused without asking the centre. Raises
    ``CentralUnavailable`` when the centre does not answer (nothing is then printed) and the
    centre's refusal (``Conflict``, ``PermissionDenied``, ``ValidationError``) when it says no.
    The certificate row reaches this workstation's cache with the next pull.

    ``request_id`` (a UUID the caller keeps until the request succeeds) makes the request
    idempotent: asked again after a lost answer, the centre returns the first certificate.
    """
    subject = normalise_subject(kind, subject)
    return ws.centre.issue_certificate(kind, subject, request_id)
