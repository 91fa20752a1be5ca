"""Employer adds and removes staff (缴费人员增减申报) from a roster, in one transaction.

The employer hands in a roster (an Excel workbook or a CSV file, read by
``counter_app.services.roster``); the teller sees which rows are valid and sends the valid
ones as one command. For each row the handler either adds the person to the employer's staff
(the person registered if new, insured as an employee of this employer for the five employee
insurance types from the date of the change, the roster row kept in ``employer_staff``) or
removes them (the statuses held through this employer stopped, the end date and reason kept
in ``employer_staff``).

A row that contradicts the records — a person insured by another employer who has not
removed them, someone added twice, someone removed who is not on this employer's staff, a
name other than the registry's — rejects the whole command, naming every such row with its
number in the file: nothing is half-applied, and the employer corrects those rows (or the
teller leaves them out) and declares again. A workstation's cache need not hold every person,
so "not on the staff" is said only by the centre; what the cache does hold is checked at the
window already.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from sqlalchemy import select

from counter_app.catalogue.schema import Item
from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict, ValidationError, ValidationErrors
from counter_app.domain.ids import IdNumber, Uscc
from counter_app.domain.insurance import MIN_WORKING_AGE, InsuranceType
from counter_app.domain.money import CENT, MAX_AMOUNT
from counter_app.domain.people import validate_person_name
from counter_app.domain.roles import Permission
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import check_materials, open_case, require_complete
from counter_app.items.spec import UNKNOWN_EMPLOYER, Changes, ItemSpec, Text
from counter_app.storage.employer_models import EmployerStaffRow
from counter_app.storage.shared_models import (
    EmployerRow,
    InsuranceStatusRow,
    InsuredPersonRow,
    PersonRow,
)

KIND = "employer.staff_change"
ITEM_CODE = "STAFF-CHANGE"
ROSTER_CONFLICT = "roster_conflict"
ACTIVE = "active"
STOPPED = "stopped"
EMPLOYEE = "employee"
# How far ahead a change may be declared (as an enrollment's start date).
MAX_DAYS_AHEAD = 92
MAX_PLACE = 60

Action = Literal["add", "remove"]

# 户籍性质 as the registry stores it (``persons.hukou_type``).
HUKOU_TYPES = ("城镇", "农村")

# 减员原因: the catalogue item's ``removal_reason`` choices (used when it declares none).
DEFAULT_REMOVAL_REASONS: dict[str, tuple[str, str]] = {
    "contract_end": ("劳动合同终止", "Contract ended"),
    "resignation": ("辞职", "Resignation"),
    "dismissal": ("解除劳动合同", "Dismissal"),
    "transfer": ("调出", "Transferred out"),
    "retirement": ("退休", "Retirement"),
    "death": ("死亡", "Death"),
    "other": ("其他", "Other"),
}

# Why a row contradicts the records (the code in the conflict's message, per row).
ROW_CONFLICTS: dict[str, tuple[str, str]] = {
    "insured_elsewhere": (
        "已在其他单位参保，原单位尚未减员",
        "insured by another employer that has not removed them",
    ),
    "already_on_staff": ("已是本单位在职参保人员", "already on this employer's staff"),
    "not_on_staff": ("不是本单位在职参保人员", "not on this employer's staff"),
    "name_mismatch": ("姓名与登记库不一致", "the name differs from the registry's"),
    "before_start": ("减员日期早于参保开始日期", "removed before the date they joined"),
}


@dataclass(frozen=True)
class StaffRow:
    """One valid row of a roster: ``line`` is its row number in the file."""

    line: int
    action: Action
    name: str
    id_number: str
    change_date: dt.date
    hukou_type: str = ""  # 城镇 | 农村 (additions)
    hukou_place: str = ""
    base: Decimal | None = None  # 缴费基数, yuan per month (additions)
    reason: str = ""  # a removal reason code (removals)


@dataclass(frozen=True)
class StaffChange:
    """What an ``employer.staff_change`` command carries."""

    credit_code: str
    rows: tuple[StaffRow, ...]
    source: str = ""  # the roster file's name, for the record
    catalogue_version: str = ""
    materials: tuple[str, ...] = ()
    ticket: str = ""
    window_number: int = 0
    # A roster too large for one command is declared in parts, each its own command and
    # case: the parts share ``batch`` (empty for a roster sent whole) and are numbered
    # ``part`` of ``parts``.
    batch: str = ""
    part: int = 1
    parts: int = 1


def removal_reasons(item: Item | None) -> dict[str, tuple[str, str]]:
    """Removal reason code → (Chinese, English), from the catalogue item when it says."""
    if item is not None:
        for field in item.fields:
            if field.name == "removal_reason" and field.choices:
                return {c.value: (c.label_zh, c.label_en) for c in field.choices}
    return dict(DEFAULT_REMOVAL_REASONS)


def row_problems(
    row: StaffRow, *, today: dt.date, reasons: Mapping[str, tuple[str, str]]
) -> list[ValidationError]:
    """Every rule a roster row breaks on its own (field names as the roster's columns:
    ``name``, ``id_number``, ``hukou_type``, ``hukou_place``, ``base``, ``change_date``,
    ``action``, ``reason``)."""
    problems: list[ValidationError] = []
    try:
        validate_person_name(row.name)
    except ValidationError as exc:
        problems.append(exc)
    id_number: IdNumber | None = None
    try:
        id_number = IdNumber.parse(row.id_number, today=today)
    except ValidationError as exc:
        problems.append(exc)
    if row.change_date > today + dt.timedelta(days=MAX_DAYS_AHEAD):
        problems.append(
            ValidationError(
                "change_date", "range", "the date of the change is more than 3 months ahead"
            )
        )
    if id_number is not None and row.change_date < id_number.birth_date:
        problems.append(ValidationError("change_date", "range", "the date is before the birth"))
    if row.action == "add":
        if row.hukou_type not in HUKOU_TYPES:
            problems.append(
                ValidationError("hukou_type", "required", "the household registration type")
            )
        if not row.hukou_place.strip():
            problems.append(ValidationError("hukou_place", "required", "the place is required"))
        if len(row.hukou_place) > MAX_PLACE:
            problems.append(
                ValidationError("hukou_place", "too_long", f"at most {MAX_PLACE} characters")
            )
        if row.base is None:
            problems.append(ValidationError("base", "required", "the base is required"))
        elif not row.base.is_finite() or row.base <= 0:
            problems.append(ValidationError("base", "range", "the base must be above zero"))
        elif row.base > MAX_AMOUNT:
            problems.append(ValidationError("base", "too_large", "the base is too large"))
        elif row.base != row.base.quantize(CENT):
            problems.append(
                ValidationError("base", "format", "the base is yuan with at most two decimals")
            )
        if row.reason:
            problems.append(
                ValidationError("reason", "not_allowed", "an addition has no removal reason")
            )
        if (
            id_number is not None
            and id_number.age_on(max(row.change_date, id_number.birth_date)) < MIN_WORKING_AGE
        ):
            problems.append(
                ValidationError(
                    "id_number", "age", f"a person under {MIN_WORKING_AGE} cannot be employed"
                )
            )
    else:
        if not row.reason:
            problems.append(ValidationError("reason", "required", "the reason for the removal"))
        elif row.reason not in reasons:
            problems.append(ValidationError("reason", "choice", "not a removal reason"))
    return problems


def parse_conflict_rows(message: str) -> list[tuple[int, str]]:
    """The rows a ``roster_conflict`` names: (row number, conflict code), in order."""
    return [(int(n), code) for n, code in re.findall(r"row (\d+): ([a-z_]+)", message)]


def _conflict_message(conflicts: Iterable[tuple[int, str]]) -> str:
    return "; ".join(f"row {line}: {code}" for line, code in conflicts)


def _active_types(ctx: ApplyContext, id_number: str, employer: str) -> list[InsuranceStatusRow]:
    return list(
        ctx.session.scalars(
            select(InsuranceStatusRow).where(
                InsuranceStatusRow.id_number == id_number,
                InsuranceStatusRow.employer_code == employer,
                InsuranceStatusRow.status == ACTIVE,
            )
        )
    )


def _on_staff(ctx: ApplyContext, code: str, id_number: str) -> bool | None:
    """Whether the person is on the employer's staff; ``None`` when this side cannot know."""
    staff = ctx.get(EmployerStaffRow, code, id_number)
    if staff is not None:
        return staff.end_date is None
    insured = ctx.get(InsuredPersonRow, id_number)
    if insured is None:
        return None if ctx.side == "local" else False
    return insured.employer_code == code and bool(_active_types(ctx, id_number, code))


