"""Certificates and registry look-ups through counter-central, on both central engines.

A workstation's ``HttpCentral`` asks a real service process: the certificate is issued from
the centre's facts as of the service's business day and stamped with what the service saw
(the session's user, the signing workstation, its hall); verifying, finding a certificate
and finding a person all need a live staff session of the workstation's own hall.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator

import httpx
import pytest
from service_harness import (
    USERS,
    RunningService,
    Teller,
    command,
    enrolled,
    enrollment_payload,
    new_person_id,
    teller,
)
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from counter_app.centre import bootstrap
from counter_app.domain.errors import (
    CentralUnavailable,
    Conflict,
    PermissionDenied,
    ValidationError,
)
from counter_app.domain.roles import Role
from counter_app.printing.verification import make_code, parse_code
from counter_app.remote.http_central import HttpCentral
from counter_app.remote.identity import WorkstationIdentity
from counter_app.services.certificates import (
    CONTENT_DIFFERS,
    EMPLOYER,
    KIND,
    PERSONAL,
    UNKNOWN_CODE,
)
from counter_app.storage.central_models import JournalRow
from counter_app.storage.shared_models import CertificateRow, PersonRow


def central_for(service: RunningService, identity: WorkstationIdentity) -> HttpCentral:
    """The workstation's real HTTP client of the service (the hall CA of the test service)."""
    return HttpCentral(
        service.url,
        identity,
        timeout=30,
        transport=httpx.HTTPTransport(verify=service.verify),
    )


@pytest.fixture
def hall01(service: RunningService) -> Iterator[Teller]:
    t = teller(service)
    yield t
    t.client.close()


@pytest.fixture
def centre(service: RunningService, hall01: Teller) -> Iterator[HttpCentral]:
    """A HALL01 workstation with teller1 logged in at the centre."""
    central = central_for(service, hall01.identity)
    central.login("teller1", USERS["teller1"][2])
    yield central
    central.close()


def enrol_person(t: Teller, name: str = "张三") -> str:
    """A person newly enrolled (insured) through the service's command endpoint."""
    id_number = new_person_id()
    response = t.push(command(t.username, enrollment_payload(id_number, name)))
    (verdict,) = response.json()["verdicts"]
    assert verdict["status"] == "applied", verdict
    return id_number


def service_day(service: RunningService) -> dt.date:
    with service.client() as client:
        return dt.date.fromisoformat(client.get("/v1/time").json()["business_day"])


def test_a_certificate_is_issued_from_the_centres_facts_and_verifies(
    service: RunningService, hall01: Teller, centre: HttpCentral
) -> None:
    person = enrol_person(hall01)
    issued = centre.issue_certificate(PERSONAL, person.lower())
    assert issued.subject == person and issued.kind == PERSONAL
    assert issued.content["name"] == "张三"
    assert [i["type"] for i in issued.content["insurance"]] == ["medical", "pension"]
    assert issued.content["id_number_masked"].endswith(person[-4:])
    assert issued.content["as_of"] == service_day(service).isoformat()
    assert parse_code(issued.code) == issued.code

    # Journaled with what the service saw, not what a workstation could claim.
    with Session(service.db.owner) as session:
        entry = session.scalars(
            select(JournalRow).where(JournalRow.command_uuid == issued.command_uuid)
        ).one()
        row = session.get(CertificateRow, issued.code)
    assert entry.seq == issued.journal_seq and entry.kind == KIND
    assert entry.actor == "teller1" and entry.workstation == hall01.workstation_id
    assert entry.scope == "hall:HALL01"
    assert row is not None and row.hall_code == "HALL01" and row.issued_by == "teller1"

    found = centre.verify_certificate(f"COUNTER-VERIFY:{issued.code.lower()}")
    assert found.genuine and found.code == issued.code
    assert found.journal_seq == issued.journal_seq and found.content == issued.content
    assert found.issued_by == "teller1" and found.hall_code == "HALL01"
    assert found.issued_at is not None and found.issued_at.tzinfo is None
    assert abs(found.issued_at - dt.datetime.now()) < dt.timedelta(minutes=5)

    record = centre.find_certificate(issued.code)
    assert record is not None and record.subject == person and record.content == issued.content
    assert record.issued_by == "teller1" and record.subject_name == "张三"
    assert centre.find_certificate(make_code(PERSONAL, "never", "0" * 64)) is None


