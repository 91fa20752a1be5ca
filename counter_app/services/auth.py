"""Staff login: argon2id hashes, throttling and lock-out, checked against the local cache.

Users reach the cache by pull, so a teller can log in while the centre is down. After
``MAX_FAILURES`` wrong passwords in a row the account is locked on this workstation for
``LOCKOUT``; the message says until when.
"""

from __future__ import annotations

import datetime as dt
import functools

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counter_app.domain.errors import DomainError
from counter_app.domain.people import StaffUser
from counter_app.domain.roles import Role
from counter_app.storage.local_models import LoginAttemptRow
from counter_app.storage.shared_models import UserRow

MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
_hasher = PasswordHasher()


class LoginFailed(DomainError):
    def __init__(
        self,
        code: str,
        message: str,
        locked_until: dt.datetime | None = None,
        attempts_left: int | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.locked_until = locked_until
        self.attempts_left = attempts_left


def hash_password(password: str) -> str:
    if len(password) < 8:
        raise ValueError("a password needs at least 8 characters")
    return _hasher.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def user_count(local: Engine) -> int:
    with Session(local) as session:
        return int(session.scalar(select(func.count()).select_from(UserRow)) or 0)


def authenticate(
    local: Engine, username: str, password: str, *, now: dt.datetime | None = None
) -> StaffUser:
    now = now or dt.datetime.now()
    username = username.strip()
    with Session(local) as session, session.begin():
        attempt = session.get(LoginAttemptRow, username)
        if attempt is not None and attempt.locked_until and attempt.locked_until > now:
            raise LoginFailed(
                "locked",
                f"too many wrong passwords; the account is locked until "
                f"{attempt.locked_until:%H:%M}",
                attempt.locked_until,
            )
        user = session.get(UserRow, username)
        # Verify against a dummy hash for unknown users so timing does not reveal them.
        ok = _verify(user.password_hash if user else _dummy_hash(), password) and user is not None
        if not ok:
            if attempt is None:
                attempt = LoginAttemptRow(username=username, failures=0)
                session.add(attempt)
            attempt.failures = (attempt.failures or 0) + 1
            if attempt.failures >= MAX_FAILURES:
                attempt.locked_until = now + LOCKOUT
                attempt.failures = 0
                raise_after = LoginFailed(
                    "locked",
                    f"{MAX_FAILURES} wrong passwords; the account is locked until "
                    f"{attempt.locked_until:%H:%M}",
                    attempt.locked_until,
                )
            else:
                left = MAX_FAILURES - attempt.failures
                raise_after = LoginFailed(
                    "bad_credentials",
                    f"wrong user name or password ({left} attempts left before lock-out)",
                    attempts_left=left,
                )
        else:
            assert user is not None
            if not user.active:
                raise LoginFailed("inactive", "this account is disabled")
            if attempt is not None:
                session.delete(attempt)
            return StaffUser(
                username=user.username,
                display_name=user.display_name,
                role=Role(user.role),
                hall_code=user.hall_code,
                active=user.active,
            )
    raise raise_after


@functools.cache
def _dummy_hash() -> str:
    """A hash to verify against for unknown users (made on first need: it costs 64 MiB)."""
    return _hasher.hash("not-a-real-password")
