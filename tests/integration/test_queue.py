"""Queue numbers and call-next on both central engines, under concurrency."""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session

from counter_app.domain.queue import InvalidTransition, TicketEvent, WaitingTicket, choose_next
from counter_app.services.queue import (
    apply_event,
    call_next,
    close_day,
    issue_ticket,
    waiting_counts,
)
from counter_app.storage.engines import make_engine
from counter_app.storage.queue_models import QueueEventRow, TicketPeriodRow, TicketRow

HALL = "HALL01"
NOW = dt.datetime(2026, 11, 24, 9, 0)


def run_threads(count: int, target: object) -> list[BaseException]:
    errors: list[BaseException] = []

    def guarded(index: int) -> None:
        try:
            target(index)  # type: ignore[operator]
        except BaseException as exc:  # surfaced to the test
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_concurrent_issue_never_repeats_a_number(central_engine: Engine, central_url: str) -> None:
    numbers: list[str] = []
    lock = threading.Lock()

    def kiosk(_: int) -> None:
        engine = make_engine(central_url)  # a connection pool of its own, like a real kiosk
        for _ in range(25):
            ticket = issue_ticket(engine, HALL, "A", now=NOW)
            with lock:
                numbers.append(ticket.display)
        engine.dispose()

    assert run_threads(8, kiosk) == []
    assert sorted(numbers) == [f"A{n:03d}" for n in range(1, 201)]
    # A new business day starts again at 1.
    assert issue_ticket(central_engine, HALL, "A", now=NOW + dt.timedelta(days=1)).display == "A001"


def test_twenty_windows_drain_two_thousand_tickets_each_called_once(
    central_engine: Engine, central_url: str
) -> None:
    for i in range(2000):
        issue_ticket(central_engine, HALL, "AB"[i % 2], now=NOW + dt.timedelta(seconds=i))
    claimed: list[int] = []
    lock = threading.Lock()

    def window(index: int) -> None:
        engine = make_engine(central_url)
        while True:
            ticket = call_next(
                engine, HALL, index + 1, ["A", "B"], f"t{index}", key=str(uuid.uuid4()),
                now=NOW + dt.timedelta(hours=1),
            )  # fmt: skip
            if ticket is None:
                break
            with lock:
                claimed.append(ticket.id)
        engine.dispose()

    assert run_threads(20, window) == []
    counts = Counter(claimed)
    assert len(counts) == 2000 and max(counts.values()) == 1
    with Session(central_engine) as session:
        states = session.scalars(select(TicketRow.state).distinct()).all()
        assert states == ["called"]
        windows = session.scalars(select(TicketRow.window_number).distinct()).all()
        assert len(windows) > 1  # the work was really shared


def test_a_double_click_calls_once(central_engine: Engine) -> None:
    first = issue_ticket(central_engine, HALL, "A", now=NOW)
    second = issue_ticket(central_engine, HALL, "A", now=NOW)
    key = str(uuid.uuid4())
    a = call_next(central_engine, HALL, 1, ["A"], "t1", key=key, now=NOW)
    b = call_next(central_engine, HALL, 1, ["A"], "t1", key=key, now=NOW)
    assert a is not None and b is not None and a.id == b.id == first.id
    assert waiting_counts(central_engine, HALL, NOW.date()) == {"A": 1}
    c = call_next(central_engine, HALL, 1, ["A"], "t1", key=str(uuid.uuid4()), now=NOW)
    assert c is not None and c.id == second.id


def test_priority_order_and_aging(central_engine: Engine) -> None:
    old_a = issue_ticket(central_engine, HALL, "A", now=NOW)
    vip = issue_ticket(central_engine, HALL, "V", now=NOW + dt.timedelta(minutes=20))
    later = NOW + dt.timedelta(minutes=25)
    got = call_next(central_engine, HALL, 1, ["V", "A"], "t", key="k1", now=later)
    assert got is not None and got.id == vip.id  # V before A while A is not aged
    issue_ticket(central_engine, HALL, "V", now=later)
    aged = NOW + dt.timedelta(minutes=45)
    got = call_next(central_engine, HALL, 1, ["V", "A"], "t", key="k2", now=aged)
    assert got is not None and got.id == old_a.id  # waited past 30 minutes: goes first
    assert call_next(central_engine, HALL, 2, ["C"], "t", key="k3", now=aged) is None


