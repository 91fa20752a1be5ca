"""The queue through counter-central: kiosks, windows, displays and follow-ups, on real
service processes over both central engines.

The hall is always the signing workstation's, the teller the session's and the time the
service's; a ticket of another hall does not exist for a workstation, and a follow-up is
closed only on a supervisor's session, whatever the request claims.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from service_harness import RunningService, Teller, enrolled, teller
from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from counter_app.domain.errors import Conflict, PermissionDenied, ValidationError
from counter_app.domain.queue import TicketEvent
from counter_app.remote.http_central import HttpCentral
from counter_app.services import queue
from counter_app.storage.queue_models import QueueEventRow, TicketRow

SESSION = "X-Counter-Session"


def service_day(service: RunningService) -> tuple[dt.datetime, dt.date]:
    with service.client() as client:
        answer = client.get("/v1/time").json()
    return dt.datetime.fromisoformat(answer["now"]), dt.date.fromisoformat(answer["business_day"])


@pytest.fixture
def hall(service: RunningService) -> RunningService:
    """The shared service with both halls' queues of the day closed: nobody waits."""
    now, day = service_day(service)
    for code in ("HALL01", "HALL02"):
        queue.close_day(service.db.owner, code, day, now=now.replace(tzinfo=None))
    return service


@pytest.fixture
def kiosk(hall: RunningService) -> Iterator[httpx.Client]:
    """A signed workstation of HALL01 with no staff session (a ticket kiosk, a display)."""
    with hall.client(enrolled(hall).identity) as client:
        yield client


@pytest.fixture
def desk(hall: RunningService) -> Iterator[Teller]:
    t = teller(hall, "teller1")
    yield t
    t.client.close()


def post(t: Teller, path: str, body: dict[str, Any]) -> httpx.Response:
    response: httpx.Response = t.client.post(path, json=body, headers={SESSION: t.token})
    return response


def get(t: Teller, path: str, **params: Any) -> httpx.Response:
    response: httpx.Response = t.client.get(path, params=params, headers={SESSION: t.token})
    return response


def issue(kiosk: httpx.Client, category: str = "A", **extra: Any) -> dict[str, Any]:
    response = kiosk.post("/v1/queue/tickets", json={"category": category, **extra})
    assert response.status_code == 201, response.text
    answer: dict[str, Any] = response.json()
    return answer


def call(t: Teller, window: int, categories: list[str], key: str | None = None) -> httpx.Response:
    body = {
        "window": window,
        "categories": categories,
        "key": key or uuid.uuid4().hex,
        "aging_minutes": 30,
    }
    return post(t, "/v1/queue/call-next", body)


def event(t: Teller, ticket_id: int, kind: str) -> httpx.Response:
    return post(t, f"/v1/queue/tickets/{ticket_id}/events", {"event": kind})


def test_a_kiosk_issues_and_two_windows_share_the_queue(
    hall: RunningService, kiosk: httpx.Client, desk: Teller
) -> None:
    first = issue(kiosk)
    second = issue(kiosk)
    assert second["waiting_ahead"] == first["waiting_ahead"] + 1
    assert second["estimated_wait_seconds"] > 0
    assert first["ticket"]["state"] == "waiting" and first["ticket"]["teller"] is None
    other = teller(hall, "teller3")
    try:
        key = uuid.uuid4().hex
        mine = call(desk, 1, ["A"], key)
        again = call(desk, 1, ["A"], key)  # a double click: the same ticket
        theirs = call(other, 2, ["A"])
        assert mine.status_code == theirs.status_code == 200, (mine.text, theirs.text)
        assert mine.json() == again.json()
        got = {mine.json()["ticket"]["id"], theirs.json()["ticket"]["id"]}
        assert got == {first["ticket"]["id"], second["ticket"]["id"]}
        assert mine.json()["ticket"]["teller"] == "teller1"  # from the session
        assert theirs.json()["ticket"]["teller"] == "teller3"
        assert theirs.json()["ticket"]["window_number"] == 2
        assert call(desk, 1, ["A"]).json() == {"ticket": None}
        stolen = call(other, 2, ["A"], key)  # another window's key claims nothing
        assert stolen.status_code == 409
    finally:
        other.client.close()