def test_a_request_asked_again_after_a_lost_answer_gets_the_first_certificate(
    service: RunningService, hall01: Teller, centre: HttpCentral
) -> None:
    person = enrol_person(hall01)
    request_id = str(uuid.uuid4())
    first = centre.issue_certificate(PERSONAL, person, request_id)
    # The answer was lost: the workstation asks again with the same request id.
    again = centre.issue_certificate(PERSONAL, person, request_id)
    assert (again.code, again.journal_seq, again.command_uuid) == (
        first.code,
        first.journal_seq,
        request_id,
    )
    with Session(service.db.owner) as session:
        issued = session.scalars(
            select(CertificateRow).where(CertificateRow.subject == person)
        ).all()
    assert [row.code for row in issued] == [first.code]
    # A new request is a new certificate.
    other = centre.issue_certificate(PERSONAL, person, str(uuid.uuid4()))
    assert other.code != first.code


def test_an_unknown_or_tampered_certificate_is_not_confirmed(
    service: RunningService, hall01: Teller, centre: HttpCentral
) -> None:
    unknown = centre.verify_certificate(make_code(PERSONAL, "never-issued", "0" * 64))
    assert not unknown.genuine and unknown.problem_code == UNKNOWN_CODE

    issued = centre.issue_certificate(PERSONAL, enrol_person(hall01, "王五"))
    with service.db.owner.begin() as connection:
        connection.execute(
            text(
                "UPDATE certificates SET content = replace(content, '王五', '李四') WHERE code = :c"
            ),
            {"c": issued.code},
        )
    tampered = centre.verify_certificate(issued.code)
    assert not tampered.genuine and tampered.problem_code == CONTENT_DIFFERS
    assert tampered.journal_seq == issued.journal_seq


def test_the_centre_refuses_what_it_cannot_certify(centre: HttpCentral) -> None:
    with pytest.raises(Conflict) as not_insured:
        centre.issue_certificate(PERSONAL, new_person_id())
    assert not_insured.value.code == "not_insured"
    with pytest.raises(Conflict) as no_employer:
        centre.issue_certificate(EMPLOYER, "91350100M000100Y43")
    assert no_employer.value.code == "unknown_employer"
    with pytest.raises(ValidationError) as bad_subject:
        centre.issue_certificate(PERSONAL, "110105194912310021")  # wrong check character
    assert bad_subject.value.field == "subject"
    with pytest.raises(ValidationError) as bad_kind:
        centre.issue_certificate("proof_other", new_person_id())
    assert bad_kind.value.field == "kind"


def test_only_a_role_that_accepts_cases_issues(service: RunningService, hall01: Teller) -> None:
    name = f"rev{uuid.uuid4().hex[:8]}"
    bootstrap.create_user(service.db.owner, name, "reviewer-password", Role.REVIEWER, "HALL01")
    person = enrol_person(hall01)
    central = central_for(service, enrolled(service).identity)
    try:
        central.login(name, "reviewer-password")
        with pytest.raises(PermissionDenied):
            central.issue_certificate(PERSONAL, person)
    finally:
        central.close()


