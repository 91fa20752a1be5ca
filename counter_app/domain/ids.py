"""Identity numbers: the 18-digit resident ID number and the unified social credit code.

Both are validated with python-stdnum (GB 11643 and GB 32100 check characters) and wrapped
in small immutable value objects so that an unvalidated string cannot reach a service.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric, uscc

from counter_app.domain.errors import ValidationError


class Sex(StrEnum):
    """Sex as recorded on the resident ID (the 17th digit: odd male, even female)."""

    MALE = "M"
    FEMALE = "F"


@dataclass(frozen=True, slots=True)
class IdNumber:
    """A valid 18-digit resident identity number (居民身份证号码, GB 11643-1999)."""

    value: str

    @classmethod
    def parse(cls, raw: str, *, field: str = "id_number", today: dt.date | None = None) -> IdNumber:
        """Validate ``raw`` and return an ``IdNumber``; raise ``ValidationError`` naming why."""
        text = (raw or "").strip().replace(" ", "").upper()
        if not text:
            raise ValidationError(field, "required", "the ID number is required")
        if len(text) != 18:
            raise ValidationError(
                field, "length", f"an ID number has 18 characters, {len(text)} were given"
            )
        if not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
            raise ValidationError(
                field, "format", "an ID number is 17 digits followed by a digit or X"
            )
        try:
            birth = ric.get_birth_date(text)
        except (stdnum_errors.ValidationError, ValueError):
            raise ValidationError(
                field, "birth_date", f"the birth date {text[6:14]} in the ID number is impossible"
            ) from None
        if birth > (today or dt.date.today()) or birth.year < 1880:
            raise ValidationError(
                field, "birth_date", f"the birth date {birth.isoformat()} is out of range"
            )
        expected = ric.calc_check_digit(text[:17])
        if expected != text[17]:
            raise ValidationError(
                field,
                "check_digit",
                f"the check digit is {text[17]} but should be {expected}; "
                "please re-read the number from the card",
                {"given": text[17], "expected": expected},
            )
        return cls(text)

    @property
    def birth_date(self) -> dt.date:
        return ric.get_birth_date(self.value)

    @property
    def sex(self) -> Sex:
        return Sex.MALE if int(self.value[16]) % 2 else Sex.FEMALE

    @property
    def region_code(self) -> str:
        """The six-digit administrative division code of the place of first registration."""
        return self.value[:6]

    def age_on(self, day: dt.date) -> int:
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def masked(self) -> str:
        """The form printed on receipts and shown in lists: first 6 and last 4 characters."""
        return f"{self.value[:6]}********{self.value[-4:]}"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Uscc:
    """A valid unified social credit code (统一社会信用代码, GB 32100-2015)."""

    value: str

    @classmethod
    def parse(cls, raw: str, *, field: str = "credit_code") -> Uscc:
        text = (raw or "").strip().replace(" ", "").upper()
        if not text:
            raise ValidationError(field, "required", "the credit code is required")
        if len(text) != 18:
            raise ValidationError(
                field, "length", f"a credit code has 18 characters, {len(text)} were given"
            )
        try:
            return cls(uscc.validate(text))
        except stdnum_errors.InvalidChecksum:
            expected = uscc.calc_check_digit(text[:17])
            raise ValidationError(
                field,
                "check_digit",
                f"the check character is {text[17]} but should be {expected}",
                {"given": text[17], "expected": expected},
            ) from None
        except stdnum_errors.ValidationError:
            raise ValidationError(
                field,
                "format",
                "a credit code uses digits and capital letters except I, O, S, V and Z",
            ) from None

    def __str__(self) -> str:
        return self.value