def test_the_time_and_business_day_are_the_services(
    hall: RunningService, kiosk: httpx.Client
) -> None:
    before, day = service_day(hall)
    ticket = issue(kiosk, "B")["ticket"]
    after, _ = service_day(hall)
    issued = dt.datetime.fromisoformat(ticket["issued_at"])
    assert issued.tzinfo is None  # the hall's local time, as the queue keeps it
    local = before.tzinfo
    assert before.replace(tzinfo=None) <= issued <= after.replace(tzinfo=None), (local, issued)
    with Session(hall.db.owner) as session:
        row = session.get(TicketRow, ticket["id"])
        assert row is not None and row.business_day == day and row.hall_code == "HALL01"
    # A request cannot name a hall, a time or a day: unknown fields are refused.
    for extra in ({"hall_code": "HALL02"}, {"issued_at": "2020-01-01T09:00:00"}, {"day": "x"}):
        refused = kiosk.post("/v1/queue/tickets", json={"category": "A", **extra})
        assert refused.status_code == 422, refused.text


def test_window_calls_need_a_staff_session_and_valid_settings(
    kiosk: httpx.Client, desk: Teller
) -> None:
    issue(kiosk)
    body = {"window": 1, "categories": ["A"], "key": uuid.uuid4().hex, "aging_minutes": 30}
    refused = kiosk.post("/v1/queue/call-next", json=body)
    assert refused.status_code == 401 and refused.json()["error"] == "session_invalid"
    for bad in (
        {"categories": ["a"]},
        {"categories": ["AB"]},
        {"categories": list("ABCDEFGHIJK")},  # more than 10
        {"aging_minutes": 0},
        {"aging_minutes": 241},
        {"window": 0},
        {"teller": "boss"},
    ):
        answer = post(desk, "/v1/queue/call-next", {**body, **bad})
        assert answer.status_code == 422, (bad, answer.text)
    assert kiosk.get("/v1/queue/windows/1/status").status_code == 401


def test_the_event_stream_snapshot_long_poll_and_other_halls(
    hall: RunningService, kiosk: httpx.Client, desk: Teller
) -> None:
    issue(kiosk)
    first = kiosk.get("/v1/queue/events", params={"after": 0}).json()
    assert first["snapshot"] is not None and first["events"] == []
    assert first["waiting"].get("A") == 1
    cursor = first["last_seq"]
    assert kiosk.get("/v1/queue/events", params={"after": cursor}).json()["events"] == []

    # A long poll answers as soon as something happens, not when its wait is over.
    answers: list[dict[str, Any]] = []

    def wait_for_news() -> None:
        with hall.client(enrolled(hall).identity) as display:
            response = display.get("/v1/queue/events", params={"after": cursor, "wait": 20})
            answers.append(response.json())

    started = time.monotonic()
    waiter = threading.Thread(target=wait_for_news)
    waiter.start()
    time.sleep(1.0)
    other_hall = teller(hall, "teller2", "HALL02")  # another hall's events wake nobody here
    try:
        assert call(other_hall, 1, ["A"]).status_code == 200
    finally:
        other_hall.client.close()
    called = call(desk, 4, ["A"]).json()["ticket"]
    waiter.join(timeout=25)
    elapsed = time.monotonic() - started
    assert answers and elapsed < 15, elapsed
    page = answers[0]
    assert page["snapshot"] is None
    assert [(e["kind"], e["payload"]) for e in page["events"]] == [
        ("called", {"ticket": called["display"], "window": 4})
    ]
    assert page["last_seq"] == page["events"][-1]["seq"] > cursor
    assert page["waiting"].get("A", 0) == 0

    # A hole in the numbers (an event lost) makes the page carry a fresh picture.
    with hall.db.owner.begin() as connection:
        lost = connection.execute(
            insert(QueueEventRow).values(
                hall_code="HALL02", kind="issued", payload="{}", created_at=dt.datetime.now()
            )
        ).inserted_primary_key
        assert lost is not None
        connection.execute(
            insert(QueueEventRow).values(
                hall_code="HALL02", kind="issued", payload="{}", created_at=dt.datetime.now()
            )
        )
        connection.execute(delete(QueueEventRow).where(QueueEventRow.seq == lost[0]))
    assert event(desk, called["id"], "recall").status_code == 200
    resync = kiosk.get("/v1/queue/events", params={"after": page["last_seq"]}).json()
    assert resync["snapshot"] is not None
    assert [e["kind"] for e in resync["events"]] == ["recall"]
    current = resync["snapshot"]["current"]
    assert {"ticket": called["display"], "window": 4} in [
        {"ticket": c["ticket"], "window": c["window"]} for c in current
    ]
    too_long = kiosk.get("/v1/queue/events", params={"after": 0, "wait": 26})
    assert too_long.status_code == 422


