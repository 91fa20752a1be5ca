"""The hall display's snapshot and hole check, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, delete

from counter_app.services import queue
from counter_app.services.hall_display_queries import Call, hall_snapshot, hole_between
from counter_app.storage.queue_models import QueueEventRow


def test_the_snapshot_shows_each_window_once_and_each_ticket_once(
    central_engine: Engine,
) -> None:
    now = dt.datetime.now()
    for category in "AAAAB":
        queue.issue_ticket(central_engine, "H1", category, now=now)
    queue.issue_ticket(central_engine, "H2", "A", now=now)  # another hall: never shown
    a1 = queue.call_next(central_engine, "H1", 1, ["A"], "t", key="s1", now=now)
    a2 = queue.call_next(central_engine, "H1", 2, ["A"], "t", key="s2", now=now)
    a3 = queue.call_next(central_engine, "H1", 3, ["A"], "t", key="s3", now=now)
    assert a1 is not None and a2 is not None and a3 is not None
    queue.apply_event(central_engine, a1.id, queue.TicketEvent.RECALL, now=now)
    queue.apply_event(central_engine, a2.id, queue.TicketEvent.NO_SHOW, now=now)
    queue.apply_event(central_engine, a3.id, queue.TicketEvent.START, now=now)
    queue.apply_event(central_engine, a3.id, queue.TicketEvent.FINISH, now=now)
    queue.call_next(central_engine, "H2", 1, ["A"], "t", key="other", now=now)

    snapshot = hall_snapshot(central_engine, "H1", now.date())
    assert [(c.ticket, c.window) for c in snapshot.current] == [("A001", 1)]
    assert [c.ticket for c in snapshot.recent] == ["A001", "A003", "A002"]  # the recall once
    assert snapshot.waiting == {"A": 1, "B": 1}
    assert snapshot.last_seq == queue.latest_seq(central_engine, "H1")
    assert isinstance(snapshot.current[0], Call)
    assert hall_snapshot(central_engine, "H1", now.date() + dt.timedelta(days=1)).current == []


def test_other_halls_events_are_not_a_hole_but_a_missing_number_is(
    central_engine: Engine,
) -> None:
    for hall in ("H1", "H2", "H2", "H1", "H1"):
        queue.issue_ticket(central_engine, hall, "A")
    h1 = queue.events_after(central_engine, "H1", 0)
    assert [e.seq for e in h1] == [h1[0].seq, h1[0].seq + 3, h1[0].seq + 4]
    assert not hole_between(central_engine, h1[0].seq, h1[-1].seq + 1)
    with central_engine.begin() as connection:
        connection.execute(delete(QueueEventRow).where(QueueEventRow.seq == h1[0].seq + 2))
    assert hole_between(central_engine, h1[0].seq, h1[-1].seq + 1)
    assert not hole_between(central_engine, h1[0].seq, h1[0].seq + 1)
