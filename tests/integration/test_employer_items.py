"""Employer registration, personal data changes and staff declarations through the real
command path: the handler on the workstation's cache, the outbox, a real ``counter-central``
process applying the same handler to the central database, and the pull back.

Credit codes are built in the test from GB 32100-2015 and GB 11714-1997 and ID numbers from
GB 11643-1999 (``tests/standards.py``), never with the code under test.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from standards import gb11643_id, gb32100_code

from counter_app.centre import bootstrap
from counter_app.client.workstation import Workstation
from counter_app.domain.errors import Conflict, ValidationError, ValidationErrors
from counter_app.domain.people import StaffUser
from counter_app.domain.roles import Role
from counter_app.items.employer_register import EmployerRegistration
from counter_app.items.person_change import PersonChange
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.items.staff_change import ROSTER_CONFLICT, StaffRow, parse_conflict_rows
from counter_app.services.counter_lookups import command_state
from counter_app.services.registry_changes import (
    MAX_DECLARATION_BYTES,
    change_person,
    declare_staff_change,
    item_document,
    register_employer,
)
from counter_app.services.roster import parse_roster
from counter_app.storage.employer_models import EmployerDetailsRow, EmployerStaffRow
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.rowcodec import canonical_json
from counter_app.storage.shared_models import (
    CaseRow,
    EmployerRow,
    InsuranceStatusRow,
    InsuredPersonRow,
    PersonRow,
)

TELLER = StaffUser("teller1", "王柜员", Role.TELLER, "HALL01")
# Credit codes: authority 9 (工商), category 1 (企业), Shenzhen 440300, organisation bodies of
# our choosing; the check characters come from the standards.
EMPLOYER_A = gb32100_code("91440300", "MA5F1234")
EMPLOYER_B = gb32100_code("91440300", "MA5F5678")
PERSON = gb11643_id("44030519900307004")  # female (4 is even), born 1990-03-07
WORKERS = [gb11643_id(f"44030519880101{n:03d}") for n in range(1, 6)]  # born 1988-01-01
PASSWORDS = {"teller1": "demo-teller1"}


def online(ws: Workstation) -> Workstation:
    ws.centre.login("teller1", PASSWORDS["teller1"])
    report = ws.sync_once()
    assert report.online, report.error
    return ws


TELLER2 = StaffUser("teller2", "赵柜员", Role.TELLER, "HALL02")


def other_hall(make_workstation: Any, central_db: Engine) -> Workstation:
    """A window of HALL02: its cache holds nothing of HALL01's registrations."""
    bootstrap.create_user(central_db, "teller2", "pw-teller2", Role.TELLER, "HALL02", "赵柜员")
    other: Workstation = make_workstation("WS-H2", hall="HALL02")
    other.centre.login("teller2", "pw-teller2")
    synced(other)
    return other


def synced(ws: Workstation) -> None:
    report = ws.sync_once()
    assert report.online, report.error


@pytest.fixture
def ws(make_workstation: Any) -> Workstation:
    return online(make_workstation("WS-A"))


def registration(
    code: str = EMPLOYER_A, name: str = "深圳市示范科技有限公司"
) -> EmployerRegistration:
    return EmployerRegistration(
        credit_code=code,
        employer_name=name,
        employer_type="enterprise",
        industry="I",
        legal_representative="李明",
        address="深圳市南山区科技园1号",
        contact_name="王芳",
        contact_phone="0755-26000000",
        established_on=dt.date(2020, 5, 1),
        materials=("registration_form", "business_licence", "legal_rep_id"),
    )


def enrolled(ws: Workstation, id_number: str = PERSON, name: str = "赵敏") -> None:
    payload = {
        "id_number": id_number,
        "name": name,
        "phone": "13800138000",
        "address": "深圳市福田区1号",
        "category": "flexible",
        "insurance_types": ["pension", "medical"],
        "start_date": dt.date.today().isoformat(),
        "employer_code": "",
        "window_number": 1,
    }
    ws.execute(ws.command(ENROLL, payload, "teller1"))
    synced(ws)


