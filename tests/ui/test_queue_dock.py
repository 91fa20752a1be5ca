"""The teller's queue dock against a real counter-central process and its database.

Tickets are taken as a kiosk takes them (``ws.centre.issue_ticket``); the central database is
read directly (``central_db``) only to check what the service did.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counter_app.client.workstation import Workstation
from counter_app.domain.queue import TicketEvent
from counter_app.remote.http_central import HttpCentral
from counter_app.services import queue
from counter_app.services.auth import authenticate
from counter_app.storage.queue_models import TicketRow
from counter_app.ui.main_window import TellerWindow
from counter_app.ui.ops import wait_for_background


def window_for(qtbot: Any, ws: Workstation) -> TellerWindow:
    ws.centre.act_as("teller1")
    user = authenticate(ws.local, "teller1", "demo-teller1")
    window = TellerWindow(ws, user, 3)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        window.show()
    return window


def test_call_recall_no_show_then_serve_and_finish(
    qtbot: Any, ws: Workstation, central_db: Engine
) -> None:
    first = ws.centre.issue_ticket("A").ticket
    second = ws.centre.issue_ticket("V").ticket
    dock = window_for(qtbot, ws).queue_dock
    assert dock is not None
    qtbot.waitUntil(lambda: "1" in dock.waiting_label.text(), timeout=10_000)

    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000) as changed:
        qtbot.mouseClick(dock.buttons["call"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dock.buttons["call"], Qt.MouseButton.LeftButton)  # a double click
    assert changed.args[0].id == second.id  # V (priority) before A
    assert dock.ticket_label.text() == "V001"
    with Session(central_db) as session:
        called = session.scalar(
            select(func.count()).select_from(TicketRow).where(TicketRow.state == "called")
        )
    assert called == 1  # the double click called once

    assert not dock.buttons["no_show"].isEnabled()
    for _ in range(2):
        with qtbot.waitSignal(dock.ticket_changed, timeout=10_000):
            dock.act("recall")
    assert dock.buttons["no_show"].isEnabled()
    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000):
        dock.act("no_show")
    assert dock.ticket_label.text() == "—"

    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000) as changed:
        dock.act("call")
    assert changed.args[0].id == first.id
    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000):
        dock.act("start")
    assert dock.buttons["finish"].isEnabled()
    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000):
        dock.act("finish")
    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000):
        dock.act("call")
    assert "Nobody is waiting" in dock.message.text()


def test_the_dock_says_plainly_when_the_centre_is_down(qtbot: Any, ws: Workstation) -> None:
    window = window_for(qtbot, ws)
    dock = window.queue_dock
    assert dock is not None
    real = ws.centre
    gone = HttpCentral("http://127.0.0.1:1", real.identity, timeout=2)
    gone.remember_offline_login("teller1", "demo-teller1")
    ws.attach_centre(gone)  # nothing listens there
    try:
        dock.act("call")
        qtbot.waitUntil(lambda: "cannot be reached" in dock.message.text(), timeout=15_000)
        assert "Walk-in" in dock.message.text()
        assert window.enrollment is not None and window.enrollment.isEnabled()
        dock.poll_events()
        qtbot.waitUntil(lambda: "offline" in dock.waiting_label.text(), timeout=15_000)
    finally:
        dock.timer.stop()
        assert wait_for_background()
        ws.attach_centre(real)
        gone.close()


def test_pause_walk_in_finish_and_a_bad_rating_opens_a_follow_up(
    qtbot: Any, ws: Workstation, central_db: Engine
) -> None:
    ws.centre.issue_ticket("A")
    dock = window_for(qtbot, ws).queue_dock
    assert dock is not None
    dock.pause_reason.setCurrentIndex(dock.pause_reason.findData("lunch"))
    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000):
        dock.act("pause")
    assert dock.paused and not dock.buttons["call"].isEnabled()
    assert not dock.buttons["walk_in"].isEnabled()
    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000):
        dock.act("pause")  # resume
    assert not dock.paused and dock.buttons["call"].isEnabled()

    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000) as changed:
        dock.act("walk_in")
    assert changed.args[0].display == "W001" and changed.args[0].state == "serving"
    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000):
        dock.act("finish")
    rating = dock.rating
    assert rating is not None
    with qtbot.waitSignal(rating.rated, timeout=10_000):
        rating.buttons[1].click()  # 非常不满意
    follow_ups = queue.open_follow_ups(central_db, "HALL01")
    assert [(f.ticket, f.window, f.teller, f.level) for f in follow_ups] == [
        ("W001", 3, "teller1", 1)
    ]


def test_transfer_sends_the_ticket_back_under_another_category(
    qtbot: Any, ws: Workstation, central_db: Engine
) -> None:
    ticket = ws.centre.issue_ticket("A").ticket
    dock = window_for(qtbot, ws).queue_dock
    assert dock is not None
    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000):
        dock.act("call")
    dock.act("transfer")  # asks where to
    dialog = dock.transfer_dialog
    assert dialog is not None and not dialog.confirm_button.isEnabled()
    dialog.category_choice.setCurrentIndex(dialog.category_choice.findData("C"))
    assert dialog.confirm_button.isEnabled()
    with qtbot.waitSignal(dock.ticket_changed, timeout=10_000):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert dock.current is None
    assert queue.waiting_counts(central_db, "HALL01", ticket.issued_at.date()) == {"C": 1}


def test_a_case_accepted_during_a_service_is_linked_to_the_ticket(
    qtbot: Any, ws: Workstation, central_db: Engine
) -> None:
    from standards import gb11643_check

    from counter_app.storage.shared_models import CaseRow

    ticket = ws.centre.issue_ticket("A").ticket
    window = window_for(qtbot, ws)
    assert window.queue_dock is not None and window.enrollment is not None
    with qtbot.waitSignal(window.queue_dock.ticket_changed, timeout=10_000):
        window.queue_dock.act("call")
    tab = window.enrollment
    tab.id_number.setText("11010519800101001" + gb11643_check("11010519800101001"))
    tab.name.setText("李娜")
    tab.phone.setText("13900000000")
    tab.insurance["pension"].setChecked(True)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        tab.materials.tick_all()  # the ID card was shown
        tab.submit()
    with Session(central_db) as session:
        case = session.scalars(select(CaseRow)).one()
        assert case.ticket == f"A001#{ticket.id}"


def test_a_supervisor_closes_a_follow_up_with_a_note(
    qtbot: Any, qtmodeltester: Any, ws: Workstation, central_db: Engine
) -> None:
    centre = ws.centre
    ticket = centre.issue_ticket("A").ticket
    centre.act_as("teller1")
    assert centre.call_next(2, ["A"], key="follow-up-1", aging_minutes=30) is not None
    centre.ticket_event(ticket.id, TicketEvent.START)
    centre.ticket_event(ticket.id, TicketEvent.FINISH)
    centre.rate(ticket.id, 2)
    centre.act_as("boss")  # the supervisor logs in at this workstation
    boss = authenticate(ws.local, "boss", "demo-supervisor")
    window = TellerWindow(ws, boss, 9)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.synced, timeout=20_000):
        window.show()
    tab = window.follow_ups
    assert tab is not None
    tab.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10_000)
    qtmodeltester.check(tab.model)
    assert tab.model.index(0, 0).data() == "A001"  # the ticket the customer held
    tab.view.selectRow(0)
    tab.close_selected()  # no note yet: refused
    qtbot.waitUntil(
        lambda: "mandatory" in tab.message.text() or "required" in tab.message.text(),
        timeout=10_000,
    )
    assert queue.open_follow_ups(central_db, "HALL01")
    tab.note.setText("called the customer back; explained the rules")
    with qtbot.waitSignal(tab.closed, timeout=10_000):
        tab.close_selected()
    assert queue.open_follow_ups(central_db, "HALL01") == []


def test_a_teller_session_cannot_close_a_follow_up(qtbot: Any, ws: Workstation) -> None:
    """The tab asks on the session of whoever is logged in; the centre checks the role."""
    centre = ws.centre
    ticket = centre.issue_ticket("A").ticket
    centre.act_as("teller1")
    assert centre.call_next(2, ["A"], key="follow-up-2", aging_minutes=30) is not None
    centre.ticket_event(ticket.id, TicketEvent.START)
    centre.ticket_event(ticket.id, TicketEvent.FINISH)
    centre.rate(ticket.id, 1)
    boss = authenticate(ws.local, "boss", "demo-supervisor")
    window = TellerWindow(ws, boss, 9)  # a supervisor's screen, but teller1's session
    qtbot.addWidget(window)
    tab = window.follow_ups
    assert tab is not None
    tab.refresh()
    qtbot.waitUntil(lambda: "not allowed" in tab.message.text(), timeout=10_000)
    assert tab.model.rowCount() == 0
