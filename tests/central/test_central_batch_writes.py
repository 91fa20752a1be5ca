"""A batch's commands share one write set: what one writes the next reads, a rejection undoes
only its own writes and numbers, and the result is the one a savepoint per command gives.

On both central engines: a later command of a batch finds the rows an earlier one created
(without them reaching the database first), a command rejected after it had put rows and
taken counter values leaves no row and no gap in the numbers, a row created and then updated
in the same batch lands once with its final values while each command's journal effects show
the row as that command left it, and the same commands give the same journal (effects,
hashes), rejections and table contents whether they come one per batch, all in one batch, or
through the savepoint path. On PostgreSQL a connection lost while the batch's rows are being
written commits nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
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
from sqlalchemy import Connection, Engine, Table, event, select, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from counter_app.catalogue.load import shipped_catalogue
from counter_app.centre import apply as centre_apply
from counter_app.centre.apply import apply_batch
from counter_app.centre.journal import verify_chain
from counter_app.domain.commands import Command, Verdict
from counter_app.items import apply_context, catalogue_publish, complaint, person_enroll
from counter_app.items.apply_context import ApplyContext, BatchWrites
from counter_app.storage.central_models import CounterRow, JournalRow, RejectionRow
from counter_app.storage.journal_hash import entry_hash
from counter_app.storage.rowcodec import canonical_json
from counter_app.storage.service_item_models import ComplaintRow
from counter_app.storage.shared_models import (
    CaseRow,
    InsuranceStatusRow,
    InsuredPersonRow,
    PersonRow,
)

HALL = "HALL01"
MOMENT = dt.datetime.now().astimezone().replace(microsecond=0)
TABLES = (PersonRow, InsuredPersonRow, InsuranceStatusRow, CaseRow, ComplaintRow, CounterRow)


def open_db(backend: str, directory: Path) -> Iterator[CentralDb]:
    if backend == "sqlite":
        central = sqlite_database(directory / "central.db", desk=True)
        yield central
        central.owner.dispose()
        return
    reason = pg_skip_reason()
    if reason:
        pytest.skip(reason)
    with postgres_database(desk=True) as central:
        yield central


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    yield from open_db(request.param, tmp_path_factory.mktemp("writes"))


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def publish() -> Command:
    """A new catalogue version (the shipped one is published with the database)."""
    catalogue = shipped_catalogue().model_copy(update={"version": "2099.1"})
    return Command(
        kind=catalogue_publish.SPEC.kind,
        payload=catalogue_publish.SPEC.encode(catalogue_publish.publication(catalogue)),
        actor="system",
        workstation="WS-ADMIN",
        hall_code=HALL,
        client_time=MOMENT,
    )


def enrol(id_number: str | None = None, **changes: Any) -> Command:
    payload = {**enrollment_payload(id_number or new_person_id()), **changes}
    return Command(
        kind=person_enroll.KIND,
        payload=payload,
        actor="teller1",
        workstation="WS-WRITES",
        hall_code=HALL,
        client_time=MOMENT,
    )


def lodge(content: str = "等候时间太长") -> Command:
    payload = complaint.ComplaintPayload(
        catalogue_version=shipped_catalogue().version,
        kind="complaint",
        about="window",
        about_detail="3号窗口",
        content=content,
        contact_name="赵六",
        contact_phone="13800138000",
    )
    return Command(
        kind=complaint.KIND,
        payload=complaint.SPEC.encode(payload),
        actor="teller1",
        workstation="WS-WRITES",
        hall_code=HALL,
        client_time=MOMENT,
    )


def answer(complaint_id: str) -> Command:
    payload = complaint.ComplaintAnswer(complaint_id=complaint_id, answer="已协调增加窗口")
    return Command(
        kind=complaint.ANSWER_KIND,
        payload=complaint.ANSWER_SPEC.encode(payload),
        actor="boss",
        workstation="WS-WRITES",
        hall_code=HALL,
        client_time=MOMENT,
    )


def fixed() -> dt.datetime:
    return MOMENT


def push(db: CentralDb, commands: Sequence[Command]) -> list[Verdict]:
    return apply_batch(db.service, commands, clock=fixed, trusted=True)


def row(db: CentralDb, model: type[Any], *key: Any) -> Any:
    with Session(db.owner) as session:
        return session.get(model, key if len(key) > 1 else key[0])


def effects_of(db: CentralDb, uuid: str) -> list[dict[str, Any]]:
    with Session(db.owner) as session:
        entry = session.scalars(select(JournalRow).where(JournalRow.command_uuid == uuid)).one()
        effects: list[dict[str, Any]] = json.loads(entry.effects)
        return effects


def serial(number: str | None) -> int:
    assert number is not None
    return int(number[-5:]) if "-" in number else int(number[4:])


def test_a_later_command_reads_the_rows_an_earlier_one_created(db: CentralDb) -> None:
    person = new_person_id()
    first, again, other = enrol(person), enrol(person), enrol()

    verdicts = push(db, [first, again, other])

    assert verdicts[0].applied and verdicts[2].applied, verdicts
    assert verdicts[1].reason_code == "already_enrolled", verdicts
    assert verdicts[2].seq == verdicts[0].seq + 1  # type: ignore[operator]
    assert row(db, CaseRow, again.uuid) is None
    assert row(db, CaseRow, first.uuid).id_number == person
    assert verify_chain(db.owner).ok


def test_a_rejected_command_leaves_no_row_and_no_gap_in_the_numbers(db: CentralDb) -> None:
    before, after = enrol(), enrol()
    # Rejected only once it has put the person, the insured person and the insurance
    # statuses and taken an insured number: its catalogue version was never published.
    late = enrol(catalogue_version="1999.01", materials=["ID_CARD"])

    verdicts = push(db, [before, late, after])

    assert [v.applied for v in verdicts] == [True, False, True], verdicts
    assert verdicts[1].reason_code == "catalogue_version_unknown"
    late_id = late.payload["id_number"]
    assert row(db, PersonRow, late_id) is None
    assert row(db, InsuredPersonRow, late_id) is None
    assert row(db, InsuranceStatusRow, late_id, "pension") is None
    first = row(db, InsuredPersonRow, before.payload["id_number"])
    last = row(db, InsuredPersonRow, after.payload["id_number"])
    assert serial(last.insured_number) == serial(first.insured_number) + 1
    cases = row(db, CaseRow, before.uuid), row(db, CaseRow, after.uuid)
    assert serial(cases[1].case_no) == serial(cases[0].case_no) + 1
    assert verify_chain(db.owner).ok


def test_a_command_undone_after_its_case_number_gives_the_number_back(db: CentralDb) -> None:
    """The write set itself: a command that had put every row and taken its case number is
    reverted (as when a rule fails after its last write); the next command takes the very
    numbers it had, and its rows never reach the database."""
    spec = person_enroll.SPEC
    first, undone, next_ = enrol(), enrol(), enrol()
    with Session(db.service) as session, session.begin():
        writes = BatchWrites(session)
        contexts = []
        for command in (first, undone, next_):
            ctx = ApplyContext(side="central", session=session, now=MOMENT, batch=writes)
            writes.begin()
            spec.run(ctx, command)
            contexts.append(ctx)
            if command is undone:
                writes.revert()
        writes.write()

    def numbers(ctx: ApplyContext) -> tuple[str, str]:
        values = {e["table"]: e["values"] for e in ctx.effects}
        return values["insured_persons"]["insured_number"], values["cases"]["case_no"]

    assert numbers(contexts[1]) == numbers(contexts[2])  # the same numbers, taken again
    assert serial(numbers(contexts[2])[1]) == serial(numbers(contexts[0])[1]) + 1
    assert row(db, CaseRow, undone.uuid) is None
    assert row(db, CaseRow, next_.uuid).case_no == numbers(contexts[2])[1]
    assert row(db, PersonRow, undone.payload["id_number"]) is None
    with Session(db.owner) as session:
        counter = session.get(CounterRow, f"case:{HALL}:{MOMENT:%Y%m%d}")
        assert counter is not None and counter.value == serial(numbers(contexts[2])[1])


def test_a_row_created_and_updated_in_one_batch_lands_with_its_final_values(
    db: CentralDb,
) -> None:
    lodged = lodge()
    answered = answer(lodged.uuid)

    verdicts = push(db, [lodged, answered])

    assert all(v.applied for v in verdicts), verdicts
    stored = row(db, ComplaintRow, lodged.uuid)
    assert (stored.status, stored.answered_by) == ("answered", "boss")
    (at_lodging,) = [e for e in effects_of(db, lodged.uuid) if e["table"] == "complaints"]
    (at_answer,) = [e for e in effects_of(db, answered.uuid) if e["table"] == "complaints"]
    assert at_lodging["values"]["status"] == "open"
    assert at_lodging["values"]["answered_by"] is None
    assert at_answer["values"]["status"] == "answered"
    assert at_answer["values"]["answer"] == stored.answer


def scenario() -> list[Command]:
    person = new_person_id()
    lodged = lodge("叫号屏幕看不清")
    return [
        publish(),  # a savepoint of its own in the middle of the run
        enrol(person),
        enrol(),
        enrol(person),  # rejected: read what the second command wrote
        enrol(catalogue_version="1999.01", materials=["ID_CARD"]),  # rejected after its puts
        lodged,
        answer(lodged.uuid),
        enrol(),
    ]


def contents(engine: Engine, uuids: Sequence[str]) -> dict[str, Any]:
    """The scenario's journal entries (the hashes chain on from the database's own first
    entries, which differ), its rejections and the tables it writes, in a fixed order."""
    with Session(engine) as session:
        journal = [
            (r.seq, r.command_uuid, r.scope, r.payload, r.effects, r.central_time)
            for r in session.scalars(
                select(JournalRow)
                .where(JournalRow.command_uuid.in_(uuids))
                .order_by(JournalRow.seq)
            )
        ]
        rejections = sorted(
            (r.command_uuid, r.reason_code, r.rejected_at)
            for r in session.scalars(select(RejectionRow))
        )
        tables = {
            model.__tablename__: sorted(
                tuple(str(value) for value in row)
                for row in session.execute(select(model.__table__))
            )
            for model in TABLES
        }
    return {"journal": journal, "rejections": rejections, "tables": tables}


Apply = Callable[[CentralDb, list[Command]], list[Verdict]]


def one_per_batch(db: CentralDb, commands: list[Command]) -> list[Verdict]:
    return [verdict for command in commands for verdict in push(db, [command])]


def all_in_one(db: CentralDb, commands: list[Command]) -> list[Verdict]:
    return push(db, commands)


def savepoints(db: CentralDb, commands: list[Command]) -> list[Verdict]:
    return centre_apply._apply(db.service, commands, True, fixed, None, False, batched=False)


def test_one_batch_or_many_or_savepoints_give_the_same_result(backend: str, tmp_path: Path) -> None:
    commands = scenario()
    results = []
    for index, way in enumerate((one_per_batch, all_in_one, savepoints)):
        directory = tmp_path / str(index)
        directory.mkdir()
        for central in open_db(backend, directory):
            verdicts = way(central, commands)
            results.append((verdicts, contents(central.owner, [c.uuid for c in commands])))
            assert verify_chain(central.owner).ok
    verdicts = results[0][0]
    assert [v.applied for v in verdicts] == [True, True, True, False, False, True, True, True]
    assert [v.reason_code for v in verdicts if not v.applied] == [
        "already_enrolled",
        "catalogue_version_unknown",
    ]
    assert len(results[0][1]["journal"]) == 6
    for other in results[1:]:
        assert other[0] == results[0][0]
        assert other[1]["journal"] == results[0][1]["journal"]
        assert other[1]["rejections"] == results[0][1]["rejections"]
        assert other[1]["tables"] == results[0][1]["tables"]


def test_a_connection_lost_while_the_rows_are_written_commits_nothing(db: CentralDb) -> None:
    if db.backend != "postgresql":
        pytest.skip("the server ending the connection is a PostgreSQL test")
    batch = [enrol() for _ in range(5)]
    head_before = db.head()
    inserts = {"cases": 0}

    def kill_at_the_cases(
        connection: Connection, _cursor: Any, statement: str, *_args: Any
    ) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO CASES"):
            inserts["cases"] += 1
            pid = connection.connection.dbapi_connection.info.backend_pid  # type: ignore[union-attr]
            run_as_superuser(f"SELECT pg_terminate_backend({int(pid)})")

    event.listen(db.service, "before_cursor_execute", kill_at_the_cases)
    try:
        with pytest.raises(OperationalError) as lost:
            apply_batch(db.service, batch, malformed=lambda *_: MALFORMED)
    finally:
        event.remove(db.service, "before_cursor_execute", kill_at_the_cases)
    assert lost.value.connection_invalidated
    assert inserts["cases"] == 1  # the batch's cases go in one statement, at its end
    assert db.head() == head_before
    ids = [c.payload["id_number"] for c in batch]
    with db.owner.connect() as connection:
        persons = connection.execute(
            text("SELECT count(*) FROM persons WHERE id_number = ANY(:ids)"), {"ids": ids}
        ).scalar_one()
    assert persons == 0

    verdicts = apply_batch(db.service, batch)  # the workstation sends the batch again
    assert [v.seq for v in verdicts] == [head_before[0] + i for i in range(1, 6)], verdicts
    assert all(row(db, CaseRow, c.uuid) is not None for c in batch)
    assert verify_chain(db.owner).ok


MALFORMED = Verdict("", False, reason_code="malformed_payload")


def test_a_row_that_appeared_after_the_batch_read_sends_the_batch_to_savepoints(
    db: CentralDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new row the database refuses as a duplicate key (another writer put the person in
    between the batch's read and its write) throws the write set away: the batch is applied
    again with a savepoint per command, which sees the row and updates it."""
    if db.backend != "postgresql":
        pytest.skip("a second writer while the batch holds its transaction needs PostgreSQL")
    batch = [enrol() for _ in range(3)]
    raced = batch[1].payload
    ways: list[bool] = []
    refused: list[str] = []
    apply = centre_apply._apply
    insert_rows = apply_context.insert_rows

    def recording(*args: Any, batched: bool) -> list[Verdict]:
        ways.append(batched)
        return apply(*args, batched=batched)

    def spying(connection: Connection, table: Table, rows: list[Any]) -> None:
        try:
            insert_rows(connection, table, rows)
        except IntegrityError:
            refused.append(table.name)
            raise

    def insert_the_person(_connection: Connection, _cursor: Any, statement: str, *_: Any) -> None:
        if not ways[-1] or "counters" not in statement or refused or raced_in:
            return
        raced_in.append(True)
        with db.owner.begin() as connection:  # committed before the batch writes its rows
            connection.execute(
                text(
                    "INSERT INTO persons (id_number, name, sex, birth_date, phone, address, "
                    "hukou_type) VALUES (:id, :name, 'M', :born, '13900000000', '旧地址', '')"
                ),
                {"id": raced["id_number"], "name": raced["name"], "born": dt.date(1990, 1, 1)},
            )

    raced_in: list[bool] = []
    monkeypatch.setattr(centre_apply, "_apply", recording)
    monkeypatch.setattr(apply_context, "insert_rows", spying)
    event.listen(db.service, "before_cursor_execute", insert_the_person)
    try:
        verdicts = apply_batch(db.service, batch, clock=fixed, malformed=lambda *_: MALFORMED)
    finally:
        event.remove(db.service, "before_cursor_execute", insert_the_person)
    assert refused == ["persons"]  # the COPY of the new persons met the duplicate key
    assert ways == [True, False]
    assert all(v.applied for v in verdicts), verdicts
    person = row(db, PersonRow, raced["id_number"])
    assert person.phone == raced["phone"]  # updated by the command, not left as inserted
    assert row(db, CaseRow, batch[1].uuid) is not None
    assert verify_chain(db.owner).ok


