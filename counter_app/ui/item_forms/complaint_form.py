"""投诉建议 — the form of a complaint, suggestion or praise (``service.complaint``).

The teller records the kind, what it is about (a window, a teller or an item, named in a few
words), what the customer says and the telephone for the answer; a customer may stay
anonymous (nothing of them is recorded then). The complaint is due within the catalogue's
time limit; a supervisor answers it in the complaints tab (``tabs.complaints_tab``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from counter_app.catalogue.schema import Item
from counter_app.client.workstation import Workstation
from counter_app.domain.people import StaffUser
from counter_app.items.complaint import SPEC, ComplaintPayload
from counter_app.items.spec import Changes
from counter_app.services.command_bus import Accepted
from counter_app.services.service_items import receive_complaint
from counter_app.ui.customer_context import CustomerContext
from counter_app.ui.item_forms.consultation_form import text_area
from counter_app.ui.item_forms.registry_form_parts import FieldRows
from counter_app.ui.item_forms.service_form import ServiceItemForm


class ComplaintForm(ServiceItemForm):
    KIND = SPEC.kind
    WHAT = "complaint"
    PERSON_REQUIRED = False

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
        self.kind = QComboBox()
        self.kind.addItem(self.tr("— choose —"), "")
        self.kind.addItem(self.tr("Complaint"), "complaint")
        self.kind.addItem(self.tr("Suggestion"), "suggestion")
        self.kind.addItem(self.tr("Praise"), "praise")
        self.about = QComboBox()
        self.about.addItem(self.tr("— choose —"), "")
        self.about.addItem(self.tr("A window"), "window")
        self.about.addItem(self.tr("A teller"), "teller")
        self.about.addItem(self.tr("An item"), "item")
        self.about_detail = QLineEdit()
        self.about_detail.setMaxLength(100)
        self.about_detail.setPlaceholderText(self.tr("Which window, teller or item"))
        self.content = text_area(5)
        self.anonymous = QCheckBox(self.tr("Anonymous (nothing of the customer is recorded)"))
        self.anonymous.toggled.connect(self._anonymous_changed)
        self.contact_name = QLineEdit()
        self.contact_name.setMaxLength(50)
        self.contact_phone = QLineEdit()
        self.visitor_id = QLineEdit()
        self.visitor_id.setMaxLength(64)
        self.visitor_id.setPlaceholderText(self.tr("Optional"))
        self.finish_layout(
            FieldRows(
                [
                    ("kind", self.tr("Kind"), self.kind),
                    ("about", self.tr("About"), self.about),
                    ("about_detail", self.tr("Which one"), self.about_detail),
                    ("content", self.tr("What the customer says"), self.content),
                    ("anonymous", self.tr("Anonymous"), self.anonymous),
                    ("contact_name", self.tr("Contact name"), self.contact_name),
                    ("contact_phone", self.tr("Telephone for the answer"), self.contact_phone),
                    ("id_number", self.tr("ID number"), self.visitor_id),
                ]
            )
        )

    def _anonymous_changed(self, anonymous: bool) -> None:
        for line in (self.contact_name, self.contact_phone, self.visitor_id):
            line.setEnabled(not anonymous)
            if anonymous:
                line.clear()

    def payload(self) -> ComplaintPayload:
        anonymous = self.anonymous.isChecked()
        return ComplaintPayload(
            catalogue_version="",
            kind=str(self.kind.currentData() or ""),
            about=str(self.about.currentData() or ""),
            about_detail=self.about_detail.text(),
            content=self.content.toPlainText(),
            contact_name="" if anonymous else self.contact_name.text(),
            contact_phone="" if anonymous else self.contact_phone.text(),
            anonymous=anonymous,
            id_number="" if anonymous else self.visitor_id.text().strip(),
            ticket=self.ticket,
            window_number=self.window_number,
        )

    def send(self, payload: Any) -> Accepted:
        return receive_complaint(self.ws, self.user.username, payload)

    def changes_of(self, payload: Any) -> Changes:
        return SPEC.changes(payload)

    def clear_inputs(self) -> None:
        self.kind.setCurrentIndex(0)
        self.about.setCurrentIndex(0)
        self.about_detail.clear()
        self.content.clear()
        self.anonymous.setChecked(False)
        for line in (self.contact_name, self.contact_phone, self.visitor_id):
            line.clear()

    def take_person(self) -> None:
        if self.anonymous.isChecked():
            return
        person = self.context.person
        if self.context.id_number and not self.visitor_id.text().strip():
            self.visitor_id.setText(self.context.id_number)
        if person is not None:
            if not self.contact_name.text():
                self.contact_name.setText(person.name)
            if not self.contact_phone.text():
                self.contact_phone.setText(person.phone)
