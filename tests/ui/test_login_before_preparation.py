"""The login window opens before the workstation is prepared: typing is kept, a login entered
early is checked once the workstation is ready, and a failure is shown in words.

The workstation is the real one of a fresh folder: ``launch`` starts the embedded central
service (a child process on loopback, seeded with the demo users) and attaches it. So a
login is checked by the service — whose refusal the cache does not overrule — and only
when the service is gone by the cache, remembered for the central session to come.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update
from sqlalchemy.orm import Session

from counter_app.client.launch import Launched, launch
from counter_app.config import load_config, save_config
from counter_app.storage.engines import make_engine
from counter_app.storage.shared_models import UserRow
from counter_app.ui.login_dialog import LoginDialog

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def launched() -> Iterator[Launched]:
    config = load_config()  # the embedded demo default of a fresh folder
    config.window_number = 3
    save_config(config)
    result = launch()
    assert result.problem is None and result.report is not None and result.report.sync.online
    yield result
    result.close()


def dialog_for(qtbot: Any, launched: Launched, username: str, password: str) -> LoginDialog:
    dialog = LoginDialog(launched.ws)
    qtbot.addWidget(dialog)
    dialog.username.setText(username)
    dialog.password.setText(password)
    return dialog


def test_a_login_typed_while_preparing_is_checked_when_ready(
    qtbot: Any, launched: Launched
) -> None:
    dialog = LoginDialog(window_number=7)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.login_button.isEnabled()
    assert dialog.username.isEnabled() and dialog.password.isEnabled()
    qtbot.keyClicks(dialog.username, "teller1")
    qtbot.keyClicks(dialog.password, "demo-teller1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.message.text() != "" and dialog.user is None

    ws = launched.ws
    with qtbot.waitSignal(dialog.logged_in, timeout=20_000) as blocker:
        dialog.set_workstation(ws)
    assert blocker.args[0].username == "teller1"
    # the early guess, not edited by the teller, gives way to the loaded configuration
    assert dialog.window_number.value() == ws.config.window_number == 3
    # checked by the service: the user's central session is open
    assert ws.centre.has_session("teller1") and ws.centre.current_user == "teller1"


def test_the_window_number_a_teller_set_is_kept(qtbot: Any, launched: Launched) -> None:
    dialog = LoginDialog(window_number=1)
    qtbot.addWidget(dialog)
    dialog.window_number.setValue(12)
    dialog.username.setText("teller1")
    dialog.set_workstation(launched.ws)
    assert dialog.window_number.value() == 12 and dialog.username.text() == "teller1"
    assert dialog.login_button.isEnabled()


def test_the_start_up_status_names_the_central_service(qtbot: Any, launched: Launched) -> None:
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    assert launched.report is not None
    dialog.show_startup(launched.report)
    dialog.set_workstation(launched.ws)
    assert dialog.status.text() == "Central service connected."


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


def test_a_central_refusal_is_not_overruled_by_the_cache(qtbot: Any, launched: Launched) -> None:
    # the account is disabled at the centre; the cache still holds it as active
    central = make_engine(launched.config.embedded_central_url)
    with Session(central) as session, session.begin():
        session.execute(update(UserRow).where(UserRow.username == "teller2").values(active=False))
    central.dispose()
    dialog = dialog_for(qtbot, launched, "teller2", "demo-teller2")
    dialog.try_login()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=20_000)
    assert dialog.user is None and dialog.message.text() == "This account is disabled."
    assert not launched.ws.centre.has_session("teller2")

    wrong = dialog_for(qtbot, launched, "teller1", "not-the-password")
    wrong.try_login()
    qtbot.waitUntil(lambda: wrong.message.text() != "", timeout=20_000)
    assert wrong.user is None and "Wrong user name or password" in wrong.message.text()


def test_the_central_lock_out_is_not_overruled_by_the_cache(qtbot: Any, launched: Launched) -> None:
    centre = launched.ws.centre
    for _ in range(5):  # the service locks the user after five wrong passwords
        try:
            centre.login("teller3", "wrong-password")
        except Exception:
            continue
    dialog = dialog_for(qtbot, launched, "teller3", "demo-teller3")
    dialog.try_login()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=20_000)
    assert dialog.user is None and "locked" in dialog.message.text()


def test_without_the_service_the_cache_logs_in_and_is_remembered(
    qtbot: Any, launched: Launched
) -> None:
    assert launched.embedded is not None
    launched.embedded.service.stop()  # the service is gone; the port stays attached
    dialog = dialog_for(qtbot, launched, "reviewer1", "demo-reviewer1")
    with qtbot.waitSignal(dialog.logged_in, timeout=20_000) as blocker:
        dialog.try_login()
    assert blocker.args[0].username == "reviewer1"
    # remembered: the central session opens as soon as the service answers again
    assert launched.ws.centre.has_session("reviewer1")
    assert launched.ws.centre.current_user == "reviewer1"


def test_the_screen_lock_is_checked_like_a_login(qtbot: Any, launched: Launched) -> None:
    from counter_app.domain.people import StaffUser
    from counter_app.domain.roles import Role
    from counter_app.ui.idle_lock import LockDialog

    user = StaffUser("teller1", "王柜员", Role.TELLER, "HALL01")
    lock = LockDialog(launched.ws, user)
    qtbot.addWidget(lock)
    lock.password.setText("not-the-password")
    lock.try_unlock()
    qtbot.waitUntil(lambda: lock.message.text() != "", timeout=20_000)
    assert "Wrong user name or password" in lock.message.text()
    lock.password.setText("demo-teller1")
    with qtbot.waitSignal(lock.unlocked, timeout=20_000):
        lock.try_unlock()
    assert launched.ws.centre.has_session("teller1")
