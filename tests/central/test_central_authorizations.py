"""On-the-spot authorizations checked by the service and bound to what they authorize.

Raw HTTP against real service processes on both central engines: a supervisor's password is
checked centrally (throttled like a login), the authorization is bound to one command and
consumed by it, a forged or replayed one is rejected, and an offline one is recorded for a
supervisor of the hall to confirm. Refusals leave the journal as it was.
"""

from __future__ import annotations

import uuid
from typing import Any

from service_harness import USERS, RunningService, Teller, command, login, teller
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.centre import bootstrap
from counter_app.centre.journal import verify_chain
from counter_app.domain.roles import Role
from counter_app.storage.service_models import AuthorizationRow

SUPER_PASSWORD = USERS["super1"][2]


def _authorize(
    t: Teller, supervisor: str, password: str, bound_to: str, purpose: str = "command"
) -> Any:
    return t.client.post(
        "/v1/authorizations",
        headers={"X-Counter-Session": t.token},
        json={
            "supervisor": supervisor,
            "password": password,
            "purpose": purpose,
            "bound_to": bound_to,
        },
    )


def _verdict(t: Teller, sent: dict[str, Any]) -> dict[str, Any]:
    response = t.push(sent)
    assert response.status_code == 200, response.text
    verdict: dict[str, Any] = response.json()["verdicts"][0]
    return verdict


def _new_user(service: RunningService, role: Role, hall: str = "HALL01") -> tuple[str, str]:
    username = f"{role.value[:3]}{uuid.uuid4().hex[:8]}"
    password = f"{username}-password"
    bootstrap.create_user(service.db.owner, username, password, role, hall)
    return username, password


def test_an_authorization_is_bound_to_one_command(service: RunningService) -> None:
    t = teller(service)
    try:
        sent = command("teller1")
        granted = _authorize(t, "super1", SUPER_PASSWORD, sent["uuid"])
        assert granted.status_code == 201, granted.text
        body = granted.json()
        assert body["supervisor"] == "super1" and len(body["auth_ref"]) >= 20
        auth_ref = body["auth_ref"]

        verdict = _verdict(t, {**sent, "auth_ref": auth_ref})
        assert verdict["status"] == "applied", verdict
        with Session(service.db.owner) as session:
            row = session.get(AuthorizationRow, auth_ref)
            assert row is not None and row.used_at is not None and not row.offline
            assert row.workstation_id == t.workstation_id and row.requested_by == "teller1"
        # The same command again is the same verdict, not a second use.
        assert _verdict(t, {**sent, "auth_ref": auth_ref})["duplicate"] is True

        head = service.db.head()
        replayed = _verdict(t, command("teller1", auth_ref=auth_ref))
        assert (replayed["status"], replayed["reason_code"]) == (
            "rejected",
            "authorization_invalid",
        )
        forged = _verdict(t, command("teller1", auth_ref="A" * 22))
        assert forged["reason_code"] == "authorization_invalid"

        # Bound to another command, or granted at another workstation: refused as well.
        other = command("teller1")
        unused = _authorize(t, "super1", SUPER_PASSWORD, other["uuid"]).json()["auth_ref"]
        wrong = _verdict(t, command("teller1", auth_ref=unused))
        assert wrong["reason_code"] == "authorization_invalid"
        third = command("teller3")
        granted_here = _authorize(t, "super1", SUPER_PASSWORD, third["uuid"]).json()["auth_ref"]
        elsewhere = teller(service, "teller3")
        try:
            moved = _verdict(elsewhere, {**third, "auth_ref": granted_here})
            assert moved["reason_code"] == "authorization_invalid"
        finally:
            elsewhere.client.close()
        assert service.db.head() == head
        assert _verdict(t, {**other, "auth_ref": unused})["status"] == "applied"
        assert verify_chain(service.db.owner).ok
    finally:
        t.client.close()


