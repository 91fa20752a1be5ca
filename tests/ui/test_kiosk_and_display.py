"""The ticket kiosk and the hall display, with a recording speaker instead of audio.

Both talk to a real counter-central process; the windows' calls are made on teller1's
session (``ws.centre``), as the queue dock makes them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, insert

from counter_app.client.workstation import Workstation
from counter_app.domain.queue import TicketEvent
from counter_app.services.queue import Ticket
from counter_app.storage.queue_models import QueueEventRow
from counter_app.ui.hall_display import HallDisplay
from counter_app.ui.kiosk import KioskWindow
from counter_app.ui.roles_text import queue_category_label


def call(ws: Workstation, window: int, key: str) -> Ticket:
    ticket = ws.centre.call_next(window, ["A"], key=key, aging_minutes=30)
    assert ticket is not None
    return ticket


class RecordingSpeaker:
    def __init__(self) -> None:
        self.spoken: list[str] = []

    def speak(self, text: str) -> None:
        self.spoken.append(text)


def test_the_kiosk_issues_and_prints_a_ticket(qtbot: Any, ws: Workstation, tmp_path: Path) -> None:
    ws.config.printers = [{"name": "kiosk", "connection": "file", "path": str(tmp_path / "k.bin")}]
    kiosk = KioskWindow(ws)
    qtbot.addWidget(kiosk)
    kiosk.show()
    with qtbot.waitSignal(kiosk.issued, timeout=10_000) as issued:
        kiosk.buttons["A"].click()
    ticket, status = issued.args[0]
    assert ticket.display == "A001" and status == "printed"
    assert "A001" in kiosk.result.text()
    assert b"A001" in (tmp_path / "k.bin").read_bytes()


def test_a_kiosk_whose_printer_fails_shows_the_number(qtbot: Any, ws: Workstation) -> None:
    ws.config.printers = [{"name": "kiosk", "host": "127.0.0.1", "port": 1, "timeout_s": 1.0}]
    kiosk = KioskWindow(ws)
    qtbot.addWidget(kiosk)
    with qtbot.waitSignal(kiosk.issued, timeout=10_000) as issued:
        kiosk.buttons["V"].click()
    assert issued.args[0][1] == "failed"
    assert "V001" in kiosk.result.text() and "remember" in kiosk.result.text()


def display_for(
    qtbot: Any, ws: Workstation, speaker: RecordingSpeaker | None = None
) -> HallDisplay:
    display = HallDisplay(ws, speaker or RecordingSpeaker())
    # Shorter questions than in a hall: a closed display's last one ends sooner.
    display.feed.wait_seconds = 3.0
    qtbot.addWidget(display)
    return display


def shown(display: HallDisplay) -> list[tuple[str, int]]:
    return [(call.ticket, call.window) for call in display.current_rows()]


def test_the_display_shows_and_announces_each_call_once(
    qtbot: Any, ws: Workstation, central_db: Engine
) -> None:
    for _ in range(3):
        ws.centre.issue_ticket("A")
    speaker = RecordingSpeaker()
    display = display_for(qtbot, ws, speaker)
    qtbot.waitUntil(lambda: display.last_seq is not None, timeout=10_000)
    first = call(ws, 3, "k1")
    call(ws, 5, "k2")
    ws.centre.ticket_event(first.id, TicketEvent.RECALL)
    qtbot.waitUntil(lambda: len(speaker.spoken) == 3, timeout=10_000)
    display.announcer.drain()
    assert speaker.spoken == [
        "请 A001 号到 3 号窗口办理",
        "请 A002 号到 5 号窗口办理",
        "请 A001 号到 3 号窗口办理",
    ]
    # One row per window, the newest call first and highlighted; a recall is not listed twice.
    assert shown(display) == [("A001", 3), ("A002", 5)]
    assert display.newest == "A001"
    assert display.rows[0].ticket.text() == "A001" and "3" in display.rows[0].window_label.text()
    assert [c.ticket for c in display.history] == ["A001", "A002"]
    assert display.recent_rows() == []

    # A hole in the event stream (a number the centre lost, here another hall's) makes the
    # display reload instead of guessing.
    with central_db.begin() as connection:
        lost = connection.execute(
            insert(QueueEventRow).values(
                hall_code="HALL02", kind="issued", payload="{}", created_at=first.issued_at
            )
        ).inserted_primary_key
        assert lost is not None
        connection.execute(
            insert(QueueEventRow).values(
                hall_code="HALL02", kind="issued", payload="{}", created_at=first.issued_at
            )
        )
        connection.execute(delete(QueueEventRow).where(QueueEventRow.seq == lost[0]))
    ws.centre.issue_ticket("A")
    call(ws, 4, "k3")
    qtbot.waitUntil(lambda: display.resyncs == 1, timeout=10_000)
    qtbot.waitUntil(
        lambda: shown(display) == [("A003", 4), ("A001", 3), ("A002", 5)], timeout=10_000
    )
    assert display.newest == "A003"
    qtbot.waitUntil(lambda: len(speaker.spoken) == 4, timeout=10_000)  # the new call is spoken
    assert speaker.spoken[-1] == "请 A003 号到 4 号窗口办理"
    display.close()
    qtbot.waitUntil(lambda: not display.feed.running, timeout=10_000)  # stopped when closed


def test_finished_and_absent_tickets_leave_the_display(qtbot: Any, ws: Workstation) -> None:
    for category in "AAAB":
        ws.centre.issue_ticket(category)
    display = display_for(qtbot, ws)
    qtbot.waitUntil(lambda: display.last_seq is not None, timeout=10_000)
    a1 = call(ws, 1, "f1")
    a2 = call(ws, 2, "f2")
    call(ws, 3, "f3")
    ws.centre.ticket_event(a1.id, TicketEvent.START)
    ws.centre.ticket_event(a1.id, TicketEvent.FINISH)
    ws.centre.ticket_event(a2.id, TicketEvent.NO_SHOW)
    qtbot.waitUntil(lambda: shown(display) == [("A003", 3)], timeout=10_000)
    assert [c.ticket for c in display.recent_rows()] == ["A002", "A001"]
    assert display.waiting_counts == {"B": 1}  # B001 still waits

    # Window 1 calls again: its row shows the new ticket, the old one stays in the history.
    ws.centre.issue_ticket("A")
    call(ws, 1, "f4")
    qtbot.waitUntil(lambda: shown(display) == [("A004", 1), ("A003", 3)], timeout=10_000)

    # A display started now shows the same picture from the centre's snapshot.
    fresh = display_for(qtbot, ws)
    qtbot.waitUntil(lambda: fresh.last_seq is not None, timeout=10_000)
    assert shown(fresh) == shown(display)
    assert [c.ticket for c in fresh.recent_rows()] == ["A002", "A001"]
    display.close()
    fresh.close()


def test_the_display_lists_every_category_waiting(qtbot: Any, ws: Workstation) -> None:
    ws.centre.issue_ticket("B")
    display = display_for(qtbot, ws)
    qtbot.waitUntil(lambda: display.last_seq is not None, timeout=10_000)
    text = display.waiting.text()
    for category in display.settings.categories:  # the empty ones too: the line is never empty
        assert queue_category_label(ws.config.queue, category.code) in text
    assert display.waiting_counts == {"B": 1}
    display.close()


def test_seniors_get_priority_and_bad_ids_are_refused(qtbot: Any, ws: Workstation) -> None:
    from standards import gb11643_check

    kiosk = KioskWindow(ws)
    qtbot.addWidget(kiosk)
    senior = "11010519500101001" + gb11643_check("11010519500101001")
    kiosk.id_input.setText(senior)
    with qtbot.waitSignal(kiosk.issued, timeout=10_000) as issued:
        kiosk.buttons["A"].click()
    assert issued.args[0][0].display == "V001"  # raised to priority by age
    kiosk.id_input.setText(senior[:17] + ("0" if senior[17] != "0" else "1"))
    kiosk.buttons["A"].click()
    assert "check digit" in kiosk.result.text()


def test_the_kiosk_never_overlaps_at_any_size(qtbot: Any, ws: Workstation) -> None:
    """Portrait, landscape and tiny: after a ticket, no two widgets share any space.

    (Within the 800×600 offscreen screen; full-screen sizes are covered by test_screens_fit.)
    """
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QWidget

    kiosk = KioskWindow(ws)
    qtbot.addWidget(kiosk)
    kiosk.show()
    with qtbot.waitSignal(kiosk.issued, timeout=10_000):
        kiosk.buttons["A"].click()
    parts: list[QWidget] = [kiosk.title, kiosk.id_input, *kiosk.buttons.values(), kiosk.result]

    def apart() -> None:
        rects = [QRect(p.mapTo(kiosk, QPoint(0, 0)), p.size()) for p in parts]
        for index, rect in enumerate(rects):
            assert kiosk.rect().contains(rect), (kiosk.size(), parts[index].objectName())
            for other in rects[index + 1 :]:
                assert not rect.intersects(other), (kiosk.size(), rect, other)

    for width, height in ((375, 510), (450, 600), (800, 450), (800, 600), (200, 150)):
        kiosk.resize(width, height)  # the last is below the minimum size, which Qt keeps
        qtbot.waitUntil(apart)  # once the fonts are scaled and the layout has settled
