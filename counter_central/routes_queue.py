"""The queue endpoints: kiosks, windows, hall displays and rating follow-ups.

Every queue operation of a workstation arrives here and runs ``services.queue`` on the
central database. What the client may not decide, it cannot send: the hall is the signing
workstation's, the teller is the staff session's user, the role is the one the centre records
for that user, and the time and business day are the service's clock. A ticket or follow-up
of another hall is answered as if it did not exist (404), never acted on.

Who may call what:

* issuing a ticket (kiosk) and following the hall's events (display): any signed
  workstation of the hall, no staff session;
* the window's calls and its status: a session whose role may serve customers;
* a customer's rating: a session (the rating window opens at the window that served);
* follow-ups: a session whose role may approve cases (a supervisor).

``GET /v1/queue/events`` may wait (``wait`` seconds, at most 25) for the next event: the
handler polls the database every 100 ms on its worker thread and answers as soon as there
is something new, so a display sees a call at once without asking every second.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from counter_app.domain.queue import TicketEvent
from counter_app.domain.roles import Permission, require
from counter_app.services import hall_display_queries, queue
from counter_app.services.central_port import HallEvents
from counter_central.api_models import ErrorBody
from counter_central.api_queue_models import (
    MAX_WAIT_SECONDS,
    CallNextRequest,
    CallNextResponse,
    CallOut,
    CloseFollowUpRequest,
    EventRequest,
    FollowUpOut,
    FollowUpsOut,
    HallEventOut,
    HallEventsOut,
    HallSnapshotOut,
    IssuedTicketOut,
    IssueRequest,
    PauseRequest,
    RateRequest,
    RatingOut,
    TellerFiguresOut,
    TicketOut,
    TransferRequest,
    WindowRequest,
    WindowStatusOut,
)
from counter_central.context import ServiceContext, caller, service_context, session_user
from counter_central.refusals import Refusal
from counter_central.sessions import SessionUser

router = APIRouter(prefix="/v1/queue", tags=["queue"])

REFUSALS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody} for status in (401, 403, 404, 409, 413, 422, 503)
}
POLL_INTERVAL = 0.1

TicketPath = Annotated[int, Path(ge=1, le=2**62)]
WindowPath = Annotated[int, Path(ge=1, le=999)]


@dataclass(frozen=True)
class Moment:
    """The service's time for one request: naive local time (as the queue tables keep it)
    and the business day."""

    now: dt.datetime
    day: dt.date


def _moment(context: ServiceContext) -> Moment:
    return Moment(context.clock.now().replace(tzinfo=None), context.clock.business_day())


def _staff(request: Request, permission: Permission) -> SessionUser:
    """The session's user, refused unless the centre's record of their role allows it."""
    user = session_user(request)
    require(user.username, user.role, permission)
    return user


def _ticket_not_found(exc: LookupError) -> Refusal:
    return Refusal(404, "ticket_not_found", str(exc))


def _ticket_out(ticket: queue.Ticket) -> TicketOut:
    return TicketOut(
        id=ticket.id,
        display=ticket.display,
        category=ticket.category,
        state=ticket.state,
        issued_at=ticket.issued_at.isoformat(),
        window_number=ticket.window_number,
        teller=ticket.teller,
        recalls=ticket.recalls,
        id_number=ticket.id_number,
    )


def _seconds(span: dt.timedelta | None) -> float | None:
    return None if span is None else span.total_seconds()


# -- the kiosk -------------------------------------------------------------------------------
@router.post("/tickets", response_model=IssuedTicketOut, status_code=201, responses=REFUSALS)
def issue_ticket(request: Request, body: IssueRequest) -> IssuedTicketOut:
    """Take the next number of a category in the workstation's hall (a kiosk)."""
    context = service_context(request)
    hall = caller(request).hall_code
    at = _moment(context)
    ticket = queue.issue_ticket(
        context.engine, hall, body.category, now=at.now, day=at.day, id_number=body.id_number
    )
    ahead = max(0, queue.waiting_counts(context.engine, hall, at.day).get(body.category, 1) - 1)
    wait = queue.estimated_wait(context.engine, hall, ahead, day=at.day)
    return IssuedTicketOut(
        ticket=_ticket_out(ticket), waiting_ahead=ahead, estimated_wait_seconds=_seconds(wait)
    )


