"""The background sync worker against a real counter-central process, on both engines.

A change committed at one workstation reaches another's cache by long-poll; an outage is
ridden out with growing, jittered back-off and ended without help; a rejection stays with
its reason; and ``stop`` returns promptly even while a long-poll is under way.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from service_harness import (
    ROOT,
    RunningService,
    cli_env,
    enrollment_payload,
    new_person_id,
    wait_ready,
)
from sqlalchemy.orm import Session

from counter_app.client.workstation import Workstation
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.storage.local_models import OutboxRow
from counter_app.storage.shared_models import InsuredPersonRow
from counter_app.sync.anchors_seen import HttpAudit
from counter_app.sync.worker import SyncRound, SyncWorker

PASSWORD = "demo-teller1"


class Reports:
    """Collects a worker's reports and waits for one that satisfies a condition."""

    def __init__(self) -> None:
        self.items: list[SyncRound] = []
        self._changed = threading.Condition()

    def __call__(self, report: SyncRound) -> None:
        with self._changed:
            self.items.append(report)
            self._changed.notify_all()

    def wait_for(self, test: Callable[[SyncRound], bool], timeout: float = 20.0) -> SyncRound:
        deadline = time.monotonic() + timeout
        with self._changed:
            seen = 0
            while True:
                for report in self.items[seen:]:
                    if test(report):
                        return report
                seen = len(self.items)
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no such report within {timeout} s: {self.items[-5:]}")
                self._changed.wait(remaining)


def wait_until(test: Callable[[], bool], timeout: float = 20.0, step: float = 0.005) -> float:
    """Seconds until ``test()`` held (``AssertionError`` after ``timeout``)."""
    start = time.monotonic()
    while not test():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not within {timeout} s")
        time.sleep(step)
    return time.monotonic() - start


def restart(service: RunningService) -> RunningService:
    """``counter-central serve`` again with the same configuration: same port, same database."""
    with service.log.open("ab") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "counter_central.cli", "serve", "--config", str(service.config)],
            cwd=ROOT,
            env=cli_env(),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    again = RunningService(
        service.url, service.config, service.log, process, service.verify, service.db
    )
    return wait_ready(again)


def worker_for(ws: Workstation, reports: Reports, **options: Any) -> SyncWorker:
    return SyncWorker(
        ws.local,
        ws.centre,
        audit_port=HttpAudit(ws.centre),
        on_report=reports,
        name=ws.config.workstation_id,
        **options,
    )


@pytest.fixture
def started() -> Iterator[list[SyncWorker]]:
    workers: list[SyncWorker] = []
    yield workers
    for worker in workers:
        worker.stop()


def enrol_person(ws: Workstation, id_number: str | None = None) -> tuple[str, str]:
    person = id_number or new_person_id()
    accepted = ws.execute(ws.command(ENROLL, enrollment_payload(person), "teller1"))
    return accepted.command_uuid, person


def ready(ws: Workstation) -> Workstation:
    ws.centre.login("teller1", PASSWORD)
    report = ws.sync_once()  # the users and halls, so that commands can be written
    assert report.online, report.error
    return ws


def test_a_change_at_one_workstation_reaches_the_other_by_long_poll(
    make_workstation: Any, started: list[SyncWorker]
) -> None:
    a: Workstation = ready(make_workstation("WS-A"))
    b: Workstation = ready(make_workstation("WS-B", window=2))
    a_reports, b_reports = Reports(), Reports()
    a_worker = worker_for(a, a_reports)
    b_worker = worker_for(b, b_reports)
    started.extend([a_worker, b_worker])
    a_worker.start()
    b_worker.start()
    b_reports.wait_for(lambda r: r.kind == "pull" and r.online is True)
    time.sleep(0.3)  # B is inside its long-poll now

    for _ in range(5):
        _, person = enrol_person(a)
        a_worker.wake()

        def arrived(person: str = person) -> bool:
            with Session(b.local) as session:
                row = session.get(InsuredPersonRow, person)
                return row is not None and bool(row.insured_number)

        wait_until(arrived, timeout=10)  # B's pull thread brings it; B pushes nothing
    # How fast is measured in benchmarks/bench_service.py (commit-to-visible), not here.
    # B may hold an entry before A's push round has reported it: wait for A's last report.
    pushed = a_reports.wait_for(
        lambda r: r.kind == "push" and r.push.applied >= 1 and r.pending == 0
    )
    assert pushed.online
    pulled = b_reports.wait_for(lambda r: r.kind == "pull" and r.pull.entries >= 1)
    assert pulled.moved and pulled.online
    assert a.outbox_counts()["pending"] == 0


