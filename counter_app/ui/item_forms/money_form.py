"""What the four money forms share: a live preview of the figures, accept, follow, print.

Base declaration, flexible payment, back-payment and the account refund each lay out their
own inputs; this base gives them the item's heading, one error label under each input, the
preview table (label and amount, two decimals, recomputed on every keystroke with the same
computation the command runs — pure maths on the shipped tables, so it runs at once on the
GUI thread), the materials checklist, the Accept button, and the outcome line that follows the
centre's verdict and prints the case's document (``services.contribution_items.money_document``:
the result slip of an item finished on the spot, the acceptance receipt with the figures of
one that goes to review or approval).

Accepting runs in ``Op``; a refusal marks the fields it names and keeps what was typed. With a
mandatory material missing, the form refuses with the list of what is missing (the one-time
notification for these items is still to come). A new customer empties the form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.catalogue.schema import Item, Material
from counter_app.client.workstation import Workstation
from counter_app.domain.errors import Conflict, DomainError, ValidationError, ValidationErrors
from counter_app.domain.money import format_yuan, money
from counter_app.domain.people import StaffUser
from counter_app.items.spec import Changes
from counter_app.services import contribution_items as money_items
from counter_app.services.catalogue_view import current_catalogue
from counter_app.services.command_bus import Accepted
from counter_app.services.intake import IntakeState
from counter_app.ui.customer_context import Change, CustomerContext, Outcome
from counter_app.ui.errors import describe
from counter_app.ui.item_forms.form_frame import button_row, scrolled, show_refusal, submit_keys
from counter_app.ui.item_forms.generic_form import (
    ERROR_COLOUR,
    OK_COLOUR,
    WARN_COLOUR,
    IntakeOutcome,
    conflict_reason,
    field_error_text,
    heading_label,
    item_line,
    refusal_text,
)
from counter_app.ui.item_forms.materials import MaterialsChecklist
from counter_app.ui.item_forms.notice_button import NoticeButton
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import insurance_label, join_labels, text_of

translate = QCoreApplication.translate
CONTEXT = "MoneyForms"
MONTH_FORMAT = "yyyy-MM"
DATE_FORMAT = "yyyy-MM-dd"
#: An amount as typed: digits, at most two decimals.
AMOUNT_PATTERN = QRegularExpression(r"^\d{0,12}([.]\d{0,2})?$")

PreviewLine = tuple[str, str]


def yuan_text(amount: Decimal) -> str:
    """An amount on screen: ``¥1,234.50`` (always two decimals)."""
    return format_yuan(amount)


def money_error_text(error: ValidationError) -> str:
    """The text of a refusal of the money items, by its stable code (the data it names —
    a month, a region, a limit — taken over), else the shared texts."""
    p = error.params
    texts = {
        "no_table": translate(
            "MoneyForms",
            "No contribution table covers %1: the figures of that month are not "
            "published yet (or the month is before the first table). Choose another month.",
        ),
        "unknown_region": translate(
            "MoneyForms", "There is no contribution table for this region."
        ),
        "grade_not_offered": translate(
            "MoneyForms", "The table of that month does not offer this grade (offered: %2)."
        ),
        "grades_only": translate(
            "MoneyForms", "In this region a flexible worker chooses one of the grades."
        ),
        "out_of_range": translate("MoneyForms", "The base must lie between the limits %2 and %3."),
        "future_date": translate(
            "MoneyForms", "The date %4 is after today (%5): it may not be in the future."
        ),
        "not_overdue": translate("MoneyForms", "The month %1 is not overdue on the payment date."),
        "duplicate_month": translate("MoneyForms", "The month %1 is listed twice."),
        "duplicate": translate("MoneyForms", "This is listed twice."),
        "before_start": translate("MoneyForms", "The last month is before the first month."),
        "too_many_months": translate("MoneyForms", "One payment covers at most %6 months."),
        "too_many": translate("MoneyForms", "Too many lines for one declaration."),
        "no_records": translate(
            "MoneyForms", "No contributions are on record for this person: enter the yearly sums."
        ),
        "after_as_of": translate(
            "MoneyForms", "A contribution of %1 is after the date of the event."
        ),
        "no_credited_rate": translate(
            "MoneyForms", "The credited interest rate of %7 is not published yet."
        ),
        "no_rate": translate(
            "MoneyForms", "The region's table has no rate for one of the chosen insurance types."
        ),
        "merged_type": translate(
            "MoneyForms", "In this region maternity insurance is part of medical insurance."
        ),
        "unknown_type": translate("MoneyForms", "Choose the insurance types from the list."),
        "unknown_class": translate("MoneyForms", "The work-injury industry class must be 1 to 8."),
        "same_person": translate("MoneyForms", "The heir cannot be the deceased."),
    }
    text = texts.get(error.code)
    if text is None:
        return field_error_text(error)
    values = {
        "%1": p.get("month", ""),
        "%2": p.get("offered", p.get("lower", "")),
        "%3": p.get("upper", ""),
        "%4": p.get("date", ""),
        "%5": p.get("today", ""),
        "%6": p.get("limit", ""),
        "%7": p.get("year", ""),
    }
    for key, value in values.items():
        text = text.replace(key, value)
    return text


def amount_input(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setValidator(QRegularExpressionValidator(AMOUNT_PATTERN, edit))
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    edit.setPlaceholderText("0.00")
    return edit


def month_input(name: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setObjectName(name)
    edit.setDisplayFormat(MONTH_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def date_input(name: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setObjectName(name)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


def month_of(edit: QDateEdit) -> str:
    return str(edit.date().toString(MONTH_FORMAT))


def date_of(edit: QDateEdit) -> str:
    return str(edit.date().toString(DATE_FORMAT))


def masked_id(id_number: str) -> str:
    """An ID number on screen with its birth date hidden."""
    return f"{id_number[:6]}********{id_number[-4:]}" if len(id_number) == 18 else id_number


def row_table(name: str, headers: Sequence[str], min_height: int) -> QTableWidget:
    """A table the teller types rows into, one column per header."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setMinimumHeight(min_height)
    return table


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    cell = table.item(row, column)
    return cell.text().strip() if cell is not None else ""


