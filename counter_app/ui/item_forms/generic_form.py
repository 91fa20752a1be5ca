"""The generic form: any catalogue item accepted from its data alone (``case.accept``).

Most catalogue items need nothing but what the catalogue says about them: the fields to
fill in, the materials to check, the review level and the time limit. This form is built from
that data — a line edit, a choice, a date, an amount with two decimals per declared field —
with the customer taken from the window's ``CustomerContext``, the materials checklist and two
ways out: accept (受理), or, while a mandatory material is missing, record the case as waiting
for materials and print the one-time notification (一次性告知书) listing everything missing
at once. Fields are checked here first (``items.form_values.check_form``), each error next to
its field, and the command checks them again; the form keeps what was typed on any error.

The pieces are shared: ``FieldsForm`` (one item's fields), ``SubjectBox`` (who the case is
for), ``IntakeOutcome`` (the result line following the centre's verdict, the promised date
and the document to print) — the life-event form and the materials-pending tab use them too,
and a custom item form may offer the one-time notification through ``IntakeOutcome``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter_app.catalogue.load import shipped_catalogue
from counter_app.catalogue.schema import FormField, Item
from counter_app.client.workstation import Workstation
from counter_app.domain.errors import (
    Conflict,
    DomainError,
    ValidationError,
    ValidationErrors,
)
from counter_app.domain.ids import Uscc
from counter_app.domain.people import StaffUser
from counter_app.domain.workdays import Deadline
from counter_app.items.form_values import FieldValue, check_form
from counter_app.items.generic_case import ACCEPT_SPEC, CaseIntake, ItemPart
from counter_app.items.registry import spec_for
from counter_app.printing.layout import Doc
from counter_app.services.command_bus import Accepted
from counter_app.services.document_printing import DocumentPrinter, intake_doc
from counter_app.services.intake import IntakeState, accept_case, intake_document, intake_state
from counter_app.ui.customer_context import Change, CustomerContext, Outcome
from counter_app.ui.errors import conflict_text, describe, validation_text
from counter_app.ui.item_forms.materials import MaterialsChecklist
from counter_app.ui.ops import Op
from counter_app.ui.print_preview import PrintPreviewDialog
from counter_app.ui.roles_text import text_of

translate = QCoreApplication.translate
ERROR_COLOUR = "#b00020"
OK_COLOUR = "#1b7f3b"
WARN_COLOUR = "#8a5300"
NARROW = 480  # a form narrower than this puts its labels above the fields


# -- labels of catalogue data ----------------------------------------------------------------
def level_label(level: int) -> str:
    """L1/L2/L3 with what it means (即办 / 复核 / 审批)."""
    return {
        1: translate("ItemForms", "L1 on the spot"),
        2: translate("ItemForms", "L2 review"),
        3: translate("ItemForms", "L3 approval"),
    }.get(level) or translate("ItemForms", "L%1").replace("%1", str(level))


def time_limit_label(item: Item) -> str:
    days = item.time_limit.promised
    if days <= 0:
        return translate("ItemForms", "finished on the spot")
    return translate("ItemForms", "%1 working days").replace("%1", str(days))


def item_line(item: Item) -> str:
    """Code, review level and time limit of an item, on one line."""
    return " · ".join((item.code, level_label(item.review_level), time_limit_label(item)))


def promise_text(promise: Deadline) -> str:
    """承诺办结 on screen; a provisional date says why it may still move."""
    if promise.provisional:
        text = translate(
            "ItemForms",
            "Promised completion by %1 (provisional: the State Council has not yet published "
            "the holiday arrangement for that period).",
        )
    else:
        text = translate("ItemForms", "Promised completion by %1.")
    return text.replace("%1", promise.date.isoformat())


def field_error_text(error: ValidationError) -> str:
    """The text of one field error (the generic intake's own codes included)."""
    params = error.params
    if error.code == "too_long" and "limit" in params:
        return (
            translate("ItemForms", "At most %1 characters (%2 typed).")
            .replace("%1", params["limit"])
            .replace("%2", params.get("length", "?"))
        )
    texts = {
        "control_character": translate(
            "ItemForms", "The text holds invisible control characters; please type it again."
        ),
        "unknown_field": translate("ItemForms", "This item has no such field."),
        "unknown_material": translate("ItemForms", "A ticked material is not on this list."),
        "own_form": translate("ItemForms", "This item is accepted on its own form."),
        "missing": translate("ItemForms", "Mandatory materials are missing."),
        "bundle_required": translate("ItemForms", "Several items need a life event."),
        "not_in_bundle": translate("ItemForms", "An item is not part of this life event."),
        "duplicate": translate("ItemForms", "An item is listed twice."),
        "malformed": translate("ItemForms", "The form could not be read; please try again."),
    }
    return texts.get(error.code) or validation_text(error)


def refusal_text(exc: BaseException, kind: str = ACCEPT_SPEC.kind) -> str:
    """Why a command was refused: the command's own conflict texts first."""
    if isinstance(exc, Conflict):
        return conflict_reason(exc.code, exc.message, kind)
    if isinstance(exc, ValidationErrors):
        return "\n".join(field_error_text(e) for e in exc.errors)
    if isinstance(exc, ValidationError):
        return field_error_text(exc)
    return describe(exc)


def conflict_reason(code: str, message: str, kind: str = ACCEPT_SPEC.kind) -> str:
    try:
        known = spec_for(kind).conflicts.get(code)
    except LookupError:
        known = None
    if known is not None:
        return text_of(known.zh, known.en)
    return conflict_text(code, message) or translate("ItemForms", "The case was refused.")


def _style(widget: QWidget, colour: str | None) -> None:
    widget.setStyleSheet(f"color: {colour};" if colour else "")


def _error_frame(widget: QWidget) -> str:
    return f"#{widget.objectName()} {{ border: 1px solid {ERROR_COLOUR}; }}"


# -- one item's fields -------------------------------------------------------------------------
class _MultiChoice(QWidget):
    def __init__(self, field: FormField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for choice in field.choices:
            box = QCheckBox(text_of(choice.label_zh, choice.label_en))
            box.setObjectName(f"{field.name}_{choice.value}")
            self.boxes[choice.value] = box
        self.columns = 0
        self.set_columns(2)

    def set_columns(self, columns: int) -> None:
        """Lay the choices out in ``columns`` columns (one on a narrow form)."""
        if columns == self.columns:
            return
        self.columns = columns
        for index, box in enumerate(self.boxes.values()):
            self.grid.removeWidget(box)
            self.grid.addWidget(box, index // columns, index % columns)

    def value(self) -> str:
        return ",".join(v for v, box in self.boxes.items() if box.isChecked())

    def set_value(self, value: str) -> None:
        chosen = {v.strip() for v in value.split(",")}
        for v, box in self.boxes.items():
            box.setChecked(v in chosen)


def linked_fields(item: Item) -> frozenset[str]:
    """Fields that name the case's own subject: an employer item's ``credit_code`` is the
    employer the case is for, typed once in the subject box (a life event's items share it)."""
    if item.subject != "employer":
        return frozenset()
    return frozenset(
        f.name for f in item.fields if f.name == "credit_code" and f.type == "credit_code"
    )


class FieldsForm(QWidget):
    """The declared fields of one item: an input per field and its error right under it.

    ``linked`` fields get no input here: their value is the case's subject (``SubjectBox``).
    """

    def __init__(
        self, item: Item, parent: QWidget | None = None, *, linked: frozenset[str] = frozenset()
    ) -> None:
        super().__init__(parent)
        self.item = item
        self.linked = linked
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.fields = {f.name: f for f in item.fields if f.name not in linked}
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for field in self.fields.values():
            widget = self._input(field)
            widget.setObjectName(f"field_{field.name}")
            help_text = text_of(field.help_zh, field.help_en)
            if help_text:
                widget.setToolTip(help_text)
            error = QLabel()
            error.setObjectName(f"error_{field.name}")
            error.setWordWrap(True)
            _style(error, ERROR_COLOUR)
            error.setVisible(False)
            self.inputs[field.name] = widget
            self.errors[field.name] = error
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(error)
            label = text_of(field.label_zh, field.label_en)
            if not field.required:
                label = translate("ItemForms", "%1 (optional)").replace("%1", label)
            layout.addRow(label, cell)
        self.clear()

    def _input(self, field: FormField) -> QWidget:
        kind = field.type
        if kind == "textarea":
            area = QPlainTextEdit()
            area.setTabChangesFocus(True)
            area.setFixedHeight(area.fontMetrics().lineSpacing() * 3 + 12)
            return area
        if kind == "choice":
            combo = QComboBox()
            if not field.required or field.default is None:
                combo.addItem(translate("ItemForms", "— choose —"), "")
            for choice in field.choices:
                combo.addItem(text_of(choice.label_zh, choice.label_en), choice.value)
            return combo
        if kind == "multichoice":
            return _MultiChoice(field)
        if kind == "bool":
            return QCheckBox(translate("ItemForms", "Yes"))
        line = QLineEdit()
        if field.max_length:
            line.setMaxLength(field.max_length)
        if kind == "date":
            line.setPlaceholderText(translate("ItemForms", "YYYY-MM-DD"))
        elif kind == "month":
            line.setPlaceholderText(translate("ItemForms", "YYYY-MM"))
        elif kind == "money":
            sign = "-?" if field.min is not None and field.min < 0 else ""
            pattern = QRegularExpression(f"^{sign}[0-9]{{0,12}}([.][0-9]{{0,2}})?$")
            line.setValidator(QRegularExpressionValidator(pattern, line))
            line.setAlignment(Qt.AlignmentFlag.AlignRight)
            line.setPlaceholderText("0.00")
            line.editingFinished.connect(lambda line=line: _two_decimals(line))
        elif kind == "integer":
            pattern = QRegularExpression("^-?[0-9]{0,12}$")
            line.setValidator(QRegularExpressionValidator(pattern, line))
        elif kind in ("id_number", "credit_code"):
            line.setMaxLength(64)  # room for spaces and full-width forms
        return line

    # -- values ------------------------------------------------------------------------------
    def value(self, name: str) -> str:
        widget = self.inputs[name]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return str(widget.currentData() or "")
        if isinstance(widget, _MultiChoice):
            return widget.value()
        if isinstance(widget, QCheckBox):
            return "true" if widget.isChecked() else "false"
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def values(self) -> dict[str, str]:
        return {name: self.value(name) for name in self.inputs}

    def set_value(self, name: str, value: str) -> None:
        widget = self.inputs[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(0, widget.findData(value)))
        elif isinstance(widget, _MultiChoice):
            widget.set_value(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(value == "true")
        elif isinstance(widget, QLineEdit):
            widget.setText(value)

    def clear(self) -> None:
        """Every field back to its default (nothing of an earlier customer stays)."""
        for name, field in self.fields.items():
            self.set_value(name, field.default or "")
        self.clear_errors()

    # -- errors ------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for name, label in self.errors.items():
            label.clear()
            label.setVisible(False)
            self.inputs[name].setStyleSheet("")

    def show_errors(self, errors: Iterable[ValidationError]) -> list[ValidationError]:
        """Mark each error at its field; returns those of no field of this form."""
        left: list[ValidationError] = []
        for error in errors:
            label = self.errors.get(error.field)
            if label is None:
                left.append(error)
                continue
            label.setText(f"{label.text()}\n{field_error_text(error)}".strip())
            label.setVisible(True)
            widget = self.inputs[error.field]
            widget.setStyleSheet(_error_frame(widget))
        return left

    def first_error_input(self) -> QWidget | None:
        return next((self.inputs[n] for n, lab in self.errors.items() if lab.isVisible()), None)


def _two_decimals(line: QLineEdit) -> None:
    text = line.text().strip()
    if not text or text in ("-", "."):
        return
    try:
        line.setText(f"{Decimal(text):.2f}")
    except InvalidOperation:
        return


# -- who the case is for ------------------------------------------------------------------------
class SubjectBox(QWidget):
    """The customer a case is for: the identified person and/or an employer's credit code."""

    def __init__(
        self,
        context: CustomerContext,
        *,
        person: bool,
        employer: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.needs_person = person
        self.needs_employer = employer
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.person_label = QLabel()
        self.person_label.setObjectName("subjectPerson")
        self.person_label.setWordWrap(True)
        self.credit_code = QLineEdit()
        self.credit_code.setObjectName("subjectCreditCode")
        self.credit_code.setMaxLength(64)
        self.credit_code.setPlaceholderText(translate("ItemForms", "18-character credit code"))
        self.credit_error = QLabel()
        self.credit_error.setObjectName("subjectCreditError")
        self.credit_error.setWordWrap(True)
        _style(self.credit_error, ERROR_COLOUR)
        self.credit_error.setVisible(False)
        if person:
            layout.addRow(translate("ItemForms", "Person"), self.person_label)
        else:
            self.person_label.hide()
        if employer:
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(self.credit_code)
            cell.addWidget(self.credit_error)
            layout.addRow(translate("ItemForms", "Employer"), cell)
        else:
            self.credit_code.hide()
        self.refresh()

    def refresh(self) -> None:
        """Show the context's customer; an employer typed here is kept unless there is none."""
        id_number, person = self.context.id_number, self.context.person
        if id_number is None:
            self.person_label.setText(translate("ItemForms", "Identify the customer first (F2)."))
            _style(self.person_label, ERROR_COLOUR)
        else:
            masked = f"{id_number[:6]}********{id_number[-4:]}"
            name = person.name if person is not None else translate("ItemForms", "not registered")
            self.person_label.setText(f"{name}  {masked}")
            _style(self.person_label, None)
        if self.context.employer_code and not self.credit_code.text().strip():
            self.credit_code.setText(self.context.employer_code)

    def clear(self) -> None:
        self.credit_code.clear()
        self.clear_errors()
        self.refresh()

    def clear_errors(self) -> None:
        self.credit_error.clear()
        self.credit_error.setVisible(False)
        self.credit_code.setStyleSheet("")
        self.refresh()

    @property
    def id_number(self) -> str:
        return (self.context.id_number or "") if self.needs_person else ""

    @property
    def subject_name(self) -> str:
        person = self.context.person
        return person.name if self.needs_person and person is not None else ""

    def checked_credit_code(self) -> str:
        return self.credit_code.text().strip() if self.needs_employer else ""

    def problems(self) -> list[ValidationError]:
        """What keeps the case from being sent: no person identified, a bad credit code."""
        found: list[ValidationError] = []
        if self.needs_person and not self.context.id_number:
            found.append(ValidationError("id_number", "required", "identify the customer first"))
        if self.needs_employer:
            try:
                Uscc.parse(self.credit_code.text(), field="credit_code")
            except ValidationError as error:
                found.append(error)
        return found

    def show_errors(self, errors: Iterable[ValidationError]) -> list[ValidationError]:
        left: list[ValidationError] = []
        for error in errors:
            if error.field == "id_number" and self.needs_person:
                if error.code == "required":
                    text = translate("ItemForms", "Identify the customer first (F2).")
                else:
                    text = validation_text(error)
                self.person_label.setText(text)
                _style(self.person_label, ERROR_COLOUR)
            elif error.field == "credit_code" and self.needs_employer:
                self.credit_error.setText(validation_text(error))
                self.credit_error.setVisible(True)
                self.credit_code.setStyleSheet(_error_frame(self.credit_code))
            else:
                left.append(error)
        return left


# -- what became of it ----------------------------------------------------------------------------
class IntakeOutcome(QWidget):
    """The result of an intake command, following the centre's verdict, and its document.

    ``follow`` starts with what this workstation recorded and re-reads it after each sync
    until the centre has numbered the cases (or refused them): the case number, the promised
    date, and the document to print — the one-time notification while materials are missing,
    the result slip of an item finished on the spot, else the acceptance receipt.
    """

    printed = Signal(object)  # the PrintPreviewDialog opened

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        context: CustomerContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.window_number = window_number
        self.context = context
        self.command_uuid: str | None = None
        self.case_id: str | None = None
        self.state: IntakeState | None = None
        self.preview: PrintPreviewDialog | None = None
        self._auto_print = False
        self.result = QLabel()
        self.result.setObjectName("intakeResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.promise = QLabel()
        self.promise.setObjectName("intakePromise")
        self.promise.setWordWrap(True)
        self.print_button = QPushButton(translate("ItemForms", "Print receipt"))
        self.print_button.setObjectName("printIntakeDocument")
        self.print_button.setEnabled(False)
        self.print_button.setVisible(False)
        self.print_button.clicked.connect(self.print_document)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.result, 1)
        row.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.promise)
        context.reported.connect(self._reported)

    def clear(self) -> None:
        self.command_uuid = self.case_id = None
        self.state = None
        self._auto_print = False
        self.result.clear()
        self.promise.clear()
        _style(self.result, None)
        self.print_button.setEnabled(False)
        self.print_button.setVisible(False)

    def say(self, text: str, colour: str | None = None) -> None:
        """A message of the form (a refusal, a field to correct …) in the result line."""
        self.result.setText(text)
        _style(self.result, colour)

    def follow(
        self, command_uuid: str, *, case_id: str | None = None, auto_print: bool = False
    ) -> None:
        """Follow ``command_uuid`` (``case_id``: the case a supplement was for); with
        ``auto_print`` the document's preview opens once the centre has numbered the case."""
        self.clear()
        self.command_uuid, self.case_id = command_uuid, case_id
        self._auto_print = auto_print
        self.say(translate("ItemForms", "Accepted on this workstation…"), OK_COLOUR)
        self._read()

    def _read(self) -> None:
        uuid, case_id = self.command_uuid, self.case_id
        if uuid is None:
            return
        Op(lambda: intake_state(self.ws, uuid, case_id), parent=self).success(
            lambda state: self._show(uuid, state)
        ).failure(lambda _exc: None).run_in_background()

    def _reported(self, outcome: Outcome) -> None:
        if outcome.what != "sync" or self.command_uuid is None:
            return
        if self.settled:
            return
        self._read()

    @property
    def settled(self) -> bool:
        state = self.state
        # Applied by the centre (a supplement's case is numbered before it is applied) and
        # numbered by the pull, or refused.
        return state is not None and (
            state.status == "rejected" or (state.status == "applied" and state.numbered)
        )

    def _show(self, command_uuid: str, state: IntakeState) -> None:
        if command_uuid != self.command_uuid:
            return  # about an earlier case
        self.state = state
        if state.status == "rejected":
            self.say(
                translate("ItemForms", "The central database refused this: %1").replace(
                    "%1", conflict_reason(state.reason_code or "", state.reason or "")
                )
                + "\n"
                + translate(
                    "ItemForms", "It stays listed in the Sync tab until it is marked as handled."
                ),
                ERROR_COLOUR,
            )
            self.promise.clear()
            self.print_button.setEnabled(False)
            self.print_button.setVisible(False)
            return
        self.say(self._message(state), WARN_COLOUR if state.pending_materials else OK_COLOUR)
        promised = state.promised
        if promised is not None and not state.pending_materials and not state.finished:
            self.promise.setText(promise_text(promised))
            _style(self.promise, WARN_COLOUR if promised.provisional else None)
        else:
            self.promise.clear()
        if state.pending_materials:
            label = translate("ItemForms", "Print one-time notification")
        elif state.finished and len(state.cases) == 1:
            label = translate("ItemForms", "Print result slip")
        else:
            label = translate("ItemForms", "Print receipt")
        self.print_button.setText(label)
        self.print_button.setVisible(bool(state.cases))
        self.print_button.setEnabled(bool(state.cases))
        if self._auto_print and state.numbered:
            self._auto_print = False
            self.print_document()

    def _message(self, state: IntakeState) -> str:
        number = state.case_no
        if not state.numbered or number is None:
            if state.pending_materials:
                return translate(
                    "ItemForms",
                    "Recorded as waiting for materials; the central database will number the case.",
                )
            return translate(
                "ItemForms",
                "Accepted on this workstation; the central database will confirm it and "
                "number the case.",
            )
        if state.pending_materials:
            text = translate(
                "ItemForms",
                "Waiting for materials: case %1. The one-time notification lists everything "
                "missing.",
            )
        elif state.finished:
            text = translate("ItemForms", "Finished on the spot: case %1.")
        elif len(state.cases) > 1:
            text = translate("ItemForms", "Accepted: case %1 with %2 items.").replace(
                "%2", str(len(state.cases))
            )
        else:
            text = translate("ItemForms", "Accepted: case %1.")
        return text.replace("%1", number)

    def send_notification(
        self,
        item: Item,
        received: Sequence[str],
        *,
        id_number: str = "",
        credit_code: str = "",
        subject_name: str = "",
        fields: Mapping[str, str] | None = None,
        catalogue_version: str | None = None,
    ) -> None:
        """一次性告知 for an item with a form of its own: record its case as waiting for
        materials through the generic ``case.accept`` (with the materials ``received``) and
        open the one-time notification's preview once the centre has numbered the case.

        ``fields`` are the values of the item's catalogue fields (the generic intake checks
        them as for any item). A refusal is shown in the result line.
        """
        intake = CaseIntake(
            catalogue_version=catalogue_version or shipped_catalogue().version,
            parts=(
                ItemPart(item.code, tuple(FieldValue(n, v) for n, v in (fields or {}).items())),
            ),
            materials=tuple(received),
            id_number=id_number,
            credit_code=credit_code,
            subject_name=subject_name,
            ticket=self.context.ticket_reference or "",
            window_number=self.window_number,
        )
        self.say(translate("ItemForms", "Submitting…"))
        Op(
            lambda: accept_case(self.ws, self.user, self.window_number, intake), parent=self
        ).success(lambda accepted: self._notified(accepted, intake)).failure(
            lambda exc: self.say(refusal_text(exc), ERROR_COLOUR)
        ).run_in_background()

    def _notified(self, accepted: Accepted, intake: CaseIntake) -> None:
        self.follow(accepted.command_uuid, auto_print=True)
        self.context.report(Outcome.of("case", ACCEPT_SPEC.changes(intake), accepted.command_uuid))

    def print_document(self) -> None:
        """Preview (then print) the document of the case as it now stands."""
        uuid, case_id = self.command_uuid, self.case_id
        if uuid is None:
            return
        teller = self.user.display_name

        def build() -> tuple[Doc, str]:
            document = intake_document(self.ws, uuid, self.window_number, teller, case_id=case_id)
            return intake_doc(document)

        Op(build, parent=self).success(self._preview).failure(
            lambda exc: self.say(describe(exc), ERROR_COLOUR)
        ).run_in_background()

    def _preview(self, built: tuple[Doc, str]) -> None:
        doc, reference = built
        self.preview = PrintPreviewDialog(doc, DocumentPrinter(self.ws), reference, None, self)
        self.preview.open()
        self.printed.emit(self.preview)


# -- the form --------------------------------------------------------------------------------
class IntakeForm(QWidget):
    """What the generic and the life-event forms share: subject, fields per item, one
    materials checklist, Accept / one-time notification, and the outcome.

    Subclasses lay out ``self.body`` (inside a scroll area) and call ``_finish_layout``.
    """

    submitted = Signal(object)  # Accepted

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        context: CustomerContext,
        items: Sequence[Item],
        parent: QWidget | None = None,
        *,
        catalogue_version: str | None = None,
        bundle: str = "",
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.window_number = window_number
        self.context = context
        self.items = list(items)
        self.bundle = bundle
        self.catalogue_version = catalogue_version or shipped_catalogue().version
        self._person_shown = context.id_number
        self._sent: CaseIntake | None = None

        self.subject = SubjectBox(
            context,
            person=any(i.subject == "person" for i in self.items),
            employer=any(i.subject == "employer" for i in self.items),
        )
        self.parts: list[FieldsForm] = [
            FieldsForm(item, linked=linked_fields(item)) for item in self.items
        ]
        self.checklist = MaterialsChecklist(self.items)
        self.checklist.changed.connect(self._update_buttons)
        self.accept_button = QPushButton(translate("ItemForms", "Accept (Ctrl+Enter)"))
        self.accept_button.setObjectName("acceptCase")
        self.accept_button.clicked.connect(self.accept_case)
        self.notice_button = QPushButton(translate("ItemForms", "Print one-time notification"))
        self.notice_button.setObjectName("oneTimeNotice")
        self.notice_button.setToolTip(
            translate(
                "ItemForms",
                "Records the case as waiting for materials and prints the notification "
                "listing everything missing.",
            )
        )
        self.notice_button.clicked.connect(self.notify)
        self.outcome = IntakeOutcome(ws, user, window_number, context)
        self.message = self.outcome.result  # the form's messages go to the result line

        self.body = QWidget()
        self.body.setObjectName("intakeBody")
        self.body_layout = QVBoxLayout(self.body)
        scroll = QScrollArea()
        scroll.setObjectName("intakeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        self.scroll_area = scroll
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        context.changed.connect(self._context_changed)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.accept_case)
        self._baseline: dict[str, object] = {}

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a narrow screen each label goes above its field, so nothing is cut off."""
        super().resizeEvent(event)
        policy = (
            QFormLayout.RowWrapPolicy.WrapAllRows
            if event.size().width() < NARROW
            else QFormLayout.RowWrapPolicy.WrapLongRows
        )
        for layout in self.findChildren(QFormLayout):
            if layout.rowWrapPolicy() != policy:
                layout.setRowWrapPolicy(policy)
        narrow = event.size().width() < NARROW
        for choices in self.findChildren(_MultiChoice):
            choices.set_columns(1 if narrow else 2)

    def _finish_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.notice_button)
        buttons.addWidget(self.accept_button)
        self.body_layout.addWidget(self.checklist)
        self.body_layout.addLayout(buttons)
        self.body_layout.addWidget(self.outcome)
        self.body_layout.addStretch(1)
        self._update_buttons()
        self._baseline = self._snapshot()

    # -- state ------------------------------------------------------------------------------------
    @property
    def own_form_only(self) -> bool:
        """An item with a handler of its own is accepted on its form; here (its form missing)
        only a one-time notification can be given."""
        return not self.bundle and any(i.handler for i in self.items)

    def _snapshot(self) -> dict[str, object]:
        return {
            "fields": [p.values() for p in self.parts],
            "materials": self.checklist.received(),
            "credit_code": self.subject.credit_code.text(),
        }

    def has_unsaved_input(self) -> bool:
        """Whether the form holds input typed since it was last emptied or accepted."""
        return self._snapshot() != self._baseline

    def _update_buttons(self) -> None:
        missing = bool(self.checklist.missing_required())
        self.notice_button.setVisible(missing)
        self.accept_button.setEnabled(not missing and not self.own_form_only)
        if missing:
            self.accept_button.setToolTip(
                translate(
                    "ItemForms",
                    "Mandatory materials are missing: give the one-time notification instead.",
                )
            )
        else:
            self.accept_button.setToolTip("")

    def clear(self) -> None:
        """An empty form: nothing of the previous customer stays (fields, ticks, messages)."""
        for part in self.parts:
            part.clear()
        self.checklist.clear()
        self.subject.clear()
        self.outcome.clear()
        self._sent = None
        self._update_buttons()
        self._baseline = self._snapshot()

    def _context_changed(self, change: Change) -> None:
        if change is Change.NEW_CUSTOMER:
            self._person_shown = None
            self.clear()
        elif change is Change.PERSON:
            if self._person_shown is not None and self._person_shown != self.context.id_number:
                self.clear()  # another person: never mix two customers' data
            self._person_shown = self.context.id_number
            self.subject.refresh()
        else:
            self.subject.refresh()

    # -- sending ----------------------------------------------------------------------------
    def _clear_errors(self) -> None:
        for part in self.parts:
            part.clear_errors()
        self.subject.clear_errors()

    def _show_errors(self, errors: Sequence[ValidationError], part: int | None = None) -> None:
        left = self.subject.show_errors(errors)
        targets = self.parts if part is None else [self.parts[part]]
        for form in targets:
            mine = [e for e in left if e.field in form.inputs]
            form.show_errors(mine)
            left = [e for e in left if e not in mine]
        text = translate("ItemForms", "Please correct the marked fields.")
        if left:
            text += "\n" + "\n".join(field_error_text(e) for e in left)
        self.outcome.say(text, ERROR_COLOUR)
        first = next((p.first_error_input() for p in self.parts if p.first_error_input()), None)
        if first is not None:
            first.setFocus()

    def _checked_parts(self) -> tuple[ItemPart, ...] | None:
        """The parts with their checked values; ``None`` after marking what is wrong."""
        problems = self.subject.problems()
        parts: list[ItemPart] = []
        marked = False
        today = dt.date.today()
        credit_code = self.subject.checked_credit_code()
        for item, form in zip(self.items, self.parts, strict=True):
            typed = form.values() | dict.fromkeys(form.linked, credit_code)
            try:
                values = check_form(item, typed, today=today)
            except ValidationErrors as errors:
                # A linked field's error (the subject's credit code) goes to the subject box.
                unplaced = form.show_errors(errors.errors)
                problems += [e for e in unplaced if e.field not in {p.field for p in problems}]
                marked = True
                continue
            fields = tuple(FieldValue(n, v) for n, v in values.items())
            parts.append(ItemPart(item.code, fields))
        if problems or marked:
            self._show_errors(problems)
            return None
        return tuple(parts)

    def accept_case(self) -> None:
        """受理: send the case (only with every mandatory material there)."""
        if not self.accept_button.isEnabled() or not self.accept_button.isVisible():
            return
        self._send(notify=False)

    def notify(self) -> None:
        """一次性告知: record the case as waiting for materials and print the notification."""
        if not self.notice_button.isEnabled() or not self.checklist.missing_required():
            return
        self._send(notify=True)

    def _send(self, *, notify: bool) -> None:
        self._clear_errors()
        parts = self._checked_parts()
        if parts is None:
            return
        intake = CaseIntake(
            catalogue_version=self.catalogue_version,
            parts=parts,
            materials=self.checklist.received(),
            id_number=self.subject.id_number,
            credit_code=self.subject.checked_credit_code(),
            subject_name=self.subject.subject_name,
            bundle=self.bundle,
            ticket=self.context.ticket_reference or "",
            window_number=self.window_number,
        )
        self._set_busy(True)
        self.outcome.say(translate("ItemForms", "Submitting…"))
        Op(
            lambda: accept_case(self.ws, self.user, self.window_number, intake), parent=self
        ).success(lambda accepted: self._accepted(accepted, intake, notify)).failure(
            self._refused
        ).run_in_background()

    def _set_busy(self, busy: bool) -> None:
        self.notice_button.setEnabled(not busy)
        if busy:
            self.accept_button.setEnabled(False)
        else:
            self._update_buttons()

    def _accepted(self, accepted: Accepted, intake: CaseIntake, notify: bool) -> None:
        self._set_busy(False)
        self._sent = intake
        # Accepted: the form is emptied, so a second click cannot open the case twice.
        for part in self.parts:
            part.clear()
        self.checklist.clear()
        self._update_buttons()
        self._baseline = self._snapshot()
        self.outcome.follow(accepted.command_uuid, auto_print=notify)
        if intake.credit_code:
            self.context.set_employer(intake.credit_code)
        self.submitted.emit(accepted)
        self.context.report(Outcome.of("case", ACCEPT_SPEC.changes(intake), accepted.command_uuid))

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationErrors):
            self._show_errors(exc.errors, 0 if len(self.parts) == 1 else None)
        elif isinstance(exc, ValidationError):
            self._show_errors([exc], 0 if len(self.parts) == 1 else None)
        elif isinstance(exc, DomainError):
            self.outcome.say(refusal_text(exc), ERROR_COLOUR)
        else:
            self.outcome.say(describe(exc), ERROR_COLOUR)


def heading_label(text: str, grow: int = 3) -> QLabel:
    heading = QLabel(text)
    heading.setWordWrap(True)
    font = heading.font()
    font.setPointSize(font.pointSize() + grow)
    font.setBold(True)
    heading.setFont(font)
    return heading


class GenericForm(IntakeForm):
    """The form of one catalogue item without a form of its own."""

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        context: CustomerContext,
        item: Item,
        parent: QWidget | None = None,
        *,
        catalogue_version: str | None = None,
    ) -> None:
        super().__init__(
            ws, user, window_number, context, [item], parent, catalogue_version=catalogue_version
        )
        self.item = item
        self.setObjectName(f"genericForm_{item.code}")
        self.heading = heading_label(text_of(item.name_zh, item.name_en))
        self.heading.setObjectName("itemHeading")
        info = QLabel(item_line(item))
        info.setObjectName("itemInfo")
        info.setWordWrap(True)
        self.body_layout.addWidget(self.heading)
        self.body_layout.addWidget(info)
        if self.own_form_only:
            note = QLabel(
                translate(
                    "ItemForms",
                    "This item is accepted on its own form, which this workstation does not "
                    "offer yet. Here only a one-time notification of missing materials can be "
                    "given.",
                )
            )
            note.setObjectName("ownFormNote")
            note.setWordWrap(True)
            _style(note, WARN_COLOUR)
            self.body_layout.addWidget(note)
        self.body_layout.addWidget(self.subject)
        if item.fields:
            self.body_layout.addWidget(self.parts[0])
        self.fields = self.parts[0]
        self._finish_layout()