def _row_conflict(ctx: ApplyContext, code: str, row: StaffRow) -> str | None:
    on_staff = _on_staff(ctx, code, row.id_number)
    if row.action == "remove":
        if on_staff is False:
            return "not_on_staff"
        staff = ctx.get(EmployerStaffRow, code, row.id_number)
        if staff is not None and staff.end_date is None and row.change_date < staff.start_date:
            return "before_start"
        return None
    if on_staff:
        return "already_on_staff"
    person = ctx.get(PersonRow, row.id_number)
    if person is not None and person.name != row.name:
        return "name_mismatch"
    insured = ctx.get(InsuredPersonRow, row.id_number)
    if (
        insured is not None
        and insured.category == EMPLOYEE
        and insured.employer_code not in (None, code)
        and _active_types(ctx, row.id_number, insured.employer_code or "")
    ):
        return "insured_elsewhere"
    return None


def _add(ctx: ApplyContext, command: Command, code: str, row: StaffRow) -> None:
    number = IdNumber(row.id_number)
    person = ctx.get(PersonRow, row.id_number)
    ctx.put(
        PersonRow(
            id_number=row.id_number,
            name=row.name,
            sex=number.sex.value,
            birth_date=number.birth_date,
            phone=person.phone if person else "",
            address=person.address if person else "",
            hukou_type=row.hukou_type or (person.hukou_type if person else ""),
        )
    )
    insured = ctx.get(InsuredPersonRow, row.id_number)
    if insured is None:
        serial = ctx.next_number("insured_number")
        ctx.put(
            InsuredPersonRow(
                id_number=row.id_number,
                insured_number=None if serial is None else f"{ctx.now:%Y}{serial:08d}",
                category=EMPLOYEE,
                employer_code=code,
                hall_code=command.hall_code,
                registered_at=ctx.now.replace(tzinfo=None),
                origin_command=command.uuid,
            )
        )
    else:
        ctx.put(
            InsuredPersonRow(
                id_number=insured.id_number,
                insured_number=insured.insured_number,
                category=EMPLOYEE,
                employer_code=code,
                hall_code=insured.hall_code,
                registered_at=insured.registered_at,
                origin_command=insured.origin_command,
            )
        )
    for insurance_type in InsuranceType:
        ctx.put(
            InsuranceStatusRow(
                id_number=row.id_number,
                insurance_type=insurance_type.value,
                status=ACTIVE,
                start_date=row.change_date,
                employer_code=code,
            )
        )
    ctx.put(
        EmployerStaffRow(
            credit_code=code,
            id_number=row.id_number,
            name=row.name,
            start_date=row.change_date,
            end_date=None,
            end_reason="",
            base=row.base,
            hukou_type=row.hukou_type,
            hukou_place=row.hukou_place.strip(),
            case_id=command.uuid,
        )
    )


