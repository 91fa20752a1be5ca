"""Use cases of the items that change the registry: employers registering, persons' data
changing, employers adding and removing staff.

The screens call these on the database worker: each builds the item's command with the
catalogue version the window shows, checks it on this workstation (the handler runs against
the cache; a refusal comes back at once, naming the fields) and queues it for the centre.
``item_document`` gives what the customer takes away afterwards — the result slip of an item
finished on the spot, the acceptance receipt of one going to review — from the case as
recorded (``services.intake``), with the figures these items add to the generic ones.

The centre refuses a command payload above 64 KiB (``counter_central.api_models.
MAX_PAYLOAD_BYTES``), and a roster may hold 10,000 rows: a staff declaration whose valid rows
do not fit one command is sent in consecutive parts, each its own command and case, sharing a
batch id and numbered part n of N, all queued in one local transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from counter_app.catalogue.schema import Item
from counter_app.domain.commands import Command, new_command_id
from counter_app.domain.errors import ValidationError
from counter_app.domain.people import StaffUser
from counter_app.items import employer_register, person_change, staff_change
from counter_app.items.employer_register import INDUSTRIES, EmployerRegistration
from counter_app.items.person_change import PersonChange
from counter_app.items.staff_change import StaffChange, StaffRow
from counter_app.printing.intake_documents import KeyFigure, ResultSlip
from counter_app.services import command_bus
from counter_app.services.catalogue_view import current_catalogue
from counter_app.services.command_bus import Accepted
from counter_app.services.intake import IntakeDocument, intake_document
from counter_app.services.roster import RosterReport, read_roster
from counter_app.services.workstation_view import WorkstationView as Workstation
from counter_app.storage.employer_models import EmployerDetailsRow
from counter_app.storage.rowcodec import canonical_json
from counter_app.storage.shared_models import CaseRow

# Below the centre's 64 KiB per command payload, with room for the command's other fields.
MAX_DECLARATION_BYTES = 60 * 1024


def _command(ws: Workstation, kind: str, payload: dict[str, Any], user: StaffUser) -> Command:
    return Command(
        kind=kind,
        payload=payload,
        actor=user.username,
        workstation=ws.config.workstation_id,
        hall_code=ws.config.hall_code,
    )


def catalogue_item(ws: Workstation, code: str) -> tuple[str, Item]:
    """The catalogue version this window offers and its item ``code``."""
    catalogue = current_catalogue(ws)
    return catalogue.version, catalogue.item(code)


# -- employer registration ---------------------------------------------------------------------
def register_employer(
    ws: Workstation, user: StaffUser, window_number: int, registration: EmployerRegistration
) -> Accepted:
    """Send ``employer.register`` (the catalogue version filled in when left empty)."""
    if not registration.catalogue_version:
        version, _item = catalogue_item(ws, employer_register.ITEM_CODE)
        registration = replace(registration, catalogue_version=version)
    registration = replace(registration, window_number=window_number)
    command = _command(
        ws, employer_register.KIND, employer_register.SPEC.encode(registration), user
    )
    return command_bus.execute(ws.local, command)


# -- personal data change ----------------------------------------------------------------------
def change_person(
    ws: Workstation, user: StaffUser, window_number: int, change: PersonChange
) -> Accepted:
    """Send ``person.change``: contact data finished at once, key data to approval."""
    if not change.catalogue_version:
        version, _item = catalogue_item(ws, person_change.ITEM_CODE)
        change = replace(change, catalogue_version=version)
    change = replace(change, window_number=window_number)
    command = _command(ws, person_change.KIND, person_change.SPEC.encode(change), user)
    return command_bus.execute(ws.local, command)


# -- staff changes -----------------------------------------------------------------------------
def read_staff_roster(ws: Workstation, path: Path, *, today: dt.date | None = None) -> RosterReport:
    """The report of the roster file at ``path``, checked against the window's catalogue."""
    _version, item = catalogue_item(ws, staff_change.ITEM_CODE)
    return read_roster(path, today=today or dt.date.today(), item=item)


def _encoded_size(declaration: StaffChange) -> int:
    return len(canonical_json(staff_change.SPEC.encode(declaration)).encode("utf-8"))


def _fits(declaration: StaffChange, count: int) -> bool:
    return _encoded_size(replace(declaration, rows=declaration.rows[:count])) <= (
        MAX_DECLARATION_BYTES
    )


def rows_that_fit(declaration: StaffChange) -> int:
    """How many of the declaration's rows (from the first) one command can carry.

    The bound is found by doubling, then narrowed by halving, so the cost follows the size of
    one command rather than that of the whole roster."""
    total = len(declaration.rows)
    low, high = 0, min(total, 64)
    while high < total and _fits(declaration, high):
        low, high = high, min(total, high * 2)
    if high == total and _fits(declaration, high):
        return total
    while low < high - 1:
        middle = (low + high) // 2
        if _fits(declaration, middle):
            low = middle
        else:
            high = middle
    return low