def state(ws: Workstation, uuid: str) -> Any:
    found = command_state(ws, uuid)
    assert found is not None
    return found


# -- employer registration -----------------------------------------------------------------------
def test_an_employer_registers_and_gets_its_number_from_the_centre(
    ws: Workstation, central_db: Engine
) -> None:
    accepted = register_employer(ws, TELLER, 1, registration())
    with Session(ws.local) as session:
        local = session.get(EmployerDetailsRow, EMPLOYER_A)
        assert local is not None and local.employer_number is None  # the centre assigns it
    synced(ws)
    assert state(ws, accepted.command_uuid).status == "applied"
    with Session(central_db) as session:
        employer = session.get(EmployerRow, EMPLOYER_A)
        details = session.get(EmployerDetailsRow, EMPLOYER_A)
        case = session.get(CaseRow, accepted.command_uuid)
        assert employer is not None and employer.name == "深圳市示范科技有限公司"
        assert employer.industry == "I" and employer.contact_phone == "0755-26000000"
        assert details is not None and details.legal_representative == "李明"
        assert details.employer_number and details.employer_type == "enterprise"
        assert case is not None and case.item_code == "REG-EMPLOYER"
        assert case.status == "completed" and case.credit_code == EMPLOYER_A and case.case_no
        number = details.employer_number
    with Session(ws.local) as session:  # the pull brought the centre's number
        pulled = session.get(EmployerDetailsRow, EMPLOYER_A)
        assert pulled is not None and pulled.employer_number == number

    slip = item_document(ws, accepted.command_uuid, 1, "王柜员")
    figures = {f.label_zh: f.value_text for f in slip.figures}  # type: ignore[union-attr]
    assert figures["单位编号"] == number and figures["单位名称"] == "深圳市示范科技有限公司"
    assert figures["单位类型"] == "企业" and figures["行业类别"] == "信息传输、软件和信息技术服务业"


def test_every_bad_field_of_a_registration_is_named_at_once(ws: Workstation) -> None:
    bad = replace(
        registration(),
        credit_code=EMPLOYER_A[:17] + ("0" if EMPLOYER_A[17] != "0" else "1"),
        employer_name="",
        industry="Z",
        contact_phone="123",
        established_on=dt.date.today() + dt.timedelta(days=1),
    )
    with pytest.raises(ValidationErrors) as caught:
        register_employer(ws, TELLER, 1, bad)
    fields = {(e.field, e.code) for e in caught.value.errors}
    assert fields == {
        ("credit_code", "check_digit"),
        ("employer_name", "required"),
        ("industry", "choice"),
        ("contact_phone", "format"),
        ("established_on", "range"),
    }
    assert ws.outbox_counts()["pending"] == 0


def test_a_second_registration_of_the_same_employer_is_refused(
    ws: Workstation, make_workstation: Any, central_db: Engine
) -> None:
    register_employer(ws, TELLER, 1, registration())
    synced(ws)
    # The same window knows the employer: refused at once.
    with pytest.raises(Conflict) as caught:
        register_employer(ws, TELLER, 1, registration(name="另一家公司"))
    assert caught.value.code == "already_registered"
    # A window of another hall does not hold it in its cache: the centre refuses.
    other = other_hall(make_workstation, central_db)
    accepted = register_employer(other, TELLER2, 1, registration(name="另一家公司"))
    synced(other)
    refused = state(other, accepted.command_uuid)
    assert refused.status == "rejected" and refused.reason_code == "already_registered"
    with Session(central_db) as session:
        employer = session.get(EmployerRow, EMPLOYER_A)
        assert employer is not None and employer.name == "深圳市示范科技有限公司"
        assert session.get(CaseRow, accepted.command_uuid) is None


# -- personal data change ------------------------------------------------------------------------
def contact(**changes: Any) -> PersonChange:
    base = PersonChange(
        id_number=PERSON,
        change="contact",
        new_phone="13912345678",
        materials=("id_card", "change_form"),
    )
    return replace(base, **changes)


