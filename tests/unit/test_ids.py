"""Resident ID numbers, credit codes and organisation codes against the published standards.

Expected check characters come from ``tests/standards.py`` (written from GB 11643-1999,
GB 32100-2015 and GB 11714-1997, independent of ``counter_app``) and from the standards' own
examples; python-stdnum is consulted as a second opinion, never as the only one.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from standards import (
    GB32100_CHARSET,
    gb11643_check,
    gb11643_id,
    gb11643_valid,
    gb11714_check,
    gb32100_check,
    gb32100_code,
    gb32100_valid,
)
from stdnum.cn import ric, uscc

from counter_app.domain.errors import ValidationError
from counter_app.domain.ids import (
    Holder,
    IdNumber,
    Sex,
    Uscc,
    organisation_check_character,
    resident_check_digit,
    uscc_check_character,
)

TODAY = dt.date(2026, 11, 24)
DIGITS = "0123456789"
# GB/T 2260 province-level codes (first two digits of an address code).
PROVINCES = [
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82",
]  # fmt: skip


def parse_id(raw: str) -> IdNumber:
    return IdNumber.parse(raw, today=TODAY)


def full_width(text: str) -> str:
    """The characters an input method in full-width mode types (U+FF01-U+FF5E)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# ---- GB 11643-1999 -------------------------------------------------------------------------

bodies17 = st.builds(
    lambda province, rest, born, seq: f"{province}{rest:04d}{born:%Y%m%d}{seq:03d}",
    st.sampled_from(PROVINCES),
    st.integers(min_value=0, max_value=9999),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY),
    st.integers(min_value=0, max_value=999),
)
valid_ids = bodies17.map(gb11643_id)


def test_the_examples_of_gb_11643() -> None:
    # GB 11643-1999 gives these two numbers as examples (Beijing Chaoyang 1949-12-31, sequence
    # 002, check X; Guangdong Chaoyang county 1880-01-01, sequence 001, check 4).
    example = parse_id("11010519491231002X")
    assert example.birth_date == dt.date(1949, 12, 31) and example.sex is Sex.FEMALE
    assert example.holder is Holder.RESIDENT
    old = parse_id("440524188001010014")
    assert old.birth_date == dt.date(1880, 1, 1) and old.sex is Sex.MALE
    # The test-side implementation of the standard agrees with its examples.
    assert gb11643_valid("11010519491231002X") and gb11643_valid("440524188001010014")


def test_the_check_digit_computed_by_hand() -> None:
    # 11010519491231002: weighted sum with 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 is
    # 7+9+0+5+0+20+2+9+24+3+14+0+10+5+0+0+4 = 112, 112 mod 11 = 2, table entry 2 is X.
    assert resident_check_digit("11010519491231002") == "X"


def test_the_number_the_old_rule_made_is_refused_naming_the_right_digit() -> None:
    # The previous rule produced ...0022 for the standard's example; its check is X.
    with pytest.raises(ValidationError) as caught:
        parse_id("110105194912310022")
    assert caught.value.code == "check_digit"
    assert caught.value.params == {"kind": "id_number", "given": "2", "expected": "X"}


@given(bodies17)
def test_check_digit_matches_the_standard_and_stdnum(first17: str) -> None:
    assert resident_check_digit(first17) == gb11643_check(first17)
    # python-stdnum's calc_check_digit expects the whole number, check digit included.
    assert ric.calc_check_digit(first17 + "0") == gb11643_check(first17)


@given(valid_ids)
def test_any_valid_number_parses_with_its_birth_date_and_sex(number: str) -> None:
    parsed = parse_id(number)
    assert parsed.value == number
    assert parsed.birth_date == dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    assert parsed.sex is (Sex.MALE if int(number[16]) % 2 else Sex.FEMALE)
    assert parsed.masked() == number[:6] + "********" + number[-4:]


