"""Insured persons, employers and staff users as plain value objects.

These are what services hand to the UI and to printing; the ORM rows in ``storage`` are
converted to them at the repository boundary.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from counter_app.domain.errors import ValidationError
from counter_app.domain.ids import IdNumber, Sex, Uscc
from counter_app.domain.roles import Role

_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
_NAME = re.compile(r"^[\u3400-\u9fff\U00020000-\U0003134f·A-Za-z ]{1,40}$")


def validate_person_name(raw: str, *, field: str = "name") -> str:
    name = (raw or "").strip()
    if not name:
        raise ValidationError(field, "required", "the name is required")
    if not _NAME.match(name):
        raise ValidationError(
            field, "format", "a name holds Chinese characters, letters, spaces or · only"
        )
    return name


def validate_phone(raw: str, *, field: str = "phone", required: bool = True) -> str:
    phone = (raw or "").strip().replace(" ", "")
    if not phone:
        if required:
            raise ValidationError(field, "required", "the phone number is required")
        return ""
    if not _PHONE.match(phone):
        raise ValidationError(
            field, "format", f"{phone} is neither an 11-digit mobile number nor a landline"
        )
    return phone


def mask_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 8 else phone


@dataclass(frozen=True, slots=True)
class Person:
    """An insured person (参保人) as the registry knows them."""

    id_number: IdNumber
    name: str
    phone: str = ""
    address: str = ""
    hukou_type: str = ""

    @property
    def sex(self) -> Sex:
        return self.id_number.sex

    @property
    def birth_date(self) -> dt.date:
        return self.id_number.birth_date


@dataclass(frozen=True, slots=True)
class Employer:
    """An insured employer (参保单位)."""

    credit_code: Uscc
    name: str
    address: str = ""
    contact_phone: str = ""


@dataclass(frozen=True, slots=True)
class StaffUser:
    """A member of staff who logs in to a workstation."""

    username: str
    display_name: str
    role: Role
    hall_code: str
    active: bool = True
