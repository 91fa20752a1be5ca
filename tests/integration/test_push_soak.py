"""Pushing survives being killed: every command reaches the journal exactly once.

A workstation process (``push_worker.py``: its own SQLite cache, its enrolled key read from
a file, ``HttpCentral`` to a real ``counter-central serve``) executes enrolments into its
cache and pushes them, over and over, 1,000 commands in all. The test kills it with SIGKILL
at random moments (a few rounds in, mostly while a push is on its way), at least 30 times,
restarting it each time on the same cache; three times it kills the service itself while a
push is in flight and starts it again on the same database and port, and the worker — not
restarted — must find it again by itself. Finally the worker runs until it
has nothing left to send.

Then the books must balance: every outbox row applied, none pending, rejected or
quarantined; each command in the journal once, under the seq its outbox row recorded; the
journal's seqs without a gap and its hash chain intact.

The kill schedule comes from a seed, printed with every failure; set ``PUSH_SOAK_SEED`` to
replay one (the schedule repeats; the timing of the processes, of course, does not). Runs on
both central engines (SQLite, then PostgreSQL as the service's least-privilege role).
"""

from __future__ import annotations

import json
import os
import queue
import random
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from service_harness import ROOT, RunningService, cli_env, enrolled, wait_ready
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counter_app.centre.journal import verify_chain
from counter_app.client.workstation import Workstation
from counter_app.config import WorkstationConfig
from counter_app.remote.http_central import HttpCentral
from counter_app.storage.central_models import JournalRow, RejectionRow
from counter_app.storage.engines import make_engine
from counter_app.storage.local_models import OutboxRow

pytestmark = pytest.mark.slow

WORKER = Path(__file__).with_name("push_worker.py")
USER, PASSWORD = "teller1", "demo-teller1"
TARGET = 1000  # commands made in all
WORKER_KILLS = 30
SERVICE_KILLS = 3
STARTUP_TIMEOUT = 60.0


class WorkerRun:
    """One run of ``push_worker.py``; its progress lines are read on a thread."""

    def __init__(self, args: list[str], stderr: Path) -> None:
        with stderr.open("ab") as sink:
            self.process = subprocess.Popen(
                [sys.executable, str(WORKER), *args],
                cwd=ROOT,
                env={**cli_env(), "PUSH_WORKER_PASSWORD": PASSWORD},
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=sink,
            )
        self.events: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.latest = ""  # the kind of the last event the worker printed
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            self.latest = str(event["event"])
            self.events.put(event)
        self.events.put(None)  # the process has gone

    def wait_for(
        self, accept: Callable[[dict[str, Any]], bool], timeout: float, what: str
    ) -> dict[str, Any]:
        """The first progress event ``accept`` takes; fails when the worker exits first."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no {what} from the worker within {timeout:g} s")
            try:
                event = self.events.get(timeout=remaining)
            except queue.Empty:
                continue
            if event is None:
                code = self.process.wait()
                raise AssertionError(f"the worker exited with {code} before {what}")
            if accept(event):
                return event

    def go(self) -> None:
        """Let a worker started ahead (``--wait-for-go``) begin, once it has loaded."""
        self.wait_for(lambda e: e["event"] == "loaded", STARTUP_TIMEOUT, "loaded")
        assert self.process.stdin is not None
        self.process.stdin.write(b"go\n")
        self.process.stdin.flush()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self._reader.join(timeout=10)
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


def restart_service(service: RunningService) -> None:
    """``counter-central serve`` again on the same configuration: same database and port."""
    with service.log.open("ab") as sink:
        service.process = subprocess.Popen(
            [sys.executable, "-m", "counter_central.cli", "serve", "--config", str(service.config)],
            cwd=ROOT,
            env=cli_env(),
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    wait_ready(service)


def write_private_key(centre: HttpCentral, path: Path) -> None:
    """The workstation's key as raw bytes, readable by this user only (as enrolment keeps it)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as sink:
        sink.write(centre.identity.private_key.private_bytes_raw())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def prepared_cache(service: RunningService, tmp_path: Path, centre: HttpCentral) -> Path:
    """A cache that has pulled the hall's staff once, as a workstation has after first login."""
    cache = tmp_path / "soak-cache.db"
    config = WorkstationConfig(
        path=tmp_path / "soak.toml",
        workstation_id=centre.identity.workstation_id,
        hall_code="HALL01",
        window_number=1,
        service_url=service.url,
    )
    ws = Workstation(config, local=make_engine(f"sqlite:///{cache}"), centre=centre)
    centre.login(USER, PASSWORD)
    assert ws.sync_once().online
    ws.close()
    return cache


