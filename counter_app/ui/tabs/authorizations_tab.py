"""Offline authorizations — a supervisor confirms what was authorized while the centre was away.

An authorization given while the workstation could not reach the central service was checked
only against the workstation's cache; the centre records it when the command it authorized
arrives and lists it here (when, at which workstation, for whom, by which supervisor, for
what) until a supervisor of the hall confirms it. The list and the confirmation go through
the service on the supervisor's session; the service checks the role it records.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from counter_app.client.workstation import Workstation
from counter_app.services.central_port import OfflineAuthorization
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op
from counter_app.ui.table_model import Column, RecordTableModel, replace_keeping_selection


class AuthorizationsTab(QWidget):
    confirmed = Signal(str)

    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.model: RecordTableModel[OfflineAuthorization] = RecordTableModel(
            [
                Column(self.tr("Time"), lambda a: f"{a.created_at:%Y-%m-%d %H:%M}"),
                Column(self.tr("Workstation"), lambda a: a.workstation_id),
                Column(self.tr("Teller"), lambda a: a.requested_by),
                Column(self.tr("Supervisor"), lambda a: a.supervisor),
                Column(self.tr("What"), lambda a: a.detail or a.purpose),
            ],
            parent=self,
        )
        self.view = QTableView()
        self.view.setObjectName("offlineAuthorizationsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.confirm_button = QPushButton(self.tr("Confirm"))
        self.confirm_button.setObjectName("confirmAuthorization")
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.message = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Authorizations given while the centre was unreachable")))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.confirm_button)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        Op(lambda: self.ws.centre.offline_authorizations(), parent=self).success(
            self._show
        ).failure(lambda exc: self.message.setText(describe(exc))).run_in_background()

    def _show(self, authorizations: list[OfflineAuthorization]) -> None:
        """Replace the rows, keeping the supervisor's selection across the refresh."""
        replace_keeping_selection(self.view, self.model, authorizations, lambda a: a.id)

    def confirm_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("Select an authorization first."))
            return
        authorization = self.model.record(rows[0].row()).id

        def run() -> str:
            # On the session of the user logged in here: the centre checks their role itself.
            self.ws.centre.confirm_authorization(authorization)
            return authorization

        Op(run, parent=self).success(self._confirmed).failure(
            lambda exc: self.message.setText(describe(exc))
        ).run_in_background()

    def _confirmed(self, authorization: str) -> None:
        self.message.setText(self.tr("Confirmed."))
        self.confirmed.emit(authorization)
        self.refresh()
