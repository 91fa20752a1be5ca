"""灵活就业人员缴费 — a flexible worker pays for a run of months at a grade (档次).

The person at the counter chooses a grade of the region's table (or, where the table lets
the base be chosen freely and offers no grades, a base between the limits), the first and
last month, whether medical insurance is paid too (where the region's table has a flexible
medical base) and how they pay. The preview shows each month's pension — 20 % of the base,
of which 8 % to the personal account and 12 % to the pooled fund — the medical parts and the
total due. Accept sends ``person.flexible_payment``; the payment notice (result slip) prints
the amounts the case recorded.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from counter_app.catalogue.schema import Item
from counter_app.client.workstation import Workstation
from counter_app.domain.errors import ValidationError
from counter_app.domain.people import StaffUser
from counter_app.items import flexible_payment
from counter_app.items.spec import Changes
from counter_app.services import contribution_items as money_items
from counter_app.services.command_bus import Accepted
from counter_app.ui.customer_context import CustomerContext
from counter_app.ui.item_forms.money_form import (
    MoneyForm,
    PreviewLine,
    RegionBox,
    amount_input,
    month_input,
    month_of,
    typed_amount,
    yuan_text,
)
from counter_app.ui.roles_text import text_of

translate = QCoreApplication.translate
FREE_BASE = "__base__"  # the grade combo's entry for a base of one's choice


class FlexiblePaymentForm(MoneyForm):
    what = "flexible_payment"

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
        self.setObjectName("flexiblePaymentForm")
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.region = RegionBox(money_items.hall_region(ws))
        self.from_month = month_input("from_month")
        self.to_month = month_input("to_month")
        self.grade = QComboBox()
        self.grade.setObjectName("grade")
        self.base = amount_input("base")
        self.include_medical = QCheckBox(
            translate("FlexiblePaymentForm", "Pay medical insurance too")
        )
        self.include_medical.setObjectName("include_medical")
        self.include_medical.setChecked(True)
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        channel_field = next((f for f in item.fields if f.name == "channel"), None)
        for choice in channel_field.choices if channel_field is not None else ():
            self.channel.addItem(text_of(choice.label_zh, choice.label_en), choice.value)

        self.add_input("id_number", translate("FlexiblePaymentForm", "ID number"), self.id_number)
        self.add_input("region", translate("FlexiblePaymentForm", "Region"), self.region)
        self.add_input(
            "from_month", translate("FlexiblePaymentForm", "From month"), self.from_month
        )
        self.add_input("to_month", translate("FlexiblePaymentForm", "To month"), self.to_month)
        self.add_input("grade", translate("FlexiblePaymentForm", "Grade"), self.grade)
        self.add_input(
            "base",
            translate("FlexiblePaymentForm", "Base of one's choice (yuan a month)"),
            self.base,
        )
        self.add_input(
            "include_medical",
            translate("FlexiblePaymentForm", "Medical insurance"),
            self.include_medical,
        )
        self.add_input("channel", translate("FlexiblePaymentForm", "Payment channel"), self.channel)
        self.watch(
            self.id_number,
            self.region,
            self.from_month,
            self.to_month,
            self.grade,
            self.base,
            self.include_medical,
            self.channel,
        )
        self.region.currentIndexChanged.connect(self._offer_grades)
        self.from_month.dateChanged.connect(self._offer_grades)
        self.grade.currentIndexChanged.connect(self._grade_chosen)
        self._offer_grades()
        self.finish_layout()

    # -- choices ---------------------------------------------------------------------------------
    def _first_month(self) -> dt.date:
        date = self.from_month.date()
        return dt.date(date.year(), date.month(), 1)

    def _offer_grades(self, *_args: object) -> None:
        """The grades of the table in force in the first month (or a base of one's choice)."""
        chosen = self.grade.currentData()
        options = money_items.flexible_options(self.region.region, self._first_month())
        self._filling = True
        try:
            self.grade.clear()
            if options is not None:
                for name, base in options.grades:
                    self.grade.addItem(
                        translate("FlexiblePaymentForm", "%1 (base %2)")
                        .replace("%1", name)
                        .replace("%2", yuan_text(base)),
                        name,
                    )
                if options.base_free:
                    self.grade.addItem(
                        translate("FlexiblePaymentForm", "A base of one's choice (%1 – %2)")
                        .replace("%1", yuan_text(options.lower) if options.lower else "—")
                        .replace("%2", yuan_text(options.upper) if options.upper else "—"),
                        FREE_BASE,
                    )
                    if not self.base.text() and options.lower is not None:
                        self.base.setText(f"{options.lower:.2f}")
            index = self.grade.findData(chosen)
            self.grade.setCurrentIndex(index if index >= 0 else 0)
            has_medical = options is not None and options.medical_base is not None
            self.include_medical.setEnabled(has_medical)
            self.include_medical.setToolTip(
                ""
                if has_medical
                else translate(
                    "FlexiblePaymentForm",
                    "The region's table has no medical base for flexible workers.",
                )
            )
        finally:
            self._filling = False
        self._grade_chosen()

    def _grade_chosen(self, *_args: object) -> None:
        self.base.setEnabled(self.grade.currentData() == FREE_BASE)

    def choose_grade(self, name: str) -> None:
        index = self.grade.findData(name)
        if index >= 0:
            self.grade.setCurrentIndex(index)

    # -- payload and preview -----------------------------------------------------------------
    def payload(self) -> flexible_payment.FlexiblePaymentPayload:
        chosen = self.grade.currentData()
        base = None
        if chosen == FREE_BASE:
            base = typed_amount(self.base.text(), "base")
        elif not chosen:
            raise ValidationError("grade", "required", "choose a grade")
        return flexible_payment.FlexiblePaymentPayload(
            id_number=self.id_number.text().strip(),
            region=self.region.region,
            from_month=month_of(self.from_month),
            to_month=month_of(self.to_month),
            grade="" if chosen == FREE_BASE else str(chosen),
            base=base,
            include_medical=self.include_medical.isEnabled() and self.include_medical.isChecked(),
            channel=str(self.channel.currentData() or ""),
            name=self.context.person.name if self.context.person is not None else "",
            catalogue_version=self.catalogue_version,
            materials=self.checklist.received(),
            ticket=self.context.ticket_reference or "",
            window_number=self.window_number,
        )

    def preview_lines(self) -> list[PreviewLine]:
        plan = money_items.preview_flexible(self.payload(), dt.date.today())
        lines: list[PreviewLine] = []
        runs: list[list[Any]] = []
        for month in plan.months:
            same = runs and _figures(runs[-1][-1]) == _figures(month)
            if same:
                runs[-1].append(month)
            else:
                runs.append([month])
        for run in runs:
            head, tail = run[0], run[-1]
            span = (
                f"{head.month:%Y-%m}"
                if head is tail
                else translate("FlexiblePaymentForm", "%1 to %2")
                .replace("%1", f"{head.month:%Y-%m}")
                .replace("%2", f"{tail.month:%Y-%m}")
            )
            pension = head.pension
            lines.append(
                (
                    translate("FlexiblePaymentForm", "%1: pension on the base %2, a month")
                    .replace("%1", span)
                    .replace("%2", yuan_text(pension.base)),
                    yuan_text(pension.amount),
                )
            )
            lines.append(
                (
                    translate("FlexiblePaymentForm", "    of which to the personal account"),
                    yuan_text(pension.personal_account),
                )
            )
            lines.append(
                (
                    translate("FlexiblePaymentForm", "    of which to the pooled fund"),
                    yuan_text(pension.pooled),
                )
            )
            if head.medical is not None:
                for part in head.medical.parts:
                    lines.append(
                        (
                            translate("FlexiblePaymentForm", "%1: %2 on the base %3, a month")
                            .replace("%1", span)
                            .replace("%2", _part_label(part.name))
                            .replace("%3", yuan_text(head.medical.base)),
                            yuan_text(part.amount),
                        )
                    )
            lines.append(
                (
                    translate("FlexiblePaymentForm", "%1: total a month").replace("%1", span),
                    yuan_text(head.total),
                )
            )
        lines.append(
            (
                translate("FlexiblePaymentForm", "Total due for %1 months").replace(
                    "%1", str(len(plan.months))
                ),
                yuan_text(plan.total),
            )
        )
        self.show_status(plan.status)
        return lines

    def send(self, payload: Any) -> Accepted:
        return money_items.pay_flexible(self.ws, payload, self.user.username)

    def changes_of(self, payload: Any) -> Changes:
        return flexible_payment.SPEC.changes(payload)

    # -- the customer ------------------------------------------------------------------------
    def take_customer(self) -> None:
        self.take_person(self.id_number)

    def clear_inputs(self) -> None:
        self.id_number.clear()
        self.base.clear()
        self.include_medical.setChecked(True)
        self.channel.setCurrentIndex(0)
        self._offer_grades()


def _figures(month: Any) -> tuple[Any, ...]:
    medical = month.medical
    return (
        month.pension.base,
        month.pension.amount,
        month.pension.personal_account,
        None if medical is None else tuple((p.name, p.amount) for p in medical.parts),
    )


def _part_label(name: str) -> str:
    """A part of the flexible medical rate (the table names it by a code)."""
    return {
        "basic": translate("FlexiblePaymentForm", "basic medical insurance"),
        "serious_illness": translate("FlexiblePaymentForm", "serious-illness mutual aid"),
    }.get(name) or translate("FlexiblePaymentForm", "medical insurance")
