"""Queue operations on the centre: issue numbers and claim tickets atomically.

Every function takes the hall, the user and the time from its caller, which is the central
service (``counter_central.routes_queue``): the hall of the signing workstation, the user of
the staff session and the service's clock. An operation on a ticket named by id is given the
caller's hall too, and a ticket of another hall is treated as one that does not exist.

Numbers come from a per-(hall, category, business day) counter bumped with
``INSERT … ON CONFLICT DO UPDATE … RETURNING``, so two kiosks never print the same number.
Call-next is ONE statement: ``UPDATE tickets … WHERE id = COALESCE((SELECT … LIMIT 1 FOR
UPDATE SKIP LOCKED), …) RETURNING`` on PostgreSQL, a few index-ordered probes in priority
order — concurrent windows skip each other's row instead of taking the same one — and the
same ``UPDATE … RETURNING`` inside a ``BEGIN IMMEDIATE`` transaction on SQLite; on PostgreSQL
the claimed ticket's timed periods and hall event are written by the same statement. A
repeated idempotency key (a double click) returns the ticket the first call claimed. Every
change appends a timed period and a numbered hall event.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    Date,
    DateTime,
    Engine,
    Row,
    TextClause,
    TextualSelect,
    bindparam,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter_app.domain.errors import Conflict, DomainError, PermissionDenied, ValidationError
from counter_app.domain.ids import IdNumber
from counter_app.domain.queue import (
    PAUSE_REASONS,
    RATING_LEVELS,
    TicketEvent,
    TicketState,
    format_ticket_number,
    needs_follow_up,
    next_state,
)
from counter_app.domain.roles import Permission, Role, require
from counter_app.services.records import FollowUp as FollowUp
from counter_app.services.records import HallEvent as HallEvent
from counter_app.services.records import TellerFigures as TellerFigures
from counter_app.services.records import Ticket as Ticket
from counter_app.storage.queue_models import (
    FollowUpRow,
    QueueEventRow,
    RatingRow,
    TicketCounterRow,
    TicketPeriodRow,
    TicketRow,
    WindowStatusRow,
)
from counter_app.storage.shared_models import UserRow, WindowRow


def _ticket(row: TicketRow) -> Ticket:
    return Ticket(
        row.id, row.display, row.category, row.state, row.issued_at, row.window_number,
        row.teller, row.recalls or 0, row.id_number,
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
    central: Engine,
    hall: str,
    category: str,
    *,
    now: dt.datetime | None = None,
    day: dt.date | None = None,
    id_number: str | None = None,
) -> Ticket:
    """Take the next number of ``category``; ``id_number`` (checked) is the customer's, if given.

    The ID number travels with the ticket to the window that calls it and never appears in a
    hall event (the display is public).
    """
    now = now or dt.datetime.now()
    if id_number is not None:
        id_number = IdNumber.parse(id_number).value
    day = day or now.date()
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
            id_number=id_number,
        )
        session.add(row)
        session.flush()
        _open_period(session, row, TicketState.WAITING.value, now)
        _event(session, hall, "issued", {"ticket": row.display, "category": category}, now)
        return _ticket(row)


_WAITING = "hall_code = :hall AND business_day = :day AND state = 'waiting'"
# What the claim returns: the ticket as ``Ticket`` needs it, so nothing is read again.
_RETURNED = "id, display, category, state, issued_at, window_number, teller, recalls, id_number"
_TICKET_COLUMNS = [TicketRow.__table__.c[name.strip()] for name in _RETURNED.split(",")]


def _claim_sql(dialect: str, count: int, *, teller: str = ":teller", guard: str = "") -> str:
    """The claim: ``UPDATE … WHERE id = COALESCE(probe, probe, …) AND <guards> RETURNING``.

    ``domain/queue.choose_next`` as ordered index probes, each ``ORDER BY issued_at, id
    LIMIT 1`` over a partial index of the waiting tickets (``storage/queue_models``), so a
    call walks an index instead of sorting the queue:

    1. the oldest aged candidate (``ix_tickets_waiting``, stopping at the first ticket that is
       not aged; it steps over aged tickets this window may not take);
    2. the oldest ticket transferred to this window (``ix_tickets_waiting_transfer``);
    3. per category, in the window's order, its oldest untransferred ticket
       (``ix_tickets_waiting_category``).

    ``COALESCE`` stops at the first probe that finds a ticket; the later ones never run. Once
    nothing is aged, each group's tickets are all younger than the aging limit, so the first
    group with a ticket holds the rule's choice. On PostgreSQL each probe is ``FOR UPDATE SKIP
    LOCKED``: only the row claimed is locked, and a row another window is claiming is skipped
    as before; SQLite runs the statement inside ``BEGIN IMMEDIATE``.

    Two guards make the statement claim nothing when the window is paused or the call key was
    used already (a double click), each a primary-key or unique-index probe; only when nothing
    was claimed does ``call_next`` ask which of the three it was.

    ``teller`` is the SQL of the teller recorded (a parameter, or a sub-query of an enclosing
    statement) and ``guard`` an extra condition the claim needs (the service's one-statement
    call-next checks the request's nonce and session with it).
    """
    lock = "FOR UPDATE SKIP LOCKED" if dialect == "postgresql" else ""

    def probe(condition: str) -> str:
        return (
            f"(SELECT id FROM tickets WHERE {_WAITING} AND {condition} "
            f"ORDER BY issued_at, id LIMIT 1 {lock})"
        )

    names = ", ".join(f":cat{i}" for i in range(count))
    served = f" OR (target_window IS NULL AND category IN ({names}))" if count else ""
    probes = [
        probe(f"issued_at <= :aged_before AND (target_window = :window{served})"),
        probe("target_window = :window"),
    ]
    probes += [probe(f"target_window IS NULL AND category = :cat{i}") for i in range(count)]
    joined = ",\n            ".join(probes)
    guard = f"\n        AND {guard}" if guard else ""
    return f"""
        UPDATE tickets SET state = 'called', window_number = :window, teller = {teller},
               call_key = :key
        WHERE id = COALESCE(
            {joined}
        )
        AND NOT EXISTS (SELECT 1 FROM tickets WHERE call_key = :key)
        AND NOT EXISTS (SELECT 1 FROM window_status
                        WHERE hall_code = :hall AND window_number = :window AND paused){guard}
        RETURNING {_RETURNED}
    """


def claim_statement(
    dialect: str,
    hall: str,
    window: int,
    categories: Sequence[str],
    teller: str,
    *,
    key: str,
    aging: dt.timedelta,
    now: dt.datetime,
    day: dt.date | None = None,
) -> tuple[TextClause, dict[str, object]]:
    """Call-next's claim statement and its parameters (``EXPLAIN`` it to see its plan)."""
    categories = list(dict.fromkeys(categories))  # a repeated category keeps its first rank
    params: dict[str, object] = {
        "window": window,
        "teller": teller,
        "key": key,
        "hall": hall,
        "day": day or now.date(),
        "aged_before": now - aging,
    }
    params.update({f"cat{i}": c for i, c in enumerate(categories)})
    return _claim_text(dialect, len(categories)), params


@functools.lru_cache(maxsize=64)
def _claim_text(dialect: str, count: int) -> TextClause:
    return text(_claim_sql(dialect, count)).bindparams(
        # Typed, so SQLite compares them in the same text form the columns are stored in.
        bindparam("aged_before", type_=DateTime()),
        bindparam("day", type_=Date()),
    )


def claim_and_record_ctes(count: int, *, teller: str = ":teller", guard: str = "") -> str:
    """PostgreSQL: the claim and what it records as data-modifying CTEs (``claimed``,
    ``closed``, ``opened``, ``announced``) for one ``WITH``, so it is one statement, atomic
    even in autocommit: they close the ticket's open period, open its ``called`` period and
    append the hall event, each only if a ticket was claimed. The event's payload is the text
    ``_event`` writes (``json.dumps(…, sort_keys=True)``). ``teller`` and ``guard`` as for
    ``_claim_sql``."""
    claim = _claim_sql("postgresql", count, teller=teller, guard=guard)
    return f"""claimed AS ({claim}),
        closed AS (
            UPDATE ticket_periods SET ended_at = :now
            WHERE ticket_id IN (SELECT id FROM claimed) AND ended_at IS NULL
        ),
        opened AS (
            INSERT INTO ticket_periods (ticket_id, state, started_at, window_number, teller)
            SELECT id, 'called', :now, :window, {teller} FROM claimed
        ),
        announced AS (
            INSERT INTO queue_events (hall_code, kind, payload, created_at)
            SELECT :hall, 'called',
                   '{{"ticket": ' || to_json(display)::text || ', "window": '
                   || CAST(:window AS integer) || '}}',
                   :now
            FROM claimed
        )"""


@functools.lru_cache(maxsize=64)
def _claim_and_record(count: int) -> TextualSelect:
    """PostgreSQL: the claim and what it records in ONE statement (``claim_and_record_ctes``)."""
    sql = f"""
        WITH {claim_and_record_ctes(count)}
        SELECT {_RETURNED} FROM claimed
    """
    return (
        text(sql)
        .bindparams(
            bindparam("aged_before", type_=DateTime()),
            bindparam("day", type_=Date()),
            bindparam("now", type_=DateTime()),
        )
        .columns(*_TICKET_COLUMNS)
    )


_CLOSE_PERIOD = (
    update(TicketPeriodRow)
    .where(TicketPeriodRow.ticket_id == bindparam("ticket"), TicketPeriodRow.ended_at.is_(None))
    .values(ended_at=bindparam("now"))
)
_OPEN_PERIOD = insert(TicketPeriodRow).values(
    ticket_id=bindparam("ticket"),
    state=bindparam("state"),
    started_at=bindparam("now"),
    window_number=bindparam("window"),
    teller=bindparam("teller"),
)
_ADD_EVENT = insert(QueueEventRow).values(
    hall_code=bindparam("hall"),
    kind=bindparam("kind"),
    payload=bindparam("payload"),
    created_at=bindparam("now"),
)
_BY_CALL_KEY = select(TicketRow).where(TicketRow.call_key == bindparam("key"))


def call_next(
    central: Engine | Connection,
    hall: str,
    window: int,
    categories: Sequence[str],
    teller: str,
    *,
    key: str,
    aging: dt.timedelta = dt.timedelta(minutes=30),
    now: dt.datetime | None = None,
    day: dt.date | None = None,
) -> Ticket | None:
    """Claim the next ticket for ``window``; ``None`` when nobody is waiting for it.

    Given an engine, in a transaction of its own; given a connection, in the transaction its
    caller holds. On PostgreSQL the common call is one statement (``_claim_and_record``), so
    it is atomic on a connection in autocommit too; on SQLite, the claim, which returns the
    ticket, then the ticket's timed periods and the hall event. Only when nothing was
    claimed does it read more, to say why.
    """
    now = now or dt.datetime.now()
    if isinstance(central, Engine):
        with central.begin() as connection:
            return call_next(
                connection, hall, window, categories, teller,
                key=key, aging=aging, now=now, day=day,
            )  # fmt: skip
    dialect = central.dialect.name
    statement, params = claim_statement(
        dialect, hall, window, categories, teller, key=key, aging=aging, now=now, day=day
    )
    if dialect == "postgresql":
        params["now"] = now
        count = len(dict.fromkeys(categories))
        claimed = central.execute(_claim_and_record(count), params).first()
        return nothing_claimed(central, hall, window, key) if claimed is None else _claimed(claimed)
    claimed = central.execute(statement.columns(*_TICKET_COLUMNS), params).first()
    if claimed is None:
        return nothing_claimed(central, hall, window, key)
    ticket = _claimed(claimed)
    central.execute(_CLOSE_PERIOD, {"ticket": ticket.id, "now": now})
    central.execute(
        _OPEN_PERIOD,
        {
            "ticket": ticket.id,
            "state": TicketState.CALLED.value,
            "now": now,
            "window": window,
            "teller": teller,
        },
    )
    payload = {"ticket": ticket.display, "window": window}
    central.execute(
        _ADD_EVENT,
        {
            "hall": hall,
            "kind": "called",
            "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True),
            "now": now,
        },
    )
    return ticket


def _claimed(row: Row[Any]) -> Ticket:
    return Ticket(
        row.id, row.display, row.category, row.state, row.issued_at, row.window_number,
        row.teller, row.recalls or 0, row.id_number,
    )  # fmt: skip


def nothing_claimed(connection: Connection, hall: str, window: int, key: str) -> Ticket | None:
    """Why the claim took nothing: the key's earlier ticket (the same click again), a used
    key, a paused window — or nobody waiting (``None``)."""
    with Session(connection) as session:
        earlier = session.scalar(_BY_CALL_KEY, {"key": key})
        if earlier is not None:
            if earlier.hall_code == hall and earlier.window_number == window:
                return _ticket(earlier)  # the same click again: the same ticket
            raise Conflict("call_key_used", "this call key was used by another window")
        _check_not_paused(session, hall, window)
    return None


def apply_event(
    central: Engine,
    ticket_id: int,
    event: TicketEvent,
    *,
    hall: str | None = None,
    now: dt.datetime | None = None,
) -> Ticket:
    """Move a ticket through its state machine (recall, start, hold, return, finish …)."""
    now = now or dt.datetime.now()
    with Session(central) as session, session.begin():
        row = _locked_ticket(session, ticket_id, hall)
        return _transition(session, row, event, now)


class TicketNotFound(LookupError):
    """No such ticket in the caller's hall (a ticket of another hall is not shown to exist)."""

    def __init__(self, ticket_id: int) -> None:
        super().__init__(f"no ticket {ticket_id} in this hall")
        self.ticket_id = ticket_id


def _locked_ticket(session: Session, ticket_id: int, hall: str | None) -> TicketRow:
    """The ticket row, locked for update; ``TicketNotFound`` if it is not of ``hall``."""
    row = session.get(TicketRow, ticket_id, with_for_update=True)
    if row is None or (hall is not None and row.hall_code != hall):
        raise TicketNotFound(ticket_id)
    return row


def _transition(session: Session, row: TicketRow, event: TicketEvent, now: dt.datetime) -> Ticket:
    """Apply ``event`` to a locked ticket row: state, timed period and hall event."""
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


def held_tickets(central: Engine, hall: str, window: int, day: dt.date) -> list[Ticket]:
    """The tickets ``window`` holds (挂起) on ``day``, oldest hold first."""
    with Session(central) as session:
        rows = session.scalars(
            select(TicketRow)
            .where(
                TicketRow.hall_code == hall,
                TicketRow.business_day == day,
                TicketRow.window_number == window,
                TicketRow.state == TicketState.ON_HOLD.value,
            )
            .order_by(TicketRow.issued_at, TicketRow.id)
        ).all()
        return [_ticket(r) for r in rows]


def resume_held(
    central: Engine,
    ticket_id: int,
    window: int,
    *,
    hall: str | None = None,
    now: dt.datetime | None = None,
) -> Ticket:
    """Serve a held ticket again; only the window that held it may resume it."""
    now = now or dt.datetime.now()
    with Session(central) as session, session.begin():
        row = _locked_ticket(session, ticket_id, hall)
        if row.state != TicketState.ON_HOLD.value or row.window_number != window:
            raise ValidationError(
                "ticket", "state", f"ticket {row.display} is not on hold at window {window}"
            )
        return _transition(session, row, TicketEvent.RESUME, now)


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
        return waiting_counts_in(session, hall, day)


def waiting_counts_in(session: Session, hall: str, day: dt.date) -> dict[str, int]:
    """Waiting tickets per category of ``hall`` on ``day``, inside an open session."""
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


class WindowPaused(DomainError):
    def __init__(self, window: int, reason: str) -> None:
        super().__init__(f"window {window} is paused ({reason}); resume it to call tickets")
        self.code = "window_paused"
        self.message = str(self)


def set_paused(
    central: Engine, hall: str, window: int, reason: str | None, *, now: dt.datetime | None = None
) -> None:
    """Pause a window with a mandatory reason (``None`` resumes it)."""
    now = now or dt.datetime.now()
    if reason is not None and reason not in PAUSE_REASONS:
        raise ValidationError(
            "reason", "choice", f"a pause needs one of {', '.join(PAUSE_REASONS)}"
        )
    with Session(central) as session, session.begin():
        status = session.get(WindowStatusRow, (hall, window))
        if status is None:
            status = WindowStatusRow(hall_code=hall, window_number=window, since=now)
            session.add(status)
        status.paused = reason is not None
        status.reason = reason or ""
        status.since = now
        _event(session, hall, "paused" if reason else "resumed", {"window": window}, now)


def _check_not_paused(session: Session, hall: str, window: int) -> None:
    status = session.get(WindowStatusRow, (hall, window))
    if status is not None and status.paused:
        raise WindowPaused(window, status.reason)


def transfer(
    central: Engine,
    ticket_id: int,
    *,
    category: str | None = None,
    window: int | None = None,
    hall: str | None = None,
    now: dt.datetime | None = None,
) -> Ticket:
    """Send a called or served ticket back to the queue, to another category or window.

    The ticket keeps its original issue time, so it does not lose its place.
    """
    now = now or dt.datetime.now()
    if category is None and window is None:
        raise ValidationError("transfer", "required", "choose a category or a window")
    with Session(central) as session, session.begin():
        row = _locked_ticket(session, ticket_id, hall)
        if window is not None:
            if window == row.window_number:
                raise ValidationError(
                    "window", "choice", "a ticket cannot be transferred to the window serving it"
                )
            known = session.scalars(
                select(WindowRow.number).where(WindowRow.hall_code == row.hall_code)
            ).all()
            if window < 1 or (known and window not in known):
                raise ValidationError("window", "unknown", f"the hall has no window {window}")
        row.state = next_state(TicketState(row.state), TicketEvent.RETURN).value
        row.window_number, row.teller, row.call_key = None, None, None
        if category:
            row.category = category
        row.target_window = window
        _open_period(session, row, row.state, now)
        _event(
            session, row.hall_code, "transferred",
            {"ticket": row.display, "category": row.category, "window": window}, now,
        )  # fmt: skip
        return _ticket(row)


def serve_walk_in(
    central: Engine,
    hall: str,
    window: int,
    teller: str,
    *,
    now: dt.datetime | None = None,
    day: dt.date | None = None,
) -> Ticket:
    """A customer served at once without queueing: a W ticket from the central counter."""
    now = now or dt.datetime.now()
    ticket = issue_ticket(central, hall, "W", now=now, day=day)
    with Session(central) as session, session.begin():
        row = session.get(TicketRow, ticket.id, with_for_update=True)
        assert row is not None
        row.state, row.window_number, row.teller = TicketState.SERVING.value, window, teller
        _open_period(session, row, row.state, now)
        _event(session, hall, "walk_in", {"ticket": row.display, "window": window}, now)
        return _ticket(row)


def rate(
    central: Engine,
    ticket_id: int,
    level: int,
    *,
    hall: str | None = None,
    teller: str | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Record the customer's rating of a finished service; returns the rating id.

    With ``teller``, only a service that teller gave can be rated (the rating window opens at
    the window that served the customer); each service is rated once.
    """
    now = now or dt.datetime.now()
    if level not in RATING_LEVELS:
        raise ValidationError("level", "choice", "a rating is one of the five levels")
    with Session(central) as session, session.begin():
        ticket = _locked_ticket(session, ticket_id, hall)
        if ticket.state != TicketState.FINISHED.value:
            raise ValidationError("ticket", "state", "only a finished service can be rated")
        if teller is not None and ticket.teller != teller:
            raise ValidationError(
                "ticket", "state", "only the service given at this window can be rated here"
            )
        if session.scalar(select(RatingRow.id).where(RatingRow.ticket_id == ticket_id)):
            raise ValidationError("ticket", "state", "this service has been rated already")
        rating = RatingRow(
            ticket_id=ticket_id, hall_code=ticket.hall_code, window_number=ticket.window_number,
            teller=ticket.teller, level=level, created_at=now,
        )  # fmt: skip
        session.add(rating)
        session.flush()
        if needs_follow_up(level):
            session.add(FollowUpRow(rating_id=rating.id, opened_at=now))
        return rating.id


def open_follow_ups(central: Engine, hall: str) -> list[FollowUp]:
    """Every bad rating of the hall not yet followed up, oldest first."""
    with Session(central) as session:
        rows = session.execute(
            select(
                FollowUpRow.id, TicketRow.display, TicketRow.business_day,
                RatingRow.window_number, RatingRow.teller, RatingRow.level, FollowUpRow.opened_at,
                UserRow.display_name,
            )
            .join(RatingRow, RatingRow.id == FollowUpRow.rating_id)
            .join(TicketRow, TicketRow.id == RatingRow.ticket_id)
            .outerjoin(UserRow, UserRow.username == RatingRow.teller)
            .where(RatingRow.hall_code == hall, FollowUpRow.closed_at.is_(None))
            .order_by(FollowUpRow.id)
        ).all()  # fmt: skip
        return [
            FollowUp(int(i), str(d), day, int(w or 0), t, int(lv), opened, name)
            for i, d, day, w, t, lv, opened, name in rows
        ]


class FollowUpNotFound(LookupError):
    """No such follow-up in the caller's hall."""

    def __init__(self, follow_up_id: int) -> None:
        super().__init__(f"no follow-up {follow_up_id} in this hall")


def close_follow_up(
    central: Engine, follow_up_id: int, supervisor: str, note: str,
    *, hall: str | None = None, now: dt.datetime | None = None,
) -> None:  # fmt: skip
    """Only a supervisor closes a follow-up, and only with a note of what was done.

    The role is the one the centre records for ``supervisor`` (never one the caller claims);
    an inactive user, or one of another hall than the follow-up's, may not close it.
    """
    with Session(central) as session, session.begin():
        user = session.get(UserRow, supervisor)
        if user is None or not user.active:
            raise PermissionDenied(supervisor, Permission.APPROVE_CASES.value)
        require(supervisor, Role(user.role), Permission.APPROVE_CASES)
        if not note.strip():
            raise ValidationError("note", "required", "say what was done about the complaint")
        row = session.get(FollowUpRow, follow_up_id, with_for_update=True)
        rating = session.get(RatingRow, row.rating_id) if row is not None else None
        if (
            row is None
            or rating is None
            or (hall is not None and rating.hall_code != hall)
            or user.hall_code != rating.hall_code
        ):
            raise FollowUpNotFound(follow_up_id)
        if row.closed_at is not None:
            raise ValidationError("follow_up", "state", "this follow-up is not open")
        row.closed_by, row.closed_at, row.note = supervisor, now or dt.datetime.now(), note.strip()


def average_service_time(central: Engine, hall: str, day: dt.date) -> dt.timedelta | None:
    """The mean length of today's finished serving periods (the live service rate)."""
    with Session(central) as session:
        rows = session.execute(
            select(TicketPeriodRow.started_at, TicketPeriodRow.ended_at)
            .join(TicketRow, TicketRow.id == TicketPeriodRow.ticket_id)
            .where(
                TicketRow.hall_code == hall,
                TicketRow.business_day == day,
                TicketPeriodRow.state == TicketState.SERVING.value,
                TicketPeriodRow.ended_at.is_not(None),
            )
        ).all()
    if not rows:
        return None
    spans = [end - start for start, end in rows if end is not None]
    return sum(spans, dt.timedelta()) / len(spans)


def estimated_wait(
    central: Engine, hall: str, people_ahead: int, *, open_windows: int = 1,
    default_service: dt.timedelta = dt.timedelta(minutes=6), day: dt.date | None = None,
) -> dt.timedelta:  # fmt: skip
    """People ahead × today's average service time ÷ windows serving (a default early on)."""
    rate = average_service_time(central, hall, day or dt.date.today()) or default_service
    return rate * people_ahead / max(1, open_windows)


def longest_wait(
    central: Engine, hall: str, now: dt.datetime, day: dt.date | None = None
) -> dt.timedelta | None:
    """How long the oldest ticket still waiting on ``day`` (``now``'s date) has waited."""
    with Session(central) as session:
        oldest = session.scalar(
            select(func.min(TicketRow.issued_at)).where(
                TicketRow.hall_code == hall,
                TicketRow.business_day == (day or now.date()),
                TicketRow.state == TicketState.WAITING.value,
            )
        )
    return None if oldest is None else now - oldest


def teller_figures(central: Engine, hall: str, teller: str, day: dt.date) -> TellerFigures:
    """Served today, average service time, and ratings by level, for one teller."""
    with Session(central) as session:
        served = session.scalar(
            select(func.count()).select_from(TicketRow).where(
                TicketRow.hall_code == hall, TicketRow.business_day == day,
                TicketRow.teller == teller, TicketRow.state == TicketState.FINISHED.value,
            )
        )  # fmt: skip
        periods = session.execute(
            select(TicketPeriodRow.started_at, TicketPeriodRow.ended_at)
            .join(TicketRow, TicketRow.id == TicketPeriodRow.ticket_id)
            .where(
                TicketRow.hall_code == hall, TicketRow.business_day == day,
                TicketPeriodRow.teller == teller,
                TicketPeriodRow.state == TicketState.SERVING.value,
                TicketPeriodRow.ended_at.is_not(None),
            )
        ).all()  # fmt: skip
        ratings = session.execute(
            select(RatingRow.level, func.count())
            .join(TicketRow, TicketRow.id == RatingRow.ticket_id)
            .where(RatingRow.teller == teller, TicketRow.business_day == day)
            .group_by(RatingRow.level)
        ).all()
    spans = [end - start for start, end in periods if end is not None]
    average = sum(spans, dt.timedelta()) / len(spans) if spans else None
    return TellerFigures(teller, int(served or 0), average, {int(lv): int(n) for lv, n in ratings})
