"""叫号屏 — the hall display: the latest calls in large type, and each call spoken once.

It follows the hall's numbered event stream; when the numbers it receives are not
consecutive it reloads the latest calls from the centre (re-sync) instead of trusting a
stream with a hole. Announcements go through a queue that speaks one at a time and drops
none; with no audio the display works the same.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from counter_app.devices.voice import AnnouncementQueue, CommandSpeaker, NullSpeaker, Speaker
from counter_app.domain.queue import QueueSettings, announcement
from counter_app.services import queue
from counter_app.services.workstation import Workstation
from counter_app.ui.ops import Op

SHOWN_CALLS = 6
# new events, a snapshot of the latest calls (after a gap), the last seq, waiting counts
Poll = tuple[list[queue.HallEvent], list[queue.HallEvent] | None, int, dict[str, int]]


class HallDisplay(QWidget):
    updated = Signal()

    def __init__(
        self, ws: Workstation, speaker: Speaker | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setObjectName("hallDisplay")
        self.setWindowTitle(self.tr("Hall display"))
        self.setStyleSheet("background: #0b3d2e; color: #ffffff;")
        self.settings = QueueSettings.from_dict(ws.config.queue)
        command = CommandSpeaker(self.settings.voice_command)
        self.announcer = AnnouncementQueue(
            speaker or (command if command.available else NullSpeaker())
        )
        self.last_seq: int | None = None
        self.calls: list[str] = []
        self.resyncs = 0
        self.header = QLabel(self.tr("Now calling"))
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lines = QLabel()
        self.lines.setObjectName("displayCalls")
        self.lines.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.lines.font()
        font.setPointSize(font.pointSize() + 18)
        self.lines.setFont(font)
        self.status = QLabel()
        self.status.setObjectName("displayStatus")
        self.waiting = QLabel()
        self.waiting.setObjectName("displayWaiting")
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.waiting)
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self.timer.start(1000)
        QTimer.singleShot(0, self.poll)

    def poll(self) -> None:
        hall = self.ws.config.hall_code
        known = self.last_seq

        def fetch() -> Poll:
            central = self.ws.central()
            counts = queue.waiting_counts(central, hall, dt.date.today())
            if known is None:  # first contact: show the latest calls, announce nothing old
                snapshot = queue.recent_calls(central, hall, SHOWN_CALLS)
                return [], snapshot, queue.latest_seq(central, hall), counts
            events = queue.events_after(central, hall, known)
            if events and events[0].seq != known + 1:  # a hole in the stream: re-sync
                snapshot = queue.recent_calls(central, hall, SHOWN_CALLS)
                return [], snapshot, events[-1].seq, counts
            return events, None, events[-1].seq if events else known, counts

        Op(fetch, parent=self).success(self._apply).failure(
            lambda exc: self.status.setText(self.tr("Offline: %1").replace("%1", str(exc)))
        ).run_in_background()

    @staticmethod
    def _text(event: queue.HallEvent) -> str:
        return announcement(str(event.payload["ticket"]), int(str(event.payload["window"])))

    def _apply(self, result: Poll) -> None:
        events, snapshot, seq, waiting = result
        self.status.setText("")
        if snapshot is not None:
            if self.last_seq is not None:
                self.resyncs += 1
            self.calls = [self._text(e) for e in snapshot]
        for event in events:
            if event.kind in ("called", "recall"):
                text = self._text(event)
                self.calls = [text, *self.calls][:SHOWN_CALLS]
                self.announcer.submit(text)
        self.last_seq = seq
        self.lines.setText("\n".join(self.calls))
        counts = "  ".join(f"{self.settings.name_of(k)} {n}" for k, n in sorted(waiting.items()))
        self.waiting.setText(self.tr("Waiting: %1").replace("%1", counts))
        self.updated.emit()

    def closeEvent(self, event: object) -> None:
        self.timer.stop()
        self.announcer.close()
        super().closeEvent(event)  # type: ignore[arg-type]


def run(ws: Workstation, app: QApplication) -> int:
    window = HallDisplay(ws)
    window.showFullScreen()
    return app.exec()
