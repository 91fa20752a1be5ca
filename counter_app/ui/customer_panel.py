"""The customer panel: identify the person at the window by ID number and show who they are.

The panel is the view of the window's ``CustomerContext``. Lookup runs in the background
(cache first, then the central registry) and its answer goes into the context — unless the
customer changed meanwhile (a new ticket, Ctrl+N), in which case it is dropped. The panel
shows a masked ID number and phone, the insured number, the insurance held, the ticket and
the person's cases. When an operation reports that it changed the person (an enrollment, a
sync that confirmed it), the panel re-reads them.
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

from counter_app.client.workstation import Workstation
from counter_app.domain.errors import ValidationError
from counter_app.domain.ids import IdNumber
from counter_app.domain.people import mask_phone
from counter_app.printing.verification import CASE_PREFIX
from counter_app.services.counter_lookups import person_of_case
from counter_app.services.queries import PersonSummary, find_person
from counter_app.ui.customer_context import Change, CustomerContext, Outcome
from counter_app.ui.errors import describe, validation_text
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import (
    case_line,
    category_label,
    insurance_label,
    join_labels,
    sex_label,
)

ERROR_STYLE = "color: #b00020;"


class CustomerPanel(QWidget):
    person_selected = Signal(object)  # PersonSummary | None, after the context took it in

    def __init__(
        self,
        ws: Workstation,
        context: CustomerContext | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.context = context if context is not None else CustomerContext(self)
        self.context.changed.connect(self._context_changed)
        self.context.reported.connect(self._outcome)
        self._token = 0  # the latest look-up; older answers are dropped

        self.id_input = QLineEdit()
        self.id_input.setObjectName("customerIdInput")
        self.id_input.setPlaceholderText(self.tr("18-digit ID number (F2)"))
        self.id_input.setMaxLength(64)  # room for spaces, full-width forms and a scanned receipt
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
            ("ticket", self.tr("Ticket")),
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

    @property
    def current(self) -> PersonSummary | None:
        return self.context.person

    def focus_search(self) -> None:
        self.id_input.setFocus()
        self.id_input.selectAll()

    # -- looking a person up -----------------------------------------------------------------
    def search(self) -> None:
        """Identify the ID number typed in the panel, or the person of a scanned receipt."""
        typed = self.id_input.text()
        if typed.strip().upper().startswith(CASE_PREFIX):
            self._find_case(typed)
            return
        self.lookup(typed)

    def lookup(self, id_number: str, *, quiet: bool = False) -> None:
        """Look ``id_number`` up in the background and make them the customer served.

        Only the latest look-up counts, and none started before a new customer did.
        """
        try:
            parsed = IdNumber.parse(id_number)
        except ValidationError as exc:
            self.message.setText(validation_text(exc))
            self.message.setStyleSheet(ERROR_STYLE)
            return
        if not quiet:
            self.id_input.setText(parsed.value)
            self.message.setText(self.tr("Searching…"))
            self.message.setStyleSheet("")
        self._token += 1
        token = self._token
        Op(lambda: find_person(self.ws, parsed), parent=self).success(
            lambda found: self._found(token, parsed.value, found)
        ).failure(lambda exc: self._lookup_failed(token, exc)).run_in_background()

    def _find_case(self, scanned: str) -> None:
        """An acceptance receipt's QR code was scanned: serve the person whose case it is."""
        self.message.setText(self.tr("Searching…"))
        self.message.setStyleSheet("")

        def found(id_number: str | None) -> None:
            if id_number is None:
                self.message.setText(self.tr("No case with this receipt's number is known here."))
                self.message.setStyleSheet(ERROR_STYLE)
                return
            self.lookup(id_number)

        Op(lambda: person_of_case(self.ws, scanned), parent=self).success(found).run_in_background()

    def refresh(self) -> None:
        """Re-read the person being served (after an operation changed them)."""
        if self.context.id_number is not None:
            self.lookup(self.context.id_number, quiet=True)

    def _found(self, token: int, id_number: str, person: PersonSummary | None) -> None:
        if token != self._token:
            return  # a later look-up or a new customer came meanwhile: not this answer
        self.context.identify(id_number, person)

    def _lookup_failed(self, token: int, exc: BaseException) -> None:
        if token != self._token:
            return
        self.message.setText(describe(exc))
        self.message.setStyleSheet(ERROR_STYLE)

    def _outcome(self, outcome: Outcome) -> None:
        """An operation finished: re-read the person if it changed them."""
        current = self.context.id_number
        if outcome.touches(current) or (outcome.what == "sync" and current is not None):
            self.refresh()
        elif current is None and outcome.what == "enrollment" and len(outcome.id_numbers) == 1:
            # Enrolled straight from the form: that person is the one being served.
            self.lookup(next(iter(outcome.id_numbers)))

    # -- showing the context -----------------------------------------------------------------
    def _context_changed(self, change: Change) -> None:
        if change is Change.NEW_CUSTOMER:
            self._token += 1  # answers of look-ups still running are for the previous customer
            self.id_input.clear()
            self.message.clear()
            self.message.setStyleSheet("")
            self._show_nobody()
        elif change in (Change.PERSON, Change.REFRESHED):
            self._show_person()
        self._show_ticket()

    def _show_ticket(self) -> None:
        ticket = self.context.ticket
        self.fields["ticket"].setText(ticket.display if ticket is not None else "—")

    def _show_nobody(self) -> None:
        for key, value in self.fields.items():
            if key != "ticket":
                value.setText("—")
        self.cases.clear()

    def _show_person(self) -> None:
        person, id_number = self.context.person, self.context.id_number
        self.cases.clear()
        self.message.setStyleSheet("")
        if id_number is not None and self.id_input.text() != id_number:
            self.id_input.setText(id_number)
        if person is None:
            self._show_nobody()
            if id_number is not None:
                self.fields["id"].setText(IdNumber(id_number).masked())
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
        f["insurance"].setText(
            join_labels(insurance_label(t) for t in person.insurance_types) or "—"
        )
        f["sync"].setText(self.tr("Pending sync") if person.pending_sync else self.tr("Up to date"))
        for case in person.cases:
            self.cases.addItem(case_line(case))
        self.person_selected.emit(person)
