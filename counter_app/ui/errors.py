"""The one default error handler: turn any exception into a message a teller understands.

Known failures (validation, permissions, conflicts, offline centre, keyring, config) get a
translated explanation; anything else is logged with its traceback and shown as an
unexpected error with the log location, never as a raw traceback.

The services explain a refusal in English for the log; the screen shows a translated text
chosen by the stable code (``ValidationError.code`` and ``field``, ``Conflict.code``, the
permission, ``LoginFailed.code``), with only data — a number, a date — taken over. A field,
a code or a permission is never shown as it is stored.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from counter_app.catalogue.load import shipped_catalogue
from counter_app.config import ConfigError
from counter_app.domain.errors import (
    CentralUnavailable,
    Conflict,
    PermissionDenied,
    ValidationError,
    ValidationErrors,
)
from counter_app.domain.roles import Permission
from counter_app.items.registry import COMMAND_SPECS
from counter_app.keyring_store import SecretStoreUnavailable
from counter_app.services.auth import LoginFailed
from counter_app.ui.i18n import current_language

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


def describe(exc: BaseException) -> str:
    """A translated one-paragraph description of ``exc`` for a message box or status line."""
    if isinstance(exc, ValidationErrors):
        return "\n".join(describe(e) for e in exc.errors)
    if isinstance(exc, ValidationError):
        return describe_validation(exc)
    if isinstance(exc, PermissionDenied):
        log.info("permission refused: %s", exc)
        return permission_text(exc.permission)
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


def describe_validation(error: ValidationError) -> str:
    """One field error with the field's name in front, unless the text already names it."""
    text = validation_text(error)
    if _number_kind(error):
        return text  # the text says which number it is about
    label = field_label(error.field)
    if not label:
        return text
    return _fill(translate("Errors", "%1: %2"), label, text)


def field_label(field: str) -> str:
    """The translated name of a field a service or the domain refuses, or "" for a field
    without a known name (the text is then shown alone: a raw field name never is).

    Settings of the workstation file (``queue.aging_minutes``, ``printers.port``) are named
    by their section.
    """
    labels = {
        # the enrollment form and the people in it
        "id_number": translate("Errors", "ID number"),
        "name": translate("Errors", "Name"),
        "phone": translate("Errors", "Phone"),
        "address": translate("Errors", "Address"),
        "category": translate("Errors", "Category"),
        "insurance_types": translate("Errors", "Insurance types"),
        "start_date": translate("Errors", "Start date"),
        "employer_code": translate("Errors", "Employer credit code"),
        "credit_code": translate("Errors", "Credit code"),
        "amount": translate("Errors", "Amount"),
        "rows": translate("Errors", "Rows of the roster"),  # staff declarations
        # certificates
        "subject": translate("Errors", "Person or employer certified"),
        "kind": translate("Errors", "Kind of certificate"),
        "code": translate("Errors", "Verification code"),
        "as_of": translate("Errors", "Date of the certified data"),
        # printing
        "printer": translate("Errors", "Printer"),
        "job": translate("Errors", "Print job"),
        # queue calling, ratings and their follow-ups
        "ticket": translate("Errors", "Ticket"),
        "window": translate("Errors", "Window"),
        "windows": translate("Errors", "Window numbers"),
        "transfer": translate("Errors", "Transfer to"),
        "reason": translate("Errors", "Reason for the pause"),
        "level": translate("Errors", "Rating"),
        "note": translate("Errors", "What was done"),
        "follow_up": translate("Errors", "Follow-up"),
        # users and halls
        "username": translate("Errors", "User name"),
        "role": translate("Errors", "Role"),
        "password_hash": translate("Errors", "Password"),
        "hall_code": translate("Errors", "Hall"),
        # the items of the catalogue (their form fields are named by the catalogue itself)
        "bundle": translate("Errors", "Life event"),
        "bundles": translate("Errors", "Life events of the catalogue"),
        "catalogue_version": translate("Errors", "Catalogue version"),
        "change_date": translate("Errors", "Date of the change"),
        "contact_letter_no": translate("Errors", "Contact letter number"),
        "content_hash": translate("Errors", "Catalogue fingerprint"),
        "contributions": translate("Errors", "Contributions"),
        "groups": translate("Errors", "Groups of the catalogue"),
        "heir_id_number": translate("Errors", "Heir's ID number"),
        "heir_name": translate("Errors", "Heir's name"),
        "heir_relation": translate("Errors", "Heir's relation"),
        "hukou_place": translate("Errors", "Place of household registration"),
        "hukou_type": translate("Errors", "Household registration type"),
        "invoice_number": translate("Errors", "Invoice number"),
        "item_code": translate("Errors", "Item"),
        "items": translate("Errors", "Items of the catalogue"),
        "lines": translate("Errors", "Months"),
        "materials": translate("Errors", "Materials"),
        "new_birth_date": translate("Errors", "New birth date"),
        "new_id_number": translate("Errors", "New ID number"),
        "new_name": translate("Errors", "New name"),
        "new_sex": translate("Errors", "New sex"),
        "parts": translate("Errors", "Items"),
        "region": translate("Errors", "Region"),
        "source": translate("Errors", "Source of the amounts"),
        "staff": translate("Errors", "Staff"),
        "version": translate("Errors", "Catalogue version"),
        "wage": translate("Errors", "Wage"),
        "what": translate("Errors", "What to show"),
        "work_injury_class": translate("Errors", "Industry risk class"),
        "yearly": translate("Errors", "Yearly sums"),
        # the workstation's configuration file, by section
        "queue": translate("Errors", "Queue settings of this workstation"),
        "printers": translate("Errors", "Printer settings of this workstation"),
    }
    return (
        labels.get(field)
        or labels.get(field.split(".", 1)[0], "")
        or catalogue_field_label(field.split(".", 1)[0])
    )