# On the production engine only: the SQLite centre takes the same code path, and the soak is
# the longest test of the suite.
@pytest.mark.parametrize("central_url", ["postgresql"], indirect=True)
def test_killed_workers_and_a_killed_service_lose_and_repeat_nothing(
    central_service: RunningService, tmp_path: Path
) -> None:
    seed = int(os.environ.get("PUSH_SOAK_SEED") or random.SystemRandom().randrange(10**6))
    rng = random.Random(seed)
    replay = f"[seed {seed}: rerun with PUSH_SOAK_SEED={seed}]"
    print(f"push soak {replay}")

    identity = enrolled(central_service).identity
    workstation = identity.workstation_id
    centre = HttpCentral(central_service.url, identity, timeout=30)
    key_file = tmp_path / "soak.key"
    write_private_key(centre, key_file)
    cache = prepared_cache(central_service, tmp_path, centre)
    stderr = tmp_path / "worker.stderr"
    service_kill_rounds = set(rng.sample(range(2, WORKER_KILLS - 1), SERVICE_KILLS))

    def start(run: int) -> WorkerRun:
        args = [
            "--cache", str(cache), "--key", str(key_file), "--url", central_service.url,
            "--workstation", workstation, "--user", USER, "--target", str(TARGET),
            "--seed", str(seed), "--run", str(run), "--wait-for-go",
        ]  # fmt: skip
        return WorkerRun(args, stderr)

    def failure(message: str) -> str:
        worker_log = stderr.read_text(errors="replace")[-3000:] if stderr.exists() else ""
        return f"{message} {replay}\n--- worker stderr (tail) ---\n{worker_log}"

    started = time.monotonic()
    kills_mid_push = workers_killed_mid_push = 0
    upcoming = start(0)
    runs = [upcoming]
    try:
        for run in range(WORKER_KILLS):
            worker = upcoming
            worker.go()
            worker.wait_for(lambda e: e["event"] == "ready", STARTUP_TIMEOUT, "ready")
            upcoming = start(run + 1)  # the next run loads while this one works
            runs.append(upcoming)
            if run in service_kill_rounds:
                # Kill the service while a push is on its way.
                worker.wait_for(lambda e: e["event"] == "push" and e["pending"] > 0, 60, "a push")
                time.sleep(rng.uniform(0.0, 0.01))
                central_service.process.send_signal(signal.SIGKILL)
                central_service.process.wait(timeout=10)
                outcome = worker.wait_for(lambda e: e["event"] == "pushed", 60, "a push result")
                kills_mid_push += outcome["error"] is not None
                time.sleep(rng.uniform(0.1, 0.5))  # the worker keeps trying meanwhile
                restart_service(central_service)
                # The same worker process must reach the service again by itself.
                worker.wait_for(
                    lambda e: e["event"] == "pushed" and e["error"] is None and e["applied"] > 0,
                    60,
                    "a successful push after the service came back",
                )
            # A random moment: a few rounds in, and a little after a push began.
            for _ in range(rng.randint(0, 3)):
                worker.wait_for(lambda e: e["event"] == "push", 60, "a push")
            time.sleep(rng.uniform(0.0, 0.1))
            assert worker.process.poll() is None, f"worker run {run} exited by itself"
            worker.kill()
            workers_killed_mid_push += worker.latest == "push"

        final = upcoming
        final.go()
        drained = final.wait_for(lambda e: e["event"] == "drained", 180, "the drain")
        assert final.process.wait(timeout=30) == 0, "the last run failed"
    except AssertionError as exc:
        raise AssertionError(failure(str(exc))) from None
    finally:
        for leftover in runs:
            leftover.kill()
    elapsed = time.monotonic() - started
    print(
        f"soak: {WORKER_KILLS} worker kills ({workers_killed_mid_push} during a push), "
        f"{SERVICE_KILLS} service kills ({kills_mid_push} during a push) in {elapsed:.1f} s"
    )
    assert drained["total"] == TARGET, failure("the outbox is not complete")
    assert kills_mid_push >= 1, failure("no service kill interrupted a push")
    assert workers_killed_mid_push >= 5, failure("too few worker kills came during a push")

    with Session(make_engine(f"sqlite:///{cache}")) as local:
        outbox = {row.uuid: (row.status, row.seq) for row in local.scalars(select(OutboxRow))}
    statuses = {status for status, _ in outbox.values()}
    assert len(outbox) == TARGET and statuses == {"applied"}, failure(f"outbox: {statuses}")

    owner = central_service.db.owner
    with Session(owner) as session:
        journal = session.execute(
            select(JournalRow.seq, JournalRow.command_uuid, JournalRow.workstation).order_by(
                JournalRow.seq
            )
        ).all()
        rejected = session.scalar(
            select(func.count())
            .select_from(RejectionRow)
            .where(RejectionRow.workstation == workstation)
        )
    ours = [(seq, uuid) for seq, uuid, ws in journal if ws == workstation]
    uuids = [uuid for _, uuid in ours]
    assert len(uuids) == len(set(uuids)) == TARGET, failure("a command is missing or repeated")
    assert {uuid: ("applied", seq) for seq, uuid in ours} == outbox, failure(
        "the outbox's seqs differ from the journal's"
    )
    assert [seq for seq, _, _ in journal] == list(range(1, len(journal) + 1)), failure(
        "the journal's seqs have a gap"
    )
    assert rejected == 0, failure("the centre rejected commands of the worker")
    chain = verify_chain(owner)
    assert chain.ok, failure(f"journal chain: {chain}")
