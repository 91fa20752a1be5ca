"""What the six service items (transfers, cards, retirement, reimbursement, consultation,
complaints) check alike, in one place.

Each handler collects every bad field at once (``Checks``), so the form marks all of them
together; text is checked by the same rules as a catalogue form's fields (``form_values``:
no control or direction characters, a length limit), months as ``YYYY-MM``. A person item
names a resident the centre's registry holds: the cache may simply not hold them, so only
the centre says "unknown person".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from counter_app.catalogue.schema import Catalogue, FormField, Item
from counter_app.domain.errors import Conflict, ValidationError, ValidationErrors
from counter_app.domain.ids import IdNumber
from counter_app.domain.people import validate_phone
from counter_app.items.apply_context import ApplyContext
from counter_app.items.form_values import check_value
from counter_app.storage.shared_models import PersonRow

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class Checks:
    """Collects the field errors of one payload; ``done()`` raises them all together."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    @contextmanager
    def field(self) -> Iterator[None]:
        """Run one field's check; its error is kept and the next field is checked too."""
        try:
            yield
        except ValidationErrors as many:
            self.errors.extend(many.errors)
        except ValidationError as one:
            self.errors.append(one)

    def add(
        self, field: str, code: str, message: str, params: dict[str, str] | None = None
    ) -> None:
        self.errors.append(ValidationError(field, code, message, params))

    def has(self, field: str) -> bool:
        return any(e.field == field for e in self.errors)

    def done(self) -> None:
        if self.errors:
            raise ValidationErrors(list(self.errors))


def catalogue_item(ctx: ApplyContext, version: str, code: str) -> tuple[Catalogue, Item]:
    """The catalogue ``version`` the screen showed and its item ``code``."""
    if not version:
        raise ValidationError("catalogue_version", "required", "the catalogue version is missing")
    catalogue = ctx.catalogue(version)
    item = catalogue.find(code)
    if item is None:
        raise ValidationError(
            "item_code", "unknown", f"catalogue {catalogue.version} has no item {code}"
        )
    return catalogue, item


def text(
    name: str,
    raw: str,
    *,
    max_length: int,
    required: bool = True,
    area: bool = False,
    today: dt.date,
) -> str:
    """``raw`` checked as a catalogue text field would be; errors name the field ``name``."""
    spec = FormField(
        name="value",
        label_zh="value",
        label_en="value",
        type="textarea" if area else "text",
        required=required,
        max_length=max_length,
    )
    try:
        return check_value(spec, raw, today=today)
    except ValidationError as error:
        raise ValidationError(name, error.code, error.message, error.params) from None


def month(name: str, raw: str) -> str:
    """A month as 'YYYY-MM' (full-width digits and '/' or '.' separators accepted)."""
    folded = unicodedata.normalize("NFKC", raw or "").strip().replace("/", "-").replace(".", "-")
    if not folded:
        raise ValidationError(name, "required", "this field is required")
    match = _MONTH.match(folded)
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise ValidationError(name, "format", f"{raw} is not a month (YYYY-MM)", {"value": raw})
    return folded


def day(name: str, raw: str, *, required: bool = True) -> dt.date | None:
    folded = unicodedata.normalize("NFKC", raw or "").strip().replace("/", "-").replace(".", "-")
    if not folded:
        if required:
            raise ValidationError(name, "required", "this field is required")
        return None
    try:
        return dt.date.fromisoformat(folded)
    except ValueError:
        raise ValidationError(
            name, "format", f"{raw} is not a date (YYYY-MM-DD)", {"value": raw}
        ) from None


def phone(name: str, raw: str, *, required: bool) -> str:
    return validate_phone(raw, field=name, required=required)


def choice(name: str, raw: str, allowed: tuple[str, ...] | list[str]) -> str:
    if raw not in allowed:
        if not raw:
            raise ValidationError(name, "required", "choose one of the offered values")
        raise ValidationError(name, "choice", f"{raw!r} is not one of {', '.join(allowed)}")
    return raw


def person_id(raw: str, *, today: dt.date, required: bool = True) -> IdNumber | None:
    """The customer's resident ID number (``None`` when optional and empty)."""
    if not (raw or "").strip() and not required:
        return None
    return IdNumber.parse(raw, today=today)


def registered_person(ctx: ApplyContext, id_number: IdNumber) -> PersonRow | None:
    """The registry's row of the person; at the centre a person it does not hold is refused
    (a workstation's cache may simply not hold them)."""
    person = ctx.get(PersonRow, id_number.value)
    if person is None and ctx.side == "central":
        raise Conflict("unknown_person", "the registry holds no person with this ID number")
    return person


def subject_name(person: PersonRow | None, typed: str) -> str:
    """The name a case summary and a document show: the registry's, else what was typed."""
    return person.name if person is not None else typed.strip()[:50]