def split_declaration(declaration: StaffChange) -> tuple[StaffChange, ...]:
    """The declaration as consecutive parts, each small enough for one command (the rows in
    roster order). A roster that fits is one part, sent as it is; otherwise every part carries
    a shared batch id and its number of the count. ``ValidationError`` (``rows``,
    ``too_large``) only for a row that alone does not fit a command."""
    if _encoded_size(declaration) <= MAX_DECLARATION_BYTES:
        return (replace(declaration, batch="", part=1, parts=1),)
    # Sized with the largest numbers the batch can carry, so renumbering never grows a part.
    most = len(declaration.rows)
    sizing = replace(declaration, batch=new_command_id(), part=most, parts=most)
    chunks: list[tuple[StaffRow, ...]] = []
    left = declaration.rows
    while left:
        fit = rows_that_fit(replace(sizing, rows=left))
        if fit == 0:
            row = left[0]
            raise ValidationError(
                "rows",
                "too_large",
                f"row {row.line} alone is larger than one command may be",
                {"line": str(row.line)},
            )
        chunks.append(left[:fit])
        left = left[fit:]
    return tuple(
        replace(sizing, rows=rows, part=number, parts=len(chunks))
        for number, rows in enumerate(chunks, start=1)
    )


@dataclass(frozen=True)
class StaffDeclaration:
    """A staff declaration as queued: one accepted command (and case) per part, in order."""

    batch: str  # shared by the parts; empty for a roster sent whole
    parts: tuple[Accepted, ...]
    rows: tuple[int, ...]  # how many roster rows each part carries

    @property
    def first(self) -> Accepted:
        return self.parts[0]


def declare_staff_change(
    ws: Workstation,
    user: StaffUser,
    window_number: int,
    credit_code: str,
    rows: Sequence[StaffRow],
    *,
    source: str = "",
    materials: Sequence[str] = (),
    ticket: str = "",
) -> StaffDeclaration:
    """Send ``employer.staff_change`` carrying ``rows`` (the roster's valid rows): one command,
    or, for a roster larger than one command may be, one command per part, all queued in one
    local transaction (a part refused here records none of them)."""
    version, _item = catalogue_item(ws, staff_change.ITEM_CODE)
    declaration = StaffChange(
        credit_code=credit_code,
        rows=tuple(rows),
        source=source[:200],
        catalogue_version=version,
        materials=tuple(materials),
        ticket=ticket,
        window_number=window_number,
    )
    parts = split_declaration(declaration)
    commands = [
        _command(ws, staff_change.KIND, staff_change.SPEC.encode(part), user) for part in parts
    ]
    accepted = command_bus.execute_all(ws.local, commands)
    return StaffDeclaration(parts[0].batch, accepted, tuple(len(p.rows) for p in parts))


# -- documents ---------------------------------------------------------------------------------
def _extra_figures(ws: Workstation, case: CaseRow, details: dict[str, Any]) -> list[KeyFigure]:
    figures: list[KeyFigure] = []
    if case.item_code == employer_register.ITEM_CODE:
        industry = INDUSTRIES.get(str(details.get("industry", "")))
        if industry is not None:
            figures.append(KeyFigure("行业类别", industry[0]))
        if details.get("legal_representative"):
            figures.append(KeyFigure("法定代表人", str(details["legal_representative"])))
        with Session(ws.local) as session:
            row = session.get(EmployerDetailsRow, case.credit_code or "")
            number = row.employer_number if row is not None else None
        figures.append(KeyFigure("单位编号", number or "待中心编号"))
    elif case.item_code == staff_change.ITEM_CODE:
        figures.append(KeyFigure("增员", int(details.get("added", 0)), "人"))
        figures.append(KeyFigure("减员", int(details.get("removed", 0)), "人"))
    return figures


def item_document(
    ws: Workstation, command_uuid: str, window_number: int, teller_name: str
) -> IntakeDocument:
    """The document of the case ``command_uuid`` opened (a registry item's own command):
    the result slip when it was finished on the spot, else the acceptance receipt."""
    document = intake_document(ws, command_uuid, window_number, teller_name)
    if not isinstance(document, ResultSlip):
        return document
    with Session(ws.local) as session:
        case = session.get(CaseRow, command_uuid)
        if case is None:
            return document
        details = json.loads(case.details or "{}")
    extra = _extra_figures(ws, case, details if isinstance(details, dict) else {})
    return replace(document, figures=(*document.figures, *extra))
