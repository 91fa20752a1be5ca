"""Person look-up at the customer panel over a cache of 1,000,000 persons.

A workstation cache (SQLite, migrated as a workstation migrates it) is filled with
``--persons`` synthetic persons (``counter_app.demo.generator``: valid ID numbers, names from
``counter_app.demo.names``) and their ``person_search`` rows (name, full pinyin, initials), by
``executemany`` in batches, then ``ANALYZE``d. Two look-ups are timed, each as the panel's
service makes it and bare, in the same run and interleaved query by query:

* by full ID number: ``services.customer_lookup.search_persons(ws, id_number)`` (the query
  classified and validated, the row turned into a ``PersonHit``) against the same statement
  (``ID_EXACT_SQL``) through the same engine with ``exec_driver_sql``;
* by pinyin initials (two or three letters taken from cached persons' initials):
  ``search_persons(ws, "zs")`` (20 hits, the index range scan) against
  ``INITIALS_PREFIX_SQL`` bare.

"Bare" runs on one connection of the engine held for the whole run (each read in the
engine's own transaction, ``BEGIN IMMEDIATE`` … ``ROLLBACK``). Two more columns show
``engine.connect()`` for each query (the cache's engine pools nothing, so that is a new
SQLite connection with its PRAGMAs and ``BEGIN IMMEDIATE`` every time — why the service
keeps a read connection of its own) and the driver alone (``sqlite3``, one open connection).
Targets: p99 ≤ 1 ms by ID number, ≤ 10 ms by initials. Results go to
``benchmarks/results/person_lookup.json`` and ``.md``.

    .venv/bin/python benchmarks/bench_person_lookup.py [--persons 1000000] [--queries 2000]
        [--db PATH]   (an existing file filled by an earlier run is reused)
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import machine, percentile, write
from sqlalchemy import Engine, text

from counter_app.demo.generator import iter_persons
from counter_app.domain.pinyin import full_pinyin, initials
from counter_app.services.customer_lookup import (
    ID_EXACT_SQL,
    INITIALS_PREFIX_SQL,
    next_prefix,
    search_persons,
)
from counter_app.storage import migrate
from counter_app.storage.engines import make_engine

BATCH = 20_000
LIMIT = 20
TARGET_P99_MS = {"id_number": 1.0, "initials": 10.0}
INSERT_PERSON = (
    "INSERT INTO persons (id_number, name, sex, birth_date, phone, address, hukou_type) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)
INSERT_SEARCH = "INSERT INTO person_search (id_number, name, pinyin, initials) VALUES (?, ?, ?, ?)"


@dataclass
class CacheView:
    """What ``search_persons`` reads of a workstation: its cache."""

    local: Engine


def fill(engine: Engine, persons: int, seed: int) -> float:
    """Insert ``persons`` persons and their index rows; returns the seconds it took."""
    started = time.perf_counter()
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA synchronous = OFF")
        people: list[tuple[Any, ...]] = []
        search: list[tuple[str, str, str, str]] = []

        def flush() -> None:
            cursor.executemany(INSERT_PERSON, people)
            cursor.executemany(INSERT_SEARCH, search)
            raw.commit()
            people.clear()
            search.clear()

        for n, p in enumerate(iter_persons(persons, seed=seed), start=1):
            people.append(
                (p.id_number, p.name, p.sex, p.birth_date.isoformat(), p.phone, p.address, "")
            )
            search.append((p.id_number, p.name, full_pinyin(p.name), initials(p.name)))
            if len(people) >= BATCH:
                flush()
                if n % 200_000 == 0:
                    print(f"  {n:,} persons ({time.perf_counter() - started:.0f} s)", flush=True)
        if people:
            flush()
        cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()
    return time.perf_counter() - started


def count(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM person_search")).scalar_one())


def samples(engine: Engine, queries: int, seed: int) -> tuple[list[str], list[str]]:
    """ID numbers of cached persons, and 2–3 letter prefixes of cached persons' initials."""
    rng = random.Random(seed)
    with engine.connect() as connection:
        total = int(connection.execute(text("SELECT max(rowid) FROM person_search")).scalar_one())
        rowids = [rng.randrange(1, total + 1) for _ in range(queries)]
        ids, prefixes = [], []
        for rowid in rowids:
            row = connection.execute(
                text("SELECT id_number, initials FROM person_search WHERE rowid = :r"), {"r": rowid}
            ).one()
            ids.append(row.id_number)
            prefixes.append(row.initials[: rng.choice((2, 3))])
    return ids, prefixes


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


KINDS = ("ours", "bare", "bare_connect", "driver")