def catalogue_field_label(field: str) -> str:
    """The label the service catalogue gives a form field of that name ("" for none): the
    fields of the items' forms are named in the catalogue, in both languages."""
    for item in shipped_catalogue().items:
        for declared in item.fields:
            if declared.name == field:
                return text_of(declared.label_zh, declared.label_en)
    return ""


def spec_conflict_text(code: str) -> str | None:
    """The text an ``ItemSpec`` declares for a conflict code it raises (None: none does)."""
    for spec in COMMAND_SPECS:
        text = spec.conflicts.get(code)
        if text is not None:
            return text_of(text.zh, text.en)
    return None


def text_of(zh: str, en: str) -> str:
    return zh if current_language().startswith("zh") else en


def permission_label(permission: str) -> str:
    """The translated name of a ``Permission`` (its value), or "" for another value."""
    labels = {
        Permission.SERVE_CUSTOMERS.value: translate("Errors", "serve customers"),
        Permission.ACCEPT_CASES.value: translate("Errors", "accept cases"),
        Permission.REVIEW_CASES.value: translate("Errors", "review cases"),
        Permission.APPROVE_CASES.value: translate("Errors", "approve cases"),
        Permission.AUTHORIZE.value: translate("Errors", "authorize on the spot"),
        Permission.VIEW_FULL_ID.value: translate("Errors", "view full ID numbers"),
        Permission.MANAGE_USERS.value: translate("Errors", "manage users"),
        Permission.SYNC.value: translate("Errors", "synchronise with the central database"),
    }
    return labels.get(permission, "")


# What ``PermissionDenied.permission`` holds when the account itself is refused
# (services/command_bus.py, sync/central.py).
_ACTIVE_ACCOUNT = "an active account"
_SYSTEM_ONLY = "system commands come only from the admin CLI"


def permission_text(permission: str) -> str:
    """Why the user may not do this: the permission their role lacks, by its label."""
    if permission == _ACTIVE_ACCOUNT:
        return translate("Errors", "This account is unknown or disabled.")
    if permission == _SYSTEM_ONLY:
        return translate("Errors", "Only the administration tool may do this.")
    label = permission_label(permission)
    if not label:
        return translate("Errors", "You are not allowed to do this.")
    return _fill(
        translate("Errors", "You are not allowed to do this: your role may not %1."), label
    )


# Codes the verification-code parser (printing/verification.py, field "code") raises.
_VERIFICATION_CODES = frozenset({"length", "format", "check_digit", "wrong_document"})


def _number_kind(error: ValidationError) -> str:
    """Which number an error is about: "id_number", "credit_code", "verification_code" or ""."""
    kind = error.params.get("kind", "")
    if kind in ("id_number", "credit_code"):
        return kind
    if error.field == "id_number":
        return "id_number"
    if error.field in ("credit_code", "employer_code"):
        return "credit_code"
    if error.field == "code" and error.code in _VERIFICATION_CODES:
        return "verification_code"
    return ""


def _date(yyyymmdd: str) -> str:
    return f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:]}" if len(yyyymmdd) == 8 else yyyymmdd


def _fill(text: str, *values: str) -> str:
    for number, value in enumerate(values, start=1):
        text = text.replace(f"%{number}", value)
    return text


