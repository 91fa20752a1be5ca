"""单位参保登记 — the employer registration form.

The teller types the credit code (its type of employer is proposed from the code's first two
characters), the name, type, industry, legal representative, date of establishment, address
and contact, and ticks the materials. Every field is checked at once before sending
(``items.employer_register.check_registration``, the same check the centre runs), each error
under its field, what was typed kept. With every mandatory material there the registration
is sent; otherwise the form offers the one-time notification (一次性告知书) instead, recorded
through the generic intake. The result line follows the centre's verdict and prints the
result slip with the employer number the centre assigned.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QLineEdit

from counter_app.domain.errors import ValidationError, ValidationErrors
from counter_app.items.employer_register import (
    INDUSTRIES,
    KIND,
    SPEC,
    TYPE_BY_CODE_PREFIX,
    EmployerRegistration,
    check_registration,
    item_field,
)
from counter_app.services.command_bus import Accepted
from counter_app.services.registry_changes import register_employer
from counter_app.ui.customer_context import Change, Outcome
from counter_app.ui.item_forms.registry_form_parts import FieldRows, ItemOutcome, RegistryForm
from counter_app.ui.roles_text import text_of

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def parse_date(text: str, field: str) -> dt.date | None:
    """A typed date (2020-05-01, 2020/5/1, 2020年5月1日, full-width digits too); ``None`` for
    an empty field; ``ValidationError`` for anything else."""
    folded = unicodedata.normalize("NFKC", text).strip()
    if not folded:
        return None
    match = _DATE.match(folded)
    if match:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            pass
    raise ValidationError(field, "format", f"{text} is not a date (YYYY-MM-DD)")


class EmployerRegisterForm(RegistryForm):
    WHAT = "employer_registration"

    def accept_label(self) -> tuple[str, str]:
        return self.tr("Register (Ctrl+Enter)"), "registerEmployer"

    def build(self) -> None:
        self.credit_code = QLineEdit()
        self.credit_code.setMaxLength(64)  # room for spaces and full-width forms
        self.credit_code.editingFinished.connect(self._propose_type)
        self.employer_name = QLineEdit()
        self.employer_name.setMaxLength(100)
        self.employer_type = QComboBox()
        self.employer_type.addItem(self.tr("— choose —"), "")
        for choice in item_field(self.item, "employer_type").choices:
            self.employer_type.addItem(text_of(choice.label_zh, choice.label_en), choice.value)
        self.industry = QComboBox()
        self.industry.addItem(self.tr("— choose —"), "")
        for letter, (zh, en) in INDUSTRIES.items():
            self.industry.addItem(f"{letter} {text_of(zh, en)}", letter)
        self.legal_representative = QLineEdit()
        self.established_on = QLineEdit()
        self.established_on.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.address = QLineEdit()
        self.address.setMaxLength(200)
        self.contact_name = QLineEdit()
        self.contact_phone = QLineEdit()
        self.rows = FieldRows(
            [
                ("credit_code", self.tr("Unified social credit code"), self.credit_code),
                ("employer_name", self.tr("Employer name"), self.employer_name),
                ("employer_type", self.tr("Type of employer"), self.employer_type),
                ("industry", self.tr("Industry (GB/T 4754)"), self.industry),
                (
                    "legal_representative",
                    self.tr("Legal representative"),
                    self.legal_representative,
                ),
                ("established_on", self.tr("Date of establishment"), self.established_on),
                ("address", self.tr("Office address"), self.address),
                ("contact_name", self.tr("Contact person"), self.contact_name),
                ("contact_phone", self.tr("Contact telephone"), self.contact_phone),
            ]
        )
        self.outcome = ItemOutcome(self.ws, self.user, self.window_number, self.context, KIND)
        self.finish_layout(self.rows)

    # -- the form's state --------------------------------------------------------------------
    def registration(self) -> EmployerRegistration:
        """What the form holds (the date as typed is read by ``checked``)."""
        return EmployerRegistration(
            credit_code=self.credit_code.text(),
            employer_name=self.employer_name.text(),
            employer_type=str(self.employer_type.currentData() or ""),
            industry=str(self.industry.currentData() or ""),
            legal_representative=self.legal_representative.text(),
            address=self.address.text(),
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(),
            materials=self.checklist.received(),
            ticket=self.context.ticket_reference or "",
            window_number=self.window_number,
        )

    def _snapshot(self) -> tuple[EmployerRegistration, str]:
        # The ticket comes with the customer, not from the teller's typing.
        return replace(self.registration(), ticket=""), self.established_on.text()

    def field_rows(self) -> tuple[FieldRows]:
        return (self.rows,)

    def clear(self) -> None:
        """An empty form: nothing of the previous customer stays."""
        for line in (
            self.credit_code,
            self.employer_name,
            self.legal_representative,
            self.established_on,
            self.address,
            self.contact_name,
            self.contact_phone,
        ):
            line.clear()
        self.employer_type.setCurrentIndex(0)
        self.industry.setCurrentIndex(0)
        self.checklist.clear()
        self.rows.clear_errors()
        self.outcome.clear()
        self._update_buttons()
        self._baseline = self._snapshot()

    def _context_changed(self, change: Change) -> None:
        if change is Change.NEW_CUSTOMER:
            self.clear()
        elif (
            change is Change.EMPLOYER
            and self.context.employer_code
            and not self.credit_code.text().strip()
        ):
            self.credit_code.setText(self.context.employer_code)
            self._propose_type()
            self._baseline = self._snapshot()

    def _propose_type(self) -> None:
        """Propose the type the credit code's authority and category say (GB 32100)."""
        if self.employer_type.currentIndex() > 0:
            return
        code = unicodedata.normalize("NFKC", self.credit_code.text()).strip().upper()
        proposed = TYPE_BY_CODE_PREFIX.get(code[:2])
        if proposed is not None:
            self.employer_type.setCurrentIndex(max(0, self.employer_type.findData(proposed)))

    # -- checking and sending --------------------------------------------------------------
    def checked(self) -> EmployerRegistration | None:
        """The registration checked field by field; ``None`` after marking what is wrong."""
        self.rows.clear_errors()
        errors: list[ValidationError] = []
        established: dt.date | None = None
        try:
            established = parse_date(self.established_on.text(), "established_on")
        except ValidationError as exc:
            errors.append(exc)
        payload = replace(self.registration(), established_on=established)
        try:
            checked = check_registration(payload, self.item, today=dt.date.today())
        except ValidationErrors as many:
            bad_date = bool(errors)  # the date's own error says it all
            errors.extend(e for e in many.errors if not (bad_date and e.field == "established_on"))
        if errors:
            self._show_errors(errors)
            return None
        return checked

    def _show_errors(self, errors: Sequence[ValidationError]) -> None:
        super()._show_errors(errors)
        first = self.rows.first_error_input()
        if first is not None:
            first.setFocus()

    def submit(self) -> None:
        if not self.accept_button.isEnabled():
            return
        registration = self.checked()
        if registration is None:
            return
        self.send(
            registration,
            lambda: register_employer(self.ws, self.user, self.window_number, registration),
        )

    def sent_changes(self, sent: EmployerRegistration, accepted: Accepted) -> Outcome:
        self.context.set_employer(sent.credit_code)
        return Outcome.of(self.WHAT, SPEC.changes(sent), accepted.command_uuid)

    # -- the one-time notification -----------------------------------------------------------
    def notify(self) -> None:
        """一次性告知: record the case as waiting for materials and print the notification."""
        if not self.checklist.missing_required():
            return
        registration = self.checked()
        if registration is None:
            return
        values = {
            "employer_name": registration.employer_name,
            "credit_code": registration.credit_code,
            "employer_type": registration.employer_type,
            "established_on": (
                registration.established_on.isoformat() if registration.established_on else ""
            ),
            "address": registration.address,
            "contact_name": registration.contact_name,
            "contact_phone": registration.contact_phone,
        }
        self.send_notice(
            values,
            credit_code=registration.credit_code,
            subject_name=registration.employer_name,
        )
