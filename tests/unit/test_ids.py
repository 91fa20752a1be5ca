"""Resident ID numbers and credit codes: every check digit, date and format rule."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from counter_app.domain.errors import ValidationError
from counter_app.domain.ids import IdNumber, Sex, Uscc

TODAY = dt.date(2026, 11, 24)


def with_check(first17: str) -> str:
    return first17 + ric.calc_check_digit(first17)


@given(
    born=st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY),
    seq=st.integers(min_value=0, max_value=999),
)
def test_any_valid_number_parses_with_its_birth_date_and_sex(born: dt.date, seq: int) -> None:
    number = with_check(f"440305{born:%Y%m%d}{seq:03d}")
    parsed = IdNumber.parse(number, today=TODAY)
    assert parsed.birth_date == born
    assert parsed.sex is (Sex.MALE if seq % 2 else Sex.FEMALE)
    assert parsed.masked() == number[:6] + "********" + number[-4:]


@given(seq=st.integers(min_value=0, max_value=999), wrong=st.sampled_from("0123456789X"))
def test_every_wrong_check_digit_is_named(seq: int, wrong: str) -> None:
    first17 = f"11010519800101{seq:03d}"
    right = ric.calc_check_digit(first17)
    if wrong == right:
        return
    with pytest.raises(ValidationError) as caught:
        IdNumber.parse(first17 + wrong, today=TODAY)
    assert caught.value.code == "check_digit"
    assert caught.value.params == {"given": wrong, "expected": right}


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "required"),
        ("11010519800101001", "length"),
        ("1101051980010100AX", "format"),
        (with_check("11010519800230001"), "birth_date"),  # 30 February
        (with_check("11010520991231001"), "birth_date"),  # born in the future
    ],
)
def test_bad_id_numbers_say_why(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        IdNumber.parse(raw, today=TODAY)
    assert caught.value.code == code and caught.value.field == "id_number"


def test_lower_case_x_and_spaces_are_normalised() -> None:
    assert IdNumber.parse(" 31011519850715003x ", today=TODAY).value == "31011519850715003X"


def test_age_counts_birthdays() -> None:
    number = IdNumber.parse(with_check("11010520001124001"), today=TODAY)
    assert number.age_on(TODAY) == 26
    assert number.age_on(TODAY - dt.timedelta(days=1)) == 25


@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17))
def test_credit_codes_with_the_right_check_character_parse(body: str) -> None:
    code = body + uscc.calc_check_digit(body)
    try:
        parsed = Uscc.parse(code)
    except ValidationError as exc:  # stdnum also checks the embedded organisation code
        assert exc.code in ("format", "check_digit")
    else:
        assert parsed.value == code


def test_malformed_credit_codes_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        Uscc.parse("91350100M000100Y4")
    assert caught.value.code == "length"
    with pytest.raises(ValidationError) as caught:
        Uscc.parse("91350100M000100Y44")
    assert caught.value.code == "check_digit"
    assert Uscc.parse("91350100M000100Y43").value == "91350100M000100Y43"