def test_a_person_of_the_registry_is_found_with_a_session(
    service: RunningService, centre: HttpCentral
) -> None:
    # A person known only to the registry (reference data), and one enrolled in HALL02.
    loaded = new_person_id()
    bootstrap.bulk_load(
        service.db.owner,
        PersonRow,
        [
            {
                "id_number": loaded,
                "name": "赵六",
                "sex": "M",
                "birth_date": dt.date(1960, 1, 1),
                "phone": "13900139000",
                "address": "北京市海淀区",
                "hukou_type": "",
            }
        ],
    )
    found = centre.find_person(loaded)
    assert found is not None and found.source == "central"
    assert found.name == "赵六" and found.phone == "13900139000" and not found.enrolled
    assert found.birth_date == dt.date(1960, 1, 1) and found.cases == ()

    other = teller(service, "teller2", "HALL02")
    try:
        theirs = enrol_person(other, "钱七")
    finally:
        other.client.close()
    person = centre.find_person(theirs)
    assert person is not None and person.enrolled and person.category == "flexible"
    assert set(person.insurance_types) == {"pension", "medical"}
    assert [c.accepted_by for c in person.cases] == ["teller2"]
    assert person.cases[0].accepted_at.tzinfo is None and person.cases[0].subject_name == "钱七"

    assert centre.find_person(new_person_id()) is None
    with pytest.raises(ValidationError):
        centre.find_person("110105194912310021")
    # The service's logs never hold an ID number.
    log = service.log_text()
    assert loaded not in log and theirs not in log and "110105194912310021" not in log


def test_every_call_needs_a_live_session(service: RunningService, hall01: Teller) -> None:
    code = make_code(PERSONAL, "never-issued", "0" * 64)
    person = enrol_person(hall01)
    calls = [
        ("POST", "/v1/certificates", {"json": {"kind": PERSONAL, "subject": person}}),
        ("GET", "/v1/certificates/verify", {"params": {"code": code}}),
        ("GET", "/v1/certificates", {"params": {"code": code}}),
        ("POST", "/v1/persons/lookup", {"json": {"id_number": person}}),
    ]
    for method, path, extra in calls:
        response = hall01.client.request(method, path, **extra)  # type: ignore[arg-type]
        assert response.status_code == 401, (path, response.text)
        assert response.json()["error"] == "session_invalid"
        answered = hall01.client.request(
            method,
            path,
            headers={"X-Counter-Session": hall01.token},
            **extra,  # type: ignore[arg-type]
        )
        assert answered.status_code in (200, 201), (path, answered.text)

    # Nobody logged in at this workstation: the port says the centre cannot be asked.
    nobody = central_for(service, hall01.identity)
    try:
        with pytest.raises(CentralUnavailable):
            nobody.verify_certificate(code)
        with pytest.raises(CentralUnavailable):
            nobody.find_person(person)
    finally:
        nobody.close()


def test_a_session_acts_only_at_its_own_halls_workstation(
    service: RunningService, hall01: Teller
) -> None:
    person = enrol_person(hall01)
    hall02 = teller(service, "teller2", "HALL02")
    try:
        # teller1's HALL01 session, presented by a HALL02 workstation, is not live there.
        stolen = hall02.client.post(
            "/v1/certificates",
            json={"kind": PERSONAL, "subject": person},
            headers={"X-Counter-Session": hall01.token},
        )
        assert stolen.status_code == 401 and stolen.json()["error"] == "session_invalid"
        # teller2 (HALL02) cannot open a session at a HALL01 workstation.
        refused = hall01.client.post(
            "/v1/sessions", json={"username": "teller2", "password": USERS["teller2"][2]}
        )
        assert refused.status_code == 403 and refused.json()["error"] == "user_not_in_hall"

        # At their own hall's workstation, teller2 issues for HALL02 (any hall's person).
        answer = hall02.client.post(
            "/v1/certificates",
            json={"kind": PERSONAL, "subject": person},
            headers={"X-Counter-Session": hall02.token},
        )
        assert answer.status_code == 201, answer.text
        issued = answer.json()
    finally:
        hall02.client.close()
    with Session(service.db.owner) as session:
        row = session.get(CertificateRow, issued["code"])
        entry = session.scalars(
            select(JournalRow).where(JournalRow.command_uuid == issued["command_uuid"])
        ).one()
    assert row is not None and row.hall_code == "HALL02" and row.issued_by == "teller2"
    assert entry.workstation == hall02.workstation_id and entry.scope == "hall:HALL02"
    assert json.loads(entry.payload)["code"] == issued["code"]
