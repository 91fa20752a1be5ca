"""Online staff sessions: a login checked by the service, bound to one workstation.

The password is verified against the central argon2id hash (the same hashes the
workstations use offline); the user must be active and belong to the workstation's hall.
The session token is returned once and stored only as its SHA-256; it is valid on that
workstation only, until it expires, is ended, the workstation is revoked or the user is
disabled or moved to another hall — each checked on every use. Argon2 verification is
memory-hard, so only a few run at once in a process.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import secrets
import threading
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, bindparam, select, update
from sqlalchemy.orm import Session

from counter_app.centre.apply import SYSTEM_ACTOR
from counter_app.domain.roles import Role
from counter_app.storage.service_models import SessionRow
from counter_app.storage.shared_models import UserRow
from counter_central import throttle
from counter_central.clock import ServiceClock
from counter_central.refusals import Refusal
from counter_central.request_auth import CallerWorkstation

_hasher = PasswordHasher()
_verifying = threading.BoundedSemaphore(4)


@dataclass(frozen=True)
class SessionUser:
    username: str
    display_name: str
    role: Role
    hall_code: str
    expires_at: dt.datetime  # naive UTC


@dataclass(frozen=True)
class NewSession:
    token: str
    user: SessionUser


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@functools.cache
def _dummy_hash() -> str:
    return _hasher.hash("not-a-real-password")


def _password_ok(password_hash: str | None, password: str) -> bool:
    with _verifying:
        try:
            return _hasher.verify(password_hash or _dummy_hash(), password) and bool(password_hash)
        except (VerificationError, InvalidHashError):
            return False


def _check_member(user: UserRow, workstation: CallerWorkstation) -> None:
    _check_membership(user.username, user.active, user.hall_code, workstation)


def _check_membership(
    username: str, active: bool, hall_code: str, workstation: CallerWorkstation
) -> None:
    if not active:
        raise Refusal(403, "user_inactive", "this account is disabled", username=username)
    if hall_code != workstation.hall_code:
        raise Refusal(
            403,
            "user_not_in_hall",
            f"user {username} belongs to hall {hall_code}, "
            f"not to hall {workstation.hall_code} of workstation {workstation.id}",
            username=username,
        )


def check_credentials(
    engine: Engine,
    clock: ServiceClock,
    workstation: CallerWorkstation,
    username: str,
    password: str,
    *,
    who: str = "user",
) -> UserRow:
    """The active user of the workstation's hall with this password, under the login throttle.

    ``Refusal`` 429 while the user or the workstation is locked out, 401 for a wrong user name
    or password (counted against both), 403 for a disabled account or another hall. Used for
    logging in and for a supervisor's on-the-spot authorization alike (``who`` words it).
    """
    now = clock.utc()
    keys = [throttle.user_key(username), throttle.workstation_key(workstation.id)]
    with Session(engine) as session:
        user = session.get(UserRow, username) if username != SYSTEM_ACTOR else None
        known = user.username if user is not None else None
        password_hash = user.password_hash if user is not None else None
    until = throttle.locked_until(engine, keys, now)
    if until is not None:
        seconds = max(1, int((until - now).total_seconds()))
        raise Refusal(
            429,
            "login_locked",
            f"too many wrong passwords; this {who} is locked for a while",
            username=known,
            headers={"Retry-After": str(seconds)},
            extra={"locked_until": until.replace(tzinfo=dt.UTC).isoformat()},
        )
    if user is None or not _password_ok(password_hash, password):
        throttle.record_failure(engine, keys[0], throttle.USER_LIMIT, now)
        throttle.record_failure(engine, keys[1], throttle.WORKSTATION_LIMIT, now)
        raise Refusal(401, "bad_credentials", f"wrong {who} name or password", username=known)
    _check_member(user, workstation)
    throttle.clear(engine, keys[0])
    return user


def login(
    engine: Engine,
    clock: ServiceClock,
    workstation: CallerWorkstation,
    username: str,
    password: str,
    *,
    hours: int,
) -> NewSession:
    user = check_credentials(engine, clock, workstation, username, password)
    now = clock.utc()
    token = secrets.token_urlsafe(32)
    expires = now + dt.timedelta(hours=hours)
    with Session(engine) as session, session.begin():
        session.add(
            SessionRow(
                token_hash=token_hash(token),
                workstation_id=workstation.id,
                username=user.username,
                created_at=now,
                expires_at=expires,
                ended_at=None,
            )
        )
    return NewSession(
        token,
        SessionUser(user.username, user.display_name, Role(user.role), user.hall_code, expires),
    )


# The session and its user in one statement (a missing user reads as NULLs).
_SESSION_USER = (
    select(
        SessionRow.workstation_id,
        SessionRow.ended_at,
        SessionRow.expires_at,
        UserRow.username,
        UserRow.display_name,
        UserRow.role,
        UserRow.hall_code,
        UserRow.active,
    )
    .select_from(SessionRow)
    .outerjoin(UserRow, UserRow.username == SessionRow.username)
    .where(SessionRow.token_hash == bindparam("token_hash"))
)


def resolve(
    engine: Engine, clock: ServiceClock, workstation: CallerWorkstation, token: str
) -> SessionUser:
    """The user of a live session of ``workstation``; ``Refusal`` for anything else."""
    with engine.connect() as connection:
        return resolve_on(connection, clock, workstation, token)


def resolve_on(
    connection: Connection, clock: ServiceClock, workstation: CallerWorkstation, token: str
) -> SessionUser:
    """``resolve`` on a connection the caller holds, so that a request can check its session
    and do its work in one transaction (the session and the user are read in one statement)."""
    row = connection.execute(_SESSION_USER, {"token_hash": token_hash(token)}).first()
    return session_user_of(None if row is None else SessionRead(*row), workstation, clock.utc())


@dataclass(frozen=True)
class SessionRead:
    """A session and its user as read (``_SESSION_USER``'s columns; the user's are ``None``
    when the user no longer exists)."""

    workstation_id: str
    ended_at: dt.datetime | None
    expires_at: dt.datetime
    username: str | None
    display_name: str | None
    role: str | None
    hall_code: str | None
    active: bool | None


def session_user_of(
    row: SessionRead | None, workstation: CallerWorkstation, now: dt.datetime
) -> SessionUser:
    """The user of the session read, if it is live on ``workstation`` at ``now`` (naive UTC)
    and its user active in the workstation's hall; ``Refusal`` otherwise."""
    if (
        row is None
        or row.workstation_id != workstation.id
        or row.ended_at is not None
        or row.expires_at <= now
    ):
        raise Refusal(
            401,
            "session_invalid",
            "no live session with this token on this workstation; log in again",
        )
    if row.username is None or row.role is None or row.hall_code is None:
        raise Refusal(401, "session_invalid", "the session's user no longer exists")
    _check_membership(row.username, bool(row.active), row.hall_code, workstation)
    return SessionUser(
        row.username, row.display_name or "", Role(row.role), row.hall_code, row.expires_at
    )


def end(engine: Engine, clock: ServiceClock, workstation: CallerWorkstation, token: str) -> bool:
    """End one session of ``workstation``; ``False`` if there was none live."""
    with Session(engine) as session, session.begin():
        result = session.execute(
            update(SessionRow)
            .where(
                SessionRow.token_hash == token_hash(token),
                SessionRow.workstation_id == workstation.id,
                SessionRow.ended_at.is_(None),
            )
            .values(ended_at=clock.utc())
        )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def end_all(session: Session, workstation_id: str, now: dt.datetime) -> None:
    """End every live session of a workstation (revocation, re-enrolment)."""
    session.execute(
        update(SessionRow)
        .where(SessionRow.workstation_id == workstation_id, SessionRow.ended_at.is_(None))
        .values(ended_at=now)
    )
