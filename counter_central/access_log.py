"""One log line per request, and no traceback text for an unexpected error.

The line has the method, the path without its query, the status, the duration and the
workstation and user the service verified. An unexpected exception is logged by its type and
code location only — its message could quote a database row — and answered with a plain 500.
The server's own access log is off, because it would print query strings.
"""

from __future__ import annotations

import logging
import time
import traceback
from typing import Any

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counter_central.context import STATE_USERNAME, STATE_WORKSTATION

log = logging.getLogger("counter_central.access")
errors = logging.getLogger("counter_central.errors")


class AccessLog:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            frames = "".join(traceback.format_tb(exc.__traceback__))
            errors.error(
                "unexpected %s on %s %s\n%s",
                type(exc).__name__,
                scope.get("method"),
                scope.get("path"),
                frames,
            )
            if status == 0:
                status = 500
                body = {"error": "internal", "reason": "the service failed; it is logged"}
                await JSONResponse(body, status_code=500)(scope, receive, send)
        finally:
            state: dict[str, Any] = scope.get("state", {})
            workstation = state.get(STATE_WORKSTATION)
            log.info(
                "%s %s %d %.0fms workstation=%s user=%s",
                scope.get("method"),
                scope.get("path"),
                status,
                (time.perf_counter() - started) * 1000,
                getattr(workstation, "id", "-"),
                state.get(STATE_USERNAME, "-"),
            )
