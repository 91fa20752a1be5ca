"""今日业务 — the cases accepted in this hall today, as this workstation knows them."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from counter_app.services.queries import CaseSummary, cases_today
from counter_app.services.workstation import Workstation
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import case_status_label
from counter_app.ui.table_model import Column, RecordTableModel


class CasesTab(QWidget):
    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.model: RecordTableModel[CaseSummary] = RecordTableModel(
            [
                Column(self.tr("Time"), lambda c: f"{c.accepted_at:%H:%M:%S}"),
                Column(self.tr("Case no."), lambda c: c.case_no or self.tr("pending")),
                Column(self.tr("Business"), lambda c: c.summary),
                Column(self.tr("Window"), lambda c: str(c.window_number)),
                Column(self.tr("Teller"), lambda c: c.accepted_by),
                Column(self.tr("State"), lambda c: case_status_label(c.status)),
            ],
            parent=self,
        )
        self.view = QTableView()
        self.view.setObjectName("casesView")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        QVBoxLayout(self).addWidget(self.view)

    def refresh(self) -> None:
        Op(lambda: cases_today(self.ws), parent=self).success(self._show).run_in_background()

    def _show(self, cases: list[CaseSummary]) -> None:
        self.model.set_records(cases)
        self.view.resizeColumnsToContents()
