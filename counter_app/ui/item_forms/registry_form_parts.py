"""Pieces shared by the forms of the items that change the registry (employer registration,
personal data change, staff declarations).

``FieldRows`` lays out labelled inputs with each one's error right under it; ``ItemOutcome``
is the generic intake's result line (``IntakeOutcome``: the centre's verdict, the case number,
the document to print) with the refusal texts of the item's own command and the item's own
figures on its result slip; ``item_error_text`` words the refusals these items add to the
generic ones. ``RegistryForm`` is the base of the three forms: the materials, the Accept and
one-time notification buttons (only one of them usable: Accept while every mandatory
material is there), the layout around the form's own inputs, sending on the database worker
and the answer to it, and the 一次性告知 recorded through the generic intake
(``NoticeSending``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from counter_app.catalogue.load import shipped_catalogue
from counter_app.catalogue.schema import Item
from counter_app.client.workstation import Workstation
from counter_app.domain.errors import ValidationError
from counter_app.domain.people import StaffUser
from counter_app.items.form_values import FieldValue
from counter_app.items.generic_case import ACCEPT, CaseIntake, ItemPart
from counter_app.printing.layout import Doc
from counter_app.services.catalogue_view import current_catalogue
from counter_app.services.command_bus import Accepted
from counter_app.services.document_printing import intake_doc
from counter_app.services.intake import IntakeState, accept_case
from counter_app.services.registry_changes import item_document
from counter_app.ui.customer_context import CustomerContext, Outcome
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
    conflict_reason,
    field_error_text,
)
from counter_app.ui.item_forms.materials import MaterialsChecklist
from counter_app.ui.ops import Op

translate = QCoreApplication.translate


def item_error_text(error: ValidationError) -> str:
    """The text of one refusal of these items' checks (the generic texts otherwise)."""
    p = error.params
    if error.code == "birth_date_mismatch" and "date" in p:
        if error.field == "new_id_number":
            text = translate(
                "RegistryForms",
                "The new ID number gives the birth date %1, the registry holds %2: enter the "
                "corrected birth date in the same request.",
            ).replace("%2", p.get("recorded", ""))
        else:
            text = translate("RegistryForms", "The ID number gives the birth date %1.")
        return text.replace("%1", p["date"])
    if error.code == "sex_mismatch":
        sex = (
            translate("RegistryForms", "male")
            if p.get("sex") == "M"
            else translate("RegistryForms", "female")
        )
        return translate(
            "RegistryForms",
            "The ID number says %1 (its 17th digit); correct the sex in the same request or "
            "re-read the number.",
        ).replace("%1", sex)
    if error.code == "unchanged":
        return translate("RegistryForms", "The registry already holds this value.")
    if error.field == "materials" and error.code == "missing":
        return translate(
            "RegistryForms", "A mandatory material is missing (for key data: the proof)."
        )
    if error.field == "new_phone" and error.code == "required":
        return translate("RegistryForms", "Enter the new telephone or the new address.")
    if error.field == "new_name" and error.code == "required":
        return translate("RegistryForms", "Enter the corrected name, ID number, birth date or sex.")
    if error.code == "not_allowed" and error.field.startswith("new_"):
        return translate(
            "RegistryForms", "Contact data and key data are changed in separate requests."
        )
    return field_error_text(error)