def test_state_machine_periods_and_day_close(central_engine: Engine) -> None:
    ticket = issue_ticket(central_engine, HALL, "A", now=NOW)
    called = call_next(central_engine, HALL, 3, ["A"], "t", key="k", now=NOW)
    assert called is not None
    apply_event(central_engine, ticket.id, TicketEvent.RECALL, now=NOW + dt.timedelta(minutes=1))
    apply_event(central_engine, ticket.id, TicketEvent.START, now=NOW + dt.timedelta(minutes=2))
    with pytest.raises(InvalidTransition):
        apply_event(central_engine, ticket.id, TicketEvent.NO_SHOW)
    done = apply_event(
        central_engine, ticket.id, TicketEvent.FINISH, now=NOW + dt.timedelta(minutes=9)
    )
    assert done.state == "finished"
    with Session(central_engine) as session:
        periods = session.scalars(
            select(TicketPeriodRow).where(TicketPeriodRow.ticket_id == ticket.id)
            .order_by(TicketPeriodRow.id)
        ).all()  # fmt: skip
        assert [p.state for p in periods] == ["waiting", "called", "serving"]
        assert all(p.ended_at is not None for p in periods)
        assert periods[2].ended_at - periods[2].started_at == dt.timedelta(minutes=7)
        recalls = session.get(TicketRow, ticket.id).recalls  # type: ignore[union-attr]
        assert recalls == 1

    issue_ticket(central_engine, HALL, "B", now=NOW)
    assert close_day(central_engine, HALL, NOW.date()) == 1
    with Session(central_engine) as session:
        flagged = session.scalars(select(TicketRow).where(TicketRow.closed_unfinished)).all()
        assert [t.category for t in flagged] == ["B"]
        kinds = session.scalars(select(QueueEventRow.kind).order_by(QueueEventRow.seq)).all()
        assert kinds[-1] == "day_closed" and "called" in kinds


def test_a_ticket_transferred_to_a_window_goes_only_there(central_engine: Engine) -> None:
    ticket = issue_ticket(central_engine, HALL, "A", now=NOW)
    call_next(central_engine, HALL, 1, ["A"], "t", key="k1", now=NOW)
    apply_event(central_engine, ticket.id, TicketEvent.RETURN, now=NOW)
    with central_engine.begin() as connection:
        connection.execute(
            update(TicketRow).where(TicketRow.id == ticket.id).values(target_window=5)
        )
    assert call_next(central_engine, HALL, 1, ["A"], "t", key="k2", now=NOW) is None
    got = call_next(central_engine, HALL, 5, ["C"], "t", key="k3", now=NOW)
    assert got is not None and got.id == ticket.id


queues = st.lists(
    st.tuples(st.sampled_from("AVBC"), st.integers(0, 90), st.sampled_from([None, None, 1, 2])),
    min_size=1,
    max_size=12,
)


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(queue=queues, categories=st.permutations("VAB"))
def test_the_sql_claim_follows_the_pure_rule(
    central_engine: Engine, queue: list[tuple[str, int, int | None]], categories: list[str]
) -> None:
    with central_engine.begin() as connection:
        connection.execute(delete(TicketRow))
    now = NOW + dt.timedelta(minutes=120)
    waiting = []
    for category, minutes, target in queue:
        t = issue_ticket(central_engine, HALL, category, now=NOW + dt.timedelta(minutes=minutes))
        if target is not None:
            with central_engine.begin() as connection:
                connection.execute(
                    update(TicketRow).where(TicketRow.id == t.id).values(target_window=target)
                )
        waiting.append(WaitingTicket(t.id, category, t.issued_at, target))
    cats = list(categories[:2])
    expected = choose_next(1, cats, waiting, now, dt.timedelta(minutes=60))
    got = call_next(central_engine, HALL, 1, cats, "t", key=str(uuid.uuid4()), now=now,
                    aging=dt.timedelta(minutes=60))  # fmt: skip
    assert (got.id if got else None) == (expected.id if expected else None)


