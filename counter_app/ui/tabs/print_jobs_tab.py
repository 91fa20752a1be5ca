"""打印记录 — every print job of this workstation, newest first; a failed one can be sent again.

Each job shows its document, its reference (a case number rather than the internal case
id), its state — queued, printed (with the number of attempts when it took more than one),
failed with the reason in words a teller can act on (the printer's own message is the
tooltip) — and whether it was a reprint (补打) with the authorizing supervisor. The list
refreshes whenever the tab is shown, so a job printed a moment ago is there.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from counter_app.client.workstation import Workstation
from counter_app.printing.jobs import JobStatus, PrintJob, failure_reason
from counter_app.services.document_printing import SYSTEM_PRINTER, DocumentPrinter
from counter_app.services.queries import case_numbers, display_names
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import document_label, print_failure_text, print_state_label
from counter_app.ui.table_model import Column, RecordTableModel, replace_keeping_selection

_COLOURS = {JobStatus.FAILED.value: "#b00020", JobStatus.QUEUED.value: "#a15c00"}


class PrintJobsTab(QWidget):
    retried = Signal(object)  # PrintJob

    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printer = DocumentPrinter(ws)
        self.names: dict[str, str] = {}
        self.cases: dict[str, str | None] = {}  # a reference that is a case id → case number
        self.model: RecordTableModel[PrintJob] = RecordTableModel(
            [
                Column(self.tr("Time"), lambda j: f"{j.created_at:%m-%d %H:%M:%S}"),
                Column(self.tr("Document"), lambda j: document_label(j.document_kind)),
                Column(self.tr("Reference"), self._reference),
                Column(self.tr("Printer"), self._printer),
                Column(self.tr("State"), self._state),
                Column(self.tr("Reprint authorized by"), self._reprint),
                Column(
                    self.tr("Reason"),
                    lambda j: print_failure_text(failure_reason(j.last_error)),
                    tooltip=lambda j: j.last_error or "",
                ),
            ],
            colour=lambda j: _COLOURS.get(j.status),
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
        self.message.setObjectName("printJobsMessage")
        top = QHBoxLayout()
        top.addWidget(self.message, 1)
        top.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def _reference(self, job: PrintJob) -> str:
        if job.reference in self.cases:
            return self.cases[job.reference] or self.tr("case number pending")
        return job.reference

    def _printer(self, job: PrintJob) -> str:
        return self.tr("System printer") if job.printer == SYSTEM_PRINTER else job.printer

    def _state(self, job: PrintJob) -> str:
        label = print_state_label(job.status)
        if job.status == JobStatus.PRINTED and job.attempts > 1:
            return self.tr("%1 (attempt %2)").replace("%1", label).replace("%2", str(job.attempts))
        return label

    def _reprint(self, job: PrintJob) -> str:
        if not job.is_reprint:
            return ""
        if not job.authorized_by:
            return self.tr("Reprint (no authorization needed)")
        return self.names.get(job.authorized_by, job.authorized_by)

    def _selected(self) -> PrintJob | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        job = self._selected()
        self.retry_button.setEnabled(
            job is not None and job.status == JobStatus.FAILED and job.printer != SYSTEM_PRINTER
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        ws, store = self.printer.ws, self.printer.store

        def fetch() -> tuple[list[PrintJob], dict[str, str], dict[str, str | None]]:
            jobs = store.recent()
            return jobs, display_names(ws), case_numbers(ws, (j.reference for j in jobs))

        Op(fetch, parent=self).success(self._show).run_in_background()

    def _show(self, result: tuple[list[PrintJob], dict[str, str], dict[str, str | None]]) -> None:
        jobs, self.names, self.cases = result
        replace_keeping_selection(self.view, self.model, jobs, lambda j: j.id)
        self._selection_changed()
        self.view.resizeColumnsToContents()
        failed = sum(1 for j in jobs if j.status == JobStatus.FAILED)
        self.message.setText(
            self.tr("%1 job(s), %2 failed and waiting")
            .replace("%1", str(len(jobs)))
            .replace("%2", str(failed))
        )

    def retry_selected(self) -> None:
        job = self._selected()
        if job is None or job.status != JobStatus.FAILED:
            return
        self.retry_button.setEnabled(False)
        Op(lambda: self.printer.retry(job.id), parent=self).success(self._retried).failure(
            lambda exc: self.message.setText(describe(exc))
        ).run_in_background()

    def _retried(self, job: PrintJob) -> None:
        self.retried.emit(job)
        self.refresh()
