"""Log in, identify a customer, enroll them through the tab, and see it reach the centre."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from service_harness import DESK_USERS, desk_login
from sqlalchemy.orm import Session
from standards import gb11643_check

from counter_app.client.workstation import Workstation
from counter_app.domain.people import StaffUser
from counter_app.domain.roles import Role
from counter_app.services.auth import authenticate
from counter_app.storage.shared_models import InsuredPersonRow
from counter_app.ui.login_dialog import LoginDialog
from counter_app.ui.main_window import TellerWindow
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.verify_dialog import VerifyDialog

NEW_PERSON = "44030519900307004" + gb11643_check("44030519900307004")


def fill_enrollment(qtbot: Any, tab: Any) -> None:
    """A valid flexible-employment enrollment typed the way a teller would."""
    qtbot.keyClicks(tab.id_number, NEW_PERSON)
    tab.name.insert("赵敏")  # committed by the input method
    qtbot.keyClicks(tab.phone, "13800138000")
    tab.insurance["pension"].setChecked(True)


def open_window(qtbot: Any, ws: Workstation, username: str = "teller1") -> TellerWindow:
    user = authenticate(ws.local, username, {"teller1": "demo-teller1"}.get(username, ""))
    return _window(qtbot, ws, user)


def _window(qtbot: Any, ws: Workstation, user: StaffUser) -> TellerWindow:
    if user.username in DESK_USERS:
        desk_login(ws, user.username)  # at the centre, as the login window does
    window = TellerWindow(ws, user, 3)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        window.show()
    return window


def test_login_dialog_logs_in_and_refuses_wrong_passwords(qtbot: Any, ws: Workstation) -> None:
    dialog = LoginDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("teller1")
    dialog.password.setText("wrong-password")
    qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    # The centre checks the password (its refusal is final; the cache is not asked).
    qtbot.waitUntil(lambda: "password" in dialog.message.text().lower(), timeout=10_000)
    assert dialog.password.text() == "" and dialog.username.text() == "teller1"

    dialog.password.setText("demo-teller1")
    with qtbot.waitSignal(dialog.logged_in, timeout=10_000) as blocker:
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    user = blocker.args[0]
    assert user.username == "teller1" and user.role is Role.TELLER


def test_enrollment_through_the_tab_reaches_the_centre(
    qtbot: Any, ws: Workstation, central_db: Any
) -> None:
    window = open_window(qtbot, ws)
    panel = window.customer
    qtbot.keyClicks(panel.id_input, NEW_PERSON)
    with qtbot.waitSignal(panel.person_selected, timeout=10_000):
        qtbot.keyClick(panel.id_input, Qt.Key.Key_Return)
    tab = window.enrollment
    assert tab is not None
    assert tab.id_number.text() == NEW_PERSON  # carried over from the customer panel

    tab.name.insert("赵敏")  # committed by the input method
    qtbot.keyClicks(tab.phone, "13800138000")
    tab.address.insert("深圳市南山区科技园")  # committed by the input method
    tab.insurance["pension"].setChecked(True)
    tab.insurance["medical"].setChecked(True)
    tab.materials.tick_all()  # the ID card was shown

    def pushed(report: Any) -> bool:  # the worker's push thread reports the verdict
        return report.kind == "push" and report.push is not None and report.push.applied == 1

    with (
        qtbot.waitSignal(window.synced, timeout=20_000, check_params_cb=pushed),
        qtbot.waitSignal(tab.submitted, timeout=10_000),
    ):
        qtbot.keyClick(tab, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    with Session(central_db) as session:
        row = session.get(InsuredPersonRow, NEW_PERSON)
        assert row is not None and row.insured_number and row.hall_code == "HALL01"
    qtbot.waitUntil(lambda: "0" in window.status.outbox_label.text(), timeout=10_000)
    qtbot.waitUntil(lambda: window.sync_tab.model.rowCount() == 1, timeout=10_000)


def test_bad_input_marks_every_field_and_keeps_what_was_typed(qtbot: Any, ws: Workstation) -> None:
    window = open_window(qtbot, ws)
    tab = window.enrollment
    assert tab is not None
    wrong = NEW_PERSON[:17] + ("0" if NEW_PERSON[17] != "0" else "1")
    qtbot.keyClicks(tab.id_number, wrong)
    qtbot.keyClicks(tab.phone, "12345")
    qtbot.mouseClick(tab.submit_button, Qt.MouseButton.LeftButton)
    assert tab.errors["id_number"].isVisible() and "check digit" in tab.errors["id_number"].text()
    assert tab.errors["name"].isVisible()
    assert tab.errors["phone"].isVisible()
    assert tab.errors["insurance_types"].isVisible()
    assert not tab.errors["address"].isVisible()
    assert tab.id_number.text() == wrong and tab.phone.text() == "12345"
    assert ws.outbox_counts()["pending"] == 0


def test_a_duplicate_enrollment_is_refused_with_the_reason(qtbot: Any, ws: Workstation) -> None:
    window = open_window(qtbot, ws)
    tab = window.enrollment
    assert tab is not None
    for _ in range(2):
        tab.clear()
        qtbot.keyClicks(tab.id_number, NEW_PERSON)
        tab.name.insert("赵敏")  # committed by the input method
        qtbot.keyClicks(tab.phone, "13800138000")
        tab.insurance["pension"].setChecked(True)
        tab.materials.tick_all()  # the ID card was shown
        tab.submit()
        qtbot.waitUntil(lambda: tab.submit_button.isEnabled(), timeout=10_000)
    assert "already enrolled" in tab.result.text()
    assert tab.name.text() == "赵敏"  # the form keeps its content


def test_roles_decide_the_tabs(qtbot: Any, ws: Workstation) -> None:
    reviewer = authenticate(ws.local, "reviewer1", "demo-reviewer1")
    window = _window(qtbot, ws, reviewer)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert window.enrollment is None and "Individual enrollment" not in titles
    assert window.customer.isHidden()


def test_status_bar_shows_window_user_state_and_count(qtbot: Any, ws: Workstation) -> None:
    window = open_window(qtbot, ws)
    status = window.status
    assert "3" in status.window_label.text()
    assert "王柜员" in status.user_label.text()
    assert "Online" in status.online_label.text()
    assert status.clock_label.text()[:4].isdigit()


@pytest.mark.parametrize("model_attr", ["sync_tab", "cases_tab"])
def test_item_models_pass_the_model_tester(
    qtbot: Any, qtmodeltester: Any, ws: Workstation, model_attr: str
) -> None:
    window = open_window(qtbot, ws)
    tab = window.enrollment
    assert tab is not None
    fill_enrollment(qtbot, tab)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        tab.materials.tick_all()  # the ID card was shown
        tab.submit()
    model = getattr(window, model_attr).model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)
    qtmodeltester.check(model)


def test_the_window_speaks_chinese_by_default(qtbot: Any, ws: Workstation) -> None:
    from counter_app.ui.i18n import install_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert install_translators(app, "zh_CN")
    try:
        window = open_window(qtbot, ws)
        assert "社保综合柜员系统" in window.windowTitle()
        assert window.tabs.tabText(0) == "参保登记"  # the first catalogue group
        assert window.tabs.currentWidget().current_form() is window.enrollment
        assert "在线" in window.status.online_label.text()
    finally:
        install_translators(app, "en")


def test_the_screen_locks_when_idle_and_unlocks_with_the_password(
    qtbot: Any, ws: Workstation
) -> None:
    user = authenticate(ws.local, "teller1", "demo-teller1")
    window = TellerWindow(ws, user, 3, lock_after_ms=200)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.lock_dialog is not None, timeout=5_000)
    assert not window.centralWidget().isVisible()
    dialog = window.lock_dialog
    assert dialog is not None
    dialog.password.setText("wrong-password")
    dialog.try_unlock()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
    assert window.lock_dialog is dialog
    dialog.password.setText("demo-teller1")
    with qtbot.waitSignal(dialog.unlocked, timeout=10_000):
        dialog.try_unlock()
    assert window.centralWidget().isVisible() and window.lock_dialog is None
    assert window.idle is not None
    window.idle.stop()


def test_a_rejection_stays_visible_until_the_teller_marks_it_handled(
    qtbot: Any, ws: Workstation
) -> None:
    window = open_window(qtbot, ws)
    tab = window.enrollment
    assert tab is not None
    tab.category.setCurrentIndex(tab.category.findData("employee"))
    qtbot.keyClicks(tab.id_number, NEW_PERSON)
    tab.name.insert("赵敏")  # committed by the input method
    qtbot.keyClicks(tab.phone, "13800138000")
    qtbot.keyClicks(tab.employer_code, "91350100M000100Y43")  # unknown to the centre
    tab.insurance["pension"].setChecked(True)
    with qtbot.waitSignal(window.synced, timeout=20_000) as synced:
        tab.materials.tick_all()  # the ID card was shown
        tab.submit()
    assert synced.args[0].push.rejected == 1
    qtbot.waitUntil(lambda: "1" in window.status.outbox_label.text().split()[-1], timeout=10_000)

    sync_tab = window.sync_tab
    qtbot.waitUntil(
        lambda: sync_tab.model.rowCount() == 1 and sync_tab.model.record(0).status == "rejected",
        timeout=10_000,
    )
    assert "employer" in (sync_tab.model.record(0).reason or "").lower()
    # The form's message follows the verdict too.
    qtbot.waitUntil(lambda: "refused" in tab.result.text(), timeout=10_000)
    sync_tab.view.selectRow(0)
    assert sync_tab.ack_button.isEnabled()
    with qtbot.waitSignal(sync_tab.acknowledged, timeout=10_000):
        qtbot.mouseClick(sync_tab.ack_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Rejected" not in window.status.outbox_label.text(), timeout=10_000)
    qtbot.waitUntil(
        lambda: sync_tab.model.rowCount() == 1 and sync_tab.model.record(0).acknowledged
    )


def test_issue_preview_and_print_a_proof_then_verify_it(
    qtbot: Any, ws: Workstation, tmp_path: Any
) -> None:
    ws.config.printers = [
        {"name": "a4", "kind": "pdf", "connection": "file", "path": str(tmp_path / "pdf")}
    ]
    window = open_window(qtbot, ws)
    tab = window.enrollment
    assert tab is not None
    fill_enrollment(qtbot, tab)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        tab.materials.tick_all()  # the ID card was shown
        tab.submit()

    certificates = window.certificates
    assert certificates is not None
    certificates.subject.setText(NEW_PERSON)
    certificates.materials.tick_all()  # the ID card was shown
    with qtbot.waitSignal(certificates.issued, timeout=20_000) as issued:
        certificates.issue()
    code = issued.args[0].code
    assert code in certificates.result.text()
    preview = certificates.findChild(PrintPreviewDialog)
    assert preview is not None and not preview.page.pixmap().isNull()
    with qtbot.waitSignal(preview.printed, timeout=20_000) as printed:
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert printed.args[0].status == "printed"
    assert list((tmp_path / "pdf").glob("a4-*.pdf"))
    preview.close()

    dialog = VerifyDialog(ws)
    qtbot.addWidget(dialog)
    dialog.code.setText(code.lower())
    dialog.verify()
    qtbot.waitUntil(lambda: "Genuine" in dialog.result.text(), timeout=10_000)
    assert "赵敏" in dialog.result.text()
    dialog.code.setText(code[:-1] + ("0" if code[-1] != "0" else "1"))
    dialog.verify()
    assert "Genuine" not in dialog.result.text()


def test_receipt_printing_fails_visibly_and_prints_on_retry(
    qtbot: Any, qtmodeltester: Any, ws: Workstation, tmp_path: Any
) -> None:
    ws.config.printers = [{"name": "receipt", "host": "127.0.0.1", "port": 1, "timeout_s": 1.0}]
    window = open_window(qtbot, ws)
    tab = window.enrollment
    assert tab is not None
    fill_enrollment(qtbot, tab)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        tab.materials.tick_all()  # the ID card was shown
        tab.submit()
    assert tab.receipt_button.isEnabled()
    tab.print_receipt()
    qtbot.waitUntil(lambda: tab.findChild(PrintPreviewDialog) is not None, timeout=10_000)
    preview = tab.findChild(PrintPreviewDialog)
    assert preview is not None
    with qtbot.waitSignal(preview.printed, timeout=20_000) as printed:
        preview.print_now()
    job = printed.args[0]
    assert job.status == "failed" and "127.0.0.1:1" in preview.message.text()
    assert "受理回执".encode("gb18030") in job.data and b"HALL01-" in job.data  # central case no.
    preview.close()

    # The printer comes back (here: re-pointed to a file); the kept job prints from the log.
    ws.config.printers = [
        {"name": "receipt", "connection": "file", "path": str(tmp_path / "r.bin")}
    ]
    jobs = window.print_jobs_tab
    jobs.refresh()
    qtbot.waitUntil(lambda: jobs.model.rowCount() == 1, timeout=10_000)
    qtmodeltester.check(jobs.model)
    jobs.view.selectRow(0)
    assert jobs.retry_button.isEnabled()
    with qtbot.waitSignal(jobs.retried, timeout=10_000) as retried:
        qtbot.mouseClick(jobs.retry_button, Qt.MouseButton.LeftButton)
    assert retried.args[0].status == "printed"
    assert (tmp_path / "r.bin").read_bytes() == job.data


def test_without_the_id_card_the_enrollment_waits_with_a_one_time_notice(
    qtbot: Any, ws: Workstation, central_db: Any
) -> None:
    """The ID card is a mandatory material: unticked, nothing is registered; the one-time
    notification records the case as waiting for it, and nobody is enrolled meanwhile."""
    from counter_app.storage.shared_models import CaseRow

    window = open_window(qtbot, ws)
    tab = window.enrollment
    assert tab is not None
    fill_enrollment(qtbot, tab)
    assert tab.notice_button.isVisible()
    tab.submit()
    assert "一次性告知书" in tab.result.text() or "one-time" in tab.result.text()
    assert ws.outbox_counts()["pending"] == 0  # nothing sent, nothing half-saved
    tab.notice_button.click()
    qtbot.waitUntil(lambda: tab.notice_outcome.command_uuid is not None, timeout=10_000)
    case_id = tab.notice_outcome.command_uuid
    with qtbot.waitSignal(tab.notice_outcome.printed, timeout=30_000):
        window.sync_now()
    with Session(central_db) as session:
        case = session.get(CaseRow, case_id)
        assert case is not None and case.item_code == "REG-PERSON"
        assert case.status == "materials_pending" and case.case_no
        assert session.get(InsuredPersonRow, NEW_PERSON) is None
    tab.notice_outcome.preview.close()
    window.new_customer()
    assert not tab.notice_outcome.result.text() and not tab.result.text()
