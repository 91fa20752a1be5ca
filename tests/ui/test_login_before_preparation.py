"""The login window opens before the workstation is prepared: typing is kept, a login entered
early is checked once the workstation is ready, and a failure is shown in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from counter_app.client.workstation import Workstation
from counter_app.ui.login_dialog import LoginDialog


def test_a_login_typed_while_preparing_is_checked_when_ready(qtbot: Any, ws: Workstation) -> None:
    dialog = LoginDialog(window_number=7)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.login_button.isEnabled()
    assert dialog.username.isEnabled() and dialog.password.isEnabled()
    qtbot.keyClicks(dialog.username, "teller1")
    qtbot.keyClicks(dialog.password, "demo-teller1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.message.text() != "" and dialog.user is None

    with qtbot.waitSignal(dialog.logged_in, timeout=10_000) as blocker:
        dialog.set_workstation(ws)
    assert blocker.args[0].username == "teller1"
    # the early guess, not edited by the teller, gives way to the loaded configuration
    assert dialog.window_number.value() == ws.config.window_number == 3


def test_the_window_number_a_teller_set_is_kept(qtbot: Any, ws: Workstation) -> None:
    dialog = LoginDialog(window_number=1)
    qtbot.addWidget(dialog)
    dialog.window_number.setValue(12)
    dialog.username.setText("teller1")
    dialog.set_workstation(ws)
    assert dialog.window_number.value() == 12 and dialog.username.text() == "teller1"
    assert dialog.login_button.isEnabled()


def test_a_preparation_failure_is_shown_in_words(qtbot: Any) -> None:
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.username.setText("teller1")
    dialog.password.setText("secret")
    dialog.try_login()  # waits for the workstation
    dialog.show_cache_failure("sqlite:///nowhere/local-cache.db: unable to open database file")
    assert not dialog.login_button.isEnabled()
    assert "Traceback" not in dialog.status.text() and dialog.status.text()
    assert "nowhere" not in dialog.status.text() and "nowhere" in dialog.status.toolTip()
    assert dialog.message.text() != ""
    assert dialog.username.text() == "teller1" and dialog.password.text() == "secret"
