"""What the six service item forms share (transfers, cards, retirement, reimbursement,
consultation, complaints): heading, customer, inputs with their errors, materials, accept,
the centre's verdict and the document.

A subclass lays out its inputs (``FieldRows``) and says how to read them into the item's
payload and which use case sends it. The base gives it the item's heading and line (code,
level, time limit), the customer the window identified (``SubjectBox``; for the items a
visitor may use anonymously, an optional ID number of its own), the materials checklist, the
Accept button (Ctrl+Enter), and the outcome line that follows the command to the centre and
prints the case's document: the result slip of an item finished on the spot, the acceptance
receipt of one that goes to review (``services.service_items.case_document``).

Sending runs in ``Op``; a refusal marks the fields it names and keeps what was typed. With a
mandatory material missing, Accept stays disabled and the form lists what is missing (the
one-time notification for these items, through the generic intake, is still to come).
A new customer empties the form; an identified person fills only what is still empty.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.catalogue.schema import Item
from counter_app.client.workstation import Workstation
from counter_app.domain.errors import DomainError, ValidationError, ValidationErrors
from counter_app.domain.people import StaffUser
from counter_app.items.spec import Changes
from counter_app.printing.layout import Doc
from counter_app.services.command_bus import Accepted
from counter_app.services.document_printing import intake_doc
from counter_app.services.service_items import case_document
from counter_app.ui.customer_context import Change, CustomerContext, Outcome
from counter_app.ui.errors import describe
from counter_app.ui.item_forms.form_frame import (
    button_row,
    item_headings,
    scrolled,
    show_refusal,
    submit_keys,
)
from counter_app.ui.item_forms.generic_form import (
    ERROR_COLOUR,
    IntakeOutcome,
    SubjectBox,
)
from counter_app.ui.item_forms.materials import MaterialsChecklist
from counter_app.ui.item_forms.notice_button import NoticeButton
from counter_app.ui.item_forms.registry_form_parts import FieldRows, ItemOutcome, item_error_text
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import text_of

translate = QCoreApplication.translate


def service_error_text(error: ValidationError) -> str:
    """The text of a refusal these items add to the generic ones (else the generic text)."""
    p = error.params
    if error.code == "not_of_age" and "date" in p:
        if p.get("months", "0") not in ("", "0"):
            age = (
                translate("ServiceForms", "%1 years %2 months")
                .replace("%1", p.get("years", ""))
                .replace("%2", p["months"])
            )
        else:
            age = translate("ServiceForms", "%1 years").replace("%1", p.get("years", ""))
        return (
            translate(
                "ServiceForms",
                "The statutory retirement age (%1) is reached on %2; the application can be "
                "accepted from %3.",
            )
            .replace("%1", age)
            .replace("%2", p["date"])
            .replace("%3", p.get("from", ""))
        )
    if error.code == "duplicate" and "row" in p:
        return translate("ServiceForms", "This invoice is already line %1 of this claim.").replace(
            "%1", p["row"]
        )
    texts = {
        "order": translate("ServiceForms", "The period ends before it begins."),
        "future": translate("ServiceForms", "This date is still to come."),
        "photo_required": translate(
            "ServiceForms", "A new card needs a photo: tick it when it is brought or taken here."
        ),
        "more_than_amount": translate(
            "ServiceForms", "The self-paid part exceeds the invoice amount."
        ),
        "too_many": translate("ServiceForms", "Too many invoices for one claim."),
    }
    if error.field == "lines" and error.code == "required":
        return translate("ServiceForms", "Enter at least one invoice.")
    if error.field == "answer" and error.code == "required":
        return translate("ServiceForms", "Enter the answer given, or tick that it was referred on.")
    if error.field == "female_post" and error.code == "required":
        return translate("ServiceForms", "Choose the woman's post: it decides her statutory age.")
    return texts.get(error.code) or item_error_text(error)


class ServiceOutcome(ItemOutcome):
    """The outcome line of one of these items; prints the case's receipt or result slip."""

    def print_document(self) -> None:
        uuid = self.command_uuid
        if uuid is None:
            return
        teller, window = self.user.display_name, self.window_number

        def build() -> tuple[Doc, str]:
            return intake_doc(case_document(self.ws, uuid, teller, window))

        Op(build, parent=self).success(self._preview).failure(
            lambda exc: self.say(describe(exc), ERROR_COLOUR)
        ).run_in_background()


