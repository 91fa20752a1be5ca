"""一次性告知 on the forms of items that have their own handler.

When a mandatory material is missing, such a form cannot be accepted; this button records the
case as waiting for materials through the generic intake (``case.accept`` with the materials
received and no form values — the item's own form is filled when the customer comes back)
and opens the one-time notification listing everything missing, once the centre has
numbered the case. It is shown only while a mandatory material is missing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from counter_app.catalogue.schema import Item
from counter_app.ui.customer_context import CustomerContext
from counter_app.ui.item_forms.generic_form import IntakeOutcome
from counter_app.ui.item_forms.materials import MaterialsChecklist

translate = QCoreApplication.translate


class NoticeButton(QPushButton):
    def __init__(
        self,
        item: Item,
        checklist: MaterialsChecklist,
        context: CustomerContext,
        outcome: IntakeOutcome,
        parent: QWidget | None = None,
        *,
        subject: Callable[[], tuple[str, str]] | None = None,
        credit_code: Callable[[], str] | None = None,
        catalogue_version: str | None = None,
    ) -> None:
        """``subject`` gives (ID number, name) and ``credit_code`` an employer's code when the
        form holds them itself (typed before anyone was identified); otherwise the customer
        at the counter is the subject. ``catalogue_version`` is the version the form was
        built from (the case records it; without it, the shipped version)."""
        super().__init__(translate("ItemForms", "Print one-time notification"), parent)
        self.setObjectName("oneTimeNotice")
        self.item = item
        self.checklist = checklist
        self.context = context
        self.outcome = outcome
        self.subject = subject
        self.credit_code = credit_code
        self.catalogue_version = catalogue_version
        self.clicked.connect(self.notify)
        checklist.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.setVisible(bool(self.checklist.missing_required()))

    def notify(self) -> None:
        if not self.checklist.missing_required():
            return
        person = self.item.subject == "person"
        subject_name = self.context.person.name if person and self.context.person else ""
        id_number = (self.context.id_number or "") if person else ""
        credit_code = "" if person else (self.context.employer_code or "")
        if self.subject is not None:
            typed_id, typed_name = self.subject()
            id_number, subject_name = typed_id or id_number, typed_name or subject_name
        if self.credit_code is not None and not person:
            credit_code = self.credit_code() or credit_code
        self.outcome.send_notification(
            self.item,
            self.checklist.received(),
            id_number=id_number,
            credit_code=credit_code,
            subject_name=subject_name,
            catalogue_version=self.catalogue_version,
        )
