"""A separate process that claims tickets until none are left (used by the queue tests)."""

from __future__ import annotations

import datetime as dt
import sys
import uuid

from counter_app.services.queue import call_next
from counter_app.storage.engines import make_engine


def drain(url: str, window: int, now_iso: str) -> list[int]:
    engine = make_engine(url)
    claimed = []
    now = dt.datetime.fromisoformat(now_iso)
    while (ticket := call_next(engine, "HALL01", window, ["A"], f"t{window}",
                               key=str(uuid.uuid4()), now=now)) is not None:  # fmt: skip
        claimed.append(ticket.id)
    engine.dispose()
    return claimed


if __name__ == "__main__":
    print(" ".join(map(str, drain(sys.argv[1], int(sys.argv[2]), sys.argv[3]))))
