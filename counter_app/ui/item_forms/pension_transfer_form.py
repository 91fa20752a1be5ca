"""养老保险关系转移接续 — the form of a pension transfer out or in (``pension.transfer``).

One form serves both catalogue items; the item the window opens says the direction. The
teller enters the other region (province and city) and its agency, the period of
contributions concerned and, for a transfer in, the number of the contact letter
(联系函编号); the case goes to review with the time limit of 国办发〔2009〕66号 that the
catalogue gives.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from counter_app.catalogue.schema import Item
from counter_app.client.workstation import Workstation
from counter_app.domain.people import StaffUser
from counter_app.items.pension_transfer import IN, ITEM_CODES, OUT, SPEC, PensionTransferPayload
from counter_app.items.spec import Changes
from counter_app.services.command_bus import Accepted
from counter_app.services.service_items import request_pension_transfer
from counter_app.ui.customer_context import CustomerContext
from counter_app.ui.item_forms.registry_form_parts import FieldRows
from counter_app.ui.item_forms.service_form import ServiceItemForm


class PensionTransferForm(ServiceItemForm):
    KIND = SPEC.kind
    WHAT = "pension_transfer"

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
        self.direction = IN if item.code == ITEM_CODES[IN] else OUT
        self.other_region = QLineEdit()
        self.other_region.setMaxLength(60)
        self.other_agency = QLineEdit()
        self.other_agency.setMaxLength(100)
        self.period_from = QLineEdit()
        self.period_from.setPlaceholderText(self.tr("YYYY-MM"))
        self.period_to = QLineEdit()
        self.period_to.setPlaceholderText(self.tr("YYYY-MM"))
        self.contact_letter_no = QLineEdit()
        self.contact_letter_no.setMaxLength(40)
        self.phone = QLineEdit()
        if self.direction == OUT:
            region = self.tr("Destination (province and city)")
            agency = self.tr("Destination agency")
        else:
            region = self.tr("Previous place (province and city)")
            agency = self.tr("Previous agency")
        rows: list[tuple[str, str, QWidget]] = [
            ("other_region", region, self.other_region),
            ("other_agency", agency, self.other_agency),
            ("period_from", self.tr("Contributions from (month)"), self.period_from),
            ("period_to", self.tr("Contributions to (month)"), self.period_to),
        ]
        if self.direction == IN:
            rows.append(
                ("contact_letter_no", self.tr("Contact letter number"), self.contact_letter_no)
            )
        rows.append(("phone", self.tr("Telephone"), self.phone))
        self.finish_layout(FieldRows(rows))

    def payload(self) -> PensionTransferPayload:
        return PensionTransferPayload(
            catalogue_version="",
            direction=self.direction,
            id_number=self.id_number,
            other_region=self.other_region.text(),
            period_from=self.period_from.text(),
            period_to=self.period_to.text(),
            other_agency=self.other_agency.text(),
            contact_letter_no=self.contact_letter_no.text() if self.direction == IN else "",
            phone=self.phone.text(),
            name=self.subject_name,
            materials=self.checklist.received(),
            ticket=self.ticket,
            window_number=self.window_number,
        )

    def send(self, payload: Any) -> Accepted:
        return request_pension_transfer(self.ws, self.user.username, payload)

    def changes_of(self, payload: Any) -> Changes:
        return SPEC.changes(payload)

    def clear_inputs(self) -> None:
        for line in (
            self.other_region,
            self.other_agency,
            self.period_from,
            self.period_to,
            self.contact_letter_no,
            self.phone,
        ):
            line.clear()

    def take_person(self) -> None:
        person = self.context.person
        if person is not None and not self.phone.text():
            self.phone.setText(person.phone)
