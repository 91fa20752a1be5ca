"""Fixtures of the counter-central tests: one service per central engine for the session.

The SQLite service runs behind TLS with a certificate from ``ca init``; the PostgreSQL one
connects as its least-privilege role. Both serve halls HALL01 and HALL02.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from service_harness import (
    CentralDb,
    RunningService,
    pg_skip_reason,
    postgres_database,
    sqlite_database,
    start_service,
)

_PG_SKIP = pg_skip_reason()


@pytest.fixture(scope="session")
def pg_db() -> Iterator[CentralDb]:
    if _PG_SKIP:
        pytest.skip(_PG_SKIP)
    with postgres_database() as db:
        yield db


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def service(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningService]:
    directory: Path = tmp_path_factory.mktemp(f"central-{request.param}")
    if request.param == "sqlite":
        db = sqlite_database(directory / "central.db")
        running = start_service(directory, db, tls=True)
    else:
        db = request.getfixturevalue("pg_db")
        running = start_service(directory, db)
    yield running
    running.stop()
    if request.param == "sqlite":
        db.owner.dispose()
