"""The gate every request passes before any endpoint sees it: size limit, then signature.

The body is read here, at most ``max_body_bytes`` of it (a larger declared or streamed body
is refused with 413 without reading on), so the signature can cover its hash; the endpoint
then gets the same bytes. Every path except the public ones (the clock, enrolment, which
is signed with the key it enrols, and the OpenAPI document) needs a valid workstation
signature; the verified workstation is put in the request state. Refusals are logged here.

A few hot routes (``HotRoute``, e.g. call-next on PostgreSQL) are answered here on the event
loop instead of by the framework: each checks the signature and its workstation itself, in
the one statement that does its work, and falls back on the full check (``Authenticate``)
whenever that statement cannot decide alone.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import anyio.to_thread
import psycopg
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from counter_app.domain.errors import DomainError
from counter_central.context import (
    STATE_BODY,
    STATE_USERNAME,
    STATE_WORKSTATION,
    ServiceContext,
)
from counter_central.error_handlers import domain_refusal
from counter_central.refusals import Refusal, log_refusal
from counter_central.request_auth import CallerWorkstation, NoncePurger, authenticate

# The full check of a request's signature and workstation, on a worker thread (as for every
# other request); the workstation is recorded in the request state.
Authenticate = Callable[[], Awaitable[CallerWorkstation]]
# A route answered by the gate: the JSON answer (200), or an exception the gate turns into a
# refusal — ``Refusal``, ``RefusedAs``, a ``DomainError`` or a database error.
HotRoute = Callable[[Scope, Mapping[str, str], bytes, Authenticate], Awaitable[bytes]]


class RefusedAs(Exception):
    """A refusal whose log line says ``detail`` rather than its reason (which may quote the
    request, e.g. a validation message)."""

    def __init__(self, refusal: Refusal, detail: str) -> None:
        super().__init__(refusal.reason)
        self.refusal = refusal
        self.detail = detail


_JSON_HEADERS = [(b"content-type", b"application/json")]

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


async def send_refusal(
    refusal: Refusal, scope: Scope, receive: Receive, send: Send, detail: str = ""
) -> None:
    state: dict[str, Any] = scope.setdefault("state", {})
    workstation = state.get(STATE_WORKSTATION)
    shown = refusal
    if detail:
        shown = Refusal(
            refusal.status,
            refusal.code,
            detail,
            username=refusal.username,
            workstation=refusal.workstation,
        )
    log_refusal(
        shown,
        method=scope.get("method", "?"),
        path=scope.get("path", "?"),
        workstation=getattr(workstation, "id", None),
        username=state.get(STATE_USERNAME),
    )
    await refusal.response()(scope, receive, send)


class RequestGate:
    def __init__(
        self,
        app: ASGIApp,
        context: ServiceContext,
        hot_routes: Mapping[tuple[str, str], HotRoute] | None = None,
    ) -> None:
        self.app = app
        self.context = context
        self.limit = context.settings.server.max_body_bytes
        self.purger = NoncePurger()
        self.hot_routes = dict(hot_routes or {})  # (method, path) → route

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        try:
            body = await self._read_body(headers, receive)
        except Refusal as refusal:
            await send_refusal(refusal, scope, receive, send)
            return
        if body is None:
            return  # the client went away
        hot = self.hot_routes.get((scope["method"], scope["path"]))
        if hot is not None:
            await self._hot(hot, scope, headers, body, receive, send)
            return
        if scope["path"] not in PUBLIC_PATHS:
            try:
                workstation = await anyio.to_thread.run_sync(
                    self._authenticate, scope, headers, body
                )
            except Refusal as refusal:
                await send_refusal(refusal, scope, receive, send)
                return
            scope.setdefault("state", {})[STATE_WORKSTATION] = workstation
        scope.setdefault("state", {})[STATE_BODY] = body
        await self.app(scope, _replay(body, receive), send)

    async def _hot(
        self,
        route: HotRoute,
        scope: Scope,
        headers: Mapping[str, str],
        body: bytes,
        receive: Receive,
        send: Send,
    ) -> None:
        async def full_check() -> CallerWorkstation:
            workstation = await anyio.to_thread.run_sync(self._authenticate, scope, headers, body)
            scope.setdefault("state", {})[STATE_WORKSTATION] = workstation
            return workstation

        try:
            answer = await route(scope, headers, body, full_check)
        except Refusal as refusal:
            await send_refusal(refusal, scope, receive, send)
            return
        except RefusedAs as refused:
            await send_refusal(refused.refusal, scope, receive, send, refused.detail)
            return
        except DomainError as exc:
            said, detail = domain_refusal(exc)
            await send_refusal(said, scope, receive, send, detail)
            return
        except (psycopg.Error, DBAPIError) as exc:
            outage = Refusal(503, "database_unavailable", "the central database does not answer")
            detail = f"{outage.reason} ({type(exc).__name__})"
            await send_refusal(outage, scope, receive, send, detail)
            return
        headers_out = [*_JSON_HEADERS, (b"content-length", str(len(answer)).encode("ascii"))]
        await send({"type": "http.response.start", "status": 200, "headers": headers_out})
        await send({"type": "http.response.body", "body": answer})

    async def _read_body(self, headers: Mapping[str, str], receive: Receive) -> bytes | None:
        declared = headers.get("content-length")
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

    def _authenticate(
        self, scope: Scope, headers: Mapping[str, str], body: bytes
    ) -> CallerWorkstation:
        settings = self.context.settings
        try:
            workstation = authenticate(
                self.context.engine,
                self.context.clock,
                window=settings.server.clock_skew_seconds,
                halls=settings.halls,
                method=scope["method"],
                target=request_target(scope),
                headers=headers,
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
