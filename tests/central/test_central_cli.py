"""The ``counter-central`` command line against a running service: register, enrol, revoke."""

from __future__ import annotations

import datetime as dt
import re
import stat
from pathlib import Path

import pytest
from service_harness import RunningService, login, run_cli

from counter_app.remote.identity import EnrolmentFailed, WorkstationIdentity, enrol
from counter_central.clock import ServiceClock
from counter_central.registry import add_workstation


def test_add_enrol_and_revoke_from_the_command_line(service: RunningService) -> None:
    config = str(service.config)
    added = run_cli("workstation", "add", "WS-CLI-1", "--hall", "HALL01", "--config", config)
    assert added.returncode == 0, added.stderr
    code = re.search(r"([0-9A-Z]{5}(?:-[0-9A-Z]{5}){3})", added.stdout)
    assert code, added.stdout

    again = run_cli("workstation", "add", "WS-CLI-1", "--hall", "HALL01", "--config", config)
    assert again.returncode == 2 and "already registered" in again.stderr

    with service.client() as client:
        enrolment = enrol(client, "WS-CLI-1", code.group(1).lower())  # typed sloppily: fine
    identity = WorkstationIdentity.load("WS-CLI-1")  # the key went to the keyring
    assert identity.public_key == enrolment.identity.public_key
    assert enrolment.hall_code == "HALL01"

    with service.client(identity) as client:
        assert login(client, "teller1")
        listed = run_cli("workstation", "list", "--config", config)
        assert re.search(r"WS-CLI-1\s+HALL01\s+active", listed.stdout), listed.stdout
        revoked = run_cli("workstation", "revoke", "WS-CLI-1", "--config", config)
        assert revoked.returncode == 0, revoked.stderr
        assert client.get("/v1/journal").json()["error"] == "revoked"


def test_an_enrolment_code_works_once_for_its_workstation_until_it_expires(
    service: RunningService,
) -> None:
    issued = add_workstation(
        service.db.service, ServiceClock(), "WS-ONCE", "HALL01", valid_for=dt.timedelta(hours=1)
    )
    with service.client() as client:
        enrol(client, "WS-ONCE", issued.code, store=False)
        with pytest.raises(EnrolmentFailed) as second:
            enrol(client, "WS-ONCE", issued.code, store=False)
        assert second.value.code == "enrolment_refused"
        with pytest.raises(EnrolmentFailed):
            enrol(client, "WS-OTHER", issued.code, store=False)
    expired = add_workstation(
        service.db.service, ServiceClock(), "WS-LATE", "HALL01", valid_for=dt.timedelta(0)
    )
    with service.client() as client, pytest.raises(EnrolmentFailed):
        enrol(client, "WS-LATE", expired.code, store=False)


def test_anchor_init_writes_a_private_key_once(tmp_path: Path) -> None:
    config = tmp_path / "central.toml"
    config.write_text(
        '[database]\nurl = "sqlite:///x.db"\n[service]\nhalls = ["HALL01"]\n', encoding="utf-8"
    )
    made = run_cli("anchor", "init", "--config", str(config))
    assert made.returncode == 0, made.stderr
    key = tmp_path / "anchor.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    again = run_cli("anchor", "init", "--config", str(config))
    assert again.returncode == 2 and "not overwritten" in again.stderr


def test_db_roles_prints_idempotent_least_privilege_sql() -> None:
    result = run_cli("db", "roles", "--schema", "hall", "--service", "svc")
    assert result.returncode == 0
    sql = result.stdout
    assert "CREATE SCHEMA IF NOT EXISTS hall AUTHORIZATION counter_owner" in sql
    assert "REVOKE UPDATE, DELETE, TRUNCATE ON %I.%I FROM %I', 'hall', t, 'svc'" in sql
    assert not re.search(r"PASSWORD\s+'", sql, re.IGNORECASE)  # passwords are set apart
    bad = run_cli("db", "roles", "--service", "svc; DROP ROLE postgres")
    assert bad.returncode == 2 and "not a plain SQL name" in bad.stderr
