"""社会保障卡挂失 / 补换 — the form of a card loss report and of a card replacement
(``card.status``).

The loss item offers the formal loss report (effective at once) and its cancellation; the
replacement item the reason (lost, damaged, expired) and needs the photo ticked. The form
shows the card this workstation's records hold for the identified person; a card issued
elsewhere may be missing there, and then the centre decides.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from counter_app.catalogue.schema import Item
from counter_app.client.workstation import Workstation
from counter_app.domain.people import StaffUser
from counter_app.items.card_status import (
    CANCEL_LOSS,
    LOSS_ITEM,
    REASONS,
    REISSUE,
    REPORT_LOSS,
    SPEC,
    CardStatusPayload,
)
from counter_app.items.spec import Changes
from counter_app.services.command_bus import Accepted
from counter_app.services.service_items import CardRecord, cards_of_person, change_card_status
from counter_app.ui.customer_context import CustomerContext, Outcome
from counter_app.ui.item_forms.registry_form_parts import FieldRows
from counter_app.ui.item_forms.service_form import ServiceItemForm
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import text_of


class CardStatusForm(ServiceItemForm):
    KIND = SPEC.kind
    WHAT = "card_status"

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
        self.loss = item.code == LOSS_ITEM
        self.action = QComboBox()
        self.reason = QComboBox()
        self.lost_on = QLineEdit()
        self.lost_on.setPlaceholderText(self.tr("YYYY-MM-DD (if known)"))
        self.card = QLabel()
        self.card.setWordWrap(True)
        rows: list[tuple[str, str, QWidget]] = []
        if self.loss:
            self.action.addItem(self._choice("action", REPORT_LOSS), REPORT_LOSS)
            self.action.addItem(self._choice("action", CANCEL_LOSS), CANCEL_LOSS)
            rows.append(("action", self.tr("Action"), self.action))
            rows.append(("lost_on", self.tr("Date lost"), self.lost_on))
        else:
            self.reason.addItem(self.tr("— choose —"), "")
            for reason in REASONS:
                self.reason.addItem(self._choice("reason", reason), reason)
            rows.append(("reason", self.tr("Reason"), self.reason))
        rows.append(("card", self.tr("Card on record"), self.card))
        self.finish_layout(FieldRows(rows))
        context.reported.connect(self._reported)

    def _reported(self, outcome: Outcome) -> None:
        """A sync or an operation on this person may have changed the card: re-read it."""
        if outcome.what == "sync" or outcome.touches(self.context.id_number):
            self.take_person()

    def _choice(self, field_name: str, value: str) -> str:
        """The label the catalogue gives a choice (its value's own label otherwise)."""
        for field in self.item.fields:
            if field.name == field_name:
                for choice in field.choices:
                    if choice.value == value:
                        return text_of(choice.label_zh, choice.label_en)
        fallback = {
            REPORT_LOSS: self.tr("Report the loss"),
            CANCEL_LOSS: self.tr("Cancel the loss report"),
            "lost": self.tr("Lost"),
            "damaged": self.tr("Damaged"),
            "expired": self.tr("Expired"),
        }
        return fallback.get(value, "")

    @property
    def chosen_action(self) -> str:
        return str(self.action.currentData()) if self.loss else REISSUE

    def payload(self) -> CardStatusPayload:
        return CardStatusPayload(
            catalogue_version="",
            action=self.chosen_action,
            id_number=self.id_number,
            reason="" if self.loss else str(self.reason.currentData() or ""),
            lost_on=self.lost_on.text() if self.loss else "",
            name=self.subject_name,
            materials=self.checklist.received(),
            ticket=self.ticket,
            window_number=self.window_number,
        )

    def send(self, payload: Any) -> Accepted:
        return change_card_status(self.ws, self.user.username, payload)

    def changes_of(self, payload: Any) -> Changes:
        return SPEC.changes(payload)

    def clear_inputs(self) -> None:
        self.action.setCurrentIndex(0)
        self.reason.setCurrentIndex(0)
        self.lost_on.clear()
        self.card.clear()

    def take_person(self) -> None:
        id_number = self.context.id_number
        if id_number is None:
            self.card.clear()
            return
        Op(lambda: cards_of_person(self.ws, id_number), parent=self).success(
            lambda cards: self._show_cards(id_number, cards)
        ).failure(lambda _exc: None).run_in_background()

    def _show_cards(self, id_number: str, cards: list[CardRecord]) -> None:
        if id_number != self.context.id_number:
            return  # an answer about an earlier customer
        held = next((c for c in cards if c.status in ("active", "lost", "requested")), None)
        if held is None:
            self.card.setText(
                self.tr(
                    "No card of this person in this workstation's records; the central "
                    "database checks it."
                )
            )
            return
        status = {
            "active": self.tr("in use"),
            "lost": self.tr("reported lost"),
            "requested": self.tr("new card being made"),
        }[held.status]
        self.card.setText(
            self.tr("%1, %2 since %3")
            .replace("%1", held.card_number_masked)
            .replace("%2", status)
            .replace("%3", held.since.isoformat())
        )
