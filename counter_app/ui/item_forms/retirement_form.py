"""职工正常退休申请 — the form of a normal retirement application (``benefit.retirement``).

The statutory age comes from the birth date in the identified person's ID number and, for a
woman, her post (cadre or worker); the form shows it, with the month of retirement, as soon as
the person is known (the same dated rules the command applies, ``domain.retirement_age``).
The teller enters the deemed contribution months the personnel file shows; the centre adds
the paid months its records hold and refuses too few.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from counter_app.catalogue.schema import Item
from counter_app.client.workstation import Workstation
from counter_app.domain.ids import IdNumber, Sex
from counter_app.domain.people import StaffUser
from counter_app.domain.retirement_age import age_group, minimum_contribution_months, statutory_age
from counter_app.items.retirement import MAX_DEEMED_MONTHS, SPEC, RetirementPayload
from counter_app.items.spec import Changes
from counter_app.services.command_bus import Accepted
from counter_app.services.service_items import apply_for_retirement
from counter_app.ui.customer_context import CustomerContext
from counter_app.ui.item_forms.registry_form_parts import FieldRows
from counter_app.ui.item_forms.service_form import ServiceItemForm


class RetirementForm(ServiceItemForm):
    KIND = SPEC.kind
    WHAT = "retirement"

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
        self.female_post = QComboBox()
        self.female_post.addItem(self.tr("— choose —"), "")
        self.female_post.addItem(self.tr("Cadre (management or technical post)"), "cadre")
        self.female_post.addItem(self.tr("Worker"), "worker")
        self.female_post.currentIndexChanged.connect(self._show_age)
        self.deemed_months = QSpinBox()
        self.deemed_months.setRange(0, MAX_DEEMED_MONTHS)
        self.deemed_months.setSuffix(self.tr(" months"))
        self.employer_code = QLineEdit()
        self.employer_code.setMaxLength(64)
        self.employer_code.setPlaceholderText(self.tr("Empty for a flexible worker"))
        self.age = QLabel()
        self.age.setWordWrap(True)
        self.finish_layout(
            FieldRows(
                [
                    ("female_post", self.tr("Post (women)"), self.female_post),
                    ("statutory_age", self.tr("Statutory retirement age"), self.age),
                    ("deemed_months", self.tr("Deemed contribution months"), self.deemed_months),
                    ("employer_code", self.tr("Employer credit code"), self.employer_code),
                ]
            )
        )

    def _identity(self) -> IdNumber | None:
        raw = self.context.id_number
        if raw is None:
            return None
        try:
            return IdNumber.parse(raw)
        except Exception:  # a number the panel accepted; never expected to fail here
            return None

    def _show_age(self) -> None:
        """The statutory age and the month of retirement, from the ID number and the post."""
        number = self._identity()
        male = number is not None and number.sex is Sex.MALE
        self.female_post.setEnabled(number is not None and not male)
        if male:
            self.female_post.setCurrentIndex(0)
        if number is None:
            self.age.clear()
            return
        post = str(self.female_post.currentData() or "")
        if not male and not post:
            self.age.setText(self.tr("Choose the post: it decides a woman's statutory age."))
            return
        age = statutory_age(number.birth_date, age_group(male, post))
        minimum = minimum_contribution_months(age.reached_on.year)
        if age.months:
            years = (
                self.tr("%1 years %2 months")
                .replace("%1", str(age.years))
                .replace("%2", str(age.months))
            )
        else:
            years = self.tr("%1 years").replace("%1", str(age.years))
        self.age.setText(
            self.tr("%1, reached on %2 (retirement month %3); at least %4 contribution months.")
            .replace("%1", years)
            .replace("%2", age.reached_on.isoformat())
            .replace("%3", age.retirement_month)
            .replace("%4", str(minimum))
        )

    def payload(self) -> RetirementPayload:
        return RetirementPayload(
            catalogue_version="",
            id_number=self.id_number,
            female_post=str(self.female_post.currentData() or ""),
            deemed_months=self.deemed_months.value(),
            employer_code=self.employer_code.text(),
            name=self.subject_name,
            materials=self.checklist.received(),
            ticket=self.ticket,
            window_number=self.window_number,
        )

    def send(self, payload: Any) -> Accepted:
        return apply_for_retirement(self.ws, self.user.username, payload)

    def changes_of(self, payload: Any) -> Changes:
        return SPEC.changes(payload)

    def clear_inputs(self) -> None:
        self.female_post.setCurrentIndex(0)
        self.deemed_months.setValue(0)
        self.employer_code.clear()
        self._show_age()

    def take_person(self) -> None:
        if self.context.employer_code and not self.employer_code.text():
            self.employer_code.setText(self.context.employer_code)
        self._show_age()
