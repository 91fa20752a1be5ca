"""参保证明 — issue a proof of insurance through the centre, preview it, print or reprint it.

The subject follows the window's ``CustomerContext``: the identified person for a personal
proof, the employer being dealt with for an employer proof, nothing after a new customer.
Any earlier certificate can be reprinted (补打) — found among the customer's or today's
certificates, or by its verification code — always with a supervisor's authorization.

The materials checklist is the catalogue item's (CERT-PERSON or CERT-EMPLOYER, following the
kind chosen): while a mandatory material is missing (the ID card was not shown, an employer's
letter of introduction is not there) no certificate is issued; the one-time notification
(一次性告知书) listing what is missing is offered instead. Every new customer starts with an
empty checklist.
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

from counter_app.catalogue.load import shipped_catalogue
from counter_app.catalogue.schema import Catalogue, Item
from counter_app.client.workstation import Workstation
from counter_app.domain.commands import new_command_id
from counter_app.domain.people import StaffUser
from counter_app.items.certificate_issue import KIND
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
from counter_app.ui.item_forms.generic_form import IntakeOutcome
from counter_app.ui.item_forms.materials import MaterialsChecklist
from counter_app.ui.item_forms.notice_button import NoticeButton
from counter_app.ui.ops import Op
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.reprint_dialog import ReprintDialog
from counter_app.ui.roles_text import text_of
from counter_app.ui.verify_dialog import VerifyDialog


def proof_items(catalogue: Catalogue, item: Item | None = None) -> dict[str, Item]:
    """The catalogue items of the two proofs by certificate kind (``item``, the one the tab
    was opened for, counts for its own kind; a kind ``catalogue`` lacks is the shipped one's,
    which the centre refuses for a version without it)."""
    found: dict[str, Item] = {}
    for source in (catalogue, shipped_catalogue()):
        for candidate in source.items:
            if candidate.handler == KIND:
                kind = PERSONAL if candidate.subject == "person" else EMPLOYER
                found.setdefault(kind, candidate)
    if item is not None:
        found[PERSONAL if item.subject == "person" else EMPLOYER] = item
    return found


class CertificateTab(QWidget):
    issued = Signal(object)  # IssuedCertificate
    takes_catalogue = True  # the window passes the catalogue the tab is built from

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        context: CustomerContext | None = None,
        item: Item | None = None,
        parent: QWidget | None = None,
        *,
        catalogue: Catalogue | None = None,
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

        # The materials of the kind chosen; the one-time notification while one is missing.
        catalogue = catalogue or shipped_catalogue()
        self.catalogue_version = catalogue.version  # a notification's case records it
        self.proof_items = proof_items(catalogue, item)
        self.materials = MaterialsChecklist(self._kind_items())
        self.materials.changed.connect(self._materials_changed)
        self.notice_outcome = IntakeOutcome(ws, user, window_number, self.context)
        self.notice_button = NoticeButton(
            self.proof_items[str(self.kind.currentData())],
            self.materials,
            self.context,
            self.notice_outcome,
            subject=self._notice_subject,
            credit_code=self._notice_credit_code,
            catalogue_version=self.catalogue_version,
        )

        form = QFormLayout()
        form.addRow(self.tr("Certificate"), self.kind)
        form.addRow(self.tr("For"), self.subject)
        # Issuing (or the notification) first; reprint and verify on a row of their own, so
        # the tab stays narrow enough for a small screen at 150 %.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.notice_button)
        buttons.addWidget(self.issue_button)
        others = QHBoxLayout()
        others.addStretch(1)
        others.addWidget(self.verify_button)
        others.addWidget(self.reprint_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.materials)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.notice_outcome)
        layout.addLayout(others)
        layout.addStretch(1)
        self._materials_changed()
        self._baseline = self._snapshot()

    # -- materials --------------------------------------------------------------------------
    @property
    def catalogue_item(self) -> Item:
        """The catalogue item of the certificate kind chosen."""
        return self.proof_items[str(self.kind.currentData())]

    def _kind_items(self) -> list[Item]:
        return [self.catalogue_item]

    def _materials_changed(self) -> None:
        missing = self.materials.missing_required()
        self.issue_button.setToolTip(
            self.tr("Mandatory materials are missing: give the one-time notification instead.")
            if missing
            else ""
        )

    def _notice_subject(self) -> tuple[str, str]:
        """(ID number, name) of a personal proof's notification: the subject typed."""
        if self.kind.currentData() != PERSONAL:
            return "", ""
        typed = self.subject.text().strip().upper()
        person = self.context.person
        name = person.name if person is not None and typed == self.context.id_number else ""
        return typed, name

    def _notice_credit_code(self) -> str:
        return self.subject.text().strip().upper() if self.kind.currentData() == EMPLOYER else ""

    def missing_text(self) -> str | None:
        """What blocks issuing: the mandatory materials missing, in words (``None``: none)."""
        missing = self.materials.missing_required()
        if not missing:
            return None
        names = text_of("、", ", ").join(text_of(m.name_zh, m.name_en) for m in missing)
        return self.tr(
            "Mandatory materials are missing: %1. Print the one-time notification listing "
            "them; the certificate is issued when they are handed in."
        ).replace("%1", names)

    # -- what the form holds ------------------------------------------------------------------
    def _snapshot(self) -> tuple[str, tuple[str, ...]]:
        return self.subject.text().strip(), self.materials.received()

    def has_unsaved_input(self) -> bool:
        """Whether the teller typed or ticked something since the form was last emptied,
        filled from the customer or used to issue."""
        return self._snapshot() != self._baseline

    def shows_result(self) -> bool:
        """Whether a certificate or a notification of this customer is still on screen."""
        return self.last is not None or self.notice_outcome.command_uuid is not None

    def clear(self) -> None:
        """Nothing of the previous customer stays: subject, ticks, messages, notification."""
        self.subject.clear()
        self.result.clear()
        self.result.setStyleSheet("")
        self.last = None
        self.last_code = ""
        self._request = None
        self.materials.clear()
        self.notice_outcome.clear()
        self.notice_button.refresh()
        self._baseline = self._snapshot()

    # -- the customer context --------------------------------------------------------------
    def _context_value(self, kind: str) -> str:
        value = self.context.id_number if kind == PERSONAL else self.context.employer_code
        return value or ""

    def _context_changed(self, change: Change) -> None:
        if change is Change.NEW_CUSTOMER:
            self.clear()
        elif change is Change.PERSON and self.kind.currentData() == PERSONAL:
            self._take_subject(self._context_value(PERSONAL))
        elif change is Change.EMPLOYER and self.kind.currentData() == EMPLOYER:
            self._take_subject(self._context_value(EMPLOYER))

    def _take_subject(self, value: str) -> None:
        """The customer's subject goes in; what was ticked for someone else does not stay."""
        before = self.subject.text().strip().upper()
        if before and before != value.upper():
            self.materials.clear()
            self.notice_outcome.clear()
        self.subject.setText(value)
        self._baseline = self._snapshot()

    def _kind_changed(self) -> None:
        """Switching the kind puts the customer's matching subject in, unless one was typed,
        and shows that kind's materials."""
        untouched = not self.has_unsaved_input()
        kind = str(self.kind.currentData())
        other = EMPLOYER if kind == PERSONAL else PERSONAL
        typed = self.subject.text().strip()
        if not typed or typed == self._context_value(other):
            self.subject.setText(self._context_value(kind))
        self.materials.set_items(self._kind_items())
        self.notice_button.item = self.catalogue_item
        self.notice_button.refresh()
        self._materials_changed()
        if untouched:  # only the kind was chosen: nothing typed to lose
            self._baseline = self._snapshot()

    # -- issue -----------------------------------------------------------------------------
    def issue(self) -> None:
        if not self.issue_button.isEnabled():
            return
        blocked = self.missing_text()
        if blocked is not None:
            self.result.setText(blocked)
            self.result.setStyleSheet("color: #b00020;")
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
        self.last, self.last_code = doc, issued.code
        self._baseline = self._snapshot()
        self.issued.emit(issued)
        self.context.report(changed)
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
