"""Call-next's one-statement path refuses everything the step-by-step checks refuse.

On PostgreSQL the request gate answers call-next itself: the nonce, the workstation, the
session and the claim are one statement, built on the key the process last verified the
workstation with. Each test first makes the service know the workstation (a request through
the gate), then sends a call-next that must be refused — a replayed request, a revoked
workstation, an expired, ended or foreign session, a disabled user, a role that may not
serve, an invalid body — and checks that the refusal is the one every other route gives and
that no ticket was claimed and no call announced. Both central engines are run. The
workstation's own HTTP client (kept-alive sockets, not ``httpx``) is checked over TLS with
the pinned hall CA and across a keep-alive the service ended.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from service_harness import RunningService, Teller, enrolled, teller
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from counter_app.centre import bootstrap
from counter_app.domain.errors import CentralUnavailable
from counter_app.domain.roles import Role
from counter_app.remote.http_central import HttpCentral
from counter_app.services import queue
from counter_app.storage.queue_models import QueueEventRow, TicketRow
from counter_app.storage.service_models import SessionRow
from counter_app.storage.shared_models import UserRow
from counter_app.wire import sign_request
from counter_central.clock import ServiceClock
from counter_central.pki import init_ca
from counter_central.registry import revoke_workstation
from counter_central.sessions import token_hash

SESSION = "X-Counter-Session"
TARGET = "/v1/queue/call-next"
KEEP_ALIVE_SECONDS = 5  # how long uvicorn keeps an idle connection open


@pytest.fixture
def waiting(service: RunningService) -> RunningService:
    """The service with one ticket of category A waiting in HALL01 (and nothing else)."""
    clock = ServiceClock()
    now, day = clock.now().replace(tzinfo=None), clock.business_day()
    for hall in ("HALL01", "HALL02"):
        queue.close_day(service.db.owner, hall, day, now=now)
    queue.issue_ticket(service.db.owner, "HALL01", "A", now=now, day=day)
    return service


@pytest.fixture
def desk(waiting: RunningService) -> Iterator[Teller]:
    """teller1 at a fresh workstation the service has already verified once."""
    t = teller(waiting)
    assert t.client.get("/v1/journal", params={"after": 0}).status_code == 200
    yield t
    t.client.close()


def order(window: int = 1) -> dict[str, Any]:
    return {"window": window, "categories": ["A"], "key": uuid.uuid4().hex, "aging_minutes": 30}


def call_next(t: Teller, body: dict[str, Any], token: str | None = None) -> httpx.Response:
    response: httpx.Response = t.client.post(
        TARGET, json=body, headers={SESSION: t.token if token is None else token}
    )
    return response


def claims(service: RunningService) -> tuple[int, int]:
    """Tickets called so far and calls announced (all halls)."""
    with Session(service.db.owner) as session:
        called = session.scalar(
            select(func.count()).select_from(TicketRow).where(TicketRow.state == "called")
        )
        announced = session.scalar(
            select(func.count()).select_from(QueueEventRow).where(QueueEventRow.kind == "called")
        )
    return int(called or 0), int(announced or 0)


def refused(response: httpx.Response, status: int, error: str) -> None:
    assert response.status_code == status, response.text
    assert response.json()["error"] == error, response.text


def signed_call(t: Teller, body: bytes, nonce: str) -> dict[str, str]:
    return {
        **sign_request(
            t.identity.private_key,
            t.workstation_id,
            "POST",
            TARGET,
            body,
            timestamp=int(time.time()),
            nonce=nonce,
        ),
        SESSION: t.token,
        "Content-Type": "application/json",
    }


def test_a_replayed_call_next_claims_nothing(waiting: RunningService, desk: Teller) -> None:
    body = json.dumps(order()).encode("utf-8")
    headers = signed_call(desk, body, secrets.token_urlsafe(18))
    with waiting.client() as plain:
        first = plain.post(TARGET, content=body, headers=headers)
        assert first.status_code == 200 and first.json()["ticket"] is not None, first.text
        before = claims(waiting)
        queue.issue_ticket(waiting.db.owner, "HALL01", "A")  # something left to claim
        refused(plain.post(TARGET, content=body, headers=headers), 401, "replayed")
        assert claims(waiting) == before
        # A new call (a key never used) signed with a nonce another request already used.
        nonce = secrets.token_urlsafe(18)
        journal = sign_request(
            desk.identity.private_key,
            desk.workstation_id,
            "GET",
            "/v1/journal?after=0",
            b"",
            timestamp=int(time.time()),
            nonce=nonce,
        )
        assert plain.get("/v1/journal?after=0", headers=journal).status_code == 200
        body = json.dumps(order()).encode("utf-8")
        answer = plain.post(TARGET, content=body, headers=signed_call(desk, body, nonce))
        refused(answer, 401, "replayed")
    assert claims(waiting) == before


def test_a_revoked_workstations_call_next_claims_nothing(
    waiting: RunningService, desk: Teller
) -> None:
    before = claims(waiting)
    revoke_workstation(waiting.db.service, ServiceClock(), desk.workstation_id)
    refused(call_next(desk, order()), 403, "revoked")
    refused(call_next(desk, {**order(), "window": 0}), 403, "revoked")  # before the body
    assert claims(waiting) == before


def test_an_expired_or_ended_session_claims_nothing(waiting: RunningService, desk: Teller) -> None:
    before = claims(waiting)
    with Session(waiting.db.owner) as session, session.begin():
        session.execute(
            update(SessionRow)
            .where(SessionRow.token_hash == token_hash(desk.token))
            .values(expires_at=ServiceClock().utc() - dt.timedelta(minutes=1))
        )
    refused(call_next(desk, order()), 401, "session_invalid")
    other = teller(waiting)
    try:
        assert other.client.get("/v1/journal", params={"after": 0}).status_code == 200
        ended = other.client.post("/v1/sessions/end", json={"token": other.token})
        assert ended.status_code < 300, ended.text
        refused(call_next(other, order()), 401, "session_invalid")
    finally:
        other.client.close()
    assert claims(waiting) == before


def test_another_workstations_session_claims_nothing(waiting: RunningService, desk: Teller) -> None:
    other = teller(waiting)
    try:
        assert other.client.get("/v1/journal", params={"after": 0}).status_code == 200
        before = claims(waiting)
        refused(call_next(other, order(), token=desk.token), 401, "session_invalid")
        refused(call_next(other, order(), token="not-a-token"), 401, "session_invalid")
        refused(call_next(other, order(), token=""), 401, "session_invalid")
        assert claims(waiting) == before
    finally:
        other.client.close()


@pytest.fixture
def own_user(waiting: RunningService) -> Iterator[Teller]:
    """A teller of HALL01 of this test's own, logged in at a workstation the service knows."""
    username = f"hot{uuid.uuid4().hex[:8]}"
    password = secrets.token_urlsafe(12)
    bootstrap.create_user(waiting.db.owner, username, password, Role.TELLER, "HALL01")
    t = teller(waiting)
    answer = t.client.post("/v1/sessions", json={"username": username, "password": password})
    assert answer.status_code == 201, answer.text
    mine = Teller(t.enrolment, t.client, username, answer.json()["token"])
    yield mine
    t.client.close()