def _remove(ctx: ApplyContext, command: Command, code: str, row: StaffRow) -> None:
    statuses = _active_types(ctx, row.id_number, code)
    staff = ctx.get(EmployerStaffRow, code, row.id_number)
    if staff is None and not statuses:
        return  # a workstation that does not hold this person: the centre's pull will
    for status in statuses:
        ctx.put(
            InsuranceStatusRow(
                id_number=status.id_number,
                insurance_type=status.insurance_type,
                status=STOPPED,
                start_date=status.start_date,
                employer_code=code,
            )
        )
    ctx.put(
        EmployerStaffRow(
            credit_code=code,
            id_number=row.id_number,
            name=staff.name if staff else row.name,
            start_date=(
                staff.start_date
                if staff
                else min((s.start_date for s in statuses), default=row.change_date)
            ),
            end_date=row.change_date,
            end_reason=row.reason,
            base=staff.base if staff else None,
            hukou_type=staff.hukou_type if staff else "",
            hukou_place=staff.hukou_place if staff else "",
            case_id=command.uuid,
        )
    )


def check_rows(rows: tuple[StaffRow, ...], item: Item | None, *, today: dt.date) -> None:
    """Every row valid on its own and each person once; ``ValidationErrors`` names the rows
    (a screen sends only rows its parser found valid, so this catches stale or forged ones)."""
    if not rows:
        raise ValidationError("rows", "required", "the roster holds no valid row")
    reasons = removal_reasons(item)
    errors: list[ValidationError] = []
    seen: dict[str, int] = {}
    for row in rows:
        for problem in row_problems(row, today=today, reasons=reasons):
            errors.append(
                ValidationError(
                    "rows",
                    problem.code,
                    f"row {row.line}: {problem.field}: {problem.message}",
                    {"line": str(row.line), "column": problem.field},
                )
            )
        first = seen.setdefault(row.id_number, row.line)
        if first != row.line:
            errors.append(
                ValidationError(
                    "rows",
                    "duplicate",
                    f"row {row.line}: the person of row {first} again",
                    {"line": str(row.line), "first": str(first)},
                )
            )
    if errors:
        raise ValidationErrors(errors)


