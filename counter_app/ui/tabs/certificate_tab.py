"""参保证明 — issue a proof of insurance through the centre, preview it, print or reprint it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.people import StaffUser
from counter_app.printing import documents
from counter_app.printing.layout import Doc
from counter_app.services.certificates import (
    EMPLOYER,
    PERSONAL,
    IssuedCertificate,
    issue_certificate,
)
from counter_app.services.document_printing import DocumentPrinter, office
from counter_app.services.workstation import Workstation
from counter_app.ui.authorize_dialog import AuthorizeDialog
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.verify_dialog import VerifyDialog


class CertificateTab(QWidget):
    issued = Signal(object)  # IssuedCertificate

    def __init__(
        self, ws: Workstation, user: StaffUser, window_number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.window_number = window_number
        self.printer = DocumentPrinter(ws)
        self.last: Doc | None = None
        self.last_code = ""

        self.kind = QComboBox()
        self.kind.setObjectName("certificateKind")
        self.kind.addItem(self.tr("Personal proof of insurance"), PERSONAL)
        self.kind.addItem(self.tr("Employer proof of insurance"), EMPLOYER)
        self.subject = QLineEdit()
        self.subject.setObjectName("certificateSubject")
        self.subject.setPlaceholderText(self.tr("ID number or credit code"))
        self.issue_button = QPushButton(self.tr("Issue and preview"))
        self.issue_button.setObjectName("issueCertificate")
        self.issue_button.clicked.connect(self.issue)
        self.reprint_button = QPushButton(self.tr("Reprint (needs authorization)"))
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self.reprint)
        self.verify_button = QPushButton(self.tr("Verify a code…"))
        self.verify_button.clicked.connect(lambda: VerifyDialog(self.ws, self).exec())
        self.result = QLabel()
        self.result.setObjectName("certificateResult")
        self.result.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Certificate"), self.kind)
        form.addRow(self.tr("For"), self.subject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.issue_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def prefill(self, id_number: str) -> None:
        if not self.subject.text():
            self.subject.setText(id_number)

    def issue(self) -> None:
        if not self.issue_button.isEnabled():
            return
        kind, subject = str(self.kind.currentData()), self.subject.text()
        self.issue_button.setEnabled(False)
        self.result.setText(self.tr("Asking the central database…"))
        self.result.setStyleSheet("")

        def run() -> tuple[IssuedCertificate, Doc]:
            issued = issue_certificate(self.ws, self.user.username, kind, subject)
            return issued, self.document_for(issued)

        Op(run, parent=self).success(self._issued).failure(self._refused).run_in_background()

    def document_for(self, issued: IssuedCertificate) -> Doc:
        """The printable proof (reads the hall's name from the cache: call on the worker)."""
        build = (
            documents.proof_of_insurance_personal
            if issued.kind == PERSONAL
            else documents.proof_of_insurance_employer
        )
        where = office(self.ws, self.window_number, self.user.display_name)
        return build(where, issued.content, issued.code, dt.datetime.now())

    def _issued(self, result: tuple[IssuedCertificate, Doc]) -> None:
        issued, self.last = result
        self.issue_button.setEnabled(True)
        self.last_code = issued.code
        self.reprint_button.setEnabled(True)
        self.result.setText(
            self.tr("Issued with verification code %1 (journal entry %2).")
            .replace("%1", issued.code)
            .replace("%2", str(issued.journal_seq))
        )
        self.result.setStyleSheet("color: #1b7f3b;")
        self.issued.emit(issued)
        self.preview(self.last)

    def _refused(self, exc: BaseException) -> None:
        self.issue_button.setEnabled(True)
        self.result.setText(describe(exc))
        self.result.setStyleSheet("color: #b00020;")

    def preview(self, doc: Doc, authorized_by: str | None = None) -> PrintPreviewDialog:
        dialog = PrintPreviewDialog(doc, self.printer, self.last_code, authorized_by, self)
        dialog.open()
        return dialog

    def reprint(self) -> None:
        if self.last is None:
            return
        dialog = AuthorizeDialog(self.ws, self.tr("A reprint (补打) needs a supervisor."), self)
        if dialog.exec() and dialog.authorized_by:
            self.preview(replace(self.last, reprint=True), dialog.authorized_by)
