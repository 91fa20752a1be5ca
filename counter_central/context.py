"""What every request handler needs: the engine, the settings, the clock and the anchor key.

One ``ServiceContext`` per process, held by the application; it keeps no state about
clients (that all lives in the database), so any number of processes serve alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from sqlalchemy import Connection, Engine
from starlette.requests import Request

from counter_central.anchor_key import AnchorKey
from counter_central.clock import ServiceClock
from counter_central.refusals import Refusal
from counter_central.request_auth import CallerWorkstation
from counter_central.sessions import SessionUser
from counter_central.settings import Settings

STATE_WORKSTATION = "workstation"
STATE_USERNAME = "username"
STATE_BODY = "raw_body"


@dataclass(frozen=True)
class ServiceContext:
    settings: Settings
    engine: Engine
    clock: ServiceClock
    anchor_key: AnchorKey


def service_context(request: Request) -> ServiceContext:
    return cast(ServiceContext, request.app.state.service)


def caller(request: Request) -> CallerWorkstation:
    """The workstation the request gate authenticated (every non-public route has one)."""
    workstation = request.scope.get("state", {}).get(STATE_WORKSTATION)
    if not isinstance(workstation, CallerWorkstation):
        raise Refusal(401, "unsigned", "this request must be signed by an enrolled workstation")
    return workstation


def note_user(request: Request, username: str) -> None:
    """Remember the (verified) user of this request for the logs."""
    request.scope.setdefault("state", {})[STATE_USERNAME] = username


def raw_body(request: Request) -> bytes:
    """The request body exactly as received (the gate read it)."""
    body = request.scope.get("state", {}).get(STATE_BODY, b"")
    return body if isinstance(body, bytes) else b""


SESSION_HEADER = "x-counter-session"


def session_user(request: Request, connection: Connection | None = None) -> SessionUser:
    """The staff user whose session token the request carries (``X-Counter-Session``), checked
    against the signing workstation; ``Refusal`` 401 when there is none or it is not live.

    With ``connection``, read on it (in its transaction), so that a hot endpoint checks the
    session and does its work on one pooled connection.
    """
    from counter_central import sessions

    token = request.headers.get(SESSION_HEADER, "")
    if not token:
        raise Refusal(401, "session_invalid", "this request needs a staff session; log in")
    context = service_context(request)
    if connection is None:
        user = sessions.resolve(context.engine, context.clock, caller(request), token)
    else:
        user = sessions.resolve_on(connection, context.clock, caller(request), token)
    note_user(request, user.username)
    return user
