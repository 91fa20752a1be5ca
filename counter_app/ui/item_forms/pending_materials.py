"""待补正材料 — the customer is back with what the one-time notification asked for.

The tab lists the cases of the customer at the counter (the identified person, or the
employer being dealt with) that wait for materials, each with what is still missing. The
teller ticks what was brought and sends ``case.supplement``; once the materials are complete
the case moves on with its promised date counted from today, and the acceptance receipt (or,
for an item finished on the spot, the result slip) is printed. Materials still missing after
that get an updated one-time notification.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter_app.client.workstation import Workstation
from counter_app.domain.errors import DomainError
from counter_app.domain.people import StaffUser
from counter_app.items.generic_case import SUPPLEMENT_SPEC, MaterialsSupplement
from counter_app.services.command_bus import Accepted
from counter_app.services.intake import PendingCase, pending_cases, supplement_materials
from counter_app.ui.customer_context import Change, CustomerContext, Outcome
from counter_app.ui.errors import describe
from counter_app.ui.item_forms.generic_form import (
    ERROR_COLOUR,
    IntakeOutcome,
    heading_label,
    refusal_text,
)
from counter_app.ui.item_forms.group_tab import ListSplitter
from counter_app.ui.item_forms.materials import material_form_label
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import text_of

translate = QCoreApplication.translate
CASE_ROLE = Qt.ItemDataRole.UserRole


class PendingMaterialsTab(QWidget):
    submitted = Signal(object)  # Accepted

    def __init__(
        self,
        ws: Workstation,
        user: StaffUser,
        window_number: int,
        context: CustomerContext,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.window_number = window_number
        self.context = context
        self.cases: list[PendingCase] = []
        self.boxes: dict[str, QCheckBox] = {}
        self._serial = -1

        self.list = QListWidget()
        self.list.setObjectName("pendingCases")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        self.list.currentItemChanged.connect(lambda *_: self._show_case())
        self.empty = QLabel()
        self.empty.setObjectName("pendingEmpty")
        self.empty.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.list, 1)

        self.heading = heading_label(translate("PendingMaterials", "Materials pending"))
        self.case_label = QLabel()
        self.case_label.setObjectName("pendingCase")
        self.case_label.setWordWrap(True)
        self.materials = QGroupBox(translate("PendingMaterials", "Tick what the customer brought"))
        self.materials.setObjectName("broughtMaterials")
        self.materials_layout = QVBoxLayout(self.materials)
        self.brought_button = QPushButton(translate("PendingMaterials", "Materials brought"))
        self.brought_button.setObjectName("materialsBrought")
        self.brought_button.setEnabled(False)
        self.brought_button.clicked.connect(self.supplement)
        self.outcome = IntakeOutcome(ws, user, window_number, context)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.brought_button)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.heading)
        body_layout.addWidget(self.case_label)
        body_layout.addWidget(self.materials)
        body_layout.addLayout(buttons)
        body_layout.addWidget(self.outcome)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        splitter = ListSplitter(left, scroll)
        left.setMinimumWidth(120)
        QVBoxLayout(self).addWidget(splitter)

        context.changed.connect(self._context_changed)
        context.reported.connect(self._reported)
        self._show_cases([], -1)

    # -- the customer's pending cases ---------------------------------------------------------
    def _context_changed(self, change: Change) -> None:
        if change is Change.NEW_CUSTOMER:
            self.outcome.clear()
            self._show_cases([], self.context.serial)
            return
        if change in (Change.PERSON, Change.EMPLOYER, Change.REFRESHED):
            if change is Change.PERSON:
                self.outcome.clear()
            self.refresh()

    def _reported(self, outcome: Outcome) -> None:
        if outcome.cases_changed:
            self.refresh()

    def refresh(self) -> None:
        """Re-read the pending cases of the customer at the counter."""
        id_number, credit_code = self.context.id_number, self.context.employer_code
        serial = self.context.serial
        if not id_number and not credit_code:
            self._show_cases([], serial)
            return
        Op(lambda: pending_cases(self.ws, id_number, credit_code), parent=self).success(
            lambda cases: self._show_cases(cases, serial)
        ).run_in_background()

    def _show_cases(self, cases: list[PendingCase], serial: int) -> None:
        if serial != self.context.serial and serial != -1:
            return  # about a customer who has left
        chosen = self.selected()
        self.cases = cases
        self.list.clear()
        for case in cases:
            missing = len(case.missing)
            entry = QListWidgetItem(
                text_of(case.item_name_zh, case.item_name_en)
                + "\n"
                + " · ".join(
                    (
                        case.case_no or translate("PendingMaterials", "number pending"),
                        f"{case.accepted_at:%Y-%m-%d}",
                        translate("PendingMaterials", "%1 missing").replace("%1", str(missing)),
                    )
                )
            )
            entry.setData(CASE_ROLE, case.case_id)
            self.list.addItem(entry)
        if not (self.context.id_number or self.context.employer_code):
            self.empty.setText(translate("PendingMaterials", "Identify the customer first (F2)."))
        elif not cases:
            self.empty.setText(
                translate("PendingMaterials", "This customer has no case waiting for materials.")
            )
        else:
            self.empty.setText(
                translate("PendingMaterials", "Cases waiting for materials: %1").replace(
                    "%1", str(len(cases))
                )
            )
        keep = chosen.case_id if chosen is not None else None
        rows = [i for i, c in enumerate(cases) if c.case_id == keep]
        if rows:
            self.list.setCurrentRow(rows[0])
        elif cases:
            self.list.setCurrentRow(0)
        self._show_case()

    def selected(self) -> PendingCase | None:
        entry = self.list.currentItem()
        if entry is None:
            return None
        case_id = entry.data(CASE_ROLE)
        return next((c for c in self.cases if c.case_id == case_id), None)

    def _show_case(self) -> None:
        while self.materials_layout.count():
            item = self.materials_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.boxes.clear()
        case = self.selected()
        if case is None:
            self.case_label.clear()
            self.materials.setVisible(False)
            self.brought_button.setEnabled(False)
            return
        self.case_label.setText(
            translate("PendingMaterials", "%1, case %2, accepted on %3")
            .replace("%1", text_of(case.item_name_zh, case.item_name_en))
            .replace("%2", case.case_no or translate("PendingMaterials", "number pending"))
            .replace("%3", f"{case.accepted_at:%Y-%m-%d}")
        )
        for material in case.missing:
            form = material_form_label(material.form)
            name = text_of(material.name_zh, material.name_en)
            box = QCheckBox(name + text_of(f"（{form}）", f" ({form})"))
            box.setObjectName(f"brought_{material.code}")
            box.toggled.connect(lambda _on: self._update_button())
            self.boxes[material.code] = box
            self.materials_layout.addWidget(box)
        self.materials.setVisible(True)
        self._update_button()

    def _update_button(self) -> None:
        self.brought_button.setEnabled(any(b.isChecked() for b in self.boxes.values()))

    # -- materials brought ---------------------------------------------------------------------
    def brought(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def supplement(self) -> None:
        case = self.selected()
        materials = self.brought()
        if case is None or not materials or not self.brought_button.isEnabled():
            return
        self.brought_button.setEnabled(False)
        self.outcome.say(translate("PendingMaterials", "Submitting…"))
        payload = MaterialsSupplement(case.case_id, materials)
        Op(
            lambda: supplement_materials(self.ws, self.user, case.case_id, materials), parent=self
        ).success(lambda accepted: self._accepted(accepted, payload)).failure(
            self._refused
        ).run_in_background()

    def _accepted(self, accepted: Accepted, payload: MaterialsSupplement) -> None:
        self.outcome.follow(accepted.command_uuid, case_id=payload.case_id)
        self.submitted.emit(accepted)
        self.context.report(
            Outcome.of("supplement", SUPPLEMENT_SPEC.changes(payload), accepted.command_uuid)
        )

    def _refused(self, exc: BaseException) -> None:
        self._update_button()
        text = refusal_text(exc, SUPPLEMENT_SPEC.kind) if isinstance(exc, DomainError) else ""
        self.outcome.say(text or describe(exc), ERROR_COLOUR)
