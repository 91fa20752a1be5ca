"""养老保险关系转移接续 — a pension transfer out (转出) or in (转入): ``pension.transfer``.

Under 《城镇企业职工基本养老保险关系转移接续暂行办法》 (国办发〔2009〕66号) an insured person who
moves between regions has their pension record transferred: the new place reviews the
application and sends a contact letter (联系函) to the old place within 15 working days, the
old place completes its part within 15 working days, and the new place closes within 15
working days after records and funds arrive. The teller records the request — the other
region and agency, the period of contributions concerned and, for a transfer in, the number
of the contact letter — as a ``pension_transfers`` row in status ``requested`` and opens an
L2 case (a reviewer checks it) whose promised date is the catalogue's time limit.

One command kind serves both catalogue items; ``direction`` says which. A person with a
transfer of the same direction still ``requested`` gets no second one.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select

from counter_app.domain.commands import Command
from counter_app.domain.errors import Conflict, ValidationError
from counter_app.domain.roles import Permission
from counter_app.items import service_support as check
from counter_app.items.apply_context import ApplyContext
from counter_app.items.case_records import check_materials, open_case, require_complete
from counter_app.items.spec import Changes, ItemSpec, Text
from counter_app.storage.service_item_models import PensionTransferRow

KIND = "pension.transfer"
OUT = "out"
IN = "in"
ITEM_CODES = {OUT: "TRANSFER-PENSION-OUT", IN: "TRANSFER-PENSION-IN"}
REQUESTED = "requested"
_LETTER = re.compile(r"^[0-9A-Z\-〔〕()（）第号字]{4,40}$")


@dataclass(frozen=True)
class PensionTransferPayload:
    """What a ``pension.transfer`` command carries (the journal keeps its JSON form)."""

    catalogue_version: str
    direction: str  # "out" or "in"
    id_number: str
    other_region: str  # province and city the record goes to (out) or comes from (in)
    period_from: str  # 'YYYY-MM': the contributions concerned
    period_to: str
    other_agency: str = ""
    contact_letter_no: str = ""  # 联系函编号, required for a transfer in
    phone: str = ""
    name: str = ""
    materials: tuple[str, ...] = ()
    ticket: str = ""
    window_number: int = 0


def contact_letter(raw: str) -> str:
    """A contact letter number as printed (full-width forms folded, spaces dropped)."""
    folded = unicodedata.normalize("NFKC", raw or "").replace(" ", "").upper()
    if not folded:
        raise ValidationError(
            "contact_letter_no", "required", "the contact letter number is needed"
        )
    if not _LETTER.match(folded):
        raise ValidationError(
            "contact_letter_no", "format", f"{raw} is not a contact letter number", {"value": raw}
        )
    return folded


def apply_transfer(ctx: ApplyContext, command: Command, p: PensionTransferPayload) -> None:
    today = ctx.now.date()
    checks = check.Checks()
    with checks.field():
        direction = check.choice("direction", p.direction, (OUT, IN))
    checks.done()
    catalogue, item = check.catalogue_item(ctx, p.catalogue_version, ITEM_CODES[direction])

    id_number = None
    with checks.field():
        id_number = check.person_id(p.id_number, today=today)
    region = agency = letter = phone = first = last = ""
    with checks.field():
        region = check.text("other_region", p.other_region, max_length=60, today=today)
    with checks.field():
        agency = check.text(
            "other_agency", p.other_agency, max_length=100, required=False, today=today
        )
    with checks.field():
        first = check.month("period_from", p.period_from)
    with checks.field():
        last = check.month("period_to", p.period_to)
    if first and last:
        if first > last:
            checks.add("period_to", "order", "the period ends before it begins")
        elif last > f"{today:%Y-%m}":
            checks.add("period_to", "future", "the period cannot end after this month")
    if direction == IN:
        with checks.field():
            letter = contact_letter(p.contact_letter_no)
    with checks.field():
        phone = check.phone("phone", p.phone, required=True)
    with checks.field():
        materials = check_materials([item], p.materials)
        require_complete(materials)
    checks.done()
    assert id_number is not None

    person = check.registered_person(ctx, id_number)
    pending = ctx.session.scalars(
        select(PensionTransferRow.id).where(
            PensionTransferRow.id_number == id_number.value,
            PensionTransferRow.direction == direction,
            PensionTransferRow.status == REQUESTED,
            PensionTransferRow.id != command.uuid,
        )
    ).first()
    if pending is not None:
        raise Conflict(
            "transfer_pending",
            f"a pension transfer {direction} of {id_number.masked()} is already being handled",
        )

    ctx.put(
        PensionTransferRow(
            id=command.uuid,
            id_number=id_number.value,
            direction=direction,
            item_code=item.code,
            other_region=region,
            other_agency=agency,
            period_from=first,
            period_to=last,
            contact_letter_no=letter or None,
            status=REQUESTED,
            hall_code=command.hall_code,
            requested_by=command.actor,
            requested_at=ctx.now.replace(tzinfo=None),
        )
    )
    name = check.subject_name(person, p.name)
    open_case(
        ctx,
        command,
        item=item,
        catalogue_version=catalogue.version,
        case_id=command.uuid,
        materials=materials,
        details={
            "direction": direction,
            "other_region": region,
            "other_agency": agency,
            "period_from": first,
            "period_to": last,
            "contact_letter_no": letter,
            "phone": phone,
            "name": name,
        },
        summary=f"{item.name_zh} {name}".strip(),
        id_number=id_number.value,
        ticket=p.ticket,
        window_number=p.window_number,
    )


SPEC = ItemSpec(
    kind=KIND,
    payload_type=PensionTransferPayload,
    permission=Permission.ACCEPT_CASES,
    apply=apply_transfer,
    label=Text("养老保险关系转移接续", "Pension transfer"),
    codes=tuple(ITEM_CODES.values()),
    documents=("receipt",),
    conflicts={
        "unknown_person": Text(
            "登记库中没有该身份证号码的人员", "The registry holds no person with this ID number"
        ),
        "transfer_pending": Text(
            "该人员已有同方向的养老保险关系转移正在办理",
            "A pension transfer in the same direction is already being handled",
        ),
    },
    changes=lambda p: Changes(persons=frozenset({p.id_number.strip().upper()} - {""}), cases=True),
)