def key_data(**changes: Any) -> PersonChange:
    base = PersonChange(
        id_number=PERSON,
        change="key_data",
        new_name="赵敏敏",
        reason="户籍登记姓名变更",
        materials=("id_card", "change_form", "household_register", "change_proof"),
    )
    return replace(base, **changes)


def test_a_contact_change_is_finished_on_the_spot(ws: Workstation, central_db: Engine) -> None:
    enrolled(ws)
    accepted = change_person(ws, TELLER, 1, contact(new_address="深圳市南山区2号"))
    synced(ws)
    assert state(ws, accepted.command_uuid).status == "applied"
    with Session(central_db) as session:
        person = session.get(PersonRow, PERSON)
        case = session.get(CaseRow, accepted.command_uuid)
        assert person is not None
        assert (person.phone, person.address, person.name) == (
            "13912345678",
            "深圳市南山区2号",
            "赵敏",
        )
        assert case is not None and case.status == "completed" and case.review_level == 1
        assert json.loads(case.details)["changed"]["phone"] == {
            "from": "13800138000",
            "to": "13912345678",
        }


def test_a_key_data_correction_goes_to_approval_and_leaves_the_registry_alone(
    ws: Workstation, central_db: Engine
) -> None:
    enrolled(ws)
    accepted = change_person(ws, TELLER, 1, key_data())
    synced(ws)
    assert state(ws, accepted.command_uuid).status == "applied"
    with Session(central_db) as session:
        person = session.get(PersonRow, PERSON)
        case = session.get(CaseRow, accepted.command_uuid)
        assert person is not None and person.name == "赵敏"  # unchanged until approved
        assert case is not None and case.status == "in_review" and case.review_level == 3
        details = json.loads(case.details)
        assert details["requested"] == {"name": "赵敏敏"}
        assert details["current"]["name"] == "赵敏"
    receipt = item_document(ws, accepted.command_uuid, 1, "王柜员")
    assert type(receipt).__name__ == "AcceptanceReceipt"

    # A second request while the first waits for approval is refused.
    with pytest.raises(Conflict) as caught:
        change_person(ws, TELLER, 1, key_data(new_name="赵敏华"))
    assert caught.value.code == "change_in_review"


def test_a_key_data_correction_needs_its_proof(ws: Workstation) -> None:
    enrolled(ws)
    with pytest.raises(ValidationError) as caught:
        change_person(ws, TELLER, 1, key_data(materials=("id_card", "change_form")))
    assert (caught.value.field, caught.value.code) == ("materials", "missing")


def test_a_new_id_number_is_checked_and_must_agree_with_birth_date_and_sex(
    ws: Workstation,
) -> None:
    enrolled(ws)
    # GB 11643: one wrong check character.
    wrong = PERSON[:17] + ("0" if PERSON[17] != "0" else "1")
    with pytest.raises(ValidationErrors) as caught:
        change_person(ws, TELLER, 1, key_data(new_name="", new_id_number=wrong))
    assert {(e.field, e.code) for e in caught.value.errors} == {("new_id_number", "check_digit")}

    # Valid, but born on another day than the registry says: the birth date must be
    # corrected in the same request, to the date the number says.
    other_birth = gb11643_id("44030519900308004")  # 1990-03-08, female
    with pytest.raises(ValidationErrors) as caught:
        change_person(ws, TELLER, 1, key_data(new_name="", new_id_number=other_birth))
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("new_id_number", "birth_date_mismatch")
    }
    with pytest.raises(ValidationErrors) as caught:
        change_person(
            ws,
            TELLER,
            1,
            key_data(new_name="", new_id_number=other_birth, new_birth_date=dt.date(1990, 3, 9)),
        )
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("new_birth_date", "birth_date_mismatch")
    }
    accepted = change_person(
        ws,
        TELLER,
        1,
        key_data(new_name="", new_id_number=other_birth, new_birth_date=dt.date(1990, 3, 8)),
    )
    assert accepted.command_uuid

    # Digit 17 odd: a man's number, but the registry holds a woman.
    male = gb11643_id("44030519900307003")
    with pytest.raises(ValidationErrors) as caught:
        change_person(ws, TELLER, 1, key_data(new_name="", new_id_number=male))
    assert ("new_id_number", "sex_mismatch") in {(e.field, e.code) for e in caught.value.errors}


