"""What a hall display shows, read from the centre in one go (first contact and re-sync).

The display follows the numbered event stream (``queue.events_after``); when it starts, or
when the stream has a hole, it rebuilds its picture from this snapshot instead: the ticket
each window is calling or serving now, the recent calls (each ticket once, newest first),
the waiting counts per category and the last event number the picture includes.
``events_page`` is what the central service answers a display with: the next events, and
the snapshot whenever they do not follow on from what the display has.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counter_app.domain.queue import TicketState
from counter_app.services.central_port import HallEvents
from counter_app.services.queue import events_after, waiting_counts_in
from counter_app.services.records import Call as Call
from counter_app.services.records import HallSnapshot as HallSnapshot
from counter_app.storage.queue_models import QueueEventRow, TicketRow

CALL_KINDS = ("called", "recall")
# A ticket in one of these states is still a window's current ticket.
AT_WINDOW = (TicketState.CALLED.value, TicketState.SERVING.value)


def hall_snapshot(
    central: Engine, hall: str, day: dt.date, *, recent: int = 12, scan: int = 400
) -> HallSnapshot:
    """The display's picture of ``hall`` on ``day``, consistent with event ``last_seq``.

    Only the latest ``scan`` calls of the day are looked at; a ticket called earlier than
    that and still at its window is found through its state all the same.
    """
    start = dt.datetime.combine(day, dt.time())
    with Session(central) as session, session.begin():
        last_seq = int(
            session.scalar(
                select(func.max(QueueEventRow.seq)).where(QueueEventRow.hall_code == hall)
            )
            or 0
        )
        events = session.execute(
            select(QueueEventRow.seq, QueueEventRow.payload)
            .where(
                QueueEventRow.hall_code == hall,
                QueueEventRow.kind.in_(CALL_KINDS),
                QueueEventRow.created_at >= start,
                QueueEventRow.seq <= last_seq,
            )
            .order_by(QueueEventRow.seq.desc())
            .limit(scan)
        ).all()
        at_window = session.execute(
            select(TicketRow.display, TicketRow.window_number).where(
                TicketRow.hall_code == hall,
                TicketRow.business_day == day,
                TicketRow.state.in_(AT_WINDOW),
                TicketRow.window_number.is_not(None),
            )
        ).all()
        counts = waiting_counts_in(session, hall, day)
    now_at = {str(display): int(window or 0) for display, window in at_window}
    calls: list[Call] = []
    seen: set[str] = set()
    for seq, payload in events:
        data = json.loads(payload)
        ticket, window = str(data.get("ticket", "")), data.get("window")
        if not ticket or window is None or ticket in seen:
            continue
        seen.add(ticket)
        calls.append(Call(ticket, int(window), int(seq)))
    current: dict[int, Call] = {}
    for call in calls:  # newest first: the newest call of a window wins
        if now_at.get(call.ticket) == call.window and call.window not in current:
            current[call.window] = call
    for ticket, window in now_at.items():  # at a window, but its call is older than the scan
        if window not in current:
            current[window] = Call(ticket, window, 0)
    ordered = sorted(current.values(), key=lambda c: (-c.seq, c.window))
    return HallSnapshot(
        current=ordered,
        recent=calls[:recent],
        waiting=counts,
        last_seq=last_seq,
    )


def hole_between(central: Engine, after: int, before: int) -> bool:
    """Whether event numbers between ``after`` and ``before`` (both exclusive) are missing.

    Event numbers are shared by every hall of the centre, so a display that follows one
    hall sees jumps over other halls' events; only a number that exists nowhere is a hole.
    """
    if before <= after + 1:
        return False
    with Session(central) as session:
        present = session.scalar(
            select(func.count())
            .select_from(QueueEventRow)
            .where(QueueEventRow.seq > after, QueueEventRow.seq < before)
        )
    return int(present or 0) != before - after - 1


def newest_seq(central: Engine) -> int:
    """The newest event number of the whole centre (every hall's)."""
    with Session(central) as session:
        return int(session.scalar(select(func.max(QueueEventRow.seq))) or 0)


def _created_at(central: Engine, hall: str, seq: int) -> dt.datetime | None:
    with Session(central) as session:
        return session.scalar(
            select(QueueEventRow.created_at).where(
                QueueEventRow.hall_code == hall, QueueEventRow.seq == seq
            )
        )


def events_page(
    central: Engine, hall: str, after: int, day: dt.date, *, limit: int = 200
) -> HallEvents | None:
    """The events of ``hall`` after ``after``; ``None`` when there are none yet.

    The page carries a snapshot to rebuild from when it does not follow on from ``after``:
    the first call (``after`` is 0), a cursor beyond every event (the centre was restored), a
    hole in the numbers, or a page that crosses into a new business day (``day``).
    """
    newest = newest_seq(central)
    if newest == 0:
        return None  # an empty centre: nothing to show, nothing to follow yet
    if after <= 0 or after > newest:
        snapshot = hall_snapshot(central, hall, day)
        # A hall without events yet follows on from the centre's newest event (another
        # hall's), so the next call waits for news instead of asking for a picture again.
        return HallEvents([], snapshot.waiting, snapshot, snapshot.last_seq or newest)
    events = events_after(central, hall, after, limit)
    if not events:
        return None
    last = events[-1].seq
    known = _created_at(central, hall, after)
    new_day = known is not None and known.date() < day <= events[-1].created_at.date()
    if new_day or hole_between(central, after, last + 1):
        snapshot = hall_snapshot(central, hall, day)
        if snapshot.last_seq > last:
            # Events committed between the two reads are in the picture: hand them over too,
            # or the display would show a call it never announces.
            events += [
                event
                for event in events_after(central, hall, last, limit)
                if event.seq <= snapshot.last_seq
            ]
        return HallEvents(events, snapshot.waiting, snapshot, max(snapshot.last_seq, last))
    with Session(central) as session:
        counts = waiting_counts_in(session, hall, day)
    return HallEvents(events, counts, None, last)
