"""On-the-spot authorizations (授权) checked by the service, and the offline ones to confirm.

A teller asks for an authorization on their own session; the supervisor types their password
at the teller's window and the service checks it here against the central argon2id hash,
with the same throttling as a login (per user and per workstation). The supervisor must be
active, of the workstation's hall, hold ``Permission.AUTHORIZE`` and not be the teller who
asks. The authorization is recorded bound to one thing (a command UUID or a reprint's
reference); ``centre.apply`` consumes a command's one. The password never reaches a log: a
refusal names only the checked user name.

Authorizations made while the centre could not be reached arrive with their command as
``offline:<supervisor>``; ``offline_open`` lists those not yet confirmed for the hall's
supervisors, and ``confirm`` records who confirmed them.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.domain.roles import Permission, Role, require
from counter_app.storage.service_models import (
    AUTH_PURPOSE_COMMAND,
    AUTH_PURPOSE_REPRINT,
    AuthorizationRow,
)
from counter_central.clock import ServiceClock
from counter_central.refusals import Refusal
from counter_central.request_auth import CallerWorkstation
from counter_central.sessions import SessionUser, check_credentials

PURPOSES = (AUTH_PURPOSE_COMMAND, AUTH_PURPOSE_REPRINT)


@dataclass(frozen=True)
class Granted:
    auth_ref: str
    supervisor: str
    display_name: str


def grant(
    engine: Engine,
    clock: ServiceClock,
    workstation: CallerWorkstation,
    teller: SessionUser,
    supervisor: str,
    password: str,
    *,
    purpose: str,
    bound_to: str,
) -> Granted:
    """Check the supervisor's credentials and record an authorization bound to ``bound_to``.

    ``Refusal`` 429 while the supervisor or the workstation is locked out, 401 for a wrong
    user name or password, 403 for an account that may not authorize here;
    ``PermissionDenied`` for a role without the authority.
    """
    user = check_credentials(engine, clock, workstation, supervisor, password, who="supervisor")
    now = clock.utc()
    if user.username == teller.username:
        raise Refusal(
            403,
            "self_authorization",
            f"user {user.username} cannot authorize their own request",
            username=user.username,
        )
    require(user.username, Role(user.role), Permission.AUTHORIZE)
    auth_ref = secrets.token_urlsafe(16)
    row = AuthorizationRow(
        id=auth_ref,
        supervisor=user.username,
        requested_by=teller.username,
        workstation_id=workstation.id,
        hall_code=workstation.hall_code,
        purpose=purpose,
        bound_to=bound_to,
        detail="",
        created_at=now,
        # A reprint is printed at the workstation: its authorization is spent when granted.
        used_at=now if purpose != AUTH_PURPOSE_COMMAND else None,
        offline=False,
        confirmed_by=None,
        confirmed_at=None,
    )
    with Session(engine) as session, session.begin():
        session.add(row)
    return Granted(auth_ref, user.username, user.display_name)


def _require_supervisor(user: SessionUser) -> None:
    require(user.username, user.role, Permission.AUTHORIZE)


def offline_open(engine: Engine, user: SessionUser, hall_code: str) -> list[AuthorizationRow]:
    """The hall's offline authorizations not yet confirmed, oldest first (supervisors)."""
    _require_supervisor(user)
    with Session(engine, expire_on_commit=False) as session:
        return list(
            session.scalars(
                select(AuthorizationRow)
                .where(
                    AuthorizationRow.hall_code == hall_code,
                    AuthorizationRow.offline.is_(True),
                    AuthorizationRow.confirmed_at.is_(None),
                )
                .order_by(AuthorizationRow.created_at, AuthorizationRow.id)
            )
        )


def confirm(
    engine: Engine, clock: ServiceClock, user: SessionUser, hall_code: str, auth_id: str
) -> None:
    """Confirm an offline authorization of the hall; ``Refusal`` 404 for any other id and
    409 when it was confirmed already."""
    _require_supervisor(user)
    with Session(engine) as session, session.begin():
        row = session.get(AuthorizationRow, auth_id, with_for_update=True)
        if row is None or row.hall_code != hall_code or not row.offline:
            raise Refusal(
                404, "authorization_not_found", "no offline authorization with this id here"
            )
        if row.confirmed_at is not None:
            raise Refusal(
                409,
                "authorization_confirmed",
                f"this offline authorization was confirmed by {row.confirmed_by} already",
            )
        row.confirmed_by = user.username
        row.confirmed_at = clock.utc()
