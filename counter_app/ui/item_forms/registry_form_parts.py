"""Pieces shared by the forms of the items that change the registry (employer registration,
personal data change, staff declarations).

``FieldRows`` lays out labelled inputs with each one's error right under it; ``ItemOutcome``
is the generic intake's result line (``IntakeOutcome``: the centre's verdict, the case number,
the document to print) with the refusal texts of the item's own command and the item's own
figures on its result slip; ``item_error_text`` words the refusals these items add to the
generic ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from counter_app.client.workstation import Workstation
from counter_app.domain.errors import ValidationError
from counter_app.domain.people import StaffUser
from counter_app.items.generic_case import ACCEPT, CaseIntake
from counter_app.printing.layout import Doc
from counter_app.services.catalogue_view import current_catalogue
from counter_app.services.command_bus import Accepted
from counter_app.services.document_printing import intake_doc
from counter_app.services.intake import IntakeState, accept_case
from counter_app.services.registry_changes import item_document
from counter_app.ui.customer_context import CustomerContext, Outcome
from counter_app.ui.errors import describe
from counter_app.ui.item_forms.generic_form import (
    ERROR_COLOUR,
    IntakeOutcome,
    conflict_reason,
    field_error_text,
)
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
    if error.code == "too_many_rows" and "limit" in p:
        return translate(
            "RegistryForms",
            "One declaration holds at most %1 of these rows; split the roster into several "
            "files and declare each.",
        ).replace("%1", p["limit"])
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
