"""The enrollment form: every bad field reported at once, good input normalised."""

from __future__ import annotations

import datetime as dt

import pytest
from standards import gb11643_check

from counter_app.domain.errors import ValidationErrors
from counter_app.domain.insurance import EnrollmentCategory, EnrollmentForm, InsuranceType

TODAY = dt.date(2026, 11, 24)
ADULT = "11010519800101001" + gb11643_check("11010519800101001")
CHILD = "11010520150101001" + gb11643_check("11010520150101001")


def good(**changes: object) -> EnrollmentForm:
    form = EnrollmentForm(
        id_number=ADULT,
        name="王小明",
        phone="13912345678",
        address="北京市东城区",
        category="flexible",
        insurance_types=["medical", "pension"],
        start_date="2026-12-01",
    )
    for key, value in changes.items():
        setattr(form, key, value)
    return form


def fields(form: EnrollmentForm) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as caught:
        form.validate(TODAY)
    return {e.field: e.code for e in caught.value.errors}


def test_a_good_form_becomes_an_enrollment() -> None:
    enrollment = good().validate(TODAY)
    assert enrollment.category is EnrollmentCategory.FLEXIBLE
    assert enrollment.insurance_types == (InsuranceType.PENSION, InsuranceType.MEDICAL)
    assert enrollment.employer_code is None


def test_all_errors_come_together() -> None:
    errors = fields(good(id_number="", name="", phone="123", insurance_types=[], start_date="x"))
    assert errors == {
        "id_number": "required",
        "name": "required",
        "phone": "format",
        "insurance_types": "required",
        "start_date": "format",
    }


def test_category_rules() -> None:
    assert fields(good(insurance_types=["unemployment"])) == {"insurance_types": "not_allowed"}
    assert fields(good(category="employee", employer_code="")) == {"employer_code": "required"}
    assert fields(good(employer_code="91350100M000100Y43")) == {"employer_code": "not_allowed"}
    assert fields(good(category="nonsense")) == {"category": "choice"}
    ok = good(category="employee", employer_code="91350100m000100y43").validate(TODAY)
    assert ok.employer_code is not None and ok.employer_code.value == "91350100M000100Y43"


def test_dates_and_age() -> None:
    assert fields(good(start_date="2027-06-01")) == {"start_date": "range"}
    assert fields(good(id_number=CHILD)) == {"id_number": "age"}
    assert good(id_number=CHILD, category="resident").validate(TODAY).name == "王小明"


def test_names_may_hold_rare_characters_and_middle_dots() -> None:
    assert good(name="𠮷野家").validate(TODAY).name == "𠮷野家"
    assert good(name="阿依古丽·买买提").validate(TODAY).name == "阿依古丽·买买提"
    assert fields(good(name="Robert'); DROP")) == {"name": "format"}