def test_hold_resume_and_transfer(kiosk: httpx.Client, desk: Teller) -> None:
    held = issue(kiosk)["ticket"]
    moved = issue(kiosk)["ticket"]
    assert call(desk, 5, ["A"]).json()["ticket"]["id"] == held["id"]
    assert event(desk, held["id"], "start").json()["state"] == "serving"
    assert event(desk, held["id"], "hold").json()["state"] == "on_hold"
    status = get(desk, "/v1/queue/windows/5/status").json()
    assert [t["id"] for t in status["held"]] == [held["id"]]
    assert status["figures"]["teller"] == "teller1"
    assert status["waiting"].get("A") == 1 and status["longest_wait_seconds"] >= 0

    assert call(desk, 5, ["A"]).json()["ticket"]["id"] == moved["id"]
    elsewhere = post(desk, f"/v1/queue/tickets/{held['id']}/resume", {"window": 6})
    assert elsewhere.status_code == 422 and elsewhere.json()["domain"]["field"] == "ticket"
    invalid = event(desk, moved["id"], "finish")  # called, not serving yet
    assert invalid.status_code == 409
    sent = post(desk, f"/v1/queue/tickets/{moved['id']}/transfer", {"category": "C"})
    assert sent.status_code == 200 and sent.json()["state"] == "waiting"
    assert sent.json()["category"] == "C" and sent.json()["issued_at"] == moved["issued_at"]
    back = post(desk, f"/v1/queue/tickets/{held['id']}/resume", {"window": 5})
    assert back.status_code == 200 and back.json()["state"] == "serving"
    assert event(desk, held["id"], "finish").json()["state"] == "finished"
    after = get(desk, "/v1/queue/windows/5/status").json()
    assert after["held"] == [] and after["waiting"] == {"C": 1}
    assert after["figures"]["served"] >= 1

    walk_in = post(desk, "/v1/queue/walk-ins", {"window": 5})
    assert walk_in.status_code == 201 and walk_in.json()["category"] == "W"
    assert post(desk, "/v1/queue/windows/5/pause", {"reason": "lunch"}).status_code == 204
    paused = call(desk, 5, ["C"])
    assert paused.status_code == 409 and paused.json()["error"] == "window_paused"
    assert post(desk, "/v1/queue/windows/5/pause", {"reason": "coffee"}).status_code == 422
    assert post(desk, "/v1/queue/windows/5/pause", {"reason": None}).status_code == 204


def serve_and_rate(kiosk: httpx.Client, t: Teller, window: int, level: int) -> dict[str, Any]:
    ticket = issue(kiosk)["ticket"]
    assert call(t, window, ["A"]).json()["ticket"]["id"] == ticket["id"]
    event(t, ticket["id"], "start")
    assert event(t, ticket["id"], "finish").status_code == 200
    rated = post(t, f"/v1/queue/tickets/{ticket['id']}/rating", {"level": level})
    assert rated.status_code == 201, rated.text
    answer: dict[str, Any] = ticket
    return answer


def test_a_follow_up_is_closed_only_on_a_supervisors_session(
    hall: RunningService, kiosk: httpx.Client, desk: Teller
) -> None:
    ticket = serve_and_rate(kiosk, desk, 7, 1)
    again = post(desk, f"/v1/queue/tickets/{ticket['id']}/rating", {"level": 5})
    assert again.status_code == 422  # rated once
    assert get(desk, "/v1/queue/follow-ups").status_code == 403

    boss = teller(hall, "super1")
    try:
        listed = get(boss, "/v1/queue/follow-ups").json()["follow_ups"]
        (mine,) = [f for f in listed if f["ticket"] == ticket["display"]]
        assert (mine["window"], mine["teller"], mine["level"]) == (7, "teller1", 1)
        path = f"/v1/queue/follow-ups/{mine['id']}/close"
        # The teller cannot claim a role: the field does not exist ...
        claimed = post(desk, path, {"note": "sorted", "role": "supervisor"})
        assert claimed.status_code == 422
        # ... and the session's own role is the centre's record of it.
        refused = post(desk, path, {"note": "sorted"})
        assert refused.status_code == 403 and refused.json()["domain"]["type"] == "permission"
        assert post(boss, path, {"note": "  "}).status_code == 422  # a note is mandatory
        assert post(boss, path, {"note": "called the customer back"}).status_code == 204
        assert post(boss, path, {"note": "twice"}).status_code == 422  # not open any more
        left = get(boss, "/v1/queue/follow-ups").json()["follow_ups"]
        assert mine["id"] not in [f["id"] for f in left]
    finally:
        boss.client.close()