def test_a_paused_window_gets_no_calls(central_engine: Engine) -> None:
    from counter_app.services.queue import WindowPaused, set_paused

    issue_ticket(central_engine, HALL, "A", now=NOW)
    with pytest.raises(Exception, match="needs one of"):
        set_paused(central_engine, HALL, 2, "coffee")
    set_paused(central_engine, HALL, 2, "lunch", now=NOW)
    with pytest.raises(WindowPaused):
        call_next(central_engine, HALL, 2, ["A"], "t", key="p1", now=NOW)
    assert call_next(central_engine, HALL, 3, ["A"], "t", key="p2", now=NOW) is not None
    set_paused(central_engine, HALL, 2, None, now=NOW)
    issue_ticket(central_engine, HALL, "A", now=NOW)
    assert call_next(central_engine, HALL, 2, ["A"], "t", key="p3", now=NOW) is not None


def test_transfer_keeps_the_issue_time_and_walk_ins_get_real_numbers(
    central_engine: Engine,
) -> None:
    from counter_app.services.queue import serve_walk_in, transfer

    old = issue_ticket(central_engine, HALL, "A", now=NOW)
    issue_ticket(central_engine, HALL, "B", now=NOW + dt.timedelta(minutes=5))
    call_next(central_engine, HALL, 1, ["A"], "t", key="t1", now=NOW)
    moved = transfer(central_engine, old.id, category="B", now=NOW + dt.timedelta(minutes=10))
    assert moved.state == "waiting" and moved.issued_at == NOW
    got = call_next(
        central_engine, HALL, 4, ["B"], "t", key="t2", now=NOW + dt.timedelta(minutes=11)
    )
    assert got is not None and got.id == old.id  # first in B by its original time
    walk_in = serve_walk_in(central_engine, HALL, 6, "t6", now=NOW)
    again = serve_walk_in(central_engine, HALL, 6, "t6", now=NOW)
    assert (walk_in.display, again.display) == ("W001", "W002") and walk_in.state == "serving"


def test_ratings_and_follow_ups(central_engine: Engine) -> None:
    from counter_app.centre import bootstrap
    from counter_app.domain.errors import PermissionDenied, ValidationError
    from counter_app.domain.roles import Role
    from counter_app.services.queue import (
        FollowUpNotFound,
        TicketNotFound,
        close_follow_up,
        open_follow_ups,
        rate,
    )

    bootstrap.create_hall(central_engine, HALL, "大厅")
    bootstrap.create_hall(central_engine, "HALL02", "第二大厅")
    for username, role, hall in (
        ("teller1", Role.TELLER, HALL),
        ("boss", Role.SUPERVISOR, HALL),
        ("boss2", Role.SUPERVISOR, "HALL02"),
    ):
        bootstrap.create_user(central_engine, username, f"{username}-password", role, hall)
    ticket = issue_ticket(central_engine, HALL, "A", now=NOW)
    with pytest.raises(ValidationError):
        rate(central_engine, ticket.id, 5)  # not served yet
    call_next(central_engine, HALL, 2, ["A"], "teller2", key="r1", now=NOW)
    apply_event(central_engine, ticket.id, TicketEvent.START, now=NOW)
    apply_event(central_engine, ticket.id, TicketEvent.FINISH, now=NOW)
    with pytest.raises(TicketNotFound):
        rate(central_engine, ticket.id, 1, hall="HALL02")  # another hall's ticket
    with pytest.raises(ValidationError):
        rate(central_engine, ticket.id, 1, teller="teller1")  # not served by teller1
    rate(central_engine, ticket.id, 1, hall=HALL, teller="teller2")
    with pytest.raises(ValidationError):
        rate(central_engine, ticket.id, 5)  # rated once
    follow_ups = open_follow_ups(central_engine, HALL)
    assert [(f.ticket, f.business_day, f.window, f.teller, f.level) for f in follow_ups] == [
        ("A001", NOW.date(), 2, "teller2", 1)
    ]
    follow_up = follow_ups[0].id
    # The role is the centre's record of the user: nobody passes one in.
    with pytest.raises(PermissionDenied):
        close_follow_up(central_engine, follow_up, "teller1", "called back")
    with pytest.raises(PermissionDenied):
        close_follow_up(central_engine, follow_up, "nobody", "called back")
    with pytest.raises(FollowUpNotFound):
        close_follow_up(central_engine, follow_up, "boss2", "called back")  # of HALL02
    with pytest.raises(FollowUpNotFound):
        close_follow_up(central_engine, follow_up, "boss", "called back", hall="HALL02")
    with pytest.raises(ValidationError):
        close_follow_up(central_engine, follow_up, "boss", " ")
    close_follow_up(central_engine, follow_up, "boss", "called the customer back", hall=HALL)
    assert open_follow_ups(central_engine, HALL) == []
    with pytest.raises(ValidationError):
        close_follow_up(central_engine, follow_up, "boss", "again")  # not open any more


