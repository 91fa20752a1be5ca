"""个人参保登记 — the individual enrollment tab.

The form is checked as a whole by the domain (every bad field marked at once, what was typed
kept), then submitted as one command on the database worker. The result line says whether
the case is accepted and waiting for the centre, and follows the centre's verdict when a sync
brings it. Ctrl+Enter submits; Ctrl+N (the window's "new customer") starts anew.

The form follows the window's ``CustomerContext``: a new customer empties it, an identified
person fills it (never mixing two persons), and an accepted enrollment is reported back so
the customer panel shows the person as enrolled.
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
    QGridLayout,
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
from counter_app.domain.cases import ITEM_INDIVIDUAL_ENROLLMENT
from counter_app.domain.errors import ValidationErrors
from counter_app.domain.insurance import (
    Enrollment,
    EnrollmentCategory,
    EnrollmentForm,
    InsuranceType,
)
from counter_app.domain.people import StaffUser
from counter_app.domain.workdays import Deadline
from counter_app.items.person_enroll import KIND, SPEC, enrollment_payload
from counter_app.printing import documents
from counter_app.printing.layout import Doc
from counter_app.services.case_promises import case_promise
from counter_app.services.command_bus import Accepted
from counter_app.services.counter_lookups import CommandState, command_state
from counter_app.services.document_printing import DocumentPrinter, office
from counter_app.services.queries import case_number
from counter_app.ui.customer_context import Change, CustomerContext, Outcome
from counter_app.ui.errors import conflict_text, describe, validation_text
from counter_app.ui.item_forms.generic_form import IntakeOutcome
from counter_app.ui.item_forms.materials import MaterialsChecklist
from counter_app.ui.item_forms.notice_button import NoticeButton
from counter_app.ui.ops import Op
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.roles_text import category_label, insurance_label, text_of

RECEIPT_FORMS = {
    "original": "原件",
    "copy": "复印件",
    "original_and_copy": "原件及复印件",
    "electronic": "电子证照",
}


def error_style(widget: QWidget) -> str:
    """A red frame on ``widget`` only (not inherited by its children)."""
    return f"#{widget.objectName()} {{ border: 1px solid #b00020; }}"


class EnrollmentTab(QWidget):
    submitted = Signal(object)  # Accepted
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
        # The version the form is built from: its enrollments (and notifications) record it.
        self.catalogue_version = (catalogue or shipped_catalogue()).version
        self.ws = ws
        self.user = user
        self.window_number = window_number
        self.item = item  # the catalogue item (REG-PERSON) when opened from the catalogue
        self.context = context if context is not None else CustomerContext(self)
        self.context.changed.connect(self._context_changed)
        self.context.reported.connect(self._outcome)

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
        # Three to a row: five English labels side by side would not fit a small screen.
        insurance_row = QGridLayout()
        insurance_row.setContentsMargins(0, 0, 0, 0)
        for index, insurance_type in enumerate(InsuranceType):
            box = QCheckBox(insurance_label(insurance_type.value))
            box.setObjectName(f"insurance_{insurance_type.value}")
            self.insurance[insurance_type.value] = box
            insurance_row.addWidget(box, index // 3, index % 3)
        insurance_row.setColumnStretch(3, 1)
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

        # The item's materials (the resident ID card …): all mandatory ones ticked, or the
        # one-time notification instead of the enrollment.
        self.catalogue_item = item or (catalogue or shipped_catalogue()).item(
            ITEM_INDIVIDUAL_ENROLLMENT
        )
        self.materials = MaterialsChecklist([self.catalogue_item])
        self.notice_outcome = IntakeOutcome(ws, user, window_number, self.context)
        self.notice_button = NoticeButton(
            self.catalogue_item,
            self.materials,
            self.context,
            self.notice_outcome,
            subject=lambda: (self.id_number.text(), self.name.text()),
            catalogue_version=self.catalogue_version,
        )

        self.submit_button = QPushButton(self.tr("Accept (Ctrl+Enter)"))
        self.submit_button.setObjectName("submitEnrollment")
        self.submit_button.clicked.connect(self.submit)
        self.new_button = QPushButton(self.tr("New customer (Ctrl+N)"))
        self.new_button.setObjectName("newCustomer")
        self.new_button.clicked.connect(self.context.new_customer)
        self.receipt_button = QPushButton(self.tr("Print receipt (Ctrl+P)"))
        self.receipt_button.setObjectName("printReceipt")
        self.receipt_button.setEnabled(False)
        self.receipt_button.clicked.connect(self.print_receipt)
        self.last_accepted: tuple[str, Enrollment] | None = None
        # Two rows, the form's actions above what follows them, so that the form fits the
        # middle of a 1366-pixel window without a horizontal scroll.
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.notice_button)
        actions.addWidget(self.submit_button)
        after = QHBoxLayout()
        after.addStretch(1)
        after.addWidget(self.receipt_button)
        after.addWidget(self.new_button)
        buttons = QVBoxLayout()
        buttons.addLayout(actions)
        buttons.addLayout(after)

        self.result = QLabel()
        self.result.setObjectName("enrollmentResult")
        self.result.setWordWrap(True)
        self.promise = QLabel()  # 承诺办结 of the last accepted case, as the case row records it
        self.promise.setObjectName("enrollmentPromise")
        self.promise.setWordWrap(True)

        heading = QLabel(self.tr("Individual enrollment"))
        font = heading.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        heading.setFont(font)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.materials)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(self.promise)
        layout.addWidget(self.notice_outcome)
        layout.addStretch(1)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, activated=self.submit)
        QShortcut(QKeySequence("Ctrl+P"), self, activated=self.print_receipt)
        self._category_changed()
        self._baseline = self.form()  # what the form held when last emptied, filled or sent
        self._state: CommandState | None = None  # the centre's verdict on the last enrollment

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

    def has_unsaved_input(self) -> bool:
        """Whether the form holds input typed since it was last emptied, filled or accepted."""
        return self.form() != self._baseline

    def shows_result(self) -> bool:
        """Whether an enrollment (or a notification) of this customer is still on screen."""
        return self.last_accepted is not None or self.notice_outcome.command_uuid is not None

    # -- the customer context --------------------------------------------------------------
    def _context_changed(self, change: Change) -> None:
        if change is Change.NEW_CUSTOMER:
            self.clear(focus=False)
        elif change is Change.PERSON:
            self.take_person()

    def take_person(self) -> None:
        """Take the identified customer into the form.

        A form about someone else is emptied first, so two persons never mix; otherwise only
        empty fields are filled and what the teller typed stays.
        """
        id_number, person = self.context.id_number, self.context.person
        if id_number is None:
            return
        typed = self.id_number.text().strip().upper()
        if typed and typed != id_number:
            self.clear(focus=False)
        if not self.id_number.text():
            self.id_number.setText(id_number)
        if person is not None:
            if not self.name.text():
                self.name.setText(person.name)
            if not self.phone.text():
                self.phone.setText(person.phone)
            if not self.address.text():
                self.address.setText(person.address)
        self._baseline = self.form()

    def clear(self, *, focus: bool = True) -> None:
        """An empty form: nothing of the previous customer stays (fields, messages, receipt)."""
        for widget in (self.id_number, self.name, self.phone, self.address, self.employer_code):
            widget.clear()
        self.category.setCurrentIndex(self.category.findData(EnrollmentCategory.FLEXIBLE.value))
        for box in self.insurance.values():
            box.setChecked(False)
        self.start_date.setDate(QDate.currentDate())
        self.result.clear()
        self.promise.clear()
        self.result.setStyleSheet("")
        self.last_accepted = None
        self._state = None
        self.receipt_button.setEnabled(False)
        self.materials.clear()
        self.notice_outcome.clear()
        self.notice_button.refresh()
        self._clear_errors()
        self._baseline = self.form()
        if focus:
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
        missing = self.materials.missing_required()
        if missing:
            names = text_of("、", ", ").join(text_of(m.name_zh, m.name_en) for m in missing)
            self.result.setText(
                self.tr(
                    "Mandatory materials are missing: %1. Print the one-time notification "
                    "listing them; the enrollment is accepted when they are handed in."
                ).replace("%1", names)
            )
            self.result.setStyleSheet("color: #b00020;")
            return
        self._enrollment = enrollment
        self._received = self.materials.received()
        command = self.ws.command(
            KIND,
            enrollment_payload(
                enrollment,
                self.window_number,
                self.context.ticket_reference,
                catalogue_version=self.catalogue_version,
                materials=self._received,
            ),
            self.user.username,
        )
        self._changes = SPEC.command_changes(command)
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
        self._baseline = self.form()
        self._show_state(CommandState(accepted.command_uuid, "pending"))
        case_id = accepted.command_uuid
        self.promise.clear()
        Op(lambda: case_promise(self.ws, case_id), parent=self).success(
            lambda promise: self._show_promise(case_id, promise)
        ).run_in_background()
        self.submitted.emit(accepted)
        self.context.report(Outcome.of("enrollment", self._changes, accepted.command_uuid))

    # -- the centre's verdict ----------------------------------------------------------------
    def _outcome(self, outcome: Outcome) -> None:
        """After a sync, follow the centre's verdict on the last enrollment."""
        if outcome.what != "sync" or self.last_accepted is None:
            return
        state = self._state
        if state is not None and (state.status == "rejected" or state.case_no):
            return  # settled: nothing more will change
        command_uuid = self.last_accepted[0]
        Op(lambda: command_state(self.ws, command_uuid), parent=self).success(
            lambda state: self._show_state(state, command_uuid)
        ).failure(lambda exc: None).run_in_background()

    def _show_state(self, state: CommandState | None, command_uuid: str | None = None) -> None:
        current = self.last_accepted[0] if self.last_accepted is not None else None
        if state is None or state.uuid != current or (command_uuid and command_uuid != current):
            return  # a verdict about an earlier customer's enrollment
        self._state = state
        if state.status == "applied":
            self.result.setText(
                self.tr("Accepted and confirmed by the central database: case %1.").replace(
                    "%1", state.case_no or state.uuid[:8]
                )
            )
            self.result.setStyleSheet("color: #1b7f3b;")
        elif state.status == "rejected":
            self.result.setText(
                self.tr("The central database refused this enrollment: %1").replace(
                    "%1", conflict_text(state.reason_code or "", state.reason or "")
                )
                + "\n"
                + self.tr("It stays listed in the Sync tab until it is marked as handled.")
            )
            self.result.setStyleSheet("color: #b00020;")
        else:
            self.result.setText(
                self.tr(
                    "Accepted. The enrollment is saved on this workstation and waits for the "
                    "central database (case %1)."
                ).replace("%1", state.uuid[:8])
            )
            self.result.setStyleSheet("color: #1b7f3b;")

    def promise_text(self, promise: Deadline) -> str:
        """承诺办结 on screen; a provisional date says why it may still move."""
        if promise.provisional:
            text = self.tr(
                "Promised completion by %1 (provisional: counted on the statutory holidays "
                "only, because the State Council has not yet published the holiday "
                "arrangement for that period)."
            )
        else:
            text = self.tr("Promised completion by %1.")
        return text.replace("%1", promise.date.isoformat())

    def _show_promise(self, case_id: str, promise: Deadline | None) -> None:
        if promise is None or self.last_accepted is None or self.last_accepted[0] != case_id:
            return
        self.promise.setText(self.promise_text(promise))
        self.promise.setStyleSheet("color: #8a5300;" if promise.provisional else "")

    def print_receipt(self) -> None:
        """Preview the acceptance receipt (受理回执) of the last accepted enrollment."""
        if self.last_accepted is None:
            return
        command_uuid, enrollment = self.last_accepted
        received = [  # the receipt is the customer's: in Chinese whatever the screen speaks
            f"{m.name_zh}（{RECEIPT_FORMS.get(m.form, '')}）"
            for m in self.catalogue_item.materials
            if m.code in getattr(self, "_received", ())
        ]

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
                received,
                case_promise(self.ws, command_uuid),
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
