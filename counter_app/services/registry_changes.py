"""Use cases of the items that change the registry: employers registering, persons' data
changing, employers adding and removing staff.

The screens call these on the database worker: each builds the item's command with the
catalogue version the window shows, checks it on this workstation (the handler runs against
the cache; a refusal comes back at once, naming the fields) and queues it for the centre.
``item_document`` gives what the customer takes away afterwards — the result slip of an item
finished on the spot, the acceptance receipt of one going to review — from the case as
recorded (``services.intake``), with the figures these items add to the generic ones.

A staff declaration travels as one command, so it has one size limit: the centre refuses a
command payload above 64 KiB (``counter_central.api_models.MAX_PAYLOAD_BYTES``); a roster whose
valid rows do not fit is refused here, before anything is recorded, saying how many rows
one declaration can hold.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from counter_app.catalogue.schema import Item
from counter_app.domain.commands import Command
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


def rows_that_fit(declaration: StaffChange) -> int:
    """How many of the declaration's rows (from the first) one command can carry."""
    low, high = 0, len(declaration.rows)
    while low < high:
        middle = (low + high + 1) // 2
        if _encoded_size(replace(declaration, rows=declaration.rows[:middle])) <= (
            MAX_DECLARATION_BYTES
        ):
            low = middle
        else:
            high = middle - 1
    return low


def check_declaration_size(declaration: StaffChange) -> None:
    """``ValidationError`` (field ``rows``, code ``too_many_rows``) when the declaration does
    not fit one command; ``params["limit"]`` says how many of its rows would."""
    if _encoded_size(declaration) <= MAX_DECLARATION_BYTES:
        return
    fit = rows_that_fit(declaration)
    raise ValidationError(
        "rows",
        "too_many_rows",
        f"one declaration holds at most {fit} of these rows; split the roster",
        {"limit": str(fit), "rows": str(len(declaration.rows))},
    )


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
) -> Accepted:
    """Send ``employer.staff_change`` carrying ``rows`` (the roster's valid rows)."""
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
    check_declaration_size(declaration)
    command = _command(ws, staff_change.KIND, staff_change.SPEC.encode(declaration), user)
    return command_bus.execute(ws.local, command)


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