def test_only_a_supervisor_of_the_hall_other_than_the_teller_authorizes(
    service: RunningService,
) -> None:
    t = teller(service)
    reviewer, reviewer_password = _new_user(service, Role.REVIEWER)
    foreign, foreign_password = _new_user(service, Role.SUPERVISOR, "HALL02")
    head = service.db.head()
    try:
        own = _authorize(t, "teller1", USERS["teller1"][2], str(uuid.uuid4()))
        assert own.status_code == 403, own.text
        assert _authorize(t, reviewer, reviewer_password, "x").status_code == 403
        assert _authorize(t, foreign, foreign_password, "x").status_code == 403
        assert _authorize(t, "nobody", "whatever-password", "x").status_code == 401

        # A supervisor at the window cannot authorize their own request.
        with service.client(t.identity) as client:
            token = login(client, "super1")
            response = client.post(
                "/v1/authorizations",
                headers={"X-Counter-Session": token},
                json={
                    "supervisor": "super1",
                    "password": SUPER_PASSWORD,
                    "purpose": "reprint",
                    "bound_to": "reprint:CODE",
                },
            )
            assert response.status_code == 403
            assert response.json()["error"] == "self_authorization"
        assert service.db.head() == head
        assert "whatever-password" not in service.log_text()
        assert reviewer_password not in service.log_text()
    finally:
        t.client.close()


def test_wrong_passwords_lock_the_supervisor_like_a_login(service: RunningService) -> None:
    t = teller(service)
    supervisor, password = _new_user(service, Role.SUPERVISOR)
    try:
        codes = [_authorize(t, supervisor, "wrong-password", "x").json()["error"] for _ in range(5)]
        assert codes == ["bad_credentials"] * 5
        locked = _authorize(t, supervisor, password, "x")
        assert locked.status_code == 429 and locked.json()["error"] == "login_locked"
        assert int(locked.headers["Retry-After"]) > 0
        # ... and the supervisor's login is locked, too: one throttle for both.
        with service.client(t.identity) as client:
            response = client.post(
                "/v1/sessions", json={"username": supervisor, "password": password}
            )
            assert response.status_code == 429
        assert "wrong-password" not in service.log_text()
    finally:
        t.client.close()


def test_an_offline_authorization_is_recorded_and_confirmed(service: RunningService) -> None:
    t = teller(service)
    supervisor = teller(service, "super1")
    try:
        sent = command("teller1", auth_ref="offline:super1")
        assert _verdict(t, sent)["status"] == "applied"
        head = service.db.head()
        # Not a supervisor, or the teller themself: refused.
        assert _verdict(t, command("teller1", auth_ref="offline:teller3"))["reason_code"] == (
            "authorization_invalid"
        )
        assert _verdict(t, command("teller1", auth_ref="offline:teller1"))["reason_code"] == (
            "authorization_invalid"
        )
        assert service.db.head() == head

        listed = supervisor.client.get(
            "/v1/authorizations/offline", headers={"X-Counter-Session": supervisor.token}
        )
        assert listed.status_code == 200, listed.text
        (item,) = [a for a in listed.json()["authorizations"] if a["bound_to"] == sent["uuid"]]
        assert item["supervisor"] == "super1" and item["requested_by"] == "teller1"
        assert item["workstation_id"] == t.workstation_id and item["detail"] == "person.enroll"

        path = f"/v1/authorizations/{item['id']}/confirm"
        by_teller = t.client.post(path, headers={"X-Counter-Session": t.token})
        assert by_teller.status_code == 403
        assert (
            t.client.get(
                "/v1/authorizations/offline", headers={"X-Counter-Session": t.token}
            ).status_code
            == 403
        )
        confirmed = supervisor.client.post(path, headers={"X-Counter-Session": supervisor.token})
        assert confirmed.status_code == 204, confirmed.text
        again = supervisor.client.post(path, headers={"X-Counter-Session": supervisor.token})
        assert again.status_code == 409
        with Session(service.db.owner) as session:
            row = session.scalars(
                select(AuthorizationRow).where(AuthorizationRow.bound_to == sent["uuid"])
            ).one()
            assert row.offline and row.confirmed_by == "super1" and row.confirmed_at is not None
        listed = supervisor.client.get(
            "/v1/authorizations/offline", headers={"X-Counter-Session": supervisor.token}
        ).json()["authorizations"]
        assert all(a["bound_to"] != sent["uuid"] for a in listed)

        # Another hall's supervisor does not see or confirm it.
        assert (
            supervisor.client.post(
                "/v1/authorizations/no-such-id/confirm",
                headers={"X-Counter-Session": supervisor.token},
            ).status_code
            == 404
        )
        assert verify_chain(service.db.owner).ok
    finally:
        t.client.close()
        supervisor.client.close()
