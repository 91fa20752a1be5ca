"""One window of the hall as a process of its own, calling tickets through counter-central.

``test_queue_through_service.py`` starts fifty of these, each an enrolled workstation (its
private key read from a file) with the session of its own teller. Each logs in, says
``ready`` and waits for ``go`` on stdin, so that all windows start calling together; then it
calls the next ticket through ``HttpCentral.call_next`` until the service answers that
nobody is waiting, and prints what it got as one JSON object: the tickets with the call
key each was claimed with.

A call that gets no answer (``CentralUnavailable``) is repeated with the same key, as the
teller's window does: the service hands the same ticket back if the first call did claim
one. The process starts ahead of the hall's opening: it says ``loaded`` and logs in on
``login`` (once its teller exists). The staff password comes from the
``QUEUE_WORKER_PASSWORD`` environment variable.

    python service_queue_worker.py --url URL --workstation WS-1 --key w1.key \\
        --user teller01 --window 1
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from counter_app.domain.errors import CentralUnavailable
from counter_app.remote.http_central import HttpCentral
from counter_app.remote.identity import WorkstationIdentity
from counter_app.services.queue import Ticket

PASSWORD_VARIABLE = "QUEUE_WORKER_PASSWORD"
CATEGORIES = ("A", "B")
ATTEMPTS = 20


def call(centre: HttpCentral, window: int, key: str) -> tuple[Ticket | None, int]:
    """One call of the next ticket with ``key``, repeated while unanswered; (ticket, retries)."""
    for attempt in range(ATTEMPTS):
        try:
            return centre.call_next(window, CATEGORIES, key=key, aging_minutes=30), attempt
        except CentralUnavailable:
            time.sleep(0.05 * (attempt + 1))
    raise CentralUnavailable(f"no answer to call-next after {ATTEMPTS} attempts")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--workstation", required=True)
    parser.add_argument("--key", type=Path, required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--window", type=int, required=True)
    args = parser.parse_args()

    key = Ed25519PrivateKey.from_private_bytes(args.key.read_bytes())
    centre = HttpCentral(args.url, WorkstationIdentity(args.workstation, key), timeout=30)
    print("loaded", flush=True)
    if sys.stdin.readline().strip() != "login":
        return 1
    centre.login(args.user, os.environ[PASSWORD_VARIABLE])
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return 1
    called: list[dict[str, object]] = []
    retries = 0
    while True:
        call_key = uuid.uuid4().hex
        ticket, repeated = call(centre, args.window, call_key)
        retries += repeated
        if ticket is None:
            break
        called.append(
            {
                "id": ticket.id,
                "display": ticket.display,
                "key": call_key,
                "window": ticket.window_number,
                "teller": ticket.teller,
                "state": ticket.state,
            }
        )
    centre.close()
    print(json.dumps({"window": args.window, "called": called, "retries": retries}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