def test_live_figures_come_from_the_timed_periods(central_engine: Engine) -> None:
    from counter_app.services.queue import (
        estimated_wait,
        longest_wait,
        rate,
        teller_figures,
    )

    for minutes in (4, 8):
        t = issue_ticket(central_engine, HALL, "A", now=NOW)
        call_next(central_engine, HALL, 1, ["A"], "t1", key=f"f{minutes}", now=NOW)
        apply_event(central_engine, t.id, TicketEvent.START, now=NOW)
        apply_event(
            central_engine, t.id, TicketEvent.FINISH, now=NOW + dt.timedelta(minutes=minutes)
        )
        rate(central_engine, t.id, 5)
    issue_ticket(central_engine, HALL, "A", now=NOW + dt.timedelta(minutes=1))
    figures = teller_figures(central_engine, HALL, "t1", NOW.date())
    assert figures.served == 2 and figures.average_service == dt.timedelta(minutes=6)
    assert figures.ratings == {5: 2}
    assert estimated_wait(central_engine, HALL, 3, day=NOW.date()) == dt.timedelta(minutes=18)
    assert estimated_wait(central_engine, HALL, 3, open_windows=2, day=NOW.date()) == (
        dt.timedelta(minutes=9)
    )
    assert longest_wait(central_engine, HALL, NOW + dt.timedelta(minutes=11)) == dt.timedelta(
        minutes=10
    )


@pytest.mark.parametrize("central_url", ["sqlite"], indirect=True)
def test_several_processes_drain_a_sqlite_centre_without_double_calls(
    central_engine: Engine, central_url: str
) -> None:
    import subprocess
    import sys
    from pathlib import Path

    for i in range(400):
        issue_ticket(central_engine, HALL, "A", now=NOW + dt.timedelta(seconds=i))
    worker = Path(__file__).with_name("queue_worker.py")
    processes = [
        subprocess.Popen(
            [sys.executable, str(worker), central_url, str(window), NOW.isoformat()],
            stdout=subprocess.PIPE,
            text=True,
        )
        for window in range(1, 5)
    ]
    claimed: list[int] = []
    per_process = []
    for process in processes:
        out, _ = process.communicate(timeout=120)
        assert process.returncode == 0
        ids = [int(x) for x in out.split()]
        per_process.append(len(ids))
        claimed.extend(ids)
    assert sorted(claimed) == sorted(set(claimed)) and len(claimed) == 400
    assert sum(1 for n in per_process if n) >= 2  # really concurrent


def test_a_held_ticket_frees_the_window_and_only_that_window_resumes_it(
    central_engine: Engine,
) -> None:
    from counter_app.domain.errors import ValidationError
    from counter_app.services.queue import held_tickets, resume_held

    held = issue_ticket(central_engine, HALL, "A", now=NOW)
    other = issue_ticket(central_engine, HALL, "A", now=NOW + dt.timedelta(minutes=1))
    call_next(central_engine, HALL, 3, ["A"], "t3", key="h1", now=NOW)
    apply_event(central_engine, held.id, TicketEvent.START, now=NOW)
    apply_event(central_engine, held.id, TicketEvent.HOLD, now=NOW + dt.timedelta(minutes=2))
    assert [t.id for t in held_tickets(central_engine, HALL, 3, NOW.date())] == [held.id]
    assert held_tickets(central_engine, HALL, 4, NOW.date()) == []
    # The window calls the next one while the first is held; a held ticket is never called.
    got = call_next(central_engine, HALL, 3, ["A"], "t3", key="h2", now=NOW)
    assert got is not None and got.id == other.id
    with pytest.raises(ValidationError):
        resume_held(central_engine, held.id, 4)  # not held there
    with pytest.raises(InvalidTransition):
        apply_event(central_engine, other.id, TicketEvent.RESUME)  # not on hold
    back = resume_held(central_engine, held.id, 3, now=NOW + dt.timedelta(minutes=9))
    assert (back.state, back.window_number, back.teller) == ("serving", 3, "t3")
    assert held_tickets(central_engine, HALL, 3, NOW.date()) == []
    with Session(central_engine) as session:
        periods = session.scalars(
            select(TicketPeriodRow)
            .where(TicketPeriodRow.ticket_id == held.id)
            .order_by(TicketPeriodRow.id)
        ).all()
        assert [p.state for p in periods] == ["waiting", "called", "serving", "on_hold", "serving"]
        assert periods[3].ended_at - periods[3].started_at == dt.timedelta(minutes=7)
        kinds = session.scalars(select(QueueEventRow.kind).order_by(QueueEventRow.seq)).all()
        assert "resume" in kinds


