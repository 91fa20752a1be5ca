"""The one default error handler: turn any exception into a message a teller understands.

Known failures (validation, permissions, conflicts, offline centre, keyring, config) get a
translated explanation; anything else is logged with its traceback and shown as an
unexpected error with the log location, never as a raw traceback.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from counter_app.config import ConfigError
from counter_app.domain.errors import (
    Conflict,
    PermissionDenied,
    ValidationError,
    ValidationErrors,
)
from counter_app.keyring_store import SecretStoreUnavailable
from counter_app.services.auth import LoginFailed
from counter_app.services.workstation import CentralUnavailable

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


def describe(exc: BaseException) -> str:
    """A translated one-paragraph description of ``exc`` for a message box or status line."""
    if isinstance(exc, ValidationErrors):
        return "\n".join(describe(e) for e in exc.errors)
    if isinstance(exc, ValidationError):
        return f"{field_label(exc.field)}: {validation_text(exc)}"
    if isinstance(exc, PermissionDenied):
        return translate("Errors", "You are not allowed to do this.") + f" ({exc.permission})"
    if isinstance(exc, Conflict):
        return conflict_text(exc.code, exc.message)
    if isinstance(exc, LoginFailed):
        return login_text(exc)
    if isinstance(exc, CentralUnavailable):
        return translate("Errors", "The central database cannot be reached.") + "\n" + str(exc)
    if isinstance(exc, SecretStoreUnavailable):
        return translate("Errors", "The system keyring is not usable.") + "\n" + str(exc)
    if isinstance(exc, ConfigError):
        return (
            translate("Errors", "The configuration file is not valid.")
            + f"\n{exc.path}\n{exc.message}"
        )
    log.error("unexpected error", exc_info=exc)
    return (
        translate("Errors", "An unexpected error occurred; it has been logged.")
        + f"\n{type(exc).__name__}"
    )


def field_label(field: str) -> str:
    labels = {
        "id_number": translate("Errors", "ID number"),
        "name": translate("Errors", "Name"),
        "phone": translate("Errors", "Phone"),
        "address": translate("Errors", "Address"),
        "category": translate("Errors", "Category"),
        "insurance_types": translate("Errors", "Insurance types"),
        "start_date": translate("Errors", "Start date"),
        "employer_code": translate("Errors", "Employer credit code"),
    }
    return labels.get(field, field)


def validation_text(error: ValidationError) -> str:
    """A translated explanation of one field error, by its stable code."""
    texts = {
        "required": translate("Errors", "This field is required."),
        "length": translate("Errors", "The length is wrong."),
        "format": translate("Errors", "The format is wrong."),
        "birth_date": translate("Errors", "The birth date in the ID number is impossible."),
        "range": translate("Errors", "The value is outside the allowed range."),
        "age": translate("Errors", "The person is too young to be enrolled as a worker."),
        "not_allowed": translate("Errors", "This is not allowed for the chosen category."),
        "choice": translate("Errors", "Choose one of the offered values."),
        "unknown": translate("Errors", "This value is unknown."),
    }
    if error.code == "check_digit":
        return translate(
            "Errors", "The check digit is wrong (it should be %1); please re-read the number."
        ).replace("%1", error.params.get("expected", "?"))
    return texts.get(error.code, error.message)


def conflict_text(code: str, message: str) -> str:
    known = {
        "already_enrolled": translate("Errors", "This person is already enrolled."),
        "unknown_employer": translate("Errors", "No insured employer has this credit code."),
        "name_mismatch": translate(
            "Errors",
            "The registry holds another name for this ID number; "
            "a key-data correction is needed first.",
        ),
    }
    return known.get(code, message) + (f"\n{message}" if code in known else "")


def login_text(exc: LoginFailed) -> str:
    if exc.code == "locked" and exc.locked_until is not None:
        return translate(
            "Errors", "Too many wrong passwords. The account is locked until %1."
        ).replace("%1", exc.locked_until.strftime("%H:%M"))
    if exc.code == "inactive":
        return translate("Errors", "This account is disabled.")
    return (
        translate("Errors", "Wrong user name or password.")
        + " "
        + exc.message.split("(")[-1].rstrip(")")
    )


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(parent, translate("Errors", "Error"), describe(exc))