def test_the_centre_refuses_a_change_of_someone_it_does_not_hold(ws: Workstation) -> None:
    stranger = gb11643_id("11010519851224002")
    accepted = change_person(ws, TELLER, 1, contact(id_number=stranger))
    synced(ws)
    refused = state(ws, accepted.command_uuid)
    assert refused.status == "rejected" and refused.reason_code == "unknown_person"


# -- staff changes -------------------------------------------------------------------------------
HEADER = "姓名,身份证号码,户籍性质,户籍所在地/城市,缴费基数,变动日期,增减,减员原因\n"


def roster(*lines: str) -> bytes:
    return ("\ufeff" + HEADER + "".join(line + "\n" for line in lines)).encode("utf-8")


def today_text() -> str:
    return dt.date.today().isoformat()


def registered(ws: Workstation, code: str = EMPLOYER_A, name: str = "示范科技") -> None:
    register_employer(ws, TELLER, 1, registration(code, name))
    synced(ws)


def test_staff_are_added_from_the_valid_rows_and_removed_later(
    ws: Workstation, central_db: Engine
) -> None:
    registered(ws)
    wrong_check = WORKERS[2][:17] + ("0" if WORKERS[2][17] != "0" else "1")
    report = parse_roster(
        roster(
            f"钱一,{WORKERS[0]},城镇,深圳,6000.00,{today_text()},增,",
            f"孙二,{WORKERS[1]},农村,湖南邵阳,4500,{today_text()},增,",
            f"李三,{wrong_check},城镇,深圳,6000,{today_text()},增,",  # bad check digit
            f"周四,{WORKERS[3]},城镇,深圳,,{today_text()},增,",  # no base
        ),
        "名单.csv",
        today=dt.date.today(),
    )
    assert [line.ok for line in report.lines] == [True, True, False, False]
    accepted = declare_staff_change(
        ws, TELLER, 1, EMPLOYER_A, report.valid_rows, source="名单.csv", materials=("staff_form",)
    ).first
    synced(ws)
    assert state(ws, accepted.command_uuid).status == "applied"
    with Session(central_db) as session:
        for worker in WORKERS[:2]:
            insured = session.get(InsuredPersonRow, worker)
            assert insured is not None and insured.employer_code == EMPLOYER_A
            assert insured.category == "employee" and insured.insured_number
            statuses = session.scalars(
                select(InsuranceStatusRow).where(InsuranceStatusRow.id_number == worker)
            ).all()
            assert sorted(s.insurance_type for s in statuses) == [
                "maternity",
                "medical",
                "pension",
                "unemployment",
                "work_injury",
            ]
            assert all(s.status == "active" and s.employer_code == EMPLOYER_A for s in statuses)
        staff = session.get(EmployerStaffRow, (EMPLOYER_A, WORKERS[0]))
        assert staff is not None and staff.base == Decimal("6000.00") and staff.end_date is None
        assert session.get(InsuredPersonRow, WORKERS[2]) is None  # the bad rows: nothing
        assert session.get(InsuredPersonRow, WORKERS[3]) is None
        case = session.get(CaseRow, accepted.command_uuid)
        assert case is not None and case.status == "completed"
        assert json.loads(case.details)["lines"] == [2, 3]

    removal = parse_roster(
        roster(f"钱一,{WORKERS[0]},,,,{today_text()},减,辞职"), "减员.csv", today=dt.date.today()
    )
    assert removal.valid_rows and removal.valid_rows[0].reason == "resignation"
    removed = declare_staff_change(
        ws, TELLER, 1, EMPLOYER_A, removal.valid_rows, materials=("staff_form",)
    ).first
    synced(ws)
    assert state(ws, removed.command_uuid).status == "applied"
    with Session(central_db) as session:
        statuses = session.scalars(
            select(InsuranceStatusRow).where(InsuranceStatusRow.id_number == WORKERS[0])
        ).all()
        assert {s.status for s in statuses} == {"stopped"}
        staff = session.get(EmployerStaffRow, (EMPLOYER_A, WORKERS[0]))
        assert staff is not None and staff.end_date == dt.date.today()
        assert staff.end_reason == "resignation"
        still = session.get(EmployerStaffRow, (EMPLOYER_A, WORKERS[1]))
        assert still is not None and still.end_date is None
    slip = item_document(ws, removed.command_uuid, 1, "王柜员")
    figures = {f.label_zh: f.value_text for f in slip.figures}  # type: ignore[union-attr]
    assert figures["减员"] == "1 人" and figures["增员"] == "0 人"