class FieldRows(QWidget):
    """Labelled inputs, each with its error label under it."""

    def __init__(
        self, rows: Sequence[tuple[str, str, QWidget]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {}
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name, label, widget in rows:
            widget.setObjectName(name)
            error = QLabel()
            error.setObjectName(f"error_{name}")
            error.setWordWrap(True)
            error.setStyleSheet(f"color: {ERROR_COLOUR};")
            error.setVisible(False)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(error)
            layout.addRow(label, cell)
            self.inputs[name] = widget
            self.errors[name] = error
            self.labels[name] = label

    def clear_errors(self) -> None:
        for name, label in self.errors.items():
            label.clear()
            label.setVisible(False)
            self.inputs[name].setStyleSheet("")

    def show_errors(self, errors: Iterable[ValidationError]) -> list[ValidationError]:
        """Mark each error at its input; returns those of no input here."""
        left: list[ValidationError] = []
        for error in errors:
            label = self.errors.get(error.field)
            if label is None:
                left.append(error)
                continue
            label.setText(f"{label.text()}\n{item_error_text(error)}".strip())
            label.setVisible(True)
            widget = self.inputs[error.field]
            widget.setStyleSheet(f"#{widget.objectName()} {{ border: 1px solid {ERROR_COLOUR}; }}")
        return left

    def first_error_input(self) -> QWidget | None:
        return next((self.inputs[n] for n, lab in self.errors.items() if lab.isVisible()), None)


class ItemOutcome(IntakeOutcome):
    """The result line of one of these items' commands (or of the one-time notification
    recorded through the generic intake), and the document to print."""

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        context: CustomerContext,
        kind: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ws, user, window_number, context, parent)
        self.item_kind = kind
        self.kind = kind  # the command followed: the item's own, or the generic intake

    def follow_command(self, command_uuid: str, *, notice: bool = False) -> None:
        self.kind = ACCEPT if notice else self.item_kind
        self.follow(command_uuid, auto_print=notice)

    def rejection_text(self, state: IntakeState) -> str:
        return conflict_reason(state.reason_code or "", state.reason or "", self.kind)

    def _show(self, command_uuid: str, state: IntakeState) -> None:
        if command_uuid != self.command_uuid or state.status != "rejected":
            super()._show(command_uuid, state)
            return
        self.state = state
        self.say(
            translate("RegistryForms", "The central database refused this: %1").replace(
                "%1", self.rejection_text(state)
            )
            + "\n"
            + translate(
                "RegistryForms", "It stays listed in the Sync tab until it is marked as handled."
            ),
            ERROR_COLOUR,
        )
        self.promise.clear()
        self.print_button.setEnabled(False)
        self.print_button.setVisible(False)

    def print_document(self) -> None:
        """Preview (then print) the result slip or receipt of the case as it now stands."""
        uuid = self.command_uuid
        if uuid is None:
            return
        teller = self.user.display_name

        def build() -> tuple[Doc, str]:
            return intake_doc(item_document(self.ws, uuid, self.window_number, teller))

        Op(build, parent=self).success(self._preview).failure(
            lambda exc: self.say(describe(exc), ERROR_COLOUR)
        ).run_in_background()


class NoticeSending:
    """一次性告知 for the registry forms: send the pending intake on the database worker (dated
    with the catalogue version the window offers), then follow its case like an acceptance.
    A form using it has ``ws``, ``user``, ``window_number``, ``context``, ``notice_button``,
    ``outcome``, ``submitted`` and ``_refused``."""

    ws: Workstation
    user: StaffUser
    window_number: int
    context: CustomerContext
    notice_button: Any
    outcome: Any
    submitted: Any

    def _refused(self, exc: BaseException) -> None:
        raise NotImplementedError

    def _send_notice(self, intake: CaseIntake) -> Accepted:
        version = current_catalogue(self.ws).version
        return accept_case(
            self.ws, self.user, self.window_number, replace(intake, catalogue_version=version)
        )

    def _noticed(self, accepted: Accepted) -> None:
        self.notice_button.setEnabled(True)
        self.outcome.follow_command(accepted.command_uuid, notice=True)
        self.submitted.emit(accepted)
        self.context.report(Outcome("case", command_uuid=accepted.command_uuid))

    def _notice_refused(self, exc: BaseException) -> None:
        self.notice_button.setEnabled(True)
        self._refused(exc)


class RegistryForm(QWidget, NoticeSending):
    """The base of the registry forms; see the module's docstring. A subclass makes its
    inputs in ``build``, then calls ``finish_layout``; it gives ``accept_label``,
    ``field_rows`` (where errors are marked),
    ``_snapshot``, ``submit`` (through ``send``), ``sent_changes`` and ``notify`` (through
    ``send_notice``)."""

    submitted = Signal(object)  # Accepted
    WHAT = ""  # how the outcome names the operation

    ITEM_CODE = ""  # the catalogue item the form is for (unless given)

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        context: CustomerContext | None = None,
        item: Item | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.window_number = window_number
        self.context = context if context is not None else CustomerContext(self)
        self.item = item if item is not None else shipped_catalogue().item(self.ITEM_CODE)
        self._sent: Any = None
        self.checklist = MaterialsChecklist([self.item])
        self.checklist.changed.connect(self._update_buttons)
        text, name = self.accept_label()
        self.accept_button = QPushButton(text)
        self.accept_button.setObjectName(name)
        self.accept_button.clicked.connect(self.submit)
        self.notice_button = QPushButton(translate("ItemForms", "Print one-time notification"))
        self.notice_button.setObjectName("oneTimeNotice")
        self.notice_button.clicked.connect(self.notify)
        self.build()
        self._update_buttons()
        self._baseline = self._snapshot()

    def finish_layout(
        self, *parts: QWidget | QLayout | tuple[QWidget, int], stretch: bool = True
    ) -> None:
        """Heading, ``parts`` (the form's own; a widget with its stretch factor as a pair),
        materials, buttons and the outcome line; ``stretch``: room left at the bottom."""
        body = QWidget()
        layout = QVBoxLayout(body)
        item_headings(layout, self.item)
        for part in parts:
            if isinstance(part, QLayout):
                layout.addLayout(part)
            elif isinstance(part, tuple):
                layout.addWidget(*part)
            else:
                layout.addWidget(part)
        layout.addWidget(self.checklist)
        layout.addLayout(button_row(self.notice_button, self.accept_button))
        layout.addWidget(self.outcome)
        if stretch:
            layout.addStretch(1)
        scrolled(self, body)
        submit_keys(self, self.submit, self.outcome.print_document)
        self.context.changed.connect(self._context_changed)

    # -- what a subclass provides ------------------------------------------------------------
    outcome: ItemOutcome

    def accept_label(self) -> tuple[str, str]:
        """The Accept button's text and object name."""
        raise NotImplementedError

    def build(self) -> None:
        """Make the form's own inputs and ``outcome``, then call ``finish_layout``."""
        raise NotImplementedError

    def field_rows(self) -> Sequence[FieldRows]:
        raise NotImplementedError

    def _snapshot(self) -> object:
        raise NotImplementedError

    def submit(self) -> None:
        raise NotImplementedError

    def notify(self) -> None:
        raise NotImplementedError

    def _context_changed(self, change: Any) -> None:
        raise NotImplementedError

    def sent_changes(self, sent: Any, accepted: Accepted) -> Outcome:
        """What the outcome reports of the payload ``sent`` (and anything more to do)."""
        raise NotImplementedError

    # -- common behaviour --------------------------------------------------------------------
    def has_unsaved_input(self) -> bool:
        """Whether the form holds input typed since it was last emptied, filled or sent."""
        return self._snapshot() != self._baseline

    def _update_buttons(self) -> None:
        missing = bool(self.checklist.missing_required())
        self.notice_button.setVisible(missing)
        self.accept_button.setEnabled(not missing)
        self.accept_button.setToolTip(
            translate(
                "ItemForms",
                "Mandatory materials are missing: give the one-time notification instead.",
            )
            if missing
            else ""
        )

    def _clear_errors(self) -> None:
        for rows in self.field_rows():
            rows.clear_errors()

    def _show_errors(self, errors: Sequence[ValidationError]) -> None:
        left = list(errors)
        for rows in self.field_rows():
            left = rows.show_errors(left)
        text = translate("ItemForms", "Please correct the marked fields.")
        if left:
            text += "\n" + "\n".join(item_error_text(e) for e in left)
        self.outcome.say(text, ERROR_COLOUR)

    def send(
        self,
        payload: Any,
        run: Callable[[], Any],
        *,
        done: Callable[[Any], None] | None = None,
    ) -> None:
        """Send ``payload`` by ``run`` on the database worker; its result goes to ``done``
        (``_accepted`` unless said), a refusal to ``_refused``."""
        self._sent = payload
        self.accept_button.setEnabled(False)
        self.outcome.say(translate("ItemForms", "Submitting…"))
        Op(run, parent=self).success(done or self._accepted).failure(
            self._refused
        ).run_in_background()

    def _accepted(self, accepted: Accepted) -> None:
        self._update_buttons()
        sent = self._sent
        assert sent is not None
        self._baseline = self._snapshot()
        self.outcome.follow_command(accepted.command_uuid)
        report = self.sent_changes(sent, accepted)
        self.submitted.emit(accepted)
        self.context.report(report)

    def _refused(self, exc: BaseException) -> None:
        self._update_buttons()
        show_refusal(exc, self._show_errors, self.outcome.say, self.outcome.item_kind)

    def send_notice(
        self,
        values: Mapping[str, str],
        *,
        id_number: str = "",
        credit_code: str = "",
        subject_name: str = "",
    ) -> None:
        """一次性告知: record the case with the item's declared ``values`` among those given,
        the materials ticked and its subject, as waiting for materials; the notification
        prints once the centre has numbered the case."""
        declared = {f.name for f in self.item.fields}
        intake = CaseIntake(
            catalogue_version="",
            parts=(
                ItemPart(
                    self.item.code,
                    tuple(FieldValue(k, v) for k, v in values.items() if k in declared),
                ),
            ),
            materials=self.checklist.received(),
            ticket=self.context.ticket_reference or "",
            window_number=self.window_number,
            id_number=id_number,
            credit_code=credit_code,
            subject_name=subject_name,
        )
        self.notice_button.setEnabled(False)
        Op(lambda: self._send_notice(intake), parent=self).success(self._noticed).failure(
            self._notice_refused
        ).run_in_background()
