"""Every refusal the core can raise has a text of its own: no code, field or permission reaches
the screen as it is stored, and no English service message is shown beside the text.

The codes, fields and permissions are read from the source (``tests/refusals.py``), so a new
one without a text fails here. The Chinese side of these texts is checked in
``tests/ui/test_validation_texts.py``.
"""

from __future__ import annotations

import datetime as dt

from refusals import conflict_codes, field_names, refused_permissions, validation_codes

from counter_app.domain.errors import Conflict, PermissionDenied, ValidationError
from counter_app.domain.roles import Permission
from counter_app.services.auth import LoginFailed
from counter_app.ui.errors import (
    conflict_text,
    describe,
    field_label,
    login_text,
    permission_label,
    permission_text,
)


def test_the_source_is_read() -> None:
    # The scan must see what is known to be there, or the checks below check nothing.
    assert {"already_enrolled", "not_insured", "stale_content", "duplicate_code"} <= set(
        conflict_codes()
    )
    assert "rejected" in conflict_codes()  # issue_certificate: `row.reason_code or "rejected"`
    assert {"subject", "note", "printer", "job", "id_number", "amount", "queue."} <= set(
        field_names()
    )
    assert {"required", "check_digit", "invalid", "state"} <= set(validation_codes())
    assert "an active account" in refused_permissions()


def test_every_conflict_code_has_a_text() -> None:
    unknown = conflict_text("no_such_code_at_all", "x")
    missing = [
        f"{code} ({where})"
        for code, where in sorted(conflict_codes().items())
        if conflict_text(code, "") in ("", unknown)
    ]
    assert missing == [], "conflict codes without a text:\n" + "\n".join(missing)


def test_every_validation_code_has_a_text() -> None:
    fallback = describe(ValidationError("", "no_such_code_at_all", "x"))
    missing = [
        f"{code} ({where})"
        for code, where in sorted(validation_codes().items())
        if describe(ValidationError("", code, "the English message")) in (fallback, "")
        or "English message" in describe(ValidationError("", code, "the English message"))
    ]
    assert missing == [], "validation codes without a text:\n" + "\n".join(missing)


def test_every_field_has_a_label() -> None:
    missing = [
        f"{field!r} ({where})"
        for field, where in sorted(field_names().items())
        if not field_label(field + "x" if field.endswith(".") else field)
    ]
    assert missing == [], "fields without a label:\n" + "\n".join(missing)


def test_a_field_name_never_reaches_the_text() -> None:
    for field in field_names():
        name = field.rstrip(".")
        text = describe(ValidationError(name, "required", "the English message"))
        # (a label may use the same word in plain English: "Contribution grade" for "grade")
        assert name not in text.replace(field_label(name), "").split(), text
        assert "English message" not in text, text
    assert describe(ValidationError("no_such_field", "required", "x")) == (
        "This field is required."
    )


def test_every_permission_has_a_label() -> None:
    missing = [p.value for p in Permission if not permission_label(p.value)]
    assert missing == []
    assert len({permission_label(p.value) for p in Permission}) == len(Permission)
    generic = permission_text("no_such_permission")
    for permission, where in refused_permissions().items():
        assert permission_text(permission) != generic, f"{permission!r} ({where})"


def test_a_refused_permission_is_named_by_its_label() -> None:
    text = describe(PermissionDenied("teller1", Permission.AUTHORIZE.value))
    assert "authorize on the spot" in text and "(authorize)" not in text
    text = describe(PermissionDenied("teller1", "an active account"))
    assert "an active account" not in text
    assert conflict_text(
        "PermissionDenied", "user 'teller1' lacks permission 'approve_cases'"
    ) == permission_text("approve_cases")


def test_a_conflict_shows_only_its_data() -> None:
    message = "110105********002X is already enrolled (insured number 4403000000012345)"
    text = describe(Conflict("already_enrolled", message))
    assert text == "This person is already enrolled (insured number 4403000000012345)."
    assert conflict_text("already_enrolled", "x is already enrolled (insured number —)") == (
        "This person is already enrolled."
    )
    text = conflict_text(
        "unknown_employer", "no insured employer has the credit code 91110000600037341L"
    )
    assert text == "No insured employer has the credit code 91110000600037341L."
    text = conflict_text("duplicate_code", "verification code ABCDE-FGHJK1 is already in use")
    assert "ABCDE-FGHJK1" in text and "in use" in text
    for code in conflict_codes():
        assert "\n" not in conflict_text(code, "an English service message")
        assert "English" not in conflict_text(code, "an English service message")
    # An unknown code: a translated sentence, never the message; without one, nothing.
    assert "English" not in conflict_text("new_code", "an English service message")
    assert conflict_text("new_code", "") == ""


def test_the_attempts_left_are_a_number_in_a_translated_sentence() -> None:
    failed = LoginFailed(
        "bad_credentials",
        "wrong user name or password (4 attempts left before lock-out)",
        attempts_left=4,
    )
    text = login_text(failed)
    assert text == ("Wrong user name or password. Attempts left before the account is locked: 4.")
    assert "lock-out" not in text
    assert login_text(LoginFailed("bad_credentials", "wrong")) == "Wrong user name or password."
    locked = LoginFailed("locked", "locked", dt.datetime(2026, 5, 4, 10, 15))
    assert login_text(locked).endswith("until 10:15.")
    assert "lock" in login_text(LoginFailed("locked", "x"))
