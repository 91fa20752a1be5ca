"""The teller's queue dock: call the next ticket, recall, start, finish, no-show, return.

Every action is one call to the centre on the database worker. A click makes one
idempotency key and the button stays disabled until the answer arrives, so a double click
never calls twice. When the centre cannot be reached the dock says so plainly; the rest of
the window keeps working (a walk-in customer is served without a ticket).
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.people import StaffUser
from counter_app.domain.queue import QueueSettings, TicketEvent
from counter_app.services import queue
from counter_app.services.workstation import Workstation
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op
from counter_app.ui.rating_window import RatingWindow


class QueueDock(QDockWidget):
    ticket_changed = Signal(object)  # queue.Ticket | None

    def __init__(
        self, ws: Workstation, user: StaffUser, window_number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("queueDock")
        self.setWindowTitle(self.tr("Queue"))
        self.ws = ws
        self.user = user
        self.window_number = window_number
        self.settings = QueueSettings.from_dict(ws.config.queue)
        self.categories = list(self.settings.served_by(window_number))
        self.no_show_after = self.settings.no_show_after_recalls
        self.current: queue.Ticket | None = None
        self.recalls = 0

        self.ticket_label = QLabel("—")
        self.ticket_label.setObjectName("currentTicket")
        self.ticket_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.ticket_label.font()
        font.setPointSize(font.pointSize() + 14)
        font.setBold(True)
        self.ticket_label.setFont(font)
        self.state_label = QLabel(self.tr("No ticket"))
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("waitingCounts")
        self.waiting_label.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("queueMessage")
        self.message.setWordWrap(True)

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for index, (key, label, shortcut) in enumerate(
            (
                ("call", self.tr("Call next (F9)"), "F9"),
                ("recall", self.tr("Recall (F10)"), "F10"),
                ("start", self.tr("Start (F11)"), "F11"),
                ("finish", self.tr("Finish (F12)"), "F12"),
                ("no_show", self.tr("No-show"), ""),
                ("return", self.tr("Back to queue"), ""),
                ("hold", self.tr("Hold"), ""),
                ("transfer", self.tr("Transfer to"), ""),
                ("walk_in", self.tr("Serve a walk-in"), ""),
                ("pause", self.tr("Pause / resume"), ""),
            )
        ):
            button = QPushButton(label)
            button.setObjectName(f"queue_{key}")
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            self.buttons[key] = button
            grid.addWidget(button, index // 2, index % 2)
            if shortcut:
                QShortcut(
                    QKeySequence(shortcut), parent or self, activated=lambda k=key: self.act(k)
                )

        self.transfer_to = QComboBox()
        self.transfer_to.setObjectName("transferTo")
        for category in self.settings.categories:
            self.transfer_to.addItem(f"{category.code} {category.name}", category.code)
        self.pause_reason = QComboBox()
        self.pause_reason.setObjectName("pauseReason")
        for reason, label in (
            ("lunch", self.tr("Lunch")),
            ("meeting", self.tr("Meeting")),
            ("back_office", self.tr("Back office")),
            ("other", self.tr("Other")),
        ):
            self.pause_reason.addItem(label, reason)
        self.paused = False
        grid.addWidget(self.transfer_to, 5, 0)
        grid.addWidget(self.pause_reason, 5, 1)
        self.rating: RatingWindow | None = None

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.ticket_label)
        layout.addWidget(self.state_label)
        layout.addLayout(grid)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setWidget(body)
        self._busy = False
        self._update_buttons()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh_counts)
        self.timer.start(5000)
        QTimer.singleShot(0, self.refresh_counts)

    def _update_buttons(self) -> None:
        state = self.current.state if self.current else None
        enabled = {
            "call": state in (None, "finished", "no_show", "waiting"),
            "recall": state == "called",
            "start": state == "called",
            "finish": state == "serving",
            "no_show": state == "called" and self.recalls >= self.no_show_after,
            "return": state in ("called", "serving", "on_hold"),
            "hold": state == "serving",
            "transfer": state in ("called", "serving"),
            "walk_in": state in (None, "finished", "no_show", "waiting") and not self.paused,
            "pause": state is None,
        }
        enabled["call"] = enabled["call"] and not self.paused
        for key, button in self.buttons.items():
            button.setEnabled(enabled[key] and not self._busy)

    def act(self, action: str) -> None:
        if self._busy or not self.buttons[action].isEnabled():
            return
        self._busy = True
        self._update_buttons()
        key = str(uuid.uuid4())  # one key per click: a repeated delivery claims nothing new
        current = self.current

        reason = None if self.paused else str(self.pause_reason.currentData())
        target = str(self.transfer_to.currentData())

        def run() -> queue.Ticket | None:
            central = self.ws.central()
            hall = self.ws.config.hall_code
            if action == "pause":
                queue.set_paused(central, hall, self.window_number, reason)
                return None
            if action == "walk_in":
                return queue.serve_walk_in(central, hall, self.window_number, self.user.username)
            if action == "transfer":
                assert current is not None
                return queue.transfer(central, current.id, category=target)
            if action == "call":
                return queue.call_next(
                    central, self.ws.config.hall_code, self.window_number, self.categories,
                    self.user.username, key=key, aging=self.settings.aging,
                )  # fmt: skip
            assert current is not None
            event = {
                "recall": TicketEvent.RECALL,
                "start": TicketEvent.START,
                "finish": TicketEvent.FINISH,
                "no_show": TicketEvent.NO_SHOW,
                "return": TicketEvent.RETURN,
                "hold": TicketEvent.HOLD,
            }[action]
            return queue.apply_event(central, current.id, event)

        Op(run, parent=self).success(lambda t: self._done(action, t)).failure(
            self._failed
        ).run_in_background()

    def _done(self, action: str, ticket: queue.Ticket | None) -> None:
        self._busy = False
        self.message.setText("")
        if action == "call":
            self.recalls = 0
            if ticket is None:
                self.message.setText(self.tr("Nobody is waiting for this window."))
        elif action == "recall":
            self.recalls += 1
        if action == "pause":
            self.paused = not self.paused
            self.state_label.setText(self.tr("Paused") if self.paused else self.tr("No ticket"))
        if action == "finish" and ticket is not None:
            self.rating = RatingWindow(self.ws, ticket.id)
            self.rating.show()
        if action in ("finish", "no_show", "return", "transfer", "pause"):
            ticket = None  # this window is free again
        self.current = ticket
        self.ticket_label.setText(ticket.display if ticket else "—")
        if not self.paused:
            self.state_label.setText(self._state_text(ticket))
        self._update_buttons()
        self.ticket_changed.emit(ticket)
        self.refresh_counts()

    def _state_text(self, ticket: queue.Ticket | None) -> str:
        if ticket is None:
            return self.tr("No ticket")
        return {
            "called": self.tr("Called — waiting for the customer"),
            "serving": self.tr("Serving"),
            "on_hold": self.tr("On hold"),
        }.get(ticket.state, ticket.state)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        self.message.setText(
            describe(exc) + "\n" + self.tr("Walk-in customers can still be served.")
        )
        self.message.setStyleSheet("color: #b00020;")

    def refresh_counts(self) -> None:
        hall = self.ws.config.hall_code

        teller = self.user.username

        def counts() -> tuple[dict[str, int], queue.TellerFigures, dt.timedelta | None]:
            central = self.ws.central()
            now = dt.datetime.now()
            return (
                queue.waiting_counts(central, hall, now.date()),
                queue.teller_figures(central, hall, teller, now.date()),
                queue.longest_wait(central, hall, now),
            )

        Op(counts, parent=self).success(self._show_counts).failure(
            lambda exc: self.waiting_label.setText(
                self.tr("Queue offline: the central database cannot be reached.")
            )
        ).run_in_background()

    def _show_counts(
        self, figures: tuple[dict[str, int], queue.TellerFigures, dt.timedelta | None]
    ) -> None:
        counts, mine, longest = figures
        parts = [f"{self.settings.name_of(code)} {counts.get(code, 0)}" for code in self.categories]
        lines = [self.tr("Waiting: %1").replace("%1", " · ".join(parts))]
        if longest is not None:
            minutes = str(int(longest.total_seconds() // 60))
            lines.append(self.tr("Longest wait: %1 min").replace("%1", minutes))
        average = (
            f"{mine.average_service.total_seconds() / 60:.1f}" if mine.average_service else "—"
        )
        good = sum(n for level, n in mine.ratings.items() if level >= 4)
        bad = sum(n for level, n in mine.ratings.items() if level <= 2)
        lines.append(
            self.tr("Today: %1 served, %2 min on average, ratings %3 good / %4 bad")
            .replace("%1", str(mine.served))
            .replace("%2", average)
            .replace("%3", str(good))
            .replace("%4", str(bad))
        )
        self.waiting_label.setText("\n".join(lines))
        self.waiting_label.setStyleSheet("")
