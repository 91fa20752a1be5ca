"""Refusals: the one way the service says no, and the one way a "no" is logged.

Every refusal has an HTTP status, a stable machine-readable code and a reason in plain words,
and is logged with the workstation and the user as the service knows them. Only values the
service itself has checked (a registered workstation id, an existing user name, a command
UUID or kind that passed validation) may appear in a reason, so an attacker's input — an ID
number, a phone number, a password — can never reach the log through one.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from starlette.responses import JSONResponse

log = logging.getLogger("counter_central.refusals")


class Refusal(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        reason: str,
        *,
        username: str | None = None,
        workstation: str | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {reason}")
        self.status = status
        self.code = code
        self.reason = reason
        self.username = username
        self.workstation = workstation
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def response(self) -> JSONResponse:
        body: dict[str, Any] = {"error": self.code, "reason": self.reason, **self.extra}
        return JSONResponse(body, status_code=self.status, headers=self.headers)


def log_refusal(
    refusal: Refusal, *, method: str, path: str, workstation: str | None, username: str | None
) -> None:
    log.warning(
        "refused %s %s: %d %s (workstation=%s user=%s): %s",
        method,
        path,
        refusal.status,
        refusal.code,
        refusal.workstation or workstation or "-",
        refusal.username or username or "-",
        refusal.reason,
    )


def safe_location(loc: Sequence[int | str]) -> str:
    """A validation error's location with every key the schema does not define masked.

    Keys inside a command's free-form payload are the client's and could be anything, so
    only plain lower-case identifiers and list positions are shown.
    """
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(str(item))
        elif (
            item.isascii()
            and item.replace("_", "").isalpha()
            and item.islower()
            and len(item) <= 30
        ):
            parts.append(item)
        else:
            parts.append("*")
    return ".".join(parts)
