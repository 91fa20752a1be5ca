"""Staff login and logout on a workstation: ``POST /v1/sessions``, ``POST /v1/sessions/end``."""

from __future__ import annotations

import datetime as dt
import logging

from fastapi import APIRouter, Request, Response

from counter_central import sessions
from counter_central.api_models import ErrorBody, LoginRequest, LogoutRequest, SessionResponse
from counter_central.context import caller, note_user, service_context

log = logging.getLogger("counter_central.sessions")
router = APIRouter(prefix="/v1", tags=["sessions"])

REFUSALS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody} for status in (401, 403, 413, 422, 429)
}


@router.post("/sessions", response_model=SessionResponse, status_code=201, responses=REFUSALS)
def post_session(request: Request, body: LoginRequest) -> SessionResponse:
    context = service_context(request)
    workstation = caller(request)
    opened = sessions.login(
        context.engine,
        context.clock,
        workstation,
        body.username.strip(),
        body.password,
        hours=context.settings.session_hours,
    )
    note_user(request, opened.user.username)
    log.info("session opened for user=%s on workstation=%s", opened.user.username, workstation.id)
    return SessionResponse(
        token=opened.token,
        username=opened.user.username,
        display_name=opened.user.display_name,
        role=opened.user.role.value,
        hall_code=opened.user.hall_code,
        expires_at=opened.user.expires_at.replace(tzinfo=dt.UTC),
    )


@router.post("/sessions/end", status_code=204, responses=REFUSALS)
def end_session(request: Request, body: LogoutRequest) -> Response:
    context = service_context(request)
    sessions.end(context.engine, context.clock, caller(request), body.token)
    return Response(status_code=204)
