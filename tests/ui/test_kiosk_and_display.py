"""The ticket kiosk and the hall display, with a recording speaker instead of audio."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import delete

from counter_app.services import queue
from counter_app.client.workstation import Workstation
from counter_app.storage.queue_models import QueueEventRow
from counter_app.ui.hall_display import HallDisplay
from counter_app.ui.kiosk import KioskWindow
from counter_app.ui.roles_text import queue_category_label


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


def shown(display: HallDisplay) -> list[tuple[str, int]]:
    return [(call.ticket, call.window) for call in display.current_rows()]


def test_the_display_shows_and_announces_each_call_once(qtbot: Any, ws: Workstation) -> None:
    central = ws.central()
    now = dt.datetime.now()
    for _ in range(3):
        queue.issue_ticket(central, "HALL01", "A", now=now)
    speaker = RecordingSpeaker()
    display = HallDisplay(ws, speaker)
    qtbot.addWidget(display)
    qtbot.waitUntil(lambda: display.last_seq is not None, timeout=10_000)
    first = queue.call_next(central, "HALL01", 3, ["A"], "t", key="k1")
    queue.call_next(central, "HALL01", 5, ["A"], "t", key="k2")
    assert first is not None
    queue.apply_event(central, first.id, queue.TicketEvent.RECALL)
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
    assert display.rows[0].ticket.text() == "A001" and "3" in display.rows[0].window.text()
    assert [c.ticket for c in display.history] == ["A001", "A002"]
    assert display.recent_rows() == []

    # A hole in the event stream makes the display reload instead of guessing.
    queue.issue_ticket(central, "HALL01", "A", now=now)
    queue.call_next(central, "HALL01", 4, ["A"], "t", key="k3")
    last = queue.latest_seq(central, "HALL01")
    with central.begin() as connection:
        connection.execute(delete(QueueEventRow).where(QueueEventRow.seq == last - 1))
    qtbot.waitUntil(lambda: display.resyncs == 1, timeout=10_000)
    assert shown(display) == [("A003", 4), ("A001", 3), ("A002", 5)]
    assert display.newest == "A003"
    qtbot.waitUntil(lambda: len(speaker.spoken) == 4, timeout=10_000)  # the new call is spoken
    display.close()


def test_finished_and_absent_tickets_leave_the_display(qtbot: Any, ws: Workstation) -> None:
    central = ws.central()
    for category in "AAAB":
        queue.issue_ticket(central, "HALL01", category)
    display = HallDisplay(ws, RecordingSpeaker())
    qtbot.addWidget(display)
    qtbot.waitUntil(lambda: display.last_seq is not None, timeout=10_000)
    a1 = queue.call_next(central, "HALL01", 1, ["A"], "t", key="f1")
    a2 = queue.call_next(central, "HALL01", 2, ["A"], "t", key="f2")
    a3 = queue.call_next(central, "HALL01", 3, ["A"], "t", key="f3")
    assert a1 is not None and a2 is not None and a3 is not None
    queue.apply_event(central, a1.id, queue.TicketEvent.START)
    queue.apply_event(central, a1.id, queue.TicketEvent.FINISH)
    queue.apply_event(central, a2.id, queue.TicketEvent.NO_SHOW)
    qtbot.waitUntil(lambda: shown(display) == [("A003", 3)], timeout=10_000)
    assert [c.ticket for c in display.recent_rows()] == ["A002", "A001"]
    assert display.waiting_counts == {"B": 1}  # B001 still waits

    # Window 1 calls again: its row shows the new ticket, the old one stays in the history.
    queue.issue_ticket(central, "HALL01", "A")
    queue.call_next(central, "HALL01", 1, ["A"], "t", key="f4")
    qtbot.waitUntil(lambda: shown(display) == [("A004", 1), ("A003", 3)], timeout=10_000)

    # A display started now shows the same picture from the centre's snapshot.
    fresh = HallDisplay(ws, RecordingSpeaker())
    qtbot.addWidget(fresh)
    qtbot.waitUntil(lambda: fresh.last_seq is not None, timeout=10_000)
    assert shown(fresh) == shown(display)
    assert [c.ticket for c in fresh.recent_rows()] == ["A002", "A001"]
    display.close()
    fresh.close()


def test_the_display_lists_every_category_waiting(qtbot: Any, ws: Workstation) -> None:
    queue.issue_ticket(ws.central(), "HALL01", "B")
    display = HallDisplay(ws, RecordingSpeaker())
    qtbot.addWidget(display)
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
