"""The Sync tab shows a quarantined command with its reason in words, and retries it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import text

from counter_app.services.enrollment import KIND as ENROLL
from counter_app.client.workstation import Workstation
from counter_app.sync.push import QUARANTINED
from counter_app.ui.tabs.sync_tab import SyncTab

PERSON = "11010519491231002X"


def test_a_quarantined_command_is_shown_and_can_be_retried(qtbot: Any, ws: Workstation) -> None:
    payload = {
        "id_number": PERSON,
        "name": "张三",
        "phone": "13800138000",
        "address": "北京市朝阳区建国路1号",
        "category": "flexible",
        "insurance_types": ["pension"],
        "start_date": dt.date.today().isoformat(),
        "employer_code": "",
        "window_number": 3,
    }
    uuid = ws.execute(ws.command(ENROLL, payload, "teller1")).command_uuid
    with ws.local.begin() as connection:
        original = connection.execute(
            text("SELECT payload FROM outbox WHERE uuid = :u"), {"u": uuid}
        ).scalar_one()
        connection.execute(text("UPDATE outbox SET payload = '{' WHERE uuid = :u"), {"u": uuid})
    report = ws.sync_once()
    assert report.push is not None and report.push.quarantined == 1

    tab = SyncTab(ws)
    qtbot.addWidget(tab)
    tab.refresh()
    qtbot.waitUntil(
        lambda: tab.model.rowCount() == 1 and tab.model.record(0).status == QUARANTINED,
        timeout=10_000,
    )
    reason = tab.model.index(0, 6).data()
    assert "damaged" in reason
    assert "quarantined" in tab.summary.text()
    tab.view.selectRow(0)
    assert tab.retry_button.isEnabled() and not tab.ack_button.isEnabled()

    with ws.local.begin() as connection:  # repaired
        connection.execute(
            text("UPDATE outbox SET payload = :p WHERE uuid = :u"), {"p": original, "u": uuid}
        )
    with qtbot.waitSignal(tab.acknowledged, timeout=10_000):
        qtbot.mouseClick(tab.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.record(0).status == "pending", timeout=10_000)
    report = ws.sync_once()
    assert report.push is not None and report.push.applied == 1
