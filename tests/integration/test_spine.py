"""The command spine end to end on both central engines: outbox, push, journal, pull.

Every workstation talks to a real ``counter-central`` process; the central database is only
looked at directly (as its owner) to check what the service wrote, or to tamper with it.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session
from standards import gb11643_check

from counter_app.centre.journal import verify_chain
from counter_app.client.workstation import Workstation
from counter_app.domain.commands import Command
from counter_app.domain.errors import CentralRefused, Conflict, PermissionDenied, ValidationErrors
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.storage.central_models import JournalRow
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.shared_models import CaseRow, InsuredPersonRow, PersonRow

PERSONS = ["11010519491231002X", "310115198507150032", "440305199003070049"]
PASSWORDS = {"teller1": "demo-teller1", "reviewer1": "demo-reviewer1"}


def valid_id(first17: str) -> str:
    return first17 + gb11643_check(first17)


def enrollment(id_number: str, name: str = "张三") -> dict[str, Any]:
    return {
        "id_number": id_number,
        "name": name,
        "phone": "13800138000",
        "address": "北京市朝阳区建国路1号",
        "category": "flexible",
        "insurance_types": ["pension", "medical"],
        "start_date": dt.date.today().isoformat(),
        "employer_code": "",
        "window_number": 1,
    }


def online(ws: Workstation, *users: str) -> Workstation:
    """``ws`` with central sessions of ``users`` (teller1 by default) and a filled cache."""
    for user in users or ("teller1",):
        ws.centre.login(user, PASSWORDS[user])
    report = ws.sync_once()
    assert report.online, report.error
    return ws


@pytest.fixture
def seeded(make_workstation: Any) -> tuple[Workstation, Workstation]:
    return online(make_workstation("WS-A")), online(make_workstation("WS-B", window=2))


def test_enrollment_travels_from_one_workstation_to_another(
    seeded: Any, central_db: Engine
) -> None:
    a, b = seeded
    accepted = a.execute(a.command(ENROLL, enrollment(PERSONS[0]), "teller1"))
    assert a.outbox_counts()["pending"] == 1
    with Session(a.local) as s:  # optimistic local copy, no central number yet
        row = s.get(InsuredPersonRow, PERSONS[0])
        assert row is not None and row.insured_number is None

    report = a.sync_once()
    assert report.online and report.push and report.push.applied == 1
    assert a.outbox_counts() == {"pending": 0, "applied": 1, "rejected": 0}

    with Session(central_db) as s:
        central_row = s.get(InsuredPersonRow, PERSONS[0])
        assert central_row is not None and central_row.insured_number
        case = s.get(CaseRow, accepted.command_uuid)
        assert case is not None and case.case_no and case.case_no.startswith("HALL01-")
        journaled = s.scalars(
            select(JournalRow).where(JournalRow.command_uuid == accepted.command_uuid)
        ).one()
        assert journaled.workstation == "WS-A" and journaled.actor == "teller1"

    b.sync_once()
    with Session(b.local) as s:
        seen = s.get(InsuredPersonRow, PERSONS[0])
        assert seen is not None and seen.insured_number == central_row.insured_number
        assert s.get(PersonRow, PERSONS[0]).name == "张三"  # type: ignore[union-attr]


def test_same_command_pushed_twice_gives_one_journal_row(seeded: Any, central_db: Engine) -> None:
    a, _ = seeded
    command = a.command(ENROLL, enrollment(PERSONS[1]), "teller1")
    (first,) = a.centre.submit([command])
    (second,) = a.centre.submit([command])
    assert first.applied and second.applied and second.duplicate
    assert first.seq == second.seq
    with Session(central_db) as s:
        rows = s.scalar(
            select(func.count())
            .select_from(JournalRow)
            .where(JournalRow.command_uuid == command.uuid)
        )
    assert rows == 1


def test_double_submit_on_the_workstation_queues_once(seeded: Any) -> None:
    a, _ = seeded
    command = a.command(ENROLL, enrollment(PERSONS[1]), "teller1")
    a.execute(command)
    again = a.execute(command)
    assert again.duplicate
    assert a.outbox_counts()["pending"] == 1


def test_duplicate_enrollment_is_refused_locally_and_rejected_centrally(seeded: Any) -> None:
    a, b = seeded
    a.execute(a.command(ENROLL, enrollment(PERSONS[2]), "teller1"))
    with pytest.raises(Conflict) as refused:
        a.execute(a.command(ENROLL, enrollment(PERSONS[2]), "teller1"))
    assert refused.value.code == "already_enrolled"

    # B has not pulled yet, so it accepts locally; the centre must reject it.
    b.execute(b.command(ENROLL, enrollment(PERSONS[2]), "teller1"))
    a.sync_once()
    report = b.sync_once()
    assert report.push is not None and report.push.rejected == 1
    with Session(b.local) as s:
        rejected = s.scalars(select(OutboxRow).where(OutboxRow.status == "rejected")).one()
        assert rejected.reason_code == "already_enrolled"
        # The central version pulled meanwhile survives the undo of B's optimistic copy.
        kept = s.get(InsuredPersonRow, PERSONS[2])
        assert kept is not None and kept.insured_number


def test_rejected_command_undoes_its_optimistic_rows(seeded: Any, central_db: Engine) -> None:
    a, _ = seeded
    payload = enrollment(PERSONS[0])
    payload["category"] = "employee"
    payload["employer_code"] = "91350100M000100Y43"  # valid code, unknown to the centre
    payload["insurance_types"] = ["pension"]
    a.execute(a.command(ENROLL, payload, "teller1"))
    report = a.sync_once()
    assert report.push is not None and report.push.rejected == 1
    with Session(a.local) as s:
        assert s.get(InsuredPersonRow, PERSONS[0]) is None
        assert s.get(PersonRow, PERSONS[0]) is None
    with Session(central_db) as s:
        assert s.get(InsuredPersonRow, PERSONS[0]) is None


def test_permissions_are_checked_by_the_workstation_and_again_by_the_centre(
    make_workstation: Any,
) -> None:
    a = online(make_workstation("WS-A"), "teller1", "reviewer1")
    with pytest.raises(PermissionDenied):
        a.execute(a.command(ENROLL, enrollment(PERSONS[0]), "reviewer1"))
    (verdict,) = a.centre.submit([a.command(ENROLL, enrollment(PERSONS[0]), "reviewer1")])
    assert not verdict.applied and verdict.reason_code == "PermissionDenied"


def test_bad_input_is_refused_with_every_field_named(seeded: Any) -> None:
    a, _ = seeded
    payload = enrollment("110105194912310021")  # wrong check digit
    payload["name"] = ""
    with pytest.raises(ValidationErrors) as caught:
        a.execute(a.command(ENROLL, payload, "teller1"))
    assert {e.field for e in caught.value.errors} == {"id_number", "name"}
    assert a.outbox_counts()["pending"] == 0
    with Session(a.local) as s:
        assert s.scalar(select(func.count()).select_from(PersonRow)) == 0


def test_two_workstations_pushing_concurrently_get_one_consistent_sequence(
    make_workstation: Any, central_db: Engine
) -> None:
    first = online(make_workstation("WS-1"))
    second = online(make_workstation("WS-2", window=2))
    people = [valid_id(f"11010519800101{i:03d}") for i in range(40)]
    for i, id_number in enumerate(people):
        ws = first if i % 2 == 0 else second
        ws.execute(ws.command(ENROLL, enrollment(id_number, "李四"), "teller1"))

    errors: list[BaseException] = []

    def run(ws: Workstation) -> None:
        try:
            report = ws.sync_once()
            assert report.online, report.error
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(ws,)) for ws in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with Session(central_db) as s:
        seqs = s.scalars(select(JournalRow.seq).order_by(JournalRow.seq)).all()
        numbers = s.scalars(select(InsuredPersonRow.insured_number)).all()
    assert seqs == list(range(1, len(seqs) + 1))  # gap-free, no duplicates
    assert len(set(numbers)) == len(people)
    assert verify_chain(central_db).ok


def test_audit_verify_names_the_first_modified_entry(seeded: Any, central_db: Engine) -> None:
    a, _ = seeded
    for id_number in PERSONS:
        a.execute(a.command(ENROLL, enrollment(id_number), "teller1"))
    a.sync_once()
    report = verify_chain(central_db)
    assert report.ok and report.checked >= 6
    with Session(central_db) as s:
        target = s.scalars(
            select(JournalRow.seq)
            .where(JournalRow.payload.contains("张三"))
            .order_by(JournalRow.seq)
        ).first()
    assert target is not None

    with central_db.begin() as connection:
        # A database administrator bypassing the append-only trigger to tamper with a row.
        if central_db.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE journal DISABLE TRIGGER journal_no_change"))
        else:
            connection.execute(text("DROP TRIGGER journal_no_update"))
        connection.execute(
            text("UPDATE journal SET payload = replace(payload, '张三', '王五') WHERE seq = :s"),
            {"s": target},
        )
    broken = verify_chain(central_db)
    assert not broken.ok and broken.first_bad_seq == target and "modified" in broken.problem


def test_the_journal_refuses_updates_and_deletes(seeded: Any, central_db: Engine) -> None:
    for statement in ("UPDATE journal SET actor = 'x' WHERE seq = 1", "DELETE FROM journal"):
        with pytest.raises(Exception, match="append-only"), central_db.begin() as connection:
            connection.execute(text(statement))


def test_offline_workstation_keeps_its_outbox_and_says_why(
    seeded: Any, central_service: Any
) -> None:
    a, _ = seeded
    a.execute(a.command(ENROLL, enrollment(PERSONS[0]), "teller1"))
    central_service.stop()
    report = a.sync_once()
    assert not report.online and report.error and "cannot be reached" in report.error
    assert a.centre.base_url in report.error
    assert a.outbox_counts()["pending"] == 1


def test_system_commands_are_not_accepted_from_a_workstation(seeded: Any) -> None:
    a, _ = seeded
    cmd = Command(
        kind="admin.hall_upsert",
        payload={"code": "X", "name": "x"},
        actor="teller1",
        workstation="WS-A",
        hall_code="HALL01",
    )
    try:
        (verdict,) = a.centre.submit([cmd])
    except CentralRefused as refused:
        assert refused.status in (403, 422)
    else:
        assert not verdict.applied