def validation_text(error: ValidationError) -> str:
    """A translated explanation of one field error, by its stable code and the number's kind."""
    kind, code, p = _number_kind(error), error.code, error.params
    if kind == "id_number":
        text = _id_number_text(code, p)
    elif kind == "credit_code":
        text = _credit_code_text(code, p)
    elif kind == "verification_code":
        text = _verification_code_text(code, p)
    else:
        text = None
    return text if text is not None else _generic_text(error)


def _id_number_text(code: str, p: dict[str, str]) -> str | None:
    if code == "required":
        return translate("Errors", "Enter the ID number.")
    if code == "character" and "position" in p:
        return _fill(
            translate(
                "Errors",
                "Character %1 of the ID number, “%2” (%3), is not allowed: an ID number has "
                "only digits and, as its last character, X.",
            ),
            p["position"],
            p.get("char", ""),
            p.get("codepoint", ""),
        )
    if code == "length" and "actual" in p:
        return _fill(
            translate("Errors", "An ID number has 18 characters; %1 were entered."), p["actual"]
        )
    if code == "format":
        return translate("Errors", "Only the last character of an ID number may be X.")
    if code == "region" and "prefix" in p:
        return _fill(
            translate(
                "Errors",
                "The ID number begins with %1, which is not a province code; "
                "please re-read the number from the card.",
            ),
            p["prefix"],
        )
    if code == "birth_date" and "date" in p:
        if p.get("reason") == "range":
            source = translate(
                "Errors",
                "The birth date in the ID number (%1) is in the future or before 1880; "
                "please re-read the number.",
            )
        else:
            source = translate(
                "Errors",
                "The birth date in the ID number (%1) is not a real date; "
                "please re-read the number.",
            )
        return _fill(source, _date(p["date"]))
    if code == "check_digit":
        return translate(
            "Errors",
            "The ID number does not add up: its last character (the check digit) does not "
            "match the other digits. One of them is probably mistyped; please re-read the "
            "whole number from the card.",
        )
    return None


def _credit_code_text(code: str, p: dict[str, str]) -> str | None:
    if code == "required":
        return translate("Errors", "Enter the unified social credit code.")
    if code == "character" and "position" in p:
        return _fill(
            translate(
                "Errors",
                "Character %1 of the credit code, “%2” (%3), is not allowed: a credit code has "
                "digits and capital letters, never I, O, S, V or Z.",
            ),
            p["position"],
            p.get("char", ""),
            p.get("codepoint", ""),
        )
    if code == "length" and "actual" in p:
        return _fill(
            translate("Errors", "A credit code has 18 characters; %1 were entered."),
            p["actual"],
        )
    if code == "authority" and "authority" in p:
        return _fill(
            translate(
                "Errors",
                "The first character of the credit code (%1) is not a registration authority "
                "code; please re-read the code.",
            ),
            p["authority"],
        )
    if code == "category" and "category" in p:
        return _fill(
            translate(
                "Errors",
                "The second character of the credit code (%1) is not an organisation category "
                "code; please re-read the code.",
            ),
            p["category"],
        )
    if code == "region" and "region" in p:
        return _fill(
            translate(
                "Errors",
                "Characters 3 to 8 of the credit code (%1) are not an administrative division "
                "code; please re-read the code.",
            ),
            p["region"],
        )
    if code == "org_code_check" and "org_code" in p:
        return _fill(
            translate(
                "Errors",
                "Characters 9 to 17 of the credit code (the organisation code %1) do not add "
                "up; one of them is probably mistyped. Please re-read the code from the "
                "business licence or registration certificate.",
            ),
            p["org_code"],
        )
    if code == "check_digit":
        return translate(
            "Errors",
            "The credit code does not add up: its last character (the check character) does "
            "not match the others. One of them is probably mistyped; please re-read the whole "
            "code from the business licence or registration certificate.",
        )
    return None


def _verification_code_text(code: str, p: dict[str, str]) -> str | None:
    if code == "length" and "expected" in p and "actual" in p:
        return _fill(
            translate("Errors", "A verification code has %1 characters; %2 were entered."),
            p["expected"],
            p["actual"],
        )
    if code == "format" and p.get("characters"):
        return _fill(
            translate("Errors", "A verification code has no characters like %1."),
            p["characters"],
        )
    if code == "format":
        return translate("Errors", "This is not a certificate's verification code.")
    if code == "wrong_document" and p.get("case_no"):
        return _fill(
            translate(
                "Errors",
                "This QR code is on the acceptance receipt of case %1, not on a certificate.",
            ),
            p["case_no"],
        )
    if code == "wrong_document":
        return translate(
            "Errors", "This QR code is on an acceptance receipt, not on a certificate."
        )
    if code == "check_digit":
        return translate(
            "Errors",
            "The verification code is mistyped: its check character does not match. "
            "Please compare it with the certificate again.",
        )
    return None


