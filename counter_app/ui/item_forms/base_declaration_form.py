"""缴费基数申报 — the employer declares each staff member's contribution base for the year.

The teller types the employer's credit code (taken from the customer at the counter when
known), the region (the hall's own when the workstation names one), the first month the
bases apply from, and one row per staff member: ID number, name and last year's average
monthly wage. While typing, the preview shows each staff member's base — a wage below the
lower limit or above the upper limit is marked as clamped — the monthly shares and the total
for the months of the year. Accept sends ``employer.base_declare``; the result slip prints
the figures the case recorded.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.catalogue.schema import Item
from counter_app.client.workstation import Workstation
from counter_app.domain.errors import ValidationError, ValidationErrors
from counter_app.domain.people import StaffUser
from counter_app.items import base_declaration
from counter_app.items.spec import Changes
from counter_app.services import contribution_items as money_items
from counter_app.services.command_bus import Accepted
from counter_app.ui.customer_context import CustomerContext
from counter_app.ui.item_forms.money_form import (
    MoneyForm,
    PreviewLine,
    RegionBox,
    cell_text,
    filled_rows,
    insurance_boxes,
    masked_id,
    month_input,
    month_of,
    remove_selected_rows,
    row_table,
    typed_amount,
    yuan_text,
)

translate = QCoreApplication.translate
ID_COLUMN, NAME_COLUMN, WAGE_COLUMN = 0, 1, 2
TYPES = ("pension", "medical", "unemployment", "work_injury", "maternity")


class BaseDeclarationForm(MoneyForm):
    what = "base_declaration"

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
        self.setObjectName("baseDeclarationForm")
        self.credit_code = QLineEdit()
        self.credit_code.setMaxLength(64)
        self.credit_code.setPlaceholderText(
            translate("BaseDeclarationForm", "18-character credit code")
        )
        self.region = RegionBox(money_items.hall_region(ws))
        self.effective_month = month_input("effective_month")
        self.effective_month.setDate(QDate(QDate.currentDate().year(), 1, 1))
        self.types, self.types_widget = insurance_boxes(TYPES, 3)
        self.injury_class = QSpinBox()
        self.injury_class.setObjectName("work_injury_class")
        self.injury_class.setRange(1, 8)

        self.staff = row_table(
            "staff",
            [
                translate("BaseDeclarationForm", "ID number"),
                translate("BaseDeclarationForm", "Name"),
                translate("BaseDeclarationForm", "Average monthly wage (yuan)"),
            ],
            140,
        )
        add = QPushButton(translate("BaseDeclarationForm", "Add a staff member"))
        add.setObjectName("addStaff")
        add.clicked.connect(lambda: self.add_staff())
        remove = QPushButton(translate("BaseDeclarationForm", "Remove the selected row"))
        remove.setObjectName("removeStaff")
        remove.clicked.connect(self.remove_selected)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(add)
        row_buttons.addWidget(remove)
        row_buttons.addStretch(1)
        staff_box = QWidget()
        staff_box.setObjectName("staffBox")
        staff_layout = QVBoxLayout(staff_box)
        staff_layout.setContentsMargins(0, 0, 0, 0)
        staff_layout.addWidget(self.staff)
        staff_layout.addLayout(row_buttons)

        self.add_input(
            "credit_code",
            translate("BaseDeclarationForm", "Employer credit code"),
            self.credit_code,
        )
        self.add_input("region", translate("BaseDeclarationForm", "Region"), self.region)
        self.add_input(
            "effective_month",
            translate("BaseDeclarationForm", "Applies from (to December)"),
            self.effective_month,
        )
        self.add_input(
            "insurance_types",
            translate("BaseDeclarationForm", "Insurance types"),
            self.types_widget,
        )
        self.add_input(
            "work_injury_class",
            translate("BaseDeclarationForm", "Work-injury industry class"),
            self.injury_class,
        )
        self.add_input("staff", translate("BaseDeclarationForm", "Staff"), staff_box)
        self.inputs["staff"] = self.staff
        self.watch(
            self.credit_code,
            self.region,
            self.effective_month,
            self.injury_class,
            self.staff,
            *self.types.values(),
        )
        self.region.currentIndexChanged.connect(self._offer_types)
        self.effective_month.dateChanged.connect(self._offer_types)
        self._offer_types(check=True)
        self.add_staff()
        self.finish_layout()

    # -- the table ---------------------------------------------------------------------------
    def add_staff(self, id_number: str = "", name: str = "", wage: str = "") -> int:
        """A row for one staff member (empty, or filled); returns its index."""
        row = self.staff.rowCount()
        self._filling = True
        try:
            self.staff.insertRow(row)
            for column, text in ((ID_COLUMN, id_number), (NAME_COLUMN, name), (WAGE_COLUMN, wage)):
                self.staff.setItem(row, column, QTableWidgetItem(text))
        finally:
            self._filling = False
        self.refresh_preview()
        return row

    def set_staff(self, row: int, id_number: str, name: str, wage: str) -> None:
        """Type a row (as the teller would, cell by cell)."""
        for column, text in ((ID_COLUMN, id_number), (NAME_COLUMN, name), (WAGE_COLUMN, wage)):
            cell = self.staff.item(row, column)
            if cell is None:
                self.staff.setItem(row, column, QTableWidgetItem(text))
            else:
                cell.setText(text)

    def remove_selected(self) -> None:
        remove_selected_rows(self.staff)
        self._input_changed()

    def _cell(self, row: int, column: int) -> str:
        return cell_text(self.staff, row, column)

    def _rows(self) -> list[int]:
        return filled_rows(self.staff)

    def table_row(self, index: int) -> int:
        rows = self._rows()
        return rows[index] + 1 if index < len(rows) else index + 1

    def error_line(self, error: ValidationError) -> str:
        parts = error.field.split(".")
        if len(parts) >= 2 and parts[0] == "staff" and parts[1].isdigit():
            shown = ValidationError(
                f"staff.{self.table_row(int(parts[1])) - 1}.{'.'.join(parts[2:])}",
                error.code,
                error.message,
                dict(error.params),
            )
            return super().error_line(shown)
        return super().error_line(error)

    def _offer_types(self, *_args: object, check: bool = False) -> None:
        """Only the types the region's table has rates for may be chosen (every employee
        type while no table covers the month); with none ticked, all offered are."""
        month = self._month()
        offered = money_items.employee_types(self.region.region, month) if month else ()
        allowed = offered or base_declaration.EMPLOYEE_TYPES
        self._filling = True
        try:
            for code, box in self.types.items():
                box.setEnabled(code in allowed)
                if code not in allowed:
                    box.setChecked(False)
                elif check:
                    box.setChecked(True)
            if not any(box.isChecked() for box in self.types.values()):
                for code in allowed:
                    self.types[code].setChecked(True)
        finally:
            self._filling = False

    def _month(self) -> dt.date | None:
        date = self.effective_month.date()
        return dt.date(date.year(), date.month(), 1)

    # -- payload and preview -----------------------------------------------------------------
    def payload(self) -> base_declaration.BaseDeclarationPayload:
        errors: list[ValidationError] = []
        staff = []
        for index, row in enumerate(self._rows()):
            try:
                wage = typed_amount(self._cell(row, WAGE_COLUMN), f"staff.{index}.wage")
            except ValidationError as exc:
                errors.append(exc)
                wage = Decimal(0)
            staff.append(
                base_declaration.StaffWage(
                    self._cell(row, ID_COLUMN), wage, self._cell(row, NAME_COLUMN)
                )
            )
        if errors:
            raise ValidationErrors(errors)
        return base_declaration.BaseDeclarationPayload(
            credit_code=self.credit_code.text().strip(),
            region=self.region.region,
            effective_month=month_of(self.effective_month),
            staff=tuple(staff),
            insurance_types=tuple(c for c, box in self.types.items() if box.isChecked()),
            work_injury_class=self.injury_class.value(),
            catalogue_version=self.catalogue_version,
            materials=self.checklist.received(),
            ticket=self.context.ticket_reference or "",
            window_number=self.window_number,
        )

    def preview_lines(self) -> list[PreviewLine]:
        declaration = money_items.preview_declaration(self.payload(), dt.date.today())
        lines: list[PreviewLine] = [
            (
                translate("BaseDeclarationForm", "Base limits of %1").replace(
                    "%1", str(declaration.year)
                ),
                f"{yuan_text(declaration.lower)} – {yuan_text(declaration.upper)}",
            )
        ]
        for staff in declaration.staff:
            who = " ".join(
                p for p in (f"{staff.row}.", staff.name, masked_id(staff.id_number)) if p
            )
            if staff.clamped == "lower":
                note = translate("BaseDeclarationForm", "wage %1 is below the lower limit: clamped")
            elif staff.clamped == "upper":
                note = translate("BaseDeclarationForm", "wage %1 is above the upper limit: clamped")
            else:
                note = translate("BaseDeclarationForm", "wage %1")
            lines.append(
                (
                    f"{who} — {note.replace('%1', yuan_text(staff.wage))} → "
                    + translate("BaseDeclarationForm", "base"),
                    yuan_text(staff.base),
                )
            )
            lines.append(
                (
                    translate("BaseDeclarationForm", "    employer / individual a month"),
                    f"{yuan_text(staff.employer)} / {yuan_text(staff.individual)}",
                )
            )
        lines += [
            (
                translate("BaseDeclarationForm", "Employer's share a month"),
                yuan_text(declaration.employer_total),
            ),
            (
                translate("BaseDeclarationForm", "Staff's share a month"),
                yuan_text(declaration.individual_total),
            ),
            (
                translate("BaseDeclarationForm", "Total for %1 months").replace(
                    "%1", str(len(declaration.months))
                ),
                yuan_text(declaration.year_total),
            ),
        ]
        self.show_status(declaration.status)
        return lines

    def send(self, payload: Any) -> Accepted:
        return money_items.declare_bases(self.ws, payload, self.user.username)

    def changes_of(self, payload: Any) -> Changes:
        return base_declaration.SPEC.changes(payload)

    # -- the customer ------------------------------------------------------------------------
    def take_customer(self) -> None:
        self.take_employer(self.credit_code)

    def clear_inputs(self) -> None:
        self.credit_code.clear()
        self.staff.setRowCount(0)
        self.effective_month.setDate(QDate(QDate.currentDate().year(), 1, 1))
        self.injury_class.setValue(1)
        self._offer_types(check=True)
        self.add_staff()
