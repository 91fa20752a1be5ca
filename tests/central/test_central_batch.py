"""A pushed batch is applied in one transaction, with a savepoint per command.

The centre's side of ``POST /v1/commands`` (``command_intake.submit``) on both central
engines, in this process: a business rejection or an unreadable payload in the middle of a
batch costs only that command (the others are applied, the journal stays gap-free and
chained), a UUID is answered idempotently inside one batch as across batches, central time is
the service clock's, and a connection lost mid-batch commits nothing (PostgreSQL: the
server really ends the connection), so the batch sent again is applied exactly once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from service_harness import (
    CentralDb,
    enrollment_payload,
    new_person_id,
    pg_skip_reason,
    postgres_database,
    run_as_superuser,
    sqlite_database,
)
from sqlalchemy import Connection, event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from counter_app.centre.journal import verify_chain
from counter_app.domain.commands import Verdict, new_command_id
from counter_app.domain.roles import Role
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.storage.central_models import JournalRow, RejectionRow
from counter_app.storage.shared_models import PersonRow
from counter_central.clock import ServiceClock
from counter_central.command_intake import MALFORMED, UUID_CONFLICT, Submitted, submit
from counter_central.request_auth import CallerWorkstation
from counter_central.sessions import SessionUser

WORKSTATION = CallerWorkstation(id="WS-BATCH", hall_code="HALL01")


class ShiftedClock(ServiceClock):
    """The service clock set to a fixed moment (the host's clock is not what is recorded)."""

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment

    def now(self) -> dt.datetime:
        return self.moment


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if request.param == "sqlite":
        directory: Path = tmp_path_factory.mktemp("batch")
        central = sqlite_database(directory / "central.db")
        yield central
        central.owner.dispose()
        return
    reason = pg_skip_reason()
    if reason:
        pytest.skip(reason)
    with postgres_database() as central:
        yield central


def teller(clock: ServiceClock) -> SessionUser:
    return SessionUser("teller1", "", Role.TELLER, "HALL01", clock.utc())


def enrolment(payload: dict[str, Any] | None = None, uuid: str | None = None) -> Submitted:
    return Submitted(
        uuid=uuid or new_command_id(),
        kind=ENROLL,
        payload=payload if payload is not None else enrollment_payload(new_person_id()),
        actor="teller1",
        client_time=dt.datetime.now().astimezone(),
        auth_ref=None,
    )


def push(db: CentralDb, batch: list[Submitted], clock: ServiceClock | None = None) -> list[Verdict]:
    clock = clock or ServiceClock()
    return submit(db.service, clock, WORKSTATION, teller(clock), batch, skew_seconds=120)


def journal_of(db: CentralDb, uuids: list[str]) -> dict[str, JournalRow]:
    with Session(db.owner) as session:
        rows = session.scalars(select(JournalRow).where(JournalRow.command_uuid.in_(uuids)))
        return {row.command_uuid: row for row in rows}


def rejected(db: CentralDb, uuids: list[str]) -> dict[str, RejectionRow]:
    with Session(db.owner) as session:
        rows = session.scalars(select(RejectionRow).where(RejectionRow.command_uuid.in_(uuids)))
        return {row.command_uuid: row for row in rows}


def persons(db: CentralDb, batch: list[Submitted]) -> int:
    ids = [item.payload["id_number"] for item in batch if "id_number" in item.payload]
    with Session(db.owner) as session:
        return (
            session.scalar(
                select(func.count()).select_from(PersonRow).where(PersonRow.id_number.in_(ids))
            )
            or 0
        )


def test_a_business_rejection_mid_batch_costs_only_that_command(db: CentralDb) -> None:
    (known,) = [enrolment()]
    assert push(db, [known])[0].applied
    batch = [enrolment(), enrolment(), enrolment(dict(known.payload)), enrolment(), enrolment()]
    head_before, _ = db.head()

    verdicts = push(db, batch)

    assert [v.applied for v in verdicts] == [True, True, False, True, True], verdicts
    assert verdicts[2].reason_code == "already_enrolled" and not verdicts[2].duplicate
    assert [v.seq for v in verdicts if v.applied] == [head_before + i for i in (1, 2, 3, 4)]
    uuids = [item.uuid for item in batch]
    entries = journal_of(db, uuids)
    assert set(entries) == set(uuids) - {batch[2].uuid}
    rejection = rejected(db, uuids)
    assert list(rejection) == [batch[2].uuid]
    assert rejection[batch[2].uuid].reason_code == "already_enrolled"
    assert db.head()[0] == head_before + 4
    assert verify_chain(db.owner).ok

    again = push(db, batch)  # the answer was lost: the first verdicts, nothing applied twice
    assert [(v.applied, v.seq, v.reason_code) for v in again] == [
        (v.applied, v.seq, v.reason_code) for v in verdicts
    ]
    assert all(v.duplicate for v in again)
    assert db.head()[0] == head_before + 4


def test_an_unreadable_payload_mid_batch_is_refused_and_the_rest_applied(db: CentralDb) -> None:
    broken: list[dict[str, Any]] = [
        {},
        {**enrollment_payload(new_person_id()), "insurance_types": 7},
    ]
    if db.backend == "postgresql":  # a value too long for its column fails the statement
        broken.append({**enrollment_payload(new_person_id()), "ticket": "x" * 5000})
    batch = [enrolment()]
    for payload in broken:
        batch += [enrolment(payload), enrolment()]
    head_before, _ = db.head()

    verdicts = push(db, batch)

    good = batch[0::2]
    bad = batch[1::2]
    assert [v.applied for v in verdicts[0::2]] == [True] * len(good), verdicts
    assert [v.reason_code for v in verdicts[1::2]] == [MALFORMED] * len(bad), verdicts
    assert [v.seq for v in verdicts[0::2]] == [head_before + 1 + i for i in range(len(good))]
    bad_uuids = [item.uuid for item in bad]
    assert journal_of(db, bad_uuids) == {} and rejected(db, bad_uuids) == {}
    assert persons(db, bad) == 0 and persons(db, good) == len(good)
    assert verify_chain(db.owner).ok


def test_a_uuid_is_answered_once_inside_a_batch_too(db: CentralDb) -> None:
    first = enrolment()
    same = dataclasses.replace(first)
    reused = enrolment(uuid=first.uuid)  # another person under the same UUID
    refused = enrolment(dict(enrolment().payload, insurance_types=[]))
    refused_again = dataclasses.replace(refused)
    head_before, _ = db.head()

    verdicts = push(db, [first, same, reused, refused, refused_again])

    assert verdicts[0].applied and verdicts[0].seq == head_before + 1
    assert verdicts[1] == Verdict(first.uuid, True, seq=head_before + 1, duplicate=True)
    assert verdicts[2].reason_code == UUID_CONFLICT and not verdicts[2].applied
    assert not verdicts[3].applied and not verdicts[3].duplicate
    assert verdicts[4].duplicate and verdicts[4].reason_code == verdicts[3].reason_code
    assert db.head()[0] == head_before + 1
    assert persons(db, [reused]) == 0


def test_central_time_is_the_service_clock(db: CentralDb) -> None:
    moment = dt.datetime(2031, 5, 6, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    batch = [enrolment(), enrolment()]
    assert all(v.applied for v in push(db, batch, ShiftedClock(moment)))
    entries = journal_of(db, [item.uuid for item in batch])
    assert {row.central_time for row in entries.values()} == {moment.isoformat()}


def test_a_connection_lost_mid_batch_commits_nothing(db: CentralDb) -> None:
    if db.backend != "postgresql":
        pytest.skip("the server ending the connection is a PostgreSQL test")
    batch = [enrolment() for _ in range(5)]
    head_before = db.head()
    inserts = {"persons": 0, "journal": 0}

    def kill_at_the_journal(
        connection: Connection, _cursor: Any, statement: str, *_args: Any
    ) -> None:
        # The batch's persons are written by then, in the same transaction.
        if statement.lstrip().upper().startswith("INSERT INTO PERSONS"):
            inserts["persons"] += 1
        if statement.lstrip().upper().startswith("INSERT INTO JOURNAL"):
            inserts["journal"] += 1
            if inserts["journal"] == 1:
                pid = connection.connection.dbapi_connection.info.backend_pid  # type: ignore[union-attr]
                run_as_superuser(f"SELECT pg_terminate_backend({int(pid)})")

    event.listen(db.service, "before_cursor_execute", kill_at_the_journal)
    try:
        with pytest.raises(OperationalError):
            push(db, batch)
    finally:
        event.remove(db.service, "before_cursor_execute", kill_at_the_journal)
    assert inserts["journal"] == 1 and inserts["persons"] >= 1
    uuids = [item.uuid for item in batch]
    assert db.head() == head_before
    assert journal_of(db, uuids) == {} and rejected(db, uuids) == {}
    assert persons(db, batch) == 0

    verdicts = push(db, batch)  # the workstation sends the batch again
    assert [v.seq for v in verdicts] == [head_before[0] + i for i in range(1, 6)], verdicts
    assert not any(v.duplicate for v in verdicts)
    assert persons(db, batch) == 5
    assert verify_chain(db.owner).ok