def test_the_hash_of_a_fixed_entry_does_not_change() -> None:
    """Every journal ever written is checked against this serialisation: the canonical JSON
    and the entry hash of a fixed entry (non-ASCII text, escapes, a line separator, nested
    keys out of order, numbers of both kinds) are pinned, whatever makes them faster."""
    payload = {"name": "张三", "b": [1, 2.5, None, True], "a": {"z": '\u2028"q"\\', "y": -0.0}}
    effects = [
        {
            "table": "persons",
            "key": {"id_number": "11010519491231002X"},
            "values": {"name": "张三", "birth_date": "1949-12-31", "amount": "12.50"},
        }
    ]
    entry = JournalRow(
        seq=42,
        command_uuid="6f1c2b7e-0000-4000-8000-000000000001",
        kind="person.enroll",
        scope="hall:HALL01",
        actor="teller1",
        workstation="WS-HALL01-01",
        client_time="2026-01-02T09:30:00+08:00",
        central_time="2026-01-02T09:30:01.250000+08:00",
        auth_ref=None,
        payload=canonical_json(payload),
        effects=canonical_json(effects),
        prev_hash="0" * 64,
    )
    assert (
        entry.payload
        == '{"a":{"y":-0.0,"z":"\u2028\\"q\\"\\\\"},"b":[1,2.5,null,true],"name":"张三"}'
    )
    assert entry.effects == (
        '[{"key":{"id_number":"11010519491231002X"},"table":"persons",'
        '"values":{"amount":"12.50","birth_date":"1949-12-31","name":"张三"}}]'
    )
    assert entry_hash(entry) == "b6b69030d9c6a90292144d98b196017dbb3e29a9d4ef640081ac52d4951d39f4"


def test_a_row_built_for_the_write_set_refuses_an_unknown_column(db: CentralDb) -> None:
    """``ctx.new`` builds a write set's rows past the model's constructor, and refuses what
    the constructor refuses: an attribute the model does not have."""
    with Session(db.service) as session, session.begin():
        batched = ApplyContext(
            side="central", session=session, now=MOMENT, batch=BatchWrites(session)
        )
        plain = ApplyContext(side="central", session=session, now=MOMENT)
        for ctx in (batched, plain):
            with pytest.raises(TypeError):
                ctx.new(PersonRow, id_number="110105194912310029", nickname="三儿")
            person = ctx.new(PersonRow, id_number="110105194912310029", name="张三")
            assert (person.id_number, person.name) == ("110105194912310029", "张三")
            assert person.phone is None  # not given: read as the constructor leaves it
