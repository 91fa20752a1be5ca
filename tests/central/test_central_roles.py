"""Least privilege on the real PostgreSQL: what each role can do, tried, and start-up refusals."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from psycopg import errors
from service_harness import PG_URL, CentralDb, pg_url_as, run_cli, write_config

from counter_central.database import check_service_role

pytestmark = pytest.mark.postgres


def try_sql(url: str, sql: str) -> None:
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as connection:
        connection.execute(sql)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE journal SET actor = 'intruder' WHERE seq = 1",
        "DELETE FROM journal WHERE seq = 1",
        "TRUNCATE journal",
        "UPDATE service_anchors SET hash = 'x'",
        "DELETE FROM rejections",
        "ALTER TABLE journal DISABLE TRIGGER journal_no_change",
        "CREATE TABLE backdoor (x int)",
        "UPDATE alembic_version SET version_num = 'c0001'",
    ],
)
def test_the_service_role_cannot_rewrite_history_or_the_schema(pg_db: CentralDb, sql: str) -> None:
    before = pg_db.head()
    with pytest.raises(errors.InsufficientPrivilege):
        try_sql(pg_db.service_url, sql)
    assert pg_db.head() == before


def test_the_service_role_reads_and_appends(pg_db: CentralDb) -> None:
    check_service_role(pg_db.service)  # the start-up check accepts it
    with psycopg.connect(pg_db.service_url.replace("+psycopg", "")) as connection:
        assert connection.execute("SELECT count(*) FROM journal").fetchone()
        connection.execute(
            "INSERT INTO service_nonces VALUES ('probe', 'probe-nonce-000000', now())"
        )
        connection.rollback()


def test_the_reporting_role_reads_but_not_secrets(pg_db: CentralDb) -> None:
    assert pg_db.roles is not None
    reporting = pg_url_as(pg_db.roles.reporting, pg_db.roles.schema)
    try_sql(reporting, "SELECT username, role, hall_code FROM users")
    try_sql(reporting, "SELECT count(*) FROM journal")
    for sql in (
        "SELECT password_hash FROM users",
        "SELECT * FROM service_sessions",
        "SELECT * FROM service_enrolment_codes",
        "INSERT INTO halls VALUES ('X', 'x')",
        "UPDATE journal SET actor = 'x'",
    ):
        with pytest.raises(errors.InsufficientPrivilege):
            try_sql(reporting, sql)


def test_the_owner_meets_the_append_only_trigger(pg_db: CentralDb) -> None:
    with pytest.raises(errors.RaiseException, match="append-only"):
        try_sql(pg_db.owner_url, "UPDATE journal SET actor = 'intruder' WHERE seq = 1")


@pytest.mark.parametrize("who", ["superuser", "owner"])
def test_the_service_refuses_to_start_with_too_much_power(
    pg_db: CentralDb, tmp_path: Path, who: str
) -> None:
    assert pg_db.roles is not None
    url = (
        pg_url_as(
            str(psycopg.conninfo.conninfo_to_dict(PG_URL.replace("+psycopg", ""))["user"]),
            pg_db.roles.schema,
        )
        if who == "superuser"
        else pg_db.owner_url
    )
    db = CentralDb(pg_db.backend, url, pg_db.owner, pg_db.service, pg_db.roles)
    config = write_config(tmp_path, db, 8443)
    result = run_cli("serve", "--config", str(config))
    assert result.returncode == 2
    assert who in result.stderr and "Traceback" not in result.stderr, result.stderr
