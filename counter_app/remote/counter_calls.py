"""Certificate and registry calls to counter-central (part of ``HttpCentral``).

Each call is made on the session of the user logged in at this workstation and decodes the
answer into the use cases' own types. Times arrive as ISO 8601 with an offset and become
naive local times, as the cache stores them. A malformed answer raises
``CentralUnavailable``; "no such certificate or person" is an answer (``null``), not a refusal,
so it comes back as ``None``. No ID number is ever put in a URL: the service logs paths.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from counter_app.domain.errors import CentralUnavailable
from counter_app.remote.calls_base import CallsBase
from counter_app.remote.wire_models import malformed
from counter_app.services.certificates import IssuedCertificate, Verification
from counter_app.services.counter_lookups import CertificateRecord
from counter_app.services.queries import CaseSummary, PersonSummary
from counter_app.sync.port import NoSession


def local_time(text: str) -> dt.datetime:
    """An ISO time from the wire as a naive local time (aware ones are converted)."""
    moment = dt.datetime.fromisoformat(text)
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _content(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("content is not an object")
    return value


def parse_issued(answer: Any) -> IssuedCertificate:
    try:
        return IssuedCertificate(
            code=str(answer["code"]),
            kind=str(answer["kind"]),
            subject=str(answer["subject"]),
            content=_content(answer["content"]),
            journal_seq=int(answer["journal_seq"]),
            command_uuid=str(answer["command_uuid"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise malformed("certificate", exc) from None


def parse_verification(answer: Any) -> Verification:
    try:
        content = answer.get("content")
        issued_at = answer.get("issued_at")
        seq = answer.get("journal_seq")
        return Verification(
            code=str(answer["code"]),
            genuine=bool(answer["genuine"]),
            problem=str(answer.get("problem") or ""),
            kind=str(answer.get("kind") or ""),
            subject_name=str(answer.get("subject_name") or ""),
            content=_content(content) if content is not None else None,
            issued_at=local_time(issued_at) if issued_at is not None else None,
            issued_by=str(answer.get("issued_by") or ""),
            hall_code=str(answer.get("hall_code") or ""),
            journal_seq=int(seq) if seq is not None else None,
            problem_code=str(answer.get("problem_code") or ""),
        )
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise malformed("verification", exc) from None


def parse_certificate(answer: Any) -> CertificateRecord | None:
    try:
        item = answer["certificate"]
        if item is None:
            return None
        return CertificateRecord(
            code=str(item["code"]),
            kind=str(item["kind"]),
            subject=str(item["subject"]),
            subject_name=str(item["subject_name"]),
            content=_content(item["content"]),
            issued_at=local_time(item["issued_at"]),
            issued_by=str(item["issued_by"]),
            hall_code=str(item["hall_code"]),
            issued_by_name=str(item.get("issued_by_name") or ""),
        )
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise malformed("certificate record", exc) from None


def _case(item: Mapping[str, Any]) -> CaseSummary:
    case_no = item["case_no"]
    return CaseSummary(
        id=str(item["id"]),
        case_no=str(case_no) if case_no is not None else None,
        item_code=str(item["item_code"]),
        status=str(item["status"]),
        summary=str(item["summary"]),
        accepted_by=str(item["accepted_by"]),
        accepted_at=local_time(item["accepted_at"]),
        window_number=int(item["window_number"]),
        subject_name=str(item.get("subject_name") or ""),
    )


def parse_person(answer: Any) -> PersonSummary | None:
    try:
        item = answer["person"]
        if item is None:
            return None
        insured_number, category = item.get("insured_number"), item.get("category")
        return PersonSummary(
            id_number=str(item["id_number"]),
            name=str(item["name"]),
            sex=str(item["sex"]),
            birth_date=dt.date.fromisoformat(item["birth_date"]),
            phone=str(item["phone"]),
            address=str(item["address"]),
            insured_number=str(insured_number) if insured_number is not None else None,
            category=str(category) if category is not None else None,
            insurance_types=tuple(str(t) for t in item.get("insurance_types") or ()),
            source="central",
            cases=tuple(_case(c) for c in item.get("cases") or ()),
        )
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise malformed("person", exc) from None


class CounterCalls(CallsBase):
    """Certificate and lookup methods of ``CentralPort`` over HTTP; mixed into ``HttpCentral``."""

    def _counter_call(
        self,
        method: str,
        path: str,
        *,
        body: object | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> Any:
        """A request on the session of the user at this workstation.

        Without a central session (nobody logged in, or a login not yet confirmed by the
        centre) the centre cannot be asked for them: ``CentralUnavailable``.
        """
        try:
            return self.request(method, path, body=body, params=params, user=self.user())
        except NoSession:
            raise CentralUnavailable(
                "the central service cannot be asked: no staff session is open at it yet"
            ) from None

    def issue_certificate(
        self, kind: str, subject: str, request_id: str | None = None
    ) -> IssuedCertificate:
        body = {"kind": kind, "subject": subject}
        if request_id is not None:
            body["request_id"] = request_id
        try:
            answer = self._counter_call("POST", "/v1/certificates", body=body)
        except CentralUnavailable:
            if request_id is None:
                raise
            # Idempotent by its request id: a lost answer is asked for once more at once
            # (the service returns the certificate it issued, or issues it now).
            answer = self._counter_call("POST", "/v1/certificates", body=body)
        return parse_issued(answer)

    def verify_certificate(self, code: str) -> Verification:
        answer = self._counter_call("GET", "/v1/certificates/verify", params={"code": code})
        return parse_verification(answer)

    def find_certificate(self, code: str) -> CertificateRecord | None:
        answer = self._counter_call("GET", "/v1/certificates", params={"code": code})
        return parse_certificate(answer)

    def find_person(self, id_number: str) -> PersonSummary | None:
        answer = self._counter_call("POST", "/v1/persons/lookup", body={"id_number": id_number})
        return parse_person(answer)
