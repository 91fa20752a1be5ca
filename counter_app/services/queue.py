"""Queue operations on the centre: issue numbers and claim tickets atomically.

Numbers come from a per-(hall, category, business day) counter bumped with
``INSERT … ON CONFLICT DO UPDATE … RETURNING``, so two kiosks never print the same number.
Call-next is ONE statement: ``UPDATE tickets … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED
LIMIT 1) RETURNING`` on PostgreSQL — concurrent windows skip each other's row instead of
taking the same one — and the same ``UPDATE … RETURNING`` inside a ``BEGIN IMMEDIATE``
transaction on SQLite. A repeated idempotency key (a double click) returns the ticket the
first call claimed. Every change appends a timed period and a numbered hall event.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Date, DateTime, Engine, bindparam, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter_app.domain.queue import TicketEvent, TicketState, format_ticket_number, next_state
from counter_app.storage.queue_models import (
    QueueEventRow,
    TicketCounterRow,
    TicketPeriodRow,
    TicketRow,
)


@dataclass(frozen=True)
class Ticket:
    id: int
    display: str
    category: str
    state: str
    issued_at: dt.datetime
    window_number: int | None
    teller: str | None


def _ticket(row: TicketRow) -> Ticket:
    return Ticket(
        row.id, row.display, row.category, row.state, row.issued_at, row.window_number,
        row.teller,
    )  # fmt: skip


def _event(
    session: Session, hall: str, kind: str, payload: dict[str, object], now: dt.datetime
) -> None:
    session.add(
        QueueEventRow(
            hall_code=hall,
            kind=kind,
            payload=json.dumps(payload, ensure_ascii=False, sort_keys=True),
            created_at=now,
        )
    )


def _open_period(session: Session, ticket: TicketRow, state: str, now: dt.datetime) -> None:
    session.execute(
        update(TicketPeriodRow)
        .where(TicketPeriodRow.ticket_id == ticket.id, TicketPeriodRow.ended_at.is_(None))
        .values(ended_at=now)
    )
    if state not in ("finished", "no_show", "left", "closed"):
        session.add(
            TicketPeriodRow(
                ticket_id=ticket.id,
                state=state,
                started_at=now,
                window_number=ticket.window_number,
                teller=ticket.teller,
            )
        )


def issue_ticket(
    central: Engine, hall: str, category: str, *, now: dt.datetime | None = None
) -> Ticket:
    now = now or dt.datetime.now()
    day = now.date()
    insert = postgresql.insert if central.dialect.name == "postgresql" else sqlite.insert
    with Session(central) as session, session.begin():
        number = session.execute(
            insert(TicketCounterRow)
            .values(hall_code=hall, category=category, business_day=day, value=1)
            .on_conflict_do_update(
                index_elements=["hall_code", "category", "business_day"],
                set_={"value": TicketCounterRow.value + 1},
            )
            .returning(TicketCounterRow.value)
        ).scalar_one()
        row = TicketRow(
            hall_code=hall,
            category=category,
            number=number,
            display=format_ticket_number(category, number),
            business_day=day,
            issued_at=now,
            state=TicketState.WAITING.value,
            recalls=0,
            closed_unfinished=False,
        )
        session.add(row)
        session.flush()
        _open_period(session, row, TicketState.WAITING.value, now)
        _event(session, hall, "issued", {"ticket": row.display, "category": category}, now)
        return _ticket(row)


def _claim_sql(dialect: str, categories: Sequence[str]) -> str:
    rank = " ".join(f"WHEN :cat{i} THEN {i}" for i in range(len(categories)))
    lock = "FOR UPDATE SKIP LOCKED" if dialect == "postgresql" else ""
    return f"""
        UPDATE tickets SET state = 'called', window_number = :window, teller = :teller,
               call_key = :key
        WHERE id = (
            SELECT id FROM tickets
            WHERE hall_code = :hall AND business_day = :day AND state = 'waiting'
              AND (target_window = :window
                   OR (target_window IS NULL AND category IN :categories))
            ORDER BY CASE WHEN issued_at <= :aged_before THEN 0 ELSE 1 END,
                     CASE WHEN issued_at <= :aged_before THEN 0
                          WHEN target_window = :window THEN -1
                          ELSE CASE category {rank} END END,
                     issued_at, id
            LIMIT 1 {lock}
        )
        RETURNING id
    """


def call_next(
    central: Engine,
    hall: str,
    window: int,
    categories: Sequence[str],
    teller: str,
    *,
    key: str,
    aging: dt.timedelta = dt.timedelta(minutes=30),
    now: dt.datetime | None = None,
) -> Ticket | None:
    """Claim the next ticket for ``window``; ``None`` when nobody is waiting for it."""
    now = now or dt.datetime.now()
    params: dict[str, object] = {
        "window": window,
        "teller": teller,
        "key": key,
        "hall": hall,
        "day": now.date(),
        "categories": list(categories),
        "aged_before": now - aging,
    }
    params.update({f"cat{i}": c for i, c in enumerate(categories)})
    statement = text(_claim_sql(central.dialect.name, categories)).bindparams(
        bindparam("categories", expanding=True),
        # Typed, so SQLite compares them in the same text form the columns are stored in.
        bindparam("aged_before", type_=DateTime()),
        bindparam("day", type_=Date()),
    )
    with Session(central) as session, session.begin():
        earlier = session.scalar(select(TicketRow).where(TicketRow.call_key == key))
        if earlier is not None:
            return _ticket(earlier)  # the same click again: the same ticket
        claimed = session.execute(statement, params).scalar_one_or_none()
        if claimed is None:
            return None
        row = session.get(TicketRow, claimed)
        assert row is not None
        session.refresh(row)
        _open_period(session, row, TicketState.CALLED.value, now)
        _event(session, hall, "called", {"ticket": row.display, "window": window}, now)
        return _ticket(row)


def apply_event(
    central: Engine,
    ticket_id: int,
    event: TicketEvent,
    *,
    now: dt.datetime | None = None,
) -> Ticket:
    """Move a ticket through its state machine (recall, start, hold, return, finish …)."""
    now = now or dt.datetime.now()
    with Session(central) as session, session.begin():
        row = session.get(TicketRow, ticket_id, with_for_update=True)
        if row is None:
            raise LookupError(f"no ticket {ticket_id}")
        target = next_state(TicketState(row.state), event)
        if event is TicketEvent.RECALL:
            row.recalls += 1
        if target is TicketState.WAITING:
            row.window_number, row.teller, row.call_key = None, None, None
        row.state = target.value
        if event is not TicketEvent.RECALL:
            _open_period(session, row, target.value, now)
        _event(
            session,
            row.hall_code,
            event.value,
            {"ticket": row.display, "window": row.window_number},
            now,
        )
        return _ticket(row)


def close_day(central: Engine, hall: str, day: dt.date, *, now: dt.datetime | None = None) -> int:
    """Close every unfinished ticket of ``day``, flagged as closed unfinished."""
    now = now or dt.datetime.now()
    closed = 0
    with Session(central) as session, session.begin():
        rows = session.scalars(
            select(TicketRow).where(
                TicketRow.hall_code == hall,
                TicketRow.business_day == day,
                TicketRow.state.in_(
                    [
                        s.value
                        for s in TicketState
                        if s.value not in ("finished", "no_show", "left", "closed")
                    ]
                ),
            )
        ).all()
        for row in rows:
            row.state = TicketState.CLOSED.value
            row.closed_unfinished = True
            _open_period(session, row, TicketState.CLOSED.value, now)
            closed += 1
        _event(session, hall, "day_closed", {"day": day.isoformat(), "closed": closed}, now)
    return closed


def waiting_counts(central: Engine, hall: str, day: dt.date) -> dict[str, int]:
    with Session(central) as session:
        rows = session.execute(
            select(TicketRow.category, func.count())
            .where(
                TicketRow.hall_code == hall,
                TicketRow.business_day == day,
                TicketRow.state == TicketState.WAITING.value,
            )
            .group_by(TicketRow.category)
        ).all()
    return {category: int(n) for category, n in rows}


@dataclass(frozen=True)
class HallEvent:
    seq: int
    kind: str
    payload: dict[str, object]
    created_at: dt.datetime


def events_after(central: Engine, hall: str, seq: int, limit: int = 200) -> list[HallEvent]:
    """The hall's events after ``seq``, in order (the display's event stream)."""
    with Session(central) as session:
        rows = session.scalars(
            select(QueueEventRow)
            .where(QueueEventRow.hall_code == hall, QueueEventRow.seq > seq)
            .order_by(QueueEventRow.seq)
            .limit(limit)
        ).all()
        return [HallEvent(r.seq, r.kind, json.loads(r.payload), r.created_at) for r in rows]


def recent_calls(central: Engine, hall: str, limit: int = 6) -> list[HallEvent]:
    """The latest calls and recalls, newest first (what a display shows after a re-sync)."""
    with Session(central) as session:
        rows = session.scalars(
            select(QueueEventRow)
            .where(QueueEventRow.hall_code == hall, QueueEventRow.kind.in_(["called", "recall"]))
            .order_by(QueueEventRow.seq.desc())
            .limit(limit)
        ).all()
        return [HallEvent(r.seq, r.kind, json.loads(r.payload), r.created_at) for r in rows]


def latest_seq(central: Engine, hall: str) -> int:
    with Session(central) as session:
        return int(
            session.scalar(
                select(func.max(QueueEventRow.seq)).where(QueueEventRow.hall_code == hall)
            )
            or 0
        )
