"""今日业务 — everything done in this hall today, as this workstation knows it, newest first.

Cases (个人参保登记 …) and the certificates issued (参保证明) side by side, with a type column
saying which is which; each row names what was done, its number (case number or verification
code), the customer, the window, the teller and the state.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from counter_app.client.workstation import Workstation
from counter_app.services.queries import BusinessItem, business_today
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import business_label, business_status_label, business_type_label
from counter_app.ui.table_model import Column, RecordTableModel


class CasesTab(QWidget):
    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.model: RecordTableModel[BusinessItem] = RecordTableModel(
            [
                Column(self.tr("Time"), lambda b: f"{b.at:%H:%M:%S}"),
                Column(self.tr("Type"), lambda b: business_type_label(b.type)),
                Column(self.tr("Business"), business_label),
                Column(self.tr("Number"), lambda b: b.reference or self.tr("pending")),
                Column(self.tr("Customer"), lambda b: b.subject_name),
                Column(self.tr("Window"), lambda b: str(b.window_number or "—")),
                Column(self.tr("Teller"), lambda b: b.actor_name, tooltip=lambda b: b.actor),
                Column(self.tr("State"), business_status_label),
            ],
            parent=self,
        )
        self.view = QTableView()
        self.view.setObjectName("casesView")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        QVBoxLayout(self).addWidget(self.view)

    def refresh(self) -> None:
        Op(lambda: business_today(self.ws), parent=self).success(self._show).run_in_background()

    def _show(self, items: list[BusinessItem]) -> None:
        self.model.set_records(items)
        self.view.resizeColumnsToContents()
