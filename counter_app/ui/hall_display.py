"""叫号屏 — the hall display: who goes to which window, readable across the hall.

Full screen, three parts: the current call of each window in large type (one row per
window: ticket number → window, the newest call highlighted), the recent calls (each ticket
once; a ticket that is finished, a no-show or back in the queue is no longer current), and
the number of people waiting in each category. Every size is a fraction of the screen
height, so the same layout reads from 10 m on a 1920×1080 screen and fits a small one.

The display follows the hall's numbered event stream from the central service, which answers
with a fresh picture (a snapshot) when the display starts, when the numbers have a hole or
when a new business day begins, so the display never trusts a stream with a gap. It asks on
a thread of its own and the service holds each question open until something happens (long
polling), so a call appears at once and a slow answer never holds up the teller screens'
background work; closing the display stops the thread. Every call and recall is spoken
through a queue that speaks one at a time and drops none (a recall is announced again, but
listed once); with no audio the display works the same.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QCloseEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.client.workstation import Workstation
from counter_app.devices.voice import AnnouncementQueue, CommandSpeaker, NullSpeaker, Speaker
from counter_app.domain.queue import QueueSettings, announcement
from counter_app.services import queue
from counter_app.services.central_port import HallEvents
from counter_app.services.hall_display_queries import Call
from counter_app.services.queries import hall_name
from counter_app.ui.roles_text import queue_category_label
from counter_app.ui.screen_fit import fitting_px, pixel_font, show_full_screen

CURRENT_ROWS = 5  # windows shown large; more windows than that show their newest calls
RECENT_ROWS = 6
HISTORY = 40
CALL_EVENTS = ("called", "recall")
# After these a ticket is no longer at its window (finished, no-show, back in the queue …).
LEAVE_EVENTS = ("finish", "no_show", "return", "hold", "leave", "transferred", "close_day")

CALLS_SHARE = 13 / 20  # of the width: the large current calls; the rest lists recent calls
BACKGROUND = "#0b3d2e"
HIGHLIGHT = "#ffd54f"


log = logging.getLogger(__name__)

# How long one question to the service may wait for news. A call is shown as soon as it
# happens whatever this is; shorter means a closed display's last question ends sooner.
LONG_POLL_SECONDS = 10.0
RETRY_SECONDS = 2.0  # after a failed question


class FeedSignals(QObject):
    """Where the feed's thread hands its pages to the GUI thread. It belongs to the display
    (made on the GUI thread, with the display as parent), so it is also destroyed there —
    never by the feed's thread dropping the last reference to a Qt object."""

    page = Signal(object)  # HallEvents
    failed = Signal(object)  # the exception


