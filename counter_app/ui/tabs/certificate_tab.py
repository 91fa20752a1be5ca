"""参保证明 — issue a proof of insurance through the centre, preview it, print or reprint it.

The subject follows the window's ``CustomerContext``: the identified person for a personal
proof, the employer being dealt with for an employer proof, nothing after a new customer.
Any earlier certificate can be reprinted (补打) — found among the customer's or today's
certificates, or by its verification code — always with a supervisor's authorization.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from typing import Any

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

from counter_app.catalogue.schema import Item
from counter_app.client.workstation import Workstation
from counter_app.domain.commands import new_command_id
from counter_app.domain.people import StaffUser
from counter_app.printing import documents
from counter_app.printing.layout import Doc
from counter_app.services.certificates import (
    EMPLOYER,
    PERSONAL,
    IssuedCertificate,
    issue_certificate,
)
from counter_app.services.counter_lookups import CertificateRecord
from counter_app.services.document_printing import DocumentPrinter, office
from counter_app.ui.authorize_dialog import AuthorizeDialog
from counter_app.ui.customer_context import Change, CustomerContext, Outcome
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.reprint_dialog import ReprintDialog
from counter_app.ui.verify_dialog import VerifyDialog


class CertificateTab(QWidget):
    issued = Signal(object)  # IssuedCertificate

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        context: CustomerContext | None = None,
        item: Item | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._request: tuple[tuple[str, str, int], str] | None = None
        self.ws = ws
        self.user = user
        self.window_number = window_number
        self.context = context if context is not None else CustomerContext(self)
        self.context.changed.connect(self._context_changed)
        self.printer = DocumentPrinter(ws)
        self.last: Doc | None = None
        self.last_code = ""
        self.reprint_dialog: ReprintDialog | None = None
        self.authorize_dialog: AuthorizeDialog | None = None

        self.kind = QComboBox()
        self.kind.setObjectName("certificateKind")
        self.kind.addItem(self.tr("Personal proof of insurance"), PERSONAL)
        self.kind.addItem(self.tr("Employer proof of insurance"), EMPLOYER)
        if item is not None and item.subject == "employer":  # the employer's proof item
            self.kind.setCurrentIndex(self.kind.findData(EMPLOYER))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.subject = QLineEdit()
        self.subject.setObjectName("certificateSubject")
        self.subject.setPlaceholderText(self.tr("ID number or credit code"))
        self.issue_button = QPushButton(self.tr("Issue and preview"))
        self.issue_button.setObjectName("issueCertificate")
        self.issue_button.clicked.connect(self.issue)
        self.reprint_button = QPushButton(self.tr("Reprint… (needs authorization)"))
        self.reprint_button.setObjectName("reprintCertificate")
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

    # -- the customer context --------------------------------------------------------------
    def _context_value(self, kind: str) -> str:
        value = self.context.id_number if kind == PERSONAL else self.context.employer_code
        return value or ""

    def _context_changed(self, change: Change) -> None:
        if change is Change.NEW_CUSTOMER:
            self.subject.clear()
            self.result.clear()
            self.result.setStyleSheet("")
            self.last = None
            self.last_code = ""
        elif change is Change.PERSON and self.kind.currentData() == PERSONAL:
            self.subject.setText(self._context_value(PERSONAL))
        elif change is Change.EMPLOYER and self.kind.currentData() == EMPLOYER:
            self.subject.setText(self._context_value(EMPLOYER))

    def _kind_changed(self) -> None:
        """Switching the kind puts the customer's matching subject in, unless one was typed."""
        kind = str(self.kind.currentData())
        other = EMPLOYER if kind == PERSONAL else PERSONAL
        typed = self.subject.text().strip()
        if not typed or typed == self._context_value(other):
            self.subject.setText(self._context_value(kind))

    # -- issue -----------------------------------------------------------------------------
    def issue(self) -> None:
        if not self.issue_button.isEnabled():
            return
        kind, subject = str(self.kind.currentData()), self.subject.text()
        self.issue_button.setEnabled(False)
        self.result.setText(self.tr("Asking the central service…"))
        self.result.setStyleSheet("")
        serial = self.context.serial
        # The same request (kind, subject, customer) keeps its id until it succeeds, so a
        # retry after a lost answer gets the first certificate back instead of a second one.
        key = (kind, subject.strip(), serial)
        if self._request is None or self._request[0] != key:
            self._request = (key, new_command_id())
        request_id = self._request[1]

        def run() -> tuple[IssuedCertificate, Doc]:
            issued = issue_certificate(self.ws, self.user.username, kind, subject, request_id)
            return issued, self.document_for(issued.kind, issued.content, issued.code)

        Op(run, parent=self).success(lambda r: self._issued(r, serial)).failure(
            self._refused
        ).run_in_background()

    def document_for(
        self, kind: str, content: dict[str, Any], code: str, when: dt.datetime | None = None
    ) -> Doc:
        """The printable proof (reads the hall's name from the cache: call on the worker)."""
        build = (
            documents.proof_of_insurance_personal
            if kind == PERSONAL
            else documents.proof_of_insurance_employer
        )
        where = office(self.ws, self.window_number, self.user.display_name)
        return build(where, content, code, when or dt.datetime.now())

    def _issued(self, result: tuple[IssuedCertificate, Doc], serial: int) -> None:
        issued, doc = result
        self.issue_button.setEnabled(True)
        self._request = None  # issued: the next request is a new one
        changed = (
            Outcome("certificate", id_numbers=frozenset({issued.subject}))
            if issued.kind == PERSONAL
            else Outcome("certificate", employer_codes=frozenset({issued.subject}))
        )
        self.issued.emit(issued)
        self.context.report(changed)
        self.last, self.last_code = doc, issued.code
        if issued.kind == EMPLOYER and serial == self.context.serial:
            self.context.set_employer(issued.subject)  # the employer being dealt with
        self.result.setText(
            self.tr("Issued with verification code %1 (journal entry %2).")
            .replace("%1", issued.code)
            .replace("%2", str(issued.journal_seq))
        )
        self.result.setStyleSheet("color: #1b7f3b;")
        self.preview(doc)

    def _refused(self, exc: BaseException) -> None:
        self.issue_button.setEnabled(True)
        self.result.setText(describe(exc))
        self.result.setStyleSheet("color: #b00020;")

    def preview(
        self, doc: Doc, authorized_by: str | None = None, reference: str | None = None
    ) -> PrintPreviewDialog:
        dialog = PrintPreviewDialog(
            doc, self.printer, reference or self.last_code, authorized_by, self
        )
        dialog.open()
        return dialog

    # -- reprint ---------------------------------------------------------------------------
    def reprint(self) -> None:
        """Choose an earlier certificate, have a supervisor authorize, preview the 补打."""
        subject = self.context.id_number or self.context.employer_code
        self.reprint_dialog = ReprintDialog(self.ws, subject, self)
        self.reprint_dialog.accepted.connect(self._reprint_chosen)
        self.reprint_dialog.open()

    def _reprint_chosen(self) -> None:
        dialog = self.reprint_dialog
        if dialog is None or dialog.chosen is None:
            return
        record = dialog.chosen
        self.reprint_dialog = None
        reason = self.tr("A reprint of certificate %1 needs a supervisor.").replace(
            "%1", record.code
        )
        bound_to = f"reprint:{record.code}:{uuid.uuid4()}"[:100]
        self.authorize_dialog = AuthorizeDialog(self.ws, reason, bound_to, self)
        self.authorize_dialog.accepted.connect(lambda: self._reprint_authorized(record))
        self.authorize_dialog.open()

    def _reprint_authorized(self, record: CertificateRecord) -> None:
        authorize = self.authorize_dialog
        self.authorize_dialog = None
        if authorize is None or not authorize.authorized_by:
            return
        supervisor = authorize.authorized_by

        def show(doc: Doc) -> None:
            self.preview(replace(doc, reprint=True), supervisor, record.code)

        Op(
            lambda: self.document_for(record.kind, record.content, record.code, record.issued_at),
            parent=self,
        ).success(show).failure(self._refused).run_in_background()