def test_a_row_contradicting_the_centre_rejects_the_whole_declaration(
    ws: Workstation, make_workstation: Any, central_db: Engine
) -> None:
    registered(ws, EMPLOYER_A, "甲公司")
    registered(ws, EMPLOYER_B, "乙公司")
    first = [
        StaffRow(2, "add", "钱一", WORKERS[0], dt.date.today(), "城镇", "深圳", Decimal("6000.00"))
    ]
    declare_staff_change(ws, TELLER, 1, EMPLOYER_A, first, materials=("staff_form",))
    synced(ws)

    # B adds two people; one of them is still on A's staff. At this window the cache knows
    # it: refused at once, naming the row.
    rows = [
        StaffRow(2, "add", "孙二", WORKERS[1], dt.date.today(), "城镇", "深圳", Decimal("5000.00")),
        StaffRow(3, "add", "钱一", WORKERS[0], dt.date.today(), "城镇", "深圳", Decimal("5000.00")),
        StaffRow(4, "remove", "李四", WORKERS[4], dt.date.today(), reason="resignation"),
    ]
    with pytest.raises(Conflict) as caught:
        declare_staff_change(ws, TELLER, 1, EMPLOYER_B, rows, materials=("staff_form",))
    assert caught.value.code == ROSTER_CONFLICT
    assert parse_conflict_rows(caught.value.message) == [(3, "insured_elsewhere")]

    # A window of another hall holds none of it: the centre refuses the whole declaration,
    # naming every row it contradicts, and applies nothing.
    other = other_hall(make_workstation, central_db)
    declared = declare_staff_change(other, TELLER2, 1, EMPLOYER_B, rows, materials=("staff_form",))
    assert len(declared.parts) == 1 and declared.batch == ""  # a small roster goes whole
    accepted = declared.first
    synced(other)
    refused = state(other, accepted.command_uuid)
    assert refused.status == "rejected" and refused.reason_code == ROSTER_CONFLICT
    assert parse_conflict_rows(refused.reason or "") == [
        (3, "insured_elsewhere"),
        (4, "not_on_staff"),
    ]
    with Session(central_db) as session:
        assert session.get(InsuredPersonRow, WORKERS[1]) is None  # row 2 was fine: not applied
        kept = session.get(InsuredPersonRow, WORKERS[0])
        assert kept is not None and kept.employer_code == EMPLOYER_A
        assert session.get(CaseRow, accepted.command_uuid) is None
    with Session(other.local) as session:  # the optimistic local rows were undone
        assert session.get(InsuredPersonRow, WORKERS[1]) is None


def test_staff_of_an_unknown_employer_are_refused_by_the_centre(ws: Workstation) -> None:
    rows = [
        StaffRow(2, "add", "孙二", WORKERS[1], dt.date.today(), "城镇", "深圳", Decimal("5000.00"))
    ]
    accepted = declare_staff_change(
        ws, TELLER, 1, EMPLOYER_B, rows, materials=("staff_form",)
    ).first
    synced(ws)
    refused = state(ws, accepted.command_uuid)
    assert refused.status == "rejected" and refused.reason_code == "unknown_employer"


