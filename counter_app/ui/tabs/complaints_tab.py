"""投诉建议答复 — a supervisor answers the hall's open complaints, suggestions and praise.

The list comes from this workstation's cache (complaints travel to every window of the hall
through the journal), the earliest due first; one past its due date — the catalogue's time
limit in working days from the day it was received — is shown in red. Answering sends
``service.complaint_answer`` as the supervisor logged in here: the command bus checks the
permission to approve cases, and the centre checks it again. Built as
``ComplaintsTab(ws, user, parent=None, context=None)``; with the window's ``CustomerContext``
the list follows every sync.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.client.workstation import Workstation
from counter_app.domain.people import StaffUser
from counter_app.domain.roles import Permission, permissions_of
from counter_app.items.complaint import ANSWER_KIND
from counter_app.services.command_bus import Accepted
from counter_app.services.service_items import ComplaintRecord, answer_complaint, open_complaints
from counter_app.ui.customer_context import CustomerContext, Outcome
from counter_app.ui.item_forms.generic_form import ERROR_COLOUR, OK_COLOUR, refusal_text
from counter_app.ui.ops import Op
from counter_app.ui.table_model import Column, RecordTableModel, replace_keeping_selection


class ComplaintsTab(QWidget):
    answered = Signal(str)  # the complaint's id

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        parent: QWidget | None = None,
        *,
        context: CustomerContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.context = context
        kinds = {
            "complaint": self.tr("Complaint"),
            "suggestion": self.tr("Suggestion"),
            "praise": self.tr("Praise"),
        }
        abouts = {
            "window": self.tr("Window"),
            "teller": self.tr("Teller"),
            "item": self.tr("Item"),
        }
        self.model: RecordTableModel[ComplaintRecord] = RecordTableModel(
            [
                Column(self.tr("Case"), lambda c: c.case_no or self.tr("(number pending)")),
                Column(self.tr("Kind"), lambda c: kinds.get(c.kind, "")),
                Column(
                    self.tr("About"),
                    lambda c: f"{abouts.get(c.about, '')} {c.about_detail}".strip(),
                ),
                Column(self.tr("Received"), lambda c: f"{c.received_at:%Y-%m-%d %H:%M}"),
                Column(self.tr("Received by"), lambda c: c.received_by_name),
                Column(self.tr("Due"), self._due_text),
                Column(self.tr("Contact"), lambda c: f"{c.contact_name} {c.contact_phone}".strip()),
                Column(self.tr("What the customer says"), lambda c: c.content, lambda c: c.content),
            ],
            colour=lambda c: ERROR_COLOUR if c.overdue(dt.date.today()) else None,
            parent=self,
        )
        self.view = QTableView()
        self.view.setObjectName("complaintsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.answer = QPlainTextEdit()
        self.answer.setObjectName("complaintAnswer")
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(self.tr("The answer given to the customer (mandatory)"))
        self.answer.setFixedHeight(self.answer.fontMetrics().lineSpacing() * 4 + 12)
        self.answer_button = QPushButton(self.tr("Answer"))
        self.answer_button.setObjectName("answerComplaint")
        self.answer_button.clicked.connect(self.answer_selected)
        allowed = Permission.APPROVE_CASES in permissions_of(user.role)
        self.answer_button.setEnabled(allowed)
        self.message = QLabel()
        self.message.setObjectName("complaintsMessage")
        self.message.setWordWrap(True)
        if not allowed:
            self.message.setText(self.tr("Only a supervisor answers complaints."))
        row = QHBoxLayout()
        row.addWidget(self.answer, 1)
        row.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        if context is not None:
            context.reported.connect(self._reported)

    def _due_text(self, complaint: ComplaintRecord) -> str:
        text = complaint.due.date.isoformat()
        if complaint.overdue(dt.date.today()):
            return self.tr("%1 (overdue)").replace("%1", text)
        if complaint.due.provisional:
            return self.tr("%1 (provisional)").replace("%1", text)
        return text

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _reported(self, outcome: Outcome) -> None:
        if outcome.what in ("sync", "complaint"):
            self.refresh()

    def refresh(self) -> None:
        Op(lambda: open_complaints(self.ws), parent=self).success(self._show).failure(
            lambda exc: self._say(refusal_text(exc, ANSWER_KIND), ERROR_COLOUR)
        ).run_in_background()

    def _show(self, complaints: list[ComplaintRecord]) -> None:
        """Replace the rows, keeping the supervisor's selection across the refresh."""
        replace_keeping_selection(self.view, self.model, complaints, lambda c: c.id)

    def _say(self, text: str, colour: str | None = None) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour};" if colour else "")

    def answer_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("Select a complaint first."), ERROR_COLOUR)
            return
        complaint = self.model.record(rows[0].row()).id
        text = self.answer.toPlainText()
        if not text.strip():
            self._say(self.tr("Enter the answer given to the customer."), ERROR_COLOUR)
            return
        self.answer_button.setEnabled(False)
        Op(
            lambda: answer_complaint(self.ws, self.user.username, complaint, text), parent=self
        ).success(lambda accepted: self._answered(complaint, accepted)).failure(
            self._refused
        ).run_in_background()

    def _answered(self, complaint: str, accepted: Accepted) -> None:
        self.answer_button.setEnabled(True)
        self.answer.clear()
        self._say(self.tr("Answered; the central database will confirm it."), OK_COLOUR)
        self.answered.emit(complaint)
        if self.context is not None:
            self.context.report(Outcome("complaint_answer", command_uuid=accepted.command_uuid))
        self.refresh()

    def _refused(self, exc: BaseException) -> None:
        self.answer_button.setEnabled(True)
        self._say(refusal_text(exc, ANSWER_KIND), ERROR_COLOUR)