def change_user(service: RunningService, username: str, **values: Any) -> None:
    with Session(service.db.owner) as session, session.begin():
        session.execute(update(UserRow).where(UserRow.username == username).values(**values))


def test_a_user_who_lost_the_right_to_serve_claims_nothing(
    waiting: RunningService, own_user: Teller
) -> None:
    before = claims(waiting)
    change_user(waiting, own_user.username, role=Role.REVIEWER.value)
    refused(call_next(own_user, order()), 403, "permission")
    change_user(waiting, own_user.username, role=Role.TELLER.value, active=False)
    refused(call_next(own_user, order()), 403, "user_inactive")
    change_user(waiting, own_user.username, active=True, hall_code="HALL02")
    refused(call_next(own_user, order()), 403, "user_not_in_hall")
    assert claims(waiting) == before
    change_user(waiting, own_user.username, hall_code="HALL01")
    answer = call_next(own_user, order())
    assert answer.status_code == 200, answer.text
    assert answer.json()["ticket"]["teller"] == own_user.username
    assert claims(waiting) == (before[0] + 1, before[1] + 1)


def test_an_invalid_body_is_refused_and_claims_nothing(
    waiting: RunningService, desk: Teller
) -> None:
    before = claims(waiting)
    for bad in ({"window": 0}, {"categories": ["a"]}, {"teller": "boss"}, {"key": "a b"}):
        answer = call_next(desk, {**order(), **bad})
        refused(answer, 422, "invalid_request")
        assert answer.json()["problems"][0]["loc"].startswith("body"), answer.text
    answer = desk.client.post(
        TARGET,
        content=b"{not json",
        headers={SESSION: desk.token, "Content-Type": "application/json"},
    )
    refused(answer, 422, "invalid_request")
    assert claims(waiting) == before


