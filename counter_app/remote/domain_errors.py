"""Business refusals on the wire: a ``DomainError`` raised in the service arrives as itself.

The service answers a business-rule violation with a 4xx body that carries the error's type
and fields (``domain``); the client raises the same exception type again, so the screens
word a refusal from the centre exactly like one found locally. Only known types travel;
anything else becomes ``CentralRefused``.
"""

from __future__ import annotations

from typing import Any

from counter_app.domain.errors import (
    CentralRefused,
    Conflict,
    DomainError,
    PermissionDenied,
    ValidationError,
    ValidationErrors,
)
from counter_app.services.queue import WindowPaused


def _validation(exc: ValidationError) -> dict[str, Any]:
    return {"field": exc.field, "code": exc.code, "message": exc.message, "params": exc.params}


def domain_body(exc: DomainError) -> tuple[int, dict[str, Any]]:
    """The HTTP status and body for ``exc``."""
    detail: dict[str, Any]
    if isinstance(exc, ValidationError):
        status, detail = 422, {"type": "validation", **_validation(exc)}
    elif isinstance(exc, ValidationErrors):
        status = 422
        detail = {"type": "validations", "errors": [_validation(e) for e in exc.errors]}
    elif isinstance(exc, PermissionDenied):
        status = 403
        detail = {"type": "permission", "actor": exc.actor, "permission": exc.permission}
    elif isinstance(exc, WindowPaused):
        status, detail = 409, {"type": "window_paused", "message": exc.message}
    elif isinstance(exc, Conflict):
        status, detail = 409, {"type": "conflict", "code": exc.code, "message": exc.message}
    else:
        status, detail = 409, {"type": "conflict", "code": "refused", "message": str(exc)}
    code = str(detail.get("code") or detail["type"])
    return status, {"error": code, "reason": str(exc), "domain": detail}


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _validation_from(detail: dict[str, Any]) -> ValidationError:
    params = detail.get("params")
    return ValidationError(
        _str(detail.get("field")),
        _str(detail.get("code")),
        _str(detail.get("message")),
        {str(k): str(v) for k, v in params.items()} if isinstance(params, dict) else None,
    )


def raise_refusal(status: int, body: object) -> None:
    """Raise the exception a refusal body stands for (always raises)."""
    if not isinstance(body, dict):
        raise CentralRefused(status, "http_error", f"HTTP {status}")
    detail = body.get("domain")
    if isinstance(detail, dict):
        kind = detail.get("type")
        if kind == "validation":
            raise _validation_from(detail)
        if kind == "validations":
            errors = detail.get("errors")
            raise ValidationErrors(
                [_validation_from(e) for e in errors if isinstance(e, dict)]
                if isinstance(errors, list)
                else []
            )
        if kind == "permission":
            raise PermissionDenied(_str(detail.get("actor")), _str(detail.get("permission")))
        if kind == "window_paused":
            error = WindowPaused(0, "")
            error.message = _str(detail.get("message"))
            error.args = (error.message,)
            raise error
        if kind == "conflict":
            raise Conflict(_str(detail.get("code")), _str(detail.get("message")))
    raise CentralRefused(status, _str(body.get("error")) or "refused", _str(body.get("reason")))
