"""Insurance types and the individual enrollment (个人参保登记) rules.

``EnrollmentForm.validate`` turns what the teller typed into an ``Enrollment`` or raises
``ValidationErrors`` listing every bad field at once, so the form can mark them together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from counter_app.domain.errors import ValidationError, ValidationErrors
from counter_app.domain.ids import IdNumber, Uscc
from counter_app.domain.people import validate_person_name, validate_phone


class InsuranceType(StrEnum):
    PENSION = "pension"  # 养老
    MEDICAL = "medical"  # 医疗
    UNEMPLOYMENT = "unemployment"  # 失业
    WORK_INJURY = "work_injury"  # 工伤
    MATERNITY = "maternity"  # 生育


class EnrollmentCategory(StrEnum):
    EMPLOYEE = "employee"  # 职工 (through an employer)
    FLEXIBLE = "flexible"  # 灵活就业
    RESIDENT = "resident"  # 城乡居民


# Which insurance types a category may hold (flexible workers: pension and medical only;
# residents: the resident pension and medical schemes).
ALLOWED_TYPES: dict[EnrollmentCategory, frozenset[InsuranceType]] = {
    EnrollmentCategory.EMPLOYEE: frozenset(InsuranceType),
    EnrollmentCategory.FLEXIBLE: frozenset({InsuranceType.PENSION, InsuranceType.MEDICAL}),
    EnrollmentCategory.RESIDENT: frozenset({InsuranceType.PENSION, InsuranceType.MEDICAL}),
}

MIN_WORKING_AGE = 16

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Enrollment:
    """A validated individual enrollment, ready to become a command."""

    id_number: IdNumber
    name: str
    phone: str
    address: str
    category: EnrollmentCategory
    insurance_types: tuple[InsuranceType, ...]
    start_date: dt.date
    employer_code: Uscc | None = None


@dataclass
class EnrollmentForm:
    """Raw strings as typed in the enrollment tab."""

    id_number: str = ""
    name: str = ""
    phone: str = ""
    address: str = ""
    category: str = EnrollmentCategory.FLEXIBLE.value
    insurance_types: list[str] = field(default_factory=list)
    start_date: str = ""
    employer_code: str = ""

    def validate(self, today: dt.date) -> Enrollment:
        errors: list[ValidationError] = []

        def attempt(fn: Callable[..., T], *args: object, **kw: object) -> T | None:
            try:
                return fn(*args, **kw)
            except ValidationError as exc:
                errors.append(exc)
                return None

        id_number = attempt(IdNumber.parse, self.id_number, today=today)
        name = attempt(validate_person_name, self.name)
        phone = attempt(validate_phone, self.phone)
        address = self.address.strip()
        if len(address) > 120:
            errors.append(ValidationError("address", "length", "the address is too long"))

        category: EnrollmentCategory | None
        try:
            category = EnrollmentCategory(self.category)
        except ValueError:
            category = None
            errors.append(ValidationError("category", "choice", "choose a category"))

        types: list[InsuranceType] = []
        if not self.insurance_types:
            errors.append(
                ValidationError("insurance_types", "required", "choose at least one insurance")
            )
        for raw in self.insurance_types:
            try:
                types.append(InsuranceType(raw))
            except ValueError:
                errors.append(
                    ValidationError("insurance_types", "choice", f"unknown insurance {raw!r}")
                )
        if category is not None and types:
            not_allowed = [t.value for t in types if t not in ALLOWED_TYPES[category]]
            if not_allowed:
                errors.append(
                    ValidationError(
                        "insurance_types",
                        "not_allowed",
                        f"{', '.join(not_allowed)} cannot be held as {category.value}",
                    )
                )

        start: dt.date | None = None
        try:
            start = dt.date.fromisoformat(self.start_date.strip())
        except ValueError:
            errors.append(
                ValidationError("start_date", "format", "the start date must be YYYY-MM-DD")
            )
        if start is not None:
            if start > today + dt.timedelta(days=92):
                errors.append(
                    ValidationError(
                        "start_date", "range", "the start date may be at most 3 months ahead"
                    )
                )
            if id_number is not None and start < id_number.birth_date:
                errors.append(
                    ValidationError("start_date", "range", "the start date is before the birth")
                )

        employer: Uscc | None = None
        if category is EnrollmentCategory.EMPLOYEE:
            employer = attempt(Uscc.parse, self.employer_code, field="employer_code")
        elif self.employer_code.strip():
            errors.append(
                ValidationError(
                    "employer_code",
                    "not_allowed",
                    "only employee enrollment names an employer",
                )
            )

        if (
            id_number is not None
            and category in (EnrollmentCategory.EMPLOYEE, EnrollmentCategory.FLEXIBLE)
            and id_number.age_on(start or today) < MIN_WORKING_AGE
        ):
            errors.append(
                ValidationError(
                    "id_number",
                    "age",
                    f"a person under {MIN_WORKING_AGE} cannot be enrolled as a worker",
                )
            )

        if errors:
            raise ValidationErrors(errors)
        assert id_number and name is not None and phone is not None and category and start
        return Enrollment(
            id_number=id_number,
            name=name,
            phone=phone,
            address=address,
            category=category,
            insurance_types=tuple(sorted(set(types), key=list(InsuranceType).index)),
            start_date=start,
            employer_code=employer,
        )
