"""What a teller reads when an ID number, credit code, verification code or amount is refused,
and when a conflict, a permission or a login refuses what was asked.

The errors come from the real validators; each text must speak of the number that was typed
(a credit code is never called an ID number), must not hint at a "correct" check digit (a
refused check character nearly always means another character is mistyped), and on a Chinese
screen must contain no English. The Chinese run compiles
``resources/translations/counter_app_zh_CN.ts``, or the file ``COUNTER_TEST_TS`` names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication
from refusals import conflict_codes, field_names, refused_permissions, validation_codes
from sqlalchemy.orm import Session
from standards import gb11643_id, gb32100_check, gb32100_code

from counter_app.client.workstation import Workstation
from counter_app.domain.errors import Conflict, PermissionDenied, ValidationError
from counter_app.domain.ids import IdNumber, Uscc
from counter_app.domain.money import money
from counter_app.domain.roles import Permission
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.printing.verification import parse_code
from counter_app.services.auth import LoginFailed
from counter_app.storage.shared_models import InsuredPersonRow
from counter_app.ui.errors import conflict_text, describe, validation_text

ASCII_WORD = re.compile(r"[A-Za-z]{3,}")


def refusal(action: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        action()
    return caught.value


ID_ERRORS: dict[str, Callable[[], object]] = {
    "required": lambda: IdNumber.parse(""),
    "character": lambda: IdNumber.parse("¹1010519491231002X"),
    "length": lambda: IdNumber.parse("1101051949123100"),
    "format": lambda: IdNumber.parse("1101X519491231002X"),
    "region": lambda: IdNumber.parse(gb11643_id("99000019800101001")),
    "birth_date": lambda: IdNumber.parse(gb11643_id("11010519800230001")),
    "check_digit": lambda: IdNumber.parse("110105194912310022"),
}
CREDIT_ERRORS: dict[str, Callable[[], object]] = {
    "required": lambda: Uscc.parse(" "),
    "character": lambda: Uscc.parse("91110000600O37341L"),
    "length": lambda: Uscc.parse("91110000600037341"),
    "authority": lambda: Uscc.parse(gb32100_code("B1110000", "60003734")),
    "category": lambda: Uscc.parse(gb32100_code("90110000", "60003734")),
    "region": lambda: Uscc.parse(gb32100_code("91990000", "60003734")),
    "org_code_check": lambda: Uscc.parse("91110000600037342" + gb32100_check("91110000600037342")),
    "check_digit": lambda: Uscc.parse("91110000600037341M", field="employer_code"),
}
CODE_ERRORS: dict[str, Callable[[], object]] = {
    "length": lambda: parse_code("ABC"),
    "check_digit": lambda: parse_code(_mistyped_code()),
    "wrong_document": lambda: parse_code("COUNTER-CASE:HALL01-20261124-00001"),
}
MONEY_ERRORS: dict[str, Callable[[], object]] = {
    "format": lambda: money("abc"),
    "negative": lambda: money("-1"),
    "too_large": lambda: money("1e30"),
}


def _mistyped_code() -> str:
    from counter_app.printing.verification import make_code

    code = make_code("personal", "1", "hash")
    return code[:-1] + ("0" if code[-1] != "0" else "1")


def all_errors() -> list[ValidationError]:
    return [refusal(a) for group in (ID_ERRORS, CREDIT_ERRORS, CODE_ERRORS, MONEY_ERRORS)
            for a in group.values()]  # fmt: skip


def test_each_validator_raises_the_code_the_texts_expect() -> None:
    for group in (ID_ERRORS, CREDIT_ERRORS, CODE_ERRORS, MONEY_ERRORS):
        for code, action in group.items():
            assert refusal(action).code == code


def test_english_texts_name_the_number_that_was_typed(qapp: QApplication) -> None:
    for action in ID_ERRORS.values():
        text = describe(refusal(action))
        assert "ID number" in text and "credit code" not in text, text
    for action in CREDIT_ERRORS.values():
        text = describe(refusal(action))
        assert "credit code" in text and "ID number" not in text, text
    for action in CODE_ERRORS.values():
        text = describe(refusal(action))
        assert "code" in text and "ID number" not in text and "credit" not in text, text
    for text in map(describe, all_errors()):
        assert "%" not in text and "?" not in text, text


def test_details_are_shown(qapp: QApplication) -> None:
    assert "“¹” (U+00B9)" in validation_text(refusal(ID_ERRORS["character"]))
    assert "1980-02-30" in validation_text(refusal(ID_ERRORS["birth_date"]))
    assert "990" in validation_text(refusal(ID_ERRORS["region"]))
    assert "600037342" in validation_text(refusal(CREDIT_ERRORS["org_code_check"]))
    assert "case HALL01-20261124-00001" in describe(refusal(CODE_ERRORS["wrong_document"]))


def test_a_check_digit_text_never_suggests_a_replacement(qapp: QApplication) -> None:
    # The check character is X for the standard's example; telling the teller to type X
    # would turn any typo elsewhere into a valid-looking wrong number.
    text = validation_text(refusal(ID_ERRORS["check_digit"]))
    assert "X" not in text and "mistyped" in text


def test_chinese_texts_have_no_english(qapp: QApplication, chinese: None) -> None:
    for error in all_errors():
        text = describe(error)
        assert re.search(r"[\u4e00-\u9fff]", text), text
        assert not ASCII_WORD.findall(text.replace("HALL", "")), text
    credit = describe(refusal(CREDIT_ERRORS["check_digit"]))
    assert "统一社会信用代码" in credit and "身份证" not in credit
    code = describe(refusal(CODE_ERRORS["check_digit"]))
    assert "核验码" in code and "证件号码" not in code


# -- refusals: conflicts, permissions, logins, every field -----------------------------------
def _chinese_only(text: str, data: tuple[str, ...] = ()) -> None:
    for value in data:
        text = text.replace(value, " ")
    assert re.search(r"[\u4e00-\u9fff]", text), text
    assert not ASCII_WORD.findall(text), text


def enroll(ws: Workstation, person: str) -> None:
    payload = {
        "id_number": person, "name": "张三", "phone": "13800138000", "address": "",
        "category": "flexible", "insurance_types": ["pension"],
        "start_date": dt.date.today().isoformat(), "employer_code": "", "window_number": 3,
    }  # fmt: skip
    ws.execute(ws.command(ENROLL, payload, "teller1"))


def test_a_second_enrollment_names_the_insured_number_only(
    qapp: QApplication, chinese: None, ws: Workstation
) -> None:
    person = gb11643_id("11010519491231002")
    enroll(ws, person)
    assert ws.sync_once().online
    with Session(ws.local) as session:
        insured = session.get(InsuredPersonRow, person)
        assert insured is not None and insured.insured_number
        number = insured.insured_number
    with pytest.raises(Conflict) as caught:
        enroll(ws, person)
    assert caught.value.code == "already_enrolled"
    text = describe(caught.value)
    assert number in text and "\n" not in text, text
    _chinese_only(text, (number,))


def test_chinese_refusal_texts_have_no_english(qapp: QApplication, chinese: None) -> None:
    message = "an English service message (insured number 4403000000012345)"
    for code in conflict_codes():
        _chinese_only(conflict_text(code, message), ("4403000000012345",))
    _chinese_only(conflict_text("unlisted_code", message))
    _chinese_only(conflict_text("PermissionDenied", "user 'x' lacks permission 'authorize'"))
    for code in validation_codes():
        _chinese_only(describe(ValidationError("", code, "the English message")))
    for field in field_names():
        name = field + "x" if field.endswith(".") else field
        _chinese_only(describe(ValidationError(name, "required", "the English message")))
    for permission in [*(p.value for p in Permission), *refused_permissions()]:
        _chinese_only(describe(PermissionDenied("teller1", permission)))
    assert "现场授权" in describe(PermissionDenied("-", Permission.AUTHORIZE.value))
    for failed in (
        LoginFailed("bad_credentials", "wrong (4 attempts left before lock-out)", attempts_left=4),
        LoginFailed("locked", "locked", dt.datetime(2026, 5, 4, 10, 15)),
        LoginFailed("locked", "locked"),
        LoginFailed("inactive", "disabled"),
    ):
        _chinese_only(describe(failed))
    assert "4" in describe(LoginFailed("bad_credentials", "x", attempts_left=4))
