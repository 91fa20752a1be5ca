"""Enrol, log in, push, pull, anchor: the service's normal path on both central engines."""

from __future__ import annotations

import json

from service_harness import (
    USERS,
    RunningService,
    command,
    enrolled,
    enrollment_payload,
    login,
    new_person_id,
    teller,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.centre.journal import entry_hash, verify_chain
from counter_app.storage.central_models import JournalRow
from counter_app.wire import load_public_key
from counter_central.anchors import Anchor, verify_against_anchors


def test_enrol_then_signed_push_then_pull(service: RunningService) -> None:
    t = teller(service)
    try:
        sent = command("teller1", enrollment_payload(new_person_id()))
        response = t.push(sent)
        assert response.status_code == 200, response.text
        (verdict,) = response.json()["verdicts"]
        assert verdict["status"] == "applied" and verdict["seq"] > 0, verdict

        again = t.push(sent).json()["verdicts"][0]
        assert again == {**verdict, "duplicate": True}

        pulled = t.client.get("/v1/journal", params={"after": verdict["seq"] - 1}).json()
        entry = pulled["entries"][0]
        assert entry["command_uuid"] == sent["uuid"]
        # Stamped by the service: the signing workstation, its hall, the session's user.
        assert entry["workstation"] == t.identity.workstation_id
        assert entry["scope"] == "hall:HALL01" and entry["actor"] == "teller1"
        assert json.loads(entry["payload"]) == sent["payload"]
        with Session(service.db.owner) as session:
            row = session.scalars(select(JournalRow).where(JournalRow.seq == entry["seq"])).one()
        assert entry_hash(row) == entry["hash"] == row.hash
        assert pulled["head_seq"] >= verdict["seq"]
        assert verify_chain(service.db.owner).ok
    finally:
        t.client.close()


def test_pull_shows_only_the_workstations_scope(service: RunningService) -> None:
    first, other = teller(service), teller(service, "teller2", "HALL02")
    try:
        theirs = other.push(command("teller2")).json()["verdicts"][0]
        assert theirs["status"] == "applied"
        seen = first.client.get("/v1/journal", params={"after": 0, "limit": 1000}).json()
        seqs = {e["seq"] for e in seen["entries"]}
        scopes = {e["scope"] for e in seen["entries"]}
        assert theirs["seq"] not in seqs
        assert scopes <= {"*", "hall:HALL01"} and "*" in scopes
    finally:
        first.client.close()
        other.client.close()


def test_time_is_public_and_the_openapi_document_is_served(service: RunningService) -> None:
    with service.client() as client:
        now = client.get("/v1/time").json()
        assert {"now", "business_day", "workday"} <= set(now)
        paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/v1/enrol",
        "/v1/sessions",
        "/v1/commands",
        "/v1/journal",
        "/v1/time",
        "/v1/anchors",
        "/v1/anchors/latest",
    ):
        assert path in paths


def test_anchor_signs_the_head_and_verifies(service: RunningService) -> None:
    t = teller(service)
    try:
        assert t.push(command("teller1")).json()["verdicts"][0]["status"] == "applied"
        made = t.client.post("/v1/anchors")
        assert made.status_code == 201, made.text
        latest = t.client.get("/v1/anchors/latest").json()
        assert latest == made.json()
        anchor = Anchor(**latest)
    finally:
        t.client.close()
    # The workstation verifies with the key it was given at enrolment.
    key = load_public_key(t.enrolment.anchor_public_key)
    report = verify_against_anchors(service.db.owner, [anchor], key)
    assert report.ok and report.anchors_checked == 1, report


def test_logout_ends_the_session(service: RunningService) -> None:
    t = teller(service, "teller3")
    try:
        assert t.client.post("/v1/sessions/end", json={"token": t.token}).status_code == 204
        refused = t.push(command("teller3"))
        assert refused.status_code == 401 and refused.json()["error"] == "session_invalid"
    finally:
        t.client.close()


def test_wrong_passwords_lock_the_user_not_the_others(service: RunningService) -> None:
    identity = enrolled(service).identity
    with service.client(identity) as client:
        codes = [
            client.post(
                "/v1/sessions", json={"username": "locked1", "password": "wrong-pass"}
            ).json()["error"]
            for _ in range(5)
        ]
        assert codes == ["bad_credentials"] * 5
        right = USERS["locked1"][2]
        locked = client.post("/v1/sessions", json={"username": "locked1", "password": right})
        assert locked.status_code == 429 and locked.json()["error"] == "login_locked"
        assert int(locked.headers["Retry-After"]) > 0
        assert login(client, "teller1")  # another user on the same workstation still logs in
