"""A damaged outbox row is set aside (quarantined) instead of blocking every push behind it.

Real SQLite local caches and a real counter-central process on both central engines, as the
spine tests: the row is damaged directly in the cache's SQLite file between two good
commands; what reached the centre is read from the central database as its owner.
"""

from __future__ import annotations

import logging
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session
from test_spine import PERSONS, enrollment, online
from test_sync_worker import restart

from counter_app.centre.journal import verify_chain
from counter_app.client.workstation import Workstation
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.services.queries import outbox_items
from counter_app.storage.central_models import JournalRow
from counter_app.storage.local_models import OutboxRow
from counter_app.sync.push import (
    DATA_REFUSED,
    QUARANTINED,
    UNKNOWN_KIND,
    UNREADABLE,
    WAITS_FOR_QUARANTINED,
    push,
    release_quarantined,
)


@pytest.fixture
def ws(make_workstation: Any) -> Workstation:
    return online(make_workstation("WS-A"))


def _three(ws: Workstation) -> list[str]:
    return [ws.execute(ws.command(ENROLL, enrollment(p), "teller1")).command_uuid for p in PERSONS]


def _set(ws: Workstation, uuid: str, column: str, value: str) -> None:
    with ws.local.begin() as connection:
        connection.execute(
            text(f"UPDATE outbox SET {column} = :value WHERE uuid = :uuid"),
            {"value": value, "uuid": uuid},
        )


def _get(ws: Workstation, uuid: str, column: str) -> Any:
    with ws.local.connect() as connection:
        return connection.execute(
            text(f"SELECT {column} FROM outbox WHERE uuid = :uuid"), {"uuid": uuid}
        ).scalar_one()


def _journaled(central: Engine) -> list[str]:
    with Session(central) as s:
        return list(s.scalars(select(JournalRow.command_uuid).order_by(JournalRow.seq)))


def test_a_corrupt_row_is_quarantined_and_the_rows_behind_it_go_through(
    ws: Workstation, central_db: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    central = central_db
    before = _journaled(central)
    first, bad, last = _three(ws)
    original = _get(ws, bad, "payload")
    _set(ws, bad, "payload", '{"id_number": "' + PERSONS[1][:10])  # cut off: not JSON

    with caplog.at_level(logging.INFO, logger="counter_app.sync.push"):
        report = ws.sync_once()
    assert report.online and report.push is not None
    assert (report.push.applied, report.push.quarantined, report.push.rejected) == (2, 1, 0)
    assert _journaled(central) == [*before, first, last]
    assert verify_chain(central).ok

    with Session(ws.local) as s:
        row = s.get(OutboxRow, bad)
        assert row is not None and row.status == QUARANTINED
        assert row.quarantine_code == UNREADABLE and row.quarantined_at is not None
        assert row.quarantine_detail and "JSONDecodeError" in row.quarantine_detail
    assert ws.outbox_counts()["quarantined"] == 1 and ws.outbox_counts()["pending"] == 0
    logged = caplog.text
    assert bad in logged and "quarantined" in logged
    assert not any(p in logged or p[:10] in logged for p in PERSONS)
    assert "13800138000" not in logged

    item = next(i for i in outbox_items(ws) if i.uuid == bad)  # the tab can list it
    assert item.status == QUARANTINED and item.quarantine_code == UNREADABLE
    assert ws.sync_once().push.sent == 0  # type: ignore[union-attr]  # stays aside

    # Repaired, then retried: applied exactly once.
    _set(ws, bad, "payload", original)
    assert release_quarantined(ws.local, bad)
    assert not release_quarantined(ws.local, bad)
    report = ws.sync_once()
    assert report.push is not None and report.push.applied == 1
    again = ws.sync_once()
    assert again.push is not None and again.push.sent == 0
    assert _journaled(central) == [*before, first, last, bad]
    assert verify_chain(central).ok
    assert _get(ws, bad, "status") == "applied"
    assert ws.outbox_counts() == {"pending": 0, "applied": 3, "rejected": 0}


def test_an_unknown_kind_and_a_payload_the_centre_cannot_read_are_quarantined(
    ws: Workstation, central_db: Engine
) -> None:
    central = central_db
    before = _journaled(central)
    unknown, unreadable, good = _three(ws)
    _set(ws, unknown, "kind", "no.such.kind")  # the service refuses it: 422 unknown_kind
    _set(ws, unreadable, "payload", "{}")  # JSON, but nothing the handler can read

    report = ws.sync_once()
    assert report.online and report.push is not None
    assert (report.push.applied, report.push.quarantined) == (1, 2)
    assert _get(ws, unknown, "quarantine_code") == UNKNOWN_KIND
    # The centre's malformed_payload verdict: it recorded nothing, so repair and retry.
    assert _get(ws, unreadable, "quarantine_code") == DATA_REFUSED
    assert _get(ws, unreadable, "status") == QUARANTINED
    assert _journaled(central) == [*before, good]
    assert verify_chain(central).ok


def test_a_row_that_depends_on_a_quarantined_one_waits_for_it(
    ws: Workstation, central_db: Engine
) -> None:
    central = central_db
    before = _journaled(central)
    bad, dependent, independent = _three(ws)
    original = _get(ws, bad, "payload")
    _set(ws, bad, "payload", "not json")
    # The later command writes the rows the quarantined one wrote.
    _set(ws, dependent, "local_effects", _get(ws, bad, "local_effects"))

    report = ws.sync_once()
    assert report.push is not None
    assert (report.push.quarantined, report.push.held, report.push.applied) == (1, 1, 1)
    assert _get(ws, dependent, "status") == "pending"
    assert _get(ws, dependent, "quarantine_code") == WAITS_FOR_QUARANTINED
    assert _journaled(central) == [*before, independent]

    _set(ws, bad, "payload", original)
    assert release_quarantined(ws.local, bad)
    report = ws.sync_once()
    assert report.push is not None and report.push.applied == 2
    assert _journaled(central) == [*before, independent, bad, dependent]
    assert _get(ws, dependent, "quarantine_code") is None
    assert verify_chain(central).ok


def test_an_unreachable_centre_quarantines_nothing(ws: Workstation, central_service: Any) -> None:
    uuids = _three(ws)
    central_service.stop()
    result = push(ws.local, ws.centre)
    assert result.error and result.sent == 0 and result.quarantined == 0
    with Session(ws.local) as s:
        rows = [s.get(OutboxRow, u) for u in uuids]
        assert all(r is not None and r.status == "pending" for r in rows)
        assert rows[0].attempts == 1 and rows[0].last_error  # type: ignore[union-attr]
        assert (
            s.scalar(
                select(func.count()).select_from(OutboxRow).where(OutboxRow.status == QUARANTINED)
            )
            == 0
        )
    # Back online, all three go through in order.
    restarted = restart(central_service)
    try:
        report = ws.sync_once()
        assert report.push is not None and report.push.applied == 3
    finally:
        restarted.stop()