def test_an_outage_is_ridden_out_with_growing_jittered_back_off(
    make_workstation: Any, central_service: RunningService, started: list[SyncWorker]
) -> None:
    ws: Workstation = ready(make_workstation("WS-A"))
    reports = Reports()
    draws = iter([0.0, 1.0, 0.5, 0.25, 0.75] * 40)
    worker = worker_for(
        ws,
        reports,
        backoff_base=0.2,
        backoff_cap=1.6,
        interval=30.0,
        long_poll=2.0,
        jitter=lambda: next(draws),
    )
    started.append(worker)
    worker.start()
    reports.wait_for(lambda r: r.kind == "pull" and r.online is True)

    central_service.stop()
    command_uuid, person = enrol_person(ws)
    worker.wake()
    reports.wait_for(lambda r: r.kind == "push" and r.online is False and r.pending == 1)
    wait_until(lambda: len(worker.push_backoffs) >= 5, timeout=30, step=0.05)
    delays = [d for _, d in worker.push_backoffs]
    ceilings = [min(1.6, 0.2 * 2**i) for i in range(len(delays))]
    # Each delay lies between half and all of a ceiling that doubles up to the cap …
    assert all(c / 2 <= d <= c for d, c in zip(delays, ceilings, strict=True)), delays
    assert ceilings[3] > ceilings[0]
    # … and is not simply that ceiling: jitter spreads workstations cut off together.
    assert len({round(d / c, 3) for d, c in zip(delays, ceilings, strict=True)}) > 1
    with Session(ws.local) as session:
        row = session.get(OutboxRow, command_uuid)
        assert row is not None and row.status == "pending"
        assert row.attempts >= 2 and row.last_error

    restarted = restart(central_service)
    try:
        recovered = reports.wait_for(
            lambda r: r.kind == "push" and r.online is True and r.push.applied == 1, timeout=30
        )
        assert recovered.pending == 0 and recovered.error is None
        wait_until(lambda: _insured_number(ws, person) is not None, timeout=10)
    finally:
        worker.stop()
        restarted.stop()


def _insured_number(ws: Workstation, person: str) -> str | None:
    with Session(ws.local) as session:
        row = session.get(InsuredPersonRow, person)
        return row.insured_number if row is not None else None


def test_a_rejection_is_reported_with_its_reason_and_not_sent_again(
    make_workstation: Any, started: list[SyncWorker]
) -> None:
    ws: Workstation = ready(make_workstation("WS-A"))
    payload = enrollment_payload(new_person_id())
    payload["category"] = "employee"
    payload["employer_code"] = "91350100M000100Y43"  # a valid code the centre does not know
    payload["insurance_types"] = ["pension"]
    command_uuid = ws.execute(ws.command(ENROLL, payload, "teller1")).command_uuid
    reports = Reports()
    worker = worker_for(ws, reports, interval=0.2)
    started.append(worker)
    worker.start()
    rejected = reports.wait_for(lambda r: r.kind == "push" and r.push.rejected == 1)
    assert rejected.rejected == 1 and rejected.pending == 0 and rejected.online
    time.sleep(1.0)  # five timer rounds
    worker.wake()
    later = reports.wait_for(lambda r: r.kind == "push" and r is not rejected)
    assert later.push.sent == 0 and later.rejected == 1
    with Session(ws.local) as session:
        row = session.get(OutboxRow, command_uuid)
        assert row is not None and row.status == "rejected" and row.attempts == 1
        assert row.reason_code and "employer" in (row.reason or "").lower()


def test_stop_returns_promptly_during_a_long_poll(
    make_workstation: Any, started: list[SyncWorker]
) -> None:
    ws: Workstation = ready(make_workstation("WS-A"))
    reports = Reports()
    worker = worker_for(ws, reports, long_poll=20.0)
    started.append(worker)
    worker.start()
    reports.wait_for(lambda r: r.kind == "pull" and r.online is True)
    time.sleep(0.5)  # inside the 20-second long-poll
    worker.stop()  # bounded by its own join time, whatever the long-poll still waits for
    assert not worker.running
    count = len(reports.items)
    enrol_person(ws)
    worker.wake()  # nothing happens after stop
    time.sleep(0.5)
    assert len(reports.items) == count
    assert ws.outbox_counts()["pending"] == 1


def test_a_push_does_not_wait_behind_the_long_poll(
    make_workstation: Any, central_db: Any, started: list[SyncWorker]
) -> None:
    ws: Workstation = ready(make_workstation("WS-A"))
    reports = Reports()
    worker = worker_for(ws, reports, long_poll=20.0, interval=60.0)
    started.append(worker)
    worker.start()
    # Caught up (the journal may take several pages: the published catalogue is a large entry)
    reports.wait_for(
        lambda r: r.kind == "pull" and r.online is True and r.pull.cursor >= r.pull.head_seq
    )
    time.sleep(0.5)  # inside the long-poll
    command_uuid, _ = enrol_person(ws)
    before = len(reports.items)
    worker.wake()
    pushed = reports.wait_for(lambda r: r.kind == "push" and r.push.applied == 1, timeout=10)
    # The pull thread was still inside its 20-second long-poll: no pull round ended between
    # the wake and the push (a push queued behind the poll would come after its empty answer).
    between = reports.items[before : reports.items.index(pushed)]
    # (A pull that brought the pushed command's own entry may report first: the service wakes
    # the long-poll as soon as the entry is journaled. An *empty* answer may not.)
    assert [r.pull for r in between if r.kind == "pull" and r.pull.entries == 0] == []
    with Session(ws.local) as session:
        row = session.get(OutboxRow, command_uuid)
        assert row is not None and row.status == "applied" and row.seq
