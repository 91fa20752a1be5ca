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


def tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def describe(exc: BaseException) -> str:
    """A translated one-paragraph description of ``exc`` for a message box or status line."""
    if isinstance(exc, ValidationErrors):
        return "\n".join(describe(e) for e in exc.errors)
    if isinstance(exc, ValidationError):
        return f"{field_label(exc.field)}: {validation_text(exc)}"
    if isinstance(exc, PermissionDenied):
        return tr("You are not allowed to do this.") + f" ({exc.permission})"
    if isinstance(exc, Conflict):
        return conflict_text(exc.code, exc.message)
    if isinstance(exc, LoginFailed):
        return login_text(exc)
    if isinstance(exc, CentralUnavailable):
        return tr("The central database cannot be reached.") + "\n" + str(exc)
    if isinstance(exc, SecretStoreUnavailable):
        return tr("The system keyring is not usable.") + "\n" + str(exc)
    if isinstance(exc, ConfigError):
        return tr("The configuration file is not valid.") + f"\n{exc.path}\n{exc.message}"
    log.error("unexpected error", exc_info=exc)
    return tr("An unexpected error occurred; it has been logged.") + f"\n{type(exc).__name__}"


def field_label(field: str) -> str:
    labels = {
        "id_number": tr("ID number"),
        "name": tr("Name"),
        "phone": tr("Phone"),
        "address": tr("Address"),
        "category": tr("Category"),
        "insurance_types": tr("Insurance types"),
        "start_date": tr("Start date"),
        "employer_code": tr("Employer credit code"),
    }
    return labels.get(field, field)


def validation_text(error: ValidationError) -> str:
    """A translated explanation of one field error, by its stable code."""
    texts = {
        "required": tr("This field is required."),
        "length": tr("The length is wrong."),
        "format": tr("The format is wrong."),
        "birth_date": tr("The birth date in the ID number is impossible."),
        "range": tr("The value is outside the allowed range."),
        "age": tr("The person is too young to be enrolled as a worker."),
        "not_allowed": tr("This is not allowed for the chosen category."),
        "choice": tr("Choose one of the offered values."),
        "unknown": tr("This value is unknown."),
    }
    if error.code == "check_digit":
        return (
            tr("The check digit is wrong (it should be %1); please re-read the number.")
            .replace("%1", error.params.get("expected", "?"))
        )
    return texts.get(error.code, error.message)


def conflict_text(code: str, message: str) -> str:
    known = {
        "already_enrolled": tr("This person is already enrolled."),
        "unknown_employer": tr("No insured employer has this credit code."),
        "name_mismatch": tr(
            "The registry holds another name for this ID number; a key-data correction is "
            "needed first."
        ),
    }
    return known.get(code, message) + (f"\n{message}" if code in known else "")


def login_text(exc: LoginFailed) -> str:
    if exc.code == "locked" and exc.locked_until is not None:
        return tr("Too many wrong passwords. The account is locked until %1.").replace(
            "%1", exc.locked_until.strftime("%H:%M")
        )
    if exc.code == "inactive":
        return tr("This account is disabled.")
    return tr("Wrong user name or password.") + " " + exc.message.split("(")[-1].rstrip(")")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(parent, tr("Error"), describe(exc))
