"""The generic form's values, checked field by field as the catalogue declares them.

Identity numbers are checked against vectors computed here from GB 11643 / GB 32100 (not by
our own generator); text refuses the characters that hide or reorder what a record says;
every bad field is reported at once, each under its own name.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from standards import gb11643_id, gb32100_code

from counter_app.catalogue.schema import Choice, FormField, Item, TimeLimit
from counter_app.domain.errors import ValidationError, ValidationErrors
from counter_app.items.form_values import check_form, check_value

TODAY = dt.date(2026, 11, 25)


def field(name: str, type_: str, **extra: object) -> FormField:
    return FormField(name=name, label_zh=name, label_en=name, type=type_, **extra)  # type: ignore[arg-type]


def item(*fields: FormField) -> Item:
    return Item(
        code="TEST-ITEM",
        name_zh="测试事项",
        name_en="Test item",
        group="service",
        subject="person",
        legal_basis=("《中华人民共和国社会保险法》",),
        fields=fields,
        review_level=1,
        time_limit=TimeLimit(promised=0, legal=1),
        result="record",
        audit_class="general",
        confirmed="?",
    )


def test_an_id_number_is_checked_by_its_gb11643_check_digit() -> None:
    # GB 11643-1999's own example: 11010519491231002X (check character X).
    assert check_value(field("id", "id_number"), "11010519491231002X", today=TODAY) == (
        "11010519491231002X"
    )
    good = gb11643_id("44030419900101123")
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    # Full-width digits, as an IME types them, are the same number.
    full_width = good.translate(str.maketrans("0123456789X", "０１２３４５６７８９Ｘ"))
    assert check_value(field("id", "id_number"), full_width, today=TODAY) == good
    with pytest.raises((ValidationError, ValidationErrors)):
        check_value(field("id", "id_number"), wrong, today=TODAY)


def test_a_credit_code_is_checked_by_its_gb32100_check_character() -> None:
    good = gb32100_code("91110105", "MA01B2C3")
    assert check_value(field("code", "credit_code"), good.lower(), today=TODAY) == good
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises((ValidationError, ValidationErrors)):
        check_value(field("code", "credit_code"), wrong, today=TODAY)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1,234.5", "1234.50"), ("１２３.４５", "123.45"), ("0.005", "0.01"), ("7", "7.00")],
)
def test_money_is_decimal_yuan_rounded_half_up_to_the_fen(raw: str, expected: str) -> None:
    value = check_value(field("amount", "money"), raw, today=TODAY)
    assert Decimal(value) == Decimal(expected) and value == expected


@pytest.mark.parametrize("raw", ["12a", "1e400", "-3", "NaN", "１２３元"])
def test_what_is_not_an_amount_is_refused(raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_value(field("amount", "money"), raw, today=TODAY)
    assert caught.value.field == "amount"


def test_dates_months_choices_and_bounds() -> None:
    assert check_value(field("d", "date"), "2026/2/3".replace("/2/3", "/02/03"), today=TODAY) == (
        "2026-02-03"
    )
    assert check_value(field("m", "month"), "202602", today=TODAY) == "2026-02"
    for bad in ("2026-02-30", "2026-13-01"):
        with pytest.raises(ValidationError):
            check_value(field("d", "date"), bad, today=TODAY)
    with pytest.raises(ValidationError):
        check_value(field("m", "month"), "2026-13", today=TODAY)
    choice = field("c", "choice", choices=(Choice(value="a", label_zh="甲", label_en="A"),))
    with pytest.raises(ValidationError) as caught:
        check_value(choice, "b", today=TODAY)
    assert caught.value.code == "choice"
    years = field("y", "integer", min=Decimal(2000), max=Decimal(2100))
    with pytest.raises(ValidationError) as caught:
        check_value(years, "1999", today=TODAY)
    assert caught.value.code == "range"


@pytest.mark.parametrize("raw", ["张\u202e三", "abc\u2066def", "a\x07b", "a\u200fb"])
def test_text_with_control_or_direction_characters_is_refused(raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_value(field("t", "text"), raw, today=TODAY)
    assert caught.value.code == "control_character"


def test_rare_characters_are_kept_and_length_is_counted_in_characters() -> None:
    # 𠮷 (U+20BB7, CJK Extension B) and 䶮 (U+4DAE, Extension A) occur in real names.
    assert check_value(field("t", "text"), " 𠮷䶮 ", today=TODAY) == "𠮷䶮"
    limited = field("t", "text", max_length=3)
    assert check_value(limited, "𠮷𠮷𠮷", today=TODAY) == "𠮷𠮷𠮷"
    with pytest.raises(ValidationError) as caught:
        check_value(limited, "𠮷𠮷𠮷𠮷", today=TODAY)
    assert caught.value.code == "too_long"
    with pytest.raises(ValidationError):
        check_value(field("t", "text"), "x" * 201, today=TODAY)  # default limit 200


def test_every_bad_field_is_named_at_once_and_unknown_fields_are_refused() -> None:
    form = item(
        field("phone", "phone"),
        field("amount", "money"),
        field("note", "text", required=False),
    )
    with pytest.raises(ValidationErrors) as caught:
        check_form(form, {"phone": "123", "amount": "x", "smuggled": "1"}, today=TODAY)
    assert {e.field for e in caught.value.errors} == {"phone", "amount", "smuggled"}
    assert check_form(form, {"phone": "13800138000", "amount": "5"}, today=TODAY) == {
        "phone": "13800138000",
        "amount": "5.00",
        "note": "",
    }


FIELD_TYPES = [
    "text",
    "textarea",
    "phone",
    "id_number",
    "credit_code",
    "date",
    "month",
    "money",
    "integer",
    "bool",
]


@settings(max_examples=300, deadline=None)
@given(
    type_=st.sampled_from(FIELD_TYPES),
    raw=st.text(
        alphabet=st.one_of(
            st.characters(),
            st.sampled_from("0123456789０１２３４５６７８９Xx-./,𠮷䶮\u202e\u200f\x00\n"),
        ),
        max_size=300,
    ),
)
def test_any_typed_text_is_either_accepted_or_refused_under_its_field(type_: str, raw: str) -> None:
    try:
        value = check_value(field("f", type_), raw, today=TODAY)
    except ValidationErrors as many:
        assert all(e.field == "f" for e in many.errors)
    except ValidationError as one:
        assert one.field == "f"
    else:
        assert isinstance(value, str)
        # What is accepted is stable: checking it again gives itself.
        assert check_value(field("f", type_), value, today=TODAY) == value