def test_call_next_claims_and_a_double_click_gets_the_same_ticket(
    waiting: RunningService, desk: Teller
) -> None:
    body = order()
    first = call_next(desk, body)
    again = call_next(desk, body)
    assert first.status_code == again.status_code == 200, (first.text, again.text)
    ticket = first.json()["ticket"]
    assert ticket is not None and ticket == again.json()["ticket"]
    assert ticket["teller"] == "teller1" and ticket["window_number"] == 1
    assert call_next(desk, order()).json() == {"ticket": None}
    with Session(waiting.db.owner) as session:
        events = session.scalars(select(QueueEventRow).where(QueueEventRow.kind == "called")).all()
    assert [json.loads(e.payload) for e in events][-1] == {
        "ticket": ticket["display"],
        "window": 1,
    }


def test_the_openapi_document_describes_call_next(service: RunningService) -> None:
    with service.client() as plain:
        document = plain.get("/openapi.json").json()
    operation = document["paths"][TARGET]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert body["$ref"].endswith("/CallNextRequest")
    assert answer["$ref"].endswith("/CallNextResponse")
    assert {"401", "403", "422"} <= set(operation["responses"])


@pytest.mark.slow
def test_the_workstation_client_rides_over_a_dropped_keep_alive(
    waiting: RunningService, tmp_path: Path
) -> None:
    """``HttpCentral``'s own connections: the hall CA pinned (the SQLite service runs behind
    TLS), an idle connection the service closed replaced, and another CA refused."""
    tls = waiting.config.parent / "tls" / "ca.crt"
    identity = enrolled(waiting).identity
    window = HttpCentral(waiting.url, identity, ca_file=tls if tls.exists() else None)
    try:
        window.login("teller1", "teller1-password")
        first = window.call_next(1, ["A"], key=uuid.uuid4().hex, aging_minutes=30)
        assert first is not None and first.teller == "teller1"
        time.sleep(KEEP_ALIVE_SECONDS + 1.5)  # the service closes the idle connection
        queue.issue_ticket(waiting.db.owner, "HALL01", "A")
        second = window.call_next(1, ["A"], key=uuid.uuid4().hex, aging_minutes=30)
        assert second is not None and second.id != first.id
    finally:
        window.close()
    if not tls.exists():
        return
    stranger = init_ca(tmp_path, "HALL09", ["127.0.0.1"], now=dt.datetime.now(dt.UTC))
    other = HttpCentral(waiting.url, identity, ca_file=stranger.ca_cert, timeout=5)
    try:
        with pytest.raises(CentralUnavailable, match="cannot be reached"):
            other.service_time()
    finally:
        other.close()
