"""Errors raised by the domain layer, each naming the field it is about.

The UI shows ``ValidationError.field`` next to the input and ``message`` in plain words, so
every message here is written for a teller, in English source text that the UI translates.
"""

from __future__ import annotations


class DomainError(Exception):
    """Base class for business-rule violations (never for programming errors)."""


class ValidationError(DomainError):
    """A value a user typed is not acceptable.

    ``field`` is the stable name of the form field (``"id_number"``), ``code`` a stable
    machine-readable reason (``"check_digit"``) so the UI can translate it, and ``message``
    an English explanation with the offending value where that helps.
    """

    def __init__(
        self, field: str, code: str, message: str, params: dict[str, str] | None = None
    ) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.code = code
        self.message = message
        self.params = params or {}


class ValidationErrors(DomainError):
    """Several fields failed at once; a form shows all of them together."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors


class PermissionDenied(DomainError):
    """The acting user's role does not allow the action."""

    def __init__(self, actor: str, permission: str) -> None:
        super().__init__(f"user {actor!r} lacks permission {permission!r}")
        self.actor = actor
        self.permission = permission


class Conflict(DomainError):
    """The action contradicts existing state (duplicate enrollment, stale data ...)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class CentralUnavailable(Exception):
    """The centre did not answer (down, unreachable, too slow); the message says which.

    Not a business error: the same request may succeed later, and nothing was changed.
    """


class CentralRefused(Exception):
    """The centre answered with a refusal: ``code`` is stable, ``reason`` is plain words."""

    def __init__(self, status: int, code: str, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.status = status
        self.code = code
        self.reason = reason
