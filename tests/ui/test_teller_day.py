"""A teller's day at window 3: customer after customer, nothing carried from one to the next.

Each test walks several customers in a row through the real teller window (queue dock,
customer panel, tabs) against an embedded centre, and checks what the next customer sees.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from standards import gb11643_check
from teller_windows import open_window

from counter_app.centre import bootstrap
from counter_app.client.workstation import Workstation
from counter_app.domain.roles import Role
from counter_app.services import queue
from counter_app.storage.queue_models import RatingRow, TicketRow
from counter_app.ui.main_window import TellerWindow
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.queue_dock import QueueDock

FIRST = "44030519900307004" + gb11643_check("44030519900307004")  # enrolled at A001
SECOND = "11010519851224002" + gb11643_check("11010519851224002")  # identified, not enrolled
THIRD = "32010219770811003" + gb11643_check("32010219770811003")  # held and resumed


def act(qtbot: Any, dock: QueueDock, action: str) -> queue.Ticket | None:
    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000) as changed:
        dock.act(action)
    ticket: queue.Ticket | None = changed.args[0]
    return ticket


def assert_clean(window: TellerWindow) -> None:
    """Nothing of any earlier customer is on the screen."""
    panel, tab, certificates = window.customer, window.enrollment, window.certificates
    assert tab is not None and certificates is not None
    assert window.context.id_number is None and window.context.person is None
    assert panel.id_input.text() == ""
    assert all(panel.fields[k].text() == "—" for k in ("name", "id", "phone", "insured_number"))
    assert panel.cases.count() == 0
    assert (tab.id_number.text(), tab.name.text(), tab.phone.text(), tab.address.text()) == (
        "",
        "",
        "",
        "",
    )
    assert not any(box.isChecked() for box in tab.insurance.values())
    assert tab.result.text() == "" and not tab.receipt_button.isEnabled()
    assert certificates.subject.text() == "" and certificates.result.text() == ""


def sync_with_news(qtbot: Any, window: TellerWindow, username: str, central_db: Any) -> None:
    """A sync round that brings something (a new user from the centre), as happens all day."""
    central = central_db
    bootstrap.create_user(central, username, "pw-" + username, Role.TELLER, "HALL01", "新柜员")

    def brought_something(report: Any) -> bool:
        return report.pull is not None and report.pull.entries >= 1

    # The pull thread long-polls: the new user arrives without asking.
    with qtbot.waitSignal(window.synced, timeout=20_000, check_params_cb=brought_something):
        pass


def test_each_customer_starts_clean_and_the_enrolled_one_shows_as_enrolled(
    qtbot: Any,
    ws: Workstation,
    tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
    central_db: Any,
) -> None:
    ws.config.printers = [
        {"name": "a4", "kind": "pdf", "connection": "file", "path": str(tmp_path / "pdf")}
    ]
    central = central_db
    queue.issue_ticket(central, "HALL01", "A", id_number=FIRST)  # typed at the kiosk
    queue.issue_ticket(central, "HALL01", "A")
    queue.issue_ticket(central, "HALL01", "A")
    window = open_window(qtbot, ws)
    dock, panel, tab = window.queue_dock, window.customer, window.enrollment
    certificates = window.certificates
    assert dock is not None and tab is not None and certificates is not None

    # -- A001: the kiosk's ID number reaches the window; the person is new and is enrolled.
    with qtbot.waitSignal(panel.person_selected, timeout=10_000):
        ticket = act(qtbot, dock, "call")
    assert ticket is not None and ticket.display == "A001"
    assert panel.fields["ticket"].text() == "A001"
    assert "Not found" in panel.message.text()
    assert tab.id_number.text() == FIRST and certificates.subject.text() == FIRST
    act(qtbot, dock, "start")
    tab.name.insert("赵敏")
    qtbot.keyClicks(tab.phone, "13800138000")
    tab.insurance["pension"].setChecked(True)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        tab.materials.tick_all()  # the ID card was shown
        tab.submit()
    # The panel no longer says "not in the registry" …
    qtbot.waitUntil(lambda: panel.fields["name"].text() == "赵敏", timeout=10_000)
    assert "Not found" not in panel.message.text()
    # … and the message follows the centre's verdict, like the panel.
    qtbot.waitUntil(
        lambda: "confirmed by the central database" in tab.result.text(), timeout=10_000
    )
    assert "waits for the central" not in tab.result.text()
    assert "HALL01-" in tab.result.text()  # the central case number
    qtbot.waitUntil(lambda: panel.fields["sync"].text() == "Up to date", timeout=10_000)
    certificates.materials.tick_all()  # the ID card was shown for the proof too
    with qtbot.waitSignal(certificates.issued, timeout=20_000):
        certificates.issue()
    preview = certificates.findChild(PrintPreviewDialog)
    assert preview is not None
    preview.close()
    act(qtbot, dock, "finish")

    # -- A002: a clean customer everywhere, and it stays clean through a sync round.
    rating = dock.rating
    assert rating is not None and rating.isVisible()
    with qtbot.waitSignal(rating.dismissed, timeout=5_000):
        ticket = act(qtbot, dock, "call")
    assert ticket is not None and ticket.display == "A002"
    assert not rating.isVisible()  # calling the next ticket closed the rating window
    assert panel.fields["ticket"].text() == "A002"
    assert_clean(window)
    sync_with_news(qtbot, window, "teller7", central_db)
    assert_clean(window)

    # The next person is identified at the panel: forms take them, not anyone earlier.
    qtbot.keyClicks(panel.id_input, SECOND)
    with qtbot.waitSignal(panel.person_selected, timeout=10_000):
        qtbot.keyClick(panel.id_input, Qt.Key.Key_Return)
    assert tab.id_number.text() == SECOND and certificates.subject.text() == SECOND
    assert tab.name.text() == ""

    # Ctrl+N: a clean customer, still at A002; a sync does not bring anyone back.
    window.activateWindow()  # the preview dialog had the focus
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    qtbot.keyClick(panel.id_input, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert_clean(window)
    assert window.context.ticket is not None and window.context.ticket.display == "A002"
    sync_with_news(qtbot, window, "teller8", central_db)
    assert_clean(window)

    # Typed but not accepted: the next call asks before the input is discarded.
    act(qtbot, dock, "start")
    tab.name.insert("钱多多")
    act(qtbot, dock, "finish")
    asked: list[str] = []

    def answer(choice: QMessageBox.StandardButton) -> Any:
        def ask(*args: Any, **kwargs: Any) -> QMessageBox.StandardButton:
            asked.append(str(args[2]))
            return choice

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    dock.act("call")
    assert asked and dock.current is None and tab.name.text() == "钱多多"
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    ticket = act(qtbot, dock, "call")
    assert ticket is not None and ticket.display == "A003"
    assert_clean(window)

    # The enrolled person is in the centre, linked to A001; nobody was rated.
    with Session(central) as session:
        assert session.scalar(select(func.count()).select_from(RatingRow)) == 0


def test_hold_call_others_resume_no_show_hint_transfer_and_rating_escape(
    qtbot: Any,
    ws: Workstation,
    central_db: Any,
) -> None:
    central = central_db
    held = queue.issue_ticket(central, "HALL01", "A", id_number=THIRD)
    queue.issue_ticket(central, "HALL01", "A")
    moved = queue.issue_ticket(central, "HALL01", "A")
    later = queue.issue_ticket(central, "HALL01", "A")
    window = open_window(qtbot, ws)
    dock, panel = window.queue_dock, window.customer
    assert dock is not None

    # A001 is called: the dock says why No-show is not possible yet.
    with qtbot.waitSignal(panel.person_selected, timeout=10_000):
        act(qtbot, dock, "call")
    assert not dock.buttons["no_show"].isEnabled()
    assert dock.hint.text() == "Recall 2 more time(s) before a no-show."
    assert "2 recalls" in dock.buttons["no_show"].toolTip()
    act(qtbot, dock, "recall")
    assert dock.hint.text() == "Recall 1 more time(s) before a no-show."
    act(qtbot, dock, "recall")
    assert dock.buttons["no_show"].isEnabled() and dock.hint.isHidden()

    # The customer arrives after all; a paper is missing: hold, and serve the next one.
    act(qtbot, dock, "start")
    assert window.context.id_number == THIRD  # shown masked: the kiosk's input is not echoed
    assert panel.fields["id"].text() == f"{THIRD[:6]}********{THIRD[-4:]}"
    assert act(qtbot, dock, "hold") is None
    assert dock.buttons["call"].isEnabled() and dock.buttons["resume"].isEnabled()
    assert dock.held_choice.currentText() == "A001 (held)"
    assert window.context.id_number is None and panel.id_input.text() == ""
    ticket = act(qtbot, dock, "call")
    assert ticket is not None and ticket.display == "A002"
    assert not dock.buttons["resume"].isEnabled()  # not while someone else is served
    act(qtbot, dock, "start")
    act(qtbot, dock, "finish")
    rating = dock.rating
    assert rating is not None and rating.isVisible()
    with qtbot.waitSignal(rating.dismissed, timeout=5_000):
        qtbot.keyClick(rating, Qt.Key.Key_Escape)  # the customer walked away
    assert not rating.isVisible()

    # The held customer is back: resumed with their person.
    with qtbot.waitSignal(panel.person_selected, timeout=10_000):
        ticket = act(qtbot, dock, "resume")
    assert ticket is not None and ticket.id == held.id and ticket.state == "serving"
    assert window.context.id_number == THIRD and THIRD[-4:] in panel.fields["id"].text()
    assert dock.held == [] and not dock.buttons["resume"].isEnabled()
    act(qtbot, dock, "finish")
    rating = dock.rating
    assert rating is not None
    with qtbot.waitSignal(rating.dismissed, timeout=5_000):
        act(qtbot, dock, "call")  # A003

    # Transfer asks where to, and nothing is chosen for the teller.
    dock.act("transfer")
    dialog = dock.transfer_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.confirm_button.isEnabled()
    assert dialog.category_choice.currentData() is None
    qtbot.waitUntil(lambda: dialog.window_choice.findData(5) > 0, timeout=10_000)
    assert dialog.window_choice.findData(3) == -1  # not to itself
    dialog.window_choice.setCurrentIndex(dialog.window_choice.findData(5))
    assert dialog.to_window.isChecked() and "window 5" in dialog.summary.text()
    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dock.current is None and "A003 was transferred" in dock.message.text()
    with Session(central) as session:
        row = session.get(TicketRow, moved.id)
        assert row is not None and (row.state, row.target_window) == ("waiting", 5)

    # A004 goes to another category after the teller changes their mind once.
    act(qtbot, dock, "call")
    dock.act("transfer")
    dialog = dock.transfer_dialog
    assert dialog is not None
    dialog.reject()
    assert dock.current is not None and dock.current.id == later.id  # cancelled: still here
    dock.act("transfer")
    dialog = dock.transfer_dialog
    assert dialog is not None
    dialog.category_choice.setCurrentIndex(dialog.category_choice.findData("C"))
    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000):
        dialog.confirm()
    counts = queue.waiting_counts(central, "HALL01", held.issued_at.date())
    assert counts == {"A": 1, "C": 1}  # A003 waits for window 5, A004 as 咨询
    with Session(central) as session:
        assert session.scalar(select(func.count()).select_from(RatingRow)) == 0


def test_the_rating_window_does_not_get_in_the_tellers_way(
    qtbot: Any, ws: Workstation, central_db: Any
) -> None:
    central = central_db
    for _ in range(2):
        queue.issue_ticket(central, "HALL01", "A")
    window = open_window(qtbot, ws)
    dock, panel = window.queue_dock, window.customer
    assert dock is not None
    ratings = []
    for expected in ("A001", "A002"):
        ticket = act(qtbot, dock, "call")
        assert ticket is not None and ticket.display == expected
        act(qtbot, dock, "start")
        act(qtbot, dock, "finish")
        rating = dock.rating
        assert rating is not None and rating.isVisible() and rating not in ratings
        ratings.append(rating)
        assert rating.windowModality() == Qt.WindowModality.NonModal
        assert not rating.full_screen
        screen = window.screen().availableGeometry()
        frame = rating.frameGeometry()
        assert screen.contains(frame)
        assert frame.right() > screen.center().x() and frame.bottom() > screen.center().y()
        f2 = QRect(panel.id_input.mapToGlobal(QPoint(0, 0)), panel.id_input.size())
        assert not frame.intersects(f2)
        panel.focus_search()  # the teller can still type into the F2 field
        qtbot.keyClicks(panel.id_input, "1")
        assert panel.id_input.text() == "1"
        panel.id_input.clear()
    rating = ratings[-1]
    with qtbot.waitSignal(rating.rated, timeout=10_000):
        rating.buttons[5].click()
    assert not rating.isVisible()
    with Session(central) as session:
        levels = session.scalars(select(RatingRow.level)).all()
    assert levels == [5]  # the first was closed by the next call: no rating


def enroll_and_certify(qtbot: Any, window: TellerWindow, id_number: str, name: str) -> str:
    """One customer of the morning: identified, enrolled, given a proof; returns its code."""
    panel, tab, certificates = window.customer, window.enrollment, window.certificates
    assert tab is not None and certificates is not None
    window.new_customer()
    with qtbot.waitSignal(panel.person_selected, timeout=10_000):
        panel.lookup(id_number)
    tab.name.insert(name)
    qtbot.keyClicks(tab.phone, "13800138000")
    tab.insurance["medical"].setChecked(True)
    tab.materials.tick_all()  # the ID card was shown
    tab.submit()
    qtbot.waitUntil(lambda: "confirmed" in tab.result.text(), timeout=20_000)
    certificates.materials.tick_all()  # the ID card was shown for the proof too
    with qtbot.waitSignal(certificates.issued, timeout=20_000) as issued:
        certificates.issue()
    preview = certificates.findChild(PrintPreviewDialog)
    assert preview is not None
    preview.close()
    preview.deleteLater()
    code: str = issued.args[0].code
    return code


def test_any_earlier_certificate_is_reprinted_with_a_supervisor(
    qtbot: Any, ws: Workstation, tmp_path: Any
) -> None:
    ws.config.printers = [
        {"name": "a4", "kind": "pdf", "connection": "file", "path": str(tmp_path / "pdf")}
    ]
    morning = open_window(qtbot, ws)
    first = enroll_and_certify(qtbot, morning, FIRST, "赵敏")
    second = enroll_and_certify(qtbot, morning, SECOND, "孙立")
    morning.close()

    # After lunch, a new login: nothing was issued in this session, yet both can be reprinted.
    window = open_window(qtbot, ws)
    certificates = window.certificates
    assert certificates is not None and certificates.reprint_button.isEnabled()
    certificates.reprint()
    dialog = certificates.reprint_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)
    assert {dialog.model.record(i).code for i in range(2)} == {first, second}
    dialog.code.setText("no-such-code")
    dialog.find_code()
    qtbot.waitUntil(lambda: "No certificate" in dialog.message.text(), timeout=10_000)
    dialog.code.setText(first.lower())  # as typed from the paper
    dialog.find_code()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    assert dialog.model.record(0).code == first
    dialog.choose()

    # Only a supervisor authorizes; the teller's own password does not.
    authorize = certificates.authorize_dialog
    assert authorize is not None and authorize.isVisible()
    authorize.username.setText("teller1")
    authorize.password.setText("demo-teller1")
    authorize.check()
    qtbot.waitUntil(lambda: bool(authorize.message.text()), timeout=10_000)
    assert authorize.isVisible() and certificates.findChild(PrintPreviewDialog) is None
    authorize.username.setText("boss")
    authorize.password.setText("demo-supervisor")
    authorize.check()
    qtbot.waitUntil(lambda: certificates.findChild(PrintPreviewDialog) is not None, timeout=10_000)
    preview = certificates.findChild(PrintPreviewDialog)
    assert preview is not None and preview.doc.reprint and preview.authorized_by == "boss"
    assert preview.reference == first
    with qtbot.waitSignal(preview.printed, timeout=20_000) as printed:
        preview.print_now()
    job = printed.args[0]
    assert (job.status, job.is_reprint, job.authorized_by) == ("printed", True, "boss")
    preview.close()

    # With a customer at the window, the list is theirs.
    with qtbot.waitSignal(window.customer.person_selected, timeout=10_000):
        window.customer.lookup(SECOND)
    certificates.reprint()
    dialog = certificates.reprint_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    assert dialog.model.record(0).code == second
    dialog.reject()
