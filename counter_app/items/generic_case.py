"""The generic intake: any catalogue item without a handler of its own, from its data alone.

``case.accept`` carries the catalogue version, one part per item (a bundle 一件事一次办 has
several, sharing one materials list and one receipt), the subject (a person's ID number or an
employer's credit code), the materials the teller ticked and the typed form values. Both sides
check the values against the item's declared fields, compare the materials with its list and
open one case per part (``case_records.open_case``) — all in the command's one transaction, so
a bundle is accepted whole or not at all. ``case.supplement`` records materials brought later
for a case waiting in ``materials_pending``; when they are complete the case moves on and gets
its promised date from that day.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from counter_app.catalogue.schema import Catalogue, Item
from counter_app.domain.cases import CaseStatus, promised_deadline
from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict, ValidationError
from counter_app.domain.ids import IdNumber, Uscc
from counter_app.domain.roles import Permission
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import check_materials, open_case, status_for
from counter_app.items.form_values import FieldValue, check_form
from counter_app.items.spec import UNKNOWN_EMPLOYER, UNKNOWN_PERSON, Changes, ItemSpec, Text
from counter_app.storage.rowcodec import canonical_json
from counter_app.storage.shared_models import CaseRow, EmployerRow, PersonRow

ACCEPT = "case.accept"
SUPPLEMENT = "case.supplement"
# Items of these groups may register someone the registry does not hold yet.
REGISTERING_GROUPS = frozenset({"registration"})


@dataclass(frozen=True)
class ItemPart:
    item_code: str
    fields: tuple[FieldValue, ...] = ()


@dataclass(frozen=True)
class CaseIntake:
    catalogue_version: str
    parts: tuple[ItemPart, ...]
    materials: tuple[str, ...] = ()
    id_number: str = ""
    credit_code: str = ""
    subject_name: str = ""
    bundle: str = ""
    ticket: str = ""
    window_number: int = 0


@dataclass(frozen=True)
class MaterialsSupplement:
    case_id: str
    materials: tuple[str, ...]


def part_case_id(command_uuid: str, index: int, item_code: str) -> str:
    """The case id of part ``index``: the command's UUID for the first, derived for others."""
    if index == 0:
        return command_uuid
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:case:{command_uuid}:{item_code}"))


def _items(catalogue: Catalogue, intake: CaseIntake) -> list[Item]:
    if not intake.parts:
        raise ValidationError("parts", "required", "choose at least one item")
    items: list[Item] = []
    for part in intake.parts:
        item = catalogue.find(part.item_code)
        if item is None:
            raise ValidationError(
                "item_code",
                "unknown",
                f"catalogue {catalogue.version} has no item {part.item_code}",
            )
        items.append(item)
    if len({i.code for i in items}) != len(items):
        raise ValidationError("parts", "duplicate", "an item is listed twice")
    if intake.bundle:
        bundle = next((b for b in catalogue.bundles if b.code == intake.bundle), None)
        if bundle is None:
            raise ValidationError("bundle", "unknown", f"no bundle {intake.bundle}")
        outside = [i.code for i in items if i.code not in bundle.items]
        if outside:
            raise ValidationError(
                "parts", "not_in_bundle", f"not part of this life event: {', '.join(outside)}"
            )
    elif len(items) > 1:
        raise ValidationError("parts", "bundle_required", "several items need a life event")
    return items


def _refuse_own_form_items(items: list[Item], complete: bool, bundle: str) -> None:
    """An item with a handler of its own is accepted on its own form; through the generic
    intake only to record what is missing (a pending case and the one-time notification), or
    as part of a life event, whose items the back office then handles one by one."""
    own = [i.code for i in items if i.handler]
    if own and complete and not bundle:
        raise ValidationError("item_code", "own_form", f"item {own[0]} is accepted on its own form")


def _subject(ctx: ApplyContext, intake: CaseIntake, items: list[Item]) -> tuple[str, str]:
    id_number = credit_code = ""
    today = ctx.now.date()
    if any(i.subject == "person" for i in items):
        id_number = IdNumber.parse(intake.id_number, today=today).value
        registering = all(i.group in REGISTERING_GROUPS for i in items)
        if ctx.side == "central" and not registering and ctx.get(PersonRow, id_number) is None:
            raise Conflict("unknown_person", "the registry holds no person with this ID number")
    if any(i.subject == "employer" for i in items):
        credit_code = Uscc.parse(intake.credit_code).value
        registering = all(i.group in REGISTERING_GROUPS for i in items)
        if ctx.side == "central" and not registering and ctx.get(EmployerRow, credit_code) is None:
            raise Conflict("unknown_employer", "no insured employer has this credit code")
    return id_number, credit_code


