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
from service_harness import DESK_USERS, desk_login

from counter_app.client.workstation import Workstation
from counter_app.ui import gc_guard, i18n
from counter_app.ui.ops import wait_for_background

USERS = DESK_USERS  # username → (password, role, display name); made in every test centre


@pytest.fixture
def central_url(tmp_path: Any) -> str:
    """UI tests use the embedded SQLite central (PostgreSQL is covered by integration tests)."""
    return f"sqlite:///{tmp_path / 'central.db'}"


@pytest.fixture
def ws(make_workstation: Any) -> Iterator[Workstation]:
    """Window 3 of HALL01, enrolled at a real ``counter-central`` process, its cache synced
    (halls and users pulled). Every user of ``USERS`` has a central session on it, as after
    each logged in once; teller1 is the one the calls are for (``ws.centre.act_as``)."""
    ws: Workstation = make_workstation("WS-UI", window=3)
    for username in ("boss", "admin", "reviewer1", "teller1"):
        login(ws, username)
    report = ws.sync_once()
    assert report.online, report.error
    yield ws
    wait_for_background()


login = desk_login


@pytest.fixture(autouse=True)
def gui_thread_gc(qapp: QApplication) -> None:
    """Cyclic garbage is collected on the GUI thread, as in the application (``gc_guard``)."""
    gc_guard.install(qapp)


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