def test_a_ticket_of_another_hall_is_never_acted_on(
    hall: RunningService, kiosk: httpx.Client, desk: Teller
) -> None:
    ticket = serve_and_rate(kiosk, desk, 8, 2)
    waiting = issue(kiosk)["ticket"]
    stranger = teller(hall, "teller2", "HALL02")
    try:
        for response in (
            event(stranger, waiting["id"], "leave"),
            post(stranger, f"/v1/queue/tickets/{waiting['id']}/transfer", {"category": "B"}),
            post(stranger, f"/v1/queue/tickets/{waiting['id']}/resume", {"window": 1}),
            post(stranger, f"/v1/queue/tickets/{ticket['id']}/rating", {"level": 5}),
        ):
            assert response.status_code == 404, response.text
            assert response.json()["error"] == "ticket_not_found"
        assert call(stranger, 1, ["A"]).json() == {"ticket": None}  # HALL01's queue is not theirs
        theirs = stranger.client.get("/v1/queue/events", params={"after": 0}).json()
        assert waiting["display"] not in str(theirs)
    finally:
        stranger.client.close()
    with Session(hall.db.owner) as session:
        row = session.scalars(select(TicketRow).where(TicketRow.id == waiting["id"])).one()
        assert (row.state, row.category) == ("waiting", "A")


def test_the_workstation_client_speaks_the_queue_api(hall: RunningService) -> None:
    """``HttpCentral``'s queue calls, decoded into the queue's own types."""
    tls = hall.config.parent / "tls" / "ca.crt"

    def connect() -> HttpCentral:
        identity = enrolled(hall).identity
        return HttpCentral(hall.url, identity, ca_file=tls if tls.exists() else None)

    kiosk, window, boss = connect(), connect(), connect()
    try:
        issued = kiosk.issue_ticket("A", id_number="11010519491231002x")
        assert issued.ticket.id_number == "11010519491231002X"
        assert issued.waiting_ahead == 0 and issued.estimated_wait is not None
        with pytest.raises(ValidationError):
            kiosk.issue_ticket("A", id_number="110105194912310021")  # check digit
        window.login("teller1", "teller1-password")
        called = window.call_next(9, ["A"], key=uuid.uuid4().hex, aging_minutes=30)
        assert called is not None and called.id == issued.ticket.id
        assert called.id_number == "11010519491231002X"  # to the window that calls it
        started = window.ticket_event(called.id, TicketEvent.START)
        assert started.state == "serving" and started.issued_at == issued.ticket.issued_at
        with pytest.raises(Conflict):
            window.ticket_event(called.id, TicketEvent.NO_SHOW)
        window.ticket_event(called.id, TicketEvent.FINISH)
        assert window.rate(called.id, 2) > 0
        status = window.window_status(9)
        assert status.figures.teller == "teller1" and status.figures.served >= 1
        assert status.figures.ratings.get(2, 0) >= 1 and status.held == []
        page = kiosk.hall_events(0)
        assert page.snapshot is not None and page.last_seq >= page.snapshot.last_seq
        news = kiosk.hall_events(page.last_seq, wait_seconds=0.5)
        assert news.events == [] and news.last_seq == page.last_seq
        with pytest.raises(PermissionDenied):
            window.open_follow_ups()
        boss.login("super1", "super1-password")
        (follow_up,) = [f for f in boss.open_follow_ups() if f.ticket == called.display]
        assert follow_up.level == 2 and follow_up.window == 9 and follow_up.teller == "teller1"
        with pytest.raises(PermissionDenied):
            window.close_follow_up(follow_up.id, "done")
        boss.close_follow_up(follow_up.id, "called back")
        assert follow_up.id not in [f.id for f in boss.open_follow_ups()]
    finally:
        for client in (kiosk, window, boss):
            client.close()
