"""The workstation notices a central journal that lost entries or was rewritten, and says so.

A real counter-central process on an embedded SQLite central database, so that "restored
from an old backup" is exactly that: the database file copied while the service runs and
put back with the service stopped. The workstation's worker, long-polling, must raise the
alarm by itself and offer its lost commands again, which the centre then applies anew.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from service_harness import RunningService
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from test_sync_worker import Reports, enrol_person, ready, restart, wait_until, worker_for

from counter_app.client.workstation import Workstation
from counter_app.storage.central_models import JournalRow
from counter_app.storage.local_models import OutboxRow, SignedHeadRow
from counter_app.sync.anchors_seen import (
    COMMANDS_MISSING,
    JOURNAL_BEHIND,
    JOURNAL_REWRITTEN,
    LOST,
    REWRITTEN,
    acknowledge_alarms,
    open_alarms,
    remember_anchor_key,
)
from counter_app.sync.worker import SyncWorker
from counter_central.anchor_key import load_anchor_key


@pytest.fixture
def central_url(tmp_path: Path) -> str:
    """Only the embedded engine: the restore is a file copy."""
    return f"sqlite:///{tmp_path / 'central.db'}"


def db_file(service: RunningService) -> Path:
    database = make_url(service.db.owner_url).database
    assert database
    return Path(database)


def trusting(ws: Workstation, service: RunningService) -> Workstation:
    """``ws`` keeps the service's anchor key, as the enrolment answer gives it."""
    key = load_anchor_key(service.config.parent / "anchor.key")
    remember_anchor_key(ws.local, key.public_text, key.key_id)
    return ws


def applied(ws: Workstation, uuids: list[str]) -> bool:
    with Session(ws.local) as session:
        return all(
            (row := session.get(OutboxRow, u)) is not None and row.status == "applied"
            for u in uuids
        )


def signed_up_to(ws: Workstation, seq: int) -> bool:
    with Session(ws.local) as session:
        newest = session.scalar(select(SignedHeadRow.seq).order_by(SignedHeadRow.seq.desc()))
        return newest is not None and newest >= seq


def outbox_seq(ws: Workstation, command_uuid: str) -> int:
    with Session(ws.local) as session:
        row = session.get(OutboxRow, command_uuid)
        assert row is not None and row.seq is not None
        return row.seq


def journaled(service: RunningService) -> set[str]:
    with Session(service.db.owner) as session:
        return set(session.scalars(select(JournalRow.command_uuid)))


def fast_worker(ws: Workstation, reports: Reports) -> SyncWorker:
    return worker_for(
        ws, reports, audit_every=0.0, anchor_every=0.0, backoff_base=0.2, backoff_cap=1.0
    )


def test_a_centre_restored_from_an_old_backup_raises_the_alarm_and_gets_the_commands_again(
    make_workstation: Any, central_service: RunningService, tmp_path: Path
) -> None:
    ws = trusting(ready(make_workstation("WS-A")), central_service)
    reports = Reports()
    worker = fast_worker(ws, reports)
    worker.start()
    restarted: RunningService | None = None
    try:
        kept = [enrol_person(ws)[0] for _ in range(2)]
        worker.wake()
        wait_until(lambda: applied(ws, kept))
        wait_until(lambda: signed_up_to(ws, outbox_seq(ws, kept[-1])))

        backup = tmp_path / "backup.db"  # the nightly backup, taken while the service runs
        with sqlite3.connect(db_file(central_service)) as live, sqlite3.connect(backup) as copy:
            live.backup(copy)

        lost = [enrol_person(ws)[0] for _ in range(3)]
        worker.wake()
        wait_until(lambda: applied(ws, lost))
        newest = outbox_seq(ws, lost[-1])
        wait_until(lambda: signed_up_to(ws, newest))
        assert set(lost) <= journaled(central_service)

        # The central database is restored from the backup: the last three entries are gone.
        central_service.stop()
        central_service.db.owner.dispose()
        live_file = db_file(central_service)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{live_file}{suffix}").unlink(missing_ok=True)
        backup.replace(live_file)
        assert not set(lost) & journaled(central_service)
        restarted = restart(central_service)

        # The worker notices by itself, says so, and offers the lost commands again.
        alarmed = reports.wait_for(lambda r: bool(r.new_alarms), timeout=30)
        codes = {a.code for a in alarmed.new_alarms}
        assert JOURNAL_BEHIND in codes and COMMANDS_MISSING in codes
        assert alarmed.offered_again == 3 and alarmed.alarm
        assert "restored" in alarmed.alarm
        wait_until(lambda: set(lost) <= journaled(central_service), timeout=30)
        wait_until(lambda: applied(ws, lost))
        assert set(kept) <= journaled(central_service)
        with Session(ws.local) as session:
            assert (
                session.scalars(
                    select(SignedHeadRow.status).where(SignedHeadRow.seq == newest)
                ).one()
                == LOST
            )
        # Visible until acknowledged: every later report still carries it.
        later = reports.wait_for(lambda r: r is not alarmed and r.alarm is not None, timeout=30)
        assert later.alarms
        assert acknowledge_alarms(ws.local) >= 2
        assert open_alarms(ws.local) == []
    finally:
        worker.stop()
        if restarted is not None:
            restarted.stop()


def test_a_rewritten_entry_no_longer_matches_its_signed_head(
    make_workstation: Any, central_service: RunningService
) -> None:
    ws = trusting(ready(make_workstation("WS-A")), central_service)
    reports = Reports()
    worker = fast_worker(ws, reports)
    worker.start()
    try:
        first = enrol_person(ws)[0]
        worker.wake()
        wait_until(lambda: applied(ws, [first]))
        seq = outbox_seq(ws, first)
        wait_until(lambda: signed_up_to(ws, seq))

        # The database owner disables the append-only trigger and rewrites the entry.
        with central_service.db.owner.begin() as connection:
            connection.execute(text("DROP TRIGGER journal_no_update"))
            connection.execute(
                text("UPDATE journal SET hash = :h WHERE seq = :s"), {"h": "0" * 64, "s": seq}
            )
        enrol_person(ws)  # the head moves: the worker audits again
        worker.wake()
        alarmed = reports.wait_for(
            lambda r: any(a.code == JOURNAL_REWRITTEN for a in r.new_alarms), timeout=30
        )
        assert alarmed.alarm and "rewritten" in alarmed.alarm
        with Session(ws.local) as session:
            assert session.get(SignedHeadRow, seq).status == REWRITTEN  # type: ignore[union-attr]
        time.sleep(0.5)
        assert sum(1 for a in open_alarms(ws.local) if a.code == JOURNAL_REWRITTEN) == 1
    finally:
        worker.stop()
