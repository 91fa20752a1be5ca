"""The service catalogue's model: every business item a window accepts, as checked data.

The hall is driven by a catalogue (事项目录) the way Zhejiang's "八统一" asks: one name, one
legal basis, one list of materials and one time limit per item, published as data rather than
written into screens. These pydantic models are that data's contract. They are frozen and
refuse unknown keys, so a typo in a catalogue file is an error, never a silently ignored
setting. ``load.py`` reads the TOML files into them and names the file, the item and the
field of every fault.

A catalogue is first-level groups (一级事项, e.g. 社会保险登记) holding second-level items
(二级事项, e.g. 个人参保登记), like 《社会保险领域基层政务公开标准目录》, plus bundles
(一件事一次办) that chain several items for one life event.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from counter_app.domain.errors import ValidationError as DomainValidationError
from counter_app.domain.ids import IdNumber, Uscc

SNAKE = r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$"
ITEM_CODE = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"
BASIC_CODE = r"^[0-9]{12}$"
HANDLER = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$"
SOURCE_TAG = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"

FieldType = Literal[
    "text",
    "textarea",
    "phone",
    "id_number",
    "credit_code",
    "date",
    "month",
    "money",
    "integer",
    "choice",
    "multichoice",
    "bool",
]
MaterialForm = Literal["original", "copy", "original_and_copy", "electronic"]
ReviewLevel = Literal[1, 2, 3]
Subject = Literal["person", "employer"]
ResultType = Literal[
    "certificate", "registration", "decision", "payment", "card", "record", "notice"
]
AuditClass = Literal["key", "general", "in_process"]
Calculation = Literal[
    "contribution_monthly", "flexible_payment", "back_payment", "account_refund", "reimbursement"
]
Confirmation = Literal["D", "G", "?"]

CHOICE_TYPES = frozenset({"choice", "multichoice"})
TEXT_TYPES = frozenset({"text", "textarea", "phone"})
NUMBER_TYPES = frozenset({"money", "integer"})
PHONE = re.compile(r"\+?[0-9][0-9 -]{4,23}")
MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
INTEGER = re.compile(r"-?[0-9]+")
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
BOOL_VALUES = ("true", "false")

Text = Annotated[str, Field(min_length=1, max_length=200)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Choice(_Frozen):
    """One answer of a choice field: the stored ``value`` and what the screen shows."""

    value: str = Field(min_length=1, max_length=60)
    label_zh: Text
    label_en: Text


class FormField(_Frozen):
    """One thing the teller captures for an item, typed so a generic form can check it.

    ``multichoice`` values (and defaults) are the chosen values joined by commas; ``bool``
    values are ``"true"`` or ``"false"``; ``month`` is ``YYYY-MM``; ``money`` is yuan with at
    most two decimals.
    """

    name: str = Field(pattern=SNAKE, max_length=60)
    label_zh: Text
    label_en: Text
    type: FieldType
    required: bool = True
    choices: tuple[Choice, ...] = ()
    default: str | None = None
    max_length: int | None = Field(default=None, ge=1, le=10_000)
    min: Decimal | None = None
    max: Decimal | None = None
    pattern: str | None = Field(default=None, min_length=1)
    help_zh: str = ""
    help_en: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> FormField:
        if self.type in CHOICE_TYPES and not self.choices:
            raise ValueError(f"a {self.type} field needs at least one choice")
        if self.type not in CHOICE_TYPES and self.choices:
            raise ValueError(f"a {self.type} field takes no choices")
        values = [choice.value for choice in self.choices]
        if len(set(values)) != len(values):
            raise ValueError(f"choice values repeat: {values}")
        if self.type == "multichoice" and any("," in value for value in values):
            raise ValueError("multichoice values must not contain a comma")
        if self.max_length is not None and self.type not in TEXT_TYPES:
            raise ValueError(f"max_length applies to text fields, not to a {self.type} field")
        if self.pattern is not None:
            if self.type not in TEXT_TYPES:
                raise ValueError(f"pattern applies to text fields, not to a {self.type} field")
            try:
                re.compile(self.pattern)
            except re.error as exc:
                raise ValueError(f"pattern {self.pattern!r} does not compile: {exc}") from None
        for bound in (self.min, self.max):
            if bound is None:
                continue
            if self.type not in NUMBER_TYPES:
                raise ValueError(f"min and max apply to numbers, not to a {self.type} field")
            if not bound.is_finite():
                raise ValueError("min and max must be finite numbers")
            if self.type == "integer" and bound != bound.to_integral_value():
                raise ValueError(f"the bound {bound} of an integer field is not whole")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        if self.default is not None:
            problem = self.value_problem(self.default)
            if problem is not None:
                raise ValueError(f"the default {self.default!r} is not valid: {problem}")
        return self

    def value_problem(self, value: str) -> str | None:
        """Why ``value`` (as typed, a string) is not acceptable for this field, or ``None``."""
        text = value.strip()
        if not text:
            return "a value is required" if self.required else None
        problem = _type_problem(self, text)
        if problem is None and self.pattern is not None and not re.fullmatch(self.pattern, text):
            problem = f"does not match the pattern {self.pattern}"
        return problem


def _type_problem(field: FormField, text: str) -> str | None:
    kind = field.type
    if kind in TEXT_TYPES:
        if field.max_length is not None and len(text) > field.max_length:
            return f"longer than {field.max_length} characters"
        if kind == "phone" and not PHONE.fullmatch(text):
            return "is not a telephone number"
        return None
    if kind == "id_number":
        try:
            IdNumber.parse(text)
        except DomainValidationError as exc:
            return exc.message
        return None
    if kind == "credit_code":
        try:
            Uscc.parse(text)
        except DomainValidationError as exc:
            return exc.message
        return None
    if kind == "date":
        try:
            if not ISO_DATE.fullmatch(text):
                raise ValueError
            dt.date.fromisoformat(text)
        except ValueError:
            return "is not a date like 2026-01-31"
        return None
    if kind == "month":
        return None if MONTH.fullmatch(text) else "is not a month like 2026-01"
    if kind in NUMBER_TYPES:
        return _number_problem(field, text)
    if kind == "choice":
        values = [choice.value for choice in field.choices]
        return None if text in values else f"is not one of {', '.join(values)}"
    if kind == "multichoice":
        values = [choice.value for choice in field.choices]
        chosen = [part.strip() for part in text.split(",")]
        unknown = [part for part in chosen if part not in values]
        if unknown:
            return f"{', '.join(unknown)} not among {', '.join(values)}"
        if len(set(chosen)) != len(chosen):
            return "a choice is repeated"
        return None
    return None if text in BOOL_VALUES else "is not true or false"


def _number_problem(field: FormField, text: str) -> str | None:
    if field.type == "integer":
        if not INTEGER.fullmatch(text):
            return "is not a whole number"
        number = Decimal(text)
    else:
        try:
            number = Decimal(text)
        except InvalidOperation:
            return "is not an amount of money"
        if not number.is_finite():
            return "is not an amount of money"
        exponent = number.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            return "has more than two decimals"
        if number < 0 and (field.min is None or field.min >= 0):
            return "must not be negative"
    if field.min is not None and number < field.min:
        return f"is below the minimum {field.min}"
    if field.max is not None and number > field.max:
        return f"is above the maximum {field.max}"
    return None


class Material(_Frozen):
    """One document the applicant brings (申请材料). ``deferrable``: 容缺受理, may follow later."""

    code: str = Field(pattern=SNAKE, max_length=60)
    name_zh: Text
    name_en: Text
    required: bool
    form: MaterialForm
    count: int = Field(default=1, ge=1, le=99)
    deferrable: bool = False
    note_zh: str = ""
    note_en: str = ""

    @model_validator(mode="after")
    def _deferrable_only_if_required(self) -> Material:
        if self.deferrable and not self.required:
            raise ValueError("only a required material can be deferred (容缺受理)")
        return self


class TimeLimit(_Frozen):
    """The published time limits in working days: ``promised`` (承诺, 0 = 即办) ≤ ``legal``."""

    promised: int = Field(ge=0, le=365)
    legal: int = Field(ge=0, le=365)

    @model_validator(mode="after")
    def _promise_within_the_law(self) -> TimeLimit:
        if self.legal < self.promised:
            raise ValueError(
                f"the legal limit {self.legal} is shorter than the promised {self.promised}"
            )
        return self


class Item(_Frozen):
    """One second-level business item (二级事项) as the window handles it."""

    code: str = Field(pattern=ITEM_CODE, max_length=40)
    basic_code: str | None = Field(default=None, pattern=BASIC_CODE)
    name_zh: Text
    name_en: Text
    group: str = Field(pattern=SNAKE, max_length=40)
    subject: Subject
    legal_basis: tuple[str, ...] = Field(min_length=1)
    materials: tuple[Material, ...] = ()
    fields: tuple[FormField, ...] = ()
    review_level: ReviewLevel
    time_limit: TimeLimit
    result: ResultType
    audit_class: AuditClass
    calculation: Calculation | None = None
    handler: str | None = Field(default=None, pattern=HANDLER)
    confirmed: Confirmation
    sources: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _no_blank_entries(self) -> Item:
        for name in ("legal_basis", "keywords"):
            if any(not entry.strip() for entry in getattr(self, name)):
                raise ValueError(f"{name} holds an empty entry")
        return self

    @property
    def required_materials(self) -> tuple[Material, ...]:
        return tuple(material for material in self.materials if material.required)

    @property
    def is_instant(self) -> bool:
        """The teller finishes it alone (即办件, review level 1)."""
        return self.review_level == 1


class Group(_Frozen):
    """A first-level group (一级事项); ``directory_name`` is its name in the national directory."""

    code: str = Field(pattern=SNAKE, max_length=40)
    name_zh: Text
    name_en: Text
    directory_name: Text
    order: int = Field(ge=0, le=10_000)
    items: tuple[Item, ...] = Field(min_length=1)


class Bundle(_Frozen):
    """一件事一次办: several items done together for one life event."""

    code: str = Field(pattern=ITEM_CODE, max_length=40)
    name_zh: Text
    name_en: Text
    items: tuple[str, ...] = Field(min_length=2)
    note_zh: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class Issue:
    """A fault that only the whole catalogue shows (a duplicate, a dangling reference).

    ``kind`` says what ``code`` names (``"item"``, ``"bundle"``, ``"group"`` or
    ``"catalogue"``); ``group_index`` is the position of the group it was found in (the
    loader turns it into a file name); ``field`` is a path inside the item like
    ``materials.2.code``.
    """

    kind: str
    code: str | None
    field: str | None
    message: str
    group_index: int | None = None

    def __str__(self) -> str:
        parts = [f"{self.kind} {self.code}" if self.code else self.kind]
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


def catalogue_issues(
    sources: dict[str, str], groups: Sequence[Group], bundles: Sequence[Bundle]
) -> list[Issue]:
    """Every cross-reference fault of a catalogue assembled from checked groups and bundles."""
    issues: list[Issue] = []
    for tag, reference in sources.items():
        if not re.fullmatch(SOURCE_TAG, tag):
            issues.append(Issue("catalogue", None, f"sources.{tag}", "is not a valid tag"))
        if not reference.strip():
            issues.append(Issue("catalogue", None, f"sources.{tag}", "has no URL or citation"))
    group_seen: dict[str, int] = {}
    order_seen: dict[int, str] = {}
    item_seen: dict[str, str] = {}
    for index, group in enumerate(groups):
        if group.code in group_seen:
            issues.append(Issue("group", group.code, "code", "is used twice", index))
        group_seen.setdefault(group.code, index)
        if group.order in order_seen:
            issues.append(
                Issue(
                    "group",
                    group.code,
                    "order",
                    f"{group.order} is already the order of group {order_seen[group.order]}",
                    index,
                )
            )
        order_seen.setdefault(group.order, group.code)
        for item in group.items:

            def add(field: str, message: str, item: Item = item, index: int = index) -> None:
                issues.append(Issue("item", item.code, field, message, index))

            if item.code in item_seen:
                add("code", f"is already an item of group {item_seen[item.code]}")
            item_seen.setdefault(item.code, group.code)
            if item.group != group.code:
                add("group", f"{item.group!r} differs from its group {group.code!r}")
            for position, material in _repeats(m.code for m in item.materials):
                add(f"materials.{position}.code", f"material {material!r} is listed twice")
            for position, name in _repeats(f.name for f in item.fields):
                add(f"fields.{position}.name", f"field {name!r} is listed twice")
            for position, tag in enumerate(item.sources):
                if tag not in sources:
                    add(f"sources.{position}", f"{tag!r} is not a tag of the index's [sources]")
    bundle_seen: set[str] = set()
    for bundle in bundles:
        if bundle.code in bundle_seen:
            issues.append(Issue("bundle", bundle.code, "code", "is used twice"))
        if bundle.code in item_seen:
            issues.append(Issue("bundle", bundle.code, "code", "is also an item's code"))
        bundle_seen.add(bundle.code)
        for position, code in enumerate(bundle.items):
            if code not in item_seen:
                issues.append(
                    Issue("bundle", bundle.code, f"items.{position}", f"no item {code} exists")
                )
        for position, code in _repeats(bundle.items):
            issues.append(
                Issue("bundle", bundle.code, f"items.{position}", f"{code} is listed twice")
            )
    return issues


def _repeats(values: Any) -> list[tuple[int, str]]:
    seen: set[str] = set()
    repeated: list[tuple[int, str]] = []
    for position, value in enumerate(values):
        if value in seen:
            repeated.append((position, value))
        seen.add(value)
    return repeated


class Catalogue(_Frozen):
    """The whole catalogue: the index's facts, the groups in order and the bundles."""

    version: str = Field(min_length=1, max_length=40)
    title_zh: Text
    title_en: Text
    region: Text
    effective: dt.date
    sources: dict[str, str]
    groups: tuple[Group, ...] = Field(min_length=1)
    bundles: tuple[Bundle, ...] = ()

    @model_validator(mode="after")
    def _cross_references(self) -> Catalogue:
        issues = catalogue_issues(self.sources, self.groups, self.bundles)
        if issues:
            raise ValueError("; ".join(str(issue) for issue in issues))
        return self

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item: groups by ``order``, then each group's items in file order."""
        ordered = sorted(self.groups, key=lambda group: group.order)
        return tuple(item for group in ordered for item in group.items)

    def find(self, code: str) -> Item | None:
        for group in self.groups:
            for item in group.items:
                if item.code == code:
                    return item
        return None

    def item(self, code: str) -> Item:
        found = self.find(code)
        if found is None:
            raise KeyError(f"no item {code!r} in catalogue {self.version}")
        return found

    def group(self, code: str) -> Group:
        for group in self.groups:
            if group.code == code:
                return group
        raise KeyError(f"no group {code!r} in catalogue {self.version}")

    def bundle(self, code: str) -> Bundle:
        for bundle in self.bundles:
            if bundle.code == code:
                return bundle
        raise KeyError(f"no bundle {code!r} in catalogue {self.version}")

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Catalogue:
        return cls.model_validate(data)

    def content_hash(self) -> str:
        """SHA-256 (hex) of the canonical JSON: what two sites compare to know they agree."""
        canonical = json.dumps(
            self.to_json(), sort_keys=True, separators=(",", ":"), ensure_ascii=False
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
