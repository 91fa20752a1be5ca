"""打印记录 — every print job of this workstation; a failed one can be sent again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from counter_app.printing.jobs import PrintJob
from counter_app.services.document_printing import DocumentPrinter
from counter_app.services.workstation import Workstation
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op
from counter_app.ui.table_model import Column, RecordTableModel, replace_keeping_selection


class PrintJobsTab(QWidget):
    retried = Signal(object)  # PrintJob

    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printer = DocumentPrinter(ws)
        self.model: RecordTableModel[PrintJob] = RecordTableModel(
            [
                Column(self.tr("Time"), lambda j: f"{j.created_at:%m-%d %H:%M:%S}"),
                Column(self.tr("Document"), lambda j: j.document_kind),
                Column(self.tr("Printer"), lambda j: j.printer),
                Column(self.tr("Reference"), lambda j: j.reference),
                Column(self.tr("Reprint"), lambda j: j.authorized_by or "" if j.is_reprint else ""),
                Column(self.tr("State"), lambda j: self._state(j)),
                Column(self.tr("Last error"), lambda j: j.last_error or ""),
            ],
            colour=lambda j: "#b00020" if j.status == "failed" else None,
            parent=self,
        )
        self.view = QTableView()
        self.view.setObjectName("printJobsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.retry_button = QPushButton(self.tr("Print again"))
        self.retry_button.setObjectName("retryPrint")
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self.retry_selected)
        self.message = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.message, 1)
        top.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def _state(self, job: PrintJob) -> str:
        return {
            "printed": self.tr("Printed"),
            "failed": self.tr("Failed"),
            "queued": self.tr("Queued"),
        }.get(job.status, job.status)

    def _selected(self) -> PrintJob | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        job = self._selected()
        self.retry_button.setEnabled(job is not None and job.status == "failed")

    def refresh(self) -> None:
        Op(lambda: self.printer.store.recent(), parent=self).success(self._show).run_in_background()

    def _show(self, jobs: list[PrintJob]) -> None:
        replace_keeping_selection(self.view, self.model, jobs, lambda j: j.id)
        self.view.resizeColumnsToContents()
        failed = sum(1 for j in jobs if j.status == "failed")
        self.message.setText(self.tr("%1 failed job(s) waiting").replace("%1", str(failed)))

    def retry_selected(self) -> None:
        job = self._selected()
        if job is None or job.status != "failed":
            return
        self.retry_button.setEnabled(False)
        Op(lambda: self.printer.retry(job.id), parent=self).success(self._retried).failure(
            lambda exc: self.message.setText(describe(exc))
        ).run_in_background()

    def _retried(self, job: PrintJob) -> None:
        self.retried.emit(job)
        self.refresh()
