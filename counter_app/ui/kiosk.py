"""取号机 — the ticket kiosk: one large button per category, then the number on screen.

The ticket is printed on the printer named ``kiosk`` (or the first thermal printer
configured); if printing fails the number stays on screen large enough to note down.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import ValidationError
from counter_app.domain.ids import IdNumber
from counter_app.domain.queue import QueueSettings
from counter_app.printing import documents
from counter_app.services import queue
from counter_app.services.document_printing import DocumentPrinter, ticket_printer
from counter_app.services.queries import hall_name
from counter_app.services.workstation import Workstation
from counter_app.ui.errors import describe, validation_text
from counter_app.ui.ops import Op


class KioskWindow(QWidget):
    issued = Signal(object)  # (queue.Ticket, print status)

    def __init__(self, ws: Workstation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Take a number"))
        self.setObjectName("kiosk")
        title = QLabel(self.tr("Please choose your business"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSize(font.pointSize() + 14)
        title.setFont(font)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        self.settings = QueueSettings.from_dict(ws.config.queue)
        for index, category in enumerate(self.settings.categories):
            button = QPushButton(f"{category.code}  {category.name}")
            button.setObjectName(f"kiosk_{category.code}")
            button.setMinimumHeight(120)
            big = button.font()
            big.setPointSize(big.pointSize() + 12)
            button.setFont(big)
            button.clicked.connect(lambda _=False, c=category.code: self.take(c))
            self.buttons[category.code] = button
            grid.addWidget(button, index // 2, index % 2)
        self.id_input = QLineEdit()
        self.id_input.setObjectName("kioskIdNumber")
        self.id_input.setMaxLength(18)
        self.id_input.setPlaceholderText(
            self.tr("Optional: ID number (seniors are served with priority)")
        )
        self.priority_age = self.settings.priority_age
        self.result = QLabel()
        self.result.setObjectName("kioskResult")
        self.result.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result.setWordWrap(True)
        big = self.result.font()
        big.setPointSize(big.pointSize() + 10)
        self.result.setFont(big)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.id_input)
        layout.addLayout(grid, 1)
        layout.addWidget(self.result)
        self.clear_timer = QTimer(self)
        self.clear_timer.setSingleShot(True)
        self.clear_timer.timeout.connect(self.result.clear)

    def take(self, category: str) -> None:
        for button in self.buttons.values():
            button.setEnabled(False)
        hall = self.ws.config.hall_code
        printer_name = ticket_printer(self.ws)
        raw_id = self.id_input.text().strip()
        self.id_input.clear()
        if raw_id:
            try:
                number = IdNumber.parse(raw_id)
            except ValidationError as exc:
                self.result.setText(validation_text(exc))
                for button in self.buttons.values():
                    button.setEnabled(True)
                return
            if category in ("A", "C") and number.age_on(dt.date.today()) >= self.priority_age:
                category = "V"  # priority raised automatically by age

        def run() -> tuple[queue.Ticket, str]:
            central = self.ws.central()
            ticket = queue.issue_ticket(central, hall, category)
            ahead = max(
                0, queue.waiting_counts(central, hall, dt.date.today()).get(category, 1) - 1
            )
            wait = queue.estimated_wait(central, hall, ahead)
            if printer_name is None:
                return ticket, "no printer"
            doc = documents.queue_ticket(
                hall_name(self.ws), ticket.display, self.settings.name_of(category), ahead,
                round(wait.total_seconds() / 60), ticket.issued_at,
            )  # fmt: skip
            job = DocumentPrinter(self.ws).print(doc, printer_name, ticket.display)
            return ticket, job.status

        Op(run, parent=self).success(self._issued).failure(self._failed).run_in_background()

    def _issued(self, result: tuple[queue.Ticket, str]) -> None:
        ticket, status = result
        for button in self.buttons.values():
            button.setEnabled(True)
        text = self.tr("Your number: %1").replace("%1", ticket.display)
        if status == "no printer":
            text += "\n" + self.tr("No ticket printer is set up; please remember your number.")
        elif status != "printed":
            text += "\n" + self.tr("The ticket could not be printed; please remember your number.")
        self.result.setText(text)
        self.clear_timer.start(15_000)
        self.issued.emit(result)

    def _failed(self, exc: BaseException) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
        self.result.setText(describe(exc))


def run(ws: Workstation, app: QApplication) -> int:
    window = KioskWindow(ws)
    window.showFullScreen()
    return app.exec()
