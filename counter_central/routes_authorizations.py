"""The authorization endpoints: a supervisor's on-the-spot authorization checked centrally.

* ``POST /v1/authorizations`` ``{supervisor, password, purpose, bound_to}`` on the requesting
  teller's session: the service checks the supervisor's password (throttled like a login),
  their hall and authority, and answers ``{auth_ref, supervisor, display_name}``;
* ``GET /v1/authorizations/offline``: the hall's offline authorizations not yet confirmed
  (a supervisor's session);
* ``POST /v1/authorizations/{id}/confirm``: a supervisor confirms one of them.

The hall is always the signing workstation's, the user the session's; an authorization of
another hall is answered as if it did not exist.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from counter_central import authorizations
from counter_central.api_authorization_models import (
    AuthorizationOut,
    AuthorizationRequest,
    OfflineAuthorizationOut,
    OfflineAuthorizationsOut,
)
from counter_central.api_models import ErrorBody
from counter_central.context import caller, service_context, session_user

router = APIRouter(prefix="/v1", tags=["authorizations"])

REFUSALS: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody} for status in (401, 403, 404, 409, 413, 422, 429, 503)
}

AuthId = Annotated[str, Path(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_-]+$")]


@router.post(
    "/authorizations", response_model=AuthorizationOut, status_code=201, responses=REFUSALS
)
def post_authorization(request: Request, body: AuthorizationRequest) -> AuthorizationOut:
    """A supervisor authorizes, at this workstation, what the session's user is about to do."""
    context = service_context(request)
    granted = authorizations.grant(
        context.engine,
        context.clock,
        caller(request),
        session_user(request),
        body.supervisor,
        body.password,
        purpose=body.purpose,
        bound_to=body.bound_to,
    )
    return AuthorizationOut(
        auth_ref=granted.auth_ref,
        supervisor=granted.supervisor,
        display_name=granted.display_name,
    )


@router.get("/authorizations/offline", response_model=OfflineAuthorizationsOut, responses=REFUSALS)
def get_offline(request: Request) -> OfflineAuthorizationsOut:
    """The hall's offline authorizations still to be confirmed, oldest first (supervisors)."""
    context = service_context(request)
    rows = authorizations.offline_open(
        context.engine, session_user(request), caller(request).hall_code
    )
    return OfflineAuthorizationsOut(
        authorizations=[
            OfflineAuthorizationOut(
                id=row.id,
                created_at=row.created_at.replace(tzinfo=dt.UTC),
                workstation_id=row.workstation_id,
                requested_by=row.requested_by,
                supervisor=row.supervisor,
                purpose=row.purpose,
                bound_to=row.bound_to,
                detail=row.detail,
            )
            for row in rows
        ]
    )


@router.post("/authorizations/{auth_id}/confirm", status_code=204, responses=REFUSALS)
def confirm(request: Request, auth_id: AuthId) -> Response:
    """A supervisor of the hall confirms an offline authorization."""
    context = service_context(request)
    user = session_user(request)
    authorizations.confirm(context.engine, context.clock, user, caller(request).hall_code, auth_id)
    return Response(status_code=204)
