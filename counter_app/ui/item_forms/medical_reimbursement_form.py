"""医保零星报销 — the form of a manual reimbursement claim (``medical.reimbursement``).

The invoices are typed into a table, one row each (number as printed, hospital, date, amount,
self-paid part); the totals below follow every edit, each line rounded to the fen and the
rounded lines added (the same ``claim_totals`` the command records). A line the form cannot
read, or one the command refuses (an invoice twice in the claim, one already claimed), is
marked in red with its reason and listed under the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.catalogue.schema import Item
from counter_app.client.workstation import Workstation
from counter_app.domain.errors import ValidationError
from counter_app.domain.money import format_yuan, money
from counter_app.domain.people import StaffUser
from counter_app.items.medical_reimbursement import (
    SPEC,
    InvoiceLine,
    ReimbursementPayload,
    claim_totals,
)
from counter_app.items.spec import Changes
from counter_app.services.command_bus import Accepted
from counter_app.services.service_items import claim_reimbursement
from counter_app.ui.customer_context import CustomerContext
from counter_app.ui.item_forms.generic_form import ERROR_COLOUR
from counter_app.ui.item_forms.registry_form_parts import FieldRows
from counter_app.ui.item_forms.service_form import ServiceItemForm, service_error_text
from counter_app.ui.roles_text import text_of

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("invoice_number", "hospital", "invoice_date", "amount", "self_paid")
AMOUNT_COLUMNS = ("amount", "self_paid")


@dataclass
class _Row:
    values: dict[str, str]
    errors: dict[str, str]


class InvoiceTableModel(QAbstractTableModel):
    """The invoices of one claim as typed: every cell is text until the claim is sent."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._headers = {
            "invoice_number": self.tr("Invoice number"),
            "hospital": self.tr("Hospital"),
            "invoice_date": self.tr("Date (YYYY-MM-DD)"),
            "amount": self.tr("Amount (yuan)"),
            "self_paid": self.tr("Self-paid (yuan)"),
        }

    # -- the model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.values.get(column, "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.errors.get(column) or None
        if role == Qt.ItemDataRole.ForegroundRole and column in row.errors:
            return QBrush(QColor(ERROR_COLOUR))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in AMOUNT_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self._rows):
            return False
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        row.values[column] = str(value if value is not None else "").strip()
        row.errors.pop(column, None)
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return self._headers[COLUMNS[section]]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def insertRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or not 0 <= row <= len(self._rows):
            return False
        self.beginInsertRows(QModelIndex(), row, row + count - 1)
        for offset in range(count):
            self._rows.insert(row + offset, _Row({c: "" for c in COLUMNS}, {}))
        self.endInsertRows()
        return True

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._rows[row : row + count]
        self.endRemoveRows()
        return True

    # -- what the form reads ------------------------------------------------------------------
    def add_line(self, values: dict[str, str] | None = None) -> int:
        """Append a line (optionally filled); returns its row."""
        row = len(self._rows)
        self.insertRows(row, 1)
        for column, value in (values or {}).items():
            self.setData(self.index(row, COLUMNS.index(column)), value)
        return row

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def value(self, row: int, column: str) -> str:
        return self._rows[row].values.get(column, "")

    def filled_rows(self) -> list[int]:
        """The rows holding anything (empty rows are left out of the claim)."""
        return [i for i, r in enumerate(self._rows) if any(r.values.values())]

    def set_errors(self, errors: dict[tuple[int, str], str]) -> None:
        """Mark cells ``(row, column)`` with their reason (all others unmarked)."""
        for row in self._rows:
            row.errors.clear()
        for (row_index, column), text in errors.items():
            if 0 <= row_index < len(self._rows) and column in COLUMNS:
                self._rows[row_index].errors[column] = text
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1)
            )

    def amount(self, row: int, column: str) -> Decimal:
        """A cell's amount (an empty self-paid part is 0); ``ValidationError`` if unreadable."""
        text = self.value(row, column).replace(",", "").replace("，", "")
        if column == "self_paid" and not text:
            return Decimal("0.00")
        return money(text, field=column)

    def lines(self) -> tuple[list[InvoiceLine], list[ValidationError]]:
        """The claim's lines and the cells that cannot be read, named ``lines.<i>.<column>``
        by their position among the filled rows (as the command names them)."""
        lines: list[InvoiceLine] = []
        problems: list[ValidationError] = []
        for position, row in enumerate(self.filled_rows()):
            amounts: dict[str, Decimal] = {}
            for column in AMOUNT_COLUMNS:
                try:
                    amounts[column] = self.amount(row, column)
                except ValidationError as error:
                    problems.append(
                        ValidationError(
                            f"lines.{position}.{column}", error.code, error.message, error.params
                        )
                    )
            if len(amounts) == len(AMOUNT_COLUMNS):
                lines.append(
                    InvoiceLine(
                        self.value(row, "invoice_number"),
                        self.value(row, "hospital"),
                        self.value(row, "invoice_date"),
                        amounts["amount"],
                        amounts["self_paid"],
                    )
                )
        return lines, problems