def _generic_text(error: ValidationError) -> str:
    """Texts by code alone, for fields without a more specific wording."""
    if error.code == "too_large" and "limit" in error.params:
        return _fill(translate("Errors", "The amount must not exceed %1."), error.params["limit"])
    text = _code_texts().get(error.code)
    if text is None:
        log.info("no text for %s/%s: %s", error.field, error.code, error.message)
        return translate("Errors", "This value is not accepted.")
    if error.code == "invalid":  # a setting of the workstation file: the detail is for the log
        log.warning("invalid setting %s: %s", error.field, error.message)
    return text


def _code_texts() -> dict[str, str]:
    """The translated text of each ``ValidationError.code``."""
    return {
        "after_as_of": translate(
            "Errors", "A contribution is dated after the day the account is settled."
        ),
        "before_start": translate("Errors", "The month is before the insurance started."),
        "birth_date_mismatch": translate(
            "Errors", "The birth date does not agree with the ID number."
        ),
        "bundle_required": translate(
            "Errors", "Several items are accepted together only as one life event."
        ),
        "control_character": translate(
            "Errors", "The text holds invisible control or direction characters; type it again."
        ),
        "duplicate": translate("Errors", "The same entry appears twice."),
        "duplicate_month": translate("Errors", "The same month is listed twice."),
        "future_date": translate("Errors", "The date must not be in the future."),
        "grade_not_offered": translate(
            "Errors", "This contribution grade is not offered in the region."
        ),
        "grades_only": translate(
            "Errors", "Here the base is chosen from the published grades only."
        ),
        "merged_type": translate(
            "Errors",
            "This insurance is paid together with another one here (e.g. maternity with medical).",
        ),
        "mismatch": translate("Errors", "The value does not match what it must agree with."),
        "missing": translate("Errors", "Something required is missing."),
        "no_credited_rate": translate(
            "Errors", "The credited interest rate of that year is not published yet."
        ),
        "no_rate": translate(
            "Errors", "No contribution rate is recorded for this insurance in the region."
        ),
        "no_records": translate("Errors", "No contribution records were found."),
        "no_table": translate("Errors", "No contribution table covers that month in the region."),
        "not_in_bundle": translate("Errors", "An item is not part of this life event."),
        "not_of_age": translate("Errors", "The statutory retirement age has not been reached."),
        "not_overdue": translate("Errors", "The month is not overdue yet."),
        "out_of_range": translate("Errors", "The value is outside the allowed range."),
        "own_form": translate("Errors", "This item is accepted on its own form."),
        "same_person": translate("Errors", "The heir cannot be the insured person."),
        "sex_mismatch": translate("Errors", "The sex does not agree with the ID number."),
        "too_long": translate("Errors", "The text is too long."),
        "too_many": translate("Errors", "Too many entries at once; split them into several cases."),
        "too_many_months": translate("Errors", "Too many months at once."),
        "unchanged": translate("Errors", "The new value is the same as the recorded one."),
        "unknown_class": translate("Errors", "Unknown industry risk class."),
        "unknown_field": translate("Errors", "This item has no such field."),
        "unknown_material": translate(
            "Errors", "A material that is not on the item's list was ticked."
        ),
        "unknown_region": translate("Errors", "Unknown region of the contribution tables."),
        "unknown_type": translate("Errors", "Unknown insurance type."),
        "malformed": translate("Errors", "The value has the wrong form."),
        "required": translate("Errors", "This field is required."),
        "length": translate("Errors", "The length is wrong."),
        "format": translate("Errors", "The format is wrong."),
        "character": translate("Errors", "The value holds a character that is not allowed."),
        "birth_date": translate("Errors", "The birth date in the ID number is impossible."),
        "region": translate("Errors", "The region code in the number is not valid."),
        "authority": translate("Errors", "The registration authority code is not valid."),
        "category": translate("Errors", "The organisation category code is not valid."),
        "org_code_check": translate(
            "Errors", "The organisation code inside the credit code is mistyped."
        ),
        "check_digit": translate(
            "Errors", "The check character does not match; please re-read the number."
        ),
        "negative": translate("Errors", "The amount must not be negative."),
        "too_large": translate("Errors", "The amount is too large."),
        "range": translate("Errors", "The value is outside the allowed range."),
        "age": translate("Errors", "The person is too young to be enrolled as a worker."),
        "not_allowed": translate("Errors", "This is not allowed for the chosen category."),
        "choice": translate("Errors", "Choose one of the offered values."),
        "unknown": translate("Errors", "This value is unknown."),
        "state": translate("Errors", "This is not possible in the current state."),
        "invalid": translate(
            "Errors",
            "This setting in the workstation's configuration file is not valid; "
            "please ask the administrator to correct it.",
        ),
        "wrong_document": translate("Errors", "This is not the document asked for."),
        "too_many_rows": translate(
            "Errors", "Too many rows for one declaration; split the roster into several files."
        ),
    }