@given(valid_ids, st.integers(min_value=0, max_value=17), st.sampled_from(DIGITS + "X"))
def test_any_single_character_change_is_refused(number: str, position: int, new: str) -> None:
    assume(new != number[position])
    changed = number[:position] + new + number[position + 1 :]
    with pytest.raises(ValidationError):
        parse_id(changed)


@given(valid_ids, st.integers(min_value=0, max_value=16))
def test_any_transposition_of_adjacent_different_characters_is_refused(
    number: str, position: int
) -> None:
    a, b = number[position], number[position + 1]
    assume(a != b)
    swapped = number[:position] + b + a + number[position + 2 :]
    with pytest.raises(ValidationError):
        parse_id(swapped)


@given(valid_ids, st.data())
def test_full_width_forms_normalise_to_the_same_number(number: str, data: st.DataObject) -> None:
    mask = data.draw(st.lists(st.booleans(), min_size=18, max_size=18))
    typed = "".join(full_width(c) if wide else c for c, wide in zip(number, mask, strict=True))
    typed = typed.replace("X", data.draw(st.sampled_from(["X", "x", "Ｘ", "ｘ"])))
    spaced = "\u3000" + typed[:6] + " " + typed[6:14] + "\u200b" + typed[14:] + "\t"
    assert parse_id(spaced).value == number


def test_the_standards_example_typed_in_full_width() -> None:
    assert parse_id("１１０１０５１９４９１２３１００２Ｘ").value == "11010519491231002X"


@given(st.text(max_size=40))
def test_random_text_never_raises_anything_but_a_validation_error(raw: str) -> None:
    for parse in (parse_id, Uscc.parse):
        try:
            parse(raw)
        except ValidationError as exc:
            assert exc.code and exc.params.get("kind") in ("id_number", "credit_code")


