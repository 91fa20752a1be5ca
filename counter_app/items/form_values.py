"""Checking what a teller typed into a catalogue item's generic form, field by field.

The catalogue declares each field's type, whether it is required, its choices and bounds;
this module turns the typed text into checked, normalised values (ID numbers and credit codes
by their check characters, amounts as ``Decimal`` yuan, dates, months …) and collects every
problem at once, each naming its field, so the form can mark all of them together and keep
what was typed. The same check runs at the window and again at the centre.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from counter_app.catalogue.schema import FormField, Item
from counter_app.domain.errors import DomainError, ValidationError, ValidationErrors
from counter_app.domain.ids import IdNumber, Uscc, normalise
from counter_app.domain.money import money
from counter_app.domain.people import validate_phone

# Text is stored as typed (trimmed), but characters that only hide or reorder text are
# refused: control characters and bidirectional overrides (U+202A–U+202E, U+2066–U+2069)
# make a record read differently from what it holds.
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F)}
_MONTH = re.compile(r"^(\d{4})-?(\d{2})$")
DEFAULT_MAX_TEXT = 200
DEFAULT_MAX_TEXTAREA = 2000


@dataclass(frozen=True)
class FieldValue:
    """One field of a generic form as typed (text; the catalogue says what it must be)."""

    name: str
    value: str


def _fold_digits(text: str) -> str:
    return unicodedata.normalize("NFKC", text) if text.isascii() is False else text


def _clean_text(field: FormField, raw: str) -> str:
    text = raw.strip()
    bad = [c for c in text if c in _BIDI or (unicodedata.category(c) == "Cc" and c not in "\n\t")]
    if bad:
        raise ValidationError(
            field.name,
            "control_character",
            "the text holds invisible control or direction characters; type it again",
        )
    if field.type != "textarea" and "\n" in text:
        raise ValidationError(field.name, "format", "one line only")
    limit = field.max_length or (
        DEFAULT_MAX_TEXTAREA if field.type == "textarea" else DEFAULT_MAX_TEXT
    )
    if len(text) > limit:
        raise ValidationError(
            field.name,
            "too_long",
            f"at most {limit} characters ({len(text)} typed)",
            {"limit": str(limit), "length": str(len(text))},
        )
    if field.pattern and text and not re.fullmatch(field.pattern, text):
        raise ValidationError(field.name, "format", "the value does not have the expected form")
    return text


def _number(field: FormField, text: str, *, integer: bool) -> Decimal:
    folded = _fold_digits(text).replace(",", "").replace("，", "")
    if integer:
        if not re.fullmatch(r"[+-]?\d{1,12}", folded):
            raise ValidationError(field.name, "format", f"{text} is not a whole number")
        number = Decimal(folded)
    else:
        number = money(folded, field=field.name, allow_negative=True)
    if field.min is not None and number < field.min:
        raise ValidationError(field.name, "range", f"at least {field.min}", {"min": str(field.min)})
    if field.max is not None and number > field.max:
        raise ValidationError(field.name, "range", f"at most {field.max}", {"max": str(field.max)})
    if not integer and field.min is None and number < 0:
        raise ValidationError(field.name, "negative", "the amount must not be negative")
    return number


def _date(field: FormField, text: str) -> dt.date:
    folded = _fold_digits(text).replace("/", "-").replace(".", "-")
    try:
        return dt.date.fromisoformat(folded)
    except ValueError:
        raise ValidationError(
            field.name, "format", f"{text} is not a date (YYYY-MM-DD)", {"value": text}
        ) from None


def _month(field: FormField, text: str) -> str:
    match = _MONTH.match(_fold_digits(text).replace("/", "-").replace(".", "-"))
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise ValidationError(field.name, "format", f"{text} is not a month (YYYY-MM)")
    return f"{match.group(1)}-{match.group(2)}"


def check_value(field: FormField, raw: str, *, today: dt.date) -> str:
    """The normalised text form of one field's value (``""`` when empty and optional)."""
    text = raw.strip()
    if not text:
        if field.required:
            raise ValidationError(field.name, "required", "this field is required")
        return ""
    kind = field.type
    if kind in ("text", "textarea"):
        return _clean_text(field, text)
    if kind == "phone":
        return validate_phone(text, field=field.name)
    if kind == "id_number":
        return IdNumber.parse(text, field=field.name, today=today).value
    if kind == "credit_code":
        return Uscc.parse(text, field=field.name).value
    if kind == "money":
        return str(_number(field, text, integer=False))
    if kind == "integer":
        return str(_number(field, text, integer=True))
    if kind == "date":
        return _date(field, text).isoformat()
    if kind == "month":
        return _month(field, text)
    if kind == "bool":
        if text not in ("true", "false"):
            raise ValidationError(field.name, "choice", "yes or no")
        return text
    values = {c.value for c in field.choices}
    if kind == "choice":
        if text not in values:
            raise ValidationError(field.name, "choice", "choose one of the listed values")
        return text
    # multichoice: values joined by commas
    chosen = [v for v in (part.strip() for part in text.split(",")) if v]
    if any(v not in values for v in chosen):
        raise ValidationError(field.name, "choice", "choose among the listed values")
    return ",".join(dict.fromkeys(chosen))


def check_form(item: Item, values: Mapping[str, str], *, today: dt.date) -> dict[str, str]:
    """Every field of ``item`` checked at once; ``ValidationErrors`` lists each bad field.

    A value for a field the item does not declare is refused (a form of another version or
    another item must not slip data into the record).
    """
    errors: list[ValidationError] = []
    checked: dict[str, str] = {}
    declared = {f.name for f in item.fields}
    for name in values:
        if name not in declared:
            errors.append(ValidationError(name, "unknown_field", "this item has no such field"))
    for field in item.fields:
        raw = values.get(field.name)
        if raw is None:
            raw = field.default or ""
        try:
            checked[field.name] = check_value(field, raw, today=today)
        except ValidationErrors as many:
            errors.extend(many.errors)
        except ValidationError as one:
            errors.append(one)
        except (DomainError, InvalidOperation) as other:  # pragma: no cover - defensive
            errors.append(ValidationError(field.name, "format", str(other)))
    if errors:
        raise ValidationErrors(errors)
    return checked


def normalised_identity(raw: str) -> str:
    """Full-width digits folded and spaces dropped (what an ID field search compares)."""
    return normalise(raw).upper()
