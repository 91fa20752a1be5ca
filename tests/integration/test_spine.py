"""The command spine end to end on both central engines: outbox, push, journal, pull."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session
from standards import gb11643_check

from counter_app.domain.errors import Conflict, PermissionDenied, ValidationErrors
from counter_app.domain.roles import Role
from counter_app.centre import bootstrap
from counter_app.domain.commands import Command
from counter_app.services.enrollment import KIND as ENROLL
from counter_app.client.workstation import Workstation
from counter_app.storage.central_models import JournalRow
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.shared_models import CaseRow, InsuredPersonRow, PersonRow
from counter_app.centre.apply import apply_centrally
from counter_app.centre.journal import verify_chain

PERSONS = ["11010519491231002X", "310115198507150032", "440305199003070049"]


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


@pytest.fixture
def seeded(make_workstation: Any) -> tuple[Workstation, Workstation]:
    a: Workstation = make_workstation("WS-A")
    b: Workstation = make_workstation("WS-B", window=2)
    central = a.central()
    bootstrap.create_hall(central, "HALL01", "示范大厅")
    bootstrap.create_user(central, "teller1", "demo-teller1", Role.TELLER, "HALL01")
    bootstrap.create_user(central, "reviewer1", "demo-reviewer1", Role.REVIEWER, "HALL01")
    assert a.sync_once().online and b.sync_once().online
    return a, b


def test_enrollment_travels_from_one_workstation_to_another(seeded: Any) -> None:
    a, b = seeded
    accepted = a.execute(a.command(ENROLL, enrollment(PERSONS[0]), "teller1"))
    assert a.outbox_counts()["pending"] == 1
    with Session(a.local) as s:  # optimistic local copy, no central number yet
        row = s.get(InsuredPersonRow, PERSONS[0])
        assert row is not None and row.insured_number is None

    report = a.sync_once()
    assert report.online and report.push and report.push.applied == 1
    assert a.outbox_counts() == {"pending": 0, "applied": 1, "rejected": 0}

    with Session(a.central()) as s:
        central_row = s.get(InsuredPersonRow, PERSONS[0])
        assert central_row is not None and central_row.insured_number
        case = s.get(CaseRow, accepted.command_uuid)
        assert case is not None and case.case_no and case.case_no.startswith("HALL01-")

    b.sync_once()
    with Session(b.local) as s:
        seen = s.get(InsuredPersonRow, PERSONS[0])
        assert seen is not None and seen.insured_number == central_row.insured_number
        assert s.get(PersonRow, PERSONS[0]).name == "张三"  # type: ignore[union-attr]


def test_same_command_pushed_twice_gives_one_journal_row(seeded: Any) -> None:
    a, _ = seeded
    command = a.command(ENROLL, enrollment(PERSONS[1]), "teller1")
    first = apply_centrally(a.central(), command)
    second = apply_centrally(a.central(), command)
    assert first.applied and second.applied and second.duplicate
    assert first.seq == second.seq
    with Session(a.central()) as s:
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


def test_rejected_command_undoes_its_optimistic_rows(seeded: Any) -> None:
    a, _ = seeded
    central = a.central()
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
    with Session(central) as s:
        assert s.get(InsuredPersonRow, PERSONS[0]) is None


def test_permissions_are_checked_by_the_service_and_again_by_the_centre(seeded: Any) -> None:
    a, _ = seeded
    with pytest.raises(PermissionDenied):
        a.execute(a.command(ENROLL, enrollment(PERSONS[0]), "reviewer1"))
    verdict = apply_centrally(a.central(), a.command(ENROLL, enrollment(PERSONS[0]), "reviewer1"))
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
    make_workstation: Any, central_url: str
) -> None:
    first: Workstation = make_workstation("WS-1")
    second: Workstation = make_workstation("WS-2", window=2)
    central = first.central()
    bootstrap.create_hall(central, "HALL01", "示范大厅")
    bootstrap.create_user(central, "teller1", "demo-teller1", Role.TELLER, "HALL01")
    first.sync_once()
    second.sync_once()
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
    with Session(central) as s:
        seqs = s.scalars(select(JournalRow.seq).order_by(JournalRow.seq)).all()
        numbers = s.scalars(select(InsuredPersonRow.insured_number)).all()
    assert seqs == list(range(1, len(seqs) + 1))  # gap-free, no duplicates
    assert len(set(numbers)) == len(people)
    assert verify_chain(central).ok


def test_audit_verify_names_the_first_modified_entry(seeded: Any, central_url: str) -> None:
    a, _ = seeded
    for id_number in PERSONS:
        a.execute(a.command(ENROLL, enrollment(id_number), "teller1"))
    a.sync_once()
    central: Engine = a.central()
    report = verify_chain(central)
    assert report.ok and report.checked >= 6

    with central.begin() as connection:
        # A database administrator bypassing the append-only trigger to tamper with a row.
        if central.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE journal DISABLE TRIGGER journal_no_change"))
        else:
            connection.execute(text("DROP TRIGGER journal_no_update"))
        connection.execute(
            text("UPDATE journal SET payload = replace(payload, '张三', '王五') WHERE seq = 5")
        )
    broken = verify_chain(central)
    assert not broken.ok and broken.first_bad_seq == 5 and "modified" in broken.problem


def test_the_journal_refuses_updates_and_deletes(seeded: Any) -> None:
    a, _ = seeded
    central: Engine = a.central()
    for statement in ("UPDATE journal SET actor = 'x' WHERE seq = 1", "DELETE FROM journal"):
        with pytest.raises(Exception, match="append-only"), central.begin() as connection:
            connection.execute(text(statement))


def test_offline_workstation_keeps_its_outbox_and_says_why(seeded: Any, tmp_path: Any) -> None:
    a, _ = seeded
    a.execute(a.command(ENROLL, enrollment(PERSONS[0]), "teller1"))
    a.forget_central()
    a.config.central_url = "postgresql://nobody@127.0.0.1:1/none"
    report = a.sync_once()
    assert not report.online and report.error and "127.0.0.1:1" in report.error
    assert a.outbox_counts()["pending"] == 1


def test_system_commands_need_the_trusted_path(seeded: Any) -> None:
    a, _ = seeded
    cmd = Command(
        kind="admin.hall_upsert",
        payload={"code": "X", "name": "x"},
        actor="system",
        workstation="WS-A",
        hall_code="HALL01",
    )
    verdict = apply_centrally(a.central(), cmd)
    assert not verdict.applied