def test_a_kiosk_id_number_travels_with_the_ticket_but_not_to_the_display(
    central_engine: Engine,
) -> None:
    from counter_app.domain.errors import ValidationError
    from counter_app.services.queue import events_after

    id_number = "11010519491231002X"  # the example of GB 11643-1999
    ticket = issue_ticket(central_engine, HALL, "V", now=NOW, id_number=id_number.lower())
    assert ticket.id_number == id_number
    with pytest.raises(ValidationError):
        issue_ticket(central_engine, HALL, "V", now=NOW, id_number="110105194912310021")
    called = call_next(central_engine, HALL, 1, ["V"], "t1", key="k", now=NOW)
    assert called is not None and called.id_number == id_number
    events = events_after(central_engine, HALL, 0)
    assert events and all(id_number not in json.dumps(e.payload) for e in events)
    assert issue_ticket(central_engine, HALL, "A", now=NOW).id_number is None


def test_transfer_to_a_window_is_checked(central_engine: Engine) -> None:
    from counter_app.centre import bootstrap
    from counter_app.domain.errors import ValidationError
    from counter_app.services.queue import transfer

    bootstrap.create_hall(central_engine, HALL, "大厅", windows=[1, 2, 3])
    ticket = issue_ticket(central_engine, HALL, "A", now=NOW)
    call_next(central_engine, HALL, 2, ["A"], "t2", key="w1", now=NOW)
    with pytest.raises(ValidationError):
        transfer(central_engine, ticket.id, window=2)  # to itself
    with pytest.raises(ValidationError):
        transfer(central_engine, ticket.id, window=7)  # no such window
    with pytest.raises(ValidationError):
        transfer(central_engine, ticket.id)  # nowhere
    moved = transfer(central_engine, ticket.id, window=3, now=NOW)
    assert moved.state == "waiting" and moved.category == "A"
    assert call_next(central_engine, HALL, 1, ["A"], "t1", key="w2", now=NOW) is None
    got = call_next(central_engine, HALL, 3, ["C"], "t3", key="w3", now=NOW)
    assert got is not None and got.id == ticket.id


def test_a_ticket_of_another_hall_is_not_found(central_engine: Engine) -> None:
    from counter_app.domain.errors import Conflict
    from counter_app.services.queue import TicketNotFound, resume_held, transfer

    ticket = issue_ticket(central_engine, HALL, "A", now=NOW)
    called = call_next(central_engine, HALL, 1, ["A"], "t1", key="mine", now=NOW)
    assert called is not None
    with pytest.raises(TicketNotFound):
        apply_event(central_engine, ticket.id, TicketEvent.START, hall="HALL02")
    with pytest.raises(TicketNotFound):
        transfer(central_engine, ticket.id, category="B", hall="HALL02")
    with pytest.raises(TicketNotFound):
        resume_held(central_engine, ticket.id, 1, hall="HALL02")
    with pytest.raises(Conflict):  # another window's key claims nothing
        call_next(central_engine, HALL, 2, ["A"], "t2", key="mine", now=NOW)
    with pytest.raises(Conflict):
        call_next(central_engine, "HALL02", 1, ["A"], "t2", key="mine", now=NOW)
    with Session(central_engine) as session:
        row = session.get(TicketRow, ticket.id)
        assert row is not None and (row.state, row.window_number) == ("called", 1)
    started = apply_event(central_engine, ticket.id, TicketEvent.START, hall=HALL)
    assert started.state == "serving"