class EventFeed:
    """Follows the hall's event stream on a thread of its own and emits each page.

    ``fetch(after, wait_seconds)`` is the service call; the cursor is kept here, so a page is
    never asked for twice. The first question does not wait (the display needs its picture
    now), the later ones wait up to ``wait_seconds``. ``signals`` reach the display on the GUI
    thread. ``stop`` returns at once; a question under way is answered and then dropped.
    """

    def __init__(
        self,
        fetch: Callable[[int, float], HallEvents],
        signals: FeedSignals,
        wait_seconds: float = LONG_POLL_SECONDS,
    ) -> None:
        self.signals = signals
        self._fetch = fetch
        self.wait_seconds = wait_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="hall-display-feed", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        after = 0
        wait = 0.0
        while not self._stop.is_set():
            try:
                got = self._fetch(after, wait)
            except Exception as exc:  # offline, refused: shown, then asked again
                if self._stop.is_set():
                    return
                log.debug("hall events not read", exc_info=True)
                self._emit(self.signals.failed, exc)
                self._stop.wait(RETRY_SECONDS)
                continue
            if self._stop.is_set():
                return
            after, wait = got.last_seq, self.wait_seconds
            self._emit(self.signals.page, got)

    def _emit(self, signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the feed's Qt object is gone: nobody is listening any more
            self._stop.set()


def _label(object_name: str = "", align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> QLabel:
    label = QLabel()
    if object_name:
        label.setObjectName(object_name)
    label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
    # Text never widens the window: the fonts are sized to fit instead.
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class CallRow(QFrame):
    """One window's current ticket: ``A012   →   3 号窗口``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticket = _label("callTicket", Qt.AlignmentFlag.AlignRight)
        self.arrow = _label("callArrow", Qt.AlignmentFlag.AlignCenter)
        self.window_label = _label("callWindow")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ticket, 4)
        layout.addWidget(self.arrow, 2)
        layout.addWidget(self.window_label, 5)
        self.show_call(None, "", highlighted=False)

    def show_call(self, call: Call | None, window_text: str, *, highlighted: bool) -> None:
        self.ticket.setText(call.ticket if call else "")
        self.arrow.setText("→" if call else "")
        self.window_label.setText(window_text if call else "")
        colour = f"background: {HIGHLIGHT}; color: {BACKGROUND};" if highlighted else ""
        self.setStyleSheet(f"CallRow {{ border-radius: 8px; {colour} }}")
        for label in (self.ticket, self.arrow, self.window_label):
            label.setStyleSheet(f"color: {BACKGROUND};" if highlighted else "")


class HallDisplay(QWidget):
    updated = Signal()

    def __init__(
        self, ws: Workstation, speaker: Speaker | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setObjectName("hallDisplay")
        self.setWindowTitle(self.tr("Hall display"))
        self.setStyleSheet(
            f"#hallDisplay {{ background: {BACKGROUND}; }} QLabel {{ color: #fff; }}"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.settings = QueueSettings.from_dict(ws.config.queue)
        command = CommandSpeaker(self.settings.voice_command)
        self.announcer = AnnouncementQueue(
            speaker or (command if command.available else NullSpeaker())
        )
        self.last_seq: int | None = None
        self.resyncs = 0
        self.current: dict[int, Call] = {}  # window → the ticket called there
        self.history: list[Call] = []  # each ticket once, newest call first
        self.newest: str | None = None  # the ticket of the newest call (highlighted)
        self.waiting_counts: dict[str, int] = {}

        self.hall = _label("displayHall")
        self.header = _label("displayTitle", Qt.AlignmentFlag.AlignCenter)
        self.header.setText(self.tr("Now calling"))
        self.clock = _label("displayClock", Qt.AlignmentFlag.AlignRight)
        top = QHBoxLayout()
        top.addWidget(self.hall, 3)
        top.addWidget(self.header, 2)
        top.addWidget(self.clock, 1)

        self.ticket_head = _label("", Qt.AlignmentFlag.AlignRight)
        self.ticket_head.setText(self.tr("Number"))
        self.window_head = _label()
        self.window_head.setText(self.tr("Please go to"))
        heads = QHBoxLayout()
        heads.addWidget(self.ticket_head, 4)
        heads.addWidget(_label(), 2)
        heads.addWidget(self.window_head, 5)
        self.rows = [CallRow() for _ in range(CURRENT_ROWS)]
        calls = QVBoxLayout()
        calls.addLayout(heads)
        for row in self.rows:
            calls.addWidget(row, 1)

        self.recent_title = _label("", Qt.AlignmentFlag.AlignCenter)
        self.recent_title.setText(self.tr("Recent calls"))
        self.recent_labels = [_label("recentCall", Qt.AlignmentFlag.AlignCenter)
                              for _ in range(RECENT_ROWS)]  # fmt: skip
        recent_box = QFrame()
        recent_box.setObjectName("recentBox")
        recent_box.setStyleSheet("#recentBox { border-left: 2px solid #2f6f5a; }")
        recent = QVBoxLayout(recent_box)
        recent.addWidget(self.recent_title)
        for label in self.recent_labels:
            recent.addWidget(label, 1)
        body = QGridLayout()
        body.addLayout(calls, 0, 0)
        body.addWidget(recent_box, 0, 1)
        body.setColumnStretch(0, round(CALLS_SHARE * 100))
        body.setColumnStretch(1, 100 - round(CALLS_SHARE * 100))

        self.waiting = _label("displayWaiting", Qt.AlignmentFlag.AlignCenter)
        self.status = _label("displayStatus", Qt.AlignmentFlag.AlignRight)
        bottom = QFrame()
        bottom.setObjectName("waitingBar")
        bottom.setStyleSheet("#waitingBar { background: #082b20; border-radius: 8px; }")
        bar = QVBoxLayout(bottom)
        bar.addWidget(self.waiting)
        bar.addWidget(self.status)

        layout = QVBoxLayout(self)
        self.main_layout = layout
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(bottom)
        self._render()
        self.timer = QTimer(self)  # the clock in the corner
        self.timer.timeout.connect(self._tick)
        self.timer.start(1000)
        self._hall_known = False
        signals = FeedSignals(self)
        signals.page.connect(self._apply)
        signals.failed.connect(self._offline)
        self.feed = EventFeed(self._fetch, signals)
        self.feed.start()  # without a centre, its first question fails and says so

    # -- sizes ------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        self.scale_fonts()
        super().resizeEvent(event)

    def fitting_px(self, text: str, most: int, room: float, *, bold: bool = True) -> int:
        return fitting_px(self.font(), text, most, room, bold=bold)

    def scale_fonts(self) -> None:
        """Every size is a fraction of the height, shrunk where a text would not fit across."""
        unit = max(200, min(self.height(), self.width() * 9 // 16))
        width = max(200, self.width())
        base = self.font()
        calls = width * CALLS_SHARE * 0.92
        row_px = min(
            self.fitting_px("A888", unit // 11, calls * 4 / 11),
            self.fitting_px(self.window_text(88), unit // 11, calls * 5 / 11),
        )
        row = pixel_font(base, row_px, bold=True)
        for call_row in self.rows:
            for label in (call_row.ticket, call_row.arrow, call_row.window_label):
                label.setFont(row)
        head = pixel_font(base, unit // 32)
        for label in (self.ticket_head, self.window_head):
            label.setFont(head)
        self.hall.setFont(pixel_font(base, unit // 26))
        self.header.setFont(pixel_font(base, unit // 18, bold=True))
        self.clock.setFont(pixel_font(base, unit // 22, bold=True))
        recent_room = width * (1 - CALLS_SHARE) * 0.85
        self.recent_title.setFont(pixel_font(base, unit // 26, bold=True))
        recent_px = self.fitting_px(
            f"A888  {self.window_text(88)}", unit // 20, recent_room, bold=False
        )
        for label in self.recent_labels:
            label.setFont(pixel_font(base, recent_px))
        self.status.setFont(pixel_font(base, unit // 48))
        margin = unit // 60
        self.main_layout.setContentsMargins(margin * 2, margin, margin * 2, margin)
        self.main_layout.setSpacing(margin)
        self._fit_waiting()

    def _fit_waiting(self) -> None:
        unit = max(200, min(self.height(), self.width() * 9 // 16))
        room = max(200, self.width()) * 0.9
        px = self.fitting_px(self.waiting.text() or "—", unit // 26, room)
        self.waiting.setFont(pixel_font(self.font(), px, bold=True))

    # -- data -------------------------------------------------------------------------------
    def _fetch(self, after: int, wait_seconds: float) -> HallEvents:
        """On the feed's thread: the next page of the hall's events."""
        return self.ws.centre.hall_events(after, wait_seconds=wait_seconds)

    def _tick(self) -> None:
        self.clock.setText(f"{dt.datetime.now():%H:%M}")

    def _offline(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Offline: %1").replace("%1", str(exc)))
        self.status.setVisible(True)

    def _apply(self, poll: HallEvents) -> None:
        """Apply one page of the stream (on the GUI thread)."""
        self.status.setText("")
        if not self._hall_known:
            self._hall_known = True
            self.hall.setText(hall_name(self.ws))
        if poll.snapshot is not None:
            if self.last_seq:  # not the first picture: the stream had a gap
                self.resyncs += 1
            self.current = {call.window: call for call in poll.snapshot.current}
            self.history = list(poll.snapshot.recent)
            self.newest = poll.snapshot.current[0].ticket if poll.snapshot.current else None
            for event in poll.events:  # after a hole: the picture is reloaded, calls spoken
                if event.kind in CALL_EVENTS:
                    self.announcer.submit(self._spoken(event))
        else:
            for event in poll.events:
                self._follow(event)
        self.last_seq = poll.last_seq
        self.waiting_counts = dict(poll.waiting)
        self._render()
        self.updated.emit()

    @staticmethod
    def _spoken(event: queue.HallEvent) -> str:
        return announcement(str(event.payload["ticket"]), int(str(event.payload["window"])))

    def _forget(self, ticket: str) -> None:
        for window in [w for w, call in self.current.items() if call.ticket == ticket]:
            del self.current[window]

    def _follow(self, event: queue.HallEvent) -> None:
        """Apply one event of the stream to the picture (and speak a call)."""
        ticket = str(event.payload.get("ticket", ""))
        window = event.payload.get("window")
        if event.kind in CALL_EVENTS and ticket and window is not None:
            call = Call(ticket, int(str(window)), event.seq)
            self._forget(ticket)
            self.current[call.window] = call
            self.history = [call, *(c for c in self.history if c.ticket != ticket)][:HISTORY]
            self.newest = ticket
            self.announcer.submit(self._spoken(event))
        elif event.kind == "resume" and ticket and window is not None:
            called = next((c for c in self.history if c.ticket == ticket), None)
            self.current[int(str(window))] = called or Call(ticket, int(str(window)), event.seq)
        elif event.kind in LEAVE_EVENTS and ticket:
            self._forget(ticket)
        elif event.kind == "day_closed":
            self.current.clear()

    # -- what is shown ------------------------------------------------------------------------
    def current_rows(self) -> list[Call]:
        """The calls shown large, newest first (one per window)."""
        ordered = sorted(self.current.values(), key=lambda c: (-c.seq, c.window))
        return ordered[:CURRENT_ROWS]

    def recent_rows(self) -> list[Call]:
        """The recent calls listed beside them: each ticket once, none of the large ones."""
        shown = {call.ticket for call in self.current_rows()}
        return [c for c in self.history if c.ticket not in shown][:RECENT_ROWS]

    def window_text(self, window: int) -> str:
        return self.tr("Window %1").replace("%1", str(window))

    def waiting_text(self) -> str:
        codes = [c.code for c in self.settings.categories]
        codes += sorted(set(self.waiting_counts) - set(codes))
        parts = [
            self.tr("%1: %2").replace("%1", queue_category_label(self.ws.config.queue, code))
            .replace("%2", str(self.waiting_counts.get(code, 0)))
            for code in codes
        ]  # fmt: skip
        return self.tr("Waiting: %1").replace("%1", "  ·  ".join(parts))

    def _render(self) -> None:
        rows = self.current_rows()
        for index, widget in enumerate(self.rows):
            call = rows[index] if index < len(rows) else None
            widget.show_call(
                call,
                self.window_text(call.window) if call else "",
                highlighted=call is not None and call.ticket == self.newest,
            )
        recent = self.recent_rows()
        for index, label in enumerate(self.recent_labels):
            call = recent[index] if index < len(recent) else None
            label.setText(f"{call.ticket}  {self.window_text(call.window)}" if call else "")
        self.waiting.setText(self.waiting_text())
        self._fit_waiting()
        self.status.setVisible(bool(self.status.text()))
        self.clock.setText(f"{dt.datetime.now():%H:%M}")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.feed.stop()
        self.timer.stop()
        self.announcer.close()
        super().closeEvent(event)


def run(ws: Workstation, app: QApplication, screen: QScreen | None = None) -> int:
    window = HallDisplay(ws)
    show_full_screen(window, screen)
    return app.exec()
