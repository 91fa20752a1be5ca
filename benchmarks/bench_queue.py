"""Call-next latency at 1, 10 and 50 concurrent windows, beside the bare claim statement.

Runs on PostgreSQL (``COUNTER_BENCH_PG_URL`` or ``COUNTER_TEST_PG_URL``) in a private schema.
For each concurrency level the same waiting tickets are claimed twice: once through
``services.queue.call_next`` (idempotency check, claim, period, hall event, one transaction)
and once with the bare ``UPDATE … FOR UPDATE SKIP LOCKED … RETURNING`` through psycopg in
autocommit. Also measures ticket issue throughput with 10 kiosks.

By default the claims drain the tickets issued for them, so the queue shrinks as the run goes.
``--waiting N`` keeps the queue at N waiting tickets instead: every claimed ticket is put back
at the end of the queue (outside the timing), so the figures belong to that queue length.

    COUNTER_TEST_PG_URL=postgresql://postgres@127.0.0.1:5432/test \\
        .venv/bin/python benchmarks/bench_queue.py [--calls N] [--windows 1,10] [--waiting N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import sys
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Engine, text, update

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, percentile, write

from counter_app.services.queue import call_next, issue_ticket
from counter_app.storage import migrate
from counter_app.storage.engines import make_engine
from counter_app.storage.queue_models import TicketRow

HALL = "HALL01"
NOW = dt.datetime(2026, 11, 24, 9, 0)
BARE = """
UPDATE tickets SET state = 'called', window_number = %(w)s, teller = 't'
WHERE id = (SELECT id FROM tickets WHERE hall_code = 'HALL01' AND business_day = %(d)s
            AND state = 'waiting' AND category IN ('A', 'B')
            ORDER BY issued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id
"""
REQUEUE = """
UPDATE tickets SET state = 'waiting', call_key = NULL, window_number = NULL, teller = NULL,
       issued_at = %(t)s
WHERE id = %(id)s
"""


def run(
    windows: int,
    per_window: int,
    claim: Callable[[int], int | None],
    after: Callable[[int, int], None] | None = None,
) -> list[float]:
    """Time ``claim`` ``per_window`` times in each of ``windows`` threads.

    ``after(window, ticket)`` runs untimed after each successful claim.
    """
    latencies: list[float] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        local = []
        for _ in range(per_window):
            started = time.perf_counter()
            claimed = claim(index)
            local.append((time.perf_counter() - started) * 1000)
            if after is not None and claimed is not None:
                after(index, claimed)
        with lock:
            latencies.extend(local)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(windows)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=2000, help="claims per level and subject")
    parser.add_argument(
        "--windows", default="1,10,50", help="comma-separated numbers of concurrent windows"
    )
    parser.add_argument(
        "--waiting",
        type=int,
        default=0,
        help="keep this many tickets waiting (claimed ones go back to the end of the queue)",
    )
    args = parser.parse_args()
    levels = [int(w) for w in args.windows.split(",") if w.strip()]
    steady = args.waiting > 0
    tickets = args.waiting if steady else args.calls
    later = itertools.count(1)  # put-back tickets queue up behind every other one
    requeue_lock = threading.Lock()

    def requeue_at() -> dt.datetime:
        with requeue_lock:
            return NOW + dt.timedelta(microseconds=next(later))

    base = os.environ.get("COUNTER_BENCH_PG_URL") or os.environ.get("COUNTER_TEST_PG_URL")
    if not base:
        print("set COUNTER_BENCH_PG_URL or COUNTER_TEST_PG_URL to a PostgreSQL server")
        return 2
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(base)
    with admin.begin() as c:
        c.execute(text(f"CREATE SCHEMA {schema}"))
    url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    engine = make_engine(url)
    migrate.upgrade(engine, "central")
    conninfo = base.replace("postgresql+psycopg://", "postgresql://")
    results: dict[str, object] = {}
    try:
        issued = 0
        started = time.perf_counter()
        errors = []

        def kiosk(index: int) -> None:
            nonlocal issued
            kiosk_engine = make_engine(url)
            try:
                for i in range(tickets // 10 + (1 if index < tickets % 10 else 0)):
                    issue_ticket(kiosk_engine, HALL, "AB"[i % 2], now=NOW)
            except Exception as exc:  # reported below
                errors.append(exc)
            kiosk_engine.dispose()

        threads = [threading.Thread(target=kiosk, args=(i,)) for i in range(10)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        issue_seconds = time.perf_counter() - started
        assert not errors, errors
        results["issue_per_second_10_kiosks"] = tickets / issue_seconds

        rows = []
        for windows in levels:
            per_window = max(1, args.calls // windows)
            with engine.begin() as c:
                c.execute(update(TicketRow).values(state="waiting", call_key=None))
            engines = [make_engine(url) for _ in range(windows)]

            def ours_claim(i: int, pool: list[Engine] = engines) -> int | None:
                ticket = call_next(
                    pool[i], HALL, i + 1, ["A", "B"], "t", key=str(uuid.uuid4()), now=NOW
                )
                return None if ticket is None else ticket.id

            def ours_requeue(i: int, ticket: int, pool: list[Engine] = engines) -> None:
                with pool[i].begin() as c:
                    c.exec_driver_sql(REQUEUE, {"t": requeue_at(), "id": ticket})

            ours = run(windows, per_window, ours_claim, ours_requeue if steady else None)
            for e in engines:
                e.dispose()
            with engine.begin() as c:
                c.execute(update(TicketRow).values(state="waiting", call_key=None))
            conns = [
                psycopg.connect(conninfo, autocommit=True, options=f"-csearch_path={schema}")
                for _ in range(windows)
            ]

            def bare_claim(i: int, pool: list[psycopg.Connection[Any]] = conns) -> int | None:
                row = pool[i].execute(BARE, {"w": i + 1, "d": NOW.date()}).fetchone()
                return None if row is None else int(row[0])

            def bare_requeue(
                i: int, ticket: int, pool: list[psycopg.Connection[Any]] = conns
            ) -> None:
                pool[i].execute(REQUEUE, {"t": requeue_at(), "id": ticket})

            bare = run(windows, per_window, bare_claim, bare_requeue if steady else None)
            for conn in conns:
                conn.close()
            row = {
                "windows": windows,
                "ours_p50_ms": percentile(ours, 0.5),
                "ours_p99_ms": percentile(ours, 0.99),
                "bare_p50_ms": percentile(bare, 0.5),
                "bare_p99_ms": percentile(bare, 0.99),
            }
            row["ratio_p50"] = row["ours_p50_ms"] / row["bare_p50_ms"]
            row["ratio_p99"] = row["ours_p99_ms"] / row["bare_p99_ms"]
            rows.append(row)
        results["call_next"] = rows
    finally:
        engine.dispose()
        with admin.begin() as c:
            c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    lines = [
        "| windows | ours p50 (ms) | ours p99 (ms) | bare p50 (ms) | bare p99 (ms) | ×p50 | ×p99 |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['windows']} | {r['ours_p50_ms']:.2f} | {r['ours_p99_ms']:.2f} "
            f"| {r['bare_p50_ms']:.2f} | {r['bare_p99_ms']:.2f} "
            f"| {r['ratio_p50']:.2f} | {r['ratio_p99']:.2f} |"
        )
    lines.append("")
    lines.append(
        f"ticket issue: {results['issue_per_second_10_kiosks']:.0f} tickets/s with 10 kiosks"
    )
    if steady:
        lines.append(f"queue kept at {args.waiting} waiting tickets")
    name = f"queue_waiting{args.waiting}" if steady else "queue"
    meta = {"machine": machine(), "calls": args.calls, "waiting": args.waiting}
    write(name, {**meta, **results}, "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