class ServiceItemForm(QWidget):
    """The base of the six forms; see the module's docstring."""

    submitted = Signal(object)  # Accepted
    KIND = ""  # the command kind the form sends
    WHAT = ""  # how the outcome names the operation
    PERSON_REQUIRED = True  # False: a visitor may stay anonymous (own optional ID field)

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        context: CustomerContext,
        item: Item,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.window_number = window_number
        self.context = context
        self.item = item
        self.subject = SubjectBox(context, person=self.PERSON_REQUIRED, employer=False)
        self.checklist = MaterialsChecklist([item])
        self.checklist.setVisible(bool(item.materials))
        self.checklist.changed.connect(self._update_buttons)
        self.missing_label = QLabel()
        self.missing_label.setObjectName("missingMaterials")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.accept_button = QPushButton(translate("ServiceForms", "Accept (Ctrl+Enter)"))
        self.accept_button.setObjectName("acceptServiceItem")
        self.accept_button.clicked.connect(self.submit)
        self.outcome = ServiceOutcome(ws, user, window_number, context, self.KIND)
        self.notice_outcome = IntakeOutcome(ws, user, window_number, context)
        self.notice_button = NoticeButton(item, self.checklist, context, self.notice_outcome)
        self._sent: Any = None
        self._filled_for: str | None = None  # the person the inputs were filled for
        self._baseline: object = None  # what the form held when last emptied, filled or sent

    def finish_layout(self, rows: FieldRows, *extra: QWidget) -> None:
        """Lay out heading, customer, ``rows``, ``extra`` widgets, materials and buttons."""
        self.rows = rows
        body = QWidget()
        layout = QVBoxLayout(body)
        item_headings(layout, self.item)
        if self.PERSON_REQUIRED:
            layout.addWidget(self.subject)
        layout.addWidget(rows)
        for widget in extra:
            layout.addWidget(widget)
        layout.addWidget(self.checklist)
        layout.addWidget(self.missing_label)
        layout.addLayout(button_row(self.notice_button, self.accept_button))
        layout.addWidget(self.outcome)
        layout.addWidget(self.notice_outcome)
        layout.addStretch(1)
        scrolled(self, body)
        submit_keys(self, self.submit, self.outcome.print_document)
        self.context.changed.connect(self._context_changed)
        self._update_buttons()
        self._take_person()
        self._baseline = self.snapshot()

    # -- what a subclass provides ----------------------------------------------------------
    def payload(self) -> Any:
        """The payload of the command, from the inputs (checked by the handler)."""
        raise NotImplementedError

    def send(self, payload: Any) -> Accepted:
        """Run the use case (on the database worker)."""
        raise NotImplementedError

    def changes_of(self, payload: Any) -> Changes:
        raise NotImplementedError

    def problems(self) -> list[ValidationError]:
        """What the form finds wrong before sending (the handler checks everything again)."""
        return []

    def clear_inputs(self) -> None:
        """Empty the subclass's inputs."""

    def take_person(self) -> None:
        """Fill inputs from the identified customer (only those still empty)."""

    def snapshot(self) -> object:
        """What the inputs hold, to tell typed input from an untouched form."""
        try:
            payload = self.payload()
        except DomainError:
            return None
        if dataclasses.is_dataclass(payload) and not isinstance(payload, type):
            return dataclasses.replace(cast(Any, payload), ticket="")
        return payload

    def has_unsaved_input(self) -> bool:
        """Whether the form holds input typed since it was last emptied, filled or accepted."""
        return self.snapshot() != self._baseline

    def show_other_errors(self, errors: Sequence[ValidationError]) -> list[ValidationError]:
        """Mark errors of inputs outside ``rows`` (a table's cells); returns the rest."""
        return list(errors)

    # -- common behaviour ---------------------------------------------------------------------
    @property
    def id_number(self) -> str:
        return self.subject.id_number

    @property
    def subject_name(self) -> str:
        return self.subject.subject_name

    @property
    def ticket(self) -> str:
        return self.context.ticket_reference or ""

    def _update_buttons(self) -> None:
        missing = self.checklist.missing_required()
        self.accept_button.setEnabled(not missing)
        if missing:
            names = text_of("、", ", ").join(text_of(m.name_zh, m.name_en) for m in missing)
            self.missing_label.setText(
                translate(
                    "ServiceForms",
                    "Mandatory materials are missing: %1. Print the one-time notification "
                    "listing them; the case is accepted when they are handed in.",
                ).replace("%1", names)
            )
        else:
            self.missing_label.clear()
        self.missing_label.setVisible(bool(missing))

    def clear(self) -> None:
        """An empty form: nothing of the previous customer stays."""
        self.clear_inputs()
        self.checklist.clear()
        self.rows.clear_errors()
        self.subject.clear()
        self.outcome.clear()
        self.notice_outcome.clear()
        self.notice_button.refresh()
        self._sent = None
        self._filled_for = None
        self._update_buttons()
        self._baseline = self.snapshot()

    def _context_changed(self, change: Change) -> None:
        if change is Change.NEW_CUSTOMER:
            self.clear()
        elif change in (Change.PERSON, Change.REFRESHED):
            if self._filled_for is not None and self._filled_for != self.context.id_number:
                self.clear()  # a form about someone else: two persons never mix
            self.subject.refresh()
            self._take_person()

    def _take_person(self) -> None:
        if self.context.id_number is not None:
            self._filled_for = self.context.id_number
        self.take_person()
        self._baseline = self.snapshot()

    def show_errors(self, errors: Iterable[ValidationError]) -> None:
        self.rows.clear_errors()
        self.subject.clear_errors()
        errors = list(errors)
        # An age refusal is about the person, not about a mistyped number: said in words.
        about_age = [e for e in errors if e.code == "not_of_age"]
        others = [e for e in errors if e.code != "not_of_age"]
        left = self.subject.show_errors(others) if self.PERSON_REQUIRED else others
        left = about_age + left
        left = self._show_in_rows(left)
        left = self.show_other_errors(left)
        text = translate("ServiceForms", "Please correct the marked fields.")
        if left:
            text += "\n" + "\n".join(service_error_text(e) for e in left)
        self.outcome.say(text, ERROR_COLOUR)
        first = self.rows.first_error_input()
        if first is not None:
            first.setFocus()

    def _show_in_rows(self, errors: Iterable[ValidationError]) -> list[ValidationError]:
        left: list[ValidationError] = []
        for error in errors:
            label = self.rows.errors.get(error.field)
            if label is None:
                left.append(error)
                continue
            label.setText(f"{label.text()}\n{service_error_text(error)}".strip())
            label.setVisible(True)
            widget = self.rows.inputs[error.field]
            widget.setStyleSheet(f"#{widget.objectName()} {{ border: 1px solid {ERROR_COLOUR}; }}")
        return left

    def submit(self) -> None:
        if not self.accept_button.isEnabled():
            return
        problems = (self.subject.problems() if self.PERSON_REQUIRED else []) + self.problems()
        if problems:
            self.show_errors(problems)
            return
        try:
            payload = self.payload()
        except (ValidationError, ValidationErrors) as exc:
            self.show_errors(exc.errors if isinstance(exc, ValidationErrors) else [exc])
            return
        self.rows.clear_errors()
        self.subject.clear_errors()
        self.show_other_errors([])
        self._sent = payload
        self.accept_button.setEnabled(False)
        self.outcome.say(translate("ServiceForms", "Submitting…"))
        Op(lambda: self.send(payload), parent=self).success(self._accepted).failure(
            self._refused
        ).run_in_background()

    def _accepted(self, accepted: Accepted) -> None:
        self._update_buttons()
        payload = self._sent
        self._baseline = self.snapshot()
        self.outcome.follow_command(accepted.command_uuid)
        self.submitted.emit(accepted)
        self.context.report(Outcome.of(self.WHAT, self.changes_of(payload), accepted.command_uuid))

    def _refused(self, exc: BaseException) -> None:
        self._update_buttons()
        show_refusal(exc, self.show_errors, self.outcome.say, self.KIND)
