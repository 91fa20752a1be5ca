"""补打 — choose an earlier certificate to print again (the reprint itself needs a supervisor).

The dialog lists the certificates of the customer being served (when one is identified) or
today's certificates of the hall, from the cache; any other one is found by its verification
code (cache first, then the centre). Choosing one closes the dialog with ``chosen`` set.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.client.workstation import Workstation
from counter_app.services.counter_lookups import (
    CertificateRecord,
    certificates_issued,
    find_certificate,
)
from counter_app.ui.errors import describe
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import certificate_label
from counter_app.ui.table_model import Column, RecordTableModel

CUSTOMER, TODAY = "customer", "today"


class ReprintDialog(QDialog):
    def __init__(
        self, ws: Workstation, subject: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.subject = subject
        self.chosen: CertificateRecord | None = None
        self.setWindowTitle(self.tr("Reprint a certificate"))
        self.resize(720, 420)

        self.scope = QComboBox()
        self.scope.setObjectName("reprintScope")
        if subject:
            self.scope.addItem(self.tr("Certificates of the customer being served"), CUSTOMER)
        self.scope.addItem(self.tr("Certificates issued today in this hall"), TODAY)
        self.scope.currentIndexChanged.connect(self.refresh)

        self.code = QLineEdit()
        self.code.setObjectName("reprintCode")
        self.code.setPlaceholderText(self.tr("Or type a verification code"))
        self.code.returnPressed.connect(self.find_code)
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.clicked.connect(self.find_code)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.find_button)

        self.model: RecordTableModel[CertificateRecord] = RecordTableModel(
            [
                Column(self.tr("Issued"), lambda c: f"{c.issued_at:%Y-%m-%d %H:%M}"),
                Column(self.tr("Certificate"), lambda c: certificate_label(c.kind)),
                Column(self.tr("For"), lambda c: c.subject_name),
                Column(self.tr("Verification code"), lambda c: c.code),
                Column(self.tr("Issued by"), lambda c: c.issued_by_name or c.issued_by),
            ],
            parent=self,
        )
        self.view = QTableView()
        self.view.setObjectName("reprintView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.choose())
        self.view.selectionModel().selectionChanged.connect(self._update_button)

        self.message = QLabel()
        self.message.setObjectName("reprintMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.choose_button = buttons.addButton(
            self.tr("Reprint…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.choose_button.setObjectName("reprintChoose")
        buttons.accepted.connect(self.choose)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scope)
        layout.addLayout(code_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._update_button()
        self.refresh()

    def _update_button(self) -> None:
        self.choose_button.setEnabled(bool(self.view.selectionModel().selectedRows()))

    def refresh(self) -> None:
        subject = self.subject if self.scope.currentData() == CUSTOMER else None
        Op(lambda: certificates_issued(self.ws, subject=subject), parent=self).success(
            self._show
        ).failure(self._failed).run_in_background()

    def _show(self, records: list[CertificateRecord]) -> None:
        self.model.set_records(records)
        self.view.resizeColumnsToContents()
        self._update_button()
        if records:
            self.view.selectRow(0)
            self.message.clear()
        else:
            self.message.setText(self.tr("No certificate here; type its verification code."))

    def find_code(self) -> None:
        code = self.code.text().strip()
        if not code:
            self.message.setText(self.tr("Type the verification code of the certificate."))
            return
        self.find_button.setEnabled(False)
        Op(lambda: find_certificate(self.ws, code), parent=self).success(self._found).failure(
            self._failed
        ).run_in_background()

    def _found(self, record: CertificateRecord | None) -> None:
        self.find_button.setEnabled(True)
        if record is None:
            self.message.setText(self.tr("No certificate has this verification code."))
            return
        self.message.clear()
        self.model.set_records([record])
        self.view.resizeColumnsToContents()
        self.view.selectRow(0)
        self._update_button()

    def _failed(self, exc: BaseException) -> None:
        self.find_button.setEnabled(True)
        self.message.setText(describe(exc))

    def choose(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("Select a certificate first."))
            return
        self.chosen = self.model.record(rows[0].row())
        self.accept()
