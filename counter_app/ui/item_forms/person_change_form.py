"""个人基本信息变更 — the personal data change form.

The person is the one identified at the window (``CustomerContext``); the form shows what the
registry holds and offers two kinds of change: contact data (telephone, postal address),
finished on the spot, or a key-data correction (关键信息更正: name, ID number, birth date,
sex), which goes to approval with the requested values while the registry stays as it is.
A key-data correction needs the proof of the change ticked among the materials. Every field
is checked before sending (``items.person_change.check_change``, as the centre checks it
again): a new ID number by its check digit, and against the birth date and sex the record
will hold.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from counter_app.domain.errors import ValidationError, ValidationErrors
from counter_app.domain.ids import IdNumber
from counter_app.domain.people import mask_phone
from counter_app.items.form_values import normalised_identity
from counter_app.items.person_change import (
    KIND,
    PROOF_MATERIAL,
    SPEC,
    ChangeKind,
    PersonChange,
    Recorded,
    check_change,
)
from counter_app.services.command_bus import Accepted
from counter_app.services.registry_changes import change_person
from counter_app.ui.customer_context import Change, Outcome
from counter_app.ui.item_forms.employer_register_form import parse_date
from counter_app.ui.item_forms.registry_form_parts import FieldRows, ItemOutcome, RegistryForm
from counter_app.ui.roles_text import sex_label

translate = QCoreApplication.translate


class PersonChangeForm(RegistryForm):
    WHAT = "person_change"

    def accept_label(self) -> tuple[str, str]:
        return self.tr("Accept (Ctrl+Enter)"), "acceptChange"

    def build(self) -> None:
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(64)
        self.present_address = QLineEdit()  # what the registry holds (user data, read only)
        self.present_address.setReadOnly(True)
        self.person_rows = FieldRows(
            [
                ("id_number", self.tr("ID number"), self.id_number),
                ("present_address", self.tr("Present address"), self.present_address),
            ]
        )
        self.current = QLabel()
        self.current.setObjectName("currentData")
        self.current.setWordWrap(True)

        self.contact_mode = QRadioButton(self.tr("Contact data (finished on the spot)"))
        self.contact_mode.setObjectName("contactMode")
        self.key_mode = QRadioButton(self.tr("Key data correction (needs approval)"))
        self.key_mode.setObjectName("keyDataMode")
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.contact_mode)
        self.modes.addButton(self.key_mode)
        self.contact_mode.setChecked(True)
        self.contact_mode.toggled.connect(self._mode_changed)

        self.new_phone = QLineEdit()
        self.new_address = QLineEdit()
        self.new_address.setMaxLength(200)
        self.contact_rows = FieldRows(
            [
                ("new_phone", self.tr("New telephone"), self.new_phone),
                ("new_address", self.tr("New postal address"), self.new_address),
            ]
        )
        self.contact_box = QGroupBox(self.tr("Contact data"))
        QVBoxLayout(self.contact_box).addWidget(self.contact_rows)

        self.new_name = QLineEdit()
        self.new_id_number = QLineEdit()
        self.new_id_number.setMaxLength(64)
        self.new_birth_date = QLineEdit()
        self.new_birth_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.new_sex = QComboBox()
        self.new_sex.addItem(self.tr("unchanged"), "")
        self.new_sex.addItem(sex_label("M"), "M")
        self.new_sex.addItem(sex_label("F"), "F")
        self.key_rows = FieldRows(
            [
                ("new_name", self.tr("Corrected name"), self.new_name),
                ("new_id_number", self.tr("Corrected ID number"), self.new_id_number),
                ("new_birth_date", self.tr("Corrected birth date"), self.new_birth_date),
                ("new_sex", self.tr("Corrected sex"), self.new_sex),
            ]
        )
        key_note = QLabel(
            self.tr(
                "Fill in only what is corrected. The registry keeps the present data until a "
                "supervisor approves the correction; the proof of the change is mandatory."
            )
        )
        key_note.setWordWrap(True)
        self.key_box = QGroupBox(self.tr("Key data correction"))
        key_layout = QVBoxLayout(self.key_box)
        key_layout.addWidget(key_note)
        key_layout.addWidget(self.key_rows)

        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.reason_rows = FieldRows([("reason", self.tr("Reason (optional)"), self.reason)])

        self.outcome = ItemOutcome(self.ws, self.user, self.window_number, self.context, KIND)
        modes = QHBoxLayout()
        modes.addWidget(self.contact_mode)
        modes.addWidget(self.key_mode)
        modes.addStretch(1)
        self.finish_layout(
            self.person_rows, self.current, modes, self.contact_box, self.key_box, self.reason_rows
        )
        self._mode_changed()

    # -- the form's state --------------------------------------------------------------------
    @property
    def mode(self) -> ChangeKind:
        return "contact" if self.contact_mode.isChecked() else "key_data"

    def change(self) -> PersonChange:
        """What the form holds (the birth date as typed is read by ``checked``)."""
        contact = self.mode == "contact"
        return PersonChange(
            id_number=self.id_number.text(),
            change=self.mode,
            new_phone=self.new_phone.text() if contact else "",
            new_address=self.new_address.text() if contact else "",
            new_name="" if contact else self.new_name.text(),
            new_id_number="" if contact else self.new_id_number.text(),
            new_sex="" if contact else str(self.new_sex.currentData() or ""),
            reason=self.reason.text(),
            materials=self.checklist.received(),
            ticket=self.context.ticket_reference or "",
            window_number=self.window_number,
        )

    def _snapshot(self) -> tuple[PersonChange, str]:
        # The ticket comes with the customer, not from the teller's typing.
        return replace(self.change(), ticket=""), self.new_birth_date.text()

    def field_rows(self) -> tuple[FieldRows, ...]:
        return (self.person_rows, self.contact_rows, self.key_rows, self.reason_rows)

    def recorded(self) -> Recorded | None:
        """What the registry holds about the person in the form (from the window's context)."""
        person = self.context.person
        typed = normalised_identity(self.id_number.text())
        if person is None or person.id_number != typed:
            return None
        return Recorded(person.name, person.sex, person.birth_date, person.phone, person.address)

    def _show_current(self) -> None:
        person = self.context.person
        if person is None or person.id_number != normalised_identity(self.id_number.text()):
            self.current.clear()
            self.present_address.clear()
            return
        self.current.setText(
            self.tr("Registry: %1, %2, born %3; telephone %4")
            .replace("%1", person.name)
            .replace("%2", sex_label(person.sex))
            .replace("%3", person.birth_date.isoformat())
            .replace("%4", mask_phone(person.phone) if person.phone else "—")
        )
        self.present_address.setText(person.address)

    def clear(self) -> None:
        """An empty form: nothing of the previous customer stays."""
        for line in (
            self.id_number,
            self.new_phone,
            self.new_address,
            self.new_name,
            self.new_id_number,
            self.new_birth_date,
            self.reason,
        ):
            line.clear()
        self.new_sex.setCurrentIndex(0)
        self.contact_mode.setChecked(True)
        self.current.clear()
        self.present_address.clear()
        self.checklist.clear()
        self._clear_errors()
        self.outcome.clear()
        self._sent = None
        self._update_buttons()
        self._baseline = self._snapshot()

    def _context_changed(self, change: Change) -> None:
        if change is Change.NEW_CUSTOMER:
            self.clear()
        elif change is Change.PERSON:
            typed = normalised_identity(self.id_number.text())
            if typed and typed != self.context.id_number:
                self.clear()  # another person: never mix two customers' data
            if not self.id_number.text() and self.context.id_number:
                self.id_number.setText(self.context.id_number)
            self._show_current()
            self._baseline = self._snapshot()
        elif change is Change.REFRESHED:
            self._show_current()

    def _mode_changed(self) -> None:
        contact = self.mode == "contact"
        self.contact_box.setEnabled(contact)
        self.key_box.setEnabled(not contact)
        self._update_buttons()

    # -- checking and sending --------------------------------------------------------------
    def checked(self) -> PersonChange | None:
        """The change checked field by field; ``None`` after marking what is wrong."""
        self._clear_errors()
        errors: list[ValidationError] = []
        birth: dt.date | None = None
        if self.mode == "key_data":
            try:
                birth = parse_date(self.new_birth_date.text(), "new_birth_date")
            except ValidationError as exc:
                errors.append(exc)
        payload = replace(self.change(), new_birth_date=birth)
        try:
            checked = check_change(payload, self.item, self.recorded(), today=dt.date.today())
        except ValidationErrors as many:
            errors.extend(many.errors)
        else:
            if self.mode == "key_data" and PROOF_MATERIAL not in checked.materials:
                errors.append(
                    ValidationError("materials", "missing", "the proof of the change is mandatory")
                )
        if errors:
            self._show_errors(errors)
            return None
        return checked

    def submit(self) -> None:
        if not self.accept_button.isEnabled():
            return
        change = self.checked()
        if change is None:
            return
        self.send(change, lambda: change_person(self.ws, self.user, self.window_number, change))

    def sent_changes(self, sent: PersonChange, accepted: Accepted) -> Outcome:
        return Outcome.of(self.WHAT, SPEC.changes(sent), accepted.command_uuid)

    # -- the one-time notification -----------------------------------------------------------
    def notify(self) -> None:
        """一次性告知: record the case as waiting for materials and print the notification."""
        if not self.checklist.missing_required():
            return
        self._clear_errors()
        try:
            id_number = IdNumber.parse(self.id_number.text()).value
        except ValidationError as exc:
            self._show_errors([exc])
            return
        change = self.change()
        # The catalogue's "what changes" choices, from what the teller filled in.
        if change.change == "contact":
            typed = {"phone": change.new_phone, "address": change.new_address}
        else:
            typed = {
                "name": change.new_name,
                "id_number": change.new_id_number,
                "birth_date": self.new_birth_date.text(),
                "sex": change.new_sex,
            }
        changed = [key for key, value in typed.items() if value.strip()]
        values = {"changed": ",".join(changed), "reason": change.reason}
        if change.change == "contact":
            values |= {"new_phone": change.new_phone, "new_address": change.new_address}
        person = self.context.person
        self.send_notice(
            values,
            id_number=id_number,
            subject_name=person.name if person and person.id_number == id_number else "",
        )
