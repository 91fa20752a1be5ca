"""差评回访 — a supervisor closes each bad rating's follow-up with a note of what was done.

Each follow-up is named by the ticket number the customer held (and its day), the window and
the teller, so the supervisor can find the service in question. The list and the closing go
through the central service on the supervisor's session; the service checks the role it
records for that user, not the one this workstation knows.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.client.workstation import Workstation
from counter_app.domain.people import StaffUser
from counter_app.services.queue import FollowUp
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import rating_label
from counter_app.ui.table_model import Column, RecordTableModel, replace_keeping_selection


class FollowUpsTab(QWidget):
    closed = Signal(int)

    def __init__(self, ws: Workstation, user: StaffUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.model: RecordTableModel[FollowUp] = RecordTableModel(
            [
                Column(self.tr("Ticket"), lambda f: f.ticket),
                Column(self.tr("Day"), lambda f: f.business_day.isoformat()),
                Column(self.tr("Window"), lambda f: str(f.window)),
                Column(self.tr("Teller"), lambda f: f.teller_name or f.teller or ""),
                Column(self.tr("Rating"), lambda f: rating_label(f.level)),
                Column(self.tr("Rated at"), lambda f: f"{f.opened_at:%Y-%m-%d %H:%M}"),
            ],
            parent=self,
        )
        self.view = QTableView()
        self.view.setObjectName("followUpsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.note = QLineEdit()
        self.note.setObjectName("followUpNote")
        self.note.setPlaceholderText(self.tr("What was done (mandatory)"))
        self.close_button = QPushButton(self.tr("Close follow-up"))
        self.close_button.clicked.connect(self.close_selected)
        self.message = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        Op(lambda: self.ws.centre.open_follow_ups(), parent=self).success(self._show).failure(
            lambda exc: self.message.setText(describe(exc))
        ).run_in_background()

    def _show(self, follow_ups: list[FollowUp]) -> None:
        """Replace the rows, keeping the supervisor's selection across the refresh."""
        replace_keeping_selection(self.view, self.model, follow_ups, lambda f: f.id)

    def close_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("Select a follow-up first."))
            return
        follow_up = self.model.record(rows[0].row()).id
        note = self.note.text()

        def run() -> int:
            # On the session of the user logged in here: the centre checks their role itself.
            self.ws.centre.close_follow_up(follow_up, note)
            return follow_up

        Op(run, parent=self).success(self._closed).failure(
            lambda exc: self.message.setText(describe(exc))
        ).run_in_background()

    def _closed(self, follow_up: int) -> None:
        self.note.clear()
        self.message.setText(self.tr("Closed."))
        self.closed.emit(follow_up)
        self.refresh()