def test_the_business_day_is_the_callers(central_engine: Engine) -> None:
    """The service passes its business day; a ticket and its claim use that day."""
    late = dt.datetime(2026, 11, 24, 23, 59)
    day = dt.date(2026, 11, 25)
    ticket = issue_ticket(central_engine, HALL, "A", now=late, day=day)
    assert waiting_counts(central_engine, HALL, day) == {"A": 1}
    assert call_next(central_engine, HALL, 1, ["A"], "t", key="d0", now=late) is None
    got = call_next(central_engine, HALL, 1, ["A"], "t", key="d1", now=late, day=day)
    assert got is not None and got.id == ticket.id


def test_a_display_page_carries_a_snapshot_when_it_does_not_follow_on(
    central_engine: Engine,
) -> None:
    """First call, a cursor past every event, a page crossing into a new day: rebuild."""
    from counter_app.services.hall_display_queries import events_page

    day = NOW.date()
    assert events_page(central_engine, HALL, 0, day) is None  # an empty centre: wait
    issue_ticket(central_engine, HALL, "A", now=NOW)
    first = events_page(central_engine, HALL, 0, day)
    assert first is not None and first.snapshot is not None and first.events == []
    assert first.waiting == {"A": 1}
    assert events_page(central_engine, HALL, first.last_seq, day) is None  # nothing new
    called = call_next(central_engine, HALL, 2, ["A"], "t", key="p1", now=NOW)
    assert called is not None
    page = events_page(central_engine, HALL, first.last_seq, day)
    assert page is not None and page.snapshot is None
    assert [e.kind for e in page.events] == ["called"] and page.waiting == {}
    future = events_page(central_engine, HALL, page.last_seq + 1000, day)
    assert future is not None and future.snapshot is not None
    assert future.last_seq == page.last_seq

    tomorrow = NOW + dt.timedelta(days=1)
    assert events_page(central_engine, HALL, page.last_seq, tomorrow.date()) is None
    issue_ticket(central_engine, HALL, "B", now=tomorrow)
    new_day = events_page(central_engine, HALL, page.last_seq, tomorrow.date())
    assert new_day is not None and new_day.snapshot is not None
    assert new_day.snapshot.current == [] and new_day.waiting == {"B": 1}
    assert [e.kind for e in new_day.events] == ["issued"]


def test_a_call_committed_while_the_snapshot_is_read_is_handed_over_with_it(
    central_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a hole the page's events are read first and the picture second; a call committed
    between the two reads is in the picture, so it must be in the page's events as well, or
    the display shows it and never announces it (the cursor moves past it)."""
    from counter_app.services import hall_display_queries
    from counter_app.services.hall_display_queries import events_page

    day = NOW.date()
    issue_ticket(central_engine, HALL, "A", now=NOW)
    first = events_page(central_engine, HALL, 0, day)
    assert first is not None
    with central_engine.begin() as connection:  # a hole: another hall's event, lost
        lost = connection.execute(
            insert(QueueEventRow).values(
                hall_code="HALL02", kind="issued", payload="{}", created_at=NOW
            )
        ).inserted_primary_key
        connection.execute(
            insert(QueueEventRow).values(
                hall_code="HALL02", kind="issued", payload="{}", created_at=NOW
            )
        )
        connection.execute(delete(QueueEventRow).where(QueueEventRow.seq == lost[0]))
    issue_ticket(central_engine, HALL, "A", now=NOW)

    real_snapshot = hall_display_queries.hall_snapshot

    def snapshot_after_a_call(*args: Any, **kwargs: Any) -> Any:
        assert call_next(central_engine, HALL, 4, ["A"], "t", key="race", now=NOW) is not None
        return real_snapshot(*args, **kwargs)

    monkeypatch.setattr(hall_display_queries, "hall_snapshot", snapshot_after_a_call)
    page = events_page(central_engine, HALL, first.last_seq, day)
    assert page is not None and page.snapshot is not None
    assert [c.window for c in page.snapshot.current] == [4]
    assert [e.kind for e in page.events] == ["issued", "called"]
    assert page.last_seq == page.events[-1].seq == page.snapshot.last_seq