def measure(
    engine: Engine, driver: sqlite3.Connection, view: CacheView, ids: list[str], prefixes: list[str]
) -> dict[str, dict[str, list[float]]]:
    found: dict[str, dict[str, list[float]]] = {
        name: {kind: [] for kind in KINDS} for name in ("id_number", "initials")
    }
    with engine.connect() as held:

        def bare(sql: str, params: dict[str, object]) -> Callable[[], object]:
            def run() -> object:
                rows = held.exec_driver_sql(sql, params).fetchall()
                held.rollback()  # the engine's transaction (BEGIN IMMEDIATE) ends with the read
                return rows

            return run

        def bare_connect(sql: str, params: dict[str, object]) -> Callable[[], object]:
            def run() -> object:
                with engine.connect() as connection:
                    return connection.exec_driver_sql(sql, params).fetchall()

            return run

        def raw(sql: str, params: dict[str, object]) -> Callable[[], object]:
            return lambda: driver.execute(sql, params).fetchall()

        for warm in range(2):  # the first pass warms the page cache and SQLAlchemy's caches
            for number, prefix in zip(ids, prefixes, strict=True):
                by_id = {"id": number}
                by_initials = {"p": prefix, "p_next": next_prefix(prefix), "limit": LIMIT}
                rounds = (
                    ("id_number", lambda n=number: search_persons(view, n), ID_EXACT_SQL, by_id),
                    (
                        "initials",
                        lambda q=prefix: search_persons(view, q),
                        INITIALS_PREFIX_SQL,
                        by_initials,
                    ),
                )
                for name, ours, sql, params in rounds:
                    times = (
                        timed(ours),
                        timed(bare(sql, params)),
                        timed(bare_connect(sql, params)),
                        timed(raw(sql, params)),
                    )
                    if warm:
                        for kind, value in zip(KINDS, times, strict=True):
                            found[name][kind].append(value)
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", type=Path, help="the cache file (kept; reused when filled)")
    args = parser.parse_args()

    folder = None
    if args.db is None:
        folder = tempfile.TemporaryDirectory(prefix="bench-person-lookup-")
        path = Path(folder.name) / "cache.db"
    else:
        path = args.db
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "local")
    fill_seconds = None
    if count(engine) != args.persons:
        if count(engine):
            print(f"{path} holds another number of persons; use a new --db")
            return 2
        print(f"filling {args.persons:,} persons into {path} …", flush=True)
        fill_seconds = fill(engine, args.persons, args.seed)

    ids, prefixes = samples(engine, args.queries, args.seed)
    view = CacheView(engine)
    # Every query must find what it looks for, or the timing means nothing.
    assert [h.id_number for h in search_persons(view, ids[0])] == [ids[0]]
    assert search_persons(view, prefixes[0])
    with engine.connect() as connection:
        plan = " / ".join(
            str(row[-1])
            for sql in (ID_EXACT_SQL, INITIALS_PREFIX_SQL)
            for row in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + sql, {"id": "x", "p": "a", "p_next": "b", "limit": 1}
            )
        )
    driver = sqlite3.connect(str(path))
    try:
        found = measure(engine, driver, view, ids, prefixes)
    finally:
        driver.close()
        engine.dispose()
        if folder is not None:
            folder.cleanup()

    rows = []
    for name, by_kind in found.items():
        row: dict[str, Any] = {"lookup": name, "target_p99_ms": TARGET_P99_MS[name]}
        for kind, values in by_kind.items():
            row[f"{kind}_p50_ms"] = percentile(values, 0.50)
            row[f"{kind}_p99_ms"] = percentile(values, 0.99)
        row["ratio_p50"] = row["ours_p50_ms"] / row["bare_p50_ms"]
        row["ratio_p99"] = row["ours_p99_ms"] / row["bare_p99_ms"]
        row["meets_target"] = row["ours_p99_ms"] <= TARGET_P99_MS[name]
        rows.append(row)
    lines = [
        f"{args.persons:,} cached persons, {args.queries} queries of each kind "
        f"(initials: 2–3 letters, up to {LIMIT} hits), times in ms",
        "",
        "| look-up | ours p50 | ours p99 | bare p50 | bare p99 | ×p50 | ×p99 "
        "| connect+bare p50 | connect+bare p99 | driver p50 | driver p99 | target p99 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['lookup']} | {r['ours_p50_ms']:.3f} | {r['ours_p99_ms']:.3f} "
            f"| {r['bare_p50_ms']:.3f} | {r['bare_p99_ms']:.3f} "
            f"| {r['ratio_p50']:.2f} | {r['ratio_p99']:.2f} "
            f"| {r['bare_connect_p50_ms']:.3f} | {r['bare_connect_p99_ms']:.3f} "
            f"| {r['driver_p50_ms']:.3f} | {r['driver_p99_ms']:.3f} "
            f"| ≤ {r['target_p99_ms']:g} ms {'met' if r['meets_target'] else 'MISSED'} |"
        )
    lines += [
        "",
        "ours: services.customer_lookup.search_persons (classify, validate, its kept read",
        "connection, PersonHit); bare: the same SQL text through the same engine on one held",
        "connection (exec_driver_sql in the engine's transaction, BEGIN IMMEDIATE … ROLLBACK);",
        "connect+bare: engine.connect() for each query (the cache's engine pools nothing: a new",
        "SQLite connection, its PRAGMAs and BEGIN IMMEDIATE each time);",
        "driver: sqlite3 alone on one open connection.",
        "",
        f"query plans: {plan}",
    ]
    if fill_seconds is not None:
        lines.append(f"fill: {fill_seconds:.0f} s")
    meta = {
        "machine": machine(),
        "persons": args.persons,
        "queries": args.queries,
        "fill_seconds": fill_seconds,
        "plans": plan,
    }
    write("person_lookup", {**meta, "lookups": rows}, "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
