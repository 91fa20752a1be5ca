"""The sync endpoints: ``POST /v1/commands`` (push) and ``GET /v1/journal`` (pull)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from counter_app.domain.commands import Verdict
from counter_central import command_intake, journal_feed, sessions
from counter_central.api_models import (
    BatchResponse,
    CommandBatch,
    ErrorBody,
    JournalEntryOut,
    JournalPageResponse,
    VerdictOut,
)
from counter_central.context import caller, note_user, service_context

router = APIRouter(prefix="/v1", tags=["sync"])

REFUSALS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody} for status in (401, 403, 413, 422, 503)
}


def _verdict_out(verdict: Verdict) -> VerdictOut:
    return VerdictOut(
        command_uuid=verdict.command_uuid,
        status="applied" if verdict.applied else "rejected",
        seq=verdict.seq,
        reason_code=verdict.reason_code,
        reason=verdict.reason,
        duplicate=verdict.duplicate,
    )


@router.post("/commands", response_model=BatchResponse, responses=REFUSALS)
def post_commands(request: Request, body: CommandBatch) -> BatchResponse:
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
    return BatchResponse(verdicts=[_verdict_out(v) for v in verdicts])


@router.get("/journal", response_model=JournalPageResponse, responses=REFUSALS)
def get_journal(
    request: Request,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 500,
) -> JournalPageResponse:
    """Journal entries after ``after`` in this workstation's scope (everyone's and its hall's)."""
    context = service_context(request)
    workstation = caller(request)
    page = journal_feed.read_page(context.engine, workstation.hall_code, after, limit)
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
