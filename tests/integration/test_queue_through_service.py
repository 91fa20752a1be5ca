"""Fifty windows, each a process of its own, drain 2,000 tickets through counter-central.

The queue tests of ``test_queue.py`` claim tickets on the database directly; here every
claim goes the way a window's does in a hall: a signed request of an enrolled workstation,
on the session of that window's teller, to a real ``counter-central serve`` on PostgreSQL
(its least-privilege role). The 2,000 tickets are issued beforehand on the database, as
the service issues them.

Each ticket must be called exactly once: by one window, with the call key that window sent,
recorded with that window's number and teller, and announced by exactly one ``called``
event of the hall.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from service_harness import (
    ROOT,
    CentralDb,
    RunningService,
    cli_env,
    enrolled,
    pg_skip_reason,
    postgres_database,
    start_service,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from counter_app.centre import bootstrap
from counter_app.domain.roles import Role
from counter_app.services import queue
from counter_app.storage.queue_models import QueueEventRow, TicketRow
from counter_central.clock import ServiceClock

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

WORKER = Path(__file__).with_name("service_queue_worker.py")
WINDOWS = 50
TICKETS = 2000
PASSWORD = "window-teller-password"


def teller_of(window: int) -> str:
    return f"wteller{window:02d}"


@pytest.fixture
def service(tmp_path: Path) -> Iterator[RunningService]:
    reason = pg_skip_reason()
    if reason:
        pytest.skip(reason)
    with postgres_database(desk=True) as db:
        running = start_service(tmp_path / "service", db)
        try:
            yield running
        finally:
            running.stop()


def create_tellers(db: CentralDb) -> None:
    """One teller per window (password hashing is slow: a few at a time)."""

    def create(window: int) -> None:
        bootstrap.create_user(db.owner, teller_of(window), PASSWORD, Role.TELLER, "HALL01")

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(create, range(1, WINDOWS + 1)))


def issue_tickets(db: CentralDb) -> list[int]:
    """``TICKETS`` tickets, A and B alternately, issued as the service would issue them now
    (set-up on the database, with the service's clock; the kiosk's path has tests of its own)."""
    clock = ServiceClock()
    now, day = clock.now().replace(tzinfo=None), clock.business_day()
    return [
        queue.issue_ticket(db.owner, "HALL01", "AB"[n % 2], now=now, day=day).id
        for n in range(TICKETS)
    ]


def start_window(service: RunningService, window: int, keys: Path) -> subprocess.Popen[str]:
    identity = enrolled(service).identity
    key_file = keys / f"window{window}.key"
    descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as sink:
        sink.write(identity.private_key.private_bytes_raw())
    args = [
        "--url", service.url, "--workstation", identity.workstation_id, "--key", str(key_file),
        "--user", teller_of(window), "--window", str(window),
    ]  # fmt: skip
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        cwd=ROOT,
        env={**cli_env(), "QUEUE_WORKER_PASSWORD": PASSWORD},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def expect_line(window: int, process: subprocess.Popen[str], expected: str) -> None:
    assert process.stdout is not None
    line = process.stdout.readline()
    if line.strip() != expected:
        process.kill()
        _, err = process.communicate()
        raise AssertionError(f"window {window} said {line!r}, not {expected!r}:\n{err}")


def send(process: subprocess.Popen[str], line: str) -> None:
    assert process.stdin is not None
    process.stdin.write(line + "\n")
    process.stdin.flush()


def test_fifty_window_processes_call_each_ticket_once_through_the_service(
    service: RunningService, tmp_path: Path
) -> None:
    phases: dict[str, float] = {}
    clock = time.monotonic()
    # The window processes start (a slow import) while the tellers and tickets are made.
    processes = {window: start_window(service, window, tmp_path) for window in range(1, 51)}
    try:
        create_tellers(service.db)
        phases["windows started and tellers made"] = time.monotonic() - clock
        issued = issue_tickets(service.db)
        assert len(issued) == len(set(issued)) == TICKETS
        phases["issue"] = time.monotonic() - clock - sum(phases.values())
        for window, process in processes.items():
            expect_line(window, process, "loaded")
            send(process, "login")
        for window, process in processes.items():
            expect_line(window, process, "ready")
        phases["windows up"] = time.monotonic() - clock - sum(phases.values())
        for process in processes.values():
            send(process, "go")
        reports: dict[int, dict[str, Any]] = {}
        for window, process in processes.items():
            out, err = process.communicate(timeout=240)
            assert process.returncode == 0, f"window {window} failed:\n{err}"
            reports[window] = json.loads(out.strip().splitlines()[-1])
        phases["drain"] = time.monotonic() - clock - sum(phases.values())
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.kill()
                process.communicate()

    claimed = [(window, c) for window, r in reports.items() for c in r["called"]]
    counts = Counter(c["id"] for _, c in claimed)
    repeated = {ticket: n for ticket, n in counts.items() if n > 1}
    assert not repeated, f"tickets called more than once: {repeated}"
    assert set(counts) == set(issued), "some tickets were never called"
    for window, c in claimed:
        assert (c["window"], c["teller"], c["state"]) == (window, teller_of(window), "called")
    busy = sum(1 for r in reports.values() if r["called"])
    print(
        f"{TICKETS} tickets over {busy} of {WINDOWS} windows; "
        f"most at one window {max(len(r['called']) for r in reports.values())}; "
        f"repeated calls {sum(r['retries'] for r in reports.values())}; "
        + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in phases.items())
    )

    expected = {c["id"]: (window, teller_of(window), c["key"]) for window, c in claimed}
    with Session(service.db.owner) as session:
        tickets = session.scalars(select(TicketRow)).all()
        called_events = [
            json.loads(payload)
            for payload in session.scalars(
                select(QueueEventRow.payload).where(QueueEventRow.kind == "called")
            )
        ]
    recorded = {t.id: (t.window_number, t.teller, t.call_key) for t in tickets}
    assert recorded == expected, "the service recorded other windows, tellers or keys"
    assert {t.state for t in tickets} == {"called"}
    displays = {t.id: t.display for t in tickets}
    announced = Counter((e["ticket"], e["window"]) for e in called_events)
    assert len(called_events) == TICKETS
    assert announced == Counter((displays[i], window) for i, (window, _, _) in expected.items())
