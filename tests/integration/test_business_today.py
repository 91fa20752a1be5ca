"""Today's business and the Sync tab's rows: cases and certificates, told apart, as data.

``business_today`` lists the cases and the certificates of this hall for the day, newest
first, with the customer's and the teller's names; ``outbox_items`` describes a certificate
command by its kind and subject rather than by its command kind.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy.orm import Session
from standards import gb11643_check

from counter_app.client.workstation import Workstation
from counter_app.domain.commands import Command, new_command_id
from counter_app.domain.ids import IdNumber
from counter_app.items.person_enroll import KIND as ENROLL_KIND
from counter_app.services.certificates import (
    KIND as CERTIFICATE_KIND,
)
from counter_app.services.certificates import (
    PERSONAL,
    content_hash,
    facts_for,
    issue_certificate,
)
from counter_app.services.queries import (
    BUSINESS_CASE,
    BUSINESS_CERTIFICATE,
    ISSUED,
    PENDING,
    business_today,
    case_numbers,
    display_names,
    find_person,
    outbox_items,
)

PERSON = "44030519900307004" + gb11643_check("44030519900307004")


def simple_code(kind: str, number: str, digest: str) -> str:
    return f"T{digest[:10].upper()}"


@pytest.fixture
def ws(make_workstation: Any, central_db: Any) -> Workstation:
    ws: Workstation = make_workstation("WS-B", window=4)
    ws.centre.login("teller1", "demo-teller1")  # the centre knows teller1 as 王柜员
    ws.sync_once()
    payload = {
        "id_number": PERSON,
        "name": "张三",
        "phone": "13800138000",
        "address": "",
        "category": "flexible",
        "insurance_types": ["pension"],
        "start_date": dt.date.today().isoformat(),
        "employer_code": "",
        "window_number": 4,
    }
    ws.execute(ws.command(ENROLL_KIND, payload, "teller1"))
    assert ws.sync_once().online
    return ws


def pending_certificate(ws: Workstation, central_db: Any) -> str:
    with Session(central_db) as session:
        content = facts_for(session, PERSONAL, PERSON, dt.date.today())
    code = f"P{content_hash(content)[:10].upper()}"
    ws.execute(
        Command(
            kind=CERTIFICATE_KIND,
            payload={"kind": PERSONAL, "subject": PERSON, "content": content, "code": code},
            actor="teller1",
            workstation=ws.config.workstation_id,
            hall_code=ws.config.hall_code,
            uuid=new_command_id(),
        )
    )
    return code


def test_todays_business_holds_cases_and_certificates(ws: Workstation, central_db: Any) -> None:
    issued = issue_certificate(ws, "teller1", PERSONAL, PERSON)
    assert ws.sync_once().online  # the issued certificate reaches the cache by the pull
    pending = pending_certificate(ws, central_db)  # accepted here, not yet sent

    items = business_today(ws)
    assert [(i.type, i.reference, i.status) for i in items] == [
        (BUSINESS_CERTIFICATE, pending, PENDING),
        (BUSINESS_CERTIFICATE, issued.code, ISSUED),
        (BUSINESS_CASE, items[2].reference, "completed"),
    ]
    case = items[2]
    assert case.reference and case.reference.startswith("HALL01-")
    assert (case.item, case.window_number) == ("REG-PERSON", 4)
    assert all(i.subject_name == "张三" for i in items)
    assert all((i.actor, i.actor_name) == ("teller1", "王柜员") for i in items)
    assert items[0].item == PERSONAL and items[0].window_number is None
    assert [i.at for i in items] == sorted((i.at for i in items), reverse=True)

    assert business_today(ws, day=dt.date.today() - dt.timedelta(days=1)) == []
    ws.config.hall_code = "HALL02"  # another hall's business is not this hall's day
    assert business_today(ws) == []


def test_the_sync_rows_describe_certificates_as_data(ws: Workstation, central_db: Any) -> None:
    code = pending_certificate(ws, central_db)
    rows = outbox_items(ws)
    certificate, enrollment = rows
    assert (certificate.kind, certificate.detail_kind, certificate.status) == (
        CERTIFICATE_KIND,
        PERSONAL,
        "pending",
    )
    masked = IdNumber(PERSON).masked()
    assert certificate.summary == f"张三 {masked} {code}"
    assert (enrollment.kind, enrollment.detail_kind, enrollment.summary) == (
        ENROLL_KIND,
        "",
        f"张三 {masked}",
    )
    assert display_names(ws)["teller1"] == "王柜员"


def test_a_persons_cases_carry_the_name_and_number(ws: Workstation) -> None:
    person = find_person(ws, IdNumber(PERSON))
    assert person is not None and [c.subject_name for c in person.cases] == ["张三"]
    case = person.cases[0]
    assert case_numbers(ws, [case.id, "not-a-case", case.id]) == {case.id: case.case_no}
    assert case_numbers(ws, []) == {}
