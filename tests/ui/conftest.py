"""UI fixtures: a workstation on an embedded central with a hall and one user per role."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from counter_app.domain.roles import Role
from counter_app.centre import bootstrap
from counter_app.client.workstation import Workstation
from counter_app.ui import i18n
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


TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "counter_app_zh_CN.ts"


@pytest.fixture
def chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The application speaks Chinese, from the .ts compiled afresh (``COUNTER_TEST_TS``
    names another .ts, e.g. one with translations still to merge)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    if not Path(tool).exists():
        pytest.skip("pyside6-lrelease is not installed")
    folder = tmp_path / "translations"
    folder.mkdir()
    ts = Path(os.environ.get("COUNTER_TEST_TS", str(TS)))
    qm = folder / "counter_app_zh_CN.qm"
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", folder)
    assert i18n.install_translators(app, "zh_CN")
    try:
        yield
    finally:
        i18n.install_translators(app, "en")
