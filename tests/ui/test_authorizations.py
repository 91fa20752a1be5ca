"""A supervisor's on-the-spot authorization goes through the central service when it answers,
falls back to an offline one when it does not, and offline ones are confirmed in a tab."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from PySide6.QtWidgets import QDialog
from service_harness import enrollment_payload, new_person_id
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counter_app.client.workstation import Workstation
from counter_app.storage.service_models import AuthorizationRow
from counter_app.ui.authorize_dialog import AuthorizeDialog
from counter_app.ui.tabs.authorizations_tab import AuthorizationsTab


def _authorize(dialog: AuthorizeDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.check()


def test_a_reprint_authorization_is_checked_and_recorded_by_the_service(
    qtbot: Any, ws: Workstation, central_db: Engine
) -> None:
    bound_to = f"reprint:CODE123:{uuid.uuid4()}"
    dialog = AuthorizeDialog(ws, "A reprint needs a supervisor.", bound_to)
    qtbot.addWidget(dialog)
    dialog.open()
    _authorize(dialog, "teller1", "demo-teller1")
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
    assert dialog.isVisible() and dialog.authorized_by is None

    _authorize(dialog, "boss", "demo-supervisor")
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert dialog.authorized_by == "boss"
    assert dialog.auth_ref and not dialog.auth_ref.startswith("offline:")
    with Session(central_db) as session:
        row = session.get(AuthorizationRow, dialog.auth_ref)
        assert row is not None
        assert (row.supervisor, row.requested_by, row.workstation_id) == (
            "boss",
            "teller1",
            "WS-UI",
        )
        assert (row.purpose, row.bound_to, row.offline) == ("reprint", bound_to, False)


def test_without_the_centre_the_authorization_is_an_offline_one(
    qtbot: Any, ws: Workstation, central_service: Any
) -> None:
    central_service.stop()
    dialog = AuthorizeDialog(ws, "A reprint needs a supervisor.", f"reprint:X:{uuid.uuid4()}")
    qtbot.addWidget(dialog)
    dialog.open()
    _authorize(dialog, "boss", "demo-supervisor")
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    assert (dialog.authorized_by, dialog.auth_ref) == ("boss", "offline:boss")


def test_a_supervisor_confirms_an_offline_authorization(
    qtbot: Any, ws: Workstation, central_db: Engine
) -> None:
    payload = {**enrollment_payload(new_person_id(), "周芷若"), "window_number": 3}
    command = dataclasses.replace(
        ws.command("person.enroll", payload, "teller1"), auth_ref="offline:boss"
    )
    ws.execute(command)
    report = ws.sync_once()
    assert report.online, report.error
    assert ws.outbox_counts()["rejected"] == 0

    ws.centre.act_as("boss")
    tab = AuthorizationsTab(ws)
    qtbot.addWidget(tab)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    listed = tab.model.record(0)
    assert (listed.supervisor, listed.requested_by, listed.workstation_id) == (
        "boss",
        "teller1",
        "WS-UI",
    )
    assert listed.bound_to == command.uuid and listed.detail == "person.enroll"
    tab.view.selectRow(0)
    with qtbot.waitSignal(tab.confirmed, timeout=10_000):
        tab.confirm_selected()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=10_000)
    with Session(central_db) as session:
        row = session.scalars(
            select(AuthorizationRow).where(AuthorizationRow.bound_to == command.uuid)
        ).one()
        assert row.offline and row.confirmed_by == "boss"
