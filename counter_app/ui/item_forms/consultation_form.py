"""咨询登记 — the form of the consultation log (``service.consultation``).

The topic is one of the service catalogue's groups (or "other"); the question, the answer
given and whether it was referred on are typed as said. No materials are needed and the
visitor may stay anonymous: the ID number is taken when the window has identified someone,
and may be cleared.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from counter_app.catalogue.schema import Catalogue, Item
from counter_app.client.workstation import Workstation
from counter_app.domain.people import StaffUser
from counter_app.items.consultation import MAX_TEXT, SPEC, ConsultationPayload
from counter_app.items.spec import Changes
from counter_app.services.catalogue_view import current_catalogue
from counter_app.services.command_bus import Accepted
from counter_app.services.service_items import consultation_topics, log_consultation
from counter_app.ui.customer_context import CustomerContext
from counter_app.ui.item_forms.registry_form_parts import FieldRows
from counter_app.ui.item_forms.service_form import ServiceItemForm
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import text_of


def text_area(lines: int = 4) -> QPlainTextEdit:
    area = QPlainTextEdit()
    area.setTabChangesFocus(True)
    area.setFixedHeight(area.fontMetrics().lineSpacing() * lines + 12)
    return area


class ConsultationForm(ServiceItemForm):
    KIND = SPEC.kind
    WHAT = "consultation"
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
        self.topic = QComboBox()
        self.topic.addItem(self.tr("— choose —"), "")
        self.question = text_area()
        self.answer = text_area()
        self.referred = QCheckBox(self.tr("Referred on (the answer follows later)"))
        self.visitor_id = QLineEdit()
        self.visitor_id.setMaxLength(64)
        self.visitor_id.setPlaceholderText(self.tr("Optional: the visitor may stay anonymous"))
        self.finish_layout(
            FieldRows(
                [
                    ("topic", self.tr("Topic"), self.topic),
                    ("question", self.tr("Question"), self.question),
                    ("answer", self.tr("Answer given"), self.answer),
                    ("referred", self.tr("Referred"), self.referred),
                    ("id_number", self.tr("ID number"), self.visitor_id),
                ]
            )
        )
        Op(lambda: current_catalogue(ws), parent=self).success(self._fill_topics).failure(
            lambda _exc: None
        ).run_in_background()

    def _fill_topics(self, catalogue: Catalogue) -> None:
        chosen = self.topic.currentData()
        while self.topic.count() > 1:
            self.topic.removeItem(1)
        for code, zh, en in consultation_topics(catalogue):
            self.topic.addItem(text_of(zh, en), code)
        self.topic.setCurrentIndex(max(0, self.topic.findData(chosen)))

    def payload(self) -> ConsultationPayload:
        return ConsultationPayload(
            catalogue_version="",
            topic=str(self.topic.currentData() or ""),
            question=self.question.toPlainText()[: MAX_TEXT * 2],
            answer=self.answer.toPlainText()[: MAX_TEXT * 2],
            referred=self.referred.isChecked(),
            id_number=self.visitor_id.text().strip(),
            name=self.context.person.name if self.context.person is not None else "",
            ticket=self.ticket,
            window_number=self.window_number,
        )

    def send(self, payload: Any) -> Accepted:
        return log_consultation(self.ws, self.user.username, payload)

    def changes_of(self, payload: Any) -> Changes:
        return SPEC.changes(payload)

    def clear_inputs(self) -> None:
        self.topic.setCurrentIndex(0)
        self.question.clear()
        self.answer.clear()
        self.referred.setChecked(False)
        self.visitor_id.clear()

    def take_person(self) -> None:
        if self.context.id_number and not self.visitor_id.text().strip():
            self.visitor_id.setText(self.context.id_number)