def apply_staff_change(ctx: ApplyContext, command: Command, payload: StaffChange) -> None:
    catalogue = ctx.catalogue(payload.catalogue_version)
    item = catalogue.item(ITEM_CODE)
    code = Uscc.parse(payload.credit_code, field="credit_code").value
    check_rows(payload.rows, item, today=ctx.now.date())
    employer = ctx.get(EmployerRow, code)
    if employer is None and ctx.side == "central":
        raise Conflict("unknown_employer", f"no insured employer has the credit code {code}")
    materials = check_materials([item], payload.materials)
    require_complete(materials)

    conflicts = [
        (row.line, found)
        for row in payload.rows
        if (found := _row_conflict(ctx, code, row)) is not None
    ]
    if conflicts:
        raise Conflict(ROSTER_CONFLICT, _conflict_message(conflicts))

    added = removed = 0
    for row in payload.rows:
        if row.action == "add":
            _add(ctx, command, code, row)
            added += 1
        else:
            _remove(ctx, command, code, row)
            removed += 1
    name = employer.name if employer is not None else ""
    open_case(
        ctx,
        command,
        item=item,
        catalogue_version=catalogue.version,
        case_id=command.uuid,
        materials=materials,
        details={
            "fields": {"credit_code": code, "headcount": str(added + removed)},
            "added": added,
            "removed": removed,
            "source": payload.source,
            "lines": [row.line for row in payload.rows],
        },
        summary=f"缴费人员增减申报 {name} 增{added}人 减{removed}人".replace("  ", " "),
        credit_code=code,
        ticket=payload.ticket,
        window_number=payload.window_number,
    )


SPEC = ItemSpec(
    kind=KIND,
    payload_type=StaffChange,
    permission=Permission.ACCEPT_CASES,
    apply=apply_staff_change,
    label=Text("缴费人员增减申报", "Adding or removing contributing staff"),
    codes=(ITEM_CODE,),
    documents=("receipt", "result"),
    conflicts={
        ROSTER_CONFLICT: Text(
            "名单中有与登记信息冲突的行，整批未办理", "Rows of the roster contradict the records"
        ),
        "unknown_employer": UNKNOWN_EMPLOYER,
        "catalogue_version_unknown": Text(
            "该事项目录版本尚未发布，请同步后重新受理",
            "This catalogue version has not been published; sync and accept again",
        ),
    },
    changes=lambda p: Changes(
        persons=frozenset(r.id_number for r in p.rows),
        employers=frozenset({p.credit_code}),
        cases=True,
    ),
)