class MedicalReimbursementForm(ServiceItemForm):
    KIND = SPEC.kind
    WHAT = "medical_reimbursement"

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        context: CustomerContext,
        item: Item,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ws, user, window_number, context, item, parent)
        self.visit_kind = QComboBox()
        self.visit_kind.addItem(self.tr("— choose —"), "")
        for field in item.fields:
            if field.name == "visit_kind":
                for choice in field.choices:
                    self.visit_kind.addItem(text_of(choice.label_zh, choice.label_en), choice.value)
        self.model = InvoiceTableModel(self)
        self.model.dataChanged.connect(self._update_totals)
        self.model.rowsInserted.connect(self._update_totals)
        self.model.rowsRemoved.connect(self._update_totals)
        self.model.modelReset.connect(self._update_totals)
        self.table = QTableView()
        self.table.setObjectName("invoiceTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        self.add_button = QPushButton(self.tr("Add invoice"))
        self.add_button.setObjectName("addInvoice")
        self.add_button.clicked.connect(self._add_line)
        self.remove_button = QPushButton(self.tr("Remove selected invoice"))
        self.remove_button.setObjectName("removeInvoice")
        self.remove_button.clicked.connect(self._remove_line)
        self.totals = QLabel()
        self.totals.setObjectName("claimTotals")
        self.line_errors = QLabel()
        self.line_errors.setObjectName("invoiceErrors")
        self.line_errors.setWordWrap(True)
        self.line_errors.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.line_errors.setVisible(False)
        table_box = QWidget()
        box = QVBoxLayout(table_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("Invoices")))
        box.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.totals)
        box.addLayout(buttons)
        box.addWidget(self.line_errors)
        self.finish_layout(
            FieldRows([("visit_kind", self.tr("Kind of treatment"), self.visit_kind)]), table_box
        )
        self.model.add_line()
        self._update_totals()

    # -- the table ------------------------------------------------------------------------------
    def _add_line(self) -> None:
        row = self.model.add_line()
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.edit(self.model.index(row, 0))

    def _remove_line(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            self.model.removeRows(row, 1)

    def current_totals(self) -> tuple[Decimal, Decimal, Decimal] | None:
        """Total, self-paid and the part for review of the readable lines (None if none)."""
        lines, _problems = self.model.lines()
        readable = [line for line in lines if line.amount >= 0 and line.self_paid >= 0]
        if not readable:
            return None
        totals = claim_totals(readable)
        return totals.total, totals.self_paid, totals.total - totals.self_paid

    def _update_totals(self, *_args: object) -> None:
        figures = self.current_totals()
        if figures is None:
            self.totals.setText(self.tr("Total: —"))
            return
        total, self_paid, eligible = figures
        self.totals.setText(
            self.tr("Total %1 · self-paid %2 · for review %3")
            .replace("%1", format_yuan(total))
            .replace("%2", format_yuan(self_paid))
            .replace("%3", format_yuan(eligible))
        )

    # -- the form -------------------------------------------------------------------------------
    def problems(self) -> list[ValidationError]:
        return self.model.lines()[1]

    def payload(self) -> ReimbursementPayload:
        lines, _problems = self.model.lines()
        return ReimbursementPayload(
            catalogue_version="",
            id_number=self.id_number,
            lines=tuple(lines),
            visit_kind=str(self.visit_kind.currentData() or ""),
            name=self.subject_name,
            materials=self.checklist.received(),
            ticket=self.ticket,
            window_number=self.window_number,
        )

    def send(self, payload: Any) -> Accepted:
        return claim_reimbursement(self.ws, self.user.username, payload)

    def changes_of(self, payload: Any) -> Changes:
        return SPEC.changes(payload)

    def snapshot(self) -> object:
        rows = tuple(
            tuple(self.model.value(row, column) for column in COLUMNS)
            for row in self.model.filled_rows()
        )
        return (rows, self.visit_kind.currentData(), self.checklist.received(), self.id_number)

    def show_other_errors(self, errors: Sequence[ValidationError]) -> list[ValidationError]:
        filled = self.model.filled_rows()
        marks: dict[tuple[int, str], str] = {}
        texts: list[str] = []
        left: list[ValidationError] = []
        for error in errors:
            parts = error.field.split(".")
            if len(parts) == 3 and parts[0] == "lines" and parts[1].isdigit():
                position, column = int(parts[1]), parts[2]
                text = service_error_text(error)
                row = filled[position] if position < len(filled) else position
                marks[(row, column)] = text
                texts.append(
                    self.tr("Invoice %1, %2: %3")
                    .replace("%1", str(row + 1))
                    .replace(
                        "%2",
                        self.model.headerData(COLUMNS.index(column), Qt.Orientation.Horizontal)
                        if column in COLUMNS
                        else "",
                    )
                    .replace("%3", text)
                )
            else:
                left.append(error)
        self.model.set_errors(marks)
        self.line_errors.setText("\n".join(texts))
        self.line_errors.setVisible(bool(texts))
        return left

    def clear_inputs(self) -> None:
        self.visit_kind.setCurrentIndex(0)
        self.model.clear()
        self.model.add_line()
        self.line_errors.clear()
        self.line_errors.setVisible(False)