# -- a window --------------------------------------------------------------------------------
@router.post("/call-next", response_model=CallNextResponse, responses=REFUSALS)
def call_next(request: Request, body: CallNextRequest) -> Response:
    """Claim the next ticket for a window, served by the session's user.

    The busiest call of a hall, so it is kept lean: the session (with its user's role) and the
    claim are read and written on one pooled connection — on PostgreSQL two statements in
    autocommit, the claim with all it records being a single statement; on SQLite one
    transaction — and the answer is encoded here rather than by the framework (which would
    hand it to a worker thread once more).
    """
    context = service_context(request)
    hall = caller(request).hall_code
    at = _moment(context)
    with context.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execution_options(isolation_level="AUTOCOMMIT")
        user = session_user(request, connection)
        require(user.username, user.role, Permission.SERVE_CUSTOMERS)
        ticket = queue.call_next(
            connection,
            hall,
            body.window,
            body.categories,
            user.username,
            key=body.key,
            aging=dt.timedelta(minutes=body.aging_minutes),
            now=at.now,
            day=at.day,
        )
        connection.commit()
    answer = CallNextResponse(ticket=_ticket_out(ticket) if ticket is not None else None)
    return Response(answer.model_dump_json(), media_type="application/json")


@router.post("/tickets/{ticket_id}/events", response_model=TicketOut, responses=REFUSALS)
def ticket_event(request: Request, ticket_id: TicketPath, body: EventRequest) -> TicketOut:
    """Recall, start, hold, send back, finish or close a no-show: one step of a ticket."""
    context = service_context(request)
    _staff(request, Permission.SERVE_CUSTOMERS)
    try:
        ticket = queue.apply_event(
            context.engine,
            ticket_id,
            TicketEvent(body.event),
            hall=caller(request).hall_code,
            now=_moment(context).now,
        )
    except LookupError as exc:
        raise _ticket_not_found(exc) from None
    return _ticket_out(ticket)


@router.post("/tickets/{ticket_id}/resume", response_model=TicketOut, responses=REFUSALS)
def resume_held(request: Request, ticket_id: TicketPath, body: WindowRequest) -> TicketOut:
    """Serve a held ticket again at the window that held it."""
    context = service_context(request)
    _staff(request, Permission.SERVE_CUSTOMERS)
    try:
        ticket = queue.resume_held(
            context.engine,
            ticket_id,
            body.window,
            hall=caller(request).hall_code,
            now=_moment(context).now,
        )
    except LookupError as exc:
        raise _ticket_not_found(exc) from None
    return _ticket_out(ticket)


@router.post("/tickets/{ticket_id}/transfer", response_model=TicketOut, responses=REFUSALS)
def transfer(request: Request, ticket_id: TicketPath, body: TransferRequest) -> TicketOut:
    """Send a ticket back to the queue, under another category or to another window."""
    context = service_context(request)
    _staff(request, Permission.SERVE_CUSTOMERS)
    try:
        ticket = queue.transfer(
            context.engine,
            ticket_id,
            category=body.category,
            window=body.window,
            hall=caller(request).hall_code,
            now=_moment(context).now,
        )
    except LookupError as exc:
        raise _ticket_not_found(exc) from None
    return _ticket_out(ticket)


@router.post("/walk-ins", response_model=TicketOut, status_code=201, responses=REFUSALS)
def serve_walk_in(request: Request, body: WindowRequest) -> TicketOut:
    """A customer served at once at the window, with a W ticket of their own."""
    context = service_context(request)
    user = _staff(request, Permission.SERVE_CUSTOMERS)
    at = _moment(context)
    ticket = queue.serve_walk_in(
        context.engine, caller(request).hall_code, body.window, user.username,
        now=at.now, day=at.day,
    )  # fmt: skip
    return _ticket_out(ticket)


@router.post("/windows/{window}/pause", status_code=204, responses=REFUSALS)
def set_paused(request: Request, window: WindowPath, body: PauseRequest) -> Response:
    """Pause a window with a reason, or resume it (``reason`` null)."""
    context = service_context(request)
    _staff(request, Permission.SERVE_CUSTOMERS)
    queue.set_paused(
        context.engine, caller(request).hall_code, window, body.reason, now=_moment(context).now
    )
    return Response(status_code=204)


@router.get("/windows/{window}/status", response_model=WindowStatusOut, responses=REFUSALS)
def window_status(request: Request, window: WindowPath) -> WindowStatusOut:
    """What the queue dock shows: waiting counts, the session user's figures of the day, the
    longest wait and the tickets the window holds."""
    context = service_context(request)
    user = _staff(request, Permission.SERVE_CUSTOMERS)
    hall = caller(request).hall_code
    at = _moment(context)
    figures = queue.teller_figures(context.engine, hall, user.username, at.day)
    return WindowStatusOut(
        waiting=queue.waiting_counts(context.engine, hall, at.day),
        figures=TellerFiguresOut(
            teller=figures.teller,
            served=figures.served,
            average_service_seconds=_seconds(figures.average_service),
            ratings={str(level): n for level, n in figures.ratings.items()},
        ),
        longest_wait_seconds=_seconds(queue.longest_wait(context.engine, hall, at.now, at.day)),
        held=[_ticket_out(t) for t in queue.held_tickets(context.engine, hall, window, at.day)],
    )