@pytest.mark.parametrize(
    ("raw", "char", "position"),
    [
        ("¹1010519491231002X", "¹", "1"),  # superscript one: isdigit() but not a digit
        ("11010519491231002①", "①", "18"),
        ("1101051949123100٢X", "٢", "17"),  # Arabic-Indic two
        ("1101051980010100AX", "A", "17"),
    ],
)
def test_look_alike_characters_are_named(raw: str, char: str, position: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_id(raw)
    error = caught.value
    assert (error.field, error.code) == ("id_number", "character")
    assert error.params["char"] == char and error.params["position"] == position
    assert error.params["codepoint"] == f"U+{ord(char):04X}"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "required"),
        ("   ", "required"),
        ("11010519800101001", "length"),
        ("110105198001010011X", "length"),
        ("1101051980X101001X", "format"),  # X only as the check character
        (gb11643_id("11010519800230001"), "birth_date"),  # 30 February
        (gb11643_id("11010520991231001"), "birth_date"),  # born in the future
        (gb11643_id("11010518791231001"), "birth_date"),  # before 1880
    ],
)
def test_bad_id_numbers_say_why(raw: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_id(raw)
    assert caught.value.code == code and caught.value.field == "id_number"


@pytest.mark.parametrize(
    ("first17", "prefix"),
    [
        ("00000019800101001", "00"),
        ("99000019800101001", "990"),  # 9 marks a foreigner, but 90 is no province
        ("16010519800101001", "16"),
        ("47010519800101001", "47"),
        ("72000019800101001", "72"),
        ("84000019800101001", "84"),
        ("97115619800101001", "971"),  # foreigner's card, 71 is not a mainland province
    ],
)
def test_numbers_outside_every_province_are_refused(first17: str, prefix: str) -> None:
    number = gb11643_id(first17)  # the check digit is right: only the region is wrong
    with pytest.raises(ValidationError) as caught:
        parse_id(number)
    assert caught.value.code == "region"
    assert caught.value.params["prefix"] == prefix


@pytest.mark.parametrize(
    ("first17", "holder"),
    [
        ("71000019800101001", Holder.RESIDENT),  # 71 Taiwan is a GB/T 2260 province code
        ("81000019800101001", Holder.HMT_RESIDENCE_PERMIT),  # Hong Kong residents' permit
        ("82000019800101001", Holder.HMT_RESIDENCE_PERMIT),  # Macao
        ("83000019800101001", Holder.HMT_RESIDENCE_PERMIT),  # Taiwan residents' permit (2018)
        ("93115619800101001", Holder.FOREIGN_PERMANENT_RESIDENT),  # 9, Shanghai, nationality
    ],
)
def test_permits_in_the_id_number_layout_are_accepted(first17: str, holder: Holder) -> None:
    assert parse_id(gb11643_id(first17)).holder is holder


def test_age_counts_birthdays() -> None:
    number = parse_id(gb11643_id("11010520001124001"))
    assert number.age_on(TODAY) == 26
    assert number.age_on(TODAY - dt.timedelta(days=1)) == 25


def test_another_field_name_is_kept() -> None:
    with pytest.raises(ValidationError) as caught:
        IdNumber.parse("12", field="subject")
    assert caught.value.field == "subject" and caught.value.params["kind"] == "id_number"


# ---- GB 11714-1997 organisation codes --------------------------------------------------------

ORG_CHARS = DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def test_organisation_code_computed_by_hand() -> None:
    # D2143569: D = 13; 13*3 + 2*7 + 1*9 + 4*10 + 3*5 + 5*8 + 6*4 + 9*2 = 199;
    # 199 mod 11 = 1; 11 - 1 = 10, written X.
    assert organisation_check_character("D2143569") == "X"
    # 00000000: sum 0, 11 - 0 = 11, written 0.
    assert organisation_check_character("00000000") == "0"


@given(st.text(alphabet=ORG_CHARS, min_size=8, max_size=8))
def test_organisation_check_matches_the_standard(body: str) -> None:
    assert organisation_check_character(body) == gb11714_check(body)


# ---- GB 32100-2015 credit codes --------------------------------------------------------------

USCC_BODY = [c for c in GB32100_CHARSET]
AUTHORITY_CATEGORIES = [
    "11", "12", "13", "19", "21", "29", "31", "35", "39", "41", "51", "52", "53", "59",
    "61", "62", "71", "72", "81", "91", "92", "93", "A1", "A9", "N1", "N2", "N3", "N9", "Y1",
]  # fmt: skip
REGIONS = ["100000", "110105", "310115", "440305", "650102", "540102"]

valid_usccs = st.builds(
    lambda head, region, body: gb32100_code(head + region, body),
    st.sampled_from(AUTHORITY_CATEGORIES),
    st.sampled_from(REGIONS),
    st.text(alphabet=USCC_BODY, min_size=8, max_size=8),
)


def test_a_real_world_code() -> None:
    # 91110000600037341L, the example in python-stdnum's documentation: the check character
    # (GB 32100) and the organisation code 60003734-1 (GB 11714) computed here confirm it.
    assert gb32100_valid("91110000600037341L")
    parsed = Uscc.parse("91110000600037341L")
    assert parsed.value == "91110000600037341L"
    assert parsed.organisation_code == "60003734-1"


def test_the_check_character_computed_by_hand() -> None:
    # 91110000600037341 with the weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28:
    # 9+3+9+27+0+0+0+0+120+0+0+0+24+168+30+120+28 = 538; 538 mod 31 = 11; 31 - 11 = 20 = L.
    assert uscc_check_character("91110000600037341") == "L"


@given(st.text(alphabet=USCC_BODY, min_size=17, max_size=17))
def test_check_character_matches_the_standard_and_stdnum(first17: str) -> None:
    assert uscc_check_character(first17) == gb32100_check(first17)
    assert uscc.calc_check_digit(first17) == gb32100_check(first17)


@given(valid_usccs)
def test_every_authority_of_the_standard_is_accepted(code: str) -> None:
    # Including Y (其他) and N (农业), which python-stdnum's validate() refuses.
    assert Uscc.parse(code).value == code


@pytest.mark.parametrize("head", ["Y1", "N1", "N3", "A1", "51", "11"])
def test_the_authorities_the_field_test_met(head: str) -> None:
    code = gb32100_code(head + "110105", "MA01ABC3")
    assert Uscc.parse(code).value == code


@given(valid_usccs, st.integers(min_value=0, max_value=17), st.sampled_from(USCC_BODY))
def test_any_single_character_change_of_a_credit_code_is_refused(
    code: str, position: int, new: str
) -> None:
    assume(new != code[position])
    with pytest.raises(ValidationError):
        Uscc.parse(code[:position] + new + code[position + 1 :])


@given(valid_usccs, st.integers(min_value=0, max_value=16))
def test_any_adjacent_transposition_of_a_credit_code_is_refused(code: str, position: int) -> None:
    a, b = code[position], code[position + 1]
    assume(a != b)
    with pytest.raises(ValidationError):
        Uscc.parse(code[:position] + b + a + code[position + 2 :])


@given(valid_usccs)
def test_full_width_and_lower_case_credit_codes_normalise(code: str) -> None:
    assert Uscc.parse(full_width(code.lower()) + "\u3000").value == code
    assert Uscc.parse(f"{code[:8]} {code[8:16]}-{code[16:]}").value == code


def test_a_wrong_organisation_code_is_named_even_when_the_last_character_fits() -> None:
    # Characters 9-17 "60003734" + "2" (GB 11714 wants 1); the 18th character is computed
    # for these 17, so only the embedded organisation code is wrong.
    first17 = "91110000600037342"
    code = first17 + gb32100_check(first17)
    with pytest.raises(ValidationError) as caught:
        Uscc.parse(code, field="employer_code")
    error = caught.value
    assert (error.field, error.code) == ("employer_code", "org_code_check")
    assert error.params["org_code"] == "600037342"
    assert (error.params["given"], error.params["expected"]) == ("2", "1")


def test_a_wrong_check_character_is_named() -> None:
    with pytest.raises(ValidationError) as caught:
        Uscc.parse("91110000600037341M")
    assert caught.value.code == "check_digit"
    assert caught.value.params == {"kind": "credit_code", "given": "M", "expected": "L"}


@pytest.mark.parametrize(
    ("head", "region", "code", "detail"),
    [
        ("B1", "110105", "authority", ("authority", "B")),
        ("01", "110105", "authority", ("authority", "0")),
        ("90", "110105", "category", ("category", "0")),
        ("9A", "110105", "category", ("category", "A")),
        ("91", "990000", "region", ("region", "990000")),
        ("91", "000000", "region", ("region", "000000")),
        ("91", "1101A5", "region", ("region", "1101A5")),
    ],
)
def test_each_wrong_part_of_a_credit_code_is_named(
    head: str, region: str, code: str, detail: tuple[str, str]
) -> None:
    credit_code = gb32100_code(head + region, "60003734")  # both checks hold
    with pytest.raises(ValidationError) as caught:
        Uscc.parse(credit_code)
    assert caught.value.code == code
    assert caught.value.params[detail[0]] == detail[1]


@pytest.mark.parametrize(
    ("raw", "code", "detail"),
    [
        ("", "required", None),
        ("91350100M000100Y4", "length", ("actual", "17")),
        ("91110000600O37341L", "character", ("position", "12")),  # letter O
        ("9111000060003734IL", "character", ("char", "I")),
        ("9111000060003734SL", "character", ("char", "S")),
        ("91110000６00037341Ｌ", None, None),  # full-width: accepted
    ],
)
def test_malformed_credit_codes_say_why(
    raw: str, code: str | None, detail: tuple[str, str] | None
) -> None:
    if code is None:
        assert Uscc.parse(raw).value == "91110000600037341L"
        return
    with pytest.raises(ValidationError) as caught:
        Uscc.parse(raw)
    assert caught.value.code == code and caught.value.field == "credit_code"
    if detail:
        assert caught.value.params[detail[0]] == detail[1]
