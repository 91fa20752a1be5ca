"""Turning every kind of failure inside an endpoint into a logged refusal with a reason.

Refusals raised by the service, pydantic validation errors (422: the location and the
message, never the offending value), routing errors (404, 405) and database outages (503)
all answer ``{"error": code, "reason": text}`` and are logged through ``log_refusal``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from counter_app.domain.errors import DomainError
from counter_app.remote.domain_errors import domain_body
from counter_central.context import STATE_USERNAME, STATE_WORKSTATION
from counter_central.refusals import Refusal, log_refusal, safe_location


def _log(request: Request, refusal: Refusal, detail: str = "") -> None:
    state: dict[str, Any] = request.scope.setdefault("state", {})
    if refusal.username:
        state.setdefault(STATE_USERNAME, refusal.username)
    shown = Refusal(
        refusal.status,
        refusal.code,
        detail or refusal.reason,
        username=refusal.username,
        workstation=refusal.workstation,
    )
    log_refusal(
        shown,
        method=request.method,
        path=request.url.path,
        workstation=getattr(state.get(STATE_WORKSTATION), "id", None),
        username=state.get(STATE_USERNAME),
    )


async def on_refusal(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refusal)
    _log(request, exc)
    return exc.response()


def validation_refusal(errors: Sequence[Any]) -> tuple[Refusal, str]:
    """The 422 refusal for pydantic's errors, and what the log may say of it: locations and
    error types only, as a message may quote part of the input."""
    problems = [
        {
            "loc": safe_location(error.get("loc", ())),
            "type": str(error.get("type", "")),
            "msg": str(error.get("msg", "")),
        }
        for error in errors[:20]
    ]
    reason = "; ".join(f"{p['loc']}: {p['msg']}" for p in problems) or "invalid request"
    refusal = Refusal(422, "invalid_request", reason, extra={"problems": problems})
    return refusal, "; ".join(f"{p['loc']}: {p['type']}" for p in problems)


async def on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    refusal, detail = validation_refusal(exc.errors())
    _log(request, refusal, detail)
    return refusal.response()


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
    refusal = Refusal(exc.status_code, code, str(exc.detail), headers=exc.headers)
    _log(request, refusal)
    return refusal.response()


async def on_database_error(request: Request, exc: Exception) -> Response:
    refusal = Refusal(503, "database_unavailable", "the central database does not answer")
    _log(request, refusal, f"{refusal.reason} ({type(exc).__name__})")
    return refusal.response()


async def on_domain_error(request: Request, exc: Exception) -> Response:
    """A business rule said no: the error travels as itself (``remote.domain_errors``).

    Logged by type, code and field only: a message may quote what was typed (an ID number).
    """
    assert isinstance(exc, DomainError)
    refusal, detail = domain_refusal(exc)
    _log(request, refusal, detail)
    return refusal.response()


def domain_refusal(exc: DomainError) -> tuple[Refusal, str]:
    """The refusal a business rule's "no" travels as, and what the log may say of it."""
    status, body = domain_body(exc)
    detail = body["domain"]
    refusal = Refusal(status, str(body["error"]), str(body["reason"]), extra={"domain": detail})
    return (
        refusal,
        f"{detail.get('type')} {detail.get('code', '')} {detail.get('field', '')}".strip(),
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, on_domain_error)
    app.add_exception_handler(Refusal, on_refusal)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(DBAPIError, on_database_error)
