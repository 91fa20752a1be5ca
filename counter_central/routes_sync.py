"""The sync endpoints: ``POST /v1/commands`` (push), ``GET /v1/journal`` (pull, long-poll)
and ``GET /v1/journal/check`` (a workstation's audit of what the journal holds)."""

from __future__ import annotations

import threading
import uuid as uuid_module
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import TypeAdapter

from counter_app.domain.commands import Verdict
from counter_central import command_intake, journal_feed, sessions
from counter_central.api_models import (
    BatchResponse,
    CommandBatch,
    ErrorBody,
    JournalCheckResponse,
    JournalEntryOut,
    JournalPageResponse,
    VerdictOut,
)
from counter_central.context import caller, note_user, service_context
from counter_central.refusals import Refusal

router = APIRouter(prefix="/v1", tags=["sync"])

REFUSALS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody} for status in (401, 403, 413, 422, 503)
}

MAX_CHECK_UUIDS = 100
MAX_CHECK_SEQS = 20
# Set by the application when the process is shutting down: waiting requests answer at once.
STOPPING_STATE = "journal_stopping"


def _stopping(request: Request) -> threading.Event | None:
    event = getattr(request.app.state, STOPPING_STATE, None)
    return event if isinstance(event, threading.Event) else None


def _verdict_out(verdict: Verdict) -> VerdictOut:
    """The answer for one verdict, built without validation: every field comes from the
    service's own ``Verdict`` (the model checks what comes in, not what goes out)."""
    return VerdictOut.model_construct(
        command_uuid=verdict.command_uuid,
        status="applied" if verdict.applied else "rejected",
        seq=verdict.seq,
        reason_code=verdict.reason_code,
        reason=verdict.reason,
        duplicate=verdict.duplicate,
    )


# Serialises the answer straight to JSON bytes: the route returns them as its response, so
# the framework neither validates the answer again (on a worker thread of its own) nor
# serialises it through its generic path.
_BATCH_ANSWER = TypeAdapter(BatchResponse)


@router.post("/commands", response_model=BatchResponse, responses=REFUSALS)
def post_commands(request: Request, body: CommandBatch) -> Response:
    """Apply a batch of commands in order; every command gets a verdict.

    All commands must be the session user's. A verdict is final: ``applied`` with the
    journal ``seq``, or ``rejected`` with a reason (also for a command id already used for
    a different command: ``uuid_conflict``). Re-sending a command returns its first verdict
    with ``duplicate`` set.
    """
    context = service_context(request)
    workstation = caller(request)
    user = sessions.resolve(context.engine, context.clock, workstation, body.session_token)
    note_user(request, user.username)
    batch = [
        command_intake.Submitted(
            uuid=str(item.uuid),
            kind=item.kind,
            payload=item.payload,
            actor=item.actor,
            client_time=item.client_time,
            auth_ref=item.auth_ref,
        )
        for item in body.commands
    ]
    verdicts = command_intake.submit(
        context.engine,
        context.clock,
        workstation,
        user,
        batch,
        skew_seconds=context.settings.server.clock_skew_seconds,
    )
    if any(v.applied and not v.duplicate for v in verdicts):
        journal_feed.journal_moved()
    answer = BatchResponse.model_construct(verdicts=[_verdict_out(v) for v in verdicts])
    return Response(_BATCH_ANSWER.dump_json(answer), media_type="application/json")


@router.get("/journal", response_model=JournalPageResponse, responses=REFUSALS)
def get_journal(
    request: Request,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    wait: Annotated[float, Query(ge=0, le=journal_feed.MAX_WAIT_SECONDS)] = 0,
) -> JournalPageResponse:
    """Journal entries after ``after`` in this workstation's scope (everyone's and its hall's).

    With ``wait`` (seconds, at most 25) an empty answer is held back until an entry in scope
    exists or the time is up (long-poll): a workstation learns of a change at once without
    asking every second. The request holds a worker thread but no database connection while
    it waits.
    """
    context = service_context(request)
    workstation = caller(request)
    page = journal_feed.wait_for_page(
        context.engine,
        workstation.hall_code,
        after,
        limit,
        wait,
        stopping=_stopping(request),
    )
    entries = [
        JournalEntryOut(
            seq=row.seq,
            command_uuid=row.command_uuid,
            kind=row.kind,
            scope=row.scope,
            actor=row.actor,
            workstation=row.workstation,
            client_time=row.client_time,
            central_time=row.central_time,
            auth_ref=row.auth_ref,
            payload=row.payload,
            effects=row.effects,
            prev_hash=row.prev_hash,
            hash=row.hash,
        )
        for row in page.entries
    ]
    next_after = entries[-1].seq if entries else max(after, 0)
    return JournalPageResponse(
        entries=entries,
        head_seq=page.head_seq,
        next_after=next_after,
        more=len(entries) == limit,
    )


def _split(text: str, what: str, most: int) -> list[str]:
    items = [item for item in text.split(",") if item] if text else []
    if len(items) > most:
        raise Refusal(422, "invalid_request", f"at most {most} {what} may be checked at once")
    return items


@router.get("/journal/check", response_model=JournalCheckResponse, responses=REFUSALS)
def get_journal_check(
    request: Request,
    uuids: Annotated[str, Query(max_length=37 * MAX_CHECK_UUIDS)] = "",
    seqs: Annotated[str, Query(max_length=20 * MAX_CHECK_SEQS)] = "",
) -> JournalCheckResponse:
    """Which of the commands ``uuids`` (comma-separated) the journal holds in this
    workstation's scope, with their seq, and the entry hash at each of ``seqs``.

    A workstation asks this about the commands it holds as applied and the heads it saw
    signed: an answer without one of them means the journal lost entries (a restore from an
    old backup) or was rewritten, and the workstation raises an alarm and offers its commands
    again.
    """
    context = service_context(request)
    workstation = caller(request)
    try:
        asked_uuids = [str(uuid_module.UUID(u)) for u in _split(uuids, "commands", MAX_CHECK_UUIDS)]
        asked_seqs = [int(s) for s in _split(seqs, "seqs", MAX_CHECK_SEQS)]
    except ValueError:
        raise Refusal(
            422, "invalid_request", "uuids must be command UUIDs and seqs whole numbers"
        ) from None
    if any(s < 0 or s > 2**62 for s in asked_seqs):
        raise Refusal(422, "invalid_request", "a seq is out of range")
    found = journal_feed.check(context.engine, workstation.hall_code, asked_uuids, asked_seqs)
    return JournalCheckResponse(
        head_seq=found.head_seq,
        commands=found.commands,
        hashes={str(seq): entry_hash for seq, entry_hash in found.hashes.items()},
    )
