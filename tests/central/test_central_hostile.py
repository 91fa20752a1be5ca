"""Hostile clients in raw HTTP: every attack is refused, the journal stays as it was.

Each test ends with the journal head unchanged and ``verify_chain`` passing (the
``journal_unchanged`` fixture), and the service's log is checked never to hold the ID
numbers, phone numbers or passwords the attacks carried.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from service_harness import (
    RunningService,
    Teller,
    command,
    enrollment_payload,
    new_person_id,
    teller,
)

from counter_app.centre.journal import verify_chain
from counter_app.remote.identity import WorkstationIdentity
from counter_app.wire import sign_request
from counter_central.clock import ServiceClock
from counter_central.registry import revoke_workstation

SECRET_ID = new_person_id()
SECRET_PHONE = "13912345678"
SECRET_PASSWORD = "Hunter2-never-logged"


@pytest.fixture
def journal_unchanged(service: RunningService) -> Iterator[None]:
    before = service.db.head()
    yield
    assert service.db.head() == before
    assert verify_chain(service.db.owner).ok


@pytest.fixture
def tellers(service: RunningService) -> Iterator[list[Teller]]:
    made: list[Teller] = []
    yield made
    for t in made:
        t.client.close()


def body_of(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def raw(
    service: RunningService,
    method: str,
    target: str,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    with service.client() as client:
        return client.request(
            method,
            target,
            content=body,
            headers={"Content-Type": "application/json", **(headers or {})},
        )


def signed(
    identity: WorkstationIdentity,
    method: str,
    target: str,
    body: bytes = b"",
    *,
    timestamp: int | None = None,
    nonce: str | None = None,
) -> dict[str, str]:
    return sign_request(
        identity.private_key,
        identity.workstation_id,
        method,
        target,
        body,
        timestamp=int(time.time()) if timestamp is None else timestamp,
        nonce=nonce or secrets.token_urlsafe(18),
    )


def refused(response: httpx.Response, status: int, error: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    answer: dict[str, Any] = response.json()
    assert answer["error"] == error and answer["reason"], answer
    return answer


def batch(t: Teller, *commands: dict[str, Any]) -> bytes:
    return body_of({"session_token": t.token, "commands": list(commands)})


@pytest.mark.usefixtures("journal_unchanged")
def test_unsigned_requests_are_refused(service: RunningService, tellers: list[Teller]) -> None:
    tellers.append(t := teller(service))
    refused(raw(service, "POST", "/v1/commands", batch(t, command("teller1"))), 401, "unsigned")
    refused(raw(service, "GET", "/v1/journal?after=0"), 401, "unsigned")
    refused(raw(service, "POST", "/v1/anchors"), 401, "unsigned")
    refused(raw(service, "GET", "/v1/no-such-thing"), 401, "unsigned")  # no route map for free


@pytest.mark.usefixtures("journal_unchanged")
def test_a_bad_signature_is_refused(service: RunningService, tellers: list[Teller]) -> None:
    tellers.append(t := teller(service))
    honest = batch(t, command("teller1"))
    forged = honest.replace(b'"teller1"', b'"teller3"')
    headers = signed(t.identity, "POST", "/v1/commands", honest)
    refused(raw(service, "POST", "/v1/commands", forged, headers), 401, "bad_signature")

    stranger = WorkstationIdentity.generate(t.workstation_id)  # right id, wrong key
    headers = signed(stranger, "POST", "/v1/commands", honest)
    refused(raw(service, "POST", "/v1/commands", honest, headers), 401, "bad_signature")

    headers = signed(t.identity, "GET", "/v1/journal?after=0")
    refused(raw(service, "GET", "/v1/journal?after=5", headers=headers), 401, "bad_signature")
    headers = signed(t.identity, "GET", "/v1/journal?after=0")
    headers["X-Counter-Signature"] = "A" * 85 + "!"
    refused(raw(service, "GET", "/v1/journal?after=0", headers=headers), 401, "bad_signature")


@pytest.mark.usefixtures("journal_unchanged")
def test_a_timestamp_outside_the_window_is_refused(
    service: RunningService, tellers: list[Teller]
) -> None:
    tellers.append(t := teller(service))
    for offset in (-3600, +3600):
        body = batch(t, command("teller1"))
        headers = signed(
            t.identity, "POST", "/v1/commands", body, timestamp=int(time.time()) + offset
        )
        answer = refused(raw(service, "POST", "/v1/commands", body, headers), 401, "clock_skew")
        assert dt.datetime.fromisoformat(answer["server_time"])


def test_a_replayed_request_is_refused(service: RunningService, tellers: list[Teller]) -> None:
    tellers.append(t := teller(service))
    body = batch(t, command("teller1"))
    headers = signed(t.identity, "POST", "/v1/commands", body)
    first = raw(service, "POST", "/v1/commands", body, headers)
    assert first.json()["verdicts"][0]["status"] == "applied"
    after_first = service.db.head()
    refused(raw(service, "POST", "/v1/commands", body, headers), 401, "replayed")
    headers = signed(t.identity, "GET", "/v1/journal?after=0")
    assert raw(service, "GET", "/v1/journal?after=0", headers=headers).status_code == 200
    refused(raw(service, "GET", "/v1/journal?after=0", headers=headers), 401, "replayed")
    assert service.db.head() == after_first
    assert verify_chain(service.db.owner).ok


@pytest.mark.usefixtures("journal_unchanged")
def test_a_revoked_workstation_is_refused_on_its_next_request(
    service: RunningService, tellers: list[Teller]
) -> None:
    tellers.append(t := teller(service))
    assert t.client.get("/v1/journal", params={"after": 0}).status_code == 200
    revoke_workstation(service.db.service, ServiceClock(), t.workstation_id)
    refused(t.client.get("/v1/journal", params={"after": 0}), 403, "revoked")
    refused(t.push(command("teller1")), 403, "revoked")
    refused(
        t.client.post("/v1/sessions", json={"username": "teller1", "password": "x" * 10}),
        403,
        "revoked",
    )


@pytest.mark.usefixtures("journal_unchanged")
def test_a_supervisors_command_on_a_tellers_session_is_refused(
    service: RunningService, tellers: list[Teller]
) -> None:
    tellers.append(t := teller(service))
    refused(t.push(command("super1")), 403, "actor_mismatch")
    # The whole batch is refused: the teller's own first command is not applied either.
    refused(t.push(command("teller1"), command("super1")), 403, "actor_mismatch")


@pytest.mark.usefixtures("journal_unchanged")
def test_another_halls_actor_is_refused(service: RunningService, tellers: list[Teller]) -> None:
    tellers.append(t := teller(service))
    foreign = t.client.post(
        "/v1/sessions", json={"username": "teller2", "password": "teller2-password"}
    )
    refused(foreign, 403, "user_not_in_hall")
    refused(t.push(command("teller2")), 403, "actor_mismatch")


def test_another_workstations_command_with_a_changed_payload_is_refused(
    service: RunningService, tellers: list[Teller]
) -> None:
    tellers.append(a := teller(service))
    tellers.append(b := teller(service, "teller3"))
    tellers.append(b_as_teller1 := teller(service, "teller1"))
    original = command("teller1")
    applied = a.push(original).json()["verdicts"][0]
    assert applied["status"] == "applied"
    before = service.db.head()

    changed = {**original, "payload": enrollment_payload(new_person_id(), "王五")}
    for replayer, actor in ((b, "teller3"), (b_as_teller1, "teller1")):
        for payload in (changed["payload"], original["payload"]):
            verdict = replayer.push({**original, "actor": actor, "payload": payload}).json()
            assert verdict["verdicts"][0]["status"] == "rejected", verdict
            assert verdict["verdicts"][0]["reason_code"] == "uuid_conflict"
    # The first workstation's own retry still gets its first verdict.
    assert a.push(original).json()["verdicts"][0] == {**applied, "duplicate": True}
    assert service.db.head() == before
    assert verify_chain(service.db.owner).ok


@pytest.mark.usefixtures("journal_unchanged")
def test_a_teller_cannot_make_themself_a_supervisor(
    service: RunningService, tellers: list[Teller]
) -> None:
    tellers.append(t := teller(service))
    escalate = {
        "username": "teller1",
        "display_name": "teller1",
        "role": "supervisor",
        "hall_code": "HALL01",
        "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
        "active": True,
    }
    verdict = t.push(command("teller1", escalate, kind="admin.user_upsert")).json()["verdicts"]
    assert verdict[0]["status"] == "rejected"
    assert verdict[0]["reason_code"] == "PermissionDenied"  # the centre's own records decide
    system = t.push(command("teller1", {"code": "HALL09"}, kind="admin.hall_upsert"))
    assert system.json()["verdicts"][0]["status"] == "rejected"


@pytest.mark.usefixtures("journal_unchanged")
def test_sql_metacharacters_are_only_data(service: RunningService, tellers: list[Teller]) -> None:
    tellers.append(t := teller(service))
    drop = "'; DROP TABLE journal; --"
    refused(t.push(command("teller1", kind="person.enroll" + drop)), 422, "invalid_request")
    refused(t.push(command("teller1' OR '1'='1")), 403, "actor_mismatch")
    login = t.client.post("/v1/sessions", json={"username": "' OR 1=1 --", "password": drop})
    refused(login, 401, "bad_credentials")
    refused(t.client.get("/v1/journal?after=1;DROP%20TABLE%20journal"), 422, "invalid_request")
    headers = signed(t.identity, "GET", "/v1/journal?after=0")
    headers["X-Counter-Workstation"] = "WS' OR 1=1 --"
    refused(raw(service, "GET", "/v1/journal?after=0", headers=headers), 401, "bad_signature")
    payload = enrollment_payload(new_person_id(), "Robert'); DROP TABLE journal;--")
    verdict = t.push(command("teller1", payload)).json()["verdicts"][0]
    assert verdict["status"] == "rejected" and verdict["reason_code"] == "format", verdict
    assert t.client.get("/v1/journal", params={"after": 0}).status_code == 200


@pytest.mark.usefixtures("journal_unchanged")
def test_oversized_bodies_and_payloads_are_refused(
    service: RunningService, tellers: list[Teller]
) -> None:
    tellers.append(t := teller(service))
    megabyte = {**enrollment_payload(SECRET_ID), "address": "长" * (1024 * 1024 // 3)}
    refused(t.push(command("teller1", megabyte)), 413, "body_too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while it streams
        yield b'{"session_token": "' + b"x" * 100_000
        for _ in range(10):
            yield b"y" * 100_000

    refused(t.client.post("/v1/commands", content=chunks()), 413, "body_too_large")
    large = {**enrollment_payload(SECRET_ID), "address": "x" * 100_000}  # under the body limit
    answer = refused(t.push(command("teller1", large)), 422, "invalid_request")
    assert "payload" in answer["reason"] and "larger than" in answer["reason"]


@pytest.mark.usefixtures("journal_unchanged")
def test_malformed_commands_are_refused_with_a_reason(
    service: RunningService, tellers: list[Teller]
) -> None:
    tellers.append(t := teller(service))
    answer = refused(t.push(command("teller1", uuid="not-a-uuid")), 422, "invalid_request")
    assert "commands.0.uuid" in answer["reason"]
    refused(t.push(command("teller1", kind="person.teleport")), 422, "unknown_kind")
    refused(t.push({**command("teller1"), "extra": 1}), 422, "invalid_request")
    naive = command("teller1", client_time=dt.datetime.now().isoformat())
    refused(t.push(naive), 422, "invalid_request")
    refused(t.push(*[command("teller1") for _ in range(101)]), 422, "invalid_request")
    refused(t.push(), 422, "invalid_request")
    deep: dict[str, Any] = {}
    for _ in range(20):
        deep = {"x": deep}
    refused(
        t.push(command("teller1", {**enrollment_payload(new_person_id()), "d": deep})),
        422,
        "invalid_request",
    )
    refused(t.client.post("/v1/commands", content=b"{not json"), 422, "invalid_request")
    broken = [
        {},
        {**enrollment_payload(new_person_id()), "insurance_types": 7},
        {**enrollment_payload(new_person_id()), "window_number": "x" * 60},
    ]
    if service.db.backend == "postgresql":  # SQLite does not enforce column lengths
        broken.append({**enrollment_payload(new_person_id()), "ticket": "x" * 5000})
    verdicts = t.push(*[command("teller1", p) for p in broken]).json()["verdicts"]
    assert [v["status"] for v in verdicts] == ["rejected"] * len(broken), verdicts
    refused(
        t.client.post(
            "/v1/commands", json={"session_token": "x" * 30, "commands": [command("teller1")]}
        ),
        401,
        "session_invalid",
    )


def test_the_log_never_holds_id_numbers_phones_or_passwords(
    service: RunningService, tellers: list[Teller]
) -> None:
    tellers.append(t := teller(service))
    secret_payload = {**enrollment_payload(SECRET_ID), "phone": SECRET_PHONE}
    t.push(command("super1", secret_payload))  # refused: actor mismatch
    t.push(command("teller1", secret_payload, uuid=SECRET_ID))  # refused: malformed uuid
    t.push(command("teller1", {**secret_payload, "phone": SECRET_PHONE + "x"}))  # rejected
    t.push(command("teller1", {SECRET_ID: {SECRET_PHONE: 1}}, kind="person.enroll", extra=1))
    t.client.post("/v1/sessions", json={"username": "teller1", "password": SECRET_PASSWORD})
    t.client.post("/v1/sessions", json={"username": SECRET_ID, "password": SECRET_PASSWORD})
    t.client.get(f"/v1/journal?after={SECRET_ID}&limit={SECRET_PHONE}")
    raw(
        service,
        "POST",
        "/v1/commands",
        body_of(command("teller1", secret_payload)),
        {"X-Counter-Workstation": SECRET_ID},
    )
    time.sleep(0.2)  # let the service flush its log
    log = service.log_text()
    assert "refused" in log
    for secret in (SECRET_ID, SECRET_ID[:-1], SECRET_PHONE, SECRET_PASSWORD):
        assert secret not in log, f"{secret!r} reached the service log"
