"""Checking a login: by the central service whenever it answers, else by the cache.

The service opens the user's central session, and its refusal (wrong password, locked,
disabled, another hall, this workstation revoked) is final: the cache is not asked instead.
Only when the service cannot be reached is the password checked against the cache's hash
(kept there for exactly that), and the workstation remembers the login so that the central
session opens as soon as the service answers again. The login window and the screen lock
both run ``check_login`` on their background worker (network and argon2).
"""

from __future__ import annotations

import logging

from counter_app.client.workstation import Workstation
from counter_app.domain.errors import CentralRefused, CentralUnavailable
from counter_app.domain.people import StaffUser
from counter_app.domain.roles import Role
from counter_app.services.auth import LoginFailed, authenticate

log = logging.getLogger(__name__)


class CentralLoginRefused(Exception):
    """The central service refused a login for a reason that is not the password's: the user
    belongs to another hall, or this workstation is not (or no longer) enrolled."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason


def check_login(ws: Workstation, username: str, password: str) -> StaffUser:
    """Check a login: by the central service when it answers, else by the cache.

    Raises ``LoginFailed`` (wrong password, locked, disabled — from either) or
    ``CentralLoginRefused``. Runs on the background worker (network and argon2).
    """
    centre = ws.centre if ws.has_centre else None
    if centre is not None:
        try:
            session = centre.login(username, password)
        except CentralUnavailable as exc:
            log.info("central service unreachable at login (%s); checking the cache", exc)
        except CentralRefused as exc:
            log.info("central service refused the login of %s: %s", username, exc)
            if exc.code == "bad_credentials":
                raise LoginFailed("bad_credentials", exc.reason) from None
            if exc.code == "login_locked":
                raise LoginFailed("locked", exc.reason) from None
            if exc.code == "user_inactive":
                raise LoginFailed("inactive", exc.reason) from None
            raise CentralLoginRefused(exc.code, exc.reason) from None
        else:
            return StaffUser(
                username=session.username,
                display_name=session.display_name,
                role=Role(session.role),
                hall_code=session.hall_code,
            )
    user = authenticate(ws.local, username, password)
    if centre is not None:
        centre.remember_offline_login(user.username, password)
    return user
