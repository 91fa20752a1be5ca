"""UI fixtures: a workstation on an embedded central with a hall and one user per role."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from counter_app.domain.roles import Role
from counter_app.services import bootstrap
from counter_app.services.workstation import Workstation
from counter_app.ui.ops import wait_for_background

USERS = {
    "teller1": ("demo-teller1", Role.TELLER, "王柜员"),
    "reviewer1": ("demo-reviewer1", Role.REVIEWER, "李复核"),
    "admin": ("demo-admin1", Role.ADMIN, "管理员"),
    "boss": ("demo-supervisor", Role.SUPERVISOR, "陈科长"),
}


@pytest.fixture
def central_url(tmp_path: Any) -> str:
    """UI tests use the embedded SQLite central (PostgreSQL is covered by integration tests)."""
    return f"sqlite:///{tmp_path / 'central.db'}"


@pytest.fixture
def ws(make_workstation: Any) -> Iterator[Workstation]:
    ws: Workstation = make_workstation("WS-UI", window=3)
    central = ws.central()
    bootstrap.create_hall(central, "HALL01", "示范区社会保险经办服务大厅")
    for username, (password, role, name) in USERS.items():
        bootstrap.create_user(central, username, password, role, "HALL01", name)
    ws.sync_once()
    yield ws
    wait_for_background()


@pytest.fixture(autouse=True)
def drain_worker() -> Iterator[None]:
    yield
    assert wait_for_background(30_000), "background operations did not finish"