def large_roster(count: int, *, first_line: int = 2) -> list[StaffRow]:
    """``count`` additions, each a different person: born on consecutive days from 1970, ID
    numbers of Shenzhen Nanshan (440305) with the check character of GB 11643."""
    born = dt.date(1970, 1, 1)
    return [
        StaffRow(
            first_line + n,
            "add",
            "欧阳" + "𠮷" * (n % 4),
            gb11643_id(f"440305{born + dt.timedelta(days=n):%Y%m%d}{101 + n % 800:03d}"),
            dt.date.today(),
            "城镇" if n % 3 else "农村",
            "广东省深圳市南山区",
            Decimal("6000.00") + n,
        )
        for n in range(count)
    ]


def test_a_roster_larger_than_one_command_is_declared_in_parts(
    ws: Workstation, central_db: Engine
) -> None:
    from counter_central.api_models import MAX_PAYLOAD_BYTES

    assert MAX_DECLARATION_BYTES < MAX_PAYLOAD_BYTES
    registered(ws)
    rows = large_roster(2000)
    assert len({r.id_number for r in rows}) == 2000
    declared = declare_staff_change(
        ws, TELLER, 1, EMPLOYER_A, rows, source="名单.xlsx", materials=("staff_form",)
    )
    count = len(declared.parts)
    assert count >= 3 and sum(declared.rows) == 2000 and declared.batch
    assert ws.outbox_counts()["pending"] == count
    uuids = [accepted.command_uuid for accepted in declared.parts]
    with Session(ws.local) as session:
        payloads = [
            json.loads(payload)
            for payload in session.scalars(
                select(OutboxRow.payload)
                .where(OutboxRow.uuid.in_(uuids))
                .order_by(OutboxRow.position)
            )
        ]
    assert [p["part"] for p in payloads] == list(range(1, count + 1))
    assert {(p["batch"], p["parts"]) for p in payloads} == {(declared.batch, count)}
    assert [len(p["rows"]) for p in payloads] == list(declared.rows)
    # consecutive parts of the roster, in its order, none larger than the centre takes
    lines = [row["line"] for p in payloads for row in p["rows"]]
    assert lines == [r.line for r in rows]
    for payload in payloads:  # measured as the centre measures it
        assert len(canonical_json(payload).encode("utf-8")) <= MAX_PAYLOAD_BYTES

    for _ in range(count):  # each push may stop at the centre's body limit and go on later
        if ws.outbox_counts()["pending"] == 0:
            break
        synced(ws)
    assert [state(ws, uuid).status for uuid in uuids] == ["applied"] * count
    with Session(central_db) as session:
        staff = session.scalars(
            select(EmployerStaffRow.id_number).where(
                EmployerStaffRow.credit_code == EMPLOYER_A, EmployerStaffRow.end_date.is_(None)
            )
        ).all()
        assert sorted(staff) == sorted(r.id_number for r in rows)
        cases = [session.get(CaseRow, uuid) for uuid in uuids]
        assert all(case is not None and case.status == "completed" for case in cases)
        assert [json.loads(c.details)["added"] for c in cases if c] == list(declared.rows)
        assert len({c.case_no for c in cases if c}) == count


def test_a_part_refused_at_the_window_records_no_part(ws: Workstation) -> None:
    registered(ws)
    first = large_roster(1, first_line=2)
    declare_staff_change(ws, TELLER, 1, EMPLOYER_A, first, materials=("staff_form",))
    synced(ws)
    # The person of row 2 is on the staff already; they stand again at the roster's end, in
    # the last part: the whole declaration is refused and no part stays recorded.
    rows = [*large_roster(1500, first_line=2)[1:], replace(first[0], line=1502)]
    with pytest.raises(Conflict) as caught:
        declare_staff_change(ws, TELLER, 1, EMPLOYER_A, rows, materials=("staff_form",))
    assert parse_conflict_rows(caught.value.message) == [(1502, "already_on_staff")]
    assert ws.outbox_counts()["pending"] == 0
    with Session(ws.local) as session:
        assert session.get(InsuredPersonRow, rows[0].id_number) is None
        assert session.scalar(select(func.count()).select_from(CaseRow)) == 2  # registration
