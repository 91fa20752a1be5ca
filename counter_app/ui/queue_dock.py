"""The teller's queue dock: call, recall, start, finish, no-show, hold and resume, transfer.

Every action is one call to the central service (``ws.centre``) on the background worker,
on the session of the teller logged in here; the service takes the hall from this
workstation and the time from its own clock. A click makes one idempotency key and the
button stays disabled until the answer arrives, so a double click never calls twice. The
dock follows the hall's event stream (without waiting) on a timer and reloads its figures
when something happened in the hall, and now and then in any case (the longest wait grows).
When the centre cannot be reached the dock says so plainly; the rest of the window keeps
working (a walk-in customer is served without a ticket).

Holding (挂起) frees the window: the next ticket can be called while the held one waits, and
any ticket this window holds can be resumed later. A no-show needs a number of recalls first;
the dock says how many are still missing. Transfer asks where to (a category or a window)
and for confirmation. After a finished service the rating window opens for the customer; the
next call closes it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

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

from counter_app.client.workstation import Workstation
from counter_app.domain.people import StaffUser
from counter_app.domain.queue import QueueSettings, TicketEvent
from counter_app.services import queue
from counter_app.services.central_port import HallEvents, WindowStatus
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op
from counter_app.ui.rating_window import RatingWindow
from counter_app.ui.roles_text import queue_category_label
from counter_app.ui.transfer_dialog import TransferDialog

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #8a5300;"

# Actions after which this window serves nobody (the ticket left it).
RELEASING = ("finish", "no_show", "return", "transfer", "hold")
# Actions that bring a new customer to the window.
NEW_CUSTOMER = ("call", "walk_in", "resume")

EVENTS_EVERY_MS = 2000  # how often the dock asks the hall's event stream for news
STATUS_AT_LEAST_EVERY = dt.timedelta(seconds=20)  # figures reloaded at least this often


class QueueDock(QDockWidget):
    ticket_changed = Signal(object)  # queue.Ticket | None: the ticket this window now serves
    released = Signal(object, str)  # (queue.Ticket, action): the ticket left this window
    held_changed = Signal(object)  # list[queue.Ticket]: the tickets this window holds

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
        self.held: list[queue.Ticket] = []
        # Asked before a new customer comes to the window; False keeps the current one.
        self.may_start_new_customer: Callable[[], bool] = lambda: True

        self.ticket_label = QLabel("—")
        self.ticket_label.setObjectName("currentTicket")
        self.ticket_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.ticket_label.font()
        font.setPointSize(font.pointSize() + 14)
        font.setBold(True)
        self.ticket_label.setFont(font)
        self.state_label = QLabel(self.tr("No ticket"))
        self.state_label.setObjectName("ticketState")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel()
        self.hint.setObjectName("queueHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
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
                ("transfer", self.tr("Transfer to…"), ""),
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
                hotkey = QShortcut(QKeySequence(shortcut), parent or self)
                hotkey.activated.connect(lambda k=key: self.act(k))

        self.held_choice = QComboBox()
        self.held_choice.setObjectName("heldTickets")
        self.held_choice.setToolTip(self.tr("Tickets this window holds"))
        resume = QPushButton(self.tr("Resume held"))
        resume.setObjectName("queue_resume")
        resume.clicked.connect(lambda: self.act("resume"))
        self.buttons["resume"] = resume
        grid.addWidget(self.held_choice, 5, 0)
        grid.addWidget(resume, 5, 1)

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
        grid.addWidget(QLabel(self.tr("Pause reason")), 6, 0)
        grid.addWidget(self.pause_reason, 6, 1)
        self.rating: RatingWindow | None = None
        self.transfer_dialog: TransferDialog | None = None
        self.escape = QShortcut(QKeySequence("Esc"), parent or self)
        self.escape.activated.connect(self.close_rating)
        self.escape.setEnabled(False)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.ticket_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.hint)
        layout.addLayout(grid)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.setWidget(body)
        self._busy = False
        self._show_held()
        self._update_buttons()
        self.last_seq = 0  # the hall's event stream, followed from here
        self._polling = False
        self._status_at: dt.datetime | None = None  # when the figures were last asked for
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll_events)
        self.timer.start(EVENTS_EVERY_MS)
        QTimer.singleShot(0, self.refresh_counts)

    @property
    def recalls(self) -> int:
        """How often the current ticket has been recalled (as the centre counts)."""
        return self.current.recalls if self.current is not None else 0

    # -- buttons -----------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        state = self.current.state if self.current else None
        free = state in (None, "finished", "no_show", "waiting")
        enabled = {
            "call": free and not self.paused,
            "recall": state == "called",
            "start": state == "called",
            "finish": state == "serving",
            "no_show": state == "called" and self.recalls >= self.no_show_after,
            "return": state in ("called", "serving"),
            "hold": state == "serving",
            "transfer": state in ("called", "serving"),
            "walk_in": free and not self.paused,
            "pause": state is None,
            "resume": free and bool(self.held),
        }
        for key, button in self.buttons.items():
            button.setEnabled(enabled[key] and not self._busy)
        self._explain_no_show(state)

    def _explain_no_show(self, state: str | None) -> None:
        """Say why No-show is not available yet, on the button and under the ticket."""
        button = self.buttons["no_show"]
        missing = self.no_show_after - self.recalls
        if state == "called" and missing > 0:
            text = self.tr("Recall %1 more time(s) before a no-show.").replace("%1", str(missing))
            button.setToolTip(
                self.tr("A no-show needs %1 recalls first; %2 so far.")
                .replace("%1", str(self.no_show_after))
                .replace("%2", str(self.recalls))
            )
            self.hint.setText(text)
            self.hint.setVisible(True)
        else:
            button.setToolTip(
                self.tr("The customer did not come: close the ticket.")
                if state == "called"
                else self.tr("Possible for a called ticket, after %1 recalls.").replace(
                    "%1", str(self.no_show_after)
                )
            )
            self.hint.clear()
            self.hint.setVisible(False)

    # -- actions -----------------------------------------------------------------------------
    def act(self, action: str) -> None:
        if self._busy or not self.buttons[action].isEnabled():
            return
        if action in NEW_CUSTOMER and not self.may_start_new_customer():
            return
        if action == "transfer":
            self._ask_transfer()
            return
        if action in NEW_CUSTOMER:
            self.close_rating()  # the next customer is coming: the last one had their chance
        reason = None if self.paused else str(self.pause_reason.currentData())
        held = self.held_choice.currentData()
        self._run(action, reason=reason, held=int(held) if held is not None else None)

    def _ask_transfer(self) -> None:
        current = self.current
        if current is None:
            return
        windows = [int(n) for n in (self.settings.windows or {})]
        self.transfer_dialog = TransferDialog(
            self.ws, current.display, self.settings.categories, self.window_number, windows, self
        )
        self.transfer_dialog.accepted.connect(self._transfer_confirmed)
        self.transfer_dialog.open()

    def _transfer_confirmed(self) -> None:
        dialog = self.transfer_dialog
        self.transfer_dialog = None
        if dialog is None or self._busy or self.current is None:
            return
        self._run("transfer", category=dialog.chosen_category, window=dialog.chosen_window)

    def _run(
        self,
        action: str,
        *,
        reason: str | None = None,
        held: int | None = None,
        category: str | None = None,
        window: int | None = None,
    ) -> None:
        self._busy = True
        self._update_buttons()
        key = str(uuid.uuid4())  # one key per click: a repeated delivery claims nothing new
        current = self.current
        number = self.window_number
        categories = list(self.categories)
        aging_minutes = int(self.settings.aging.total_seconds() // 60)

        def run() -> queue.Ticket | None:
            centre = self.ws.centre
            if action == "pause":
                centre.set_paused(number, reason)
                return None
            if action == "walk_in":
                return centre.serve_walk_in(number)
            if action == "resume":
                assert held is not None
                return centre.resume_held(held, number)
            if action == "transfer":
                assert current is not None
                return centre.transfer(current.id, category=category, window=window)
            if action == "call":
                return centre.call_next(number, categories, key=key, aging_minutes=aging_minutes)
            assert current is not None
            event = {
                "recall": TicketEvent.RECALL,
                "start": TicketEvent.START,
                "finish": TicketEvent.FINISH,
                "no_show": TicketEvent.NO_SHOW,
                "return": TicketEvent.RETURN,
                "hold": TicketEvent.HOLD,
            }[action]
            return centre.ticket_event(current.id, event)

        Op(run, parent=self).success(lambda t: self._done(action, t)).failure(
            self._failed
        ).run_in_background()

    def _done(self, action: str, ticket: queue.Ticket | None) -> None:
        self._busy = False
        self.message.setText("")
        self.message.setStyleSheet("")
        if action == "call" and ticket is None:
            self.message.setText(self.tr("Nobody is waiting for this window."))
        if action == "pause":
            self.paused = not self.paused
            self.state_label.setText(self.tr("Paused") if self.paused else self.tr("No ticket"))
        if action == "finish" and ticket is not None:
            self._open_rating(ticket)
        if action == "transfer" and ticket is not None:
            self.message.setText(self.tr("%1 was transferred.").replace("%1", ticket.display))
        if action == "hold" and ticket is not None:
            self.held = [*self.held, ticket]
            self._show_held()
        if action == "resume" and ticket is not None:
            self.held = [t for t in self.held if t.id != ticket.id]
            self._show_held()
        if action in RELEASING and ticket is not None:
            self.released.emit(ticket, action)
        if action in RELEASING or action == "pause":
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
        self.message.setStyleSheet(ERROR_STYLE)

    # -- held tickets ------------------------------------------------------------------------
    def _show_held(self) -> None:
        chosen = self.held_choice.currentData()
        self.held_choice.clear()
        for ticket in self.held:
            self.held_choice.addItem(self.tr("%1 (held)").replace("%1", ticket.display), ticket.id)
        index = self.held_choice.findData(chosen)
        self.held_choice.setCurrentIndex(index if index >= 0 else 0)
        self.held_choice.setEnabled(bool(self.held))
        if not self.held:
            self.held_choice.setPlaceholderText(self.tr("No ticket on hold"))
        self.held_changed.emit(list(self.held))

    # -- the rating window -------------------------------------------------------------------
    def _open_rating(self, ticket: queue.Ticket) -> None:
        self.close_rating()
        if self.rating is not None:
            self.rating.deleteLater()  # the previous customer's, closed: not kept all day
        window = self.window()
        self.rating = RatingWindow(self.ws, ticket.id, window)
        self.rating.rated.connect(lambda _level: self._rating_closed())
        self.rating.dismissed.connect(self._rating_closed)
        self.rating.show_for_customer(window.screen())
        self.escape.setEnabled(True)

    def close_rating(self) -> None:
        """Close the rating window if it is open (no rating is recorded)."""
        rating = self.rating
        if rating is not None and rating.isVisible():
            rating.dismiss()
        self.escape.setEnabled(False)

    def _rating_closed(self) -> None:
        self.escape.setEnabled(False)

    # -- following the hall ------------------------------------------------------------------
    def poll_events(self) -> None:
        """Ask the hall's event stream for news (no waiting); reload the figures on news."""
        if self._polling:
            return
        self._polling = True
        after = self.last_seq
        Op(lambda: self.ws.centre.hall_events(after), parent=self).success(self._followed).failure(
            self._poll_failed
        ).run_in_background()

    def _followed(self, page: HallEvents) -> None:
        self._polling = False
        self.last_seq = page.last_seq
        stale = (
            self._status_at is None or dt.datetime.now() - self._status_at >= STATUS_AT_LEAST_EVERY
        )
        if page.events or page.snapshot is not None or stale:
            self.refresh_counts()

    def _poll_failed(self, exc: BaseException) -> None:
        self._polling = False
        self._offline()

    def _offline(self) -> None:
        self.waiting_label.setText(
            self.tr("Queue offline: the central database cannot be reached.")
        )

    # -- figures -----------------------------------------------------------------------------
    def refresh_counts(self) -> None:
        window = self.window_number
        self._status_at = dt.datetime.now()
        Op(lambda: self.ws.centre.window_status(window), parent=self).success(
            self._show_counts
        ).failure(lambda exc: self._offline()).run_in_background()

    def _show_counts(self, status: WindowStatus) -> None:
        counts, mine, longest, held = (
            status.waiting,
            status.figures,
            status.longest_wait,
            status.held,
        )
        if not self._busy and [t.id for t in held] != [t.id for t in self.held]:
            self.held = held
            self._show_held()
            self._update_buttons()
        parts = [
            f"{queue_category_label(self.ws.config.queue, code)} {counts.get(code, 0)}"
            for code in self.categories
        ]
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
