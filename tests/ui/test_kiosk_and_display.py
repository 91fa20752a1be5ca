"""The ticket kiosk and the hall display, with a recording speaker instead of audio."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import delete

from counter_app.services import queue
from counter_app.services.workstation import Workstation
from counter_app.storage.queue_models import QueueEventRow
from counter_app.ui.hall_display import HallDisplay
from counter_app.ui.kiosk import KioskWindow


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
    assert display.lines.text().splitlines()[0] == "请 A001 号到 3 号窗口办理"

    # A hole in the event stream makes the display reload instead of guessing.
    queue.issue_ticket(central, "HALL01", "A", now=now)
    queue.call_next(central, "HALL01", 4, ["A"], "t", key="k3")
    last = queue.latest_seq(central, "HALL01")
    with central.begin() as connection:
        connection.execute(delete(QueueEventRow).where(QueueEventRow.seq == last - 1))
    qtbot.waitUntil(lambda: display.resyncs == 1, timeout=10_000)
    assert "请 A003 号到 4 号窗口办理" in display.lines.text()
    display.close()


def test_seniors_get_priority_and_bad_ids_are_refused(qtbot: Any, ws: Workstation) -> None:
    from stdnum.cn import ric

    kiosk = KioskWindow(ws)
    qtbot.addWidget(kiosk)
    senior = "11010519500101001" + ric.calc_check_digit("11010519500101001")
    kiosk.id_input.setText(senior)
    with qtbot.waitSignal(kiosk.issued, timeout=10_000) as issued:
        kiosk.buttons["A"].click()
    assert issued.args[0][0].display == "V001"  # raised to priority by age
    kiosk.id_input.setText(senior[:17] + ("0" if senior[17] != "0" else "1"))
    kiosk.buttons["A"].click()
    assert "check digit" in kiosk.result.text()
