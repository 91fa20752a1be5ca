"""个人参保登记 — the individual enrollment tab.

The form is checked as a whole by the domain (every bad field marked at once, what was typed
kept), then submitted as one command on the database worker. The result line says whether
the case is accepted and waiting for the centre; Ctrl+Enter submits, Ctrl+N starts anew.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import ValidationErrors
from counter_app.domain.insurance import (
    Enrollment,
    EnrollmentCategory,
    EnrollmentForm,
    InsuranceType,
)
from counter_app.domain.people import StaffUser
from counter_app.printing import documents
from counter_app.printing.layout import Doc
from counter_app.services.command_bus import Accepted
from counter_app.services.document_printing import DocumentPrinter, office
from counter_app.services.enrollment import KIND, enrollment_payload
from counter_app.services.queries import PersonSummary, case_number
from counter_app.services.workstation import Workstation
from counter_app.ui.errors import describe, validation_text
from counter_app.ui.ops import Op
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.roles_text import category_label, insurance_label


def error_style(widget: QWidget) -> str:
    """A red frame on ``widget`` only (not inherited by its children)."""
    return f"#{widget.objectName()} {{ border: 1px solid #b00020; }}"


class EnrollmentTab(QWidget):
    submitted = Signal(object)  # Accepted

    def __init__(
        self, ws: Workstation, user: StaffUser, window_number: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.window_number = window_number
        self.current_ticket: str | None = None  # the queue ticket being served, if any

        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.address = QLineEdit()
        self.category = QComboBox()
        for category in EnrollmentCategory:
            self.category.addItem(category_label(category.value), category.value)
        self.category.setCurrentIndex(self.category.findData(EnrollmentCategory.FLEXIBLE.value))
        self.category.currentIndexChanged.connect(self._category_changed)
        self.insurance: dict[str, QCheckBox] = {}
        insurance_row = QHBoxLayout()
        for insurance_type in InsuranceType:
            box = QCheckBox(insurance_label(insurance_type.value))
            box.setObjectName(f"insurance_{insurance_type.value}")
            self.insurance[insurance_type.value] = box
            insurance_row.addWidget(box)
        insurance_row.addStretch(1)
        self.insurance_widget = QWidget()
        self.insurance_widget.setLayout(insurance_row)
        self.start_date = QDateEdit(QDate.currentDate())
        self.start_date.setCalendarPopup(True)
        self.start_date.setDisplayFormat("yyyy-MM-dd")
        self.employer_code = QLineEdit()
        self.employer_code.setMaxLength(18)

        self.inputs: dict[str, QWidget] = {
            "id_number": self.id_number,
            "name": self.name,
            "phone": self.phone,
            "address": self.address,
            "category": self.category,
            "insurance_types": self.insurance_widget,
            "start_date": self.start_date,
            "employer_code": self.employer_code,
        }
        labels = {
            "id_number": self.tr("ID number"),
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "address": self.tr("Address"),
            "category": self.tr("Category"),
            "insurance_types": self.tr("Insurance types"),
            "start_date": self.tr("Start date"),
            "employer_code": self.tr("Employer credit code"),
        }
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, widget in self.inputs.items():
            widget.setObjectName(key)
            error = QLabel()
            error.setObjectName(f"error_{key}")
            error.setStyleSheet("color: #b00020;")
            error.setVisible(False)
            self.errors[key] = error
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(error)
            form.addRow(labels[key], cell)

        self.submit_button = QPushButton(self.tr("Accept (Ctrl+Enter)"))
        self.submit_button.setObjectName("submitEnrollment")
        self.submit_button.clicked.connect(self.submit)
        self.new_button = QPushButton(self.tr("New (Ctrl+N)"))
        self.new_button.clicked.connect(self.clear)
        self.receipt_button = QPushButton(self.tr("Print receipt (Ctrl+P)"))
        self.receipt_button.setObjectName("printReceipt")
        self.receipt_button.setEnabled(False)
        self.receipt_button.clicked.connect(self.print_receipt)
        self.last_accepted: tuple[str, Enrollment] | None = None
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.submit_button)

        self.result = QLabel()
        self.result.setObjectName("enrollmentResult")
        self.result.setWordWrap(True)

        heading = QLabel(self.tr("Individual enrollment"))
        font = heading.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        heading.setFont(font)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addStretch(1)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, activated=self.submit)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.clear)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_receipt)
        self._category_changed()

    # -- form state ------------------------------------------------------------------------
    def form(self) -> EnrollmentForm:
        return EnrollmentForm(
            id_number=self.id_number.text(),
            name=self.name.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            category=str(self.category.currentData()),
            insurance_types=[k for k, box in self.insurance.items() if box.isChecked()],
            start_date=self.start_date.date().toString("yyyy-MM-dd"),
            employer_code=self.employer_code.text() if self.employer_code.isEnabled() else "",
        )

    def prefill(self, id_number: str, person: PersonSummary | None) -> None:
        """Take the identified customer into the form (only into empty fields)."""
        if not self.id_number.text():
            self.id_number.setText(id_number)
        if person is not None:
            if not self.name.text():
                self.name.setText(person.name)
            if not self.phone.text():
                self.phone.setText(person.phone)
            if not self.address.text():
                self.address.setText(person.address)

    def clear(self) -> None:
        for widget in (self.id_number, self.name, self.phone, self.address, self.employer_code):
            widget.clear()
        for box in self.insurance.values():
            box.setChecked(False)
        self.start_date.setDate(QDate.currentDate())
        self.result.clear()
        self._clear_errors()
        self.id_number.setFocus()

    def _category_changed(self) -> None:
        is_employee = self.category.currentData() == EnrollmentCategory.EMPLOYEE.value
        self.employer_code.setEnabled(is_employee)
        allowed_all = is_employee
        for key, box in self.insurance.items():
            allowed = allowed_all or key in ("pension", "medical")
            box.setEnabled(allowed)
            if not allowed:
                box.setChecked(False)

    def _clear_errors(self) -> None:
        for key, label in self.errors.items():
            label.clear()
            label.setVisible(False)
            self.inputs[key].setStyleSheet("")

    def _show_errors(self, errors: ValidationErrors) -> None:
        self._clear_errors()
        first: QWidget | None = None
        for error in errors.errors:
            label = self.errors.get(error.field)
            if label is None:
                continue
            text = validation_text(error)
            label.setText(f"{label.text()}\n{text}".strip())
            label.setVisible(True)
            widget = self.inputs[error.field]
            widget.setStyleSheet(error_style(widget))
            first = first or self.inputs[error.field]
        if first is not None:
            first.setFocus()

    # -- submit ----------------------------------------------------------------------------
    def submit(self) -> None:
        if not self.submit_button.isEnabled():
            return
        form = self.form()
        try:
            enrollment = form.validate(today=dt.date.today())
        except ValidationErrors as errors:
            self._show_errors(errors)
            self.result.setText(self.tr("Please correct the marked fields."))
            self.result.setStyleSheet("color: #b00020;")
            return
        self._clear_errors()
        self._enrollment = enrollment
        command = self.ws.command(
            KIND,
            enrollment_payload(enrollment, self.window_number, self.current_ticket),
            self.user.username,
        )
        self.submit_button.setEnabled(False)
        self.result.setText(self.tr("Submitting…"))
        self.result.setStyleSheet("")
        Op(lambda: self.ws.execute(command), parent=self).success(self._accepted).failure(
            self._refused
        ).run_in_background()

    def _accepted(self, accepted: Accepted) -> None:
        self.submit_button.setEnabled(True)
        self.last_accepted = (accepted.command_uuid, self._enrollment)
        self.receipt_button.setEnabled(True)
        self.result.setText(
            self.tr(
                "Accepted. The enrollment is saved on this workstation and waits for the central "
                "database (case %1)."
            ).replace("%1", accepted.command_uuid[:8])
        )
        self.result.setStyleSheet("color: #1b7f3b;")
        self.submitted.emit(accepted)

    def print_receipt(self) -> None:
        """Preview the acceptance receipt (受理回执) of the last accepted enrollment."""
        if self.last_accepted is None:
            return
        command_uuid, enrollment = self.last_accepted

        def build() -> Doc:
            number = case_number(self.ws, command_uuid) or self.tr(
                "%1 (central number pending)"
            ).replace("%1", command_uuid[:8])
            return documents.acceptance_receipt(
                office(self.ws, self.window_number, self.user.display_name),
                number,
                "个人参保登记",
                enrollment.name,
                enrollment.id_number.masked(),
                ["居民身份证（原件）"],
                dt.date.today(),
                dt.datetime.now(),
            )

        Op(build, parent=self).success(
            lambda doc: PrintPreviewDialog(
                doc, DocumentPrinter(self.ws), command_uuid, None, self
            ).open()
        ).run_in_background()

    def _refused(self, exc: BaseException) -> None:
        self.submit_button.setEnabled(True)
        if isinstance(exc, ValidationErrors):
            self._show_errors(exc)
            self.result.setText(self.tr("Please correct the marked fields."))
        else:
            self.result.setText(describe(exc))
        self.result.setStyleSheet("color: #b00020;")