# -- the hall display ------------------------------------------------------------------------
def _calls(calls: list[hall_display_queries.Call]) -> list[CallOut]:
    return [CallOut(ticket=c.ticket, window=c.window, seq=c.seq) for c in calls]


def _events_out(page: HallEvents) -> HallEventsOut:
    snapshot = page.snapshot
    return HallEventsOut(
        events=[
            HallEventOut(
                seq=e.seq,
                kind=e.kind,
                payload=e.payload,  # type: ignore[arg-type]  # JSON read from the table
                created_at=e.created_at.isoformat(),
            )
            for e in page.events
        ],
        waiting=page.waiting,
        snapshot=HallSnapshotOut(
            current=_calls(snapshot.current),
            recent=_calls(snapshot.recent),
            waiting=snapshot.waiting,
            last_seq=snapshot.last_seq,
        )
        if snapshot is not None
        else None,
        last_seq=page.last_seq,
    )


@router.get("/events", response_model=HallEventsOut, responses=REFUSALS)
def hall_events(
    request: Request,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    wait: Annotated[float, Query(ge=0, le=MAX_WAIT_SECONDS)] = 0.0,
) -> HallEventsOut:
    """The hall's events after ``after``, waiting up to ``wait`` seconds for the first one.

    With a snapshot whenever the page does not follow on (first call, a hole in the numbers,
    a new business day); ``last_seq`` is the cursor for the next call.
    """
    context = service_context(request)
    hall = caller(request).hall_code
    deadline = time.monotonic() + wait
    while True:
        day = context.clock.business_day()
        page = hall_display_queries.events_page(context.engine, hall, after, day)
        if page is not None:
            return _events_out(page)
        if time.monotonic() + POLL_INTERVAL > deadline:
            counts = queue.waiting_counts(context.engine, hall, day)
            return _events_out(HallEvents([], counts, None, after))
        time.sleep(POLL_INTERVAL)


# -- ratings and their follow-ups ------------------------------------------------------------
@router.post("/tickets/{ticket_id}/rating", response_model=RatingOut, status_code=201,
             responses=REFUSALS)  # fmt: skip
def rate(request: Request, ticket_id: TicketPath, body: RateRequest) -> RatingOut:
    """The customer's rating of a service the session's user has just finished."""
    context = service_context(request)
    user = session_user(request)
    try:
        rating_id = queue.rate(
            context.engine,
            ticket_id,
            body.level,
            hall=caller(request).hall_code,
            teller=user.username,
            now=_moment(context).now,
        )
    except LookupError as exc:
        raise _ticket_not_found(exc) from None
    return RatingOut(rating_id=rating_id)


@router.get("/follow-ups", response_model=FollowUpsOut, responses=REFUSALS)
def open_follow_ups(request: Request) -> FollowUpsOut:
    """The hall's bad ratings not yet followed up, oldest first (supervisors)."""
    context = service_context(request)
    _staff(request, Permission.APPROVE_CASES)
    follow_ups = queue.open_follow_ups(context.engine, caller(request).hall_code)
    return FollowUpsOut(
        follow_ups=[
            FollowUpOut(
                id=f.id,
                ticket=f.ticket,
                business_day=f.business_day,
                window=f.window,
                teller=f.teller,
                level=f.level,
                opened_at=f.opened_at.isoformat(),
                teller_name=f.teller_name,
            )
            for f in follow_ups
        ]
    )


@router.post("/follow-ups/{follow_up_id}/close", status_code=204, responses=REFUSALS)
def close_follow_up(
    request: Request,
    follow_up_id: Annotated[int, Path(ge=1, le=2**62)],
    body: CloseFollowUpRequest,
) -> Response:
    """Close a follow-up with a note of what was done; the role is the centre's record of the
    session's user, whatever the client believes."""
    context = service_context(request)
    user = session_user(request)
    try:
        queue.close_follow_up(
            context.engine,
            follow_up_id,
            user.username,
            body.note,
            hall=caller(request).hall_code,
            now=_moment(context).now,
        )
    except LookupError as exc:
        raise Refusal(404, "follow_up_not_found", str(exc)) from None
    return Response(status_code=204)
