"""The catalogue as central data, and every item without a form of its own through the
generic intake: published versions reach the workstations, a case records its version, the
materials decide between a pending case and an accepted one, a life event opens its items
together, and the centre re-checks what the window checked."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from standards import gb11643_id, gb32100_code

from counter_app.catalogue.load import shipped_catalogue
from counter_app.catalogue.schema import FormField, Item
from counter_app.centre import bootstrap
from counter_app.client.workstation import Workstation
from counter_app.domain.errors import ValidationError, ValidationErrors
from counter_app.items import generic_case
from counter_app.items.form_values import FieldValue
from counter_app.items.generic_case import CaseIntake, ItemPart, MaterialsSupplement
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.services.catalogue_view import current_catalogue
from counter_app.storage.central_models import JournalRow
from counter_app.storage.shared_models import CaseRow, CatalogueVersionRow, EmployerRow

PERSON = gb11643_id("11010519900307123")  # check digit per GB 11643 (ISO 7064 MOD 11-2)
EMPLOYER = gb32100_code("91110105", "MA01B2C3")  # check characters per GB 32100 / GB 11714


def value_for(field: FormField, today: dt.date) -> str:
    """A valid value of each declared type, as a teller would type it."""
    if field.default:
        return field.default
    if field.pattern == "[0-9]{12,30}":  # bank account numbers
        return "6222020200112233445"
    if field.pattern == "[0-9]{6}":  # postcodes
        return "100020"
    if field.type == "money" and field.min is not None and field.min > 0:
        return str(field.min * 100)
    return {
        "text": "示范文字",
        "textarea": "示范说明\n第二行",
        "phone": "13800138000",
        "id_number": PERSON,
        "credit_code": EMPLOYER,
        "date": today.isoformat(),
        "month": f"{today:%Y-%m}",
        "money": "100.00",
        "integer": str(
            today.year
            if field.min is not None and field.min >= 1900
            else max(int(field.min or 1), 1)
        ),
        "bool": "true",
        "choice": field.choices[0].value if field.choices else "",
        "multichoice": field.choices[0].value if field.choices else "",
    }[field.type]


def year_or_count(field: FormField, today: dt.date) -> int:
    """A year field (bounded from 1900 up) gets this year, a count at least 1."""
    if field.min is not None and field.min >= 1900:
        return today.year
    return max(int(field.min or 1), 1)


def filled(item: Item, today: dt.date) -> tuple[FieldValue, ...]:
    return tuple(FieldValue(f.name, value_for(f, today)) for f in item.fields)


def intake(item: Item, materials: tuple[str, ...], today: dt.date, **extra: Any) -> CaseIntake:
    return CaseIntake(
        catalogue_version=shipped_catalogue().version,
        parts=(ItemPart(item.code, filled(item, today)),),
        materials=materials,
        id_number=PERSON if item.subject == "person" else "",
        credit_code=EMPLOYER if item.subject == "employer" else "",
        subject_name="王五",
        window_number=2,
        **extra,
    )


def all_materials(*items: Item) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.code for i in items for m in i.materials))


@pytest.fixture
def desk(make_workstation: Any, central_db: Any) -> Workstation:
    ws: Workstation = make_workstation("WS-CAT", window=2)
    ws.centre.login("teller1", "demo-teller1")
    assert ws.sync_once().online  # users, hall and the published catalogue
    # The person is enrolled at a window; the employer is in the registry (bulk-loaded).
    enroll = {
        "id_number": PERSON,
        "name": "王五",
        "phone": "13800138000",
        "category": "flexible",
        "insurance_types": ["pension", "medical"],
        "start_date": dt.date.today().isoformat(),
        "window_number": 2,
    }
    ws.execute(ws.command(ENROLL, enroll, "teller1"))
    bootstrap.bulk_load(
        central_db, EmployerRow, [{"credit_code": EMPLOYER, "name": "示范科技有限公司"}]
    )
    report = ws.sync_once()
    assert report.push is not None and report.push.applied == 1, report
    return ws


def accept(ws: Workstation, payload: CaseIntake) -> str:
    command = ws.command(generic_case.ACCEPT, generic_case.ACCEPT_SPEC.encode(payload), "teller1")
    return ws.execute(command).command_uuid


def central_case(central_db: Any, case_id: str) -> CaseRow:
    with Session(central_db) as session:
        row = session.get(CaseRow, case_id)
        assert row is not None
        session.expunge(row)
        return row


def test_every_item_without_its_own_form_is_accepted_from_its_data(
    desk: Workstation, central_db: Any
) -> None:
    ws, today = desk, dt.date.today()
    generic = [i for i in shipped_catalogue().items if not i.handler]
    assert len(generic) >= 40
    sent = {accept(ws, intake(item, all_materials(item), today)): item for item in generic}
    report = ws.sync_once()
    assert report.push is not None and report.push.applied == len(generic), report
    for case_id, item in sent.items():
        case = central_case(central_db, case_id)
        assert case.item_code == item.code and case.catalogue_version == "2026.1"
        assert case.case_no and case.review_level == item.review_level
        expected = "completed" if item.review_level == 1 else "in_review"
        assert case.status == expected, item.code
        assert case.promised_date is not None
        assert json.loads(case.materials)["missing"] == []


def test_a_missing_material_keeps_the_case_pending_until_it_is_brought(
    desk: Workstation, central_db: Any
) -> None:
    ws, today = desk, dt.date.today()
    item = shipped_catalogue().item("CHG-QUALITY")  # L2, requires the ID card
    required = [m.code for m in item.materials if m.required]
    case_id = accept(ws, intake(item, (), today))
    assert ws.sync_once().push.applied == 1  # type: ignore[union-attr]
    case = central_case(central_db, case_id)
    assert case.status == "materials_pending" and case.promised_date is None
    assert json.loads(case.materials)["missing"] == required

    supplement = MaterialsSupplement(case_id, tuple(required))
    ws.execute(
        ws.command(
            generic_case.SUPPLEMENT, generic_case.SUPPLEMENT_SPEC.encode(supplement), "teller1"
        )
    )
    assert ws.sync_once().push.applied == 1  # type: ignore[union-attr]
    case = central_case(central_db, case_id)
    assert case.status == "in_review" and case.promised_date is not None
    assert json.loads(case.materials)["missing"] == []


def test_bad_values_are_named_field_by_field_and_nothing_is_saved(desk: Workstation) -> None:
    ws, today = desk, dt.date.today()
    item = shipped_catalogue().item("CONTRIB-PAYMENT")
    values = {f.name: value_for(f, today) for f in item.fields}
    values.update(amount="12,3a", paid_on="2025-02-30", voucher_number="A\u202eB")
    bad = intake(item, all_materials(item), today)
    bad = CaseIntake(
        **{
            **bad.__dict__,
            "parts": (ItemPart(item.code, tuple(FieldValue(k, v) for k, v in values.items())),),
        }
    )
    pending_before = ws.outbox_counts()["pending"]
    with pytest.raises(ValidationErrors) as caught:
        accept(ws, bad)
    assert {e.field for e in caught.value.errors} == {"amount", "paid_on", "voucher_number"}
    assert ws.outbox_counts()["pending"] == pending_before


def test_a_life_event_opens_its_items_together_on_one_command(
    desk: Workstation, central_db: Any
) -> None:
    ws, today = desk, dt.date.today()
    catalogue = shipped_catalogue()
    bundle = catalogue.bundle("BUNDLE-RETIRE")
    items = [catalogue.item(code) for code in bundle.items]
    payload = CaseIntake(
        catalogue_version=catalogue.version,
        parts=tuple(ItemPart(i.code, filled(i, today)) for i in items),
        materials=all_materials(*items),
        id_number=PERSON,
        subject_name="王五",
        bundle=bundle.code,
        window_number=2,
    )
    command_uuid = accept(ws, payload)
    assert ws.sync_once().push.applied == 1  # type: ignore[union-attr]
    with Session(central_db) as session:
        cases = session.scalars(select(CaseRow).where(CaseRow.bundle_id == command_uuid)).all()
        assert sorted(c.item_code for c in cases) == sorted(bundle.items)
        assert len({c.case_no for c in cases}) == len(items)
        entries = session.scalars(
            select(JournalRow).where(JournalRow.command_uuid == command_uuid)
        ).all()
        assert len(entries) == 1  # one command, one journal entry, all or nothing

    # An item outside the life event cannot ride along.
    outsider = catalogue.item("CHG-QUALITY")
    with pytest.raises(ValidationError, match="not part of this life event"):
        accept(
            ws,
            CaseIntake(
                **{**payload.__dict__, "parts": (*payload.parts, ItemPart(outsider.code, ()))}
            ),
        )


def test_an_item_with_its_own_form_goes_generic_only_to_record_what_is_missing(
    desk: Workstation,
) -> None:
    ws, today = desk, dt.date.today()
    item = shipped_catalogue().item("PEN-RETIRE")
    assert item.handler
    with pytest.raises(ValidationError) as caught:
        accept(ws, intake(item, all_materials(item), today))
    assert caught.value.code == "own_form"
    accept(ws, intake(item, (), today))  # materials missing: the pending case and the notice


def test_a_new_version_is_published_centrally_and_reaches_the_window(
    desk: Workstation, central_db: Any
) -> None:
    ws, today = desk, dt.date.today()
    shipped = shipped_catalogue()
    draft = shipped.model_copy(update={"version": "2026.2"})
    bootstrap.publish_catalogue(central_db, draft)
    with pytest.raises(bootstrap.BootstrapError, match="already published"):
        bootstrap.publish_catalogue(central_db, draft)
    ws.sync_once()
    assert current_catalogue(ws).version == "2026.2"
    with Session(ws.local) as session:
        assert {v for v in session.scalars(select(CatalogueVersionRow.version))} == {
            "2026.1",
            "2026.2",
        }

    item = current_catalogue(ws).item("CHG-PAY-ACCOUNT")
    payload = CaseIntake(
        **{**intake(item, all_materials(item), today).__dict__, "catalogue_version": "2026.2"}
    )
    case_id = accept(ws, payload)
    assert ws.sync_once().push.applied == 1  # type: ignore[union-attr]
    assert central_case(central_db, case_id).catalogue_version == "2026.2"

    # A version nobody published is refused at the window already.
    unknown = CaseIntake(**{**payload.__dict__, "catalogue_version": "2099.9"})
    with pytest.raises(Exception, match="has not been published"):
        accept(ws, unknown)