def filled_rows(table: QTableWidget) -> list[int]:
    """The table's rows holding anything (blank rows are left out)."""
    return [
        row
        for row in range(table.rowCount())
        if any(cell_text(table, row, c) for c in range(table.columnCount()))
    ]


def remove_selected_rows(table: QTableWidget) -> None:
    for row in sorted({index.row() for index in table.selectedIndexes()}, reverse=True):
        table.removeRow(row)


def choice_combo(item: Item, field: str, name: str) -> QComboBox:
    """The choices of the item's catalogue ``field``."""
    combo = QComboBox()
    combo.setObjectName(name)
    found = next((f for f in item.fields if f.name == field), None)
    for choice in found.choices if found is not None else ():
        combo.addItem(text_of(choice.label_zh, choice.label_en), choice.value)
    return combo


def insurance_boxes(codes: Sequence[str], columns: int) -> tuple[dict[str, QCheckBox], QWidget]:
    """A tick box per insurance type, ``columns`` a row, and the widget holding them."""
    boxes: dict[str, QCheckBox] = {}
    grid = QGridLayout()
    grid.setContentsMargins(0, 0, 0, 0)
    for index, code in enumerate(codes):
        box = QCheckBox(insurance_label(code))
        box.setObjectName(f"type_{code}")
        boxes[code] = box
        grid.addWidget(box, index // columns, index % columns)
    widget = QWidget()
    widget.setLayout(grid)
    return boxes, widget


def typed_amount(text: str, field: str) -> Decimal:
    """What was typed as an amount; an empty input is a required field."""
    if not text.strip():
        raise ValidationError(field, "required", "enter the amount")
    return money(text, field=field)


class RegionBox(QComboBox):
    """The contribution region: the hall's own when the workstation names one (then fixed),
    otherwise a choice among the regions the tables hold."""

    def __init__(self, hall_region: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("region")
        for code, name_zh, name_en in money_items.region_choices():
            self.addItem(text_of(name_zh, name_en), code)
        if hall_region is not None:
            self.setCurrentIndex(self.findData(hall_region))
            self.setEnabled(False)
            self.setToolTip(
                translate(
                    "MoneyForms", "The region of this hall, from the workstation's configuration."
                )
            )

    @property
    def region(self) -> str:
        data = self.currentData()
        return str(data) if data else ""


def rejection_text(kind: str, code: str, reason: str) -> str:
    """Why the centre refused a money command (its stable code; the figures it named stay in
    the English reason, which goes to the log)."""
    texts = {
        "future_date": translate(
            "MoneyForms",
            "The date is after the central database's day: it may not be in the future.",
        ),
        "no_table": translate("MoneyForms", "No contribution table covers one of the months."),
        "not_overdue": translate(
            "MoneyForms", "One of the months is not overdue on the payment date."
        ),
    }
    text = texts.get(code)
    return text if text is not None else conflict_reason(code, reason, kind)


class MoneyOutcome(IntakeOutcome):
    """The outcome line of a money case; its document carries the case's figures, and a
    refusal by the centre is worded by the money command's own codes."""

    kind = ""

    def _show(self, command_uuid: str, state: IntakeState) -> None:
        super()._show(command_uuid, state)
        if command_uuid == self.command_uuid and state.status == "rejected":
            self.say(
                translate("MoneyForms", "The central database refused this: %1").replace(
                    "%1", rejection_text(self.kind, state.reason_code or "", state.reason or "")
                )
                + "\n"
                + translate(
                    "MoneyForms", "It stays listed in the Sync tab until it is marked as handled."
                ),
                ERROR_COLOUR,
            )

    def print_document(self) -> None:
        state, uuid = self.state, self.command_uuid
        if uuid is None or (state is not None and state.pending_materials):
            super().print_document()
            return
        teller, window = self.user.display_name, self.window_number

        def build() -> money_items.MoneyDocument | None:
            return money_items.money_document(self.ws, uuid, window, teller)

        Op(build, parent=self).success(self._show_document).failure(
            lambda exc: self.say(describe(exc), ERROR_COLOUR)
        ).run_in_background()

    def _show_document(self, document: money_items.MoneyDocument | None) -> None:
        if document is None:
            self.say(
                translate("MoneyForms", "The case is not on this workstation yet."), ERROR_COLOUR
            )
            return
        self._preview((document.doc, document.reference))


class MoneyForm(QWidget):
    """The base of the money forms. A subclass lays out its inputs with ``add_input``, then
    calls ``finish_layout``, and implements ``preview_lines``, ``payload``, ``send``,
    ``changes_of``, ``clear_inputs`` and ``take_customer``."""

    submitted = Signal(object)  # Accepted
    what = "money"  # the Outcome's name

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        context: CustomerContext,
        item: Item,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.window_number = window_number
        self.context = context
        self.item = item
        self.catalogue_version = current_catalogue(ws).version
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {}  # the label of each input, for the preview's notes
        self.sent: Any = None  # the payload last accepted
        self._filling = False
        self._baseline: tuple[object, ...] = ()

        self.heading = heading_label(text_of(item.name_zh, item.name_en))
        self.heading.setObjectName("itemHeading")
        self.info = QLabel(item_line(item))
        self.info.setObjectName("itemInfo")
        self.info.setWordWrap(True)
        self.fields = QFormLayout()

        self.preview = QTableWidget(0, 2)
        self.preview.setObjectName("moneyPreview")
        self.preview.setHorizontalHeaderLabels(
            [translate("MoneyForms", "Figure"), translate("MoneyForms", "Amount")]
        )
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.preview.setMinimumHeight(160)
        self.preview_note = QLabel()
        self.preview_note.setObjectName("moneyPreviewNote")
        self.preview_note.setWordWrap(True)

        self.checklist = MaterialsChecklist([item])
        self.checklist.changed.connect(self._input_changed)
        self.accept_button = QPushButton(translate("MoneyForms", "Accept (Ctrl+Enter)"))
        self.accept_button.setObjectName("acceptMoneyCase")
        self.accept_button.clicked.connect(self.accept_case)
        self.outcome = MoneyOutcome(ws, user, window_number, context)
        self.outcome.kind = item.handler or ""
        self.notice_button = NoticeButton(item, self.checklist, context, self.outcome)
        context.changed.connect(self._context_changed)
        submit_keys(self, self.accept_case)

    # -- layout ------------------------------------------------------------------------------
    def add_input(
        self, key: str, label: str, widget: QWidget, layout: QFormLayout | None = None
    ) -> None:
        """A labelled input with its error line; ``key`` is the field the command names
        (``layout``: a group of the form's own, else the form's fields)."""
        if not widget.objectName():
            widget.setObjectName(key)
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {ERROR_COLOUR};")
        error.setVisible(False)
        self.inputs[key] = widget
        self.errors[key] = error
        self.labels[key] = label
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(widget)
        cell.addWidget(error)
        (layout or self.fields).addRow(label, cell)

    def finish_layout(self) -> None:
        body = QWidget()
        body.setObjectName("moneyBody")
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.info)
        layout.addLayout(self.fields)
        preview_title = QLabel(translate("MoneyForms", "Computed figures (updated as you type)"))
        preview_title.setObjectName("moneyPreviewTitle")
        layout.addWidget(preview_title)
        layout.addWidget(self.preview)
        layout.addWidget(self.preview_note)
        layout.addWidget(self.checklist)
        layout.addLayout(button_row(self.notice_button, self.accept_button))
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        scrolled(self, body, horizontal=False)
        self.take_customer()
        self.refresh_preview()
        self._baseline = self.snapshot()

    def watch(self, *widgets: QWidget) -> None:
        """Recompute the preview whenever one of ``widgets`` changes."""
        for widget in widgets:
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(self._input_changed)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(self._input_changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self._input_changed)
            elif isinstance(widget, QTableWidget):
                widget.itemChanged.connect(self._input_changed)
            elif hasattr(widget, "toggled"):
                widget.toggled.connect(self._input_changed)
            elif hasattr(widget, "valueChanged"):
                widget.valueChanged.connect(self._input_changed)

    # -- what a subclass provides ----------------------------------------------------------
    def preview_lines(self) -> list[PreviewLine]:
        raise NotImplementedError

    def payload(self) -> Any:
        """The command's payload from what was typed (``ValidationErrors`` for input that
        cannot even be read, e.g. an amount that is not a number)."""
        raise NotImplementedError

    def send(self, payload: Any) -> Accepted:
        raise NotImplementedError

    def changes_of(self, payload: Any) -> Changes:
        raise NotImplementedError

    def clear_inputs(self) -> None:
        raise NotImplementedError

    def take_customer(self) -> None:
        """Take the customer at the counter (person or employer) into the form."""

    def take_employer(self, credit_code: QLineEdit) -> None:
        """The employer at the counter into ``credit_code`` when it is empty."""
        code = self.context.employer_code
        if code and not credit_code.text().strip():
            credit_code.setText(code)

    def take_person(self, id_number: QLineEdit) -> None:
        """The person at the counter into ``id_number``; a form about someone else is
        emptied first."""
        identified = self.context.id_number
        if identified is None:
            return
        if id_number.text().strip().upper() not in ("", identified):
            self.clear()  # another person: never mix two customers' data
        id_number.setText(identified)

    def show_status(self, status: str) -> None:
        """Say under the figures how far they are confirmed."""
        note, colour = status_note(status)
        self.preview_note.setText(note)
        self.preview_note.setStyleSheet(f"color: {colour};" if note else "")

    def required_materials(self) -> list[Material]:
        """Mandatory materials not ticked (a subclass adds those its choices require)."""
        return self.checklist.missing_required()

    # -- preview -------------------------------------------------------------------------------
    def _input_changed(self, *_args: object) -> None:
        if self._filling:
            return
        self.refresh_preview()
        if self.sent is not None:
            self.sent = None  # something changed since the last acceptance
        self.accept_button.setEnabled(True)

    def refresh_preview(self) -> None:
        """Recompute and show the figures; a problem is shown under the table, unmarked."""
        self.preview_note.setText("")  # preview_lines may set a note on the figures
        self.preview_note.setStyleSheet("")
        try:
            lines = self.preview_lines()
        except DomainError as exc:
            self._fill_preview([])
            self.preview_note.setText(self.problem_text(exc))
            self.preview_note.setStyleSheet(f"color: {WARN_COLOUR};")
            return
        self._fill_preview(lines)

    def _fill_preview(self, lines: Sequence[PreviewLine]) -> None:
        self.preview.setRowCount(len(lines))
        for row, (label, value) in enumerate(lines):
            self.preview.setItem(row, 0, QTableWidgetItem(label))
            cell = QTableWidgetItem(value)
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.preview.setItem(row, 1, cell)

    def preview_text(self) -> str:
        """Every line of the preview (label and amount), for the screen reader and tests."""
        rows = []
        for row in range(self.preview.rowCount()):
            label, value = self.preview.item(row, 0), self.preview.item(row, 1)
            rows.append(f"{label.text() if label else ''}: {value.text() if value else ''}")
        return "\n".join(rows)

    def problem_text(self, exc: DomainError) -> str:
        """A problem of the preview, each field error under the name of its input."""
        if isinstance(exc, ValidationErrors):
            return "\n".join(self.problem_line(e) for e in exc.errors)
        if isinstance(exc, ValidationError):
            return self.problem_line(exc)
        return refusal_text(exc)

    def problem_line(self, error: ValidationError) -> str:
        label = self.labels.get(error.field.split(".")[0], "")
        text = self.error_line(error)
        return f"{label}: {text}" if label else text

    def error_line(self, error: ValidationError) -> str:
        """An error with the row it is about, when it is about a row of a table."""
        parts = error.field.split(".")
        if error.code == "missing" and error.field == "materials":
            codes = set(error.params.get("missing", "").replace(" ", "").split(","))
            names = [text_of(m.name_zh, m.name_en) for m in self.item.materials if m.code in codes]
            return translate("MoneyForms", "Mandatory materials are missing: %1.").replace(
                "%1", join_labels(names)
            )
        text = money_error_text(error)
        if len(parts) >= 2 and parts[1].isdigit():
            return (
                translate("MoneyForms", "Row %1: %2")
                .replace("%1", str(int(parts[1]) + 1))
                .replace("%2", text)
            )
        return text

    # -- errors ---------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for key, label in self.errors.items():
            label.clear()
            label.setVisible(False)
            self.inputs[key].setStyleSheet("")

    def show_errors(self, errors: Iterable[ValidationError]) -> None:
        """Mark each field named (a table row's error under its table), the rest in the
        outcome line; the first marked input gets the focus."""
        self.clear_errors()
        unplaced: list[str] = []
        first: QWidget | None = None
        for error in errors:
            key = error.field if error.field in self.errors else error.field.split(".")[0]
            label = self.errors.get(key)
            if label is None:
                unplaced.append(self.error_line(error))
                continue
            label.setText(f"{label.text()}\n{self.error_line(error)}".strip())
            label.setVisible(True)
            widget = self.inputs[key]
            widget.setStyleSheet(f"#{widget.objectName()} {{ border: 1px solid {ERROR_COLOUR}; }}")
            first = first or widget
        text = translate("MoneyForms", "Please correct the marked fields.")
        if unplaced:
            text = "\n".join([text, *unplaced]) if first is not None else "\n".join(unplaced)
        self.outcome.say(text, ERROR_COLOUR)
        if first is not None:
            first.setFocus()

    # -- accepting ------------------------------------------------------------------------------
    def accept_case(self) -> None:
        if not self.accept_button.isEnabled():
            return
        self.clear_errors()
        missing = self.required_materials()
        if missing:
            names = join_labels(text_of(m.name_zh, m.name_en) for m in missing)
            self.outcome.say(
                translate(
                    "MoneyForms",
                    "Mandatory materials are missing: %1. The case cannot be accepted without "
                    "them; please ask the customer to bring them.",
                ).replace("%1", names),
                ERROR_COLOUR,
            )
            return
        try:
            payload = self.payload()
        except ValidationErrors as errors:
            self.show_errors(errors.errors)
            return
        except ValidationError as error:
            self.show_errors([error])
            return
        self.accept_button.setEnabled(False)
        self.outcome.say(translate("MoneyForms", "Submitting…"))
        Op(lambda: self.send(payload), parent=self).success(
            lambda accepted: self._accepted(accepted, payload)
        ).failure(self._refused).run_in_background()

    def _accepted(self, accepted: Accepted, payload: Any) -> None:
        # The same figures cannot be sent twice by a second click: Accept waits for a change.
        self.sent = payload
        self._baseline = self.snapshot()
        self.outcome.follow(accepted.command_uuid)
        self.outcome.say(self.accepted_text(), OK_COLOUR)
        self.submitted.emit(accepted)
        self.context.report(Outcome.of(self.what, self.changes_of(payload), accepted.command_uuid))

    def accepted_text(self) -> str:
        if self.item.review_level > 1:
            return translate(
                "MoneyForms",
                "Accepted on this workstation; the case goes to review once the central "
                "database has numbered it.",
            )
        return translate(
            "MoneyForms",
            "Accepted on this workstation; the central database will confirm it and number "
            "the case.",
        )

    def _refused(self, exc: BaseException) -> None:
        self.accept_button.setEnabled(True)
        show_refusal(exc, self.show_errors, self.outcome.say, self.kind, business=Conflict)

    @property
    def kind(self) -> str:
        return self.item.handler or ""

    # -- the customer ---------------------------------------------------------------------------
    def _context_changed(self, change: Change) -> None:
        if change is Change.NEW_CUSTOMER:
            self.clear()
        elif change in (Change.PERSON, Change.EMPLOYER):
            self.keeping_baseline(self.take_customer)

    def keeping_baseline(self, change: Callable[[], object]) -> None:
        """Make ``change`` (the customer taken in, a default filled in); a form holding nothing
        typed still holds nothing typed afterwards."""
        untouched = not self.has_unsaved_input()
        change()
        if untouched:
            self._baseline = self.snapshot()

    def clear(self) -> None:
        """An empty form: nothing of the previous customer stays."""
        self._filling = True
        try:
            self.clear_inputs()
            self.checklist.clear()
        finally:
            self._filling = False
        self.sent = None
        self.clear_errors()
        self.outcome.clear()
        self.accept_button.setEnabled(True)
        self.refresh_preview()
        self._baseline = self.snapshot()

    def snapshot(self) -> tuple[object, ...]:
        """What the inputs hold (texts, dates, choices, table cells, ticks)."""
        values: list[object] = [self.checklist.received()]
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit):
                values.append(widget.text())
            elif isinstance(widget, QDateEdit):
                values.append(widget.date().toString(DATE_FORMAT))
            elif isinstance(widget, QComboBox):
                values.append(widget.currentIndex())
            elif isinstance(widget, QTableWidget):
                values.append(
                    tuple(
                        item.text() if (item := widget.item(r, c)) is not None else ""
                        for r in range(widget.rowCount())
                        for c in range(widget.columnCount())
                    )
                )
            values.extend(box.isChecked() for box in widget.findChildren(QCheckBox))
            if isinstance(widget, QCheckBox):
                values.append(widget.isChecked())
        return tuple(values)

    def has_unsaved_input(self) -> bool:
        """Whether the form holds input typed since it was last emptied or accepted."""
        return self.snapshot() != self._baseline


def insurance_text(codes: Iterable[str]) -> str:
    return join_labels(insurance_label(code) for code in codes)


def status_note(status: str) -> tuple[str, str]:
    """A note on how far the figures are confirmed, with its colour."""
    if status in ("unconfirmed", "derived"):
        return (
            translate(
                "MoneyForms",
                "Some rates or limits used are not confirmed by an official notice: the "
                "figures are provisional.",
            ),
            WARN_COLOUR,
        )
    return ("", OK_COLOUR)
