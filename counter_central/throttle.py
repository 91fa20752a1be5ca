"""Login throttling per user and per workstation, shared by every service process.

A user is locked for ``LOCKOUT`` after ``USER_LIMIT`` wrong passwords in a row (the same
rule the workstation applies offline); a workstation is locked after ``WORKSTATION_LIMIT``
failures within ``LOCKOUT``, whoever they were for, so one stolen workstation key cannot
guess its way through the hall's users. Counts are atomic upserts in the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Engine, case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counter_app.services.auth import LOCKOUT, MAX_FAILURES
from counter_app.storage.service_models import LoginThrottleRow

USER_LIMIT = MAX_FAILURES
WORKSTATION_LIMIT = 20


def user_key(username: str) -> str:
    return f"user:{username}"


def workstation_key(workstation_id: str) -> str:
    return f"ws:{workstation_id}"


def locked_until(engine: Engine, keys: Sequence[str], now: dt.datetime) -> dt.datetime | None:
    """The latest lock still running on any of ``keys`` (naive UTC), or ``None``."""
    with Session(engine) as session:
        until = session.scalar(
            select(LoginThrottleRow.locked_until)
            .where(LoginThrottleRow.key.in_(keys), LoginThrottleRow.locked_until > now)
            .order_by(LoginThrottleRow.locked_until.desc())
            .limit(1)
        )
    return until


def record_failure(engine: Engine, key: str, limit: int, now: dt.datetime) -> None:
    """Count one failure for ``key``; the ``limit``-th within ``LOCKOUT`` locks it."""
    row = LoginThrottleRow
    with Session(engine) as session, session.begin():
        dialect = session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        stale = row.window_start < now - LOCKOUT
        stmt = (
            insert(row)
            .values(key=key, failures=1, window_start=now, locked_until=None)
            .on_conflict_do_update(
                index_elements=[row.key],
                set_={
                    "failures": case((stale, 1), else_=row.failures + 1),
                    "window_start": case((stale, now), else_=row.window_start),
                },
            )
            .returning(row.failures)
        )
        failures = int(session.execute(stmt).scalar_one())
        if failures >= limit:
            session.execute(
                update(LoginThrottleRow)
                .where(LoginThrottleRow.key == key)
                .values(failures=0, window_start=now, locked_until=now + LOCKOUT)
            )


def clear(engine: Engine, key: str) -> None:
    with Session(engine) as session, session.begin():
        session.execute(delete(LoginThrottleRow).where(LoginThrottleRow.key == key))
