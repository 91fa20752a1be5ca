"""社会保险费补缴 — an employer pays months in arrears, with the late fee.

The teller types the employer's credit code, the region, the payment date (the centre's
business day by default, never a later day), the insurance types and one line per staff
member and month owed with that month's wage — or fills a run of months at once. While
typing, the preview shows each month's principal and its late fee (0.05 % a day, Social
Insurance Law art. 86, with the days counted) and the totals. Accept sends
``contribution.back_payment``; the case goes to a reviewer, and the receipt prints the
principal, the fee of every month and the total.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
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
from counter_app.items import back_payment
from counter_app.items.contribution_common import months_from_to
from counter_app.items.spec import Changes
from counter_app.services import contribution_items as money_items
from counter_app.services.command_bus import Accepted
from counter_app.ui.customer_context import CustomerContext
from counter_app.ui.item_forms.money_form import (
    MoneyForm,
    PreviewLine,
    RegionBox,
    amount_input,
    cell_text,
    choice_combo,
    date_input,
    date_of,
    filled_rows,
    insurance_boxes,
    masked_id,
    month_input,
    remove_selected_rows,
    row_table,
    typed_amount,
    yuan_text,
)
from counter_app.ui.ops import Op

translate = QCoreApplication.translate
ID_COLUMN, MONTH_COLUMN, WAGE_COLUMN = 0, 1, 2
TYPES = ("pension", "medical", "unemployment", "work_injury")


class BackPaymentForm(MoneyForm):
    what = "back_payment"

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
        self.setObjectName("backPaymentForm")
        self.business_day = dt.date.today()  # until the centre has said its day
        self.credit_code = QLineEdit()
        self.credit_code.setMaxLength(64)
        self.region = RegionBox(money_items.hall_region(ws))
        self.paid_on = date_input("paid_on")
        self.reason = choice_combo(item, "reason", "reason")
        self.types, self.types_widget = insurance_boxes(TYPES, 2)
        for code, box in self.types.items():
            box.setChecked(code in back_payment.DEFAULT_TYPES)
        self.injury_class = QSpinBox()
        self.injury_class.setObjectName("work_injury_class")
        self.injury_class.setRange(1, 8)

        self.lines = row_table(
            "lines",
            [
                translate("BackPaymentForm", "ID number"),
                translate("BackPaymentForm", "Month owed (YYYY-MM)"),
                translate("BackPaymentForm", "Wage of the month (yuan)"),
            ],
            140,
        )
        # Filling a run of months for one staff member at once.
        self.fill_id = QLineEdit()
        self.fill_id.setObjectName("fillIdNumber")
        self.fill_id.setMaxLength(18)
        self.fill_id.setPlaceholderText(translate("BackPaymentForm", "ID number"))
        self.fill_from = month_input("fillFrom")
        self.fill_to = month_input("fillTo")
        self.fill_wage = amount_input("fillWage")
        fill = QPushButton(translate("BackPaymentForm", "Add these months"))
        fill.setObjectName("fillMonths")
        fill.clicked.connect(self.fill_months)
        remove = QPushButton(translate("BackPaymentForm", "Remove the selected rows"))
        remove.setObjectName("removeLines")
        remove.clicked.connect(self.remove_selected)
        fill_row = QHBoxLayout()
        fill_row.addWidget(self.fill_id, 2)
        fill_row.addWidget(QLabel(translate("BackPaymentForm", "from")))
        fill_row.addWidget(self.fill_from)
        fill_row.addWidget(QLabel(translate("BackPaymentForm", "to")))
        fill_row.addWidget(self.fill_to)
        fill_row.addWidget(self.fill_wage, 1)
        fill_row.addWidget(fill)
        lines_box = QWidget()
        lines_box.setObjectName("linesBox")
        lines_layout = QVBoxLayout(lines_box)
        lines_layout.setContentsMargins(0, 0, 0, 0)
        lines_layout.addWidget(self.lines)
        lines_layout.addLayout(fill_row)
        remove_row = QHBoxLayout()
        remove_row.addWidget(remove)
        remove_row.addStretch(1)
        lines_layout.addLayout(remove_row)

        self.add_input(
            "credit_code", translate("BackPaymentForm", "Employer credit code"), self.credit_code
        )
        self.add_input("region", translate("BackPaymentForm", "Region"), self.region)
        self.add_input("paid_on", translate("BackPaymentForm", "Payment date"), self.paid_on)
        self.add_input("reason", translate("BackPaymentForm", "Reason"), self.reason)
        self.add_input(
            "insurance_types", translate("BackPaymentForm", "Insurance types"), self.types_widget
        )
        self.add_input(
            "work_injury_class",
            translate("BackPaymentForm", "Work-injury industry class"),
            self.injury_class,
        )
        self.add_input("lines", translate("BackPaymentForm", "Months owed"), lines_box)
        self.inputs["lines"] = self.lines
        self.watch(
            self.credit_code,
            self.region,
            self.paid_on,
            self.reason,
            self.injury_class,
            self.lines,
            *self.types.values(),
        )
        self.ask_business_day()
        self.finish_layout()

    # -- the payment date --------------------------------------------------------------------
    def ask_business_day(self) -> None:
        """The payment date starts at the centre's business day, and may not pass it."""
        Op(lambda: money_items.business_day(self.ws), parent=self).success(
            self.set_business_day
        ).failure(lambda _exc: None).run_in_background()

    def set_business_day(self, day: dt.date) -> None:
        self.business_day = day
        qday = QDate(day.year, day.month, day.day)
        self.paid_on.setMaximumDate(qday)
        if self.sent is None and not self._rows():
            self.keeping_baseline(lambda: self.paid_on.setDate(qday))

    # -- the table ---------------------------------------------------------------------------
    def add_line(self, id_number: str = "", month: str = "", wage: str = "") -> int:
        row = self.lines.rowCount()
        self._filling = True
        try:
            self.lines.insertRow(row)
            for column, text in (
                (ID_COLUMN, id_number),
                (MONTH_COLUMN, month),
                (WAGE_COLUMN, wage),
            ):
                self.lines.setItem(row, column, QTableWidgetItem(text))
        finally:
            self._filling = False
        self._input_changed()
        return row

    def fill_months(self) -> None:
        """One line per month from ``fillFrom`` to ``fillTo`` for the staff member typed."""
        first, last = self.fill_from.date(), self.fill_to.date()
        months = months_from_to(
            dt.date(first.year(), first.month(), 1), dt.date(last.year(), last.month(), 1)
        )
        for month in months:
            self.add_line(self.fill_id.text().strip(), f"{month:%Y-%m}", self.fill_wage.text())

    def remove_selected(self) -> None:
        remove_selected_rows(self.lines)
        self._input_changed()

    def _cell(self, row: int, column: int) -> str:
        return cell_text(self.lines, row, column)

    def _rows(self) -> list[int]:
        return filled_rows(self.lines)

    def error_line(self, error: ValidationError) -> str:
        parts = error.field.split(".")
        if len(parts) >= 2 and parts[0] == "lines" and parts[1].isdigit():
            rows = self._rows()
            index = int(parts[1])
            row = rows[index] if index < len(rows) else index
            error = ValidationError(
                f"lines.{row}.{'.'.join(parts[2:])}", error.code, error.message, dict(error.params)
            )
        return super().error_line(error)

    # -- payload and preview -----------------------------------------------------------------
    def payload(self) -> back_payment.BackPaymentPayload:
        errors: list[ValidationError] = []
        lines = []
        for index, row in enumerate(self._rows()):
            try:
                wage = typed_amount(self._cell(row, WAGE_COLUMN), f"lines.{index}.wage")
            except ValidationError as exc:
                errors.append(exc)
                wage = Decimal(0)
            lines.append(
                back_payment.ArrearsMonth(
                    self._cell(row, ID_COLUMN), self._cell(row, MONTH_COLUMN), wage
                )
            )
        if errors:
            raise ValidationErrors(errors)
        return back_payment.BackPaymentPayload(
            credit_code=self.credit_code.text().strip(),
            region=self.region.region,
            paid_on=date_of(self.paid_on),
            lines=tuple(lines),
            insurance_types=tuple(c for c, box in self.types.items() if box.isChecked()),
            work_injury_class=self.injury_class.value(),
            reason=str(self.reason.currentData() or "arrears"),
            catalogue_version=self.catalogue_version,
            materials=self.checklist.received(),
            ticket=self.context.ticket_reference or "",
            window_number=self.window_number,
        )

    def preview_lines(self) -> list[PreviewLine]:
        # The latest allowed date is the centre's day (the handler checks it there again).
        plan = money_items.preview_back_payment(self.payload(), self.business_day)
        lines: list[PreviewLine] = []
        for person in plan.persons:
            who = masked_id(person.id_number)
            for month in person.payment.months:
                lines.append(
                    (
                        translate("BackPaymentForm", "%1 %2: contributions owed")
                        .replace("%1", who)
                        .replace("%2", f"{month.month:%Y-%m}"),
                        yuan_text(month.principal),
                    )
                )
                lines.append(
                    (
                        translate(
                            "BackPaymentForm", "    late fee: %1 days from %2 at 0.05 % a day"
                        )
                        .replace("%1", str(month.days))
                        .replace("%2", (month.due_date + dt.timedelta(days=1)).isoformat()),
                        yuan_text(month.fee),
                    )
                )
        lines += [
            (translate("BackPaymentForm", "Contributions owed"), yuan_text(plan.principal)),
            (translate("BackPaymentForm", "Late fees"), yuan_text(plan.fees)),
            (translate("BackPaymentForm", "Total due"), yuan_text(plan.total)),
        ]
        self.show_status(plan.status)
        return lines

    def send(self, payload: Any) -> Accepted:
        return money_items.declare_back_payment(self.ws, payload, self.user.username)

    def changes_of(self, payload: Any) -> Changes:
        return back_payment.SPEC.changes(payload)

    # -- the customer ------------------------------------------------------------------------
    def take_customer(self) -> None:
        self.take_employer(self.credit_code)

    def clear_inputs(self) -> None:
        self.credit_code.clear()
        self.lines.setRowCount(0)
        for widget in (self.fill_id, self.fill_wage):
            widget.clear()
        for code, box in self.types.items():
            box.setChecked(code in back_payment.DEFAULT_TYPES)
        self.injury_class.setValue(1)
        self.reason.setCurrentIndex(0)
        day = self.business_day
        self.paid_on.setDate(QDate(day.year, day.month, day.day))
        self.ask_business_day()
