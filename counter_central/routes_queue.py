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

``POST /v1/queue/call-next``, the busiest call of a hall, is answered on PostgreSQL by
``HotCallNext`` through the request gate, in ONE statement (see there); the route below is
what the OpenAPI document shows and what serves it on SQLite.

``GET /v1/queue/events`` may wait (``wait`` seconds, at most 25) for the next event: the
handler polls the database every 100 ms on its worker thread and answers as soon as there
is something new, so a display sees a call at once without asking every second.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import TypeAdapter, ValidationError
from sqlalchemy import text
from sqlalchemy.dialects.postgresql import psycopg as psycopg_dialect
from starlette.types import Scope

from counter_app.domain.queue import TicketEvent
from counter_app.domain.roles import ROLE_PERMISSIONS, Permission, require
from counter_app.services import hall_display_queries, queue
from counter_app.services.central_port import HallEvents
from counter_app.storage.service_models import WS_ACTIVE
from counter_central import sessions
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
from counter_central.context import (
    SESSION_HEADER,
    STATE_USERNAME,
    STATE_WORKSTATION,
    ServiceContext,
    caller,
    note_user,
    service_context,
    session_user,
)
from counter_central.database import LoopConnections
from counter_central.error_handlers import validation_refusal
from counter_central.gate import Authenticate, RefusedAs, request_target
from counter_central.refusals import Refusal
from counter_central.request_auth import (
    CallerWorkstation,
    known_key,
    replayed,
    signed_request,
)
from counter_central.sessions import SessionRead, SessionUser

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

    On PostgreSQL the request gate answers this itself (``HotCallNext``); this serves SQLite
    and documents the call.
    """
    answer = call_next_on(
        service_context(request),
        caller(request),
        request.headers.get(SESSION_HEADER, ""),
        body,
        functools.partial(note_user, request),
    )
    return Response(_CALL_NEXT_ANSWER.dump_json(answer), media_type="application/json")


_CALL_NEXT_BODY = TypeAdapter(CallNextRequest)
_CALL_NEXT_ANSWER = TypeAdapter(CallNextResponse)


def call_next_on(
    context: ServiceContext,
    workstation: CallerWorkstation,
    token: str,
    body: CallNextRequest,
    note: Callable[[str], None],
) -> CallNextResponse:
    """Call-next for a verified workstation: the session (with its user's role) and the claim
    read and written on one pooled connection — on PostgreSQL two statements in autocommit,
    the claim with all it records being a single statement; on SQLite one transaction.
    ``note`` is told the session's user as soon as it is known (for the logs)."""
    if not token:
        raise Refusal(401, "session_invalid", "this request needs a staff session; log in")
    at = _moment(context)
    with context.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execution_options(isolation_level="AUTOCOMMIT")
        user = sessions.resolve_on(connection, context.clock, workstation, token)
        note(user.username)
        require(user.username, user.role, Permission.SERVE_CUSTOMERS)
        ticket = queue.call_next(
            connection,
            workstation.hall_code,
            body.window,
            body.categories,
            user.username,
            key=body.key,
            aging=dt.timedelta(minutes=body.aging_minutes),
            now=at.now,
            day=at.day,
        )
        connection.commit()
    return CallNextResponse(ticket=_ticket_out(ticket) if ticket is not None else None)


# The roles whose sessions may call tickets (``Permission.SERVE_CUSTOMERS``).
_SERVING_ROLES = sorted(
    role.value
    for role, permissions in ROLE_PERMISSIONS.items()
    if Permission.SERVE_CUSTOMERS in permissions
)

# Call-next on PostgreSQL in ONE statement: the request's nonce is stored only if the
# signing workstation is still active, of its hall and holds the key the signature verified
# with (``request_auth._FAST_PATH``'s check); the session and its user are read; and the
# ticket is claimed, with all the claim records, only if the nonce was stored and the session
# is live on this workstation, its user active in the hall with a role that may serve. The
# row says which of these held, so a refusal is worded as the step-by-step checks word it.
_HOT_CALL_NEXT = """
    WITH workstation AS (
        SELECT id FROM service_workstations
        WHERE id = :workstation AND status = :active AND public_key = :public_key
              AND hall_code = :hall
    ), stored AS (
        INSERT INTO service_nonces (workstation_id, nonce, expires_at)
        SELECT id, :nonce, :expires_at FROM workstation
        ON CONFLICT DO NOTHING
        RETURNING workstation_id
    ), staff AS (
        SELECT s.workstation_id, s.ended_at, s.expires_at, u.username, u.display_name,
               u.role, u.hall_code, u.active
        FROM service_sessions s LEFT JOIN users u ON u.username = s.username
        WHERE s.token_hash = :token_hash
    ), allowed AS (
        SELECT username FROM staff
        WHERE workstation_id = :workstation AND ended_at IS NULL AND expires_at > :now_utc
              AND active AND hall_code = :hall AND role IN ({roles})
              AND EXISTS (SELECT 1 FROM stored)
    ),
    {claim}
    SELECT EXISTS (SELECT 1 FROM workstation), EXISTS (SELECT 1 FROM stored),
           staff.workstation_id, staff.ended_at, staff.expires_at, staff.username,
           staff.display_name, staff.role, staff.hall_code, staff.active,
           {claimed}
    FROM (SELECT 1) AS one LEFT JOIN staff ON true LEFT JOIN claimed ON true
"""
_CLAIMED = ("id", "display", "category", "state", "issued_at", "window_number", "teller",
            "recalls", "id_number")  # fmt: skip


@functools.lru_cache(maxsize=16)
def _hot_call_next_sql(categories: int) -> str:
    """The statement for so many categories, in psycopg's parameter style."""
    claim = queue.claim_and_record_ctes(
        categories, teller="(SELECT username FROM allowed)", guard="EXISTS (SELECT 1 FROM allowed)"
    )
    sql = _HOT_CALL_NEXT.format(
        claim=claim,
        claimed=", ".join(f"claimed.{name}" for name in _CLAIMED),
        roles=", ".join(f"'{role}'" for role in _SERVING_ROLES),  # the code's own names
    )
    dialect = psycopg_dialect.dialect()  # type: ignore[no-untyped-call]
    return str(text(sql).compile(dialect=dialect))


class HotCallNext:
    """``POST /v1/queue/call-next`` on PostgreSQL, answered by the request gate.

    The signature is verified here with the key this process last verified the workstation
    with, the body validated with ``CallNextRequest``; then ``_HOT_CALL_NEXT`` stores the
    nonce, checks the workstation and the session and claims, in one round trip and one
    commit, awaited on the event loop (``LoopConnections``). Whatever that statement cannot
    decide alone — a workstation this process does not know or whose row differs from what
    it knew, a request without a session, an invalid body — goes through the full check of
    every request (``Authenticate``) and ``call_next_on``, as on any other route; so does the
    question why nothing was claimed. The answer is validated and encoded with
    ``CallNextResponse``.
    """

    def __init__(self, context: ServiceContext, connections: LoopConnections) -> None:
        self.context = context
        self.connections = connections

    async def __call__(
        self, scope: Scope, headers: Mapping[str, str], body: bytes, full_check: Authenticate
    ) -> bytes:
        context = self.context
        settings = context.settings
        request = signed_request(
            context.clock,
            window=settings.server.clock_skew_seconds,
            halls=settings.halls,
            method="POST",
            target=request_target(scope),
            headers=headers,
            body=body,
        )
        known = known_key(request)
        token = headers.get(SESSION_HEADER, "")
        try:
            order = _CALL_NEXT_BODY.validate_json(body)
        except ValidationError as exc:
            await full_check()  # the workstation first, as for every request
            errors = [{**e, "loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
            raise RefusedAs(*validation_refusal(errors)) from None
        state: dict[str, Any] = scope.setdefault("state", {})
        if known is None or not token:
            return await self._checked_step_by_step(state, await full_check(), token, order)
        signed = request.signed
        at = _moment(context)
        now_utc = context.clock.utc()
        params: dict[str, Any] = {
            "workstation": signed.workstation_id,
            "active": WS_ACTIVE,
            "public_key": known.public_key,
            "hall": known.hall_code,
            "nonce": signed.nonce,
            "expires_at": request.expires_at,
            "token_hash": sessions.token_hash(token),
            "now_utc": now_utc,
            "now": at.now,
        }
        categories = list(dict.fromkeys(order.categories))
        _, claim = queue.claim_statement(
            "postgresql", known.hall_code, order.window, categories, "",
            key=order.key, aging=dt.timedelta(minutes=order.aging_minutes),
            now=at.now, day=at.day,
        )  # fmt: skip
        claim.pop("teller")
        params.update(claim)
        row = await self.connections.fetchone(_hot_call_next_sql(len(categories)), params)
        assert row is not None  # one row, whatever happened
        if not row[0]:  # the workstation is not as this process knew it: the full check says
            return await self._checked_step_by_step(state, await full_check(), token, order)
        workstation = CallerWorkstation(signed.workstation_id, known.hall_code)
        state[STATE_WORKSTATION] = workstation
        if not row[1]:
            raise replayed(workstation.id)
        read = None if row[2] is None else SessionRead(*row[2:10])
        user = sessions.session_user_of(read, workstation, now_utc)
        state[STATE_USERNAME] = user.username
        require(user.username, user.role, Permission.SERVE_CUSTOMERS)
        if row[10] is None:
            ticket = await anyio.to_thread.run_sync(
                _why_nothing, context, workstation.hall_code, order
            )
        else:
            ticket = queue.Ticket(
                row[10], row[11], row[12], row[13], row[14], row[15], row[16], row[17] or 0,
                row[18],
            )  # fmt: skip
        answer = CallNextResponse(ticket=_ticket_out(ticket) if ticket is not None else None)
        return _CALL_NEXT_ANSWER.dump_json(answer)

    async def _checked_step_by_step(
        self,
        state: dict[str, Any],
        workstation: CallerWorkstation,
        token: str,
        order: CallNextRequest,
    ) -> bytes:
        def note(username: str) -> None:
            state[STATE_USERNAME] = username

        answer = await anyio.to_thread.run_sync(
            call_next_on, self.context, workstation, token, order, note
        )
        return _CALL_NEXT_ANSWER.dump_json(answer)


def _why_nothing(context: ServiceContext, hall: str, order: CallNextRequest) -> queue.Ticket | None:
    """After a claim that took nothing: the key's earlier ticket (the same click again), a
    refusal (a used key, a paused window) or ``None`` (nobody waiting)."""
    with context.engine.connect() as connection:
        return queue.nothing_claimed(connection, hall, order.window, order.key)


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
