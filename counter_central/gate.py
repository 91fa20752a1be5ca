"""The gate every request passes before any endpoint sees it: size limit, then signature.

The body is read here, at most ``max_body_bytes`` of it (a larger declared or streamed body
is refused with 413 without reading on), so the signature can cover its hash; the endpoint
then gets the same bytes. Every path except the public ones (the clock, enrolment, which
is signed with the key it enrols, and the OpenAPI document) needs a valid workstation
signature; the verified workstation is put in the request state. Refusals are logged here.
"""

from __future__ import annotations

from typing import Any

import anyio.to_thread
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counter_central.context import (
    STATE_BODY,
    STATE_USERNAME,
    STATE_WORKSTATION,
    ServiceContext,
)
from counter_central.refusals import Refusal, log_refusal
from counter_central.request_auth import CallerWorkstation, NoncePurger, authenticate

PUBLIC_PATHS = frozenset({"/v1/time", "/v1/enrol", "/openapi.json"})


def request_target(scope: Scope) -> str:
    """The request target exactly as sent: raw path and, if any, the raw query."""
    raw = scope.get("raw_path") or scope["path"].encode("utf-8")
    query = scope.get("query_string", b"")
    target: bytes = raw + (b"?" + query if query else b"")
    return target.decode("latin-1")


def _headers(scope: Scope) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in scope.get("headers", []):
        key = name.decode("latin-1").lower()
        if key in headers:
            headers[key] = "\x00duplicate"  # never a valid value: refused as malformed
        else:
            headers[key] = value.decode("latin-1")
    return headers


async def send_refusal(refusal: Refusal, scope: Scope, receive: Receive, send: Send) -> None:
    state: dict[str, Any] = scope.setdefault("state", {})
    workstation = state.get(STATE_WORKSTATION)
    log_refusal(
        refusal,
        method=scope.get("method", "?"),
        path=scope.get("path", "?"),
        workstation=getattr(workstation, "id", None),
        username=state.get(STATE_USERNAME),
    )
    await refusal.response()(scope, receive, send)


class RequestGate:
    def __init__(self, app: ASGIApp, context: ServiceContext) -> None:
        self.app = app
        self.context = context
        self.limit = context.settings.server.max_body_bytes
        self.purger = NoncePurger()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            body = await self._read_body(scope, receive)
        except Refusal as refusal:
            await send_refusal(refusal, scope, receive, send)
            return
        if body is None:
            return  # the client went away
        if scope["path"] not in PUBLIC_PATHS:
            try:
                workstation = await anyio.to_thread.run_sync(self._authenticate, scope, body)
            except Refusal as refusal:
                await send_refusal(refusal, scope, receive, send)
                return
            scope.setdefault("state", {})[STATE_WORKSTATION] = workstation
        scope.setdefault("state", {})[STATE_BODY] = body
        await self.app(scope, _replay(body, receive), send)

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes | None:
        declared = _headers(scope).get("content-length")
        if declared is not None:
            if not declared.isdigit():
                raise Refusal(400, "bad_request", "the Content-Length header is not a number")
            if int(declared) > self.limit:
                raise self._too_large()
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                raise self._too_large()
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    def _too_large(self) -> Refusal:
        return Refusal(413, "body_too_large", f"the request body is larger than {self.limit} bytes")

    def _authenticate(self, scope: Scope, body: bytes) -> CallerWorkstation:
        settings = self.context.settings
        try:
            workstation = authenticate(
                self.context.engine,
                self.context.clock,
                window=settings.server.clock_skew_seconds,
                halls=settings.halls,
                method=scope["method"],
                target=request_target(scope),
                headers=_headers(scope),
                body=body,
                purger=self.purger,
            )
        except (OperationalError, DBAPIError):
            raise Refusal(
                503, "database_unavailable", "the central database does not answer"
            ) from None
        return workstation


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
