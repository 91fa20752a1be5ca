"""个人账户一次性支付（退保） — the personal account paid out on death or emigration.

The teller records the ground (death; settled abroad with Chinese nationality lost; retirement
age with fewer than 15 years), the date of the event, on death the heir (name, ID number,
relation) and the account to pay. The contributions credited to the account come from the
records when the person has any — loaded in the background when the ID number is typed — or
are typed as yearly sums (history from before these records). The preview works the balance
out year by year at the national credited rates. Accept sends ``refund.account``; the case
goes to approval (L3) and nothing of the person's insurance changes before it is approved.
The acceptance receipt prints the yearly lines and the amount.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter_app.catalogue.schema import Item, Material
from counter_app.client.workstation import Workstation
from counter_app.domain.errors import DomainError, ValidationError, ValidationErrors
from counter_app.domain.ids import IdNumber
from counter_app.domain.people import StaffUser
from counter_app.items import account_refund
from counter_app.items.spec import Changes
from counter_app.services import contribution_items as money_items
from counter_app.services.command_bus import Accepted
from counter_app.ui.customer_context import CustomerContext
from counter_app.ui.item_forms.money_form import (
    MoneyForm,
    PreviewLine,
    cell_text,
    choice_combo,
    date_input,
    date_of,
    remove_selected_rows,
    row_table,
    typed_amount,
    yuan_text,
)
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import text_of

translate = QCoreApplication.translate
YEAR_COLUMN, AMOUNT_COLUMN = 0, 1
Contributions = list[tuple[dt.date, Decimal]]


class RefundForm(MoneyForm):
    what = "account_refund"

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
        self.setObjectName("refundForm")
        self.recorded: Contributions = []
        self._records_of: str | None = None  # whose records ``recorded`` holds
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.reason = choice_combo(item, "reason", "reason")
        self.event_date = date_input("event_date")
        self.event_date.setMaximumDate(QDate.currentDate())

        self.heir = QGroupBox(translate("RefundForm", "Heir (on death)"))
        self.heir.setObjectName("heirBox")
        self.heir_name = QLineEdit()
        self.heir_name.setObjectName("heir_name")
        self.heir_id = QLineEdit()
        self.heir_id.setObjectName("heir_id_number")
        self.heir_id.setMaxLength(18)
        self.heir_relation = QComboBox()
        self.heir_relation.setObjectName("heir_relation")
        relation_field = next((f for f in item.fields if f.name == "applicant_relation"), None)
        for choice in relation_field.choices if relation_field is not None else ():
            if choice.value in account_refund.RELATIONS:
                self.heir_relation.addItem(text_of(choice.label_zh, choice.label_en), choice.value)
        heir_layout = QFormLayout(self.heir)
        for key, label, widget in (
            ("heir_name", translate("RefundForm", "Heir's name"), self.heir_name),
            ("heir_id_number", translate("RefundForm", "Heir's ID number"), self.heir_id),
            (
                "heir_relation",
                translate("RefundForm", "Relation to the deceased"),
                self.heir_relation,
            ),
        ):
            self.add_input(key, label, widget, heir_layout)

        self.account_number = QLineEdit()
        self.account_number.setMaxLength(30)
        self.source = QComboBox()
        self.source.setObjectName("source")
        self.source.addItem(translate("RefundForm", "The contributions on record"), "records")
        self.source.addItem(translate("RefundForm", "Yearly sums typed here"), "entered")
        self.records_label = QLabel()
        self.records_label.setObjectName("recordsLabel")
        self.records_label.setWordWrap(True)
        self.yearly = row_table(
            "yearly",
            [
                translate("RefundForm", "Year"),
                translate("RefundForm", "Contributions to the personal account (yuan)"),
            ],
            110,
        )
        add = QPushButton(translate("RefundForm", "Add a year"))
        add.setObjectName("addYear")
        add.clicked.connect(lambda: self.add_year())
        remove = QPushButton(translate("RefundForm", "Remove the selected row"))
        remove.setObjectName("removeYear")
        remove.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.yearly_box = QWidget()
        yearly_layout = QVBoxLayout(self.yearly_box)
        yearly_layout.setContentsMargins(0, 0, 0, 0)
        yearly_layout.addWidget(self.yearly)
        yearly_layout.addLayout(buttons)
        source_box = QWidget()
        source_layout = QVBoxLayout(source_box)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.addWidget(self.source)
        source_layout.addWidget(self.records_label)
        source_layout.addWidget(self.yearly_box)

        self.add_input(
            "id_number", translate("RefundForm", "ID number of the insured"), self.id_number
        )
        self.add_input("reason", translate("RefundForm", "Ground"), self.reason)
        self.add_input(
            "event_date",
            translate("RefundForm", "Date of death or of settling abroad"),
            self.event_date,
        )
        self.fields.addRow(self.heir)
        self.add_input(
            "account_number",
            translate("RefundForm", "Bank account for the payment"),
            self.account_number,
        )
        self.add_input("yearly", translate("RefundForm", "Contributions"), source_box)
        self.inputs["yearly"] = self.yearly
        self.watch(
            self.id_number,
            self.reason,
            self.event_date,
            self.heir_name,
            self.heir_id,
            self.heir_relation,
            self.account_number,
            self.source,
            self.yearly,
        )
        self.reason.currentIndexChanged.connect(self._reason_chosen)
        self.source.currentIndexChanged.connect(self._source_chosen)
        self.id_number.textChanged.connect(self._load_records)
        self._reason_chosen()
        self._source_chosen()
        self.finish_layout()

    # -- choices ---------------------------------------------------------------------------------
    def _reason_chosen(self, *_args: object) -> None:
        self.heir.setVisible(self.reason.currentData() == "death")

    def _source_chosen(self, *_args: object) -> None:
        entered = self.source.currentData() == "entered"
        self.yearly_box.setVisible(entered)
        self.records_label.setVisible(not entered)

    def choose(self, combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def required_materials(self) -> list[Material]:
        """The item's mandatory materials, and the proof the ground needs (the death
        certificate on death, the proof of settling abroad on emigration)."""
        missing = super().required_materials()
        needed = account_refund.REASON_MATERIAL.get(str(self.reason.currentData()))
        received = set(self.checklist.received())
        for material in self.item.materials:
            if material.code == needed and needed not in received:
                missing.append(material)
        return missing

    # -- the records -------------------------------------------------------------------------
    def _load_records(self, *_args: object) -> None:
        """Read the person's contributions on record once the ID number is complete."""
        try:
            id_number = IdNumber.parse(self.id_number.text()).value
        except DomainError:
            self.recorded, self._records_of = [], None
            self._show_records()
            return
        if id_number == self._records_of:
            return
        Op(lambda: money_items.account_contributions(self.ws, id_number), parent=self).success(
            lambda found: self._records_loaded(id_number, found)
        ).failure(lambda _exc: None).run_in_background()

    def _records_loaded(self, id_number: str, found: Contributions) -> None:
        typed = self.id_number.text().strip().upper()
        if typed != id_number:
            return  # the ID number changed meanwhile
        self.recorded, self._records_of = found, id_number
        if not found and self.source.currentData() == "records":
            self.keeping_baseline(lambda: self.choose(self.source, "entered"))
        self._show_records()
        self.refresh_preview()

    def _show_records(self) -> None:
        sums = money_items.yearly_sums(self.recorded)
        if not sums:
            self.records_label.setText(
                translate("RefundForm", "No contributions of this person are on record.")
            )
            return
        self.records_label.setText(
            translate("RefundForm", "On record: %1").replace(
                "%1", "; ".join(f"{year}: {yuan_text(amount)}" for year, amount in sums)
            )
        )

    # -- the yearly table ----------------------------------------------------------------------
    def add_year(self, year: str = "", amount: str = "") -> int:
        row = self.yearly.rowCount()
        self._filling = True
        try:
            self.yearly.insertRow(row)
            self.yearly.setItem(row, YEAR_COLUMN, QTableWidgetItem(year))
            self.yearly.setItem(row, AMOUNT_COLUMN, QTableWidgetItem(amount))
        finally:
            self._filling = False
        self._input_changed()
        return row

    def remove_selected(self) -> None:
        remove_selected_rows(self.yearly)
        self._input_changed()

    def _cell(self, row: int, column: int) -> str:
        return cell_text(self.yearly, row, column)

    def _yearly(self) -> tuple[account_refund.YearlySum, ...]:
        errors: list[ValidationError] = []
        rows = [r for r in range(self.yearly.rowCount()) if self._cell(r, 0) or self._cell(r, 1)]
        sums = []
        for index, row in enumerate(rows):
            text = self._cell(row, YEAR_COLUMN)
            if not (text.isdigit() and len(text) == 4):
                errors.append(
                    ValidationError(f"yearly.{index}.year", "format", "a year has four digits")
                )
                continue
            try:
                amount = typed_amount(self._cell(row, AMOUNT_COLUMN), f"yearly.{index}.amount")
            except ValidationError as exc:
                errors.append(exc)
                continue
            sums.append(account_refund.YearlySum(int(text), amount))
        if errors:
            raise ValidationErrors(errors)
        return tuple(sums)

    # -- payload and preview -----------------------------------------------------------------
    def payload(self) -> account_refund.AccountRefundPayload:
        death = self.reason.currentData() == "death"
        entered = self.source.currentData() == "entered"
        heir = (
            account_refund.Heir(
                self.heir_name.text().strip(),
                self.heir_id.text().strip(),
                str(self.heir_relation.currentData() or ""),
            )
            if death
            else None
        )
        return account_refund.AccountRefundPayload(
            id_number=self.id_number.text().strip(),
            reason=str(self.reason.currentData() or ""),
            event_date=date_of(self.event_date),
            source="entered" if entered else "records",
            yearly=self._yearly() if entered else (),
            heir=heir,
            account_number=self.account_number.text().strip(),
            name=self.context.person.name if self.context.person is not None else "",
            catalogue_version=self.catalogue_version,
            materials=self.checklist.received(),
            ticket=self.context.ticket_reference or "",
            window_number=self.window_number,
        )

    def preview_lines(self) -> list[PreviewLine]:
        plan = money_items.preview_refund(self.payload(), dt.date.today(), self.recorded)
        refund = plan.refund
        lines: list[PreviewLine] = []
        for year in refund.years:
            if year.credited and year.rate is not None:
                label = (
                    translate(
                        "RefundForm",
                        "%1: contributions %2, interest on the balance %3 and on the year's "
                        "contributions %4 at %5 %; balance at the end of the year",
                    )
                    .replace("%1", str(year.year))
                    .replace("%2", yuan_text(year.contributions))
                    .replace("%3", yuan_text(year.interest_on_balance))
                    .replace("%4", yuan_text(year.interest_on_contributions))
                    .replace("%5", f"{(year.rate * 100).normalize():f}")
                )
            else:
                label = (
                    translate(
                        "RefundForm",
                        "%1: contributions %2 (no interest yet for this year); balance",
                    )
                    .replace("%1", str(year.year))
                    .replace("%2", yuan_text(year.contributions))
                )
            lines.append((label, yuan_text(year.closing_balance)))
        lines += [
            (
                translate("RefundForm", "Contributions in total"),
                yuan_text(refund.contributions_total),
            ),
            (translate("RefundForm", "Interest in total"), yuan_text(refund.interest_total)),
            (translate("RefundForm", "Amount to pay (after approval)"), yuan_text(refund.balance)),
        ]
        return lines

    def send(self, payload: Any) -> Accepted:
        return money_items.request_refund(self.ws, payload, self.user.username)

    def changes_of(self, payload: Any) -> Changes:
        return account_refund.SPEC.changes(payload)

    def accepted_text(self) -> str:
        return translate(
            "RefundForm",
            "Accepted on this workstation; the case goes to approval once the central database "
            "has numbered it. The person's insurance stays as it is until then.",
        )

    # -- the customer ------------------------------------------------------------------------
    def take_customer(self) -> None:
        self.take_person(self.id_number)

    def clear_inputs(self) -> None:
        for widget in (self.id_number, self.heir_name, self.heir_id, self.account_number):
            widget.clear()
        self.reason.setCurrentIndex(0)
        self.heir_relation.setCurrentIndex(0)
        self.source.setCurrentIndex(0)
        self.event_date.setDate(QDate.currentDate())
        self.yearly.setRowCount(0)
        self.recorded, self._records_of = [], None
        self._show_records()
