"""The Sync tab and the status bar: a quarantined command shown and retried, a rejection with
its reason, and the sync alarm shown until acknowledged — on a real counter-central."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text
from sqlalchemy.orm import Session

from counter_app.client.workstation import Workstation
from counter_app.items.person_enroll import KIND as ENROLL
from counter_app.services.auth import authenticate
from counter_app.sync.anchors_seen import COMMANDS_MISSING, open_alarms, raise_alarm
from counter_app.sync.push import QUARANTINED
from counter_app.ui.main_window import TellerWindow
from counter_app.ui.ops import wait_for_background
from counter_app.ui.tabs.sync_tab import SyncTab

PERSON = "11010519491231002X"


@pytest.fixture
def desk(make_workstation: Any) -> Iterator[Workstation]:
    """A workstation of HALL01 on a real service, its cache filled, teller1 logged in."""
    ws: Workstation = make_workstation("WS-UI", window=3)
    ws.centre.login("teller1", "demo-teller1")
    assert ws.sync_once().online
    yield ws
    wait_for_background()


def _payload(**changes: Any) -> dict[str, Any]:
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
    payload.update(changes)
    return payload


def test_a_quarantined_command_is_shown_and_can_be_retried(qtbot: Any, desk: Workstation) -> None:
    ws = desk
    uuid = ws.execute(ws.command(ENROLL, _payload(), "teller1")).command_uuid
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


def test_the_window_shows_rejections_and_the_alarm_until_acknowledged(
    qtbot: Any, desk: Workstation
) -> None:
    ws = desk
    user = authenticate(ws.local, "teller1", "demo-teller1")
    window = TellerWindow(ws, user, 3, lock_after_ms=0)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.synced, timeout=20_000) as first:
        window.show()
    assert first.args[0].online is True
    assert not window.status.alarm_label.isVisible()

    # A rejected command: the worker sends it at once and the tab shows the centre's reason.
    employer = _payload(
        category="employee", employer_code="91350100M000100Y43", insurance_types=["pension"]
    )
    ws.execute(ws.command(ENROLL, employer, "teller1"))
    with qtbot.waitSignal(
        window.synced, timeout=20_000, check_params_cb=lambda r: r.push.rejected == 1
    ):
        window.sync_now()
    tab = window.sync_tab
    qtbot.waitUntil(
        lambda: tab.model.rowCount() == 1 and tab.model.record(0).status == "rejected",
        timeout=10_000,
    )
    assert tab.model.index(0, 6).data()  # the reason, in words
    qtbot.waitUntil(lambda: "Rejected: 1" in window.status.outbox_label.text(), timeout=10_000)

    # An alarm the worker raised: red in the status bar and on the tab until acknowledged.
    with Session(ws.local) as session, session.begin():
        raise_alarm(session, COMMANDS_MISSING, "2 commands missing", seq=7, count=2)
    with qtbot.waitSignal(window.synced, timeout=20_000, check_params_cb=lambda r: bool(r.alarms)):
        window.sync_now()
    assert window.status.alarm_label.isVisible()
    assert "Sync tab" in window.status.alarm_label.text()
    assert "sent again" in window.status.alarm_label.toolTip()
    assert not tab.alarm_label.isHidden() and "2 command" in tab.alarm_label.text()
    with qtbot.waitSignal(tab.alarm_acknowledged, timeout=10_000):
        qtbot.mouseClick(tab.alarm_button, Qt.MouseButton.LeftButton)
    assert window.status.alarm_label.isHidden() and tab.alarm_label.isHidden()
    assert open_alarms(ws.local) == []

    window.close()
    assert window.worker is None


def test_an_expired_central_session_asks_for_the_password_and_the_work_goes_after(
    qtbot: Any, desk: Workstation, central_db: Any
) -> None:
    """The centre ends the teller's session (expiry): the accepted command waits, the window
    asks for the password (not a silent hold), and after it the command is applied."""
    from counter_app.storage.service_models import SessionRow

    ws = desk
    user = authenticate(ws.local, "teller1", "demo-teller1")
    window = TellerWindow(ws, user, 3, lock_after_ms=0)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        window.show()

    # The session's time is up at the centre (as if its hours had passed).
    with Session(central_db) as session, session.begin():
        for row in session.query(SessionRow).filter(SessionRow.username == "teller1"):
            row.expires_at = dt.datetime(2000, 1, 1)
    uuid = ws.execute(ws.command(ENROLL, _payload(), "teller1")).command_uuid
    window.sync_now()
    qtbot.waitUntil(lambda: window.lock_dialog is not None, timeout=20_000)
    dialog = window.lock_dialog
    assert (
        dialog is not None and "ended" in dialog.findChild(type(dialog.message), "lockInfo").text()
    )
    assert not window.centralWidget().isVisible()
    with Session(ws.local) as session:
        status = session.execute(
            text("SELECT status FROM outbox WHERE uuid = :u"), {"u": uuid}
        ).scalar_one()
    assert status == "pending"  # kept, not lost and not rejected

    dialog.password.setText("demo-teller1")
    dialog.try_unlock()
    qtbot.waitUntil(lambda: window.lock_dialog is None, timeout=20_000)

    def applied() -> bool:
        with Session(ws.local) as session:
            return (
                session.execute(
                    text("SELECT status FROM outbox WHERE uuid = :u"), {"u": uuid}
                ).scalar_one()
                == "applied"
            )

    qtbot.waitUntil(applied, timeout=20_000)
    window.close()