def apply_accept(ctx: ApplyContext, command: Command, intake: CaseIntake) -> None:
    catalogue = ctx.catalogue(intake.catalogue_version)
    items = _items(catalogue, intake)
    id_number, credit_code = _subject(ctx, intake, items)
    materials = check_materials(items, intake.materials)
    _refuse_own_form_items(items, materials.complete, intake.bundle)
    bundle_id = command.uuid if intake.bundle else None
    for index, (part, item) in enumerate(zip(intake.parts, items, strict=True)):
        if item.handler and not materials.complete and not part.fields:
            # Waiting for materials: the item's own form is filled when they are brought.
            values: dict[str, str] = {}
        else:
            typed = {fv.name: fv.value for fv in part.fields}
            values = check_form(item, typed, today=ctx.now.date())
        open_case(
            ctx,
            command,
            item=item,
            catalogue_version=catalogue.version,
            case_id=part_case_id(command.uuid, index, item.code),
            materials=materials,
            details={"fields": values, "bundle": intake.bundle},
            summary=f"{item.name_zh} {intake.subject_name}".strip(),
            id_number=id_number,
            credit_code=credit_code,
            ticket=intake.ticket,
            window_number=intake.window_number,
            bundle_id=bundle_id,
        )


def apply_supplement(ctx: ApplyContext, command: Command, supplement: MaterialsSupplement) -> None:
    case = ctx.get(CaseRow, supplement.case_id)
    if case is None:
        raise Conflict("unknown_case", "no such case (sync and try again)")
    if case.status != CaseStatus.MATERIALS_PENDING.value:
        raise Conflict("not_pending", "this case is not waiting for materials")
    if not case.catalogue_version:
        raise Conflict("unknown_case", "this case was not accepted from the catalogue")
    catalogue = ctx.catalogue(case.catalogue_version)
    item = catalogue.item(case.item_code)
    before = json.loads(case.materials or "{}")
    received = [*before.get("received", []), *supplement.materials]
    materials = check_materials([item], received)
    status = status_for(item, materials)
    if status is CaseStatus.COMPLETED and (case.review_level > 1 or item.handler):
        # Complete now: an item with its own form continues there (accepted, not finished).
        status = CaseStatus.ACCEPTED if item.handler else CaseStatus.IN_REVIEW
    promised = (
        promised_deadline(item.time_limit.promised, ctx.acceptance_day(command.client_time))
        if materials.complete
        else None
    )
    ctx.put(
        CaseRow(
            **{
                **{c: getattr(case, c) for c in CaseRow.__table__.columns.keys()},  # noqa: SIM118
                "status": status.value,
                "materials": canonical_json(materials.as_json()),
                "promised_date": promised.date if promised else None,
                "promised_provisional": bool(promised and promised.provisional),
            }
        )
    )


ACCEPT_SPEC = ItemSpec(
    batchable=True,  # reads through ctx.get, writes through ctx.put only
    kind=ACCEPT,
    payload_type=CaseIntake,
    permission=Permission.ACCEPT_CASES,
    apply=apply_accept,
    label=Text("受理业务", "Case accepted"),
    generic=True,
    documents=("receipt", "notice", "result"),
    conflicts={
        "unknown_person": UNKNOWN_PERSON,
        "unknown_employer": UNKNOWN_EMPLOYER,
        "catalogue_version_unknown": Text(
            "该事项目录版本尚未发布，请同步后重新受理",
            "This catalogue version has not been published; sync and accept again",
        ),
    },
    changes=lambda p: Changes(
        persons=frozenset({p.id_number} - {""}),
        employers=frozenset({p.credit_code} - {""}),
        cases=True,
    ),
)

SUPPLEMENT_SPEC = ItemSpec(
    batchable=True,  # reads through ctx.get, writes through ctx.put only
    kind=SUPPLEMENT,
    payload_type=MaterialsSupplement,
    permission=Permission.ACCEPT_CASES,
    apply=apply_supplement,
    label=Text("补正材料", "Materials supplemented"),
    documents=("receipt", "notice"),
    conflicts={
        "unknown_case": Text("找不到该业务件，请同步后重试", "No such case; sync and try again"),
        "not_pending": Text("该业务件不在待补正材料状态", "This case is not waiting for materials"),
    },
    changes=lambda _p: Changes(cases=True),
)