# The data a conflict's English message carries that its text shows (services/enrollment.py,
# services/certificates.py word them so).
_INSURED_NUMBER = re.compile(r"insured number ([^\s()]+)")
_CREDIT_CODE = re.compile(r"\b([0-9A-Z]{18})\b")
_VERIFICATION_CODE = re.compile(r"verification code (\S+) is already")
# rejection_reason (sync/central.py) names an exception without a code by its class.
_LACKED_PERMISSION = re.compile(r"lacks permission '([^']*)'")


def _found(pattern: re.Pattern[str], message: str) -> str:
    match = pattern.search(message)
    value = match.group(1) if match else ""
    return "" if value in ("", "—", "-") else value


def conflict_text(code: str, message: str) -> str:
    """The translated reason of a refusal by its code (a ``Conflict``'s, or a rejection's
    ``reason_code``), with only data taken over from the English ``message``, which goes to
    the log. "" for an unknown code without a message.
    """
    if message:
        log.info("refused (%s): %s", code, message)
    text = _conflict_text(code, message)
    if text is not None:
        return text
    text = spec_conflict_text(code)
    if text is not None:
        return text
    if code == "PermissionDenied":
        return permission_text(_found(_LACKED_PERMISSION, message))
    if code in _code_texts():  # a field's rule, checked again by the centre
        return _generic_text(ValidationError("", code, message))
    if not message:
        return ""
    return translate("Errors", "This cannot be done: it contradicts the records.")


def _conflict_text(code: str, message: str) -> str | None:
    """The text of a ``Conflict`` code the services raise, or None for another code."""
    if code == "already_enrolled":
        number = _found(_INSURED_NUMBER, message)
        if number:
            return _fill(
                translate("Errors", "This person is already enrolled (insured number %1)."),
                number,
            )
        return translate("Errors", "This person is already enrolled.")
    if code == "unknown_employer":
        credit_code = _found(_CREDIT_CODE, message)
        if credit_code:
            return _fill(
                translate("Errors", "No insured employer has the credit code %1."), credit_code
            )
        return translate("Errors", "No insured employer has this credit code.")
    if code == "duplicate_code":
        verification_code = _found(_VERIFICATION_CODE, message)
        if verification_code:
            return _fill(
                translate(
                    "Errors",
                    "The verification code %1 is already in use; please issue the "
                    "certificate again.",
                ),
                verification_code,
            )
        return translate(
            "Errors",
            "This verification code is already in use; please issue the certificate again.",
        )
    texts = {
        "name_mismatch": translate(
            "Errors",
            "The registry holds another name for this ID number; "
            "a key-data correction is needed first.",
        ),
        "not_insured": translate(
            "Errors", "This person is not insured; no proof of insurance can be issued."
        ),
        "stale_content": translate(
            "Errors",
            "The central database holds other data than this workstation; please synchronise "
            "and issue the certificate again.",
        ),
        "rejected": translate("Errors", "The central database refused this."),
        # services/queue.call_next: the click's key was already used elsewhere
        "call_key_used": translate(
            "Errors", "This call was already made at another window; call the next one again."
        ),
        # sync/central.py: several fields refused at once
        "invalid": translate("Errors", "Several entries were not accepted."),
    }
    return texts.get(code)


def login_text(exc: LoginFailed) -> str:
    """Why a login failed; the attempts left before the lock-out, when known."""
    if exc.code == "locked" and exc.locked_until is not None:
        return translate(
            "Errors", "Too many wrong passwords. The account is locked until %1."
        ).replace("%1", exc.locked_until.strftime("%H:%M"))
    if exc.code == "locked":
        return translate("Errors", "Too many wrong passwords. The account is locked.")
    if exc.code == "inactive":
        return translate("Errors", "This account is disabled.")
    if exc.attempts_left is not None:
        return _fill(
            translate(
                "Errors",
                "Wrong user name or password. Attempts left before the account is locked: %1.",
            ),
            str(exc.attempts_left),
        )
    return translate("Errors", "Wrong user name or password.")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(parent, translate("Errors", "Error"), describe(exc))
