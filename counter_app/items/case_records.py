"""Opening a case for a catalogue item: materials checked, numbered, dated, in one place.

Every item — the generic ones and those with their own handler — records its case through
``open_case``: the materials the teller ticked are compared with the item's list (a missing
mandatory material that may not follow later keeps the case in ``materials_pending``, the
customer gets the one-time notification 一次性告知书; one that may follow later, 容缺受理, is
accepted and noted), the case number comes from the centre's counter, the promised date
(承诺办结) from the item's time limit in working days, and the status from the review level:
L1 items are finished on the spot, L2 and L3 go to review.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from counter_app.catalogue.schema import Item
from counter_app.domain.cases import CaseStatus, promised_deadline
from counter_app.domain.commands import Command
from counter_app.domain.errors import ValidationError
from counter_app.items.apply_context import ApplyContext
from counter_app.storage.rowcodec import canonical_json
from counter_app.storage.shared_models import CaseRow


@dataclass(frozen=True)
class MaterialsCheck:
    received: tuple[str, ...]
    missing: tuple[str, ...]  # mandatory and not received: the case waits for them
    deferred: tuple[str, ...]  # mandatory, not received, allowed to follow later (容缺)

    @property
    def complete(self) -> bool:
        return not self.missing

    def as_json(self) -> dict[str, list[str]]:
        return {
            "received": list(self.received),
            "missing": list(self.missing),
            "deferred": list(self.deferred),
        }


def check_materials(items: Iterable[Item], received: Iterable[str]) -> MaterialsCheck:
    """Compare the ticked materials with what ``items`` require (a bundle: several items)."""
    items = list(items)
    known = {m.code for item in items for m in item.materials}
    got = tuple(dict.fromkeys(received))
    unknown = [code for code in got if code not in known]
    if unknown:
        raise ValidationError(
            "materials",
            "unknown_material",
            f"materials not on this item's list: {', '.join(unknown)}",
        )
    missing: list[str] = []
    deferred: list[str] = []
    for item in items:
        for material in item.materials:
            if not material.required or material.code in got:
                continue
            target = deferred if material.deferrable else missing
            if material.code not in target:
                target.append(material.code)
    return MaterialsCheck(got, tuple(missing), tuple(deferred))


def require_complete(materials: MaterialsCheck) -> None:
    """For an item whose handler changes the registry at once: every mandatory material must
    be there (a missing one goes the generic way: a pending case and the one-time notice)."""
    if not materials.complete:
        raise ValidationError(
            "materials",
            "missing",
            f"mandatory materials missing: {', '.join(materials.missing)}",
            {"missing": ", ".join(materials.missing)},
        )


def case_number(ctx: ApplyContext, hall_code: str) -> str | None:
    serial = ctx.next_number(f"case:{hall_code}:{ctx.now:%Y%m%d}")
    return None if serial is None else f"{hall_code}-{ctx.now:%Y%m%d}-{serial:05d}"


def status_for(item: Item, materials: MaterialsCheck) -> CaseStatus:
    if not materials.complete:
        return CaseStatus.MATERIALS_PENDING
    return CaseStatus.COMPLETED if item.review_level == 1 else CaseStatus.IN_REVIEW


def open_case(
    ctx: ApplyContext,
    command: Command,
    *,
    item: Item,
    catalogue_version: str,
    case_id: str,
    materials: MaterialsCheck,
    details: Mapping[str, Any],
    summary: str,
    id_number: str | None = None,
    credit_code: str | None = None,
    ticket: str = "",
    window_number: int = 0,
    bundle_id: str | None = None,
    review_level: int | None = None,
) -> CaseRow:
    """Record the case of ``item`` (``review_level`` raises the item's level, e.g. a key-data
    change) and return the row as written."""
    level = max(item.review_level, review_level or 0)
    status = status_for(item, materials)
    if status is CaseStatus.COMPLETED and level > 1:
        status = CaseStatus.IN_REVIEW
    promised = (
        promised_deadline(item.time_limit.promised, ctx.acceptance_day(command.client_time))
        if materials.complete
        else None
    )
    row = ctx.new(
        CaseRow,
        id=case_id,
        case_no=case_number(ctx, command.hall_code),
        item_code=item.code,
        review_level=level,
        status=status.value,
        id_number=id_number or None,
        credit_code=credit_code or None,
        hall_code=command.hall_code,
        window_number=window_number,
        accepted_by=command.actor,
        accepted_at=ctx.now.replace(tzinfo=None),
        summary=summary[:200],
        ticket=ticket or None,
        promised_date=promised.date if promised else None,
        promised_provisional=bool(promised and promised.provisional),
        catalogue_version=catalogue_version,
        details=canonical_json(dict(details)),
        materials=canonical_json(materials.as_json()),
        bundle_id=bundle_id,
    )
    ctx.put(row)
    return row
