"""A workstation process for the push soak test: execute commands into its cache and push.

``test_push_soak.py`` runs this script again and again on one SQLite cache and kills it
(SIGKILL) at random moments, and kills the service under it too. Whatever state a kill
leaves — a local transaction cut short, a batch the centre applied but whose verdicts never
arrived, a batch that never left — the next run (or the next push of this run, once the
service is back) must settle it, so that every command ends applied exactly once.

Each round executes a few enrolments of fresh people into the cache (one outbox row each;
none while ``--most-pending`` wait, as when the service is away) and then pushes everything
pending. The person of an enrolment is derived from the
command's outbox position, which the cache assigns in the same transaction as the row, so a
restarted run never enrols anyone twice. Once ``--target`` commands are in the outbox and
none is pending, the script prints ``drained`` and exits 0.

Progress goes to stdout, one JSON object a line (``ready``, ``push``, ``pushed``,
``drained``), for the test to time its kills by. With ``--wait-for-go`` it loads its
modules, says ``loaded`` and waits for a ``go`` line on stdin before touching anything, so
a restart need not wait for the interpreter to start. The staff password comes from the
``PUSH_WORKER_PASSWORD`` environment variable; the workstation's private key from a file.

    python push_worker.py --cache C.db --key ws.key --url http://127.0.0.1:PORT \\
        --workstation WS-SOAK --user teller1 --target 1000 --seed 7 --run 0
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counter_app.domain.commands import Command
from counter_app.domain.errors import CentralUnavailable
from counter_app.domain.ids import resident_check_digit
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.remote.http_central import HttpCentral
from counter_app.remote.identity import WorkstationIdentity
from counter_app.services import command_bus
from counter_app.storage.engines import make_engine
from counter_app.storage.local_models import OutboxRow
from counter_app.sync.push import push

PASSWORD_VARIABLE = "PUSH_WORKER_PASSWORD"
RETRY_PAUSE = 0.05  # seconds between attempts while the service is away


def emit(event: str, **fields: Any) -> None:
    print(json.dumps({"event": event, **fields}), flush=True)


def person_id(serial: int) -> str:
    """A valid resident ID number, one per ``serial`` (birth date and sequence from it)."""
    born = dt.date(1960, 1, 1) + dt.timedelta(days=serial % 15000)
    first17 = f"110105{born:%Y%m%d}{serial // 15000 % 1000:03d}"
    return first17 + resident_check_digit(first17)


def enrollment(id_number: str) -> dict[str, object]:
    return {
        "ticket": "",
        "id_number": id_number,
        "name": "张三",
        "phone": "13800138000",
        "address": "北京市朝阳区建国路1号",
        "category": "flexible",
        "insurance_types": ["pension", "medical"],
        "start_date": dt.date.today().isoformat(),
        "employer_code": "",
        "window_number": 1,
    }


def outbox_state(local: Engine) -> tuple[int, int]:
    """(rows in the outbox, rows still pending)."""
    with Session(local) as session:
        total = session.scalar(select(func.count()).select_from(OutboxRow)) or 0
        pending = (
            session.scalar(
                select(func.count()).select_from(OutboxRow).where(OutboxRow.status == "pending")
            )
            or 0
        )
    return int(total), int(pending)


def log_in(centre: HttpCentral, user: str, password: str) -> None:
    """Open the staff session, waiting for the service as long as it takes."""
    while True:
        try:
            centre.login(user, password)
            return
        except CentralUnavailable:
            time.sleep(RETRY_PAUSE)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, required=True, help="the SQLite cache file")
    parser.add_argument("--key", type=Path, required=True, help="the raw Ed25519 private key")
    parser.add_argument("--url", required=True, help="the service's base URL")
    parser.add_argument("--workstation", required=True)
    parser.add_argument("--hall", default="HALL01")
    parser.add_argument("--user", required=True)
    parser.add_argument("--target", type=int, required=True, help="commands to make in all")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--run", type=int, default=0, help="which run of the worker this is")
    parser.add_argument("--serial-base", type=int, default=0, help="first person serial")
    parser.add_argument("--most-per-round", type=int, default=15)
    parser.add_argument(
        "--most-pending", type=int, default=60, help="make no more while this many wait"
    )
    parser.add_argument("--wait-for-go", action="store_true", help='start on "go" on stdin')
    args = parser.parse_args()
    password = os.environ[PASSWORD_VARIABLE]
    rng = random.Random(f"{args.seed}:{args.run}")
    if args.wait_for_go:
        # Started ahead of its turn (while the previous run still works): everything is
        # imported; nothing is opened until the test says so, after it killed that run.
        emit("loaded")
        if sys.stdin.readline().strip() != "go":
            return 0

    key = Ed25519PrivateKey.from_private_bytes(args.key.read_bytes())
    centre = HttpCentral(args.url, WorkstationIdentity(args.workstation, key), timeout=15)
    local = make_engine(f"sqlite:///{args.cache}")
    log_in(centre, args.user, password)
    emit("ready", pid=os.getpid())

    while True:
        total, pending = outbox_state(local)
        if total < args.target and pending < args.most_pending:
            count = min(rng.randint(1, args.most_per_round), args.target - total)
            for offset in range(count):
                command = Command(
                    kind=ENROLL,
                    payload=enrollment(person_id(args.serial_base + total + offset)),
                    actor=args.user,
                    workstation=args.workstation,
                    hall_code=args.hall,
                )
                command_bus.execute(local, command)
            total, pending = outbox_state(local)
        elif total >= args.target and pending == 0:
            emit("drained", total=total)
            break
        emit("push", total=total, pending=pending)
        result = push(local, centre)
        emit(
            "pushed",
            applied=result.applied,
            rejected=result.rejected,
            quarantined=result.quarantined,
            held=result.held,
            error=result.error,
        )
        if result.error:
            time.sleep(RETRY_PAUSE)
    centre.close()
    local.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
