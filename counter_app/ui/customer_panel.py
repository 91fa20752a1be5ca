"""The customer panel: find the person at the window, and show who they are.

The panel is the view of the window's ``CustomerContext``. Its one input (F2) takes whatever
the teller has: an ID number typed (or typed by a keyboard-wedge card reader, which ends it
with Enter), its first digits, the name, its pinyin or initials, an electronic social
security card code (typed by a keyboard-wedge QR scanner) or an acceptance receipt's code.
While the teller types, matching persons of this workstation's cache are listed under it
(``services.customer_lookup.search_persons``); the arrow keys move in the list, Enter or a
double click identifies. A whole ID number is identified at once (cache first, then the
central registry). "Read card" asks the configured card reader.

What the panel shows of the person: basic data with the ID number and phone masked, one line
per insurance type, the open cases with their promised dates, the contribution history of
the last twelve months and every case of the person. "Show in full" unmasks the ID number or
phone for users allowed to (``Permission.VIEW_FULL_ID``), after the journaled
``person.reveal`` was accepted; the full value is masked again when the customer changes.
The employer being dealt with is found by credit code or name. The window's recent customers
are one click away (folded away whenever a new customer starts).

Every answer from the background is matched against the customer it was asked for: an answer
about a customer who has meanwhile left is dropped, and on ``NEW_CUSTOMER`` nothing of the
previous customer stays on the panel.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter_app.client.workstation import Workstation
from counter_app.devices.card_reader import (
    CardRead,
    CardReader,
    CardReaderError,
    ecard_verifier_from_settings,
    reader_from_settings,
)
from counter_app.domain.ecard_qr import EcardIdentity, EcardVerifier, looks_like_ecard
from counter_app.domain.errors import ValidationError
from counter_app.domain.ids import IdNumber
from counter_app.domain.insurance import InsuranceType
from counter_app.domain.people import StaffUser, mask_phone
from counter_app.domain.roles import Permission, permissions_of
from counter_app.printing.verification import CASE_PREFIX
from counter_app.services.command_bus import Accepted
from counter_app.services.contribution_records import ContributionLine, contribution_history
from counter_app.services.counter_lookups import person_of_case
from counter_app.services.customer_lookup import (
    EmployerHit,
    InsuranceLine,
    OpenCase,
    PersonHit,
    QueryKind,
    RecentCustomer,
    classify,
    employer_name,
    find_employer,
    insurance_summary,
    open_cases,
    recent_customers,
    reveal,
    search_persons,
)
from counter_app.services.queries import PersonSummary, find_person
from counter_app.ui.customer_context import Change, CustomerContext, Outcome
from counter_app.ui.errors import describe, validation_text
from counter_app.ui.ops import Op
from counter_app.ui.roles_text import (
    case_line,
    case_status_label,
    category_label,
    insurance_label,
    item_label,
    join_labels,
    sex_label,
)
from counter_app.ui.table_model import Column, RecordTableModel

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"
SEARCH_DELAY_MS = 250  # typing pauses this long before the cache is searched
RESULTS_LIMIT = 20
CONTRIBUTION_MONTHS = 12
ROLE_ID = Qt.ItemDataRole.UserRole

Details = tuple[list[InsuranceLine], list[OpenCase], list[ContributionLine]]


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


class CustomerPanel(QWidget):
    person_selected = Signal(object)  # PersonSummary | None, after the context took it in
    command_sent = Signal(object)  # Accepted: a command (person.reveal) waits to be pushed

    def __init__(
        self,
        ws: Workstation,
        context: CustomerContext | None = None,
        parent: QWidget | None = None,
        *,
        user: StaffUser | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.user = user
        self.may_reveal = user is not None and Permission.VIEW_FULL_ID in permissions_of(user.role)
        self.context = context if context is not None else CustomerContext(self)
        self.context.changed.connect(self._context_changed)
        self.context.reported.connect(self._outcome)
        settings: Mapping[str, object] = getattr(ws.config, "devices", None) or {}
        self.card_reader: CardReader | None = reader_from_settings(settings)
        self.ecard_verifier: EcardVerifier | None = ecard_verifier_from_settings(settings)
        self._token = 0  # the latest look-up; older answers are dropped
        self._search_token = 0  # the latest search of the cache
        self._results_for: str | None = None  # the text the listed results answer
        self._expected_name: str | None = None  # the name a card or code gave
        self._revealed: set[str] = set()  # "id_number" / "phone" shown in full
        self._employers: dict[str, str] = {}  # credit code → name, as found

        # -- the search -------------------------------------------------------------------------
        self.id_input = QLineEdit()
        self.id_input.setObjectName("customerIdInput")
        self.id_input.setPlaceholderText(self.tr("ID number, name, pinyin or initials (F2)"))
        self.id_input.setMaxLength(200)  # room for spaces, full-width forms and scanned codes
        self.id_input.returnPressed.connect(self.search)
        self.id_input.textEdited.connect(self._typed)
        self.id_input.installEventFilter(self)
        self.search_button = QPushButton(self.tr("Identify"))
        self.search_button.clicked.connect(self.search)
        self.read_card_button = QPushButton(self.tr("Read card"))
        self.read_card_button.setObjectName("readCardButton")
        self.read_card_button.clicked.connect(self.read_card)
        row = QHBoxLayout()
        row.addWidget(self.id_input, 1)
        row.addWidget(self.search_button)
        row.addWidget(self.read_card_button)

        self.message = QLabel()
        self.message.setObjectName("customerMessage")
        self.message.setWordWrap(True)

        self.results = QListWidget()
        self.results.setObjectName("customerResults")
        self.results.setMaximumHeight(160)
        self.results.itemActivated.connect(self._result_chosen)
        self.results.hide()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._live_search)

        # -- the employer -----------------------------------------------------------------------
        self.employer_input = QLineEdit()
        self.employer_input.setObjectName("employerInput")
        self.employer_input.setPlaceholderText(self.tr("Employer: credit code or name"))
        self.employer_input.setMaxLength(100)
        self.employer_input.returnPressed.connect(self.find_employer)
        self.employer_button = QPushButton(self.tr("Find employer"))
        self.employer_button.clicked.connect(self.find_employer)
        employer_row = QHBoxLayout()
        employer_row.addWidget(self.employer_input, 1)
        employer_row.addWidget(self.employer_button)
        self.employer_message = QLabel()
        self.employer_message.setObjectName("employerMessage")
        self.employer_message.setWordWrap(True)
        self.employer_results = QListWidget()
        self.employer_results.setObjectName("employerResults")
        self.employer_results.setMaximumHeight(120)
        self.employer_results.itemActivated.connect(self._employer_chosen)
        self.employer_results.hide()
        self.employer_label = QLabel("—")
        self.employer_label.setObjectName("customer_employer")
        self.employer_label.setWordWrap(True)

        # -- recent customers -------------------------------------------------------------------
        self.recent_button = QPushButton(self.tr("Recent customers"))
        self.recent_button.setObjectName("recentCustomersButton")
        self.recent_button.setCheckable(True)
        self.recent_button.toggled.connect(self._toggle_recent)
        self.recent_button.setVisible(user is not None)
        self.recent = QListWidget()
        self.recent.setObjectName("recentCustomers")
        self.recent.setMaximumHeight(160)
        self.recent.itemActivated.connect(self._result_chosen)
        self.recent.hide()

        # -- the person -------------------------------------------------------------------------
        box = QGroupBox(self.tr("Customer"))
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout(box)
        self.reveal_id_button = self._reveal_button("id_number")
        self.reveal_phone_button = self._reveal_button("phone")
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
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            if key in ("id", "phone"):
                line = QHBoxLayout()
                line.addWidget(value, 1)
                line.addWidget(self.reveal_id_button if key == "id" else self.reveal_phone_button)
                form.addRow(label, line)
            else:
                form.addRow(label, value)
        self.reveal_reason = QComboBox(self)
        self.reveal_reason.setObjectName("revealReason")
        self.reveal_reason.setEditable(True)
        self.reveal_reason.addItems(
            [
                self.tr("The customer asks to check the number"),
                self.tr("Comparing with a paper document"),
                self.tr("Correcting registration data"),
            ]
        )
        self.reveal_reason.setVisible(self.may_reveal)
        if self.may_reveal:
            form.addRow(self.tr("Reason for showing in full"), self.reveal_reason)
        form.addRow(self.tr("Employer"), self.employer_label)

        insurance_box = QGroupBox(self.tr("Insurance"))
        grid = QGridLayout(insurance_box)
        self.insurance_rows: dict[str, QLabel] = {}
        for index, insurance in enumerate(InsuranceType):
            grid.addWidget(QLabel(insurance_label(insurance.value)), index, 0)
            value = QLabel("—")
            value.setObjectName(f"insurance_{insurance.value}")
            value.setWordWrap(True)
            grid.addWidget(value, index, 1)
            self.insurance_rows[insurance.value] = value
        grid.setColumnStretch(1, 1)

        self.open_cases = QListWidget()
        self.open_cases.setObjectName("customerOpenCases")
        self.open_cases.setWordWrap(True)
        self.open_cases.setMaximumHeight(120)
        open_box = QGroupBox(self.tr("Open cases"))
        QVBoxLayout(open_box).addWidget(self.open_cases)

        self.contributions_model: RecordTableModel[ContributionLine] = RecordTableModel(
            [
                Column(self.tr("Month"), lambda r: r.month),
                Column(self.tr("Insurance"), lambda r: insurance_label(r.insurance_type)),
                Column(self.tr("Base"), lambda r: _money(r.base)),
                Column(self.tr("Employer part"), lambda r: _money(r.employer)),
                Column(self.tr("Individual part"), lambda r: _money(r.individual)),
                Column(self.tr("State"), self._contribution_state),
            ],
            parent=self,
        )
        self.contributions = QTableView()
        self.contributions.setObjectName("customerContributions")
        self.contributions.setModel(self.contributions_model)
        self.contributions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contributions.verticalHeader().hide()
        self.contributions.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.contributions.setMinimumHeight(120)
        self.contributions_note = QLabel()
        self.contributions_note.setObjectName("contributionsNote")
        self.contributions_note.setWordWrap(True)
        contributions_box = QGroupBox(self.tr("Contributions, last 12 months"))
        contributions_layout = QVBoxLayout(contributions_box)
        contributions_layout.addWidget(self.contributions_note)
        contributions_layout.addWidget(self.contributions)

        self.cases = QListWidget()
        self.cases.setObjectName("customerCases")
        self.cases.setWordWrap(True)
        self.cases.setMaximumHeight(120)
        cases_box = QGroupBox(self.tr("Cases of this person"))
        QVBoxLayout(cases_box).addWidget(self.cases)

        content = QWidget()
        details = QVBoxLayout(content)
        details.setContentsMargins(0, 0, 0, 0)
        details.addLayout(employer_row)
        details.addWidget(self.employer_message)
        details.addWidget(self.employer_results)
        details.addWidget(self.recent_button)
        details.addWidget(self.recent)
        for part in (box, insurance_box, open_box, contributions_box, cases_box):
            details.addWidget(part)
        details.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.results)
        layout.addWidget(scroll, 1)
        self._show_nobody()
        self._refresh_recent()

    def _reveal_button(self, what: str) -> QPushButton:
        button = QPushButton(self.tr("Show in full"))
        button.setObjectName(f"reveal_{what}")
        button.setEnabled(False)
        if not self.may_reveal:
            button.setToolTip(
                self.tr("Only reviewers and supervisors may see ID numbers and phones in full.")
            )
        button.clicked.connect(lambda: self.reveal(what))
        return button

    def use_devices(
        self, *, card_reader: CardReader | None = None, ecard: EcardVerifier | None = None
    ) -> None:
        """Use these devices instead of the configured ones (tests, a vendor's reader)."""
        if card_reader is not None:
            self.card_reader = card_reader
        if ecard is not None:
            self.ecard_verifier = ecard

    @property
    def current(self) -> PersonSummary | None:
        return self.context.person

    def focus_search(self) -> None:
        self.id_input.setFocus()
        self.id_input.selectAll()

    # -- messages ----------------------------------------------------------------------------
    def _say(self, text: str, style: str = "") -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)

    def _fail(self, text: str) -> None:
        self._say(text, ERROR_STYLE)

    def _background_failed(self, exc: BaseException) -> None:
        """A refresh the teller did not ask for failed: say so on the panel, no dialog."""
        self._fail(describe(exc))

    # -- typing and searching ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the input move through the results below it."""
        if watched is self.id_input and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and self.results.isVisible() and self.results.count():
                row = self.results.currentRow()
                row = 0 if row < 0 else max(0, min(self.results.count() - 1, row + step))
                self.results.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def _typed(self, _text: str) -> None:
        self._search_timer.start()

    def _live_search(self) -> None:
        text = self.id_input.text()
        if text.strip().upper().startswith(CASE_PREFIX) or looks_like_ecard(text):
            return  # a scanner is typing a code: it ends with Enter
        self._run_search(text, enter=False)

    def _run_search(self, text: str, *, enter: bool) -> None:
        query = classify(text)
        self._search_token += 1
        token = self._search_token
        if query.kind is QueryKind.NONE:
            self._show_results(text, [])
            if enter:
                self._fail(self.tr("Type an ID number, a name, its pinyin or its initials."))
            return
        if query.kind is QueryKind.ID and not enter:
            try:
                IdNumber.parse(text)
            except ValidationError as exc:
                self._fail(validation_text(exc))
            else:
                self._say("")
            return
        Op(lambda: search_persons(self.ws, text, RESULTS_LIMIT), parent=self).success(
            lambda hits: self._searched(token, text, hits, enter)
        ).failure(lambda exc: self._search_failed(token, exc)).run_in_background()

    def _searched(self, token: int, text: str, hits: list[PersonHit], enter: bool) -> None:
        if token != self._search_token:
            return
        self._show_results(text, hits)
        if not hits:
            self._say(self.tr("Nobody in this workstation's records matches."), WARNING_STYLE)
        elif enter and len(hits) == 1:
            self._identify(hits[0].id_number)
        elif len(hits) >= RESULTS_LIMIT:
            self._say(
                self.tr("%1 or more match: type more, or choose with the arrow keys.").replace(
                    "%1", str(RESULTS_LIMIT)
                )
            )
        else:
            self._say(
                self.tr("%1 found: choose one with the arrow keys and Enter.").replace(
                    "%1", str(len(hits))
                )
            )

    def _search_failed(self, token: int, exc: BaseException) -> None:
        if token != self._search_token:
            return
        self._show_results(None, [])
        self._fail(validation_text(exc) if isinstance(exc, ValidationError) else describe(exc))

    def _show_results(self, text: str | None, hits: list[PersonHit]) -> None:
        self.results.clear()
        self._results_for = text
        for hit in hits:
            item = QListWidgetItem(
                " · ".join(
                    (hit.name, hit.masked_id, sex_label(hit.sex), hit.birth_date.isoformat())
                )
            )
            item.setData(ROLE_ID, hit.id_number)
            self.results.addItem(item)
        self.results.setCurrentRow(-1)  # nothing chosen until the teller moves to it
        self.results.setVisible(bool(hits))

    def search(self) -> None:
        """Enter: identify what the input holds (an ID number, a scanned code, the result
        chosen with the arrow keys), or search and identify a single match."""
        self._search_timer.stop()
        typed = self.id_input.text()
        if typed.strip().upper().startswith(CASE_PREFIX):
            self._find_case(typed)
            return
        if looks_like_ecard(typed):
            self._scan_ecard(typed)
            return
        query = classify(typed)
        if query.kind is QueryKind.ID:
            self._show_results(None, [])
            self.lookup(typed)
            return
        current = self.results.currentItem()
        if current is not None and self._results_for == typed and self.results.isVisible():
            self._result_chosen(current)
            return
        if self._results_for == typed and self.results.count() == 1:
            item = self.results.item(0)
            assert item is not None
            self._result_chosen(item)
            return
        self._run_search(typed, enter=True)

    def _result_chosen(self, item: QListWidgetItem) -> None:
        id_number = item.data(ROLE_ID)
        if isinstance(id_number, str):
            self._identify(id_number)

    def _identify(self, id_number: str, *, expected_name: str | None = None) -> None:
        """A person chosen from a list, read from a card or a code: the input is cleared
        (what the teller did not type is not shown unmasked) and the person identified."""
        self._search_timer.stop()
        self._search_token += 1
        self.id_input.clear()
        self._show_results(None, [])
        self.recent_button.setChecked(False)
        self.lookup(id_number, expected_name=expected_name)

    # -- looking a person up -----------------------------------------------------------------
    def lookup(
        self, id_number: str, *, quiet: bool = False, expected_name: str | None = None
    ) -> None:
        """Look ``id_number`` up in the background and make them the customer served.

        Only the latest look-up counts, and none started before a new customer did.
        """
        try:
            parsed = IdNumber.parse(id_number)
        except ValidationError as exc:
            self._fail(validation_text(exc))
            return
        if not quiet:
            self._say(self.tr("Searching…"))
        self._token += 1
        token = self._token
        self._expected_name = expected_name
        Op(lambda: find_person(self.ws, parsed), parent=self).success(
            lambda found: self._found(token, parsed.value, found)
        ).failure(lambda exc: self._lookup_failed(token, exc)).run_in_background()

    def _find_case(self, scanned: str) -> None:
        """An acceptance receipt's QR code was scanned: serve the person whose case it is."""
        self._say(self.tr("Searching…"))

        def found(id_number: str | None) -> None:
            if id_number is None:
                self._fail(self.tr("No case with this receipt's number is known here."))
                return
            self._identify(id_number)

        Op(lambda: person_of_case(self.ws, scanned), parent=self).success(found).run_in_background()

    def _scan_ecard(self, scanned: str) -> None:
        """An electronic social security card's code was scanned into the input."""
        self.id_input.clear()
        self._show_results(None, [])
        verifier = self.ecard_verifier
        if verifier is None:
            self._fail(
                self.tr(
                    "Electronic social security card codes cannot be checked at this "
                    "workstation: no verifier is configured."
                )
            )
            return
        try:
            identity: EcardIdentity = verifier.verify(scanned, dt.datetime.now(dt.UTC))
        except ValidationError as exc:
            self._fail(self._ecard_text(exc))
            return
        self._identify(identity.id_number, expected_name=identity.name)

    def _ecard_text(self, exc: ValidationError) -> str:
        return {
            "expired": self.tr(
                "The electronic social security card code has expired. Ask the customer to "
                "refresh it on the phone and scan it again."
            ),
            "forged": self.tr(
                "The electronic social security card code is not genuine: it was not issued "
                "for this hall or was altered. The customer is not identified."
            ),
            "id_number": self.tr(
                "The electronic social security card code carries an invalid ID number."
            ),
        }.get(
            exc.code,
            self.tr("This is not a readable electronic social security card code."),
        )

    def read_card(self) -> None:
        """Read the card on the configured reader and identify its holder."""
        reader = self.card_reader
        if reader is None:
            self._fail(self.tr("No card reader is configured at this workstation."))
            return
        self._say(self.tr("Reading the card…"))
        serial = self.context.serial
        Op(reader.read, parent=self).success(lambda card: self._card_read(serial, card)).failure(
            self._card_failed
        ).run_in_background()

    def _card_read(self, serial: int, card: CardRead | None) -> None:
        if serial != self.context.serial:
            return
        if card is None:
            self._fail(self.tr("There is no card on the reader."))
            return
        try:
            parsed = IdNumber.parse(card.id_number)
        except ValidationError as exc:
            self._fail(
                self.tr("The card carries an invalid ID number.") + "\n" + validation_text(exc)
            )
            return
        self._identify(parsed.value, expected_name=card.name)

    def _card_failed(self, exc: BaseException) -> None:
        if isinstance(exc, CardReaderError):
            self._fail(self.tr("The card reader failed:") + f" {exc}")
        else:
            self._fail(describe(exc))

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
        self._fail(describe(exc))

    def _outcome(self, outcome: Outcome) -> None:
        """An operation finished: re-read the person if it changed them."""
        current = self.context.id_number
        if outcome.touches(current) or (outcome.what == "sync" and current is not None):
            self.refresh()
        elif current is None and outcome.what == "enrollment" and len(outcome.id_numbers) == 1:
            # Enrolled straight from the form: that person is the one being served.
            self.lookup(next(iter(outcome.id_numbers)))
        if outcome.command_uuid is not None or outcome.what == "sync":
            self._refresh_recent()

    # -- the employer -------------------------------------------------------------------------
    def find_employer(self) -> None:
        text = self.employer_input.text()
        self.employer_message.clear()
        self.employer_message.setStyleSheet("")
        if not text.strip():
            return
        serial = self.context.serial
        Op(lambda: find_employer(self.ws, text, RESULTS_LIMIT), parent=self).success(
            lambda hits: self._employers_found(serial, hits)
        ).failure(lambda exc: self._employer_failed(serial, exc)).run_in_background()

    def _employers_found(self, serial: int, hits: list[EmployerHit]) -> None:
        if serial != self.context.serial:
            return
        self.employer_results.clear()
        for hit in hits:
            self._employers[hit.credit_code] = hit.name
            item = QListWidgetItem(f"{hit.name} · {hit.credit_code}")
            item.setData(ROLE_ID, hit.credit_code)
            self.employer_results.addItem(item)
        self.employer_results.setVisible(len(hits) > 1)
        if not hits:
            self.employer_message.setText(
                self.tr("No employer in this workstation's records matches.")
            )
            self.employer_message.setStyleSheet(WARNING_STYLE)
        elif len(hits) == 1:
            self.context.set_employer(hits[0].credit_code)
        else:
            self.employer_message.setText(
                self.tr("%1 employers found: choose one.").replace("%1", str(len(hits)))
            )

    def _employer_failed(self, serial: int, exc: BaseException) -> None:
        if serial != self.context.serial:
            return
        text = validation_text(exc) if isinstance(exc, ValidationError) else describe(exc)
        self.employer_message.setText(text)
        self.employer_message.setStyleSheet(ERROR_STYLE)

    def _employer_chosen(self, item: QListWidgetItem) -> None:
        code = item.data(ROLE_ID)
        if isinstance(code, str):
            self.context.set_employer(code)

    def _show_employer(self) -> None:
        code = self.context.employer_code
        self.employer_results.clear()
        self.employer_results.hide()
        if code is None:
            self.employer_label.setText("—")
            return
        self.employer_message.clear()
        name = self._employers.get(code)
        self.employer_label.setText(f"{name} · {code}" if name else code)
        if name is None:
            serial = self.context.serial
            Op(lambda: employer_name(self.ws, code), parent=self).success(
                lambda found: self._employer_named(serial, code, found)
            ).failure(lambda exc: self._employer_failed(serial, exc)).run_in_background()

    def _employer_named(self, serial: int, code: str, name: str | None) -> None:
        if serial == self.context.serial and code == self.context.employer_code and name:
            self._employers[code] = name
            self.employer_label.setText(f"{name} · {code}")

    # -- recent customers -----------------------------------------------------------------------
    def _toggle_recent(self, shown: bool) -> None:
        self.recent.setVisible(shown)
        if shown:
            self._refresh_recent()

    def _refresh_recent(self) -> None:
        user = self.user
        if user is None:
            return
        Op(lambda: recent_customers(self.ws, user), parent=self).success(self._show_recent).failure(
            self._background_failed
        ).run_in_background()

    def _show_recent(self, customers: list[RecentCustomer]) -> None:
        self.recent.clear()
        for customer in customers:
            label = " · ".join(p for p in (customer.name, customer.masked_id) if p)
            item = QListWidgetItem(f"{customer.at:%m-%d %H:%M} {label}")
            item.setData(ROLE_ID, customer.id_number)
            self.recent.addItem(item)
        self.recent_button.setText(
            self.tr("Recent customers (%1)").replace("%1", str(len(customers)))
        )

    # -- showing a value in full ----------------------------------------------------------------
    def reveal(self, what: str) -> None:
        """Show the ID number or phone in full, once the journaled ``person.reveal`` was
        accepted."""
        user, person, id_number = self.user, self.context.person, self.context.id_number
        if user is None or id_number is None:
            return
        if not self.may_reveal:
            self._fail(
                self.tr("Only reviewers and supervisors may see ID numbers and phones in full.")
            )
            return
        reason = self.reveal_reason.currentText().strip()
        if not reason:
            self._fail(self.tr("Give the reason for showing it in full."))
            self.reveal_reason.setFocus()
            return
        if what == "phone" and (person is None or not person.phone):
            return
        serial = self.context.serial

        def accepted(result: Accepted) -> None:
            self.command_sent.emit(result)
            if serial != self.context.serial:
                return  # the customer changed meanwhile: nothing is shown for the next one
            self._revealed.add(what)
            self._show_sensitive()
            self._say(self.tr("Shown in full; this is recorded in the journal."))

        Op(lambda: reveal(self.ws, user, id_number, what, reason), parent=self).success(
            accepted
        ).failure(lambda exc: self._fail(describe(exc))).run_in_background()

    def _show_sensitive(self) -> None:
        """The ID number and phone: masked, unless shown in full for this customer."""
        person, id_number = self.context.person, self.context.id_number
        if id_number is None:
            self.fields["id"].setText("—")
            self.fields["phone"].setText("—")
            self.reveal_id_button.setEnabled(False)
            self.reveal_phone_button.setEnabled(False)
            return
        full_id = "id_number" in self._revealed
        self.fields["id"].setText(id_number if full_id else IdNumber(id_number).masked())
        phone = person.phone if person is not None else ""
        full_phone = "phone" in self._revealed
        self.fields["phone"].setText((phone if full_phone else mask_phone(phone)) if phone else "—")
        self.reveal_id_button.setEnabled(self.may_reveal and person is not None and not full_id)
        self.reveal_phone_button.setEnabled(self.may_reveal and bool(phone) and not full_phone)

    # -- showing the context -------------------------------------------------------------------
    def _context_changed(self, change: Change) -> None:
        if change is Change.NEW_CUSTOMER:
            self._token += 1  # answers of look-ups still running are for the previous customer
            self._search_token += 1
            self._search_timer.stop()
            self._expected_name = None
            self._revealed.clear()
            self.id_input.clear()
            self._show_results(None, [])
            self._say("")
            self.employer_input.clear()
            self.employer_message.clear()
            self.employer_results.clear()
            self.employer_results.hide()
            self.recent_button.setChecked(False)
            self.reveal_reason.setCurrentIndex(0)
            self._show_nobody()
            self._show_employer()
            self._refresh_recent()
        elif change is Change.PERSON:
            self._revealed.clear()
            self._show_person()
        elif change is Change.REFRESHED:
            self._show_person()
        elif change is Change.EMPLOYER:
            self._show_employer()
        self._show_ticket()

    def _show_ticket(self) -> None:
        ticket = self.context.ticket
        self.fields["ticket"].setText(ticket.display if ticket is not None else "—")

    def _show_nobody(self) -> None:
        for key, value in self.fields.items():
            if key != "ticket":
                value.setText("—")
        self.reveal_id_button.setEnabled(False)
        self.reveal_phone_button.setEnabled(False)
        self.cases.clear()
        self._show_details(None)

    def _show_person(self) -> None:
        person, id_number = self.context.person, self.context.id_number
        self.cases.clear()
        if person is None:
            self._show_nobody()
            self._show_sensitive()
            if id_number is not None:
                self._say(self.tr("Not found in the registry: a new person can be enrolled."))
            self.person_selected.emit(None)
            return
        found = (
            self.tr("Found in the local cache.")
            if person.source == "local"
            else self.tr("Found in the central registry.")
        )
        expected = self._expected_name
        if expected is not None and expected != person.name:
            self._say(
                found
                + "\n"
                + self.tr("The card gives the name %1, the registry %2: check the person.")
                .replace("%1", expected)
                .replace("%2", person.name),
                WARNING_STYLE,
            )
        else:
            self._say(found)
        f = self.fields
        f["name"].setText(person.name)
        f["sex"].setText(sex_label(person.sex))
        f["birth"].setText(person.birth_date.isoformat())
        self._show_sensitive()
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
        self._load_details(person)
        self.person_selected.emit(person)

    # -- insurance, open cases, contributions ----------------------------------------------------
    def _load_details(self, person: PersonSummary) -> None:
        serial, id_number = self.context.serial, person.id_number
        known = person.insurance_types if person.source != "local" else ()

        def read() -> Details:
            return (
                insurance_summary(self.ws, id_number, known_types=known),
                open_cases(self.ws, id_number),
                contribution_history(self.ws, id_number, limit=CONTRIBUTION_MONTHS),
            )

        def shown(details: Details) -> None:
            if serial == self.context.serial and id_number == self.context.id_number:
                self._show_details(details)

        Op(read, parent=self).success(shown).failure(self._background_failed).run_in_background()

    def _show_details(self, details: Details | None) -> None:
        lines, cases, contributions = details if details is not None else ([], [], [])
        for code, label in self.insurance_rows.items():
            line = next((x for x in lines if x.insurance_type == code), None)
            label.setText(self._insurance_text(line) if line is not None else "—")
        self.open_cases.clear()
        for case in cases:
            self.open_cases.addItem(self._open_case_text(case))
        if details is not None and not cases:
            self.open_cases.addItem(self.tr("No open cases."))
        self.contributions_model.set_records(contributions)
        self.contributions_note.setText(
            self.tr("No contributions recorded.")
            if details is not None and not contributions
            else ""
        )
        self.contributions_note.setVisible(bool(self.contributions_note.text()))

    def _insurance_text(self, line: InsuranceLine) -> str:
        if line.status is None:
            return self.tr("Held") if line.held else self.tr("Not held")
        state = {
            "active": self.tr("Held"),
            "suspended": self.tr("Suspended"),
            "stopped": self.tr("Stopped"),
            "terminated": self.tr("Stopped"),
        }.get(line.status, self.tr("Not held"))
        parts = [state]
        if line.since is not None:
            parts.append(self.tr("since %1").replace("%1", line.since.isoformat()))
        if line.employer_name or line.employer_code:
            parts.append(line.employer_name or line.employer_code or "")
        return " · ".join(parts)

    def _open_case_text(self, case: OpenCase) -> str:
        number = case.case_no or self.tr("number pending")
        if case.promised_date is None:
            promise = self.tr("no promised date until the materials are complete")
        else:
            promise = self.tr("promised by %1").replace("%1", case.promised_date.isoformat())
            if case.promised_provisional:
                promise += " " + self.tr("(provisional)")
        return " · ".join(
            (
                f"{case.accepted_at:%Y-%m-%d}",
                item_label(case.item_code),
                case_status_label(case.status),
                number,
                promise,
            )
        )

    def _contribution_state(self, line: ContributionLine) -> str:
        return {
            "declared": self.tr("Declared"),
            "due": self.tr("Due"),
            "paid": self.tr("Paid"),
            "arrears": self.tr("In arrears"),
        }.get(line.status) or self.tr("Other state")
