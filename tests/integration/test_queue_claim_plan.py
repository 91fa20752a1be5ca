"""Call-next's claim walks the waiting-ticket indexes: its cost does not grow with the queue.

The plan test needs PostgreSQL (``COUNTER_TEST_PG_URL``) and is skipped, with that reason,
without it. The property test runs the claim against the pure rule on both engines.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Date, DateTime, Engine, bindparam, delete, insert, text, update

from counter_app.domain.queue import WaitingTicket, choose_next
from counter_app.services.queue import call_next, claim_statement, issue_ticket
from counter_app.storage import migrate
from counter_app.storage.engines import make_engine
from counter_app.storage.queue_models import TicketRow

HALL = "HALL01"
NOW = dt.datetime(2026, 11, 24, 9, 0)
CLAIM_INDEXES = {"ix_tickets_waiting", "ix_tickets_waiting_transfer", "ix_tickets_waiting_category"}


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    migrate.upgrade(engine, "central")
    yield engine
    engine.dispose()


def _fill(engine: Engine, waiting: int) -> None:
    """``waiting`` waiting tickets over four categories and some transfers, plus served ones."""
    rows: list[dict[str, Any]] = []
    for i in range(waiting + waiting // 2):
        category = "VABC"[i % 4]
        rows.append(
            {
                "hall_code": HALL if i % 10 else "HALL02",
                "category": category,
                "number": i + 1,
                "display": f"{category}{i + 1:03d}",
                "business_day": NOW.date(),
                "issued_at": NOW - dt.timedelta(hours=2) + dt.timedelta(seconds=i),
                "state": "waiting" if i < waiting else "finished",
                "target_window": (1 + i % 5) if i % 37 == 0 else None,
                "recalls": 0,
                "closed_unfinished": False,
            }
        )
    with engine.begin() as connection:
        connection.execute(insert(TicketRow), rows)
        connection.execute(text("ANALYZE tickets"))


def _nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


@pytest.mark.postgres
@pytest.mark.parametrize("aging_minutes", [30, 600])  # some tickets aged / none aged
def test_the_claim_plan_walks_the_waiting_indexes_without_sorting(
    pg_engine: Engine, aging_minutes: int
) -> None:
    _fill(pg_engine, 4000)
    statement, params = claim_statement(
        "postgresql", HALL, 2, ["V", "A", "B"], "t", key="k",
        aging=dt.timedelta(minutes=aging_minutes), now=NOW,
    )  # fmt: skip
    with pg_engine.connect() as connection:
        explained = connection.execute(
            text(f"EXPLAIN (FORMAT JSON) {statement.text}").bindparams(
                bindparam("aged_before", type_=DateTime()), bindparam("day", type_=Date())
            ),
            params,
        ).scalar_one()
        connection.rollback()
    nodes = list(_nodes(explained[0]["Plan"]))
    kinds = [n["Node Type"] for n in nodes]
    assert "Sort" not in kinds and "Incremental Sort" not in kinds, kinds
    scans = [
        n for n in nodes if n.get("Relation Name") == "tickets" and n["Node Type"] != "ModifyTable"
    ]
    # The update finds its row by primary key; every probe is an index walk under LIMIT 1.
    assert all(n["Node Type"] in ("Index Scan", "Index Only Scan") for n in scans), scans
    probes = [n for n in scans if n.get("Index Name") in CLAIM_INDEXES]
    assert {n["Index Name"] for n in probes} == CLAIM_INDEXES
    assert len(probes) == 2 + 3  # aged, transferred here, then one per category
    limits = [n for n in nodes if n["Node Type"] == "Limit"]
    assert len(limits) == len(probes)
    assert all(n["Plans"][0]["Node Type"] == "LockRows" for n in limits)  # SKIP LOCKED per probe


@pytest.mark.postgres
def test_the_claim_on_a_long_queue_follows_the_pure_rule(pg_engine: Engine) -> None:
    _fill(pg_engine, 3000)
    for window, categories, aging in [
        (2, ["V", "A", "B"], 30), (3, ["B", "C"], 600), (1, ["A"], 600), (9, ["C", "V"], 75),
    ]:  # fmt: skip
        with pg_engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT id, category, issued_at, target_window FROM tickets "
                    "WHERE hall_code = :hall AND business_day = :day AND state = 'waiting'"
                ),
                {"hall": HALL, "day": NOW.date()},
            ).all()
        waiting = [WaitingTicket(r.id, r.category, r.issued_at, r.target_window) for r in rows]
        expected = choose_next(window, categories, waiting, NOW, dt.timedelta(minutes=aging))
        got = call_next(
            pg_engine, HALL, window, categories, "t", key=str(uuid.uuid4()), now=NOW,
            aging=dt.timedelta(minutes=aging),
        )  # fmt: skip
        assert (got.id if got else None) == (expected.id if expected else None)


queues = st.lists(
    st.tuples(st.sampled_from("AVBC"), st.integers(0, 90), st.sampled_from([None, None, 1, 2])),
    min_size=1,
    max_size=12,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    queue=queues,
    categories=st.lists(st.sampled_from("VABC"), min_size=0, max_size=4),
    served=st.integers(0, 3),
)
def test_the_indexed_claim_follows_the_pure_rule_on_both_engines(
    central_engine: Engine,
    queue: list[tuple[str, int, int | None]],
    categories: list[str],
    served: int,
) -> None:
    with central_engine.begin() as connection:
        connection.execute(delete(TicketRow))
    now = NOW + dt.timedelta(minutes=120)
    waiting = []
    for category, minutes, target in queue:
        t = issue_ticket(central_engine, HALL, category, now=NOW + dt.timedelta(minutes=minutes))
        if target is not None:
            with central_engine.begin() as connection:
                connection.execute(
                    update(TicketRow).where(TicketRow.id == t.id).values(target_window=target)
                )
        waiting.append(WaitingTicket(t.id, category, t.issued_at, target))
    for _ in range(served):  # claimed tickets leave the waiting indexes
        done = call_next(central_engine, HALL, 7, ["A", "B"], "t7", key=str(uuid.uuid4()), now=now)
        if done is not None:
            waiting = [w for w in waiting if w.id != done.id]
    # A repeated category keeps the rank of its first place, as in the pure rule.
    cats = list(dict.fromkeys(categories))
    expected = choose_next(1, cats, waiting, now, dt.timedelta(minutes=60))
    got = call_next(central_engine, HALL, 1, categories, "t", key=str(uuid.uuid4()), now=now,
                    aging=dt.timedelta(minutes=60))  # fmt: skip
    assert (got.id if got else None) == (expected.id if expected else None)
