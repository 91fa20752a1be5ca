"""Personal data change (个人基本信息变更): contact data at once, key data through approval.

Two kinds of change share the catalogue item CHG-PERSON:

* contact data (telephone, postal address) is routine: the command updates the registry and
  the case is finished on the spot (L1);
* key data (关键信息更正: name, ID number, birth date, sex) identifies the person and every
  record hangs on it, so it is a request: the case goes to review at L3 with the requested
  values stored in its details (``details["requested"]``, beside ``details["current"]``), and
  the registry row is left as it is until the request is approved. A key-data request needs
  its proof (the catalogue's ``change_proof`` material).

A new ID number is checked like any other (GB 11643 check digit, birth date, region) and
must agree with the birth date and sex the record will hold: the birth date and the sex are
part of the number (digits 7–14 and the parity of digit 17), so a new number that says
otherwise needs the birth date or sex corrected in the same request, and a birth date alone
can only be corrected to the one the ID number already says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy import select

from counter_app.catalogue.schema import FormField, Item
from counter_app.domain.cases import CaseStatus
from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict, ValidationError, ValidationErrors
from counter_app.domain.ids import IdNumber, Sex
from counter_app.domain.people import validate_person_name, validate_phone
from counter_app.domain.roles import Permission
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import check_materials, open_case, require_complete
from counter_app.items.form_values import check_value
from counter_app.items.spec import Changes, ItemSpec, Text
from counter_app.storage.shared_models import CaseRow, PersonRow

KIND = "person.change"
ITEM_CODE = "CHG-PERSON"
PROOF_MATERIAL = "change_proof"  # 变更依据证明: mandatory for key data
KEY_DATA_REVIEW_LEVEL = 3

ChangeKind = Literal["contact", "key_data"]

_ADDRESS = FormField(
    name="new_address",
    label_zh="新通讯地址",
    label_en="New postal address",
    type="text",
    max_length=200,
    required=False,
)
_REASON = FormField(
    name="reason", label_zh="变更原因", label_en="Reason", type="textarea", max_length=500,
    required=False,
)  # fmt: skip


@dataclass(frozen=True)
class PersonChange:
    """What a ``person.change`` command carries; an empty new value means "unchanged"."""

    id_number: str
    change: ChangeKind
    new_phone: str = ""
    new_address: str = ""
    new_name: str = ""
    new_id_number: str = ""
    new_birth_date: dt.date | None = None
    new_sex: str = ""  # "M" or "F" (GB 11643: odd 17th digit male, even female)
    reason: str = ""
    catalogue_version: str = ""
    materials: tuple[str, ...] = ()
    ticket: str = ""
    window_number: int = 0

    @property
    def key_fields(self) -> dict[str, Any]:
        return {
            "new_name": self.new_name,
            "new_id_number": self.new_id_number,
            "new_birth_date": self.new_birth_date,
            "new_sex": self.new_sex,
        }


@dataclass(frozen=True)
class Recorded:
    """What the registry holds about the person (for the consistency checks)."""

    name: str
    sex: str
    birth_date: dt.date
    phone: str = ""
    address: str = ""


def _field(item: Item | None, default: FormField) -> FormField:
    if item is not None:
        for declared in item.fields:
            if declared.name == default.name:
                return declared
    return default


def _check_contact(
    change: PersonChange, item: Item | None, today: dt.date, errors: list[ValidationError]
) -> PersonChange:
    phone = address = ""
    try:
        phone = validate_phone(change.new_phone, field="new_phone", required=False)
    except ValidationError as exc:
        errors.append(exc)
    try:
        address = check_value(_field(item, _ADDRESS), change.new_address, today=today)
    except ValidationError as exc:
        errors.append(exc)
    if not change.new_phone.strip() and not change.new_address.strip():
        errors.append(
            ValidationError("new_phone", "required", "enter the new telephone or address")
        )
    for name, value in change.key_fields.items():
        if value:
            errors.append(
                ValidationError(name, "not_allowed", "key data is corrected as a key-data change")
            )
    return replace(change, new_phone=phone, new_address=address)


def _check_key_data(
    change: PersonChange,
    current_id: IdNumber | None,
    recorded: Recorded | None,
    today: dt.date,
    errors: list[ValidationError],
) -> PersonChange:
    name = ""
    if change.new_name.strip():
        try:
            name = validate_person_name(change.new_name, field="new_name")
        except ValidationError as exc:
            errors.append(exc)
        if recorded is not None and name == recorded.name:
            errors.append(ValidationError("new_name", "unchanged", "the name is already this"))
    new_id: IdNumber | None = None
    if change.new_id_number.strip():
        try:
            new_id = IdNumber.parse(change.new_id_number, field="new_id_number", today=today)
        except ValidationError as exc:
            errors.append(exc)
        if new_id is not None and current_id is not None and new_id == current_id:
            errors.append(
                ValidationError("new_id_number", "unchanged", "the ID number is already this")
            )
    sex = change.new_sex.strip().upper()
    if sex and sex not in (Sex.MALE.value, Sex.FEMALE.value):
        errors.append(ValidationError("new_sex", "choice", "choose male or female"))
        sex = ""
    if recorded is not None and sex and sex == recorded.sex:
        errors.append(ValidationError("new_sex", "unchanged", "the sex is already this"))
    birth = change.new_birth_date
    if birth is not None and (birth > today or birth.year < 1880):
        errors.append(ValidationError("new_birth_date", "range", "the birth date is impossible"))
    if (
        recorded is not None
        and birth is not None
        and birth == recorded.birth_date
        and new_id is None
    ):
        errors.append(
            ValidationError("new_birth_date", "unchanged", "the birth date is already this")
        )
    if not (name or change.new_id_number.strip() or birth is not None or sex):
        errors.append(
            ValidationError(
                "new_name", "required", "enter the corrected name, ID number, birth date or sex"
            )
        )
    for field_name in ("new_phone", "new_address"):
        if getattr(change, field_name).strip():
            errors.append(
                ValidationError(
                    field_name, "not_allowed", "contact data is changed as a contact change"
                )
            )

    # The number the record will hold must say the birth date and sex it will hold.
    number = new_id or current_id
    if number is not None:
        holds_birth = birth or (recorded.birth_date if recorded else None)
        if holds_birth is not None and number.birth_date != holds_birth:
            says = number.birth_date.isoformat()
            if birth is not None:
                message = f"the ID number says the birth date is {says}"
            else:
                message = (
                    f"the new ID number says the birth date is {says}, the registry holds "
                    f"{holds_birth.isoformat()}: correct the birth date in the same request"
                )
            errors.append(
                ValidationError(
                    "new_birth_date" if birth is not None else "new_id_number",
                    "birth_date_mismatch",
                    message,
                    {"date": says, "recorded": holds_birth.isoformat()},
                )
            )
        holds_sex = sex or (recorded.sex if recorded else "")
        if holds_sex and number.sex.value != holds_sex:
            errors.append(
                ValidationError(
                    "new_sex" if sex else "new_id_number",
                    "sex_mismatch",
                    f"the ID number says the sex is {number.sex.value}, not {holds_sex}",
                    {"sex": number.sex.value, "recorded": holds_sex},
                )
            )
    return replace(
        change,
        new_name=name,
        new_id_number=new_id.value if new_id else "",
        new_sex=sex,
    )


def check_change(
    change: PersonChange, item: Item | None, recorded: Recorded | None, *, today: dt.date
) -> PersonChange:
    """The change with every field checked and normalised; ``ValidationErrors`` lists every
    bad field at once. ``recorded`` is what the registry holds (``None``: not known here)."""
    errors: list[ValidationError] = []
    current_id: IdNumber | None = None
    try:
        current_id = IdNumber.parse(change.id_number, today=today)
    except ValidationError as exc:
        errors.append(exc)
    if change.change == "contact":
        checked = _check_contact(change, item, today, errors)
    else:
        checked = _check_key_data(change, current_id, recorded, today, errors)
    reason = ""
    try:
        reason = check_value(_field(item, _REASON), change.reason, today=today)
    except ValidationError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    assert current_id is not None
    return replace(checked, id_number=current_id.value, reason=reason)


def recorded_of(row: PersonRow | None) -> Recorded | None:
    if row is None:
        return None
    return Recorded(row.name, row.sex, row.birth_date, row.phone, row.address)


def _require_proof(change: PersonChange) -> None:
    if PROOF_MATERIAL not in change.materials:
        raise ValidationError(
            "materials",
            "missing",
            "a key-data correction needs the proof of the change",
            {"missing": PROOF_MATERIAL},
        )


def apply_change(ctx: ApplyContext, command: Command, payload: PersonChange) -> None:
    catalogue = ctx.catalogue(payload.catalogue_version)
    item = catalogue.item(ITEM_CODE)
    try:
        id_number = IdNumber.parse(payload.id_number, today=ctx.now.date()).value
    except ValidationError as exc:
        raise ValidationErrors([exc]) from None
    person = ctx.get(PersonRow, id_number)
    if person is None and ctx.side == "central":
        raise Conflict("unknown_person", "the registry holds no person with this ID number")
    change = check_change(payload, item, recorded_of(person), today=ctx.now.date())
    materials = check_materials([item], change.materials)
    require_complete(materials)

    if change.change == "contact":
        changed: dict[str, dict[str, str]] = {}
        if person is not None:
            phone = change.new_phone or person.phone
            address = change.new_address or person.address
            if phone != person.phone:
                changed["phone"] = {"from": person.phone, "to": phone}
            if address != person.address:
                changed["address"] = {"from": person.address, "to": address}
            if not changed:
                raise ValidationError("new_phone", "unchanged", "the registry already holds this")
            ctx.put(_person_with(person, phone=phone, address=address))
        open_case(
            ctx,
            command,
            item=item,
            catalogue_version=catalogue.version,
            case_id=command.uuid,
            materials=materials,
            details={
                "change": "contact",
                "changed": changed,
                "reason": change.reason,
                "fields": {
                    "changed": ",".join(changed),
                    "new_phone": change.new_phone,
                    "new_address": change.new_address,
                    "reason": change.reason,
                },
            },
            summary=f"个人基本信息变更（联系方式）{person.name if person else ''}".strip(),
            id_number=id_number,
            ticket=change.ticket,
            window_number=change.window_number,
        )
        return

    _require_proof(change)
    if change.new_id_number:
        other = ctx.get(PersonRow, change.new_id_number)
        if other is not None:
            raise Conflict(
                "id_number_taken",
                "the registry already holds another person with the new ID number",
            )
    waiting = ctx.session.scalars(
        select(CaseRow.id).where(
            CaseRow.id_number == id_number,
            CaseRow.item_code == ITEM_CODE,
            CaseRow.review_level >= KEY_DATA_REVIEW_LEVEL,
            CaseRow.status.in_((CaseStatus.IN_REVIEW.value, CaseStatus.IN_APPROVAL.value)),
        )
    ).first()
    if waiting is not None:
        raise Conflict(
            "change_in_review",
            "a key-data correction of this person is already waiting for approval",
        )
    requested: dict[str, str] = {}
    if change.new_name:
        requested["name"] = change.new_name
    if change.new_id_number:
        requested["id_number"] = change.new_id_number
    if change.new_birth_date is not None:
        requested["birth_date"] = change.new_birth_date.isoformat()
    if change.new_sex:
        requested["sex"] = change.new_sex
    current: dict[str, str] = {"id_number": id_number}
    if person is not None:
        current |= {
            "name": person.name,
            "birth_date": person.birth_date.isoformat(),
            "sex": person.sex,
        }
    open_case(
        ctx,
        command,
        item=item,
        catalogue_version=catalogue.version,
        case_id=command.uuid,
        materials=materials,
        details={
            "change": "key_data",
            "requested": requested,
            "current": current,
            "reason": change.reason,
            "fields": {"changed": ",".join(requested), "reason": change.reason},
        },
        summary=f"关键信息更正 {person.name if person else ''}".strip(),
        id_number=id_number,
        ticket=change.ticket,
        window_number=change.window_number,
        review_level=KEY_DATA_REVIEW_LEVEL,
    )


def _person_with(person: PersonRow, **changes: str) -> PersonRow:
    values = {c: getattr(person, c) for c in PersonRow.__table__.columns.keys()}  # noqa: SIM118
    values.update(changes)
    return PersonRow(**values)


SPEC = ItemSpec(
    kind=KIND,
    payload_type=PersonChange,
    permission=Permission.ACCEPT_CASES,
    apply=apply_change,
    label=Text("个人基本信息变更", "Change of personal data"),
    codes=(ITEM_CODE,),
    documents=("receipt", "result"),
    conflicts={
        "unknown_person": Text(
            "登记库中没有该身份证号码的人员", "The registry holds no person with this ID number"
        ),
        "id_number_taken": Text(
            "登记库中已有使用新身份证号码的其他人员",
            "Another person in the registry holds the new ID number",
        ),
        "change_in_review": Text(
            "该人员已有关键信息更正正在审批中",
            "A key-data correction of this person is already waiting for approval",
        ),
        "catalogue_version_unknown": Text(
            "该事项目录版本尚未发布，请同步后重新受理",
            "This catalogue version has not been published; sync and accept again",
        ),
    },
    changes=lambda p: Changes(persons=frozenset({p.id_number}), cases=True),
)
