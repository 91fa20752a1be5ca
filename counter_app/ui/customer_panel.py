"""The customer panel: identify the person at the window by ID number and show who they are.

Lookup runs in the background (cache first, then the central registry). The panel shows a
masked ID number and phone, the insured number, the insurance held and the person's cases,
and emits ``person_selected`` so transaction tabs can pre-fill their forms.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import ValidationError
from counter_app.domain.ids import IdNumber
from counter_app.domain.people import mask_phone
from counter_app.services.queries import PersonSummary, find_person
from counter_app.services.workstation import Workstation
from counter_app.ui.errors import validation_text
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import (
    case_status_label,
    category_label,
    insurance_label,
    sex_label,
)


class CustomerPanel(QWidget):
    person_selected = Signal(object)  # PersonSummary | None
    id_number_entered = Signal(str)

    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.current: PersonSummary | None = None

        self.id_input = QLineEdit()
        self.id_input.setObjectName("customerIdInput")
        self.id_input.setPlaceholderText(self.tr("18-digit ID number (F2)"))
        self.id_input.setMaxLength(18)
        self.id_input.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("Identify"))
        self.search_button.clicked.connect(self.search)
        row = QHBoxLayout()
        row.addWidget(self.id_input, 1)
        row.addWidget(self.search_button)

        self.message = QLabel()
        self.message.setObjectName("customerMessage")
        self.message.setWordWrap(True)

        box = QGroupBox(self.tr("Customer"))
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout(box)
        for key, label in (
            ("name", self.tr("Name")),
            ("id", self.tr("ID number")),
            ("sex", self.tr("Sex")),
            ("birth", self.tr("Birth date")),
            ("phone", self.tr("Phone")),
            ("insured_number", self.tr("Insured number")),
            ("category", self.tr("Category")),
            ("insurance", self.tr("Insurance held")),
            ("sync", self.tr("Sync")),
        ):
            value = QLabel("—")
            value.setObjectName(f"customer_{key}")
            value.setWordWrap(True)
            self.fields[key] = value
            form.addRow(label, value)

        self.cases = QListWidget()
        self.cases.setObjectName("customerCases")
        self.cases.setWordWrap(True)
        cases_box = QGroupBox(self.tr("Cases of this person"))
        QVBoxLayout(cases_box).addWidget(self.cases)

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(box)
        layout.addWidget(cases_box, 1)

    def focus_search(self) -> None:
        self.id_input.setFocus()
        self.id_input.selectAll()

    def search(self) -> None:
        raw = self.id_input.text()
        try:
            id_number = IdNumber.parse(raw)
        except ValidationError as exc:
            self.message.setText(validation_text(exc))
            self.message.setStyleSheet("color: #b00020;")
            return
        self.message.setText(self.tr("Searching…"))
        self.message.setStyleSheet("")
        self.id_number_entered.emit(id_number.value)
        Op(lambda: find_person(self.ws, id_number), parent=self).success(
            lambda found: self.show_person(found, id_number)
        ).run_in_background()

    def refresh(self) -> None:
        if self.current is not None:
            self.id_input.setText(self.current.id_number)
            self.search()

    def show_person(self, person: PersonSummary | None, id_number: IdNumber) -> None:
        self.current = person
        self.cases.clear()
        if person is None:
            for value in self.fields.values():
                value.setText("—")
            self.fields["id"].setText(id_number.masked())
            self.message.setText(
                self.tr("Not found in the registry: a new person can be enrolled.")
            )
            self.person_selected.emit(None)
            return
        self.message.setText(
            self.tr("Found in the local cache.")
            if person.source == "local"
            else self.tr("Found in the central registry.")
        )
        f = self.fields
        f["name"].setText(person.name)
        f["id"].setText(person.masked_id)
        f["sex"].setText(sex_label(person.sex))
        f["birth"].setText(person.birth_date.isoformat())
        f["phone"].setText(mask_phone(person.phone) if person.phone else "—")
        f["insured_number"].setText(
            person.insured_number
            or (self.tr("assigned after sync") if person.enrolled else self.tr("not insured"))
        )
        f["category"].setText(category_label(person.category) if person.category else "—")
        f["insurance"].setText("、".join(insurance_label(t) for t in person.insurance_types) or "—")
        f["sync"].setText(self.tr("Pending sync") if person.pending_sync else self.tr("Up to date"))
        for case in person.cases:
            self.cases.addItem(
                f"{case.accepted_at:%Y-%m-%d} {case.summary} · {case_status_label(case.status)}"
                f" · {case.case_no or self.tr('number pending')}"
            )
        self.person_selected.emit(person)
